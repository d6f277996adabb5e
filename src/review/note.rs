//! One footnote as printed: its text cut at every boundary of a citation, a
//! field, an unparsed stretch, commentary or a finding, each piece a span
//! whose classes say what it is. All text goes through maud's escaping.

use super::fields::{locate, Field};
use super::{Finding, Review};
use crate::cite::CiteKind;
use crate::diag::Severity;
use crate::extract::NoteRecord;
use maud::{html, Markup};
use std::collections::BTreeMap;
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
    ends: Vec<(usize, Finding<'a>)>,
}

/// Consecutive pieces in one citation (or between citations: `None`).
type Group<'c, 't> = (Option<&'c CiteView>, Vec<(&'t str, Piece<'c>)>);

/// Whether any of a set of ranges covers each piece, for pieces visited in
/// ascending order (no piece straddles a range's end): one pass over the
/// sorted starts and ends.
struct Cover {
    starts: Vec<usize>,
    ends: Vec<usize>,
    started: usize,
    ended: usize,
}

impl Cover {
    fn new<'r>(ranges: impl Iterator<Item = &'r Range<usize>>) -> Cover {
        let (mut starts, mut ends): (Vec<usize>, Vec<usize>) =
            ranges.map(|r| (r.start, r.end)).unzip();
        starts.sort_unstable();
        ends.sort_unstable();
        Cover {
            starts,
            ends,
            started: 0,
            ended: 0,
        }
    }

    /// Whether a range covers the piece that starts at `at`.
    fn covers(&mut self, at: usize) -> bool {
        while self.starts.get(self.started).is_some_and(|&s| s <= at) {
            self.started += 1;
        }
        while self.ends.get(self.ended).is_some_and(|&e| e <= at) {
            self.ended += 1;
        }
        self.started > self.ended
    }
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
                c.raw.unparsed.to_vec()
            },
        })
        .collect();
    let all: Vec<(usize, Finding, Range<usize>)> = review
        .findings_of(note_index)
        .enumerate()
        .filter_map(|(k, f)| {
            let range = f.range.clone()?;
            Some((k, f, range))
        })
        .collect();
    // A finding over a whole citation (a duplicate, a repeat) flags the
    // citation itself rather than each of its pieces.
    let cite_ranges: std::collections::HashSet<(usize, usize)> =
        cites.iter().map(|c| (c.range.start, c.range.end)).collect();
    let (wholes, mut findings): (Vec<_>, Vec<_>) = all
        .into_iter()
        .partition(|(_, _, r)| cite_ranges.contains(&(r.start, r.end)));
    let mut whole_of: BTreeMap<(usize, usize), Vec<(usize, &Finding)>> = BTreeMap::new();
    for (k, f, r) in &wholes {
        whole_of.entry((r.start, r.end)).or_default().push((*k, f));
    }
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

    // One pass over the pieces in order, each set of ranges followed by a
    // cursor (a note may hold thousands of citations and findings).
    let mut by_start: Vec<&CiteView> = cites.iter().collect();
    by_start.sort_by_key(|c| (c.range.start, c.range.end));
    let mut fields: Vec<(Range<usize>, Field)> = cites
        .iter()
        .flat_map(|c| c.fields.iter().cloned())
        .collect();
    fields.sort_by_key(|(r, _)| (r.start, r.end));
    let mut unparsed = Cover::new(cites.iter().flat_map(|c| c.unparsed.iter()));
    let mut commentary = Cover::new(record.commentary.iter());
    let severity_cover = |s: Severity| {
        Cover::new(
            findings
                .iter()
                .filter(move |(_, f, _)| f.diagnostic.severity == s)
                .map(|(_, _, r)| r),
        )
    };
    let mut errors = severity_cover(Severity::Error);
    let mut warnings = severity_cover(Severity::Warning);
    findings.sort_by_key(|(_, _, r)| r.end);
    let (mut ci, mut fi, mut ei) = (0, 0, 0);

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
        while by_start.get(ci).is_some_and(|c| c.range.end <= a) {
            ci += 1;
        }
        let cite = by_start.get(ci).copied().filter(|c| c.range.start <= a);
        while fields.get(fi).is_some_and(|(r, _)| r.end <= a) {
            fi += 1;
        }
        let field = fields
            .get(fi)
            .filter(|(r, _)| r.start <= a && cite.is_some())
            .map(|(_, f)| *f);
        let in_unparsed = unparsed.covers(a);
        let in_commentary = commentary.covers(a);
        let (error, warning) = (errors.covers(a), warnings.covers(a));
        let mut ends = Vec::new();
        while let Some((k, f, _)) = findings.get(ei).filter(|(_, _, r)| r.end <= b) {
            ends.push((*k, f.clone()));
            ei += 1;
        }
        let piece = Piece {
            field,
            unparsed: cite.is_some() && in_unparsed,
            commentary: in_commentary,
            flagged: if error {
                Some(Severity::Error)
            } else if warning {
                Some(Severity::Warning)
            } else {
                None
            },
            ends,
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
                @let whole = whole_of.get(&(c.range.start, c.range.end)).map_or(&[][..], Vec::as_slice);
                @let flagged = whole.iter().map(|(_, f)| f.diagnostic.severity).min();
                span class=(flagged.map_or_else(|| "cite".to_string(), |s| format!("cite flag-{}", s.name())))
                    id=(format!("c{note_index}-{}", c.index))
                    data-kind=(kind_name(c.kind)) {
                    @for (slice, piece) in pieces { (render_piece(slice, piece)) }
                    @for (k, f) in whole {
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
