//! Hostile PDF and DOCX inputs: each gets exit code 2 and one line on
//! standard error, `footcite: <file>: <problem>`, without a panic and in
//! bounded time; and a valid 1,000-page PDF whose 1,000 notes are all found.
//! Every test runs the real binary on files in a temporary folder: small
//! PDFs made by `tests/data/hostile/make_hostile.py` (committed), the
//! encrypted PDF made with qpdf, and the rest (zip archives, the zip bombs,
//! random bytes, the 1,000 pages) built here.

mod common;

use common::{footcite, write};
use std::path::Path;
use std::time::Duration;

const HOSTILE: &str = "tests/data/hostile";
const PAPER_PDF: &str = "refs/tsai-2006-russia-china-military-ties.pdf";

/// What a rejected input may take, debug build included.
const BOUND: Duration = Duration::from_secs(20);

/// A committed file, copied into `dir` under its own name.
fn copy_in(dir: &Path, name: &str) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(HOSTILE)
        .join(name);
    std::fs::copy(&from, dir.join(name)).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
}

/// `file` is refused: by `extract` and by the default command (which must
/// write nothing), exit code 2, exactly one line on standard error naming
/// the file and saying `what`, in bounded time. Returns the line.
fn assert_rejected(dir: &Path, file: &str, what: &str) -> String {
    let extract = footcite(dir, &["extract", file, "-o", "out.json"]);
    let all = footcite(dir, &[file, "--out-dir", "out"]);
    for (how, run) in [("extract", &extract), ("default command", &all)] {
        assert_eq!(
            run.code, 2,
            "{file} ({how}): exit code; stderr: {}",
            run.stderr
        );
        assert_eq!(
            run.stderr.lines().count(),
            1,
            "{file} ({how}): one line expected: {}",
            run.stderr
        );
        assert!(
            run.stderr.starts_with(&format!("footcite: {file}: ")) && run.stderr.contains(what),
            "{file} ({how}): expected `{what}`: {}",
            run.stderr
        );
        assert!(
            run.elapsed < BOUND,
            "{file} ({how}): took {:?}",
            run.elapsed
        );
    }
    assert_eq!(
        extract.stderr, all.stderr,
        "{file}: the two commands differ"
    );
    assert!(extract.stdout.is_empty(), "{file}: {}", extract.stdout);
    assert!(!dir.join("out.json").exists(), "{file}: out.json written");
    assert!(!dir.join("out").exists(), "{file}: outputs written");
    // Shown with `--nocapture`.
    println!("{}", extract.stderr.trim_end());
    extract.stderr.trim_end().to_string()
}

// ---------------------------------------------------------------- PDF

#[test]
fn a_truncated_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let paper = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(PAPER_PDF)).unwrap();
    assert!(paper.len() > 20 * 1024);
    write(dir.path(), "truncated.pdf", &paper[..20 * 1024]);
    assert_rejected(dir.path(), "truncated.pdf", "not a readable PDF: ");
}

#[test]
fn an_encrypted_pdf() {
    let dir = tempfile::tempdir().unwrap();
    copy_in(dir.path(), "encrypted.pdf");
    let line = assert_rejected(
        dir.path(),
        "encrypted.pdf",
        "the PDF is encrypted; decrypt it first (for example `qpdf --decrypt in.pdf out.pdf`)",
    );
    // `check` says the same, with the same exit code.
    let run = footcite(dir.path(), &["check", "encrypted.pdf"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stderr.trim_end(), line);
    assert!(run.elapsed < BOUND, "{:?}", run.elapsed);
}

#[test]
fn a_pdf_without_a_text_layer() {
    let dir = tempfile::tempdir().unwrap();
    copy_in(dir.path(), "notext.pdf");
    let line = assert_rejected(dir.path(), "notext.pdf", "the PDF has no text layer");
    assert!(line.contains("OCR") && line.contains("ocrmypdf"), "{line}");
}

/// Fonts whose `/Differences` name their glyphs `/g1 /g2 ...` and that have
/// no `/ToUnicode`, text in codes 1..26 (pdf_oxide gives control codes):
/// an input error that sends the user to OCR.
#[test]
fn a_pdf_whose_fonts_have_no_unicode_map() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["unmapped-type3.pdf", "unmapped-type1.pdf"] {
        copy_in(dir.path(), name);
        let line = assert_rejected(dir.path(), name, "run OCR");
        assert!(line.contains("ocrmypdf"), "{line}");
    }
}

/// The message names the fonts, not the page, as the problem.
#[test]
fn unmapped_fonts_are_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["unmapped-type3.pdf", "unmapped-type1.pdf"] {
        copy_in(dir.path(), name);
        assert_rejected(dir.path(), name, "the PDF's fonts have no Unicode map");
    }
}

/// A Type3 font with no `/ToUnicode` whose glyphs `/g33 ../g90` sit at the
/// printable codes 33..90: pdf_oxide reads the codes as their ASCII
/// characters, printable garbage (`8A,? @C(@ ...`) where the test above
/// sees nothing. The fonts, not the page, are named.
#[test]
fn printable_codes_with_no_unicode_map() {
    let dir = tempfile::tempdir().unwrap();
    copy_in(dir.path(), "unmapped-ascii.pdf");
    let line = assert_rejected(
        dir.path(),
        "unmapped-ascii.pdf",
        "the PDF's fonts have no Unicode map",
    );
    assert!(line.contains("ocrmypdf"), "{line}");
}

/// An object header with a non-ASCII byte (`2\xff0 obj`, same length, so
/// the xref still points at it): pdf_oxide 0.3.78 panics slicing a string
/// inside a multi-byte character (document.rs:25363,
/// `has_standalone_obj_keyword`). footcite's `catch_unwind` in
/// `input::pdf::read` turns it into the one-line error, but the default
/// panic hook has already printed `thread 'main' panicked at ...` (and a
/// backtrace under RUST_BACKTRACE) to standard error. Ignored until the
/// panic message is silenced.
#[test]
fn a_non_ascii_object_header() {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(HOSTILE)
        .join("notext.pdf");
    let mut bytes = std::fs::read(from).unwrap();
    let at = bytes
        .windows(7)
        .position(|w| w == b"2 0 obj")
        .expect("object 2");
    bytes[at + 1] = 0xFF;
    write(dir.path(), "header.pdf", &bytes);
    assert_rejected(
        dir.path(),
        "header.pdf",
        "not a readable PDF: the PDF reader failed on this file's structure",
    );
}

/// xorshift64: deterministic bytes for the random inputs.
fn random_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.max(1);
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn random_bytes_after_a_pdf_header() {
    let dir = tempfile::tempdir().unwrap();
    for (seed, len) in [(1u64, 64 * 1024), (2, 1024), (3, 16), (4, 1024 * 1024)] {
        let name = format!("random{seed}.pdf");
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.extend(random_bytes(seed, len));
        write(dir.path(), &name, &bytes);
        assert_rejected(dir.path(), &name, "not a readable PDF: ");
    }
    // The header alone, and the header with a trailer pointing nowhere.
    write(dir.path(), "header.pdf", "%PDF-1.7\n");
    assert_rejected(dir.path(), "header.pdf", "not a readable PDF: ");
    write(
        dir.path(),
        "dangling.pdf",
        "%PDF-1.7\ntrailer\n<< /Size 9 /Root 7 0 R >>\nstartxref\n999999\n%%EOF\n",
    );
    assert_rejected(dir.path(), "dangling.pdf", "not a readable PDF: ");
}

/// The real paper with bytes overwritten here and there: whatever the
/// reader makes of it, one line or a result, never a panic or a hang.
#[test]
fn a_damaged_real_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let paper = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(PAPER_PDF)).unwrap();
    for seed in 1..=8u64 {
        let mut bytes = paper.clone();
        let noise = random_bytes(seed, 64);
        for pair in noise.chunks(4) {
            let at = u32::from_le_bytes([pair[0], pair[1], pair[2], 0]) as usize % bytes.len();
            bytes[at] = pair[3];
        }
        let name = format!("damaged{seed}.pdf");
        write(dir.path(), &name, &bytes);
        let run = footcite(dir.path(), &["extract", &name, "-o", "out.json"]);
        assert!(run.elapsed < BOUND, "{name}: {:?}", run.elapsed);
        println!("{name}: exit {}: {}", run.code, run.stderr.trim_end());
        match run.code {
            0 => assert!(run.stderr.is_empty(), "{name}: {}", run.stderr),
            2 => {
                assert_eq!(run.stderr.lines().count(), 1, "{name}: {}", run.stderr);
                assert!(run.stderr.starts_with(&format!("footcite: {name}: ")));
            }
            code => panic!("{name}: exit code {code}: {}", run.stderr),
        }
    }
}

// ---------------------------------------------------------------- 1,000 pages

/// A PDF of `objects` (object 1 is the catalog) with a correct xref table.
fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

fn stream(data: &str) -> Vec<u8> {
    format!("<< /Length {} >>\nstream\n{data}\nendstream", data.len()).into_bytes()
}

/// Helvetica's advance width of `text` at `size` (the characters used).
fn helvetica_width(text: &str, size: f32) -> f32 {
    let units: u32 = text
        .chars()
        .map(|c| match c {
            ' ' | '.' | ',' | ':' | 'f' | 't' => 278,
            '(' | ')' | 'r' => 333,
            'i' => 222,
            'J' => 500,
            'c' | 'k' | 's' | 'x' | 'y' => 500,
            'A' | 'B' | 'P' => 667,
            'C' | 'R' => 722,
            _ => 556,
        })
        .sum();
    units as f32 * size / 1000.0
}

/// `pages` pages (as make_hostile.py --pages): on page N the 10-point body
/// line `Body text of page N.` with a 7-point mark N raised 3.5 points after
/// it, a second body line, and at the foot the 8-point note `N Jane Roe, A
/// Book (Chicago: Press, 1990), N.`, its number 6-point and raised.
fn pages_pdf(pages: usize) -> Vec<u8> {
    let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {pages} >>",
            kids.join(" ")
        )
        .into_bytes(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_vec(),
    ];
    for page in 1..=pages {
        let body = format!("Body text of page {page}.");
        let more = "More of the body follows, set in the type size of the body text.";
        let note = format!("Jane Roe, A Book \\(Chicago: Press, 1990\\), {page}.");
        let content = format!(
            "BT /F1 10 Tf 72 700 Td ({body}) Tj ET\n\
             BT /F1 10 Tf 72 686 Td ({more}) Tj ET\n\
             BT /F1 7 Tf {:.2} 703.5 Td ({page}) Tj ET\n\
             BT /F1 6 Tf 72 74.5 Td ({page}) Tj ET\n\
             BT /F1 8 Tf {:.2} 72 Td ({note}) Tj ET\n",
            72.0 + helvetica_width(&body, 10.0),
            73.0 + helvetica_width(&page.to_string(), 6.0),
        );
        objects.push(
            format!(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {} 0 R \
                 /Resources << /Font << /F1 3 0 R >> >> >>",
                5 + 2 * (page - 1)
            )
            .into_bytes(),
        );
        objects.push(stream(&content));
    }
    pdf(&objects)
}

#[test]
fn a_thousand_pages_a_thousand_notes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pages.pdf", pages_pdf(1000));
    let run = footcite(dir.path(), &["extract", "pages.pdf", "-o", "pages.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    assert!(run.elapsed < Duration::from_secs(30), "{:?}", run.elapsed);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("pages.json")).unwrap())
            .unwrap();
    let notes = json["footnotes"].as_array().unwrap();
    assert_eq!(notes.len(), 1000);
    for (i, note) in notes.iter().enumerate() {
        let n = i as u64 + 1;
        assert_eq!(note["number"].as_u64(), Some(n), "{note}");
        assert_eq!(note["page"].as_u64(), Some(n), "{note}");
        assert_eq!(
            note["text"].as_str(),
            Some(format!("Jane Roe, A Book (Chicago: Press, 1990), {n}.").as_str())
        );
        assert!(note["marker"].is_object(), "note {n} has no marker: {note}");
        assert_eq!(note["citations"][0]["item"].as_str(), Some("roe1990book"));
    }
    // The same file through `check`: one work cited 1,000 times, no error.
    let run = footcite(dir.path(), &["check", "pages.pdf"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert!(run.elapsed < Duration::from_secs(30), "{:?}", run.elapsed);
}

// ---------------------------------------------------------------- DOCX

/// The CRC-32 (IEEE) table, as zip uses it.
fn crc_table() -> Vec<u32> {
    (0..256u32)
        .map(|mut c| {
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
            c
        })
        .collect()
}

/// The running CRC `c` carried on over `bytes`.
fn crc_continue(table: &[u32], c: u32, bytes: &[u8]) -> u32 {
    bytes.iter().fold(c, |c, &b| {
        table[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

/// CRC-32 (IEEE), as zip stores it.
fn crc32(bytes: &[u8]) -> u32 {
    !crc_continue(&crc_table(), !0, bytes)
}

/// One zip entry as written.
struct Entry<'a> {
    name: &'a str,
    /// 0 stored, 8 deflated.
    method: u16,
    data: &'a [u8],
    crc: u32,
    /// The unpacked size the local header and the central directory declare.
    local_size: u32,
    central_size: u32,
}

impl<'a> Entry<'a> {
    fn stored(name: &'a str, data: &'a [u8]) -> Entry<'a> {
        Entry {
            name,
            method: 0,
            data,
            crc: crc32(data),
            local_size: data.len() as u32,
            central_size: data.len() as u32,
        }
    }
}

/// A zip archive of `entries`: local headers and data, central directory,
/// end record.
fn zip(entries: &[Entry]) -> Vec<u8> {
    fn u16le(out: &mut Vec<u8>, v: u16) {
        out.extend(v.to_le_bytes());
    }
    fn u32le(out: &mut Vec<u8>, v: u32) {
        out.extend(v.to_le_bytes());
    }
    let mut out = Vec::new();
    let mut central = Vec::new();
    for e in entries {
        let offset = out.len() as u32;
        u32le(&mut out, 0x0403_4b50);
        for v in [20, 0, e.method, 0, 0x21] {
            u16le(&mut out, v); // version, flags, method, time, date
        }
        u32le(&mut out, e.crc);
        u32le(&mut out, e.data.len() as u32);
        u32le(&mut out, e.local_size);
        u16le(&mut out, e.name.len() as u16);
        u16le(&mut out, 0);
        out.extend(e.name.bytes());
        out.extend(e.data);

        u32le(&mut central, 0x0201_4b50);
        for v in [20, 20, 0, e.method, 0, 0x21] {
            u16le(&mut central, v); // made by, needed, flags, method, time, date
        }
        u32le(&mut central, e.crc);
        u32le(&mut central, e.data.len() as u32);
        u32le(&mut central, e.central_size);
        for v in [e.name.len() as u16, 0, 0, 0, 0] {
            u16le(&mut central, v); // name, extra, comment, disk, internal
        }
        u32le(&mut central, 0); // external attributes
        u32le(&mut central, offset);
        central.extend(e.name.bytes());
    }
    let central_offset = out.len() as u32;
    out.extend(&central);
    u32le(&mut out, 0x0605_4b50);
    for v in [0, 0, entries.len() as u16, entries.len() as u16] {
        u16le(&mut out, v);
    }
    u32le(&mut out, central.len() as u32);
    u32le(&mut out, central_offset);
    u16le(&mut out, 0);
    out
}

/// Bits written least significant first, as deflate packs them.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u32, count: u32) {
        self.acc |= u64::from(value) << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }
    /// A Huffman code: its bits go most significant first.
    fn code(&mut self, code: u32, len: u32) {
        self.put(code.reverse_bits() >> (32 - len), len);
    }
    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// A raw deflate stream (one block, fixed Huffman codes) that unpacks to
/// `1 + 258 * matches` bytes of `a`: the literal, then `matches` copies of
/// 258 bytes at distance 1 (13 bits each).
fn deflate_bomb(matches: usize) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.put(1, 1); // last block
    bits.put(1, 2); // fixed Huffman codes
    bits.code(0x30 + u32::from(b'a'), 8); // literal `a`
    for _ in 0..matches {
        bits.code(0xC0 + (285 - 280), 8); // length 258
        bits.code(0, 5); // distance 1
    }
    bits.code(0, 7); // end of block
    bits.finish()
}

/// The CRC-32 of `n` bytes of `a`, without holding them.
fn crc32_of_a(n: usize) -> u32 {
    let chunk = vec![b'a'; 1 << 20];
    let table = crc_table();
    let mut c = !0u32;
    let mut left = n;
    while left > 0 {
        let take = left.min(chunk.len());
        c = crc_continue(&table, c, &chunk[..take]);
        left -= take;
    }
    !c
}

/// The smallest document part with one footnote reference.
const DOCUMENT_XML: &str = r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Body.</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p></w:body></w:document>"#;

/// Zip bombs: word/document.xml unpacks to 80 MiB of `a`, from a deflate
/// stream of 528 KB built here (a committed bomb could not be under 50 KB:
/// deflate's best ratio is 1032:1). Declared honestly, it is refused by its
/// declared size; declared as 1 KiB (in the central directory alone, or in
/// both headers), by the bound on what is read.
#[test]
fn zip_bombs() {
    let dir = tempfile::tempdir().unwrap();
    let matches = 80 * 1024 * 1024 / 258;
    let size = 1 + 258 * matches;
    assert!(size > 64 * 1024 * 1024);
    let data = deflate_bomb(matches);
    let crc = crc32_of_a(size);
    let bomb = |local_size: u32, central_size: u32| {
        zip(&[
            Entry::stored("[Content_Types].xml", b"<Types/>"),
            Entry {
                name: "word/document.xml",
                method: 8,
                data: &data,
                crc,
                local_size,
                central_size,
            },
        ])
    };
    write(dir.path(), "bomb.docx", bomb(size as u32, size as u32));
    let line = assert_rejected(dir.path(), "bomb.docx", "not a readable DOCX: ");
    assert!(
        line.ends_with(&format!(
            "word/document.xml unpacks to {size} bytes, more than the 67108864 allowed"
        )),
        "{line}"
    );
    for (name, local, central) in [
        ("lying-central.docx", size as u32, 1024),
        ("lying-both.docx", 1024, 1024),
    ] {
        write(dir.path(), name, bomb(local, central));
        let line = assert_rejected(dir.path(), name, "not a readable DOCX: ");
        assert!(line.contains("word/document.xml"), "{line}");
    }
}

#[test]
fn an_empty_zip() {
    let dir = tempfile::tempdir().unwrap();
    let empty = zip(&[]);
    assert_eq!(empty.len(), 22);
    write(dir.path(), "empty.docx", &empty);
    assert_rejected(dir.path(), "empty.docx", "not a readable DOCX");
    // A zip of something else: no document part.
    write(
        dir.path(),
        "other.docx",
        zip(&[Entry::stored("readme.txt", b"hello")]),
    );
    assert_rejected(
        dir.path(),
        "other.docx",
        "not a readable DOCX: no word/document.xml: not a Word document",
    );
}

#[test]
fn a_docx_whose_document_is_not_xml() {
    let dir = tempfile::tempdir().unwrap();
    let binary = random_bytes(7, 4096);
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "binary.docx",
            &binary,
            "not a readable DOCX: word/document.xml: ",
        ),
        (
            "unclosed.docx",
            b"<w:document><w:body><w:p><w:r><w:t>Body.</w:t></w:r></w:body></w:document>",
            "not a readable DOCX: word/document.xml: ",
        ),
        (
            "brokentag.docx",
            b"<w:document><w:body><w:p <<< >>> &&& </w:p",
            "not a readable DOCX: word/document.xml: ",
        ),
        // Text that is no XML at all reads as no paragraphs: no notes.
        (
            "prose.docx",
            b"just some words, no markup",
            "no numbered footnotes found",
        ),
    ];
    for (name, document, what) in cases {
        write(
            dir.path(),
            name,
            zip(&[
                Entry::stored("word/document.xml", document),
                Entry::stored("word/footnotes.xml", b"<w:footnotes/>"),
            ]),
        );
        assert_rejected(dir.path(), name, what);
    }
    // The same archive with a well-formed document reads.
    write(
        dir.path(),
        "good.docx",
        zip(&[
            Entry::stored("word/document.xml", DOCUMENT_XML.as_bytes()),
            Entry::stored(
                "word/footnotes.xml",
                br#"<w:footnotes xmlns:w="x"><w:footnote w:id="1"><w:p><w:r><w:t>Jane Roe, A Book (Chicago: Press, 1990), 4.</w:t></w:r></w:p></w:footnote></w:footnotes>"#,
            ),
        ]),
    );
    let run = footcite(dir.path(), &["extract", "good.docx", "-o", "good.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// A zip whose entry's data is cut short, or whose CRC is wrong.
#[test]
fn a_damaged_docx() {
    let dir = tempfile::tempdir().unwrap();
    let good = zip(&[Entry::stored("word/document.xml", DOCUMENT_XML.as_bytes())]);
    write(dir.path(), "cut.docx", &good[..good.len() / 2]);
    assert_rejected(dir.path(), "cut.docx", "not a readable DOCX: ");
    let mut entry = Entry::stored("word/document.xml", DOCUMENT_XML.as_bytes());
    entry.crc ^= 1;
    write(dir.path(), "crc.docx", zip(&[entry]));
    assert_rejected(dir.path(), "crc.docx", "not a readable DOCX: ");
}

#[test]
fn a_text_named_pdf_or_docx_is_not_taken_for_text() {
    let dir = tempfile::tempdir().unwrap();
    let paper = "Title\nBody.1\n\n1 Jane Roe, A Book (Chicago: Press, 1990), 4.\n";
    write(dir.path(), "paper.pdf", paper);
    assert_rejected(dir.path(), "paper.pdf", "not a PDF (no `%PDF-` header)");
    write(dir.path(), "paper.docx", paper);
    assert_rejected(dir.path(), "paper.docx", "not a DOCX (not a zip archive)");
    // The same text under its own name is read.
    write(dir.path(), "paper.txt", paper);
    let run = footcite(dir.path(), &["extract", "paper.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}
