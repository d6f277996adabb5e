//! Property tests of the readers, run in CI as the quick stand-in for the
//! cargo-fuzz targets in `fuzz/`: for arbitrary text shaped as pages, and
//! for the reference paper with random stretches replaced, nothing panics,
//! every position points inside the source and every range inside its note.

mod common;

use footcite::cite::note::parse_note;
use proptest::collection::vec;
use proptest::prelude::*;
use std::cell::Cell;

const PAPER: &str = include_str!("../refs/tsai-2006-russia-china-military-ties.txt");

/// The characters the grammars care about.
const GRAMMAR_CHARS: &str =
    "[a-zA-Z0-9 .,;:?()（）「」《》〈〉“”‘’\"，。；：、頁版第期卷年月日同上註前引書主編等p-]";

/// Characters the grammars care about, in random order.
fn note_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("{GRAMMAR_CHARS}{{0,200}}")).expect("a regex")
}

/// The paper with one stretch replaced by arbitrary text.
fn mutated_paper() -> impl Strategy<Value = String> {
    let len = PAPER.len();
    (0..len, 0..400usize, "[ \n0-9a-z「」（）“”,.;頁。1-9]{0,80}").prop_map(
        move |(at, cut, insert)| {
            let mut start = at.min(len);
            while !PAPER.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + cut).min(len);
            while !PAPER.is_char_boundary(end) {
                end -= 1;
            }
            format!("{}{}{}", &PAPER[..start], insert, &PAPER[end..])
        },
    )
}

/// Arbitrary text shaped as pages, so that the layout readers find notes
/// in it and hand them to the grammars: body lines, blank lines, the rule of
/// spaces that opens a footnote block, notes `N text` (`N. text` for the
/// plain reader) numbered in sequence, indented continuation lines, and form
/// feeds with a page number between pages. The lines' text is arbitrary
/// (half of it drawn from the characters the grammars care about); a text of
/// no newlines would never get past the layout.
fn page_shaped_text() -> impl Strategy<Value = String> {
    let text = prop_oneof![
        proptest::string::string_regex("\\PC{1,60}").expect("a regex"),
        proptest::string::string_regex(&format!("{GRAMMAR_CHARS}{{1,80}}")).expect("a regex"),
    ];
    vec((0..10u8, text), 1..40).prop_map(|lines| {
        let mut out = String::new();
        let mut number = 0u32;
        let mut page = 1u32;
        for (kind, text) in lines {
            match kind {
                0..=2 => out.push_str(&text),
                3 => {}
                4 => out.push_str(&" ".repeat(49)),
                5 | 6 => {
                    number += 1;
                    let dot = if kind == 6 { "." } else { "" };
                    out.push_str(&format!("{number}{dot} {text}"));
                }
                7 | 8 => out.push_str(&format!("  {text}")),
                _ => {
                    page += 1;
                    out.push_str(&format!("{page}\n\u{c}"));
                }
            }
            out.push('\n');
        }
        out
    })
}

/// Check what the extraction of `text` holds. Returns how many citations
/// a grammar read, `None` when no notes were found.
fn check_extraction(text: &str) -> Option<usize> {
    let Ok(ex) = footcite::extract(text) else {
        return None;
    };
    let lines = ex.document.source.line_count();
    for note in &ex.notes {
        let footnote = &ex.document.footnotes[note.footnote];
        for c in &note.citations {
            assert!(c.raw.range.end <= footnote.text.len());
            assert!(footnote.text.is_char_boundary(c.raw.range.start));
            assert!(c.start.line >= 1 && c.start.line as usize <= lines);
            assert!(c.end.line >= c.start.line && c.end.line as usize <= lines);
        }
    }
    for d in &ex.diagnostics {
        assert!(d.line >= 1 && d.line <= lines, "{d:?}");
    }
    // The exports and the checker accept whatever the extraction holds.
    let _ = footcite::export::to_biblatex(&ex.works, footcite::export::Dialect::Biblatex);
    let _ = footcite::export::to_csl_json(&ex.works);
    let _ = footcite::export::to_latex(&ex);
    let _ = footcite::check::report(&ex, "paper.txt");
    Some(
        ex.notes
            .iter()
            .flat_map(|n| &n.citations)
            .filter(|c| c.kind.is_some())
            .count(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn note_grammar_never_panics_and_keeps_ranges_inside(text in note_text()) {
        let note = parse_note(&text);
        for c in &note.citations {
            prop_assert!(c.range.start <= c.range.end && c.range.end <= text.len());
            for r in c.unparsed.iter().chain(c.forms.iter().map(|f| &f.range)) {
                prop_assert!(r.end <= text.len());
            }
        }
        for r in &note.commentary {
            prop_assert!(r.end <= text.len());
        }
    }
}

/// Cases of page-shaped text; at least this share must get notes.
const PAGE_CASES: u32 = 256;
const MIN_WITH_NOTES_PERCENT: usize = 50;

#[test]
fn arbitrary_text_never_panics() {
    let mut runner = common::saving_runner(PAGE_CASES, file!());
    let samples = Cell::new(0usize);
    let with_notes = Cell::new(0usize);
    let with_citations = Cell::new(0usize);
    let result = runner.run(&page_shaped_text(), |text| {
        samples.set(samples.get() + 1);
        let parsed = check_extraction(&text);
        if parsed.is_some() {
            with_notes.set(with_notes.get() + 1);
        }
        if parsed.is_some_and(|n| n > 0) {
            with_citations.set(with_citations.get() + 1);
        }
        Ok(())
    });
    eprintln!(
        "page-shaped arbitrary text: notes found in {}/{} samples, a citation read in {}",
        with_notes.get(),
        samples.get(),
        with_citations.get()
    );
    if let Err(e) = result {
        panic!("{e}");
    }
    // Text the layout never reads as notes would test the layout alone.
    assert!(
        with_notes.get() * 100 >= samples.get() * MIN_WITH_NOTES_PERCENT,
        "notes found in only {}/{} samples",
        with_notes.get(),
        samples.get()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn mutated_paper_never_panics(text in mutated_paper()) {
        let _ = check_extraction(&text);
    }
}
