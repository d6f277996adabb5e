//! Resolving works: full citations of the same work become one item, Ibid.
//! points to the previous note's work, short forms to the earlier full
//! citation they repeat. Item ids are the biblatex keys (see [`crate::keys`]).

use crate::cite::CiteKind;
use crate::model::{Item, Locator};

/// One cited work and every place that cites it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Work {
    pub item: Item,
    pub cited_in: Vec<CitedIn>,
}

/// One citation of a work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitedIn {
    pub footnote: u32,
    /// Index of the citation within its footnote.
    pub citation: usize,
    pub kind: CiteKind,
    pub locator: Option<Locator>,
}
