//! Diagnostics point at source lines and columns; the page shows them in a
//! note's joined text. This maps a diagnostic's span back through the note's
//! offset map, and finds the note each finding belongs to.

use crate::diag::Diagnostic;
use crate::layout::{Document, Footnote};
use crate::source::SourceText;
use std::ops::Range;

/// Byte offset in the source of a 1-based line and character column.
pub fn source_offset(source: &SourceText, line: usize, column: usize) -> usize {
    let range = source.line_range(line);
    let text = source.text().get(range.clone()).unwrap_or("");
    let within = text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i);
    range.start + within
}

/// The offset in the note's text of a source offset, if the note copied it.
fn note_offset(footnote: &Footnote, source: usize) -> Option<usize> {
    footnote.map.segments().iter().find_map(|seg| {
        (seg.source..=seg.source + seg.len)
            .contains(&source)
            .then(|| seg.derived + (source - seg.source))
    })
}

/// The byte range of a diagnostic in the note text (empty spans widened to
/// one character so they can be seen), or `None` when it lies outside it.
pub fn note_range(doc: &Document, footnote: &Footnote, d: &Diagnostic) -> Option<Range<usize>> {
    let start = note_offset(footnote, source_offset(&doc.source, d.line, d.column))?;
    let end = note_offset(
        footnote,
        source_offset(&doc.source, d.end_line, d.end_column),
    )
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
        let r = note_range(&ex.document, footnote, d).unwrap();
        assert_eq!(&footnote.text[r], "p,38");
    }

    #[test]
    fn columns_count_characters() {
        let source = SourceText::new("ab\n蘇聯x\n");
        assert_eq!(source_offset(&source, 2, 3), 3 + 6);
        assert_eq!(source_offset(&source, 9, 1), source.text().len());
    }
}
