//! The exports checked by the real tools: biber validates the `.bib` against
//! biblatex's data model, and citeproc-js (the CSL processor Zotero uses)
//! renders the CSL-JSON in Debian's Chicago notes style.
//!
//! `.ci/run` installs the tools. Without them these tests print a note and
//! pass, except under CI (`CI` set), where a missing tool is a failure.

mod common;
#[path = "export_support.rs"]
mod support;

use common::require;
use footcite::export::{to_biblatex, to_csl_json, Dialect};
use footcite::resolve::Work;
use std::path::{Path, PathBuf};
use std::process::Command;

const PAPER: &str = "refs/tsai-2006-russia-china-military-ties.txt";
const STYLE: &str = "/usr/share/citation-style-language/styles/chicago-fullnote-bibliography.csl";
const LOCALE: &str = "/usr/share/citation-style-language/locales/locales-en-US.xml";

fn runs(cmd: &str, arg: &str) -> bool {
    Command::new(cmd)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn paper() -> footcite::Extraction {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join(PAPER)).unwrap();
    footcite::extract(&text).unwrap()
}

/// Run biber's data-model validation on the works' `.bib` and return its
/// `WARN -` and `ERROR -` lines that are not allowed: a missing `author` on
/// a work that has none, and a missing `type` on a report whose note names
/// none (footcite writes no invented `type = {Report}`, which biblatex
/// printed; biber warns of it only when validating, never in a document's
/// run).
fn biber_problems(works: &[Work], name: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let bib = dir.path().join(format!("{name}.bib"));
    std::fs::write(&bib, to_biblatex(works, Dialect::Biblatex)).unwrap();
    let out = Command::new("biber")
        .current_dir(dir.path())
        .args(["--tool", "--validate-datamodel", "--output-file"])
        .arg(dir.path().join("out.bib"))
        .arg(&bib)
        .output()
        .unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "biber failed:\n{log}");
    assert!(log.contains("Datamodel validation complete"), "{log}");
    let authorless: Vec<&str> = works
        .iter()
        .filter(|w| w.item.author.is_empty())
        .map(|w| w.item.id.as_str())
        .collect();
    let untyped: Vec<&str> = works
        .iter()
        .filter(|w| {
            w.item.item_type == footcite::model::ItemType::Report
                && w.item.genre.is_none()
                && w.item.collection_title.is_none()
        })
        .map(|w| w.item.id.as_str())
        .collect();
    log.lines()
        .filter(|l| l.starts_with("WARN -") || l.starts_with("ERROR -"))
        .filter(|l| {
            let missing = |field: &str, keys: &[&str]| {
                l.starts_with("WARN -")
                    && l.ends_with(&format!("Missing mandatory field '{field}'"))
                    && keys.iter().any(|k| l.contains(&format!("Entry '{k}' ")))
            };
            !(missing("author", &authorless) || missing("type", &untyped))
        })
        .map(str::to_string)
        .collect()
}

#[test]
#[ignore = "needs biber: `cargo test -- --include-ignored` runs it (.ci/run installs biber)"]
fn biber_validates_the_papers_bib() {
    if !require("biber", runs("biber", "--version")) {
        return;
    }
    let ex = paper();
    let problems = biber_problems(&ex.works, "paper");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
#[ignore = "needs biber: `cargo test -- --include-ignored` runs it (.ci/run installs biber)"]
fn biber_validates_interviews_letters_reviews_films_talks_and_broadcasts() {
    if !require("biber", runs("biber", "--version")) {
        return;
    }
    for (name, text) in [
        ("unpublished", include_str!("data/unpublished-paper.txt")),
        ("talks", include_str!("data/speech-paper.txt")),
        (
            "chinese-unpublished",
            include_str!("data/chinese-unpublished-paper.txt"),
        ),
        ("archives", include_str!("data/manuscript-paper.txt")),
        ("broadcasts", include_str!("data/broadcast-paper.txt")),
    ] {
        let ex = footcite::extract(text).unwrap();
        let problems = biber_problems(&ex.works, name);
        assert!(problems.is_empty(), "{name}: {}", problems.join("\n"));
    }
}

/// Archives' files cited by their numbers have no date, and the `.bib`
/// invents none: biber's data model asks for one (biblatex-chicago prints
/// `n.d.`), and that is all it asks.
#[test]
#[ignore = "needs biber: `cargo test -- --include-ignored` runs it (.ci/run installs biber)"]
fn biber_asks_only_for_the_date_of_undated_archive_files() {
    if !require("biber", runs("biber", "--version")) {
        return;
    }
    let ex = footcite::extract(include_str!("data/archive-file-paper.txt")).unwrap();
    let problems = biber_problems(&ex.works, "archive-files");
    let undated = [
        "aprfnda",
        "rgaspind",
        "aprfndb",
        "eluond",
        "waijiaond",
        "shanghaind",
    ];
    let unexpected: Vec<&String> = problems
        .iter()
        .filter(|p| {
            !(p.contains("one of 'date, year' must be defined")
                && undated
                    .iter()
                    .any(|key| p.contains(&format!("Entry '{key}'"))))
        })
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:?}");
    assert_eq!(problems.len(), undated.len(), "{problems:?}");
}

#[test]
#[ignore = "needs biber: `cargo test -- --include-ignored` runs it (.ci/run installs biber)"]
fn biber_validates_hand_built_entries() {
    if !require("biber", runs("biber", "--version")) {
        return;
    }
    let problems = biber_problems(&support::sample_works(), "sample");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn render_script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/citeproc/render.js")
}

#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn citeproc_renders_what_the_notes_say() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let have = runs("node", "--version")
        && root.join("tests/citeproc/node_modules/citeproc").is_dir()
        && Path::new(STYLE).is_file()
        && Path::new(LOCALE).is_file();
    if !require(
        "node with tests/citeproc/node_modules/citeproc, Debian's CSL styles and locales",
        have,
    ) {
        return;
    }
    let ex = paper();
    let items: serde_json::Value = serde_json::from_str(&to_csl_json(&ex.works)).unwrap();
    let mut notes = Vec::new();
    let mut cites_total = 0;
    for note in &ex.notes {
        let mut cites = Vec::new();
        for c in &note.citations {
            let (Some(kind), Some(work)) = (c.kind, c.work) else {
                continue;
            };
            let mut cite = serde_json::json!({
                "id": ex.works[work].item.id,
                "kind": kind,
                "source": c.text(&ex.document.footnotes[note.footnote]),
            });
            if let Some(loc) = c.locator() {
                cite["locator"] = loc.value.clone().into();
                cite["label"] = loc.label.name().into();
            }
            cites.push(cite);
        }
        cites_total += cites.len();
        if !cites.is_empty() {
            notes.push(serde_json::json!({"number": note.number, "cites": cites}));
        }
    }
    assert!(cites_total >= 50, "only {cites_total} resolved citations");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input.json");
    let doc = serde_json::json!({"items": items, "notes": notes});
    std::fs::write(&input, serde_json::to_string(&doc).unwrap()).unwrap();
    let out = Command::new("node")
        .arg(render_script())
        .arg(&input)
        .arg(STYLE)
        .arg(LOCALE)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let problems: Vec<&str> = stdout
        .lines()
        .filter(|l| !l.contains("\"problems\":[]"))
        .collect();
    assert!(
        out.status.success(),
        "render.js: {stderr}\n{}",
        problems.join("\n")
    );
    assert_eq!(stdout.lines().count(), notes.len(), "{stdout}");
    // Spot checks of what Chicago makes of the data.
    assert!(
        stdout.contains("(New York: Walter de Gruyter Inc., 1991), 388, 394–400"),
        "{stdout}"
    );
    assert!(stdout.contains("熊光楷"), "{stdout}");
    println!("{stdout}");
}

/// A temporary folder holding the paper's `--dialect bibtex` export as
/// `paper.bib`.
fn dir_with_bibtex_export(ex: &footcite::Extraction) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("paper.bib"),
        to_biblatex(&ex.works, Dialect::Bibtex),
    )
    .unwrap();
    dir
}

/// Run `xelatex` then `bibtex` on a tiny document that cites every entry of
/// the paper's `--dialect bibtex` export in `style`; the `.bbl` and `.blg`.
fn bibtex_run(style: &str) -> (String, String) {
    let ex = paper();
    let dir = dir_with_bibtex_export(&ex);
    std::fs::write(
        dir.path().join("t.tex"),
        format!(
            "\\documentclass{{article}}\\usepackage{{natbib}}\\begin{{document}}\
             \\nocite{{*}}\\bibliographystyle{{{style}}}\\bibliography{{paper}}\\end{{document}}\n"
        ),
    )
    .unwrap();
    let latex = Command::new("xelatex")
        .current_dir(dir.path())
        .args(["-interaction=nonstopmode", "t.tex"])
        .output()
        .unwrap();
    assert!(dir.path().join("t.aux").is_file(), "{latex:?}");
    let out = Command::new("bibtex")
        .current_dir(dir.path())
        .arg("t")
        .output()
        .unwrap();
    let read = |n: &str| std::fs::read_to_string(dir.path().join(n)).unwrap_or_default();
    let (bbl, blg) = (read("t.bbl"), read("t.blg"));
    // bibtex exits 1 on warnings; 2 and above are errors.
    assert!(out.status.code().is_some_and(|c| c < 2), "{blg}");
    (bbl, blg)
}

fn bibtex_present() -> bool {
    require(
        "xelatex and bibtex with plainnat.bst and chicago.bst",
        runs("xelatex", "--version")
            && runs("bibtex", "--version")
            && Command::new("kpsewhich")
                .args(["plainnat.bst", "chicago.bst"])
                .output()
                .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).lines().count() == 2),
    )
}

#[test]
#[ignore = "needs bibtex: `cargo test -- --include-ignored` runs it (.ci/run installs TeX Live)"]
fn plainnat_keeps_every_title_and_labels_unsigned_works() {
    if !bibtex_present() {
        return;
    }
    let (bbl, blg) = bibtex_run("plainnat");
    assert!(!blg.contains("need author or key"), "{blg}");
    assert!(!blg.contains("error message"), "{blg}");
    // Every title comes through with its capitals: plainnat lowercases
    // article titles, and footcite braces what must survive.
    let flat: String = bbl
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '{' | '}'))
        .collect();
    let ex = paper();
    for w in &ex.works {
        let Some(title) = w.item.title.as_deref() else {
            continue;
        };
        let title: String = title.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(flat.contains(&title), "{title} changed in the .bbl:\n{bbl}");
    }
    assert!(!bbl.contains("yeltsin"), "{bbl}");
    // An unsigned work is labelled by its key, not by three letters of its
    // citation key (`shi (1986)`).
    assert!(bbl.contains("\\bibitem[FBIS-CHI("), "{bbl}");
    // A year range as classic BibTeX writes it.
    assert!(bbl.contains("1997--1998"), "{bbl}");
}

#[test]
#[ignore = "needs bibtex: `cargo test -- --include-ignored` runs it (.ci/run installs TeX Live)"]
fn chicago_bst_starts_unsigned_works_with_their_key() {
    if !bibtex_present() {
        return;
    }
    let (bbl, blg) = bibtex_run("chicago");
    assert!(!blg.contains("need author or key"), "{blg}");
    let ex = paper();
    // Articles: chicago.bst's `@book` with neither author nor editor starts
    // with the year whatever the entry holds (it never prints `key` there).
    for w in ex.works.iter().filter(|w| {
        w.item.author.is_empty()
            && w.item.editor.is_empty()
            && w.item.item_type.is_periodical_article()
            && w.item.title.is_some()
    }) {
        let at = bbl
            .find(&format!("]{{{}}}\n", w.item.id))
            .unwrap_or_else(|| panic!("no {} in\n{bbl}", w.item.id));
        let first = bbl.get(at..).and_then(|s| s.lines().nth(1)).unwrap_or("");
        assert!(
            !first.trim_start().starts_with('('),
            "{} starts with its date: {first}",
            w.item.id
        );
    }
}

#[test]
#[ignore = "needs bibtex: `cargo test -- --include-ignored` runs it (.ci/run installs TeX Live)"]
fn natbib_mapping_compiles_with_the_bibtex_export() {
    if !bibtex_present() {
        return;
    }
    let ex = paper();
    let dir = dir_with_bibtex_export(&ex);
    std::fs::write(
        dir.path().join("notes.tex"),
        footcite::export::latex::to_latex_in(&ex, footcite::export::latex::CiteDialect::Natbib),
    )
    .unwrap();
    // The mapping's `% N` lines are comments: \input sets every note.
    std::fs::write(
        dir.path().join("t.tex"),
        "\\documentclass{article}\\usepackage{natbib}\\begin{document}\
         Text.\\input{notes}\\bibliographystyle{plainnat}\\bibliography{paper}\\end{document}\n",
    )
    .unwrap();
    let run = |cmd: &str, arg: &str| {
        Command::new(cmd)
            .current_dir(dir.path())
            .args(["-interaction=nonstopmode", arg])
            .output()
            .unwrap()
    };
    run("xelatex", "t.tex");
    let bib = Command::new("bibtex")
        .current_dir(dir.path())
        .arg("t")
        .output()
        .unwrap();
    assert!(bib.status.code().is_some_and(|c| c < 2), "{bib:?}");
    run("xelatex", "t.tex");
    let last = run("xelatex", "t.tex");
    let log = std::fs::read_to_string(dir.path().join("t.log")).unwrap();
    assert!(last.status.success(), "{log}");
    let bad: Vec<&str> = log
        .lines()
        .filter(|l| l.starts_with('!') || l.contains("undefined") || l.contains("Error"))
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    // Every work is cited.
    let aux = std::fs::read_to_string(dir.path().join("t.aux")).unwrap();
    for w in &ex.works {
        assert!(
            aux.contains(&format!("\\citation{{{}}}", w.item.id)),
            "{} not cited:\n{aux}",
            w.item.id
        );
    }
}
