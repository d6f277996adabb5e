//! Reading inputs and writing outputs safely: one-line errors that name the
//! file, atomic writes (temporary file, then rename), never over the input.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Why an input could not be read as a paper's text.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not UTF-8 text: invalid byte at offset {offset} (use --lossy to replace invalid bytes)")]
    NotUtf8 { path: String, offset: usize },
    #[error("{path}: binary data, not text (NUL byte at offset {offset})")]
    Binary { path: String, offset: usize },
    #[error("{path}: the file is empty")]
    Empty { path: String },
    #[error("{path}: too large ({bytes} bytes): footcite reads texts of less than 4 GiB; split the file")]
    TooLarge { path: String, bytes: usize },
}

/// The largest text footcite reads: its line index holds 32-bit offsets.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// How a path is named in messages: `-` is standard input.
pub fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Read a file (or standard input for `-`) as UTF-8 text. With `lossy`,
/// invalid bytes become U+FFFD instead of an error.
pub fn read_text(path: &Path, lossy: bool) -> Result<String, InputError> {
    let name = display_name(path);
    let io_error = |source| InputError::Io {
        path: name.clone(),
        source,
    };
    let bytes = read_bytes(path).map_err(io_error)?;
    decode(&name, bytes, lossy)
}

/// The bytes of a file (or standard input for `-`).
pub fn read_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

/// Decode bytes read from `name`.
pub fn decode(name: &str, bytes: Vec<u8>, lossy: bool) -> Result<String, InputError> {
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(InputError::TooLarge {
            path: name.to_string(),
            bytes: bytes.len(),
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty {
            path: name.to_string(),
        });
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) if lossy => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            // Mostly NULs and control bytes: say it is binary.
            return Err(match bytes.iter().position(|b| *b == 0) {
                Some(nul) => InputError::Binary {
                    path: name.to_string(),
                    offset: nul,
                },
                None => InputError::NotUtf8 {
                    path: name.to_string(),
                    offset,
                },
            });
        }
    };
    if let Some(nul) = text.bytes().position(|b| b == 0) {
        if !lossy {
            return Err(InputError::Binary {
                path: name.to_string(),
                offset: nul,
            });
        }
    }
    Ok(text)
}

/// Why an output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("{path}: refusing to write over the input file")]
    WouldOverwriteInput { path: String },
    #[error("{path}: cannot write: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Write `contents` to `path` atomically: a temporary file in the same
/// folder, then a rename, so a reader never sees half a file. `-` writes to
/// standard output. Refuses to overwrite `input`.
///
/// Only regular files are replaced. A device, FIFO or socket (`-o
/// /dev/null`, a pipe) is written in place: renaming over it would replace
/// the device node with a plain file, which as root breaks `/dev/null` for
/// every later program. A symbolic link keeps pointing where it did: the
/// file it names is the one replaced.
pub fn write_atomic(path: &Path, contents: &[u8], input: Option<&Path>) -> Result<(), OutputError> {
    write_atomic_with(path, input, |out| out.write_all(contents))
}

/// [`write_atomic`] with the contents written by `write` straight into the
/// (buffered) temporary file, so that a large output is never held whole
/// in memory.
pub fn write_atomic_with(
    path: &Path,
    input: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    let name = display_name(path);
    let io_error = |source| OutputError::Io {
        path: name.clone(),
        source,
    };
    if path == Path::new("-") {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        write(&mut out).map_err(io_error)?;
        return out.flush().map_err(io_error);
    }
    if input.is_some_and(|i| i != Path::new("-") && same_file(i, path)) {
        return Err(OutputError::WouldOverwriteInput { path: name });
    }
    let target = match std::fs::metadata(path) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            return write_in_place(path, write).map_err(io_error);
        }
        // A link to a regular file: replace the file, keep the link.
        Ok(_) if path.is_symlink() => path.canonicalize().map_err(io_error)?,
        _ => path.to_path_buf(),
    };
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let file_name = target
        .file_name()
        .map_or_else(|| "out".into(), |f| f.to_string_lossy().into_owned());
    let temp = dir.join(format!(".{file_name}.footcite-{}.tmp", std::process::id()));
    let result = std::fs::File::create(&temp)
        .and_then(|file| {
            let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
            write(&mut out)?;
            // Flushed, not synced to the disk: the rename alone keeps a
            // reader from seeing half a file, and an output lost to a
            // crash is made again from its input. Syncing made a long
            // paper's run wait on the disk (25 s of 163 for 3.3 GB of
            // outputs from a million notes).
            out.into_inner().map_err(|e| e.into_error()).map(drop)
        })
        .and_then(|()| std::fs::rename(&temp, &target));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&temp);
        return Err(io_error(e));
    }
    Ok(())
}

/// Write to a special file (device, FIFO) without replacing it.
fn write_in_place(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let file = std::fs::OpenOptions::new().write(true).open(path)?;
    let mut out = std::io::BufWriter::new(file);
    write(&mut out)?;
    out.flush()
}

/// What a writer of an output writes, as a string (for the library's
/// `to_*` functions; the CLI streams into files).
pub fn collect_string(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = write(&mut out);
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_offset_of_invalid_utf8() {
        let err = decode("x.txt", b"ab\xffcd".to_vec(), false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.txt: not UTF-8 text: invalid byte at offset 2 (use --lossy to replace invalid bytes)"
        );
        assert_eq!(
            decode("x.txt", b"ab\xffcd".to_vec(), true).unwrap(),
            "ab\u{FFFD}cd"
        );
    }

    #[test]
    fn rejects_binary_and_empty_input() {
        assert!(matches!(
            decode("b", b"a\0b".to_vec(), false),
            Err(InputError::Binary { offset: 1, .. })
        ));
        assert!(matches!(
            decode("e", b" \n".to_vec(), false),
            Err(InputError::Empty { .. })
        ));
    }

    #[test]
    fn atomic_write_refuses_the_input() {
        let dir = std::env::temp_dir().join(format!("footcite-io-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let input = dir.join("paper.txt");
        std::fs::write(&input, "x").unwrap();
        assert!(matches!(
            write_atomic(&input, b"y", Some(&input)),
            Err(OutputError::WouldOverwriteInput { .. })
        ));
        let out = dir.join("out.bib");
        write_atomic(&out, b"ok", Some(&input)).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "ok");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "x");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn writing_to_a_fifo_or_a_link_keeps_it_what_it_was() {
        use std::os::unix::fs::FileTypeExt;
        let dir = std::env::temp_dir().join(format!("footcite-special-{}", std::process::id()));
        // A run that failed here may have left its FIFO behind.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();

        // A FIFO is written through, not renamed over. It stands in for
        // `/dev/null` and other devices, which take the same path: a test
        // that wrote to the real device would, on a regression, break the
        // machine for every later program before its assert ran.
        let fifo = dir.join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read(fifo).unwrap())
        };
        write_atomic(&fifo, b"through the pipe", None).unwrap();
        // Checked before joining: had the FIFO been renamed over, the reader
        // would wait for a writer forever.
        let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo(), "the FIFO was replaced: {kind:?}");
        assert_eq!(reader.join().unwrap(), b"through the pipe");

        // A link to a file: the file gets the text, the link stays a link.
        let real = dir.join("real.bib");
        std::fs::write(&real, "old").unwrap();
        let link = dir.join("link.bib");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new", None).unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
