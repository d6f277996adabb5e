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

/// Write one output through its temporary file, straight from `write`:
/// none is ever held whole in memory.
fn write_output(
    path: &Path,
    input: Option<&Path>,
    write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    crate::io::write_atomic_with(path, input, write).map_err(|e| match e {
        crate::io::OutputError::Io { source, .. } => source,
        other => io::Error::new(io::ErrorKind::InvalidInput, other.to_string()),
    })
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
    let names = ["bib", "json", "footcite.tex", "check.txt", "review.html"];
    let paths = names.map(|ext| out_dir.join(format!("{stem}.{ext}")));
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
    let report_name = report_name(stem, input);
    let [bib, json, tex, report, review] = &paths;
    // The three exports, and the checks with the two files that show
    // their findings, are written side by side on a long paper.
    let (exported, checked) = crate::threads::join_when(
        crate::threads::worth_threads(ex.notes.len()),
        || {
            write_output(bib, input, |out| {
                biblatex::write_biblatex(&ex.works, Dialect::Biblatex, out)
            })?;
            write_output(json, input, |out| csl::write_csl_json(&ex.works, out))?;
            write_output(tex, input, |out| latex::write_latex(ex, out))
        },
        || {
            // The paper is checked once: the report borrows the findings,
            // the review page then takes them.
            let findings = crate::check::check_extraction(ex);
            write_output(report, input, |out| {
                crate::check::write_report_with(ex, &report_name, &findings, out)
            })?;
            write_output(review, input, |out| {
                crate::review::write_review_with(ex, &report_name, findings, out)
            })
        },
    );
    exported.and(checked)?;
    Ok(paths.into())
}
