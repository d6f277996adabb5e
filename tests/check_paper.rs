//! `footcite check` on the reference paper: the findings it has, each judged
//! real (see the comments), and the committed report kept fresh.

use footcite::check::{self, Class, Today};
use std::collections::BTreeSet;

const PAPER: &str = "refs/tsai-2006-russia-china-military-ties.txt";

/// (code, footnote, line, column) of every finding on the paper.
const FINDINGS: &[(&str, u32, usize, usize)] = &[
    // `p.388 and pp. 394-400`: the only spaced page label among 41.
    ("inconsistent-page-label", 1, 146, 20),
    // `No. 99` against `No.3`, `No.6` … (8 of 12 unspaced).
    ("inconsistent-issue-label", 5, 194, 64),
    // `Vol. 6, No. 1` against `Vol.5`, `Vol.39` … (6 of 9 unspaced).
    ("inconsistent-volume-label", 6, 199, 13),
    ("inconsistent-issue-label", 6, 199, 21),
    // `p,129`.
    ("locator-comma", 7, 240, 84),
    // Note 11 prints note 4's citation again, word for word.
    ("duplicate-citation", 11, 247, 4),
    // `Yeltsin's`: the only straight apostrophe among 12.
    ("inconsistent-apostrophe", 12, 292, 18),
    // `(June 1996) ,`.
    ("space-before-punctuation", 13, 298, 8),
    // `( London`.
    ("space-inside-brackets", 18, 398, 35),
    // `坦克、 裝甲車` (in the note's commentary).
    ("space-after-punctuation", 28, 541, 6),
    // `Partners ? Chinese`.
    ("space-before-punctuation", 30, 596, 46),
    // `Baltimore, MA`: Baltimore is in Maryland.
    ("place-state-mismatch", 39, 740, 43),
    // Kayahara: `Vol. 12, No. 1, Spring 1998` — spaced labels, and the
    // only journal issue date not in parentheses.
    ("inconsistent-volume-label", 39, 742, 37),
    ("inconsistent-issue-label", 39, 742, 46),
    ("inconsistent-periodical-date", 39, 742, 53),
    // Blank: `Vol. 33, No. 11`.
    ("inconsistent-volume-label", 39, 744, 4),
    ("inconsistent-issue-label", 39, 744, 13),
    // Note 46 cites note 9's book in full again (同註 9 would do).
    ("repeated-full-citation", 46, 839, 4),
    // `Hawaii, HA`: a state for the city, and no such code.
    ("place-state-as-city", 48, 895, 45),
    ("place-unknown-code", 48, 895, 53),
];

fn extraction() -> footcite::Extraction {
    let text = std::fs::read_to_string(PAPER).unwrap();
    footcite::extract(&text).unwrap()
}

#[test]
fn the_paper_has_exactly_these_findings() {
    let found: BTreeSet<(String, u32, usize, usize)> = check::check_extraction(&extraction())
        .into_iter()
        .map(|d| (d.code, d.footnote.unwrap_or(0), d.line, d.column))
        .collect();
    let expected: BTreeSet<(String, u32, usize, usize)> = FINDINGS
        .iter()
        .map(|(c, f, l, col)| (c.to_string(), *f, *l, *col))
        .collect();
    let missing: Vec<_> = expected.difference(&found).collect();
    let extra: Vec<_> = found.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing: {missing:#?}\nextra: {extra:#?}"
    );
}

#[test]
fn the_paper_has_findings_of_each_kind_in_items_1_2_and_4() {
    // What the checker reports, not what the table above expects.
    let classes: BTreeSet<Class> = check::check_extraction(&extraction())
        .iter()
        .map(|d| Class::of(&d.code))
        .collect();
    for class in [Class::Malformed, Class::Duplicates, Class::Consistency] {
        assert!(classes.contains(&class), "{class:?}");
    }
}

#[test]
fn numbering_and_markers_of_the_paper_are_clean() {
    let ds = check::check_extraction(&extraction());
    assert!(ds.iter().all(|d| Class::of(&d.code) != Class::Numbering));
}

#[test]
fn report_names_the_fixes() {
    let report = check::report_at(
        &extraction(),
        PAPER,
        Today {
            year: 2026,
            month: 1,
            day: 1,
        },
    );
    for expected in [
        "error[locator-comma]: `p,129`: a comma where the period of the page label belongs\n   --> refs/tsai-2006-russia-china-military-ties.txt:240:84\n",
        "= help: write `p.129`",
        "= help: write `Baltimore, MD`",
        "= help: Hawaii's code is `HI`",
        "= help: write `同註 9，頁 40` or `熊光楷，前引書，頁 40`",
        "= help: remove the space: `),`",
        "= help: write `Vol.6`",
        "= help: put the date in parentheses after the issue: `(Spring 1998)`",
        "summary: 4 errors, 16 warnings (malformed 8, duplicates 2, numbering 0, consistency 10)\n",
    ] {
        assert!(report.contains(expected), "missing {expected:?} in\n{report}");
    }
}

/// `refs/<stem>.check.txt`, written by the main job, must be the report of
/// the paper as it is now checked.
#[test]
fn committed_report_is_fresh() {
    let path = PAPER.replace(".txt", ".check.txt");
    let Ok(committed) = std::fs::read_to_string(&path) else {
        eprintln!("{path} not committed yet: nothing to compare");
        return;
    };
    // The report names the paper as the main job named it.
    let name = committed
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))
        .and_then(|l| l.split(':').next())
        .unwrap_or(PAPER)
        .to_string();
    let now = check::report(&extraction(), &name);
    assert!(
        committed == now,
        "{path} is stale: regenerate it with the main job (footcite {PAPER})"
    );
}
