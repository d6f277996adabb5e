//! Malformed citations: text no grammar could place, fields a type
//! requires, page locators written wrongly, places with an impossible state,
//! stray spaces, unbalanced quotation marks and brackets, impossible dates.

use super::places::check_place;
use super::{quote, NoteView, Today, Views};
use crate::cite::Parsed;
use crate::diag::{Diagnostic, Severity};
use crate::extract::{CitationRecord, Extraction};
use crate::model::{Date, DatePart, Item, ItemType, LocatorProblem};
use std::ops::Range;

/// Every malformed-citation finding of a paper.
pub fn check(ex: &Extraction, today: Today) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (_, note) in Views::new(ex).iter() {
        for citation in note.citations() {
            unparsed(&note, citation, &mut out);
            locator_problems(&note, citation, &mut out);
            if let Some(Parsed::Full(item)) = &citation.raw.parsed {
                required_fields(&note, citation, item, &mut out);
                places(&note, citation, item, &mut out);
                dates(&note, citation, item, today, &mut out);
            }
        }
        stray_spaces(&note, &mut out);
        unbalanced(&note, &mut out);
    }
    out
}

fn unparsed(note: &NoteView, citation: &CitationRecord, out: &mut Vec<Diagnostic>) {
    if citation.raw.parsed.is_none() {
        out.push(
            note.diag(
                Severity::Error,
                "unparsed-citation",
                &citation.raw.range,
                format!(
                    "no citation grammar accounts for `{}`",
                    quote(note.slice(&citation.raw.range), 60)
                ),
            )
            .with_help(
                "write it as `Author, Title (Place: Publisher, Year), p.N` or \
                 `作者，書名（出版地：出版社，年），頁 N`",
            ),
        );
        return;
    }
    for range in &citation.raw.unparsed {
        let part = note.slice(range);
        if part.trim().is_empty() {
            continue;
        }
        let what = match citation.raw.parsed.as_ref() {
            Some(Parsed::Full(item)) => format!("a {}", type_name(item.item_type)),
            Some(Parsed::Ibid) => "an Ibid.".to_string(),
            _ => "a short form".to_string(),
        };
        out.push(
            note.diag(
                Severity::Warning,
                "unparsed-part",
                range,
                format!(
                    "`{}` is not part of any field: the rest was read as {what}",
                    quote(part, 60)
                ),
            )
            .with_help("check the punctuation around it, or move it into commentary"),
        );
    }
}

/// A type as the messages name it.
pub fn type_name(t: ItemType) -> &'static str {
    match t {
        ItemType::Book => "book",
        ItemType::Chapter => "chapter",
        ItemType::ArticleJournal => "journal article",
        ItemType::ArticleMagazine => "magazine article",
        ItemType::ArticleNewspaper => "newspaper article",
        ItemType::Report => "report",
        ItemType::Thesis => "thesis",
        ItemType::Webpage => "web page",
        ItemType::PaperConference => "conference paper",
        ItemType::Interview => "interview",
        ItemType::PersonalCommunication => "letter or personal communication",
        ItemType::MotionPicture => "film or video",
        ItemType::ReviewBook => "review",
        ItemType::Speech => "speech or lecture",
        ItemType::Manuscript => "archived document",
        ItemType::Broadcast => "broadcast or podcast",
    }
}

/// A field a type requires, by its names in messages, CSL and biblatex.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub csl: &'static str,
    pub bib: &'static str,
}

const TITLE: Field = Field {
    name: "title",
    csl: "title",
    bib: "title",
};
const PUBLISHER: Field = Field {
    name: "publisher",
    csl: "publisher",
    bib: "publisher",
};
const YEAR: Field = Field {
    name: "year",
    csl: "issued",
    bib: "date",
};
const PERIODICAL: Field = Field {
    name: "periodical",
    csl: "container-title",
    bib: "journaltitle",
};
const BOOK_TITLE: Field = Field {
    name: "book title",
    csl: "container-title",
    bib: "booktitle",
};
const EDITOR: Field = Field {
    name: "editor",
    csl: "editor",
    bib: "editor",
};
const DATE: Field = Field {
    name: "date",
    csl: "issued",
    bib: "date",
};
const URL: Field = Field {
    name: "URL",
    csl: "URL",
    bib: "url",
};
const EVENT: Field = Field {
    name: "conference",
    csl: "event-title",
    bib: "eventtitle",
};
const INSTITUTION: Field = Field {
    name: "publisher or issuing body",
    csl: "publisher",
    bib: "institution",
};

/// The fields `item`'s type requires that it lacks: a book without
/// publisher or year, an article without its periodical or date, a chapter
/// without its book, editor, publisher or year.
pub fn missing_fields(item: &Item) -> Vec<Field> {
    let mut missing = Vec::new();
    let empty = |s: &Option<Box<str>>| s.as_deref().is_none_or(|s| s.trim().is_empty());
    // A news report may be cited by its paper and day alone, as Chicago
    // allows for unsigned news items.
    // Interviews and letters are named by their people, not by a title;
    // an untitled review by the work it reviews.
    // A talk may be cited by what it was (`speech at the Munich Conference`).
    let named_otherwise = item.item_type.is_unpublished()
        || item.item_type == ItemType::ArticleNewspaper
        || (item.item_type == ItemType::Speech && item.genre.is_some())
        || item.extra().reviewed_title.is_some()
        || item.is_file_reference();
    if empty(&item.title) && !named_otherwise {
        missing.push(TITLE);
    }
    match item.item_type {
        ItemType::Book | ItemType::Thesis => {
            if empty(&item.publisher) {
                missing.push(PUBLISHER);
            }
            if item.issued.is_none() {
                missing.push(YEAR);
            }
        }
        ItemType::Chapter => {
            if empty(&item.container_title) {
                missing.push(BOOK_TITLE);
            }
            if item.editor.is_empty() {
                missing.push(EDITOR);
            }
            if empty(&item.publisher) {
                missing.push(PUBLISHER);
            }
            if item.issued.is_none() {
                missing.push(YEAR);
            }
        }
        ItemType::ArticleJournal
        | ItemType::ArticleMagazine
        | ItemType::ArticleNewspaper
        | ItemType::ReviewBook => {
            if empty(&item.container_title) {
                missing.push(PERIODICAL);
            }
            if item.issued.is_none() {
                missing.push(DATE);
            }
        }
        ItemType::Report => {
            if empty(&item.publisher) && item.author.iter().all(|a| !a.is_literal()) {
                missing.push(INSTITUTION);
            }
            if item.issued.is_none() {
                missing.push(YEAR);
            }
        }
        ItemType::Webpage => {
            if empty(&item.url) {
                missing.push(URL);
            }
        }
        ItemType::PaperConference => {
            if empty(&item.extra().event_title) {
                missing.push(EVENT);
            }
            if item.issued.is_none() {
                missing.push(YEAR);
            }
        }
        // A talk is known by when it was given, a document by its day.
        ItemType::Interview
        | ItemType::PersonalCommunication
        | ItemType::Speech
        | ItemType::Manuscript
        | ItemType::Broadcast => {
            if item.issued.is_none() && !item.is_file_reference() {
                missing.push(DATE);
            }
        }
        // A film is often cited by its title and medium alone.
        ItemType::MotionPicture => {}
    }
    missing
}

/// `publisher and year`, `title, publisher and year`.
pub fn list_fields(fields: &[Field]) -> String {
    let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
    match names.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

fn required_fields(
    note: &NoteView,
    citation: &CitationRecord,
    item: &Item,
    out: &mut Vec<Diagnostic>,
) {
    let missing = missing_fields(item);
    if missing.is_empty() {
        return;
    }
    let chinese = crate::text::has_cjk(note.slice(&citation.raw.range));
    let help = match item.item_type {
        ItemType::Book | ItemType::Chapter | ItemType::Report | ItemType::Thesis if chinese => {
            "give the publication as `（出版地：出版社，年）`"
        }
        ItemType::Book | ItemType::Chapter | ItemType::Thesis => {
            "give the publication as `(Place: Publisher, Year)`"
        }
        ItemType::Report => "name the issuing body and the year",
        ItemType::Webpage => "give the page's URL",
        ItemType::Interview | ItemType::PersonalCommunication => "give the day it took place",
        _ if chinese => "give the periodical and its date: `，期刊名，2004 年第 4 期`",
        _ => "give the periodical and its date: `Journal, Vol.N, No.N (Month Year)`",
    };
    // A warning: Chicago lets older books omit the publisher, and footcite
    // cannot tell a field the source lacks from one it failed to read.
    out.push(
        note.diag(
            Severity::Warning,
            "missing-field",
            &citation.raw.range,
            format!(
                "{} citation without {}",
                type_name(item.item_type),
                list_fields(&missing)
            ),
        )
        .with_help(help),
    );
}

fn locator_problems(note: &NoteView, citation: &CitationRecord, out: &mut Vec<Diagnostic>) {
    let Some(locator) = citation.locator() else {
        return;
    };
    let text = note.text();
    for (problem, range) in &locator.problems {
        let (severity, code, message, range, help) = match problem {
            LocatorProblem::CommaForPeriod => {
                let start = text.get(..range.start).map_or(range.start, |before| {
                    before
                        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                        .len()
                });
                let end = text.get(range.end..).map_or(range.end, |after| {
                    range.end
                        + after
                            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '–' | '/')))
                            .unwrap_or(after.len())
                });
                let written = text.get(start..end).unwrap_or("");
                let fixed = written.replacen(',', ".", 1);
                (
                    Severity::Error,
                    "locator-comma",
                    format!("`{written}`: a comma where the period of the page label belongs"),
                    start..end,
                    format!("write `{fixed}`"),
                )
            }
            LocatorProblem::PluralForSingle => {
                let written = note.slice(range);
                (
                    Severity::Warning,
                    "locator-plural-single",
                    format!("`{written}` (pages) before a single page"),
                    range.clone(),
                    format!("write `{}`", written.replacen("pp", "p", 1)),
                )
            }
            LocatorProblem::SingularForRange => {
                let written = note.slice(range);
                (
                    Severity::Warning,
                    "locator-singular-range",
                    format!("`{written}` (page) before a range of pages"),
                    range.clone(),
                    format!("write `{}`", written.replacen('p', "pp", 1)),
                )
            }
            LocatorProblem::ReversedRange => {
                let written = note.slice(range);
                (
                    Severity::Error,
                    "locator-reversed-range",
                    format!("page range `{written}` runs backwards"),
                    range.clone(),
                    "check the pages: the first page of a range comes first".to_string(),
                )
            }
        };
        out.push(note.diag(severity, code, &range, message).with_help(help));
    }
}

fn places(note: &NoteView, citation: &CitationRecord, item: &Item, out: &mut Vec<Diagnostic>) {
    let Some(place) = item.publisher_place.as_deref() else {
        return;
    };
    let problems = check_place(place);
    if problems.is_empty() {
        return;
    }
    let cite_text = note.slice(&citation.raw.range);
    let base = cite_text.find(place).map(|i| citation.raw.range.start + i);
    for p in problems {
        let range = match base {
            Some(b) => b + p.range.start..b + p.range.end,
            None => {
                // The place was cleaned of stray spaces: find the piece itself.
                let piece = place.get(p.range.clone()).unwrap_or("");
                match cite_text.find(piece) {
                    Some(i) if !piece.is_empty() => {
                        let s = citation.raw.range.start + i;
                        s..s + piece.len()
                    }
                    _ => citation.raw.range.clone(),
                }
            }
        };
        let mut d = note.diag(Severity::Error, p.code, &range, p.message);
        d.help = p.help;
        out.push(d);
    }
}

/// What is impossible about a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    /// 31 February, month 13.
    NoSuchDay(DatePart),
    /// After today.
    Future(DatePart),
}

impl DateProblem {
    pub fn code(&self) -> &'static str {
        match self {
            DateProblem::NoSuchDay(_) => "invalid-date",
            DateProblem::Future(_) => "future-date",
        }
    }

    pub fn message(&self, what: &str) -> String {
        match self {
            DateProblem::NoSuchDay(p) => match (p.month, p.day) {
                (Some(m), Some(d)) if (1..=12).contains(&m) => {
                    format!(
                        "{what} {} is not a date: {} has no day {d}",
                        show(p),
                        month_name(m)
                    )
                }
                _ => format!("{what} {} is not a date", show(p)),
            },
            DateProblem::Future(p) => format!("{what} {} is in the future", show(p)),
        }
    }
}

use crate::model::MONTH_NAMES as MONTHS;

fn month_name(m: u8) -> &'static str {
    MONTHS
        .get(usize::from(m).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// `1986-02-31` style, for messages.
fn show(p: &DatePart) -> String {
    match (p.month, p.day) {
        (Some(m), Some(d)) => format!("{}-{m:02}-{d:02}", p.year),
        (Some(m), None) => format!("{}-{m:02}", p.year),
        _ => p.year.to_string(),
    }
}

/// Impossible parts of a date: a day its month does not have, a month
/// outside 1–12, a point after `today`.
pub fn date_problems(date: &Date, today: Today) -> Vec<DateProblem> {
    let mut out = Vec::new();
    for part in std::iter::once(&date.start).chain(date.end.as_ref()) {
        let valid = match (part.month, part.day) {
            (Some(m), Some(d)) => crate::cite::dates::is_valid_day(part.year, m, d),
            (Some(m), None) => (1..=12).contains(&m),
            _ => true,
        };
        if !valid {
            out.push(DateProblem::NoSuchDay(*part));
            continue;
        }
        let key = (part.year, part.month.unwrap_or(1), part.day.unwrap_or(1));
        if key > (today.year, today.month, today.day) {
            out.push(DateProblem::Future(*part));
        }
    }
    out
}

fn dates(
    note: &NoteView,
    citation: &CitationRecord,
    item: &Item,
    today: Today,
    out: &mut Vec<Diagnostic>,
) {
    let fields = [
        ("date", item.issued.as_ref()),
        ("original date", item.extra().original_date.as_ref()),
        ("access date", item.extra().accessed.as_ref()),
    ];
    for (what, date) in fields {
        let Some(date) = date else { continue };
        for problem in date_problems(date, today) {
            let part = match &problem {
                DateProblem::NoSuchDay(p) | DateProblem::Future(p) => *p,
            };
            let range = find_date(note.slice(&citation.raw.range), &part)
                .map(|r| citation.raw.range.start + r.start..citation.raw.range.start + r.end)
                .unwrap_or_else(|| citation.raw.range.clone());
            let help = match problem {
                DateProblem::NoSuchDay(_) => "check the day and month against the source",
                DateProblem::Future(_) => "check the year: is it a typo?",
            };
            out.push(
                note.diag(
                    Severity::Error,
                    problem.code(),
                    &range,
                    problem.message(what),
                )
                .with_help(help),
            );
        }
    }
}

/// Digit and letter runs of a text with their byte ranges.
fn tokens(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start: Option<(usize, bool)> = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let class = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() && !crate::text::is_cjk_ideograph(c) {
            Some(false)
        } else {
            None
        };
        match (start, class) {
            (Some((_, d)), Some(k)) if d == k => {}
            (Some((s, _)), _) => {
                out.push((s..i, text.get(s..i).unwrap_or("")));
                start = class.map(|k| (i, k));
            }
            (None, Some(k)) => start = Some((i, k)),
            (None, None) => {}
        }
    }
    out
}

/// Where a date is written in a citation's text: `31 February 1986`,
/// `February 31, 1986`, `2003 年 2 月 30 日`, or just the year.
pub fn find_date(text: &str, part: &DatePart) -> Option<Range<usize>> {
    let toks = tokens(text);
    let is_num = |t: &str, n: u32| t.parse::<u32>().ok() == Some(n);
    let is_month = |t: &str, m: u8| {
        t.len() >= 3
            && month_name(m)
                .to_ascii_lowercase()
                .starts_with(&t.to_ascii_lowercase())
    };
    let year_token = toks
        .iter()
        .find(|(_, t)| t.len() == 4 && is_num(t, part.year.unsigned_abs()));
    if let (Some(m), Some(d)) = (part.month, part.day) {
        for (i, (range, t)) in toks.iter().enumerate() {
            if !is_num(t, u32::from(d)) {
                continue;
            }
            // English: `31 February`, `February 31`.
            let month_next = toks.get(i + 1).filter(|(_, n)| is_month(n, m));
            let month_before = i
                .checked_sub(1)
                .and_then(|j| toks.get(j))
                .filter(|(_, p)| is_month(p, m));
            if let Some((r, _)) = month_next {
                return Some(range.start..r.end);
            }
            if let Some((r, _)) = month_before {
                return Some(r.start..range.end);
            }
            // Chinese: `2 月 30 日`.
            let after = text.get(range.end..).unwrap_or("").trim_start();
            let before = text.get(..range.start).unwrap_or("").trim_end();
            if after.starts_with('日') && before.ends_with('月') {
                let month_tok = toks
                    .iter()
                    .take(i)
                    .rev()
                    .find(|(_, t)| t.chars().all(|c| c.is_ascii_digit()));
                if let Some((r, t)) = month_tok {
                    if is_num(t, u32::from(m)) {
                        let end = range.end + text.get(range.end..)?.find('日')? + '日'.len_utf8();
                        return Some(r.start..end);
                    }
                }
            }
        }
    }
    year_token.map(|(r, _)| r.clone())
}

/// Closing punctuation a space must not precede.
fn closes(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '?' | '!')
        || matches!(c, '，' | '。' | '、' | '；' | '：' | '？' | '！')
}

fn closing_bracket(c: char) -> bool {
    matches!(c, ')' | ']' | '）' | '」' | '』' | '》' | '〉' | '”')
}

fn opening_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '（' | '「' | '『' | '《' | '〈' | '“')
}

fn stray_spaces(note: &NoteView, out: &mut Vec<Diagnostic>) {
    let text = note.text();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let Some(&(start, c)) = chars.get(i) else {
            break;
        };
        if !c.is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i;
        while chars.get(j).is_some_and(|(_, c)| c.is_whitespace()) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |(o, _)| *o);
        let prev = i.checked_sub(1).and_then(|k| chars.get(k)).map(|(_, c)| *c);
        let next = chars.get(j).map(|(_, c)| *c);
        let next2 = chars.get(j + 1).map(|(_, c)| *c);
        i = j;
        // Only spaces the source has, not one the joiner put at a line break.
        if !(start..end).any(|o| note.is_from_source(o)) {
            continue;
        }
        let (Some(p), Some(n)) = (prev, next) else {
            continue;
        };
        let ellipsis = n == '.' && (next2 == Some('.') || next2 == Some(' ') || p == '.');
        let next_len = n.len_utf8();
        let (code, range, fixed) = if closing_bracket(n) && !opening_bracket(p) {
            (
                "space-inside-brackets",
                start..end + next_len,
                n.to_string(),
            )
        } else if closes(n) && !ellipsis {
            (
                "space-before-punctuation",
                start - p.len_utf8()..end + next_len,
                format!("{p}{n}"),
            )
        } else if opening_bracket(p) {
            (
                "space-inside-brackets",
                start - p.len_utf8()..end,
                p.to_string(),
            )
        } else if matches!(p, '，' | '。' | '、' | '；' | '：') && crate::text::is_cjk_ideograph(n)
        {
            (
                "space-after-punctuation",
                start - p.len_utf8()..end,
                p.to_string(),
            )
        } else {
            continue;
        };
        let written = note.slice(&range);
        let message = match code {
            "space-inside-brackets" => format!("stray space inside brackets: `{written}`"),
            "space-after-punctuation" => format!("stray space after `{p}`"),
            _ => format!("stray space before `{n}`: `{written}`"),
        };
        out.push(
            note.diag(Severity::Warning, code, &range, message)
                .with_help(format!("remove the space: `{fixed}`")),
        );
    }
}

/// The closer of an opening bracket or quotation mark.
fn closer_of(c: char) -> Option<char> {
    Some(match c {
        '(' => ')',
        '[' => ']',
        '（' => '）',
        '「' => '」',
        '『' => '』',
        '《' => '》',
        '〈' => '〉',
        '“' => '”',
        '‘' => '’',
        _ => return None,
    })
}

fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '"')
}

/// A closer with full and half width folded together (`）` → `)`).
fn width_folded(close: char) -> char {
    if close == '）' {
        ')'
    } else {
        close
    }
}

/// Do two closers match across full and half width (`(` … `）`)?
fn same_closer(a: char, b: char) -> bool {
    width_folded(a) == width_folded(b)
}

/// At most this many unbalanced marks are reported one by one per note;
/// the rest are counted in one more finding. A note of ten thousand
/// unclosed brackets needs one fix, not ten thousand errors (and locating
/// each on a long line made the check quadratic).
const UNBALANCED_SHOWN: usize = 3;

fn unbalanced(note: &NoteView, out: &mut Vec<Diagnostic>) {
    let text = note.text();
    let mut stack: Vec<(usize, char)> = Vec::new();
    let mut straight: Vec<usize> = Vec::new();
    // (byte offset, mark, is it an opening one)
    let mut found_marks: Vec<(usize, char, bool)> = Vec::new();
    let mut report = |at: usize, c: char, opening: bool| found_marks.push((at, c, opening));
    // Open marks on the stack, by the closer they wait for.
    let mut open_by_closer: std::collections::HashMap<char, usize> = Default::default();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        if c == '"' {
            straight.push(at);
            continue;
        }
        if let Some(close) = closer_of(c) {
            *open_by_closer.entry(width_folded(close)).or_default() += 1;
            stack.push((at, c));
            continue;
        }
        let is_closer = matches!(c, ')' | ']' | '）' | '」' | '』' | '》' | '〉' | '”' | '’');
        if !is_closer {
            continue;
        }
        // The count spares a scan of the whole stack for every closer that
        // matches nothing (quadratic on a long run of them).
        let any_open = open_by_closer.get(&width_folded(c)).is_some_and(|&n| n > 0);
        let found = if any_open {
            stack
                .iter()
                .rposition(|(_, open)| closer_of(*open).is_some_and(|close| same_closer(close, c)))
        } else {
            None
        };
        let mut forget = |open: char| {
            let kind = closer_of(open).map(width_folded);
            if let Some(n) = kind.and_then(|k| open_by_closer.get_mut(&k)) {
                *n = n.saturating_sub(1);
            }
        };
        match found {
            Some(depth) => {
                // Openers above the match were never closed (except a
                // `‘` that an apostrophe-like `’` may have been meant for).
                for (o_at, o) in stack.drain(depth + 1..) {
                    forget(o);
                    if o != '‘' {
                        report(o_at, o, true);
                    }
                }
                if let Some((_, o)) = stack.pop() {
                    forget(o);
                }
            }
            None => {
                // `’` is also the apostrophe; `)` after a digit or letter
                // at the start of an item is an enumeration `a)`.
                let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|(_, c)| *c);
                let enumeration =
                    c == ')' && prev.is_some_and(|p| p.is_ascii_alphanumeric()) && k < 3;
                if c != '’' && !enumeration {
                    report(at, c, false);
                }
            }
        }
    }
    for (at, c) in stack {
        if c != '‘' {
            report(at, c, true);
        }
    }
    if straight.len() % 2 == 1 {
        if let Some(&at) = straight.last() {
            report(at, '"', true);
        }
    }
    found_marks.sort_unstable_by_key(|&(at, _, _)| at);
    let reversed = reversed_closers(text, &mut found_marks);
    for &at in &reversed {
        let range = at..at + '“'.len_utf8();
        out.push(
            note.diag(
                Severity::Error,
                "unbalanced-quote",
                &range,
                "`“` where the closing `”` belongs".to_string(),
            )
            .with_help("write `”`"),
        );
    }
    for &(at, c, opening) in found_marks.iter().take(UNBALANCED_SHOWN) {
        out.push(unbalanced_mark(note, at, c, opening));
    }
    if let Some(&(at, c, _)) = found_marks.get(UNBALANCED_SHOWN) {
        let more = found_marks.len() - UNBALANCED_SHOWN;
        let range = at..at + c.len_utf8();
        out.push(
            note.diag(
                Severity::Error,
                "unbalanced-bracket",
                &range,
                format!(
                    "{more} more unbalanced brackets or quotation marks in this note, from here"
                ),
            )
            .with_help("fix the first three, then check again"),
        );
    }
}

/// `(“Tom Lehrer“)`: an opening mark set against the end of the words an
/// earlier unclosed one opened is the closing mark turned the wrong way.
/// One defect, not two: both openers leave `marks`, and the second's
/// offset is returned.
fn reversed_closers(text: &str, marks: &mut Vec<(usize, char, bool)>) -> Vec<usize> {
    let mut reversed = Vec::new();
    let mut k = 0;
    while let (Some(&(first, a, a_open)), Some(&(second, b, b_open))) =
        (marks.get(k), marks.get(k + 1))
    {
        let glued_to_word = text
            .get(..second)
            .and_then(|before| before.chars().next_back())
            .is_some_and(char::is_alphanumeric);
        let between = text.get(first..second).unwrap_or("");
        if a == '“' && b == '“' && a_open && b_open && glued_to_word && !between.contains('”')
        {
            reversed.push(second);
            marks.drain(k..k + 2);
        } else {
            k += 1;
        }
    }
    reversed
}

/// One bracket or quotation mark that is never closed or closes nothing.
fn unbalanced_mark(note: &NoteView, at: usize, c: char, opening: bool) -> Diagnostic {
    let range = at..at + c.len_utf8();
    let code = if is_quote(c) {
        "unbalanced-quote"
    } else {
        "unbalanced-bracket"
    };
    let message = if opening {
        format!("`{c}` is never closed")
    } else {
        format!("`{c}` closes nothing")
    };
    let help = match (opening, closer_of(c)) {
        (true, Some(close)) => format!("add the closing `{close}`, or remove this one"),
        _ => "add the opening mark, or remove this one".to_string(),
    };
    note.diag(Severity::Error, code, &range, message)
        .with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper(notes: &str) -> String {
        format!("標題\n\n本文。1\n{}\n{notes}\n 正文。\n", " ".repeat(20))
    }

    fn findings(notes: &str) -> Vec<Diagnostic> {
        let ex = crate::extract(&paper(notes)).unwrap();
        let today = Today {
            year: 2026,
            month: 1,
            day: 1,
        };
        check(&ex, today)
    }

    fn codes(notes: &str) -> Vec<(String, usize, usize)> {
        findings(notes)
            .into_iter()
            .map(|d| (d.code, d.line, d.column))
            .collect()
    }

    #[test]
    fn locator_comma() {
        let found = codes("1 Elizabeth Wishnick, Mending Fences (Seattle: University of Washington Press, 2001), p,129.");
        assert!(
            found.contains(&("locator-comma".into(), 5, 87)),
            "{found:?}"
        );
    }

    #[test]
    fn stray_spaces_and_brackets() {
        let found = codes("1 The Military Balance 1991/1992 ( London: IISS, 1992), pp.150-152.");
        assert!(
            found.contains(&("space-inside-brackets".into(), 5, 34)),
            "{found:?}"
        );
        let found = codes("1 Ming-Yen Tsai, From Adversaries to Partners ? Chinese Cooperation (New York: Praeger, 2003), p.5.");
        assert!(
            found.contains(&("space-before-punctuation".into(), 5, 45)),
            "{found:?}"
        );
    }

    #[test]
    fn a_report_without_its_body_is_told_to_name_it() {
        let found = findings("1 Jane Roe, Arms Sales to China, Research Report No. 4 (2001).");
        let missing = found.iter().find(|d| d.code == "missing-field");
        assert_eq!(
            missing.map(|d| (d.message.as_str(), d.help.as_deref())),
            Some((
                "report citation without publisher or issuing body",
                Some("name the issuing body and the year")
            )),
            "{found:?}"
        );
    }

    #[test]
    fn an_undated_communication_is_told_to_give_its_day() {
        let found = findings("1 Jane Roe, email message to author.");
        let missing = found.iter().find(|d| d.code == "missing-field");
        assert_eq!(
            missing.map(|d| (d.message.as_str(), d.help.as_deref())),
            Some((
                "letter or personal communication citation without date",
                Some("give the day it took place")
            )),
            "{found:?}"
        );
        // Named by its people: no title is asked for.
        assert!(!missing.is_some_and(|d| d.message.contains("title")));
    }

    fn messages(notes: &str) -> Vec<(String, String)> {
        findings(notes)
            .into_iter()
            .map(|d| (d.code, d.message))
            .collect()
    }

    /// The finding quotes what is written, the space with its bracket or
    /// mark; spaced ellipses are no stray spaces.
    #[test]
    fn stray_spaces_quote_what_is_written() {
        let found = messages("1 Allen Lynch, Soviet Views (New York: Praeger, 1991 ), 5.");
        assert!(
            found.contains(&(
                "space-inside-brackets".into(),
                "stray space inside brackets: ` )`".into()
            )),
            "{found:?}"
        );
        let found =
            messages("1 Allen Lynch, Soviet Views ; or, Others (New York: Praeger, 1991), 5.");
        assert!(
            found.contains(&(
                "space-before-punctuation".into(),
                "stray space before `;`: `s ;`".into()
            )),
            "{found:?}"
        );
        // A period that ends the note after a space is no ellipsis.
        let found = messages("1 Allen Lynch, Soviet Views (New York: Praeger, 1991), 5 .");
        assert!(
            found.contains(&(
                "space-before-punctuation".into(),
                "stray space before `.`: `5 .`".into()
            )),
            "{found:?}"
        );
        for spaced in [
            "Soviet Views ... of the World",
            "Soviet Views . . . of the World",
        ] {
            let found = messages(&format!(
                "1 Allen Lynch, {spaced} (New York: Praeger, 1991), 5."
            ));
            assert!(
                !found.iter().any(|(c, _)| c.starts_with("space-")),
                "{spaced}: {found:?}"
            );
        }
    }

    /// A finding marks exactly the character it is about.
    #[test]
    fn a_reversed_closing_quote_is_marked_alone() {
        let found: Vec<_> =
            findings("1 Allen Lynch, (“Soviet Views of the World“), Foreign Policy 12 (1991): 5.")
                .into_iter()
                .filter(|d| d.code == "unbalanced-quote")
                .map(|d| (d.line, d.column, d.end_line, d.end_column))
                .collect();
        assert_eq!(found, [(5, 43, 5, 44)]);
    }

    #[test]
    fn a_space_at_a_line_break_is_not_stray() {
        let found = codes(
            "1 Ming-Yen Tsai, From Adversaries to Partners (New York: Praeger, 2003)\n  , p.5.",
        );
        assert!(
            !found.iter().any(|(c, _, _)| c.starts_with("space-")),
            "{found:?}"
        );
    }

    #[test]
    fn places_in_citations() {
        let found = codes("1 Robert G. Sutter, Rising China (Hawaii, HA: APCSS, 2005), p.1.");
        assert!(
            found.contains(&("place-state-as-city".into(), 5, 35)),
            "{found:?}"
        );
        assert!(
            found.contains(&("place-unknown-code".into(), 5, 43)),
            "{found:?}"
        );
    }

    #[test]
    fn unbalanced_marks() {
        let found = codes("1 Allen Lynch, “Changing Soviet Elite Views, Soviet Foreign Policy (New York: Praeger, 1991), p.38.");
        assert!(
            found.contains(&("unbalanced-quote".into(), 5, 16)),
            "{found:?}"
        );
        let found = codes("1 Allen Lynch, Soviet Foreign Policy (New York: Praeger, 1991, p.38.");
        assert!(
            found.contains(&("unbalanced-bracket".into(), 5, 38)),
            "{found:?}"
        );
    }

    #[test]
    fn many_unbalanced_marks_are_counted_after_the_first_three() {
        let found: Vec<_> = codes("1 （（（（（（")
            .into_iter()
            .filter(|(c, _, _)| c == "unbalanced-bracket")
            .collect();
        // Columns of the first three `（`, then the fourth counts the rest.
        let columns: Vec<usize> = found.iter().map(|(_, _, col)| *col).collect();
        assert_eq!(columns, [3, 4, 5, 6], "{found:?}");
        let ex = crate::extract(&paper("1 （（（（（（")).unwrap();
        let today = Today {
            year: 2026,
            month: 1,
            day: 1,
        };
        let last = check(&ex, today)
            .into_iter()
            .rfind(|d| d.code == "unbalanced-bracket");
        assert_eq!(
            last.as_ref().map(|d| d.message.as_str()),
            Some("3 more unbalanced brackets or quotation marks in this note, from here")
        );
        // The caret spans the fourth mark alone.
        assert_eq!(
            last.map(|d| (d.line, d.column, d.end_line, d.end_column)),
            Some((5, 6, 5, 7))
        );
    }

    #[test]
    fn brackets_match_across_full_and_half_width() {
        for note in [
            "1 Allen Lynch, Soviet Views（New York: Praeger, 1991), p.38.",
            "1 Allen Lynch, Soviet Views (New York: Praeger, 1991）, p.38.",
        ] {
            let found = codes(note);
            assert!(
                !found.iter().any(|(c, _, _)| c.starts_with("unbalanced")),
                "{note}: {found:?}"
            );
        }
    }

    #[test]
    fn impossible_and_future_dates() {
        let p = DatePart::day(1986, 2, 31);
        assert_eq!(
            date_problems(
                &Date::single(p),
                Today {
                    year: 2026,
                    month: 1,
                    day: 1
                }
            ),
            vec![DateProblem::NoSuchDay(p)]
        );
        let f = DatePart::year(2031);
        assert_eq!(
            date_problems(
                &Date::single(f),
                Today {
                    year: 2026,
                    month: 1,
                    day: 1
                }
            ),
            vec![DateProblem::Future(f)]
        );
        assert_eq!(
            find_date("FBIS-CHI, 31 February 1986, p.W11", &p),
            Some(10..21)
        );
        assert_eq!(
            find_date("中國時報，2000 年 2 月 30 日", &DatePart::day(2000, 2, 30)),
            Some(24..36)
        );
    }

    #[test]
    fn required_fields_by_type() {
        let mut book = Item::new(ItemType::Book);
        book.title = Some("T".into());
        assert_eq!(list_fields(&missing_fields(&book)), "publisher and year");
        let mut article = Item::new(ItemType::ArticleJournal);
        article.title = Some("T".into());
        assert_eq!(
            list_fields(&missing_fields(&article)),
            "periodical and date"
        );
        let mut chapter = Item::new(ItemType::Chapter);
        chapter.title = Some("T".into());
        assert_eq!(
            list_fields(&missing_fields(&chapter)),
            "book title, editor, publisher and year"
        );
    }

    #[test]
    fn items_named_otherwise_need_no_title() {
        let missing = |item: &Item| list_fields(&missing_fields(item));
        let dated = |mut item: Item| {
            item.issued = Some(crate::model::Date::single(DatePart::year(1950)));
            item
        };
        // A talk described by its kind; undescribed, it needs its title.
        let mut talk = dated(Item::new(ItemType::Speech));
        assert_eq!(missing(&talk), "title");
        talk.genre = Some("speech".into());
        assert_eq!(missing(&talk), "");
        // A paper's untitled piece needs its title, unless it reviews one.
        let mut review = dated(Item::new(ItemType::ReviewBook));
        review.container_title = Some("Journal".into());
        assert_eq!(missing(&review), "title");
        review.set_rare(Some("Book".into()), |e| &mut e.reviewed_title);
        assert_eq!(missing(&review), "");
        // An archive's file is named by its numbers and has no day; a
        // titled document has a day.
        let mut file = Item::new(ItemType::Manuscript);
        assert_eq!(missing(&file), "title and date");
        file.set_rare(Some("fond 45, opis 1".into()), |e| &mut e.archive_location);
        assert_eq!(missing(&file), "");
        file.title = Some("Minutes".into());
        assert_eq!(missing(&file), "date");
        // Numbers on another type name nothing.
        let mut report = Item::new(ItemType::Webpage);
        report.set_rare(Some("fond 45".into()), |e| &mut e.archive_location);
        assert_eq!(missing(&report), "title and URL");
    }

    #[test]
    fn a_closing_quote_turned_the_wrong_way_is_one_finding() {
        let mut marks = vec![(1, '“', true), (12, '“', true)];
        let text = "(“Tom Lehrer“), “That";
        let at = text.find("r“").map(|i| i + 1).unwrap_or(0);
        marks[1].0 = at;
        assert_eq!(reversed_closers(text, &mut marks), [at]);
        assert!(marks.is_empty());
        // Two titles each left open are two findings.
        let text = "“One, “Two";
        let mut marks = vec![
            (0, '“', true),
            (text.find(" “").unwrap_or(0) + 1, '“', true),
        ];
        assert!(reversed_closers(text, &mut marks).is_empty());
        assert_eq!(marks.len(), 2);
    }
}
