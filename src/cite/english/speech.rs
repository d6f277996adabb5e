//! Chicago's notes for speeches and lectures: `Jane Goodall, “Chimpanzees
//! and Humanity” (lecture, University of Chicago, Chicago, IL, May 1,
//! 2005), 3`, `… (speech, Oslo, Norway, December 10, 2009), https://…`:
//! the kind of talk, then where it was given (the occasion or host, the
//! place) and the day, in parentheses after the talk's title.

use super::{after_publication, periodical_elements, town_shaped};
use crate::cite::dates::english_date;
use crate::cite::scan::{all_of, parens, trim};
use crate::cite::{CiteParse, Span};
use crate::model::{Item, ItemType, Language};

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
    let between: Vec<&str> = between.iter().map(|e| e.fragment().trim()).collect();
    let place_from = between.len() - place_length(&between);
    let (host, place) = between.split_at(place_from);
    let mut item = Item::new(ItemType::Speech);
    item.title = Some(title.into());
    item.genre = Some(genre.into());
    item.issued = Some(date);
    if !host.is_empty() {
        let host = host.join(", ");
        let host = host.strip_prefix("the ").unwrap_or(&host);
        item.extra_mut().event_title = Some(host.into());
    }
    if !place.is_empty() {
        item.extra_mut().event_place = Some(place.join(", ").into());
    }
    item.language = Some(Language::English);
    // What follows the talk (pages, address) must be read whole, or this
    // is no talk.
    let mut tail = CiteParse::default();
    after_publication(rest, &mut item, &mut tail);
    if !tail.unparsed.is_empty() {
        return None;
    }
    parse.locator = tail.locator;
    parse.forms.extend(tail.forms);
    Some(item)
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
}
