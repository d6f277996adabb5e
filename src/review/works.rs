//! The works table (one row per work, its fields as exported and the notes
//! citing it) and the repeated full citations and near-duplicates, each
//! shown beside the citation it repeats with the differing words marked.

use super::diff::{word_diff, Marked};
use super::{Finding, Review};
use crate::cite::CiteKind;
use crate::model::{Date, DatePart, Item, Name};
use maud::{html, Markup, PreEscaped};

/// The codes whose findings pair two citations of one work.
pub const REPEAT_CODES: [&str; 3] = [
    "duplicate-citation",
    "repeated-full-citation",
    "near-duplicate",
];

fn part_text(p: &DatePart) -> String {
    match (p.month, p.day) {
        (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", p.year),
        (Some(m), None) => format!("{:04}-{m:02}", p.year),
        _ => format!("{:04}", p.year),
    }
}

fn date_text(d: &Date) -> String {
    match &d.end {
        Some(end) => format!("{}/{}", part_text(&d.start), part_text(end)),
        None => part_text(&d.start),
    }
}

fn names_text(names: &[Name]) -> String {
    names
        .iter()
        .map(Name::display)
        .collect::<Vec<_>>()
        .join("; ")
}

/// The exported fields of an item, by their CSL-JSON names, in the order
/// of the export.
pub fn exported_fields(item: &Item) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for (name, names) in [
        ("author", &item.author),
        ("editor", &item.editor),
        ("translator", &item.extra().translator),
    ] {
        if !names.is_empty() {
            out.push((name, names_text(names)));
        }
    }
    let text = [
        ("title", &item.title),
        ("container-title", &item.container_title),
        ("collection-title", &item.collection_title),
        ("collection-number", &item.extra().collection_number),
        ("volume", &item.volume),
        ("issue", &item.issue),
        ("edition", &item.extra().edition),
        ("genre", &item.genre),
        ("publisher", &item.publisher),
        ("publisher-place", &item.publisher_place),
        ("original-publisher", &item.extra().original_publisher),
        ("event-title", &item.extra().event_title),
        ("event-place", &item.extra().event_place),
        ("page", &item.page),
        ("URL", &item.url),
        ("note", &item.extra().note),
    ];
    for (name, value) in text {
        if let Some(v) = value {
            out.push((name, v.to_string()));
        }
    }
    for (name, date) in [
        ("issued", &item.issued),
        ("original-date", &item.extra().original_date),
        ("accessed", &item.extra().accessed),
    ] {
        if let Some(d) = date {
            out.push((name, date_text(d)));
        }
    }
    out
}

fn kind_word(kind: CiteKind) -> &'static str {
    match kind {
        CiteKind::Full => "full",
        CiteKind::Ibid => "ibid",
        CiteKind::Short => "short",
    }
}

pub fn language_tag(item: &Item) -> &'static str {
    item.language.map_or("und", |l| l.bcp47())
}

/// The works as a table of rows in a CSS grid (ARIA roles give it table
/// semantics): unlike a `<table>`, whose layout waits for every row, rows
/// off screen are skipped until scrolled to (`content-visibility`), which a
/// paper of 10,000 notes needs to open in seconds.
pub fn works_table() -> Markup {
    html! {
        p { "One row per work, with its fields as exported (biblatex and CSL-JSON) and the notes that cite it." }
        div.works role="table" aria-label="works" {
            div.work-head role="row" {
                span role="columnheader" { "key" } span role="columnheader" { "type" }
                span role="columnheader" { "fields" } span role="columnheader" { "cited in notes" }
            }
            (PreEscaped(super::page::WORKS_HOLE))
        }
    }
}

/// One work's row of the works table.
pub fn work_row(review: &Review, i: usize) -> Markup {
    html! {
                @if let Some(work) = review.ex.works.get(i) {
                div.work id=(format!("w{i}")) role="row"
                    data-type=(work.item.item_type.csl_name())
                    data-lang=(language_tag(&work.item)) {
                    div role="cell" { code { (work.item.id) } }
                    div role="cell" { (work.item.item_type.csl_name()) " " span.lang { (language_tag(&work.item)) } }
                    // One text per work (`name: value` lines), not an
                    // element per field: the table of a large paper stays
                    // small.
                    div.fields role="cell" {
                        @for (name, value) in exported_fields(&work.item) {
                            (name) ": " (value) "\n"
                        }
                    }
                    div role="cell" {
                        @for (k, c) in work.cited_in.iter().enumerate() {
                            @if k > 0 { ", " }
                            @match review.note_of_number(c.footnote) {
                                Some(n) => { a href=(format!("#c{n}-{}", c.citation)) { (c.footnote) } " " (kind_word(c.kind)) }
                                None => { (c.footnote) " " (kind_word(c.kind)) }
                            }
                        }
                    }
                }
            }
    }
}

/// A citation by its note and index, with its text.
fn citation_at<'r>(review: &'r Review, note: usize, at: usize) -> Option<(usize, &'r str)> {
    let record = review.ex.notes.get(note)?;
    let c = record
        .citations
        .iter()
        .position(|c| c.raw.range.contains(&at))?;
    let footnote = review.ex.document.footnotes.get(record.footnote)?;
    Some((c, record.citations.get(c)?.text(footnote)))
}

/// The earlier citation a repeat finding is about: the work's first full
/// citation, or for a near-duplicate the full citation of the note its
/// message names (`… cited in note 9, …`).
fn earlier(review: &Review, f: &Finding, note: usize, cite: usize) -> Option<(usize, usize)> {
    let record = review.ex.notes.get(note)?;
    let this = record.citations.get(cite)?;
    if f.diagnostic.code == "near-duplicate" {
        let number: u32 = f
            .diagnostic
            .message
            .split("note ")
            .nth(1)?
            .split(|c: char| !c.is_ascii_digit())
            .next()?
            .parse()
            .ok()?;
        let n = review.note_of_number(number)?;
        let c = review
            .ex
            .notes
            .get(n)?
            .citations
            .iter()
            .position(|c| c.kind == Some(CiteKind::Full))?;
        return Some((n, c));
    }
    let work = review.ex.works.get(this.work?)?;
    let first = work.cited_in.iter().find(|c| c.kind == CiteKind::Full)?;
    Some((review.note_of_number(first.footnote)?, first.citation))
}

fn words(marked: &Marked) -> Markup {
    html! {
        @for (k, (word, differs)) in marked.iter().enumerate() {
            @if k > 0 { " " }
            @if *differs { mark.diff { (word) } } @else { (word) }
        }
    }
}

/// A citation: its note, its index there, its text.
type Cited<'r> = (usize, usize, &'r str);

/// The repeat findings with the two citations each compares.
fn repeat_pairs<'r>(review: &'r Review) -> Vec<(Finding<'r>, Cited<'r>, Cited<'r>)> {
    review
        .findings()
        .filter(|f| REPEAT_CODES.contains(&f.diagnostic.code.as_str()))
        .filter_map(|f| {
            let note = f.note?;
            let (cite, text) = citation_at(review, note, f.range.as_ref()?.start)?;
            let (en, ec) = earlier(review, &f, note, cite)?;
            let earlier = review.ex.notes.get(en)?;
            let footnote = review.ex.document.footnotes.get(earlier.footnote)?;
            let etext = earlier.citations.get(ec)?.text(footnote);
            Some((f, (en, ec, etext), (note, cite, text)))
        })
        .collect()
}

/// One repeat: the finding and its two citations side by side.
fn repeat_pair(
    review: &Review,
    (f, (an, ac, atext), (bn, bc, btext)): &(Finding, Cited, Cited),
) -> Markup {
    let (left, right) = word_diff(atext, btext);
    html! {
        div.pair data-code=(f.diagnostic.code) {
            p.pair-why {
                strong { (f.diagnostic.severity.name()) "[" (f.diagnostic.code) "]" } " "
                (f.diagnostic.message)
            }
            div.side {
                h4 { a href=(format!("#c{an}-{ac}")) { "note " (note_number(review, *an)) } " (earlier)" }
                p { (words(&left)) }
            }
            div.side {
                h4 { a href=(format!("#c{bn}-{bc}")) { "note " (note_number(review, *bn)) } " (repeat)" }
                p { (words(&right)) }
            }
        }
    }
}

/// The repeated full citations and near-duplicates, written to `out` pair
/// by pair.
pub fn write_repeats(review: &Review, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let pairs = repeat_pairs(review);
    if pairs.is_empty() {
        let none = html! { p { "No repeated full citations or near-duplicates." } };
        return out.write_all(none.0.as_bytes());
    }
    for pair in &pairs {
        out.write_all(repeat_pair(review, pair).0.as_bytes())?;
    }
    Ok(())
}

fn note_number(review: &Review, note: usize) -> u32 {
    review.ex.notes.get(note).map_or(0, |n| n.number)
}
