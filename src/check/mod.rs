//! `footcite check`: every citation problem of a paper (or of an existing
//! bibliography) as [`Diagnostic`]s that point at the source line.
//!
//! One module per class of finding, each a pure function over the
//! [`Extraction`]: [`malformed`], [`duplicates`], [`numbering`],
//! [`consistency`]. [`render`] turns the findings into the rustc-like human
//! report or JSON; [`bibfile`] runs the duplicate and malformed checks on a
//! `.bib` or CSL-JSON file. The CLI ([`run_cli`]) only wires these.

pub mod bibfile;
pub mod consistency;
pub mod distance;
pub mod duplicates;
pub mod malformed;
pub mod numbering;
pub mod place_names;
pub mod places;
pub mod render;

use crate::diag::{Diagnostic, Severity};
use crate::extract::{CitationRecord, Extraction, NoteRecord};
use crate::layout::Footnote;
use crate::source::Pos;
use crate::threads::join_when;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// How `footcite check` reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// JSON for tools instead of the human report.
    pub json: bool,
    /// Exit 1 on warnings too (`--deny warnings`).
    pub deny_warnings: bool,
    /// Replace invalid UTF-8 instead of refusing the file.
    pub lossy: bool,
    /// How a text input is laid out.
    pub layout: crate::layout::LayoutKind,
    /// ANSI colours in the human report (only on a terminal).
    pub color: bool,
}

/// The four classes of finding the issue names; the summary counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    Malformed,
    Duplicates,
    Numbering,
    Consistency,
}

impl Class {
    pub const ALL: [Class; 4] = [
        Class::Malformed,
        Class::Duplicates,
        Class::Numbering,
        Class::Consistency,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Class::Malformed => "malformed",
            Class::Duplicates => "duplicates",
            Class::Numbering => "numbering",
            Class::Consistency => "consistency",
        }
    }

    /// The class of a diagnostic code. Codes raised by extraction (unparsed
    /// text, unresolved Ibid.) are classed with the checks they belong to.
    pub fn of(code: &str) -> Class {
        if code.starts_with("inconsistent-") {
            Class::Consistency
        } else if code.starts_with("note-number") || code.starts_with("marker-") {
            Class::Numbering
        } else if matches!(
            code,
            "duplicate-citation"
                | "repeated-full-citation"
                | "near-duplicate"
                | "ambiguous-ibid"
                | "ibid-without-antecedent"
                | "short-form-unresolved"
                | "duplicate-entry"
                | "duplicate-key"
        ) {
            Class::Duplicates
        } else {
            Class::Malformed
        }
    }
}

/// Today's date, the reference for "a year in the future". Injectable so
/// tests do not depend on the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Today {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Today {
    /// The date (UTC) from the system clock.
    pub fn from_system() -> Today {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Today::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0))
    }

    /// Civil date of a count of days since 1970-01-01 (Howard Hinnant's
    /// `civil_from_days`).
    pub fn from_unix_days(days: i64) -> Today {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Today {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }
}

/// A note with what a check needs to place a finding in the source.
#[derive(Clone, Copy)]
pub(crate) struct NoteView<'a> {
    pub ex: &'a Extraction,
    pub record: &'a NoteRecord,
    pub footnote: &'a Footnote,
}

impl<'a> NoteView<'a> {
    pub fn number(&self) -> u32 {
        self.record.number
    }

    /// The note's joined text.
    pub fn text(&self) -> &'a str {
        &self.footnote.text
    }

    pub fn slice(&self, range: &Range<usize>) -> &'a str {
        self.footnote.text.get(range.clone()).unwrap_or("")
    }

    pub fn pos(&self, offset: usize) -> Pos {
        self.footnote.source_pos(&self.ex.document, offset)
    }

    /// A diagnostic on a byte range of the note text.
    pub fn diag(
        &self,
        severity: Severity,
        code: &str,
        range: &Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(
            severity,
            code,
            self.pos(range.start),
            self.pos(range.end),
            message,
        )
        .in_footnote(self.number())
    }

    /// Is this byte of the note text copied from the source (not a space the
    /// joiner put between two lines)?
    pub fn is_from_source(&self, offset: usize) -> bool {
        self.footnote
            .map
            .segments()
            .iter()
            .any(|s| (s.derived()..s.derived() + s.len()).contains(&offset))
    }

    pub fn citations(&self) -> &'a [CitationRecord] {
        &self.record.citations
    }
}

/// The notes of an extraction, each found by its index in `ex.notes`
/// without a list of views: a long paper has a hundred thousand notes.
#[derive(Clone, Copy)]
pub(crate) struct Views<'a> {
    ex: &'a Extraction,
}

impl<'a> Views<'a> {
    pub fn new(ex: &'a Extraction) -> Self {
        Views { ex }
    }

    /// The note at `index`, with its footnote.
    pub fn get(&self, index: usize) -> Option<NoteView<'a>> {
        let record = self.ex.notes.get(index)?;
        let footnote = self.ex.document.footnotes.get(record.footnote)?;
        Some(NoteView {
            ex: self.ex,
            record,
            footnote,
        })
    }

    /// Every note with its index, in document order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, NoteView<'a>)> + 'a {
        let views = *self;
        (0..self.ex.notes.len()).filter_map(move |i| Some((i, views.get(i)?)))
    }
}

/// Sort for reports and drop repeats of one finding (the same code at the
/// same place), keeping the first given.
pub fn sort_and_dedup(diagnostics: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::HashSet::new();
    diagnostics
        .retain(|d| seen.insert((d.code.clone(), d.line, d.column, d.end_line, d.end_column)));
    diagnostics.sort_by(|a, b| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| a.footnote.cmp(&b.footnote))
            .then_with(|| a.message.cmp(&b.message))
    });
}

/// All findings on a paper, sorted: the checks' own, then those extraction
/// raised that the checks did not already make.
pub fn check_extraction(ex: &Extraction) -> Vec<Diagnostic> {
    check_extraction_at(ex, Today::from_system())
}

/// [`check_extraction`] with a fixed "today".
pub fn check_extraction_at(ex: &Extraction, today: Today) -> Vec<Diagnostic> {
    // The four checks read the extraction and nothing else: on a long
    // paper they run side by side (their findings are sorted below).
    let parallel = crate::threads::worth_threads(ex.notes.len());
    let ((mut out, duplicates), (numbering, consistency)) = join_when(
        parallel,
        || {
            join_when(
                parallel,
                || malformed::check(ex, today),
                || duplicates::check(ex),
            )
        },
        || join_when(parallel, || numbering::check(ex), || consistency::check(ex)),
    );
    // Room for exactly all of them, and none spare after the dedup: the
    // review holds the findings while it writes the page.
    out.reserve_exact(
        duplicates.len() + numbering.len() + consistency.len() + ex.diagnostics.len(),
    );
    out.extend(duplicates);
    out.extend(numbering);
    out.extend(consistency);
    out.extend(ex.diagnostics.iter().cloned());
    sort_and_dedup(&mut out);
    out.shrink_to_fit();
    out
}

/// The human report of a paper, without colour: what `refs/<stem>.check.txt`
/// holds.
pub fn report(ex: &Extraction, file_name: &str) -> String {
    report_at(ex, file_name, Today::from_system())
}

/// [`report`] with a fixed "today".
pub fn report_at(ex: &Extraction, file_name: &str, today: Today) -> String {
    crate::io::collect_string(|out| write_report_at(ex, file_name, today, out))
}

/// [`report`] written straight to `out`, finding by finding.
pub fn write_report(
    ex: &Extraction,
    file_name: &str,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_report_at(ex, file_name, Today::from_system(), out)
}

fn write_report_at(
    ex: &Extraction,
    file_name: &str,
    today: Today,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_report_with(ex, file_name, &check_extraction_at(ex, today), out)
}

/// [`write_report`] of findings already made by [`check_extraction`].
pub fn write_report_with(
    ex: &Extraction,
    file_name: &str,
    diagnostics: &[Diagnostic],
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let file = render::FileReport {
        name: file_name,
        source: ex.document.source.text(),
        diagnostics,
    };
    render::write_human(
        &file,
        &render::Lines::Indexed(&ex.document.source),
        false,
        out,
    )?;
    out.write_all(render::summary_line(&render::Counts::of(diagnostics)).as_bytes())?;
    out.write_all(b"\n")
}

/// What kind of input a path names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Paper,
    Bib,
    CslJson,
}

impl InputKind {
    pub fn of(path: &Path) -> InputKind {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("bib") => InputKind::Bib,
            Some("json") => InputKind::CslJson,
            _ => InputKind::Paper,
        }
    }
}

/// The findings on one input and the text their positions refer to.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The text positions refer to (NFC, `\n` line endings), with its
    /// line index for the report.
    pub source: crate::source::SourceText,
    pub diagnostics: Vec<Diagnostic>,
}

/// Check one input's text: the findings, or why it could not be checked.
/// Takes the text by value (a `String` is not copied).
pub fn check_text(
    kind: InputKind,
    text: impl Into<String>,
    today: Today,
) -> Result<Checked, String> {
    let text: String = text.into();
    match kind {
        InputKind::Paper => {
            let ex = crate::extract::extract_owned(text).map_err(|e| e.to_string())?;
            let diagnostics = check_extraction_at(&ex, today);
            Ok(Checked {
                // Moved out of the extraction, not copied.
                source: ex.document.source,
                diagnostics,
            })
        }
        InputKind::Bib | InputKind::CslJson => {
            // Positions count in the normalised text, as for papers.
            let source = crate::source::SourceText::from_string(text);
            let diagnostics = if kind == InputKind::Bib {
                bibfile::check_bib(source.text(), today)?
            } else {
                bibfile::check_csl_json(source.text(), today)?
            };
            Ok(Checked {
                source,
                diagnostics,
            })
        }
    }
}

/// `footcite check FILE...`: report every file, write the report to
/// standard output, a one-line error per unreadable file to standard error.
/// Exit code: 2 if any file could not be checked, else 1 if there are
/// errors (or warnings with `deny_warnings`), else 0.
pub fn run_cli(files: &[PathBuf], options: &Options) -> u8 {
    let mut stdout = std::io::stdout().lock();
    run_cli_to(files, options, Today::from_system(), &mut stdout)
}

/// [`run_cli`] writing the report to `out`, with a fixed "today".
pub fn run_cli_to(
    files: &[PathBuf],
    options: &Options,
    today: Today,
    out: &mut dyn std::io::Write,
) -> u8 {
    let mut unread = 0usize;
    let mut results: Vec<(String, Checked)> = Vec::new();
    for path in files {
        let name = crate::io::display_name(path);
        let checked = match InputKind::of(path) {
            InputKind::Paper => {
                let input = crate::input::Options {
                    layout: options.layout,
                    lossy: options.lossy,
                };
                crate::input::load(path, input).map(|ex| {
                    let diagnostics = check_extraction_at(&ex, today);
                    Checked {
                        source: ex.document.source,
                        diagnostics,
                    }
                })
            }
            kind => crate::io::read_text(path, options.lossy)
                .map_err(|e| e.to_string())
                .and_then(|text| check_text(kind, text, today).map_err(|e| format!("{name}: {e}"))),
        };
        match checked {
            Ok(c) => results.push((name, c)),
            Err(message) => {
                eprintln!("footcite: {}", message.replace('\n', " "));
                unread += 1;
            }
        }
    }
    // Nothing was checked: no report, only the errors above (a summary of
    // "0 errors" would contradict the exit code).
    if results.is_empty() && unread > 0 {
        return 2;
    }
    let reports: Vec<render::FileReport> = results
        .iter()
        .map(|(name, c)| render::FileReport {
            name,
            source: c.source.text(),
            diagnostics: &c.diagnostics,
        })
        .collect();
    let counts = render::Counts::of(results.iter().flat_map(|(_, c)| &c.diagnostics));
    // The human report is written file by file, finding by finding.
    use std::io::Write as _;
    let mut out = std::io::BufWriter::new(out);
    let written = if options.json {
        out.write_all(render::json(&reports, &counts).as_bytes())
            .and_then(|()| out.write_all(b"\n"))
    } else {
        reports
            .iter()
            .zip(&results)
            .try_for_each(|(r, (_, c))| {
                let lines = render::Lines::Indexed(&c.source);
                render::write_human(r, &lines, options.color, &mut out)
            })
            .and_then(|()| out.write_all(render::summary_line(&counts).as_bytes()))
            .and_then(|()| match unread {
                0 => Ok(()),
                n => write!(
                    out,
                    "; {n} of {} files not checked (see above)",
                    files.len()
                ),
            })
            .and_then(|()| out.write_all(b"\n"))
    };
    if written.and_then(|()| out.flush()).is_err() {
        return 2;
    }
    if unread > 0 {
        2
    } else if counts.errors > 0 || (options.deny_warnings && counts.warnings > 0) {
        1
    } else {
        0
    }
}

/// A short quotation of a text for messages: at most `max` characters.
pub(crate) fn quote(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_from_days() {
        assert_eq!(
            Today::from_unix_days(0),
            Today {
                year: 1970,
                month: 1,
                day: 1
            }
        );
        assert_eq!(
            Today::from_unix_days(11_016),
            Today {
                year: 2000,
                month: 2,
                day: 29
            }
        );
        // The first of March, after a year's February without a 29th.
        assert_eq!(
            Today::from_unix_days(59),
            Today {
                year: 1970,
                month: 3,
                day: 1
            }
        );
        assert_eq!(
            Today::from_unix_days(20_454),
            Today {
                year: 2026,
                month: 1,
                day: 1
            }
        );
    }

    #[test]
    fn classes_of_codes() {
        assert_eq!(Class::of("inconsistent-volume-label"), Class::Consistency);
        assert_eq!(Class::of("marker-missing"), Class::Numbering);
        assert_eq!(Class::of("note-number-gap"), Class::Numbering);
        assert_eq!(Class::of("near-duplicate"), Class::Duplicates);
        assert_eq!(Class::of("locator-comma"), Class::Malformed);
        assert_eq!(Class::of("unparsed-part"), Class::Malformed);
    }

    #[test]
    fn input_kinds_by_extension() {
        assert_eq!(InputKind::of(Path::new("a/refs.bib")), InputKind::Bib);
        assert_eq!(InputKind::of(Path::new("items.JSON")), InputKind::CslJson);
        assert_eq!(InputKind::of(Path::new("paper.txt")), InputKind::Paper);
        assert_eq!(InputKind::of(Path::new("-")), InputKind::Paper);
    }

    #[test]
    fn quotes_are_shortened() {
        assert_eq!(quote("abc", 5), "abc");
        assert_eq!(quote("abcdefgh", 5), "abcd…");
    }
}
