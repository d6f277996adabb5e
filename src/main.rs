//! The `footcite` command line: a thin layer over the library. Exit codes:
//! 0 success (and, for `check`, no errors), 1 `check` found errors (or
//! warnings with `--deny warnings`), 2 usage or input errors.

use clap::{Parser, Subcommand, ValueEnum};
use footcite::io::write_atomic_with;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "footcite",
    version,
    about = "Footnote citations of a PDF-extracted paper: extract, export as biblatex/CSL-JSON/LaTeX, check",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Papers to process: writes <stem>.bib, <stem>.json (CSL-JSON),
    /// <stem>.footcite.tex and <stem>.check.txt for each.
    files: Vec<PathBuf>,
    /// Where to write the outputs (default: beside each input).
    #[arg(long)]
    out_dir: Option<PathBuf>,
    /// Replace invalid UTF-8 bytes instead of refusing the file.
    #[arg(long, global = true)]
    lossy: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Footnotes, citations, items and diagnostics as JSON.
    Extract {
        /// The paper's text (`-` for standard input).
        file: PathBuf,
        #[arg(short, long, default_value = "-")]
        output: PathBuf,
    },
    /// One biblatex/BibTeX entry per cited work.
    Bibtex {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = DialectArg::Biblatex)]
        dialect: DialectArg,
        #[arg(short, long, default_value = "-")]
        output: PathBuf,
    },
    /// A CSL-JSON array, one item per cited work (for Zotero).
    Csl {
        file: PathBuf,
        #[arg(short, long, default_value = "-")]
        output: PathBuf,
    },
    /// For every footnote, its \footcite replacement.
    Latex {
        file: PathBuf,
        #[arg(short, long, default_value = "-")]
        output: PathBuf,
    },
    /// Report malformed citations, duplicates, numbering and marker
    /// problems, inconsistent forms. Also takes .bib and CSL-JSON files.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = FormatArg::Human)]
        format: FormatArg,
        /// `--deny warnings`: exit 1 on warnings too.
        #[arg(long, value_enum)]
        deny: Option<DenyArg>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum DialectArg {
    Biblatex,
    Bibtex,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum DenyArg {
    Warnings,
}

/// A failure that ends the run with exit code 2.
struct Fatal(String);

impl<E: std::fmt::Display> From<E> for Fatal {
    fn from(e: E) -> Fatal {
        Fatal(e.to_string())
    }
}

fn load(path: &Path, lossy: bool) -> Result<footcite::Extraction, Fatal> {
    footcite::batch::load(path, lossy).map_err(Fatal)
}

/// Write one output, streamed into its temporary file.
fn write(
    output: &Path,
    input: &Path,
    contents: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), Fatal> {
    Ok(write_atomic_with(output, Some(input), contents)?)
}

fn run(cli: Cli) -> Result<ExitCode, Fatal> {
    let lossy = cli.lossy;
    match cli.command {
        Some(Command::Extract { file, output }) => {
            let ex = load(&file, lossy)?;
            write(&output, &file, |out| ex.write_json(out))?;
        }
        Some(Command::Bibtex {
            file,
            dialect,
            output,
        }) => {
            let ex = load(&file, lossy)?;
            let dialect = match dialect {
                DialectArg::Biblatex => footcite::export::Dialect::Biblatex,
                DialectArg::Bibtex => footcite::export::Dialect::Bibtex,
            };
            write(&output, &file, |out| {
                footcite::export::biblatex::write_biblatex(&ex.works, dialect, out)
            })?;
        }
        Some(Command::Csl { file, output }) => {
            let ex = load(&file, lossy)?;
            write(&output, &file, |out| {
                footcite::export::csl::write_csl_json(&ex.works, out)
            })?;
        }
        Some(Command::Latex { file, output }) => {
            let ex = load(&file, lossy)?;
            write(&output, &file, |out| {
                footcite::export::latex::write_latex(&ex, out)
            })?;
        }
        Some(Command::Check {
            files,
            format,
            deny,
        }) => {
            let options = footcite::check::Options {
                json: matches!(format, FormatArg::Json),
                deny_warnings: deny.is_some(),
                lossy,
                color: std::io::IsTerminal::is_terminal(&std::io::stdout()),
            };
            return Ok(ExitCode::from(footcite::check::run_cli(&files, &options)));
        }
        None => {
            if cli.files.is_empty() {
                return Err(Fatal(
                    "no input: give a paper's text file, or a subcommand (see --help)".into(),
                ));
            }
            let report = footcite::batch::run(&cli.files, cli.out_dir.as_deref(), lossy);
            for result in &report.results {
                match result {
                    Ok(written) if cli.files.len() == 1 => {
                        for p in &written.paths {
                            eprintln!("wrote {}", p.display());
                        }
                    }
                    Ok(_) => {}
                    Err(message) => eprintln!("footcite: {message}"),
                }
            }
            if cli.files.len() > 1 {
                eprintln!("footcite: {}", report.summary());
            }
            return Ok(if report.failed() > 0 {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            });
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Transparent huge pages off for this process: footcite fills hundreds of
/// megabytes of small records once, and with huge pages the kernel zeroes
/// 2 MiB at every first touch (measured at 100k notes: system time 1.0 s →
/// 0.3 s, wall time −12 %). Only a hint: nothing changes if it fails.
fn avoid_huge_pages() {
    #[cfg(target_os = "linux")]
    let _ = nix::sys::prctl::set_thp_disable(true);
}

fn main() -> ExitCode {
    avoid_huge_pages();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(Fatal(message)) => {
            eprintln!("footcite: {message}");
            ExitCode::from(2)
        }
    }
}

// mimalloc: the extraction allocates many small strings and records; with
// the system allocator a quarter of the run went to malloc/free.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
