//! PDF input. The glyphs of each page, with their positions and type
//! sizes (from `pdf_oxide`, a pure-Rust reader), are set into lines, the
//! lines into columns, and the result is rendered as plain text in the
//! manner of `pdftotext`: a page's lines in reading order (left column, then
//! right), a form feed before each page after the first. Line and column
//! numbers of every record and diagnostic refer to that rendering, which
//! `footcite extract --text` prints.
//!
//! What the PDF knows and its text does not is kept: lines set smaller
//! than the body are marked small (notes are the small lines at the foot of
//! a page), and digits raised above their line and set smaller are note
//! marks, in the body (the markers) and at the start of a note (its number).

mod fonts;

use super::ReadError;
use crate::layout::assemble::{markers_at, KnownMark};
use crate::layout::plain::{read_pages, LineInfo, PageLines};
use crate::layout::Document;
use crate::source::SourceText;
use unicode_normalization::UnicodeNormalization;

/// One glyph: its text, baseline origin and effective type size.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Glyph {
    c: char,
    x: f32,
    /// Baseline, upwards.
    y: f32,
    size: f32,
    width: f32,
    /// Read through no Unicode map: the reader's guess ([`fonts`]).
    guessed: bool,
}

impl Glyph {
    fn right(&self) -> f32 {
        self.x + self.width.max(0.0)
    }
}

/// A line of a page as set: its glyphs left to right.
#[derive(Debug, Clone, Default)]
struct Row {
    glyphs: Vec<Glyph>,
    /// The baseline and size: while the row is gathered, those of its
    /// largest glyph; once it is set, those most of its glyphs share
    /// ([`settle_baseline`]).
    y: f32,
    size: f32,
}

impl Row {
    fn left(&self) -> f32 {
        self.glyphs.first().map_or(0.0, |g| g.x)
    }
    fn right(&self) -> f32 {
        self.glyphs.last().map_or(0.0, Glyph::right)
    }
}

/// Read a PDF's notes. Panics inside the PDF library (malformed files can
/// reach them) become errors.
pub fn read(bytes: &[u8]) -> Result<Document, ReadError> {
    super::catching_panics(|| {
        let doc = open(bytes)?;
        let pages = glyph_pages(&doc)?;
        render(pages, |pages| separator_rules(&doc, pages))
    })
    .ok_or_else(|| ReadError::Pdf("the PDF reader failed on this file's structure".into()))?
}

fn one_line(e: impl std::fmt::Display) -> String {
    e.to_string()
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .to_string()
}

/// The PDF, opened (and decrypted when it has only an owner's password).
fn open(bytes: &[u8]) -> Result<pdf_oxide::PdfDocument, ReadError> {
    let doc = pdf_oxide::PdfDocument::from_bytes(bytes.to_vec()).map_err(|e| {
        let message = one_line(&e);
        if message.to_ascii_lowercase().contains("encrypt") {
            ReadError::Encrypted
        } else {
            ReadError::Pdf(message)
        }
    })?;
    if doc.is_encrypted() && !doc.authenticate(b"").unwrap_or(false) {
        return Err(ReadError::Encrypted);
    }
    Ok(doc)
}

/// Each page's footnote separator: the baseline height of a short
/// horizontal rule (a tenth to three fifths of the width of the page's
/// text) with text above and below it; the highest, when there are
/// several. Word and LibreOffice draw one above the notes of every page,
/// LaTeX too (`\footnoterule`).
fn separator_rules(doc: &pdf_oxide::PdfDocument, pages: &[Vec<Glyph>]) -> Vec<Option<f32>> {
    pages
        .iter()
        .enumerate()
        .map(|(index, glyphs)| {
            let visible = || glyphs.iter().filter(|g| !g.c.is_whitespace());
            let left = visible().map(|g| g.x).fold(f32::MAX, f32::min);
            let right = visible().map(Glyph::right).fold(f32::MIN, f32::max);
            let lowest = visible().map(|g| g.y).fold(f32::MAX, f32::min);
            let highest = visible().map(|g| g.y).fold(f32::MIN, f32::max);
            let text_width = right - left;
            if text_width <= 0.0 {
                return None;
            }
            let paths = doc.extract_paths(index).ok()?;
            paths
                .iter()
                .map(|p| p.bbox)
                .filter(|b| {
                    b.height.abs() <= 1.5
                        && (0.1 * text_width..=0.6 * text_width).contains(&b.width)
                        && lowest < b.y
                        && highest > b.y
                })
                .map(|b| b.y)
                .reduce(f32::max)
        })
        .collect()
}

/// Every page's horizontal glyphs, in content order.
fn glyph_pages(doc: &pdf_oxide::PdfDocument) -> Result<Vec<Vec<Glyph>>, ReadError> {
    let count = doc.page_count().map_err(|e| ReadError::Pdf(one_line(e)))?;
    let mut pages = Vec::with_capacity(count);
    let mut census = fonts::Census::new(doc);
    for index in 0..count {
        let page_error = |e: pdf_oxide::Error| {
            let message = one_line(&e);
            if message.to_ascii_lowercase().contains("encrypt") {
                ReadError::Encrypted
            } else {
                ReadError::Pdf(format!("page {}: {message}", index + 1))
            }
        };
        // pdf_oxide's character extraction (0.3.78) runs a marked-content
        // `/ActualText` (LibreOffice writes one for every glyph it maps to a
        // CJK compatibility ideograph, `年` as U+F98E) through the font as
        // if its UTF-8 bytes were glyph codes: `年` came out `矛柯`. Its span
        // extraction applies the text as text, at the same places, but
        // sets each glyph on its span's line: a raised mark's own baseline
        // is taken back from the characters.
        let chars = doc.extract_chars(index).map_err(page_error)?;
        let chars = if marks_actual_text(doc, index) {
            let mut spans = doc.extract_spans(index).map_err(page_error)?;
            spans.sort_by_key(|span| span.sequence);
            let from_spans = spans.iter().flat_map(|span| span.to_chars()).collect();
            with_baselines_of(from_spans, &chars)
        } else {
            chars
        };
        let needed: std::collections::HashSet<&str> = chars
            .iter()
            .filter(|c| !c.char.is_whitespace())
            .map(|c| c.font_name.as_str())
            .collect();
        let page_fonts = census.page(index, &needed);
        let any_guessed = page_fonts.any_guessed();
        pages.push(
            chars
                .iter()
                .filter(|c| c.rotation_degrees.abs() < 1.0 && c.font_size > 0.0)
                // An enclosing circle drawn over a digit (ctex's circled
                // note numbers): the digit is the number.
                .filter(|c| c.char != '\u{20DD}')
                .filter(|c| c.origin_x.is_finite() && c.origin_y.is_finite())
                .map(|c| Glyph {
                    c: c.char,
                    x: c.origin_x,
                    y: c.origin_y,
                    size: c.font_size,
                    width: if c.advance_width > 0.0 {
                        c.advance_width
                    } else {
                        c.bbox.width
                    },
                    guessed: any_guessed
                        && !c.char.is_whitespace()
                        && page_fonts.guessed(&c.font_name, c.char),
                })
                .collect(),
        );
    }
    Ok(pages)
}

/// Characters of spans, each on the baseline of the character drawn at its
/// place (same origin across, same size, the nearest baseline within a
/// line's height), where there is one.
fn with_baselines_of(
    mut from_spans: Vec<pdf_oxide::layout::TextChar>,
    chars: &[pdf_oxide::layout::TextChar],
) -> Vec<pdf_oxide::layout::TextChar> {
    let key = |x: f32| (x * 20.0).round() as i64;
    let mut by_origin: std::collections::HashMap<i64, Vec<(f32, f32)>> =
        std::collections::HashMap::new();
    for c in chars {
        by_origin
            .entry(key(c.origin_x))
            .or_default()
            .push((c.origin_y, c.font_size));
    }
    for c in &mut from_spans {
        let nearest = by_origin
            .get(&key(c.origin_x))
            .into_iter()
            .flatten()
            .filter(|(y, size)| (size - c.font_size).abs() < 0.1 && (y - c.origin_y).abs() < *size)
            .min_by(|a, b| {
                (a.0 - c.origin_y)
                    .abs()
                    .total_cmp(&(b.0 - c.origin_y).abs())
            });
        if let Some((y, _)) = nearest {
            c.origin_y = *y;
        }
    }
    from_spans
}

/// Whether a page's content marks any text with `/ActualText`.
fn marks_actual_text(doc: &pdf_oxide::PdfDocument, index: usize) -> bool {
    const KEY: &[u8] = b"/ActualText";
    doc.get_page_content_data(index)
        .is_ok_and(|content| content.windows(KEY.len()).any(|w| w == KEY))
}

/// Which of two equally common values [`most_common`] takes.
#[derive(Clone, Copy)]
enum Ties {
    ToLarger,
    ToSmaller,
}

/// The value most of `keys` share.
fn most_common(keys: impl IntoIterator<Item = i64>, ties: Ties) -> Option<i64> {
    let mut counts: std::collections::BTreeMap<i64, usize> = std::collections::BTreeMap::new();
    for k in keys {
        *counts.entry(k).or_default() += 1;
    }
    match ties {
        Ties::ToLarger => counts.into_iter().max_by_key(|&(k, n)| (n, k)),
        Ties::ToSmaller => counts
            .into_iter()
            .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k))),
    }
    .map(|(k, _)| k)
}

/// A type size as a key to count (tenths of a point).
fn size_key(g: &Glyph) -> i64 {
    (g.size * 10.0).round() as i64
}

/// The body's type size: the size most glyphs are set in.
fn body_size(pages: &[Vec<Glyph>]) -> f32 {
    let sizes = pages
        .iter()
        .flatten()
        .filter(|g| !g.c.is_whitespace())
        .map(size_key);
    most_common(sizes, Ties::ToLarger).map_or(10.0, |size| size as f32 / 10.0)
}

/// Set a page's glyphs into rows: top to bottom, each left to right. A
/// glyph joins a row when its baseline is within about half a line of the
/// row's.
fn rows_of(glyphs: &[Glyph], body: f32) -> Vec<Row> {
    let mut sorted: Vec<Glyph> = glyphs
        .iter()
        .copied()
        .filter(|g| !g.c.is_whitespace())
        .collect();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Row> = Vec::new();
    for g in sorted {
        let joins = rows.last().is_some_and(|r| {
            // The smaller size sets the bound: a large heading in the
            // other column must not pull two lines of this one together.
            let tolerance = 0.6 * r.size.min(g.size).max(body * 0.3);
            (r.y - g.y).abs() < tolerance
        });
        match rows.last_mut() {
            Some(row) if joins => {
                if g.size > row.size {
                    row.size = g.size;
                    row.y = g.y;
                }
                row.glyphs.push(g);
            }
            _ => rows.push(Row {
                glyphs: vec![g],
                y: g.y,
                size: g.size,
            }),
        }
    }
    for row in &mut rows {
        row.glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
        settle_baseline(row);
    }
    rows
}

/// A row's baseline and size are those most of its glyphs share: a raised
/// mark, even one set larger than a note's typewriter text, is not the line.
fn settle_baseline(row: &mut Row) {
    let baselines = row.glyphs.iter().map(|g| (g.y * 4.0).round() as i64);
    if let Some(y) = most_common(baselines, Ties::ToSmaller) {
        row.y = y as f32 / 4.0;
    }
    if let Some(size) = most_common(row.glyphs.iter().map(size_key), Ties::ToSmaller) {
        row.size = size as f32 / 10.0;
    }
}

/// Split rows at gaps wider than a column gutter could be inside a line.
fn fragments(rows: Vec<Row>) -> Vec<Row> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut current = Row {
            glyphs: Vec::new(),
            y: row.y,
            size: row.size,
        };
        for g in row.glyphs {
            let gap_too_wide = current
                .glyphs
                .last()
                .is_some_and(|last| g.x - last.right() > 1.0 * row.size.max(g.size));
            if gap_too_wide {
                out.push(std::mem::replace(
                    &mut current,
                    Row {
                        glyphs: Vec::new(),
                        y: row.y,
                        size: row.size,
                    },
                ));
            }
            current.glyphs.push(g);
        }
        if !current.glyphs.is_empty() {
            out.push(current);
        }
    }
    out
}

/// The page's rows in reading order, as columns: one column, or the
/// full-width rows above, the left column, and the right column followed by
/// the full-width rows below. Rows are set again within each column, so
/// that a line of one column never takes the raised mark of the other's.
fn columns(glyphs: &[Glyph], body: f32) -> Vec<Vec<Row>> {
    let rows = rows_of(glyphs, body);
    let frags = fragments(rows.clone());
    let (lo, hi) = frags.iter().fold((f32::MAX, f32::MIN), |(lo, hi), f| {
        (lo.min(f.left()), hi.max(f.right()))
    });
    let mid = (lo + hi) / 2.0;
    let left = frags.iter().filter(|f| f.right() < mid).count();
    let right = frags.iter().filter(|f| f.left() > mid).count();
    let across = frags.len() - left - right;
    if left < 6 || right < 6 || across * 4 > left + right {
        return vec![rows];
    }
    let (mut left_glyphs, mut right_glyphs, mut spanning) = (Vec::new(), Vec::new(), Vec::new());
    for f in frags {
        if f.right() < mid {
            left_glyphs.extend(f.glyphs);
        } else if f.left() > mid {
            right_glyphs.extend(f.glyphs);
        } else {
            spanning.push(f);
        }
    }
    let mut first = rows_of(&left_glyphs, body);
    let mut second = rows_of(&right_glyphs, body);
    let top_of_columns = first
        .iter()
        .chain(&second)
        .map(|r| r.y)
        .fold(f32::MIN, f32::max);
    let (above, below): (Vec<Row>, Vec<Row>) =
        spanning.into_iter().partition(|f| f.y >= top_of_columns);
    let mut head = above;
    head.append(&mut first);
    second.extend(below);
    vec![head, second]
}

/// A ligature glyph as the letters it stands for.
fn expand_ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => return None,
    })
}

/// A glyph set above its row's baseline, not much larger than the row's
/// text: a superscript.
fn is_raised(g: &Glyph, row: &Row) -> bool {
    g.y - row.y > 0.2 * row.size && g.size < 1.2 * row.size
}

/// The size most of a row's glyphs are set in (a note's number may be set
/// in the body's size, or raised and smaller, while its text is small).
fn line_size(row: &Row) -> f32 {
    let sizes = row
        .glyphs
        .iter()
        .filter(|g| !is_raised(g, row))
        .map(size_key);
    most_common(sizes, Ties::ToLarger).map_or(row.size, |size| size as f32 / 10.0)
}

/// One rendered line and the note marks in it.
struct RenderedLine {
    text: String,
    small: bool,
    /// The row's baseline.
    y: f32,
    /// (byte range in `text`, number) of raised digit runs in body text.
    marks: Vec<(std::ops::Range<usize>, u32)>,
}

/// Render a row: spaces where glyphs stand apart, ligatures expanded; a
/// raised number at the start of a small row is the note's label (followed
/// by a space); raised digit runs elsewhere are marks.
fn render_row(row: &Row, body: f32) -> RenderedLine {
    let small = line_size(row) < 0.9 * body;
    let mut text = String::new();
    let mut marks = Vec::new();
    let mut mark_start: Option<usize> = None;
    let mut at_start = true;
    let mut prev: Option<&Glyph> = None;
    let close_mark = |text: &mut String, start: Option<usize>, marks: &mut Vec<_>, label: bool| {
        if let Some(s) = start {
            let digits = text.get(s..).unwrap_or("");
            if let Ok(n) = digits.parse::<u32>() {
                if label {
                    text.push(' ');
                } else {
                    marks.push((s..text.len(), n));
                }
            }
        }
    };
    for g in &row.glyphs {
        let raised_digit = g.c.is_ascii_digit() && is_raised(g, row);
        if let Some(p) = prev {
            let gap = g.x - p.right();
            let spaced = gap > 0.15 * g.size.max(p.size) && !text.ends_with(' ');
            if !raised_digit && mark_start.is_some() {
                let label = at_start && small;
                close_mark(&mut text, mark_start.take(), &mut marks, label);
                at_start = false;
                if spaced && !text.ends_with(' ') {
                    text.push(' ');
                }
            } else if spaced {
                text.push(' ');
                if mark_start.is_none() {
                    at_start = false;
                }
            }
        }
        if raised_digit {
            if mark_start.is_none() {
                mark_start = Some(text.len());
            }
        } else {
            at_start = false;
        }
        match expand_ligature(g.c) {
            Some(s) => text.push_str(s),
            None if g.c.is_control() => {}
            None => text.push(g.c),
        }
        prev = Some(g);
    }
    close_mark(&mut text, mark_start.take(), &mut marks, at_start && small);
    // Marks are kept only in body text; NFC may move bytes, so marks are
    // measured after it (a line that changes is rare: CJK compatibility
    // ideographs), by dropping them where the text changed.
    let normal: String = text.nfc().collect();
    if normal != text {
        marks.clear();
    }
    let text = normal.trim_end().to_string();
    marks.retain(|(r, _)| r.end <= text.len());
    if small {
        marks.clear();
    }
    RenderedLine {
        text,
        small,
        y: row.y,
        marks,
    }
}

/// Small digits alone on their row with no unnumbered small text below
/// them (the note they would number) are marks
/// set apart from their line (`\footnotemark` on a line of its own), not a
/// note's number: body text, and marks.
fn marks_apart(rows: &mut [RenderedLine]) {
    let digits_only =
        |r: &RenderedLine| r.text.len() <= 5 && r.text.bytes().all(|b| b.is_ascii_digit());
    for i in 0..rows.len() {
        let labels_next = rows
            .get(i + 1)
            .is_some_and(|next| next.small && !next.text.starts_with(|c: char| c.is_ascii_digit()));
        if let Some(row) = rows.get_mut(i) {
            if row.small && digits_only(row) && !labels_next {
                row.small = false;
                row.marks = row
                    .text
                    .parse()
                    .map(|n| vec![(0..row.text.len(), n)])
                    .unwrap_or_default();
            }
        }
    }
}

/// Set every page and read its notes. `rules` gives each page's footnote
/// separator (see [`separator_rules`]), asked for only when the type sizes
/// tell no notes from the body.
fn render(
    pages: Vec<Vec<Glyph>>,
    rules: impl FnOnce(&[Vec<Glyph>]) -> Vec<Option<f32>>,
) -> Result<Document, ReadError> {
    let total: usize = pages.iter().map(Vec::len).sum();
    let visible = pages
        .iter()
        .flatten()
        .filter(|g| !g.c.is_whitespace())
        .count();
    let controls = pages.iter().flatten().filter(|g| g.c.is_control()).count();
    if visible == 0 && controls > 0 {
        // Glyphs drawn, but decoded to nothing readable: codes with no
        // Unicode map.
        return Err(ReadError::Unmapped);
    }
    if visible == 0 || total == 0 {
        return Err(ReadError::NoText);
    }
    // Codes read as replacement, private-use or control characters, or
    // through no Unicode map at all (printable, but the reader's guess).
    let unmapped = pages
        .iter()
        .flatten()
        .filter(|g| {
            g.guessed
                || g.c == '\u{FFFD}'
                || ('\u{E000}'..='\u{F8FF}').contains(&g.c)
                || g.c.is_control()
        })
        .count();
    if unmapped * 3 > visible {
        return Err(ReadError::Unmapped);
    }
    let body = body_size(&pages);
    let mut text = String::new();
    let mut line_no = 0usize;
    let mut layout_pages = Vec::new();
    let mut marks: Vec<KnownMark> = Vec::new();
    // Each set line's baseline, by source line, for the separator rules.
    let mut baselines: Vec<f32> = Vec::new();
    for (index, glyphs) in pages.iter().enumerate() {
        let page = index + 1;
        let mut first_line_of_page = true;
        let page_columns = columns(glyphs, body);
        for column in page_columns {
            let mut lines = Vec::new();
            let mut rendered_rows: Vec<RenderedLine> = column
                .iter()
                .map(|row| render_row(row, body))
                .filter(|r| !r.text.trim().is_empty())
                .collect();
            marks_apart(&mut rendered_rows);
            for rendered in rendered_rows {
                if line_no > 0 {
                    text.push('\n');
                }
                let shift = if first_line_of_page && page > 1 {
                    text.push('\u{c}');
                    '\u{c}'.len_utf8()
                } else {
                    0
                };
                first_line_of_page = false;
                text.push_str(&rendered.text);
                line_no += 1;
                baselines.push(rendered.y);
                for (range, n) in rendered.marks {
                    marks.push((line_no, range.start + shift..range.end + shift, n));
                }
                lines.push(LineInfo {
                    line: line_no,
                    small: Some(rendered.small),
                });
            }
            layout_pages.push(PageLines { lines, page });
        }
        if first_line_of_page && page > 1 {
            // An empty page still breaks the page count.
            layout_pages.push(PageLines {
                lines: Vec::new(),
                page,
            });
        }
    }
    text.push('\n');
    let source = SourceText::from_string(text);
    let markers = markers_at(&source, marks);
    // The text goes into the first reading and comes back with its
    // document: only the lines' sizes and the marks (small) are copied.
    let doc = read_pages(source, layout_pages.clone(), Some(markers.clone()));
    if !doc.footnotes.is_empty() {
        return Ok(doc);
    }
    let mut source = doc.source;
    // Notes set at the body's size (Word's and LibreOffice's documents made
    // with the body's style, a typewriter-like style, some theses): the
    // lines under a page's footnote separator are its foot, which may open
    // with the end of the last page's note.
    let rules = rules(&pages);
    if rules.iter().any(Option::is_some) {
        let by_rule = layout_pages
            .iter()
            .map(|page| {
                let rule = rules.get(page.page - 1).copied().flatten();
                PageLines {
                    lines: page
                        .lines
                        .iter()
                        .map(|line| LineInfo {
                            small: rule.map(|rule| {
                                baselines.get(line.line - 1).is_some_and(|&y| y < rule)
                            }),
                            ..*line
                        })
                        .collect(),
                    page: page.page,
                }
            })
            .collect();
        let doc = read_pages(source, by_rule, Some(markers.clone()));
        if !doc.footnotes.is_empty() {
            return Ok(doc);
        }
        source = doc.source;
    }
    // With no separator either, the notes are looked for as in plain
    // text, by their numbers at the foot of each page.
    let by_numbers = layout_pages
        .into_iter()
        .map(|page| PageLines {
            lines: page
                .lines
                .into_iter()
                .map(|line| LineInfo {
                    small: None,
                    ..line
                })
                .collect(),
            page: page.page,
        })
        .collect();
    Ok(read_pages(source, by_numbers, Some(markers)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(s: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        s.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                c,
                x: x + i as f32 * size * 0.5,
                y,
                size,
                width: size * 0.5,
                guessed: false,
            })
            .collect()
    }

    #[test]
    fn body_size_is_the_most_common() {
        let page = [
            glyphs("aaaaaaaa", 0.0, 700.0, 10.0),
            glyphs("bb", 0.0, 100.0, 8.0),
        ]
        .concat();
        assert_eq!(body_size(&[page]), 10.0);
    }

    #[test]
    fn raised_small_digits_are_marks() {
        let mut g = glyphs("word.", 0.0, 700.0, 10.0);
        g.extend(glyphs("12", 25.0, 703.5, 7.0));
        g.extend(glyphs("next", 40.0, 700.0, 10.0));
        let rows = rows_of(&g, 10.0);
        assert_eq!(rows.len(), 1);
        let line = rows.first().map(|r| render_row(r, 10.0));
        let line = line.as_ref();
        assert_eq!(line.map(|l| l.text.as_str()), Some("word.12 next"));
        assert_eq!(line.map(|l| l.marks.clone()), Some(vec![(5..7, 12)]));
    }

    #[test]
    fn a_raised_number_opens_a_small_line_as_its_label() {
        let mut g = glyphs("3", 0.0, 102.0, 5.0);
        g.extend(glyphs("Ibid.", 3.0, 100.0, 8.0));
        let rows = rows_of(&g, 10.0);
        let line = rows.first().map(|r| render_row(r, 10.0));
        assert_eq!(line.as_ref().map(|l| l.text.as_str()), Some("3 Ibid."));
        assert_eq!(line.as_ref().map(|l| l.small), Some(true));
    }

    #[test]
    fn small_digits_alone_on_a_row_are_marks_unless_a_note_follows() {
        let mut g = glyphs("33", 0.0, 700.0, 7.0);
        g.extend(glyphs("Body text", 0.0, 688.0, 10.0));
        g.extend(glyphs("4", 0.0, 300.0, 7.0));
        g.extend(glyphs("Ibid.", 0.0, 291.0, 8.0));
        let mut rows: Vec<RenderedLine> = rows_of(&g, 10.0)
            .iter()
            .map(|r| render_row(r, 10.0))
            .collect();
        marks_apart(&mut rows);
        let read: Vec<(String, bool, usize)> = rows
            .iter()
            .map(|r| (r.text.clone(), r.small, r.marks.len()))
            .collect();
        assert_eq!(
            read,
            vec![
                ("33".to_string(), false, 1),
                ("Body text".to_string(), false, 0),
                ("4".to_string(), true, 0),
                ("Ibid.".to_string(), true, 0)
            ]
        );
    }

    #[test]
    fn ligatures_are_letters() {
        let g = glyphs("ﬁnd", 0.0, 700.0, 10.0);
        let rows = rows_of(&g, 10.0);
        assert_eq!(
            rows.first().map(|r| render_row(r, 10.0).text),
            Some("find".to_string())
        );
    }

    #[test]
    fn two_columns_are_read_left_then_right() {
        let mut g = Vec::new();
        for i in 0..8 {
            let y = 700.0 - i as f32 * 12.0;
            g.extend(glyphs(&format!("left{i}"), 50.0, y, 10.0));
            g.extend(glyphs(&format!("right{i}"), 300.0, y, 10.0));
        }
        let cols = columns(&g, 10.0);
        assert_eq!(cols.len(), 2);
        let first: Vec<String> = cols
            .first()
            .map(|c| c.iter().map(|r| render_row(r, 10.0).text).collect())
            .unwrap_or_default();
        assert_eq!(first.first().map(String::as_str), Some("left0"));
        assert_eq!(first.len(), 8);
    }

    #[test]
    fn text_read_through_no_unicode_map_is_an_error() {
        let guess = |s: &str, y: f32| -> Vec<Glyph> {
            glyphs(s, 0.0, y, 10.0)
                .into_iter()
                .map(|g| Glyph { guessed: true, ..g })
                .collect()
        };
        // Printable, but every glyph a guess.
        let page = guess("8A,? @C(@ AZ", 700.0);
        assert_eq!(
            render(vec![page], |_| Vec::new()).err(),
            Some(ReadError::Unmapped)
        );
        // A few guessed glyphs (a symbol font's) among mapped text are not.
        let mut page = glyphs("Body text of the page, read.", 0.0, 700.0, 10.0);
        page.extend(guess("bc", 680.0));
        assert_ne!(
            render(vec![page], |_| Vec::new()).err(),
            Some(ReadError::Unmapped)
        );
    }

    #[test]
    fn no_text_is_an_error() {
        assert_eq!(
            render(vec![Vec::new()], |_| Vec::new()).err(),
            Some(ReadError::NoText)
        );
        let unmapped = glyphs("\u{E001}\u{E002}\u{E003}", 0.0, 700.0, 10.0);
        assert_eq!(
            render(vec![unmapped], |_| Vec::new()).err(),
            Some(ReadError::Unmapped)
        );
    }
}
