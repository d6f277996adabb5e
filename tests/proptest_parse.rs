//! Property tests of the readers, run in CI as the quick stand-in for the
//! cargo-fuzz targets in `fuzz/`: for arbitrary text, and for the reference
//! paper with random stretches replaced, nothing panics, every position
//! points inside the source and every range inside its note.

use footcite::cite::note::parse_note;
use proptest::prelude::*;

const PAPER: &str = include_str!("../refs/tsai-2006-russia-china-military-ties.txt");

/// Characters the grammars care about, in random order.
fn note_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 .,;:?()（）「」《》〈〉“”‘’\"，。；：、頁版第期卷年月日同上註前引書主編等p-]{0,200}"
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

fn check_extraction(text: &str) {
    let Ok(ex) = footcite::extract(text) else {
        return;
    };
    let lines = ex.document.source.line_count();
    for note in &ex.notes {
        let footnote = &ex.document.footnotes[note.footnote];
        for c in &note.citations {
            assert!(c.raw.range.end <= footnote.text.len());
            assert!(footnote.text.is_char_boundary(c.raw.range.start));
            assert!(c.start.line >= 1 && c.start.line <= lines);
            assert!(c.end.line >= c.start.line && c.end.line <= lines);
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

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        check_extraction(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn mutated_paper_never_panics(text in mutated_paper()) {
        check_extraction(&text);
    }
}
