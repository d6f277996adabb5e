//! `footcite check` on existing bibliographies (`.bib`, CSL-JSON), and the
//! exit-code contract of `check::run_cli`.

use footcite::check::{self, InputKind, Options, Today};
use std::path::PathBuf;

const TODAY: Today = Today {
    year: 2026,
    month: 1,
    day: 1,
};

fn findings(kind: InputKind, path: &str) -> Vec<(String, usize, usize)> {
    let text = std::fs::read_to_string(path).unwrap();
    check::check_text(kind, &text, TODAY)
        .unwrap()
        .diagnostics
        .into_iter()
        .map(|d| (d.code, d.line, d.column))
        .collect()
}

fn owned(list: &[(&str, usize, usize)]) -> Vec<(String, usize, usize)> {
    list.iter()
        .map(|(c, l, col)| (c.to_string(), *l, *col))
        .collect()
}

#[test]
fn bib_file() {
    assert_eq!(
        findings(InputKind::Bib, "tests/data/planted.bib"),
        owned(&[
            ("place-state-mismatch", 4, 27),
            ("place-state-as-city", 12, 18),
            ("place-unknown-code", 12, 26),
            ("missing-field", 17, 1),
            ("invalid-date", 26, 19),
            ("future-date", 33, 19),
            ("duplicate-key", 36, 1),
            ("duplicate-entry", 51, 1),
            ("near-duplicate", 59, 1),
        ])
    );
}

#[test]
fn csl_json_file() {
    assert_eq!(
        findings(InputKind::CslJson, "tests/data/planted.json"),
        owned(&[
            ("place-state-mismatch", 8, 36),
            ("missing-field", 11, 3),
            ("invalid-date", 23, 15),
            ("future-date", 31, 15),
            ("duplicate-key", 33, 3),
            ("duplicate-entry", 33, 3),
            ("future-date", 39, 15),
            ("near-duplicate", 49, 3),
        ])
    );
}

#[test]
fn near_duplicate_shows_the_differences() {
    let text = std::fs::read_to_string("tests/data/planted.json").unwrap();
    let checked = check::check_text(InputKind::CslJson, &text, TODAY).unwrap();
    let near = checked
        .diagnostics
        .iter()
        .find(|d| d.code == "near-duplicate")
        .unwrap();
    assert_eq!(
        near.message,
        "`nye1998china` looks like `nye1997china` (line 41) written differently: \
         title `China’s Re-emergence and the Future of the Asia-Pacific` / \
         `China’s Reemergence and the Future of the Asia Pacific`; \
         author `Joseph S. Nye` / `Joseph Nye`; year 1997 / 1998"
    );
}

/// The exports of the reference paper read back, and the checks find in
/// them what they find in the paper's own records: the two bad places.
#[test]
fn exports_of_the_paper_check_like_the_paper() {
    let text = std::fs::read_to_string("refs/tsai-2006-russia-china-military-ties.txt").unwrap();
    let ex = footcite::extract(&text).unwrap();
    let csl = footcite::export::csl::to_csl_json(&ex.works);
    let bib = footcite::export::biblatex::to_biblatex(
        &ex.works,
        footcite::export::biblatex::Dialect::Biblatex,
    );
    for (kind, text) in [(InputKind::CslJson, csl), (InputKind::Bib, bib)] {
        let checked = check::check_text(kind, &text, TODAY).unwrap();
        let codes: Vec<&str> = checked
            .diagnostics
            .iter()
            .map(|d| d.code.as_str())
            .collect();
        assert_eq!(
            codes,
            [
                "place-state-mismatch",
                "place-state-as-city",
                "place-unknown-code"
            ],
            "{kind:?}: {:#?}",
            checked.diagnostics
        );
    }
}

#[test]
fn unreadable_bibliographies_are_input_errors() {
    assert!(check::check_text(InputKind::Bib, "@book{a, title = {One}", TODAY).is_err());
    assert!(check::check_text(InputKind::CslJson, "{\"id\": 1}", TODAY).is_err());
    assert!(check::check_text(InputKind::CslJson, "[{", TODAY).is_err());
}

/// `run_cli` with the report captured: (exit code, report).
fn run_capture(files: &[PathBuf], options: &Options) -> (u8, String) {
    let mut out = Vec::new();
    let code = check::run_cli_to(files, options, TODAY, &mut out);
    (code, String::from_utf8(out).unwrap())
}

fn run(files: &[PathBuf], options: &Options) -> u8 {
    run_capture(files, options).0
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

const CLEAN_BIB: &str =
    "@book{lynch1991, author = {Lynch, Allen}, title = {Soviet Foreign Policy}, location = {New York}, publisher = {Praeger}, date = {1991}}\n";
const WARNING_BIB: &str =
    "@book{a, title = {Soviet Foreign Policy}, publisher = {Praeger}, date = {1991}}\n\
     @book{b, title = {Soviet Foreign Policy}, publisher = {Praeger}, date = {1991}}\n";

#[test]
fn exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let clean = write(&dir, "clean.bib", CLEAN_BIB);
    let warning = write(&dir, "warning.bib", WARNING_BIB);
    let errors = PathBuf::from("tests/data/planted.bib");
    let broken = write(&dir, "broken.bib", "@book{a, title = {One}");
    let absent = dir.path().join("absent.bib");
    let opts = Options::default();
    let deny = Options {
        deny_warnings: true,
        ..Options::default()
    };
    let json = Options {
        json: true,
        ..Options::default()
    };
    assert_eq!(run(std::slice::from_ref(&clean), &opts), 0);
    assert_eq!(run(std::slice::from_ref(&warning), &opts), 0);
    assert_eq!(run(std::slice::from_ref(&warning), &deny), 1);
    assert_eq!(run(std::slice::from_ref(&errors), &opts), 1);
    assert_eq!(run(std::slice::from_ref(&errors), &json), 1);
    // A file that cannot be read or parsed: 2, and the others still run.
    assert_eq!(run(&[broken, clean.clone()], &opts), 2);
    assert_eq!(run(&[absent, clean.clone()], &opts), 2);
    // Several files: each file's findings, then one summary for all.
    let (code, report) = run_capture(&[errors.clone(), warning.clone()], &opts);
    assert_eq!(code, 1);
    assert!(
        report.contains("--> tests/data/planted.bib:4:27\n"),
        "{report}"
    );
    assert!(report.contains("warning.bib:2:1\n"), "{report}");
    assert!(report.ends_with(
        "summary: 7 errors, 3 warnings (malformed 6, duplicates 4, numbering 0, consistency 0)\n"
    ));
    let (_, report) = run_capture(&[errors, clean], &json);
    let value: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert_eq!(value["files"].as_array().unwrap().len(), 2);
    assert_eq!(
        value["files"][0]["diagnostics"][0]["code"],
        "place-state-mismatch"
    );
    assert_eq!(
        value["files"][1]["diagnostics"].as_array().unwrap().len(),
        0
    );
    assert_eq!(value["summary"]["errors"], 7);
}

#[test]
fn a_paper_without_problems_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let paper = write(
        &dir,
        "paper.txt",
        &format!(
            "標題\n\n本文。1\n{}\n1 Allen Lynch, Soviet Foreign Policy (New York: Praeger, 1991), p.38.\n 正文。\n",
            " ".repeat(20)
        ),
    );
    let text = std::fs::read_to_string(&paper).unwrap();
    let checked = check::check_text(InputKind::Paper, &text, TODAY).unwrap();
    assert_eq!(checked.diagnostics, []);
    assert_eq!(run(&[paper], &Options::default()), 0);
}

/// footcite's check on what footcite writes: every export of a paper (the
/// `.bib` in both dialects and the CSL-JSON) raises no error the paper's
/// own data does not carry. On the paper in `refs/` those are its three
/// place errors (`Baltimore, MA`; `Hawaii, HA`), nothing else; on the
/// clean test papers, none.
#[test]
fn footcite_checks_its_own_exports_clean() {
    use footcite::export::{biblatex::to_biblatex, csl::to_csl_json, Dialect};
    let papers = [
        ("refs/tsai-2006-russia-china-military-ties.txt", 3),
        ("tests/data/conventions-paper.txt", 0),
        ("tests/data/synthetic-paper.txt", 0),
    ];
    for (paper, place_errors) in papers {
        let text = std::fs::read_to_string(paper).unwrap();
        let ex = footcite::extract(&text).unwrap();
        let exports = [
            (InputKind::Bib, to_biblatex(&ex.works, Dialect::Biblatex)),
            (InputKind::Bib, to_biblatex(&ex.works, Dialect::Bibtex)),
            (InputKind::CslJson, to_csl_json(&ex.works)),
        ];
        for (kind, written) in exports {
            let errors: Vec<String> = check::check_text(kind, &written, TODAY)
                .unwrap()
                .diagnostics
                .into_iter()
                .filter(|d| d.severity == footcite::diag::Severity::Error)
                .map(|d| d.code)
                .collect();
            assert_eq!(
                errors.len(),
                place_errors,
                "{paper} as {kind:?}: {errors:?}"
            );
            assert!(errors.iter().all(|c| c.starts_with("place-")), "{errors:?}");
        }
    }
}
