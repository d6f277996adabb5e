//! Citation grammars, written with nom per convention and composed: a note
//! is split into citations, each citation is tried against the English
//! (Chicago notes) and Chinese grammars. Inputs are `LocatedSpan`s over the
//! note's joined text, so every result carries offsets that the layout's
//! offset map turns into source lines and columns.

pub mod chinese;
pub mod dates;
pub mod english;
pub mod gbt;
pub mod locator;
pub mod names;
pub mod note;
pub mod scan;

use crate::model::{Item, Locator, Name};
use std::ops::Range;
use std::sync::Arc;

/// Input of every citation combinator: text with its offset in the note.
pub type Span<'a> = nom_locate::LocatedSpan<&'a str>;

/// Result of every citation combinator.
pub type PResult<'a, O> = nom::IResult<Span<'a>, O, nom::error::Error<Span<'a>>>;

/// Byte range of a span in the note text.
pub fn span_range(span: &Span) -> Range<usize> {
    span.location_offset()..span.location_offset() + span.fragment().len()
}

/// What role a list of names plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Author,
    Editor,
    Translator,
    /// `ed. and trans.`: one person both edited and translated the work.
    EditorTranslator,
    /// `with an afterword by`, `introd. by`: a contribution the model has
    /// no role for; the names are read and not kept.
    Contributor,
}

/// A list of creators as written, with the role its marker gave it
/// (`(eds)`, `(ed.)`, `主編`, `trans.`) and whether it ended in `et al.`/`等`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameList {
    pub names: Vec<Name>,
    pub role: Role,
    pub et_al: bool,
}

impl NameList {
    /// Authors named in full, with no `et al.`.
    pub fn authors(names: Vec<Name>) -> NameList {
        NameList {
            names,
            role: Role::Author,
            et_al: false,
        }
    }

    /// Put the names where their role says: authors, editors or translators.
    pub fn apply_to(self, item: &mut Item) {
        match self.role {
            Role::Author => item.author = self.names,
            Role::Editor => item.editor = self.names,
            Role::Translator => item.set_rare_names(self.names, |e| &mut e.translator),
            Role::EditorTranslator => {
                item.editor = self.names.clone();
                item.set_rare_names(self.names, |e| &mut e.translator);
            }
            Role::Contributor => {}
        }
    }
}

/// How a citation refers to its work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CiteKind {
    Full,
    Ibid,
    Short,
}

/// What the grammar made of one citation, before works are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parsed {
    /// A full reference: the item has every field the citation gave. Shared
    /// (with its id) with the work it is the first citation of, so that a
    /// paper's items are held once.
    Full(Arc<Item>),
    /// `Ibid.`, `同上`, `同上註`: the previous note's work.
    Ibid,
    /// A short form: `Author, Short Title`, `同註 12`, `作者，前引書`.
    /// Boxed: a paper holds every citation, and most are not short forms.
    Short(Box<ShortForm>),
}

/// What a short form names of the work it repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShortForm {
    pub creators: Vec<Name>,
    pub title: Option<String>,
    /// `同註 12` names the note that holds the full reference.
    pub note_ref: Option<u32>,
}

impl Parsed {
    /// A short form of these parts.
    pub fn short(creators: Vec<Name>, title: Option<String>, note_ref: Option<u32>) -> Parsed {
        Parsed::Short(Box::new(ShortForm {
            creators,
            title,
            note_ref,
        }))
    }

    /// The short form's parts, taken out, if this is one.
    pub fn into_short(self) -> Option<ShortForm> {
        match self {
            Parsed::Short(short) => Some(*short),
            _ => None,
        }
    }

    /// The short form's parts, if this is one.
    pub fn as_short(&self) -> Option<&ShortForm> {
        match self {
            Parsed::Short(short) => Some(short),
            _ => None,
        }
    }
}

/// A convention and the variant of it that a citation used, for the
/// consistency check (`Vol.5` against `Vol. 6`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// Which convention: `volume-label`, `page-label`, `periodical-date` …
    pub convention: &'static str,
    /// How it was written here, as a short pattern: `Vol.N`, `Vol. N`.
    pub variant: &'static str,
    pub range: Range<usize>,
}

/// One citation of a note, as parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCitation {
    /// `None` when no grammar accounted for the text: it is kept verbatim.
    pub parsed: Option<Parsed>,
    pub locator: Option<Locator>,
    /// Byte range of the citation's own text in the note text.
    pub range: Range<usize>,
    /// Parts of the citation text no grammar accounted for. Boxed slices,
    /// not vectors: a paper holds every citation, and these never grow
    /// once the note is parsed.
    pub unparsed: Box<[Range<usize>]>,
    pub forms: Box<[Form]>,
}

impl RawCitation {
    pub fn kind(&self) -> Option<CiteKind> {
        match self.parsed.as_ref()? {
            Parsed::Full(_) => Some(CiteKind::Full),
            Parsed::Ibid => Some(CiteKind::Ibid),
            Parsed::Short(_) => Some(CiteKind::Short),
        }
    }
}

/// A parsed note: its citations and the stretches of commentary prose.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedNote {
    pub citations: Vec<RawCitation>,
    pub commentary: Vec<Range<usize>>,
}

/// What a grammar made of one citation's text, before it is placed in its
/// note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CiteParse {
    pub parsed: Option<Parsed>,
    pub locator: Option<Locator>,
    pub unparsed: Vec<Range<usize>>,
    pub forms: Vec<Form>,
}

impl CiteParse {
    /// `Ibid.`, `同上`, `同上註`: the previous note's work.
    pub fn ibid(locator: Option<Locator>) -> CiteParse {
        CiteParse {
            parsed: Some(Parsed::Ibid),
            locator,
            ..CiteParse::default()
        }
    }

    /// `同註 12`, GB/T's `同 12`: the work of note `number`.
    pub fn same_as_note(number: u32, locator: Option<Locator>) -> CiteParse {
        CiteParse {
            parsed: Some(Parsed::short(Vec::new(), None, Some(number))),
            locator,
            ..CiteParse::default()
        }
    }

    /// Finish as a short form naming these creators and short title.
    pub fn into_short(mut self, creators: Option<NameList>, title: Option<String>) -> CiteParse {
        self.parsed = Some(Parsed::short(
            creators.map(|c| c.names).unwrap_or_default(),
            title,
            None,
        ));
        self
    }
}
