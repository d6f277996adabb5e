//! `footcite check` on a document with planted problems of every kind the
//! issue names (malformed, duplicates, numbering and markers, consistency):
//! every planted problem is reported, at its footnote and line, and nothing
//! else but the few findings that follow from them.

use footcite::check::{self, render, Today};
use std::collections::BTreeSet;

const TODAY: Today = Today {
    year: 2026,
    month: 1,
    day: 1,
};

/// (code, footnote, line) of every planted problem.
const PLANTED: &[(&str, Option<u32>, usize)] = &[
    // 1. Malformed
    ("locator-comma", Some(1), 7),
    ("locator-plural-single", Some(2), 9),
    ("locator-singular-range", Some(3), 10),
    ("locator-reversed-range", Some(4), 12),
    ("place-state-mismatch", Some(5), 13),
    ("place-unknown-code", Some(6), 15),
    ("place-state-as-city", Some(7), 17),
    ("space-before-punctuation", Some(8), 19),
    ("space-inside-brackets", Some(9), 21),
    ("space-before-punctuation", Some(10), 22),
    ("unbalanced-quote", Some(11), 24),
    ("unbalanced-bracket", Some(12), 26),
    ("invalid-date", Some(14), 27),
    ("future-date", Some(15), 34),
    ("unparsed-citation", Some(27), 53),
    ("missing-field", Some(28), 54),
    ("missing-field", Some(29), 55),
    ("unparsed-part", Some(30), 56),
    // 2. Duplicates
    ("duplicate-citation", Some(18), 38),
    ("repeated-full-citation", Some(19), 39),
    ("near-duplicate", Some(21), 42),
    ("ambiguous-ibid", Some(23), 47),
    // 3. Numbering and markers
    ("marker-out-of-order", Some(8), 4),
    ("marker-missing", Some(5), 13),
    ("note-number-gap", Some(14), 27),
    ("marker-repeated", Some(3), 30),
    ("marker-without-note", None, 31),
    ("note-number-repeated", Some(15), 35),
    ("note-number-order", Some(25), 51),
    // 4. Consistency
    ("inconsistent-volume-label", Some(24), 48),
    ("inconsistent-issue-label", Some(24), 48),
    ("inconsistent-page-label", Some(24), 48),
    ("inconsistent-apostrophe", Some(26), 49),
    ("inconsistent-periodical-date", Some(25), 52),
];

/// Findings that follow from planted ones: the grammar cannot read a
/// citation whose quotation mark or bracket is never closed, and note 30
/// repeats note 1's book in full (to carry its unparsed tail).
const CONSEQUENTIAL: &[(&str, Option<u32>, usize)] = &[
    ("missing-field", Some(11), 24),
    ("short-form-unresolved", Some(12), 26),
    ("repeated-full-citation", Some(30), 56),
];

fn extraction() -> footcite::Extraction {
    let text = std::fs::read_to_string("tests/data/planted.txt").unwrap();
    footcite::extract(&text).unwrap()
}

fn found() -> BTreeSet<(String, Option<u32>, usize)> {
    check::check_extraction_at(&extraction(), TODAY)
        .into_iter()
        .map(|d| (d.code, d.footnote, d.line))
        .collect()
}

fn set(list: &[(&str, Option<u32>, usize)]) -> BTreeSet<(String, Option<u32>, usize)> {
    list.iter()
        .map(|(c, f, l)| (c.to_string(), *f, *l))
        .collect()
}

#[test]
fn every_planted_problem_is_reported() {
    let found = found();
    let missing: Vec<_> = set(PLANTED).difference(&found).cloned().collect();
    assert!(missing.is_empty(), "not reported: {missing:#?}");
}

#[test]
fn nothing_else_is_reported() {
    let expected: BTreeSet<_> = set(PLANTED).union(&set(CONSEQUENTIAL)).cloned().collect();
    let extra: Vec<_> = found().difference(&expected).cloned().collect();
    assert!(extra.is_empty(), "unexpected findings: {extra:#?}");
}

#[test]
fn every_class_is_planted() {
    // What the checker reports on the planted paper, not what the table
    // above expects: every class must come out of the program.
    let classes: BTreeSet<_> = check::check_extraction_at(&extraction(), TODAY)
        .iter()
        .map(|d| check::Class::of(&d.code))
        .collect();
    let all: BTreeSet<_> = check::Class::ALL.iter().copied().collect();
    assert_eq!(classes, all);
}

/// The human report, at a fixed width and without colour. Its full text is
/// an insta snapshot (`tests/snapshots.rs`, `check@planted`); here, the
/// facts the planted defects fix.
#[test]
fn human_report_counts_the_planted_findings() {
    let report = check::report_at(&extraction(), "tests/data/planted.txt", TODAY);
    assert!(!report.contains('\x1b'));
    assert!(report.ends_with(
        "summary: 17 errors, 20 warnings (malformed 19, duplicates 6, numbering 7, consistency 5)\n"
    ));
}

#[test]
fn json_report_has_the_same_facts() {
    let ex = extraction();
    let diagnostics = check::check_extraction_at(&ex, TODAY);
    let file = render::FileReport {
        name: "planted.txt",
        source: ex.document.source.text(),
        diagnostics: &diagnostics,
    };
    let counts = render::Counts::of(&diagnostics);
    let json: serde_json::Value = serde_json::from_str(&render::json(&[file], &counts)).unwrap();
    let items = json["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(items.len(), diagnostics.len());
    let comma = items.iter().find(|d| d["code"] == "locator-comma").unwrap();
    assert_eq!(comma["severity"], "error");
    assert_eq!(comma["class"], "malformed");
    assert_eq!(comma["footnote"], 1);
    assert_eq!(comma["line"], 7);
    assert_eq!(comma["column"], 80);
    assert_eq!(comma["end_column"], 85);
    assert_eq!(comma["help"], "write `p.129`");
    assert_eq!(json["summary"]["errors"], counts.errors);
    assert_eq!(json["summary"]["classes"]["numbering"], 7);
}

#[test]
fn findings_are_sorted_and_deterministic() {
    let a = check::check_extraction_at(&extraction(), TODAY);
    let b = check::check_extraction_at(&extraction(), TODAY);
    assert_eq!(a, b);
    assert!(a.windows(2).all(|w| w[0].sort_key() <= w[1].sort_key()));
}
