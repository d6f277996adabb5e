//! Reading the layout of a PDF-extracted paper: pages, running headers,
//! footnote blocks, note continuation lines and the note markers glued to
//! the body text. This layer only segments and joins text; it never
//! interprets citations.

use crate::source::{OffsetMap, Pos, SourceText};

pub mod assemble;
pub mod plain;

/// One numbered footnote, its lines joined into one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footnote {
    pub number: u32,
    /// First and last source line of the note.
    pub line: usize,
    pub end_line: usize,
    /// Page the note is printed on (as numbered by the running headers when
    /// they allow it, else counted from 1).
    pub page: usize,
    /// The joined text: no space where a line break falls between CJK
    /// characters, one space between Latin words.
    pub text: String,
    /// Maps byte offsets of `text` back to the source.
    pub map: OffsetMap,
    /// Where the note's marker stands in the body, if found.
    pub marker: Option<Pos>,
}

/// An unnumbered note such as the author note marked `＊`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SymbolNote {
    pub symbol: char,
    pub line: usize,
    pub text: String,
}

/// A digit run in the body that reads as a note marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub number: u32,
    pub pos: Pos,
    /// Byte range of the marker digits in the source.
    pub range: std::ops::Range<usize>,
}

/// What the first page and running headers say about the paper itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub journal: Option<String>,
    /// Volume and issue as numbers (`第五期` → `5`).
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub date: Option<crate::model::Date>,
    pub first_page: Option<usize>,
    pub last_page: Option<usize>,
    pub abstract_text: Option<String>,
    pub keywords: Option<String>,
}

/// A paper's text, segmented.
#[derive(Debug, Clone)]
pub struct Document {
    pub source: SourceText,
    pub footnotes: Vec<Footnote>,
    pub symbol_notes: Vec<SymbolNote>,
    /// Every marker found in the body, in reading order (also those that
    /// match no note, and repeats).
    pub markers: Vec<Marker>,
    /// 1-based lines that are running headers or page numbers.
    pub header_lines: Vec<usize>,
    pub front: FrontMatter,
    pub page_count: usize,
    /// Problems of the layout itself (a note number that cannot be one).
    pub problems: Vec<Diagnostic>,
}

use crate::diag::{Diagnostic, Severity};
use crate::text::{is_cjk_ideograph, is_cjk_punct};
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{digit1, space0, space1};
use nom::combinator::recognize;
use nom::sequence::terminated;
use nom::{IResult, Parser};
// foldhash: a fast hasher, seeded per process (no crafted collisions).
use foldhash::{HashMap, HashMapExt};

/// Lines of at least this many spaces and nothing else are the rule that
/// opens a page's footnote block (the PDF's separator line).
const SEPARATOR_MIN_SPACES: usize = 10;

/// How a line of the source reads, before any joining.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind<'a> {
    Blank,
    Separator,
    /// `N text`: the start of note N; `text` is what follows the number.
    NoteStart {
        number: &'a str,
        text_at: usize,
    },
    /// `＊ text`: an unnumbered note.
    SymbolNote {
        symbol: char,
        text_at: usize,
    },
    /// `17 人民日報…` or `1991 年 12 月…`: a number and what reads as its
    /// unit. A note only where exactly that note is due.
    QuantityStart {
        number: &'a str,
        text_at: usize,
    },
    /// Indented by two or more spaces: continues the note above.
    Continuation {
        text_at: usize,
    },
    Text,
}

fn note_start(line: &str) -> IResult<&str, &str> {
    terminated(digit1, space1).parse(line)
}

fn symbol_note(line: &str) -> IResult<&str, &str> {
    terminated(
        take_while_m_n(1, 1, |c| matches!(c, '＊' | '*' | '†' | '‡')),
        space0,
    )
    .parse(line)
}

fn deep_indent(line: &str) -> IResult<&str, &str> {
    recognize((tag("  "), space0)).parse(line)
}

fn classify(line: &str) -> LineKind<'_> {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return if line.chars().count() >= SEPARATOR_MIN_SPACES {
            LineKind::Separator
        } else {
            LineKind::Blank
        };
    }
    if is_rule(trimmed) && trimmed.chars().count() >= SEPARATOR_MIN_SPACES {
        return LineKind::Separator;
    }
    if let Ok((after, number)) = note_start(line) {
        // `1991 年 12 月…` is body text that happens to start a line.
        let reads_as_quantity = after
            .trim_start()
            .starts_with(['年', '月', '日', '%', '％', '萬', '億', '人', '名']);
        let text_at = line.len() - after.len();
        if !after.trim().is_empty() {
            return if reads_as_quantity {
                LineKind::QuantityStart { number, text_at }
            } else {
                LineKind::NoteStart { number, text_at }
            };
        }
    }
    if let Ok((after, symbol)) = symbol_note(line) {
        if let Some(symbol) = symbol.chars().next() {
            if !after.trim().is_empty() {
                return LineKind::SymbolNote {
                    symbol,
                    text_at: line.len() - after.len(),
                };
            }
        }
    }
    if let Ok((after, _)) = deep_indent(line) {
        return LineKind::Continuation {
            text_at: line.len() - after.len(),
        };
    }
    LineKind::Text
}

/// A drawn rule (`__________`, `──────`) opens a footnote block as a line of
/// spaces does.
fn is_rule(trimmed: &str) -> bool {
    !trimmed.is_empty()
        && trimmed
            .chars()
            .all(|c| matches!(c, '_' | '─' | '—' | '-' | '－' | '＿'))
}

/// Does a line break between `before` and `after` need a space when joined?
/// None between CJK characters or next to CJK punctuation, none after a
/// hyphen that ends a Latin word; one otherwise.
pub fn join_needs_space(before: char, after: char) -> bool {
    if is_cjk_punct(before) || is_cjk_punct(after) {
        return false;
    }
    if is_cjk_ideograph(before) && is_cjk_ideograph(after) {
        return false;
    }
    before != '-'
}

/// Does a line that starts with `next` continue a web address broken at
/// the end of `text` (`http://www.nato.int/issues/` ⏎ `enlargement.htm`)?
fn continues_url(text: &str, next: char) -> bool {
    // `日，https://…`: Chinese text puts no space before an address.
    let last_token = text
        .rsplit(|c: char| c.is_whitespace() || crate::text::is_cjk(c))
        .next()
        .unwrap_or("");
    let in_url = crate::text::starts_with_url(last_token);
    in_url && !next.is_uppercase() && !matches!(next, '(' | '（' | '[')
}

/// Joins a note's lines, recording where each piece came from.
pub(crate) struct NoteBuilder {
    pub(crate) text: String,
    pub(crate) map: OffsetMap,
    /// Drop the hyphen of a word broken across lines (`Disengage-` ⏎
    /// `ment`): typeset text hyphenates, the extractor's text of the paper
    /// in `refs/` does not.
    pub(crate) join_hyphenated: bool,
}

/// Typeset text (a PDF, pdftotext) is hyphenated: by default a word
/// broken across lines is joined.
impl Default for NoteBuilder {
    fn default() -> Self {
        NoteBuilder {
            text: String::new(),
            map: OffsetMap::default(),
            join_hyphenated: true,
        }
    }
}

impl NoteBuilder {
    /// For the ruled layout, whose extractor kept line-end hyphens only
    /// where the words have them.
    fn keeping_hyphens() -> Self {
        NoteBuilder {
            join_hyphenated: false,
            ..NoteBuilder::default()
        }
    }

    pub(crate) fn push_line(&mut self, piece: &str, source_offset: usize) {
        let piece_trimmed = piece.trim_end();
        let lead = piece_trimmed.len() - piece_trimmed.trim_start().len();
        let content = piece_trimmed.trim_start();
        if content.is_empty() {
            return;
        }
        if let (Some(before), Some(after)) = (self.text.chars().next_back(), content.chars().next())
        {
            // A hyphen inside a web address is the address's own
            // (`…/keeping-time-in-` ⏎ `the-raj`).
            let in_url = continues_url(&self.text, after);
            if self.join_hyphenated && before == '-' && after.is_lowercase() && !in_url {
                let mut chars = self.text.chars().rev().skip(1);
                if chars.next().is_some_and(char::is_lowercase) {
                    self.text.pop();
                }
            } else if self.join_hyphenated && before == '–' && after.is_ascii_digit() {
                // A range broken after its dash (`1830–` ⏎ `1930`).
            } else if join_needs_space(before, after) && !in_url {
                self.text.push(' ');
            }
        }
        self.map
            .push(self.text.len(), source_offset + lead, content.len());
        self.text.push_str(content);
    }
}

struct OpenNote {
    number: Option<u32>,
    symbol: char,
    line: usize,
    end_line: usize,
    page: usize,
    builder: NoteBuilder,
}

/// Is this (trimmed) line a bare page number?
pub(crate) fn is_page_number(trimmed: &str) -> Option<usize> {
    if trimmed.len() <= 4 && !trimmed.is_empty() && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        trimmed.parse().ok()
    } else {
        None
    }
}

/// A journal running header: `俄羅斯學報 第五期 (2006 年 12 月)` or
/// `Journal of X, Vol. 5, No. 2 (June 2006)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct JournalHeader {
    journal: String,
    issue: Option<String>,
    volume: Option<String>,
    date: Option<crate::model::Date>,
}

fn parenthesised(input: &str) -> IResult<&str, &str> {
    let (input, _) = take_while_m_n(1, 1, |c| c == '(' || c == '（').parse(input)?;
    let (input, inner) = take_while1(|c| c != ')' && c != '）').parse(input)?;
    let (input, _) = take_while_m_n(1, 1, |c| c == ')' || c == '）').parse(input)?;
    Ok((input, inner))
}

fn journal_header(trimmed: &str) -> Option<JournalHeader> {
    chinese_journal_header(trimmed).or_else(|| english_journal_header(trimmed))
}

/// `俄羅斯學報 第五期 (2006 年 12 月)`, `問題與研究 第 45 卷第 3 期（2006 年 5-6 月）`.
fn chinese_journal_header(trimmed: &str) -> Option<JournalHeader> {
    use crate::cite::dates::{chinese_issue, chinese_volume};
    let at = trimmed.find('第')?;
    let journal = trimmed
        .get(..at)?
        .trim()
        .trim_end_matches([',', '，'])
        .trim();
    let span = crate::cite::Span::new(trimmed.get(at..)?);
    let (rest, volume) = nom::combinator::opt(chinese_volume).parse(span).ok()?;
    let rest = crate::cite::scan::trim(rest);
    let (rest, issue) = nom::combinator::opt(chinese_issue).parse(rest).ok()?;
    if volume.is_none() && issue.is_none() || journal.is_empty() {
        return None;
    }
    let (tail, inner) = parenthesised(rest.fragment().trim_start()).ok()?;
    if !tail.trim().is_empty() {
        return None;
    }
    Some(JournalHeader {
        journal: journal.to_string(),
        issue,
        volume,
        date: header_date(inner.trim()),
    })
}

/// `Issues & Studies, Vol. 41, No. 2 (June 2005)`.
fn english_journal_header(trimmed: &str) -> Option<JournalHeader> {
    let at = trimmed.find("Vol.")?;
    let journal = trimmed.get(..at)?.trim().trim_end_matches(',').trim();
    let after = trimmed.get(at + "Vol.".len()..)?.trim_start();
    let (after, volume) = digit1::<&str, nom::error::Error<&str>>(after).ok()?;
    let after = after.trim_start().trim_start_matches(',').trim_start();
    let (after, issue) = match after.strip_prefix("No.") {
        Some(rest) => {
            let (rest, n) = digit1::<&str, nom::error::Error<&str>>(rest.trim_start()).ok()?;
            (rest, Some(n.to_string()))
        }
        None => (after, None),
    };
    let (tail, inner) = parenthesised(after.trim_start()).ok()?;
    if journal.is_empty() || !tail.trim().is_empty() {
        return None;
    }
    Some(JournalHeader {
        journal: journal.to_string(),
        issue,
        volume: Some(volume.to_string()),
        date: header_date(inner.trim()),
    })
}

/// Read a paper's text into pages, footnotes and markers.
pub fn read(raw: &str) -> Document {
    let source = SourceText::new(raw);
    read_source(source)
}

/// Which reader finds the notes of a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LayoutKind {
    /// [`LayoutKind::Ruled`] when it finds notes, else [`LayoutKind::Plain`].
    #[default]
    Auto,
    /// Footnote blocks opened by a line of spaces or a drawn rule, notes
    /// `N text` with indented continuation lines (the layout of the paper
    /// in `refs/`).
    Ruled,
    /// Pages split by form feeds or page numbers, notes at the foot of each
    /// page or under an endnotes heading, numbered `N`, `N.` or by a mark
    /// alone on its line (`pdftotext`, with or without `-layout`; text
    /// pasted from a viewer).
    Plain,
}

/// Read a text with the layout given, or the one that finds notes.
pub fn read_as(source: SourceText, kind: LayoutKind) -> Document {
    match kind {
        LayoutKind::Ruled => read_source(source),
        LayoutKind::Plain => plain::read(source),
        LayoutKind::Auto => {
            let ruled = read_source(source);
            if ruled.footnotes.is_empty() {
                plain::read(ruled.source)
            } else {
                ruled
            }
        }
    }
}

/// [`read`] for a text already in a [`SourceText`]: the text is moved into
/// the document, not copied.
pub fn read_source(source: SourceText) -> Document {
    let mut doc = {
        let mut reader = Reader::new(&source);
        reader.run();
        reader.finish()
    };
    doc.source = source;
    doc
}

struct Reader<'s> {
    source: &'s SourceText,
    footnotes: Vec<Footnote>,
    symbol_notes: Vec<SymbolNote>,
    problems: Vec<Diagnostic>,
    header_lines: Vec<usize>,
    /// Lines of body text, in order.
    body_lines: Vec<usize>,
    /// (page index, printed page number) pairs from running headers.
    page_numbers: Vec<(usize, usize)>,
    page: usize,
    last_content_page: usize,
    /// Body text seen since the last page break.
    body_since_break: bool,
    title: Option<String>,
    journal: Option<JournalHeader>,
}

impl<'s> Reader<'s> {
    fn new(source: &'s SourceText) -> Self {
        Reader {
            source,
            footnotes: Vec::new(),
            symbol_notes: Vec::new(),
            problems: Vec::new(),
            header_lines: Vec::new(),
            body_lines: Vec::new(),
            page_numbers: Vec::new(),
            page: 1,
            last_content_page: 1,
            body_since_break: false,
            title: None,
            journal: None,
        }
    }

    fn line_offset(&self, n: usize) -> usize {
        self.source.line_range(n).start
    }

    fn run(&mut self) {
        let repeated = self.repeated_lines();
        let count = self.source.line_count();
        let mut n = 1;
        let mut open: Option<OpenNote> = None;
        let mut in_block = false;
        let mut first_in_block = false;
        while n <= count {
            let line = self.source.line(n);
            let kind = classify(line);
            if in_block {
                if !matches!(kind, LineKind::Continuation { .. }) {
                    first_in_block = false;
                }
                let due = |number: &str| {
                    self.last_note_number(open.as_ref())
                        .and_then(|l| l.checked_add(1))
                        .is_some_and(|next| next.to_string() == number)
                };
                let kind = match kind {
                    LineKind::QuantityStart { number, text_at } if due(number) => {
                        LineKind::NoteStart { number, text_at }
                    }
                    other => other,
                };
                match kind {
                    LineKind::NoteStart { number, text_at }
                        if self.plausible_note_number(number, open.as_ref()) =>
                    {
                        self.close(open.take());
                        open = Some(self.open_note(n, number, text_at));
                        n += 1;
                        continue;
                    }
                    LineKind::SymbolNote { symbol, text_at } => {
                        self.close(open.take());
                        let mut note = self.new_open(n, None, symbol);
                        note.builder.push_line(
                            line.get(text_at..).unwrap_or(""),
                            self.line_offset(n) + text_at,
                        );
                        open = Some(note);
                        n += 1;
                        continue;
                    }
                    LineKind::Continuation { .. } if open.is_none() && first_in_block => {
                        // A note that runs over a page break continues at the
                        // top of the next page's block, with no number.
                        open = self.reopen_last();
                        first_in_block = false;
                        if open.is_some() {
                            continue;
                        }
                    }
                    LineKind::Continuation { text_at } if open.is_some() => {
                        let offset = self.line_offset(n) + text_at;
                        if let Some(note) = open.as_mut() {
                            note.builder
                                .push_line(line.get(text_at..).unwrap_or(""), offset);
                            note.end_line = n;
                        }
                        n += 1;
                        continue;
                    }
                    _ => {
                        self.close(open.take());
                        in_block = false;
                        self.page_break();
                    }
                }
            }
            match kind {
                LineKind::Separator => {
                    in_block = true;
                    first_in_block = true;
                    n += 1;
                    continue;
                }
                LineKind::Blank => {}
                _ => self.body_or_header(n, line, &repeated),
            }
            n += 1;
        }
        self.close(open.take());
    }

    /// Trimmed lines (outside note blocks) that occur more than once: the
    /// running headers a PDF repeats on every other page.
    fn repeated_lines(&self) -> HashMap<&'s str, usize> {
        let mut seen: HashMap<&'s str, usize> =
            HashMap::with_capacity(self.source.line_count() / 2);
        for n in 1..=self.source.line_count() {
            let trimmed = self.source.line(n).trim();
            if trimmed.chars().count() >= 4 && is_page_number(trimmed).is_none() {
                *seen.entry(trimmed).or_default() += 1;
            }
        }
        seen.retain(|_, c| *c > 1);
        seen
    }

    fn body_or_header(&mut self, n: usize, line: &str, repeated: &HashMap<&str, usize>) {
        let trimmed = line.trim();
        if self.title.is_none() {
            self.title = Some(trimmed.to_string());
            self.body_lines.push(n);
            self.body_since_break = true;
            return;
        }
        // The PDF starts each page's text with one space: a page break even
        // where the page had no footnotes and no running header.
        if line.starts_with(' ') && !line.starts_with("  ") && self.body_since_break {
            self.page_break();
        }
        let is_title = self.title.as_deref() == Some(trimmed);
        let header = journal_header(trimmed);
        let page_number = is_page_number(trimmed);
        if is_title || header.is_some() || page_number.is_some() || repeated.contains_key(trimmed) {
            if self.body_since_break {
                self.page_break();
            }
            if let Some(number) = page_number {
                self.page_numbers.push((self.page, number));
            }
            if let Some(h) = header {
                self.journal.get_or_insert(h);
            }
            self.header_lines.push(n);
            return;
        }
        self.body_lines.push(n);
        self.body_since_break = true;
        self.last_content_page = self.page;
    }

    /// A note number far beyond the last one is body text (a year at the
    /// start of the line that resumes the page), not a note. Repeats and
    /// small gaps stay notes, for the checker to report.
    /// The number of the note being read, else of the last note read.
    fn last_note_number(&self, open: Option<&OpenNote>) -> Option<u32> {
        open.and_then(|n| n.number)
            .or_else(|| self.footnotes.last().map(|n| n.number))
    }

    fn plausible_note_number(&self, number: &str, open: Option<&OpenNote>) -> bool {
        match (self.last_note_number(open), number.parse::<u32>()) {
            (Some(last), Ok(n)) => n <= last.saturating_add(20),
            // The first note may have any number (an excerpt starts at 37);
            // an unreadable number is reported when the note is opened.
            _ => true,
        }
    }

    fn page_break(&mut self) {
        self.page += 1;
        self.body_since_break = false;
    }

    fn new_open(&self, n: usize, number: Option<u32>, symbol: char) -> OpenNote {
        OpenNote {
            number,
            symbol,
            line: n,
            end_line: n,
            page: self.page,
            builder: NoteBuilder::keeping_hyphens(),
        }
    }

    fn open_note(&mut self, n: usize, number: &str, text_at: usize) -> OpenNote {
        let parsed = number.parse::<u32>().ok();
        if parsed.is_none() {
            let start = self.source.pos(self.line_offset(n));
            let end = self.source.pos(self.line_offset(n) + number.len());
            self.problems.push(
                Diagnostic::new(
                    Severity::Error,
                    "note-number-too-large",
                    start,
                    end,
                    format!("footnote number `{number}` is too large to be a note number"),
                )
                .with_help("note numbers run 1, 2, 3 …; this line was skipped"),
            );
        }
        let mut note = self.new_open(n, parsed, ' ');
        let line = self.source.line(n);
        note.builder.push_line(
            line.get(text_at..).unwrap_or(""),
            self.line_offset(n) + text_at,
        );
        note
    }

    /// Take the last numbered note back up to append a continuation.
    fn reopen_last(&mut self) -> Option<OpenNote> {
        let last = self.footnotes.pop()?;
        Some(OpenNote {
            number: Some(last.number),
            symbol: ' ',
            line: last.line,
            end_line: last.end_line,
            page: last.page,
            builder: NoteBuilder {
                text: last.text,
                map: last.map,
                join_hyphenated: false,
            },
        })
    }

    fn close(&mut self, note: Option<OpenNote>) {
        let Some(mut note) = note else { return };
        self.last_content_page = self.last_content_page.max(note.page);
        // A paper's notes are all held until its outputs are written: not
        // the spare room their texts grew with, a third of them on average.
        note.builder.text.shrink_to_fit();
        note.builder.map.shrink_to_fit();
        match note.number {
            Some(number) => self.footnotes.push(Footnote {
                number,
                line: note.line,
                end_line: note.end_line,
                page: note.page,
                text: note.builder.text,
                map: note.builder.map,
                marker: None,
            }),
            None if note.symbol != ' ' => self.symbol_notes.push(SymbolNote {
                symbol: note.symbol,
                line: note.line,
                text: note.builder.text,
            }),
            None => {}
        }
    }

    /// The document, with an empty `source` for the caller to fill in.
    fn finish(mut self) -> Document {
        let source = self.source;
        let markers = find_markers(source, &self.body_lines, &self.footnotes);
        // The first marker of each number (a map, not a search per note: a
        // search would be quadratic in the number of notes).
        let mut first_marker: HashMap<u32, Pos> = HashMap::with_capacity(markers.len());
        for m in &markers {
            first_marker.entry(m.number).or_insert(m.pos);
        }
        for note in &mut self.footnotes {
            note.marker = first_marker.get(&note.number).copied();
        }
        // Running headers number the pages: the most common offset wins.
        let mut offsets: HashMap<i64, usize> = HashMap::new();
        for (index, printed) in &self.page_numbers {
            *offsets.entry(*printed as i64 - *index as i64).or_default() += 1;
        }
        let offset = offsets
            .into_iter()
            .max_by_key(|(o, c)| (*c, -o.abs(), *o))
            .map(|(o, _)| o);
        if let Some(offset) = offset {
            for note in &mut self.footnotes {
                note.page = (note.page as i64 + offset).max(1) as usize;
            }
        }
        let page_count = self.last_content_page;
        let front = front_matter(
            source,
            &self.body_lines,
            &self.symbol_notes,
            self.title.clone(),
            self.journal.take(),
            offset.map(|o| {
                (
                    (1 + o).max(1) as usize,
                    (page_count as i64 + o).max(1) as usize,
                )
            }),
        );
        let mut doc = Document {
            source: SourceText::new(""),
            footnotes: self.footnotes,
            symbol_notes: self.symbol_notes,
            markers,
            header_lines: self.header_lines,
            front,
            page_count,
            problems: self.problems,
        };
        doc.problems.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        doc.footnotes.shrink_to_fit();
        doc.markers.shrink_to_fit();
        doc
    }
}

/// Is `digits` (a run glued to the text before it) the marker of note
/// `expected`, perhaps with more digits glued after it (`21989 年`, where the
/// marker is 2 and 1989 a year)?
fn marker_split(digits: &str, expected: u32, next: &str) -> bool {
    let wanted = expected.to_string();
    let Some(rest) = digits.strip_prefix(wanted.as_str()) else {
        return false;
    };
    if rest.is_empty() {
        // `3月`, `5 人`, `2005年`: a quantity, not a marker.
        return !next.trim_start().starts_with([
            '年', '月', '日', '時', '点', '點', '個', '人', '名', '萬', '億', '%', '％',
        ]);
    }
    if rest.starts_with('0') || is_plausible_year(digits) {
        return false;
    }
    is_plausible_year(rest) || next.trim_start().starts_with(['年', '月', '日'])
}

fn is_plausible_year(digits: &str) -> bool {
    digits.len() == 4
        && digits
            .parse::<u32>()
            .is_ok_and(|y| (1000..=2999).contains(&y))
}

/// Can a digit run that follows `prev` and precedes `next` be a note marker?
/// Markers are glued to the text before them and are not part of a word,
/// a number (`40,000`, `3/4`) or a model name (`Su-27SM`).
fn glued_marker_context(prev: Option<char>, prev2: Option<char>, next: Option<char>) -> bool {
    if let Some(p) = prev {
        if p.is_whitespace() || p.is_alphanumeric() && !is_cjk_ideograph(p) {
            return false;
        }
        if matches!(p, '-' | '/' | '_' | '+' | '$' | '#') {
            return false;
        }
        if matches!(p, ',' | '.' | ':') && prev2.is_some_and(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    match next {
        Some(c) => !(c.is_ascii_alphabetic() || matches!(c, '%' | '-' | '/' | '.' | ',')),
        None => true,
    }
}

/// Finds the note markers in the body, in reading order. The expected next
/// number decides how to split digits glued to a marker; a marker missing
/// from the body is skipped over (the next one or two numbers are tried too).
pub(crate) fn find_markers(
    source: &SourceText,
    body_lines: &[usize],
    notes: &[Footnote],
) -> Vec<Marker> {
    let whole: Vec<(usize, std::ops::Range<usize>)> = body_lines
        .iter()
        .map(|&n| (n, 0..source.line(n).len()))
        .collect();
    find_markers_in(source, &whole, notes)
}

/// [`find_markers`] over pieces of lines in reading order (a column of a
/// two-column page is read down before the next).
pub(crate) fn find_markers_in(
    source: &SourceText,
    body: &[(usize, std::ops::Range<usize>)],
    notes: &[Footnote],
) -> Vec<Marker> {
    let numbers: Vec<u32> = notes.iter().map(|n| n.number).collect();
    let mut markers = Vec::new();
    let mut next_index = 0usize;
    let mut prev_line_last: Option<char> = None;
    for (n, range) in body {
        let line = source.line(*n).get(range.clone()).unwrap_or("");
        let line_start = source.line_range(*n).start + range.start;
        let mut prev: Option<char> = None;
        let mut prev2: Option<char> = None;
        let mut iter = line.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if !c.is_ascii_digit() {
                prev2 = prev;
                prev = Some(c);
                continue;
            }
            let run_end = line
                .get(i..)
                .and_then(|s| s.find(|c: char| !c.is_ascii_digit()))
                .map_or(line.len(), |e| i + e);
            let digits = line.get(i..run_end).unwrap_or("");
            let after = line.get(run_end..).unwrap_or("");
            let context_prev = if i == 0 { prev_line_last } else { prev };
            // `documentation1 for`, `version 1.3c3`: a raised mark set
            // against the end of a word, which digits inside a name
            // (`Su27`, `mp3`) also give: taken only as exactly the next
            // note's number.
            let after_word = i > 0
                && context_prev.is_some_and(|p| p.is_alphabetic() && !is_cjk_ideograph(p))
                && prev2.is_some_and(char::is_alphanumeric)
                && after
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')'));
            // Exactly the next number, written without a leading zero.
            let expected_next = numbers
                .get(next_index)
                .copied()
                .filter(|n| !digits.starts_with('0') && digits.parse::<u32>().ok() == Some(*n));
            if let Some(number) = expected_next.filter(|_| after_word) {
                let start = line_start + i;
                markers.push(Marker {
                    number,
                    pos: source.pos(start),
                    range: start..start + digits.len(),
                });
                next_index += 1;
            } else if glued_marker_context(context_prev, prev2, after.chars().next()) {
                // Try the expected number, then the next two (a marker may be
                // missing), then one past the last note (a marker with no note).
                let mut candidates: Vec<u32> =
                    numbers.iter().skip(next_index).take(3).copied().collect();
                if next_index >= numbers.len() {
                    candidates.push(numbers.last().map_or(1, |l| l.saturating_add(1)));
                }
                for (skip, &expected) in candidates.iter().enumerate() {
                    let exact_only = skip > 0;
                    if (exact_only && digits != expected.to_string())
                        || !marker_split(digits, expected, after)
                    {
                        continue;
                    }
                    let start = line_start + i;
                    let len = expected.to_string().len();
                    markers.push(Marker {
                        number: expected,
                        pos: source.pos(start),
                        range: start..start + len,
                    });
                    next_index += skip + 1;
                    break;
                }
            }
            // Skip the rest of the run.
            while iter.peek().is_some_and(|(j, _)| *j < run_end) {
                iter.next();
            }
            prev2 = line.get(..run_end).and_then(|s| s.chars().nth_back(1));
            prev = line.get(..run_end).and_then(|s| s.chars().next_back());
        }
        prev_line_last = line.trim_end().chars().next_back().or(prev_line_last);
    }
    markers
}

/// What the first page, the author notes and the running headers say about
/// the paper itself.
pub(crate) fn front_matter(
    source: &SourceText,
    body_lines: &[usize],
    symbol_notes: &[SymbolNote],
    title: Option<String>,
    journal: Option<JournalHeader>,
    pages: Option<(usize, usize)>,
) -> FrontMatter {
    let mut front = FrontMatter {
        title: title.map(|t| {
            t.trim_matches(|c: char| c.is_whitespace() || "＊*".contains(c))
                .to_string()
        }),
        ..FrontMatter::default()
    };
    if let Some(h) = journal {
        front.journal = Some(h.journal);
        front.issue = h.issue;
        front.volume = h.volume;
        front.date = h.date;
    }
    if let Some((first, last)) = pages {
        front.first_page = Some(first);
        front.last_page = Some(last);
    }
    // The author line follows the title: short, and marked for the author
    // note when there is one.
    let has_author_note = !symbol_notes.is_empty();
    if let Some(&author_line) = body_lines.get(1) {
        let text = source.line(author_line).trim();
        let marked = text.ends_with(['＊', '*', '†']);
        let short = text.chars().count() <= 40;
        if short && (marked || !has_author_note) && !text.contains(['：', ':', '。']) {
            let bare = text.trim_end_matches(['＊', '*', '†']).trim();
            front.authors = bare
                .split(['、', '，', ','])
                .flat_map(|s| s.split(" and "))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
        }
    }
    // Abstract: from a line `摘要`/`Abstract` to the keywords line.
    let mut in_abstract = false;
    let mut abstract_text = String::new();
    for &n in body_lines {
        let text = source.line(n).trim();
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if squeezed == "摘要" {
            in_abstract = true;
            continue;
        }
        if let Some(k) = text
            .strip_prefix("關鍵詞：")
            .or_else(|| text.strip_prefix("關鍵詞:"))
            .or_else(|| text.strip_prefix("关键词："))
        {
            front.keywords.get_or_insert_with(|| k.trim().to_string());
            in_abstract = false;
            continue;
        }
        if in_abstract {
            if squeezed.starts_with("壹") || squeezed == "Abstract" {
                in_abstract = false;
                continue;
            }
            abstract_text.push_str(text);
        }
    }
    if !abstract_text.is_empty() {
        front.abstract_text = Some(abstract_text);
    }
    front
}

fn header_date(text: &str) -> Option<crate::model::Date> {
    let span = crate::cite::Span::new(text);
    crate::cite::dates::chinese_date(span)
        .or_else(|_| crate::cite::dates::english_date(span))
        .ok()
        .filter(|(rest, _)| rest.fragment().trim().is_empty())
        .map(|(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEP: &str = "                                        ";

    /// A marker glued to a year splits off it (`41989 的`: note 4, then
    /// 1989); to four digits that are no year (`49999`), it does not.
    #[test]
    fn a_marker_splits_from_a_year_glued_after_it() {
        assert!(marker_split("41989", 4, " 的"));
        assert!(!marker_split("49999", 4, " 的"));
        assert!(!marker_split("40999", 4, " 的"));
        assert!(marker_split("499", 4, " 年"));
    }

    #[test]
    fn classifies_lines() {
        assert_eq!(classify(""), LineKind::Blank);
        assert_eq!(classify(" "), LineKind::Blank);
        assert_eq!(classify(SEP), LineKind::Separator);
        assert!(matches!(
            classify("12 Allen Lynch"),
            LineKind::NoteStart {
                number: "12",
                text_at: 3
            }
        ));
        assert!(matches!(
            classify("＊ 中興大學"),
            LineKind::SymbolNote { symbol: '＊', .. }
        ));
        assert!(matches!(
            classify("   p.11."),
            LineKind::Continuation { text_at: 3 }
        ));
        assert_eq!(classify(" 頁。3"), LineKind::Text);
        assert_eq!(classify("27除了推動"), LineKind::Text);
        assert!(matches!(
            classify("1991 年 12 月 31 日蘇聯瓦解後"),
            LineKind::QuantityStart { number: "1991", .. }
        ));
        assert_eq!(classify("______________________"), LineKind::Separator);
    }

    #[test]
    fn joins_cjk_without_spaces_and_latin_with_one() {
        assert!(!join_needs_space('蘇', '聯'));
        assert!(!join_needs_space('，', '2'));
        assert!(!join_needs_space('y', '」'));
        assert!(join_needs_space('d', 'S'));
        assert!(join_needs_space('9', '年'));
        assert!(!join_needs_space('-', 'C'));
    }

    #[test]
    fn words_broken_across_lines_rejoin_only_in_typeset_text() {
        let mut typeset = NoteBuilder::default();
        typeset.push_line("Military Cooper-", 0);
        typeset.push_line("ation and Post-", 20);
        typeset.push_line("Soviet Russia", 40);
        assert_eq!(typeset.text, "Military Cooperation and Post-Soviet Russia");
        let mut ruled = NoteBuilder::keeping_hyphens();
        ruled.push_line("Military Cooper-", 0);
        ruled.push_line("ation", 20);
        assert_eq!(ruled.text, "Military Cooper-ation");
    }

    #[test]
    fn web_addresses_broken_across_lines_rejoin() {
        let mut note = NoteBuilder::default();
        note.push_line("See http://www.nato.int/issues/", 0);
        note.push_line("enlargement.htm (accessed 1 June 2006).", 40);
        note.push_line("Next", 90);
        assert_eq!(
            note.text,
            "See http://www.nato.int/issues/enlargement.htm (accessed 1 June 2006). Next"
        );
        // A hyphen at the break of an address is the address's own.
        let mut note = NoteBuilder::default();
        note.push_line("https://example.org/keeping-time-in-", 0);
        note.push_line("the-raj.", 40);
        assert_eq!(note.text, "https://example.org/keeping-time-in-the-raj.");
        // After Chinese text with no space, and in the old scheme of file
        // transfer.
        let mut note = NoteBuilder::default();
        note.push_line("2018 年 4 月 10 日，https://ctan.org/pkg/biblatex-gb77", 0);
        note.push_line("14-2015。", 60);
        assert_eq!(
            note.text,
            "2018 年 4 月 10 日，https://ctan.org/pkg/biblatex-gb7714-2015。"
        );
        let mut note = NoteBuilder::default();
        note.push_line("ftp://ftp.isi.edu/end2end/", 0);
        note.push_line("end2end-interest-1990.mail.", 30);
        assert_eq!(
            note.text,
            "ftp://ftp.isi.edu/end2end/end2end-interest-1990.mail."
        );
    }

    #[test]
    fn splits_glued_digits_by_the_expected_number() {
        assert!(marker_split("21989", 2, " 年 5 月"));
        assert!(marker_split("322005", 32, ""));
        assert!(marker_split("3", 3, ""));
        assert!(marker_split("3", 3, "當戈巴契夫"));
        assert!(!marker_split("3", 3, "月，雙方"));
        assert!(!marker_split("2004", 2, " 年"));
        assert!(!marker_split("1990", 19, " 年代"));
        assert!(!marker_split("300", 3, " 萬"));
        assert!(!marker_split("45", 4, ""));
    }

    #[test]
    fn markers_are_glued_but_not_inside_numbers_or_names() {
        assert!(glued_marker_context(Some('。'), None, Some('當')));
        assert!(glued_marker_context(Some('」'), None, None));
        assert!(!glued_marker_context(Some(' '), None, Some('年')));
        assert!(!glued_marker_context(Some('-'), Some('u'), Some('S')));
        assert!(!glued_marker_context(Some(','), Some('0'), Some(' ')));
        assert!(!glued_marker_context(Some('。'), None, Some('%')));
    }

    fn paper() -> String {
        [
            " 標題",
            "",
            "作者＊",
            "",
            "本文討論軍事合作。1當時情勢",
            "",
            "已經改變」。21989 年 5 月雙方會談",
            SEP,
            "＊ 某大學教授。",
            "1 Allen Lynch, “Changing Views,” in A. B. Smith (ed.), Book (New York: Praeger,  ",
            "  1991), p.388. ",
            "2 熊光楷，國際戰略（北京：清華大學出版社，2003 ",
            "  年），頁 9。",
            "標題",
            "",
            "5",
            "",
            " 頁。3",
            "",
            SEP,
            "3 Ibid.",
        ]
        .join("\n")
    }

    #[test]
    fn reads_notes_markers_and_pages() {
        let doc = read(&paper());
        let numbers: Vec<u32> = doc.footnotes.iter().map(|f| f.number).collect();
        assert_eq!(numbers, [1, 2, 3]);
        let first = &doc.footnotes[0];
        assert_eq!((first.line, first.end_line), (10, 11));
        assert!(first.text.ends_with("(New York: Praeger, 1991), p.388."));
        assert_eq!(
            doc.footnotes[1].text,
            "熊光楷，國際戰略（北京：清華大學出版社，2003 年），頁 9。"
        );
        let markers: Vec<(u32, u32, u32)> = doc
            .markers
            .iter()
            .map(|m| (m.number, m.pos.line, m.pos.column))
            .collect();
        assert_eq!(markers, [(1, 5, 10), (2, 7, 7), (3, 18, 4)]);
        assert_eq!(doc.symbol_notes.len(), 1);
        assert_eq!(doc.front.title.as_deref(), Some("標題"));
        assert_eq!(doc.front.authors, ["作者"]);
        // The header `5` numbers the second page: pages 4 and 5.
        assert_eq!(doc.footnotes[0].page, 4);
        assert_eq!(doc.footnotes[2].page, 5);
        assert_eq!(doc.header_lines, [14, 16]);
    }

    #[test]
    fn offsets_map_back_to_source_lines() {
        let doc = read(&paper());
        let note = &doc.footnotes[0];
        let at = note.text.find("1991").unwrap();
        let pos = doc.source.pos(note.map.to_source(at));
        assert_eq!((pos.line, pos.column), (11, 3));
    }

    #[test]
    fn a_note_continues_across_a_page_break() {
        let text = format!(
            "正文。1\n{SEP}\n1 Allen Lynch, Soviet Views of the World (New York:\n 下一頁正文。2\n{SEP}\n  Praeger, 1991), p. 3.\n2 Ibid.\n"
        );
        let doc = read(&text);
        let numbers: Vec<u32> = doc.footnotes.iter().map(|f| f.number).collect();
        assert_eq!(numbers, [1, 2]);
        assert_eq!(
            doc.footnotes[0].text,
            "Allen Lynch, Soviet Views of the World (New York: Praeger, 1991), p. 3."
        );
        assert_eq!((doc.footnotes[0].line, doc.footnotes[0].end_line), (3, 6));
        assert_eq!(doc.footnotes[1].marker.map(|m| m.line), Some(4));
    }

    #[test]
    fn journal_headers_in_both_languages() {
        let h = journal_header("問題與研究 第 45 卷第 3 期（2006 年 5-6 月）").unwrap();
        assert_eq!(
            (h.journal.as_str(), h.volume.as_deref(), h.issue.as_deref()),
            ("問題與研究", Some("45"), Some("3"))
        );
        assert_eq!(h.date.map(|d| d.start.month), Some(Some(5)));
        let h = journal_header("俄羅斯學報 第五期 (2006 年 12 月)").unwrap();
        assert_eq!(
            (h.journal.as_str(), h.issue.as_deref()),
            ("俄羅斯學報", Some("5"))
        );
        let h = journal_header("Issues & Studies, Vol. 41, No. 2 (June 2005)").unwrap();
        assert_eq!(
            (h.journal.as_str(), h.volume.as_deref(), h.issue.as_deref()),
            ("Issues & Studies", Some("41"), Some("2"))
        );
        assert!(journal_header("第三章 結論").is_none());
    }

    #[test]
    fn a_year_resuming_the_page_is_not_a_note() {
        let text = format!("正文。1\n{SEP}\n1 Ibid.\n1995 Moscow meeting resumed the talks.\n");
        let doc = read(&text);
        assert_eq!(doc.footnotes.len(), 1);
        assert_eq!(doc.footnotes[0].text, "Ibid.");
    }

    #[test]
    fn a_due_note_may_begin_with_what_reads_as_a_unit() {
        // `2 人民日報` is note 2 (it is due); `1991 年…` after it is the
        // body resuming, and `5 人…` is not due.
        let text = format!(
            "正文。1正文。2\n{SEP}\n1 Ibid.\n2 人民日報，2001 年 7 月 17 日，版 1。\n\
             1991 年 12 月蘇聯瓦解。\n{SEP}\n5 人受傷。\n"
        );
        let doc = read(&text);
        let notes: Vec<(u32, &str)> = doc
            .footnotes
            .iter()
            .map(|f| (f.number, f.text.as_str()))
            .collect();
        assert_eq!(
            notes,
            [(1, "Ibid."), (2, "人民日報，2001 年 7 月 17 日，版 1。")]
        );
    }

    #[test]
    fn a_thirty_digit_note_number_is_reported_not_a_panic() {
        let text = format!("正文。1\n{SEP}\n123456789012345678901234567890 text\n1 Ibid.");
        let doc = read(&text);
        assert_eq!(doc.footnotes.len(), 1);
        assert_eq!(doc.problems[0].code, "note-number-too-large");
    }
}
