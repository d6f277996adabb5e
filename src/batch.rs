//! Many papers at once: files are processed in parallel (rayon), a file
//! that fails is reported in one line and the others are finished, and a
//! progress bar (indicatif) is drawn on standard error when it is a terminal
//! and there are enough files for the wait to matter.
//!
//! Results always come back in the order the files were given, so what is
//! printed does not depend on which thread finished first.

use crate::input::Options;
use crate::io::display_name;
use crate::Extraction;
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// From this many files on, a terminal gets a progress bar.
pub const PROGRESS_MIN_FILES: usize = 8;

/// What happened to one file: its value or a one-line message naming it.
pub type FileResult<T> = Result<T, String>;

/// Apply `f` to every file in parallel and return the results in the order
/// of `files`. A panic in `f` is caught and reported as that file's failure,
/// so one bad input never takes the others down. Draws a progress bar on
/// standard error when it is a terminal and there are at least
/// [`PROGRESS_MIN_FILES`] files.
///
/// `f` should name the file in its error messages (see [`load`]).
pub fn map_files<T, F>(files: &[PathBuf], f: F) -> Vec<FileResult<T>>
where
    T: Send,
    F: Fn(&Path) -> FileResult<T> + Sync,
{
    map_files_indexed(files, |_, path| f(path))
}

fn progress_bar(files: usize) -> Option<indicatif::ProgressBar> {
    if files < PROGRESS_MIN_FILES || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(files as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} files ({eta} left)",
    ) {
        bar.set_style(style);
    }
    Some(bar)
}

/// Read and extract one paper; errors name the file.
pub fn load(path: &Path, options: Options) -> FileResult<Extraction> {
    crate::input::load(path, options)
}

/// What writing one paper's outputs produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub paths: Vec<PathBuf>,
    pub notes: usize,
    pub works: usize,
}

/// Where the outputs of `file` go: `<out_dir or the file's folder>/<stem>`.
pub fn output_target(file: &Path, out_dir: Option<&Path>) -> (PathBuf, String) {
    let stem = file
        .file_stem()
        .filter(|_| file != Path::new("-"))
        .map_or_else(|| "stdin".into(), |s| s.to_string_lossy().into_owned());
    let dir = out_dir
        .map(Path::to_path_buf)
        .or_else(|| {
            file.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map(Path::to_path_buf)
        })
        .unwrap_or_else(|| PathBuf::from("."));
    (dir, stem)
}

/// Extract one paper and write its outputs (see
/// [`crate::job::write_outputs`]).
pub fn process_file(file: &Path, out_dir: Option<&Path>, options: Options) -> FileResult<Written> {
    let ex = load(file, options)?;
    let (dir, stem) = output_target(file, out_dir);
    let paths = crate::job::write_outputs(&ex, &stem, &dir, Some(file))
        .map_err(|e| format!("{}: {e}", display_name(file)))?;
    Ok(Written {
        paths,
        notes: ex.notes.len(),
        works: ex.works.len(),
    })
}

/// The outcome of a batch run.
#[derive(Debug)]
pub struct Report {
    /// One result per input file, in the order given.
    pub results: Vec<FileResult<Written>>,
    pub elapsed: Duration,
}

impl Report {
    pub fn failed(&self) -> usize {
        self.results.iter().filter(|r| r.is_err()).count()
    }

    /// `3 files: 2 done, 1 failed; 96 footnotes, 108 works in 0.12 s`.
    pub fn summary(&self) -> String {
        let done: Vec<&Written> = self
            .results
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .collect();
        let notes: usize = done.iter().map(|w| w.notes).sum();
        let works: usize = done.iter().map(|w| w.works).sum();
        format!(
            "{} file{}: {} done, {} failed; {notes} footnotes, {works} works in {:.2} s",
            self.results.len(),
            if self.results.len() == 1 { "" } else { "s" },
            done.len(),
            self.failed(),
            self.elapsed.as_secs_f64()
        )
    }
}

/// Process every file (`footcite <FILES…> [--out-dir DIR]`). Two inputs
/// whose outputs would land on the same paths (`a/paper.txt` and
/// `b/paper.txt` with one `--out-dir`) are not both written: the later one
/// fails with a message instead of silently replacing the first.
pub fn run(files: &[PathBuf], out_dir: Option<&Path>, options: Options) -> Report {
    let start = Instant::now();
    let mut first_of_target: HashMap<(PathBuf, String), usize> = HashMap::new();
    let clash: Vec<Option<usize>> = files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let target = output_target(f, out_dir);
            match first_of_target.get(&target) {
                Some(&first) => Some(first),
                None => {
                    first_of_target.insert(target, i);
                    None
                }
            }
        })
        .collect();
    let results =
        map_files_indexed(files, |i, file| {
            if let Some(first) = clash.get(i).copied().flatten() {
                let (dir, stem) = output_target(file, out_dir);
                return Err(format!(
                "{}: its outputs {} would replace those of {}; skipped (give it another --out-dir)",
                display_name(file),
                dir.join(format!("{stem}.*")).display(),
                files.get(first).map_or_else(String::new, |f| display_name(f))
            ));
            }
            process_file(file, out_dir, options)
        });
    Report {
        results,
        elapsed: start.elapsed(),
    }
}

/// [`map_files`] with the file's index passed along.
fn map_files_indexed<T, F>(files: &[PathBuf], f: F) -> Vec<FileResult<T>>
where
    T: Send,
    F: Fn(usize, &Path) -> FileResult<T> + Sync,
{
    let run_one = |i: usize, path: &Path| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(i, path))).unwrap_or_else(|_| {
            Err(format!(
                "{}: internal error while processing this file (please report it)",
                display_name(path)
            ))
        })
    };
    // One file: no thread pool (its idle workers would only spin).
    if files.len() <= 1 {
        return files
            .iter()
            .enumerate()
            .map(|(i, p)| run_one(i, p))
            .collect();
    }
    let bar = progress_bar(files.len());
    let results = files
        .par_iter()
        .enumerate()
        .map(|(i, path)| {
            let result = run_one(i, path);
            if let Some(bar) = &bar {
                bar.inc(1);
            }
            result
        })
        .collect();
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    results
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_files() {
        let files: Vec<PathBuf> = (0..50).map(|i| PathBuf::from(format!("f{i}"))).collect();
        let out = map_files(&files, |p| {
            let name = p.display().to_string();
            if name.ends_with('7') {
                Err(format!("{name}: bad"))
            } else {
                Ok(name)
            }
        });
        assert_eq!(out.len(), 50);
        assert_eq!(out[3], Ok("f3".to_string()));
        assert_eq!(out[17], Err("f17: bad".to_string()));
    }

    #[test]
    fn a_panic_fails_only_its_file() {
        let files = vec![
            PathBuf::from("a"),
            PathBuf::from("boom"),
            PathBuf::from("c"),
        ];
        let out = map_files(&files, |p| {
            if p == Path::new("boom") {
                panic!("test panic");
            }
            Ok(())
        });
        assert!(out[0].is_ok() && out[2].is_ok());
        assert!(out[1].as_ref().is_err_and(|e| e.contains("internal error")));
    }

    #[test]
    fn outputs_go_beside_the_input_or_to_the_out_dir() {
        assert_eq!(
            output_target(Path::new("a/b/paper.txt"), None),
            (PathBuf::from("a/b"), "paper".to_string())
        );
        assert_eq!(
            output_target(Path::new("paper.txt"), None),
            (PathBuf::from("."), "paper".to_string())
        );
        assert_eq!(
            output_target(Path::new("-"), Some(Path::new("out"))),
            (PathBuf::from("out"), "stdin".to_string())
        );
    }
}
