//! The whole extraction: layout, grammars, resolution and the diagnostics
//! they raise, as one value the exporters and the checker consume. Its JSON
//! form (`footcite extract`) is a stable interface, documented in the README.

use crate::cite::note::parse_note;
use crate::cite::{CiteKind, Parsed, ParsedNote, RawCitation};
use crate::diag::{Diagnostic, Severity};
use crate::layout::{Document, Footnote};
use crate::model::{Item, ItemType, Language, Locator};
use crate::resolve::{resolve_unkeyed, Resolution, Work};
use crate::source::Pos;
use serde_json::Value;
use std::sync::Arc;

/// Why a text could not be extracted at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    #[error("no numbered footnotes found: footcite reads notes numbered `1 text` or `1. text` at the foot of pages (form feeds or page numbers between pages, `--layout plain`), under a `Notes` heading, or in blocks opened by a line of spaces (`--layout ruled`); give it the PDF or DOCX itself, or the text of `pdftotext -layout`")]
    NoFootnotes,
}

/// One citation in a note, resolved to its work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationRecord {
    /// `None` when no grammar accounted for the text.
    pub kind: Option<CiteKind>,
    /// Index into [`Extraction::works`].
    pub work: Option<usize>,
    pub start: Pos,
    pub end: Pos,
    pub raw: RawCitation,
}

impl CitationRecord {
    /// The pages (or chapter, section …) the citation points at, as its
    /// grammar read them (held once, in `raw`).
    pub fn locator(&self) -> Option<&Locator> {
        self.raw.locator.as_ref()
    }

    /// The citation's own text: its range (`raw.range`) of its footnote's
    /// joined text, which is held once, by the footnote.
    pub fn text<'t>(&self, footnote: &'t Footnote) -> &'t str {
        footnote.text.get(self.raw.range.clone()).unwrap_or("")
    }
}

/// One footnote with its citations. Boxed slices, not vectors: a paper
/// holds every note's record, and none grows once extracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRecord {
    pub number: u32,
    /// Index into [`Document::footnotes`].
    pub footnote: usize,
    pub citations: Box<[CitationRecord]>,
    /// Byte ranges of commentary prose in the footnote's text.
    pub commentary: Box<[std::ops::Range<usize>]>,
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

impl Footnote {
    /// Source position of a byte offset in the note's joined text.
    pub fn source_pos(&self, doc: &Document, offset: usize) -> Pos {
        doc.source.pos(self.map.to_source(offset))
    }
}

/// Extract footnotes, citations and works from a paper's text.
pub fn extract(text: &str) -> Result<Extraction, ExtractError> {
    extract_source(crate::source::SourceText::new(text))
}

/// [`extract`] taking the text by value, so that it is not copied (the
/// document keeps it).
pub fn extract_owned(text: String) -> Result<Extraction, ExtractError> {
    extract_source(crate::source::SourceText::from_string(text))
}

/// Where each work's first full citation stands, as (note, citation,
/// work): the citation whose item became the work's item.
fn first_full_citations(
    parsed: &[ParsedNote],
    resolution: &Resolution,
) -> Vec<(usize, usize, usize)> {
    let mut seen = vec![false; resolution.works.len()];
    let mut firsts = Vec::new();
    for (ni, (note, assigned)) in parsed.iter().zip(&resolution.assignments).enumerate() {
        for (ci, (raw, work)) in note.citations.iter().zip(assigned).enumerate() {
            if let (Some(Parsed::Full(_)), Some(w)) = (&raw.parsed, work) {
                if let Some(done @ false) = seen.get_mut(*w) {
                    *done = true;
                    firsts.push((ni, ci, *w));
                }
            }
        }
    }
    firsts
}

/// Give the first full citation of each work the item `item_of(work)`.
fn set_first_items(
    parsed: &mut [ParsedNote],
    firsts: &[(usize, usize, usize)],
    item_of: impl Fn(usize) -> Option<Arc<Item>>,
) {
    for &(ni, ci, w) in firsts {
        let citation = parsed.get_mut(ni).and_then(|n| n.citations.get_mut(ci));
        if let (Some(Some(Parsed::Full(item))), Some(new)) =
            (citation.map(|c| &mut c.parsed), item_of(w))
        {
            *item = new;
        }
    }
}

fn extract_source(source: crate::source::SourceText) -> Result<Extraction, ExtractError> {
    extract_document(crate::layout::read_as(
        source,
        crate::layout::LayoutKind::Auto,
    ))
}

/// Extract a text read with a given layout.
pub fn extract_with_layout(
    text: String,
    layout: crate::layout::LayoutKind,
) -> Result<Extraction, ExtractError> {
    let source = crate::source::SourceText::from_string(text);
    extract_document(crate::layout::read_as(source, layout))
}

/// Each note's citations, in the notes' order. A note is read on its own
/// (nothing in the grammars looks at another note), so a long paper's notes
/// are read on every thread of the pool (see [`crate::threads`]).
fn parse_notes(footnotes: &[Footnote]) -> Vec<ParsedNote> {
    use crate::threads::{worth_threads, NOTES_PER_THREAD};
    use rayon::prelude::*;
    if !worth_threads(footnotes.len()) {
        return footnotes.iter().map(|f| parse_note(&f.text)).collect();
    }
    footnotes
        .par_iter()
        .with_min_len(NOTES_PER_THREAD)
        .map(|f| parse_note(&f.text))
        .collect()
}

/// Citations, works and diagnostics of a document whose notes are found.
pub fn extract_document(document: Document) -> Result<Extraction, ExtractError> {
    if document.footnotes.is_empty() {
        return Err(ExtractError::NoFootnotes);
    }
    let parsed = parse_notes(&document.footnotes);
    let inputs: Vec<(u32, &[RawCitation])> = document
        .footnotes
        .iter()
        .zip(&parsed)
        .map(|(f, p)| (f.number, p.citations.as_slice()))
        .collect();
    let mut resolution = resolve_unkeyed(&inputs);
    drop(inputs);
    let mut parsed = parsed;
    // Each work's item is, until keyed, the very item of its first full
    // citation. That citation lets go of it (for a placeholder) so that
    // keying changes the items in place instead of copying each, then holds
    // the keyed item: a paper's items are held once.
    let firsts = first_full_citations(&parsed, &resolution);
    let placeholder = Arc::new(Item::new(ItemType::Book));
    set_first_items(&mut parsed, &firsts, |_| Some(Arc::clone(&placeholder)));
    crate::resolve::key_works(&mut resolution.works);
    set_first_items(&mut parsed, &firsts, |w| {
        resolution.works.get(w).map(|work| Arc::clone(&work.item))
    });
    let mut diagnostics = document.problems.clone();
    let mut notes = Vec::with_capacity(parsed.len());
    for (index, ((footnote, parsed), assigned)) in document
        .footnotes
        .iter()
        .zip(parsed)
        .zip(&resolution.assignments)
        .enumerate()
    {
        let mut citations = Vec::with_capacity(parsed.citations.len());
        for (raw, work) in parsed.citations.into_iter().zip(assigned) {
            let start = footnote.source_pos(&document, raw.range.start);
            let end = footnote.source_pos(&document, raw.range.end);
            if raw.parsed.is_none() {
                diagnostics.push(
                    Diagnostic::new(
                        Severity::Error,
                        "unparsed-citation",
                        start,
                        end,
                        "no citation grammar accounts for this text",
                    )
                    .in_footnote(footnote.number),
                );
            } else {
                for range in &raw.unparsed {
                    let part = footnote.text.get(range.clone()).unwrap_or("");
                    diagnostics.push(
                        Diagnostic::new(
                            Severity::Warning,
                            "unparsed-part",
                            footnote.source_pos(&document, range.start),
                            footnote.source_pos(&document, range.end),
                            format!("the citation grammar could not place `{part}`"),
                        )
                        .in_footnote(footnote.number),
                    );
                }
            }
            citations.push(CitationRecord {
                kind: raw.kind(),
                work: *work,
                start,
                end,
                raw,
            });
        }
        notes.push(NoteRecord {
            number: footnote.number,
            footnote: index,
            citations: citations.into_boxed_slice(),
            commentary: parsed.commentary.into_boxed_slice(),
        });
    }
    // The first note of each number (a search per problem would be
    // quadratic in the number of notes).
    let mut note_index: foldhash::HashMap<u32, usize> = foldhash::HashMap::default();
    for (i, n) in notes.iter().enumerate() {
        note_index.entry(n.number).or_insert(i);
    }
    for problem in &resolution.problems {
        let Some(citation) = note_index
            .get(&problem.footnote)
            .and_then(|&i| notes.get(i))
            .and_then(|n| n.citations.get(problem.citation))
        else {
            continue;
        };
        diagnostics.push(
            Diagnostic::new(
                problem.severity,
                problem.code,
                citation.start,
                citation.end,
                problem.message.clone(),
            )
            .in_footnote(problem.footnote),
        );
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let document_item = document_item(&document);
    Ok(Extraction {
        document,
        document_item,
        notes,
        works: resolution.works,
        diagnostics,
    })
}

/// The paper as a CSL item, from its first page and running headers.
fn document_item(doc: &Document) -> Item {
    let front = &doc.front;
    let mut item = Item::new(ItemType::ArticleJournal);
    item.title = front.title.as_deref().map(Into::into);
    item.author = front
        .authors
        .iter()
        .map(|a| {
            if crate::text::has_cjk(a) {
                crate::cite::names::chinese_name(a)
            } else {
                crate::cite::names::english_person(a)
            }
        })
        .collect();
    item.container_title = front.journal.as_deref().map(Into::into);
    item.volume = front.volume.as_deref().map(Into::into);
    item.issue = front.issue.as_deref().map(Into::into);
    item.issued = front.date.clone();
    if let (Some(first), Some(last)) = (front.first_page, front.last_page) {
        item.page = Some(if first == last {
            first.to_string().into()
        } else {
            format!("{first}-{last}").into()
        });
    }
    item.set_rare(front.abstract_text.as_deref().map(Into::into), |e| {
        &mut e.abstract_text
    });
    item.set_rare(front.keywords.as_deref().map(Into::into), |e| {
        &mut e.keyword
    });
    let title = item.title.as_deref().unwrap_or("");
    item.language = Some(if crate::text::has_cjk(title) {
        Language::ChineseTraditional
    } else {
        Language::English
    });
    let mut items = [item];
    crate::keys::assign_keys(&mut items);
    let [item] = items;
    item
}

/// The `footcite extract` JSON, borrowed from the extraction and written
/// field by field (no intermediate tree: the JSON of a large paper would
/// otherwise take several times its size in memory). Its lists are
/// written as they are walked, never collected.
#[derive(serde::Serialize)]
struct JsonOut<'a> {
    document: &'a Item,
    footnotes: JsonFootnotes<'a>,
    items: JsonItems<'a>,
    diagnostics: &'a [Diagnostic],
}

/// Every footnote of the extraction, with its citations.
struct JsonFootnotes<'a>(&'a Extraction);

/// Every work's item.
struct JsonItems<'a>(&'a [Work]);

#[derive(serde::Serialize)]
struct JsonFootnote<'a> {
    number: u32,
    line: usize,
    end_line: usize,
    page: usize,
    text: &'a str,
    marker: Option<Pos>,
    citations: JsonCitations<'a>,
}

/// One footnote's citations.
struct JsonCitations<'a> {
    ex: &'a Extraction,
    note: &'a NoteRecord,
    footnote: &'a Footnote,
}

#[derive(serde::Serialize)]
struct JsonCitation<'a> {
    item: Option<&'a str>,
    kind: Option<CiteKind>,
    locator: Option<&'a str>,
    label: Option<&'static str>,
    text: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
}

impl serde::Serialize for JsonFootnotes<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let ex = self.0;
        serializer.collect_seq(ex.notes.iter().filter_map(|note| {
            let footnote = ex.document.footnotes.get(note.footnote)?;
            Some(JsonFootnote {
                number: note.number,
                line: footnote.line,
                end_line: footnote.end_line,
                page: footnote.page,
                text: &footnote.text,
                marker: footnote.marker,
                citations: JsonCitations { ex, note, footnote },
            })
        }))
    }
}

impl serde::Serialize for JsonCitations<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let JsonCitations { ex, note, footnote } = *self;
        serializer.collect_seq(note.citations.iter().map(|c| {
            JsonCitation {
                item: c
                    .work
                    .and_then(|w| ex.works.get(w))
                    .map(|w| w.item.id.as_str()),
                kind: c.kind,
                locator: c.locator().map(|l| l.value.as_str()),
                label: c.locator().map(|l| l.label.name()),
                text: c.text(footnote),
                line: c.start.line,
                column: c.start.column,
                end_line: c.end.line,
                end_column: c.end.column,
            }
        }))
    }
}

impl serde::Serialize for JsonItems<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|w| &*w.item))
    }
}

impl Extraction {
    fn json_out(&self) -> JsonOut<'_> {
        JsonOut {
            document: &self.document_item,
            footnotes: JsonFootnotes(self),
            items: JsonItems(&self.works),
            diagnostics: &self.diagnostics,
        }
    }

    /// The `footcite extract` JSON: footnotes with their citations, the
    /// items, the document item and the diagnostics.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self.json_out()).unwrap_or(Value::Null)
    }

    /// [`Extraction::to_json`] as pretty-printed text, written straight from
    /// the extraction, with a final newline.
    pub fn to_json_string(&self) -> String {
        crate::io::collect_string(|out| self.write_json(out))
    }

    /// [`Extraction::to_json_string`] written straight to `out`.
    pub fn write_json(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &self.json_out())?;
        out.write_all(b"\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_read_on_two_threads_come_back_in_order() {
        let forms = [
            "Allen Lynch, Soviet Foreign Policy (New York: Praeger, 1991), p.38.",
            "Ibid., p.40.",
            "吳玉山，抗衡或扈從（台北：正中書局，1997年），頁15。",
            "Jane Doe, “Arms,” Survival 39, no. 2 (1997): 4.",
            "Lynch, Soviet Foreign Policy, 41.",
        ];
        let footnotes: Vec<Footnote> = (0..2 * crate::threads::NOTES_PER_THREAD + 7)
            .map(|i| Footnote {
                number: u32::try_from(i + 1).unwrap(),
                line: i + 1,
                end_line: i + 1,
                page: 1,
                // Each note differs (its page), so a note out of place shows.
                text: forms[i % forms.len()].replace("4", &format!("4{i}")),
                map: crate::source::OffsetMap::default(),
                marker: None,
            })
            .collect();
        let one_by_one: Vec<ParsedNote> = footnotes.iter().map(|f| parse_note(&f.text)).collect();
        let (worth, parsed) = crate::threads::in_pool(2, || {
            (
                crate::threads::worth_threads(footnotes.len()),
                parse_notes(&footnotes),
            )
        });
        assert!(worth, "the test's notes are too few to be read on threads");
        assert_eq!(parsed, one_by_one);
    }

    #[test]
    fn a_work_and_its_first_full_citation_share_one_keyed_item() {
        let body: String = (1..=3).map(|n| format!("本文。{n}")).collect();
        let paper = format!(
            "標題\n\n{body}\n{}\n\
             1 Allen Lynch, Soviet Foreign Policy (New York: Praeger, 1991), p.38.\n\
             2 Ibid., p.40.\n\
             3 Allen Lynch, Soviet Foreign Policy (New York: Praeger, 1991), p.41.\n \
             正文。\n",
            " ".repeat(20)
        );
        let ex = extract(&paper).unwrap();
        assert_eq!(ex.works.len(), 1);
        let work = &ex.works[0].item;
        assert_eq!(work.id, "lynch1991soviet");
        let item_of = |note: usize| match &ex.notes[note].citations[0].raw.parsed {
            Some(Parsed::Full(item)) => Arc::clone(item),
            other => panic!("note {note}: {other:?}"),
        };
        // The first full citation holds the work's own (keyed) item ...
        assert!(Arc::ptr_eq(&item_of(0), work));
        // ... a later full citation of the same work keeps what it wrote.
        let repeat = item_of(2);
        assert!(!Arc::ptr_eq(&repeat, work));
        assert_eq!(repeat.title, work.title);
        assert!(repeat.id.is_empty());
    }
}
