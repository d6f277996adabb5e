//! The mainland note form, the style of 《中国社会科学》 and most mainland
//! journals: the creators end with a colon, every title stands in 《》, and
//! the publication facts follow the title's comma with no parentheses.
//!
//! - a book: `王明：《书名》，北京：清华大学出版社，2003年，第9页`,
//!   `王明：《书名》，清华大学出版社2003年版，第9页`, translators, a volume
//!   or an edition first (`，周琪等译，`, `，第2卷，`);
//! - an article: `李华：《篇名》，《期刊》2005年第4期，第12页`,
//!   `李华：《篇名》，《人民日报》2005年3月1日，第3版`;
//! - a chapter: `李华：《篇名》，载张三主编：《书名》，北京：出版社，2005年，第12页`.

use super::{any_locator, book_edition, bracketed_title, finish_book, periodical_elements};
use super::{chinese_or_plain_date, language_of, Publication};
use crate::cite::dates::{chinese_date, chinese_volume};
use crate::cite::names::chinese_creators;
use crate::cite::scan::{all_of, colon, comma, split_top_level, trim};
use crate::cite::{CiteParse, NameList, Role, Span};
use crate::model::{Date, Item, ItemType};
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::error::Error;
use nom::Parser;

/// What follows `作者：《题名》`: the work it names, or `None` when the text
/// is not in this form.
pub(super) fn work_after_title(
    after: Span,
    title: &str,
    creators: &Option<NameList>,
    parse: &mut CiteParse,
) -> Option<Item> {
    let (rest, _) = comma(trim(after)).ok()?;
    // `载`, `見`: the title is a part of what follows.
    let (rest, within) = match alt((
        tag::<_, _, Error<Span>>("载"),
        tag("載"),
        tag("见"),
        tag("見"),
        tag("收入"),
    ))
    .parse(rest)
    {
        Ok((r, _)) => (trim(r), true),
        Err(_) => (rest, false),
    };
    // `载张三主编：《书名》`: the editors of the book that holds it.
    let (rest, editors) = match (chinese_creators, colon).parse(rest) {
        Ok((r, (list, _))) if list.role == Role::Editor => (r, Some(list)),
        _ => (rest, None),
    };
    if rest.fragment().starts_with('《') {
        let (after_container, (_, container)) = bracketed_title(rest).ok()?;
        if editors.is_none() {
            if let Some(item) = in_periodical(after_container, title, &container, creators, parse) {
                return Some(item);
            }
        }
        let mut item = book(after_container, &container, &None, parse)?;
        item.item_type = ItemType::Chapter;
        item.container_title = item.title.take();
        item.title = Some(title.into());
        if let Some(list) = creators.clone() {
            list.apply_to(&mut item);
        }
        if let Some(eds) = editors {
            item.editor = eds.names;
        }
        item.language = Some(language_of(title));
        return Some(item);
    }
    if within || editors.is_some() {
        return None;
    }
    // The facts follow the title's own comma.
    book(after, title, creators, parse)
}

/// `《期刊》2005年第4期，第12页`, `《人民日报》2005年3月1日，第3版`: the
/// periodical, then its date and issue, glued to it or after a comma.
fn in_periodical(
    after: Span,
    title: &str,
    container: &str,
    creators: &Option<NameList>,
    parse: &mut CiteParse,
) -> Option<Item> {
    let after = trim(after);
    let after = comma(after).map(|(r, _)| r).unwrap_or(after);
    let elements = split_top_level(after, |c| c == '，' || c == ',');
    let first = trim(*elements.first()?);
    chinese_date(first).ok()?;
    let mut item = Item::new(ItemType::ArticleJournal);
    item.title = Some(title.into());
    item.container_title = Some(container.into());
    if let Some(list) = creators.clone() {
        list.apply_to(&mut item);
    }
    periodical_elements(&elements, &mut item, parse);
    let day_dated = item.issued.as_ref().is_some_and(|d| d.start.day.is_some());
    if day_dated && item.issue.is_none() && item.volume.is_none() {
        item.item_type = ItemType::ArticleNewspaper;
    }
    item.language = Some(language_of(title));
    Some(item)
}

/// `，北京：清华大学出版社，2003年，第9页` after a book's title: its
/// translators, volume or edition, place and publisher, year, and the pages
/// cited. `None` unless a publisher or a place is named.
fn book(
    after: Span,
    title: &str,
    creators: &Option<NameList>,
    parse: &mut CiteParse,
) -> Option<Item> {
    let after = trim(after);
    let after = comma(after).map(|(r, _)| r).unwrap_or(after);
    let mut item = Item::new(ItemType::Book);
    item.title = Some(title.into());
    let mut publication = Publication::default();
    let mut found_publisher = false;
    for el in split_top_level(after, |c| c == '，' || c == ',') {
        let el = trim(el);
        let text = *el.fragment();
        if text.is_empty() {
            continue;
        }
        if !found_publisher {
            if let Some(list) = all_of(chinese_creators, el).filter(|l| l.role == Role::Translator)
            {
                item.set_rare_names(list.names, |e| &mut e.translator);
                continue;
            }
            if let Some(volume) = all_of(chinese_volume, el) {
                item.volume = Some(volume.into());
                continue;
            }
            if let Some(edition) = all_of(book_edition, el) {
                item.extra_mut().edition = Some(edition.into());
                continue;
            }
            if let Some((place, publisher, date)) = publisher_element(text) {
                publication.place = place;
                publication.publisher = publisher;
                publication.date = date;
                found_publisher = true;
                continue;
            }
            return None;
        }
        if publication.date.is_none() {
            // `世界知识出版社，2005，第12页`: the year alone after a comma.
            if let Some(date) = chinese_or_plain_date(el) {
                publication.date = Some(date);
                continue;
            }
        }
        match all_of(any_locator, el) {
            Some(locator) if parse.locator.is_none() => parse.locator = Some(locator),
            _ => return None,
        }
    }
    if !found_publisher {
        return None;
    }
    finish_book(&mut item, creators.clone(), publication);
    Some(item)
}

/// `北京：清华大学出版社`, `清华大学出版社2003年版`, `北京：人民出版社1995年版`:
/// a place, a publisher and perhaps the year. A lone name with no colon must
/// end like a publisher or carry its year.
fn publisher_element(text: &str) -> Option<(Option<String>, Option<String>, Option<Date>)> {
    let (place, rest) = match text.split_once(['：', ':']) {
        Some((place, rest)) => (Some(place.trim()), rest.trim()),
        None => (None, text),
    };
    let (publisher, date) = split_year(rest);
    let publisher = publisher.trim();
    let publisher_like = [
        "出版社",
        "书局",
        "書局",
        "书店",
        "書店",
        "出版公司",
        "印书馆",
        "印書館",
        "出版集团",
    ]
    .iter()
    .any(|end| publisher.ends_with(end));
    if place.is_none_or(str::is_empty) && !publisher_like && date.is_none() {
        return None;
    }
    if publisher.is_empty() && place.is_none() {
        return None;
    }
    Some((
        place.filter(|p| !p.is_empty()).map(str::to_string),
        (!publisher.is_empty()).then(|| publisher.to_string()),
        date,
    ))
}

/// `人民出版社1995年版` → (`人民出版社`, 1995): the year a publisher's
/// element ends with, written `1995年版`, `1995年` or `1995`.
/// Spaces may stand around the year (`世界知识出版社 2005 年版`).
fn split_year(text: &str) -> (&str, Option<Date>) {
    let body = text.strip_suffix('版').unwrap_or(text).trim_end();
    let body = body.strip_suffix('年').unwrap_or(body).trim_end();
    let digits = body.len() - body.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits != 4 {
        return (text, None);
    }
    let at = body.len() - digits;
    let year = text.get(at..).unwrap_or("");
    let year = year.strip_suffix('版').unwrap_or(year).trim_end();
    match chinese_or_plain_date(Span::new(year)) {
        Some(date) => (text.get(..at).unwrap_or(text).trim_end(), Some(date)),
        None => (text, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_publisher_with_its_year() {
        let (publisher, date) = split_year("人民出版社1995年版");
        assert_eq!(publisher, "人民出版社");
        assert_eq!(date.map(|d| d.start.year), Some(1995));
        assert_eq!(split_year("人民出版社").1, None);
        let (place, publisher, date) = publisher_element("北京：清华大学出版社").unwrap();
        assert_eq!(place.as_deref(), Some("北京"));
        assert_eq!(publisher.as_deref(), Some("清华大学出版社"));
        assert_eq!(date, None);
        // A name with neither a colon, a publisher's ending nor a year is
        // not a publisher (`周琪等译` is tried first, as a translator).
        assert_eq!(publisher_element("某某某"), None);
        let (publisher, date) = split_year("世界知识出版社 2005 年版");
        assert_eq!(publisher, "世界知识出版社");
        assert_eq!(date.map(|d| d.start.year), Some(2005));
    }

    #[test]
    fn a_book_with_its_year_spaced_or_after_a_comma() {
        for text in [
            "王明华：《中俄军事合作研究》，北京：世界知识出版社 2005 年版，第 12 页",
            "王明华：《中俄军事合作研究》，世界知识出版社，2005，第12页",
        ] {
            let parse = crate::cite::chinese::citation(Span::new(text));
            let parse = parse.filter(|p| p.unparsed.is_empty());
            let Some(crate::cite::Parsed::Full(item)) =
                parse.as_ref().and_then(|p| p.parsed.clone())
            else {
                panic!("{text}: {parse:?}");
            };
            assert_eq!(item.publisher.as_deref(), Some("世界知识出版社"), "{text}");
            assert_eq!(
                item.issued.as_ref().map(|d| d.start.year),
                Some(2005),
                "{text}"
            );
            let locator = parse.and_then(|p| p.locator).map(|l| l.value);
            assert_eq!(locator.as_deref(), Some("12"), "{text}");
        }
    }
}
