//! The two renderers of findings: the human report in the manner of rustc
//! (severity and code, message, ` --> file:line:col`, the source line with a
//! caret span, `= help:`), colour only on request, and JSON with the same
//! facts for tools. Both end with the counts by severity and class.
//!
//! The human report is drawn by `annotate-snippets`, the renderer rustc
//! uses: display widths of CJK text under the carets, long lines cut to a
//! window around the span, multi-line spans.

use super::Class;
use crate::diag::{Diagnostic, Severity};
use crate::source::SourceText;
use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
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

/// The report is rendered for a terminal this wide: longer source lines
/// are shown as a window around their marks, so that a finding on a very
/// long line (a PDF rendering, a pasted paragraph) stays short.
const TERM_WIDTH: usize = 140;

/// Byte offset of 1-based character column `column` in `line` (its end
/// past the last character).
fn byte_at_column(line: &str, column: usize) -> usize {
    line.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i)
}

/// The source lines a finding marks, as one snippet, and the byte range of
/// its span within it. An empty span is widened to the character it
/// points at, so that the caret shows.
fn snippet_of(d: &Diagnostic, source: &Lines) -> (String, std::ops::Range<usize>) {
    let end_line = d.end_line.max(d.line);
    let mut text = String::new();
    let mut start = 0;
    let mut end = 0;
    for n in d.line..=end_line {
        let line = source.get(n).trim_end();
        if n > d.line {
            text.push('\n');
        }
        if n == d.line {
            start = text.len() + byte_at_column(line, d.column);
        }
        if n == end_line {
            end = text.len() + byte_at_column(line, d.end_column);
        }
        text.push_str(line);
    }
    let end = if end <= start {
        text.get(start..)
            .and_then(|rest| rest.chars().next())
            .map_or(start, |c| start + c.len_utf8())
    } else {
        end
    };
    (text, start..end)
}

pub fn human_diagnostic(d: &Diagnostic, file: &str, source: &str, color: bool) -> String {
    human_diagnostic_in(d, file, &Lines::split(source), color)
}

/// One finding in the manner of rustc, rendered by `annotate-snippets`
/// (rustc's own renderer): severity and code, message, ` --> file:line:col`,
/// the marked source lines, the footnote and the help.
fn human_diagnostic_in(d: &Diagnostic, file: &str, source: &Lines, color: bool) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let (text, span) = snippet_of(d, source);
    let mut group = level
        .primary_title(d.message.as_str())
        .id(d.code.as_str())
        .element(
            Snippet::source(text.as_str())
                .line_start(d.line)
                .path(file)
                .annotation(AnnotationKind::Primary.span(span)),
        );
    let footnote = d.footnote.map(|n| format!("in footnote {n}"));
    if let Some(footnote) = &footnote {
        group = group.element(Level::NOTE.message(footnote.as_str()));
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(TERM_WIDTH);
    let mut out = renderer.render(&[group]);
    out.push('\n');
    out
}

pub fn human(file: &FileReport, color: bool) -> String {
    let lines = Lines::split(file.source);
    crate::io::collect_string(|out| write_human(file, &lines, color, out))
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
            Pos::new(line, col),
            Pos::new(end_line, end_col),
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
             --> paper.txt:2:8\n  \
             |\n\
             2 |    1996) , pp.3-6.\n  \
             |        ^^^\n  \
             |\n  \
             = note: in footnote 13\n  \
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
            out.contains("1 |   one two\n  |  _____^\n2 | |   three four\n  | |_______^\n"),
            "{out}"
        );
    }

    #[test]
    fn long_lines_are_cut_to_a_window_around_the_span() {
        let source = format!("{} Norton, 1990) , 5.\n", "WORD ".repeat(60));
        let out = human_diagnostic(&diag(1, 315, 1, 318), "p.txt", &source, false);
        assert!(
            out.contains("1 | ...") && out.contains("WORD WORD"),
            "{out}"
        );
        assert!(
            out.lines().all(|l| l.chars().count() <= TERM_WIDTH),
            "{out}"
        );
        assert!(out.contains("Norton, 1990) , 5.\n  |"), "{out}");
    }

    #[test]
    fn colour_only_when_asked() {
        let source = "x ,\n";
        assert!(!human_diagnostic(&diag(1, 1, 1, 3), "p", source, false).contains('\x1b'));
        assert!(human_diagnostic(&diag(1, 1, 1, 3), "p", source, true).contains("\x1b["));
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
