//! The two renderers of findings: the human report in the manner of rustc
//! (severity and code, message, ` --> file:line:col`, the source line with a
//! caret span, `= help:`), colour only on request, and JSON with the same
//! facts for tools. Both end with the counts by severity and class.
//!
//! Written by hand rather than with `annotate-snippets`: 0.12 needs a newer
//! Rust than this crate's `rust-version`, and the one thing it would add —
//! display widths of CJK text under the carets — is a small table here.

use super::Class;
use crate::diag::{Diagnostic, Severity};
use crate::source::SourceText;
use serde_json::{json, Value};

/// One checked input: its name, the text positions refer to, its findings.
#[derive(Debug, Clone, Copy)]
pub struct FileReport<'a> {
    pub name: &'a str,
    pub source: &'a str,
    pub diagnostics: &'a [Diagnostic],
}

/// Counts by severity and class.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    /// In the order of [`Class::ALL`].
    pub classes: [usize; 4],
}

impl Counts {
    pub fn of<'d>(diagnostics: impl IntoIterator<Item = &'d Diagnostic>) -> Counts {
        let mut c = Counts::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
            }
            let class = Class::of(&d.code);
            if let Some(i) = Class::ALL.iter().position(|k| *k == class) {
                if let Some(n) = c.classes.get_mut(i) {
                    *n += 1;
                }
            }
        }
        c
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `summary: 3 errors, 21 warnings (malformed 9, duplicates 2, numbering 0,
/// consistency 13)`
pub fn summary_line(c: &Counts) -> String {
    let classes: Vec<String> = Class::ALL
        .iter()
        .zip(c.classes)
        .map(|(k, n)| format!("{} {n}", k.name()))
        .collect();
    format!(
        "summary: {}, {} ({})",
        plural(c.errors, "error"),
        plural(c.warnings, "warning"),
        classes.join(", ")
    )
}

/// Columns a character takes in a terminal: two for CJK and full-width
/// forms, one otherwise.
pub fn char_width(c: char) -> usize {
    let wide = matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD);
    if wide {
        2
    } else {
        1
    }
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn severity(&self, s: Severity, text: &str) -> String {
        self.paint(
            match s {
                Severity::Error => "1;31",
                Severity::Warning => "1;33",
            },
            text,
        )
    }
    fn gutter(&self, text: &str) -> String {
        self.paint("1;34", text)
    }
    fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }
}

/// The lines of a report's source: split once, or looked up in the line
/// index the source already has (a paper's text is large: its lines are
/// not collected again for the report).
pub enum Lines<'a> {
    Split(Vec<&'a str>),
    Indexed(&'a SourceText),
}

impl<'a> Lines<'a> {
    pub fn split(source: &'a str) -> Self {
        Lines::Split(source.split('\n').collect())
    }

    /// 1-based line `n`, empty past the end.
    fn get(&self, n: usize) -> &'a str {
        match self {
            Lines::Split(lines) => lines.get(n.saturating_sub(1)).copied().unwrap_or(""),
            Lines::Indexed(source) => source.line(n),
        }
    }
}

/// Text of 1-based line `n` (empty past the end), without its line break
/// and trailing spaces, tabs shown as one space.
fn source_line(lines: &Lines, n: usize) -> String {
    lines.get(n).trim_end().replace('\t', " ")
}

/// Lines longer than this many characters are shown as a window around the
/// marked columns, so that a report on a very long line stays short.
const LONGEST_SHOWN_LINE: usize = 200;
const WINDOW_CONTEXT: usize = 60;

/// `text` clipped to a window around columns `from..to` when it is too long
/// to show, with the columns moved into the window.
fn clip(text: String, from: usize, to: usize) -> (String, usize, usize) {
    let count = text.chars().count();
    if count <= LONGEST_SHOWN_LINE {
        return (text, from, to);
    }
    let first = from.saturating_sub(1 + WINDOW_CONTEXT);
    let last = (to.max(from) + WINDOW_CONTEXT).min(count);
    let last = last.min(first + LONGEST_SHOWN_LINE).max(first);
    let mut shown = String::new();
    let mut shift = first;
    if first > 0 {
        shown.push('…');
        shift = shift.saturating_sub(1);
    }
    shown.extend(text.chars().skip(first).take(last - first));
    if last < count {
        shown.push('…');
    }
    (
        shown,
        from.saturating_sub(shift).max(1),
        to.saturating_sub(shift).max(1),
    )
}

/// The caret line for columns `from..to` (1-based, characters) of `line`.
fn carets(line: &str, from: usize, to: usize) -> (String, String) {
    let chars: Vec<char> = line.chars().collect();
    let start = from.saturating_sub(1).min(chars.len());
    let end = to.saturating_sub(1).clamp(start, chars.len());
    let pad: usize = chars.iter().take(start).copied().map(char_width).sum();
    let span: usize = chars
        .iter()
        .skip(start)
        .take(end - start)
        .copied()
        .map(char_width)
        .sum();
    (" ".repeat(pad), "^".repeat(span.max(1)))
}

/// One diagnostic in the rustc manner.
pub fn human_diagnostic(d: &Diagnostic, file: &str, source: &str, color: bool) -> String {
    human_diagnostic_in(d, file, &Lines::split(source), color)
}

/// [`human_diagnostic`] with the source already split into lines (a split
/// per diagnostic was quadratic on a long report).
fn human_diagnostic_in(d: &Diagnostic, file: &str, source: &Lines, color: bool) -> String {
    let style = Style { on: color };
    let mut out = String::new();
    let head = format!("{}[{}]", d.severity.name(), d.code);
    out.push_str(&style.severity(d.severity, &head));
    out.push_str(&style.bold(&format!(": {}", d.message)));
    out.push('\n');
    let end_line = d.end_line.max(d.line);
    // Long spans show their first and last lines.
    let lines: Vec<usize> = if end_line - d.line <= 3 {
        (d.line..=end_line).collect()
    } else {
        vec![d.line, end_line]
    };
    let gutter = lines.iter().map(|n| n.to_string().len()).max().unwrap_or(1);
    let pad = " ".repeat(gutter);
    let footnote = d
        .footnote
        .map(|n| format!(" (footnote {n})"))
        .unwrap_or_default();
    out.push_str(&format!(
        "{pad}{} {file}:{}:{}{footnote}\n",
        style.gutter("-->"),
        d.line,
        d.column
    ));
    out.push_str(&format!("{pad} {}\n", style.gutter("|")));
    let mut previous: Option<usize> = None;
    for &n in &lines {
        if previous.is_some_and(|p| n > p + 1) {
            out.push_str(&format!("{}\n", style.gutter("...")));
        }
        previous = Some(n);
        let text = source_line(source, n);
        let from = if n == d.line {
            d.column
        } else {
            text.chars().take_while(|c| *c == ' ').count() + 1
        };
        let to = if n == end_line {
            d.end_column
        } else {
            text.chars().count() + 1
        };
        let to = if n == d.line && n == end_line && to <= from {
            from + 1
        } else {
            to
        };
        let (text, from, to) = clip(text, from, to);
        out.push_str(&format!(
            "{} {text}\n",
            style.gutter(&format!("{n:>gutter$} |"))
        ));
        let (space, marks) = carets(&text, from, to);
        out.push_str(&format!(
            "{pad} {} {space}{}\n",
            style.gutter("|"),
            style.severity(d.severity, &marks)
        ));
    }
    if let Some(help) = &d.help {
        out.push_str(&format!("{pad} {}\n", style.gutter("|")));
        out.push_str(&format!(
            "{pad} {} {}: {help}\n",
            style.gutter("="),
            style.bold("help")
        ));
    }
    out
}

/// Every diagnostic of a file, each followed by a blank line.
pub fn human(file: &FileReport, color: bool) -> String {
    let lines = Lines::split(file.source);
    crate::export::collect_string(|out| write_human(file, &lines, color, out))
}

/// [`human`] written diagnostic by diagnostic to `out`.
pub fn write_human(
    file: &FileReport,
    lines: &Lines,
    color: bool,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for d in file.diagnostics {
        out.write_all(human_diagnostic_in(d, file.name, lines, color).as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

fn diagnostic_json(d: &Diagnostic) -> Value {
    json!({
        "severity": d.severity.name(),
        "code": d.code,
        "class": Class::of(&d.code).name(),
        "footnote": d.footnote,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "message": d.message,
        "help": d.help,
    })
}

/// The JSON report: `{"files": [{"file", "diagnostics": […]}], "summary":
/// {"errors", "warnings", "classes": {…}}}`.
pub fn json(files: &[FileReport], counts: &Counts) -> String {
    let files: Vec<Value> = files
        .iter()
        .map(|f| {
            json!({
                "file": f.name,
                "diagnostics": f.diagnostics.iter().map(diagnostic_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    let mut classes = serde_json::Map::new();
    for (k, n) in Class::ALL.iter().zip(counts.classes) {
        classes.insert(k.name().to_string(), n.into());
    }
    let value = json!({
        "files": files,
        "summary": {
            "errors": counts.errors,
            "warnings": counts.warnings,
            "classes": classes,
        },
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Pos;

    fn diag(line: usize, col: usize, end_line: usize, end_col: usize) -> Diagnostic {
        Diagnostic::new(
            Severity::Warning,
            "space-before-punctuation",
            Pos { line, column: col },
            Pos {
                line: end_line,
                column: end_col,
            },
            "stray space before `,`: `) ,`",
        )
        .in_footnote(13)
        .with_help("remove the space: `),`")
    }

    #[test]
    fn renders_like_rustc() {
        let source = "a\n   1996) , pp.3-6.\n";
        let out = human_diagnostic(&diag(2, 8, 2, 11), "paper.txt", source, false);
        assert_eq!(
            out,
            "warning[space-before-punctuation]: stray space before `,`: `) ,`\n \
             --> paper.txt:2:8 (footnote 13)\n  \
             |\n\
             2 |    1996) , pp.3-6.\n  \
             |        ^^^\n  \
             |\n  \
             = help: remove the space: `),`\n"
        );
    }

    #[test]
    fn carets_count_cjk_as_two_columns() {
        let source = "頁 9，2003 年 ， x\n";
        let out = human_diagnostic(&diag(1, 10, 1, 13), "p.txt", source, false);
        assert!(
            out.contains("1 | 頁 9，2003 年 ， x\n  |            ^^^^^\n"),
            "{out}"
        );
    }

    #[test]
    fn multi_line_spans_mark_each_line() {
        let source = "one two\n  three four\n";
        let out = human_diagnostic(&diag(1, 5, 2, 8), "p.txt", source, false);
        assert!(
            out.contains("1 | one two\n  |     ^^^\n2 |   three four\n  |   ^^^^^\n"),
            "{out}"
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let source = "x ,\n";
        assert!(!human_diagnostic(&diag(1, 1, 1, 3), "p", source, false).contains('\x1b'));
        assert!(human_diagnostic(&diag(1, 1, 1, 3), "p", source, true).contains("\x1b[1;33m"));
    }

    #[test]
    fn summary_and_json() {
        let ds = vec![diag(1, 1, 1, 2)];
        let counts = Counts::of(&ds);
        assert_eq!(
            summary_line(&counts),
            "summary: 0 errors, 1 warning (malformed 1, duplicates 0, numbering 0, consistency 0)"
        );
        let j: Value = serde_json::from_str(&json(
            &[FileReport {
                name: "p.txt",
                source: "x",
                diagnostics: &ds,
            }],
            &counts,
        ))
        .unwrap();
        assert_eq!(j["files"][0]["diagnostics"][0]["class"], "malformed");
        assert_eq!(j["files"][0]["diagnostics"][0]["footnote"], 13);
        assert_eq!(j["summary"]["warnings"], 1);
        assert_eq!(j["summary"]["classes"]["malformed"], 1);
    }
}
