//! Chicago's notes for films and videos: `Monty Python and the Holy Grail,
//! directed by Terry Gilliam and Terry Jones (1975; Culver City, CA:
//! Columbia TriStar, 2001), DVD` and `“Objects of Desire,” YouTube video,
//! 4:15, posted by Vox, April 3, 2019, https://…`.

use super::unpublished::around_date;
use super::{accessed, url};
use crate::cite::names::english_names_without_role;
use crate::cite::scan::{all_of, trim};
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
    let mut item = Item::new(ItemType::MotionPicture);
    item.title = Some(title.into());
    if let Some(list) = creators {
        list.clone().apply_to(&mut item);
    }
    item.language = Some(Language::English);
    item.issued = dated.date;
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
