//! What the tests that run the binary share: running it, and writing
//! inputs into a temporary folder; and the property tests' runner.

#![allow(dead_code)]

use proptest::test_runner::{Config, FileFailurePersistence, TestRunner};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A run of the binary: exit code, output, and how long it took.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

/// Run footcite in `dir`; fails the test on a panic.
pub fn footcite(dir: &Path, args: &[&str]) -> Run {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_footcite"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run footcite");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        elapsed: start.elapsed(),
    };
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
        "footcite panicked on {args:?}: {}",
        run.stderr
    );
    run
}

/// Write an input file into `dir`.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Is the tool there? If not: fail under CI, else print why the test is
/// skipped.
pub fn require(what: &str, present: bool) -> bool {
    if present {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{what} is missing (run .ci/run, which installs it)");
    }
    eprintln!("note: {what} is missing; skipping (.ci/run installs it)");
    false
}

/// A proptest runner of `cases` cases that saves failures beside
/// `source_file` (the caller's `file!()`), in its `.proptest-regressions`
/// file, and replays them first.
pub fn saving_runner(cases: u32, source_file: &'static str) -> TestRunner {
    TestRunner::new(Config {
        cases,
        source_file: Some(source_file),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    })
}

/// The item of an extraction's JSON with this id.
pub fn item<'a>(ex: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    ex["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["id"] == id))
        .unwrap_or_else(|| panic!("no item {id}"))
}

/// Each note of an extraction's JSON as `[number, page, marker line,
/// [[kind, item, locator], …]]`.
pub fn note_rows(ex: &serde_json::Value) -> Vec<serde_json::Value> {
    ex["footnotes"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|f| {
            let cites: Vec<serde_json::Value> = f["citations"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|c| serde_json::json!([c["kind"], c["item"], c["locator"]]))
                .collect();
            serde_json::json!([f["number"], f["page"], f["marker"]["line"], cites])
        })
        .collect()
}

/// The corpus generator (`examples/make-corpus.rs`), built beside the test
/// binaries when missing: with their profile, whose directory they are in
/// (`debug` is the `dev` profile's), so that it lands where it is looked
/// for under any profile (cargo-mutants tests with its own).
pub fn make_corpus() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let target = exe.parent().and_then(Path::parent).unwrap();
    let example = target.join("examples/make-corpus");
    if !example.exists() {
        let profile = match target.file_name().and_then(|name| name.to_str()) {
            Some("debug") | None => "dev",
            Some(other) => other,
        };
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--example", "make-corpus", "--profile", profile])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap();
        assert!(status.success());
    }
    example
}

/// A generated paper of `notes` footnotes (`make-corpus notes [--dense]`).
pub fn corpus(notes: usize, dense: bool) -> String {
    let mut command = Command::new(make_corpus());
    command.arg(notes.to_string());
    if dense {
        command.arg("--dense");
    }
    let out = command.output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// Render a CSL-JSON corpus's items as citeproc-js's Chicago notes (as
/// `tests/roundtrip/render.js` cites them: some again at once, some again
/// later as short forms), lay the notes out as
/// the reference paper does and read them back: the extraction, and each
/// item's id with the key of the work its notes resolve to (all of an
/// item's notes must resolve to one work). `None` when node, citeproc-js
/// or Debian's CSL styles are missing outside CI.
pub fn read_back_works(corpus: &str) -> Option<(Value, Vec<(String, String)>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let style = "/usr/share/citation-style-language/styles/chicago-fullnote-bibliography.csl";
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let present = node
        && root.join("tests/citeproc/node_modules/citeproc").is_dir()
        && Path::new(style).is_file();
    if !require(
        "node with tests/citeproc/node_modules/citeproc and Debian's CSL styles",
        present,
    ) {
        return None;
    }
    let out = Command::new("node")
        .arg(root.join("tests/roundtrip/render.js"))
        .arg(root.join(corpus))
        .arg("chicago-fullnote-bibliography")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rendered: Value = serde_json::from_slice(&out.stdout).unwrap();
    let notes = rendered["notes"].as_array().unwrap();
    // The paper's layout: a body line with the markers, then the notes.
    let mut paper = String::from("Notes\n\n");
    for note in notes {
        paper.push_str(&format!("論證如下。{}", note["number"]));
    }
    paper.push_str(&format!("\n{}\n", " ".repeat(49)));
    for note in notes {
        paper.push_str(&format!(
            "{} {}\n",
            note["number"],
            note["text"].as_str().unwrap()
        ));
    }
    paper.push_str(" 完。\n");
    let ex = footcite::extract(&paper).unwrap().to_json();
    let rows = note_rows(&ex);
    assert_eq!(rows.len(), notes.len(), "{paper}");
    let mut work_of: Vec<(String, String)> = Vec::new();
    for (note, row) in notes.iter().zip(&rows) {
        let cited = note["cites"][0]["id"].as_str().unwrap();
        let read = row[3][0][1].as_str();
        let read =
            read.unwrap_or_else(|| panic!("note {} resolves to no work: {row}", note["number"]));
        match work_of.iter().find(|(id, _)| id == cited) {
            Some((_, first)) => assert_eq!(first, read, "{}", note["text"]),
            None => work_of.push((cited.to_string(), read.to_string())),
        }
    }
    Some((ex, work_of))
}

/// The ids of a corpus's items read back (see `read_back_works`) as works
/// of the item's own type.
pub fn read_back(corpus: &str) -> Option<Vec<String>> {
    let (ex, work_of) = read_back_works(corpus)?;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let items: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(root.join(corpus)).unwrap()).unwrap();
    Some(
        items
            .iter()
            .filter_map(|it| {
                let id = it["id"].as_str()?;
                let (_, read) = work_of.iter().find(|(cited, _)| cited == id)?;
                (item(&ex, read)["type"] == it["type"]).then(|| id.to_string())
            })
            .collect(),
    )
}
