//! The thesis in `examples/thesis/`, built as its users build it: footcite's
//! outputs for the paper in `refs/` are written afresh into a temporary
//! folder (and must equal the committed ones), the thesis is compiled there
//! with latexmk (XeLaTeX, xeCJK, biblatex-chicago notes, biber), and then:
//!
//! - the LaTeX log and biber's log carry no warning and no error of any
//!   kind, overfull and underfull boxes included;
//! - the PDF's text (pdftotext) holds every cited work's lead name and
//!   title, taken from footcite's own CSL-JSON;
//! - the fixes of issue 10 show in print: `China’s` set half width, the
//!   place in the journal's title, `no. 94-172`, no invented "Report", the
//!   reprint's source, Chinese entries filed by pinyin.
//!
//! `.ci/run` installs the tools; without them the test is skipped with a
//! note, except under CI (`CI` set), where a missing tool is a failure.

mod common;

use common::require;
use std::path::Path;
use std::process::Command;

const STEM: &str = "tsai-2006-russia-china-military-ties";

fn runs(cmd: &str, arg: &str) -> bool {
    Command::new(cmd)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Only letters and digits, lowercased: line breaks, hyphenation, spacing
/// and quote shapes in the PDF's text do not matter to the comparison.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of `pdftotext -bbox` output with their width and height.
fn bbox_words(html: &str) -> Vec<(String, f64, f64)> {
    let attr = |line: &str, name: &str| -> Option<f64> {
        let start = line.find(&format!("{name}=\""))? + name.len() + 2;
        let rest = line.get(start..)?;
        rest.get(..rest.find('"')?)?.parse().ok()
    };
    html.lines()
        .filter_map(|line| {
            let word = line.split('>').nth(1)?.split("</word").next()?;
            let width = attr(line, "xMax")? - attr(line, "xMin")?;
            let height = attr(line, "yMax")? - attr(line, "yMin")?;
            Some((word.to_string(), width, height))
        })
        .collect()
}

/// The lines of a log that report a problem: LaTeX's and packages'
/// `Warning`/`Error` lines, TeX's `!` errors and bad boxes, biber's `WARN`
/// and `ERROR`.
fn problems(log: &str) -> Vec<&str> {
    log.lines()
        .filter(|l| {
            l.contains("Warning")
                || l.contains("Error")
                || l.starts_with('!')
                || l.starts_with("Overfull")
                || l.starts_with("Underfull")
                || l.contains("WARN -")
                || l.contains("ERROR -")
        })
        .collect()
}

#[test]
#[ignore = "needs xelatex: `cargo test -- --include-ignored` runs it (.ci/run installs xelatex, xeCJK, latexmk, biber, Noto CJK)"]
fn the_thesis_compiles_clean_and_prints_every_work() {
    let have = runs("xelatex", "--version")
        && runs("latexmk", "--version")
        && runs("biber", "--version")
        && runs("pdftotext", "-v")
        && runs("kpsewhich", "--version")
        && Command::new("kpsewhich")
            .args(["xeCJK.sty", "biblatex-chicago.sty", "ctexhook.sty"])
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).lines().count() == 3)
        && Command::new("fc-list")
            .arg("Noto Serif CJK TC")
            .output()
            .is_ok_and(|o| !o.stdout.is_empty());
    if !require(
        "xelatex, latexmk, biber, pdftotext, xeCJK, biblatex-chicago and Noto Serif CJK TC",
        have,
    ) {
        return;
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let input = root.join("refs").join(format!("{STEM}.txt"));
    let ex = footcite::extract(&std::fs::read_to_string(&input).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let written = footcite::job::write_outputs(&ex, STEM, dir.path(), None).unwrap();
    for path in &written {
        let name = path.file_name().unwrap();
        if name.to_string_lossy().ends_with(".check.txt") {
            continue;
        }
        assert_eq!(
            std::fs::read_to_string(path).unwrap(),
            std::fs::read_to_string(root.join("refs").join(name)).unwrap_or_default(),
            "refs/{} is stale: the thesis example reads it (regenerate with \
             `cargo run --release -- refs/{STEM}.txt`)",
            name.to_string_lossy()
        );
    }
    for file in ["thesis.tex", "latexmkrc"] {
        std::fs::copy(
            root.join("examples/thesis").join(file),
            dir.path().join(file),
        )
        .unwrap();
    }

    let out = Command::new("latexmk")
        .current_dir(dir.path())
        .args(["-r", "latexmkrc"])
        .output()
        .unwrap();
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap_or_default();
    let (log, blg) = (read("thesis.log"), read("thesis.blg"));
    assert!(
        out.status.success(),
        "latexmk failed:\n{}\n{}\n{log}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!log.is_empty() && !blg.is_empty(), "no .log or .blg");
    let bad: Vec<&str> = problems(&log).into_iter().chain(problems(&blg)).collect();
    assert!(bad.is_empty(), "warnings or errors:\n{}", bad.join("\n"));

    let pdf = dir.path().join("thesis.pdf");
    let txt = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(txt.status.success());
    let text = String::from_utf8_lossy(&txt.stdout).into_owned();
    let flat = squash(&text);
    // The text with every line break a space, for phrases a line may split.
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");

    // Every work's lead name and title, as footcite's CSL-JSON has them.
    let csl: serde_json::Value =
        serde_json::from_str(&footcite::export::to_csl_json(&ex.works)).unwrap();
    let items = csl.as_array().unwrap();
    assert_eq!(items.len(), ex.works.len());
    let mut missing = Vec::new();
    for item in items {
        let lead = ["author", "editor"]
            .iter()
            .find_map(|k| item.get(*k).and_then(|v| v.get(0)))
            .and_then(|n| n.get("family").or_else(|| n.get("literal")))
            .and_then(|v| v.as_str());
        let title = item.get("title").and_then(|v| v.as_str());
        for what in lead.into_iter().chain(title) {
            if !flat.contains(&squash(what)) {
                missing.push(format!("{}: {what}", item["id"]));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "not in the PDF:\n{}",
        missing.join("\n")
    );

    // xeCJK sets the curly quotes of Latin titles half width. pdftotext
    // writes `China’s` either way, so the test measures the words: a
    // full-width quote is one em wide, a half-width one about a quarter.
    assert!(text.contains("China’s Jiang"), "{text}");
    assert!(text.contains("The ‘China Threat’ Issue"), "{text}");
    let bbox = Command::new("pdftotext")
        .arg("-bbox")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let words = bbox_words(&String::from_utf8_lossy(&bbox.stdout));
    // `’s` together (about 0.65 em when the quote is half width, 1.4 em
    // when it is full width), and `‘` alone (0.28 em or 1 em).
    for (quoted, max_em) in [("China’s", 1.0), ("‘China", 0.6)] {
        let mut measured = 0;
        for (w, width, height) in words.iter().filter(|(w, ..)| w == quoted) {
            let plain = words
                .iter()
                .find(|(p, _, h)| p == "China" && (h - height).abs() < 0.5);
            if let Some((_, plain_width, _)) = plain {
                measured += 1;
                let extra = (width - plain_width) / height;
                assert!(
                    extra < max_em,
                    "{w} is {extra:.2} em wider than China: a full-width quote"
                );
            }
        }
        assert!(measured > 0, "no {quoted} to measure");
    }
    // The place in the journal's title, not after its period.
    assert!(text.contains("International Affairs (Moscow) 7"), "{text}");
    // An issue number's hyphen is not a range.
    assert!(
        text.contains("no. 94-172") && !text.contains("nos."),
        "{text}"
    );
    // No type invented for a report that names none.
    assert!(!text.contains("Report ("), "{text}");
    assert!(
        flat.contains(&squash(
            "大陸情勢分析 [in Chinese] (行政院大陸委員會, January 2005)"
        )),
        "{text}"
    );
    // `language = {english}` (for Zotero) prints nothing in an English
    // document; `language = {Chinese}` prints.
    assert!(
        !text.contains("[in English]") && !text.contains("english"),
        "{text}"
    );
    assert!(text.contains("[in Chinese]"), "{text}");
    // The reprint's source prints.
    assert!(
        text.contains("originally ITAR-TASS, 19 December 1992"),
        "{text}"
    );
    // The bibliography files Chinese entries by pinyin: 熊 (Xiong) after
    // Wishnick, 蔡 (Cai) among the C's.
    let bibliography = text.rsplit("Bibliography").next().unwrap_or("");
    let at = |s: &str| {
        bibliography
            .find(s)
            .unwrap_or_else(|| panic!("{s} not in the bibliography:\n{bibliography}"))
    };
    assert!(at("Wishnick") < at("熊光楷"), "{bibliography}");
    assert!(
        at("Boliatko") < at("蔡明彥") && at("蔡明彥") < at("Cole"),
        "{bibliography}"
    );
}
