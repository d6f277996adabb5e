//! The English (Chicago notes) grammar: books and reports with their
//! publication parenthetical, chapters `in Editors (eds), Book (…)`,
//! periodical articles with volume, issue, date and reprint chains,
//! `Ibid.` and short forms.

use super::dates::english_date;
use super::locator::{english_locator, unlabelled_pages};
use super::names::{
    english_editor_phrase, english_name_list, english_names_without_role, first_name,
    is_institution, single_name,
};
use super::scan::{all_of, comma, fail, find_top_level, parens, slice, split_top_level, trim, ws};
use super::{span_range, CiteParse, Form, NameList, PResult, Parsed, Role, ShortForm, Span};
use crate::model::{Date, Item, ItemType, Language, Locator, LocatorLabel};
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_till1, take_while1};
use nom::character::complete::{alpha1, digit1, satisfy, space0, space1};
use nom::combinator::{not, opt, recognize, verify};
use nom::error::Error;
use nom::multi::many_till;
use nom::sequence::{preceded, terminated};
use nom::{Input, Parser};
use std::sync::Arc;

mod recording;
mod speech;
mod unpublished;

/// A citation the grammar reads as a full reference, with its parse (the
/// tests of the submodules' forms).
#[cfg(test)]
fn full_parse(text: &str) -> (Item, CiteParse) {
    let parse = citation(Span::new(text)).unwrap_or_default();
    match &parse.parsed {
        Some(Parsed::Full(item)) => ((**item).clone(), parse),
        other => panic!("{text}: {other:?}"),
    }
}

/// `Ibid.`, `Ibid., p.45`, `Ibid, 45`, `Ibid., 2:45` (volume and page),
/// `Id.`
pub fn ibid(input: Span) -> PResult<Option<Locator>> {
    let (input, _) = alt((tag_no_case("ibidem"), tag_no_case("ibid"), tag("Id"))).parse(input)?;
    let (input, _) = opt(tag(".")).parse(input)?;
    let (input, locator) = opt(preceded(
        comma,
        // Leaves first: `l` alone would be the roman page 50.
        alt((unpublished::leaves_cited, cited_pages)),
    ))
    .parse(input)?;
    Ok((input, locator))
}

/// Pages written without `p.`: `45`, `45-50`, `45, 47`.
pub fn bare_pages(input: Span) -> PResult<Locator> {
    let (rest, pages) =
        recognize((digit1, opt((alt((tag("-"), tag("–"), tag("—"))), digit1)))).parse(input)?;
    let value = pages.fragment().replace(['–', '—'], "-");
    Ok((rest, Locator::new(LocatorLabel::Page, value)))
}

/// A title in curly (or straight) double quotes; the comma or period that
/// Chicago puts inside the closing quote is dropped, `?` and `!` are kept.
pub fn quoted_title(input: Span) -> PResult<String> {
    let text = *input.fragment();
    let (open, close) = if text.starts_with('“') {
        ('“', '”')
    } else if text.starts_with('"') {
        ('"', '"')
    } else if text.starts_with('‘') {
        ('‘', '’')
    } else {
        return fail(input);
    };
    let body_start = open.len_utf8();
    let body = text.get(body_start..).unwrap_or("");
    let end = if open == '‘' {
        single_quote_close(body)
    } else {
        body.find(close)
    };
    let Some(end) = end else {
        return fail(input);
    };
    let inner = text.get(body_start..body_start + end).unwrap_or("");
    let title = inner.trim().trim_end_matches([',', '.', ';']).trim_end();
    let rest = input.take_from(body_start + end + close.len_utf8());
    Ok((rest, title.to_string()))
}

/// Where a title in British single quotes (`‘Comments on Weber’s
/// Typification’, Journal`) ends: the first `’` that no letter or digit
/// follows, so that an apostrophe inside a word does not close it.
fn single_quote_close(body: &str) -> Option<usize> {
    body.char_indices()
        .filter(|&(_, c)| c == '’')
        .map(|(at, _)| at)
        .find(|&at| {
            !body
                .get(at + '’'.len_utf8()..)
                .and_then(|after| after.chars().next())
                .is_some_and(char::is_alphanumeric)
        })
}

/// What a publication parenthetical holds: `(Place: Publisher, Year)`,
/// `(Ph.D. dissertation, University, 1992)`, `(2nd ed., Place: Pub, Year)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Publication {
    pub place: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<Date>,
    pub genre: Option<String>,
    pub edition: Option<String>,
    /// A reprint's or translation's original: `(1911; repr., …)`,
    /// `(Paris: Seuil, 1994; Cambridge, MA: Harvard, 1998)`.
    pub original_publisher: Option<String>,
    pub original_date: Option<Date>,
}

/// The fewest people a city has for a lone name in a publication
/// parenthetical to be read as its place (Leiden, Uppsala and Oxford have
/// more; the towns named Springer or Dover have fewer).
const CITY_OF_PUBLICATION: u32 = 50_000;

fn is_thesis_genre(s: &str) -> bool {
    let l = s.to_lowercase();
    // Portuguese `Dissertação (Mestrado …)`, `Tese (Doutorado …)`; German
    // `Habilitationsschrift`.
    [
        "dissertation",
        "thesis",
        "diss.",
        "dissertação",
        "tese (",
        "habilitationsschrift",
    ]
    .iter()
    .any(|k| l.contains(k))
        || [
            "phd", "ph.d.", "ph. d.", "dphil", "d.phil.", "msc", "m.sc.", "mphil", "m.phil.",
        ]
        .contains(&l.trim())
}

/// `working paper`, `discussion paper`, `technical report`: what kind of
/// report a publication parenthetical opens with, as a thesis's opens with
/// `PhD diss.` (`(working paper, Department of Economics, Harvard
/// University, 2015)`).
fn is_paper_genre(s: &str) -> bool {
    const PAPERS: [&str; 10] = [
        "working paper",
        "discussion paper",
        "technical report",
        "occasional paper",
        "research paper",
        "briefing paper",
        "background paper",
        "white paper",
        "policy brief",
        "issue brief",
    ];
    let l = s.trim().to_lowercase();
    PAPERS.iter().any(|p| l == *p)
}

/// `2nd ed.`, `rev. ed.`, `3rd edn`, `rev. and enl. ed.`
fn edition(input: Span) -> PResult<String> {
    alt((one_word_edition, described_edition)).parse(input)
}

/// `Title, Second (Place: …)`: an edition named by its ordinal word alone,
/// as bibliographic data often gives it; the number it names.
fn edition_word(text: &str) -> Option<String> {
    const ORDINALS: [&str; 9] = [
        "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    ];
    let lower = text.trim().to_lowercase();
    ORDINALS
        .iter()
        .position(|w| *w == lower)
        .map(|at| (at + 2).to_string())
}

/// `rev. and enl. ed.`, `2nd rev. ed.`: words that describe the edition,
/// kept as written.
fn described_edition(input: Span) -> PResult<String> {
    let (rest, (first, (more, _))) = (
        alt((numbered_edition, edition_descriptor)),
        many_till((space1, edition_descriptor), (space1, edition_label)),
    )
        .parse(input)?;
    if more.len() > 3 || more.iter().any(|(_, w)| w.fragment().starts_with("ed")) {
        return fail(input);
    }
    let last = more.last().map_or(first, |(_, w)| *w);
    let end = last.location_offset() + last.fragment().len() - input.location_offset();
    Ok((rest, slice(input, 0, end).fragment().to_string()))
}

/// `11.,` in `11., korr. u. aktual. Aufl.`: German data numbers an edition
/// and puts a comma before the words that describe it.
fn numbered_edition(input: Span) -> PResult<Span> {
    recognize((
        digit1,
        nom::character::complete::char('.'),
        nom::character::complete::char(','),
    ))
    .parse(input)
}

/// `2nd`, `rev.`, `enl.`: a word that says which edition.
fn edition_descriptor(input: Span) -> PResult<Span> {
    take_while1(|c: char| c.is_alphanumeric() || c == '.').parse(input)
}

/// `ed.`, `edn`, `edition`: the word that names an edition; German data
/// gives `4. Edition`, `2. Aufl.`, `2., neubearb. Ausgabe`, French `2e éd.`.
fn edition_label(input: Span) -> PResult<Span> {
    terminated(
        alt((
            tag("edn."),
            tag("edn"),
            tag("ed."),
            tag("éd."),
            tag("edition"),
            tag("Edition"),
            tag("Aufl."),
            tag("Auflage"),
            tag("Ausg."),
            tag("Ausgabe"),
            // Last: `ed` would take the start of `edition`.
            tag("ed"),
        )),
        // `Editions`, `edited`: a longer word.
        not(satisfy(char::is_alphanumeric)),
    )
    .parse(input)
}

fn one_word_edition(input: Span) -> PResult<String> {
    let (rest, ed) = recognize((edition_descriptor, space0, edition_label)).parse(input)?;
    let word = ed.fragment().split_whitespace().next().unwrap_or("");
    let number: String = word.chars().take_while(char::is_ascii_digit).collect();
    Ok((
        rest,
        if number.is_empty() {
            word.to_string()
        } else {
            number
        },
    ))
}

/// The inside of a publication parenthetical, perhaps after the original
/// publication of a reprint or a translation.
pub fn publication(inner: Span) -> Option<Publication> {
    let text = *inner.fragment();
    // `1911; repr., Cambridge: CUP, 2003`: the original year, then the
    // reprint's publication.
    if let Some(semi) = find_top_level(inner, |c| c == ';') {
        let head = trim(slice(inner, 0, semi));
        let tail = trim(slice(inner, semi + 1, text.len()));
        let tail_text = tail.fragment();
        let reprint = reissue_word(tail_text)
            .map(|r| trim(slice(tail, tail_text.len() - r.len(), tail_text.len())));
        if let (Some(original), Some(rest)) = (all_of(english_date, head), reprint) {
            let mut p = single_publication(rest)?;
            p.original_date = Some(original);
            return Some(p);
        }
        // `1934; 2nd edn., Oxford, 1954`, `1975; Culver City, CA: Columbia
        // TriStar, 2001`: the first year (a first edition, a film's
        // release), then the edition cited, whole with its date.
        if let Some(original) = all_of(english_date, head) {
            if let Some(mut p) = single_publication(tail).filter(|p| {
                p.date.is_some()
                    && (p.edition.is_some() || p.publisher.is_some() || p.place.is_some())
            }) {
                p.original_date = Some(original);
                return Some(p);
            }
        }
        // `Paris: Seuil, 1994; Cambridge, MA: Harvard, 1998`: the original,
        // then the edition cited. Each half must be a whole publication
        // with its date, or this is one list of co-publishers.
        let first = single_publication(head)
            .filter(|p| p.date.is_some() && (p.publisher.is_some() || p.place.is_some()));
        // `New Haven: Yale, 1983; repr., Winona Lake, IN: Eisenbrauns, 1997`.
        let second = single_publication(reprint.unwrap_or(tail)).filter(|p| p.date.is_some());
        if let (Some(first), Some(mut second)) = (first, second) {
            second.original_publisher = first.publisher;
            second.original_date = first.date;
            return Some(second);
        }
    }
    single_publication(inner)
}

/// `repr.,`, `repr.`, `reprint,`, `rev. repr.,`, `facs. edn.,`: the word
/// that opens a reissue's publication; what follows it.
fn reissue_word(text: &str) -> Option<&str> {
    [
        "rev. repr.,",
        "repr.,",
        "reprint,",
        "facs. edn.,",
        "facs. edn.",
        "repr.",
    ]
    .iter()
    .find_map(|word| text.strip_prefix(word))
    .filter(|rest| rest.starts_with(' '))
}

/// `Place: Publisher, Year`, `Publisher, Year`, `Place, Year` (before 1900,
/// Chicago names no publisher), `Site, Month D, Year`.
fn single_publication(inner: Span) -> Option<Publication> {
    let mut publication = Publication::default();
    let text = inner.fragment().trim();
    if text.is_empty() {
        return None;
    }
    // `(Apr. 20, 2007)`: a date alone, whose comma parts no publisher.
    if let Some(date) = all_of(english_date, trim(inner)) {
        publication.date = Some(date);
        return Some(publication);
    }
    // Leading elements before the place: genre, edition.
    let mut body = trim(inner);
    // `(rev. repr., Cambridge: CUP, 1991)`: a reissue, then its publisher.
    if let Some(rest) = reissue_word(body.fragment()) {
        body = trim(slice(
            body,
            body.fragment().len() - rest.len(),
            body.fragment().len(),
        ));
    }
    while let Some(first_comma) = find_top_level(body, |c| c == ',') {
        let head = trim(slice(body, 0, first_comma));
        // `(working paper, Harvard University, 2015)`; but in `(White
        // Paper, June 2019)` nothing but the date follows, and the words
        // may be all the publisher there is.
        let paper_genre = || {
            is_paper_genre(head.fragment())
                && find_top_level(slice(body, first_comma + 1, body.fragment().len()), |c| {
                    c == ','
                })
                .is_some()
        };
        if let Some(ed) = all_of(edition, head) {
            publication.edition = Some(ed);
        } else if publication.genre.is_none()
            && without_parenthetical(head.fragment())
                .split_whitespace()
                .count()
                <= 4
            && (is_thesis_genre(head.fragment()) || paper_genre())
        {
            // `PhD thesis`; not a publisher named `… Dissertations`.
            publication.genre = Some(head.fragment().to_string());
        } else {
            break;
        }
        body = trim(slice(body, first_comma + 1, body.fragment().len()));
    }
    let (place, after) = match find_top_level(body, |c| c == ':') {
        Some(colon) => (
            Some(trim(slice(body, 0, colon))),
            trim(slice(body, colon + 1, body.fragment().len())),
        ),
        None => (None, body),
    };
    let last_comma = after.fragment().rfind(',');
    let (mut publisher, mut date_text) = match last_comma {
        Some(c) => (
            Some(trim(slice(after, 0, c))),
            trim(slice(after, c + 1, after.fragment().len())),
        ),
        None => (None, after),
    };
    // `Facebook, February 24, 2016`: a US date has a comma of its own.
    if let Some(before) = publisher.and_then(|p| p.fragment().rfind(',').map(|c| (p, c))) {
        let (p, c) = before;
        let joined = trim(slice(after, c + 1, after.fragment().len()));
        if all_of(english_date, joined).is_some_and(|d| d.start.day.is_some()) {
            publisher = Some(trim(slice(p, 0, c)));
            date_text = joined;
        }
    }
    match all_of(english_date, date_text)
        .map(Some)
        .or_else(|| undated(date_text))
    {
        Some(date) => {
            publication.date = date;
            publication.publisher = publisher.map(|p| p.fragment().to_string());
        }
        None if place.is_some() => {
            // `(Place: Publisher)` with no year.
            publication.publisher = Some(after.fragment().to_string());
        }
        None => return None,
    }
    publication.place = place
        .map(|p| without_meeting(p.fragment()).to_string())
        .filter(|p| !p.is_empty());
    // `(Florence, 1547)`: before 1900 Chicago gives the place alone; a
    // name with a firm's word or initials (`Smithers and Company`, `J. G.
    // I. Breitkopf`) is still the publisher.
    let early = publication.date.as_ref().is_some_and(|d| d.year() < 1900);
    // (`Brasília, DF`: a region's capitals after the town make no body.)
    let a_place = publication.publisher.as_deref().is_some_and(|p| {
        !is_institution(p.split(", ").next().unwrap_or(p))
            && !p.contains(". ")
            && ![
                "Company", "Co.", "Sons", "Brothers", "Verlag", "Books", "Library",
            ]
            .iter()
            .any(|w| p.contains(w))
    });
    // After 1900 a lone name is a place only when it is a city large
    // enough to print books (`(Oxford, 1991)`, not `(Springer, 2019)`).
    // `(Durham; London, 2001)`, `(Amherst, Mass., 1999)`: each of several
    // places, or a town with its state, is a city too.
    // `Munich, Germany`, `Montreal, Que., Canada`: a town with its
    // region, its country or both.
    // A US state's or Canadian province's code is left to the gazetteer's
    // towns of that state (below): `(Rockville, WY)` is no place.
    let a_region = |region: &str| {
        region.split(", ").all(|part| {
            let us_code =
                is_region_code(part) && crate::check::places::names_a_us_or_canadian_region(part);
            part.len() <= 6 && part.starts_with(|c: char| c.is_ascii_uppercase()) && !us_code
                || crate::check::places::is_country_name(part)
        })
    };
    let a_city = |place: &str| match place.split_once(", ") {
        Some((town, region)) => {
            a_region(region) && crate::check::places::is_city_of(town, CITY_OF_PUBLICATION / 5)
        }
        None => crate::check::places::is_city_of(place, CITY_OF_PUBLICATION),
    };
    // `(Köln; Weimar; Wien, 2004)`: several names that each could be a
    // town, one of them a known city; `(Leiden and Boston, 2011)`: two
    // known cities.
    let places = || {
        publication.publisher.as_deref().is_some_and(|p| {
            let parts: Vec<&str> = p.split(';').map(str::trim).collect();
            match parts.as_slice() {
                [one] => {
                    a_city(one)
                        || one
                            .split_once(" and ")
                            .is_some_and(|(a, b)| a_city(a.trim()) && a_city(b.trim()))
                }
                several => {
                    several.iter().all(|part| town_shaped(part))
                        && several.iter().any(|part| a_city(part))
                }
            }
        })
    };
    // `(Rockville, MD, 1992)`: a town of the state written after it is a
    // place however small, though the state's capitals look like a body's;
    // `(Washington DC, 1963)` without the comma too.
    let towns_of_their_states = || {
        publication.publisher.as_deref().is_some_and(|p| {
            p.split(';').all(|place| {
                let place = place.trim();
                place
                    .split_once(", ")
                    .or_else(|| {
                        place
                            .rsplit_once(' ')
                            .filter(|(_, code)| is_region_code(code))
                    })
                    .is_some_and(|(town, region)| {
                        crate::check::places::is_town_of_region(town, region)
                    })
            })
        })
    };
    // (The gazetteer is consulted last: it is loaded on first use.)
    if publication.place.is_none()
        && publication.genre.is_none()
        && (a_place && (early || places()) || towns_of_their_states())
    {
        publication.place = publication.publisher.take();
    }
    co_publishers(&mut publication);
    if publication.genre.is_none() {
        if let Some(p) = publication.publisher.clone() {
            if let Some((genre, school)) = p.split_once(',') {
                if is_thesis_genre(genre) {
                    publication.genre = Some(genre.trim().to_string());
                    publication.publisher = Some(school.trim().to_string());
                }
            }
        }
    }
    Some(publication)
}

/// `Cool titles conf., Amsterdam`, `Congresso brasileiro de ciência do
/// solo, Rio de Janeiro`: a place of publication after the meeting whose
/// book it is; the place alone. `London, Ontario` stays whole: a city
/// before a comma is no meeting.
fn without_meeting(place: &str) -> &str {
    use crate::check::places::is_city_of;
    // A meeting's name has words in lower case that no town's has (`New
    // York, NY` is not asked of the gazetteer, which loads on first use).
    let in_lower_case = |name: &str| {
        name.split_whitespace()
            .any(|w| w.starts_with(char::is_lowercase) && !PLACE_PARTICLES.contains(&w))
    };
    match place.rsplit_once(", ") {
        Some((meeting, town))
            if meeting.split_whitespace().count() >= 2
                && in_lower_case(meeting)
                && town_shaped(town)
                && !meeting.contains(';')
                && !is_city_of(meeting, 1)
                && is_city_of(town, CITY_OF_PUBLICATION / 5) =>
        {
            town
        }
        _ => place,
    }
}

/// `Dissertação (Mestrado em Ciências Sociais)`: the text before its
/// parenthetical.
fn without_parenthetical(text: &str) -> &str {
    text.split_once(" (").map_or(text, |(before, _)| before)
}

/// `DC`, `NY`: two capitals, a US state's or Canadian province's code.
fn is_region_code(code: &str) -> bool {
    code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase())
}

/// Words in lower case inside place names: `Newcastle upon Tyne`, `Rio de
/// Janeiro`, `Frankfurt am Main`.
const PLACE_PARTICLES: &[&str] = &[
    "upon", "on", "am", "an", "im", "de", "di", "da", "do", "del", "la", "le", "sur", "en",
];

/// Could this be a town's name: one to four words, each capitalised or a
/// particle of place names (`Newcastle upon Tyne`, `Rio de Janeiro`), no
/// digits?
fn town_shaped(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || PLACE_PARTICLES.contains(w))
        && !name.chars().any(|c| c.is_ascii_digit())
}

/// A publication's date written as no date or an uncertain one: `n.d.`,
/// `forthcoming`, `in press` (no date), `[ca. 1905]`, `[1905?]`, `ca.
/// 1905` (the year, as near as the source can give it).
fn undated(text: Span) -> Option<Option<Date>> {
    let written = text.fragment().trim();
    if ["n.d.", "n.d", "forthcoming", "in press", "no date"]
        .iter()
        .any(|w| written.eq_ignore_ascii_case(w))
    {
        return Some(None);
    }
    let inner = written
        .strip_prefix('[')
        .and_then(|w| w.strip_suffix(']'))
        .unwrap_or(written);
    let year = inner
        .strip_prefix("ca. ")
        .or_else(|| inner.strip_prefix("c. "))
        .or_else(|| inner.strip_prefix("circa "))
        .unwrap_or(inner)
        .trim_end_matches('?');
    if year == written {
        return None;
    }
    let offset = written.find(year).unwrap_or(0)
        + (text.fragment().len() - text.fragment().trim_start().len());
    all_of(english_date, slice(text, offset, offset + year.len())).map(Some)
}

/// `(Washington, DC: Brookings; London: Chatham House, 2008)`: each further
/// publisher with its own place. Places and publishers are kept in order,
/// each list joined with `; `.
fn co_publishers(publication: &mut Publication) {
    let Some(publisher) = publication.publisher.as_deref() else {
        return;
    };
    let mut parts = publisher.split(';').map(str::trim);
    let Some(first) = parts.next() else {
        return;
    };
    let mut places: Vec<String> = publication.place.iter().cloned().collect();
    let mut publishers = vec![first.to_string()];
    for part in parts {
        let Some((place, name)) = part.split_once(':') else {
            return;
        };
        places.push(place.trim().to_string());
        publishers.push(name.trim().to_string());
    }
    if publishers.len() > 1 {
        publication.place = Some(places.join("; "));
        publication.publisher = Some(publishers.join("; "));
    }
}

/// A parenthetical that reads as publication facts.
pub fn publication_paren(input: Span) -> PResult<Publication> {
    let (rest, inner) = parens(input)?;
    match publication(inner) {
        Some(p) => Ok((rest, p)),
        None => fail(input),
    }
}

/// Byte offset of the first top-level `(` whose group reads as publication
/// facts.
fn find_publication(input: Span) -> Option<(usize, Span, Publication)> {
    let text = *input.fragment();
    // The `)` that closes each `(` (as `parens` finds it), in one pass: a
    // scan per `(` was quadratic in deeply nested text. A group longer than
    // any publication parenthetical is not tried.
    const LONGEST_PUBLICATION: usize = 2048;
    let mut closes: foldhash::HashMap<usize, usize> = foldhash::HashMap::default();
    let mut open: Vec<usize> = Vec::new();
    // `“A Risk Analysis (April 1984)”`: a group inside a quoted title is
    // the title's, when the quotation marks balance.
    let quotes_balance = text.matches('“').count() == text.matches('”').count();
    let mut quoted: foldhash::HashSet<usize> = foldhash::HashSet::default();
    let mut quote_depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' => {
                open.push(i);
                if quotes_balance && quote_depth > 0 {
                    quoted.insert(i);
                }
            }
            ')' => {
                if let Some(o) = open.pop() {
                    closes.insert(o, i);
                }
            }
            '“' => quote_depth += 1,
            '”' => quote_depth = quote_depth.saturating_sub(1),
            _ => {}
        }
    }
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|s| s.find('(')).map(|i| i + from) {
        from = i + 1;
        if quoted.contains(&i)
            || closes
                .get(&i)
                .is_none_or(|close| close - i > LONGEST_PUBLICATION)
        {
            continue;
        }
        let at = input.take_from(i);
        // `(accessed April 8, 2009)` dates a visit, not a publication.
        if text
            .get(i + 1..)
            .is_some_and(|t| t.starts_with("accessed "))
        {
            continue;
        }
        if let Ok((rest, publication)) = publication_paren(at) {
            // `New England (1628–86), 5 vols. (Boston, 1853)`: a date in the
            // title, book facts, then the publication.
            let only_a_date = publication.place.is_none() && publication.publisher.is_none();
            // `An Essay on Criticism (1711), in The Oxford Book …`: the date
            // a work was written, before the book it is printed in.
            if only_a_date && rest.fragment().starts_with(", in ") {
                continue;
            }
            let next = trim(skip_book_facts(rest));
            if only_a_date && next.fragment().starts_with('(') {
                if let Ok((after, later)) = publication_paren(next) {
                    if later.place.is_some() || later.publisher.is_some() {
                        let next_at = next.location_offset() - input.location_offset();
                        return Some((next_at, after, later));
                    }
                }
            }
            return Some((i, rest, publication));
        }
    }
    find_bracketed_publication(input)
}

/// Publication facts in square brackets, as a citation set inside
/// parentheses writes them (Chicago 6.101: `(Grayson, Assyrian Rulers,
/// RIMA 2 [Toronto: University of Toronto Press, 1991], 143–44)`). Only
/// place, publisher and date together: brackets also hold dates,
/// translated titles and editorial insertions.
fn find_bracketed_publication(input: Span) -> Option<(usize, Span, Publication)> {
    const LONGEST_PUBLICATION: usize = 2048;
    let text = *input.fragment();
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|s| s.find('[')).map(|i| i + from) {
        from = i + 1;
        // A bounded window: an unclosed `[` is not scanned to the end.
        let window = slice(input, i, i + LONGEST_PUBLICATION);
        let Ok((rest, inner)) = super::scan::group('[', ']')(window) else {
            continue;
        };
        let complete =
            |p: &Publication| p.place.is_some() && p.publisher.is_some() && p.date.is_some();
        if let Some(publication) = publication(inner).filter(complete) {
            let after = rest.location_offset() - input.location_offset();
            return Some((i, input.take_from(after), publication));
        }
    }
    None
}

fn apply_publication(item: &mut Item, p: Publication) {
    item.publisher_place = p.place.map(Into::into);
    item.publisher = p.publisher.map(Into::into);
    item.issued = p.date;
    if p.original_date.is_some() {
        item.set_rare(p.original_date, |e| &mut e.original_date);
        item.set_rare(p.original_publisher.map(Into::into), |e| {
            &mut e.original_publisher
        });
    }
    if p.edition.is_some() {
        item.set_rare(p.edition.map(Into::into), |e| &mut e.edition);
    }
    if let Some(genre) = p.genre {
        item.item_type = if is_paper_genre(&genre) {
            ItemType::Report
        } else {
            ItemType::Thesis
        };
        item.genre = Some(genre.into());
    }
}

/// A label before a number whose spacing the consistency check compares.
#[derive(Clone, Copy)]
enum NumberLabel {
    Volume,
    Issue,
}

/// Record how a labelled number was written: `Vol.5` vs `Vol. 5`.
fn label_form(label: NumberLabel, span: Span) -> Form {
    let (convention, label, [unspaced, spaced]) = match label {
        NumberLabel::Volume => ("volume-label", "Vol.", ["Vol.N", "Vol. N"]),
        NumberLabel::Issue => ("issue-label", "No.", ["No.N", "No. N"]),
    };
    let is_spaced = span
        .fragment()
        .get(label.len()..)
        .is_some_and(|s| s.starts_with(char::is_whitespace));
    Form {
        convention,
        variant: if is_spaced { spaced } else { unspaced },
        range: span_range(&span),
    }
}

/// `Vol. 6`, `vol.12`, `Volume 3`
fn volume(input: Span) -> PResult<String> {
    let (input, _) = alt((
        tag("Vol."),
        tag("vol."),
        tag("Vol"),
        tag("Volume"),
        tag("volume"),
        // `v. 67`, as library catalogues write it.
        tag("v."),
    ))
    .parse(input)?;
    let (input, _) = space0(input)?;
    let (input, v) =
        take_while1(|c: char| c.is_alphanumeric() || matches!(c, '-' | '–' | '/' | '.'))
            .parse(input)?;
    let number = v.fragment().trim_end_matches('.');
    // `vol. 7.2` keeps its part, `vol. 2–3` its range; a final full stop
    // is the sentence's.
    Ok((input, number.to_string()))
}

/// `Suppl.`, `suppl. 2`, `Supplement 1`: a supplement to a volume, as
/// written.
fn supplement(input: Span) -> PResult<String> {
    let (rest, written) = recognize((
        alt((
            tag("Suppl."),
            tag("suppl."),
            tag("Supplement"),
            tag("supplement"),
        )),
        opt((space1, digit1)),
    ))
    .parse(input)?;
    Ok((rest, written.fragment().to_string()))
}

/// `No. 99`, `no.3`, `Nos. 3-4`, `Issue 2`
fn issue(input: Span) -> PResult<String> {
    let (input, _) = alt((
        tag("Nos."),
        tag("No."),
        tag("no."),
        tag("nos."),
        tag("Issue"),
        tag("issue"),
    ))
    .parse(input)?;
    let (input, _) = space0(input)?;
    let (input, v) =
        take_while1(|c: char| c.is_alphanumeric() || matches!(c, '-' | '–' | '/')).parse(input)?;
    Ok((input, v.fragment().to_string()))
}

/// `Part I`, `Part 2`
fn part(input: Span) -> PResult<String> {
    let (rest, p) = recognize((
        tag("Part"),
        space1,
        take_while1(|c: char| c.is_ascii_alphanumeric()),
    ))
    .parse(input)?;
    Ok((rest, p.fragment().to_string()))
}

/// A digest's issue code: `SU/2596`, `FE/1569`.
fn issue_code(input: Span) -> PResult<String> {
    let (rest, code) = recognize((
        take_while1(|c: char| c.is_ascii_uppercase()),
        tag("/"),
        take_while1(|c: char| c.is_ascii_alphanumeric()),
    ))
    .parse(input)?;
    Ok((rest, code.fragment().to_string()))
}

/// A report number that names a service and its issue:
/// `FBIS-CHI-94-172` → (`FBIS-CHI`, `94-172`).
fn report_code(input: Span) -> PResult<(String, String)> {
    let upper = |i| take_while1(|c: char| c.is_ascii_uppercase()).parse(i);
    let (rest, (service, _, region, _, year, _, number)) =
        (upper, tag("-"), upper, tag("-"), digit1, tag("-"), digit1).parse(input)?;
    Ok((
        rest,
        (
            format!("{}-{}", service.fragment(), region.fragment()),
            format!("{}-{}", year.fragment(), number.fragment()),
        ),
    ))
}

/// `http://…` or `https://…` up to white space, or a bare address with a
/// path, `search.proquest.com/docview/305`.
fn url(input: Span) -> PResult<String> {
    // A scheme and at least one character after it.
    let schemed = nom::combinator::verify(take_while1(|c: char| !c.is_whitespace()), |s: &Span| {
        crate::text::url_scheme(s.fragment())
            .is_some_and(|scheme| s.fragment().len() > scheme.len())
    });
    let bare = nom::combinator::verify(take_while1(|c: char| !c.is_whitespace()), |s: &Span| {
        let text = s.fragment();
        let host = text.split('/').next().unwrap_or("");
        let tld = host.rsplit('.').next().unwrap_or("");
        text.contains('/')
            && host.contains('.')
            && text.starts_with(|c: char| c.is_ascii_alphanumeric())
            && tld.len() >= 2
            && tld.chars().all(|c| c.is_ascii_alphabetic())
    });
    let (rest, u) = alt((schemed, bare)).parse(input)?;
    Ok((rest, u.fragment().trim_end_matches(['.', ',']).to_string()))
}

/// `accessed 1 June 2006`
fn accessed(el: Span) -> Option<Date> {
    let (rest, _) = (tag_no_case::<_, _, Error<Span>>("accessed"), space0)
        .parse(el)
        .ok()?;
    all_of(english_date, rest)
}

/// `last modified April 17, 2017`, `posted March 2, 2016`: when a page
/// online was published or last changed, Chicago's date for a web page.
fn modified(el: Span) -> Option<Date> {
    let (rest, _) = (
        alt((
            tag_no_case::<_, _, Error<Span>>("last modified"),
            tag_no_case("last updated"),
            tag_no_case("modified"),
            tag_no_case("updated"),
            tag_no_case("posted"),
            tag_no_case("published"),
        )),
        space1,
    )
        .parse(el)
        .ok()?;
    all_of(english_date, rest)
}

/// The parts of a periodical reference after the article title.
#[derive(Debug, Default, Clone)]
struct PeriodicalFacts {
    container: Option<String>,
    /// `in Encyclopaedia Britannica, 9th ed.`: the edition of a reference work.
    edition: Option<String>,
    /// A journal's series: `3rd ser.`, `n.s.`.
    series: Option<String>,
    /// The container is a blog: its posts are web pages.
    blog: bool,
    place: Option<String>,
    volume: Option<String>,
    issue: Option<String>,
    date: Option<Date>,
    /// `n.d.` stands where the date goes: what follows is read as after one.
    undated: bool,
    date_in_parens: Option<bool>,
    original_publisher: Option<String>,
    original_date: Option<Date>,
    url: Option<String>,
    accessed: Option<Date>,
    locator: Option<Locator>,
    /// `3027–36 (p. 3)`: the article's pages, when the page cited follows
    /// in parentheses (MHRA).
    pages: Option<String>,
}

/// The container element: `Journal (City)` or a report code.
fn container(el: Span, facts: &mut PeriodicalFacts) {
    if let Some((service, number)) = all_of(report_code, el) {
        facts.container = Some(service);
        facts.issue = Some(number);
        return;
    }
    let text = el.fragment().trim();
    // `Mudflats (blog)`: the medium is noted, not named.
    if let Some(name) = text.strip_suffix("(blog)") {
        facts.container = Some(name.trim().to_string());
        facts.blog = true;
        return;
    }
    if let Some(open) = text.rfind('(') {
        if text.ends_with(')') {
            let city = text.get(open + 1..text.len() - 1).unwrap_or("").trim();
            // `(ICEBE)`, `(ECBS’06)`: a meeting's acronym is no city.
            let acronym = city.chars().filter(char::is_ascii_uppercase).count() >= 2
                && !city.chars().any(char::is_lowercase);
            let is_city = !city.is_empty()
                && city.chars().next().is_some_and(char::is_uppercase)
                && !acronym
                && english_date(Span::new(city)).is_err();
            if is_city {
                facts.container = Some(text.get(..open).unwrap_or("").trim().to_string());
                facts.place = Some(city.to_string());
                return;
            }
        }
    }
    // Chicago journal style: `Foreign Affairs 74, no. 6 (1995)`.
    if let Some((name, number)) = text.rsplit_once(' ') {
        // `Canadian Journal of Economics XVIII, no. 2`: in roman numerals.
        // (`Il Nuovo Cimento (1955-1965) 20`: the years of the journal's
        // series before it.)
        let is_volume = !number.is_empty()
            && (number.len() <= 4 && number.bytes().all(|b| b.is_ascii_digit())
                || lower_roman_value(&number.to_ascii_lowercase()).is_some()
                    && number.bytes().all(|b| b.is_ascii_uppercase())
                || is_lettered_volume(number))
            && name
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphabetic() || c == '.' || c == ')');
        if is_volume {
            facts.container = Some(name.trim().to_string());
            facts.volume = Some(number.to_string());
            return;
        }
    }
    // `“Typesetting Chess” 9, no. 3 (1988)`: a number alone names no
    // periodical; it is the volume of one the note leaves out.
    if !text.is_empty() && text.len() <= 4 && text.bytes().all(|b| b.is_ascii_digit()) {
        facts.volume = Some(text.to_string());
        return;
    }
    facts.container = Some(text.to_string());
}

/// `AES-6`, `PC-15`: a volume numbered within a journal's code, as the
/// IEEE's transactions were (`IEEE Transactions on Aerospace and
/// Electronic Systems AES-6, no. 3`); `T165`: a topical volume's letter
/// and number (`Phys. Scr. T165`).
fn coded_volume(input: Span) -> PResult<String> {
    let code_and_number = recognize(verify(
        (alpha1, tag("-"), digit1),
        |(code, _, number): &(Span, Span, Span)| {
            (2..=4).contains(&code.fragment().len())
                && code.fragment().bytes().all(|b| b.is_ascii_uppercase())
                && (1..=3).contains(&number.fragment().len())
        },
    ));
    let letter_and_number = verify(
        recognize((satisfy(|c: char| c.is_ascii_uppercase()), digit1)),
        |v: &Span| (2..=5).contains(&v.fragment().len()),
    );
    let (rest, v) = alt((code_and_number, letter_and_number)).parse(input)?;
    Ok((rest, v.fragment().to_string()))
}

fn is_lettered_volume(text: &str) -> bool {
    all_of(coded_volume, Span::new(text)).is_some()
}

/// `17a`, `A24`, `B3`: a newspaper page with its section letter.
fn is_lettered_page(text: &str) -> bool {
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let letters: Vec<char> = text.chars().filter(|c| !c.is_ascii_digit()).collect();
    let lettered = match letters.as_slice() {
        [letter] => {
            letter.is_ascii_alphabetic() && (text.starts_with(*letter) || text.ends_with(*letter))
        }
        _ => false,
    };
    (1..=4).contains(&digits) && lettered
}

/// A journal's volume as Chicago writes it, bare: `45`, `61.1`.
fn periodical_volume(input: Span) -> PResult<String> {
    let (rest, v) = recognize((digit1, opt((tag("."), digit1)))).parse(input)?;
    Ok((rest, v.fragment().to_string()))
}

/// `39/3`: a volume and its issue, as the Oxford styles write them.
fn slashed_volume(input: Span) -> PResult<(String, String)> {
    let (rest, (volume, _, issue)) = (digit1, tag("/"), digit1).parse(input)?;
    Ok((
        rest,
        (volume.fragment().to_string(), issue.fragment().to_string()),
    ))
}

/// `v`, `xii`, `7.2`, `A`: a volume as MHRA prints it after the
/// publication (lower-case roman numerals as arabic ones).
fn volume_before_pages(text: &str) -> Option<String> {
    let text = text.trim();
    if text.len() == 1 && text.starts_with(|c: char| c.is_ascii_uppercase()) {
        return Some(text.to_string());
    }
    if all_of(periodical_volume, Span::new(text)).is_some() && text.contains('.') {
        return Some(text.to_string());
    }
    lower_roman_value(text).map(|n| n.to_string())
}

/// `v` → 5, `xii` → 12, `xliv` → 44: a lower-case roman numeral up to c.
fn lower_roman_value(text: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        _ => None,
    };
    let values: Option<Vec<u32>> = text.chars().map(digit).collect();
    let values = values.filter(|v| !v.is_empty() && v.len() <= 8)?;
    let mut total = 0i64;
    for (at, value) in values.iter().enumerate() {
        match values.get(at + 1) {
            Some(next) if next > value => total -= i64::from(*value),
            _ => total += i64::from(*value),
        }
    }
    u32::try_from(total).ok().filter(|t| (1..=100).contains(t))
}

/// `691.13 (2006)`, `BAR 24.2 (1998)`: volume and issue (MHRA, SBL), when
/// a date follows (a volume in parts, `33.1:80`, has none).
fn dotted_volume(input: Span) -> PResult<(String, String)> {
    let (rest, (volume, _, issue)) = (digit1, tag("."), digit1).parse(input)?;
    if trailing_date(rest).is_err() {
        return fail(input);
    }
    Ok((
        rest,
        (volume.fragment().to_string(), issue.fragment().to_string()),
    ))
}

/// `3027–36 (p. 3)`, `pp. 1–23 (pp. 14–17)`: the pages of a part, then the
/// page cited in parentheses (MHRA).
fn pages_then_cited(input: Span) -> PResult<(Locator, Locator)> {
    let (rest, range) = alt((english_locator, bare_pages)).parse(input)?;
    let (rest, _) = ws(rest)?;
    let (rest, inner) = parens(rest)?;
    match all_of(english_locator, trim(inner)) {
        Some(cited) => Ok((rest, (range, cited))),
        None => fail(input),
    }
}

/// `3rd ser.`, `2nd series`, `n.s.`, `new series`, `o.s.`: which series of
/// a journal the volume belongs to.
fn is_journal_series(text: &str) -> bool {
    let lower = text.to_lowercase();
    let ordinal_series = lower.split_once(' ').is_some_and(|(n, word)| {
        n.starts_with(|c: char| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].iter().any(|s| n.ends_with(s))
            && matches!(word, "ser." | "series")
    });
    ordinal_series
        || matches!(
            lower.as_str(),
            "n.s." | "o.s." | "new series" | "old series"
        )
}

/// `… (June 1996)` or `… (1997)` after a volume or issue.
fn trailing_date(input: Span) -> PResult<Date> {
    let (input, _) = ws(input)?;
    let (rest, inner) = parens(input)?;
    match all_of(english_date, trim(inner)) {
        Some(d) => Ok((rest, d)),
        None => fail(input),
    }
}

/// `(forthcoming)`, `(n.d.)`, `(in press)` where the date would stand.
fn undated_parens(input: Span) -> PResult<()> {
    let (input, _) = ws(input)?;
    let (rest, inner) = parens(input)?;
    match undated(trim(inner)) {
        Some(None) => Ok((rest, ())),
        _ => fail(input),
    }
}

/// Chicago's `: 45-60` (or `: 45n3`) after the date parenthetical.
fn colon_pages(input: Span) -> PResult<Locator> {
    preceded(
        (ws, tag(":"), ws),
        alt((english_locator, unlabelled_pages, bare_pages)),
    )
    .parse(input)
}

/// `TZ 21 (1965): 245–59, 481–501`, `…), xii, 4`: pages after pages
/// continue the list cited rather than replace it.
fn add_pages(cited: &mut Option<Locator>, pages: Locator) {
    match cited.as_mut() {
        Some(cited) if cited.label == LocatorLabel::Page => {
            cited.value.push_str(", ");
            cited.value.push_str(&pages.value);
        }
        _ => *cited = Some(pages),
    }
}

impl PeriodicalFacts {
    /// Start a reprint: what was read so far is the original publication.
    fn reprint(&mut self) {
        if self.original_publisher.is_none() {
            self.original_publisher = self.container.take();
            self.original_date = self.date.take();
            self.place = None;
            self.issue = None;
            self.volume = None;
            self.locator = None;
        }
    }

    fn set_date(&mut self, date: Date, in_parens: bool) {
        if self.date.is_none() {
            self.date = Some(date);
            self.date_in_parens = Some(in_parens);
        }
    }

    /// The elements after the container; what none of them accounts for
    /// is kept as unparsed.
    fn elements(&mut self, elements: &[Span], parse: &mut CiteParse) {
        for el in elements {
            if !self.element(*el, parse) {
                parse.unparsed.push(span_range(&trim(*el)));
            }
        }
    }

    /// `Journal 97 (2002): 10`, `J. Chem. 691`: the container with its
    /// volume, and perhaps the date and pages, in one element.
    fn container_with_volume(&mut self, el: Span, parse: &mut CiteParse) -> bool {
        let text = *el.fragment();
        for (i, _) in text
            .match_indices(' ')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
        {
            let name = text.get(..i).unwrap_or("").trim();
            let after = slice(el, i + 1, text.len());
            // `Past and Present 39/3 (1973)`: Oxford's volume and issue.
            let (rest, number, slashed_issue) = match slashed_volume(after) {
                Ok((rest, (volume, issue))) => (rest, volume, Some(issue)),
                _ => match alt((periodical_volume, coded_volume)).parse(after) {
                    Ok((rest, number)) => (rest, number, None),
                    Err(_) => continue,
                },
            };
            // `Rivista di Informatica (Milano) 13`: a journal named with its
            // city.
            let with_city = name
                .strip_suffix(')')
                .and_then(|n| n.rsplit_once(" ("))
                .is_some_and(|(journal, city)| {
                    !journal.is_empty()
                        && city.starts_with(char::is_uppercase)
                        && !city.contains(|c: char| c.is_ascii_digit())
                });
            let named = with_city
                || name
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_alphabetic() || c == '.');
            let mut trial = self.clone();
            if named && trial.date_suffix(rest, &mut CiteParse::default()) {
                self.container = Some(name.to_string());
                // `BAR 24.2 (1998)`: volume and issue, as in an element of
                // its own (`dotted_volume`); `ANRW 33.1:80` stays whole.
                match slashed_issue
                    .map(|issue| (number.clone(), issue))
                    .or_else(|| dotted_volume(after).ok().map(|(_, pair)| pair))
                    .filter(|_| self.issue.is_none())
                {
                    Some((volume, issue)) => {
                        self.issue = Some(issue);
                        self.volume = Some(volume);
                    }
                    None => self.volume = Some(number),
                }
                return self.date_suffix(rest, parse);
            }
        }
        false
    }

    /// One comma-separated element after the container.
    fn element(&mut self, el: Span, parse: &mut CiteParse) -> bool {
        let el = trim(el);
        let text = *el.fragment();
        if is_journal_series(text) {
            self.series = Some(text.to_string());
            return true;
        }
        // `n.d.`: no date, and nothing else, in its element.
        if self.date.is_none() && undated(el).is_some_and(|date| date.is_none()) {
            self.undated = true;
            return true;
        }
        if let Some(ed) = all_of(edition, el).filter(|_| self.volume.is_none()) {
            self.edition = Some(ed);
            return true;
        }
        // `May 15, 1996, 17a`: after the date, a newspaper's page with its
        // section letter.
        if self.date.is_some() && is_lettered_page(text) {
            self.locator = Some(Locator::new(LocatorLabel::Page, text.to_string()));
            return true;
        }
        if let Ok((rest, v)) = volume(el) {
            parse.forms.push(label_form(NumberLabel::Volume, el));
            self.volume = Some(v);
            return self.date_suffix(rest, parse);
        }
        if let Ok((rest, v)) = issue(el) {
            parse.forms.push(label_form(NumberLabel::Issue, el));
            self.issue = Some(v);
            return self.date_suffix(rest, parse);
        }
        if let Ok((rest, supplement)) = supplement(el) {
            // `Genetics 79, Suppl. (1975): 24`: a supplement to the volume.
            self.volume = Some(match self.volume.take() {
                Some(v) => format!("{v}, {supplement}"),
                None => supplement,
            });
            return self.date_suffix(rest, parse);
        }
        if let Some(rest) = text.strip_prefix("in ") {
            // `in SWB`, `in FBIS-SOV-1999-0312`: reprinted in a digest.
            self.reprint();
            match all_of(report_code, trim(slice(el, 3, text.len()))) {
                Some((service, number)) => {
                    self.container = Some(service);
                    self.issue = Some(number);
                }
                None => self.container = Some(rest.trim().to_string()),
            }
            return true;
        }
        if let Some(part) = all_of(part, el) {
            // `No. 133, Part I`: a part of the issue.
            self.issue = Some(match self.issue.take() {
                Some(issue) => format!("{issue}, {part}"),
                None => part,
            });
            return true;
        }
        if let Some((service, number)) = all_of(report_code, el) {
            if self.container.is_some() && self.date.is_some() {
                self.reprint();
            }
            self.container = Some(service);
            self.issue = Some(number);
            return true;
        }
        if let Some(code) = all_of(issue_code, el) {
            self.issue = Some(code);
            return true;
        }
        if let Some((range, cited)) = all_of(pages_then_cited, el).filter(|_| self.date.is_some()) {
            // `97 (2002), 431–56, 791–823 (p. 10)`: every range before is
            // the article's too.
            let earlier = self.locator.take().map(|l| l.value);
            self.pages = Some(match earlier {
                Some(earlier) => format!("{earlier}, {}", range.value),
                None => range.value,
            });
            self.locator = Some(cited);
            return true;
        }
        // `Oct. 22, 1971, 1309–1310`: after the date, a range of numbers is
        // the pages, even when they could be years.
        let page_range = self.date.is_some() && text.contains(['–', '-']);
        if let Some(locator) = all_of(bare_pages, el).filter(|_| page_range) {
            add_pages(&mut self.locator, locator);
            return true;
        }
        if let Some(date) = all_of(english_date, el) {
            if self.date.is_some() && self.original_publisher.is_none() {
                // A second date with no `in`: the first was the original's.
                self.reprint();
            }
            self.set_date(date, false);
            if self.volume.is_some() || self.issue.is_some() {
                parse.forms.push(Form {
                    convention: "periodical-date",
                    variant: "Vol./No., date",
                    range: span_range(&el),
                });
            }
            return true;
        }
        if let Some(locator) =
            all_of(bare_pages, el).filter(|_| self.date.is_some() || self.undated)
        {
            // `New York Times, May 3, 2012, 14`: after the date (or `n.d.`),
            // a bare number is the page cited.
            add_pages(&mut self.locator, locator);
            return true;
        }
        if let Ok((rest, (volume, issue))) = alt((slashed_volume, dotted_volume)).parse(el) {
            // `39/3 (1973)`: Oxford's volume and issue.
            if self.volume.is_none() && self.issue.is_none() {
                self.volume = Some(volume);
                self.issue = Some(issue);
                return self.date_suffix(rest, parse);
            }
        }
        if let Ok((rest, (first, second))) = slashed_volume(el) {
            // `Journal 39, 3/4 (1973)`: after the volume, a double issue.
            if self.volume.is_some() && self.issue.is_none() {
                self.issue = Some(format!("{first}/{second}"));
                return self.date_suffix(rest, parse);
            }
        }
        if let Some(rest) = ["ns ", "NS ", "n.s. ", "os ", "o.s. "]
            .iter()
            .find_map(|series| text.strip_prefix(series))
            .filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
        {
            // `ns 21 (1971)`: the volume of a journal's new (or old) series.
            let series = text.get(..text.len() - rest.len()).unwrap_or("").trim();
            self.series = Some(series.to_string());
            return self.element(slice(el, text.len() - rest.len(), text.len()), parse);
        }
        // `“Title,” Libra.org, 42–45, accessed …`: a range of pages
        // before any date, where a volume would stand alone.
        if let Some(locator) = all_of(bare_pages, el).filter(|_| {
            text.contains(['–', '-']) && self.container.is_some() && self.volume.is_none()
        }) {
            add_pages(&mut self.locator, locator);
            return true;
        }
        if let Ok((rest, number)) = digit1::<Span, Error<Span>>(el) {
            // `7 (1995)`: a bare volume number, Chicago style.
            if self.volume.is_none() && self.issue.is_none() {
                self.volume = Some(number.fragment().to_string());
                return self.date_suffix(rest, parse);
            }
        }
        if let Some(locator) = all_of(english_locator, el) {
            self.locator = Some(locator);
            return true;
        }
        // `no. 1, spring (2010): 83`, `no. 132, daily ed. (October 8,
        // 1985): 9`: a word or two that qualify the issue, then the date.
        if self.issue.is_some() && self.date.is_none() {
            if let Some(open) = text.find(" (") {
                let qualifier = text.get(..open).unwrap_or("").trim();
                let mut trial = self.clone();
                let rest = slice(el, open, text.len());
                if qualifier.split_whitespace().count() <= 3
                    && trial.date_suffix(rest, &mut CiteParse::default())
                {
                    if let Some(issue) = self.issue.as_mut() {
                        issue.push_str(", ");
                        issue.push_str(qualifier);
                    }
                    return self.date_suffix(rest, parse);
                }
            }
        }
        if let Ok((rest, u)) = url(el) {
            let rest = trim(rest);
            let accessed = parens(rest)
                .ok()
                .filter(|(after, _)| after.fragment().trim().is_empty())
                .and_then(|(_, inner)| accessed(trim(inner)));
            if rest.fragment().is_empty() || accessed.is_some() {
                self.url = Some(u);
                self.accessed = accessed.or(self.accessed.take());
                return true;
            }
        }
        if let Some(date) = modified(el) {
            self.set_date(date, false);
            return true;
        }
        if let Some(rest) = text
            .strip_prefix("accessed ")
            .or_else(|| text.strip_prefix("Accessed "))
        {
            if let Some(date) = all_of(english_date, Span::new(rest)) {
                self.accessed = Some(date);
                return true;
            }
        }
        false
    }

    /// After `Vol.5, No.6`: an optional `(June 1996)` and `: 45`.
    fn date_suffix(&mut self, rest: Span, parse: &mut CiteParse) -> bool {
        let mut rest = rest;
        if let Ok((after, date)) = trailing_date(rest) {
            parse.forms.push(Form {
                convention: "periodical-date",
                variant: "Vol./No. (date)",
                range: span_range(&rest),
            });
            self.set_date(date, true);
            rest = after;
        } else if let Ok((after, _)) = undated_parens(rest) {
            // `13 (forthcoming): 568–614`: no date yet.
            rest = after;
        }
        if let Ok((after, locator)) = colon_pages(rest) {
            self.locator = Some(locator);
            rest = after;
        }
        rest.fragment().trim().is_empty()
    }

    /// `Newsletter (Apr. 2007): 5`: a periodical cited by its date alone,
    /// with no volume or issue.
    fn container_with_date(&mut self, el: Span, parse: &mut CiteParse) -> bool {
        let text = *el.fragment();
        let Some(open) = text.rfind(" (") else {
            return false;
        };
        let name = text.get(..open).unwrap_or("").trim();
        let rest = slice(el, open, text.len());
        let dated = trailing_date(rest).is_ok();
        let mut trial = self.clone();
        if name.is_empty() || !dated || !trial.date_suffix(rest, &mut CiteParse::default()) {
            return false;
        }
        self.container = Some(name.to_string());
        self.date_suffix(rest, parse)
    }

    fn into_item(self, title: String, creators: Option<NameList>) -> (Item, Option<Locator>) {
        let day_dated = self.date.as_ref().is_some_and(|d| d.start.day.is_some());
        // Online, a newspaper and a site look alike (`Name, May 5, 2005,
        // URL`): both are read as web pages.
        // `Journal, 1999, 77, https://doi.org/…`: a DOI names a publication,
        // not a page of a site.
        let doi = self
            .url
            .as_deref()
            .is_some_and(|u| u.contains("doi.org/10."));
        let online = self.url.is_some()
            && self.volume.is_none()
            && self.issue.is_none()
            && self.original_publisher.is_none()
            && !(doi && self.container.is_some());
        // `Institution, “Annual Report,” 2014, URL`: an institution's own
        // document dated by its year is a report; a page is dated by day.
        let institutional = creators
            .as_ref()
            .is_some_and(|c| !c.names.is_empty() && c.names.iter().all(|n| n.is_literal()));
        let by_year = self
            .date
            .as_ref()
            .is_some_and(|d| d.start.month.is_none() && d.season.is_none());
        let item_type = if online && institutional && (by_year || doi) && self.container.is_none() {
            ItemType::Report
        } else if self.blog || online {
            ItemType::Webpage
        } else if self.volume.is_some() || self.date.as_ref().is_some_and(|d| d.season.is_some()) {
            ItemType::ArticleJournal
        } else if day_dated && self.date.as_ref().is_some_and(|d| d.end.is_some()) {
            // Dated by a week (`22-28 December 1997`): a weekly magazine.
            ItemType::ArticleMagazine
        } else if day_dated {
            ItemType::ArticleNewspaper
        } else {
            ItemType::ArticleJournal
        };
        let mut item = Item::new(item_type);
        item.title = Some(title.into());
        if let Some(list) = creators {
            list.apply_to(&mut item);
        }
        item.container_title = self.container.map(Into::into);
        item.collection_title = self.series.map(Into::into);
        item.publisher_place = self.place.map(Into::into);
        item.volume = self.volume.map(Into::into);
        item.issue = self.issue.map(Into::into);
        item.set_rare(self.edition.map(Into::into), |e| &mut e.edition);
        item.issued = self.date;
        item.set_rare(self.original_publisher.map(Into::into), |e| {
            &mut e.original_publisher
        });
        item.set_rare(self.original_date, |e| &mut e.original_date);
        item.url = self.url.map(Into::into);
        item.page = self.pages.map(Into::into);
        item.set_rare(self.accessed, |e| &mut e.accessed);
        (item, self.locator)
    }
}

/// The creators that open a citation, followed by its comma. A name may
/// carry a bracketed pseudonym note or real name (`Stendhal [Marie-Henri
/// Beyle]`, `AK Muckraker [pseud.]`), or be supplied in brackets
/// (`[Samuel Horsley]`, `[James Hawkes?]`).
fn leading_creators(input: Span) -> PResult<NameList> {
    // `U.S. Securities and Exchange Commission,`: an institution whose name
    // holds `and` is one name, not two.
    if let Some((written, rest)) = first_element(input) {
        let whole_institution = written.contains(" and ")
            && is_institution(written)
            && !written.contains(['“', '"', '('])
            && written.split_whitespace().count() <= 12;
        if whole_institution {
            return Ok((
                rest,
                NameList::authors(vec![crate::model::Name::literal(written)]),
            ));
        }
    }
    if let Ok((rest, inner)) = super::scan::group('[', ']')(input) {
        let (rest, _) = (space0, tag(","), space0).parse(rest)?;
        let written = inner.fragment().trim().trim_end_matches('?').trim();
        let list = all_of(english_name_list, Span::new(written))
            .filter(|l| !l.names.is_empty())
            .map_or_else(|| vec![crate::model::Name::literal(written)], |l| l.names);
        return Ok((rest, NameList::authors(list)));
    }
    let (rest, list) = english_name_list(input)?;
    let (rest, _) = opt((space1, super::scan::group('[', ']'))).parse(rest)?;
    let (rest, _) = (space0, tag(","), space0).parse(rest)?;
    if list.names.is_empty() {
        return fail(input);
    }
    Ok((rest, list))
}

/// A creator named alone before a title.
fn lone_creator(input: Span) -> PResult<NameList> {
    // One name alone: the list read on into the title (`Monika Maron,
    // Animal Triste, trans. …`), or a creator known by one name
    // (`Aristotle, Physics, …`). Only where a title follows.
    let (rest, name) = alt((first_name, single_name)).parse(input)?;
    let (rest, _) = (space0, tag(","), space0).parse(rest)?;
    // `Casablanca, DVD (1942; …)`: a film's medium follows its title, not
    // its maker's name.
    if !opens_a_title(rest) || recording::opens_with_film_medium(rest.fragment()) {
        return fail(input);
    }
    Ok((rest, NameList::authors(vec![name])))
}

/// The text of a citation's first comma-separated element, trimmed, and
/// what follows its comma.
fn first_element(input: Span<'_>) -> Option<(&str, Span<'_>)> {
    let at = find_top_level(input, |c| c == ',')?;
    let (rest, _) = comma(slice(input, at, input.fragment().len())).ok()?;
    Some((slice(input, 0, at).fragment().trim(), rest))
}

/// `Institution Name, “Title,”`: a short capitalised run, then a comma and
/// an opening quote, is an institution (or a person the name grammar does
/// not know), kept as written.
fn creator_before_quoted_title(input: Span) -> Option<(Span, NameList)> {
    let (element, rest) = first_element(input)?;
    // `AK Muckraker [pseud.]`: the bracket notes the name, it is not part
    // of it.
    let written = match element.split_once(" [") {
        Some((name, note)) if note.ends_with(']') => name.trim(),
        _ => element,
    };
    let words = written.split_whitespace().count();
    let shaped = written.starts_with(char::is_uppercase)
        && (1..=12).contains(&words)
        && !written.contains(['“', '"', '(', ':'])
        && all_of(english_date, Span::new(element)).is_none();
    (shaped && rest.fragment().starts_with(['“', '"', '‘'])).then(|| {
        let name = all_of(english_name_list, Span::new(element))
            .filter(|l| !l.names.is_empty() && l.role == Role::Author)
            .map_or_else(|| vec![crate::model::Name::literal(written)], |l| l.names);
        (rest, NameList::authors(name))
    })
}

/// `U.S. Department of the Interior, Minerals Management Service, “Title”`:
/// an institution and its divisions, each element capitalised, before a
/// quoted title, are one author.
fn institution_with_divisions(input: Span) -> Option<(Span, NameList)> {
    let quote = input.fragment().find(['“', '"', '‘'])?;
    let before = slice(input, 0, quote);
    let elements = split_top_level(before, |c| c == ',');
    // The last piece is the space between the final comma and the quote.
    let (gap, names) = elements.split_last()?;
    let shaped = |e: &Span| {
        let t = e.fragment().trim();
        t.starts_with(char::is_uppercase)
            && !t.contains(['“', '"', '(', ':', '['])
            && !t.contains(|c: char| c.is_ascii_digit())
            && !t.contains(" ed.")
    };
    let first = names.first()?;
    let written = slice(
        input,
        0,
        names.last()?.location_offset() + names.last()?.fragment().len() - input.location_offset(),
    )
    .fragment()
    .trim();
    let ok = gap.fragment().trim().is_empty()
        && (2..=3).contains(&names.len())
        && is_institution(first.fragment())
        && names.iter().all(shaped)
        && written.split_whitespace().count() <= 14;
    ok.then(|| {
        (
            slice(input, quote, input.fragment().len()),
            NameList::authors(vec![crate::model::Name::literal(written)]),
        )
    })
}

/// Does a title start here: a capital or an opening quote, and not an
/// editor phrase or a date?
fn opens_a_title(rest: Span) -> bool {
    let text = rest.fragment();
    let first_element = split_top_level(rest, |c| c == ',')
        .first()
        .map(|p| trim(*p));
    text.starts_with(|c: char| c.is_uppercase() || c == '“' || c == '"')
        && english_editor_phrase(rest).is_err()
        && first_element.is_none_or(|el| all_of(english_date, el).is_none())
}

/// `Kants Werke, by Immanuel Kant`: the book's own author, named after its
/// title in a chapter's container. The model keeps no container author.
fn by_author(input: Span) -> PResult<NameList> {
    // `by Lukian`: an author known by one name, up to the next element.
    let one_name = nom::combinator::map(
        terminated(
            single_name,
            nom::combinator::peek(alt((tag(","), nom::combinator::eof))),
        ),
        |name| NameList::authors(vec![name]),
    );
    preceded(
        (tag("by"), space1),
        alt((english_names_without_role, one_name)),
    )
    .parse(input)
}

/// `2 vols.`: how many volumes the work has. The model keeps no count.
fn volume_count(input: Span) -> PResult<Span> {
    recognize((digit1, space1, tag("vols."))).parse(input)
}

/// `Lynch,` / `Cole and Godwin,` / `Sergounin et al.,`: surnames alone,
/// as short forms write them.
fn short_form_surnames(input: Span) -> PResult<NameList> {
    fn surname(input: Span) -> PResult<Span> {
        // `van Gennep`, `de la Cruz`: a surname may open with particles.
        let particle = alt((
            tag("van der "),
            tag("van den "),
            tag("van "),
            tag("von "),
            // `Van Egmond`, `De Gaulle`: capitalised where the name opens
            // the note (not `Le`/`La`, which open newspapers' names).
            tag("Van der "),
            tag("Van den "),
            tag("Van "),
            tag("Von "),
            tag("De "),
            tag("de la "),
            tag("de "),
            tag("du "),
            tag("da "),
            tag("di "),
            tag("del "),
            tag("der "),
            tag("le "),
            tag("la "),
        ));
        recognize((
            opt(particle),
            take_while1(|c: char| c.is_uppercase()),
            take_while1(|c: char| c.is_alphabetic() || c == '-' || c == '’' || c == '\''),
        ))
        .parse(input)
    }
    let family = |s: Span| crate::model::Name::person(s.fragment(), "");
    let (mut rest, first) = surname(input)?;
    let mut names = vec![family(first)];
    // `Umbers, Symonds, and Kokko`: names after bare commas count only
    // when an `and` closes the list (`Lo, Axis of Convenience` is a
    // surname and a title).
    let mut pending = Vec::new();
    let mut committed = rest;
    loop {
        // A list with bare commas closes with the serial comma: `Umbers,
        // Symonds, and Kokko`, never `Morley, Poverty and Inequality`.
        let closed = if pending.is_empty() {
            preceded(alt((tag(", and "), tag(" and "), tag(" & "))), surname).parse(rest)
        } else {
            preceded(tag(", and "), surname).parse(rest)
        };
        // `Smith, Doe and Lee, Long Title`: British style drops the serial
        // comma. The names are a list then only if a title still follows
        // them, which `Morley, Poverty and Inequality, 78` lacks.
        let closed = closed.or_else(|e| {
            let (after, next) = preceded(alt((tag(" and "), tag(" & "))), surname)
                .parse(rest)
                .map_err(|_| e)?;
            if a_title_follows(after) {
                Ok((after, next))
            } else {
                Err(nom::Err::Error(Error::new(
                    rest,
                    nom::error::ErrorKind::Verify,
                )))
            }
        });
        if let Ok((after, next)) = closed {
            names.append(&mut pending);
            names.push(family(next));
            rest = after;
            committed = after;
        } else if let Ok((after, next)) = preceded(tag(", "), surname).parse(rest) {
            pending.push(family(next));
            rest = after;
        } else {
            break;
        }
    }
    let (rest, et_al) = opt(tag(" et al.")).parse(committed)?;
    let (rest, _) = (space0, tag(","), space0).parse(rest)?;
    Ok((
        rest,
        NameList {
            names,
            role: Role::Author,
            et_al: et_al.is_some(),
        },
    ))
}

/// Does a short form's title follow a list of surnames: a comma, then a
/// part that is no page, locator or year?
fn a_title_follows(after_names: Span) -> bool {
    let Ok((rest, _)) = (space0::<Span, Error<Span>>, tag(","), space0).parse(after_names) else {
        return false;
    };
    let end = rest.fragment().find(',').unwrap_or(rest.fragment().len());
    let part = trim(slice(rest, 0, end));
    !part.fragment().is_empty()
        && all_of(english_locator, part).is_none()
        && all_of(cited_pages, part).is_none()
        && all_of(english_date, part).is_none()
}

/// `MobiCom ’04`, `SOSP ’17`: a meeting's short name and year, the series
/// of its proceedings.
fn is_meeting_acronym(text: &str) -> bool {
    let Some((name, year)) = text.rsplit_once(' ') else {
        return false;
    };
    let year = year.strip_prefix(['’', '\'']).unwrap_or("");
    let capitals = name.chars().filter(char::is_ascii_uppercase).count();
    !name.contains(' ')
        && capitals >= 2
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && year.len() == 2
        && year.bytes().all(|b| b.is_ascii_digit())
}

/// `Synthese Library`, `Toronto Studies in Philosophy`, `Boston Studies in
/// the Philosophy of Science`, `Lecture Notes in Physics`: a series named
/// by the word that says it is one (its head, before any `in`/`of`), in
/// title case with no quotation, colon or parenthesis.
fn names_a_series(text: &str) -> bool {
    const SERIES_HEADS: &[&str] = &["Series", "Library", "Studies", "Monographs", "Texts"];
    let words: Vec<&str> = text.split_whitespace().collect();
    let head_end = words
        .iter()
        .position(|w| ["in", "of", "on"].contains(w))
        .unwrap_or(words.len());
    let before_head = words.get(..head_end).unwrap_or_default();
    // (`Cambridge History of Science Series`: or its last word.)
    let headed = before_head
        .last()
        .or(words.last())
        .is_some_and(|head| SERIES_HEADS.contains(head))
        || words.last().is_some_and(|w| *w == "Series");
    (2..=10).contains(&words.len())
        && headed
        && before_head
            .iter()
            .all(|w| w.starts_with(char::is_uppercase))
        && title_cased(text)
        && !text.contains(['“', '"', '(', ':', '?', '!'])
}

/// `Adelphi Paper No. 5`: a series name and its number in one element.
fn series_with_number(el: Span) -> Option<(String, String)> {
    let text = *el.fragment();
    // `Adelphi Paper 315`: a series word, then the number.
    if let Some((series, number)) = text.rsplit_once(' ') {
        let series_word = [
            "Paper",
            "Papers",
            "Report",
            "Reports",
            "Series",
            "Monograph",
            "Study",
            "Studies",
        ]
        .iter()
        .any(|w| series.split_whitespace().next_back() == Some(*w));
        if series_word && !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
            return Some((series.trim().to_string(), number.to_string()));
        }
        // `Denkschriften der … Gesellschaft zu Jena 4–8`: a work in several
        // numbers of a series.
        let range = number.split_once(['–', '-']).is_some_and(|(a, b)| {
            !a.is_empty() && !b.is_empty() && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
        });
        if range && series.starts_with(char::is_uppercase) && !series.contains(['“', '(', ':']) {
            return Some((series.trim().to_string(), number.to_string()));
        }
    }
    let Some(at) = text.rfind(" No.").or_else(|| text.rfind(" no.")) else {
        return unlabelled_series(el);
    };
    let series = text.get(..at)?.trim();
    let number = all_of(issue, trim(slice(el, at, text.len())))?;
    let capitalised = series
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    (!series.is_empty() && capitalised >= 1).then(|| (series.to_string(), number))
}

/// `SBT 2/6`, `AB 16–17A`, `WGRWSup`: a series by its abbreviation (as
/// SBL and many humanities styles write it), perhaps with its number.
fn abbreviated_series(text: &str) -> Option<(&str, Option<&str>)> {
    let (series, number) = match text.split_once(' ') {
        Some((series, number)) => (series, Some(number)),
        None => (text, None),
    };
    let capitals = series.chars().filter(char::is_ascii_uppercase).count();
    let abbreviation = (2..=10).contains(&series.len())
        && series.starts_with(|c: char| c.is_ascii_uppercase())
        && series.chars().all(|c| c.is_ascii_alphabetic())
        && capitals >= 2
        && capitals * 2 >= series.len();
    let numbered = number.is_none_or(|n| {
        n.starts_with(|c: char| c.is_ascii_digit())
            && n.len() <= 10
            && n.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '–' | '-' | '.'))
    });
    (abbreviation && numbered).then_some((series, number))
}

/// `Stapfia 56`, `Digitale Bibliothek 49`, `Lecture Notes in Computer
/// Science 10426`: capitalised words and a number that is not a year.
fn unlabelled_series(el: Span) -> Option<(String, String)> {
    let text = el.fragment().trim();
    let (series, number) = text.rsplit_once(' ')?;
    let numbered = !number.is_empty()
        && number.len() <= 5
        && number.bytes().all(|b| b.is_ascii_digit())
        && number
            .parse::<u32>()
            .is_ok_and(|n| !(1400..=2100).contains(&n));
    let named = series.starts_with(char::is_uppercase)
        && !series.contains(['“', '"', '(', ':'])
        && all_of(volume, trim(el)).is_none()
        && all_of(issue, trim(el)).is_none()
        && !series.eq_ignore_ascii_case("part");
    (numbered && named).then(|| (series.trim().to_string(), number.to_string()))
}

/// One fact about a book that follows its title.
enum BookFact {
    Creators(NameList),
    Edition(String),
    Volume(String),
    /// Read, but not kept by the model: `by Author`, `2 vols.`.
    Unkept,
}

/// A book fact at the start of `input`, and what follows it.
fn book_fact(input: Span) -> PResult<BookFact> {
    alt((
        nom::combinator::map(english_editor_phrase, BookFact::Creators),
        nom::combinator::map(edition, BookFact::Edition),
        nom::combinator::map(volume, BookFact::Volume),
        nom::combinator::map(by_author, |_| BookFact::Unkept),
        nom::combinator::map(volume_count, |_| BookFact::Unkept),
        nom::combinator::map(source_edition, |_| BookFact::Unkept),
    ))
    .parse(input)
}

/// `from the 2nd English ed.`, `translated from the 5th (enlarged) ed.`:
/// the edition a translation was made from. The model keeps no field for it.
fn source_edition(input: Span) -> PResult<Span> {
    nom::combinator::verify(
        recognize((
            opt(tag_no_case("translated ")),
            tag("from the "),
            take_till1(|c| c == ','),
        )),
        |written: &Span| {
            let text = written.fragment().trim_end();
            text.ends_with(" ed.") || text.ends_with(" edition") || text.ends_with(" edn")
        },
    )
    .parse(input)
}

/// `vol. 13 of The Writings of Mark Twain`, `bk. 3 of The History of
/// Cartography`: the volume of a multivolume work, and that work's title.
/// The title runs to the next element that is a book fact, or the end.
fn volume_of_set(input: Span) -> Option<(Span, String, String)> {
    let (rest, number) = alt((volume, book_number)).parse(input).ok()?;
    let (rest, _) = tag::<_, _, Error<Span>>(" of ").parse(rest).ok()?;
    let base = rest.location_offset();
    let parts = split_top_level(rest, |c| c == ',');
    let end = parts
        .iter()
        .skip(1)
        .find(|p| {
            let from = slice(rest, p.location_offset() - base, rest.fragment().len());
            whole_book_fact(trim(from)).is_some()
        })
        .map_or(rest.fragment().len(), |p| {
            p.location_offset().saturating_sub(base + 1)
        });
    let set = trim(slice(rest, 0, end));
    let after = slice(rest, end, rest.fragment().len());
    let set_title = set.fragment().trim_end_matches(',').trim();
    if !set_title.starts_with(|c: char| c.is_uppercase() || c == '“') {
        return None;
    }
    Some((after, number, set_title.to_string()))
}

/// `bk. 3`, `book 3`: a book of a multivolume work.
fn book_number(input: Span) -> PResult<String> {
    let (rest, _) = (
        alt((tag("bk."), tag("Bk."), tag("book"), tag("Book"))),
        space0,
    )
        .parse(input)?;
    let (rest, n) = digit1(rest)?;
    Ok((rest, n.fragment().to_string()))
}

/// `, 5 vols.`, `, vol. 2, 2nd ed.`: book facts, each after its comma, and
/// what follows them.
fn skip_book_facts(input: Span) -> Span {
    let mut at = input;
    while let Ok((rest, _)) = preceded(comma, book_fact).parse(at) {
        at = rest;
    }
    at
}

/// A book fact that fills its element: what follows is a comma or nothing.
fn whole_book_fact(input: Span) -> Option<(Span, BookFact)> {
    let (rest, fact) = book_fact(input).ok()?;
    let rest = trim(rest);
    if rest.fragment().is_empty() {
        return Some((rest, fact));
    }
    comma(rest).ok().map(|(after, _)| (after, fact))
}

/// Elements after the title that are about the book, not its title:
/// `ed. A and B`, `trans. C`, `2nd ed.`, `Vol. 2`, `Series, No. 11`.
/// Chicago's order is title, editor or translator, edition, volume, series:
/// the title runs to the first such fact, and an unlabelled element after
/// one names the series.
fn peel_book_elements(pre: Span, item: &mut Item, parse: &mut CiteParse) -> Peeled {
    let base = pre.location_offset();
    let from = |p: Span| slice(pre, p.location_offset() - base, pre.fragment().len());
    let parts = split_top_level(pre, |c| c == ',');
    let Some(first) = (1..parts.len()).find(|&i| {
        parts.get(i).is_some_and(|p| {
            let at = from(trim(*p));
            whole_book_fact(at).is_some() || volume_of_set(at).is_some()
        })
    }) else {
        return Peeled {
            title: peel_from_end(pre, item, parse),
            set: None,
        };
    };
    let mut set = None;
    // `Title, Boston Studies in the Philosophy of Science, v. 67`: a series
    // named by its head word before the first fact is no part of the title.
    let series_before = parts
        .get(first - 1)
        .map(|p| p.fragment().trim())
        .filter(|p| first >= 2 && names_a_series(p));
    let title_last = if series_before.is_some() {
        first - 2
    } else {
        first - 1
    };
    if let Some(series) = series_before {
        item.collection_title = Some(series.into());
    }
    let title_end = parts
        .get(title_last)
        .map_or(0, |p| p.location_offset() + p.fragment().len() - base);
    let mut at = parts.get(first).map_or(pre, |p| from(trim(*p)));
    while !trim(at).fragment().is_empty() {
        at = trim(at);
        if let Some((rest, number, title)) = volume_of_set(at) {
            // `vol. 2, bk. 3 of Set`: the volume named first is the one cited.
            item.volume.get_or_insert(number.into());
            set = Some(title);
            at = comma(trim(rest)).map_or(rest, |(after, _)| after);
            continue;
        }
        if let Some((rest, fact)) = whole_book_fact(at) {
            match fact {
                // An editor phrase names editors or translators, never
                // authors; after `vol. 2 of Set` it names the set's, kept
                // only when the volume names none of its own.
                BookFact::Creators(list) => {
                    if set.is_none()
                        || (item.editor.is_empty() && item.extra().translator.is_empty())
                    {
                        list.apply_to(item);
                    }
                }
                BookFact::Edition(ed) => item.extra_mut().edition = Some(ed.into()),
                BookFact::Volume(v) => {
                    parse.forms.push(label_form(NumberLabel::Volume, at));
                    item.volume = Some(v.into());
                }
                BookFact::Unkept => {}
            }
            at = rest;
            continue;
        }
        let end = find_top_level(at, |c| c == ',').unwrap_or(at.fragment().len());
        let element = trim(slice(at, 0, end));
        let text = element.fragment().trim();
        if let Some((series, number)) = series_with_number(element) {
            item.collection_title = Some(series.into());
            item.extra_mut().collection_number = Some(number.into());
        } else if let Some((series, number)) = abbreviated_series(text) {
            item.collection_title = Some(series.into());
            item.set_rare(number.map(Into::into), |e| &mut e.collection_number);
        } else {
            match text.rsplit_once(' ') {
                Some((series, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
                    item.collection_title = Some(series.trim().into());
                    item.extra_mut().collection_number = Some(n.into());
                }
                _ => item.collection_title = Some(text.into()),
            }
        }
        at = slice(at, (end + 1).min(at.fragment().len()), at.fragment().len());
    }
    let title = slice(pre, 0, title_end);
    Peeled {
        title: title
            .fragment()
            .trim()
            .trim_end_matches(',')
            .trim()
            .to_string(),
        set,
    }
}

/// A book's title with its facts peeled off, and the multivolume work it
/// is a volume of (`vol. 3 of Set`), which a book keeps as its container
/// and a chapter as its series.
struct Peeled {
    title: String,
    set: Option<String>,
}

/// Book elements read from the end, for a title followed by no editor,
/// edition or volume: `Title, Series Name, No. 11`.
fn peel_from_end(pre: Span, item: &mut Item, parse: &mut CiteParse) -> String {
    let mut parts = split_top_level(pre, |c| c == ',');
    loop {
        if parts.len() < 2 {
            break;
        }
        let Some(last) = parts.last().map(|p| trim(*p)) else {
            break;
        };
        let last_text = last.fragment().trim();
        if let Some(list) = all_of(english_editor_phrase, last) {
            list.apply_to(item);
        } else if recording::is_film_medium(last_text) {
            recording::keep_medium(item, last_text);
        } else if all_of(by_author, last).is_some()
            || all_of(volume_count, last).is_some()
            || is_medium(last_text)
        {
            // Facts the model does not keep.
        } else if let Some(ed) = all_of(edition, last).or_else(|| edition_word(last_text)) {
            item.extra_mut().edition = Some(ed.into());
        } else if let Some(v) = all_of(volume, last) {
            parse.forms.push(label_form(NumberLabel::Volume, last));
            item.volume = Some(v.into());
        } else if let Some((series, n)) = series_with_number(last) {
            // `SIPRI Research Report No. 11` has an issue label to check for
            // spacing; `Adelphi Paper 315` has none.
            let number = trim(slice(last, series.len(), last.fragment().len()));
            if number.fragment().starts_with(['N', 'n']) {
                parse.forms.push(label_form(NumberLabel::Issue, number));
            }
            item.collection_title = Some(series.into());
            item.extra_mut().collection_number = Some(n.into());
        } else if item.collection_title.is_none()
            && (is_meeting_acronym(last_text) || names_a_series(last_text))
        {
            // `Title, Cambridge History of Science Series (…)`, `Synthese
            // Library`, `Toronto Studies in Philosophy`; `in Proceedings of
            // …, MobiCom ’04 (…)`: the meeting's series.
            item.collection_title = Some(last_text.into());
        } else if let Some((series, number)) = abbreviated_series(last_text).filter(|_| {
            // `…Conference on Cybernetics, Tucson, AZ, USA`: a country
            // closes the meeting's place in the title, no series.
            item.collection_title.is_none() && !crate::check::places::is_country_name(last_text)
        }) {
            item.collection_title = Some(series.into());
            item.set_rare(number.map(Into::into), |e| &mut e.collection_number);
        } else if let Some(n) = all_of(issue, last) {
            parse.forms.push(label_form(NumberLabel::Issue, last));
            item.extra_mut().collection_number = Some(n.into());
            parts.pop();
            if parts.len() >= 2 {
                if let Some(series) = parts.pop() {
                    item.collection_title = Some(series.fragment().trim().into());
                }
            }
            continue;
        } else {
            break;
        }
        parts.pop();
    }
    let end = parts
        .last()
        .map_or(0, |p| p.location_offset() + p.fragment().len());
    let title = slice(pre, 0, end.saturating_sub(pre.location_offset()));
    title
        .fragment()
        .trim()
        .trim_end_matches(',')
        .trim()
        .to_string()
}

/// `“Konrad Lorenz als Schüler” [Konrad Lorenz as a student], Journal`:
/// what follows a title without the bracketed translation of it.
fn without_bracketed_translation(after: Span) -> Span {
    let text = after.fragment();
    if !text.starts_with('[') {
        return after;
    }
    match text.find(']') {
        Some(close) if close > 1 => trim(slice(after, close + 1, text.len())),
        _ => after,
    }
}

/// `An Essay on Criticism (1711)`: a work's title without the date it was
/// written, and that date.
fn without_date_written(work: &str) -> (String, Option<Date>) {
    let work = work.trim();
    if let Some(open) = work.rfind(" (") {
        let inner = work.get(open + 2..).and_then(|r| r.strip_suffix(')'));
        if let Some(date) = inner.and_then(|i| all_of(english_date, Span::new(i))) {
            return (
                work.get(..open).unwrap_or(work).trim().to_string(),
                Some(date),
            );
        }
    }
    (work.to_string(), None)
}

/// The media a work is published in, each with whether only films and
/// videos come in it (a `CD-ROM` or a `Kindle edition` is a book's).
const PUBLISHED_MEDIA: &[(&str, bool)] = &[
    ("CD-ROM", false),
    ("CD", false),
    ("DVD", true),
    ("DVD-ROM", false),
    ("Blu-ray", true),
    ("VHS", true),
    ("videocassette", true),
    ("microfiche", false),
    ("microfilm", false),
    ("e-book", false),
    ("Kindle", false),
    ("Nook", false),
];

/// Which of [`PUBLISHED_MEDIA`] `text` names, as its film flag:
/// `Kindle edition`, `Kindle ed.` and `DVD` alike.
fn published_medium(text: &str) -> Option<bool> {
    // `Kindle edition`, `Nook edition`, `Kindle ed.`.
    let named = text
        .strip_suffix(" edition")
        .or_else(|| text.strip_suffix(" ed."))
        .unwrap_or(text);
    PUBLISHED_MEDIA
        .iter()
        .find(|(m, _)| text.eq_ignore_ascii_case(m) || named.eq_ignore_ascii_case(m))
        .map(|&(_, film)| film)
}

/// `CD-ROM`, `DVD`, `microfiche`: the medium a work was published in; the
/// model keeps only a film's.
fn is_medium(text: &str) -> bool {
    published_medium(text).is_some()
}

/// An English item read up to its publication parenthetical: what follows
/// it (pages, address, date seen) is read, and the citation is whole.
fn finish_after_publication(
    mut item: Item,
    after: Span,
    rest: Span,
    mut parse: CiteParse,
) -> CiteParse {
    let tail_start = rest.location_offset() - after.location_offset();
    after_publication(
        slice(after, tail_start, after.fragment().len()),
        &mut item,
        &mut parse,
    );
    item.language = Some(Language::English);
    parse.parsed = Some(Parsed::Full(Arc::new(item)));
    parse
}

/// `“Introducing David.”`: a whole element in curly quotes.
fn is_quoted(text: &str) -> bool {
    let text = text.trim_end_matches('.');
    text.starts_with('“')
        && (text.ends_with('”') || text.ends_with(".”"))
        && text.chars().count() > 2
}

/// `1:126 (hereafter cited as Mass. Records)`: the tail without the
/// parenthetical that names the short form of later notes, and that short
/// form.
fn without_hereafter(tail: Span) -> (Span, Option<String>) {
    let text = tail.fragment();
    let Some(open) = text
        .rfind("(hereafter ")
        .or_else(|| text.rfind("(henceforth "))
        .filter(|&at| at == 0 || text.get(..at).is_some_and(|b| b.ends_with(' ')))
    else {
        return (tail, None);
    };
    let Some(inside) = text
        .get(open + 1..)
        .map(|t| t.trim_end_matches('.'))
        .and_then(|t| t.strip_suffix(')'))
    else {
        return (tail, None);
    };
    let short = inside
        .strip_prefix("hereafter")
        .or_else(|| inside.strip_prefix("henceforth"))
        .map(|t| t.trim_start())
        .map(|t| t.strip_prefix("cited as ").unwrap_or(t))
        .map(|t| t.trim_matches(|c: char| c.is_whitespace() || matches!(c, '“' | '”' | '"')))
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    (trim(slice(tail, 0, open)), short)
}

/// After the publication parenthetical: the pages cited.
fn after_publication(rest: Span, item: &mut Item, parse: &mut CiteParse) {
    let rest = trim(rest);
    if rest.fragment().is_empty() {
        return;
    }
    let body = match comma(rest) {
        Ok((after, _)) => after,
        Err(_) => match colon_pages(rest) {
            Ok((after, locator)) => {
                parse.locator = Some(locator);
                after
            }
            Err(_) => rest,
        },
    };
    // `…), 94, http://hdl.handle.net/…`: the pages cited, then where the
    // work is online and when it was seen. Unless every element is one of
    // these, the whole tail is left unread (`p,129` is a malformed
    // locator, not a page and a stray `p`).
    let (body, short) = without_hereafter(trim(body));
    if short.is_some() {
        item.set_rare(short.map(Into::into), |e| &mut e.title_short);
    }
    if body.fragment().is_empty() {
        return;
    }
    if let Some(found) = all_of(cited_pages, body) {
        parse.locator = Some(found);
        return;
    }
    let (mut locator, mut online, mut seen) = (parse.locator.clone(), None, None);
    let mut volume_cited = None;
    let elements = split_top_level(body, |c| c == ',');
    let last_at = elements.last().map(|e| e.location_offset());
    for el in elements {
        let el = trim(el);
        if el.fragment().is_empty() {
            continue;
        }
        let after_chapter = locator
            .as_ref()
            .is_some_and(|l| l.label == LocatorLabel::Chapter);
        if let Some(volume) = volume_before_pages(el.fragment()).filter(|_| {
            locator.is_none() && item.volume.is_none() && Some(el.location_offset()) != last_at
        }) {
            // `(Berlin: de Gruyter, 1968), v, 1–163 (p. 12)`: MHRA's volume,
            // after the publication and before the pages.
            item.volume = Some(volume.into());
        } else if let Some(found) = all_of(cited_pages, el).filter(|_| locator.is_none()) {
            locator = Some(found);
        } else if let Some(more) = all_of(cited_pages, el).filter(|l| {
            l.label == LocatorLabel::Page
                && locator
                    .as_ref()
                    .is_some_and(|c| c.label == LocatorLabel::Page)
        }) {
            add_pages(&mut locator, more);
        } else if let Some((range, cited)) =
            all_of(pages_then_cited, el).filter(|_| locator.is_none())
        {
            // `…), pp. 1–23 (pp. 14–17)`: the chapter's pages, then the
            // page cited.
            item.page = Some(range.value.into());
            locator = Some(cited);
        } else if is_medium(el.fragment()) && locator.is_none() {
            // `…), Kindle edition, ch. 3`: the e-book cited has no pages.
            recording::keep_medium(item, el.fragment());
        } else if after_chapter && is_quoted(el.fragment()) {
            // `ch. 3, “Introducing David”`: the chapter cited, by its title.
        } else if let Some(u) = all_of(url, el).filter(|_| online.is_none()) {
            online = Some(u);
        } else if let Some(date) = accessed(el).filter(|_| seen.is_none()) {
            seen = Some(date);
        } else if let Some(v) =
            all_of(volume, el).filter(|_| locator.is_none() && volume_cited.is_none())
        {
            // `…), vol. 2, p. 45`: the volume cited, Chicago's `2:45`.
            volume_cited = Some(v);
        } else {
            parse.unparsed.push(span_range(&body));
            return;
        }
    }
    if let Some(v) = volume_cited {
        match locator.as_mut() {
            Some(cited) => cited.volume = Some(v),
            None => locator = Some(Locator::new(LocatorLabel::Volume, v)),
        }
    }
    parse.locator = locator;
    if online.is_some() {
        item.url = online.map(Into::into);
    }
    if seen.is_some() {
        item.set_rare(seen, |e| &mut e.accessed);
    }
}

/// The pages cited after a title or publication: `p. 8`, `94`, `45, 47`,
/// `45 n. 3`, and Chicago's volume-and-page `61:14–17`, `7.2:62`, `D:70`.
fn cited_pages(input: Span) -> PResult<Locator> {
    alt((
        english_locator,
        volume_pages,
        unlabelled_pages,
        bare_pages,
        roman_pages,
    ))
    .parse(input)
}

/// `61:14–17`, `7.2:62`, `D:70`: pages of a volume (or a lettered section);
/// a volume in digits is kept with the pages.
fn volume_pages(input: Span) -> PResult<Locator> {
    let (rest, (volume, _, mut pages)) = (
        alt((
            recognize((digit1, opt((tag("."), digit1)))),
            recognize(satisfy(|c| c.is_ascii_uppercase())),
        )),
        tag(":"),
        bare_pages,
    )
        .parse(input)?;
    let volume = volume.fragment();
    if volume.starts_with(|c: char| c.is_ascii_digit()) {
        pages.volume = Some(volume.to_string());
    }
    Ok((rest, pages))
}

/// `xvi`, `xii–xiv`: front matter paged in lower-case roman numerals.
fn roman_pages(input: Span) -> PResult<Locator> {
    let numeral = |i| take_while1(|c: char| matches!(c, 'i' | 'v' | 'x' | 'l' | 'c')).parse(i);
    let (rest, pages) =
        recognize((numeral, opt((alt((tag("-"), tag("–"))), numeral)))).parse(input)?;
    let value = pages.fragment().replace('–', "-");
    Ok((rest, Locator::new(LocatorLabel::Page, value)))
}

/// `in A and B (eds), Book (Place: Pub, Year)` or `in Book, ed. A (…)`.
fn chapter(
    input: Span,
    title: String,
    creators: Option<NameList>,
    parse: &mut CiteParse,
) -> Option<Item> {
    let (input, _) = (
        tag_no_case::<_, _, Error<Span>>("in"),
        nom::character::complete::space1,
    )
        .parse(input)
        .ok()?;
    let mut item = Item::new(ItemType::Chapter);
    item.title = Some(title.into());
    // `in id., Book` (the author's own book) or `in id. (ed.), Book` (a
    // book the author edited).
    let same_person = creators.as_ref().map(|list| list.names.clone());
    let mut input = input;
    if let Some(rest) = ["id., ", "idem, ", "eadem, "]
        .iter()
        .find_map(|word| input.fragment().strip_prefix(word))
    {
        input = slice(
            input,
            input.fragment().len() - rest.len(),
            input.fragment().len(),
        );
    } else if let Some(rest) = ["id. (ed.), ", "idem (ed.), ", "eadem (ed.), "]
        .iter()
        .find_map(|word| input.fragment().strip_prefix(word))
    {
        input = slice(
            input,
            input.fragment().len() - rest.len(),
            input.fragment().len(),
        );
        item.editor = same_person.unwrap_or_default();
    }
    if let Some(list) = creators {
        list.apply_to(&mut item);
    }
    let mut book = input;
    if let Ok((rest, eds)) = english_name_list(input) {
        if eds.role == Role::Editor {
            if let Ok((rest, _)) = comma(rest) {
                item.editor = eds.names;
                book = rest;
            }
        }
    }
    let (mut at, mut rest, mut publication) = find_publication(book)?;
    // `in Mathematical Software (Beijing, 2002) (Singapore: World
    // Scientific, 2002)`: the meeting's place and year belong to the
    // book's title; the last parenthetical is the publication.
    if let Some((next_at, next_rest, next)) = find_publication(rest).filter(|(next_at, _, p)| {
        rest.fragment()
            .get(..*next_at)
            .is_some_and(|gap| gap.trim().is_empty())
            && p.publisher.is_some()
    }) {
        at = rest.location_offset() + next_at - book.location_offset();
        rest = next_rest;
        publication = next;
    }
    let pre = slice(book, 0, at);
    let peeled = peel_book_elements(pre, &mut item, parse);
    // `in Book, ed. A, vol. 4006, Proc. SPIE (…)`: a book in a series of
    // proceedings is one.
    if is_proceedings(&peeled.title) || item.collection_title.as_deref().is_some_and(is_proceedings)
    {
        item.item_type = ItemType::PaperConference;
    }
    item.container_title = Some(peeled.title.into());
    if peeled.set.is_some() {
        item.collection_title = peeled.set.map(Into::into);
    }
    apply_publication(&mut item, publication);
    after_publication(rest, &mut item, parse);
    Some(item)
}

/// `Proceedings of the …`, `Anais…`, `Actes du colloque`, `Papers from
/// the Conference on …`: a book of a meeting's papers, whose chapters are
/// conference papers.
fn is_proceedings(book: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "Proceedings",
        "Proc. ",
        "Anais",
        "Actes",
        "Atti ",
        "Akten ",
        "Tagungsband",
        "Resumos",
        "Papers from",
        "Papers of the",
        "Papers presented",
    ];
    const WITHIN: &[&str] = &[
        " Proceedings",
        " Proc. ",
        "Conference Series",
        "Annual Meeting",
        "Conference on ",
        "Conference Record",
        "Symposium",
        "Workshop on ",
        "Colloquium on ",
    ];
    // `Musterkonferenz`, `Jahrestagung`: German names a meeting in one word.
    const GERMAN_ENDINGS: &[&str] = &["konferenz", "tagung", "kongress", "kolloquium"];
    OPENINGS.iter().any(|w| book.starts_with(w))
        || WITHIN.iter().any(|w| book.contains(w))
        || book.split(|c: char| !c.is_alphabetic()).any(|word| {
            let word = word.to_lowercase();
            GERMAN_ENDINGS.iter().any(|e| word.ends_with(e))
        })
}

/// An English citation of any kind. `None` when the grammar does not
/// account for the text at all.
pub fn citation(input: Span) -> Option<CiteParse> {
    let input = trim(input);
    // A citation that opens with an ideograph or holds Chinese title marks
    // is not written in this convention: reading it as an English book
    // would make its whole text a title.
    let text = input.fragment();
    if text.starts_with(crate::text::is_cjk_ideograph) || text.contains(['《', '〈']) {
        return None;
    }
    let mut parse = CiteParse::default();
    if let Some(locator) = all_of(ibid, input) {
        return Some(CiteParse::ibid(locator));
    }
    if let Some(parse) = cross_referenced(input) {
        return Some(parse);
    }
    // `…, 423–91 (pp. 26–29) <https://arxiv.org/abs/…>`: MHRA's address in
    // angle brackets, after the rest.
    // `<…> [accessed 1 October 2006]`: when it was seen.
    let (addressed, seen) = match text
        .strip_suffix(']')
        .and_then(|t| t.rsplit_once(" [accessed "))
        .and_then(|(before, date)| Some((before, all_of(english_date, Span::new(date))?)))
    {
        Some((before, date)) => (before, Some(date)),
        None => (*text, None),
    };
    if let Some((before, address)) = addressed
        .strip_suffix('>')
        .and_then(|t| t.rsplit_once(" <"))
        .filter(|(before, address)| !before.trim().is_empty() && url(Span::new(address)).is_ok())
    {
        let mut parse = citation(slice(input, 0, before.len()))?;
        // `“Home,” p. 17 <https://…>`: a titled page with its address is a
        // web page cited in full, not a short form.
        if let Some(ShortForm {
            creators,
            title: Some(title),
            note_ref: None,
        }) = parse.parsed.as_ref().and_then(Parsed::as_short)
        {
            let mut item = Item::new(ItemType::Webpage);
            item.title = Some(title.clone().into());
            item.author = creators.clone();
            item.language = Some(Language::English);
            parse.parsed = Some(Parsed::Full(Arc::new(item)));
        }
        if let Some(Parsed::Full(item)) = parse.parsed.as_mut() {
            let item = Arc::make_mut(item);
            if item.url.is_none() {
                item.url = Some(address.into());
            }
            if item.extra().accessed.is_none() {
                item.set_rare(seen, |e| &mut e.accessed);
            }
        }
        return Some(parse);
    }
    // `Anon., Liber usualis (Tournai: Desclée, 1956)`: the abbreviation
    // says no author is known. (`Anonymous`, written out, is kept as the
    // author: bibliographic data often names it so.)
    if let Some(rest) = text.strip_prefix("Anon., ").filter(|rest| !rest.is_empty()) {
        return citation(slice(input, text.len() - rest.len(), text.len()));
    }
    if let Some(parse) =
        unpublished::letter(input).or_else(|| unpublished::archive_reference(input))
    {
        return Some(parse);
    }
    // `Lynch, “Changing Views,” 390`: short forms name authors by surname
    // only; before a quoted title, the position says the text is a
    // creator (`Badlands National Park, “Title,” …`).
    let short_surnames = |i| match find_publication(i) {
        None => short_form_surnames(i),
        Some(_) => fail(i),
    };
    let (rest, creators) = match institution_with_divisions(input) {
        Some((rest, list)) => (rest, Some(list)),
        None => match alt((leading_creators, short_surnames, lone_creator)).parse(input) {
            Ok((rest, list)) => (rest, Some(list)),
            Err(_) => match creator_before_quoted_title(input) {
                Some((rest, list)) => (rest, Some(list)),
                None => (input, None),
            },
        },
    };
    if let Some(list) = creators.as_ref() {
        if let Some(parse) = unpublished::interview(rest, list)
            .or_else(|| unpublished::personal_communication(rest, list))
            .or_else(|| speech::untitled_speech(rest, list))
        {
            return Some(parse);
        }
    }
    if let Ok((after, title)) = quoted_title(rest) {
        return after_quoted_title(after, title, creators, parse);
    }
    // `[Bronn], review of Book, by Author, Journal (1860): 112`: an
    // untitled review, which Chicago names by what it reviews.
    if let Some((after, reviewed)) = creators.as_ref().and(review_of(rest)) {
        let elements = join_container_commas(after, periodical_elements(after));
        let first = trim(*elements.first()?);
        let mut facts = PeriodicalFacts::default();
        if !facts.container_with_volume(first, &mut parse)
            && !facts.container_with_date(first, &mut parse)
        {
            container(first, &mut facts);
        }
        facts.elements(elements.get(1..).unwrap_or(&[]), &mut parse);
        let (mut item, locator) = facts.into_item(String::new(), creators);
        item.title = None;
        reviewed.apply_to(&mut item);
        item.language = Some(Language::English);
        parse.locator = locator;
        parse.parsed = Some(Parsed::Full(Arc::new(item)));
        return Some(parse);
    }
    // `Brockhaus Enzyklopädie, 17th ed. (…)`: what looked like a name is
    // the title, since a book fact cannot open the title.
    // `David A. Anderson, Environmental Economics and Natural Resource
    // Management, 3rd ed. (…)`: or the list read on into a title holding
    // `and`, and only its first name is the author.
    let (rest, creators) = match creators {
        Some(list) if book_fact(rest).is_ok() && find_publication(rest).is_some() => {
            match lone_creator(input) {
                Ok((after, first)) if list.names.len() > 1 && book_fact(after).is_err() => {
                    (after, Some(first))
                }
                _ => (input, None),
            }
        }
        other => (rest, other),
    };
    if let Some(parse) = recording::broadcast_with_plain_title(rest, creators.as_ref()) {
        return Some(parse);
    }
    if let Some(parse) = page_by_title(rest, &creators, parse.clone()) {
        return Some(parse);
    }
    // Unquoted title: a book or report if a publication parenthetical
    // follows, else a short form.
    if let Some((at, after, publication)) = find_publication(rest) {
        let mut item = Item::new(ItemType::Book);
        let pre = slice(rest, 0, at);
        let Peeled { title, set } = peel_book_elements(pre, &mut item, &mut parse);
        if title.is_empty() {
            return None;
        }
        item.container_title = set.map(Into::into);
        // `A Theological-Political Treatise, in The Chief Works of …`: a work
        // published within a book.
        let title = match title.split_once(", in ") {
            Some((work, book)) if book.starts_with(char::is_uppercase) => {
                item.item_type = ItemType::Chapter;
                // `in Francis Darwin, ed., The Life and Letters`: the book's
                // editors before its title.
                let book = match english_name_list(Span::new(book)) {
                    Ok((rest, eds)) if eds.role == Role::Editor => match comma(rest) {
                        Ok((rest, _)) => {
                            item.editor = eds.names;
                            rest.fragment().to_string()
                        }
                        Err(_) => book.to_string(),
                    },
                    _ => book.to_string(),
                };
                item.container_title = Some(book.trim().into());
                let (work, written) = without_date_written(work);
                let date = item
                    .extra
                    .as_deref_mut()
                    .and_then(|e| e.original_date.take())
                    .or(written);
                item.set_rare(date, |e| &mut e.original_date);
                work
            }
            _ => title,
        };
        let title = match recording::directed_by(&title) {
            Some((film, directors)) => {
                item.item_type = ItemType::MotionPicture;
                item.set_rare_names(directors, |e| &mut e.director);
                film
            }
            None => title,
        };
        item.title = Some(title.into());
        let institutional = creators
            .as_ref()
            .is_some_and(|c| c.role == Role::Author && c.names.iter().all(|n| n.is_literal()));
        if let Some(list) = creators {
            list.apply_to(&mut item);
        }
        apply_publication(&mut item, publication);
        if item.item_type == ItemType::Book && is_report(&item, institutional) {
            item.item_type = ItemType::Report;
        }
        after_publication(after, &mut item, &mut parse);
        item.language = Some(Language::English);
        parse.parsed = Some(Parsed::Full(Arc::new(item)));
        return Some(parse);
    }
    if let Some(parse) = untitled_report(input, parse.clone()) {
        return Some(parse);
    }
    if let Some(parse) = book_without_publication(rest, &creators, parse.clone()) {
        return Some(parse);
    }
    short_form(rest, creators, parse)
}

/// `Science in the Periodical: An Electronic Index, version 1.0, url:
/// http://www.sciper.org (accessed 04/08/2009)`: a site or database named
/// by its unquoted title, ending with where it is and when it was seen.
fn page_by_title(
    rest: Span,
    creators: &Option<NameList>,
    mut parse: CiteParse,
) -> Option<CiteParse> {
    let parts = split_top_level(rest, |c| c == ',');
    let (last, before) = parts.split_last()?;
    let (title, middle) = before.split_first()?;
    let last = trim(*last);
    let address = last
        .fragment()
        .strip_prefix("url: ")
        .or_else(|| last.fragment().strip_prefix("URL: "))
        .map_or(last, |r| {
            trim(slice(
                last,
                last.fragment().len() - r.len(),
                last.fragment().len(),
            ))
        });
    let (after, u) = url(address).ok()?;
    let after = trim(after);
    let seen = if after.fragment().trim_end_matches('.').is_empty() {
        None
    } else {
        let (tail, inner) = parens(after).ok()?;
        if !tail.fragment().trim_end_matches('.').trim().is_empty() {
            return None;
        }
        Some(accessed(trim(inner))?)
    };
    let mut item = Item::new(ItemType::Webpage);
    item.title = Some(title.fragment().trim().into());
    for element in middle {
        let element = trim(*element);
        if let Some(date) = all_of(english_date, element) {
            item.issued = Some(date);
        } else if !element.fragment().starts_with("version ") {
            return None;
        }
    }
    item.url = Some(u.into());
    item.set_rare(seen, |e| &mut e.accessed);
    if let Some(list) = creators.clone() {
        list.apply_to(&mut item);
    }
    item.language = Some(Language::English);
    parse.parsed = Some(Parsed::Full(Arc::new(item)));
    Some(parse)
}

/// `Neues Jahrbuch für Mineralogie, Geognosie, Geologie und
/// Petrefaktenkunde (1860): 112`: a periodical whose name has commas of
/// its own. When the first element is not a name with its volume or date
/// but a later one is, and the elements between are words alone, they are
/// all one name.
fn join_container_commas<'a>(whole: Span<'a>, elements: Vec<Span<'a>>) -> Vec<Span<'a>> {
    let dated = |el: Span| {
        let mut facts = PeriodicalFacts::default();
        let mut parse = CiteParse::default();
        facts.container_with_volume(el, &mut parse) || facts.container_with_date(el, &mut parse)
    };
    let words_only = |el: &Span| {
        let text = el.fragment().trim();
        !text.is_empty()
            && text
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '’' | '\'' | '&' | ':'))
            // `Proteins: Structure, Function, and Genetics 37`: one colon,
            // before the subtitle.
            && text.matches(':').count() <= 1
            && !text.ends_with(':')
    };
    let Some(first) = elements.first().map(|e| trim(*e)) else {
        return elements;
    };
    if dated(first) || !words_only(&first) {
        return elements;
    }
    let Some(k) =
        (1..elements.len()).find(|&k| elements.get(k).is_some_and(|e| !words_only(&trim(*e))))
    else {
        return elements;
    };
    let Some(last) = elements.get(k).map(|e| trim(*e)) else {
        return elements;
    };
    // `Foreign Policy, No. 99 (Summer 1995)`: an element that reads on its
    // own (an issue, a volume, a date) is not part of the name.
    let reads_alone = PeriodicalFacts::default().element(last, &mut CiteParse::default());
    // `Children, Adolescents, and the Internet 42`: a serial comma's `and`.
    let continues_name =
        last.fragment().starts_with(char::is_uppercase) || last.fragment().starts_with("and ");
    if reads_alone || !continues_name {
        return elements;
    }
    let base = whole.location_offset();
    let start = first.location_offset() - base;
    let end = last.location_offset() + last.fragment().len() - base;
    let joined = slice(whole, start, end);
    if !dated(joined) {
        return elements;
    }
    std::iter::once(joined)
        .chain(elements.into_iter().skip(k + 1))
        .collect()
}

/// `in “Science in Germany,” ed. Kathryn M. Olesko, special issue, Osiris,
/// 2nd ser., 5 (1989)`: an article in a special issue, cited by the
/// journal's details after the issue's title and editors (which the model
/// does not keep).
fn in_special_issue(after: Span) -> Span {
    let text = after.fragment();
    if !text.starts_with("in “") {
        return after;
    }
    match text.find(", special issue, ") {
        Some(at) => trim(slice(after, at + ", special issue, ".len(), text.len())),
        None => after,
    }
}

/// `…: 365–85, abstract in Peace Research Abstracts 42 (2005): 6`: the
/// article without the abstracting service that also lists it.
/// `Monograph, Journal of Applied Psychology 76`, `Special issue, …`,
/// `Supplemental material, …`: APA's description of the article, which
/// CSL's Chicago styles print before the journal.
fn without_article_genre(after: Span) -> Span {
    const GENRES: &[&str] = &[
        "Monograph, ",
        "Special issue, ",
        "Special section, ",
        "Supplemental material, ",
        "Editorial, ",
    ];
    match GENRES.iter().find(|g| after.fragment().starts_with(*g)) {
        Some(genre) => trim(slice(after, genre.len(), after.fragment().len())),
        None => after,
    }
}

fn without_abstract(after: Span) -> Span {
    match after.fragment().find(", abstract in ") {
        Some(at) => trim(slice(after, 0, at)),
        None => after,
    }
}

/// `Obituary, New York Times, Sept. 1, 1996`: a newspaper's heading for
/// the piece, before the newspaper's name.
fn is_newspaper_heading(text: &str) -> bool {
    [
        "Obituary",
        "Editorial",
        "Op-ed",
        "Op-Ed",
        "Letter to the editor",
        "Letters",
    ]
    .contains(&text.trim())
}

/// What a review reviews: `review of The Origin of Species, by Charles
/// Darwin`.
struct Reviewed {
    title: String,
    authors: Vec<crate::model::Name>,
}

impl Reviewed {
    /// Make `item` the review of this work.
    fn apply_to(self, item: &mut Item) {
        item.item_type = ItemType::ReviewBook;
        let extra = item.extra_mut();
        extra.reviewed_title = Some(self.title.into());
        extra.reviewed_author = self.authors;
    }
}

/// `review of The Origin of Species, by Charles Darwin,`: what a review
/// reviews, and what follows it.
fn review_of(input: Span) -> Option<(Span, Reviewed)> {
    let text = input.fragment();
    let title = text.strip_prefix("review of ")?;
    let by = title.find(", by ")?;
    let (rest, authors) =
        by_author(trim(slice(input, "review of ".len() + by + 1, text.len()))).ok()?;
    let (rest, _) = comma(rest).ok()?;
    let title = title.get(..by).unwrap_or("").trim().to_string();
    Some((
        rest,
        Reviewed {
            title,
            authors: authors.names,
        },
    ))
}

/// `Newman, see n. 8`, `Potter, Gender and Boyle’s Law, see n. 9`,
/// `Smith, Title, n. 4 above`: a short form that names the note of the full
/// citation it repeats.
fn cross_referenced(input: Span) -> Option<CiteParse> {
    let text = input.fragment().trim_end_matches('.');
    let (head, reference) = [", see n. ", ", see note ", ", n. ", " (see n. "]
        .iter()
        .find_map(|cue| text.rfind(cue).map(|at| (at, at + cue.len())))?;
    let number_text = text.get(reference..)?;
    let number_text = number_text
        .trim_end_matches(')')
        .trim_end_matches(" above")
        .trim();
    let note: u32 = number_text.parse().ok()?;
    let repeated = trim(slice(input, 0, head));
    // `Newman,`: the surnames with the comma that closes them.
    let surnames = trim(slice(input, 0, head + 1));
    let mut parse = match all_of(short_form_surnames, surnames) {
        Some(creators) => CiteParse::default().into_short(Some(creators), None),
        None => {
            let parse = citation(repeated)?;
            if !matches!(parse.parsed, Some(Parsed::Short(_))) {
                return None;
            }
            parse
        }
    };
    if let Some(Parsed::Short(s)) = parse.parsed.as_mut() {
        s.note_ref = Some(note);
    }
    Some(parse)
}

/// `A. Smith, Interesting Things, 2014, 57`: a book with no place or
/// publisher, as CSL's Chicago style prints one. With surnames alone, or
/// no author, a year before the pages still makes one (`Aristotle, Ethics,
/// 1994, 84`); when the same form repeats an earlier work with its year to
/// tell it apart (`Kullback, Information Theory, 1997, 86`), resolution
/// finds that work (`resolve::repeated_with_its_year`).
fn book_without_publication(
    rest: Span,
    creators: &Option<NameList>,
    mut parse: CiteParse,
) -> Option<CiteParse> {
    let named_in_full = creators
        .as_ref()
        .is_some_and(|c| c.names.iter().any(|n| n.given().is_some()));
    // (`Hearings, March 12, 1999`: a US date is one element.)
    let mut parts = periodical_elements(rest);
    let last = trim(*parts.last()?);
    let cited = all_of(cited_pages, last).filter(|_| parts.len() >= 3);
    // `Aristotle, Ethics, 1994, 84`, `King James Bible, 2017, 83`: a year
    // before the pages cited says a full citation however its creator is
    // named (a short form gives no year).
    if !named_in_full && cited.is_none() {
        return None;
    }
    if let Some(locator) = cited {
        parse.locator = Some(locator);
        parts.pop();
    }
    let date = all_of(english_date, trim(*parts.last()?))?;
    parts.pop();
    let end = parts.last()?;
    // Without a creator named in full, only a year alone.
    if !named_in_full && (date.start.month.is_some() || date.season.is_some()) {
        return None;
    }
    let pre = slice(
        rest,
        0,
        end.location_offset() + end.fragment().len() - rest.location_offset(),
    );
    // `Title (Santa Monica: RAND, 1999, p.10`: a parenthetical left open is
    // a malformed publication, not a book without one; `Title (Author-Year
    // Schemes), 2009` holds a closed one.
    if pre.fragment().matches('(').count() != pre.fragment().matches(')').count() {
        return None;
    }
    let mut item = Item::new(ItemType::Book);
    let Peeled { title, set } = peel_book_elements(pre, &mut item, &mut parse);
    if title.is_empty() {
        return None;
    }
    item.title = Some(title.into());
    item.container_title = set.map(Into::into);
    item.issued = Some(date);
    if let Some(list) = creators.clone() {
        list.apply_to(&mut item);
    }
    item.language = Some(Language::English);
    parse.parsed = Some(Parsed::Full(Arc::new(item)));
    Some(parse)
}

/// The comma-separated elements of a periodical's details, with a US date
/// (`March 3, 2001`), which has a comma of its own, kept as one element.
fn periodical_elements(input: Span) -> Vec<Span> {
    let parts = split_top_level(input, |c| c == ',');
    let base = input.location_offset();
    let mut out = Vec::with_capacity(parts.len());
    let mut i = 0;
    while let Some(part) = parts.get(i) {
        // Only `… 3` followed by `2001 …` can be a date split by its comma.
        let may_join = |next: &Span| {
            part.fragment()
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit())
                && next
                    .fragment()
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit())
        };
        if let Some(next) = parts.get(i + 1).filter(|n| may_join(n)) {
            let start = part.location_offset().saturating_sub(base);
            let end = (next.location_offset() + next.fragment().len()).saturating_sub(base);
            let joined = slice(input, start, end);
            let date_or_seen = |el: Span| {
                all_of(english_date, el).is_some()
                    || accessed(el).is_some()
                    || modified(el).is_some()
            };
            if !date_or_seen(trim(*part)) && date_or_seen(trim(joined)) {
                out.push(joined);
                i += 2;
                continue;
            }
        }
        out.push(*part);
        i += 1;
    }
    out
}

/// `Nezavisimaya Gazeta, 15 July 2001, p. 1`, `Interfax, 12 March 1999, in
/// FBIS-SOV-1999-0312, …`: a newspaper or agency report cited without a
/// title — the paper, then the day.
fn untitled_report(input: Span, mut parse: CiteParse) -> Option<CiteParse> {
    let elements = periodical_elements(input);
    let (first, second) = (trim(*elements.first()?), trim(*elements.get(1)?));
    let dated_by_day = all_of(english_date, second).is_some_and(|d| d.start.day.is_some());
    let looks_like_a_name = first.fragment().starts_with(char::is_uppercase)
        && !first.fragment().contains(['“', '"', '(']);
    if !dated_by_day || !looks_like_a_name {
        return None;
    }
    let mut facts = PeriodicalFacts::default();
    container(first, &mut facts);
    facts.elements(elements.get(1..).unwrap_or(&[]), &mut parse);
    let (mut item, locator) = facts.into_item(String::new(), None);
    item.title = None;
    item.language = Some(Language::English);
    parse.locator = locator;
    parse.parsed = Some(Parsed::Full(Arc::new(item)));
    Some(parse)
}

/// A report: issued by an institution that is also its publisher (or that
/// names none), published in a series of papers, or numbered in a series
/// an institution publishes (`SAIS Policy Forum Series, No. 11 (Baltimore:
/// The Johns Hopkins University, 2000)`); a numbered series from a press
/// (`Studies in Foreign Policy, No. 3 (Boulder: Westview Press, 1980)`)
/// is one of books.
fn is_report(item: &Item, institutional_author: bool) -> bool {
    let series_is_papers = item
        .collection_title
        .as_deref()
        .is_some_and(series_of_papers);
    let numbered_by_an_institution = item.extra().collection_number.is_some()
        && item
            .publisher
            .as_deref()
            .is_some_and(is_issuing_institution);
    let self_published = item
        .author
        .first()
        .and_then(|a| a.literal_text())
        .is_some_and(|a| item.publisher.as_deref().is_none_or(|p| p == a));
    series_is_papers || numbered_by_an_institution || (institutional_author && self_published)
}

/// A publisher that is an institution, not a book publisher: a university
/// (not its press), an institute, a centre, an agency, or an acronym
/// (`IISS`, `RAND`).
fn is_issuing_institution(publisher: &str) -> bool {
    const PRESS_WORDS: [&str; 6] = ["Press", "Publish", "Books", "Verlag", "Sons", "Company"];
    let press = publisher
        .split_whitespace()
        .any(|w| PRESS_WORDS.iter().any(|p| w.starts_with(p)));
    !press && is_institution(publisher)
}

/// Does a series name say its numbers are papers or reports? Its head
/// noun does: the last word before a connector (`Occasional Papers of the
/// Institute`, `CRS Report for Congress`) or the last word (`Adelphi
/// Paper`, `Policy Brief`). A word elsewhere says nothing:
/// `Studies in Foreign Policy` is a series of books.
fn series_of_papers(series: &str) -> bool {
    let words: Vec<&str> = series.split_whitespace().collect();
    let head_end = words
        .iter()
        .position(|w| ["in", "of", "on", "for"].contains(w))
        .unwrap_or(words.len());
    words
        .get(..head_end)
        .and_then(<[&str]>::last)
        .is_some_and(|head| {
            let head = head.trim_end_matches(['.', ',']).to_lowercase();
            let head = head.strip_suffix('s').unwrap_or(&head);
            ["paper", "report", "brief", "memorandum", "memoranda"].contains(&head)
        })
}

/// `paper presented at the Annual Meeting of the AAS, Chicago, IL, March
/// 2001` (or the same in parentheses, as Chicago writes it): the event, its
/// place and its date, then perhaps the pages cited.
fn conference_paper(after: Span, title: &str, parse: &mut CiteParse) -> Option<Item> {
    // Chicago puts the presentation in parentheses, the pages after them.
    let (inner, mut locator) = match parens(after) {
        Ok((rest, inner)) => {
            let rest = trim(rest);
            let rest = comma(rest).map_or(rest, |(r, _)| trim(r));
            if rest.fragment().is_empty() {
                (trim(inner), None)
            } else {
                let cited = all_of(english_locator, rest).or_else(|| all_of(cited_pages, rest));
                (trim(inner), Some(cited?))
            }
        }
        Err(_) => (after, None),
    };
    let text = *inner.fragment();
    let lead = [
        "paper presented at ",
        "paper delivered at ",
        "paper prepared for ",
        "presented at ",
    ]
    .iter()
    .find(|p| {
        text.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    })
    .map(|p| p.len());
    // `(IEEE International Conference on Communications, Montreal, Que.,
    // Canada, 1997)`: CSL's Chicago styles print a paper's event, place
    // and date with no words before them.
    let lead = match lead {
        Some(lead) => lead,
        None if text.len() < after.fragment().len() && names_a_meeting(text) => 0,
        None => return None,
    };
    let body = trim(slice(inner, lead, text.len()));
    let elements = periodical_elements(body);
    let (first, rest) = elements.split_first()?;
    let mut item = Item::new(ItemType::PaperConference);
    item.title = Some(title.into());
    let event = first.fragment().trim();
    let event = event.strip_prefix("the ").unwrap_or(event);
    item.extra_mut().event_title = Some(event.into());
    let mut place: Vec<&str> = Vec::new();
    for el in rest {
        let el = trim(*el);
        if let Some(date) = all_of(english_date, el) {
            item.issued = Some(date);
        } else if let Some(found) = all_of(english_locator, el) {
            locator = Some(found);
        } else if item.issued.is_none() {
            place.push(el.fragment());
        } else {
            parse.unparsed.push(span_range(&el));
        }
    }
    if !place.is_empty() {
        item.extra_mut().event_place = Some(place.join(", ").into());
    }
    item.language = Some(Language::English);
    parse.locator = locator;
    Some(item)
}

/// Does a parenthetical open with a meeting's name, and end in its date,
/// with no publisher (`Place: Publisher`)?
fn names_a_meeting(text: &str) -> bool {
    const MEETINGS: &[&str] = &[
        "conference on ",
        "conference of ",
        "international conference",
        "annual conference",
        "annual meeting",
        "symposium",
        "workshop",
        "colloquium",
        "congress on ",
        "congress of ",
    ];
    let (Some((event, _)), Some((_, date))) = (text.split_once(','), text.rsplit_once(", ")) else {
        return false;
    };
    let event = event.to_lowercase();
    !text.contains(':')
        && MEETINGS.iter().any(|m| event.contains(m))
        && all_of(english_date, Span::new(date)).is_some()
}

fn after_quoted_title(
    after: Span,
    title: String,
    creators: Option<NameList>,
    parse: CiteParse,
) -> Option<CiteParse> {
    let after = without_bracketed_translation(trim(after));
    let after = match comma(after) {
        Ok((rest, _)) => rest,
        Err(_) => after,
    };
    if let Some(parse) = recording::video(after, &title, creators.as_ref())
        .or_else(|| recording::broadcast(after, &title, creators.as_ref()))
    {
        return Some(parse);
    }
    // `“Title,” review of Book, by Author, Journal …`: the review's own
    // title, then what it reviews, then where it appeared.
    let (after, reviewed) = match review_of(after) {
        Some((rest, reviewed)) => (rest, Some(reviewed)),
        None => (after, None),
    };
    // `“Title,” interview by Bill Moyers, Paris Review 12 …`: an interview
    // published in a periodical.
    let (after, interviewer) = match unpublished::interviewer_after_title(after) {
        Some((rest, names)) => (rest, Some(names)),
        None => (after, None),
    };
    let mut parse = after_title_and_review(after, title, creators, parse)?;
    if let (Some(names), Some(Parsed::Full(item))) = (interviewer, parse.parsed.as_mut()) {
        let item = Arc::make_mut(item);
        item.item_type = ItemType::Interview;
        item.set_rare_names(names, |e| &mut e.interviewer);
    }
    if let (Some(reviewed), Some(Parsed::Full(item))) = (reviewed, parse.parsed.as_mut()) {
        let item = Arc::make_mut(item);
        if item.item_type.is_periodical_article() {
            reviewed.apply_to(item);
        }
    }
    Some(parse)
}

/// [`after_quoted_title`] past a review's `review of …` or an interview's
/// `interview by …`, if any.
fn after_title_and_review(
    after: Span,
    title: String,
    creators: Option<NameList>,
    mut parse: CiteParse,
) -> Option<CiteParse> {
    let after = without_abstract(in_special_issue(without_article_genre(after)));
    if let Some(mut item) = speech::speech(after, &title, &mut parse)
        .or_else(|| conference_paper(after, &title, &mut parse))
        .or_else(|| unpublished::archived_document(after, &title, &mut parse))
    {
        if let Some(list) = creators {
            list.apply_to(&mut item);
        }
        parse.parsed = Some(Parsed::Full(Arc::new(item)));
        return Some(parse);
    }
    // `“Von der Lebenskraft” (1796), in Gesammelte Schriften (…)`: the date
    // the piece was written, then the book it is printed in.
    let (after, written) = match parens(after) {
        Ok((rest, inner)) if rest.fragment().starts_with(", in ") => {
            match all_of(english_date, trim(inner)) {
                Some(date) => (trim(slice(rest, 2, rest.fragment().len())), Some(date)),
                None => (after, None),
            }
        }
        _ => (after, None),
    };
    if let Some(mut item) = chapter(after, title.clone(), creators.clone(), &mut parse) {
        let date = item
            .extra
            .as_deref_mut()
            .and_then(|e| e.original_date.take())
            .or(written);
        item.set_rare(date, |e| &mut e.original_date);
        item.language = Some(Language::English);
        parse.parsed = Some(Parsed::Full(Arc::new(item)));
        return Some(parse);
    }
    // `“Entry,” in APA Dictionary of Psychology, 15, accessed …, https://…`:
    // a part of a work online, with no publication parenthetical.
    let (after, within) = match after.fragment().strip_prefix("in ") {
        // (`in 2018 IEEE 15th International Conference …`: or a year.)
        Some(rest) if rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) => {
            (trim(slice(after, 3, after.fragment().len())), true)
        }
        _ => (after, false),
    };
    // `“Article,” ed. A and B, Journal 21, no. 2 …`: the issue's editors.
    let (after, issue_editors) = match english_editor_phrase(after) {
        Ok((rest, list)) => match comma(rest) {
            Ok((rest, _)) => (rest, Some(list)),
            Err(_) => (after, None),
        },
        Err(_) => (after, None),
    };
    let mut elements = join_container_commas(after, periodical_elements(after));
    // `in Proceedings of …, ed. Dario Lucarella, 1985, 34`: a book's
    // editors after its title, where no parenthetical gives its publisher.
    let book_editors = match elements.get(1).map(|e| trim(*e)) {
        Some(second) if within => all_of(english_editor_phrase, second),
        _ => None,
    };
    if book_editors.is_some() {
        elements.remove(1);
    }
    if elements.len() > 2
        && elements
            .first()
            .is_some_and(|e| is_newspaper_heading(e.fragment()))
    {
        elements.remove(0);
    }
    let first = elements.first().map(|e| trim(*e))?;
    // A periodical is never a bare number: `Surname, “Short Title,” 390`.
    let bare_page = elements.len() == 1 && all_of(bare_pages, first).is_some();
    // `“Title,” 8, accessed April 8, 2009, http://…`: a page online cited
    // by its page, when it was seen and where it is.
    let online = elements.len() > 1
        && all_of(cited_pages, first).is_some()
        && elements.iter().skip(1).all(|e| {
            let e = trim(*e);
            url(e).is_ok() || accessed(e).is_some()
        });
    if online {
        let mut facts = PeriodicalFacts {
            locator: all_of(cited_pages, first),
            ..PeriodicalFacts::default()
        };
        facts.elements(elements.get(1..).unwrap_or(&[]), &mut parse);
        let (mut item, locator) = facts.into_item(title, creators);
        item.language = Some(Language::English);
        parse.locator = locator;
        parse.parsed = Some(Parsed::Full(Arc::new(item)));
        return Some(parse);
    }
    // `Baez and Lauda, “Higher-Dimensional Algebra V,” 2004, 38–41`: a year
    // that tells two works of one author apart, then the page.
    if let [year, pages] = elements.as_slice() {
        let year_only = all_of(english_date, trim(*year))
            .is_some_and(|d| d.start.month.is_none() && d.season.is_none());
        // Surnames alone: a full citation names its authors in full.
        let surnames_only = creators.as_ref().is_some_and(|c| {
            c.names
                .iter()
                .all(|n| n.given().is_none() && !n.is_literal())
        });
        if surnames_only && year_only {
            if let Some(locator) = all_of(cited_pages, trim(*pages)) {
                parse.locator = Some(locator);
                return Some(parse.into_short(creators, Some(title)));
            }
        }
    }
    if creators.is_none() && elements.len() == 1 {
        // `“Short Title,” 66–69`: a work with no author, cited again.
        if let Some(locator) = all_of(cited_pages, first) {
            parse.locator = Some(locator);
            return Some(parse.into_short(None, Some(title)));
        }
    }
    if first.fragment().is_empty() || all_of(english_locator, first).is_some() || bare_page {
        // `Author, “Short Title,” p.8`
        let mut short = short_form(after, creators, parse)?;
        if let Some(Parsed::Short(s)) = short.parsed.as_mut() {
            s.title = Some(title);
        }
        return Some(short);
    }
    // `“Title,” Seminar Papers 2001, SBLSP 40 (Atlanta: SBL, 2001), 1–18`:
    // a paper in a book named without `in`, the book in a series.
    if let [book, series_el, ..] = elements.as_slice() {
        let book = trim(*book);
        if let Some((at, rest, publication)) = find_publication(trim(*series_el))
            .filter(|(_, _, p)| p.publisher.is_some() && p.date.is_some())
        {
            let series_text = series_el.fragment().trim().get(..at).unwrap_or("").trim();
            let series = abbreviated_series(series_text)
                .map(|(s, n)| (s.to_string(), n.map(str::to_string)))
                .or_else(|| {
                    series_with_number(trim(slice(*series_el, 0, at))).map(|(s, n)| (s, Some(n)))
                });
            let named = book.fragment().starts_with(char::is_uppercase)
                && book.fragment().split_whitespace().count() >= 2
                && all_of(english_date, book).is_none();
            if let Some((series, number)) = series.filter(|_| named) {
                let mut item = Item::new(ItemType::Chapter);
                item.title = Some(title.into());
                if let Some(list) = creators {
                    list.apply_to(&mut item);
                }
                item.container_title = Some((*book.fragment()).into());
                item.collection_title = Some(series.into());
                item.set_rare(number.map(Into::into), |e| &mut e.collection_number);
                apply_publication(&mut item, publication);
                return Some(finish_after_publication(item, after, rest, parse));
            }
        }
    }
    // `“Title,” Working Paper, NBER Working Papers (NBER, 2018), 93`: a
    // report's genre, then its series and publication (CSL's Chicago
    // styles print `genre, collection-title`).
    if let [genre, series_el, ..] = elements.as_slice() {
        let genre = trim(*genre);
        let a_genre = series_of_papers(genre.fragment())
            && genre.fragment().split_whitespace().count() <= 4
            && !genre.fragment().contains(|c: char| c.is_ascii_digit());
        if let Some((at, rest, publication)) =
            find_publication(trim(*series_el)).filter(|(_, _, p)| p.publisher.is_some() && a_genre)
        {
            let series = series_el.fragment().trim().get(..at).unwrap_or("").trim();
            let mut item = Item::new(ItemType::Report);
            item.title = Some(title.into());
            if let Some(list) = creators {
                list.apply_to(&mut item);
            }
            item.genre = Some((*genre.fragment()).into());
            if !series.is_empty() {
                item.collection_title = Some(series.into());
            }
            apply_publication(&mut item, publication);
            return Some(finish_after_publication(item, after, rest, parse));
        }
    }
    // `“Title,” Series Name (Place: Publisher, Year)`: a paper in a series.
    // `Journal 97 (2002): 10` is a periodical: its parenthetical holds only
    // the date. `“Title” (PhD thesis, 2000)`: a thesis may name no school.
    // `“Title,” vol. 3355, Proc. SPIE (…)`: the volume in the series may
    // stand in an element of its own before it.
    let volume_apart = all_of(volume, first).and_then(|v| {
        let next = trim(*elements.get(1)?);
        Some((v, next, find_publication(next)?))
    });
    let (series_volume, series_el, found) = match volume_apart {
        Some((v, next, found)) => (Some(v), next, Some(found)),
        None => (None, first, find_publication(first)),
    };
    if let Some((at, rest, publication)) =
        found.filter(|(_, _, p)| p.publisher.is_some() || p.place.is_some() || p.genre.is_some())
    {
        let mut item = Item::new(ItemType::Report);
        item.title = Some(title.into());
        if let Some(list) = creators {
            list.apply_to(&mut item);
        }
        let series_span = trim(slice(series_el, 0, at));
        // `“Chapter,” vol. 3 (London: …)`: a volume of the book, not a series.
        let (series, book_volume) = match all_of(volume, series_span) {
            Some(v) => (String::new(), Some(v)),
            None => (series_span.fragment().to_string(), series_volume),
        };
        if book_volume.is_some() {
            item.volume = book_volume.map(Into::into);
            item.item_type = ItemType::Chapter;
        }
        // `“Title,” ed. A and B, Series (…)`: a contribution to a book its
        // editors made, whose title the note leaves to the series.
        if let Some(list) = issue_editors {
            item.editor = list.names;
            item.item_type = ItemType::Chapter;
        }
        if is_proceedings(&series) {
            item.item_type = ItemType::PaperConference;
        }
        // `“Post” (Facebook, April 22, 2015)`: a site and a day, with no
        // place, is a page online, not a paper in a series.
        let posted = publication.place.is_none()
            && publication
                .date
                .as_ref()
                .is_some_and(|d| d.start.day.is_some());
        if !series.is_empty() {
            item.collection_title = Some(series.into());
        }
        apply_publication(&mut item, publication);
        if posted && item.item_type == ItemType::Report {
            item.item_type = ItemType::Webpage;
        }
        return Some(finish_after_publication(item, after, rest, parse));
    }
    let mut facts = PeriodicalFacts::default();
    // `“Title,” May 3, 2004, 7, https://…`: a page online names no
    // container before its date.
    let starts_with_date = all_of(english_date, first).is_some()
        || url(first).is_ok()
        || undated(first).is_some_and(|date| date.is_none());
    let details = if starts_with_date {
        &elements[..]
    } else {
        if !facts.container_with_volume(first, &mut parse)
            && !facts.container_with_date(first, &mut parse)
        {
            container(first, &mut facts);
        }
        elements.get(1..).unwrap_or(&[])
    };
    facts.elements(details, &mut parse);
    let (mut item, locator) = facts.into_item(title, creators);
    if let Some(list) = issue_editors {
        list.apply_to(&mut item);
    }
    if within && item.volume.is_none() && item.issue.is_none() {
        item.item_type = if item.container_title.as_deref().is_some_and(is_proceedings) {
            ItemType::PaperConference
        } else {
            ItemType::Chapter
        };
    }
    if let Some(list) = book_editors {
        item.editor = list.names;
    }
    item.language = Some(Language::English);
    parse.locator = locator;
    parse.parsed = Some(Parsed::Full(Arc::new(item)));
    Some(parse)
}

/// Are at least half the words capitalised or numbers, as in a title
/// (`Essays on the Morality of Good Design`), not a sentence of prose?
fn title_cased(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
        .count();
    !words.is_empty() && capitalised * 2 >= words.len()
}

/// `Author, Short Title, p.8`, `Author, op. cit., p.8`, `Short Title, p.8`.
fn short_form(input: Span, creators: Option<NameList>, mut parse: CiteParse) -> Option<CiteParse> {
    // `Nussbaum, Aristotle’s “De Motu Animalium,” 83`: the comma before the
    // page stands inside the closing quote.
    if let Some(title_end) = input.fragment().rfind(",” ").map(|at| at + ",”".len()) {
        let pages = trim(slice(input, title_end, input.fragment().len()));
        if let Some(locator) = all_of(cited_pages, pages).filter(|_| creators.is_some()) {
            parse.locator = Some(locator);
            return short_form(slice(input, 0, title_end), creators, parse);
        }
    }
    let mut parts = split_top_level(input, |c| c == ',');
    // `Wright, David, ch. 5, “Evidence from Qumran.”`: the chapter cited,
    // then its title.
    if let [.., chapter, title] = parts.as_slice() {
        let cited_chapter = all_of(english_locator, trim(*chapter))
            .is_some_and(|l| l.label == LocatorLabel::Chapter);
        if cited_chapter && is_quoted(title.fragment().trim()) {
            parts.pop();
        }
    }
    // `Gibbon, Decline, 45, n. 3`, `…, 45, table 3`: a page and what on it
    // is cited, split at the comma.
    if let [.., page, on_page] = parts.as_slice() {
        // (The two are the input's last parts: they run to its end.)
        let from = page.location_offset() - input.location_offset();
        let locator = all_of(unlabelled_pages, trim(slice(input, from, usize::MAX)))
            .filter(|_| parts.len() >= 3 && all_of(bare_pages, trim(*on_page)).is_none());
        if locator.is_some() && parse.locator.is_none() {
            parse.locator = locator;
            parts.pop();
            parts.pop();
        }
    }
    if let Some(last) = parts
        .last()
        .map(|p| trim(*p))
        .filter(|_| parse.locator.is_none())
    {
        // `p. 8`, or Chicago's bare `8` (or `61:14`) after an author's
        // short title, or after a title of two words or more
        // (`Chicago Manual of Style, 95`).
        let titled = parts.len() >= 2
            && parts
                .first()
                .is_some_and(|t| t.fragment().split_whitespace().count() >= 2);
        let locator = all_of(english_locator, last)
            .or_else(|| all_of(cited_pages, last).filter(|_| creators.is_some() || titled));
        if let Some(mut locator) = locator {
            parts.pop();
            // `Turabian, A Manual, 303, 416`: every page of a list.
            let mut earlier: Vec<String> = Vec::new();
            // A list of pages ascends: `Fogel, The Escape from Hunger,
            // 1700–2100, 93` ends its title with years.
            let first_page = |value: &str| -> Option<u64> {
                let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
                digits.parse().ok()
            };
            let mut next_page = first_page(&locator.value);
            while parts.len() > 1 || parts.len() == 1 && creators.is_some() {
                // `Kullback, Information Theory, 1997, 86`: a year is not a page.
                let page = parts
                    .last()
                    .map(|p| trim(*p))
                    .filter(|p| all_of(english_date, *p).is_none())
                    .and_then(|p| all_of(bare_pages, p))
                    .filter(|p| match (first_page(&p.value), next_page) {
                        (Some(page), Some(next)) => page < next,
                        _ => true,
                    });
                match page {
                    Some(page) => {
                        next_page = first_page(&page.value);
                        earlier.push(page.value);
                        parts.pop();
                    }
                    None => break,
                }
            }
            if !earlier.is_empty() {
                earlier.reverse();
                earlier.push(locator.value);
                locator.value = earlier.join(", ");
            }
            parse.locator = Some(locator);
        }
    }
    // `Kullback, Information Theory, 1997, 86`: a year that tells two
    // editions or two works of one author apart.
    if parts.len() >= 2
        && parts
            .last()
            .is_some_and(|p| all_of(english_date, trim(*p)).is_some())
    {
        parts.pop();
    }
    // `Gibbon, Decline and Fall, vol. 2, 45`: the volume of the pages cited.
    if let Some(locator) = parse.locator.as_mut().filter(|l| l.volume.is_none()) {
        let cited_volume = parts
            .last()
            .filter(|_| parts.len() >= 2)
            .and_then(|p| all_of(volume, trim(*p)));
        if let Some(v) = cited_volume {
            locator.volume = Some(v);
            parts.pop();
        }
    }
    let end = parts
        .last()
        .map_or(0, |p| p.location_offset() + p.fragment().len());
    let title_span = trim(slice(input, 0, end.saturating_sub(input.location_offset())));
    let title_text = title_span.fragment().trim_end_matches(',').trim();
    let lower = title_text.to_lowercase();
    let title = if title_text.is_empty()
        || lower == "op. cit."
        || lower == "op cit"
        || lower == "loc. cit."
    {
        None
    } else {
        Some(title_text.to_string())
    };
    if creators.is_none() && (title.is_none() || parse.locator.is_none()) {
        return None;
    }
    // A short title is a few words; a long unbroken clause, or one with a
    // sentence's end in it (`390. To add subheadings …`), is prose.
    let holds_a_sentence_end = |t: &str| {
        t.match_indices(". ").any(|(i, _)| {
            let after = t.get(i + 2..).unwrap_or("");
            let before = t.get(..i).unwrap_or("");
            // `Mass. Records`: a capitalised abbreviation opening a short
            // title is no sentence's end.
            let abbreviation = before.split_whitespace().count() == 1
                && before.starts_with(char::is_uppercase)
                && before.chars().all(char::is_alphabetic);
            // `Nolf, Handbook of Paleoichthyology. Otolithi Piscium, 91`: a
            // title's part in title case before the page cited is no
            // sentence.
            let next = after.split(". ").next().unwrap_or("");
            let titled_part = parse.locator.is_some() && creators.is_some() && title_cased(next);
            after.starts_with(char::is_uppercase)
                && before.ends_with(|c: char| c.is_ascii_digit() || c.is_lowercase())
                && !before.ends_with(" ed")
                && !abbreviation
                && !titled_part
        })
    };
    if title.as_deref().is_some_and(|t| {
        t.split_whitespace().count() > 20
            || is_institution(t) && creators.is_none() && parse.locator.is_none()
            || holds_a_sentence_end(t)
    }) {
        return None;
    }
    Some(parse.into_short(creators, title))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::ShortForm;
    use crate::model::Season;

    fn full(text: &str) -> (Item, Option<Locator>) {
        let parse = citation(Span::new(text)).unwrap_or_else(|| panic!("no parse: {text}"));
        assert!(
            parse.unparsed.is_empty(),
            "unparsed in {text}: {:?}",
            parse.unparsed
        );
        match parse.parsed {
            Some(Parsed::Full(item)) => (Arc::unwrap_or_clone(item), parse.locator),
            other => panic!("not a full citation: {other:?}"),
        }
    }

    fn families(names: &[crate::model::Name]) -> Vec<&str> {
        names
            .iter()
            .map(|n| n.family().or(n.literal_text()).unwrap_or(""))
            .collect()
    }

    /// A roman numeral after the publication is MHRA's volume only when
    /// pages follow it; alone at the end it is the page cited.
    #[test]
    fn a_roman_numeral_after_the_publication() {
        let (item, loc) =
            full("Jan Nowak, Model Checking (Berlin: de Gruyter, 1968), v, 1–163 (p. 12)");
        assert_eq!(item.volume.as_deref(), Some("5"));
        assert_eq!(item.page.as_deref(), Some("1-163"));
        assert_eq!(loc.map(|l| l.value), Some("12".to_string()));
        let (item, loc) = full("Jan Nowak, Model Checking (Berlin: de Gruyter, 1968), xii");
        assert_eq!(item.volume, None);
        assert_eq!(loc.map(|l| l.value), Some("xii".to_string()));
        // With the volume named before the publication, a roman numeral
        // after it is a page cited, and the pages after it join the list.
        let (item, loc) =
            full("Jan Nowak, Model Checking, vol. 2 (Berlin: de Gruyter, 1968), xii, 4");
        assert_eq!(item.volume.as_deref(), Some("2"));
        assert_eq!(loc.map(|l| l.value), Some("xii, 4".to_string()));
    }

    #[test]
    fn a_slashed_pair_is_volume_and_issue_or_after_a_volume_a_double_issue() {
        for text in [
            "Jan Nowak, “A Title,” Journal of Things, 39/3 (1973): 45",
            "Jan Nowak, “A Title,” Journal of Things 39/3 (1973): 45",
        ] {
            let (item, _) = full(text);
            assert_eq!(item.container_title.as_deref(), Some("Journal of Things"));
            assert_eq!(item.volume.as_deref(), Some("39"));
            assert_eq!(item.issue.as_deref(), Some("3"));
        }
        let (item, loc) = full("Jan Nowak, “A Title,” Journal of Things 39, 3/4 (1973): 45");
        assert_eq!(item.volume.as_deref(), Some("39"));
        assert_eq!(item.issue.as_deref(), Some("3/4"));
        assert_eq!(item.issued.map(|d| d.start.year), Some(1973));
        assert_eq!(loc.map(|l| l.value), Some("45".to_string()));
        // With its issue already named, a slashed pair does not replace it.
        let parse = citation(Span::new(
            "Jan Nowak, “A Title,” Journal of Things 39, no. 2, 3/4 (1973): 45",
        ));
        let issue = match parse.and_then(|p| p.parsed) {
            Some(Parsed::Full(item)) => item.issue.clone(),
            other => panic!("{other:?}"),
        };
        assert!(
            issue.as_deref().is_some_and(|i| i.starts_with('2')),
            "{issue:?}"
        );
    }

    #[test]
    fn a_series_and_its_number_after_the_title() {
        let (item, _) = full("Jan Nowak, Model Checking, Lecture Notes in Computer Science 10426 (Cham: Springer, 2017), 4");
        assert_eq!(item.title.as_deref(), Some("Model Checking"));
        assert_eq!(
            item.collection_title.as_deref(),
            Some("Lecture Notes in Computer Science")
        );
        assert_eq!(item.extra().collection_number.as_deref(), Some("10426"));
        // After the edition, any element ending in a number names the
        // series and its number, even a number that could be a year.
        let (item, _) = full("Jan Nowak, Model Checking, 2nd ed., Synthese Library 1999 (Dordrecht: Reidel, 1980), 4");
        assert_eq!(item.collection_title.as_deref(), Some("Synthese Library"));
        assert_eq!(item.extra().collection_number.as_deref(), Some("1999"));
    }

    #[test]
    fn a_page_online_cited_by_its_page() {
        let (item, loc) =
            full("Jan Nowak, “A Page,” 8, accessed April 8, 2009, http://example.org/a");
        assert_eq!(item.item_type, ItemType::Webpage);
        assert_eq!(item.url.as_deref(), Some("http://example.org/a"));
        assert_eq!(loc.map(|l| l.value), Some("8".to_string()));
    }

    #[test]
    fn unlabelled_page_lists_and_notes_are_cited() {
        let (_, loc) = full("Jan Nowak, Model Checking (Berlin: de Gruyter, 1968), 4, 6");
        assert_eq!(loc.map(|l| l.value), Some("4, 6".to_string()));
        let (_, loc) = full("Jan Nowak, Model Checking (Berlin: de Gruyter, 1968), 4, n. 2");
        assert_eq!(loc.map(|l| l.value), Some("4n2".to_string()));
        let (_, loc) = full("Jan Nowak, “A Title,” Journal of Things 12, no. 3 (1990): 45 n. 7");
        assert_eq!(loc.map(|l| l.value), Some("45n7".to_string()));
    }

    #[test]
    fn conference_papers_with_and_without_parentheses() {
        let (item, _) = full("Ken Allen, “PLA Air Force Operations,” paper presented at the Conference on the PLA, Washington, D.C., June 2001");
        assert_eq!(item.item_type, ItemType::PaperConference);
        assert_eq!(item.title.as_deref(), Some("PLA Air Force Operations"));
        assert_eq!(
            item.extra().event_title.as_deref(),
            Some("Conference on the PLA")
        );
        assert_eq!(
            item.extra().event_place.as_deref(),
            Some("Washington, D.C.")
        );
        assert_eq!(
            item.issued,
            Some(Date::single(crate::model::DatePart::month(2001, 6)))
        );
        assert_eq!(families(&item.author), ["Allen"]);
        let (item, loc) = full("Lowell Dittmer, “China and Russia,” (paper presented at the Annual Meeting of the American Political Science Association, Boston, MA, August 29, 2002), p. 4");
        assert_eq!(item.item_type, ItemType::PaperConference);
        assert_eq!(
            item.extra().event_title.as_deref(),
            Some("Annual Meeting of the American Political Science Association")
        );
        assert_eq!(item.extra().event_place.as_deref(), Some("Boston, MA"));
        assert_eq!(
            item.issued,
            Some(Date::single(crate::model::DatePart::day(2002, 8, 29)))
        );
        assert_eq!(loc.map(|l| l.value), Some("4".to_string()));
        // CSL's Chicago styles: the event, its place and date, no words.
        let (item, loc) = full("S. G. Finn, “A Novel Approach to Protection Switching” (IEEE international conference on communications, Montreal, Que., Canada, 1997), 43");
        assert_eq!(item.item_type, ItemType::PaperConference);
        assert_eq!(
            item.extra().event_title.as_deref(),
            Some("IEEE international conference on communications")
        );
        assert_eq!(
            item.extra().event_place.as_deref(),
            Some("Montreal, Que., Canada")
        );
        assert_eq!(item.issued.map(|d| d.year()), Some(1997));
        assert_eq!(loc.map(|l| l.value), Some("43".to_string()));
        // A report of a body whose name has no meeting in it stays one.
        let (item, _) = full("Jane Roe, “Outlook” (Conference Board, New York, 1997), 4");
        assert_ne!(item.item_type, ItemType::PaperConference);
    }

    #[test]
    fn short_forms_with_a_bare_page_number() {
        let parse = citation(Span::new("Kuchins, “Russia and China,” 325")).unwrap();
        match parse.parsed.and_then(Parsed::into_short) {
            Some(ShortForm {
                title, creators, ..
            }) => {
                assert_eq!(title.as_deref(), Some("Russia and China"));
                assert_eq!(families(&creators), ["Kuchins"]);
            }
            other => panic!("not a short form: {other:?}"),
        }
        assert_eq!(parse.locator.map(|l| l.value), Some("325".to_string()));
        let parse = citation(Span::new("Sutter, Chinese Foreign Relations, 145-46")).unwrap();
        match parse.parsed.and_then(Parsed::into_short) {
            Some(ShortForm { title, .. }) => {
                assert_eq!(title.as_deref(), Some("Chinese Foreign Relations"))
            }
            other => panic!("not a short form: {other:?}"),
        }
        assert_eq!(parse.locator.map(|l| l.value), Some("145-46".to_string()));
    }

    #[test]
    fn co_publishers_each_with_their_place() {
        let (item, loc) = full("Bobo Lo, Axis of Convenience (Washington, DC: Brookings Institution Press; London: Chatham House, 2008), 30");
        assert_eq!(
            item.publisher_place.as_deref(),
            Some("Washington, DC; London")
        );
        assert_eq!(
            item.publisher.as_deref(),
            Some("Brookings Institution Press; Chatham House")
        );
        assert_eq!(item.issued.map(|d| d.year()), Some(2008));
        assert_eq!(loc.map(|l| l.value), Some("30".to_string()));
    }

    #[test]
    fn newspapers_dated_in_us_order() {
        // The comma of `March 3, 2001` does not split the date.
        let (item, loc) =
            full("“Russia, China Sign Arms Deal,” The New York Times, March 3, 2001, p. A8");
        assert_eq!(item.item_type, ItemType::ArticleNewspaper);
        assert_eq!(item.container_title.as_deref(), Some("The New York Times"));
        assert_eq!(
            item.issued,
            Some(Date::single(crate::model::DatePart::day(2001, 3, 3)))
        );
        assert_eq!(loc.map(|l| l.value), Some("A8".to_string()));
        // An untitled report too.
        let (item, _) = full("Nezavisimaya Gazeta, July 15, 2001, p. 1");
        assert_eq!(item.container_title.as_deref(), Some("Nezavisimaya Gazeta"));
        assert_eq!(
            item.issued,
            Some(Date::single(crate::model::DatePart::day(2001, 7, 15)))
        );
    }

    #[test]
    fn series_numbers_give_an_issue_label_form_only_when_labelled() {
        let forms = |text: &str| {
            let parse = citation(Span::new(text)).unwrap_or_else(|| panic!("no parse: {text}"));
            parse
                .forms
                .iter()
                .filter(|f| f.convention == "issue-label")
                .map(|f| text.get(f.range.clone()).unwrap_or("").to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            forms("Jennifer Anderson, The Limits of Partnership, Adelphi Paper 315 (London: IISS, 1997), p. 23."),
            Vec::<String>::new()
        );
        assert_eq!(
            forms("Bates Gill and Taeho Kim, China’s Arms Acquisitions, SIPRI Research Report No. 11 (Oxford: Oxford University Press, 1995), p. 45."),
            ["No. 11"]
        );
    }

    #[test]
    fn ibid_with_and_without_pages() {
        assert_eq!(all_of(ibid, Span::new("Ibid.")), Some(None));
        let loc = all_of(ibid, Span::new("Ibid., p.45")).flatten().unwrap();
        assert_eq!((loc.label, loc.value.as_str()), (LocatorLabel::Page, "45"));
        assert_eq!(
            all_of(ibid, Span::new("ibid, 12-14"))
                .flatten()
                .unwrap()
                .value,
            "12-14"
        );
        let value = |t: &str| all_of(ibid, Span::new(t)).flatten().map(|l| l.value);
        assert_eq!(value("Ibid., 45, 47").as_deref(), Some("45, 47"));
        assert_eq!(value("Ibid., 45 n. 3").as_deref(), Some("45n3"));
        assert!(all_of(ibid, Span::new("Ibidem")).is_some());
        assert!(ibid(Span::new("Ibsen")).is_err());
        // The leaves of an archive's file, not the roman page `l`.
        let loc = all_of(ibid, Span::new("Ibid., l. 7")).flatten().unwrap();
        assert_eq!((loc.label, loc.value.as_str()), (LocatorLabel::Folio, "7"));
        let loc = all_of(ibid, Span::new("Ibid., l")).flatten().unwrap();
        assert_eq!((loc.label, loc.value.as_str()), (LocatorLabel::Page, "l"));
    }

    #[test]
    fn quoted_titles_keep_question_marks_and_drop_commas() {
        let (rest, title) =
            quoted_title(Span::new("“Partnership or Cold Peace?” Foreign Policy")).unwrap();
        assert_eq!(title, "Partnership or Cold Peace?");
        assert_eq!(*rest.fragment(), " Foreign Policy");
        let (_, title) = quoted_title(Span::new("“The ‘China Threat’ Issue,” X")).unwrap();
        assert_eq!(title, "The ‘China Threat’ Issue");
        assert!(quoted_title(Span::new("“unclosed")).is_err());
        let (rest, title) = quoted_title(Span::new(
            "‘Comments on “Sultanism”: Max Weber’s Typification’, Journal",
        ))
        .unwrap();
        assert_eq!(title, "Comments on “Sultanism”: Max Weber’s Typification");
        assert_eq!(*rest.fragment(), ", Journal");
        assert!(quoted_title(Span::new("‘It’s unclosed")).is_err());
    }

    #[test]
    fn bracketed_publication_facts_only_when_complete() {
        let text = "Jane Roe, Moabite Texts [Chicago: Example Press, 1999], 12";
        let (at, rest, p) = find_publication(Span::new(text)).unwrap();
        assert_eq!(at, text.find('[').unwrap());
        assert_eq!(*rest.fragment(), ", 12");
        assert_eq!(p.place.as_deref(), Some("Chicago"));
        assert_eq!(p.publisher.as_deref(), Some("Example Press"));
        assert_eq!(p.date.map(|d| d.start.year), Some(1999));
        // Dates, translated titles and places alone in brackets are not.
        for text in [
            "Jane Roe, Moabite Texts [ca. 1905], 12",
            "Jane Roe, Moskva [Moscow: A City], 12",
            "Jane Roe, Moabite Texts [Chicago, 1999], 12",
            "Jane Roe, Moabite Texts [Chicago: Example Press], 12",
        ] {
            assert!(find_publication(Span::new(text)).is_none(), "{text}");
        }
    }

    #[test]
    fn publication_parentheticals() {
        let p = all_of(
            publication_paren,
            Span::new("(Carlisle, PA: Strategic Studies Institute, US Army War College, 2000)"),
        )
        .unwrap();
        assert_eq!(p.place.as_deref(), Some("Carlisle, PA"));
        assert_eq!(
            p.publisher.as_deref(),
            Some("Strategic Studies Institute, US Army War College")
        );
        assert_eq!(p.date.map(|d| d.year()), Some(2000));
        let p = all_of(
            publication_paren,
            Span::new("(Ph.D. dissertation, Columbia University, 1992)"),
        )
        .unwrap();
        assert_eq!(p.genre.as_deref(), Some("Ph.D. dissertation"));
        assert_eq!(p.publisher.as_deref(), Some("Columbia University"));
        let p = all_of(
            publication_paren,
            Span::new("(2nd ed., New York: Norton, 2000)"),
        )
        .unwrap();
        assert_eq!(p.edition.as_deref(), Some("2"));
        assert_eq!(p.place.as_deref(), Some("New York"));
        assert!(all_of(publication_paren, Span::new("(Moscow)")).is_none());
        assert!(all_of(publication_paren, Span::new("(eds)")).is_none());
    }

    #[test]
    fn a_town_with_its_country_or_after_a_meeting_is_a_place() {
        let (item, _) = full("Brasil, “Relatório de Atividades” (Brasília, DF, 1993), 42–45");
        assert_eq!(item.publisher_place.as_deref(), Some("Brasília, DF"));
        let (item, _) = full("M. Wegmuller, “High Resolution Measurements,” in Proc. ECOC’00 (Munich, Germany, 2000), 66–69");
        assert_eq!(item.publisher_place.as_deref(), Some("Munich, Germany"));
        assert_eq!(item.publisher, None);
        let (item, _) = full("Bob Smith, ed., What a Cool Booktitle! (Cool titles conf., Amsterdam: Rodopi, 2009), 12");
        assert_eq!(item.publisher_place.as_deref(), Some("Amsterdam"));
        let (item, _) = full("Jane Roe, A Book (London, Ontario: Insight, 2009), 12");
        assert_eq!(item.publisher_place.as_deref(), Some("London, Ontario"));
        let (item, _) = full("Jane Roe, Anais (Congresso brasileiro de ciência do solo, Rio de Janeiro: SBCS, 1997), 12");
        assert_eq!(item.publisher_place.as_deref(), Some("Rio de Janeiro"));
        let (item, _) = full("Jane Roe, A Book (Upper Saddle River, NJ: Prentice Hall, 2009), 12");
        assert_eq!(
            item.publisher_place.as_deref(),
            Some("Upper Saddle River, NJ")
        );
        let (item, _) = full("Jane Roe, A Book (Springer, Berlin, 2009), 12");
        assert_eq!(item.publisher_place, None);
    }

    #[test]
    fn a_town_with_its_state_is_a_place_however_small() {
        for (written, place) in [
            ("(Rockville, MD, 1992)", "Rockville, MD"),
            ("(Washington, DC, February 1992)", "Washington, DC"),
            (
                "(Lebanon, NH; Rockville, MD, 1992)",
                "Lebanon, NH; Rockville, MD",
            ),
        ] {
            let p = all_of(publication_paren, Span::new(written)).unwrap();
            assert_eq!(p.place.as_deref(), Some(place), "{written}");
            assert_eq!(p.publisher, None, "{written}");
        }
        // A town of another state, or a body with initials, stays a publisher.
        for (written, publisher) in [
            ("(Rockville, WY, 1992)", "Rockville, WY"),
            ("(Acme Press, NY, 1992)", "Acme Press, NY"),
        ] {
            let p = all_of(publication_paren, Span::new(written)).unwrap();
            assert_eq!(p.publisher.as_deref(), Some(publisher), "{written}");
        }
    }

    #[test]
    fn chapter_in_edited_book() {
        let (item, loc) = full("Allen Lynch, “Changing Views,” in Frederic J. Fleron, Jr., Erik P. Hoffmann and Robbin F. Laird (eds), Soviet Foreign Policy (New York: Walter de Gruyter Inc., 1991), p.388 and pp. 394-400");
        assert_eq!(item.item_type, ItemType::Chapter);
        assert_eq!(families(&item.editor), ["Fleron", "Hoffmann", "Laird"]);
        assert_eq!(item.editor[0].suffix(), Some("Jr."));
        assert_eq!(
            item.container_title.as_deref(),
            Some("Soviet Foreign Policy")
        );
        assert_eq!(loc.unwrap().value, "388, 394-400");
    }

    #[test]
    fn chapter_with_editor_after_the_book_title() {
        let (item, _) = full("Jane Roe, “A Chapter,” in The Big Book, ed. John Smith and Ann Lee (Boston: Beacon Press, 1999), 45-50");
        assert_eq!(item.item_type, ItemType::Chapter);
        assert_eq!(item.container_title.as_deref(), Some("The Big Book"));
        assert_eq!(families(&item.editor), ["Smith", "Lee"]);
    }

    #[test]
    fn book_with_three_authors() {
        let (item, loc) = full("John A. Smith, Mary Jones and Peter Brown, The Title of a Book (Boston: Beacon Press, 1999), pp. 3-5");
        assert_eq!(item.item_type, ItemType::Book);
        assert_eq!(families(&item.author), ["Smith", "Jones", "Brown"]);
        assert_eq!(item.title.as_deref(), Some("The Title of a Book"));
        assert_eq!(loc.unwrap().value, "3-5");
    }

    /// `vol. 2, p. 45` after the publication: the pages of the volume
    /// cited, as Chicago's `2:45` gives them; a volume cited alone.
    #[test]
    fn the_volume_cited_after_the_publication() {
        let cited = |text: &str| {
            let (item, parse) = full_parse(text);
            assert!(parse.unparsed.is_empty(), "{text}: {:?}", parse.unparsed);
            assert_eq!(item.volume, None, "{text}");
            parse.locator.map(|l| (l.label, l.value, l.volume))
        };
        let of_volume = |pages: &str| Some((LocatorLabel::Page, pages.into(), Some("2".into())));
        let book = "John Smith, The Long Title (New York: Norton, 1998)";
        assert_eq!(cited(&format!("{book}, vol. 2, p. 45")), of_volume("45"));
        assert_eq!(
            cited(&format!("{book}, Vol. 2, pp. 45–47")),
            of_volume("45-47")
        );
        assert_eq!(cited(&format!("{book}, 2:45")), of_volume("45"));
        assert_eq!(
            cited(&format!("{book}, vol. 2")),
            Some((LocatorLabel::Volume, "2".into(), None))
        );
        // Pages before a volume, or two volumes, are not a form Chicago has.
        for odd in ["p. 45, vol. 2", "vol. 2, vol. 3, p. 4"] {
            let (_, parse) = full_parse(&format!("{book}, {odd}"));
            assert!(!parse.unparsed.is_empty(), "{odd}");
        }
    }

    #[test]
    fn book_with_et_al_translator_and_edition() {
        let (item, _) = full("John Smith et al., Arms and Men (London: Verso, 2001), p. 9");
        assert_eq!(families(&item.author), ["Smith"]);
        let (item, _) = full("Leo Tolstoy, War and Peace, trans. Louise Maude (Oxford: Oxford University Press, 1998), p. 5");
        assert_eq!(item.title.as_deref(), Some("War and Peace"));
        assert_eq!(families(&item.extra().translator), ["Maude"]);
        let (item, _) = full("Samuel P. Huntington, Political Order, 2nd ed. (New Haven, CT: Yale University Press, 1996), p. 12");
        assert_eq!(item.extra().edition.as_deref(), Some("2"));
        assert_eq!(item.title.as_deref(), Some("Political Order"));
    }

    #[test]
    fn thesis() {
        let (item, loc) = full("Jane Doe, “Soviet Arms Transfers to China” (Ph.D. dissertation, Columbia University, 1992), p. 45");
        assert_eq!(item.item_type, ItemType::Thesis);
        assert_eq!(item.genre.as_deref(), Some("Ph.D. dissertation"));
        assert_eq!(item.publisher.as_deref(), Some("Columbia University"));
        assert_eq!(loc.unwrap().value, "45");
    }

    #[test]
    fn journal_articles_in_several_forms() {
        let (item, loc) = full("Andrei Kozyrev, “Partnership or Cold Peace?” Foreign Policy, No. 99 (Summer 1995), p.11");
        assert_eq!(item.item_type, ItemType::ArticleJournal);
        assert_eq!(item.issue.as_deref(), Some("99"));
        assert_eq!(
            item.issued.as_ref().and_then(|d| d.season),
            Some(Season::Summer)
        );
        assert_eq!(loc.unwrap().value, "11");
        let (item, _) =
            full("Sergei Rogov, “Russia,” International Affairs (Moscow), 7 (1995), p.7");
        assert_eq!(item.volume.as_deref(), Some("7"));
        assert_eq!(item.publisher_place.as_deref(), Some("Moscow"));
        assert_eq!(
            item.container_title.as_deref(),
            Some("International Affairs")
        );
        let (item, _) = full("Ikuo Kayahara, “China,” Japan Review of International Affairs, Vol. 12, No. 1, Spring 1998, pp.49-68");
        assert_eq!(
            (item.volume.as_deref(), item.issue.as_deref()),
            (Some("12"), Some("1"))
        );
        let (item, loc) = full("Joseph Nye, “China,” Foreign Affairs 74, no. 6 (1995): 45-60");
        assert_eq!(item.container_title.as_deref(), Some("Foreign Affairs"));
        assert_eq!(
            (item.volume.as_deref(), item.issue.as_deref()),
            (Some("74"), Some("6"))
        );
        assert_eq!(loc.unwrap().value, "45-60");
    }

    #[test]
    fn reprinted_wire_reports() {
        let (item, loc) = full("“Glukhikh Reports,” ITAR-TASS, 7 December 1993, in SWB, SU/1871, 14 December 1993, p.S1/2");
        assert_eq!(item.item_type, ItemType::ArticleNewspaper);
        assert_eq!(
            item.extra().original_publisher.as_deref(),
            Some("ITAR-TASS")
        );
        assert_eq!(item.container_title.as_deref(), Some("SWB"));
        assert_eq!(item.issue.as_deref(), Some("SU/1871"));
        assert_eq!(item.issued.as_ref().and_then(|d| d.start.day), Some(14));
        assert_eq!(
            item.extra()
                .original_date
                .as_ref()
                .and_then(|d| d.start.day),
            Some(7)
        );
        assert_eq!(loc.unwrap().value, "S1/2");
        let (item, _) = full("Vladimir Skosyrev, “Asia Scared,” Izvestiya, 9 November 1993, FBIS-SOV-93-216, 10 November 1993, p.3");
        assert_eq!(
            item.extra().original_publisher.as_deref(),
            Some("Izvestiya")
        );
        assert_eq!(item.container_title.as_deref(), Some("FBIS-SOV"));
        assert_eq!(item.issue.as_deref(), Some("93-216"));
    }

    #[test]
    fn newspapers_and_weeklies() {
        let (item, loc) = full("David Hoffman, “China’s Jiang, in Moscow, Seeks to Strengthen Ties,” The Washington Post,  23 April 1997, p.A24");
        assert_eq!(item.item_type, ItemType::ArticleNewspaper);
        assert_eq!(
            item.title.as_deref(),
            Some("China’s Jiang, in Moscow, Seeks to Strengthen Ties")
        );
        assert_eq!(loc.unwrap().value, "A24");
        let (item, _) = full("Li Peng, “Report on the Work of the Government,” Beijing Review, 12-18 April 1993, p.XV");
        assert_eq!(item.item_type, ItemType::ArticleMagazine);
        assert_eq!(item.author[0].family(), Some("Li"));
    }

    #[test]
    fn a_volume_with_no_periodical_named() {
        let (item, loc) = full("Jane Roe, “Playing Chess” 9, no. 3 (November 1988): 50–53");
        assert_eq!(item.item_type, ItemType::ArticleJournal);
        assert_eq!(item.container_title, None);
        assert_eq!(item.volume.as_deref(), Some("9"));
        assert_eq!(item.issue.as_deref(), Some("3"));
        assert_eq!(loc.unwrap().value, "50-53");
    }

    #[test]
    fn a_journal_named_with_a_serial_comma() {
        let (item, loc) = full("Jane Roe, “Growing Up Online,” Children, Adolescents, and the Internet 42 (2006): 38–41");
        assert_eq!(item.item_type, ItemType::ArticleJournal);
        assert_eq!(
            item.container_title.as_deref(),
            Some("Children, Adolescents, and the Internet")
        );
        assert_eq!(item.volume.as_deref(), Some("42"));
        assert_eq!(loc.unwrap().value, "38-41");
    }

    #[test]
    fn a_reports_genre_before_its_series() {
        let (item, loc) = full("Jane Roe, “Voting Rules,” Working Paper, Economics Working Papers (Example Institute, 2018), 93");
        assert_eq!(item.item_type, ItemType::Report);
        assert_eq!(item.genre.as_deref(), Some("Working Paper"));
        assert_eq!(
            item.collection_title.as_deref(),
            Some("Economics Working Papers")
        );
        assert_eq!(item.publisher.as_deref(), Some("Example Institute"));
        assert_eq!(loc.unwrap().value, "93");
        // A book's title there is no genre: the paper is a chapter of it.
        let (item, _) = full(
            "Jane Roe, “Voting Rules,” Seminar Papers 2001, SBLSP 40 (Atlanta: SBL, 2001), 1–18",
        );
        assert_eq!(item.item_type, ItemType::Chapter);
        assert_eq!(item.genre, None);
    }

    #[test]
    fn reports_in_series_and_by_institutions() {
        let (item, loc) = full("Jonathan D. Pollack, Chinese Military Power, SAIS Policy Forum Series, No.11 (Baltimore, MD: The Johns Hopkins University, 2000), p.5");
        assert_eq!(item.item_type, ItemType::Report);
        assert_eq!(
            item.collection_title.as_deref(),
            Some("SAIS Policy Forum Series")
        );
        assert_eq!(item.extra().collection_number.as_deref(), Some("11"));
        assert_eq!(item.title.as_deref(), Some("Chinese Military Power"));
        assert_eq!(loc.unwrap().value, "5");
        let (item, _) = full("US DoD, The Military Power of the People’s Republic of China 2005 (Washington, DC: US DoD, 2005), pp.12-13");
        assert_eq!(item.item_type, ItemType::Report);
        assert_eq!(item.author[0].literal_text(), Some("US DoD"));
        let (item, _) = full("The Military Balance 1991/1992 ( London: IISS, 1992), pp.150-152");
        assert_eq!(item.item_type, ItemType::Book);
        assert!(item.author.is_empty());
    }

    #[test]
    fn series_numbers_and_digest_parts() {
        let (item, _) = full("Jennifer Anderson, The Limits of Sino-Russian Strategic Partnership, Adelphi Paper 315 (London: IISS, 1997), p. 23");
        assert_eq!(
            item.title.as_deref(),
            Some("The Limits of Sino-Russian Strategic Partnership")
        );
        assert_eq!(item.collection_title.as_deref(), Some("Adelphi Paper"));
        assert_eq!(item.extra().collection_number.as_deref(), Some("315"));
        let (item, _) = full(
            "“Yeltsin Meets Jiang,” Interfax, 12 March 1999, in FBIS-SOV-1999-0312, 12 March 1999",
        );
        assert_eq!(item.container_title.as_deref(), Some("FBIS-SOV"));
        assert_eq!(item.issue.as_deref(), Some("1999-0312"));
        assert_eq!(item.extra().original_publisher.as_deref(), Some("Interfax"));
        let (item, _) = full("“Putin, Jiang Sign Friendship Treaty,” RFE/RL Newsline, Vol. 5, No. 133, Part I, 17 July 2001");
        assert_eq!(item.issue.as_deref(), Some("133, Part I"));
    }

    #[test]
    fn reprints_and_original_editions() {
        let (item, loc) =
            full("Jane Austen, Pride and Prejudice (1813; repr., London: Penguin, 2003), 12");
        assert_eq!(
            item.extra().original_date,
            Some(Date::single(crate::model::DatePart::year(1813)))
        );
        assert_eq!(
            item.issued,
            Some(Date::single(crate::model::DatePart::year(2003)))
        );
        assert_eq!(item.publisher.as_deref(), Some("Penguin"));
        assert_eq!(item.publisher_place.as_deref(), Some("London"));
        assert_eq!(loc.map(|l| l.value), Some("12".into()));
        let (item, _) = full(
            "Mary Douglas, Purity and Danger (London: Methuen, 1962; New York: Dover, 2004), 5",
        );
        assert_eq!(item.extra().original_publisher.as_deref(), Some("Methuen"));
        assert_eq!(
            item.extra().original_date,
            Some(Date::single(crate::model::DatePart::year(1962)))
        );
        assert_eq!(item.publisher.as_deref(), Some("Dover"));
        assert_eq!(
            item.issued,
            Some(Date::single(crate::model::DatePart::year(2004)))
        );
        // A bare first year before the edition cited, as Chicago gives a
        // reprint without `repr.` and a film its release.
        let (item, _) = full(
            "Thomas S. Kuhn, The Structure of Scientific Revolutions (1962; Chicago: University of Chicago Press, 1996), 10",
        );
        assert_eq!(
            item.extra().original_date,
            Some(Date::single(crate::model::DatePart::year(1962)))
        );
        assert_eq!(item.publisher_place.as_deref(), Some("Chicago"));
        assert_eq!(
            item.publisher.as_deref(),
            Some("University of Chicago Press")
        );
        assert_eq!(
            item.issued,
            Some(Date::single(crate::model::DatePart::year(1996)))
        );
        // Two years and nothing else is no publication to split.
        let p = publication(Span::new("1962; 1996"));
        assert_eq!(p.and_then(|p| p.original_date), None);
    }

    #[test]
    fn reports_by_the_head_of_their_series() {
        for series in [
            "Adelphi Paper",
            "Occasional Papers of the Institute",
            "CRS Report for Congress",
            "Policy Brief",
            "Working Papers",
        ] {
            assert!(series_of_papers(series), "{series}");
        }
        for series in [
            "Studies in Foreign Policy",
            "Policy Studies",
            "Papers Past Times",
            "",
        ] {
            assert!(!series_of_papers(series), "{series}");
        }
        for publisher in [
            "The Johns Hopkins University",
            "RAND",
            "Brookings Institution",
        ] {
            assert!(is_issuing_institution(publisher), "{publisher}");
        }
        for publisher in [
            "Johns Hopkins University Press",
            "Routledge",
            "Westview Press",
            "W. W. Norton & Company",
            "",
        ] {
            assert!(!is_issuing_institution(publisher), "{publisher}");
        }
        let (item, loc) = full("John Smith, Soviet Arms Exports, Studies in Foreign Policy, No. 3 (Boulder, CO: Westview Press, 1980), 12");
        assert_eq!(item.item_type, ItemType::Book);
        assert_eq!(
            item.collection_title.as_deref(),
            Some("Studies in Foreign Policy")
        );
        assert_eq!(item.extra().collection_number.as_deref(), Some("3"));
        assert_eq!(loc.map(|l| l.value), Some("12".into()));
        let (item, _) = full("Jane Roe, Arms and Oil, Policy Brief No. 12 (Washington, DC: Brookings Institution, 2003), 4");
        assert_eq!(item.item_type, ItemType::Report);
    }

    #[test]
    fn untitled_newspaper_reports() {
        let (item, loc) = full("Nezavisimaya Gazeta, 15 July 2001, p. 1");
        assert_eq!(item.item_type, ItemType::ArticleNewspaper);
        assert_eq!(item.title, None);
        assert!(item.author.is_empty());
        assert_eq!(item.container_title.as_deref(), Some("Nezavisimaya Gazeta"));
        assert_eq!(loc.unwrap().value, "1");
        let (item, _) = full("Interfax, 12 March 1999, in FBIS-SOV-1999-0312, 12 March 1999");
        assert_eq!(item.extra().original_publisher.as_deref(), Some("Interfax"));
        assert_eq!(item.container_title.as_deref(), Some("FBIS-SOV"));
    }

    #[test]
    fn web_page_with_url() {
        let (item, _) = full("“NATO Enlargement,” NATO, 5 May 2005, http://www.nato.int/issues/enlargement.htm (accessed 1 June 2006)");
        assert_eq!(item.item_type, ItemType::Webpage);
        assert_eq!(
            item.url.as_deref(),
            Some("http://www.nato.int/issues/enlargement.htm")
        );
        assert_eq!(
            item.extra().accessed.as_ref().map(|d| d.start.day),
            Some(Some(1))
        );
        // A DOI names a publication: a periodical's article, an
        // institution's report.
        let (item, _) = full("A N Other, “Fun with DOIs,” Journal of Indirection, 1999, 77, https://doi.org/10.1234/5678");
        assert_eq!(item.item_type, ItemType::ArticleJournal);
        assert_eq!(
            item.container_title.as_deref(),
            Some("Journal of Indirection")
        );
        let (item, _) = full("European Commission, “White Paper on the Future of Europe,” March 1, 2017, 82–85, https://doi.org/10.2775/947247");
        assert_eq!(item.item_type, ItemType::Report);
    }

    #[test]
    fn short_forms() {
        let parse = citation(Span::new(
            "US DoD, The Military Power of the People’s Republic of China 2005, p.8",
        ))
        .unwrap();
        assert!(
            matches!(parse.parsed.and_then(Parsed::into_short), Some(ShortForm { ref title, .. }) if title.as_deref() == Some("The Military Power of the People’s Republic of China 2005"))
        );
        assert_eq!(parse.locator.unwrap().value, "8");
        let parse = citation(Span::new("Lynch, “Changing Soviet Elite Views,” p. 390")).unwrap();
        assert!(
            matches!(parse.parsed.and_then(Parsed::into_short), Some(ShortForm { ref title, .. }) if title.as_deref() == Some("Changing Soviet Elite Views"))
        );
        let parse = citation(Span::new("Allen Lynch, op. cit., p. 5")).unwrap();
        assert!(
            matches!(parse.parsed.and_then(Parsed::into_short), Some(ShortForm { title: None, ref creators, .. }) if creators.len() == 1)
        );
    }

    #[test]
    fn prose_is_not_a_citation() {
        assert!(citation(Span::new(
            "This is an argument that many have made before us"
        ))
        .is_none());
    }

    #[test]
    fn journal_volume_without_issue_label() {
        let (item, loc) =
            full("Jane Roe, “A Title,” American Journal of Things 45 (March 1990): 336–46");
        assert_eq!(item.item_type, ItemType::ArticleJournal);
        assert_eq!(
            item.container_title.as_deref(),
            Some("American Journal of Things")
        );
        assert_eq!(item.volume.as_deref(), Some("45"));
        assert_eq!(item.issued.map(|d| d.year()), Some(1990));
        assert_eq!(loc.map(|l| l.value), Some("336-46".to_string()));
        let (item, _) = full("A. Roe, “Title,” J. Amer. Chem. Soc. 691, no. 13 (2006): 3");
        assert_eq!(item.container_title.as_deref(), Some("J. Amer. Chem. Soc."));
        assert_eq!(item.volume.as_deref(), Some("691"));
        assert_eq!(item.issue.as_deref(), Some("13"));
    }

    #[test]
    fn journal_series() {
        assert!(is_journal_series("3rd ser."));
        assert!(is_journal_series("2nd series"));
        assert!(is_journal_series("n.s."));
        assert!(!is_journal_series("3rd edition"));
        assert!(!is_journal_series("Series"));
        let (item, _) =
            full("T. Reese, “Georgia,” William and Mary Quarterly, 3rd ser., 15 (1958): 38");
        assert_eq!(item.collection_title.as_deref(), Some("3rd ser."));
        assert_eq!(item.volume.as_deref(), Some("15"));
    }

    #[test]
    fn editions_named_by_an_ordinal_word() {
        assert_eq!(edition_word("Second"), Some("2".to_string()));
        assert_eq!(edition_word("tenth"), Some("10".to_string()));
        assert_eq!(edition_word("Seconds"), None);
    }

    #[test]
    fn editions_in_one_word_or_described() {
        let e = |t: &str| all_of(edition, Span::new(t));
        assert_eq!(e("2nd ed."), Some("2".to_string()));
        assert_eq!(e("rev. ed."), Some("rev.".to_string()));
        assert_eq!(e("rev. and enl. ed."), Some("rev. and enl.".to_string()));
        assert_eq!(e("2nd rev. edn"), Some("2nd rev.".to_string()));
        assert_eq!(e("a very long story of an ed."), None);
        assert_eq!(e("Smith, ed."), None);
    }

    #[test]
    fn volumes_before_pages() {
        assert_eq!(volume_before_pages("v"), Some("5".to_string()));
        assert_eq!(volume_before_pages("xliv"), Some("44".to_string()));
        assert_eq!(volume_before_pages("i"), Some("1".to_string()));
        assert_eq!(volume_before_pages("7.2"), Some("7.2".to_string()));
        assert_eq!(volume_before_pages("A"), Some("A".to_string()));
        assert_eq!(volume_before_pages("12"), None);
        assert_eq!(volume_before_pages("Kindle"), None);
        assert_eq!(lower_roman_value("iv"), Some(4));
        assert_eq!(lower_roman_value("ix"), Some(9));
    }

    #[test]
    fn series_by_abbreviation() {
        assert_eq!(abbreviated_series("SBT 2/6"), Some(("SBT", Some("2/6"))));
        assert_eq!(
            abbreviated_series("AB 16–17A"),
            Some(("AB", Some("16–17A")))
        );
        assert_eq!(abbreviated_series("WGRWSup"), Some(("WGRWSup", None)));
        assert_eq!(abbreviated_series("SBLSP 40"), Some(("SBLSP", Some("40"))));
        assert_eq!(abbreviated_series("Roman Corinth"), None);
        assert_eq!(abbreviated_series("Oxford"), None);
        assert_eq!(abbreviated_series("AB vols"), None);
    }

    #[test]
    fn periodical_volumes() {
        let v = |t: &'static str| {
            periodical_volume(Span::new(t))
                .ok()
                .map(|(r, v)| (v, *r.fragment()))
        };
        assert_eq!(v("61.1 (Summer"), Some(("61.1".to_string(), " (Summer")));
        assert_eq!(v("45"), Some(("45".to_string(), "")));
        assert_eq!(v("vol"), None);
    }

    #[test]
    fn pages_cited_with_a_volume() {
        let p = |t: &str| all_of(cited_pages, Span::new(t)).map(|l| l.value);
        assert_eq!(p("61:14–17"), Some("14-17".to_string()));
        assert_eq!(p("7.2:62"), Some("62".to_string()));
        assert_eq!(p("D:70"), Some("70".to_string()));
        assert_eq!(p("94"), Some("94".to_string()));
        assert_eq!(p("Physics"), None);
    }

    #[test]
    fn web_page_dated_before_its_address() {
        let (item, loc) =
            full("John Baez, “Higher Algebra,” October 27, 2004, 7, https://arxiv.org/abs/1");
        assert_eq!(item.item_type, ItemType::Webpage);
        assert_eq!(item.container_title, None);
        assert_eq!(item.issued.map(|d| d.year()), Some(2004));
        assert_eq!(item.url.as_deref(), Some("https://arxiv.org/abs/1"));
        assert_eq!(loc.map(|l| l.value), Some("7".to_string()));
        // `n.d.` where the date goes.
        let (item, loc) =
            full("“Aves Do Amapá: Banco de Dados,” n.d., 78, http://www.bdt.org/bdt/avifauna/aves");
        assert_eq!(item.item_type, ItemType::Webpage);
        assert_eq!(item.volume, None);
        assert_eq!(item.issued, None);
        assert_eq!(loc.map(|l| l.value), Some("78".to_string()));
    }

    #[test]
    fn a_working_paper_is_a_report_of_its_genre() {
        let (item, loc) = full(
            "John Doe, “Working Paper Title” (working paper, Department of Economics, Harvard University, 2015), 12",
        );
        assert_eq!(item.item_type, ItemType::Report);
        assert_eq!(item.genre.as_deref(), Some("working paper"));
        assert_eq!(
            item.publisher.as_deref(),
            Some("Department of Economics, Harvard University")
        );
        assert_eq!(item.issued.map(|d| d.year()), Some(2015));
        assert_eq!(loc.map(|l| l.value), Some("12".to_string()));
        // With only a date after it, the words may be the publisher.
        let (item, _) =
            full("Libra Association, “An Introduction to Libra” (White Paper, June 2019), 12");
        assert_eq!(item.genre, None);
        assert_eq!(item.publisher.as_deref(), Some("White Paper"));
        // A thesis stays a thesis.
        let (item, _) = full(
            "Dana Lindsey Barnes, “Lost in Translation” (PhD diss., University of Michigan, 2016), 45",
        );
        assert_eq!(item.item_type, ItemType::Thesis);
        assert_eq!(item.genre.as_deref(), Some("PhD diss."));
    }

    #[test]
    fn a_web_page_dated_by_its_last_change() {
        let day = |item: &Item| {
            item.issued
                .as_ref()
                .map(|d| (d.start.year, d.start.month, d.start.day))
        };
        let (item, _) = full(
            "“Privacy Policy,” Google, last modified April 17, 2017, https://www.google.com/policies/privacy/",
        );
        assert_eq!(item.item_type, ItemType::Webpage);
        assert_eq!(item.container_title.as_deref(), Some("Google"));
        assert_eq!(day(&item), Some((2017, Some(4), Some(17))));
        let (item, _) = full(
            "Jane Doe, “Notes on Archives,” Field Notes (blog), posted March 2, 2016, https://example.org/notes",
        );
        assert_eq!(day(&item), Some((2016, Some(3), Some(2))));
        let (item, _) =
            full("“About Us,” Example Society, updated 4 May 2019, https://example.org/about");
        assert_eq!(day(&item), Some((2019, Some(5), Some(4))));
    }

    #[test]
    fn newspaper_page_after_the_date() {
        let (item, loc) = full("Linda Seebach, “A Bold Scientist,” The Sun, May 15, 1996, 85");
        assert_eq!(item.item_type, ItemType::ArticleNewspaper);
        assert_eq!(item.volume, None);
        assert_eq!(loc.map(|l| l.value), Some("85".to_string()));
    }

    #[test]
    fn book_facts_read_forward_from_the_title() {
        let (item, _) = full(
            "Arthur Hyman, “Aristotle’s Theory,” in Studies in Aristotle, ed. Dominic J. O’Meara, Studies in Philosophy 9 (Washington, DC: CUA Press, 1981), 30",
        );
        assert_eq!(
            item.container_title.as_deref(),
            Some("Studies in Aristotle")
        );
        assert_eq!(families(&item.editor), ["O’Meara"]);
        assert_eq!(
            item.collection_title.as_deref(),
            Some("Studies in Philosophy")
        );
        assert_eq!(item.extra().collection_number.as_deref(), Some("9"));
        let (item, _) = full(
            "Samuel Taylor Coleridge, The Collected Works, ed. Kathleen Coburn, James Engell, and W. Jackson Bate, vol. 7.2, Bollingen Series 75 (London: Routledge, 1983), 50",
        );
        assert_eq!(item.title.as_deref(), Some("The Collected Works"));
        assert_eq!(families(&item.editor), ["Coburn", "Engell", "Bate"]);
        assert_eq!(item.volume.as_deref(), Some("7.2"));
        assert_eq!(item.collection_title.as_deref(), Some("Bollingen Series"));
    }

    #[test]
    fn edited_and_translated_by_one_person() {
        let (item, _) =
            full("Averroes, The Epistle, ed. and trans. Kalman P. Bland (New York: JTS, 1982), 35");
        assert_eq!(families(&item.author), ["Averroes"]);
        assert_eq!(families(&item.editor), ["Bland"]);
        assert_eq!(families(&item.extra().translator), ["Bland"]);
    }

    #[test]
    fn one_name_authors_and_names_that_run_into_the_title() {
        let (item, _) =
            full("Aristotle, Physics, trans. P. H. Wicksteed (New York: Putnam, 1929), 18");
        assert_eq!(families(&item.author), ["Aristotle"]);
        assert_eq!(item.title.as_deref(), Some("Physics"));
        let (item, _) =
            full("Monika Maron, Animal Triste, trans. Brigitte Goldstein (Lincoln: UNP, 2000), 67");
        assert_eq!(families(&item.author), ["Maron"]);
        assert_eq!(item.title.as_deref(), Some("Animal Triste"));
        // A title that opens with an editor phrase has no author.
        let (item, _) = full("Beowulf, trans. Seamus Heaney (New York: Norton, 2000), 5");
        assert!(item.author.is_empty());
        assert_eq!(item.title.as_deref(), Some("Beowulf"));
    }

    #[test]
    fn institutions_before_a_quoted_title() {
        let (list, rest) =
            creator_before_quoted_title(Span::new("Badlands National Park, “Plants,” May 2, 2018"))
                .map(|(r, l)| (l, *r.fragment()))
                .unwrap();
        assert_eq!(
            list.names,
            [crate::model::Name::literal("Badlands National Park")]
        );
        assert_eq!(rest, "“Plants,” May 2, 2018");
        assert!(creator_before_quoted_title(Span::new("May 2, 2018, “Plants,”")).is_none());
        assert!(creator_before_quoted_title(Span::new("Chicago Manual of Style, 95")).is_none());
    }

    #[test]
    fn pages_and_address_after_the_publication() {
        let (item, loc) = full("Ilya Vedrashko, “Advertising in Games” (Master’s thesis, MIT, 2006), 94, http://hdl.handle.net/1721.1/39144");
        assert_eq!(item.item_type, ItemType::Thesis);
        assert_eq!(
            item.url.as_deref(),
            Some("http://hdl.handle.net/1721.1/39144")
        );
        assert_eq!(loc.map(|l| l.value), Some("94".to_string()));
    }

    #[test]
    fn bare_addresses() {
        let u = |t: &str| all_of(url, Span::new(t));
        assert_eq!(
            u("search.proquest.com/docview/305"),
            Some("search.proquest.com/docview/305".to_string())
        );
        assert_eq!(u("Oxford.com"), None);
        assert_eq!(u("1721.1/39144"), None);
        // A scheme needs an address after it.
        assert_eq!(
            u("ftp://ftp.isi.edu/x.mail"),
            Some("ftp://ftp.isi.edu/x.mail".to_string())
        );
        assert_eq!(u("https://"), None);
        assert_eq!(u("www."), None);
    }

    #[test]
    fn short_forms_of_chicago_17() {
        let short = |t: &str| match citation(Span::new(t)) {
            Some(CiteParse {
                parsed: Some(Parsed::Short(short)),
                locator,
                ..
            }) => (
                families(&short.creators).join("; "),
                short.title,
                locator.map(|l| l.value),
            ),
            other => panic!("not a short form: {t}: {other:?}"),
        };
        assert_eq!(
            short("Umbers, Symonds, and Kokko, 54–57"),
            ("Umbers; Symonds; Kokko".into(), None, Some("54-57".into()))
        );
        assert_eq!(
            short("Lo, Axis of Convenience, 31"),
            (
                "Lo".into(),
                Some("Axis of Convenience".into()),
                Some("31".into())
            )
        );
        assert_eq!(
            short("Turabian, A Manual for Writers, 303, 416"),
            (
                "Turabian".into(),
                Some("A Manual for Writers".into()),
                Some("303, 416".into())
            )
        );
        assert_eq!(
            short("“Semantic Media,” 66–69"),
            (
                String::new(),
                Some("Semantic Media".into()),
                Some("66-69".into())
            )
        );
        assert!(citation(Span::new(
            "Turabian, 390. To add subheadings to the contents, use this"
        ))
        .is_none());
    }

    #[test]
    fn chinese_text_is_not_an_english_book() {
        assert!(citation(Span::new(
            "尼葛洛庞帝，《数字化生存》（海口：海南出版社，1996 年），頁 44"
        ))
        .is_none());
        assert!(citation(Span::new("See 〈篇名〉 (Taipei: Pub, 2001), 3")).is_none());
    }

    #[test]
    fn a_list_of_surnames_needs_its_serial_comma() {
        let (_, list) =
            short_form_surnames(Span::new("Morley, Poverty and Inequality, 78")).unwrap();
        assert_eq!(families(&list.names), ["Morley"]);
        let (_, list) = short_form_surnames(Span::new("Umbers, Symonds, and Kokko, 54")).unwrap();
        assert_eq!(families(&list.names), ["Umbers", "Symonds", "Kokko"]);
        // British style, with no serial comma: a list when a title follows.
        let (_, list) =
            short_form_surnames(Span::new("Smith, Doe and Lee, Long Title, 14")).unwrap();
        assert_eq!(families(&list.names), ["Smith", "Doe", "Lee"]);
        let (_, list) = short_form_surnames(Span::new("Smith, Doe & Lee, Long Title")).unwrap();
        assert_eq!(families(&list.names), ["Smith", "Doe", "Lee"]);
        for no_title in [
            "Morley, Poverty and Inequality, chap. 3",
            "Morley, Poverty and Inequality, 1990, 78",
            "Morley, Poverty and Inequality, May 1990, 78",
            "Morley, Poverty and Inequality, 78–80",
        ] {
            let (_, list) = short_form_surnames(Span::new(no_title)).unwrap();
            assert_eq!(families(&list.names), ["Morley"], "{no_title}");
        }
        let (_, list) = short_form_surnames(Span::new("van Gennep, Rites, 86")).unwrap();
        assert_eq!(families(&list.names), ["van Gennep"]);
    }

    #[test]
    fn a_year_between_short_title_and_page() {
        let parse = citation(Span::new(
            "Baez and Lauda, “Higher-Dimensional Algebra V,” 2004, 38–41",
        ))
        .unwrap();
        assert!(matches!(parse.parsed, Some(Parsed::Short(_))));
        assert_eq!(parse.locator.map(|l| l.value), Some("38-41".to_string()));
        // Authors named in full: a first citation with no container.
        let parse = citation(Span::new(
            "Marc J. Ratcliff, “Duchesne’s Strawberries,” 2007, 28",
        ))
        .unwrap();
        assert!(matches!(parse.parsed, Some(Parsed::Full(_))));
    }

    #[test]
    fn an_institution_named_with_and() {
        let (item, _) = full("U.S. Securities and Exchange Commission, “Agency Financial Report,” 2017, 93, https://www.sec.gov/a.pdf");
        assert_eq!(
            item.author,
            [crate::model::Name::literal(
                "U.S. Securities and Exchange Commission"
            )]
        );
        assert_eq!(item.item_type, ItemType::Report);
        let (item, _) = full("Michael Swaine and Ashley Tellis, Interpreting China (Santa Monica, CA: RAND, 2000), 45");
        assert_eq!(families(&item.author), ["Swaine", "Tellis"]);
    }

    #[test]
    fn a_lone_city_in_the_parenthetical_is_the_place() {
        let (item, _) = full("John Ashton, Understanding the Fourth Gospel (Oxford, 1991), 82");
        assert_eq!(item.publisher_place.as_deref(), Some("Oxford"));
        assert_eq!(item.publisher, None);
        // A publisher's name that no large city bears stays the publisher.
        let (item, _) = full("R. Battiti, Learning (Springer, 2019), 61");
        assert_eq!(item.publisher.as_deref(), Some("Springer"));
        assert_eq!(item.publisher_place, None);
    }

    #[test]
    fn places_without_a_publisher() {
        let place = |text: &str| {
            let (item, _) = full(text);
            (item.publisher_place, item.publisher)
        };
        // A city by the name its own language gives it.
        assert_eq!(
            place("Maria Bernardini, Gian Lorenzo Bernini (Mailand, 1999), 66"),
            (Some("Mailand".into()), None)
        );
        // Several towns, one of them a known city.
        assert_eq!(
            place("Hans Körner, Die Hand (Köln; Weimar; Wien, 2004), 26"),
            (Some("Köln; Weimar; Wien".into()), None)
        );
        // Two cities joined by `and`; two names that are not stay a firm.
        assert_eq!(
            place("Sarah Blick, Push Me (Leiden and Boston, 2011), 95"),
            (Some("Leiden and Boston".into()), None)
        );
        assert_eq!(
            place("Sarah Blick, Push Me (Simon and Schuster, 2011), 95"),
            (None, Some("Simon and Schuster".into()))
        );
        // A town with its state's code and no comma.
        assert_eq!(
            place(
                "U.S. Department of Agriculture, Changes in Agriculture (Washington DC, 1965), 43"
            ),
            (Some("Washington DC".into()), None)
        );
        // A list whose parts are not all town-shaped is a publisher.
        assert_eq!(
            place("Ann Smith, A Book (Berlin; Institute for Advanced Study 2, 2004), 3").1,
            Some("Berlin; Institute for Advanced Study 2".into())
        );
    }

    #[test]
    fn a_journal_volume_in_roman_numerals() {
        let (item, _) = full("James R. Melvin, “The Regional Consequences,” Canadian Journal of Economics XVIII, no. 2 (May 1985): 75");
        assert_eq!(
            item.container_title.as_deref(),
            Some("Canadian Journal of Economics")
        );
        assert_eq!(item.volume.as_deref(), Some("XVIII"));
        assert_eq!(item.issue.as_deref(), Some("2"));
        // A name that ends in capitals that are no numeral keeps them.
        let (item, _) = full("Ann Smith, “A Title,” Journal of the AMS 12, no. 2 (1985): 7");
        assert_eq!(item.container_title.as_deref(), Some("Journal of the AMS"));
    }

    #[test]
    fn editions_numbered_the_german_way() {
        let (item, _) = full("Roger Perman et al., Natural Resource Economics, 4. Edition (Harlow: Pearson, 2011), 72");
        assert_eq!(item.extra().edition.as_deref(), Some("4"));
        assert_eq!(item.title.as_deref(), Some("Natural Resource Economics"));
        let (item, _) = full("Hans Meyer, Das Buch, 2. Aufl. (Berlin: Beck, 2010), 7");
        assert_eq!(item.extra().edition.as_deref(), Some("2"));
        let (item, _) = full("Burkhard Moenninghoff, Arbeitstechniken Literaturwissenschaft, 11., korr. u. aktual. Aufl. (München, 2003), 17");
        assert_eq!(
            item.title.as_deref(),
            Some("Arbeitstechniken Literaturwissenschaft")
        );
        assert_eq!(
            item.extra().edition.as_deref(),
            Some("11., korr. u. aktual.")
        );
        // `Editions` in a title is no edition label.
        let (item, _) = full("John F. Oates et al., eds., Checklist of Editions of Greek Papyri (Atlanta: Scholars Press, 2001), 18");
        assert_eq!(
            item.title.as_deref(),
            Some("Checklist of Editions of Greek Papyri")
        );
        assert_eq!(families(&item.editor), ["Oates"]);
    }

    #[test]
    fn a_name_list_read_into_a_title_with_and_gives_back_the_title() {
        let (item, _) = full("David A. Anderson, Environmental Economics and Natural Resource Management, 3rd ed. (New York, NY: Routledge, 2010), 78");
        assert_eq!(families(&item.author), ["Anderson"]);
        assert_eq!(
            item.title.as_deref(),
            Some("Environmental Economics and Natural Resource Management")
        );
        assert_eq!(item.extra().edition.as_deref(), Some("3"));
        // A title that opens the citation keeps it whole.
        let (item, _) = full("Brockhaus Enzyklopädie, 17th ed. (Wiesbaden: Brockhaus, 1966), 12");
        assert_eq!(item.title.as_deref(), Some("Brockhaus Enzyklopädie"));
        assert!(item.author.is_empty());
    }

    #[test]
    fn chapters_in_proceedings_are_conference_papers() {
        let (item, _) = full("José Hualde, “Patterns,” in Proceedings of the Annual Meeting of the Berkeley Linguistics Society, ed. Steve S. Chang (Berkeley: BLS, 2000), 18");
        assert_eq!(item.item_type, ItemType::PaperConference);
        let (item, _) = full("Abdus Salam, “Weak Interactions,” in Elementary Particle Theory. Proceedings of the Eighth Nobel Symposium, ed. Nils Svartholm (Stockholm: Almquist, 1968), 22");
        assert_eq!(item.item_type, ItemType::PaperConference);
        let (item, _) = full("Ann Smith, “A Chapter,” in The Collected Essays, ed. Nils Svartholm (Stockholm: Almquist, 1968), 22");
        assert_eq!(item.item_type, ItemType::Chapter);
        // A symposium named anywhere; a meeting in one German word.
        let (item, _) = full("W. Hammond, “Phototypesetting Today,” in International Information Symposium (Washington, DC: Technology Society, 1968), 74");
        assert_eq!(item.item_type, ItemType::PaperConference);
        let (item, _) = full("John N. Serio, “Controlling Typesetting,” in Conference Record — PCC ’84 (Silver Spring, MD: IEEE Computer Society Press, 1984), 21");
        assert_eq!(item.item_type, ItemType::PaperConference);
        let (item, _) = full(
            "Max Mustermann, “Mustertitel,” in Musterkonferenz, ed. Eva Musterfrau, 2015, 66–69",
        );
        assert_eq!(item.item_type, ItemType::PaperConference);
        assert_eq!(families(&item.editor), ["Musterfrau"]);
        let (item, _) =
            full("Max Mustermann, “Mustertitel,” in Musterbuch, ed. Eva Musterfrau, 2015, 66–69");
        assert_eq!(item.item_type, ItemType::Chapter);
    }

    #[test]
    fn an_institution_and_its_division_are_one_author() {
        let (item, locator) = full("U. S. Department of the Interior, Minerals Management Service, “An Oilspill Risk Analysis for the Central Gulf (April 1984)” (Denver, 1984), 81");
        assert_eq!(
            families(&item.author),
            ["U. S. Department of the Interior, Minerals Management Service"]
        );
        // The parentheses inside the quoted title are the title's.
        assert_eq!(
            item.title.as_deref(),
            Some("An Oilspill Risk Analysis for the Central Gulf (April 1984)")
        );
        assert_eq!(item.publisher_place.as_deref(), Some("Denver"));
        assert_eq!(locator.map(|l| l.value).as_deref(), Some("81"));
        assert!(institution_with_divisions(Span::new("Jane Roe, John Doe, “Title,” 4")).is_none());
    }

    #[test]
    fn a_volume_after_a_quoted_title_is_the_books() {
        let (item, _) = full("Charles Darwin, “Journal and Remarks, 1832-1836,” vol. 3 (London: Henry Colburn, 1839), 22");
        assert_eq!(item.volume.as_deref(), Some("3"));
        assert_eq!(item.collection_title, None);
        assert_eq!(item.item_type, ItemType::Chapter);
    }

    #[test]
    fn thesis_genres_and_publishers_named_for_dissertations() {
        let (item, _) = full(
            "Jesse Njus, “Performing the Passion” (phd, Northwestern University, 2010), 90–93",
        );
        assert_eq!(item.publisher.as_deref(), Some("Northwestern University"));
        assert_eq!(item.item_type, ItemType::Thesis);
        let (item, _) =
            full("I. C. Webb, “A Template” (msc, Correspondence State University, 1984), 19");
        assert_eq!(item.item_type, ItemType::Thesis);
        assert_eq!(item.genre.as_deref(), Some("msc"));
        let (item, locator) = full("M. M. Hollander, “Resistance to Authority” (PhD thesis, University of Wisconsin–Madison; ProQuest Dissertations and Theses Global, 2017), 62");
        assert_eq!(
            item.publisher.as_deref(),
            Some("University of Wisconsin–Madison; ProQuest Dissertations and Theses Global")
        );
        assert_eq!(item.issued.map(|d| d.year()), Some(2017));
        assert_eq!(locator.map(|l| l.value).as_deref(), Some("62"));
    }

    #[test]
    fn by_author_before_an_editor_phrase() {
        // An author known by one name, in the book's facts.
        let (item, _) = full("Lukian, “Wahre Geschichte,” in Werke in Drei Bänden, by Lukian, ed. Jürgen Werner, 2nd ed., vol. 2 (Berlin; Weimar, 1981), 58–61");
        assert_eq!(
            item.container_title.as_deref(),
            Some("Werke in Drei Bänden")
        );
        assert_eq!(families(&item.editor), ["Werner"]);
        let (item, _) = full("Friedrich Nietzsche, Sämtliche Werke: Kritische Studienausgabe, by Friedrich Nietzsche, ed. Giorgio Colli and Mazzino Montinari, vol. 1 (München: Walter de Gruyter, 1988), 70");
        assert_eq!(
            item.title.as_deref(),
            Some("Sämtliche Werke: Kritische Studienausgabe")
        );
        assert_eq!(families(&item.editor), ["Colli", "Montinari"]);
        assert_eq!(item.volume.as_deref(), Some("1"));
    }

    #[test]
    fn a_supplement_to_a_volume() {
        assert_eq!(
            all_of(supplement, Span::new("Suppl. 2")).as_deref(),
            Some("Suppl. 2")
        );
        let (item, locator) = full("Garland E. Allen, “Genetics, Eugenics and Class Struggle,” Genetics 79, Suppl. (1975): 24");
        assert_eq!(item.volume.as_deref(), Some("79, Suppl."));
        assert_eq!(item.issued.map(|d| d.year()), Some(1975));
        assert_eq!(locator.map(|l| l.value).as_deref(), Some("24"));
    }

    #[test]
    fn ibid_with_volume_and_page() {
        let parse = citation(Span::new("Ibid., 61:14–17")).expect("ibid");
        assert_eq!(parse.locator.map(|l| l.value).as_deref(), Some("14-17"));
    }

    #[test]
    fn a_date_in_the_title_before_the_publication() {
        let (item, locator) = full("Nathaniel B. Shurtleff, ed., Records of the Massachusetts Bay in New England (1628–86), 5 vols. (Boston, 1853–54), 1:126 (hereafter cited as Mass. Records)");
        assert_eq!(
            item.title.as_deref(),
            Some("Records of the Massachusetts Bay in New England (1628–86)")
        );
        assert_eq!(item.publisher_place.as_deref(), Some("Boston"));
        assert_eq!(item.issued.map(|d| d.year()), Some(1853));
        assert_eq!(locator.map(|l| l.value).as_deref(), Some("126"));
    }

    #[test]
    fn a_url_with_a_comma_and_a_bracketed_real_name() {
        let (item, _) = full("J. Lichtenstein, “Profile of Veteran Business Owners,” Issue Brief (U.S. Small Business Administration, Office of Advocacy, 2013), 21, https://www.sba.org/files/Issue%20Brief%201,%20Veteran.pdf");
        assert_eq!(
            item.url.as_deref(),
            Some("https://www.sba.org/files/Issue%20Brief%201,%20Veteran.pdf")
        );
        let (item, _) = full("John Le Carré [David John Moore Cornwell], The Quest for Karla (New York: Knopf, 1982), 12");
        assert_eq!(item.title.as_deref(), Some("The Quest for Karla"));
        assert_eq!(item.author.len(), 1);
        let (item, _) = full("G. V. Bakhareva and Sergeı\u{306} Pavlovich Luppov, Russkie Knigi (Leningrad: Nauka, 1983), 75");
        assert_eq!(families(&item.author), ["Bakhareva", "Luppov"]);
    }

    #[test]
    fn volume_of_a_multivolume_set() {
        let (item, _) = full("Mark Twain, The Adventures of Huckleberry Finn, vol. 13 of The Writings of Mark Twain (New York: Harper, 1912)");
        assert_eq!(
            item.title.as_deref(),
            Some("The Adventures of Huckleberry Finn")
        );
        assert_eq!(
            item.container_title.as_deref(),
            Some("The Writings of Mark Twain")
        );
        assert_eq!(item.volume.as_deref(), Some("13"));
        let (item, _) = full("Charles Darwin, Journal and Remarks, 1832-1836, vol. 3 of Narrative of the Voyages, Between the Years 1826 and 1836, ed. Robert FitzRoy (London: Henry Colburn, 1839)");
        assert_eq!(
            item.container_title.as_deref(),
            Some("Narrative of the Voyages, Between the Years 1826 and 1836")
        );
        assert_eq!(families(&item.editor), ["FitzRoy"]);
        // In a chapter the set is the series, its editors are not the book's.
        let (item, _) = full("Barbara E. Mundy, “Mesoamerican Cartography,” in Cartography in East Asian Societies, ed. David Woodward and G. Malcolm Lewis, vol. 2, bk. 3 of The History of Cartography, ed. J. Brian Harley and David Woodward (Chicago: University of Chicago Press, 1998), 233");
        assert_eq!(
            item.container_title.as_deref(),
            Some("Cartography in East Asian Societies")
        );
        assert_eq!(
            item.collection_title.as_deref(),
            Some("The History of Cartography")
        );
        assert_eq!(item.volume.as_deref(), Some("2"));
        assert_eq!(families(&item.editor), ["Woodward", "Lewis"]);
    }

    #[test]
    fn contributions_after_a_title() {
        let (item, _) = full("Charles Darwin, The Autobiography, with original omissions restored, ed. and annot. by Nora Barlow (New York: W. W. Norton, 1958)");
        assert_eq!(
            item.title.as_deref(),
            Some("The Autobiography, with original omissions restored")
        );
        assert_eq!(families(&item.editor), ["Barlow"]);
        let (item, _) = full("Charles Darwin, Über die Entstehung der Arten, trans., with an afterw., by Heinrich Georg Bronn, from the 2nd English ed. (Stuttgart: E. Schweizerbart, 1860)");
        assert_eq!(item.title.as_deref(), Some("Über die Entstehung der Arten"));
        assert_eq!(families(&item.extra().translator), ["Bronn"]);
        assert_eq!(item.collection_title, None);
        let (item, _) = full("Harald Stümpke, Bau und Leben der Rhinogradentia, with an afterw. by Gerolf Steiner (Stuttgart: Gustav Fischer, 1981)");
        assert_eq!(
            item.title.as_deref(),
            Some("Bau und Leben der Rhinogradentia")
        );
        assert!(item.editor.is_empty() && item.extra().translator.is_empty());
    }

    #[test]
    fn publications_with_no_or_an_uncertain_date() {
        let (item, _) =
            full("Paul Kammerer, Das biologische Zeitalter (Vienna: Verein Freie Schule, n.d.)");
        assert_eq!(item.publisher.as_deref(), Some("Verein Freie Schule"));
        assert_eq!(item.issued, None);
        let (item, _) =
            full("Sander Gliboff, A Study in Translation (Cambridge, MA: MIT Press, forthcoming)");
        assert_eq!(item.publisher.as_deref(), Some("MIT Press"));
        let (item, _) = full("Wilhelm Bölsche, Ernst Haeckel: Ein Lebensbild, 2nd ed. (Berlin and Leipzig: Hermann Seemann, [ca. 1905])");
        assert_eq!(item.publisher.as_deref(), Some("Hermann Seemann"));
        assert_eq!(item.issued.map(|d| d.year()), Some(1905));
        assert!(undated(Span::new("1905")).is_none());
    }

    #[test]
    fn periodicals_dated_alone_or_forthcoming() {
        let (item, locator) = full("Karin J. Ekholm, “Harvey’s Accounts,” Early Science and Medicine 13 (forthcoming): 568–614");
        assert_eq!(
            item.container_title.as_deref(),
            Some("Early Science and Medicine")
        );
        assert_eq!(item.volume.as_deref(), Some("13"));
        assert_eq!(locator.map(|l| l.value), Some("568-614".to_string()));
        let (item, locator) = full(
            "Brad Cook, “IU’s First Female Ph.D.,” IU Homepages: Faculty News (Apr. 20, 2007): 5",
        );
        assert_eq!(
            item.container_title.as_deref(),
            Some("IU Homepages: Faculty News")
        );
        assert_eq!(item.issued.map(|d| d.year()), Some(2007));
        assert_eq!(locator.map(|l| l.value), Some("5".to_string()));
        let (item, _) = full("Veronika Hofer, “Konrad Lorenz als Schüler von Karl Bühler” [Konrad Lorenz as a student of Karl Bühler], Zeitgeschichte 28 (2001): 135–159");
        assert_eq!(item.container_title.as_deref(), Some("Zeitgeschichte"));
        assert_eq!(item.volume.as_deref(), Some("28"));
    }

    #[test]
    fn a_database_named_by_its_title() {
        let (item, _) = full("Science in the Nineteenth-Century Periodical: An Electronic Index, version 1.0, url: http://www.sciper.org (accessed 04/08/2009).");
        assert_eq!(item.item_type, ItemType::Webpage);
        assert_eq!(
            item.title.as_deref(),
            Some("Science in the Nineteenth-Century Periodical: An Electronic Index")
        );
        assert_eq!(item.url.as_deref(), Some("http://www.sciper.org"));
        assert_eq!(item.extra().accessed.as_ref().map(|d| d.year()), Some(2009));
    }

    #[test]
    fn a_short_form_naming_the_note_it_repeats() {
        let parse = citation(Span::new("Newman, see n. 8.")).unwrap();
        assert!(matches!(
            parse.parsed.and_then(Parsed::into_short),
            Some(ShortForm {
                note_ref: Some(8),
                ..
            })
        ));
        let parse = citation(Span::new(
            "Potter, Gender and Boyle’s Law of Gases, see n. 9",
        ))
        .unwrap();
        match parse.parsed.and_then(Parsed::into_short) {
            Some(ShortForm {
                note_ref, title, ..
            }) => {
                assert_eq!(note_ref, Some(9));
                assert_eq!(title.as_deref(), Some("Gender and Boyle’s Law of Gases"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn reviews_with_and_without_a_title() {
        let (item, locator) = full("[C. H. Waddington?], “Individual Paradigms,” review of The Case of the Midwife Toad, by Arthur Koestler, Times Literary Supplement, Oct. 22, 1971, 1309–1310");
        assert_eq!(item.title.as_deref(), Some("Individual Paradigms"));
        assert_eq!(item.item_type, ItemType::ReviewBook);
        assert_eq!(
            item.extra().reviewed_title.as_deref(),
            Some("The Case of the Midwife Toad")
        );
        assert_eq!(families(&item.extra().reviewed_author), ["Koestler"]);
        assert_eq!(
            item.container_title.as_deref(),
            Some("Times Literary Supplement")
        );
        assert_eq!(item.issued.map(|d| d.year()), Some(1971));
        assert_eq!(locator.map(|l| l.value), Some("1309-1310".to_string()));
        let (item, locator) = full("[Heinrich Georg Bronn], review of The Origin of Species, by Charles Darwin, Neues Jahrbuch für Mineralogie, Geognosie, Geologie und Petrefaktenkunde (1860): 112–116");
        // Untitled: the review is named by what it reviews.
        assert_eq!(item.title, None);
        assert_eq!(item.item_type, ItemType::ReviewBook);
        assert_eq!(
            item.extra().reviewed_title.as_deref(),
            Some("The Origin of Species")
        );
        assert_eq!(families(&item.extra().reviewed_author), ["Darwin"]);
        assert_eq!(families(&item.author), ["Bronn"]);
        assert_eq!(locator.map(|l| l.value), Some("112-116".to_string()));
    }

    #[test]
    fn reference_work_editions_and_lettered_pages() {
        let (item, _) = full(
            "Thomas Henry Huxley, “Evolution in Biology,” in Encyclopaedia Britannica, 9th ed.",
        );
        assert_eq!(
            item.container_title.as_deref(),
            Some("Encyclopaedia Britannica")
        );
        assert_eq!(item.extra().edition.as_deref(), Some("9"));
        assert_eq!(item.volume, None);
        let (item, locator) =
            full("Linda Seebach, “A Bold Scientist,” The Sun (Baltimore), May 15, 1996, 17a");
        assert_eq!(item.volume, None);
        assert_eq!(locator.map(|l| l.value), Some("17a".to_string()));
        assert!(is_lettered_page("A24") && !is_lettered_page("17") && !is_lettered_page("ab"));
    }

    #[test]
    fn series_named_by_their_word_or_with_a_range() {
        let (item, _) = full("William Coleman, Biology in the Nineteenth Century: Problems of Form, Cambridge History of Science Series (Cambridge: Cambridge University Press, 1977)");
        assert_eq!(
            item.title.as_deref(),
            Some("Biology in the Nineteenth Century: Problems of Form")
        );
        assert_eq!(
            item.collection_title.as_deref(),
            Some("Cambridge History of Science Series")
        );
        let (item, _) = full("Manfred Overesch et al., eds., Das Dritte Reich: Daten—Bilder—Dokumente, Digitale Bibliothek 49, CD-ROM (Berlin: Directmedia, 2001)");
        assert_eq!(
            item.title.as_deref(),
            Some("Das Dritte Reich: Daten—Bilder—Dokumente")
        );
        assert_eq!(item.extra().collection_number.as_deref(), Some("49"));
        let (item, _) = full("Richard Semon, Zoologische Forschungsreisen, 6 vols., Denkschriften der Gesellschaft zu Jena 4–8 (Jena: Gustav Fischer, 1893–1913)");
        assert_eq!(
            item.collection_title.as_deref(),
            Some("Denkschriften der Gesellschaft zu Jena")
        );
        assert_eq!(item.extra().collection_number.as_deref(), Some("4–8"));
    }

    #[test]
    fn special_issues_abstracts_and_headings() {
        let (item, _) = full("Gerd Schubring, “The Rise and Decline,” in “Science in Germany,” ed. Kathryn M. Olesko, special issue, Osiris, 2nd ser., 5 (1989): 57–93");
        assert_eq!(item.container_title.as_deref(), Some("Osiris"));
        assert_eq!(item.volume.as_deref(), Some("5"));
        let (item, locator) = full("Cecilia Albin, “Negotiating,” Review of International Studies 29 (July 2003): 365–85, abstract in Peace Research Abstracts Journal 42, no. 236625 (Feb. 2005): 6");
        assert_eq!(item.issue, None);
        assert_eq!(locator.map(|l| l.value), Some("365-85".to_string()));
        let (item, _) = full("Henry Fountain, “Richard Westfall Dies at 72,” Obituary, New York Times, Sept. 1, 1996");
        assert_eq!(item.container_title.as_deref(), Some("New York Times"));
    }

    #[test]
    fn works_printed_in_a_book_after_the_date_they_were_written() {
        let (item, _) = full("Johann Christian Reil, “Von der Lebenskraft” (1796), in Gesammelte kleine physiologische Schriften (Vienna: Aloys Doll, 1811)");
        assert_eq!(
            item.container_title.as_deref(),
            Some("Gesammelte kleine physiologische Schriften")
        );
        assert_eq!(item.publisher.as_deref(), Some("Aloys Doll"));
        assert_eq!(
            item.extra().original_date.as_ref().map(|d| d.year()),
            Some(1796)
        );
        assert_eq!(item.issued.map(|d| d.year()), Some(1811));
        let (item, _) = full("Alexander Pope, An Essay on Criticism (1711), in The Oxford Book of Satirical Verse, chosen by Geoffrey Grigson (Oxford: Oxford University Press, 1980)");
        assert_eq!(item.title.as_deref(), Some("An Essay on Criticism"));
        assert_eq!(
            item.container_title.as_deref(),
            Some("The Oxford Book of Satirical Verse")
        );
        assert_eq!(families(&item.editor), ["Grigson"]);
        assert_eq!(item.issued.map(|d| d.year()), Some(1980));
        let (item, _) = full("Charles Darwin to T. H. Huxley, 2 February, 1860, in Francis Darwin, ed., The Life and Letters of Charles Darwin, 2 vols. (New York: D. Appleton & Co., 1898) (henceforth cited as DarLifeLet)");
        assert_eq!(families(&item.editor), ["Darwin"]);
        assert_eq!(
            item.container_title.as_deref(),
            Some("The Life and Letters of Charles Darwin")
        );
    }

    #[test]
    fn hereafter_names_the_short_title() {
        let (item, locator) = full("Nathaniel B. Shurtleff, ed., Records of the Massachusetts Bay (Boston, 1853–54), 1:126 (hereafter cited as Mass. Records)");
        assert_eq!(item.extra().title_short.as_deref(), Some("Mass. Records"));
        assert_eq!(locator.map(|l| l.value), Some("126".to_string()));
        let (item, _) = full("Francis Darwin, ed., The Life and Letters (New York: Appleton, 1898) (henceforth cited as DarLifeLet)");
        assert_eq!(item.extra().title_short.as_deref(), Some("DarLifeLet"));
        let (item, _) = full("Francis Darwin, ed., The Life and Letters (New York: Appleton, 1898) (hereafter cited as “Life and Letters”)");
        assert_eq!(
            item.extra().title_short.as_deref(),
            Some("Life and Letters")
        );
        let parse = citation(Span::new("Mass. Records, 2:200")).unwrap();
        assert!(
            matches!(parse.parsed.and_then(Parsed::into_short), Some(ShortForm { title: Some(ref t), .. }) if t == "Mass. Records")
        );
    }

    #[test]
    fn a_year_before_the_pages_makes_a_book_with_no_publisher() {
        let (item, locator) = full("Aristotle, Ethics, 1994, 84");
        assert_eq!(families(&item.author), ["Aristotle"]);
        assert_eq!(item.title.as_deref(), Some("Ethics"));
        assert_eq!(item.issued.map(|d| d.year()), Some(1994));
        assert_eq!(locator.map(|l| l.value).as_deref(), Some("84"));
        let (item, _) =
            full("Interpersonal Skills and Phrases Designed to Sound Scientific, 2019, 14–17");
        assert!(item.author.is_empty());
        assert_eq!(
            item.title.as_deref(),
            Some("Interpersonal Skills and Phrases Designed to Sound Scientific")
        );
        // A closed parenthetical belongs to the title.
        let (item, _) = full("Patrick W. Daly, Citations and References (Author-Year and Numerical Schemes), 2009, 68");
        assert_eq!(
            item.title.as_deref(),
            Some("Citations and References (Author-Year and Numerical Schemes)")
        );
        // Without a name in full, no day or month, and no book without
        // the pages cited after its year.
        for text in [
            "Committee on Foreign Affairs, Hearings, March 12, 1999, 45",
            "Kullback, Information Theory, 1997",
        ] {
            let parse = citation(Span::new(text));
            assert!(
                !matches!(parse.and_then(|p| p.parsed), Some(Parsed::Full(_))),
                "{text}"
            );
        }
    }

    #[test]
    fn a_quoted_title_in_a_numbered_series_with_its_volume_apart() {
        let (item, locator) = full(
            "J. G. Cuby, “Handling Dispersion,” vol. 3355, Proc. SPIE (Bellingham: SPIE, 1998), 52",
        );
        assert_eq!(item.item_type, ItemType::PaperConference);
        assert_eq!(item.volume.as_deref(), Some("3355"));
        assert_eq!(item.collection_title.as_deref(), Some("Proc. SPIE"));
        assert_eq!(item.publisher.as_deref(), Some("SPIE"));
        assert_eq!(locator.map(|l| l.value).as_deref(), Some("52"));
        let (item, _) = full("M. Zeller, “Rural Finance,” vol. 4, Food Policy Review (Washington DC: IFPRI, 1997), 24");
        assert_eq!(item.item_type, ItemType::Chapter);
        assert_eq!(item.collection_title.as_deref(), Some("Food Policy Review"));
        assert_eq!(item.issued.map(|d| d.year()), Some(1997));
        // With editors, a contribution to their book.
        let (item, _) = full("C. Herring, “Accidental Degeneracy,” ed. Robert S. Knox and Albert Gold, Lecture Notes in Physics (New York: W. A. Benjamin, 1964), 26");
        assert_eq!(item.item_type, ItemType::Chapter);
        assert_eq!(families(&item.editor), ["Knox", "Gold"]);
        assert_eq!(
            item.collection_title.as_deref(),
            Some("Lecture Notes in Physics")
        );
    }

    #[test]
    fn a_book_in_a_series_of_proceedings_holds_conference_papers() {
        let (item, _) = full("R. L. Akeson, “Differential Phase,” in Interferometry in Optical Astronomy, ed. Pierre J. Lena, vol. 4006, Proc. SPIE (Bellingham: SPIE, 2000), 14–17");
        assert_eq!(item.item_type, ItemType::PaperConference);
        assert_eq!(
            item.container_title.as_deref(),
            Some("Interferometry in Optical Astronomy")
        );
        let (item, _) = full("W. Cotton, “Fringe Fitting,” in Very Long Baseline Interferometry, ASP Conference Series 82 (San Francisco: ASP, 1995), 47");
        assert_eq!(item.item_type, ItemType::PaperConference);
        // A country closes the meeting's place: no series.
        let (item, _) = full("C. Y. Chung, “Forms,” in Proceedings of the Conference on Cybernetics, Tucson, AZ, USA (Silver Spring, MD: IEEE, 1985), 99");
        assert_eq!(
            item.container_title.as_deref(),
            Some("Proceedings of the Conference on Cybernetics, Tucson, AZ, USA")
        );
        assert_eq!(item.collection_title, None);
        // A series of books is no sign.
        let (item, _) = full("R. L. Akeson, “Phase,” in Optical Astronomy, ed. Pierre J. Lena, vol. 4, Studies in Physics (London: Methuen, 2000), 14");
        assert_eq!(item.item_type, ItemType::Chapter);
    }

    #[test]
    fn a_volume_numbered_within_a_journals_code() {
        let (item, _) = full("W. A. Ocker, “Program to Hyphenate,” IEEE Trans Eng Writing Speech EWS-14, no. 2 (June 1971): 19");
        assert_eq!(
            item.container_title.as_deref(),
            Some("IEEE Trans Eng Writing Speech")
        );
        assert_eq!(item.volume.as_deref(), Some("EWS-14"));
        assert!(is_lettered_volume("PC-15"));
        for not_one in ["COVID-19", "A-1", "PC-1500", "pc-15", "PC15", "PC-"] {
            assert!(!is_lettered_volume(not_one), "{not_one}");
        }
    }

    #[test]
    fn german_and_french_editions() {
        let (item, _) = full(
            "Eduard Sievers, ed., Tatian, 2., neubearb. Ausgabe (Paderborn: Schöningh, 1892), 38",
        );
        assert_eq!(item.title.as_deref(), Some("Tatian"));
        assert_eq!(item.extra().edition.as_deref(), Some("2., neubearb."));
        let (item, _) = full("Jean Dupont, Le Livre, 2e éd. (Paris: Seuil, 1990), 7");
        assert_eq!(item.extra().edition.as_deref(), Some("2"));
    }

    #[test]
    fn a_capitalised_particle_opens_a_short_forms_surname() {
        let parse = citation(Span::new("Warmer and Van Egmond, 14–17"));
        match parse.and_then(|p| p.parsed?.into_short()) {
            Some(ShortForm { creators, .. }) => {
                assert_eq!(families(&creators), ["Warmer", "Van Egmond"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_meetings_short_name_and_year_is_its_proceedings_series() {
        for yes in ["MobiCom ’04", "SOSP '17", "TEEM ’13", "ICTD ’16"] {
            assert!(is_meeting_acronym(yes), "{yes}");
        }
        for no in ["Mobile ’04", "SOSP 2017", "SOSP ’2017", "New York", "IEEE"] {
            assert!(!is_meeting_acronym(no), "{no}");
        }
        let (item, _) = full("Lingxuan Hu, “Localization,” in Proceedings of the 10th Annual International Conference on Mobile Computing, MobiCom ’04 (New York: ACM, 2004), 33");
        assert_eq!(
            item.container_title.as_deref(),
            Some("Proceedings of the 10th Annual International Conference on Mobile Computing")
        );
        assert_eq!(item.collection_title.as_deref(), Some("MobiCom ’04"));
    }

    #[test]
    fn a_series_named_by_its_head_word() {
        for yes in [
            "Synthese Library",
            "Toronto Studies in Philosophy",
            "Boston Studies in the Philosophy of Science",
            "Cambridge History of Science Series",
        ] {
            assert!(names_a_series(yes), "{yes}");
        }
        for no in [
            "Introduction et Notes",
            "Studies",
            "Essays and Studies",
            "Some studies in philosophy",
            "“Quoted” Studies",
        ] {
            assert!(!names_a_series(no), "{no}");
        }
        let (item, _) = full("Joseph Agassi, ed., Scientific Philosophy Today, Boston Studies in the Philosophy of Science, v. 67 (Dordrecht: Reidel, 1982), 21");
        assert_eq!(item.title.as_deref(), Some("Scientific Philosophy Today"));
        assert_eq!(
            item.collection_title.as_deref(),
            Some("Boston Studies in the Philosophy of Science")
        );
        assert_eq!(item.volume.as_deref(), Some("67"));
        let (item, _) = full("Mario Bunge, Chasing Reality, Toronto Studies in Philosophy (Toronto: University of Toronto Press, 2006), 33");
        assert_eq!(item.title.as_deref(), Some("Chasing Reality"));
        assert_eq!(
            item.collection_title.as_deref(),
            Some("Toronto Studies in Philosophy")
        );
    }

    #[test]
    fn volumes_after_a_journals_years_or_with_a_letter() {
        let (item, _) = full(
            "E. P. Gross, “Structure,” Il Nuovo Cimento (1955-1965) 20, no. 3 (May 1961): 30–33",
        );
        assert_eq!(
            item.container_title.as_deref(),
            Some("Il Nuovo Cimento (1955-1965)")
        );
        assert_eq!(item.volume.as_deref(), Some("20"));
        let (item, _) = full("Erich D. Gust, “The Viscosity,” Phys. Scr. T165 (October 2015): 69");
        assert_eq!(item.container_title.as_deref(), Some("Phys. Scr."));
        assert_eq!(item.volume.as_deref(), Some("T165"));
        assert!(is_lettered_volume("T165"));
        assert!(!is_lettered_volume("T123456"));
        assert!(!is_lettered_volume("Tx12"));
    }

    #[test]
    fn a_meetings_acronym_in_parentheses_is_no_city() {
        let (item, locator) = full("A. S. Almasoud, “Toward a Smart Contract,” in 2018 IEEE 15th International Conference on E-Business Engineering (ICEBE), 2018, 83");
        assert_eq!(
            item.container_title.as_deref(),
            Some("2018 IEEE 15th International Conference on E-Business Engineering (ICEBE)")
        );
        assert_eq!(item.publisher_place, None);
        assert_eq!(locator.map(|l| l.value).as_deref(), Some("83"));
        // A city in parentheses still is one.
        let (item, _) = full("Ann Lee, “Title,” Rivista (Milano), March 1990, 4");
        assert_eq!(item.publisher_place.as_deref(), Some("Milano"));
    }

    #[test]
    fn an_articles_genre_before_its_journal() {
        let (item, _) = full("D. C. Ganster, “The Validity,” Monograph, Journal of Applied Psychology 76 (1991): 38–41");
        assert_eq!(
            item.container_title.as_deref(),
            Some("Journal of Applied Psychology")
        );
        let (item, _) = full("S. Marshall, “Learning,” Supplemental material, Journal of Comparative Psychology 122 (2008): 84");
        assert_eq!(
            item.container_title.as_deref(),
            Some("Journal of Comparative Psychology")
        );
    }

    #[test]
    fn a_page_range_on_a_site_before_its_date_seen() {
        let (item, locator) = full("Libra Association, “White Paper,” Libra.org, 42–45, accessed August 20, 2020, https://libra.org/white-paper/");
        assert_eq!(item.container_title.as_deref(), Some("Libra.org"));
        assert_eq!(item.volume, None);
        assert_eq!(locator.map(|l| l.value).as_deref(), Some("42-45"));
    }

    #[test]
    fn a_list_of_pages_ascends() {
        let short = |t: &str| match citation(Span::new(t))
            .and_then(|p| p.parsed?.into_short().map(|x| (x, p.locator)))
        {
            Some((ShortForm { title, .. }, locator)) => (title, locator.map(|l| l.value)),
            other => panic!("{t}: {other:?}"),
        };
        assert_eq!(
            short("Fogel, The Escape from Hunger, 1700–2100, 93"),
            (
                Some("The Escape from Hunger, 1700–2100".into()),
                Some("93".into())
            )
        );
        assert_eq!(
            short("Turabian, A Manual, 303, 416"),
            (Some("A Manual".into()), Some("303, 416".into()))
        );
        for (text, pages) in [
            ("Turabian, A Manual, 45, table 3", "45, table 3"),
            ("Turabian, A Manual, 45ff", "45ff"),
            ("Turabian, A Manual, vol. 2, 45", "45"),
        ] {
            assert_eq!(
                short(text),
                (Some("A Manual".into()), Some(pages.into())),
                "{text}"
            );
        }
    }

    #[test]
    fn editions_and_volumes_as_catalogues_write_them() {
        let (item, _) = full("Donald Rutherford, Routledge Dictionary of Economics, 2nd ed (London: Routledge, 2002), 46");
        assert_eq!(
            item.title.as_deref(),
            Some("Routledge Dictionary of Economics")
        );
        assert_eq!(item.extra().edition.as_deref(), Some("2"));
        assert_eq!(all_of(volume, Span::new("v. 67")).as_deref(), Some("67"));
    }
}
