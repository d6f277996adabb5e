//! Which glyphs the PDF reader could only guess: glyphs of a font that has
//! no `/ToUnicode` map and whose `/Differences` name its glyphs with names
//! that say nothing of Unicode (`/g33`, `/glyph7`, not in the Adobe Glyph
//! List), or of a CID font with neither a map, a known character collection
//! nor an embedded `cmap` (`pdf_oxide`'s own `MappingProvenance::Fallback`).
//! `pdf_oxide` reads such codes as the base encoding's characters (`/g65`
//! at code 65 reads `A`): printable garbage that the check for private-use
//! and control characters does not see. The reader (`render`) refuses a PDF
//! when more than a third of its visible glyphs are such guesses.
//!
//! The reader tells per character only the font's `/BaseFont` name, so a
//! glyph is judged by the fonts of that name on its page: guessed when every
//! one of them guesses its character. Fonts are judged once per document,
//! from their dictionaries; only a suspect one is built by `pdf_oxide`.

use pdf_oxide::fonts::{CharacterMapper, FontInfo, MappingProvenance};
use pdf_oxide::object::{Object, ObjectRef};
use pdf_oxide::PdfDocument;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// How a font's text is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Reading {
    /// Through a map: `/ToUnicode`, a standard encoding, glyph names with
    /// Unicode, a known CID collection or the embedded font's own `cmap`.
    Mapped,
    /// No mapping at all: every character is a guess.
    Guessed,
    /// Some codes are named with no Unicode: the characters the reader
    /// makes of them (and of no mapped code) are guesses.
    GuessedAs(HashSet<char>),
}

impl Reading {
    fn guesses(&self, c: char) -> bool {
        match self {
            Reading::Mapped => false,
            Reading::Guessed => true,
            Reading::GuessedAs(chars) => chars.contains(&c),
        }
    }
}

/// The name `pdf_oxide` gives a font's characters (`TextChar::font_name`):
/// its `/BaseFont`, or `Unknown` (Type3 fonts often have none).
fn base_font(dict: &HashMap<String, Object>) -> String {
    dict.get("BaseFont")
        .and_then(Object::as_name)
        .unwrap_or("Unknown")
        .to_string()
}

/// Does a glyph name give Unicode? The Adobe Glyph List's names, `uniXXXX`
/// and `uXXXX`–`uXXXXXX`, ligatures joined by `_` and variants after `.`
/// (Adobe's rules for glyph names).
pub(super) fn names_unicode(name: &str, agl: &CharacterMapper) -> bool {
    let base = name.split('.').next().unwrap_or("");
    if base.is_empty() {
        return false;
    }
    if base.contains('_') {
        return base.split('_').all(|part| names_unicode(part, agl));
    }
    if agl.map_glyph_name(base).is_some() {
        return true;
    }
    let scalar = |hex: &str| {
        u32::from_str_radix(hex, 16)
            .ok()
            .and_then(char::from_u32)
            .is_some_and(|c| !c.is_control())
    };
    let hex = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit());
    if let Some(digits) = base.strip_prefix("uni") {
        if hex(digits) && digits.len() % 4 == 0 {
            return digits
                .as_bytes()
                .chunks(4)
                .all(|chunk| std::str::from_utf8(chunk).is_ok_and(scalar));
        }
    }
    if let Some(digits) = base.strip_prefix('u') {
        if hex(digits) && (4..=6).contains(&digits.len()) {
            return scalar(digits);
        }
    }
    false
}

/// pdfTeX's name for the glyph at `code` of a bitmap (PK) font, set as a
/// Type3 font: `/a65` at 65. TeX's text encodings put letters and digits at
/// their ASCII codes, so read by code such text is right (poppler reads
/// such numbered names the same way), and old TeX papers are set so.
fn is_pk_name(name: &str, code: i64) -> bool {
    name.strip_prefix('a')
        .filter(|digits| !digits.starts_with('0') || *digits == "0")
        .and_then(|digits| digits.parse::<i64>().ok())
        == Some(code)
}

/// The codes of a simple font's `/Differences` whose glyph names give no
/// Unicode: `None` when the encoding is a name, absent, or has no such
/// codes (the font reads through its map). `type3`: pdfTeX's bitmap
/// glyph names ([`is_pk_name`]) count as the code's character.
pub(super) fn unnamed_codes(
    encoding: Option<&Object>,
    type3: bool,
    resolve: &dyn Fn(&Object) -> Option<Object>,
    agl: &CharacterMapper,
) -> Option<Vec<u8>> {
    let encoding = resolve(encoding?)?;
    let differences = resolve(encoding.as_dict()?.get("Differences")?)?;
    let mut code: i64 = 0;
    let mut unnamed = Vec::new();
    for item in differences.as_array()? {
        match item {
            Object::Integer(n) => code = *n,
            Object::Name(name) => {
                if let Ok(c) = u8::try_from(code) {
                    let named = names_unicode(name, agl) || (type3 && is_pk_name(name, code));
                    if !named {
                        unnamed.push(c);
                    }
                }
                code = code.saturating_add(1);
            }
            _ => {}
        }
    }
    (!unnamed.is_empty()).then_some(unnamed)
}

/// The characters the reader makes of `unnamed` codes and of no other code:
/// what a glyph of this font reads as when it was guessed.
fn guessed_chars(info: &FontInfo, unnamed: &[u8]) -> HashSet<char> {
    let read = |code: u8| -> Vec<char> {
        info.char_to_unicode(u32::from(code))
            .map(|s| s.chars().filter(|c| !c.is_whitespace()).collect())
            .unwrap_or_default()
    };
    let mut guessed: HashSet<char> = unnamed.iter().flat_map(|&code| read(code)).collect();
    for code in 0..=u8::MAX {
        if !unnamed.contains(&code) {
            for c in read(code) {
                guessed.remove(&c);
            }
        }
    }
    guessed
}

/// Forms a page's walk may open (a poster's drawings can be hundreds), and
/// how deep forms within forms are followed.
const MAX_FORMS_PER_PAGE: usize = 256;
const MAX_FORM_DEPTH: usize = 4;

/// The fonts of a document, each judged once.
pub(super) struct Census<'a> {
    doc: &'a PdfDocument,
    agl: CharacterMapper,
    fonts: HashMap<ObjectRef, (String, Rc<Reading>)>,
    /// Each XObject's resources if it is a form with resources, read once
    /// for all the pages that draw it.
    forms: HashMap<ObjectRef, Option<Rc<Object>>>,
}

/// The fonts of one page by the name its characters carry.
#[derive(Default)]
pub(super) struct PageFonts(HashMap<String, Vec<Rc<Reading>>>);

impl PageFonts {
    /// Was character `c`, set in a font named `font`, guessed? Not when no
    /// font of that name is known, nor when any of them maps it.
    pub(super) fn guessed(&self, font: &str, c: char) -> bool {
        self.0
            .get(font)
            .is_some_and(|readings| readings.iter().all(|r| r.guesses(c)))
    }

    fn knows_all(&self, names: &HashSet<&str>) -> bool {
        names.iter().all(|name| self.0.contains_key(*name))
    }

    /// Does any font of the page guess?
    pub(super) fn any_guessed(&self) -> bool {
        self.0.values().flatten().any(|r| **r != Reading::Mapped)
    }
}

impl<'a> Census<'a> {
    pub(super) fn new(doc: &'a PdfDocument) -> Self {
        Census {
            doc,
            agl: CharacterMapper::new(),
            fonts: HashMap::new(),
            forms: HashMap::new(),
        }
    }

    fn resolve(&self, obj: &Object) -> Option<Object> {
        self.doc.resolve_object(obj).ok()
    }

    /// The fonts of page `index`: those of its resources and, while the font
    /// of some character (`needed`) is not among them, those of the forms it
    /// draws, in name order, depth and number bounded.
    pub(super) fn page(&mut self, index: usize, needed: &HashSet<&str>) -> PageFonts {
        let mut fonts = PageFonts::default();
        let Some(resources) = self
            .doc
            .get_page(index)
            .ok()
            .and_then(|page| page.as_dict()?.get("Resources").cloned())
            .and_then(|r| self.resolve(&r))
        else {
            return fonts;
        };
        self.add_fonts(&resources, &mut fonts);
        let mut opened = 0usize;
        let mut seen = HashSet::new();
        let mut pending = vec![(Rc::new(resources), 0usize)];
        while let Some((resources, depth)) = pending.pop() {
            if fonts.knows_all(needed) || opened >= MAX_FORMS_PER_PAGE {
                break;
            }
            if depth >= MAX_FORM_DEPTH {
                continue;
            }
            let Some(xobjects) = resources
                .as_dict()
                .and_then(|d| d.get("XObject"))
                .and_then(|x| self.resolve(x))
            else {
                continue;
            };
            let mut refs: Vec<(&String, ObjectRef)> = xobjects
                .as_dict()
                .into_iter()
                .flatten()
                .filter_map(|(key, x)| Some((key, x.as_reference()?)))
                .collect();
            // Reversed: the stack gives them back in name order.
            refs.sort_by(|a, b| b.0.cmp(a.0));
            for (_, reference) in refs {
                if !seen.insert(reference) {
                    continue;
                }
                if let Some(inner) = self.form_resources(reference) {
                    opened += 1;
                    self.add_fonts(&inner, &mut fonts);
                    pending.push((inner, depth + 1));
                }
            }
        }
        fonts
    }

    /// A form XObject's resources (`None` for an image or a form without).
    fn form_resources(&mut self, reference: ObjectRef) -> Option<Rc<Object>> {
        if let Some(known) = self.forms.get(&reference) {
            return known.clone();
        }
        let resources = if self.doc.is_form_xobject(reference) {
            self.doc
                .load_object(reference)
                .ok()
                .and_then(|form| match form {
                    Object::Stream { dict, .. } => dict.get("Resources").cloned(),
                    _ => None,
                })
                .and_then(|r| self.resolve(&r))
                .map(Rc::new)
        } else {
            None
        };
        self.forms.insert(reference, resources.clone());
        resources
    }

    /// Add the fonts of a resource dictionary.
    fn add_fonts(&mut self, resources: &Object, fonts: &mut PageFonts) {
        let Some(font_dict) = resources
            .as_dict()
            .and_then(|d| d.get("Font"))
            .and_then(|f| self.resolve(f))
        else {
            return;
        };
        for font in font_dict.as_dict().into_iter().flat_map(|d| d.values()) {
            let (name, reading) = match font.as_reference() {
                Some(reference) => match self.fonts.get(&reference) {
                    Some(known) => known.clone(),
                    None => {
                        let judged = match self.resolve(font) {
                            Some(dict) => self.judge(&dict),
                            None => continue,
                        };
                        self.fonts.insert(reference, judged.clone());
                        judged
                    }
                },
                None => self.judge(font),
            };
            fonts.0.entry(name).or_default().push(reading);
        }
    }

    /// How a font dictionary's text is read. Only a font with no
    /// `/ToUnicode` and an encoding that does not name Unicode is built by
    /// the reader (its own verdict, and what it makes of each code).
    fn judge(&self, font: &Object) -> (String, Rc<Reading>) {
        let Some(dict) = font.as_dict() else {
            return ("Unknown".to_string(), Rc::new(Reading::Mapped));
        };
        let name = base_font(dict);
        let mapped = (name.clone(), Rc::new(Reading::Mapped));
        if dict.get("ToUnicode").is_some_and(|m| !m.is_null()) {
            return mapped;
        }
        let subtype = dict.get("Subtype").and_then(Object::as_name);
        let composite = subtype == Some("Type0");
        let unnamed = if composite {
            Vec::new()
        } else {
            let resolve = |o: &Object| self.resolve(o);
            let type3 = subtype == Some("Type3");
            match unnamed_codes(dict.get("Encoding"), type3, &resolve, &self.agl) {
                Some(codes) => codes,
                None => return mapped,
            }
        };
        let Ok(info) = FontInfo::from_dict(font, self.doc) else {
            return mapped;
        };
        let reading = match info.best_mapping_provenance() {
            MappingProvenance::Fallback => Reading::Guessed,
            MappingProvenance::EncodingName if !composite => {
                let guessed = guessed_chars(&info, &unnamed);
                if guessed.is_empty() {
                    Reading::Mapped
                } else {
                    Reading::GuessedAs(guessed)
                }
            }
            _ => Reading::Mapped,
        };
        (name, Rc::new(reading))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> Object {
        Object::Name(s.to_string())
    }

    #[test]
    fn glyph_names_that_give_unicode() {
        let agl = CharacterMapper::new();
        for known in [
            "A",
            "quoteright",
            "fi",
            "f_f_i",
            "a.sc",
            "one.oldstyle",
            "uni00410042",
            "u1F600",
            "germandbls",
        ] {
            assert!(names_unicode(known, &agl), "{known}");
        }
        for unknown in [
            "g33", "a65", "glyph12", "uniXYZW", "u12", "", ".notdef", "f_g9",
        ] {
            assert!(!names_unicode(unknown, &agl), "{unknown}");
        }
    }

    #[test]
    fn differences_with_unnamed_glyphs() {
        let agl = CharacterMapper::new();
        let no_refs = |o: &Object| Some(o.clone());
        let differences = |items: Vec<Object>| {
            let mut enc = HashMap::new();
            enc.insert("Differences".to_string(), Object::Array(items));
            Object::Dictionary(enc)
        };
        // Glyphs /g33 ../g35 at codes 33..35, and /A at 65.
        let enc = differences(vec![
            Object::Integer(33),
            name("g33"),
            name("g34"),
            name("g35"),
            Object::Integer(65),
            name("A"),
        ]);
        assert_eq!(
            unnamed_codes(Some(&enc), true, &no_refs, &agl),
            Some(vec![33, 34, 35])
        );
        let tex = differences(vec![
            Object::Integer(11),
            name("ff"),
            name("fi"),
            name("fl"),
        ]);
        assert_eq!(unnamed_codes(Some(&tex), false, &no_refs, &agl), None);
        assert_eq!(
            unnamed_codes(Some(&name("WinAnsiEncoding")), false, &no_refs, &agl),
            None
        );
        assert_eq!(unnamed_codes(None, true, &no_refs, &agl), None);
        // pdfTeX's bitmap fonts: /a<code> at its code, in a Type3 font only.
        let pk = differences(vec![
            Object::Integer(97),
            name("a97"),
            name("a98"),
            Object::Integer(120),
            name("a12"),
        ]);
        assert_eq!(
            unnamed_codes(Some(&pk), true, &no_refs, &agl),
            Some(vec![120])
        );
        assert_eq!(
            unnamed_codes(Some(&pk), false, &no_refs, &agl),
            Some(vec![97, 98, 120])
        );
        // Codes out of a byte are not codes of a simple font.
        let wild = differences(vec![Object::Integer(300), name("g1"), name("g2")]);
        assert_eq!(unnamed_codes(Some(&wild), false, &no_refs, &agl), None);
    }

    fn census_of_page_one(file: &str, needed: &[&str]) -> bool {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let doc = PdfDocument::from_bytes(std::fs::read(path).unwrap()).unwrap();
        let fonts = Census::new(&doc).page(0, &needed.iter().copied().collect());
        // The characters pdf_oxide reads the /g33 ../g90 codes as (the
        // fixture's Type3 font has no /BaseFont), and one it does not.
        if file.ends_with("unmapped-ascii.pdf") {
            assert!("!8AZ,?@".chars().all(|c| fonts.guessed("Unknown", c)));
            assert!(!fonts.guessed("Unknown", 'a'));
        }
        fonts.any_guessed()
    }

    #[test]
    fn a_type3_font_without_a_map_guesses_and_mapped_cid_fonts_do_not() {
        assert!(census_of_page_one(
            "tests/data/hostile/unmapped-ascii.pdf",
            &["Unknown"]
        ));
        // CJK CID fonts with /ToUnicode (the refs paper).
        assert!(!census_of_page_one(
            "refs/tsai-2006-russia-china-military-ties.pdf",
            &[]
        ));
    }

    #[test]
    fn a_glyph_is_guessed_when_every_font_of_its_name_guesses_it() {
        let mut fonts = PageFonts::default();
        let guessed: HashSet<char> = "AB".chars().collect();
        fonts
            .0
            .insert("Unknown".into(), vec![Rc::new(Reading::GuessedAs(guessed))]);
        fonts
            .0
            .insert("CIDFont".into(), vec![Rc::new(Reading::Guessed)]);
        fonts.0.insert(
            "Twice".into(),
            vec![Rc::new(Reading::Guessed), Rc::new(Reading::Mapped)],
        );
        assert!(fonts.any_guessed());
        assert!(fonts.guessed("Unknown", 'A'));
        assert!(!fonts.guessed("Unknown", 'C'));
        assert!(fonts.guessed("CIDFont", 'x'));
        assert!(!fonts.guessed("Twice", 'x'));
        assert!(!fonts.guessed("Helvetica", 'A'));
        assert!(!PageFonts::default().any_guessed());
    }
}
