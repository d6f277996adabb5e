//! What a newcomer meets first: a mistyped subcommand, a file that cannot
//! be read, the help text.

mod common;

use common::{footcite, write};

const NOTE_PAPER: &str = "Title\n\nBody text.1\n\n1 Jane Roe, A Book (Chicago: Press, 1990), 4.\n";

#[test]
fn a_mistyped_subcommand_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "paper.txt", NOTE_PAPER);
    let run = footcite(dir.path(), &["extarct", "paper.txt"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean `footcite extract`"),
        "{}",
        run.stderr
    );
    // The paper next to the typo was not taken for a job.
    assert!(!dir.path().join("paper.bib").exists());
    // A word far from every subcommand is a missing file, as before.
    let run = footcite(dir.path(), &["zzzzzzzz"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("zzzzzzzz: cannot read"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_of_files_it_cannot_read_prints_no_clean_summary() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "x.pdf", "not a pdf");
    let run = footcite(dir.path(), &["check", "x.pdf"]);
    assert_eq!(run.code, 2);
    assert!(!run.stdout.contains("summary"), "{}", run.stdout);
    assert!(run.stderr.contains("x.pdf"), "{}", run.stderr);
    // With one readable file the summary says what was left out.
    write(dir.path(), "paper.txt", NOTE_PAPER);
    let run = footcite(dir.path(), &["check", "x.pdf", "paper.txt"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stdout.contains("1 of 2 files not checked"),
        "{}",
        run.stdout
    );
}

#[test]
fn every_argument_has_help() {
    let dir = tempfile::tempdir().unwrap();
    for command in ["extract", "bibtex", "csl", "latex"] {
        let run = footcite(dir.path(), &[command, "--help"]);
        assert_eq!(run.code, 0);
        assert!(
            run.stdout.contains("<FILE>  The paper"),
            "{command}: {}",
            run.stdout
        );
        assert!(
            run.stdout.contains("Where to write"),
            "{command}: {}",
            run.stdout
        );
    }
    let run = footcite(dir.path(), &["bibtex", "--help"]);
    assert!(run.stdout.contains("classic BibTeX"), "{}", run.stdout);
    let run = footcite(dir.path(), &["check", "--help"]);
    assert!(
        run.stdout.contains("`.bib` files or CSL-JSON"),
        "{}",
        run.stdout
    );
}

#[test]
fn latex_takes_a_citation_dialect() {
    let dir = tempfile::tempdir().unwrap();
    let run = footcite(dir.path(), &["latex", "--help"]);
    assert!(
        run.stdout.contains("--dialect <DIALECT>") && run.stdout.contains("natbib"),
        "{}",
        run.stdout
    );
    write(dir.path(), "paper.txt", NOTE_PAPER);
    let natbib = footcite(dir.path(), &["latex", "--dialect", "natbib", "paper.txt"]);
    assert_eq!(natbib.code, 0, "{}", natbib.stderr);
    assert!(
        natbib
            .stdout
            .contains("\\footnote{\\citet[4]{roe1990book}.}"),
        "{}",
        natbib.stdout
    );
    let biblatex = footcite(dir.path(), &["latex", "paper.txt"]);
    assert!(
        biblatex.stdout.contains("\\footcite[4]{roe1990book}"),
        "{}",
        biblatex.stdout
    );
    let bad = footcite(dir.path(), &["latex", "--dialect", "chicago", "paper.txt"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
}

/// A paper long enough to be read on several threads gives the same five
/// outputs on one thread and on two.
#[test]
fn a_long_paper_gives_the_same_outputs_on_any_number_of_threads() {
    let dir = tempfile::tempdir().unwrap();
    let notes = 2 * footcite::threads::NOTES_PER_THREAD + 100;
    write(dir.path(), "long.txt", common::corpus(notes, true));
    let one = footcite(
        dir.path(),
        &["--threads", "1", "long.txt", "--out-dir", "one"],
    );
    assert_eq!(one.code, 0, "{}", one.stderr);
    let two = footcite(
        dir.path(),
        &["--threads", "2", "long.txt", "--out-dir", "two"],
    );
    assert_eq!(two.code, 0, "{}", two.stderr);
    for ext in ["bib", "json", "footcite.tex", "check.txt", "review.html"] {
        let read = |sub: &str| std::fs::read(dir.path().join(sub).join(format!("long.{ext}")));
        let (one, two) = (read("one").unwrap(), read("two").unwrap());
        assert!(!one.is_empty(), "long.{ext} is empty");
        assert!(one == two, "long.{ext} differs between one thread and two");
    }
    // Every note was found: the paper is long enough for the threads.
    let text = std::fs::read_to_string(dir.path().join("long.txt")).unwrap();
    assert_eq!(footcite::extract(&text).unwrap().notes.len(), notes);
}

#[test]
fn threads_must_be_a_positive_number() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "paper.txt", NOTE_PAPER);
    let zero = footcite(dir.path(), &["--threads", "0", "paper.txt"]);
    assert_eq!(zero.code, 2, "{}", zero.stderr);
    assert!(zero.stderr.contains("--threads"), "{}", zero.stderr);
}
