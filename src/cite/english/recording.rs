//! Chicago's notes for films and videos: `Monty Python and the Holy Grail,
//! directed by Terry Gilliam and Terry Jones (1975; Culver City, CA:
//! Columbia TriStar, 2001), DVD` and `“Objects of Desire,” YouTube video,
//! 4:15, posted by Vox, April 3, 2019, https://…`.

use super::unpublished::around_date;
use super::{accessed, url};
use crate::cite::names::english_names_without_role;
use crate::cite::scan::{all_of, slice, split_top_level, trim};
use crate::cite::{span_range, CiteParse, NameList, PResult, Parsed, Span};
use crate::model::{Item, ItemType, Language, Name};
use nom::bytes::complete::{tag, take_while_m_n};
use nom::combinator::{opt, recognize};
use nom::Parser;
use std::sync::Arc;

/// `YouTube video`, `Vimeo video`, `video`, `video file`: a video's medium,
/// named by where it is posted, in at most three words.
fn is_video_medium(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words = text.split_whitespace().count();
    (lower == "video" || lower.ends_with(" video") || lower.ends_with(" video file"))
        && (1..=3).contains(&words)
}

/// `4:15`, `1:02:33`: a recording's running time.
fn running_time(input: Span) -> PResult<Span> {
    let digits = |min, max| take_while_m_n(min, max, |c: char| c.is_ascii_digit());
    recognize((
        digits(1, 2),
        tag(":"),
        digits(2, 2),
        opt((tag(":"), digits(2, 2))),
    ))
    .parse(input)
}

/// `posted by Vox`: the channel that posted a video.
fn posted_by(text: &str) -> Option<&str> {
    let channel = text.strip_prefix("posted by ")?;
    let channel = channel.trim().trim_matches(['"', '“', '”', ',']).trim();
    (!channel.is_empty()).then_some(channel)
}

/// A video's or a broadcast's item: its title, its creators, its day.
fn recording(
    item_type: ItemType,
    title: &str,
    creators: Option<&NameList>,
    issued: Option<crate::model::Date>,
) -> Item {
    let mut item = Item::new(item_type);
    item.title = Some(title.into());
    if let Some(list) = creators {
        list.clone().apply_to(&mut item);
    }
    item.language = Some(Language::English);
    item.issued = issued;
    item
}

/// `“Title,” YouTube video, 4:15, posted by Vox, April 3, 2019, URL`:
/// `after` is what follows the quoted title's comma.
pub(super) fn video(after: Span, title: &str, creators: Option<&NameList>) -> Option<CiteParse> {
    // Every quoted title comes here: look at the first element alone
    // before reading them all.
    let text = after.fragment();
    let first = text.get(..text.find(',').unwrap_or(text.len()))?;
    if !is_video_medium(first.trim()) {
        return None;
    }
    let dated = around_date(after);
    let (medium, before) = dated.before.split_first()?;
    if !is_video_medium(medium.fragment()) {
        return None;
    }
    let mut parse = CiteParse::default();
    let mut item = recording(ItemType::MotionPicture, title, creators, dated.date);
    item.extra_mut().medium = Some(medium.fragment().to_string().into());
    for element in before.iter().chain(&dated.after) {
        let text = *element.fragment();
        if all_of(running_time, *element).is_some() && item.extra().dimensions.is_none() {
            item.extra_mut().dimensions = Some(text.into());
        } else if let Some(channel) = posted_by(text).filter(|_| item.publisher.is_none()) {
            item.publisher = Some(channel.into());
        } else if let Some(address) = all_of(url, *element).filter(|_| item.url.is_none()) {
            item.url = Some(address.into());
        } else if let Some(seen) = accessed(*element).filter(|_| item.extra().accessed.is_none()) {
            item.extra_mut().accessed = Some(seen);
        } else {
            parse.unparsed.push(span_range(element));
        }
    }
    parse.parsed = Some(Parsed::Full(Arc::new(item)));
    Some(parse)
}

/// What a broadcast is, as a note says it in lower case: `podcast`, `radio
/// broadcast`, `television program`.
const BROADCAST_GENRES: &[&str] = &[
    "podcast",
    "podcast episode",
    "podcast audio",
    "podcast video",
    "radio broadcast",
    "television broadcast",
    "TV broadcast",
    "radio program",
    "radio programme",
    "television program",
    "television programme",
    "TV program",
    "radio show",
    "television show",
    "TV show",
];

/// The words a broadcast's genre holds: a look for them spares reading
/// the other notes with a quoted title.
const BROADCAST_WORDS: &[&str] = &[
    "podcast",
    "Podcast",
    "broadcast",
    "Broadcast",
    "program",
    "Program",
    "show",
    "Show",
];

/// `MP3 audio`: the file a podcast was heard as.
fn is_audio_format(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (text == "audio" || text.ends_with(" audio")) && (1..=2).contains(&words)
}

/// `produced by Phil Pegan`, `hosted by Ira Glass`: who else made it, kept
/// as words (CSL-JSON's note); `published by BBC World Service` is the
/// publisher.
fn made_by(text: &str) -> Option<(&'static str, &str)> {
    [
        "published by ",
        "produced by ",
        "presented by ",
        "hosted by ",
        "presented and produced by ",
    ]
    .iter()
    .find_map(|lead| Some((*lead, text.strip_prefix(lead)?.trim())))
    .filter(|(_, who)| !who.is_empty())
}

/// `“Title,” podcast, This American Life (WBEZ, May 9, 2008), 6, URL`, as
/// citeproc-js writes a CSL broadcast, and Chicago's `“Title,” March 2,
/// 2021, in In the Studio, produced by …, podcast, MP3 audio, 26:29, URL`:
/// an episode of a podcast or a radio or television programme. `after`
/// follows the quoted title's comma.
///
/// The genre is required, and so is a date; every element must be read,
/// or the note is left to the other grammars.
pub(super) fn broadcast(
    after: Span,
    title: &str,
    creators: Option<&NameList>,
) -> Option<CiteParse> {
    let text = after.fragment();
    if !BROADCAST_WORDS.iter().any(|w| text.contains(w)) {
        return None;
    }
    let dated = around_date(after);
    let mut item = recording(ItemType::Broadcast, title, creators, dated.date);
    let mut parse = CiteParse::default();
    let mut notes = Vec::new();
    let elements = dated.before.iter().chain(&dated.after);
    for element in elements {
        let text = *element.fragment();
        if is_broadcast_genre(text) && item.genre.is_none() {
            item.genre = Some(text.into());
        } else if let Some(show) = text
            .strip_prefix("in ")
            .filter(|_| item.container_title.is_none())
        {
            item.container_title = Some(show.trim().into());
        } else if let Some((lead, who)) = made_by(text) {
            if lead == "published by " && item.publisher.is_none() {
                item.publisher = Some(who.into());
            } else {
                notes.push(text);
            }
        } else if all_of(running_time, *element).is_some() && item.extra().dimensions.is_none() {
            item.extra_mut().dimensions = Some(text.into());
        } else if is_audio_format(text) && item.extra().medium.is_none() {
            item.extra_mut().medium = Some(text.into());
        } else if let Some(address) = all_of(url, *element).filter(|_| item.url.is_none()) {
            item.url = Some(address.into());
        } else if let Some(seen) = accessed(*element).filter(|_| item.extra().accessed.is_none()) {
            item.extra_mut().accessed = Some(seen);
        } else if let Some(pages) = all_of(super::cited_pages, *element)
            .filter(|_| parse.locator.is_none() && item.url.is_none() && item.issued.is_some())
        {
            parse.locator = Some(pages);
        } else if item.container_title.is_none() {
            // `This American Life (WBEZ, May 9, 2008)`, `The Ezra Klein Show
            // (podcast)`: the programme, with who broadcast it and when, or
            // what it is.
            show_with_broadcaster(*element, &mut item)?;
        } else {
            return None;
        }
    }
    if item.genre.is_none() || item.issued.is_none() {
        return None;
    }
    if !notes.is_empty() {
        item.extra_mut().note = Some(notes.join(", ").into());
    }
    parse.parsed = Some(Parsed::Full(Arc::new(item)));
    Some(parse)
}

/// Any case: Zotero's podcasts name their medium `Podcast`.
fn is_broadcast_genre(text: &str) -> bool {
    BROADCAST_GENRES
        .iter()
        .any(|g| g.eq_ignore_ascii_case(text))
}

/// `Ezra Klein, The Ezra Klein Show: What China Wants, Podcast, The Ezra
/// Klein Show (New York Times, 2023), URL`: an episode whose title is set
/// in italics, as citeproc-js writes Zotero's podcasts (CSL `song`). The
/// title runs to the first element that is a broadcast's genre; the rest is
/// read as [`broadcast`] reads what follows a quoted title.
pub(super) fn broadcast_with_plain_title(
    rest: Span,
    creators: Option<&NameList>,
) -> Option<CiteParse> {
    let text = rest.fragment();
    if !BROADCAST_WORDS.iter().any(|w| text.contains(w)) {
        return None;
    }
    let elements = split_top_level(rest, |c| c == ',');
    let genre = elements
        .iter()
        .skip(1)
        .find(|e| is_broadcast_genre(trim(**e).fragment()))?;
    let at = genre
        .location_offset()
        .checked_sub(rest.location_offset())?;
    let title = text.get(..at)?.trim().trim_end_matches(',').trim();
    if title.is_empty() {
        return None;
    }
    broadcast(trim(slice(rest, at, text.len())), title, creators)
}

/// `This American Life (WBEZ, May 9, 2008)` or `This American Life`: the
/// programme, and in brackets who broadcast it (at most one element) and
/// when.
fn show_with_broadcaster(element: Span, item: &mut Item) -> Option<()> {
    let text = *element.fragment();
    let Some(open) = text.find(" (").filter(|_| text.ends_with(')')) else {
        item.container_title = Some(text.into());
        return Some(());
    };
    let show = text.get(..open)?.trim();
    let inner = text.get(open + 2..text.len() - 1)?;
    if is_broadcast_genre(inner) && item.genre.is_none() {
        item.container_title = Some(show.into());
        item.genre = Some(inner.into());
        return Some(());
    }
    let dated = around_date(Span::new(inner));
    if !dated.after.is_empty() || dated.before.len() > 1 || item.issued.is_some() {
        return None;
    }
    item.container_title = Some(show.into());
    item.publisher = dated
        .before
        .first()
        .map(|b| b.fragment().to_string().into());
    item.issued = Some(dated.date?);
    Some(())
}

/// `Monty Python and the Holy Grail, directed by Terry Gilliam and Terry
/// Jones`: a film's title and its directors.
pub(super) fn directed_by(title: &str) -> Option<(String, Vec<Name>)> {
    let (work, directors) = title.split_once(", directed by ")?;
    let list = all_of(english_names_without_role, trim(Span::new(directors)))?;
    (!work.trim().is_empty() && !list.names.is_empty())
        .then(|| (work.trim().to_string(), list.names))
}

/// `DVD`, `Blu-ray`, `VHS`, `YouTube video`: media only films and videos
/// come in (a `CD-ROM` or a `Kindle edition` is a book's).
pub(super) fn is_film_medium(text: &str) -> bool {
    super::published_medium(text) == Some(true) || is_video_medium(text)
}

/// Whether `text` opens with a film's medium, up to a comma or a
/// parenthesis: `DVD (1942; …)`.
pub(super) fn opens_with_film_medium(text: &str) -> bool {
    let end = text.find([',', '(']).unwrap_or(text.len());
    is_film_medium(text.get(..end).unwrap_or("").trim())
}

/// A book-shaped note whose medium is a film's (`Monty Python and the Holy
/// Grail, DVD (1975; repr., …)`, `…), DVD`) cites a film: keep the medium
/// and make it one. Other items keep their type and let the medium go.
pub(super) fn keep_medium(item: &mut Item, medium: &str) {
    if !is_film_medium(medium)
        || !matches!(item.item_type, ItemType::Book | ItemType::MotionPicture)
    {
        return;
    }
    item.item_type = ItemType::MotionPicture;
    if item.extra().medium.is_none() {
        item.extra_mut().medium = Some(medium.into());
    }
}

/// A date for tests.
#[cfg(test)]
fn year_of(date: Option<&crate::model::Date>) -> Option<i32> {
    date.map(crate::model::Date::year)
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::full_parse as parse;

    #[test]
    fn a_video_posted_online() {
        let (item, parse) = parse("“Objects of Desire: Mountains,” YouTube video, 4:15, posted by Vox, April 3, 2019, https://www.youtube.com/watch?v=abc");
        assert_eq!(item.item_type, ItemType::MotionPicture);
        assert_eq!(item.title.as_deref(), Some("Objects of Desire: Mountains"));
        assert_eq!(item.extra().medium.as_deref(), Some("YouTube video"));
        assert_eq!(item.extra().dimensions.as_deref(), Some("4:15"));
        assert_eq!(item.publisher.as_deref(), Some("Vox"));
        assert_eq!(year_of(item.issued.as_ref()), Some(2019));
        assert_eq!(
            item.url.as_deref(),
            Some("https://www.youtube.com/watch?v=abc")
        );
        assert_eq!(item.volume, None);
        assert_eq!(parse.locator, None);
        assert!(parse.unparsed.is_empty());
    }

    #[test]
    fn a_podcast_episode_with_its_title_in_italics_as_citeproc_writes_zoteros_podcast() {
        let (item, cited) = parse("Ezra Klein, The Ezra Klein Show: What China Wants, Podcast, The Ezra Klein Show (New York Times, 2023), 14–17, https://example.com/ek");
        assert_eq!(item.item_type, ItemType::Broadcast);
        assert_eq!(
            item.title.as_deref(),
            Some("The Ezra Klein Show: What China Wants")
        );
        assert_eq!(item.genre.as_deref(), Some("Podcast"));
        assert_eq!(item.container_title.as_deref(), Some("The Ezra Klein Show"));
        assert_eq!(item.publisher.as_deref(), Some("New York Times"));
        assert_eq!(year_of(item.issued.as_ref()), Some(2023));
        assert_eq!(item.url.as_deref(), Some("https://example.com/ek"));
        assert_eq!(cited.locator.map(|l| l.value), Some("14-17".into()));
        let (item, cited) = parse("Bill Bishop, Sinocism Episode 12, podcast, Sinocism, 2022, 6");
        assert_eq!(item.title.as_deref(), Some("Sinocism Episode 12"));
        assert_eq!(item.container_title.as_deref(), Some("Sinocism"));
        assert_eq!(cited.locator.map(|l| l.value), Some("6".into()));
    }

    #[test]
    fn an_italic_title_needs_a_genre_after_it_and_a_date() {
        for note in [
            // No genre: a book.
            "Bill Bishop, Sinocism Episode 12, Sinocism, 2022, 6",
            // The genre first is no title.
            "Podcast, Sinocism, 2022, 6",
            // No date.
            "Bill Bishop, Sinocism Episode 12, podcast, Sinocism",
        ] {
            let parsed = broadcast_with_plain_title(Span::new(note), None);
            assert!(parsed.is_none(), "{note}");
        }
    }

    #[test]
    fn a_podcast_episode_as_citeproc_writes_a_broadcast() {
        let (item, cited) = parse("Ira Glass, “The Giant Pool of Money,” podcast, This American Life (WBEZ, May 9, 2008), 6, https://example.com/tal");
        assert_eq!(item.item_type, ItemType::Broadcast);
        assert_eq!(item.title.as_deref(), Some("The Giant Pool of Money"));
        assert_eq!(item.genre.as_deref(), Some("podcast"));
        assert_eq!(item.container_title.as_deref(), Some("This American Life"));
        assert_eq!(item.publisher.as_deref(), Some("WBEZ"));
        assert_eq!(year_of(item.issued.as_ref()), Some(2008));
        assert_eq!(item.url.as_deref(), Some("https://example.com/tal"));
        assert_eq!(cited.locator.map(|l| l.value).as_deref(), Some("6"));
        assert_eq!(item.volume, None);
        let (item, _) = parse(
            "“Cold War Radio,” radio broadcast, Witness History (BBC World Service, March 3, 2015)",
        );
        assert_eq!(item.genre.as_deref(), Some("radio broadcast"));
        assert_eq!(item.publisher.as_deref(), Some("BBC World Service"));
    }

    #[test]
    fn a_podcast_episode_in_chicagos_form() {
        let (item, cited) = parse("Laurel Hubbard and Phil Pegan, “Emily Young: Stone Carver,” March 2, 2021, in In the Studio, presented and produced by Phil Pegan, published by BBC World Service, podcast, MP3 audio, 26:29, https://example.com/young");
        assert_eq!(item.item_type, ItemType::Broadcast);
        assert_eq!(item.author.len(), 2);
        assert_eq!(item.container_title.as_deref(), Some("In the Studio"));
        assert_eq!(item.publisher.as_deref(), Some("BBC World Service"));
        assert_eq!(item.genre.as_deref(), Some("podcast"));
        assert_eq!(item.extra().medium.as_deref(), Some("MP3 audio"));
        assert_eq!(item.extra().dimensions.as_deref(), Some("26:29"));
        assert_eq!(
            item.extra().note.as_deref(),
            Some("presented and produced by Phil Pegan")
        );
        assert_eq!(year_of(item.issued.as_ref()), Some(2021));
        assert_eq!(cited.locator, None);
    }

    #[test]
    fn not_a_broadcast() {
        let title = "The Show";
        for after in [
            // Undated.
            "podcast, This American Life",
            // No genre.
            "This American Life (WBEZ, May 9, 2008), 6",
            // Something else after the genre and the programme.
            "podcast, This American Life, May 9, 2008, a long aside",
            // Two broadcasters in the brackets, or a second date.
            "podcast, This American Life (WBEZ, NPR, May 9, 2008)",
            "podcast, May 9, 2008, This American Life (WBEZ, May 10, 2008)",
            // A show named in an article's title is no genre.
            "Journal of Broadcast Studies 12 (2008): 4",
        ] {
            assert_eq!(broadcast(Span::new(after), title, None), None, "{after}");
        }
        assert!(broadcast(
            Span::new("podcast, This American Life (WBEZ, May 9, 2008)"),
            title,
            None
        )
        .is_some());
        // Pages once, after the day and before the address; the genre once.
        for after in [
            "podcast, This American Life (WBEZ, May 9, 2008), https://x.org/a, 6",
            "podcast, This American Life (WBEZ, May 9, 2008), 6, 7",
            "podcast, 6, This American Life (WBEZ, May 9, 2008)",
            "podcast, The Show (podcast), May 9, 2008",
        ] {
            assert_eq!(broadcast(Span::new(after), title, None), None, "{after}");
        }
    }

    #[test]
    fn the_programme_before_its_genre_or_the_genre_in_brackets() {
        let (item, cited) = parse("Ira Glass, “The Giant Pool of Money,” This American Life, podcast, May 9, 2008, 2:15, https://example.com/tal");
        assert_eq!(item.item_type, ItemType::Broadcast);
        assert_eq!(item.container_title.as_deref(), Some("This American Life"));
        assert_eq!(item.extra().dimensions.as_deref(), Some("2:15"));
        assert_eq!(item.volume, None);
        assert_eq!(cited.locator, None);
        // Chicago's 18th edition names the host.
        let (item, _) = parse("Ezra Klein, host, “Is Trump’s Presidency Doomed?,” The Ezra Klein Show (podcast), March 12, 2019, https://example.com/ezra");
        assert_eq!(item.item_type, ItemType::Broadcast);
        assert_eq!(
            item.author
                .iter()
                .filter_map(Name::family)
                .collect::<Vec<_>>(),
            ["Klein"]
        );
        assert_eq!(item.container_title.as_deref(), Some("The Ezra Klein Show"));
        assert_eq!(item.genre.as_deref(), Some("podcast"));
        assert_eq!(year_of(item.issued.as_ref()), Some(2019));
    }

    #[test]
    fn a_film_with_its_directors_release_and_medium() {
        let (item, _) = parse("Monty Python and the Holy Grail, directed by Terry Gilliam and Terry Jones (1975; Culver City, CA: Columbia TriStar, 2001), DVD");
        assert_eq!(item.item_type, ItemType::MotionPicture);
        assert_eq!(
            item.title.as_deref(),
            Some("Monty Python and the Holy Grail")
        );
        let directors: Vec<&str> = item
            .extra()
            .director
            .iter()
            .filter_map(Name::family)
            .collect();
        assert_eq!(directors, ["Gilliam", "Jones"]);
        assert_eq!(year_of(item.extra().original_date.as_ref()), Some(1975));
        assert_eq!(item.publisher_place.as_deref(), Some("Culver City, CA"));
        assert_eq!(item.publisher.as_deref(), Some("Columbia TriStar"));
        assert_eq!(year_of(item.issued.as_ref()), Some(2001));
        assert_eq!(item.extra().medium.as_deref(), Some("DVD"));
    }

    #[test]
    fn a_film_as_citeproc_writes_it() {
        let (item, cited) = parse("Monty Python and the Holy Grail, DVD (1975; repr., Culver City, CA: Columbia TriStar, 2001), 18–21");
        assert_eq!(item.item_type, ItemType::MotionPicture);
        assert_eq!(
            item.title.as_deref(),
            Some("Monty Python and the Holy Grail")
        );
        assert_eq!(item.extra().medium.as_deref(), Some("DVD"));
        assert_eq!(year_of(item.extra().original_date.as_ref()), Some(1975));
        assert_eq!(cited.locator.map(|l| l.value).as_deref(), Some("18-21"));
        let (item, _) = parse("Objects of Desire: Mountains, YouTube video (Vox, 2019), 10, https://www.youtube.com/watch?v=abc");
        assert_eq!(item.item_type, ItemType::MotionPicture);
        assert_eq!(item.title.as_deref(), Some("Objects of Desire: Mountains"));
        assert_eq!(item.extra().medium.as_deref(), Some("YouTube video"));
        assert_eq!(item.publisher.as_deref(), Some("Vox"));
        let (item, _) = parse("Casablanca (Warner Bros., 1942), DVD");
        assert_eq!(item.item_type, ItemType::MotionPicture);
        let (item, _) =
            parse("Casablanca, DVD (1942; repr., Burbank, CA: Warner Home Video, 2003), 11");
        assert_eq!(item.item_type, ItemType::MotionPicture);
        assert_eq!(item.title.as_deref(), Some("Casablanca"));
        assert!(item.author.is_empty());
        assert!(opens_with_film_medium("DVD (1942)"));
        assert!(!opens_with_film_medium("Dover (1942)"));
        let (item, _) = parse("Encyclopaedia of Islam (Leiden: Brill, 2004), CD-ROM");
        assert_eq!(item.item_type, ItemType::Book);
        assert_eq!(item.extra, None);
    }

    #[test]
    fn video_media_and_running_times() {
        assert!(is_film_medium("DVD"));
        assert!(is_film_medium("YouTube video"));
        assert!(!is_film_medium("CD-ROM"));
        assert!(!is_film_medium("Kindle edition"));
        assert!(is_film_medium("videocassette"));
        assert!(is_film_medium("Blu-ray"));
        assert!(is_video_medium("YouTube video"));
        assert!(is_video_medium("video"));
        assert!(is_video_medium("Vimeo video file"));
        assert!(!is_video_medium("a very long streaming video"));
        assert!(!is_video_medium("videos"));
        assert!(all_of(running_time, Span::new("4:15")).is_some());
        assert!(all_of(running_time, Span::new("1:02:33")).is_some());
        assert!(all_of(running_time, Span::new("4:5")).is_none());
        assert!(all_of(running_time, Span::new("61:14–17")).is_none());
        assert_eq!(posted_by("posted by “Vox,”"), Some("Vox"));
        assert_eq!(posted_by("posted by "), None);
    }
}
