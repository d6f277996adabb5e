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
    about = "Footnote citations of a paper (PDF, DOCX or extracted text): extract, export as biblatex/CSL-JSON/LaTeX, check",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Papers to process: writes <stem>.bib, <stem>.json (CSL-JSON),
    /// <stem>.footcite.tex, <stem>.check.txt and <stem>.review.html for
    /// each.
    files: Vec<PathBuf>,
    /// Where to write the outputs (default: beside each input).
    #[arg(long)]
    out_dir: Option<PathBuf>,
    /// Replace invalid UTF-8 bytes instead of refusing the file.
    #[arg(long, global = true)]
    lossy: bool,
    /// How a text input is laid out: `ruled` (footnote blocks opened by a
    /// line of spaces or a rule), `plain` (pdftotext, text pasted from a
    /// viewer: notes at the foot of pages or under a Notes heading), or
    /// `auto`, the one that finds notes. PDF and DOCX files need none.
    #[arg(long, global = true, value_enum, default_value_t = LayoutArg::Auto)]
    layout: LayoutArg,
    /// Threads to use (default: every core, or `RAYON_NUM_THREADS`): many
    /// files are processed side by side, and a long paper's notes, checks
    /// and outputs too. The outputs are the same for any number.
    #[arg(long, global = true, value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

#[derive(Clone, Copy, ValueEnum)]
enum LayoutArg {
    Auto,
    Ruled,
    Plain,
}

impl From<LayoutArg> for footcite::layout::LayoutKind {
    fn from(arg: LayoutArg) -> Self {
        match arg {
            LayoutArg::Auto => footcite::layout::LayoutKind::Auto,
            LayoutArg::Ruled => footcite::layout::LayoutKind::Ruled,
            LayoutArg::Plain => footcite::layout::LayoutKind::Plain,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Footnotes, citations, items and diagnostics as JSON.
    Extract {
        /// The paper: a PDF, a DOCX, or an extractor's text (`-` for
        /// standard input).
        file: PathBuf,
        /// Print the plain-text rendering that lines and columns refer to
        /// (for a PDF or DOCX: footcite's rendering of it) instead of JSON.
        #[arg(long)]
        text: bool,
        /// Where to write (`-`, the default, is standard output).
        #[arg(short, long, default_value = "-")]
        output: PathBuf,
    },
    /// One biblatex/BibTeX entry per cited work.
    Bibtex {
        /// The paper: a PDF, a DOCX, or an extractor's text (`-` for
        /// standard input).
        file: PathBuf,
        /// `biblatex` (for biber: EDTF dates, `journaltitle`, `langid`,
        /// pinyin `sortname`…) or `bibtex` (classic BibTeX: `year`,
        /// `month`, `address`, `journal`, `key`, braced capitals).
        #[arg(long, value_enum, default_value_t = DialectArg::Biblatex)]
        dialect: DialectArg,
        /// Where to write (`-`, the default, is standard output).
        #[arg(short, long, default_value = "-")]
        output: PathBuf,
    },
    /// A CSL-JSON array, one item per cited work (for Zotero).
    Csl {
        /// The paper: a PDF, a DOCX, or an extractor's text (`-` for
        /// standard input).
        file: PathBuf,
        /// Where to write (`-`, the default, is standard output).
        #[arg(short, long, default_value = "-")]
        output: PathBuf,
    },
    /// For every footnote, its \footcite replacement.
    Latex {
        /// The paper: a PDF, a DOCX, or an extractor's text (`-` for
        /// standard input).
        file: PathBuf,
        /// `biblatex` (`\footcite[388]{key}`, `\footcites`; for the
        /// biblatex `.bib`) or `natbib` (`\footnote{\citet[388]{key}.}`; for
        /// classic BibTeX and the `--dialect bibtex` `.bib`).
        #[arg(long, value_enum, default_value_t = CiteDialectArg::Biblatex)]
        dialect: CiteDialectArg,
        /// Where to write (`-`, the default, is standard output).
        #[arg(short, long, default_value = "-")]
        output: PathBuf,
    },
    /// A self-contained HTML page to review what was read: every note with
    /// its citations' fields highlighted, every finding at its place, the
    /// works table.
    Review {
        /// The paper: a PDF, a DOCX, or an extractor's text (`-` for
        /// standard input).
        file: PathBuf,
        /// Where to write (default: `<stem>.review.html` beside the input;
        /// `-` is standard output, and the default for standard input).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Report malformed citations, duplicates, numbering and marker
    /// problems, inconsistent forms. Also takes .bib and CSL-JSON files.
    Check {
        /// Papers (PDF, DOCX, text), `.bib` files or CSL-JSON files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// `human` (findings with the source line, then a summary) or
        /// `json`.
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
enum CiteDialectArg {
    Biblatex,
    Natbib,
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

fn load(path: &Path, options: footcite::input::Options) -> Result<footcite::Extraction, Fatal> {
    footcite::batch::load(path, options).map_err(Fatal)
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
    if let Some(threads) = cli.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(threads))
            .build_global()
            .map_err(|e| Fatal(format!("cannot start {threads} threads: {e}")))?;
    }
    let lossy = cli.lossy;
    let input = footcite::input::Options {
        layout: cli.layout.into(),
        lossy,
    };
    match cli.command {
        Some(Command::Extract { file, text, output }) => {
            let ex = load(&file, input)?;
            if text {
                write(&output, &file, |out| {
                    out.write_all(ex.document.source.text().as_bytes())
                })?;
            } else {
                write(&output, &file, |out| ex.write_json(out))?;
            }
        }
        Some(Command::Bibtex {
            file,
            dialect,
            output,
        }) => {
            let ex = load(&file, input)?;
            let dialect = match dialect {
                DialectArg::Biblatex => footcite::export::Dialect::Biblatex,
                DialectArg::Bibtex => footcite::export::Dialect::Bibtex,
            };
            write(&output, &file, |out| {
                footcite::export::biblatex::write_biblatex(&ex.works, dialect, out)
            })?;
        }
        Some(Command::Csl { file, output }) => {
            let ex = load(&file, input)?;
            write(&output, &file, |out| {
                footcite::export::csl::write_csl_json(&ex.works, out)
            })?;
        }
        Some(Command::Latex {
            file,
            dialect,
            output,
        }) => {
            let ex = load(&file, input)?;
            let dialect = match dialect {
                CiteDialectArg::Biblatex => footcite::export::latex::CiteDialect::Biblatex,
                CiteDialectArg::Natbib => footcite::export::latex::CiteDialect::Natbib,
            };
            write(&output, &file, |out| {
                footcite::export::latex::write_latex_in(&ex, dialect, out)
            })?;
        }
        Some(Command::Review { file, output }) => {
            let ex = load(&file, input)?;
            let output = output.unwrap_or_else(|| footcite::review::default_output(&file));
            let name = footcite::review::input_name(&file);
            write(&output, &file, |out| {
                footcite::review::write_review(&ex, &name, out)
            })?;
            if output != Path::new("-") {
                eprintln!("wrote {}", output.display());
            }
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
                layout: input.layout,
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
            if let Some(message) = cli.files.first().and_then(|f| mistyped_subcommand(f)) {
                return Err(Fatal(message));
            }
            let report = footcite::batch::run(&cli.files, cli.out_dir.as_deref(), input);
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

/// `footcite extarct paper.txt`: a first argument that is no file but is
/// one or two edits from a subcommand's name is a mistyped subcommand, not
/// a paper to process (which would write outputs for the other files).
fn mistyped_subcommand(first: &Path) -> Option<String> {
    use clap::CommandFactory as _;
    let word = first.to_str()?;
    if first.exists() || word.contains(['.', '/', '\\']) {
        return None;
    }
    let command = Cli::command();
    let nearest = command
        .get_subcommands()
        .map(|c| c.get_name())
        .filter(|name| *name != "help")
        .map(|name| (footcite::check::distance::edit_distance(word, name), name))
        .min()?;
    (nearest.0 <= 2).then(|| {
        format!(
            "`{word}` is neither a file nor a subcommand; did you mean `footcite {}`? (see --help)",
            nearest.1
        )
    })
}

/// Transparent huge pages off for this process: footcite fills hundreds of
/// megabytes of small records once, and with huge pages the kernel zeroes
/// 2 MiB at every first touch (measured at 100k notes: system time 1.0 s →
/// 0.3 s, wall time −12 %). Only a hint: nothing changes if it fails.
fn avoid_huge_pages() {
    #[cfg(target_os = "linux")]
    let _ = nix::sys::prctl::set_thp_disable(true);
}

/// A panic inside a third-party reader (a malformed PDF can reach one) is
/// caught and reported as one line; only other panics print.
fn quiet_caught_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !footcite::input::panics_are_caught() {
            default(info);
        }
    }));
}

fn main() -> ExitCode {
    avoid_huge_pages();
    quiet_caught_panics();
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
// the system allocator a quarter of the run went to malloc/free. Its v2
// series (the `v2` feature): v3 holds freed pages for a second before it
// gives them back, and a long paper's peak memory was 35 MB higher with it.
#[cfg(not(feature = "system-alloc"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
