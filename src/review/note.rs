//! One footnote as printed: its text cut at every boundary of a citation, a
//! field, an unparsed stretch, commentary or a finding, each piece a span
//! whose classes say what it is. All text goes through maud's escaping.

use super::fields::{locate, Field};
use super::{Finding, Review};
use crate::cite::CiteKind;
use crate::diag::Severity;
use crate::extract::NoteRecord;
use maud::{html, Markup};
use std::ops::Range;

/// One citation's stretch of the note, with what is inside it.
struct CiteView {
    index: usize,
    range: Range<usize>,
    kind: Option<CiteKind>,
    work: Option<usize>,
    fields: Vec<(Range<usize>, Field)>,
    unparsed: Vec<Range<usize>>,
}

/// What one piece of the text is.
#[derive(Default)]
struct Piece<'a> {
    field: Option<Field>,
    unparsed: bool,
    commentary: bool,
    /// The worst severity of the findings over this piece.
    flagged: Option<Severity>,
    /// Findings (by their number in this note) that end here.
    ends: Vec<(usize, &'a Finding)>,
}

/// Consecutive pieces in one citation (or between citations: `None`).
type Group<'c, 't> = (Option<&'c CiteView>, Vec<(&'t str, Piece<'c>)>);

fn overlaps(r: &Range<usize>, a: usize, b: usize) -> bool {
    r.start < b && a < r.end
}

/// The note's text with its citations, fields and findings marked.
pub fn note_text(review: &Review, note_index: usize, record: &NoteRecord, text: &str) -> Markup {
    let cites: Vec<CiteView> = record
        .citations
        .iter()
        .enumerate()
        .map(|(index, c)| CiteView {
            index,
            range: c.raw.range.clone(),
            kind: c.kind,
            work: c.work,
            fields: locate(text, c),
            unparsed: if c.raw.parsed.is_none() {
                vec![c.raw.range.clone()]
            } else {
                c.raw.unparsed.clone()
            },
        })
        .collect();
    let all: Vec<(usize, &Finding, Range<usize>)> = review
        .findings_of(note_index)
        .enumerate()
        .filter_map(|(k, f)| Some((k, f, f.range.clone()?)))
        .collect();
    // A finding over a whole citation (a duplicate, a repeat) flags the
    // citation itself rather than each of its pieces.
    let whole = |r: &Range<usize>| cites.iter().position(|c| c.range == *r);
    let (wholes, findings): (Vec<_>, Vec<_>) =
        all.into_iter().partition(|(_, _, r)| whole(r).is_some());
    let mut cuts = vec![0, text.len()];
    for c in &cites {
        cuts.extend([c.range.start, c.range.end]);
        for (r, _) in &c.fields {
            cuts.extend([r.start, r.end]);
        }
        for r in &c.unparsed {
            cuts.extend([r.start, r.end]);
        }
    }
    for r in &record.commentary {
        cuts.extend([r.start, r.end]);
    }
    for (_, _, r) in &findings {
        cuts.extend([r.start, r.end]);
    }
    cuts.retain(|&c| c <= text.len() && text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();

    // Pieces grouped by the citation they fall in (None: between citations).
    let mut groups: Vec<Group> = Vec::new();
    for pair in cuts.windows(2) {
        let (a, b) = match pair {
            [a, b] => (*a, *b),
            _ => continue,
        };
        let Some(slice) = text.get(a..b) else {
            continue;
        };
        let cite = cites.iter().find(|c| overlaps(&c.range, a, b));
        let piece = Piece {
            field: cite.and_then(|c| {
                c.fields
                    .iter()
                    .find(|(r, _)| overlaps(r, a, b))
                    .map(|(_, f)| *f)
            }),
            unparsed: cite.is_some_and(|c| c.unparsed.iter().any(|r| overlaps(r, a, b))),
            commentary: record.commentary.iter().any(|r| overlaps(r, a, b)),
            flagged: findings
                .iter()
                .filter(|(_, _, r)| overlaps(r, a, b))
                .map(|(_, f, _)| f.diagnostic.severity)
                .min(),
            ends: findings
                .iter()
                .filter(|(_, _, r)| r.end == b)
                .map(|(k, f, _)| (*k, *f))
                .collect(),
        };
        let same_group = matches!(groups.last(), Some((last, _))
            if last.map(|c| c.index) == cite.map(|c| c.index));
        match groups.last_mut() {
            Some((_, pieces)) if same_group => pieces.push((slice, piece)),
            _ => groups.push((cite, vec![(slice, piece)])),
        }
    }
    html! {
        @for (cite, pieces) in &groups {
            @if let Some(c) = cite {
                @let flagged = wholes.iter().filter(|(_, _, r)| *r == c.range).map(|(_, f, _)| f.diagnostic.severity).min();
                span class=(flagged.map_or_else(|| "cite".to_string(), |s| format!("cite flag-{}", s.name())))
                    id=(format!("c{note_index}-{}", c.index))
                    data-kind=(kind_name(c.kind)) {
                    @for (slice, piece) in pieces { (render_piece(slice, piece)) }
                    @for (k, f, _) in wholes.iter().filter(|(_, _, r)| *r == c.range) {
                        a class=(format!("mark sev-{}", f.diagnostic.severity.name())) href=(format!("#f{}", f.id)) {
                            (mark_label(f.diagnostic.severity, *k))
                        }
                    }
                    @if let Some(w) = c.work {
                        " " a.to-work href=(format!("#w{w}")) {
                            "→ " (review.work_key(w))
                        }
                    }
                }
            } @else {
                @for (slice, piece) in pieces { (render_piece(slice, piece)) }
            }
        }
    }
}

pub fn kind_name(kind: Option<CiteKind>) -> &'static str {
    match kind {
        Some(CiteKind::Full) => "full",
        Some(CiteKind::Ibid) => "ibid",
        Some(CiteKind::Short) => "short",
        None => "unparsed",
    }
}

fn render_piece(slice: &str, piece: &Piece) -> Markup {
    let mut classes = Vec::new();
    if piece.unparsed {
        classes.push("unparsed".to_string());
    }
    if piece.commentary {
        classes.push("comment".to_string());
    }
    if let Some(s) = piece.flagged {
        classes.push(format!("flag-{}", s.name()));
    }
    // Only what a piece is marks it up: plain text stays a text node, and a
    // field is known by its data-f alone (a large paper's page stays small).
    html! {
        @if classes.is_empty() && piece.field.is_none() {
            (slice)
        } @else if classes.is_empty() {
            span data-f=[piece.field.map(Field::name)] { (slice) }
        } @else {
            span class=(classes.join(" ")) data-f=[piece.field.map(Field::name)] { (slice) }
        }
        @for (k, f) in &piece.ends {
            a class=(format!("mark sev-{}", f.diagnostic.severity.name()))
                href=(format!("#f{}", f.id)) {
                (mark_label(f.diagnostic.severity, *k))
            }
        }
    }
}

/// `E1`, `W2`: the finding's number in its note, with its severity in
/// letters (readable without colour).
pub fn mark_label(severity: Severity, k: usize) -> String {
    let letter = match severity {
        Severity::Error => 'E',
        Severity::Warning => 'W',
    };
    format!("{letter}{}", k + 1)
}
