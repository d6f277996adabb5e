//! Word manuscripts: the real footnotes and endnotes of a DOCX
//! (`word/footnotes.xml`, `word/endnotes.xml`), numbered as Word numbers
//! them, by the order of their `w:footnoteReference` marks in the body, so
//! that numbers and markers are exact, never guessed.
//!
//! The rendering (what `footcite extract --text` prints, and what line and
//! column refer to): line N is the body's paragraph N, with each note's
//! number written where its mark stands (glued, as a PDF's text shows it);
//! then a blank line, and one line per note, `N text`, footnotes before
//! endnotes.

use super::ReadError;
use crate::layout::assemble::{assemble, markers_at, KnownMark, NoteSpan};
use crate::layout::Document;
use crate::source::SourceText;
use foldhash::{HashMap, HashMapExt};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::io::Read;
use unicode_normalization::UnicodeNormalization;

/// The most a part of the archive may hold once unpacked: a bound against
/// zip bombs.
const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// A note mark in a body paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Mark {
    kind: NoteKind,
    id: String,
    /// Byte offset in the paragraph's text.
    at: usize,
    /// A custom mark (`w:customMarkFollows`): a symbol, not a number.
    custom: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum NoteKind {
    Foot,
    End,
}

/// Body paragraphs, and the marks in each.
#[derive(Debug, Default)]
struct Body {
    paragraphs: Vec<String>,
    marks: Vec<Vec<Mark>>,
}

/// One part of the archive as text, bounded in size; `None` when absent.
fn part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, ReadError> {
    let file = match archive.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ReadError::Docx(format!("{name}: {e}"))),
    };
    if file.size() > MAX_PART_BYTES {
        return Err(ReadError::Docx(format!(
            "{name} unpacks to {} bytes, more than the {MAX_PART_BYTES} allowed",
            file.size()
        )));
    }
    let mut text = String::new();
    // The declared size may lie: read one byte past the bound to know.
    file.take(MAX_PART_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| ReadError::Docx(format!("{name}: {e}")))?;
    if text.len() as u64 > MAX_PART_BYTES {
        return Err(ReadError::Docx(format!(
            "{name} unpacks to more than {MAX_PART_BYTES} bytes"
        )));
    }
    Ok(Some(text))
}

fn attribute(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.try_get_attribute(name).ok().flatten().and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.into_owned())
    })
}

/// Text of an entity reference (`&amp;`, `&#x4E2D;`).
fn entity_text(e: &quick_xml::events::BytesRef) -> String {
    if let Ok(Some(c)) = e.resolve_char_ref() {
        return c.to_string();
    }
    e.decode()
        .ok()
        .and_then(|name| quick_xml::escape::resolve_predefined_entity(&name))
        .unwrap_or("")
        .to_string()
}

/// Walks a WordprocessingML part: paragraphs of run text, with the note
/// references met on the way.
fn walk(xml: &str, part_name: &str, mut on: impl FnMut(Step)) -> Result<(), ReadError> {
    let mut reader = Reader::from_str(xml);
    let mut in_text = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            ReadError::Docx(format!(
                "{part_name}: {}",
                e.to_string().lines().next().unwrap_or("")
            ))
        })?;
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let name = e.name();
                match name.as_ref() {
                    b"w:t" => in_text = true,
                    b"w:tab" | b"w:br" | b"w:cr" => on(Step::Text(" ".into())),
                    b"w:noBreakHyphen" => on(Step::Text("-".into())),
                    b"w:sym" => {
                        if let Some(c) = attribute(&e, b"w:char")
                            .and_then(|h| u32::from_str_radix(&h, 16).ok())
                            .and_then(char::from_u32)
                        {
                            on(Step::Text(c.to_string()));
                        }
                    }
                    b"w:p" => on(Step::ParagraphStart),
                    b"w:footnote" | b"w:endnote" => on(Step::NoteStart {
                        id: attribute(&e, b"w:id").unwrap_or_default(),
                        separator: attribute(&e, b"w:type").is_some_and(|t| t != "normal"),
                    }),
                    b"w:footnoteReference" | b"w:endnoteReference" => on(Step::Reference {
                        kind: if name.as_ref() == b"w:footnoteReference" {
                            NoteKind::Foot
                        } else {
                            NoteKind::End
                        },
                        id: attribute(&e, b"w:id").unwrap_or_default(),
                        custom: attribute(&e, b"w:customMarkFollows")
                            .is_some_and(|v| v == "1" || v == "true" || v == "on"),
                    }),
                    _ => {}
                }
            }
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => on(Step::ParagraphEnd),
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Ok(s) = t.decode() {
                    on(Step::Text(s.into_owned()));
                }
            }
            Event::GeneralRef(r) if in_text => on(Step::Text(entity_text(&r))),
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

/// What [`walk`] meets.
enum Step {
    ParagraphStart,
    ParagraphEnd,
    Text(String),
    Reference {
        kind: NoteKind,
        id: String,
        custom: bool,
    },
    NoteStart {
        id: String,
        separator: bool,
    },
}

fn read_body(xml: &str) -> Result<Body, ReadError> {
    let mut body = Body::default();
    let mut current = String::new();
    let mut marks = Vec::new();
    walk(xml, "word/document.xml", |step| match step {
        Step::ParagraphEnd => {
            body.paragraphs.push(std::mem::take(&mut current));
            body.marks.push(std::mem::take(&mut marks));
        }
        Step::Text(t) => current.push_str(&t),
        Step::Reference { kind, id, custom } => marks.push(Mark {
            kind,
            id,
            at: current.len(),
            custom,
        }),
        Step::ParagraphStart | Step::NoteStart { .. } => {}
    })?;
    if !current.is_empty() {
        body.paragraphs.push(current);
        body.marks.push(marks);
    }
    Ok(body)
}

/// Note id → text (its paragraphs joined by a space).
fn read_notes(xml: &str, part_name: &str) -> Result<Vec<(String, String)>, ReadError> {
    let mut notes: Vec<(String, String)> = Vec::new();
    let mut skipping = false;
    walk(xml, part_name, |step| match step {
        Step::NoteStart { id, separator } => {
            skipping = separator;
            if !separator {
                notes.push((id, String::new()));
            }
        }
        Step::ParagraphStart if !skipping => {
            if let Some((_, text)) = notes.last_mut() {
                if !text.trim().is_empty() && !text.ends_with(' ') {
                    text.push(' ');
                }
            }
        }
        Step::Text(t) if !skipping => {
            if let Some((_, text)) = notes.last_mut() {
                text.push_str(&t);
            }
        }
        _ => {}
    })?;
    Ok(notes)
}

/// One line of the rendering: no line breaks, no form feeds, NFC.
fn one_line(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    flat.nfc().collect::<String>().trim_end().to_string()
}

/// Read a DOCX's notes.
pub fn read(bytes: &[u8]) -> Result<Document, ReadError> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ReadError::Docx(format!("not a zip archive: {e}")))?;
    let document = part(&mut archive, "word/document.xml")?
        .ok_or_else(|| ReadError::Docx("no word/document.xml: not a Word document".into()))?;
    let body = read_body(&document)?;
    drop(document);
    let footnotes = match part(&mut archive, "word/footnotes.xml")? {
        Some(xml) => read_notes(&xml, "word/footnotes.xml")?,
        None => Vec::new(),
    };
    let endnotes = match part(&mut archive, "word/endnotes.xml")? {
        Some(xml) => read_notes(&xml, "word/endnotes.xml")?,
        None => Vec::new(),
    };
    render(&body, &footnotes, &endnotes)
}

/// Render the body with its marks numbered, then the notes.
fn render(
    body: &Body,
    footnotes: &[(String, String)],
    endnotes: &[(String, String)],
) -> Result<Document, ReadError> {
    let mut text = String::new();
    let mut body_lines = Vec::new();
    let mut markers: Vec<KnownMark> = Vec::new();
    // Word numbers each kind of note by the order of its references; a
    // note referenced twice keeps its first number.
    let mut numbers: HashMap<(NoteKind, &str), u32> = HashMap::new();
    let (mut next_foot, mut next_end) = (1u32, 1u32);
    for (index, (paragraph, marks)) in body.paragraphs.iter().zip(&body.marks).enumerate() {
        let line = index + 1;
        let mut rendered = String::new();
        let mut from = 0;
        for mark in marks {
            let piece = paragraph.get(from..mark.at).unwrap_or("");
            rendered.push_str(&one_line(piece));
            from = mark.at;
            if mark.custom {
                continue;
            }
            let counter = match mark.kind {
                NoteKind::Foot => &mut next_foot,
                NoteKind::End => &mut next_end,
            };
            let number = *counter;
            *counter = counter.saturating_add(1);
            numbers
                .entry((mark.kind, mark.id.as_str()))
                .or_insert(number);
            let start = rendered.len();
            rendered.push_str(&number.to_string());
            markers.push((line, start..rendered.len(), number));
        }
        rendered.push_str(&one_line(paragraph.get(from..).unwrap_or("")));
        text.push_str(&rendered);
        text.push('\n');
        body_lines.push((line, 0..rendered.len()));
    }
    text.push('\n');
    let mut line = body.paragraphs.len() + 1;
    // Footnotes, then endnotes, each in number order (a note may be stored
    // before the one referenced first).
    let mut numbered: Vec<(usize, u32, String)> = Vec::new();
    for (order, (kind, notes)) in [(NoteKind::Foot, footnotes), (NoteKind::End, endnotes)]
        .into_iter()
        .enumerate()
    {
        for (id, note_text) in notes {
            let number = numbers.get(&(kind, id.as_str())).copied();
            let body_text = one_line(note_text.trim());
            if let (Some(number), false) = (number, body_text.is_empty()) {
                numbered.push((order, number, body_text));
            }
        }
    }
    numbered.sort();
    let mut spans = Vec::with_capacity(numbered.len());
    for (_, number, body_text) in numbered {
        line += 1;
        let label = format!("{number} ");
        text.push_str(&label);
        text.push_str(&body_text);
        text.push('\n');
        spans.push(NoteSpan {
            number,
            page: 1,
            pieces: vec![(line, label.len()..label.len() + body_text.len())],
        });
    }
    let source = SourceText::from_string(text);
    let markers = markers_at(&source, markers);
    Ok(assemble(
        source,
        spans,
        body_lines,
        Vec::new(),
        1,
        Some(markers),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCUMENT: &str = r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
<w:p><w:r><w:t>A Title</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Body text &amp; more.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r><w:r><w:t xml:space="preserve"> Then</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>
</w:body></w:document>"#;

    const FOOTNOTES: &str = r#"<?xml version="1.0"?><w:footnotes xmlns:w="x">
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Ibid., 5.</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Jane Roe, </w:t></w:r><w:r><w:t>A Book</w:t></w:r></w:p><w:p><w:r><w:t>(Chicago: Press, 1990), 4.</w:t></w:r></w:p></w:footnote>
</w:footnotes>"#;

    #[test]
    fn numbers_notes_by_the_order_of_their_references() {
        let body = read_body(DOCUMENT).ok().unwrap_or_default();
        let notes = read_notes(FOOTNOTES, "f").ok().unwrap_or_default();
        let doc = render(&body, &notes, &[]).ok();
        let texts: Vec<(u32, String)> = doc
            .as_ref()
            .map(|d| {
                d.footnotes
                    .iter()
                    .map(|f| (f.number, f.text.clone()))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(
            texts,
            vec![
                (1, "Jane Roe, A Book (Chicago: Press, 1990), 4.".to_string()),
                (2, "Ibid., 5.".to_string())
            ]
        );
        let marker_lines: Vec<(u32, u32, u32)> = doc
            .as_ref()
            .map(|d| {
                d.markers
                    .iter()
                    .map(|m| (m.number, m.pos.line, m.pos.column))
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(marker_lines, vec![(1, 2, 18), (2, 2, 24)]);
        assert_eq!(
            doc.map(|d| d.source.line(2).to_string()),
            Some("Body text & more.1 Then2".to_string())
        );
    }

    #[test]
    fn separators_and_unreferenced_notes_are_skipped() {
        let notes = read_notes(FOOTNOTES, "f").ok().unwrap_or_default();
        assert_eq!(notes.len(), 2);
        let body = Body::default();
        let doc = render(&body, &notes, &[]).ok();
        assert_eq!(doc.map(|d| d.footnotes.len()), Some(0));
    }

    #[test]
    fn rejects_what_is_not_a_docx() {
        assert!(matches!(
            read(b"PK\x03\x04garbage"),
            Err(ReadError::Docx(_))
        ));
        assert!(matches!(read(b"plain"), Err(ReadError::Docx(_))));
    }
}
