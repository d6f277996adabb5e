//! biblatex and BibTeX export, written through the `biblatex` crate.
//!
//! Each work becomes one [`biblatex::Entry`] built from its
//! [`Item`](crate::model::Item); the crate serialises it and a last pass
//! ([`fix_escapes`]) rewrites the few escapes the crate gets wrong for text.
//!
//! # Types and fields
//!
//! | CSL type | biblatex | BibTeX |
//! | --- | --- | --- |
//! | book | `@book` (`@collection` when it has editors and no author) | `@book` |
//! | chapter | `@incollection` (`booktitle`; `@inbook` with no editor) | `@incollection` |
//! | article-journal | `@article` (`journaltitle`) | `@article` (`journal`) |
//! | article-newspaper, article-magazine | `@article`, `entrysubtype = {newspaper}` / `{magazine}` | `@article` (`@misc` with `howpublished` when untitled) |
//! | report | `@report` (`institution`, `type`, `number`) | `@techreport` |
//! | thesis | `@thesis` | `@phdthesis` / `@mastersthesis` |
//! | webpage | `@online` | `@misc` |
//!
//! Dates are ISO 8601 / EDTF in `date` (`1995-22` is summer
//! 1995: EDTF's season codes 21–24, which biber reads as `yeardivision`;
//! ranges as `1989-05-29/1989-06-04`); BibTeX gets `year`, `month` (the
//! English month or season name) and `day`. A periodical's place joins its
//! title (`International Affairs (Moscow)`), since biblatex's data model
//! has no `location` for `@article` and `journaltitleaddon` prints after
//! the title's period. An issue number's hyphen is braced (`94{-}172`)
//! unless it joins a double issue (`3-4`): biblatex prints `nos.` before a
//! range. A reprint's source (`ITAR-TASS, 19 December 1992`, in SWB) is
//! `addendum = {originally …}`, since `origdate`/`origpublisher` print in
//! no standard style, and Zotero gets it from `annote` (a child note in the
//! CSL-JSON's `Original Date:` form). A report's series is its `type` and the series
//! number its `number` (biblatex prints `Series 11`), since `@report` has
//! no `series`; a report with neither gets no `type` (no invented word), and
//! one with no publisher has its issuing institution (a literal author) as
//! `institution`. Chinese names and titles get pinyin `sortname` and
//! `sorttitle`.
//! Whatever the data model does not allow for the entry type is not lost:
//! it is added to `note` as `Field: value`.
//!
//! # Names and languages
//!
//! Persons are written `Family, Given` or `Family, Suffix, Given`
//! (`Fleron, Jr., Frederic J.`): biber reads the suffix as a suffix, and
//! Zotero's importer makes it last name `Fleron`, first name
//! `Frederic J., Jr.`, which keeps everything. Institutions are braced
//! (`{US DoD}`), so neither biber nor Zotero splits them into given and
//! family names, and an `and` inside one does not split the list.
//!
//! Chinese names are written braced with the family name first and no space
//! (`{熊光楷}`): biber takes the whole as one family name and so prints it
//! `熊光楷` in every name order a style uses (citations, bibliography,
//! `family-given` or `given-family`), with no comma or space; Zotero's
//! BibTeX importer reads it as a single-field name, shown as written. The
//! alternatives fail one or the other: `熊, 光楷` imports well into Zotero
//! (last 熊, first 光楷) but biblatex's styles then print `光楷 熊` in notes;
//! `熊 光楷` is read backwards by both. The split into family and given name
//! is kept where it is lossless for both, in the CSL-JSON export
//! (`{"family": "熊", "given": "光楷"}`), which is the file to import into
//! Zotero.
//!
//! English works get `langid = {english}` (biblatex switches hyphenation and
//! localisation to it; biber maps it to the `en-US` sorting locale) and
//! `language = {english}`, the field Zotero's BibTeX importer reads (its
//! translator maps `language` to Language and ignores `langid`); as
//! biblatex's language key it prints nothing in an English document, whose
//! own language biblatex's `clearlang` removes.
//! biblatex has no Chinese language module and biber no locale mapping for
//! `chinese`, so Chinese works get no `langid` (it would make biblatex warn
//! and fall back) but `language = {Chinese}`: a plain list field that biber
//! validates, that biblatex prints as written ("Chinese") where the style
//! shows languages, and that Zotero's importer keeps (it ignores `langid`).
//! With `--dialect bibtex` both are `language = {English}` / `{Chinese}`.
//!
//! # Escaping
//!
//! Values are text, never LaTeX: `& % $ # _` are written `\&` `\%` `\$`
//! `\#` `\_`; `~ ^ \ { }` are written `\textasciitilde{}`,
//! `\textasciicircum{}`, `\textbackslash{}`, `\textbraceleft{}`,
//! `\textbraceright{}` (the crate writes `\~`, `\^`, `\\`, `\{`, `\}`: two
//! accents, a line break, and braces that BibTeX and biber still count).
//! Pages keep a single hyphen (`29-55`): biber and BibTeX styles typeset the
//! range dash themselves, and Zotero keeps `29-55` as is. With
//! `--dialect bibtex`, titles keep their capitals through styles that
//! lowercase them (see [`protected_title`]), year ranges are written
//! `1997--1998`, and unsigned works get a `key`.

use crate::model::{Date, DatePart, Item, ItemType, Language, Name, Season};
use crate::resolve::Work;
use crate::text::is_cjk_ideograph;
use biblatex::{Chunk, Chunks, Entry, EntryType, Spanned};

/// Which field vocabulary to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// biblatex/biber: `journaltitle`, `location`, `date` (EDTF).
    #[default]
    Biblatex,
    /// Classic BibTeX: `journal`, `address`, `year`, `month`.
    Bibtex,
}

/// The works as a `.bib` file, one entry per work in the order given.
pub fn to_biblatex(works: &[Work], dialect: Dialect) -> String {
    crate::io::collect_string(|out| write_biblatex(works, dialect, out))
}

/// [`to_biblatex`] written straight to `out`, entry by entry.
pub fn write_biblatex(
    works: &[Work],
    dialect: Dialect,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let works = super::keyed(works);
    for (i, w) in works.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        out.write_all(entry_string(&entry(&w.item, dialect), dialect).as_bytes())?;
    }
    Ok(())
}

/// One entry written in a dialect, escapes fixed and fields indented.
pub fn entry_string(entry: &Entry, dialect: Dialect) -> String {
    let raw = match dialect {
        Dialect::Biblatex => entry.to_biblatex_string(),
        // Only fails on a malformed `date`, which BibTeX entries never have.
        Dialect::Bibtex => entry
            .to_bibtex_string()
            .unwrap_or_else(|_| entry.to_biblatex_string()),
    };
    let fixed = fix_escapes(&raw);
    let mut out = String::new();
    let lines: Vec<&str> = fixed.lines().collect();
    let last = lines.len().saturating_sub(1);
    for (i, line) in lines.iter().enumerate() {
        if i != 0 && i != last {
            out.push_str("  ");
        }
        // BibTeX's date ranges with TeX's ASCII en dash, `1997--1998`, which
        // every engine and bst reads (and footcite's check accepts); their
        // values are footcite's own numbers and month names, so the
        // `-{}-` that keeps text hyphens apart does not apply.
        let date_field = ["year = {", "month = {", "day = {"]
            .iter()
            .any(|f| line.starts_with(f));
        if dialect == Dialect::Bibtex && date_field {
            out.push_str(&line.replace('–', "--"));
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    out
}

/// Rewrite the crate's escapes that are not text: `\~` and `\^` (accents),
/// `\\` (a line break), `\{` and `\}` (braces BibTeX still counts); and
/// break `--` (an en dash ligature) into `-{}-`.
///
/// Sound because every backslash the crate writes in a value introduces an
/// escaped character, and none appears outside values.
pub fn fix_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('~') => out.push_str("\\textasciitilde{}"),
            Some('^') => out.push_str("\\textasciicircum{}"),
            Some('\\') => out.push_str("\\textbackslash{}"),
            Some('{') => out.push_str("\\textbraceleft{}"),
            Some('}') => out.push_str("\\textbraceright{}"),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push_str("\\textbackslash{}"),
        }
    }
    // `--` and `---` are dash ligatures in TeX, and the crate reads them back
    // as dashes: keep literal hyphens apart.
    out.replace("--", "-{}-").replace("--", "-{}-")
}

fn normal(s: &str) -> Spanned<Chunk> {
    Spanned::detached(Chunk::Normal(s.to_string()))
}

fn verbatim(s: &str) -> Spanned<Chunk> {
    Spanned::detached(Chunk::Verbatim(s.to_string()))
}

/// Collapse whitespace runs to one space and trim.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk_ideograph)
}

/// A name as one `and`-separated part of a name list.
fn name_chunks(n: &Name) -> Chunks {
    if let Some(lit) = n.literal_text() {
        return vec![verbatim(&clean(lit))];
    }
    let family = clean(n.family().unwrap_or(""));
    let given = clean(n.given().unwrap_or(""));
    if has_cjk(&family) || has_cjk(&given) {
        return vec![verbatim(&format!("{family}{given}"))];
    }
    if n.static_ordering == Some(true) {
        // A romanised Chinese name written family first (`Li Peng`): braced
        // whole, like a Chinese-script name, so styles keep its order.
        return vec![verbatim(format!("{family} {given}").trim())];
    }
    let particle = clean(n.particle().unwrap_or(""));
    let suffix = clean(n.suffix().unwrap_or(""));
    if given.is_empty() && suffix.is_empty() && particle.is_empty() {
        // A lone family name: braced when it has several words, so it is not
        // read as given and family names.
        return if family.contains(' ') || family.contains(',') {
            vec![verbatim(&family)]
        } else {
            vec![normal(&family)]
        };
    }
    let mut chunks = Vec::new();
    if !particle.is_empty() {
        chunks.push(normal(&format!("{particle} ")));
    }
    if family.contains(',') || family.to_lowercase().split(' ').any(|w| w == "and") {
        chunks.push(verbatim(&family));
    } else {
        chunks.push(normal(&family));
    }
    let mut tail = String::new();
    if !suffix.is_empty() {
        tail.push_str(", ");
        tail.push_str(&suffix);
    }
    tail.push_str(", ");
    tail.push_str(&given);
    chunks.push(normal(&tail));
    chunks
}

/// A name list field value.
pub fn names_chunks(names: &[Name]) -> Chunks {
    let mut out = Vec::new();
    for (i, n) in names.iter().enumerate() {
        if i > 0 {
            out.push(normal(" and "));
        }
        out.extend(name_chunks(n));
    }
    out
}

/// A plain text value.
fn text_chunks(s: &str) -> Chunks {
    vec![normal(&clean(s))]
}

/// A literal-list value (`publisher`, `location` …): braced when an `and`
/// would split it.
fn list_chunks(s: &str) -> Chunks {
    // `Washington, DC; London`: the model's `; ` is biblatex's `and`.
    let mut out: Chunks = Vec::new();
    for (i, part) in s
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .enumerate()
    {
        if i > 0 {
            out.push(normal(" and "));
        }
        let part = clean(part);
        if part.to_lowercase().split(' ').any(|w| w == "and") {
            out.push(verbatim(&part));
        } else {
            out.push(normal(&part));
        }
    }
    out
}

/// The letters-and-digits core of a word (`(PLA).` → `PLA`) with the byte
/// range it spans.
fn word_core(token: &str) -> Option<(usize, usize)> {
    let a = token.char_indices().find(|(_, c)| c.is_alphanumeric())?.0;
    let (i, c) = token
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())?;
    Some((a, i + c.len_utf8()))
}

/// Is a title written in title case? Its significant words (four letters or
/// more, not stop words), beyond the first word of each sentence or clause,
/// are capitalised three times in four or more. Then every capital may be
/// a proper noun's, and none can be told from the rest.
fn is_title_case(s: &str) -> bool {
    let (mut upper, mut total) = (0, 0);
    let mut starts_clause = true;
    for token in s.split(' ') {
        let first = std::mem::replace(&mut starts_clause, token.ends_with([':', '?', '!', '.']));
        let Some(core) = word_core(token).and_then(|(a, b)| token.get(a..b)) else {
            continue;
        };
        let lower = core.to_lowercase();
        let significant = core.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && core.chars().next().is_some_and(char::is_alphabetic)
            && !crate::keys::STOP_WORDS.contains(&lower.as_str());
        if first || !significant {
            continue;
        }
        total += 1;
        if core.chars().next().is_some_and(char::is_uppercase) {
            upper += 1;
        }
    }
    total > 0 && upper * 4 >= total * 3
}

/// A title for BibTeX, whose styles may lowercase it (plainnat writes
/// `Full text of yeltsin’s address`): capitals that must survive are
/// braced. A title in title case is braced whole, since its proper nouns
/// cannot be told from its other capitalised words (the style's lowercasing
/// is lost, its proper nouns are not). In a title in sentence case, every
/// word with a capital is braced (`{Russia}`, `{PLA}`), except the first
/// word of the title or of a clause after `:`, whose first letter BibTeX
/// keeps (unless it has more capitals: `{ROC}`).
fn protected_title(s: &str) -> Chunks {
    let s = clean(s);
    if is_title_case(&s) {
        return vec![verbatim(&s)];
    }
    let mut out: Chunks = Vec::new();
    let mut pending = String::new();
    let mut starts_clause = true;
    for (i, token) in s.split(' ').enumerate() {
        if i > 0 {
            pending.push(' ');
        }
        let first = std::mem::replace(&mut starts_clause, token.ends_with([':', '?', '!', '.']));
        let Some((a, b)) = word_core(token) else {
            pending.push_str(token);
            continue;
        };
        let core = token.get(a..b).unwrap_or("");
        let inner_capital = core.chars().skip(1).any(char::is_uppercase)
            && core.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        let capital = core.chars().next().is_some_and(char::is_uppercase);
        if inner_capital || (capital && !first) {
            pending.push_str(token.get(..a).unwrap_or(""));
            if !pending.is_empty() {
                out.push(normal(&pending));
                pending.clear();
            }
            out.push(verbatim(core));
            pending.push_str(token.get(b..).unwrap_or(""));
        } else {
            pending.push_str(token);
        }
    }
    if !pending.is_empty() || out.is_empty() {
        out.push(normal(&pending));
    }
    out
}

/// An issue number for biblatex, whose styles print `nos.` before a value
/// with a range dash in it: a hyphen that joins parts of one number
/// (`94-172`, FBIS's year and serial) is braced, `94{-}172`, which
/// biblatex's range test does not see. A hyphen stays a range only between
/// two numbers where the second is one to three more than the first (a
/// double or triple issue, `3-4`, `11-12`); an en dash always does.
fn issue_chunks(s: &str) -> Chunks {
    let s = clean(s);
    let parts: Vec<&str> = s.split('-').collect();
    let is_range = match parts.as_slice() {
        [a, b] => match (a.trim().parse::<u64>(), b.trim().parse::<u64>()) {
            (Ok(a), Ok(b)) => b > a && b - a <= 3,
            _ => false,
        },
        _ => false,
    };
    if is_range || parts.len() < 2 {
        return vec![normal(&s)];
    }
    let mut out: Chunks = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push(verbatim("-"));
        }
        if !part.is_empty() {
            out.push(normal(part));
        }
    }
    out
}

fn pad_year(y: i32) -> String {
    if y < 0 {
        format!("-{:04}", -(y as i64))
    } else {
        format!("{y:04}")
    }
}

/// One EDTF date point, with a season as month 21–24.
fn edtf_part(p: &DatePart, season: Option<Season>) -> String {
    let mut s = pad_year(p.year);
    match (p.month, season) {
        (Some(m), _) => {
            s.push_str(&format!("-{m:02}"));
            if let Some(d) = p.day {
                s.push_str(&format!("-{d:02}"));
            }
        }
        (None, Some(season)) => s.push_str(&format!("-{}", 20 + season as u8)),
        (None, None) => {}
    }
    s
}

/// A date as ISO 8601 / EDTF: `1991`, `1996-06`, `1995-22`,
/// `1989-05-29/1989-06-04`.
pub fn edtf(d: &Date) -> String {
    let mut s = edtf_part(&d.start, d.season);
    if let Some(end) = &d.end {
        s.push('/');
        s.push_str(&edtf_part(end, d.season));
    }
    s
}

use crate::model::MONTH_NAMES as MONTHS;

fn month_name(m: u8) -> Option<&'static str> {
    MONTHS.get(usize::from(m).checked_sub(1)?).copied()
}

fn season_name(s: Season) -> &'static str {
    match s {
        Season::Spring => "Spring",
        Season::Summer => "Summer",
        Season::Autumn => "Autumn",
        Season::Winter => "Winter",
    }
}

/// A date as BibTeX `year`, `month`, `day` values (ranges joined by an en
/// dash, written `--` by [`entry_string`]).
fn bibtex_date(d: &Date) -> Vec<(&'static str, String)> {
    let start = &d.start;
    let end = d.end.as_ref();
    let year = match end {
        Some(e) if e.year != start.year => format!("{}–{}", start.year, e.year),
        _ => start.year.to_string(),
    };
    let mut out = vec![("year", year)];
    let end_month = end.and_then(|e| e.month).and_then(month_name);
    let end_day = end.and_then(|e| e.day);
    match (start.month.and_then(month_name), d.season) {
        (Some(m), _) => match (end_month, start.day, end_day) {
            // `May 29–June 4`: the days go with their months.
            (Some(em), Some(sd), Some(ed)) if em != m => {
                out.push(("month", format!("{m} {sd}–{em} {ed}")));
                return out;
            }
            (Some(em), _, _) if em != m => out.push(("month", format!("{m}–{em}"))),
            _ => out.push(("month", m.to_string())),
        },
        (None, Some(s)) => out.push(("month", season_name(s).to_string())),
        (None, None) => {}
    }
    if let Some(day) = start.day {
        let day = match end_day {
            Some(ed) if ed != day => format!("{day}–{ed}"),
            _ => day.to_string(),
        };
        out.push(("day", day));
    }
    out
}

/// A date as a reader would write it, for notes: `19 December 1992`.
fn human_date(d: &Date) -> String {
    let part = |p: &DatePart, season: Option<Season>| {
        let mut s = String::new();
        if let Some(day) = p.day {
            s.push_str(&format!("{day} "));
        }
        match (p.month.and_then(month_name), season) {
            (Some(m), _) => s.push_str(&format!("{m} ")),
            (None, Some(se)) => s.push_str(&format!("{} ", season_name(se))),
            _ => {}
        }
        s.push_str(&p.year.to_string());
        s
    };
    let mut s = part(&d.start, d.season);
    if let Some(e) = &d.end {
        s.push('–');
        s.push_str(&part(e, d.season));
    }
    s
}

/// Fields the biber data model allows for the entry types footcite writes
/// (beyond those every type allows).
fn type_fields(ty: &EntryType) -> &'static [&'static str] {
    match ty {
        EntryType::Article => &[
            "author",
            "editor",
            "translator",
            "title",
            "titleaddon",
            "journaltitle",
            "issue",
            "number",
            "volume",
            "pages",
            "series",
            "note",
            "addendum",
            "language",
        ],
        EntryType::Book | EntryType::Collection | EntryType::InCollection | EntryType::InBook => &[
            "author",
            "editor",
            "translator",
            "title",
            "titleaddon",
            "booktitle",
            "maintitle",
            "edition",
            "location",
            "publisher",
            "series",
            "number",
            "volume",
            "volumes",
            "pages",
            "note",
            "addendum",
            "language",
        ],
        EntryType::Report => &[
            "author",
            "title",
            "titleaddon",
            "institution",
            "location",
            "number",
            "type",
            "pages",
            "version",
            "note",
            "addendum",
            "language",
        ],
        EntryType::Thesis => &[
            "author",
            "title",
            "titleaddon",
            "institution",
            "location",
            "type",
            "pages",
            "note",
            "addendum",
            "language",
        ],
        EntryType::Unpublished => &[
            "author",
            "title",
            "titleaddon",
            "type",
            "eventtitle",
            "eventdate",
            "venue",
            "howpublished",
            "location",
            "note",
            "addendum",
            "language",
        ],
        EntryType::Online => &[
            "author",
            "editor",
            "title",
            "titleaddon",
            "organization",
            "version",
            "note",
            "addendum",
            "language",
        ],
        _ => &[
            "author",
            "editor",
            "title",
            "titleaddon",
            "howpublished",
            "location",
            "organization",
            "type",
            "version",
            "note",
            "addendum",
            "language",
        ],
    }
}

/// Fields every entry type allows.
const ALL_TYPES: &[&str] = &[
    "date",
    "shorttitle",
    "sortname",
    "sorttitle",
    "origdate",
    "origpublisher",
    "origlocation",
    "origtitle",
    "annote",
    "entrysubtype",
    "langid",
    "url",
    "urldate",
];

/// Fields written with `--dialect bibtex`: the classic ones, and a few
/// that BibTeX styles ignore but other readers (Zotero, natbib) use.
const BIBTEX_FIELDS: &[&str] = &[
    "address",
    "annote",
    "author",
    "booktitle",
    "edition",
    "editor",
    "howpublished",
    "institution",
    "journal",
    "key",
    "language",
    "note",
    "number",
    "organization",
    "pages",
    "publisher",
    "school",
    "series",
    "shorttitle",
    "title",
    "translator",
    "type",
    "url",
    "volume",
];

/// Builds one entry, routing what the data model forbids into `note`.
struct Builder {
    entry: Entry,
    dialect: Dialect,
    notes: Vec<String>,
}

impl Builder {
    fn allowed(&self, field: &str) -> bool {
        match self.dialect {
            Dialect::Bibtex => BIBTEX_FIELDS.contains(&field),
            Dialect::Biblatex => {
                ALL_TYPES.contains(&field) || type_fields(&self.entry.entry_type).contains(&field)
            }
        }
    }

    fn put(&mut self, field: &str, chunks: Chunks, as_text: &str) {
        if chunks.is_empty() || as_text.trim().is_empty() {
            return;
        }
        if self.allowed(field) {
            self.entry.set(field, chunks);
        } else {
            self.note(field, as_text);
        }
    }

    fn note(&mut self, field: &str, text: &str) {
        let mut label: Vec<char> = field.chars().collect();
        if let Some(c) = label.first_mut() {
            *c = c.to_ascii_uppercase();
        }
        let label: String = label.into_iter().collect();
        self.notes.push(format!("{label}: {}", clean(text)));
    }

    fn text(&mut self, field: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.put(field, text_chunks(v), v);
        }
    }

    fn list(&mut self, field: &str, value: Option<&str>) {
        if let Some(v) = value {
            self.put(field, list_chunks(v), v);
        }
    }

    fn title(&mut self, field: &str, value: Option<&str>) {
        if let Some(v) = value {
            let chunks = match self.dialect {
                Dialect::Biblatex => text_chunks(v),
                Dialect::Bibtex => protected_title(v),
            };
            self.put(field, chunks, v);
        }
    }

    fn names(&mut self, field: &str, names: &[Name]) {
        if names.is_empty() {
            return;
        }
        let text = names
            .iter()
            .map(Name::display)
            .collect::<Vec<_>>()
            .join(", ");
        self.put(field, names_chunks(names), &text);
    }

    fn date(&mut self, field: &str, date: Option<&Date>) {
        let Some(d) = date else { return };
        match self.dialect {
            Dialect::Biblatex => self.put(field, vec![normal(&edtf(d))], &edtf(d)),
            Dialect::Bibtex => {
                if field == "date" {
                    for (k, v) in bibtex_date(d) {
                        self.entry.set(k, vec![normal(&v)]);
                    }
                } else {
                    let label = match field {
                        "origdate" => "originally",
                        "urldate" => "accessed",
                        other => other,
                    };
                    self.note(label, &human_date(d));
                }
            }
        }
    }

    fn finish(mut self, item_note: Option<&str>) -> Entry {
        let mut parts: Vec<String> = item_note.map(clean).into_iter().collect();
        parts.append(&mut self.notes);
        if !parts.is_empty() {
            let note = parts.join(". ");
            self.entry.set("note", text_chunks(&note));
        }
        self.entry
    }
}

/// biber sorts by code point where its collation has no Chinese tailoring:
/// Chinese names and titles get their pinyin as `sortname` and `sorttitle`,
/// so they file among the Latin entries as their romanisation would.
/// `sortname` replaces the whole lead name list (authors, else editors),
/// each name braced as one family name.
fn sort_fields(b: &mut Builder, item: &Item) {
    let lead = if item.author.is_empty() {
        &item.editor
    } else {
        &item.author
    };
    let pinyin: Vec<Option<String>> = lead.iter().map(crate::keys::sort_name_pinyin).collect();
    if pinyin.iter().any(Option::is_some) {
        let mut chunks: Chunks = Vec::new();
        for (i, (n, sorted)) in lead.iter().zip(&pinyin).enumerate() {
            if i > 0 {
                chunks.push(normal(" and "));
            }
            match sorted {
                Some(p) => chunks.push(verbatim(p)),
                None => chunks.extend(name_chunks(n)),
            }
        }
        let text = lead
            .iter()
            .map(Name::display)
            .collect::<Vec<_>>()
            .join(", ");
        b.put("sortname", chunks, &text);
    }
    // An unsigned periodical article files under its periodical, where
    // biblatex-chicago prints it (`大公報. “中俄明年…”`), as the English
    // ones do under `journaltitle`; `sorttitle` comes first in its sort.
    let journal = item
        .container_title
        .as_deref()
        .filter(|j| has_cjk(j) && lead.is_empty() && item.item_type.is_periodical_article());
    let parts: Vec<String> = journal
        .into_iter()
        .chain(item.title.as_deref())
        .map(crate::keys::sort_pinyin)
        .collect();
    if journal.is_some() || item.title.as_deref().is_some_and(has_cjk) {
        b.text("sorttitle", Some(&parts.join(" ")));
    }
}

/// `Interview by Milton J. E. Senn`, `Letter to Harriet Monroe`,
/// `Directed by Terry Jones`, `Review of The Crash, by Paul Krugman`: what
/// standard entry types have no field for, said in words. `None` for the
/// types that need no such words.
fn described_by_people(item: &Item) -> Option<String> {
    let extra = item.extra();
    let people = |names: &[Name]| {
        names
            .iter()
            .map(Name::display)
            .collect::<Vec<_>>()
            .join(" and ")
    };
    let genre = item.genre.as_deref().map(clean);
    let chinese = item.language.is_some_and(Language::is_chinese);
    match item.item_type {
        // In the note's own words: `訪談`, `致周恩來函`.
        ItemType::Interview if chinese => Some(genre.unwrap_or_else(|| "訪談".to_string())),
        ItemType::PersonalCommunication if chinese && !extra.recipient.is_empty() => {
            let recipients: Vec<String> = extra.recipient.iter().map(Name::display).collect();
            Some(format!(
                "致{}{}",
                recipients.join("、"),
                genre.as_deref().unwrap_or("函")
            ))
        }
        ItemType::Interview if extra.interviewer.is_empty() => Some("Interview".to_string()),
        ItemType::Interview => Some(format!("Interview by {}", people(&extra.interviewer))),
        ItemType::PersonalCommunication => match (genre, extra.recipient.is_empty()) {
            (Some(genre), true) => Some(capitalised(&genre)),
            // `Letter to Harriet Monroe`, `Telegram to …`.
            (genre, false) => Some(format!(
                "{} to {}",
                capitalised(genre.as_deref().unwrap_or("letter")),
                people(&extra.recipient)
            )),
            (None, true) => Some("Personal communication".to_string()),
        },
        ItemType::MotionPicture if !extra.director.is_empty() => {
            Some(format!("Directed by {}", people(&extra.director)))
        }
        // Its medium and running time say what it is.
        ItemType::MotionPicture => Some(String::new()),
        // An archive's file cited by its numbers is titled by them: `Fond
        // 45, opis 1, delo 329`.
        ItemType::Manuscript if item.is_file_reference() => extra
            .archive_location
            .as_deref()
            .map(|l| capitalised(&clean(l))),
        ItemType::ReviewBook => {
            let title = extra.reviewed_title.as_deref()?;
            Some(match extra.reviewed_author.as_slice() {
                [] => format!("Review of {}", clean(title)),
                authors => format!("Review of {}, by {}", clean(title), people(authors)),
            })
        }
        _ => None,
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Write what [`described_by_people`] says, with a recording's medium and
/// running time: biblatex prints `titleaddon` after the title in every
/// entry type (an untitled work gets it as its title); classic BibTeX
/// prints `howpublished` in `@misc`.
fn describe_unpublished(b: &mut Builder, item: &Item, described: &str) {
    let extra = item.extra();
    // Where an interview appeared (`Front Row`) comes first.
    let container = item
        .container_title
        .as_deref()
        .filter(|_| item.item_type == ItemType::Interview && !printed_in_periodical(item));
    let medium: Vec<&str> = [
        container,
        extra.medium.as_deref(),
        extra.dimensions.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = Some(described).filter(|d| !d.is_empty());
    match b.dialect {
        // biber requires a `title` of `@misc`: an untitled letter or
        // interview is titled by its description, as Zotero titles one.
        Dialect::Biblatex => {
            if item.title.is_none() {
                b.title("title", described);
            } else {
                b.text("titleaddon", described);
            }
            if !medium.is_empty() {
                b.text("howpublished", Some(&medium.join(", ")));
            }
        }
        Dialect::Bibtex => {
            let said: Vec<&str> = described.into_iter().chain(medium).collect();
            if !said.is_empty() {
                b.text("howpublished", Some(&said.join(", ")));
            }
        }
    }
}

/// Where an archive keeps a letter or a transcript (`box 3, folder 12,
/// Smith Family Papers, Newberry Library, Chicago`), in Chicago's order:
/// biblatex's `library` prints in no standard style, so it goes where
/// every style prints, `addendum` (BibTeX: the note).
fn archive(b: &mut Builder, item: &Item, bibtex: bool) {
    let extra = item.extra();
    // An untitled file's numbers are its title.
    let location = if item.is_file_reference() {
        &None
    } else {
        &extra.archive_location
    };
    let parts: Vec<String> = [
        location,
        &extra.archive_collection,
        &extra.archive,
        &extra.archive_place,
    ]
    .into_iter()
    .filter_map(|part| part.as_deref().map(clean))
    .collect();
    if parts.is_empty() {
        return;
    }
    // `典藏號：002-…，蔣中正總統文物，國史館`: a Chinese document's parts
    // are joined as its note joins them.
    let chinese = item.language.is_some_and(Language::is_chinese);
    let text = parts.join(if chinese { "，" } else { ", " });
    if bibtex || b.entry.get("addendum").is_some() {
        b.notes.push(text);
    } else {
        b.text("addendum", Some(&text));
    }
}

/// An interview printed in a journal, with its volume or issue (`Paris
/// Review 12 (Spring 1990): 33–50`): an `@article`, said to be an
/// interview in `titleaddon`.
fn printed_in_periodical(item: &Item) -> bool {
    item.item_type == ItemType::Interview
        && item.container_title.is_some()
        && (item.volume.is_some() || item.issue.is_some())
}

/// The biblatex entry type of an item.
fn entry_type(item: &Item, dialect: Dialect) -> EntryType {
    match (item.item_type, dialect) {
        (ItemType::Book, Dialect::Biblatex)
            if item.author.is_empty() && !item.editor.is_empty() =>
        {
            EntryType::Collection
        }
        (ItemType::Book, _) => EntryType::Book,
        // `@incollection` needs an editor; a chapter of a single-author book
        // is `@inbook`.
        (ItemType::Chapter, Dialect::Biblatex) if item.editor.is_empty() => EntryType::InBook,
        (ItemType::Chapter, _) => EntryType::InCollection,
        // Classic `@article` requires a title: an untitled newspaper report
        // (`人民日報，2001 年 7 月 17 日，版 1`) is `@misc` there.
        (t, Dialect::Bibtex) if t.is_periodical_article() && item.title.is_none() => {
            EntryType::Misc
        }
        (t, _) if t.is_periodical_article() || printed_in_periodical(item) => EntryType::Article,
        (ItemType::Report, Dialect::Biblatex) => EntryType::Report,
        (ItemType::Report, Dialect::Bibtex) => EntryType::TechReport,
        (ItemType::Thesis, Dialect::Biblatex) => EntryType::Thesis,
        (ItemType::Thesis, Dialect::Bibtex) => {
            let genre = item.genre.as_deref().unwrap_or("").to_lowercase();
            if genre.contains("master") || genre.starts_with("ma ") || genre.starts_with("m.a") {
                EntryType::MastersThesis
            } else {
                EntryType::PhdThesis
            }
        }
        (ItemType::Webpage, Dialect::Biblatex) => EntryType::Online,
        // A paper as presented: published proceedings would be cited as
        // a chapter of them.
        (ItemType::PaperConference, _) => EntryType::Unpublished,
        // A talk as given: where and when, as a conference paper.
        (ItemType::Speech, _) => EntryType::Unpublished,
        _ => EntryType::Misc,
    }
}

/// The entry for one item, keyed by its `id`.
pub fn entry(item: &Item, dialect: Dialect) -> Entry {
    let ty = entry_type(item, dialect);
    let bibtex = dialect == Dialect::Bibtex;
    let mut b = Builder {
        entry: Entry::new(item.id.clone(), ty.clone()),
        dialect,
        notes: Vec::new(),
    };
    b.names("author", &item.author);
    b.names("editor", &item.editor);
    b.names("translator", &item.extra().translator);
    b.title("title", item.title.as_deref());
    b.title("shorttitle", item.extra().title_short.as_deref());
    if !bibtex {
        sort_fields(&mut b, item);
    }

    let is_article = item.item_type.is_periodical_article() || printed_in_periodical(item);
    let is_report = matches!(ty, EntryType::Report | EntryType::TechReport);
    let is_thesis = matches!(
        ty,
        EntryType::Thesis | EntryType::PhdThesis | EntryType::MastersThesis
    );

    // The container.
    if is_article {
        if bibtex {
            let journal = match (&item.container_title, &item.publisher_place) {
                (Some(j), Some(p)) if has_cjk(p) => Some(format!("{}（{}）", clean(j), clean(p))),
                (Some(j), Some(p)) => Some(format!("{} ({})", clean(j), clean(p))),
                (Some(j), None) => Some(j.to_string()),
                (None, Some(p)) => Some(format!("({})", clean(p))),
                (None, None) => None,
            };
            let field = if ty == EntryType::Misc {
                "howpublished"
            } else {
                "journal"
            };
            b.text(field, journal.as_deref());
        } else {
            // The place joins the title (`International Affairs (Moscow)`),
            // as Chicago writes it: `journaltitleaddon` is printed after the
            // title's closing period in verbose styles (`International
            // Affairs. (Moscow) 7`). Full-width parentheses around a
            // Chinese place: `國防大學學報（北京）`.
            let journal = match (&item.container_title, &item.publisher_place) {
                (Some(j), Some(p)) if has_cjk(p) => Some(format!("{}（{}）", clean(j), clean(p))),
                (Some(j), Some(p)) => Some(format!("{} ({})", clean(j), clean(p))),
                (Some(j), None) => Some(j.to_string()),
                (None, Some(p)) => {
                    b.note("location", p);
                    None
                }
                (None, None) => None,
            };
            b.text("journaltitle", journal.as_deref());
            let sub = match item.item_type {
                ItemType::ArticleNewspaper => Some("newspaper"),
                ItemType::ArticleMagazine => Some("magazine"),
                _ => None,
            };
            b.text("entrysubtype", sub);
        }
    } else if item.item_type == ItemType::Webpage {
        b.text("organization", item.container_title.as_deref());
    } else if matches!(ty, EntryType::InCollection | EntryType::InBook) {
        b.title("booktitle", item.container_title.as_deref());
    } else if item.item_type == ItemType::Broadcast {
        // The programme an episode is of: how `@misc` was published.
        b.text("howpublished", item.container_title.as_deref());
    } else if item.container_title.is_some() && item.item_type != ItemType::Interview {
        // (An interview's container is told with its medium.)
        b.text("container", item.container_title.as_deref());
    }

    // Series and numbers.
    if is_report {
        // `@report` has no `series`: the series is its type, printed before
        // the number (`SAIS Policy Forum Series 11`).
        // biblatex requires a type: `Report` when the note names none.
        // With neither, biblatex gets no `type` rather than an invented
        // word (`type = {Report}` printed "Report" after an institution's
        // serial); biber's data model calls `type` mandatory for `@report`,
        // a warning of its validation tool only. Classic BibTeX styles
        // print "Technical Report" for a `@techreport` with no type
        // whatever footcite writes.
        let ty_text = item.genre.as_deref().or(item.collection_title.as_deref());
        b.text("type", ty_text);
        if item.genre.is_some() {
            b.text("series", item.collection_title.as_deref());
        }
        b.text("number", item.extra().collection_number.as_deref());
        b.text("issue", item.issue.as_deref());
    } else {
        b.text("series", item.collection_title.as_deref());
        if is_article {
            if let Some(issue) = item.issue.as_deref() {
                let chunks = match dialect {
                    Dialect::Biblatex => issue_chunks(issue),
                    Dialect::Bibtex => text_chunks(issue),
                };
                b.put("number", chunks, issue);
            }
            b.text("seriesnumber", item.extra().collection_number.as_deref());
        } else {
            b.text("number", item.extra().collection_number.as_deref());
            b.text("issue", item.issue.as_deref());
        }
        if is_thesis {
            b.text("type", Some(item.genre.as_deref().unwrap_or("Thesis")));
        } else if let Some(described) = described_by_people(item) {
            // An interview, a letter, a film or a review is told by who
            // took part in it: `Interview by …`, `Letter to …`.
            describe_unpublished(&mut b, item, &described);
        } else if item.item_type == ItemType::Speech {
            // `Lecture`: how the talk was given, which `@unpublished`
            // prints after its title (BibTeX's note says it, below).
            if !bibtex {
                let genre = item.genre.as_deref().map(capitalised);
                // An untitled talk (`speech at the Munich Conference`) is
                // titled by its kind, as biber requires a title.
                if item.title.is_none() {
                    b.title("title", genre.as_deref());
                } else {
                    b.text("howpublished", genre.as_deref());
                }
            }
        } else if item.item_type == ItemType::Broadcast {
            // `podcast, MP3 audio, 26:29`: what it is and how it was heard.
            let extra = item.extra();
            let said: Vec<&str> = [
                item.genre.as_deref(),
                extra.medium.as_deref(),
                extra.dimensions.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            b.text("titleaddon", Some(said.join(", ").as_str()));
        } else {
            b.text("titleaddon", item.genre.as_deref());
        }
    }
    if let Some(v) = item.volume.as_deref() {
        let v = clean(v);
        if bibtex || v.chars().all(|c| c.is_ascii_digit()) {
            b.text("volume", Some(&v));
        } else {
            // biber drops a `volume` that is not an integer.
            b.note("volume", &v);
        }
    }
    b.text("edition", item.extra().edition.as_deref());
    if matches!(item.item_type, ItemType::PaperConference | ItemType::Speech) {
        if bibtex {
            // BibTeX has no event fields: its `@unpublished` says it in
            // the note it requires.
            let event: Vec<&str> = [
                item.extra().event_title.as_deref(),
                item.extra().event_place.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            let lead = match (item.item_type, item.genre.as_deref()) {
                (ItemType::Speech, Some(genre)) => capitalised(genre),
                (ItemType::Speech, None) => "Speech".to_string(),
                _ => "Paper presented at".to_string(),
            };
            if item.item_type == ItemType::Speech {
                let given = std::iter::once(lead.as_str()).chain(event);
                b.notes.push(clean(&given.collect::<Vec<_>>().join(", ")));
            } else if !event.is_empty() {
                b.notes.push(format!("{lead} {}", clean(&event.join(", "))));
            }
        } else {
            b.text("eventtitle", item.extra().event_title.as_deref());
            b.list("venue", item.extra().event_place.as_deref());
        }
    }

    // Publication.
    // (A thesis's `institution` becomes BibTeX's `school` in the biblatex
    // crate's conversion of the entry, `entry_string`.)
    // A film's studio, a video's channel, an interview's or an episode's
    // broadcaster: `@misc` has no publisher.
    let publisher_field = if is_report || is_thesis {
        "institution"
    } else if matches!(
        item.item_type,
        ItemType::MotionPicture | ItemType::Interview | ItemType::Broadcast
    ) {
        "organization"
    } else {
        "publisher"
    };
    // A report or thesis needs its institution: with no publisher named, the
    // body that issued it is its author.
    let issuer = item
        .author
        .iter()
        .find_map(|n| n.literal_text())
        .filter(|_| is_report || is_thesis);
    b.list(publisher_field, item.publisher.as_deref().or(issuer));
    if !is_article {
        let place = if bibtex { "address" } else { "location" };
        b.list(place, item.publisher_place.as_deref());
    }
    b.date("date", item.issued.as_ref());
    // The original publication of a reprint (`ITAR-TASS, 19 December 1992`,
    // read in SWB) as text: BibTeX has no fields for it, and biblatex's
    // `origdate`/`origpublisher` print in no standard style nor in
    // biblatex-chicago's notes for an `@article`, so the source vanished
    // from the page. `addendum` prints at the end of the entry everywhere.
    let original: Vec<String> = item
        .extra()
        .original_publisher
        .iter()
        .map(|p| clean(p))
        .chain(item.extra().original_date.iter().map(human_date))
        .collect();
    if !original.is_empty() {
        if bibtex {
            b.note("originally", &original.join(", "));
        } else {
            // Lowercase: styles print it after a comma in notes.
            let text = format!("originally {}", original.join(", "));
            b.text("addendum", Some(&text));
        }
    }
    archive(&mut b, item, bibtex);
    // Zotero's BibTeX importer drops `addendum` and makes `note` and
    // `annote` child notes (joining lines: it folds all white space); no
    // field reaches Extra. `annote` carries the CSL-JSON's Extra lines, so
    // the data survives a `.bib` import as a note; biber reads it as
    // `annotation`, which no style prints by default.
    let zotero_lines = super::csl::extra_lines(item);
    if !zotero_lines.is_empty() {
        b.text("annote", Some(&zotero_lines.join("; ")));
    }
    if let Some(p) = item.page.as_deref() {
        let pages = clean(p).replace(['–', '—'], "-");
        b.text("pages", Some(&pages));
    }
    b.text("url", item.url.as_deref());
    if bibtex {
        if let Some(d) = &item.extra().accessed {
            b.entry.set("urldate", vec![normal(&edtf(d))]);
        }
    } else {
        b.date("urldate", item.extra().accessed.as_ref());
    }

    // BibTeX styles sort and label an unsigned work by its `key` (plainnat
    // warns "need author or key" and labels it with the key's first three
    // letters; chicago.bst starts the entry with its date): the
    // periodical's name for an article, as Chicago puts it in the author's
    // place, else the title.
    if bibtex && item.author.is_empty() && item.editor.is_empty() {
        let key = item
            .container_title
            .as_deref()
            .filter(|_| is_article)
            .or(item.title.as_deref());
        b.text("key", key);
    }

    // Language.
    let babel = item.language.and_then(Language::babel_name);
    match (item.language, babel) {
        (_, Some(name)) if dialect == Dialect::Biblatex => {
            b.text("langid", Some(name));
            // Zotero's BibTeX importer reads `language`, never `langid`.
            // As biblatex's key (`english`) it prints in no document in
            // that language (biblatex's `clearlang` drops it).
            b.text("language", Some(name));
        }
        (_, Some(name)) => b.text("language", Some(&capitalised(name))),
        // No language module of biblatex's: named, not switched to.
        (Some(l), None) if l.is_chinese() => b.text("language", Some("Chinese")),
        _ => {}
    }
    b.finish(item.extra().note.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(entry: &Entry, key: &str) -> Option<String> {
        use biblatex::ChunksExt;
        entry.get(key).map(|chunks| chunks.format_verbatim())
    }

    #[test]
    fn unpublished_works_are_described_in_words() {
        let mut interview = Item::new(ItemType::Interview);
        interview.author = vec![Name::person("Spock", "Benjamin")];
        let e = entry(&interview, Dialect::Biblatex);
        assert_eq!(field(&e, "title").as_deref(), Some("Interview"));
        let mut letter = Item::new(ItemType::PersonalCommunication);
        letter.set_rare_names(vec![Name::person("Monroe", "Harriet")], |e| {
            &mut e.recipient
        });
        let e = entry(&letter, Dialect::Biblatex);
        assert_eq!(
            field(&e, "title").as_deref(),
            Some("Letter to Harriet Monroe")
        );
        letter.genre = Some("telegram".into());
        let e = entry(&letter, Dialect::Biblatex);
        assert_eq!(
            field(&e, "title").as_deref(),
            Some("Telegram to Harriet Monroe")
        );
        letter.extra_mut().recipient.clear();
        let e = entry(&letter, Dialect::Biblatex);
        assert_eq!(field(&e, "title").as_deref(), Some("Telegram"));
    }

    #[test]
    fn an_archive_goes_to_the_note_where_addendum_is_taken() {
        let mut letter = Item::new(ItemType::PersonalCommunication);
        letter.extra_mut().archive = Some("Newberry Library".into());
        let e = entry(&letter, Dialect::Biblatex);
        assert_eq!(field(&e, "addendum").as_deref(), Some("Newberry Library"));
        assert_eq!(field(&e, "note"), None);
        // A reprint's `originally …` holds `addendum` already.
        letter.extra_mut().original_date = Some(Date::single(crate::model::DatePart::year(1925)));
        let e = entry(&letter, Dialect::Biblatex);
        assert_eq!(field(&e, "addendum").as_deref(), Some("originally 1925"));
        assert_eq!(field(&e, "note").as_deref(), Some("Newberry Library"));
        letter.extra_mut().original_date = None;
        let e = entry(&letter, Dialect::Bibtex);
        assert_eq!(field(&e, "addendum"), None);
        assert_eq!(field(&e, "note").as_deref(), Some("Newberry Library"));
    }

    #[test]
    fn conference_papers_are_unpublished_with_their_event() {
        let mut item = Item::new(ItemType::PaperConference);
        item.id = "allen2001pla".into();
        item.title = Some("PLA Air Force Operations".into());
        item.extra_mut().event_title = Some("Conference on the PLA".into());
        item.extra_mut().event_place = Some("Washington, D.C.".into());
        let biblatex = entry_string(&entry(&item, Dialect::Biblatex), Dialect::Biblatex);
        assert!(
            biblatex.starts_with("@unpublished{allen2001pla,"),
            "{biblatex}"
        );
        assert!(
            biblatex.contains("eventtitle = {Conference on the PLA}"),
            "{biblatex}"
        );
        assert!(
            biblatex.contains("venue = {Washington, D.C.}"),
            "{biblatex}"
        );
        let bibtex = entry_string(&entry(&item, Dialect::Bibtex), Dialect::Bibtex);
        assert!(
            bibtex.contains("note = {Paper presented at Conference on the PLA, Washington, D.C.}"),
            "{bibtex}"
        );
    }

    #[test]
    fn talks_are_unpublished_with_how_and_where_they_were_given() {
        let mut item = Item::new(ItemType::Speech);
        item.id = "goodall2005".into();
        item.title = Some("Chimpanzees and Humanity".into());
        item.genre = Some("lecture".into());
        item.extra_mut().event_title = Some("University of Chicago".into());
        item.extra_mut().event_place = Some("Chicago, IL".into());
        let biblatex = entry_string(&entry(&item, Dialect::Biblatex), Dialect::Biblatex);
        assert!(
            biblatex.starts_with("@unpublished{goodall2005,"),
            "{biblatex}"
        );
        assert!(biblatex.contains("howpublished = {Lecture}"), "{biblatex}");
        assert!(
            biblatex.contains("eventtitle = {University of Chicago}"),
            "{biblatex}"
        );
        assert!(!biblatex.contains("titleaddon"), "{biblatex}");
        let bibtex = entry_string(&entry(&item, Dialect::Bibtex), Dialect::Bibtex);
        assert!(
            bibtex.contains("note = {Lecture, University of Chicago, Chicago, IL}"),
            "{bibtex}"
        );
        assert!(!bibtex.contains("howpublished"), "{bibtex}");
        // With no genre or host, still said to be a talk.
        item.genre = None;
        item.extra_mut().event_title = None;
        let bibtex = entry_string(&entry(&item, Dialect::Bibtex), Dialect::Bibtex);
        assert!(bibtex.contains("note = {Speech, Chicago, IL}"), "{bibtex}");
    }

    /// BibTeX's thesis types name the school; its report, the institution;
    /// biblatex names both `institution`.
    #[test]
    fn a_thesis_names_its_school_and_a_report_its_institution() {
        let mut thesis = Item::new(ItemType::Thesis);
        thesis.id = "lee1998".into();
        thesis.genre = Some("PhD diss.".into());
        thesis.publisher = Some("University of Chicago".into());
        let field = |item: &Item, dialect| {
            let text = entry_string(&entry(item, dialect), dialect);
            ["school", "institution", "publisher"]
                .into_iter()
                .filter(|f| text.contains(&format!("{f} = {{")))
                .collect::<Vec<_>>()
        };
        assert_eq!(field(&thesis, Dialect::Bibtex), ["school"]);
        assert_eq!(field(&thesis, Dialect::Biblatex), ["institution"]);
        let mut report = thesis.clone();
        report.item_type = ItemType::Report;
        assert_eq!(field(&report, Dialect::Bibtex), ["institution"]);
        assert_eq!(field(&report, Dialect::Biblatex), ["institution"]);
        report.item_type = ItemType::Book;
        assert_eq!(field(&report, Dialect::Bibtex), ["publisher"]);
    }

    /// A family name with a comma or the word `and` in it is braced, so
    /// that neither splits the name list; one without either is not.
    #[test]
    fn family_names_that_would_split_the_list_are_braced() {
        let verbatim_family = |family: &str| {
            name_chunks(&Name::person(family, "A."))
                .iter()
                .any(|c| c.v == Chunk::Verbatim(family.to_string()))
        };
        assert!(verbatim_family("Tiffany and Co"));
        assert!(verbatim_family("Smith, Barney"));
        assert!(!verbatim_family("Anderson"));
        assert!(!verbatim_family("de la Cruz"));
    }

    #[test]
    fn fixes_the_crates_escapes() {
        assert_eq!(
            fix_escapes(r"title = {a\~b\^c\\d\{e\}f\&g\\\~},"),
            r"title = {a\textasciitilde{}b\textasciicircum{}c\textbackslash{}d\textbraceleft{}e\textbraceright{}f\&g\textbackslash{}\textasciitilde{}},"
        );
    }

    #[test]
    fn edtf_dates() {
        let season = Date {
            start: DatePart::year(1995),
            end: None,
            season: Some(Season::Summer),
        };
        assert_eq!(edtf(&season), "1995-22");
        let range = Date::range(DatePart::day(1989, 5, 29), DatePart::day(1989, 6, 4));
        assert_eq!(edtf(&range), "1989-05-29/1989-06-04");
        assert_eq!(edtf(&Date::single(DatePart::month(1996, 6))), "1996-06");
        assert_eq!(
            bibtex_date(&range),
            vec![
                ("year", "1989".to_string()),
                ("month", "May 29–June 4".to_string()),
            ]
        );
    }

    #[test]
    fn issue_numbers_keep_their_hyphen_out_of_ranges() {
        let bib = |issue: &str| {
            let mut item = Item::new(ItemType::ArticleNewspaper);
            item.id = "k".into();
            item.title = Some("T".into());
            item.container_title = Some("FBIS-CHI".into());
            item.issue = Some(issue.into());
            entry_string(&entry(&item, Dialect::Biblatex), Dialect::Biblatex)
        };
        assert!(bib("94-172").contains("number = {94{-}172}"));
        assert!(bib("95-094").contains("number = {95{-}094}"));
        assert!(bib("SU-2596-B").contains("number = {SU{-}2596{-}B}"));
        // Double issues stay ranges.
        assert!(bib("3-4").contains("number = {3-4}"));
        assert!(bib("11-12").contains("number = {11-12}"));
        assert!(bib("3–4").contains("number = {3–4}"));
    }

    #[test]
    fn unsigned_chinese_articles_sort_under_their_paper() {
        let mut item = Item::new(ItemType::ArticleNewspaper);
        item.id = "k".into();
        item.title = Some("中俄明年進行八項軍事活動".into());
        item.container_title = Some("大公報".into());
        let bib = entry_string(&entry(&item, Dialect::Biblatex), Dialect::Biblatex);
        assert!(
            bib.contains(
                "sorttitle = {da gong bao zhong e ming nian jin xing ba xiang jun shi huo dong}"
            ),
            "{bib}"
        );
        let mut signed = item.clone();
        signed.author = vec![Name::person("熊", "光楷")];
        let bib = entry_string(&entry(&signed, Dialect::Biblatex), Dialect::Biblatex);
        assert!(bib.contains("sortname = {{Xiong Guangkai}}"), "{bib}");
        assert!(bib.contains("sorttitle = {zhong e ming nian"), "{bib}");
        let bibtex = entry_string(&entry(&signed, Dialect::Bibtex), Dialect::Bibtex);
        assert!(!bibtex.contains("sort"), "{bibtex}");
    }

    #[test]
    fn braces_title_case_titles_whole_for_bibtex() {
        let chunks = protected_title("Full Text of Yeltsin’s Address, and Answers");
        assert!(
            matches!(chunks.as_slice(), [c] if matches!(&c.v, Chunk::Verbatim(v) if v == "Full Text of Yeltsin’s Address, and Answers"))
        );
    }

    /// Each chunk of a title with whether it is protected from lowercasing.
    fn chunk_kinds(chunks: &[Spanned<Chunk>]) -> Vec<(bool, &str)> {
        chunks
            .iter()
            .map(|c| (matches!(c.v, Chunk::Verbatim(_)), c.v.get()))
            .collect()
    }

    #[test]
    fn protects_proper_nouns_in_sentence_case_for_bibtex() {
        let chunks = protected_title("The ROC air force after next (PLA): Russia and the rest");
        let kinds = chunk_kinds(&chunks);
        assert_eq!(
            kinds,
            [
                (false, "The "),
                (true, "ROC"),
                (false, " air force after next ("),
                (true, "PLA"),
                (false, "): Russia and the rest"),
            ]
        );
        let chunks = protected_title("Full text of Yeltsin’s address to the nation");
        let kinds = chunk_kinds(&chunks);
        assert_eq!(
            kinds,
            [
                (false, "Full text of "),
                (true, "Yeltsin’s"),
                (false, " address to the nation"),
            ]
        );
    }
}
