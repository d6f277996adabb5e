//! Talks in Chinese notes: `錢其琛，「在第十屆全國人大的講話」（演講，北京，2003
//! 年 3 月 6 日）`, `…（專題演講，國立政治大學，臺北，2005 年 5 月 1 日），頁 3`:
//! the kind of talk, then who hosted it and where, and the day, in
//! parentheses after the talk's title.

use super::{language_of, trailing_locator};
use crate::cite::dates::chinese_date;
use crate::cite::scan::{all_of, comma, parens, split_top_level, trim, ws};
use crate::cite::{CiteParse, NameList, Span};
use crate::model::{Item, ItemType};

/// What a talk is called, in Traditional and Simplified characters.
const TALK_GENRES: &[&str] = &[
    "演講",
    "演讲",
    "講演",
    "讲演",
    "演說",
    "演说",
    "講話",
    "讲话",
    "致詞",
    "致词",
    "致辭",
    "致辞",
    "專題演講",
    "专题演讲",
    "主題演講",
    "主题演讲",
    "講座",
    "讲座",
    "專題講座",
    "专题讲座",
];

/// Endings that make a name a host or an occasion, not a place: a
/// university, an institute, a meeting.
const HOST_ENDINGS: &[&str] = &[
    "大學",
    "大学",
    "學院",
    "学院",
    "研究院",
    "研究所",
    "研究中心",
    "中心",
    "學會",
    "学会",
    "協會",
    "协会",
    "會議",
    "会议",
    "論壇",
    "论坛",
    "研討會",
    "研讨会",
    "大會",
    "大会",
    "基金會",
    "基金会",
];

fn names_a_host(text: &str) -> bool {
    HOST_ENDINGS.iter().any(|e| text.ends_with(e))
}

/// `（演講，北京，2003 年 3 月 6 日）` after a talk's title (`after` is what
/// follows the title's closing bracket), with the pages after it.
pub(super) fn speech(
    after: Span,
    title: &str,
    creators: &Option<NameList>,
    parse: &mut CiteParse,
) -> Option<Item> {
    let after = trim(after);
    let after = comma(after).map_or(after, |(rest, _)| rest);
    let (rest, inner) = ws(after).and_then(|(a, _)| parens(a)).ok()?;
    let elements: Vec<&str> = split_top_level(inner, |c| c == '，' || c == ',')
        .into_iter()
        .map(|e| e.fragment().trim())
        .collect();
    let (genre, others) = elements.split_first()?;
    if !TALK_GENRES.contains(genre) {
        return None;
    }
    let (date, between) = others.split_last()?;
    let date = all_of(chinese_date, Span::new(date))?;
    let mut tail = CiteParse::default();
    trailing_locator(rest, &mut tail);
    if !tail.unparsed.is_empty() {
        return None;
    }
    let mut item = Item::new(ItemType::Speech);
    item.title = Some(title.into());
    if let Some(list) = creators.clone() {
        list.apply_to(&mut item);
    }
    item.genre = Some((*genre).into());
    item.issued = Some(date);
    let (hosts, places): (Vec<&str>, Vec<&str>) = between.iter().partition(|e| names_a_host(e));
    if !hosts.is_empty() {
        item.extra_mut().event_title = Some(hosts.join("，").into());
    }
    if !places.is_empty() {
        item.extra_mut().event_place = Some(places.join("，").into());
    }
    item.language = Some(language_of(title));
    parse.locator = tail.locator;
    Some(item)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::Parsed;
    use crate::model::{Date, DatePart};

    fn item(text: &str) -> (Item, CiteParse) {
        let parse = crate::cite::chinese::citation(Span::new(text)).unwrap_or_default();
        match &parse.parsed {
            Some(Parsed::Full(item)) => ((**item).clone(), parse),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn a_talk_with_its_place_and_day() {
        let (talk, _) = item("錢其琛，「在第十屆全國人大的講話」（演講，北京，2003年3月6日）");
        assert_eq!(talk.item_type, ItemType::Speech);
        assert_eq!(talk.title.as_deref(), Some("在第十屆全國人大的講話"));
        assert_eq!(talk.genre.as_deref(), Some("演講"));
        assert_eq!(talk.extra().event_place.as_deref(), Some("北京"));
        assert_eq!(talk.extra().event_title, None);
        assert_eq!(talk.issued, Some(Date::single(DatePart::day(2003, 3, 6))));
        assert_eq!(talk.author.first().and_then(|n| n.family()), Some("錢"));
    }

    #[test]
    fn a_talk_with_its_host_and_the_pages_cited() {
        let (talk, parse) = item(
            "王五，〈兩岸關係的展望〉，（專題演講，國立政治大學，臺北，2005 年 5 月 1 日），頁 3",
        );
        assert_eq!(talk.item_type, ItemType::Speech);
        assert_eq!(talk.extra().event_title.as_deref(), Some("國立政治大學"));
        assert_eq!(talk.extra().event_place.as_deref(), Some("臺北"));
        assert_eq!(parse.locator.map(|l| l.value).as_deref(), Some("3"));
    }

    #[test]
    fn not_a_talk() {
        // A thesis's parenthetical, a talk with no day, prose after it.
        for text in [
            "李四，「某論文」（臺北：某大學某研究所碩士論文，2002 年）",
            "李四，「某講話」（演講，北京）",
            "李四，「某講話」（演講，北京，2003年3月6日），以及其他說明文字",
        ] {
            let parse = crate::cite::chinese::citation(Span::new(text)).unwrap_or_default();
            if let Some(Parsed::Full(found)) = &parse.parsed {
                assert_ne!(found.item_type, ItemType::Speech, "{text}");
            }
        }
        assert!(names_a_host("國立政治大學"));
        assert!(!names_a_host("臺北"));
    }
}
