//! A document from notes already found: their lines joined into one text
//! each (with the map back to the source), their markers, the front matter.
//! Every reader but the ruled one ends here.

use super::{find_markers_in, front_matter, Document, Footnote, Marker, NoteBuilder};
use crate::source::{Pos, SourceText};
use foldhash::{HashMap, HashMapExt};

/// A note as a reader found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteSpan {
    pub number: u32,
    pub page: usize,
    /// (source line, byte range of the note's text in that line).
    pub pieces: Vec<(usize, std::ops::Range<usize>)>,
}

/// A mark a reader knows exactly: its source line, the byte range of its
/// digits in that line, and its number.
pub type KnownMark = (usize, std::ops::Range<usize>, u32);

/// Markers at marks a reader knows exactly (a PDF's raised digits, a
/// DOCX's references), positioned in `source`.
pub fn markers_at(source: &SourceText, marks: Vec<KnownMark>) -> Vec<Marker> {
    marks
        .into_iter()
        .map(|(line, range, number)| {
            let line_start = source.line_range(line).start;
            Marker {
                number,
                pos: source.pos(line_start + range.start),
                range: line_start + range.start..line_start + range.end,
            }
        })
        .collect()
}

/// Join each note's pieces and find (or take) the markers. `markers`, when
/// the reader knows them (a PDF's raised digits, a DOCX's references),
/// replace the search for digits glued to the body text.
/// `body` is the body text as pieces of lines in reading order.
pub fn assemble(
    source: SourceText,
    notes: Vec<NoteSpan>,
    body: Vec<(usize, std::ops::Range<usize>)>,
    header_lines: Vec<usize>,
    page_count: usize,
    markers: Option<Vec<Marker>>,
) -> Document {
    let mut footnotes: Vec<Footnote> = notes
        .into_iter()
        .filter_map(|note| {
            let mut builder = NoteBuilder::default();
            let (first, _) = note.pieces.first().cloned()?;
            let (last, _) = note.pieces.last().cloned()?;
            for (line, range) in &note.pieces {
                let text = source.line(*line);
                let offset = source.line_range(*line).start + range.start;
                builder.push_line(text.get(range.clone()).unwrap_or(""), offset);
            }
            Some(Footnote {
                number: note.number,
                line: first,
                end_line: last,
                page: note.page,
                text: builder.text,
                map: builder.map,
                marker: None,
            })
        })
        .filter(|f| !f.text.is_empty())
        .collect();
    let markers = markers.unwrap_or_else(|| find_markers_in(&source, &body, &footnotes));
    let mut body_lines: Vec<usize> = body.iter().map(|(n, _)| *n).collect();
    body_lines.sort_unstable();
    body_lines.dedup();
    let mut first_marker: HashMap<u32, Pos> = HashMap::with_capacity(markers.len());
    for m in &markers {
        first_marker.entry(m.number).or_insert(m.pos);
    }
    for note in &mut footnotes {
        note.marker = first_marker.get(&note.number).copied();
    }
    let title = body_lines.first().map(|&n| {
        source
            .line(n)
            .trim_start_matches('\u{c}')
            .trim()
            .to_string()
    });
    let front = front_matter(&source, &body_lines, &[], title, None, None);
    Document {
        source,
        footnotes,
        symbol_notes: Vec::new(),
        markers,
        header_lines,
        front,
        page_count,
        problems: Vec::new(),
    }
}
