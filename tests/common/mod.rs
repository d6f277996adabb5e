//! What the tests that run the binary share: running it, and writing
//! inputs into a temporary folder; and the property tests' runner.

#![allow(dead_code)]

use proptest::test_runner::{Config, FileFailurePersistence, TestRunner};
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
