//! Source text and positions: every record and diagnostic points back to a
//! 1-based line and a 1-based column counted in characters.

use serde::Serialize;

/// A 1-based line and character column in the source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    /// The position at a 1-based line and column counted as `usize`. `u32`
    /// halves each citation's two positions; a line or column past 4
    /// billion (a file over 4 GiB) saturates.
    pub fn new(line: usize, column: usize) -> Pos {
        let saturate = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Pos {
            line: saturate(line),
            column: saturate(column),
        }
    }
}

/// The whole input after NFC normalisation, with its line starts.
///
/// NFC maps each CJK compatibility ideograph to exactly one unified
/// character, so lines and character columns are those of the file as given.
#[derive(Debug, Clone)]
pub struct SourceText {
    text: String,
    /// Byte offset of each line's start. `u32`: half the memory of
    /// `usize` on the many short lines of an extractor's text; the readers
    /// refuse a text of 4 GiB or more ([`crate::io::MAX_TEXT_BYTES`]).
    line_starts: Vec<u32>,
    /// Characters before each block of [`CHAR_BLOCK`] bytes, so that a
    /// column is counted from the nearest block, not from the line start
    /// (which made positions on a very long line quadratic).
    chars_before_block: Vec<usize>,
}

const CHAR_BLOCK: usize = 1024;

/// A byte offset as stored in [`SourceText`]'s line index (saturating: a
/// text past 4 GiB, which the readers refuse, gets no panic, only its last
/// line for every later position).
fn offset_u32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// Characters in `bytes` (a whole number of characters or not): the bytes
/// that are not UTF-8 continuation bytes.
fn count_char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| (**b & 0xC0) != 0x80).count()
}

/// Characters that are NFC as they stand and never combine with their
/// neighbours (no canonical decomposition, combining class 0): the bulk of
/// a paper in English and Chinese, checked without the tables.
fn is_plain_starter(c: char) -> bool {
    matches!(c,
        '\0'..='\u{2FF}'            // Latin, up to the combining diacritics
        | '\u{2010}'..='\u{2027}'   // dashes, quotation marks, ellipsis
        | '\u{3000}'..='\u{3029}'   // CJK punctuation, before the tone marks
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{FF00}'..='\u{FF60}') // full-width forms
}

fn is_nfc(s: &str) -> bool {
    s.chars().all(is_plain_starter)
        || unicode_normalization::is_nfc_quick(s.chars())
            == unicode_normalization::IsNormalized::Yes
}

/// NFC of `text`, line by line: a line that is already NFC (nearly all of
/// them) is copied as it is, not decomposed and recomposed. The same as
/// normalising the whole text, since nothing composes across a newline.
fn nfc_by_line(text: String) -> String {
    use unicode_normalization::UnicodeNormalization;
    if is_nfc(&text) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if is_nfc(line) {
            out.push_str(line);
        } else {
            out.extend(line.nfc());
        }
    }
    out
}

impl SourceText {
    /// Normalise to NFC and unify line endings (`\r\n` and `\r` become `\n`,
    /// which keeps line numbers as an editor shows them).
    pub fn new(raw: &str) -> SourceText {
        if raw.contains('\r') {
            SourceText::from_string(raw.replace("\r\n", "\n").replace('\r', "\n"))
        } else {
            SourceText::from_string(raw.to_string())
        }
    }

    /// [`SourceText::new`] taking the text by value: no copy when it is
    /// already NFC with `\n` line endings.
    pub fn from_string(raw: String) -> SourceText {
        let unified = if raw.contains('\r') {
            raw.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            raw
        };
        let text = nfc_by_line(unified);
        let mut line_starts = Vec::with_capacity(text.bytes().filter(|b| *b == b'\n').count() + 1);
        line_starts.push(0);
        line_starts.extend(text.match_indices('\n').map(|(i, _)| offset_u32(i + 1)));
        let mut chars_before_block = Vec::with_capacity(text.len() / CHAR_BLOCK + 1);
        let mut total = 0;
        for block in text.as_bytes().chunks(CHAR_BLOCK) {
            chars_before_block.push(total);
            total += count_char_starts(block);
        }
        SourceText {
            text,
            line_starts,
            chars_before_block,
        }
    }

    /// Characters before byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / CHAR_BLOCK;
        let base = self.chars_before_block.get(block).copied().unwrap_or(0);
        let from = (block * CHAR_BLOCK).min(offset);
        base + self
            .text
            .as_bytes()
            .get(from..offset)
            .map_or(0, count_char_starts)
    }

    /// Byte offset where 0-based line `index` starts.
    fn line_start(&self, index: usize) -> Option<usize> {
        self.line_starts.get(index).map(|&s| s as usize)
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte range of 1-based line `n`, without its newline.
    pub fn line_range(&self, n: usize) -> std::ops::Range<usize> {
        let start = n
            .checked_sub(1)
            .and_then(|i| self.line_start(i))
            .unwrap_or(self.text.len());
        let end = self
            .line_start(n)
            .map(|e| e.saturating_sub(1))
            .unwrap_or(self.text.len())
            .max(start);
        start..end
    }

    /// Text of 1-based line `n` (empty past the end).
    pub fn line(&self, n: usize) -> &str {
        self.text.get(self.line_range(n)).unwrap_or("")
    }

    /// Position of a byte offset (clamped to the text, snapped back to a
    /// character boundary).
    pub fn pos(&self, offset: usize) -> Pos {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_index = match self.line_starts.binary_search(&offset_u32(offset)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.line_start(line_index).unwrap_or(0).min(offset);
        // Most lines are short: count their characters directly; a long
        // line is counted from the block index.
        let column = if offset - start <= CHAR_BLOCK {
            self.text
                .as_bytes()
                .get(start..offset)
                .map_or(0, count_char_starts)
        } else {
            self.chars_before(offset) - self.chars_before(start)
        } + 1;
        Pos::new(line_index + 1, column)
    }
}

/// A stretch of source copied into a derived text (a joined footnote).
/// Held as `u32`s (texts are under 4 GiB): a paper has one per note line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    derived: u32,
    source: u32,
    len: u32,
}

impl Segment {
    /// Where the stretch starts in the derived text.
    pub fn derived(&self) -> usize {
        self.derived as usize
    }

    /// Where it starts in the source.
    pub fn source(&self) -> usize {
        self.source as usize
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Maps byte offsets in a derived text back to source offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    segments: Vec<Segment>,
}

impl OffsetMap {
    pub fn push(&mut self, derived: usize, source: usize, len: usize) {
        self.segments.push(Segment {
            derived: offset_u32(derived),
            source: offset_u32(source),
            len: offset_u32(len),
        });
    }

    /// Let go of the spare room the map grew with.
    pub fn shrink_to_fit(&mut self) {
        self.segments.shrink_to_fit();
    }

    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Source offset of a derived offset. Offsets inside text the joiner
    /// inserted (a space between lines) map to the end of the line before.
    pub fn to_source(&self, derived: usize) -> usize {
        let i = match self
            .segments
            .binary_search_by(|s| s.derived().cmp(&derived))
        {
            Ok(i) => i,
            Err(0) => return self.segments.first().map_or(0, Segment::source),
            Err(i) => i - 1,
        };
        match self.segments.get(i) {
            Some(seg) => seg.source() + (derived - seg.derived()).min(seg.len()),
            None => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_offset_past_4_gib_saturates() {
        assert_eq!(offset_u32(7), 7);
        assert_eq!(offset_u32(u32::MAX as usize), u32::MAX);
        assert_eq!(offset_u32(u32::MAX as usize + 9), u32::MAX);
    }

    #[test]
    fn line_by_line_nfc_is_whole_text_nfc() {
        use unicode_normalization::UnicodeNormalization;
        // A compatibility ideograph, a decomposed é, a combining mark at a
        // line start, CJK text and ASCII lines.
        let raw = "ab\n\u{F9F1}林\ne\u{301}x\n\u{301}y\nplain\n";
        let whole: String = raw.nfc().collect();
        assert_eq!(nfc_by_line(raw.to_string()), whole);
        assert_eq!(nfc_by_line("plain\n".to_string()), "plain\n");
    }

    #[test]
    fn positions_count_characters() {
        let src = SourceText::new("ab\n蘇聯x\n");
        assert_eq!(src.pos(0), Pos { line: 1, column: 1 });
        assert_eq!(src.pos(3), Pos { line: 2, column: 1 });
        assert_eq!(src.pos(9), Pos { line: 2, column: 3 });
        assert_eq!(src.line(2), "蘇聯x");
        assert_eq!(src.line(9), "");
    }

    #[test]
    fn plain_starters_are_nfc_and_never_combine() {
        use unicode_normalization::char::canonical_combining_class;
        use unicode_normalization::{is_nfc_quick, IsNormalized};
        let plain = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| is_plain_starter(*c));
        let mut count = 0;
        for c in plain {
            count += 1;
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
        assert_eq!(count, 28_515);
    }

    #[test]
    fn positions_on_short_and_long_lines_agree_with_counting() {
        // Lines shorter and longer than a block, ASCII and CJK, so that
        // both ways of counting a column are used.
        let long_cjk = "蘇聯".repeat(400);
        let long_ascii = "x".repeat(3000);
        let text = format!("ab\n{long_cjk}\n\n{long_ascii}y\n蘇x");
        let src = SourceText::new(&text);
        for (offset, _) in text.char_indices() {
            let before = text.get(..offset).unwrap_or("");
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            assert_eq!(src.pos(offset), Pos::new(line, column), "offset {offset}");
        }
    }

    #[test]
    fn normalises_compatibility_ideographs_and_line_endings() {
        let src = SourceText::new("2003 \u{F98E}\r\nx\ry");
        assert_eq!(src.line(1), "2003 年");
        assert_eq!(src.line(3), "y");
    }

    #[test]
    fn offset_map_points_inserted_text_at_line_end() {
        let mut map = OffsetMap::default();
        map.push(0, 10, 5);
        map.push(6, 30, 4);
        assert_eq!(map.to_source(2), 12);
        assert_eq!(map.to_source(5), 15);
        assert_eq!(map.to_source(7), 31);
    }
}
