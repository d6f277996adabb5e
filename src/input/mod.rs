//! What the user has: a PDF, a Word manuscript or the text of an
//! extractor. Each is read into a [`Document`] whose source is a plain-text
//! rendering (the text itself, or footcite's rendering of the PDF or DOCX,
//! which `footcite extract --text` prints), so that every record and
//! diagnostic points at a line and column the user can open.

pub mod docx;
pub mod pdf;

use crate::layout::{Document, LayoutKind};
use std::cell::Cell;
use std::path::Path;

thread_local! {
    /// Set while a third-party reader runs under `catch_unwind`: a panic
    /// there is reported as an error, so the panic hook stays quiet.
    static IN_READER: Cell<bool> = const { Cell::new(false) };
}

/// Is this thread inside a reader whose panics become errors? (For the
/// binary's panic hook.)
pub fn panics_are_caught() -> bool {
    IN_READER.with(Cell::get)
}

/// Run `f`, a panic in it becoming `None`.
pub(crate) fn catching_panics<T>(f: impl FnOnce() -> T) -> Option<T> {
    IN_READER.with(|flag| flag.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok();
    IN_READER.with(|flag| flag.set(false));
    result
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReadError {
    #[error("not a readable PDF: {0}")]
    Pdf(String),
    #[error(
        "the PDF is encrypted; decrypt it first (for example `qpdf --decrypt in.pdf out.pdf`)"
    )]
    Encrypted,
    #[error(
        "the PDF has no text layer (a scan?); run OCR first, for example `ocrmypdf in.pdf out.pdf`"
    )]
    NoText,
    #[error("the PDF's fonts have no Unicode map: its text cannot be read (run OCR, for example `ocrmypdf --force-ocr in.pdf out.pdf`)")]
    Unmapped,
    #[error("not a readable DOCX: {0}")]
    Docx(String),
}

/// The kind of file, told by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Docx,
    Text,
}

/// `%PDF-` (anywhere in the first KiB, as readers allow) or a zip archive.
pub fn sniff(bytes: &[u8]) -> Format {
    let head = bytes.get(..1024).unwrap_or(bytes);
    if head.windows(5).any(|w| w == b"%PDF-") {
        Format::Pdf
    } else if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        Format::Docx
    } else {
        Format::Text
    }
}

/// The format a path names by its extension, if it names one.
pub fn format_of_path(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => Some(Format::Pdf),
        "docx" => Some(Format::Docx),
        _ => None,
    }
}

/// Read a PDF or DOCX into a document.
pub fn read_binary(format: Format, bytes: &[u8]) -> Result<Option<Document>, ReadError> {
    match format {
        Format::Pdf => pdf::read(bytes).map(Some),
        Format::Docx => docx::read(bytes).map(Some),
        Format::Text => Ok(None),
    }
}

/// How a text input is read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    pub layout: LayoutKind,
    pub lossy: bool,
}

/// Read any input (PDF, DOCX or text, told by its bytes) and extract its
/// notes, citations and works. Errors are one line naming the file.
pub fn load(path: &Path, options: Options) -> Result<crate::Extraction, String> {
    let name = crate::io::display_name(path);
    let bytes = crate::io::read_bytes(path).map_err(|source| {
        crate::io::InputError::Io {
            path: name.clone(),
            source,
        }
        .to_string()
    })?;
    let format = match sniff(&bytes) {
        // A file named .pdf or .docx that is neither is not taken for text.
        Format::Text => match format_of_path(path) {
            Some(Format::Pdf) => return Err(format!("{name}: not a PDF (no `%PDF-` header)")),
            Some(Format::Docx) => return Err(format!("{name}: not a DOCX (not a zip archive)")),
            _ => Format::Text,
        },
        other => other,
    };
    let extraction = match read_binary(format, &bytes).map_err(|e| format!("{name}: {e}"))? {
        Some(document) => {
            drop(bytes);
            crate::extract::extract_document(document)
        }
        None => {
            let text = crate::io::decode(&name, bytes, options.lossy).map_err(|e| e.to_string())?;
            crate::extract::extract_with_layout(text, options.layout)
        }
    };
    extraction.map_err(|e| format!("{name}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_are_caught_only_inside_a_reader() {
        assert!(!panics_are_caught());
        assert_eq!(catching_panics(panics_are_caught), Some(true));
        assert!(!panics_are_caught());
        assert_eq!(catching_panics(|| -> u8 { panic!("a reader's bug") }), None);
        assert!(!panics_are_caught());
    }

    #[test]
    fn formats_by_their_first_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n"), Format::Pdf);
        assert_eq!(sniff(b"\xef\xbb\xbf junk %PDF-1.4"), Format::Pdf);
        assert_eq!(sniff(b"PK\x03\x04rest"), Format::Docx);
        assert_eq!(sniff(b"PK\x05\x06"), Format::Docx);
        assert_eq!(sniff(b"1 Allen Lynch"), Format::Text);
        assert_eq!(format_of_path(Path::new("a/Paper.PDF")), Some(Format::Pdf));
        assert_eq!(format_of_path(Path::new("a.docx")), Some(Format::Docx));
        assert_eq!(format_of_path(Path::new("a.txt")), None);
    }
}
