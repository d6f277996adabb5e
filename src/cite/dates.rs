//! Dates as citations write them: English (`18 February 1986`, `Summer
//! 1995`, `29 May - 4 June 1989`, `1997/98`, `May 29, 1996`) and Chinese
//! (`2000 年 2 月 8 日`, `民國 94 年`, `2004 年 7 月至 2005 年 8 月`), plus the
//! Chinese volume and issue forms `第 12 卷`, `第 4 期`.
//!
//! Each parser reads only the date and leaves what follows.

use super::{PResult, Span};
use crate::model::{Date, DatePart, Season};
use crate::text::chinese_numeral;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while, take_while1, take_while_m_n};
use nom::character::complete::{char, satisfy};
use nom::combinator::{map, map_opt, not, opt, value, verify};
use nom::sequence::{delimited, preceded, terminated};
use nom::Parser;

// ---------------------------------------------------------------------------
// Small shared pieces
// ---------------------------------------------------------------------------

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{a0}' | '\u{3000}')
}

/// One or more spaces.
fn ws(input: Span) -> PResult<Span> {
    take_while1(is_space).parse(input)
}

/// Optional spaces.
fn ows(input: Span) -> PResult<Span> {
    take_while(is_space).parse(input)
}

/// No letter or digit follows: the end of a word or number.
fn word_end(input: Span) -> PResult<()> {
    not(satisfy(char::is_alphanumeric)).parse(input)
}

/// No digit follows: the end of a number.
fn number_end(input: Span) -> PResult<()> {
    not(satisfy(|c: char| c.is_ascii_digit())).parse(input)
}

/// A dash between the two ends of a range, spaces allowed around it.
fn dash(input: Span) -> PResult<char> {
    delimited(
        ows,
        satisfy(|c| matches!(c, '-' | '–' | '—' | '‐' | '‑' | '－')),
        ows,
    )
    .parse(input)
}

/// Is `day` a real day of `month` in `year` (Gregorian, leap years)?
pub fn is_valid_day(year: i32, month: u8, day: u8) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let last = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=last).contains(&day)
}

// ---------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------

/// A 4-digit year, 1000–2999, not followed by another digit.
pub fn year(input: Span) -> PResult<i32> {
    terminated(
        verify(
            map_opt(
                take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
                |s: Span| s.fragment().parse::<i32>().ok(),
            ),
            |y| (1000..=2999).contains(y),
        ),
        number_end,
    )
    .parse(input)
}

/// A day of the month, 1–31 (one or two digits).
fn day(input: Span) -> PResult<u8> {
    terminated(
        verify(
            map_opt(
                take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
                |s: Span| s.fragment().parse::<u8>().ok(),
            ),
            |d| (1..=31).contains(d),
        ),
        number_end,
    )
    .parse(input)
}

/// The second year of `1997/98` or `1991/1992`, expanded against the first.
fn end_year(start: i32) -> impl Fn(Span) -> PResult<i32> {
    move |input| {
        let (rest, digits) = terminated(
            take_while_m_n(2, 4, |c: char| c.is_ascii_digit()),
            number_end,
        )
        .parse(input)?;
        let n: i32 = digits.fragment().parse().unwrap_or(0);
        let end = match digits.fragment().len() {
            2 => {
                let century = start - start.rem_euclid(100);
                let y = century + n;
                if y < start {
                    y + 100
                } else {
                    y
                }
            }
            4 => n,
            _ => 0,
        };
        if end > start && end - start < 100 {
            Ok((rest, end))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Verify,
            )))
        }
    }
}

/// `1997/98`, `1991/1992`, `1995-96`: a span of years.
fn year_range(input: Span) -> PResult<(i32, i32)> {
    let (rest, start) = year(input)?;
    let (rest, end) =
        preceded(alt((delimited(ows, char('/'), ows), dash)), end_year(start)).parse(rest)?;
    Ok((rest, (start, end)))
}

// ---------------------------------------------------------------------------
// English words
// ---------------------------------------------------------------------------

/// A month name, full or abbreviated (`Sept.`, `Feb`), as 1–12.
pub fn month_name(input: Span) -> PResult<u8> {
    const MONTHS: [(&str, u8); 12] = [
        ("january", 1),
        ("february", 2),
        ("march", 3),
        ("april", 4),
        ("may", 5),
        ("june", 6),
        ("july", 7),
        ("august", 8),
        ("september", 9),
        ("october", 10),
        ("november", 11),
        ("december", 12),
    ];
    const ABBREVIATIONS: [(&str, u8); 13] = [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sept", 9),
        ("sep", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
        ("may", 5),
    ];
    let (rest, word) = take_while1(|c: char| c.is_ascii_alphabetic()).parse(input)?;
    let lower = word.fragment().to_ascii_lowercase();
    let capitalised = word
        .fragment()
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_uppercase());
    if capitalised {
        if let Some((_, m)) = MONTHS.iter().find(|(name, _)| *name == lower) {
            return Ok((rest, *m));
        }
        if let Some((_, m)) = ABBREVIATIONS.iter().find(|(name, _)| *name == lower) {
            let (rest, _) = opt(char('.')).parse(rest)?;
            return Ok((rest, *m));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}

/// `Spring`, `Summer`, `Fall`/`Autumn`, `Winter`.
pub fn season_name(input: Span) -> PResult<Season> {
    terminated(
        alt((
            value(Season::Spring, tag_no_case("spring")),
            value(Season::Summer, tag_no_case("summer")),
            value(Season::Autumn, tag_no_case("autumn")),
            value(Season::Autumn, tag_no_case("fall")),
            value(Season::Winter, tag_no_case("winter")),
        )),
        word_end,
    )
    .parse(input)
}

/// Space (and an optional comma) before a year.
fn year_gap(input: Span) -> PResult<()> {
    value((), (opt(char(',')), ws)).parse(input)
}

// ---------------------------------------------------------------------------
// English date forms
// ---------------------------------------------------------------------------

/// `18 February 1986`.
fn day_month_year(input: Span) -> PResult<DatePart> {
    map((day, ws, month_name, year_gap, year), |(d, _, m, _, y)| {
        DatePart::day(y, m, d)
    })
    .parse(input)
}

/// `30 December 1997 - 2 January 1998`.
fn day_month_year_range(input: Span) -> PResult<Date> {
    map((day_month_year, dash, day_month_year), |(a, _, b)| {
        Date::range(a, b)
    })
    .parse(input)
}

/// `29 May - 4 June 1989`: a range across months of one year.
fn day_month_range(input: Span) -> PResult<Date> {
    map(
        (
            day, ws, month_name, dash, day, ws, month_name, year_gap, year,
        ),
        |(d1, _, m1, _, d2, _, m2, _, y)| {
            Date::range(DatePart::day(y, m1, d1), DatePart::day(y, m2, d2))
        },
    )
    .parse(input)
}

/// `22-28 December 1997`: a range of days in one month.
fn day_range_month(input: Span) -> PResult<Date> {
    map(
        (day, dash, day, ws, month_name, year_gap, year),
        |(d1, _, d2, _, m, _, y)| Date::range(DatePart::day(y, m, d1), DatePart::day(y, m, d2)),
    )
    .parse(input)
}

/// `May 29, 1996`, `June 5-7, 1996`: US order.
fn us_date(input: Span) -> PResult<Date> {
    map(
        (
            month_name,
            ws,
            day,
            opt(preceded(dash, day)),
            char(','),
            ows,
            year,
        ),
        |(m, _, d1, d2, _, _, y)| match d2 {
            Some(d2) => Date::range(DatePart::day(y, m, d1), DatePart::day(y, m, d2)),
            None => Date::single(DatePart::day(y, m, d1)),
        },
    )
    .parse(input)
}

/// `04/08/2009`: month, day and year in figures, in the American order an
/// English note uses (`accessed 04/08/2009`).
fn numeric_us_date(input: Span) -> PResult<Date> {
    map(
        (
            verify(day, |m| (1..=12).contains(m)),
            char('/'),
            day,
            char('/'),
            year,
        ),
        |(m, _, d, _, y)| Date::single(DatePart::day(y, m, d)),
    )
    .parse(input)
}

/// `May-June 1996`, `September/October 1996`: a range of months.
fn month_range_year(input: Span) -> PResult<Date> {
    let separator = alt((dash, delimited(ows, char('/'), ows)));
    map(
        (month_name, separator, month_name, year_gap, year),
        |(m1, _, m2, _, y)| Date::range(DatePart::month(y, m1), DatePart::month(y, m2)),
    )
    .parse(input)
}

/// `June 1996`, `Sept. 1996`.
fn month_year(input: Span) -> PResult<Date> {
    map((month_name, year_gap, year), |(m, _, y)| {
        Date::single(DatePart::month(y, m))
    })
    .parse(input)
}

/// A year or a span of years.
fn year_or_range(input: Span) -> PResult<Date> {
    alt((
        map(year_range, |(a, b)| {
            Date::range(DatePart::year(a), DatePart::year(b))
        }),
        map(year, |y| Date::single(DatePart::year(y))),
    ))
    .parse(input)
}

/// `Summer 1995`, `Winter 1995/96`.
fn season_year(input: Span) -> PResult<Date> {
    map((season_name, year_gap, year_or_range), |(s, _, mut d)| {
        d.season = Some(s);
        d
    })
    .parse(input)
}

/// An English date at the start of `input`; the rest is left unread.
pub fn english_date(input: Span) -> PResult<Date> {
    alt((
        day_month_year_range,
        day_month_range,
        day_range_month,
        map(day_month_year, Date::single),
        us_date,
        numeric_us_date,
        month_range_year,
        month_year,
        season_year,
        season_range_year,
        year_or_range,
    ))
    .parse(input)
    .and_then(|(rest, date)| {
        // `1985–`: a work still appearing; its start is its date.
        let (rest, _) = opt(nom::combinator::verify(
            alt((tag("–"), tag("-"))),
            |_: &Span| date.end.is_none(),
        ))
        .parse(rest)?;
        Ok((rest, date))
    })
}

/// `Summer–Autumn 2012`: seasons spanning part of a year; the first names
/// the date's season.
fn season_range_year(input: Span) -> PResult<Date> {
    let (rest, (first, _, _, _, y)) = (
        season_name,
        alt((tag("–"), tag("-"), tag("/"))),
        season_name,
        ws,
        year,
    )
        .parse(input)?;
    Ok((
        rest,
        Date {
            season: Some(first),
            ..Date::single(DatePart::year(y))
        },
    ))
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

/// A number in Arabic (ASCII or full-width) or Chinese numerals.
pub fn chinese_number(input: Span) -> PResult<u32> {
    alt((
        map_opt(
            take_while1(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)),
            |s: Span| {
                let ascii: String = s
                    .fragment()
                    .chars()
                    .map(|c| match c {
                        '０'..='９' => char::from_u32(c as u32 - 0xFF10 + 0x30).unwrap_or(c),
                        c => c,
                    })
                    .collect();
                ascii.parse().ok()
            },
        ),
        map_opt(take_while1(is_chinese_digit), |s: Span| {
            chinese_numeral(s.fragment())
        }),
    ))
    .parse(input)
}

/// `2000 年`, `民國 94 年` (ROC era, +1911).
fn chinese_year(input: Span) -> PResult<i32> {
    terminated(
        alt((
            map_opt(
                preceded((alt((tag("民國"), tag("民国"))), ows), chinese_number),
                |n| i32::try_from(n).ok()?.checked_add(1911),
            ),
            year,
        )),
        (ows, char('年')),
    )
    .parse(input)
}

/// `2 月` as 1–12.
fn chinese_month(input: Span) -> PResult<u8> {
    terminated(
        map_opt(chinese_number, |n| {
            u8::try_from(n).ok().filter(|m| (1..=12).contains(m))
        }),
        (ows, char('月')),
    )
    .parse(input)
}

/// `8 日` (or `號`) as 1–31.
fn chinese_day(input: Span) -> PResult<u8> {
    terminated(
        map_opt(chinese_number, |n| {
            u8::try_from(n).ok().filter(|d| (1..=31).contains(d))
        }),
        (ows, alt((char('日'), char('號'), char('号')))),
    )
    .parse(input)
}

/// `2000 年 2 月 8 日`, `2005 年 1 月`, `2003 年`.
fn chinese_date_part(input: Span) -> PResult<DatePart> {
    let (rest, y) = chinese_year(input)?;
    let (rest, m) = opt(preceded(ows, chinese_month)).parse(rest)?;
    let Some(m) = m else {
        return Ok((rest, DatePart::year(y)));
    };
    let (rest, d) = opt(preceded(ows, chinese_day)).parse(rest)?;
    Ok((
        rest,
        DatePart {
            year: y,
            month: Some(m),
            day: d,
        },
    ))
}

/// `2005 年 5-6 月`, `2005 年 5、6 月`: the months of a bimonthly issue.
fn chinese_month_span(input: Span) -> PResult<Date> {
    fn month_number(input: Span) -> PResult<u8> {
        map_opt(chinese_number, |n| {
            u8::try_from(n).ok().filter(|m| (1..=12).contains(m))
        })
        .parse(input)
    }
    let (rest, (year, _, first, _, last, _, _)) = (
        chinese_year,
        ows,
        month_number,
        alt((value((), dash), value((), delimited(ows, char('、'), ows)))),
        month_number,
        ows,
        char('月'),
    )
        .parse(input)?;
    Ok((
        rest,
        Date::range(DatePart::month(year, first), DatePart::month(year, last)),
    ))
}

/// `至`, `到`, `~` or a dash between the ends of a Chinese range.
fn chinese_range_sep(input: Span) -> PResult<()> {
    value(
        (),
        alt((
            delimited(
                ows,
                alt((char('至'), char('到'), char('~'), char('～'))),
                ows,
            ),
            dash,
        )),
    )
    .parse(input)
}

/// The end of a range: a full date, or `8 月 3 日` / `3 日` in the start's
/// year (and month).
fn chinese_range_end(start: DatePart) -> impl Fn(Span) -> PResult<DatePart> {
    move |input| {
        alt((
            chinese_date_part,
            map(
                (chinese_month, opt(preceded(ows, chinese_day))),
                |(m, d)| DatePart {
                    year: start.year,
                    month: Some(m),
                    day: d,
                },
            ),
            map_opt(chinese_day, |d| {
                start.month.map(|m| DatePart::day(start.year, m, d))
            }),
        ))
        .parse(input)
    }
}

/// A Chinese date or range at the start of `input`. `2004 年第 4 期` reads
/// only `2004 年`.
pub fn chinese_date(input: Span) -> PResult<Date> {
    if let Ok(found) = chinese_month_span(input) {
        return Ok(found);
    }
    let (rest, start) = chinese_date_part(input)?;
    match preceded(chinese_range_sep, chinese_range_end(start)).parse(rest) {
        Ok((rest, end)) => Ok((rest, Date::range(start, end))),
        Err(_) => Ok((rest, Date::single(start))),
    }
}

/// `第 N <unit>` for a unit character such as `期` or `卷`.
fn ordinal_with(unit: char) -> impl Fn(Span) -> PResult<String> {
    move |input| {
        // `第 9/10 期`, `第 1-4 期`: a combined issue keeps both numbers.
        let joined = |i| {
            map(
                (
                    chinese_number,
                    nom::branch::alt((char('/'), char('-'), char('–'))),
                    chinese_number,
                ),
                |(a, sep, b)| format!("{a}{}{b}", if sep == '/' { '/' } else { '-' }),
            )
            .parse(i)
        };
        let single = |i| map(chinese_number, |n| n.to_string()).parse(i);
        delimited(
            (char('第'), ows),
            nom::branch::alt((joined, single)),
            (ows, char(unit)),
        )
        .parse(input)
    }
}

/// `第 4 期`, `第四期` → `"4"`.
pub fn chinese_issue(input: Span) -> PResult<String> {
    ordinal_with('期').parse(input)
}

/// `第 12 卷` → `"12"`.
pub fn chinese_volume(input: Span) -> PResult<String> {
    ordinal_with('卷').parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nom::Input;

    fn span(s: &str) -> Span<'_> {
        Span::new(s)
    }

    /// Parse an English date; return it and what is left.
    fn en(s: &str) -> (Date, String) {
        match english_date(span(s)) {
            Ok((rest, d)) => (d, rest.fragment().to_string()),
            Err(e) => panic!("no date in {s:?}: {e:?}"),
        }
    }

    fn zh(s: &str) -> (Date, String) {
        match chinese_date(span(s)) {
            Ok((rest, d)) => (d, rest.fragment().to_string()),
            Err(e) => panic!("no date in {s:?}: {e:?}"),
        }
    }

    #[test]
    fn month_ranges_with_a_dash_or_a_slash() {
        let both = Date::range(DatePart::month(1996, 9), DatePart::month(1996, 10));
        assert_eq!(
            en("September/October 1996), p.3"),
            (both.clone(), "), p.3".into())
        );
        assert_eq!(en("September-October 1996"), (both.clone(), String::new()));
        assert_eq!(en("Sept. / Oct. 1996"), (both, String::new()));
    }

    #[test]
    fn years() {
        assert_eq!(
            year(span("1995), p.7")).map(|(r, y)| (*r.fragment(), y)),
            Ok(("), p.7", 1995))
        );
        assert!(year(span("12345")).is_err());
        assert!(year(span("0999")).is_err());
        assert!(year(span("3000")).is_err());
        assert!(year(span("199")).is_err());
        assert!(year(span("x1995")).is_err());
    }

    #[test]
    fn days_and_months() {
        assert_eq!(day(span("18 F")).map(|(_, d)| d), Ok(18));
        assert!(day(span("0 F")).is_err());
        assert!(day(span("32 F")).is_err());
        assert!(day(span("123")).is_err());
        assert_eq!(
            month_name(span("Sept. 1996")).map(|(r, m)| (*r.fragment(), m)),
            Ok((" 1996", 9))
        );
        assert_eq!(month_name(span("Feb 1996")).map(|(_, m)| m), Ok(2));
        assert_eq!(month_name(span("December")).map(|(_, m)| m), Ok(12));
        assert_eq!(month_name(span("May 29")).map(|(_, m)| m), Ok(5));
        assert!(month_name(span("Junk 1996")).is_err());
        assert!(month_name(span("Smarch 1996")).is_err());
        assert!(month_name(span("may 1996")).is_err());
        assert_eq!(
            season_name(span("Fall 1995")).map(|(_, s)| s),
            Ok(Season::Autumn)
        );
        assert!(season_name(span("Summers")).is_err());
    }

    #[test]
    fn valid_days() {
        assert!(is_valid_day(1996, 2, 29));
        assert!(!is_valid_day(1997, 2, 29));
        assert!(!is_valid_day(1900, 2, 29));
        assert!(is_valid_day(2000, 2, 29));
        assert!(!is_valid_day(1995, 2, 31));
        assert!(!is_valid_day(1995, 4, 31));
        assert!(is_valid_day(1995, 12, 31));
        assert!(!is_valid_day(1995, 13, 1));
        assert!(!is_valid_day(1995, 1, 0));
    }

    #[test]
    fn english_day_month_year() {
        let (d, rest) = en("18 February 1986, p.W11.");
        assert_eq!(d, Date::single(DatePart::day(1986, 2, 18)));
        assert_eq!(rest, ", p.W11.");
        let (d, _) = en("25 Jan. 1994");
        assert_eq!(d, Date::single(DatePart::day(1994, 1, 25)));
        // Syntactically accepted; the checker flags it.
        let (d, _) = en("31 February 1995");
        assert_eq!(d, Date::single(DatePart::day(1995, 2, 31)));
    }

    #[test]
    fn english_month_and_season() {
        let (d, rest) = en("June 1996) , pp.3-6");
        assert_eq!(d, Date::single(DatePart::month(1996, 6)));
        assert_eq!(rest, ") , pp.3-6");
        let (d, rest) = en("Summer 1995), p.11");
        assert_eq!(d.start, DatePart::year(1995));
        assert_eq!(d.season, Some(Season::Summer));
        assert_eq!(d.end, None);
        assert_eq!(rest, "), p.11");
        assert_eq!(en("Spring 1998").0.season, Some(Season::Spring));
        assert_eq!(en("Winter 1995").0.season, Some(Season::Winter));
        assert_eq!(en("Autumn 1995").0.season, Some(Season::Autumn));
        let (d, _) = en("Winter 1995/96");
        assert_eq!(d.season, Some(Season::Winter));
        assert_eq!(d.end, Some(DatePart::year(1996)));
        let (d, _) = en("May-June 1996");
        assert_eq!(
            d,
            Date::range(DatePart::month(1996, 5), DatePart::month(1996, 6))
        );
    }

    #[test]
    fn english_ranges() {
        let (d, rest) = en("29 May - 4 June 1989, p.11.");
        assert_eq!(
            d,
            Date::range(DatePart::day(1989, 5, 29), DatePart::day(1989, 6, 4))
        );
        assert_eq!(rest, ", p.11.");
        let (d, _) = en("22-28 December 1997");
        assert_eq!(
            d,
            Date::range(DatePart::day(1997, 12, 22), DatePart::day(1997, 12, 28))
        );
        let (d, _) = en("12–18 April 1993");
        assert_eq!(
            d,
            Date::range(DatePart::day(1993, 4, 12), DatePart::day(1993, 4, 18))
        );
        let (d, _) = en("30 December 1997 - 2 January 1998");
        assert_eq!(
            d,
            Date::range(DatePart::day(1997, 12, 30), DatePart::day(1998, 1, 2))
        );
    }

    #[test]
    fn english_year_ranges() {
        let (d, rest) = en("1997/98), pp.65-79");
        assert_eq!(d, Date::range(DatePart::year(1997), DatePart::year(1998)));
        assert_eq!(rest, "), pp.65-79");
        let (d, _) = en("1991/1992 ( London");
        assert_eq!(d, Date::range(DatePart::year(1991), DatePart::year(1992)));
        let (d, _) = en("1999/00");
        assert_eq!(d, Date::range(DatePart::year(1999), DatePart::year(2000)));
        let (d, rest) = en("1995), p.7");
        assert_eq!(d, Date::single(DatePart::year(1995)));
        assert_eq!(rest, "), p.7");
        // A backwards second year is not a range.
        let (d, rest) = en("1998/1997");
        assert_eq!(d, Date::single(DatePart::year(1998)));
        assert_eq!(rest, "/1997");
    }

    #[test]
    fn english_us_order() {
        let (d, rest) = en("May 29, 1996,” Military");
        assert_eq!(d, Date::single(DatePart::day(1996, 5, 29)));
        assert_eq!(rest, ",” Military");
        let (d, _) = en("June 5, 1996");
        assert_eq!(d, Date::single(DatePart::day(1996, 6, 5)));
        let (d, _) = en("June 5-7, 1996");
        assert_eq!(
            d,
            Date::range(DatePart::day(1996, 6, 5), DatePart::day(1996, 6, 7))
        );
    }

    #[test]
    fn english_across_line_breaks() {
        let (d, rest) = en("9 November\n   1993, FBIS-SOV-93-216");
        assert_eq!(d, Date::single(DatePart::day(1993, 11, 9)));
        assert_eq!(rest, ", FBIS-SOV-93-216");
        let (d, _) = en("June\n   1996) , pp.3-6");
        assert_eq!(d, Date::single(DatePart::month(1996, 6)));
    }

    #[test]
    fn english_failures() {
        for bad in [
            "p.388",
            "No. 99",
            "Vol.36",
            "18 Smarch 1986",
            "June",
            "Summer",
            "SU/2596",
            "95",
        ] {
            assert!(english_date(span(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn english_offsets() {
        let input = span("xx 6 September 1994, p").take_from(3);
        let Ok((rest, _)) = english_date(input) else {
            panic!("no date")
        };
        assert_eq!(rest.location_offset(), 19);
    }

    #[test]
    fn chinese_month_spans() {
        let (_, d) = chinese_date(span("2005 年 5-6 月")).unwrap();
        assert_eq!(
            d,
            Date::range(DatePart::month(2005, 5), DatePart::month(2005, 6))
        );
        let (_, d) = chinese_date(span("2005 年 5 月")).unwrap();
        assert_eq!(d, Date::single(DatePart::month(2005, 5)));
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number(span("94 年")).map(|(_, n)| n), Ok(94));
        assert_eq!(chinese_number(span("九十四年")).map(|(_, n)| n), Ok(94));
        assert_eq!(chinese_number(span("２００５")).map(|(_, n)| n), Ok(2005));
        assert!(chinese_number(span("年")).is_err());
    }

    #[test]
    fn chinese_full_dates() {
        let (d, rest) = zh("2000 年 2 月 8 日，版五。");
        assert_eq!(d, Date::single(DatePart::day(2000, 2, 8)));
        assert_eq!(rest, "，版五。");
        let (d, _) = zh("2000年2月8日");
        assert_eq!(d, Date::single(DatePart::day(2000, 2, 8)));
        let (d, rest) = zh("2005 年 1 月），頁 66");
        assert_eq!(d, Date::single(DatePart::month(2005, 1)));
        assert_eq!(rest, "），頁 66");
        let (d, rest) = zh("2003 年），頁 9");
        assert_eq!(d, Date::single(DatePart::year(2003)));
        assert_eq!(rest, "），頁 9");
    }

    #[test]
    fn chinese_roc_and_issue() {
        assert_eq!(zh("民國 94 年").0, Date::single(DatePart::year(2005)));
        assert_eq!(zh("民國94年3月").0, Date::single(DatePart::month(2005, 3)));
        assert_eq!(zh("民國九十四年").0, Date::single(DatePart::year(2005)));
        // An ROC year past i32 once overflowed `n + 1911`: no date at all.
        assert!(chinese_date(span("民國 2147483000 年")).is_err());
        assert!(chinese_date(span("民國 4294967295 年")).is_err());
        let (d, rest) = zh("2004 年第 4 期，");
        assert_eq!(d, Date::single(DatePart::year(2004)));
        assert_eq!(rest, "第 4 期，");
    }

    #[test]
    fn chinese_bimonthly_issues() {
        let both = Date::range(DatePart::month(2005, 5), DatePart::month(2005, 6));
        assert_eq!(
            zh("2005 年 5、6 月），頁 1"),
            (both.clone(), "），頁 1".into())
        );
        assert_eq!(zh("2005 年 5-6 月").0, both);
    }

    #[test]
    fn chinese_ranges() {
        let (d, rest) = zh("2004 年 7 月至 2005 年 8 月，");
        assert_eq!(
            d,
            Date::range(DatePart::month(2004, 7), DatePart::month(2005, 8))
        );
        assert_eq!(rest, "，");
        let (d, _) = zh("2005 年 8 月 1 日至 3 日");
        assert_eq!(
            d,
            Date::range(DatePart::day(2005, 8, 1), DatePart::day(2005, 8, 3))
        );
        let (d, _) = zh("2005 年 7 月－8 月");
        assert_eq!(
            d,
            Date::range(DatePart::month(2005, 7), DatePart::month(2005, 8))
        );
        // `至` followed by no date is not a range.
        let (d, rest) = zh("2005 年至今");
        assert_eq!(d, Date::single(DatePart::year(2005)));
        assert_eq!(rest, "至今");
    }

    #[test]
    fn chinese_failures() {
        for bad in ["2005", "第 4 期", "94 年", "2005 年 13 月"] {
            let r = chinese_date(span(bad));
            match bad {
                // The month is invalid: only the year is read.
                "2005 年 13 月" => {
                    assert_eq!(
                        r.map(|(rest, d)| (*rest.fragment(), d)),
                        Ok((" 13 月", Date::single(DatePart::year(2005))))
                    );
                }
                _ => assert!(r.is_err(), "{bad}"),
            }
        }
    }

    #[test]
    fn chinese_issue_and_volume() {
        assert_eq!(
            chinese_issue(span("第 4 期，")).map(|(r, s)| (*r.fragment(), s)),
            Ok(("，", "4".to_string()))
        );
        assert_eq!(
            chinese_issue(span("第四期")).map(|(_, s)| s),
            Ok("4".to_string())
        );
        assert_eq!(
            chinese_issue(span("第十二期")).map(|(_, s)| s),
            Ok("12".to_string())
        );
        assert!(chinese_issue(span("第 4 卷")).is_err());
        assert!(chinese_issue(span("4 期")).is_err());
        assert_eq!(
            chinese_volume(span("第 12 卷")).map(|(_, s)| s),
            Ok("12".to_string())
        );
        assert!(chinese_volume(span("第 12 期")).is_err());
    }

    #[test]
    fn combined_issues_keep_both_numbers() {
        assert_eq!(
            chinese_issue(span("第 9/10 期")).map(|(_, v)| v).ok(),
            Some("9/10".to_string())
        );
        assert_eq!(
            chinese_issue(span("第 1-4 期")).map(|(_, v)| v).ok(),
            Some("1-4".to_string())
        );
        assert_eq!(
            chinese_issue(span("第四期")).map(|(_, v)| v).ok(),
            Some("4".to_string())
        );
    }

    #[test]
    fn open_ranges_and_season_spans() {
        let d = |t: &str| crate::cite::scan::all_of(english_date, span(t));
        assert_eq!(d("1985–").map(|d| d.year()), Some(1985));
        assert_eq!(d("1985–86").and_then(|d| d.end).map(|e| e.year), Some(1986));
        let spanned = d("Summer–Autumn 2012").unwrap();
        assert_eq!(spanned.year(), 2012);
        assert!(spanned.season.is_some());
    }

    #[test]
    fn numeric_us_dates() {
        let (_, d) = numeric_us_date(span("04/08/2009")).unwrap();
        assert_eq!(
            (d.start.year, d.start.month, d.start.day),
            (2009, Some(4), Some(8))
        );
        assert!(numeric_us_date(span("13/08/2009")).is_err());
        assert!(numeric_us_date(span("04/08/09")).is_err());
    }
}
