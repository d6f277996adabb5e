//! Locators: the pages (chapter, section, note …) a citation points at.
//!
//! English: `p.388`, `pp. 394-400`, `p.388 and pp. 394-400`, `p.S1/2`,
//! `p.XV`, `Chapter 5`, `n. 12`; lenient forms are read and their problem
//! recorded (`p,129`, `pp.45`, `p.45-50`, `pp.50-45`). Chinese: `頁 9`,
//! `頁 185-186`, `第 5 頁`, `版五`, `第 A5 版`, `第三章`.
//!
//! Problem ranges are byte ranges in the note text: the comma of `p,` for
//! [`LocatorProblem::CommaForPeriod`], the label (`pp.`, `p.`) for
//! [`LocatorProblem::PluralForSingle`] and
//! [`LocatorProblem::SingularForRange`], the range itself (`50-45`) for
//! [`LocatorProblem::ReversedRange`].

use super::{span_range, PResult, Span};
use crate::model::{Locator, LocatorLabel, LocatorProblem};
use crate::text::chinese_numeral;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, digit0, digit1, satisfy};
use nom::combinator::{map, map_opt, not, opt, peek, recognize, value, verify};
use nom::sequence::{delimited, preceded, terminated};
use nom::Parser;
use std::ops::Range;

type Problems = Vec<(LocatorProblem, Range<usize>)>;

// ---------------------------------------------------------------------------
// Small shared pieces
// ---------------------------------------------------------------------------

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{a0}' | '\u{3000}')
}

fn ws(input: Span) -> PResult<Span> {
    take_while1(is_space).parse(input)
}

fn ows(input: Span) -> PResult<Span> {
    take_while(is_space).parse(input)
}

/// No letter or digit follows.
fn word_end(input: Span) -> PResult<()> {
    not(satisfy(char::is_alphanumeric)).parse(input)
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‐' | '‑' | '－')
}

/// A dash between the ends of a range, spaces allowed around it.
fn dash(input: Span) -> PResult<char> {
    delimited(ows, satisfy(is_dash), ows).parse(input)
}

/// Does a normalised locator value hold a range (`394-400`)?
pub fn page_value_is_range(value: &str) -> bool {
    value
        .split(',')
        .any(|item| item.trim().trim_matches(is_dash).contains(is_dash))
}

/// Does a normalised locator value cite more than one page (a range or a
/// list such as `3, 7`)?
pub fn page_value_is_plural(value: &str) -> bool {
    page_value_is_range(value) || value.contains(',')
}

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

/// `388`, `W11`, `S1/2`, `B/1`, `A24`, `45n3`: an optional section letter,
/// digits, an optional `/part`, an optional note mark. Needs a digit.
fn sectioned_page(input: Span) -> PResult<Span> {
    terminated(
        verify(
            recognize((
                opt(satisfy(|c: char| c.is_ascii_uppercase())),
                digit0,
                opt((char('/'), take_while1(|c: char| c.is_ascii_alphanumeric()))),
                opt(alt((recognize((char('n'), digit1)), tag("ff"), tag("f")))),
            )),
            |s: &Span| s.fragment().chars().any(|c| c.is_ascii_digit()),
        ),
        word_end,
    )
    .parse(input)
}

/// `XV`, `xiv`: a roman numeral, all in one case, with an I, V or X in it
/// (so `d` of `n.d.` or a lone `C` is not a page).
fn roman_page(input: Span) -> PResult<Span> {
    terminated(
        verify(
            alt((
                take_while1(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')),
                take_while1(|c| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c')),
            )),
            |s: &Span| s.fragment().contains(['I', 'V', 'X', 'i', 'v', 'x']),
        ),
        word_end,
    )
    .parse(input)
}

/// One page (or chapter …) as written.
fn page_atom(input: Span) -> PResult<Span> {
    alt((sectioned_page, roman_page)).parse(input)
}

/// One item of a locator value: a single page or a range.
#[derive(Debug, Clone)]
struct Item<'a> {
    start: Span<'a>,
    end: Option<Span<'a>>,
}

impl Item<'_> {
    fn normalised(&self) -> String {
        match &self.end {
            Some(end) => format!("{}-{}", self.start.fragment(), end.fragment()),
            None => self.start.fragment().to_string(),
        }
    }

    /// Byte range from the start of the first page to the end of the last.
    fn range(&self) -> Range<usize> {
        let start = self.start.location_offset();
        let last = self.end.as_ref().unwrap_or(&self.start);
        start..span_range(last).end
    }
}

/// `394-400` or `388`.
fn page_item(input: Span) -> PResult<Item> {
    map(
        (page_atom, opt(preceded(dash, page_atom))),
        |(start, end)| Item { start, end },
    )
    .parse(input)
}

/// Expand an abbreviated range end against its start: `758-71` → 771,
/// `1991-93` → 1993. `None` unless both are plain numbers.
pub fn expand_range_end(start: &str, end: &str) -> Option<u64> {
    if !start.chars().all(|c| c.is_ascii_digit()) || !end.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    start.parse::<u64>().ok()?;
    if end.len() >= start.len() {
        return end.parse().ok();
    }
    let keep = start.len() - end.len();
    let full = format!("{}{}", start.get(..keep)?, end);
    full.parse().ok()
}

/// Does a range run backwards (after expanding an abbreviated end)?
fn is_reversed(start: &str, end: &str) -> bool {
    match (start.parse::<u64>(), expand_range_end(start, end)) {
        (Ok(s), Some(e)) => e < s,
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// English labels
// ---------------------------------------------------------------------------

/// A page label as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PageLabel {
    Singular,
    Plural,
}

/// `p.`, `pp.`, `p`, `pp` (before a space) and the lenient `p,`/`pp,`.
/// Returns the number, the label span, and the comma's span if the comma
/// stood for the period.
fn page_label(input: Span) -> PResult<(PageLabel, Span, Option<Span>)> {
    let (rest, (label, written)) = alt((
        map(tag("pp"), |s| (PageLabel::Plural, s)),
        map(tag("p"), |s| (PageLabel::Singular, s)),
    ))
    .parse(input)?;
    let (rest, mark) = alt((
        map(tag("."), |s| (Some(s), false)),
        map(tag(","), |s| (Some(s), true)),
        map(peek(ws), |_| (None, false)),
    ))
    .parse(rest)?;
    // The label must be followed by a page.
    peek(preceded(ows, page_atom)).parse(rest)?;
    let whole_end = mark
        .0
        .map_or(span_range(&written).end, |m| span_range(&m).end);
    let len = whole_end - written.location_offset();
    let label_span = nom::Input::take(&input, len);
    let comma = if mark.1 { mark.0 } else { None };
    Ok((rest, (label, label_span, comma)))
}

/// A word label with an optional period: `chap.`, `Chapter`, `sec.`.
fn word_label<'a>(
    word: &'static str,
) -> impl Parser<Span<'a>, Output = Span<'a>, Error = nom::error::Error<Span<'a>>> {
    terminated(tag(word), alt((tag("."), peek(ws))))
}

/// `Chapter`, `chap.`, `ch.`, `sec.`, `n.`, `para.` and their plurals.
fn other_label(input: Span) -> PResult<LocatorLabel> {
    alt((
        value(
            LocatorLabel::Chapter,
            alt((
                word_label("Chapters"),
                word_label("chapters"),
                word_label("Chapter"),
                word_label("chapter"),
                word_label("Chaps"),
                word_label("chaps"),
                word_label("Chap"),
                word_label("chap"),
                word_label("chs"),
                word_label("ch"),
            )),
        ),
        value(
            LocatorLabel::Section,
            alt((
                word_label("Sections"),
                word_label("sections"),
                word_label("Section"),
                word_label("section"),
                word_label("secs"),
                word_label("sec"),
                word_label("§§"),
                word_label("§"),
            )),
        ),
        value(
            LocatorLabel::Note,
            alt((
                word_label("notes"),
                word_label("note"),
                word_label("nn"),
                word_label("n"),
            )),
        ),
        value(
            LocatorLabel::Paragraph,
            alt((
                word_label("paragraphs"),
                word_label("paragraph"),
                word_label("paras"),
                word_label("para"),
                word_label("¶¶"),
                word_label("¶"),
            )),
        ),
    ))
    .parse(input)
}

/// What may follow a list item: not a word (`16 May` after `p.3,` is a
/// date, not a page).
fn item_end(input: Span) -> PResult<()> {
    not((ws, not(tag("and")), satisfy(char::is_alphanumeric))).parse(input)
}

/// `, `, ` and `, `, and `, ` & ` between items.
fn item_separator(input: Span) -> PResult<()> {
    value(
        (),
        alt((
            recognize((opt(char(',')), ws, tag("and"), ws)),
            recognize((ows, char('&'), ows)),
            recognize((char(','), ows)),
        )),
    )
    .parse(input)
}

/// Items after one label, up to the next label or the end.
fn items(input: Span) -> PResult<Vec<Item>> {
    let (mut rest, first) = page_item(input)?;
    let mut out = vec![first];
    while let Ok((r, item)) = terminated(preceded(item_separator, page_item), item_end).parse(rest)
    {
        out.push(item);
        rest = r;
    }
    Ok((rest, out))
}

/// Problems of one labelled group of page items.
fn page_group_problems(
    label: PageLabel,
    label_span: &Span,
    comma: Option<Span>,
    items: &[Item],
) -> Problems {
    let mut problems = Vec::new();
    if let Some(c) = comma {
        problems.push((LocatorProblem::CommaForPeriod, span_range(&c)));
    }
    let plural = items.len() > 1 || items.iter().any(|i| i.end.is_some());
    match label {
        PageLabel::Plural if !plural => {
            problems.push((LocatorProblem::PluralForSingle, span_range(label_span)))
        }
        PageLabel::Singular if items.iter().any(|i| i.end.is_some()) => {
            problems.push((LocatorProblem::SingularForRange, span_range(label_span)))
        }
        _ => {}
    }
    for item in items {
        if let Some(end) = &item.end {
            if is_reversed(item.start.fragment(), end.fragment()) {
                problems.push((LocatorProblem::ReversedRange, item.range()));
            }
        }
    }
    problems
}

/// `p.388` / `pp. 394-400`: one page label and its items.
fn page_group(input: Span) -> PResult<(Vec<Item>, Problems)> {
    let (rest, (label, label_span, comma)) = page_label(input)?;
    let (rest, items) = preceded(ows, items).parse(rest)?;
    let problems = page_group_problems(label, &label_span, comma, &items);
    Ok((rest, (items, problems)))
}

/// `p.388 and pp. 394-400`: page groups joined by `and` or a comma.
fn english_pages(input: Span) -> PResult<Locator> {
    let (mut rest, (mut items, mut problems)) = page_group(input)?;
    while let Ok((r, (more, more_problems))) = preceded(item_separator, page_group).parse(rest) {
        items.extend(more);
        problems.extend(more_problems);
        rest = r;
    }
    let value = join_items(&items);
    Ok((
        rest,
        Locator {
            label: LocatorLabel::Page,
            value,
            problems,
            volume: None,
        },
    ))
}

fn join_items(items: &[Item]) -> String {
    items
        .iter()
        .map(Item::normalised)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `Chapter 5`, `chap. 5`, `n. 12`, `para. 4`.
fn english_other(input: Span) -> PResult<Locator> {
    alt((
        map((other_label, ows, dotted_division), |(label, _, number)| {
            Locator::new(label, number.fragment().to_string())
        }),
        map((other_label, ows, items), |(label, _, items)| {
            Locator::new(label, join_items(&items))
        }),
    ))
    .parse(input)
}

/// `45 n. 3`, `45, nn. 3–4`, `45n3`, `45`: a page (or range) and the note
/// on it, in Chicago's closed-up form (`45n3`, `45nn3-4`).
fn page_and_note(input: Span) -> PResult<String> {
    let note_label = (opt(char(',')), ws, alt((tag("nn."), tag("n."))), ows);
    map(
        (page_item, opt(preceded(note_label, page_item))),
        |(page, note)| match note {
            Some(note) => {
                let label = if note.end.is_some() { "nn" } else { "n" };
                format!("{}{label}{}", page.normalised(), note.normalised())
            }
            None => page.normalised(),
        },
    )
    .parse(input)
}

/// Pages cited with no label, as Chicago writes them after a title or
/// `Ibid.`: `45, 47`, `12–14 and 20`, `45 n. 3`, `45n3`. The first page is
/// in digits. One page with no note is not read here: each grammar has its
/// own rule for a bare number.
pub fn unlabelled_pages(input: Span) -> PResult<Locator> {
    let (mut rest, first) = verify(page_and_note, |v: &str| {
        v.starts_with(|c: char| c.is_ascii_digit())
    })
    .parse(input)?;
    let mut values = vec![first];
    while let Ok((r, more)) =
        terminated(preceded(item_separator, page_and_note), item_end).parse(rest)
    {
        values.push(more);
        rest = r;
    }
    // `45, table 3`, `12, fig. 2`: a table or figure on the page cited.
    if let Ok((r, (_, label, _, number))) = (
        alt((tag(", "), tag(" "))),
        alt((
            tag("table"),
            tag("figure"),
            tag("fig."),
            tag("map"),
            tag("plate"),
        )),
        ws,
        terminated(take_while1(|c: char| c.is_ascii_alphanumeric()), word_end),
    )
        .parse(rest)
    {
        if let Some(last) = values.last_mut() {
            last.push_str(&format!(", {} {}", label.fragment(), number.fragment()));
        }
        rest = r;
    }
    // One page is read here only with what bare digits lack: a note,
    // `f.`/`ff.`, a table or figure.
    let marked = values
        .iter()
        .any(|v| !v.bytes().all(|b| b.is_ascii_digit() || b == b'-'));
    if values.len() < 2 && !marked {
        return super::scan::fail(input);
    }
    Ok((rest, Locator::new(LocatorLabel::Page, values.join(", "))))
}

/// `1.3`, `2.4.1`: a chapter or section numbered within another.
fn dotted_division(input: Span) -> PResult<Span> {
    terminated(
        recognize((digit1, nom::multi::many1((char('.'), digit1)))),
        (
            not(satisfy(|c: char| {
                c.is_alphanumeric() || c == '-' || c == '–'
            })),
            item_end,
        ),
    )
    .parse(input)
}

/// An English locator at the start of `input`. A trailing period or `;` is
/// left unread; bare numbers (no label) are not a locator here.
pub fn english_locator(input: Span) -> PResult<Locator> {
    alt((english_pages, english_other)).parse(input)
}

// ---------------------------------------------------------------------------
// Chinese
// ---------------------------------------------------------------------------

fn is_chinese_digit(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '兩'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
    )
}

/// One value in Chinese form: Arabic (`9`, `A5`) or Chinese numerals (`五`).
fn chinese_atom(input: Span) -> PResult<String> {
    alt((
        map(
            recognize((
                opt(satisfy(|c: char| c.is_ascii_uppercase())),
                digit1,
                opt((char('/'), digit1)),
            )),
            |s: Span| s.fragment().to_string(),
        ),
        map_opt(take_while1(is_chinese_digit), |s: Span| {
            chinese_numeral(s.fragment()).map(|n| n.to_string())
        }),
    ))
    .parse(input)
}

/// A dash, `至` or `~` between the ends of a Chinese range.
fn chinese_dash(input: Span) -> PResult<char> {
    alt((
        dash,
        delimited(ows, alt((char('至'), char('~'), char('～'))), ows),
    ))
    .parse(input)
}

/// `185-186` or `9`.
fn chinese_item(input: Span) -> PResult<String> {
    map(
        (chinese_atom, opt(preceded(chinese_dash, chinese_atom))),
        |(a, b)| match b {
            Some(b) => format!("{a}-{b}"),
            None => a,
        },
    )
    .parse(input)
}

/// `12、15`, `12, 15`, `12 及 15`.
fn chinese_items(input: Span) -> PResult<String> {
    let (mut rest, first) = chinese_item(input)?;
    let mut out = vec![first];
    let sep = |i| {
        value(
            (),
            delimited(ows, alt((char('、'), char(','), char('及'))), ows),
        )
        .parse(i)
    };
    while let Ok((r, item)) = preceded(sep, chinese_item).parse(rest) {
        out.push(item);
        rest = r;
    }
    Ok((rest, out.join(", ")))
}

/// `頁 9`, `頁 185-186`, `頁 12、15`.
fn chinese_page_prefix(input: Span) -> PResult<Locator> {
    map(
        preceded((alt((char('頁'), char('页'))), ows), chinese_items),
        |v| Locator::new(LocatorLabel::Page, v),
    )
    .parse(input)
}

/// `版五`, `版 A5`: a newspaper page.
fn chinese_edition_prefix(input: Span) -> PResult<Locator> {
    map(preceded((char('版'), ows), chinese_items), |v| {
        Locator::new(LocatorLabel::Page, v)
    })
    .parse(input)
}

/// `A5 版`: a newspaper page written without `第`.
fn chinese_edition_suffix(input: Span) -> PResult<Locator> {
    map(terminated(chinese_items, (ows, char('版'))), |v| {
        Locator::new(LocatorLabel::Page, v)
    })
    .parse(input)
}

/// `第 5 頁`, `第 A5 版`, `第三章`, `第二節`.
fn chinese_ordinal(input: Span) -> PResult<Locator> {
    map(
        (
            char('第'),
            ows,
            chinese_items,
            ows,
            alt((
                value(
                    LocatorLabel::Page,
                    alt((char('頁'), char('页'), char('版'))),
                ),
                value(LocatorLabel::Chapter, char('章')),
                value(LocatorLabel::Section, alt((char('節'), char('节')))),
            )),
        ),
        |(_, _, v, _, label)| Locator::new(label, v),
    )
    .parse(input)
}

/// A Chinese locator at the start of `input`; a trailing `。` is left.
pub fn chinese_locator(input: Span) -> PResult<Locator> {
    alt((
        chinese_page_prefix,
        chinese_edition_prefix,
        chinese_ordinal,
        chinese_edition_suffix,
    ))
    .parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nom::Input;

    fn span(s: &str) -> Span<'_> {
        Span::new(s)
    }

    fn en(s: &str) -> (Locator, String) {
        match english_locator(span(s)) {
            Ok((rest, l)) => (l, rest.fragment().to_string()),
            Err(e) => panic!("no locator in {s:?}: {e:?}"),
        }
    }

    fn zh(s: &str) -> (Locator, String) {
        match chinese_locator(span(s)) {
            Ok((rest, l)) => (l, rest.fragment().to_string()),
            Err(e) => panic!("no locator in {s:?}: {e:?}"),
        }
    }

    fn page(v: &str) -> Locator {
        Locator::new(LocatorLabel::Page, v)
    }

    #[test]
    fn chinese_pages_without_ordinal() {
        assert_eq!(zh("A5 版").0, page("A5"));
    }

    #[test]
    fn atoms() {
        for ok in [
            "388", "W11", "S1/2", "A1/4", "B/1", "C2/2", "A24", "45n3", "12ff",
        ] {
            let r = page_atom(span(ok)).map(|(r, s)| (*r.fragment(), *s.fragment()));
            assert_eq!(r, Ok(("", ok)), "{ok}");
        }
        assert_eq!(
            page_atom(span("XV.")).map(|(r, s)| (*r.fragment(), *s.fragment())),
            Ok((".", "XV"))
        );
        assert_eq!(
            page_atom(span("xiv")).map(|(_, s)| *s.fragment()),
            Ok("xiv")
        );
        for bad in ["FBIS", "May", "Xv", "W", "388a", "", "d", "C", "MMX"] {
            assert!(page_atom(span(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn range_expansion() {
        assert_eq!(expand_range_end("758", "71"), Some(771));
        assert_eq!(expand_range_end("1991", "93"), Some(1993));
        assert_eq!(expand_range_end("100", "5"), Some(105));
        assert_eq!(expand_range_end("50", "45"), Some(45));
        assert_eq!(expand_range_end("A1", "4"), None);
        assert!(is_reversed("50", "45"));
        assert!(!is_reversed("758", "71"));
        assert!(!is_reversed("394", "400"));
        assert!(is_reversed("125", "3"));
    }

    #[test]
    fn value_helpers() {
        assert!(page_value_is_range("394-400"));
        assert!(page_value_is_range("388, 394-400"));
        assert!(!page_value_is_range("388"));
        assert!(!page_value_is_range("3, 7"));
        assert!(!page_value_is_range("S1/2"));
        assert!(page_value_is_plural("3, 7"));
        assert!(!page_value_is_plural("W11"));
    }

    #[test]
    fn english_single_pages() {
        let (l, rest) = en("p.388.");
        assert_eq!(l, page("388"));
        assert_eq!(rest, ".");
        assert_eq!(en("p. 388").0, page("388"));
        assert_eq!(en("p.W11.").0, page("W11"));
        assert_eq!(en("p.S1/2.").0, page("S1/2"));
        assert_eq!(en("p.A1/4;").0, page("A1/4"));
        assert_eq!(en("p.B/1.").0, page("B/1"));
        assert_eq!(en("p.C2/2;").0, page("C2/2"));
        assert_eq!(en("p.A24.").0, page("A24"));
        let (l, rest) = en("p.XV.");
        assert_eq!(l, page("XV"));
        assert_eq!(rest, ".");
    }

    #[test]
    fn unlabelled_lists_and_notes() {
        let read = |t: &'static str| {
            unlabelled_pages(Span::new(t))
                .ok()
                .map(|(rest, l)| (l.value, *rest.fragment()))
        };
        assert_eq!(read("45, 47."), Some(("45, 47".into(), ".")));
        assert_eq!(read("12–14 and 20"), Some(("12-14, 20".into(), "")));
        assert_eq!(read("45 n. 3."), Some(("45n3".into(), ".")));
        assert_eq!(read("45, nn. 3–4"), Some(("45nn3-4".into(), "")));
        assert_eq!(read("45n3"), Some(("45n3".into(), "")));
        assert_eq!(read("45, 47 n. 2"), Some(("45, 47n2".into(), "")));
        assert_eq!(read("45ff."), Some(("45ff".into(), ".")));
        assert_eq!(read("45, table 3."), Some(("45, table 3".into(), ".")));
        assert_eq!(read("12 fig. 2"), Some(("12, fig. 2".into(), "")));
        assert_eq!(read("45-47"), None);
        // One page alone, a roman first page, a date after the page.
        assert_eq!(read("45."), None);
        assert_eq!(read("xii, 4"), None);
        assert_eq!(read("45, 16 May"), None);
        assert_eq!(read("45, 1990 n.d."), None);
    }

    #[test]
    fn english_ranges_and_lists() {
        let (l, rest) = en("pp.150-152. ");
        assert_eq!(l, page("150-152"));
        assert_eq!(rest, ". ");
        assert_eq!(en("pp. 394–400").0, page("394-400"));
        assert_eq!(en("pp. 394 — 400").0, page("394-400"));
        let (l, rest) = en("p.388 and pp. 394-400. ");
        assert_eq!(l, page("388, 394-400"));
        assert_eq!(rest, ". ");
        assert_eq!(en("pp. 3, 7").0, page("3, 7"));
        let (l, rest) = en("pp.21-22; “Russia");
        assert_eq!(l, page("21-22"));
        assert_eq!(rest, "; “Russia");
        // A date after the page is not part of the list.
        let (l, rest) = en("p.3, 16 May 1995, p.3");
        assert_eq!(l, page("3"));
        assert_eq!(rest, ", 16 May 1995, p.3");
        let (l, rest) = en("p.3, FBIS-SOV-95-094");
        assert_eq!(l, page("3"));
        assert_eq!(rest, ", FBIS-SOV-95-094");
    }

    #[test]
    fn dotted_chapters_and_sections() {
        assert_eq!(
            en("ch. 1.3").0,
            Locator::new(LocatorLabel::Chapter, "1.3".to_string())
        );
        assert_eq!(
            en("sec. 2.4.1").0,
            Locator::new(LocatorLabel::Section, "2.4.1".to_string())
        );
        assert_eq!(
            en("ch. 3").0,
            Locator::new(LocatorLabel::Chapter, "3".to_string())
        );
    }

    #[test]
    fn english_other_labels() {
        let (l, rest) = en("Chapter 5.");
        assert_eq!(l, Locator::new(LocatorLabel::Chapter, "5"));
        assert_eq!(rest, ".");
        assert_eq!(en("chap. 5").0, Locator::new(LocatorLabel::Chapter, "5"));
        assert_eq!(en("ch. 5").0, Locator::new(LocatorLabel::Chapter, "5"));
        assert_eq!(en("sec. 3").0, Locator::new(LocatorLabel::Section, "3"));
        assert_eq!(en("n. 12").0, Locator::new(LocatorLabel::Note, "12"));
        assert_eq!(en("para. 4").0, Locator::new(LocatorLabel::Paragraph, "4"));
        assert_eq!(
            en("chaps. 3-4").0,
            Locator::new(LocatorLabel::Chapter, "3-4")
        );
    }

    #[test]
    fn english_lenient_forms() {
        let (l, rest) = en("p,129. ");
        assert_eq!(l.value, "129");
        assert_eq!(l.problems, vec![(LocatorProblem::CommaForPeriod, 1..2)]);
        assert_eq!(rest, ". ");

        let (l, _) = en("pp.45");
        assert_eq!(l.value, "45");
        assert_eq!(l.problems, vec![(LocatorProblem::PluralForSingle, 0..3)]);

        let (l, _) = en("p.45-50");
        assert_eq!(l.value, "45-50");
        assert_eq!(l.problems, vec![(LocatorProblem::SingularForRange, 0..2)]);

        let (l, _) = en("pp.50-45");
        assert_eq!(l.value, "50-45");
        assert_eq!(l.problems, vec![(LocatorProblem::ReversedRange, 3..8)]);

        let (l, _) = en("pp.758-71");
        assert_eq!(l.value, "758-71");
        assert!(l.problems.is_empty());

        // Offsets are note offsets.
        let input = span("xx, p,129.").take_from(4);
        let Ok((_, l)) = english_locator(input) else {
            panic!("no locator")
        };
        assert_eq!(l.problems, vec![(LocatorProblem::CommaForPeriod, 5..6)]);
    }

    #[test]
    fn english_failures() {
        for bad in [
            "129",
            ", 129",
            "pages",
            "p.",
            "pp. FBIS",
            "Press, 2001",
            "n.d.",
            "chapel 5",
            "p.May",
        ] {
            assert!(english_locator(span(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn chinese_pages() {
        let (l, rest) = zh("頁 9。");
        assert_eq!(l, page("9"));
        assert_eq!(rest, "。");
        assert_eq!(zh("頁9").0, page("9"));
        assert_eq!(zh("頁 185-186； ").0, page("185-186"));
        assert_eq!(zh("頁 199-201。").0, page("199-201"));
        assert_eq!(zh("頁 12、15").0, page("12, 15"));
        assert_eq!(zh("第 5 頁").0, page("5"));
        let (l, rest) = zh("版五。");
        assert_eq!(l, page("5"));
        assert_eq!(rest, "。");
        assert_eq!(zh("第 A5 版").0, page("A5"));
        assert_eq!(zh("第三章").0, Locator::new(LocatorLabel::Chapter, "3"));
        assert_eq!(zh("第二節").0, Locator::new(LocatorLabel::Section, "2"));
        assert_eq!(zh("頁 20-21。").0, page("20-21"));
    }

    #[test]
    fn chinese_failures() {
        for bad in ["第 4 期", "頁", "9 頁", "2005 年", "版權", "第五期"] {
            assert!(chinese_locator(span(bad)).is_err(), "{bad}");
        }
    }
}
