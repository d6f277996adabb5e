//! The review page (`footcite review`, and `<stem>.review.html` of the main
//! job): one self-contained HTML file that shows every footnote as printed
//! with each citation's fields highlighted, every finding of `check` at its
//! place, the works table and the repeated citations side by side.
//!
//! The markup is built with maud, which escapes every value it is given:
//! text from the paper can only ever become text. The only unescaped
//! strings are the page's own stylesheet and script (compile-time
//! constants), and a Content-Security-Policy admits those two by hash
//! alone, so no other script or style could run even if markup slipped in.
//!
//! Files: [`fields`] finds each field in a citation's text, [`spans`] maps
//! findings into notes, [`note`] marks up one note, [`works`] the works
//! table and the repeats, [`diff`] the word differences, [`page`] the page.

pub mod diff;
pub mod fields;
pub mod note;
pub mod page;
pub mod spans;
pub mod works;

use crate::check::Today;
use crate::diag::Diagnostic;
use crate::Extraction;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One finding of `check`, placed in the note it concerns: a view of a
/// [`Review`]'s diagnostic and its placement.
#[derive(Debug, Clone)]
pub struct Finding<'r> {
    /// Its position in the findings list (`#d<id>` in the summary list,
    /// `#f<id>` under its note).
    pub id: usize,
    pub diagnostic: &'r Diagnostic,
    /// Index into [`Extraction::notes`].
    pub note: Option<usize>,
    /// Where it stands in that note's text, when it is inside it.
    pub range: Option<Range<usize>>,
}

/// Where a finding stands: its note, and its range in the note's text.
/// Held beside the diagnostics rather than with a copy of each: a long
/// paper has tens of thousands of findings.
#[derive(Debug, Clone)]
struct Placement {
    note: Option<usize>,
    range: Option<Range<usize>>,
}

/// An extraction with its findings placed: what the page is drawn from.
pub struct Review<'e> {
    pub ex: &'e Extraction,
    /// The input's file name, shown as the page's title.
    pub name: String,
    /// The findings, in report order, and where each stands.
    diagnostics: Vec<Diagnostic>,
    placements: Vec<Placement>,
    /// (note index, finding id), by note: flat, not a list a note, as a
    /// long paper has a hundred thousand notes.
    by_note: Vec<(usize, usize)>,
    /// (number, note index), by number.
    by_number: Vec<(u32, usize)>,
    /// (first line, note index), by line.
    by_line: Vec<(usize, usize)>,
}

impl<'e> Review<'e> {
    pub fn new(ex: &'e Extraction, name: &str, today: Today) -> Review<'e> {
        Review::with_diagnostics(ex, name, crate::check::check_extraction_at(ex, today))
    }

    /// [`Review::new`] with the findings already made
    /// ([`crate::check::check_extraction_at`]'s), so that the main job
    /// checks a paper once for its report and its page.
    pub fn with_diagnostics(
        ex: &'e Extraction,
        name: &str,
        diagnostics: Vec<crate::diag::Diagnostic>,
    ) -> Review<'e> {
        let mut by_number: Vec<(u32, usize)> = ex
            .notes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.number, i))
            .collect();
        by_number.sort_unstable();
        let mut by_line: Vec<(usize, usize)> = ex
            .notes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| Some((ex.document.footnotes.get(n.footnote)?.line, i)))
            .collect();
        by_line.sort_unstable();
        let mut review = Review {
            ex,
            name: name.to_string(),
            diagnostics: Vec::new(),
            placements: Vec::with_capacity(diagnostics.len()),
            by_note: Vec::new(),
            by_number,
            by_line,
        };
        let offsets = spans::diagnostic_offsets(&ex.document.source, &diagnostics);
        for (d, (start, end)) in diagnostics.iter().zip(offsets) {
            let note = review.place(d);
            let range = note.and_then(|i| {
                let record = ex.notes.get(i)?;
                let footnote = ex.document.footnotes.get(record.footnote)?;
                spans::note_range(footnote, start, end)
            });
            review.placements.push(Placement { note, range });
        }
        review.diagnostics = diagnostics;
        review.by_note = review
            .placements
            .iter()
            .enumerate()
            .filter_map(|(id, p)| Some((p.note?, id)))
            .collect();
        review.by_note.sort_unstable();
        review
    }

    /// The finding numbered `id`.
    pub fn finding(&self, id: usize) -> Option<Finding<'_>> {
        let placement = self.placements.get(id)?;
        Some(Finding {
            id,
            diagnostic: self.diagnostics.get(id)?,
            note: placement.note,
            range: placement.range.clone(),
        })
    }

    /// Every finding, in report order.
    pub fn findings(&self) -> impl Iterator<Item = Finding<'_>> {
        (0..self.diagnostics.len()).filter_map(|id| self.finding(id))
    }

    /// How many findings the paper has.
    pub fn finding_count(&self) -> usize {
        self.diagnostics.len()
    }

    /// The findings' diagnostics, in report order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The notes numbered `number`, in order.
    fn notes_numbered(&self, number: u32) -> impl Iterator<Item = usize> + '_ {
        run_of(&self.by_number, number)
    }

    /// The note a finding concerns: of its footnote number (the one whose
    /// lines hold it, when a number repeats), else the note whose lines
    /// hold it.
    fn place(&self, d: &Diagnostic) -> Option<usize> {
        let holds = |i: &usize| {
            self.ex
                .notes
                .get(*i)
                .and_then(|n| self.ex.document.footnotes.get(n.footnote))
                .is_some_and(|f| (f.line..=f.end_line).contains(&d.line))
        };
        match d.footnote {
            Some(number) => self
                .notes_numbered(number)
                .find(holds)
                .or_else(|| self.note_of_number(number)),
            None => {
                // The last note starting at or before the line.
                let i = self
                    .by_line
                    .partition_point(|&(line, _)| line <= d.line)
                    .checked_sub(1)?;
                self.by_line.get(i).map(|&(_, n)| n).filter(holds)
            }
        }
    }

    /// The findings placed in note `note`, in report order.
    pub fn findings_of(&self, note: usize) -> impl Iterator<Item = Finding<'_>> {
        run_of(&self.by_note, note).filter_map(|id| self.finding(id))
    }

    /// The first note numbered `number`.
    pub fn note_of_number(&self, number: u32) -> Option<usize> {
        self.notes_numbered(number).next()
    }

    pub fn work_key(&self, work: usize) -> &str {
        self.ex.works.get(work).map_or("", |w| w.item.id.as_str())
    }
}

/// The values paired with `key` in pairs sorted by key, in order.
fn run_of<K: Ord + Copy>(pairs: &[(K, usize)], key: K) -> impl Iterator<Item = usize> + '_ {
    let from = pairs.partition_point(|&(k, _)| k < key);
    pairs
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(move |&&(k, _)| k == key)
        .map(|&(_, value)| value)
}

/// Notes (and works) live in the page from the start; the rest come in
/// inert `<template>` chunks of this many, which the page's script puts in
/// place as they are scrolled to (or all at once for a filter, a search, a
/// link or printing). A browser parses a template's markup without
/// building, styling or laying out its elements: the page of 10,000 notes
/// opens in seconds. A paper of up to this many notes needs no script.
pub const CHUNK: usize = 1000;

/// The markup of items `0..count` (made by `item`), the first [`CHUNK`]
/// as they are, the rest in templates of [`CHUNK`] each.
pub fn chunked(count: usize, item: impl Fn(usize) -> maud::Markup) -> maud::Markup {
    maud::PreEscaped(crate::io::collect_string(|out| {
        write_chunked(count, item, out)
    }))
}

/// [`chunked`] written straight to `out`, item by item: the page of a
/// large paper is never held whole.
pub fn write_chunked(
    count: usize,
    item: impl Fn(usize) -> maud::Markup,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    for start in (0..count).step_by(CHUNK) {
        let end = (start + CHUNK).min(count);
        if start != 0 {
            out.write_all(
                b"<div class=\"later-mark\" aria-hidden=\"true\"></div><template class=\"later\">",
            )?;
        }
        for i in start..end {
            out.write_all(item(i).0.as_bytes())?;
        }
        if start != 0 {
            out.write_all(b"</template>")?;
        }
    }
    Ok(())
}

/// Where `footcite review FILE` writes by default: `<stem>.review.html`
/// beside the input; standard output for standard input.
pub fn default_output(input: &Path) -> PathBuf {
    if input == Path::new("-") {
        return PathBuf::from("-");
    }
    let (dir, stem) = crate::batch::output_target(input, None);
    dir.join(format!("{stem}.review.html"))
}

/// The name the page gives its input: the file name alone, so the page
/// does not depend on where it was made.
pub fn input_name(input: &Path) -> String {
    if input == Path::new("-") {
        return "<stdin>".to_string();
    }
    input.file_name().map_or_else(
        || input.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The review page of a paper, written to `out`; findings are dated by the
/// system clock, as `footcite check` does.
pub fn write_review(ex: &Extraction, name: &str, out: &mut dyn io::Write) -> io::Result<()> {
    write_review_at(ex, name, Today::from_system(), out)
}

/// [`write_review`] with a fixed "today" (for tests).
pub fn write_review_at(
    ex: &Extraction,
    name: &str,
    today: Today,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    page::write_page(&Review::new(ex, name, today), out)
}

/// [`write_review`] with the paper's findings already made (the main job
/// makes them once for the check report and the page).
pub fn write_review_with(
    ex: &Extraction,
    name: &str,
    diagnostics: Vec<crate::diag::Diagnostic>,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    page::write_page(&Review::with_diagnostics(ex, name, diagnostics), out)
}

/// The review page as a string.
pub fn to_review_html(ex: &Extraction, name: &str, today: Today) -> String {
    crate::io::collect_string(|out| write_review_at(ex, name, today, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_past_the_first_chunk_wait_in_templates() {
        let page = chunked(CHUNK * 2 + 1, |i| maud::html! { i { (i) } }).into_string();
        assert_eq!(page.matches("<template class=\"later\">").count(), 2);
        assert_eq!(page.matches("<div class=\"later-mark\"").count(), 2);
        let first = page.find("<template").unwrap_or(0);
        assert_eq!(page[..first].matches("<i>").count(), CHUNK);
        assert!(page.ends_with(&format!("<i>{}</i></template>", CHUNK * 2)));
        let small = chunked(3, |i| maud::html! { i { (i) } }).into_string();
        assert_eq!(small, "<i>0</i><i>1</i><i>2</i>");
    }

    #[test]
    fn written_chunks_are_the_markup_the_page_rendered_whole() {
        // The page's lists were rendered whole with this markup before
        // they were written item by item; the bytes must not change.
        let whole = |count: usize| {
            maud::html! {
                @for start in (0..count).step_by(CHUNK) {
                    @let end = (start + CHUNK).min(count);
                    @if start == 0 {
                        @for i in start..end { i { (i) } }
                    } @else {
                        div.later-mark aria-hidden="true" {}
                        template.later {
                            @for i in start..end { i { (i) } }
                        }
                    }
                }
            }
            .into_string()
        };
        for count in [0, 1, CHUNK, CHUNK + 1, CHUNK * 3 + 7] {
            let written = crate::io::collect_string(|out| {
                write_chunked(count, |i| maud::html! { i { (i) } }, out)
            });
            assert_eq!(written, whole(count), "{count} items");
        }
    }
}
