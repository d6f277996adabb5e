//! Reading the layout of a PDF-extracted paper: pages, running headers,
//! footnote blocks, note continuation lines and the note markers glued to
//! the body text. This layer only segments and joins text; it never
//! interprets citations.

use crate::source::{OffsetMap, Pos, SourceText};

/// One numbered footnote, its lines joined into one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footnote {
    pub number: u32,
    /// First and last source line of the note.
    pub line: usize,
    pub end_line: usize,
    /// Page the note is printed on (as numbered by the running headers when
    /// they allow it, else counted from 1).
    pub page: usize,
    /// The joined text: no space where a line break falls between CJK
    /// characters, one space between Latin words.
    pub text: String,
    /// Maps byte offsets of `text` back to the source.
    pub map: OffsetMap,
    /// Where the note's marker stands in the body, if found.
    pub marker: Option<Pos>,
}

/// An unnumbered note such as the author note marked `＊`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymbolNote {
    pub symbol: char,
    pub line: usize,
    pub text: String,
}

/// A digit run in the body that reads as a note marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub number: u32,
    pub pos: Pos,
    /// Byte range of the marker digits in the source.
    pub range: std::ops::Range<usize>,
}

/// What the first page and running headers say about the paper itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub journal: Option<String>,
    /// Issue as written (`第五期`) and as a number when it reads as one.
    pub issue: Option<String>,
    pub date: Option<crate::model::Date>,
    pub first_page: Option<usize>,
    pub last_page: Option<usize>,
    pub abstract_text: Option<String>,
    pub keywords: Option<String>,
}

/// A paper's text, segmented.
#[derive(Debug, Clone)]
pub struct Document {
    pub source: SourceText,
    pub footnotes: Vec<Footnote>,
    pub symbol_notes: Vec<SymbolNote>,
    /// Every marker found in the body, in reading order (also those that
    /// match no note, and repeats).
    pub markers: Vec<Marker>,
    /// 1-based lines that are running headers or page numbers.
    pub header_lines: Vec<usize>,
    pub front: FrontMatter,
    pub page_count: usize,
}
