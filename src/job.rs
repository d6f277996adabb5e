//! The main job: for one paper, every output footcite makes — the
//! biblatex `.bib`, the CSL-JSON, the `\footcite` mapping, the check
//! report and the review page — written beside each other. It sits above [`crate::export`]
//! and [`crate::check`], which know nothing of each other or of it.

use crate::export::{biblatex, csl, latex, Dialect};
use crate::Extraction;
use std::io;
use std::path::{Path, PathBuf};

/// The name the check report gives its source: the input's file name, so
/// the committed report does not depend on where it was generated.
fn report_name(stem: &str, input: Option<&Path>) -> String {
    input
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| format!("{stem}.txt"))
}

/// Write `<stem>.bib` (biblatex), `<stem>.json` (CSL-JSON),
/// `<stem>.footcite.tex`, the check report `<stem>.check.txt` and the
/// review page `<stem>.review.html` into `out_dir` (created if missing), each through
/// a temporary file renamed into place, so a reader never sees half a file.
///
/// Refuses (with [`io::ErrorKind::InvalidInput`], before writing anything)
/// when one of the outputs would be the `input` file itself.
pub fn write_outputs(
    ex: &Extraction,
    stem: &str,
    out_dir: &Path,
    input: Option<&Path>,
) -> io::Result<Vec<PathBuf>> {
    if stem.is_empty() || stem.contains(['/', '\\']) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("invalid output stem {stem:?}"),
        ));
    }
    std::fs::create_dir_all(out_dir)?;
    // Each output is written straight into its temporary file: none is
    // ever held whole in memory.
    type Writer<'e> = Box<dyn Fn(&mut dyn io::Write) -> io::Result<()> + 'e>;
    let report_name = report_name(stem, input);
    // The paper is checked once: the report borrows the findings, the
    // review page then takes them.
    let findings = std::cell::RefCell::new(None);
    let outputs: [(String, Writer); 5] = [
        (
            format!("{stem}.bib"),
            Box::new(|out| biblatex::write_biblatex(&ex.works, Dialect::Biblatex, out)),
        ),
        (
            format!("{stem}.json"),
            Box::new(|out| csl::write_csl_json(&ex.works, out)),
        ),
        (
            format!("{stem}.footcite.tex"),
            Box::new(|out| latex::write_latex(ex, out)),
        ),
        (
            format!("{stem}.check.txt"),
            Box::new(|out| {
                let mut findings = findings.borrow_mut();
                let findings = findings.get_or_insert_with(|| crate::check::check_extraction(ex));
                crate::check::write_report_with(ex, &report_name, findings, out)
            }),
        ),
        (
            format!("{stem}.review.html"),
            Box::new(|out| {
                let findings = findings.borrow_mut().take();
                let findings = findings.unwrap_or_else(|| crate::check::check_extraction(ex));
                crate::review::write_review_with(ex, &report_name, findings, out)
            }),
        ),
    ];
    let paths: Vec<PathBuf> = outputs.iter().map(|(n, _)| out_dir.join(n)).collect();
    if let Some(input) = input {
        let input = input.canonicalize().unwrap_or_else(|_| input.to_path_buf());
        for p in &paths {
            let target = p.canonicalize().unwrap_or_else(|_| p.clone());
            if target == input {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("refusing to overwrite the input file {}", p.display()),
                ));
            }
        }
    }
    for ((_, write), path) in outputs.iter().zip(&paths) {
        crate::io::write_atomic_with(path, input, write).map_err(|e| match e {
            crate::io::OutputError::Io { source, .. } => source,
            other => io::Error::new(io::ErrorKind::InvalidInput, other.to_string()),
        })?;
    }
    Ok(paths)
}
