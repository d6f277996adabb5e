//! Diagnostics point at source lines and columns; the page shows them in a
//! note's joined text. This maps a diagnostic's span back through the note's
//! offset map, and finds the note each finding belongs to.

use crate::diag::Diagnostic;
use crate::layout::Footnote;
use crate::source::SourceText;
use std::ops::Range;

/// Byte offset in the source of a 1-based line and character column.
pub fn source_offset(source: &SourceText, line: usize, column: usize) -> usize {
    source_offsets(source, &[(line, column)])
        .first()
        .copied()
        .unwrap_or(0)
}

/// Byte offsets of many (line, column) positions: each line is walked once
/// for all the positions on it, however many findings stand on one long
/// line.
pub fn source_offsets(source: &SourceText, positions: &[(usize, usize)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..positions.len()).collect();
    order.sort_by_key(|&i| positions.get(i).copied().unwrap_or_default());
    let mut out = vec![0; positions.len()];
    let mut walk: Option<(usize, std::str::CharIndices, usize, usize)> = None;
    for i in order {
        let Some(&(line, column)) = positions.get(i) else {
            continue;
        };
        let range = source.line_range(line);
        let text = source.text().get(range.clone()).unwrap_or("");
        // (line, characters passed, byte offset reached) on this line.
        let (chars, passed, reached) = match &mut walk {
            Some((l, chars, passed, reached)) if *l == line => (chars, passed, reached),
            _ => {
                walk = Some((line, text.char_indices(), 0, 0));
                match &mut walk {
                    Some((_, chars, passed, reached)) => (chars, passed, reached),
                    None => continue,
                }
            }
        };
        let target = column.saturating_sub(1);
        while *passed < target {
            match chars.next() {
                Some((_, c)) => {
                    *passed += 1;
                    *reached += c.len_utf8();
                }
                None => break,
            }
        }
        if let Some(slot) = out.get_mut(i) {
            *slot = range.start + (*reached).min(text.len());
        }
    }
    out
}

/// The offset in the note's text of a source offset, if the note copied it.
fn note_offset(footnote: &Footnote, source: usize) -> Option<usize> {
    let segments = footnote.map.segments();
    // Segments follow the source in order: the last one starting at or
    // before the offset is the only one that can hold it.
    let i = segments.partition_point(|seg| seg.source() <= source);
    let seg = segments.get(i.checked_sub(1)?)?;
    (source <= seg.source() + seg.len()).then(|| seg.derived() + (source - seg.source()))
}

/// The byte range in the note text of a finding spanning the source
/// offsets `start..end` (an empty span widened to one character so that
/// it can be seen), or `None` when it lies outside the note.
pub fn note_range(footnote: &Footnote, start: usize, end: usize) -> Option<Range<usize>> {
    let start = note_offset(footnote, start)?;
    let end = note_offset(footnote, end)
        .unwrap_or(start)
        .min(footnote.text.len());
    let start = start.min(end);
    if !footnote.text.is_char_boundary(start) || !footnote.text.is_char_boundary(end) {
        return None;
    }
    if start == end {
        let next = footnote
            .text
            .get(start..)
            .and_then(|t| t.chars().next())
            .map_or(start, |c| start + c.len_utf8());
        return Some(start..next);
    }
    Some(start..end)
}

/// Where a diagnostic stands in the source: its start and end offsets.
pub fn diagnostic_offsets(source: &SourceText, ds: &[Diagnostic]) -> Vec<(usize, usize)> {
    let positions: Vec<(usize, usize)> = ds
        .iter()
        .flat_map(|d| [(d.line, d.column), (d.end_line, d.end_column)])
        .collect();
    source_offsets(source, &positions)
        .chunks(2)
        .map(|pair| match pair {
            [a, b] => (*a, *b),
            _ => (0, 0),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_maps_to_its_text_in_the_note() {
        let paper = format!(
            "Title\n\nBody.1\n{}\n1 Allen Lynch, Soviet Foreign Policy (New York:\n   Praeger, 1991), p,38.\n",
            " ".repeat(20)
        );
        let ex = crate::extract(&paper).unwrap();
        let findings = crate::check::check_extraction(&ex);
        let d = findings.iter().find(|d| d.code == "locator-comma").unwrap();
        let footnote = &ex.document.footnotes[0];
        let offsets = diagnostic_offsets(&ex.document.source, std::slice::from_ref(d));
        let r = note_range(footnote, offsets[0].0, offsets[0].1).unwrap();
        assert_eq!(&footnote.text[r], "p,38");
    }

    #[test]
    fn columns_count_characters() {
        let source = SourceText::new("ab\n蘇聯x\n");
        assert_eq!(source_offset(&source, 2, 3), 3 + 6);
        assert_eq!(source_offset(&source, 9, 1), source.text().len());
        // Many positions, out of order, some on one line.
        assert_eq!(
            source_offsets(&source, &[(2, 3), (1, 2), (2, 1), (2, 9), (1, 1)]),
            [9, 1, 3, 10, 0]
        );
    }
}
