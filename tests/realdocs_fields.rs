//! Fields of real Chicago notes typeset by others, checked by hand: the
//! Chicago Manual's chapter 14 examples as the Windy City biblatex style
//! prints them in its documentation (tests/realdocs/chicago/README.md).
//! Every field of 41 full citations was read against the PDF; footcite
//! must get at least 95 % of them right, and the test names each one it
//! gets wrong.

mod common;

use common::require;
use serde_json::Value;
use std::collections::HashMap;

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn names(item: &Value, role: &str) -> Value {
    let list: Vec<String> = item[role]
        .as_array()
        .map(|names| {
            names
                .iter()
                .map(|n| {
                    let particle = n["non-dropping-particle"].as_str().unwrap_or("");
                    let family = n["family"].as_str().or(n["literal"].as_str()).unwrap_or("");
                    format!("{particle} {family}").trim().to_string()
                })
                .collect()
        })
        .unwrap_or_default();
    Value::from(list)
}

/// A field's value as text, for comparison by its folded letters.
fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(list) => list.iter().map(text).collect::<Vec<_>>().join("; "),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Fields of `text`'s full citations against the hand-checked `truth`:
/// how many were checked, how many are right, and each wrong one.
fn score(paper: &str, truth: &[Value]) -> (usize, usize, Vec<String>) {
    score_extraction(&footcite::extract(paper).unwrap().to_json(), truth)
}

fn score_extraction(ex: &Value, truth: &[Value]) -> (usize, usize, Vec<String>) {
    let items: HashMap<&str, &Value> = ex["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["id"].as_str().unwrap_or(""), i))
        .collect();
    let notes: HashMap<u64, &Value> = ex["footnotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["number"].as_u64().unwrap_or(0), f))
        .collect();
    let (mut checked, mut right, mut wrong) = (0, 0, Vec::new());
    for want in truth {
        let number = want["note"].as_u64().unwrap();
        let index = want["citation"].as_u64().unwrap() as usize;
        let cite = notes
            .get(&number)
            .map_or(&Value::Null, |n| &n["citations"][index]);
        let item = cite["item"]
            .as_str()
            .and_then(|id| items.get(id).copied())
            .unwrap_or(&Value::Null);
        for (field, expected) in want.as_object().unwrap() {
            let got = match field.as_str() {
                "note" | "citation" => continue,
                "author" | "editor" | "translator" => names(item, field),
                "issued" => item["issued"]["date-parts"][0][0].clone(),
                "locator" => cite["locator"].clone(),
                _ => item[field.as_str()].clone(),
            };
            checked += 1;
            if fold(&text(&got)) == fold(&text(expected)) {
                right += 1;
            } else {
                wrong.push(format!(
                    "note {number}.{index} {field}: want {expected}, got {got}"
                ));
            }
        }
    }
    let share = 100.0 * right as f64 / checked as f64;
    println!("{right} of {checked} hand-checked fields right ({share:.1} %)");
    for w in &wrong {
        println!("  {w}");
    }
    (checked, right, wrong)
}

fn truth(name: &str) -> Vec<Value> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/realdocs/chicago");
    serde_json::from_str(&std::fs::read_to_string(format!("{dir}/{name}")).unwrap()).unwrap()
}

#[test]
fn hand_checked_fields_of_windy_city_chicago_notes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/realdocs/chicago");
    let notes = std::fs::read_to_string(format!("{dir}/windycity-cmos14.notes.txt")).unwrap();
    let (checked, right, wrong) = score(&notes, &truth("windycity-cmos14.truth.json"));
    let share = 100.0 * right as f64 / checked as f64;
    assert!(checked >= 240, "{checked} fields");
    assert!(share >= 99.0, "{share:.1} %:\n{}", wrong.join("\n"));
}

/// The SBL Handbook's note examples as biblatex-sbl prints them
/// (biblatex-sbl-examples.pdf, TeX Live, LPPL; SBL notes are Chicago
/// based): 142 example notes gathered into a list (they are printed in the
/// body), 68 ordinary modern full citations checked by hand. Measured
/// before any rule was written for it: 393 of 430 (91.4 %). Its misses
/// were then read as general rules (page lists, `24.2`, series
/// abbreviations, papers in seminar volumes, `repr.,` publishers, e-book
/// chapters, described editions): 413 of 430 (96.0 %), kept as a floor.
#[test]
fn hand_checked_fields_of_sbl_examples() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/realdocs/chicago");
    let notes = std::fs::read_to_string(format!("{dir}/sbl-examples.notes.txt")).unwrap();
    let (checked, right, wrong) = score(&notes, &truth("sbl-examples.truth.json"));
    let share = 100.0 * right as f64 / checked as f64;
    assert!(checked >= 430, "{checked} fields");
    assert!(share >= 95.5, "{share:.1} %:\n{}", wrong.join("\n"));
}

/// `footcite check` on the SBL examples, which have one real defect (note
/// 11's short title `Empiracle Models` repeats no full citation: the full
/// one says `Empirical`): at most one error per 100 notes, and that one.
#[test]
fn check_on_sbl_examples_is_precise() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/realdocs/chicago");
    let notes = std::fs::read_to_string(format!("{dir}/sbl-examples.notes.txt")).unwrap();
    let ex = footcite::extract(&notes).unwrap();
    assert_eq!(ex.notes.len(), 142);
    assert_eq!(
        errors_of(&ex),
        [("short-form-unresolved".to_string(), Some(11))]
    );
}

/// The User's Guide to Historian (TeX Live, LPPL 1.3c): 190 footnotes in
/// Turabian's notes style, typeset by its author with his own biblatex
/// style; 94 full citations checked by hand (tests/realdocs/chicago/README.md),
/// read from the text of `pdftotext -layout`.
#[test]
#[ignore = "needs texlive-bibtex-extra and pdftotext: `cargo test -- --include-ignored` runs it (.ci/run installs both)"]
fn hand_checked_fields_of_historian_notes() {
    const PDF: &str = "/usr/share/doc/texlive-doc/latex/biblatex-historian/historian.pdf";
    let Some(text) = pdftotext_layout(PDF) else {
        return;
    };
    let (checked, right, wrong) = score(&text, &truth("historian.truth.json"));
    let share = 100.0 * right as f64 / checked as f64;
    assert!(checked >= 540, "{checked} fields");
    assert!(
        share >= HISTORIAN_FLOOR,
        "{share:.1} %:\n{}",
        wrong.join("\n")
    );
}

/// The same notes read from the PDF itself, whose notes are set at the
/// body's size: the fields must come back as well as from the text.
#[test]
#[ignore = "needs texlive-bibtex-extra: `cargo test -- --include-ignored` runs it (.ci/run installs it)"]
fn hand_checked_fields_of_historian_pdf() {
    const PDF: &str = "/usr/share/doc/texlive-doc/latex/biblatex-historian/historian.pdf";
    if !require(
        "texlive-bibtex-extra's historian.pdf",
        std::path::Path::new(PDF).is_file(),
    ) {
        return;
    }
    let ex = footcite::input::load(std::path::Path::new(PDF), Default::default()).unwrap();
    assert_eq!(ex.notes.len(), 190);
    let (checked, right, wrong) = score_extraction(&ex.to_json(), &truth("historian.truth.json"));
    let share = 100.0 * right as f64 / checked as f64;
    // 95.8 % measured: three fields fewer than the text, where the PDF's
    // lines break differently.
    assert!(share >= 95.5, "{share:.1} %:\n{}", wrong.join("\n"));
    assert_eq!(
        errors_of(&ex),
        [("unbalanced-quote".to_string(), Some(168))]
    );
}

/// `footcite check` on the same document, which has one real defect (a
/// closing quotation mark turned the wrong way in note 168): at most one
/// error per 100 notes, and that one.
#[test]
#[ignore = "needs texlive-bibtex-extra and pdftotext: `cargo test -- --include-ignored` runs it (.ci/run installs both)"]
fn check_on_historian_notes_is_precise() {
    const PDF: &str = "/usr/share/doc/texlive-doc/latex/biblatex-historian/historian.pdf";
    let Some(text) = pdftotext_layout(PDF) else {
        return;
    };
    let ex = footcite::extract(&text).unwrap();
    assert_eq!(ex.notes.len(), 190);
    assert_eq!(
        errors_of(&ex),
        [("unbalanced-quote".to_string(), Some(168))]
    );
}

/// The code and footnote of every error `footcite check` finds.
fn errors_of(ex: &footcite::Extraction) -> Vec<(String, Option<u32>)> {
    footcite::check::check_extraction(ex)
        .into_iter()
        .filter(|d| d.severity == footcite::diag::Severity::Error)
        .map(|d| (d.code.to_string(), d.footnote))
        .collect()
}

/// The measured share of the historian fields, kept as a floor.
const HISTORIAN_FLOOR: f64 = 96.0;

/// The text of `pdftotext -layout PDF`, or `None` (after `require` says
/// why) when the PDF or the tool is missing.
fn pdftotext_layout(pdf: &str) -> Option<String> {
    if !require(
        &format!("{pdf} (texlive-bibtex-extra)"),
        std::path::Path::new(pdf).is_file(),
    ) {
        return None;
    }
    let out = std::process::Command::new("pdftotext")
        .args(["-layout", pdf, "-"])
        .output();
    let ok = out.as_ref().is_ok_and(|o| o.status.success());
    if !require("pdftotext (poppler-utils)", ok) {
        return None;
    }
    out.ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
}

/// The turabian-formatting manual (TeX Live, LPPL 1.3), set in Turabian's
/// notes style: one full citation and 25 later ones in 31 notes, read from
/// the PDF and checked by hand.
#[test]
#[ignore = "needs texlive-bibtex-extra: `cargo test -- --include-ignored` runs it (.ci/run installs texlive-bibtex-extra)"]
fn hand_checked_turabian_notes() {
    const PDF: &str =
        "/usr/share/doc/texlive-doc/latex/turabian-formatting/turabian-formatting-doc.pdf";
    if !require(
        "texlive-bibtex-extra's turabian-formatting-doc.pdf",
        std::path::Path::new(PDF).is_file(),
    ) {
        return;
    }
    let ex = footcite::input::load(std::path::Path::new(PDF), Default::default())
        .unwrap()
        .to_json();
    let work = &ex["items"][0];
    assert_eq!(ex["items"].as_array().map(Vec::len), Some(1));
    assert_eq!(work["author"][0]["family"], "Turabian");
    assert_eq!(work["editor"][0]["family"], "Booth");
    assert_eq!(
        work["title"],
        "A Manual for Writers of Research Papers, Theses, and Dissertations: Chicago Style for Students and Researchers"
    );
    assert_eq!(work["edition"], "9");
    assert_eq!(work["publisher"], "University of Chicago Press");
    assert_eq!(work["issued"]["date-parts"][0][0], 2018);
    let cites: Vec<(u64, String, String)> = ex["footnotes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            f["citations"].as_array().unwrap().iter().map(move |c| {
                (
                    f["number"].as_u64().unwrap(),
                    c["locator"].as_str().unwrap_or("").to_string(),
                    c["item"].as_str().unwrap_or("").to_string(),
                )
            })
        })
        .collect();
    let locators: Vec<(u64, &str)> = cites.iter().map(|(n, l, _)| (*n, l.as_str())).collect();
    assert_eq!(
        locators,
        [
            (1, "385"),
            (2, "385"),
            (3, "303, 416"),
            (4, "161"),
            (7, "162"),
            (8, "402"),
            (9, "402"),
            (10, "402"),
            (12, "404"),
            (13, "400-411"),
            (14, "384, 386"),
            (16, "387-388"),
            (17, "386"),
            (18, "386, 400"),
            (19, "405"),
            (20, "385-386, 388"),
            (22, "388"),
            (23, "390"),
            (24, "390"),
            (25, "375, 381"),
            (26, "393"),
            (27, "393"),
            (28, "361"),
            (29, "410"),
            (30, "410"),
            (31, "410"),
        ]
    );
    assert!(cites
        .iter()
        .all(|(_, _, item)| item == "turabian2018manual"));
}

/// biblatex-oxref's oxnotes-doc.pdf (TeX Live, LPPL 1.3c): the Oxford
/// notes style (New Hart's Rules, the Oxford Guide to Style), a sibling of
/// Chicago's with single quotes, `39/3 (1973), 219–36` and `(ed.)`. Its 64
/// example notes of ordinary types are gathered with the `.bib` entry
/// printed beside each (gather_oxnotes.py): the truth is the entry's data,
/// each field counted where the note prints it. Measured untouched: 212
/// of 302 (70.2 %). Its largest misses were then read as general rules
/// (titles in single quotes, `39/3 (1973), 219–36`, `ns 21`, `Anon.`,
/// `in id. (ed.)`, reissues `repr. Place`, `1934; 2nd edn., Oxford,
/// 1954`): 265 of 302 (87.7 %); with bodies named by an institution word
/// (`Law Commission`) as one author, 269 (89.1 %), kept as a floor.
#[test]
fn bib_data_of_oxford_notes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/realdocs/chicago");
    let notes = std::fs::read_to_string(format!("{dir}/oxnotes-doc.notes.txt")).unwrap();
    let (checked, right, wrong) = score(&notes, &truth("oxnotes-doc.truth.json"));
    let share = 100.0 * right as f64 / checked as f64;
    assert!(checked >= 300, "{checked} fields");
    assert!(share >= 88.5, "{share:.1} %:\n{}", wrong.join("\n"));
}
