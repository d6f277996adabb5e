//! Notes in the layouts that most extractors give: `pdftotext` (with or
//! without `-layout`), text pasted from a PDF viewer, and footcite's own
//! rendering of a PDF. Pages are split by form feeds (else by lines that are
//! bare page numbers); a page's notes stand at its foot, numbered `N`, `N.`,
//! `N)` or by a mark alone on its line, or are gathered under an endnotes
//! heading (`Notes`, `Endnotes`, `註釋`, `注释`). The numbers must run on
//! from note to note: that, not indentation or a rule, tells notes from body
//! text. Where the reader knows the type size (a PDF), notes are the smaller
//! lines at the foot of a page, and a note continued from the page before
//! is recognised too.

use super::assemble::{assemble, NoteSpan};
use super::{is_page_number, Document, Marker};
use crate::source::SourceText;
use crate::text::circled_number;
use foldhash::{HashMap, HashMapExt};
use nom::bytes::complete::take_while_m_n;
use nom::character::complete::{char as one_char, space0};
use nom::combinator::opt;
use nom::{IResult, Parser};

/// A line of a page, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineInfo {
    /// 1-based line of the source text.
    pub line: usize,
    /// Set smaller than the body text (`Some(true)`), the body's size
    /// (`Some(false)`), or not known (plain text).
    pub small: Option<bool>,
}

/// One page (or one column of a page), its lines in reading order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageLines {
    pub lines: Vec<LineInfo>,
    /// The page this is part of, counted from 1.
    pub page: usize,
}

/// A note's lines as found: where its text starts on each.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FoundNote {
    number: u32,
    page: usize,
    /// (source line, byte range of the note's text in the line).
    pieces: Vec<(usize, usize, usize)>,
}

/// U+20DD, the combining enclosing circle of ctex's circled note marks.
const ENCLOSING_CIRCLE: char = '\u{20dd}';

/// Headings of an endnotes section, compared without case.
const ENDNOTE_HEADINGS: &[&str] = &[
    "notes", "endnotes", "note", "註釋", "注释", "註", "注", "附註", "附注", "註解", "注解",
];

/// Headings that end an endnotes section.
const AFTER_ENDNOTES: &[&str] = &[
    "bibliography",
    "references",
    "works cited",
    "sources",
    "index",
    "參考文獻",
    "参考文献",
    "參考書目",
    "参考书目",
    "徵引書目",
    "引用書目",
];

/// A note's number at the start of a line: `12 `, `12. `, `12) `, or `12`
/// glued to the text (`12See`, a raised mark the extractor did not space).
/// Returns the number's digits and where the text starts.
fn note_label(line: &str) -> IResult<&str, &str> {
    let (rest, _) = space0(line)?;
    let (rest, digits) = take_while_m_n(1, 5, |c: char| c.is_ascii_digit()).parse(rest)?;
    let (rest, _) = opt(nom::branch::alt((one_char('.'), one_char(')')))).parse(rest)?;
    Ok((rest, digits))
}

/// How a line reads as the start of a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct NoteStart {
    number: u32,
    /// Byte offset of the note's text in the line; `None` for a mark alone
    /// on its line (the text is on the next line).
    text_at: Option<usize>,
}

fn note_start(line: &str) -> Option<NoteStart> {
    // `① 參見…`: a circled number opens a note, spaced or not.
    let trimmed = line.trim_start();
    if let Some(number) = trimmed.chars().next().and_then(circled_number) {
        let rest = trimmed.get(number_len(trimmed)..).unwrap_or("");
        let text = rest.trim_start();
        return Some(NoteStart {
            number,
            text_at: (!text.is_empty()).then(|| line.len() - text.len()),
        });
    }
    let (rest, digits) = note_label(line).ok()?;
    let number: u32 = digits.parse().ok()?;
    if number == 0 {
        return None;
    }
    let text = rest.trim_start();
    if text.is_empty() {
        return Some(NoteStart {
            number,
            text_at: None,
        });
    }
    let spaced = rest.len() != text.len();
    let first = text.chars().next()?;
    // `1.1 Loading`, `3,000 troops`, `12:30`, `1990s`: numbers, not labels.
    let glued_ok = first.is_alphabetic() && !first.is_ascii_lowercase()
        || matches!(first, '“' | '"' | '‘' | '「' | '《' | '〈' | '(' | '（');
    let label_end = line.len() - rest.len();
    let after_label = line.get(label_end - 1..label_end).unwrap_or("");
    let dotted = after_label == "." || after_label == ")";
    // `124. 2 Kings 11.8`: a dotted, spaced label before a numbered book
    // name; other text that opens with a digit is a number, not a note.
    let numbered_name = dotted && spaced && {
        let after_digits = text.trim_start_matches(|c: char| c.is_ascii_digit());
        text.len() - after_digits.len() == 1
            && after_digits
                .strip_prefix(' ')
                .is_some_and(|name| name.starts_with(|c: char| c.is_uppercase()))
    };
    if (spaced || glued_ok && !dotted)
        && (!first.is_ascii_digit() || numbered_name)
        && !matches!(first, ',' | ':' | '%' | '-' | '/')
    {
        Some(NoteStart {
            number,
            text_at: Some(line.len() - text.len()),
        })
    } else {
        None
    }
}

/// The byte length of the circled number that opens `text`.
fn number_len(text: &str) -> usize {
    text.chars().next().map_or(0, char::len_utf8)
}

/// Bare page numbers in their common dressings: `12`, `- 12 -`, `Page 12`,
/// `xii`.
fn page_number(trimmed: &str) -> bool {
    let inner = trimmed
        .trim_matches(|c: char| matches!(c, '-' | '–' | '—' | ' '))
        .trim();
    let inner = inner
        .strip_prefix("Page ")
        .or_else(|| inner.strip_prefix("page "))
        .unwrap_or(inner)
        .trim();
    is_page_number(inner).is_some()
        || (!inner.is_empty()
            && inner.len() <= 6
            && inner.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')))
}

/// A heading matched without case, trailing colon or surrounding spaces.
fn is_heading(text: &str, headings: &[&str]) -> bool {
    let t = text.trim().trim_end_matches([':', '：']).trim();
    let squeezed: String = t
        .chars()
        .filter(|c| !c.is_whitespace() || t.is_ascii())
        .collect();
    headings.iter().any(|h| squeezed.eq_ignore_ascii_case(h))
}

/// Split a plain text into pages: at form feeds, else after lines that are
/// bare page numbers counting up, else one page.
pub fn pages_of_text(source: &SourceText) -> Vec<PageLines> {
    let count = source.line_count();
    let mut pages = vec![PageLines {
        lines: Vec::new(),
        page: 1,
    }];
    let has_form_feeds = source.text().contains('\u{c}');
    let numbered_breaks = if has_form_feeds {
        Vec::new()
    } else {
        page_number_breaks(source)
    };
    let mut next_break = numbered_breaks.iter().peekable();
    for n in 1..=count {
        let line = source.line(n);
        if has_form_feeds && line.starts_with('\u{c}') && n > 1 {
            let page = pages.len() + 1;
            pages.push(PageLines {
                lines: Vec::new(),
                page,
            });
        }
        if let Some(last) = pages.last_mut() {
            // ctex's circled marks come out as an enclosing circle on a
            // line of its own: nothing to read.
            if !line
                .trim_matches(|c: char| c.is_whitespace() || c == ENCLOSING_CIRCLE)
                .is_empty()
            {
                last.lines.push(LineInfo {
                    line: n,
                    small: None,
                });
            }
        }
        if next_break.peek() == Some(&&n) {
            next_break.next();
            let page = pages.len() + 1;
            pages.push(PageLines {
                lines: Vec::new(),
                page,
            });
        }
    }
    pages.retain(|p| !p.lines.is_empty() || p.page == 1);
    pages
}

/// Lines that are bare page numbers counting up by one (at least two of
/// them): the breaks of a text pasted without form feeds.
fn page_number_breaks(source: &SourceText) -> Vec<usize> {
    let mut breaks: Vec<(usize, usize)> = Vec::new();
    for n in 1..=source.line_count() {
        let trimmed = source.line(n).trim();
        let blank_around = source.line(n.saturating_sub(1)).trim().is_empty()
            || source.line(n + 1).trim().is_empty();
        if let Some(number) = is_page_number(trimmed) {
            let follows = breaks
                .last()
                .is_none_or(|&(_, last)| Some(number) == last.checked_add(1));
            if blank_around && follows {
                breaks.push((n, number));
            }
        }
    }
    if breaks.len() < 2 {
        return Vec::new();
    }
    breaks.into_iter().map(|(n, _)| n).collect()
}

/// Running heads and feet: page numbers as the first or last line of a
/// page, and lines (digits aside) that stand among the first two or the
/// last line of several pages.
fn header_lines(source: &SourceText, pages: &[PageLines]) -> Vec<usize> {
    let normal = |n: usize| -> String {
        let t = source.line(n).trim().trim_start_matches('\u{c}');
        t.chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let edges = |p: &PageLines| -> Vec<(usize, bool)> {
        let mut v: Vec<(usize, bool)> = p.lines.iter().take(2).map(|l| (l.line, true)).collect();
        if let Some(last) = p.lines.last() {
            if !v.iter().any(|(n, _)| *n == last.line) {
                v.push((last.line, false));
            }
        }
        v
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for p in pages {
        for (n, _) in edges(p) {
            let key = normal(n);
            if key.chars().count() >= 3 {
                *seen.entry(key).or_default() += 1;
            }
        }
    }
    let needed = if pages.len() <= 4 { 2 } else { 3 };
    let mut headers = Vec::new();
    for p in pages {
        let first = p.lines.first().map(|l| l.line);
        let last = p.lines.last().map(|l| l.line);
        for (n, top) in edges(p) {
            let text = source.line(n).trim().trim_start_matches('\u{c}').trim();
            let is_number = page_number(text) && (Some(n) == first || Some(n) == last);
            let repeated = seen.get(&normal(n)).is_some_and(|c| *c >= needed)
                && (top || note_start(text).is_none());
            if is_number || repeated {
                headers.push(n);
            }
        }
    }
    headers.sort_unstable();
    headers.dedup();
    headers
}

/// The reader's state across pages.
struct Finder<'s> {
    source: &'s SourceText,
    notes: Vec<FoundNote>,
    /// Plain text: a foot block counts only when the body of its page
    /// carries the marks of at least half of its notes.
    need_markers: bool,
    /// The numbers of the marks a PDF reader found raised in the body, by
    /// source line: small lines at a page's foot that start the numbering
    /// are notes only when the page marks one of them at least (not an
    /// example set in small type).
    known_marks: HashMap<usize, Vec<u32>>,
}

impl<'s> Finder<'s> {
    /// All of line `n` as body text.
    fn whole(&self, n: usize) -> BodyPiece {
        (n, 0..self.source.line(n).len())
    }

    fn text_of(&self, n: usize) -> &'s str {
        self.source.line(n).trim_start_matches('\u{c}')
    }

    fn start_of(&self, n: usize) -> Option<NoteStart> {
        note_start(self.text_of(n))
    }

    fn expected(&self) -> Option<u32> {
        self.notes.last().map(|n| n.number.saturating_add(1))
    }

    /// Does a run starting at `first` take up the numbering that a short
    /// restart at 1 broke (a sample page with notes of its own, reproduced
    /// in a figure)? Returns where the sample's notes start. Only the last
    /// notes are looked at, as a sample has at most `MAX_SAMPLE_NOTES`:
    /// this runs for every candidate run of every page.
    fn resumes(&self, first: u32) -> Option<usize> {
        let tail = self.notes.len().saturating_sub(MAX_SAMPLE_NOTES + 1);
        let recent = self.notes.get(tail..)?;
        let restart = tail
            + recent
                .windows(2)
                .rposition(|w| matches!(w, [a, b] if b.number == 1 && a.number > 1))?
            + 1;
        // The note before the restart is numbered above 1, so `next` is at
        // least 3: a run of 1 or 2 never resumes.
        let next = self.notes.get(restart - 1)?.number.saturating_add(1);
        (first == next || Some(first) == next.checked_add(1)).then_some(restart)
    }

    /// Can a run of notes begin with `number` here? The expected number,
    /// the one after (a note missed), or 1 (numbering restarted).
    fn may_begin(&self, number: u32) -> bool {
        match self.expected() {
            None => number <= 3,
            Some(e) => number == e || Some(number) == e.checked_add(1) || number == 1,
        }
    }

    /// The longest run of consecutive note numbers among `lines` that can
    /// begin here, as indices into `lines`; on a tie, the run that starts
    /// latest (the foot of the page, not a numbered heading above it).
    fn best_run(&self, lines: &[LineInfo]) -> Vec<(usize, NoteStart)> {
        let starts: Vec<Option<NoteStart>> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let start = self.start_of(l.line)?;
                // A mark alone: its text is the next line, which must not
                // be a mark or a label itself.
                if start.text_at.is_none() {
                    let next = lines.get(i + 1)?;
                    if self.start_of(next.line).is_some() {
                        return None;
                    }
                }
                Some(start)
            })
            .collect();
        // chain[i]: length of the run from line i, and the next line in it.
        let mut chain: Vec<(usize, Option<usize>)> = vec![(0, None); lines.len()];
        let mut nearest: HashMap<u32, usize> = HashMap::new();
        for i in (0..lines.len()).rev() {
            if let Some(Some(s)) = starts.get(i) {
                let next = s
                    .number
                    .checked_add(1)
                    .and_then(|n| nearest.get(&n).copied());
                let len = 1 + next.and_then(|j| chain.get(j)).map_or(0, |c| c.0);
                if let Some(c) = chain.get_mut(i) {
                    *c = (len, next);
                }
                nearest.insert(s.number, i);
            }
        }
        let mut best: Option<(usize, usize)> = None;
        for (i, s) in starts.iter().enumerate() {
            let Some(s) = s else { continue };
            if !self.may_begin(s.number) {
                continue;
            }
            let len = chain.get(i).map_or(0, |c| c.0);
            let better = match best {
                None => true,
                // Later starts win ties; the expected number wins over a
                // skip or a restart.
                Some((bi, blen)) => {
                    let rank = |idx: usize| {
                        let n = starts.get(idx).copied().flatten().map_or(0, |s| s.number);
                        u8::from(Some(n) == self.expected())
                    };
                    (len, rank(i)) >= (blen, rank(bi))
                }
            };
            if better {
                best = Some((i, len));
            }
        }
        let mut run = Vec::new();
        let mut at = best.map(|b| b.0);
        while let Some(i) = at {
            if let Some(Some(s)) = starts.get(i) {
                run.push((i, *s));
            }
            at = chain.get(i).and_then(|c| c.1);
        }
        run
    }

    /// Record the notes of `run` over `lines`: every line from the run's
    /// first to the end belongs to a note; `page_of` gives the page of the
    /// line at an index.
    fn take_run(
        &mut self,
        lines: &[LineInfo],
        run: &[(usize, NoteStart)],
        page_of: impl Fn(usize) -> usize,
    ) {
        let Some((first, _)) = run.first() else {
            return;
        };
        let mut starts = run.iter().peekable();
        for (i, l) in lines.iter().enumerate().skip(*first) {
            if let Some((_, s)) = starts.next_if(|(j, _)| *j == i) {
                self.notes.push(FoundNote {
                    number: s.number,
                    page: page_of(i),
                    pieces: Vec::new(),
                });
                if let Some(at) = s.text_at {
                    self.push_piece(l.line, at);
                }
                continue;
            }
            self.push_piece(l.line, 0);
        }
    }

    fn push_piece(&mut self, line: usize, at: usize) {
        let text = self.source.line(line);
        let offset = if text.starts_with('\u{c}') {
            at + 1
        } else {
            at
        };
        if let Some(note) = self.notes.last_mut() {
            note.pieces.push((line, offset, text.len()));
        }
    }

    /// The notes at the foot of one page (or column). Returns the lines
    /// that are body text.
    fn foot(&mut self, page: &PageLines) -> Vec<BodyPiece> {
        let lines = &page.lines;
        if lines.iter().any(|l| l.small.is_some()) {
            // Type sizes known: the notes are the small lines at the foot,
            // above at most two lines of a running foot.
            let Some(last_small) = lines.iter().rposition(|l| l.small == Some(true)) else {
                return lines.iter().map(|l| self.whole(l.line)).collect();
            };
            if lines.len() - last_small > MAX_FOOT_LINES + 1 {
                return lines.iter().map(|l| self.whole(l.line)).collect();
            }
            let foot_lines = lines.get(last_small + 1..).unwrap_or(&[]);
            let lines = lines.get(..=last_small).unwrap_or(&[]);
            let zone = lines
                .iter()
                .rposition(|l| l.small != Some(true))
                .map_or(0, |i| i + 1);
            let mut body: Vec<BodyPiece> = lines
                .iter()
                .take(zone)
                .map(|l| self.whole(l.line))
                .collect();
            let run = self.best_run(lines.get(zone..).unwrap_or(&[]));
            let Some((first, _)) = run.first().copied() else {
                return page.lines.iter().map(|l| self.whole(l.line)).collect();
            };
            // A run that carries on the numbering is taken as it is; one
            // that starts it (or starts it again) must be marked in the
            // body at least once.
            let carries_on = run
                .first()
                .is_some_and(|(_, s)| Some(s.number) == self.expected());
            if !self.known_marks.is_empty() && !carries_on {
                // Circled marks (`①`) are text, not raised digits: read
                // from the body's lines.
                let marked: Vec<u32> =
                    body.iter()
                        .filter_map(|(n, _)| self.known_marks.get(n))
                        .flatten()
                        .copied()
                        .chain(body.iter().flat_map(|(n, _)| {
                            self.source.line(*n).chars().filter_map(circled_number)
                        }))
                        .collect();
                let evidence = run
                    .iter()
                    .filter(|(_, s)| marked.contains(&s.number))
                    .count();
                // None of them marked: an example set in small type. (Some
                // marks are missed: set in a note, or not raised.)
                if evidence == 0 {
                    return page.lines.iter().map(|l| self.whole(l.line)).collect();
                }
            }
            // Small lines above the first number continue the last note.
            if first > 0 && !self.notes.is_empty() {
                for l in lines.get(zone..zone + first).unwrap_or(&[]) {
                    self.push_piece(l.line, 0);
                }
            }
            let zone_lines = lines.get(zone..).unwrap_or(&[]);
            self.take_run(zone_lines, &run, |_| page.page);
            body.extend(foot_lines.iter().map(|l| self.whole(l.line)));
            return body;
        }
        self.plain_page(page)
    }

    /// Notes under an endnotes heading: every line to the section's end.
    fn endnotes(&mut self, lines: &[LineInfo], page_of: &[usize]) {
        let run = self.best_run(lines);
        self.take_run(lines, &run, |i| page_of.get(i).copied().unwrap_or(1));
    }
}

/// A piece of body text: a source line and the byte range of it that is
/// body (a whole line, or one column of it).
type BodyPiece = (usize, std::ops::Range<usize>);

/// Lines of a running foot (a title, a page number) that may stand below a
/// page's notes.
const MAX_FOOT_LINES: usize = 2;

/// Most lines a note of plain text runs to: a longer stretch is body text.
const MAX_NOTE_LINES: usize = 30;

/// The most notes a sample page reproduced in the text may carry (its
/// numbering starts at 1 and the paper's then resumes).
const MAX_SAMPLE_NOTES: usize = 6;

/// A note of a run: its number, the segment of its mark, and the segment
/// and byte offset where its text begins.
type RunNote = (u32, usize, usize, usize);

/// A run of notes and the segment where it ends (exclusive).
type FoundRun = (Vec<RunNote>, usize);

/// How a run ranks: (numbering consistent, marked notes, notes, start).
type RankKey = (bool, usize, usize, usize);

/// A piece of a source line: the whole line, or one column of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seg {
    line: usize,
    /// Byte range in the source line.
    from: usize,
    to: usize,
    /// No line of the same column directly above (a blank line or a
    /// removed running head).
    blank_before: bool,
}

/// Leader dots, as a table of contents sets between a title and its page:
/// dots that end the line or stand just before its page number. Dots
/// inside a line (`⟨key=value, . . . ⟩`) are an ellipsis.
fn has_leader_dots(text: &str) -> bool {
    let t = text.trim_end();
    let before_page = t
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, 'i' | 'v' | 'x'))
        .trim_end();
    let numbered = before_page.len() < t.len();
    let leader = |s: &str| s.ends_with(". . . .") || s.ends_with("....");
    leader(t)
        || numbered
            && (leader(before_page) || before_page.ends_with(". . .") || before_page.ends_with('…'))
}

/// A numbered table-of-contents line: leader dots, or a page number set
/// apart by a run of spaces (`1 Einleitung      3`).
fn reads_as_toc(text: &str) -> bool {
    let t = text.trim_end();
    if has_leader_dots(t) {
        return true;
    }
    let body = t.trim_end_matches(|c: char| c.is_ascii_digit());
    body.len() < t.len() && body.ends_with("   ") && !body.trim().is_empty()
}

/// The note marks a body line carries: digits glued to the end of a word
/// or after closing punctuation (`text.3`, `Aristotle17 shows`, `。12`),
/// a number alone on the line (a mark set by itself), or a number ending
/// the line after a space (a raised mark the extractor spaced).
fn marks_in(text: &str) -> Vec<u32> {
    marks_by_strength(text)
        .into_iter()
        .map(|(n, _)| n)
        .collect()
}

/// The marks of [`marks_in`], each with whether it is glued to the text
/// (`true`) or only a number standing apart (alone on the line, or spaced
/// off at its end), which a list or a page number also gives.
fn marks_by_strength(text: &str) -> Vec<(u32, bool)> {
    let trimmed = text.trim();
    if let Some(n) = is_page_number(trimmed) {
        return u32::try_from(n)
            .map(|n| vec![(n, false)])
            .unwrap_or_default();
    }
    let chars: Vec<(usize, char)> = trimmed.char_indices().collect();
    let mut marks = Vec::new();
    let mut i = 0;
    while let Some(&(at, c)) = chars.get(i) {
        // A circled number after text is a mark (`發展①始於`); one that
        // opens the line labels a note or a list item.
        if let Some(n) = circled_number(c) {
            if i > 0 {
                marks.push((n, true));
            }
            i += 1;
            continue;
        }
        if !c.is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut j = i;
        while chars.get(j).is_some_and(|(_, c)| c.is_ascii_digit()) {
            j += 1;
        }
        let end = chars.get(j).map_or(trimmed.len(), |(b, _)| *b);
        let prev = i.checked_sub(1).and_then(|k| chars.get(k)).map(|(_, c)| *c);
        let prev2 = i.checked_sub(2).and_then(|k| chars.get(k)).map(|(_, c)| *c);
        let next = chars.get(j).map(|(_, c)| *c);
        let next2 = chars.get(j + 1).map(|(_, c)| *c);
        // Glued to a word or to closing punctuation, not inside a number
        // (`6.1`, `1,5`) or a word with digits in its middle (`H2O`).
        let glued = prev.is_some_and(|p| {
            let closing = matches!(
                p,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '”' | '’' | '"' | '\'' | '»' | '«'
            );
            // `⃝2`: a circled mark whose circle the extractor set first.
            let circled = p == ENCLOSING_CIRCLE;
            (p.is_alphabetic() || closing || circled || crate::text::is_cjk_punct(p))
                && !(matches!(p, '.' | ',' | ':') && prev2.is_some_and(|q| q.is_ascii_digit()))
        }) && !next
            .is_some_and(|n| n.is_alphanumeric() && !crate::text::is_cjk_ideograph(n))
            && !(matches!(next, Some('.' | ',')) && next2.is_some_and(|n| n.is_ascii_digit()));
        // A raised mark spaced off at the end of the line.
        let spaced_end = next.is_none()
            && prev == Some(' ')
            && prev2.is_some_and(|q| !q.is_whitespace() && !q.is_ascii_digit() && q != ',');
        // A raised mark spaced off inside a line (`titlesec 5 cannot`):
        // weak, as a page or a section number reads the same.
        let spaced_mid = prev == Some(' ')
            && prev2.is_some_and(|q| q.is_alphabetic() || matches!(q, '.' | ';' | ')' | '”'))
            && next == Some(' ')
            && j - i <= 2;
        let digits = trimmed.get(at..end).unwrap_or("");
        if (glued || spaced_end || spaced_mid) && j - i <= 3 {
            if let Ok(n) = digits.parse() {
                marks.push((n, glued));
            }
        } else if glued {
            // Two marks set side by side (`bundles.1011`: notes 10, 11).
            marks.extend(consecutive_marks(digits).into_iter().map(|n| (n, true)));
        }
        i = j;
    }
    marks
}

/// Digits too long for one mark read as consecutive marks side by side
/// (`1011` → 10, 11; `4567` → 4, 5, 6, 7), when they split that way.
fn consecutive_marks(digits: &str) -> Vec<u32> {
    for first_len in 1..=3 {
        let Some(first) = digits.get(..first_len).and_then(|d| d.parse::<u32>().ok()) else {
            break;
        };
        let mut marks = vec![first];
        let mut rest = digits.get(first_len..).unwrap_or("");
        while !rest.is_empty() {
            let Some(next) = marks.last().and_then(|m| m.checked_add(1)) else {
                break;
            };
            let Some(after) = rest.strip_prefix(next.to_string().as_str()) else {
                break;
            };
            marks.push(next);
            rest = after;
        }
        if rest.is_empty() && marks.len() >= 2 && first > 0 {
            return marks;
        }
    }
    Vec::new()
}

/// The columns of a `pdftotext -layout` page: the char column where a
/// right-hand column starts, when most lines split there at a run of
/// spaces and few lines run across it.
fn gutter(lines: &[&str]) -> Option<usize> {
    let rows: Vec<Vec<char>> = lines
        .iter()
        .map(|l| l.trim_start_matches('\u{c}').chars().collect())
        .collect();
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if rows.len() < 8 || width < 60 {
        return None;
    }
    let blank = |r: &Vec<char>, x: usize| r.get(x).is_none_or(|c| c.is_whitespace());
    let mut best: Option<(usize, usize)> = None;
    for x in width * 3 / 10..width * 7 / 10 {
        let mut both = 0;
        let mut cross = 0;
        let mut left_len = 0;
        for r in &rows {
            let left = r
                .iter()
                .take(x.saturating_sub(2))
                .any(|c| !c.is_whitespace());
            if !blank(r, x - 1) {
                cross += 1;
            } else if left && blank(r, x - 2) && !blank(r, x) {
                both += 1;
                left_len += r.iter().take(x).collect::<String>().trim().chars().count();
            }
        }
        // Prose columns: most lines split there, the left parts are long
        // (not the cells of a table), and few lines cross the gutter.
        let ok =
            both * 10 >= rows.len() * 4 && cross * 10 <= rows.len() * 2 && left_len >= both * 25;
        if ok && best.is_none_or(|(_, b)| both > b) {
            best = Some((x, both));
        }
    }
    best.map(|(x, _)| x - 1)
}

impl Finder<'_> {
    fn seg_text(&self, s: &Seg) -> &str {
        self.source.line(s.line).get(s.from..s.to).unwrap_or("")
    }

    /// The number that segment `k` of `segs` holds alone, if it does (a
    /// page number, a mark on its own line, a listing's line number).
    fn bare_number(&self, segs: &[Seg], k: usize) -> Option<usize> {
        segs.get(k)
            .and_then(|s| is_page_number(self.seg_text(s).trim()))
    }

    /// The page's lines as columns in reading order (left, then right).
    fn streams(&self, page: &PageLines) -> Vec<Vec<Seg>> {
        let texts: Vec<&str> = page
            .lines
            .iter()
            .map(|l| self.source.line(l.line))
            .collect();
        let split = gutter(&texts);
        let mut left: Vec<Seg> = Vec::new();
        let mut right: Vec<Seg> = Vec::new();
        let push = |v: &mut Vec<Seg>, line: usize, from: usize, to: usize, text: &str| {
            if text.get(from..to).is_none_or(|t| t.trim().is_empty()) {
                return;
            }
            let blank_before = v.last().is_none_or(|p| p.line + 1 != line);
            v.push(Seg {
                line,
                from,
                to,
                blank_before,
            });
        };
        for (l, text) in page.lines.iter().zip(&texts) {
            let ff = usize::from(text.starts_with('\u{c}'));
            let cut = split.and_then(|x| {
                let (b, _) = text.get(ff..)?.char_indices().nth(x)?;
                let at = ff + b;
                let crosses = text.get(..at)?.ends_with(|c: char| !c.is_whitespace())
                    && text.get(at..)?.starts_with(|c: char| !c.is_whitespace());
                (!crosses).then_some(at)
            });
            match cut {
                Some(at) => {
                    push(&mut left, l.line, ff, at, text);
                    push(&mut right, l.line, at, text.len(), text);
                }
                None => push(&mut left, l.line, ff, text.len(), text),
            }
        }
        let mut out = vec![left];
        if !right.is_empty() {
            out.push(right);
        }
        out
    }

    /// How segment `i` of `segs` reads as a note's start: the number and
    /// the segment and byte offset where its text begins.
    fn seg_start(&self, segs: &[Seg], i: usize) -> Option<(u32, usize, usize)> {
        let seg = segs.get(i)?;
        let text = self.seg_text(seg);
        let start = note_start(text)?;
        match start.text_at {
            Some(at) => {
                let rest = text.get(at..).unwrap_or("");
                (!reads_as_toc(rest)).then_some((start.number, i, seg.from + at))
            }
            None => {
                // A mark alone: its text is the next line, which must not
                // be a mark or a label itself.
                let next = segs.get(i + 1)?;
                let next_text = self.seg_text(next);
                // Under another bare number it is a listing's line number
                // (a column of marks is read by `mark_column`).
                if i.checked_sub(1)
                    .and_then(|k| self.bare_number(segs, k))
                    .is_some()
                {
                    return None;
                }
                (note_start(next_text).is_none() && !reads_as_toc(next_text)).then_some((
                    start.number,
                    i + 1,
                    next.from,
                ))
            }
        }
    }

    /// The run of notes that starts at segment `i` and runs to the end of
    /// `segs`: (number, segment of its mark, segment and offset of its text).
    fn chain(
        &self,
        segs: &[Seg],
        starts: &[Option<(u32, usize, usize)>],
        i: usize,
    ) -> Option<FoundRun> {
        let (n, ti, at) = starts.get(i).copied().flatten()?;
        let mut run = vec![(n, i, ti, at)];
        // A bare mark below the run, also on the page's last lines (which
        // were taken for a page number).
        let trailing: Vec<usize> = self
            .bare_numbers_below(segs)
            .map(|(_, number)| number)
            .collect();
        let bare = |m: u32| {
            trailing.contains(&(m as usize))
                || (i..segs.len()).any(|k| {
                    self.bare_number(segs, k) == Some(m as usize)
                        && starts.get(k).copied().flatten().is_none()
                })
        };
        while let Some(&(num, _, text_seg, _)) = run.last() {
            let limit = (text_seg + MAX_NOTE_LINES).min(segs.len());
            let mut found = None;
            for k in text_seg + 1..limit {
                let Some((m, tk, atk)) = starts.get(k).copied().flatten() else {
                    continue;
                };
                let alone = tk != k;
                // The next number; the same number again on a mark of its
                // own (`\footnotetext` reuses the number); or the one after
                // when the next one's mark was moved out of line
                // (plain pdftotext prints some raised marks at the foot).
                if Some(m) == num.checked_add(1) || m == num && alone {
                    found = Some(vec![(m, k, tk, atk)]);
                    break;
                }
                if Some(m) == num.checked_add(2) && bare(num + 1) && text_seg + 1 < k {
                    let gap = text_seg + 1;
                    let from = segs.get(gap).map_or(0, |s| s.from);
                    found = Some(vec![(num + 1, gap, gap, from), (m, k, tk, atk)]);
                    break;
                }
            }
            match found {
                Some(next) => run.extend(next),
                None => break,
            }
        }
        if let Some(next) = run
            .last()
            .and_then(|r| self.mark_below_texts(segs, r.0, r.2))
        {
            run.push(next);
        }
        let last_text = run.last().map_or(i, |r| r.2);
        if segs.len() - last_text <= MAX_NOTE_LINES {
            return Some((run, segs.len()));
        }
        // Plain pdftotext sets a column's notes as a block of their own,
        // followed by the next column after a blank line: a run of two
        // or more notes may end there.
        let end = (last_text + 1..segs.len().min(last_text + MAX_NOTE_LINES))
            .find(|&k| segs.get(k).is_some_and(|s| s.blank_before))?;
        (run.len() >= 2).then_some((run, end))
    }

    /// The bare numbers on the page's last lines below `segs` (which were
    /// taken for its page number): (source line, number).
    fn bare_numbers_below<'a>(&'a self, segs: &[Seg]) -> impl Iterator<Item = (usize, usize)> + 'a {
        let below = segs.last().map_or(0, |s| s.line + 1);
        (below..below + 3)
            .take_while(|&n| {
                n <= self.source.line_count() && !self.source.line(n).starts_with('\u{c}')
            })
            .filter_map(|n| Some((n, is_page_number(self.source.line(n).trim())?)))
    }

    /// Plain pdftotext may print the last note's mark below the texts of
    /// the page's last two notes (`3`, two texts, `4`): when the bare
    /// `number + 1` stands under the lines of note `number` at the foot,
    /// the texts split where a line ends a sentence and the next begins
    /// one, at the shortest such line (a paragraph's last line).
    fn mark_below_texts(&self, segs: &[Seg], number: u32, text_seg: usize) -> Option<RunNote> {
        let next = number.checked_add(1)?;
        let bare = |k: usize| self.bare_number(segs, k);
        // The mark's segment (or the end, when it was taken for the page's
        // number) and its source line.
        let (mark, mark_line) = match (text_seg + 2..segs.len()).find(|&k| bare(k).is_some()) {
            Some(k) => {
                let folio_only =
                    segs.len() - k <= 2 && (k + 1..segs.len()).all(|k| bare(k).is_some());
                let line = segs.get(k).map(|s| s.line);
                (bare(k) == Some(next as usize) && folio_only).then_some((k, line?))?
            }
            None => {
                let (line, marked) = self.bare_numbers_below(segs).next()?;
                (marked == next as usize && segs.len() >= text_seg + 2)
                    .then_some((segs.len(), line))?
            }
        };
        if folio_sequence(self.source, mark_line, next as usize) {
            return None;
        }
        let text = |k: usize| segs.get(k).map_or("", |s| self.seg_text(s).trim());
        let ends_sentence = |t: &str| t.ends_with(['.', '!', '?', ')', '。']);
        let begins_sentence = |t: &str| t.starts_with(|c: char| c.is_uppercase() || c == '\\');
        let split = (text_seg..mark - 1)
            .filter(|&k| ends_sentence(text(k)) && begins_sentence(text(k + 1)))
            .min_by_key(|&k| text(k).chars().count())?
            + 1;
        let from = segs.get(split)?.from;
        Some((next, split, split, from))
    }

    /// Plain pdftotext prints a column of full-size marks (`6`, `7`, `8`
    /// on lines of their own) and then the column of their texts: pair
    /// them, one text line to a mark, the last mark taking what is left.
    fn mark_column(&self, segs: &[Seg], i: usize) -> Option<FoundRun> {
        let number = |k: usize| self.bare_number(segs, k);
        let first = number(i).filter(|&n| n > 0)?;
        // The tail of a longer column is a listing's line numbers.
        if i.checked_sub(1).and_then(number) == Some(first - 1) {
            return None;
        }
        let mut j = i + 1;
        while number(j) == Some(first + (j - i)) {
            j += 1;
        }
        let marks = j - i;
        let texts = segs.len().checked_sub(j)?;
        if marks < 2 || texts < marks || texts > marks + MAX_NOTE_LINES {
            return None;
        }
        // Notes end the page: more bare numbers below (but a folio) are
        // the next column of a listing's line numbers.
        if (j..segs.len().saturating_sub(1)).any(|k| number(k).is_some()) {
            return None;
        }
        let run = (0..marks)
            .filter_map(|k| {
                let t = segs.get(j + k)?;
                Some((u32::try_from(first + k).ok()?, i + k, j + k, t.from))
            })
            .collect();
        Some((run, segs.len()))
    }

    /// The notes at the foot of one page of plain text; returns the lines
    /// of body text.
    fn plain_page(&mut self, page: &PageLines) -> Vec<BodyPiece> {
        // A table of contents (lines with leader dots) has numbered entries
        // and bare page numbers, not notes nor their marks: only what
        // follows its last line is read.
        let mut toc_end = page
            .lines
            .iter()
            .rposition(|l| has_leader_dots(self.source.line(l.line)))
            .map_or(0, |i| i + 1);
        // Plain pdftotext sets the entries without leaders apart from their
        // page numbers (`2 Glosses`, then `6` on a line of its own): the
        // table goes on over such pairs.
        if toc_end > 0 {
            let bare = |i: usize| {
                page.lines
                    .get(i)
                    .is_some_and(|l| is_page_number(self.source.line(l.line).trim()).is_some())
            };
            let entry = |i: usize| {
                page.lines.get(i).is_some_and(|l| {
                    let text = self.source.line(l.line).trim();
                    note_start(text).is_some() && text.chars().count() <= 60
                })
            };
            loop {
                if bare(toc_end) {
                    toc_end += 1;
                } else if entry(toc_end) && bare(toc_end + 1) {
                    toc_end += 2;
                } else {
                    break;
                }
            }
        }
        let toc: Vec<BodyPiece> = page
            .lines
            .iter()
            .take(toc_end)
            .map(|l| self.whole(l.line))
            .collect();
        // Body text above the table of contents (a revision history under
        // a paragraph) still carries marks.
        let toc_start = page
            .lines
            .iter()
            .position(|l| has_leader_dots(self.source.line(l.line)))
            .unwrap_or(0);
        let marks_above_toc: Vec<u32> = page
            .lines
            .iter()
            .take(toc_start)
            .flat_map(|l| marks_in(self.source.line(l.line)))
            .collect();
        let page = &PageLines {
            lines: page.lines.get(toc_end..).unwrap_or(&[]).to_vec(),
            page: page.page,
        };
        let streams = self.streams(page);
        // Below a table of contents, numbers alone on a line are its page
        // numbers, not marks.
        let bare_marks = toc.is_empty();
        // Each mark with whether it is glued to the text: only glued marks
        // vouch for numbering that starts again or jumps ahead.
        let marks: Vec<Vec<Vec<(u32, bool)>>> = streams
            .iter()
            .map(|st| {
                st.iter()
                    .map(|s| {
                        let text = self.seg_text(s);
                        if !bare_marks && is_page_number(text.trim()).is_some() {
                            Vec::new()
                        } else {
                            marks_by_strength(text)
                        }
                    })
                    .collect()
            })
            .collect();
        // The body in reading order: the table of contents, then each
        // column down to its notes.
        let mut body = toc;
        for (si, stream) in streams.iter().enumerate() {
            let mut offset = 0;
            while offset < stream.len() {
                let segs = stream.get(offset..).unwrap_or(&[]);
                let starts: Vec<Option<(u32, usize, usize)>> =
                    (0..segs.len()).map(|i| self.seg_start(segs, i)).collect();
                let mut best: Option<(RankKey, FoundRun)> = None;
                for i in 0..segs.len() {
                    for (run, end) in [self.chain(segs, &starts, i), self.mark_column(segs, i)]
                        .into_iter()
                        .flatten()
                    {
                        let first = run.first().map_or(0, |r| r.0);
                        // Marks of the run's notes in the page's body: the
                        // other columns, and this column above the run.
                        // Numbering that starts again at 1 must be marked by
                        // digits glued to the text, not by a number standing
                        // apart (the page number of a page reproduced in a
                        // figure, the last item of a list).
                        let restart = first == 1 && self.expected().is_some_and(|e| e >= 2);
                        // So must numbering that jumps ahead (a numbered
                        // line mistaken for a note would stop the rest).
                        let jump = self
                            .expected()
                            .map_or(first > 3, |e| first > e.saturating_add(1));
                        let resume = self.resumes(first).is_some();
                        let strong_only = restart || (jump && !resume);
                        let marked = |n: u32| {
                            marks_above_toc.contains(&n)
                                || marks.iter().enumerate().any(|(sj, ms)| {
                                    ms.iter().enumerate().any(|(k, m)| {
                                        (sj != si || k < offset + i)
                                            && m.iter().any(|&(found, glued)| {
                                                found == n && (glued || !strong_only)
                                            })
                                    })
                                })
                        };
                        let evidence = run.iter().filter(|r| marked(r.0)).count();
                        if self.need_markers && (evidence == 0 || evidence * 2 < run.len()) {
                            continue;
                        }
                        let consistent = resume
                            || match self.expected() {
                                None => first <= 3,
                                Some(e) => first == e || first == e + 1 || first == 1,
                            };
                        // Numbers already taken, not a restart at 1: a page
                        // reproduced in a figure, or a numbered list.
                        if first != 1 && self.notes.iter().any(|n| n.number == first) {
                            continue;
                        }
                        // More marked notes, then the longer run (a run
                        // from a skipped number is a tail of a better one),
                        // then the later start (the foot, not a heading).
                        let key = (consistent, evidence, run.len(), i);
                        if best.as_ref().is_none_or(|(b, _)| key >= *b) {
                            best = Some((key, (run, end)));
                        }
                    }
                }
                let Some((_, (run, end))) = best else {
                    body.extend(segs.iter().map(|s| (s.line, s.from..s.to)));
                    break;
                };
                let first_seg = run.first().map_or(segs.len(), |r| r.1);
                let mut body_end = first_seg;
                // A note run on from the page (or column) before: the lines
                // after a blank line, directly above the first note, when that
                // note ended mid-sentence.
                if self.last_note_open() {
                    let top = (0..first_seg)
                        .rev()
                        .take(MAX_NOTE_LINES)
                        .find(|&k| segs.get(k).is_some_and(|s| s.blank_before));
                    let direct = segs.get(first_seg).is_some_and(|s| !s.blank_before);
                    if let (Some(top), true) = (top, direct) {
                        for s in segs.get(top..first_seg).unwrap_or(&[]) {
                            self.push_seg(s);
                        }
                        body_end = top;
                    }
                }
                body.extend(segs.iter().take(body_end).map(|s| (s.line, s.from..s.to)));
                if let Some(sample) = run.first().and_then(|r| self.resumes(r.0)) {
                    self.notes.truncate(sample);
                }
                self.take_chain(segs.get(..end).unwrap_or(&[]), &run, page.page);
                offset += end.max(1);
            }
        }
        body
    }

    fn push_seg(&mut self, s: &Seg) {
        if let Some(note) = self.notes.last_mut() {
            note.pieces.push((s.line, s.from, s.to));
        }
    }

    /// Does the last note found end mid-sentence (so it may go on)?
    fn last_note_open(&self) -> bool {
        let Some(&(line, from, to)) = self.notes.last().and_then(|n| n.pieces.last()) else {
            return false;
        };
        let text = self
            .source
            .line(line)
            .get(from..to)
            .unwrap_or("")
            .trim_end();
        !text.is_empty()
            && !text.ends_with([
                '.', ')', ']', '”', '"', '’', '。', '）', '」', '》', '!', '?',
            ])
    }

    /// Record the notes of a run found by [`Finder::chain`].
    fn take_chain(&mut self, segs: &[Seg], run: &[(u32, usize, usize, usize)], page: usize) {
        // Notes whose mark was moved out of line start at a segment's
        // beginning, with no mark of their own.
        let used_bare: Vec<u32> = run
            .iter()
            .filter(|r| r.1 == r.2 && segs.get(r.1).is_some_and(|s| s.from == r.3))
            .map(|r| r.0)
            .collect();
        for (idx, &(number, _, text_seg, at)) in run.iter().enumerate() {
            // The next note's mark, or its text when the marks stand
            // in a column of their own above the texts.
            let end = run
                .get(idx + 1)
                .map_or(segs.len(), |r| if r.1 > text_seg { r.1 } else { r.2 });
            self.notes.push(FoundNote {
                number,
                page,
                pieces: Vec::new(),
            });
            for k in text_seg..end {
                let Some(s) = segs.get(k) else { continue };
                // A mark moved out of line is not text.
                let t = self.seg_text(s).trim();
                if k != text_seg
                    && is_page_number(t).is_some_and(|n| used_bare.iter().any(|&b| b as usize == n))
                {
                    continue;
                }
                let from = if k == text_seg { at } else { s.from };
                self.push_seg(&Seg { from, ..*s });
            }
        }
    }
}

/// Is `value`, a bare number at the foot of the page holding line `line`,
/// one of a run of page numbers: does the page before end with `value - 1`
/// or the page after with `value + 1`?
fn folio_sequence(source: &SourceText, line: usize, value: usize) -> bool {
    let page_start = |from: usize| {
        (1..=from)
            .rev()
            .find(|&n| source.line(n).starts_with('\u{c}'))
    };
    let foot_numbers = |last: usize| {
        (1..=last)
            .rev()
            .map(|n| source.line(n).trim_start_matches('\u{c}').trim())
            .filter(|t| !t.is_empty())
            .take(3)
            .filter_map(is_page_number)
            .collect::<Vec<_>>()
    };
    let before = page_start(line).and_then(|s| s.checked_sub(1));
    let after = (line + 1..=source.line_count())
        .find(|&n| source.line(n).starts_with('\u{c}'))
        .map(|next| {
            (next + 1..=source.line_count())
                .find(|&n| source.line(n).starts_with('\u{c}'))
                .map_or(source.line_count(), |n| n - 1)
        });
    before.is_some_and(|b| foot_numbers(b).contains(&(value.wrapping_sub(1))))
        || after.is_some_and(|a| foot_numbers(a).contains(&(value + 1)))
}

/// Where an endnotes section starts (the heading's index in `lines`) and
/// ends, if the text has one whose first note follows within a few lines.
fn endnote_section(source: &SourceText, lines: &[LineInfo]) -> Option<(usize, usize)> {
    let heading = lines.iter().enumerate().rev().find_map(|(i, l)| {
        let text = source.line(l.line).trim_start_matches('\u{c}');
        if !is_heading(text, ENDNOTE_HEADINGS) {
            return None;
        }
        let soon = lines.iter().skip(i + 1).take(4);
        soon.clone()
            .any(|l| {
                note_start(source.line(l.line).trim_start_matches('\u{c}'))
                    .is_some_and(|s| s.number == 1)
            })
            .then_some(i)
    })?;
    let end = lines
        .iter()
        .enumerate()
        .skip(heading + 1)
        .find(|(_, l)| {
            is_heading(
                source.line(l.line).trim_start_matches('\u{c}'),
                AFTER_ENDNOTES,
            )
        })
        .map_or(lines.len(), |(i, _)| i);
    Some((heading, end))
}

/// Read the notes of pages already split into lines. `markers`, when the
/// reader knows them (a PDF's raised digits), replace the search for
/// digits glued to the body text.
pub fn read_pages(
    source: SourceText,
    pages: Vec<PageLines>,
    markers: Option<Vec<Marker>>,
) -> Document {
    let headers = header_lines(&source, &pages);
    let is_header = |n: usize| headers.binary_search(&n).is_ok();
    let pages: Vec<PageLines> = pages
        .into_iter()
        .map(|p| PageLines {
            lines: p.lines.into_iter().filter(|l| !is_header(l.line)).collect(),
            page: p.page,
        })
        .collect();
    let all: Vec<LineInfo> = pages.iter().flat_map(|p| p.lines.iter().copied()).collect();
    let page_of: Vec<usize> = pages
        .iter()
        .flat_map(|p| std::iter::repeat_n(p.page, p.lines.len()))
        .collect();
    let endnotes = endnote_section(&source, &all);
    // Plain text whose body shows no note marks at all (the extractor
    // dropped them) is read again without asking for them.
    let mut known_marks: HashMap<usize, Vec<u32>> = HashMap::new();
    for m in markers.iter().flatten() {
        known_marks
            .entry(m.pos.line as usize)
            .or_default()
            .push(m.number);
    }
    let pass = |need_markers: bool, known_marks: HashMap<usize, Vec<u32>>| {
        let mut finder = Finder {
            source: &source,
            notes: Vec::new(),
            need_markers,
            known_marks,
        };
        let mut body_lines = Vec::new();
        let mut seen = 0usize;
        for page in &pages {
            let page_start = seen;
            seen += page.lines.len();
            let in_endnotes = endnotes.is_some_and(|(h, _)| page_start + page.lines.len() > h);
            let cut = if in_endnotes {
                endnotes
                    .map_or(0, |(h, _)| h.saturating_sub(page_start))
                    .min(page.lines.len())
            } else {
                page.lines.len()
            };
            let body_part = PageLines {
                lines: page.lines.get(..cut).unwrap_or(&[]).to_vec(),
                page: page.page,
            };
            body_lines.extend(finder.foot(&body_part));
            if in_endnotes {
                break;
            }
        }
        (finder.notes, body_lines)
    };
    let (mut notes, mut body_lines) = pass(true, known_marks.clone());
    if notes.is_empty() && endnotes.is_none() {
        (notes, body_lines) = pass(false, HashMap::new());
    }
    let mut finder = Finder {
        source: &source,
        notes,
        need_markers: true,
        known_marks: HashMap::new(),
    };
    if let Some((heading, end)) = endnotes {
        let section = all.get(heading + 1..end).unwrap_or(&[]);
        let pages = page_of.get(heading + 1..end).unwrap_or(&[]);
        finder.endnotes(section, pages);
        body_lines.extend(
            all.get(end..)
                .unwrap_or(&[])
                .iter()
                .map(|l| (l.line, 0..source.line(l.line).len())),
        );
    }
    let line_pages: HashMap<usize, usize> = pages
        .iter()
        .flat_map(|p| p.lines.iter().map(move |l| (l.line, p.page)))
        .collect();
    let mut found = finder.notes;
    let markers = match (
        markers,
        number_circled_notes(&source, &mut found, &body_lines, &line_pages),
    ) {
        (Some(mut known), Some(circled)) => {
            known.extend(circled);
            Some(known)
        }
        (known, circled) => circled.or(known),
    };
    let notes = found
        .into_iter()
        .map(|f| NoteSpan {
            number: f.number,
            page: f.page,
            pieces: f
                .pieces
                .into_iter()
                .map(|(line, from, to)| (line, from..to))
                .collect(),
        })
        .collect();
    let page_count = pages.iter().map(|p| p.page).max().unwrap_or(1);
    assemble(source, notes, body_lines, headers, page_count, markers)
}

/// Notes labelled with circled numbers (`①`, `②`) are numbered page by
/// page in Chinese journals: they are numbered through the document in
/// reading order, and each circled mark in a page's body goes to that
/// page's note of its number. `None` when no note is labelled so.
fn number_circled_notes(
    source: &SourceText,
    notes: &mut [FoundNote],
    body: &[BodyPiece],
    line_pages: &HashMap<usize, usize>,
) -> Option<Vec<Marker>> {
    let circled = |note: &FoundNote| {
        note.pieces.first().is_some_and(|&(line, from, _)| {
            source
                .line(line)
                .get(..from)
                .and_then(|label| label.trim_end().chars().next_back())
                .and_then(circled_number)
                .is_some()
        })
    };
    if !notes.iter().any(circled) {
        return None;
    }
    let restarts = notes
        .windows(2)
        .any(|pair| matches!(pair, [a, b] if b.number <= a.number));
    let mut numbers: HashMap<(usize, u32), u32> = HashMap::new();
    let mut next = 1u32;
    for note in notes.iter_mut() {
        let number = if restarts { next } else { note.number };
        next = next.saturating_add(1);
        numbers.entry((note.page, note.number)).or_insert(number);
        note.number = number;
    }
    let mut markers = Vec::new();
    for (line, range) in body {
        let Some(&page) = line_pages.get(line) else {
            continue;
        };
        let Some(piece) = source.line(*line).get(range.clone()) else {
            continue;
        };
        let line_start = source.line_range(*line).start + range.start;
        for (at, c) in piece.char_indices() {
            let Some(&number) = circled_number(c).and_then(|k| numbers.get(&(page, k))) else {
                continue;
            };
            let from = line_start + at;
            markers.push(Marker {
                number,
                pos: source.pos(from),
                range: from..from + c.len_utf8(),
            });
        }
    }
    Some(markers)
}

/// Read a plain extractor's text.
pub fn read(source: SourceText) -> Document {
    let pages = pages_of_text(&source);
    read_pages(source, pages, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// With no form feeds, pages end at bare page numbers counting up,
    /// and are numbered in order.
    #[test]
    fn pages_end_at_page_numbers_counting_up() {
        let source = SourceText::new("Body one.\n\n1\n\nBody two.\n\n2\n\nBody three.\n");
        let pages: Vec<(usize, Vec<usize>)> = pages_of_text(&source)
            .into_iter()
            .map(|p| (p.page, p.lines.iter().map(|l| l.line).collect()))
            .collect();
        assert_eq!(pages, [(1, vec![1, 3]), (2, vec![5, 7]), (3, vec![9])]);
    }

    #[test]
    fn circled_numbers_label_notes_and_mark_them() {
        assert_eq!(
            note_start("① 王明：《书名》").map(|s| (s.number, s.text_at)),
            Some((1, Some(4)))
        );
        assert_eq!(note_start("⑫同上").map(|s| s.number), Some(12));
        assert_eq!(note_start("㉑ 同上").map(|s| s.number), Some(21));
        assert_eq!(note_start("  ②").map(|s| s.text_at), Some(None));
        assert_eq!(marks_in("发展①始于，深化。②"), vec![1, 2]);
        // A font's circled digits may come out as the dingbats.
        assert_eq!(note_start("➁ 李华").map(|s| s.number), Some(2));
        assert_eq!(marks_in("演习。➀这些，❷和➌"), vec![1, 2, 3]);
        // A list item's circle is no mark of its own.
        assert_eq!(marks_in("① 塑造稳定环境，推动经济发展"), Vec::<u32>::new());
        // Two pages that both start at ①: numbered through, each page's
        // marks on its own notes.
        let doc = read(SourceText::from_string(
            "第一页的正文①。\n\n① 甲：《书》，北京：人民出版社，2001年。\n\u{c}第二页的正文①。\n\n① 同上。\n"
                .to_string(),
        ));
        let notes: Vec<(u32, usize, Option<u32>)> = doc
            .footnotes
            .iter()
            .map(|f| (f.number, f.page, f.marker.map(|m| m.line)))
            .collect();
        assert_eq!(notes, vec![(1, 1, Some(1)), (2, 2, Some(4))]);
    }

    #[test]
    fn reads_note_labels() {
        assert_eq!(note_start("1 Allen Lynch").map(|s| s.number), Some(1));
        assert_eq!(
            note_start("12. Ibid., 45.").map(|s| (s.number, s.text_at)),
            Some((12, Some(4)))
        );
        assert_eq!(note_start("3) See").map(|s| s.number), Some(3));
        assert_eq!(note_start("7Ibid.").map(|s| s.text_at), Some(Some(1)));
        assert_eq!(note_start("  4").map(|s| s.text_at), Some(None));
        assert_eq!(note_start("1.1 Loading the style"), None);
        assert_eq!(note_start("3,000 troops"), None);
        assert_eq!(note_start("1990s saw"), None);
        assert_eq!(note_start("12:30 and"), None);
        assert_eq!(note_start("0 Zero"), None);
        assert_eq!(note_start("123456 too long"), None);
        assert_eq!(note_start("5.Ibid"), None);
    }

    #[test]
    fn reads_page_numbers() {
        assert!(page_number("12"));
        assert!(page_number("- 12 -"));
        assert!(page_number("Page 3"));
        assert!(page_number("xii"));
        assert!(!page_number("Notes"));
    }

    #[test]
    fn endnote_headings() {
        assert!(is_heading("Notes", ENDNOTE_HEADINGS));
        assert!(is_heading("  NOTES: ", ENDNOTE_HEADINGS));
        assert!(is_heading("註 釋", ENDNOTE_HEADINGS));
        assert!(!is_heading("Notes on the text", ENDNOTE_HEADINGS));
    }

    fn doc(text: &str) -> Document {
        read(SourceText::new(text))
    }

    fn number_texts(d: &Document) -> Vec<(u32, &str)> {
        d.footnotes
            .iter()
            .map(|f| (f.number, f.text.as_str()))
            .collect()
    }

    fn numbers(d: &Document) -> Vec<u32> {
        d.footnotes.iter().map(|f| f.number).collect()
    }

    #[test]
    fn finds_notes_at_the_foot_of_form_feed_pages() {
        let text = "A Paper Title\n\nBody text that cites.1 More body text here.2\n\n1. Jane Roe, A Book (Chicago: Press, 1990), 4.\n2. Ibid., 5.\n\n1\n\u{c}Second page body with a claim.3\n\n3. John Doe, “An Article,” Journal 4 (1999): 3.\n\n2\n";
        let d = doc(text);
        assert_eq!(numbers(&d), vec![1, 2, 3]);
        assert_eq!(
            d.footnotes.first().map(|f| f.text.as_str()),
            Some("Jane Roe, A Book (Chicago: Press, 1990), 4.")
        );
        assert_eq!(d.footnotes.get(2).map(|f| f.page), Some(2));
        assert_eq!(d.markers.len(), 3);
    }

    #[test]
    fn an_ellipsis_in_the_body_does_not_make_a_table_of_contents() {
        let text = "Title\n\\print[ key=value, . . . ]\nBody text cites it.1\n\n1 Jane Roe, A Book (Chicago: Press, 1990), 4.\n";
        assert_eq!(numbers(&doc(text)), vec![1]);
    }

    #[test]
    fn marks_above_a_table_of_contents_count() {
        let text = "History\nCompare the changes there.1 See also the log.\n0.16 Reworked citexref . . . . . . . . 4\n0.15 New styles . . . . . . . . . 3\n\n1 https://example.org/compare/\n";
        assert_eq!(numbers(&doc(text)), vec![1]);
    }

    #[test]
    fn a_plain_table_of_contents_goes_on_over_entries_and_their_pages() {
        // Plain pdftotext: entries without leaders stand apart from their
        // page numbers; the notes below the table are read.
        let text = "Contents\n1.1 Examples . . . . . . . .\n\n3\n\n2 Glosses\n\n6\n\n3 Varia\n\n8\n\nThe file gb4e.sty1 allows subscripts in text.\n1\nThis version redesigns the series of commands.\n";
        let d = doc(text);
        assert_eq!(numbers(&d), vec![1]);
        assert_eq!(
            d.footnotes.first().map(|f| f.text.as_str()),
            Some("This version redesigns the series of commands.")
        );
    }

    #[test]
    fn numbering_starts_again_only_where_the_text_marks_it() {
        let notes = "Body.1 More.2 Still.3\n\n1 First note.\n2 Second note.\n3 Third note.\n";
        // A page reproduced in a figure: its page number `1` stands alone.
        let figure = "\u{c}Figure text\n1\nShown page body here.\n";
        assert_eq!(numbers(&doc(&format!("{notes}{figure}"))), vec![1, 2, 3]);
        // A glued mark starts the numbering again (a new chapter).
        let chapter = "\u{c}Chapter Two says.1\n\n1 A new first note.\n";
        assert_eq!(
            numbers(&doc(&format!("{notes}{chapter}"))),
            vec![1, 2, 3, 1]
        );
    }

    #[test]
    fn numbers_already_taken_are_not_notes_again() {
        let text = "Body.1 More.2 Still.3 And.4\n\n3 Third note.\n4 Fourth note.\n\u{c}Figure shows item 3 and 4\n3\nReferences from articles\n4\nArticles not cited\n";
        let d = doc(&format!("Intro.1 Two.2\n\n1 One.\n2 Two.\n\u{c}{text}"));
        assert_eq!(numbers(&d), vec![1, 2, 3, 4]);
    }

    #[test]
    fn a_jump_ahead_needs_a_glued_mark() {
        // `28` alone on a line (a page number in a figure) and mentioned in
        // passing does not stop the numbering at 28.
        let text = "Body.1\n\n1 One.\n\u{c}See page 28 of it\n28\nFigure caption text.\n\u{c}More body.2\n\n2 Two.\n";
        assert_eq!(numbers(&doc(text)), vec![1, 2]);
    }

    #[test]
    fn a_mark_spaced_off_inside_a_line_carries_on_the_numbering() {
        let text = "Body.1\n\n1. One.\n\u{c}Package titlesec 2 cannot be used here.\n\n2. http://www.ctan.org/pkg/titlesec\n";
        assert_eq!(numbers(&doc(text)), vec![1, 2]);
    }

    #[test]
    fn ctex_circled_marks_are_read() {
        let text = "宏包手册 \u{20dd}1 、中文版 \u{20dd}2 。\n\u{20dd}\n1 地址:https://github.com/plk/biblatex\n\u{20dd}\n2 地址:https://github.com/hushidong\n";
        let d = doc(text);
        assert_eq!(numbers(&d), vec![1, 2]);
        assert_eq!(
            d.footnotes.first().map(|f| f.text.as_str()),
            Some("地址:https://github.com/plk/biblatex")
        );
    }

    #[test]
    fn a_numbered_heading_is_not_a_note() {
        let text = "Title\n\n1 Introduction\n\nBody text.1\n\n1 Jane Roe, A Book (Chicago: Press, 1990), 4.\n\u{c}2 Next Section\n\nMore text.2\n\n2 Ibid., 7.\n";
        let d = doc(text);
        assert_eq!(numbers(&d), vec![1, 2]);
        assert!(d.footnotes.iter().all(|f| f.text.contains('.')));
    }

    #[test]
    fn continuation_lines_join_the_note() {
        let text =
            "Title\nBody.1\n1 Jane Roe, A Book with a\nLong Title (Chicago: Press, 1990), 4.\n";
        let d = doc(text);
        assert_eq!(
            d.footnotes.first().map(|f| f.text.as_str()),
            Some("Jane Roe, A Book with a Long Title (Chicago: Press, 1990), 4.")
        );
    }

    #[test]
    fn reads_endnotes_under_a_heading() {
        let text = "Title\nBody text.1 More.2\n\u{c}Notes\n1. Jane Roe, A Book (Chicago: Press, 1990), 4.\n2. Ibid., 5.\nReferences\nRoe, Jane. A Book.\n";
        let d = doc(text);
        assert_eq!(numbers(&d), vec![1, 2]);
        assert_eq!(
            d.footnotes.get(1).map(|f| f.text.as_str()),
            Some("Ibid., 5.")
        );
    }

    #[test]
    fn a_mark_alone_on_its_line() {
        let text = "Title\nBody text.1\n1\nJane Roe, A Book (Chicago: Press, 1990), 4.\n";
        let d = doc(text);
        assert_eq!(numbers(&d), vec![1]);
        assert_eq!(
            d.footnotes.first().map(|f| f.text.as_str()),
            Some("Jane Roe, A Book (Chicago: Press, 1990), 4.")
        );
    }

    #[test]
    fn small_lines_above_the_first_number_continue_the_last_note() {
        let source = SourceText::new(
            "Body.1\n1 Jane Roe, A Book\n\u{c}More body.2\n(Chicago: Press, 1990), 4.\n2 Ibid.\n",
        );
        let info = |line, small| LineInfo {
            line,
            small: Some(small),
        };
        let pages = vec![
            PageLines {
                lines: vec![info(1, false), info(2, true)],
                page: 1,
            },
            PageLines {
                lines: vec![info(3, false), info(4, true), info(5, true)],
                page: 2,
            },
        ];
        let d = read_pages(source, pages, None);
        assert_eq!(numbers(&d), vec![1, 2]);
        assert_eq!(
            d.footnotes.first().map(|f| f.text.as_str()),
            Some("Jane Roe, A Book (Chicago: Press, 1990), 4.")
        );
    }

    #[test]
    fn finds_the_marks_of_the_body() {
        assert_eq!(marks_in("This is just filler text5 ."), vec![5]);
        assert_eq!(marks_in("Aristotle17 shows that"), vec![17]);
        assert_eq!(marks_in("zu dieser Fußnote.10"), vec![10]);
        assert_eq!(marks_in("  12  "), vec![12]);
        assert_eq!(marks_in("\\autocites 18"), vec![18]);
        assert_eq!(
            marks_in("6.1 Eintragstyp, 1,5 and H2O in 1990"),
            Vec::<u32>::new()
        );
        assert_eq!(marks_in("本文討論。3當時"), vec![3]);
        // After a bracket closing a number, a mark; after a decimal point,
        // the number goes on.
        assert_eq!(marks_in("(as in example 51)39"), vec![39]);
        assert_eq!(marks_in("version 3.1 of it"), Vec::<u32>::new());
        assert_eq!(marks_in("of both bundles.1011 ."), vec![10, 11]);
        assert_eq!(consecutive_marks("4567"), vec![4, 5, 6, 7]);
        assert_eq!(consecutive_marks("99100"), vec![99, 100]);
        assert_eq!(consecutive_marks("2015"), Vec::<u32>::new());
        // ctex's circled marks, the circle set before the digits.
        assert_eq!(marks_in("宏包手册 \u{20dd}2 、中文版"), vec![2]);
    }

    #[test]
    fn tells_contents_lines() {
        assert!(reads_as_toc("Einleitung      3"));
        assert!(reads_as_toc("Folgezitate mit ebd. . . . . . 3"));
        assert!(reads_as_toc("2.1 Options . . . 12"));
        assert!(reads_as_toc("Introduction…7"));
        assert!(reads_as_toc("Appendix . . . . . . . . xii"));
        // An ellipsis inside a line is not a leader.
        assert!(!has_leader_dots(r"\printbibtabular[ ⟨key=value, . . . ⟩ ]"));
        assert!(!has_leader_dots("and so on … and on"));
        assert!(!reads_as_toc("Ibid., 45."));
        assert!(!reads_as_toc("https://ctan.org/pkg/biblatex"));
    }

    #[test]
    fn notes_need_marks_in_the_body() {
        // Numbered lines at the foot whose numbers the body never marks are
        // an example list, not notes; URLs and short notes without a final
        // period are notes.
        let text = "Title\nAn example:\n1 Aristotle. De Anima.\n2 Ibid.\n\u{c}Real text.1 More.2\n\n1    https://ctan.org/pkg/biblatex\n2    Ebd., S. 34\n";
        let d = doc(text);
        assert_eq!(numbers(&d), vec![1, 2]);
        assert!(d.footnotes.iter().all(|f| f.page == 2));
    }

    #[test]
    fn a_table_of_contents_has_no_notes() {
        let text = "Contents\n1 Introduction . . . . . 3\n2 Methods . . . . . . 4\n3 Results . . . . . . 5\n4\n\u{c}Text.1\n\n1 Jane Roe, A Book, 4.\n";
        let d = doc(text);
        assert_eq!(numbers(&d), vec![1]);
        assert_eq!(d.footnotes.first().map(|f| f.page), Some(2));
    }

    #[test]
    fn splits_two_columns_at_the_gutter() {
        let left = [
            "Body of the left column goes on here,1",
            "and on for a few more lines of text",
            "until the column ends at its foot.",
            "Yet more text of the left column,",
            "and more and more of the left one,",
            "More text of the left column in it,",
            "and more text of the left column.",
            "",
            "1. Jane Roe, A Book (Chicago, 1990), 4.",
            "2. Ibid., 5.",
        ];
        let right = [
            "The right column has its own body2",
            "text, with a mark for the third note",
            "here.3 It goes on for some lines",
            "and yet more lines of the right one",
            "and more lines of the right one too",
            "and more lines of the right column",
            "and ends before its own foot notes.",
            "",
            "3. John Doe, An Article, 7.",
            "",
        ];
        let text: String = left
            .iter()
            .zip(right.iter())
            .map(|(l, r)| format!("{l:<45}    {r}\n"))
            .collect();
        let d = doc(&text);
        assert_eq!(numbers(&d), vec![1, 2, 3]);
        assert_eq!(
            d.footnotes.get(1).map(|f| f.text.as_str()),
            Some("Ibid., 5.")
        );
        assert_eq!(
            d.footnotes.get(2).map(|f| f.text.as_str()),
            Some("John Doe, An Article, 7.")
        );
    }

    #[test]
    fn pairs_a_column_of_marks_with_the_texts() {
        let text =
            "Body.6 More.7 Last.8\n6\n7\n8\n\nhttps://ctan.org/pkg/biblatex\nEbd.\nEbd., S. 34.\n";
        let d = doc(text);
        let notes = number_texts(&d);
        assert_eq!(
            notes,
            vec![
                (6, "https://ctan.org/pkg/biblatex"),
                (7, "Ebd."),
                (8, "Ebd., S. 34.")
            ]
        );
    }

    #[test]
    fn the_last_mark_below_the_texts_splits_them_at_a_sentence() {
        let text = "\u{c}Body.3 More text.4\n3\n\nThere is a version 3.2 (2005).\nUnless a margin is wanted, see section 3.9.4\non page 50.\n4\n\n\u{c}Next page.\n";
        let d = doc(text);
        assert_eq!(
            number_texts(&d),
            vec![
                (3, "There is a version 3.2 (2005)."),
                (
                    4,
                    "Unless a margin is wanted, see section 3.9.4 on page 50."
                )
            ]
        );
    }

    #[test]
    fn the_split_needs_a_sentence_end_and_a_sentence_start() {
        // `See` is the shortest line and `Smith` begins a sentence, but
        // `See` ends none: the texts split after the line that ends one.
        let text = "\u{c}Body.3 More text.4\n3\n\nSee\nSmith, A Book (Chicago, 1990), 4.\nJones, Another Book (Boston, 1991), 5.\n4\n\n\u{c}Next page.\n";
        assert_eq!(
            number_texts(&doc(text)),
            vec![
                (3, "See Smith, A Book (Chicago, 1990), 4."),
                (4, "Jones, Another Book (Boston, 1991), 5.")
            ]
        );
    }

    #[test]
    fn a_first_page_may_begin_at_note_three_with_spaced_marks() {
        // An offprint whose first two notes fell on a page not given: its
        // notes 3 and 4 are marked by numbers spaced off in the body.
        // (Note 5's glued mark on the next page keeps the reader from
        // its second pass, which asks for no marks at all.)
        let text = "Package titlesec 3 cannot be used and 4 cannot either.\n\n3. First read note.\n4. Second read note.\n\u{c}More body.5\n\n5. Third read note.\n";
        assert_eq!(numbers(&doc(text)), vec![3, 4, 5]);
    }

    #[test]
    fn of_two_gutters_that_split_as_well_the_first_is_taken() {
        // Three columns (30, 16 and 30 characters wide): both gaps split
        // every line; the reader takes the left one.
        let lines: Vec<String> = (0..10)
            .map(|i| {
                let left = format!("left column words {i:02} here and");
                let middle = format!("middle {i:02} text");
                format!("{left:<34}{middle:<20}right column words {i:02} and")
            })
            .collect();
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        assert_eq!(gutter(&lines), Some(33));
    }

    #[test]
    fn a_page_number_below_the_texts_is_no_mark() {
        // Folios 6 and 7 end the pages: the 6 under note 5 is page 6's number.
        let text = "\u{c}Body.5\n5\n\nA first sentence.\nA second sentence.\n6\n\u{c}Body.6\n6\n\nAnother note.\n7\n";
        let d = doc(text);
        assert_eq!(
            number_texts(&d),
            vec![
                (5, "A first sentence. A second sentence."),
                (6, "Another note.")
            ]
        );
    }

    #[test]
    fn a_listings_line_numbers_are_not_notes() {
        // Line numbers 1-3 of a listing, then the page's one real note.
        let text = "\u{c}Run it with -c 1,2 as shown:\n1\n2\n3\n\n$ tool -m cut\nset mode\nreading data\n\nThe average.2\n\n2\nYour data files should be big.\n";
        let d = doc(text);
        assert_eq!(
            number_texts(&d),
            vec![(2, "Your data files should be big.")]
        );
    }

    #[test]
    fn numbering_that_resumes_after_a_sample_drops_the_samples_notes() {
        let text = "\u{c}Body.11 Text.12\n11. Eleven.\n12. Twelve.\n\u{c}A sample page: word1 word2\n1. Sample one.\n2. Sample two.\n\u{c}Body again.13\n13. Thirteen.\n";
        let d = doc(text);
        assert_eq!(numbers(&d), vec![11, 12, 13], "{:?}", number_texts(&d));
    }

    #[test]
    fn a_mark_moved_to_the_foot_fills_its_gap() {
        // (A form feed: the bare marks are not page numbers here.)
        let text = "\u{c}Body.8 More.9 And.10\n8\n\nTurabian, A Manual, 402.\nTurabian, 402.\n10 Turabian, 403.\n9\n";
        let d = doc(text);
        let notes = number_texts(&d);
        assert_eq!(
            notes,
            vec![
                (8, "Turabian, A Manual, 402."),
                (9, "Turabian, 402."),
                (10, "Turabian, 403.")
            ]
        );
    }

    #[test]
    fn a_number_may_repeat_on_a_mark_of_its_own() {
        let text = "Text 1 Text.2\n 1\n   Ebd.\n 2\n   Ebd.\n 2\n   Ebd., S. 4.\n";
        let d = doc(text);
        assert_eq!(numbers(&d), vec![1, 2, 2]);
    }

    #[test]
    fn a_column_of_notes_may_end_at_a_blank_line() {
        let mut text = String::from("Body.1 More.2\n1. Jane Roe, A Book, 4.\n2. Ibid., 5.\n\n");
        for _ in 0..MAX_NOTE_LINES + 2 {
            text.push_str("Body of the next column without any marks in it\n");
        }
        text.push_str("and its mark.3\n3. John Doe, An Article, 7.\n");
        let d = doc(&text);
        assert_eq!(numbers(&d), vec![1, 2, 3]);
    }

    #[test]
    fn a_note_runs_on_above_the_next_foot() {
        let text = "Body.1\n\n1 Jane Roe, A Book with a Title that\n\u{c}More body.2\n\ngoes on (Chicago: Press, 1990), 4.\n2 Ibid., 5.\n";
        let d = doc(text);
        assert_eq!(
            d.footnotes.first().map(|f| f.text.as_str()),
            Some("Jane Roe, A Book with a Title that goes on (Chicago: Press, 1990), 4.")
        );
        assert_eq!(numbers(&d), vec![1, 2]);
    }

    #[test]
    fn without_any_marks_notes_are_still_read() {
        let text = "Title\nBody text.\n1 Jane Roe, A Book (Chicago: Press, 1990), 4.\n";
        assert_eq!(numbers(&doc(text)), vec![1]);
    }
}
