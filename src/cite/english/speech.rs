//! Chicago's notes for speeches and lectures: `Jane Goodall, “Chimpanzees
//! and Humanity” (lecture, University of Chicago, Chicago, IL, May 1,
//! 2005), 3`, `… (speech, Oslo, Norway, December 10, 2009), https://…`:
//! the kind of talk, then where it was given (the occasion or host, the
//! place) and the day, in parentheses after the talk's title.

use super::{after_publication, periodical_elements, town_shaped};
use crate::cite::dates::english_date;
use crate::cite::scan::{all_of, parens, slice, trim};
use crate::cite::{CiteParse, NameList, Parsed, Span};
use crate::model::{Date, Item, ItemType, Language};
use std::sync::Arc;

/// What a talk is called in the parenthetical that opens with it.
const SPEECH_GENRES: &[&str] = &[
    "speech",
    "lecture",
    "public lecture",
    "keynote lecture",
    "plenary lecture",
    "memorial lecture",
    "address",
    "keynote address",
    "plenary address",
    "commencement address",
    "inaugural address",
    "keynote",
    "keynote speech",
    "talk",
    "remarks",
    "sermon",
    "presentation",
];

fn is_speech_genre(text: &str) -> bool {
    SPEECH_GENRES.iter().any(|g| text.eq_ignore_ascii_case(g))
}

/// Words that make an element a host or an occasion, never a place:
/// `University of Chicago`, `Munich Conference on Security Policy`.
const HOST_WORDS: &[&str] = &[
    "University",
    "College",
    "Institute",
    "Institution",
    "School",
    "Academy",
    "Museum",
    "Library",
    "Center",
    "Centre",
    "Council",
    "Conference",
    "Forum",
    "Society",
    "Association",
    "Foundation",
    "Club",
    "Hall",
    "Meeting",
    "Congress",
    "Summit",
    "Symposium",
    "Committee",
    "Assembly",
    "Parliament",
    "Senate",
];

fn names_a_host(text: &str) -> bool {
    text.split_whitespace()
        .any(|w| HOST_WORDS.contains(&w.trim_matches([',', '.'])))
}

/// Could this element be (part of) where a talk was given: a town, a
/// state's code or abbreviation (`IL`, `Mass.`: shaped as a town's name),
/// or a country (`Trinidad and Tobago` is not shaped as a town's).
fn place_shaped(text: &str) -> bool {
    !names_a_host(text) && (town_shaped(text) || crate::check::places::is_country_name(text))
}

/// How many of `elements`, from the end, name the place: `Chicago, IL`,
/// `Oslo, Norway`, `Munich`; none when the last is a host.
fn place_length(elements: &[&str]) -> usize {
    match elements {
        [.., town, region] if place_shaped(town) && place_shaped(region) => 2,
        [.., last] if place_shaped(last) => 1,
        _ => 0,
    }
}

/// `(lecture, University of Chicago, Chicago, IL, May 1, 2005)`, with what
/// follows it (pages, address): `after` is what follows the talk's quoted
/// title. The genre must open the parenthetical and a date close it.
pub(super) fn speech(after: Span, title: &str, parse: &mut CiteParse) -> Option<Item> {
    let (rest, inner) = parens(after).ok()?;
    let elements = periodical_elements(trim(inner));
    let (genre, rest_of_inner) = elements.split_first()?;
    let genre = genre.fragment().trim();
    if !is_speech_genre(genre) {
        return None;
    }
    let (date, between) = rest_of_inner.split_last()?;
    let date = all_of(english_date, trim(*date))?;
    let mut item = talk(genre, between, date);
    item.title = Some(title.into());
    finish(rest, item, parse)
}

/// A talk of this kind, given on `date`, with what stood between them: who
/// hosted it or what the occasion was, then the place.
fn talk(genre: &str, between: &[Span], date: Date) -> Item {
    let between: Vec<&str> = between.iter().map(|e| e.fragment().trim()).collect();
    let place_from = between.len() - place_length(&between);
    let (host, place) = between.split_at(place_from);
    let mut item = Item::new(ItemType::Speech);
    item.genre = Some(genre.into());
    item.issued = Some(date);
    if !host.is_empty() {
        let host = host.join(", ");
        item.extra_mut().event_title = Some(without_article(&host).into());
    }
    if !place.is_empty() {
        item.extra_mut().event_place = Some(place.join(", ").into());
    }
    item.language = Some(Language::English);
    item
}

fn without_article(text: &str) -> &str {
    ["the ", "a "]
        .iter()
        .find_map(|a| text.strip_prefix(a))
        .unwrap_or(text)
}

/// What follows the talk (pages, address) must be read whole, or this is
/// no talk.
fn finish(rest: Span, mut item: Item, parse: &mut CiteParse) -> Option<Item> {
    let mut tail = CiteParse::default();
    after_publication(rest, &mut item, &mut tail);
    if !tail.unparsed.is_empty() {
        return None;
    }
    parse.locator = tail.locator;
    parse.forms.extend(tail.forms);
    Some(item)
}

/// How an untitled talk's kind is joined to its occasion: `speech at the
/// Munich Conference`, `address before a joint session of Congress`.
const OCCASION_WORDS: &[&str] = &[" delivered at ", " given at ", " at ", " before ", " to "];

/// `speech`, `farewell address`, `State of the Union address`: a talk's
/// kind as a description names it, its last words a genre as written
/// (lower case: `Farewell Address` is a title).
fn described_genre(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=6).contains(&words)
        && !text.contains(|c: char| c.is_ascii_digit() || matches!(c, ':' | '“' | '"'))
        && SPEECH_GENRES.iter().any(|g| {
            text.strip_suffix(g)
                .is_some_and(|before| before.is_empty() || before.ends_with(' '))
        })
}

/// A talk cited without a title (`rest` follows its speaker's comma):
/// Chicago's description, `speech at the Munich Conference on Security
/// Policy, Munich, February 10, 2007`, `farewell address, January 17, 1961,
/// 3`, and citeproc-js's `address (Beijing, September 5, 1995)`.
pub(super) fn untitled_speech(rest: Span, speakers: &NameList) -> Option<CiteParse> {
    // Most notes describe no talk: a look for a genre first.
    let text = rest.fragment();
    let first = text.split([',', '(']).next().unwrap_or(text);
    if !SPEECH_GENRES.iter().any(|g| first.contains(g)) {
        return None;
    }
    let mut parse = CiteParse::default();
    let mut item =
        described_in_parentheses(rest, &mut parse).or_else(|| described(rest, &mut parse))?;
    speakers.clone().apply_to(&mut item);
    parse.parsed = Some(Parsed::Full(Arc::new(item)));
    Some(parse)
}

/// `address (Beijing, September 5, 1995)`: the kind, then what
/// [`speech`]'s parenthetical holds after it.
fn described_in_parentheses(rest: Span, parse: &mut CiteParse) -> Option<Item> {
    let text = rest.fragment();
    let open = text.find(" (")?;
    let genre = text.get(..open)?.trim();
    if !described_genre(genre) {
        return None;
    }
    let (after, inner) = parens(slice(rest, open + 1, text.len())).ok()?;
    // `(New York: Harper, 1796)` is a book's publication.
    if inner.fragment().contains(':') {
        return None;
    }
    let elements = periodical_elements(trim(inner));
    let (date, between) = elements.split_last()?;
    let date = all_of(english_date, trim(*date))?;
    finish(after, talk(genre, between, date), parse)
}

/// `speech at the Munich Conference on Security Policy, Munich, February
/// 10, 2007`: the description, where, the day, then pages or an address.
fn described(rest: Span, parse: &mut CiteParse) -> Option<Item> {
    let elements = periodical_elements(trim(rest));
    let (first, others) = elements.split_first()?;
    let first = first.fragment().trim();
    let (genre, occasion) = match OCCASION_WORDS
        .iter()
        .find_map(|w| first.split_once(w).filter(|(g, _)| described_genre(g)))
    {
        Some((genre, occasion)) => (genre, Some(occasion.trim())),
        None if described_genre(first) => (first, None),
        None => return None,
    };
    let at = others
        .iter()
        .position(|e| all_of(english_date, trim(*e)).is_some())?;
    let date = all_of(english_date, trim(*others.get(at)?))?;
    let mut item = talk(genre, others.get(..at)?, date);
    if let Some(occasion) = occasion.filter(|o| !o.is_empty()) {
        let occasion = without_article(occasion);
        let title = match item.extra().event_title.as_deref() {
            Some(host) => format!("{occasion}, {host}"),
            None => occasion.to_string(),
        };
        item.extra_mut().event_title = Some(title.into());
    }
    let date_end = others.get(at)?;
    let from = date_end.location_offset() + date_end.fragment().len() - rest.location_offset();
    finish(slice(rest, from, rest.fragment().len()), item, parse)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::Parsed;
    use crate::model::{Date, DatePart};

    use super::super::full_parse as parse;

    #[test]
    fn a_lecture_with_its_host_place_and_day() {
        let (item, parse) = parse(
            "Jane Goodall, “Chimpanzees and Humanity” (lecture, University of Chicago, Chicago, IL, May 1, 2005), 3",
        );
        assert_eq!(item.item_type, ItemType::Speech);
        assert_eq!(item.title.as_deref(), Some("Chimpanzees and Humanity"));
        assert_eq!(item.genre.as_deref(), Some("lecture"));
        assert_eq!(
            item.extra().event_title.as_deref(),
            Some("University of Chicago")
        );
        assert_eq!(item.extra().event_place.as_deref(), Some("Chicago, IL"));
        assert_eq!(item.issued, Some(Date::single(DatePart::day(2005, 5, 1))));
        assert_eq!(parse.locator.map(|l| l.value).as_deref(), Some("3"));
        assert!(parse.unparsed.is_empty());
    }

    #[test]
    fn a_speech_with_a_country_and_an_address_after_it() {
        let (item, parse) = parse(
            "Barack Obama, “Remarks at the Acceptance of the Nobel Peace Prize” (speech, Oslo, Norway, December 10, 2009), 4, https://example.org/nobel",
        );
        assert_eq!(item.item_type, ItemType::Speech);
        assert_eq!(item.extra().event_title, None);
        assert_eq!(item.extra().event_place.as_deref(), Some("Oslo, Norway"));
        assert_eq!(item.url.as_deref(), Some("https://example.org/nobel"));
        assert_eq!(parse.locator.map(|l| l.value).as_deref(), Some("4"));
    }

    #[test]
    fn an_occasion_and_a_town_and_the_sixteenth_editions_comma() {
        let (item, _) = parse(
            "Vladimir Putin, “Speech and the Following Discussion,” (keynote address, the Munich Conference on Security Policy, Munich, February 10, 2007)",
        );
        assert_eq!(item.item_type, ItemType::Speech);
        assert_eq!(item.genre.as_deref(), Some("keynote address"));
        assert_eq!(
            item.extra().event_title.as_deref(),
            Some("Munich Conference on Security Policy")
        );
        assert_eq!(item.extra().event_place.as_deref(), Some("Munich"));
    }

    #[test]
    fn a_host_alone_is_no_place() {
        let (item, _) =
            parse("A. B. Smith, “On Things” (lecture, Harvard University, March 3, 2003)");
        assert_eq!(item.item_type, ItemType::Speech);
        assert_eq!(
            item.extra().event_title.as_deref(),
            Some("Harvard University")
        );
        assert_eq!(item.extra().event_place, None);
    }

    #[test]
    fn not_a_talk() {
        // No genre first, no date last, or a tail that is not pages.
        for text in [
            "Jane Roe, “A Paper” (working paper, Harvard University, 2015)",
            "Jane Roe, “A Talk” (lecture, University of Chicago)",
            "Jane Roe, “A Talk” (lecture, Chicago, May 1, 2005), and more prose",
        ] {
            let parse = super::super::citation(Span::new(text)).unwrap_or_default();
            if let Some(Parsed::Full(item)) = &parse.parsed {
                assert_ne!(item.item_type, ItemType::Speech, "{text}");
            }
        }
        assert!(is_speech_genre("Lecture"));
        assert!(!is_speech_genre("lectures"));
        assert_eq!(place_length(&["University of Chicago", "Chicago", "IL"]), 2);
        assert_eq!(place_length(&["Harvard University"]), 0);
        assert_eq!(place_length(&["Oslo", "Norway"]), 2);
        assert_eq!(place_length(&["Amherst", "Mass."]), 2);
        assert!(place_shaped("Trinidad and Tobago"));
        assert!(!town_shaped("Trinidad and Tobago"));
        assert!(!place_shaped("Stanford University"));
        assert_eq!(place_length(&[]), 0);
    }

    #[test]
    fn an_untitled_talk_described_at_its_occasion() {
        let (item, putin) = parse(
            "Vladimir Putin, speech at the Munich Conference on Security Policy, Munich, February 10, 2007, 4",
        );
        assert_eq!(item.item_type, ItemType::Speech);
        assert_eq!(item.title, None);
        assert_eq!(item.genre.as_deref(), Some("speech"));
        assert_eq!(
            item.extra().event_title.as_deref(),
            Some("Munich Conference on Security Policy")
        );
        assert_eq!(item.extra().event_place.as_deref(), Some("Munich"));
        assert_eq!(item.issued, Some(Date::single(DatePart::day(2007, 2, 10))));
        assert_eq!(item.author.first().and_then(|n| n.family()), Some("Putin"));
        assert_eq!(putin.locator.map(|l| l.value).as_deref(), Some("4"));
        // The occasion and a host after it; `a` is dropped as `the` is.
        let (item, _) = parse(
            "Ronald Reagan, address before a joint session of Congress, Capitol Hall, Washington, DC, April 28, 1981",
        );
        assert_eq!(
            item.extra().event_title.as_deref(),
            Some("joint session of Congress, Capitol Hall")
        );
        assert_eq!(item.extra().event_place.as_deref(), Some("Washington, DC"));
    }

    #[test]
    fn an_untitled_talk_named_by_its_kind_alone() {
        let (item, parse) = parse(
            "Barack Obama, State of the Union address, Washington, DC, January 20, 2015, https://example.org/sotu",
        );
        assert_eq!(item.item_type, ItemType::Speech);
        assert_eq!(item.genre.as_deref(), Some("State of the Union address"));
        assert_eq!(item.extra().event_place.as_deref(), Some("Washington, DC"));
        assert_eq!(item.url.as_deref(), Some("https://example.org/sotu"));
        assert_eq!(parse.locator, None);
    }

    #[test]
    fn citeprocs_untitled_talk() {
        let (item, parse) = parse(
            "Hillary Rodham Clinton, address (United Nations Fourth World Conference on Women, Beijing, September 5, 1995), 8",
        );
        assert_eq!(item.item_type, ItemType::Speech);
        assert_eq!(item.title, None);
        assert_eq!(item.genre.as_deref(), Some("address"));
        assert_eq!(
            item.extra().event_title.as_deref(),
            Some("United Nations Fourth World Conference on Women")
        );
        assert_eq!(item.extra().event_place.as_deref(), Some("Beijing"));
        assert_eq!(parse.locator.map(|l| l.value).as_deref(), Some("8"));
    }

    #[test]
    fn not_an_untitled_talk() {
        for text in [
            // A title in capitals, with a publication: a book.
            "George Washington, Farewell Address (New York: Harper, 1796), 12",
            // A lower-case kind before a publication.
            "George Washington, farewell address (New York: Harper, 1796), 12",
            // No day.
            "Vladimir Putin, speech at the Munich Conference, Munich",
            // Prose after the day.
            "Vladimir Putin, speech at the Munich Conference, February 10, 2007, which he gave",
            // A genre's word that does not end the description.
            "Vladimir Putin, address book of the embassy, February 10, 2007, 3",
        ] {
            let parse = super::super::citation(Span::new(text)).unwrap_or_default();
            if let Some(Parsed::Full(item)) = &parse.parsed {
                assert_ne!(item.item_type, ItemType::Speech, "{text}");
            }
        }
        assert!(described_genre("farewell address"));
        assert!(described_genre("speech"));
        assert!(!described_genre("Farewell Address"));
        assert!(!described_genre("a long string of words before the speech"));
        assert!(!described_genre("speech 2"));
        assert!(!described_genre("keynotes"));
    }
}
