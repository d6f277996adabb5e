//! Snapshot tests of every exported file, with `insta`, for the test
//! papers other than the one in `refs/` (whose outputs are committed there
//! and checked by `refs_outputs.rs`). A change to an export shows up as a
//! reviewed diff: `cargo insta review` (or `INSTA_UPDATE=always cargo test`
//! and read `git diff tests/snapshots/`). In CI insta never writes a
//! snapshot, so a stale one fails.
//!
//! These are change detectors; what the values must be is asserted
//! separately, by hand-checked expectations (`paper.rs`, `synthetic.rs`,
//! `conventions.rs`, `check_planted.rs`).

use footcite::check::{self, Today};
use footcite::export::{self, Dialect};

const TODAY: Today = Today {
    year: 2026,
    month: 1,
    day: 1,
};

fn extraction(text: &str) -> footcite::Extraction {
    footcite::extract(text).expect("a test paper has numbered notes")
}

/// The four files the main job writes, as insta snapshots named
/// `<paper>.<kind>`.
fn snapshot_exports(paper: &str, path: &str, text: &str) {
    let ex = extraction(text);
    let settings = {
        let mut s = insta::Settings::clone_current();
        s.set_prepend_module_to_snapshot(false);
        s.set_snapshot_suffix(paper);
        s
    };
    settings.bind(|| {
        insta::assert_snapshot!("bib", export::to_biblatex(&ex.works, Dialect::Biblatex));
        insta::assert_snapshot!("csl_json", export::to_csl_json(&ex.works));
        insta::assert_snapshot!("footcite_tex", export::to_latex(&ex));
        insta::assert_snapshot!("check", check::report_at(&ex, path, TODAY));
    });
}

#[test]
fn synthetic_paper_exports() {
    snapshot_exports(
        "synthetic",
        "tests/data/synthetic-paper.txt",
        include_str!("data/synthetic-paper.txt"),
    );
}

#[test]
fn unpublished_paper_exports() {
    snapshot_exports(
        "unpublished",
        "tests/data/unpublished-paper.txt",
        include_str!("data/unpublished-paper.txt"),
    );
}

#[test]
fn conventions_paper_exports() {
    snapshot_exports(
        "conventions",
        "tests/data/conventions-paper.txt",
        include_str!("data/conventions-paper.txt"),
    );
}

#[test]
fn planted_paper_exports() {
    snapshot_exports(
        "planted",
        "tests/data/planted.txt",
        include_str!("data/planted.txt"),
    );
}
