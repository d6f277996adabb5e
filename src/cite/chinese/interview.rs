//! Interviews and letters in Chinese notes, never published and so named
//! by their people and their day, not by a title:
//! `筆者訪談王五，北京，2005 年 6 月 12 日`, `作者與外交部官員之訪談，2005 年 6
//! 月 12 日`, `王五訪談紀錄，2005 年 6 月 12 日`, `毛澤東致周恩來函，1950 年 3
//! 月 2 日`, `笔者对李四的访谈，2010年5月3日，上海`.
//!
//! The first element names the exchange; the others are its day (which it
//! must have: undated, the same words are as likely prose), where it took
//! place, and the pages cited.

use super::{any_locator, is_place_name, language_of};
use crate::cite::dates::chinese_date;
use crate::cite::names::chinese_name;
use crate::cite::scan::{all_of, split_top_level, trim};
use crate::cite::{CiteParse, Parsed, Span};
use crate::model::{Date, Item, ItemType, Locator, Name};
use crate::text::is_cjk_ideograph;
use std::sync::Arc;

/// Who asked, when it is the one who writes: `筆者訪談…`.
const THE_AUTHOR: &[&str] = &["本文作者", "筆者", "笔者", "作者", "本人"];

/// What an interview is called, longest first.
const INTERVIEW_WORDS: &[&str] = &[
    "電話訪談",
    "电话访谈",
    "電話訪問",
    "电话访问",
    "專訪",
    "专访",
    "訪談",
    "访谈",
    "訪問",
    "访问",
    "談話",
    "谈话",
];

/// `紀錄`: the interview's record, after its name.
const RECORD_WORDS: &[&str] = &["紀錄", "記錄", "记录", "纪录"];

/// `與`, `對`: with whom the author spoke.
const WITH_WORDS: &[&str] = &["與", "与", "和", "對", "对", "同"];

/// What a letter was sent as, longest first.
const LETTER_WORDS: &[&str] = &[
    "電子郵件",
    "电子邮件",
    "信函",
    "書信",
    "书信",
    "電報",
    "电报",
    "的信",
    "函",
    "信",
    "電",
    "电",
];

/// `致`: to whom a letter went (`給` in speech, `覆` for a reply).
const TO_WORDS: &[char] = &['致', '給', '给', '覆', '复', '復'];

/// An interview or a letter, the whole of `input`.
pub(super) fn interview_or_letter(input: Span) -> Option<CiteParse> {
    // Most notes name no interview or letter: a look for the words first.
    let text = input.fragment();
    let head = text.split(['，', ',']).next().unwrap_or(text);
    let named = INTERVIEW_WORDS.iter().any(|w| head.contains(w))
        || (head.contains(TO_WORDS) && LETTER_WORDS.iter().any(|w| head.ends_with(w)));
    if !named {
        return None;
    }
    let elements: Vec<Span> = split_top_level(input, |c| c == '，' || c == ',')
        .into_iter()
        .map(trim)
        .collect();
    let (head, rest) = elements.split_first()?;
    let head_text = head.fragment().trim_end_matches(['。', '.']);
    // `筆者於 2005 年 6 月 12 日在北京訪談王五`: the day, and perhaps the
    // place, inside the first element.
    let (undated, known) = match dated_head(head_text) {
        Some((head, date, place)) => (Some(head), Some((date, place))),
        None => (None, None),
    };
    let head_text = undated.as_deref().unwrap_or(head_text);
    let facts = facts(rest, known)?;
    let mut item = if let Some(interview) = interview(head_text) {
        interview
    } else {
        letter(head_text)?
    };
    item.issued = Some(facts.date);
    item.publisher_place = facts.place.map(Into::into);
    item.language = Some(language_of(head_text));
    Some(CiteParse {
        parsed: Some(Parsed::Full(Arc::new(item))),
        locator: facts.locator,
        ..CiteParse::default()
    })
}

/// What follows the first element: the day, where, the pages.
struct Facts {
    date: Date,
    place: Option<String>,
    locator: Option<Locator>,
}

/// The day (required, once), a place (at most one) and, last, the pages:
/// in either order, as notes write them, after the day and place the first
/// element gave (`known`). Anything else is not an interview's or a
/// letter's.
fn facts(elements: &[Span], known: Option<(Date, Option<String>)>) -> Option<Facts> {
    let (mut date, mut place) = known.map_or((None, None), |(d, p)| (Some(d), p));
    let mut locator = None;
    for (i, el) in elements.iter().enumerate() {
        let text = el.fragment().trim_end_matches(['。', '.']);
        let el = Span::new(text);
        if let Some(d) = all_of(chinese_date, el) {
            if date.replace(d).is_some() {
                return None;
            }
        } else if i + 1 == elements.len() && date.is_some() {
            if let Some(l) = all_of(any_locator, el) {
                locator = Some(l);
            } else {
                place = Some(a_place(text, place)?);
            }
        } else {
            place = Some(a_place(text, place)?);
        }
    }
    Some(Facts {
        date: date?,
        place,
        locator,
    })
}

/// `筆者於 2005 年 6 月 12 日在北京訪談王五`: the first element without its
/// day and place (`筆者訪談王五`), the day, and the place. Only after who
/// asked (`筆者於`), so that a date in a name is never taken for one.
fn dated_head(head: &str) -> Option<(String, Date, Option<String>)> {
    let (asker, rest) = THE_AUTHOR
        .iter()
        .find_map(|a| Some((*a, head.strip_prefix(a)?)))?;
    let rest = rest.trim_start().strip_prefix(['於', '于'])?.trim_start();
    let (after, date) = chinese_date(Span::new(rest)).ok()?;
    let after = after.fragment().trim_start();
    // `在北京訪談…`: a place runs to the words that name the exchange.
    let (place, rest) = match after.strip_prefix(['在', '於', '于']) {
        Some(there) => {
            let end = there
                .char_indices()
                .find(|(at, _)| {
                    let from = there.get(*at..).unwrap_or("");
                    INTERVIEW_WORDS.iter().any(|w| from.starts_with(w))
                        || WITH_WORDS.iter().any(|w| from.starts_with(w))
                })
                .map(|(at, _)| at)?;
            let place = a_place(there.get(..end)?, None)?;
            (Some(place), there.get(end..)?)
        }
        None => (None, after),
    };
    Some((format!("{asker}{rest}"), date, place))
}

/// `北京`, `於莫斯科`, `台北市`: a place, if it is the first one: a place
/// name as a publication gives it, or a few ideographs ending in an
/// administrative word.
fn a_place(text: &str, before: Option<String>) -> Option<String> {
    let place = text.trim_start_matches(['於', '于', '在']);
    let administrative = place.chars().count() <= 7
        && place.chars().all(is_cjk_ideograph)
        && place.ends_with(['市', '省', '縣', '县', '州', '區', '区']);
    (before.is_none() && (is_place_name(place) || administrative)).then(|| place.to_string())
}

/// `筆者訪談王五`, `作者與王五之訪談`, `訪談王五`, `王五訪談紀錄`.
fn interview(head: &str) -> Option<Item> {
    let (by_author, rest) = match THE_AUTHOR.iter().find_map(|a| head.strip_prefix(a)) {
        Some(rest) => (true, rest),
        None => (false, head),
    };
    // `與王五之訪談`: with whom, then the word.
    let with = WITH_WORDS
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .and_then(|after| {
            let (before, word) = ends_with_interview(after)?;
            // `與王五進行之訪談`
            let who = before.strip_suffix(['之', '的']).unwrap_or(before);
            let who = ["進行", "进行"]
                .iter()
                .find_map(|v| who.strip_suffix(v))
                .unwrap_or(who);
            Some((who, word))
        });
    let (who, word) = match with {
        Some(found) => found,
        // `訪談王五`: the word, then whom (`筆者訪談`: no one named).
        None => match INTERVIEW_WORDS.iter().find(|w| rest.starts_with(**w)) {
            Some(word) => (rest.get(word.len()..)?, *word),
            // `王五訪談紀錄`: whom, then the word; not after `筆者`, which
            // would make the author the one interviewed.
            None if !by_author => ends_with_interview(rest)?,
            None => return None,
        },
    };
    let mut item = Item::new(ItemType::Interview);
    item.genre = Some(word.into());
    if who.is_empty() {
        return Some(item);
    }
    let (name, role) = person(who)?;
    item.author = vec![name];
    item.set_rare(role.map(Into::into), |e| &mut e.note);
    Some(item)
}

/// `…訪談`, `…訪談紀錄`: what comes before the word, and the word.
fn ends_with_interview(text: &str) -> Option<(&str, &'static str)> {
    let text = RECORD_WORDS
        .iter()
        .find_map(|r| text.strip_suffix(r))
        .unwrap_or(text);
    INTERVIEW_WORDS
        .iter()
        .find_map(|w| Some((text.strip_suffix(w)?, *w)))
}

/// `毛澤東致周恩來函`, `李四給王五的信`: who wrote to whom, and how.
fn letter(head: &str) -> Option<Item> {
    let (parties, word) = LETTER_WORDS
        .iter()
        .find_map(|w| Some((head.strip_suffix(w)?, *w)))?;
    // The first `致` with a name before it: `王致遠致李四` is 王致遠's.
    let (writer, recipient) = parties.char_indices().find_map(|(at, c)| {
        let writer = parties.get(..at)?;
        let recipient = parties.get(at + c.len_utf8()..)?;
        (TO_WORDS.contains(&c) && writer.chars().count() >= 2 && !recipient.is_empty())
            .then_some((writer, recipient))
    })?;
    let (writer, _) = person(writer)?;
    let (recipient, _) = person(recipient)?;
    let mut item = Item::new(ItemType::PersonalCommunication);
    item.author = vec![writer];
    item.genre = Some(word.trim_start_matches('的').into());
    item.set_rare_names(vec![recipient], |e| &mut e.recipient);
    Some(item)
}

/// How a description of someone ends (`官員`, `學者`, `國防部`): a longer
/// name ending otherwise is a phrase, not a person.
const DESCRIBED_ENDINGS: &[char] = &[
    '員', '员', '者', '家', '官', '長', '长', '授', '任', '使', '軍', '军', '表', '問', '问', '部',
    '人', '士',
];

/// Someone named in an interview or a letter: `王五`, `外交部官員`, `王五
/// （外交部官員）`. A name of two to four ideographs is a person's; a longer
/// one (`俄羅斯國防部官員`) is kept as written. The words in brackets after
/// the name say who they are.
fn person(text: &str) -> Option<(Name, Option<&str>)> {
    let text = text.trim();
    let (name, role) = match text.split_once(['（', '(']) {
        Some((name, role)) => (name.trim(), Some(role.trim_end_matches(['）', ')']).trim())),
        None => (text, None),
    };
    let n = name.chars().count();
    let plain = name
        .chars()
        .all(|c| is_cjk_ideograph(c) || matches!(c, '·' | '‧' | '・'));
    if n == 0 || n > 16 || !plain {
        return None;
    }
    let name = if n <= 4 || name.contains(['·', '‧', '・']) {
        chinese_name(name)
    } else if name.ends_with(DESCRIBED_ENDINGS) {
        Name::literal(name)
    } else {
        return None;
    };
    Some((name, role.filter(|r| !r.is_empty())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DatePart;

    fn read(text: &str) -> (Item, Option<Locator>) {
        let parse = interview_or_letter(Span::new(text)).unwrap_or_default();
        match parse.parsed {
            Some(Parsed::Full(item)) => ((*item).clone(), parse.locator),
            other => panic!("{text}: {other:?}"),
        }
    }

    fn family_given(name: Option<&Name>) -> (Option<&str>, Option<&str>) {
        (name.and_then(Name::family), name.and_then(Name::given))
    }

    #[test]
    fn the_authors_interview_with_someone_named() {
        let (item, locator) = read("筆者訪談王五，北京，2005 年 6 月 12 日。");
        assert_eq!(item.item_type, ItemType::Interview);
        assert_eq!(family_given(item.author.first()), (Some("王"), Some("五")));
        assert_eq!(item.genre.as_deref(), Some("訪談"));
        assert_eq!(item.publisher_place.as_deref(), Some("北京"));
        assert_eq!(item.issued, Some(Date::single(DatePart::day(2005, 6, 12))));
        assert_eq!(item.title, None);
        assert_eq!(locator, None);
    }

    #[test]
    fn each_way_of_naming_an_interview() {
        for (text, who, word) in [
            ("作者與王五之訪談，2005年6月12日", "王五", "訪談"),
            ("作者與王五進行之訪談，2005年6月12日", "王五", "訪談"),
            ("笔者对李四的访谈，2010年5月3日，上海", "李四", "访谈"),
            ("訪談張三，2005年6月12日，臺北", "張三", "訪談"),
            ("王五訪談紀錄，2005年6月12日", "王五", "訪談"),
            ("筆者電話訪談王五，2005年6月12日", "王五", "電話訪談"),
            ("本文作者專訪王五，2005年6月12日", "王五", "專訪"),
        ] {
            let (item, _) = read(text);
            assert_eq!(item.item_type, ItemType::Interview, "{text}");
            let name = item.author.first().map(Name::display);
            assert_eq!(name.as_deref(), Some(who), "{text}");
            assert_eq!(item.genre.as_deref(), Some(word), "{text}");
        }
    }

    #[test]
    fn someone_described_keeps_the_description_whole() {
        let (item, _) = read("筆者訪談俄羅斯國防部官員（匿名），莫斯科，2005年6月12日");
        assert_eq!(item.author, vec![Name::literal("俄羅斯國防部官員")]);
        assert_eq!(item.extra().note.as_deref(), Some("匿名"));
        assert_eq!(item.publisher_place.as_deref(), Some("莫斯科"));
        // Sixteen ideographs at most.
        let (item, _) = read("筆者訪談中華人民共和國駐俄羅斯大使館官員，2005年6月12日");
        assert_eq!(
            item.author,
            vec![Name::literal("中華人民共和國駐俄羅斯大使館官員")]
        );
    }

    #[test]
    fn the_authors_interview_with_no_one_named() {
        let (item, _) = read("作者訪談，北京，2005年6月12日");
        assert_eq!(item.item_type, ItemType::Interview);
        assert!(item.author.is_empty());
        assert_eq!(item.publisher_place.as_deref(), Some("北京"));
    }

    #[test]
    fn letters_keep_writer_recipient_and_what_was_sent() {
        let (item, locator) = read("毛澤東致周恩來函，1950 年 3 月 2 日，頁 2");
        assert_eq!(item.item_type, ItemType::PersonalCommunication);
        assert_eq!(
            family_given(item.author.first()),
            (Some("毛"), Some("澤東"))
        );
        let recipient = item.extra().recipient.first();
        assert_eq!(family_given(recipient), (Some("周"), Some("恩來")));
        assert_eq!(item.genre.as_deref(), Some("函"));
        assert_eq!(locator.map(|l| l.value).as_deref(), Some("2"));
        let (item, _) = read("李四給王五的信，1999年1月2日");
        assert_eq!(item.genre.as_deref(), Some("信"));
        let (item, _) = read("李四致王五電子郵件，2019年1月2日");
        assert_eq!(item.genre.as_deref(), Some("電子郵件"));
    }

    #[test]
    fn a_name_holding_the_word_to_is_the_writers() {
        let (item, _) = read("王致遠致李四函，1950年3月2日");
        let writer = item.author.first().map(Name::display);
        assert_eq!(writer.as_deref(), Some("王致遠"));
        let recipient = item.extra().recipient.first().map(Name::display);
        assert_eq!(recipient.as_deref(), Some("李四"));
    }

    #[test]
    fn the_day_and_the_place_in_either_order() {
        let (a, _) = read("筆者訪談王五，北京，2005年6月12日");
        let (b, _) = read("筆者訪談王五，2005年6月12日，於北京");
        assert_eq!(a, b);
    }

    #[test]
    fn the_day_and_the_place_inside_the_first_element() {
        let (a, _) = read("筆者訪談王五，北京，2005年6月12日");
        let (b, locator) = read("筆者於 2005 年 6 月 12 日在北京訪談王五，頁 3。");
        assert_eq!(a, b);
        assert_eq!(locator.map(|l| l.value).as_deref(), Some("3"));
        let (c, _) = read("笔者于2010年5月3日在上海与李四的访谈");
        assert_eq!(c.author, vec![chinese_name("李四")]);
        assert_eq!(c.publisher_place.as_deref(), Some("上海"));
        // The place may follow, once.
        let (d, _) = read("作者於2005年6月12日訪談王五，北京");
        assert_eq!(d.publisher_place.as_deref(), Some("北京"));
        for text in [
            // A second day, or a second place.
            "筆者於2005年6月12日訪談王五，2005年6月13日",
            "筆者於2005年6月12日在北京訪談王五，上海",
            // No one asking: the date is not the note's.
            "王五於2005年6月12日訪談",
            // A place that is no place.
            "筆者於2005年6月12日在這是他的看法訪談王五",
        ] {
            assert_eq!(interview_or_letter(Span::new(text)), None, "{text}");
        }
        assert_eq!(dated_head("筆者於北京訪談王五"), None);
        assert_eq!(dated_head("筆者於2005年6月12日在北京"), None);
    }

    #[test]
    fn not_an_interview_or_a_letter() {
        for text in [
            // Undated: as likely prose.
            "筆者訪談王五，北京",
            // Two days, two places, or something else after the day.
            "筆者訪談王五，2005年6月12日，2005年6月13日",
            "筆者訪談王五，北京，上海，2005年6月12日",
            "筆者訪談王五，2005年6月12日，這是他的看法",
            // A book called an interview.
            "王五，《王五訪談錄》（北京：人民出版社，2005），頁 3",
            // The author is not the one interviewed.
            "筆者訪談紀錄的看法，2005年6月12日",
            // No one before the word `致`.
            "致李四函，1950年3月2日",
            // Names are not sentences.
            "筆者訪談「王五」，2005年6月12日",
        ] {
            assert_eq!(interview_or_letter(Span::new(text)), None, "{text}");
        }
    }

    #[test]
    fn a_place_is_short_and_written_in_ideographs() {
        assert_eq!(a_place("於莫斯科", None).as_deref(), Some("莫斯科"));
        assert_eq!(a_place("北京", Some("上海".into())), None);
        assert_eq!(a_place("Beijing", None), None);
        assert_eq!(a_place("中華人民共和國北京市海淀區", None), None);
        assert_eq!(a_place("這是他的看法", None), None);
        assert_eq!(a_place("新北市", None).as_deref(), Some("新北市"));
    }

    #[test]
    fn a_person_of_two_to_four_ideographs_has_a_family_name() {
        let (name, role) = person("王曉明（外交部官員）").unwrap_or_default();
        assert_eq!(family_given(Some(&name)), (Some("王"), Some("曉明")));
        assert_eq!(role, Some("外交部官員"));
        let (name, role) = person("國防部高級官員").unwrap_or_default();
        assert_eq!(name, Name::literal("國防部高級官員"));
        assert_eq!(role, None);
        assert_eq!(person("紀錄中的看法"), None);
        assert_eq!(person("中華人民共和國外交部亞洲司駐莫斯科官員"), None);
        // After `筆者`, a name before the word would be the author's own.
        assert_eq!(interview("筆者王五訪談"), None);
        assert_eq!(person(""), None);
        assert_eq!(person("John Smith"), None);
    }
}
