//! The whole extraction: layout, grammars, resolution and the diagnostics
//! they raise, as one value the exporters and the checker consume.

use crate::cite::{CiteKind, RawCitation};
use crate::diag::Diagnostic;
use crate::layout::Document;
use crate::model::{Item, Locator};
use crate::resolve::Work;
use crate::source::Pos;

/// Why a text could not be extracted at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    #[error("no numbered footnotes found")]
    NoFootnotes,
}

/// One citation in a note, resolved to its work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationRecord {
    /// `None` when no grammar accounted for the text.
    pub kind: Option<CiteKind>,
    /// Index into [`Extraction::works`].
    pub work: Option<usize>,
    pub locator: Option<Locator>,
    /// The citation's own text.
    pub text: String,
    pub start: Pos,
    pub end: Pos,
    pub raw: RawCitation,
}

/// One footnote with its citations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRecord {
    pub number: u32,
    /// Index into [`Document::footnotes`].
    pub footnote: usize,
    pub citations: Vec<CitationRecord>,
}

/// Everything footcite knows about one paper.
#[derive(Debug, Clone)]
pub struct Extraction {
    pub document: Document,
    /// The paper itself, as its first page and running headers give it.
    pub document_item: Item,
    pub notes: Vec<NoteRecord>,
    pub works: Vec<Work>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Extract footnotes, citations and works from a paper's text.
pub fn extract(text: &str) -> Result<Extraction, ExtractError> {
    let _ = text;
    Err(ExtractError::NoFootnotes)
}
