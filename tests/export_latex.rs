//! The `\footcite` replacement of every footnote of the reference paper,
//! and `write_outputs`.

use footcite::export::{to_biblatex, to_latex, Dialect};
use footcite::job::write_outputs;
use std::path::Path;

fn paper() -> footcite::Extraction {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("refs/tsai-2006-russia-china-military-ties.txt"))
        .unwrap();
    footcite::extract(&text).unwrap()
}

/// The line after `% N`.
fn note(tex: &str, n: u32) -> &str {
    let marker = format!("% {n}\n");
    let at = tex.find(&marker).unwrap_or_else(|| panic!("no note {n}")) + marker.len();
    tex[at..].lines().next().unwrap()
}

#[test]
fn covers_all_48_notes_one_line_each() {
    let ex = paper();
    let tex = to_latex(&ex);
    let numbers: Vec<u32> = tex
        .lines()
        .filter_map(|l| l.strip_prefix("% ")?.parse().ok())
        .collect();
    assert_eq!(numbers, (1..=48).collect::<Vec<_>>());
    for n in 1..=48 {
        let line = note(&tex, n);
        assert!(
            line.starts_with("\\footcite") || line.starts_with("\\footnote{"),
            "{n}: {line}"
        );
    }
}

#[test]
fn citations_become_footcite_commands() {
    let tex = to_latex(&paper());
    assert_eq!(
        note(&tex, 1),
        r"\footcite[388, 394--400]{lynch1991changing}"
    );
    assert_eq!(note(&tex, 2), r"\footcite[p.~W11]{shift1986china}");
    assert_eq!(note(&tex, 9), r"\footcite[9]{xiong2003guoji}");
    assert_eq!(
        note(&tex, 10),
        r"\footcites[73]{liang1999waiguo}[220]{lou2002diyuan}"
    );
    assert_eq!(note(&tex, 30), r"\footcite[chap.~5]{tsai2003adversaries}");
    // Ibid. cites the same key; biblatex's ibid styles print "Ibid.".
    assert_eq!(note(&tex, 31), r"\footcite{tsai2003adversaries}");
    assert_eq!(note(&tex, 42), r"\footcite{us2005military}");
    // A short form cites the key of its full reference.
    assert_eq!(note(&tex, 45), r"\footcite[8]{us2005military}");
}

#[test]
fn commentary_is_kept_with_cite_in_place() {
    let tex = to_latex(&paper());
    let n3 = note(&tex, 3);
    assert!(n3.starts_with(r"\footnote{在高峰會後"), "{n3}");
    assert!(n3.ends_with(r"請參閱 \cite[11]{sino1989soviet}.}"), "{n3}");
    assert!(!n3.contains("Beijing Review"), "{n3}");
    let n26 = note(&tex, 26);
    assert!(n26.starts_with(r"\footnote{在邊界兩側 100 公里內"), "{n26}");
    assert!(!n26.contains(r"\cite"), "{n26}");
}

#[test]
fn commentary_is_escaped() {
    let mut ex = paper();
    let i = ex
        .document
        .footnotes
        .iter()
        .position(|f| f.number == 26)
        .unwrap();
    ex.document.footnotes[i].text = r"50% of $5 & #1_a ~b^c \d {e}".into();
    for n in &mut ex.notes {
        if n.footnote == i {
            n.citations = Box::default();
            n.commentary = std::iter::once(0..ex.document.footnotes[i].text.len()).collect();
        }
    }
    let tex = to_latex(&ex);
    assert_eq!(
        note(&tex, 26),
        r"\footnote{50\% of \$5 \& \#1\_a \textasciitilde{}b\textasciicircum{}c \textbackslash{}d \{e\}}"
    );
}

#[test]
fn every_key_cited_is_in_the_bib() {
    let ex = paper();
    let tex = to_latex(&ex);
    let bib = biblatex::Bibliography::parse(&to_biblatex(&ex.works, Dialect::Biblatex)).unwrap();
    let mut cited = 0;
    for line in tex.lines().filter(|l| !l.starts_with('%')) {
        let mut rest = line;
        while let Some(open) = rest.find("]{").map(|i| i + 1).or_else(|| {
            rest.find("cite{")
                .map(|i| i + 4)
                .or_else(|| rest.find("cites{").map(|i| i + 5))
        }) {
            let after = &rest[open + 1..];
            let close = after.find('}').unwrap();
            let key = &after[..close];
            if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric()) {
                assert!(bib.get(key).is_some(), "{key} not in the .bib: {line}");
                cited += 1;
            }
            rest = &after[close..];
        }
    }
    assert!(cited >= 50, "{cited}");
}

#[test]
fn write_outputs_writes_five_files_and_spares_the_input() {
    let ex = paper();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let paths = write_outputs(&ex, "tsai", &out, None).unwrap();
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        [
            "tsai.bib",
            "tsai.json",
            "tsai.footcite.tex",
            "tsai.check.txt",
            "tsai.review.html"
        ]
    );
    for p in &paths {
        assert!(std::fs::metadata(p).unwrap().len() > 100);
    }
    assert_eq!(
        std::fs::read_to_string(&paths[0]).unwrap(),
        to_biblatex(&ex.works, Dialect::Biblatex)
    );
    // No temporary files are left behind.
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 5);

    // An input named like an output is refused, and nothing is written.
    let input = out.join("paper.json");
    std::fs::write(&input, "the paper").unwrap();
    let err = write_outputs(&ex, "paper", &out, Some(&input)).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
    assert_eq!(std::fs::read_to_string(&input).unwrap(), "the paper");
    assert!(!out.join("paper.bib").exists());
}

#[test]
fn natbib_dialect_puts_citet_in_footnotes() {
    use footcite::export::latex::{to_latex_in, CiteDialect};
    let ex = paper();
    let tex = to_latex_in(&ex, CiteDialect::Natbib);
    assert!(
        !tex.contains("\\footcite") && !tex.contains("\\cite["),
        "{tex}"
    );
    assert_eq!(
        note(&tex, 1),
        "\\footnote{\\citet[388, 394--400]{lynch1991changing}.}"
    );
    assert_eq!(
        note(&tex, 10),
        "\\footnote{\\citet[73]{liang1999waiguo}; \\citet[220]{lou2002diyuan}.}"
    );
    assert_eq!(note(&tex, 31), "\\footnote{\\citet{tsai2003adversaries}.}");
    // Commentary keeps its text, each citation a \citet.
    assert!(note(&tex, 3).ends_with("請參閱 \\citet[11]{sino1989soviet}.}"));
    // Every note is a \footnote, with the same keys as the biblatex form.
    let biblatex = to_latex(&ex);
    for n in 1..=48 {
        assert!(note(&tex, n).starts_with("\\footnote{"), "{n}");
        let keys = |line: &str| -> Vec<String> {
            line.split('{')
                .skip(1)
                .filter_map(|s| s.split('}').next())
                .filter(|k| !k.is_empty() && k.is_ascii() && !k.contains([' ', '\\']))
                .map(str::to_string)
                .collect()
        };
        let (a, b) = (keys(note(&tex, n)), keys(note(&biblatex, n)));
        assert!(b.iter().all(|k| a.contains(k)), "{n}: {a:?} vs {b:?}");
    }
    // The default is biblatex.
    assert_eq!(to_latex_in(&ex, CiteDialect::default()), biblatex);
}
