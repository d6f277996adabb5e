//! The page: head (stylesheet, script and the Content-Security-Policy that
//! admits only them), summary, legend, filters, findings, notes, works.

use super::fields::Field;
use super::note::{mark_label, note_text};
use super::works::{language_tag, work_row, works_table, write_repeats};
use super::Review;
use crate::check::render::{summary_line, Counts};
use crate::diag::Severity;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use sha2::Digest;
use std::collections::BTreeSet;

/// The page's own stylesheet and script: constants of this crate, never
/// input, so they are the only strings written unescaped.
const STYLE: &str = include_str!("review.css");
const SCRIPT: &str = include_str!("review.js");

/// `'sha256-…'`: a CSP source admitting exactly this inline text.
fn csp_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        base64(&sha2::Sha256::digest(text.as_bytes()))
    )
}

/// Standard base64 with padding (a CSP hash needs nothing more).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk.first().copied().unwrap_or(0),
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (k, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if k <= chunk.len() {
                let index = ((n >> shift) & 63) as usize;
                out.push(char::from(ALPHABET.get(index).copied().unwrap_or(b'A')));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn policy() -> String {
    format!(
        "default-src 'none'; style-src {}; script-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        csp_hash(STYLE),
        csp_hash(SCRIPT)
    )
}

/// Where the list of findings, the notes, the works' rows and the repeats
/// go in the page [`page`] renders: markup no input can give (every `<` of the input
/// is escaped), replaced by [`write_page`] with the lists written item by
/// item.
const FINDINGS_HOLE: &str = "<footcite-findings-hole>";
const NOTES_HOLE: &str = "<footcite-notes-hole>";
pub(super) const WORKS_HOLE: &str = "<footcite-works-hole>";
const REPEATS_HOLE: &str = "<footcite-repeats-hole>";

/// One finding of the list of all findings.
fn finding_entry(f: &super::Finding) -> Markup {
    let d = &f.diagnostic;
    html! {
        li.finding id=(format!("d{}", f.id)) data-severity=(d.severity.name()) data-code=(d.code) {
            a href=(f.note.map_or_else(|| format!("#f{}", f.id), |n| format!("#n{n}"))) {
                strong class=(format!("sev-{}", d.severity.name())) { (d.severity.name()) "[" (d.code) "]" }
                " line " (d.line) ":" (d.column)
                @if let Some(n) = d.footnote { " (note " (n) ")" }
            }
        }
    }
}

/// One note of the notes section.
fn note_item(review: &Review, i: usize) -> Markup {
    let ex = review.ex;
    html! {
        @if let Some(record) = ex.notes.get(i) {
            @if let Some(footnote) = ex.document.footnotes.get(record.footnote) {
                (note_article(review, i, record, footnote))
            }
        }
    }
}

/// The page, written to `out`: its frame rendered whole, its findings,
/// notes and works (the bulk of a large paper's page) one by one into
/// their places.
pub fn write_page(review: &Review, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let frame = page(review).into_string();
    let hole = |text: &'static str| std::io::Error::other(format!("review page without {text}"));
    let (head, rest) = frame
        .split_once(FINDINGS_HOLE)
        .ok_or_else(|| hole("its findings"))?;
    let (before_notes, rest) = rest
        .split_once(NOTES_HOLE)
        .ok_or_else(|| hole("its notes"))?;
    let (before_works, rest) = rest
        .split_once(WORKS_HOLE)
        .ok_or_else(|| hole("its works"))?;
    let (before_repeats, tail) = rest
        .split_once(REPEATS_HOLE)
        .ok_or_else(|| hole("its repeats"))?;
    out.write_all(head.as_bytes())?;
    for f in review.findings() {
        out.write_all(finding_entry(&f).0.as_bytes())?;
    }
    out.write_all(before_notes.as_bytes())?;
    super::write_chunked(review.ex.notes.len(), |i| note_item(review, i), out)?;
    out.write_all(before_works.as_bytes())?;
    super::write_chunked(review.ex.works.len(), |i| work_row(review, i), out)?;
    out.write_all(before_repeats.as_bytes())?;
    write_repeats(review, out)?;
    out.write_all(tail.as_bytes())
}

/// The page with [`FINDINGS_HOLE`], [`NOTES_HOLE`], [`WORKS_HOLE`] and
/// [`REPEATS_HOLE`] in place of its long lists (see [`write_page`]).
fn page(review: &Review) -> Markup {
    let ex = review.ex;
    let counts = Counts::of(review.diagnostics().iter());
    let citations: usize = ex.notes.iter().map(|n| n.citations.len()).sum();
    let types: BTreeSet<&str> = ex
        .works
        .iter()
        .map(|w| w.item.item_type.csl_name())
        .collect();
    let languages: BTreeSet<&str> = ex.works.iter().map(|w| language_tag(&w.item)).collect();
    let unplaced: Vec<_> = review.findings().filter(|f| f.note.is_none()).collect();
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(policy());
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "footcite review: " (review.name) }
                style { (PreEscaped(STYLE)) }
            }
            body.labels data-js-errors="" {
                header {
                    h1 { "footcite review: " (review.name) }
                    p.totals {
                        span #total-notes data-count=(ex.notes.len()) { (ex.notes.len()) " notes" } ", "
                        span #total-citations data-count=(citations) { (citations) " citations" } ", "
                        span #total-works data-count=(ex.works.len()) { (ex.works.len()) " works" } ", "
                        span #total-findings data-count=(review.finding_count()) { (review.finding_count()) " findings" }
                    }
                    p.summary { (summary_line(&counts)) }
                    nav { a href="#findings" { "Findings" } " · " a href="#notes" { "Notes" } " · " a href="#works" { "Works" } " · " a href="#repeats" { "Repeats" } }
                }
                (legend())
                form.controls #controls role="search" {
                    label { input #f-errors type="checkbox"; " notes with errors only" }
                    label { "type " select #f-type {
                        option value="" { "all" }
                        @for t in &types { option value=(t) { (t) } }
                    } }
                    label { "language " select #f-lang {
                        option value="" { "all" }
                        @for l in &languages { option value=(l) { (l) } }
                    } }
                    label { "search " input #f-search type="search" placeholder="text in notes and works"; }
                    label { input #f-labels type="checkbox" checked; " field labels" }
                    output #shown aria-live="polite" {}
                }
                main {
                    section #findings {
                        h2 { "Findings" }
                        details.findings-list {
                        summary { "All " (review.finding_count()) " findings of " code { "footcite check" } ", in its order; each links to its note, where its message and help stand" }
                        ol.findings {
                            (PreEscaped(FINDINGS_HOLE))
                        }
                        }
                    }
                    section #notes {
                        h2 { "Notes" }
                        (PreEscaped(NOTES_HOLE))
                        @if !unplaced.is_empty() {
                            h3 { "Findings outside the notes" }
                            ul.note-diags {
                                @for f in &unplaced { (finding_item(f, None, Some(&line_window(ex.document.source.line(f.diagnostic.line), f.diagnostic.column)))) }
                            }
                        }
                    }
                    section #works {
                        h2 { "Works" }
                        (works_table())
                    }
                    section #repeats {
                        h2 { "Repeated full citations and near-duplicates" }
                        (PreEscaped(REPEATS_HOLE))
                    }
                }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
}

fn legend() -> Markup {
    html! {
        section #legend aria-label="legend" {
            h2 { "Legend" }
            ul.legend {
                @for f in Field::ALL {
                    li { span data-f=(f.name()) { (f.name()) } " " (f.legend()) }
                }
                li { span.unparsed { "unparsed" } " text no grammar accounted for" }
                li { span.comment { "commentary" } " prose around the citations" }
                li { span.flag-error { "error" } " " span.mark.sev-error { "E1" } " an error here; " span.flag-warning { "warning" } " " span.mark.sev-warning { "W1" } " a warning" }
                li { span.cite data-kind="full" { "citation" } " a citation, labelled full, ibid, short or unparsed; → key: the work it resolves to" }
            }
        }
    }
}

fn note_article(
    review: &Review,
    i: usize,
    record: &crate::extract::NoteRecord,
    footnote: &crate::layout::Footnote,
) -> Markup {
    let ex = review.ex;
    let works: Vec<&crate::resolve::Work> = record
        .citations
        .iter()
        .filter_map(|c| c.work.and_then(|w| ex.works.get(w)))
        .collect();
    let types: BTreeSet<&str> = works.iter().map(|w| w.item.item_type.csl_name()).collect();
    let langs: BTreeSet<&str> = works.iter().map(|w| language_tag(&w.item)).collect();
    let has_error = review
        .findings_of(i)
        .any(|f| f.diagnostic.severity == Severity::Error);
    let lines = if footnote.line == footnote.end_line {
        format!("line {}", footnote.line)
    } else {
        format!("lines {}–{}", footnote.line, footnote.end_line)
    };
    html! {
        article.note id=(format!("n{i}"))
            data-number=(record.number)
            data-errors=(if has_error { "1" } else { "0" })
            data-types=(types.into_iter().collect::<Vec<_>>().join(" "))
            data-langs=(langs.into_iter().collect::<Vec<_>>().join(" ")) {
            h3 {
                "Note " (record.number)
                span.where { " · page " (footnote.page) " · source " (lines)
                    @if let Some(m) = footnote.marker { " · marker at line " (m.line) ":" (m.column) } }
            }
            p.text { (note_text(review, i, record, &footnote.text)) }
            @let findings: Vec<_> = review.findings_of(i).enumerate().collect();
            @if !findings.is_empty() {
                ul.note-diags {
                    @for (k, f) in findings { (finding_item(&f, Some(k), None)) }
                }
            }
        }
    }
}

/// The part of a source line around a column: a line may be megabytes
/// long.
fn line_window(line: &str, column: usize) -> String {
    const BEFORE: usize = 60;
    const AFTER: usize = 100;
    let first = column.saturating_sub(1).saturating_sub(BEFORE);
    let mut chars = line.chars().skip(first);
    let mut out: String = chars.by_ref().take(BEFORE + AFTER).collect();
    if first > 0 {
        out.insert(0, '…');
    }
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// A finding in full: severity and code, message, help, where; outside the
/// notes, with its source line (there is no note text to mark).
fn finding_item(f: &super::Finding, k: Option<usize>, line: Option<&str>) -> Markup {
    let d = &f.diagnostic;
    html! {
        li.diag id=(format!("f{}", f.id))
            data-severity=(d.severity.name())
            data-code=(d.code)
            data-line=(d.line)
            data-column=(d.column) {
            @if let Some(k) = k { span class=(format!("mark sev-{}", d.severity.name())) { (mark_label(d.severity, k)) } " " }
            a href=(format!("#d{}", f.id)) class=(format!("sev-{}", d.severity.name())) { strong { (d.severity.name()) "[" (d.code) "]" } }
            " " (d.message)
            " " span.at { "line " (d.line) ":" (d.column) }
            @if let Some(help) = &d.help { br; span.help { "help: " (help) } }
            @if let Some(line) = line { br; code.line { (d.line) " | " (line) } }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hole_written_in_the_input_stays_text() {
        let holes = [FINDINGS_HOLE, NOTES_HOLE, WORKS_HOLE, REPEATS_HOLE].concat();
        let body: String = (1..=2).map(|n| format!("本文。{n}")).collect();
        let paper = format!(
            "標題\n\n{body}\n{}\n\
             1 Allen Lynch, Soviet Foreign Policy {holes} (New York: Praeger, 1991), p.38.\n\
             2 Ibid., p.40 {holes}.\n \
             正文。\n",
            " ".repeat(20)
        );
        let ex = crate::extract::extract(&paper).unwrap_or_else(|e| panic!("{e}"));
        let html = super::super::to_review_html(
            &ex,
            "holes.txt",
            crate::check::Today::from_unix_days(20_000),
        );
        for hole in [FINDINGS_HOLE, NOTES_HOLE, WORKS_HOLE, REPEATS_HOLE] {
            assert!(!html.contains(hole), "{hole} left in the page");
            let escaped = hole.replace('<', "&lt;").replace('>', "&gt;");
            assert!(html.contains(&escaped), "{hole} not shown as text");
        }
        assert!(html.contains("id=\"n1\"") && html.ends_with("</html>"));
    }

    #[test]
    fn a_long_line_is_shown_around_its_column() {
        let line = "x".repeat(1000);
        let w = line_window(&line, 500);
        assert_eq!(w.chars().count(), 162);
        assert!(w.starts_with('…') && w.ends_with('…'));
        assert_eq!(line_window("short", 2), "short");
    }

    #[test]
    fn base64_matches_the_standard_vectors() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }
}
