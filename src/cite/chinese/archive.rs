//! Documents kept in archives, as Chinese notes cite them (Academia
//! Historica's form and its kin): `〈蔣中正致宋美齡函〉（1945 年 3 月 2 日），
//! 《蔣中正總統文物》，國史館藏，典藏號：002-040100-00001-001`, or with the
//! writer first and the date as an element: `外交部，「中蘇談判紀要」，1950 年 2
//! 月 14 日，《外交部檔案》，中央研究院近代史研究所檔案館藏，檔號：…`.
//!
//! The title in brackets, then its day, the fonds or series in `《》`, the
//! repository (`…藏`) and the document's number: a repository or a
//! number must be named, and nothing else may stand after the title.

use super::{any_locator, bracketed_title, chinese_or_plain_date, language_of};
use crate::cite::names::chinese_creators;
use crate::cite::scan::{all_of, comma, group, parens, split_top_level, trim};
use crate::cite::{CiteParse, Parsed, Span};
use crate::model::{Item, ItemType};
use nom::Parser;
use std::sync::Arc;

/// The labels of a document's number: `典藏號：002-…`, `檔號：…`.
const NUMBER_LABELS: &[&str] = &[
    "典藏號",
    "典藏号",
    "檔號",
    "档号",
    "檔案號",
    "档案号",
    "入藏登錄號",
    "入藏登录号",
    "卷號",
    "卷号",
    "全宗號",
    "全宗号",
    "館藏號",
    "馆藏号",
];

/// `國史館藏`, `中國第二歷史檔案館藏`: who keeps it, without the `藏`.
fn repository(text: &str) -> Option<&str> {
    let name = text.strip_suffix('藏')?;
    let n = name.chars().count();
    ((2..=24).contains(&n) && !name.contains(['：', ':', '《', '〈', '「'])).then_some(name)
}

/// `典藏號：002-040100-00001-001`: a labelled number, kept as written.
fn document_number(text: &str) -> bool {
    NUMBER_LABELS.iter().any(|label| {
        text.strip_prefix(label).is_some_and(|rest| {
            // `檔號：…`, or with only a space, `档号 109-…`, where the number
            // must follow at once.
            let number = match rest.strip_prefix(['：', ':']) {
                Some(number) => number.trim(),
                None => rest.trim_start(),
            };
            let spaced = rest.starts_with(['：', ':'])
                || number.starts_with(|c: char| c.is_ascii_alphanumeric());
            spaced && !number.is_empty() && number.chars().any(|c| c.is_ascii_digit())
        })
    })
}

/// The labels of a file's numbers, as Chinese notes translate a Russian
/// archive's fond, opis and delo (`全宗 45，目录 1，案卷 329`) or number a
/// Chinese archive's: longest first.
const FILE_LABELS: &[&str] = &[
    "全宗", "目录", "目錄", "案卷", "卷宗", "案宗", "卷", "宗", "件", "盒",
];

/// `全宗 45`, `目录 23а`, `卷18`: a file's label and its number.
fn file_part(text: &str) -> bool {
    FILE_LABELS.iter().any(|label| {
        text.strip_prefix(label).is_some_and(|number| {
            let number = number.trim_start_matches([' ', '：', ':']);
            number.starts_with(|c: char| c.is_ascii_digit())
                && number
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '/'))
        })
    })
}

/// `B1-2-3456`, `109-00345-02`: a document's number given with no label,
/// digits in at least three groups or after a letter.
fn bare_number(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_alphanumeric())
        && text.chars().any(|c| c.is_ascii_digit())
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && (text.matches('-').count() >= 2 || text.starts_with(|c: char| c.is_ascii_alphabetic()))
}

/// `中央檔案館`, `上海市档案馆`, `АПРФ`: an archive named without `藏`, by a
/// name ending in an archive's word or by its initials (a Russian archive
/// in Latin or Cyrillic capitals).
fn archive_name(text: &str) -> Option<&str> {
    let n = text.chars().count();
    let named = ["檔案館", "档案馆", "檔案局", "档案局"]
        .iter()
        .any(|w| text.ends_with(w))
        && n <= 24
        && !text.contains(['：', ':', '《', '〈', '「']);
    let initials =
        (2..=10).contains(&n) && text.chars().all(|c| c.is_alphabetic() && c.is_uppercase());
    (named || initials).then_some(text)
}

/// An archived document, the whole of `input`: titled, or an archive's
/// file cited by its archive and numbers alone.
pub(super) fn archived_document(input: Span) -> Option<CiteParse> {
    // Most notes name no archive: a look for a repository or a number first.
    let text = input.fragment();
    if !text.contains('藏')
        && !NUMBER_LABELS.iter().any(|l| text.contains(l))
        && !text.contains("全宗")
        && !["檔案館", "档案馆"].iter().any(|w| text.contains(w))
    {
        return None;
    }
    let (rest, creators) = match (chinese_creators, comma).parse(input) {
        Ok((rest, (list, _))) => (trim(rest), Some(list)),
        Err(_) => (input, None),
    };
    let Ok((after, (_, title))) = bracketed_title(rest) else {
        return archive_file(input);
    };
    let mut item = Item::new(ItemType::Manuscript);
    // `〈…〉（1945 年 3 月 2 日）`: the day in brackets right after the title.
    let after = match parens(trim(after)) {
        Ok((rest, inner)) => {
            item.issued = Some(chinese_or_plain_date(trim(inner))?);
            rest
        }
        Err(_) => after,
    };
    let after = trim(after);
    let after = comma(after).map_or(after, |(rest, _)| rest);
    let elements: Vec<Span> = split_top_level(after, |c| c == '，' || c == ',')
        .into_iter()
        .map(trim)
        .filter(|e| !e.fragment().trim_end_matches('。').is_empty())
        .collect();
    let mut parse = CiteParse::default();
    read_elements(&elements, &mut item, &mut parse)?;
    item.language = Some(language_of(&title));
    item.title = Some(title.into());
    if let Some(list) = creators {
        list.apply_to(&mut item);
    }
    parse.parsed = Some(Parsed::Full(Arc::new(item)));
    Some(parse)
}

/// `俄罗斯总统档案馆，全宗 45，目录 1，案卷 329，第 1—3 页`, `外交部档案馆，档号
/// 109-00345-02`: a file cited by where it is kept and its numbers, with no
/// title. The archive comes first.
fn archive_file(input: Span) -> Option<CiteParse> {
    let elements: Vec<Span> = split_top_level(input, |c| c == '，' || c == ',')
        .into_iter()
        .map(trim)
        .filter(|e| !e.fragment().trim_end_matches('。').is_empty())
        .collect();
    let (first, _) = elements.split_first()?;
    let first = first.fragment().trim_end_matches('。');
    if repository(first).is_none() && archive_name(first).is_none() {
        return None;
    }
    let mut item = Item::new(ItemType::Manuscript);
    let mut parse = CiteParse::default();
    read_elements(&elements, &mut item, &mut parse)?;
    // Its numbers name it: a repository alone is no citation.
    item.extra().archive_location.as_ref()?;
    item.language = Some(language_of(input.fragment()));
    parse.parsed = Some(Parsed::Full(Arc::new(item)));
    Some(parse)
}

/// Read what follows an archived document's title (or, untitled, the whole
/// citation) into `item`: its day, the fonds in `《》`, the repository, the
/// document's or file's numbers, and, last, the pages cited. `None` when an
/// element is none of them, or no repository or number is named.
fn read_elements(elements: &[Span], item: &mut Item, parse: &mut CiteParse) -> Option<()> {
    let (mut kept_by, mut numbered) = (false, false);
    let mut location = Vec::new();
    for (i, el) in elements.iter().enumerate() {
        let text = el.fragment().trim_end_matches('。');
        if let Some(date) = chinese_or_plain_date(Span::new(text)).filter(|_| i == 0) {
            if item.issued.replace(date).is_some() {
                return None;
            }
        } else if let Ok((rest, collection)) = group('《', '》')(Span::new(text)) {
            if !rest.fragment().trim().is_empty() || item.extra().archive_collection.is_some() {
                return None;
            }
            let collection = collection.fragment().trim();
            item.set_rare(Some(collection.into()), |e| &mut e.archive_collection);
        } else if let Some(name) = repository(text)
            .or_else(|| archive_name(text))
            .filter(|_| !kept_by)
        {
            kept_by = true;
            item.set_rare(Some(name.into()), |e| &mut e.archive);
        } else if document_number(text) || file_part(text) || (kept_by && bare_number(text)) {
            numbered = true;
            location.push(text);
        } else if i + 1 == elements.len() && (kept_by || numbered) {
            parse.locator = Some(all_of(any_locator, Span::new(text))?);
        } else {
            return None;
        }
    }
    if !(kept_by || numbered) {
        return None;
    }
    if !location.is_empty() {
        item.set_rare(Some(location.join("，").into()), |e| {
            &mut e.archive_location
        });
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, DatePart, Language};

    fn read(text: &str) -> (Item, CiteParse) {
        let parse = archived_document(Span::new(text)).unwrap_or_default();
        match &parse.parsed {
            Some(Parsed::Full(item)) => ((**item).clone(), parse),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn a_russian_archives_file_as_chinese_notes_translate_it() {
        let (item, parse) = read("俄罗斯总统档案馆，全宗 45，目录 1，案卷 329，第 1—3 页。");
        assert_eq!(item.item_type, ItemType::Manuscript);
        assert_eq!(item.title, None);
        assert_eq!(item.extra().archive.as_deref(), Some("俄罗斯总统档案馆"));
        assert_eq!(
            item.extra().archive_location.as_deref(),
            Some("全宗 45，目录 1，案卷 329")
        );
        assert_eq!(parse.locator.map(|l| l.value).as_deref(), Some("1-3"));
        assert_eq!(item.language, Some(Language::ChineseSimplified));
        // By its Russian initials, after a title and its day.
        let (item, _) = read("《罗申与周恩来会谈纪要》，1950年1月2日，АВПРФ，全宗 07，目录 23а，卷 18，案宗 235，第 1—5 页。");
        assert_eq!(item.title.as_deref(), Some("罗申与周恩来会谈纪要"));
        assert_eq!(item.extra().archive.as_deref(), Some("АВПРФ"));
        assert_eq!(
            item.extra().archive_location.as_deref(),
            Some("全宗 07，目录 23а，卷 18，案宗 235")
        );
    }

    #[test]
    fn a_chinese_archives_file_by_its_number() {
        let (item, _) = read("外交部档案馆，档号 109-00345-02。");
        assert_eq!(item.extra().archive.as_deref(), Some("外交部档案馆"));
        assert_eq!(
            item.extra().archive_location.as_deref(),
            Some("档号 109-00345-02")
        );
        let (item, _) = read("上海市档案馆藏，B1-2-3456。");
        assert_eq!(item.extra().archive.as_deref(), Some("上海市档案馆"));
        assert_eq!(item.extra().archive_location.as_deref(), Some("B1-2-3456"));
        // A mainland document titled in 《》 is no newspaper's.
        let (item, _) = read(
            "《中共中央关于处理中苏关系问题的指示》，1953年5月2日，中央档案馆藏，档号：1-2-345。",
        );
        assert_eq!(
            item.title.as_deref(),
            Some("中共中央关于处理中苏关系问题的指示")
        );
        assert_eq!(
            item.extra().archive_location.as_deref(),
            Some("档号：1-2-345")
        );
        for text in [
            // A repository alone names no file.
            "上海市档案馆藏。",
            "中央檔案館，頁 3",
            // A number with no archive before it.
            "B1-2-3456，上海市档案馆",
            // A label's word with no number at once.
            "外交部档案馆，档号为第三卷",
            // Prose after the numbers.
            "俄罗斯总统档案馆，全宗 45，目录 1，這是他的看法，第 3 页",
        ] {
            assert_eq!(archived_document(Span::new(text)), None, "{text}");
        }
    }

    #[test]
    fn any_one_of_an_archives_words_is_enough() {
        // A repository alone, a number alone, an archive's name alone.
        let (item, _) = read("〈會議紀錄〉（1950 年 3 月 2 日），國史館藏");
        assert_eq!(item.extra().archive.as_deref(), Some("國史館"));
        let (item, _) = read("〈會議紀錄〉，檔號：002-1");
        assert_eq!(
            item.extra().archive_location.as_deref(),
            Some("檔號：002-1")
        );
        let (item, _) = read("俄罗斯总统档案馆，目录 1，案卷 329");
        assert_eq!(
            item.extra().archive_location.as_deref(),
            Some("目录 1，案卷 329")
        );
    }

    #[test]
    fn file_parts_numbers_and_archive_names() {
        assert!(file_part("全宗 45"));
        assert!(file_part("目录23а"));
        assert!(file_part("卷：18"));
        assert!(!file_part("全宗"));
        assert!(!file_part("卷十八"));
        assert!(!file_part("卷 18 及其他"));
        assert!(bare_number("109-00345-02"));
        assert!(bare_number("B1-2-3456"));
        assert!(!bare_number("1-3"));
        assert!(!bare_number("B"));
        assert!(!bare_number("B1 2"));
        assert_eq!(archive_name("中央檔案館"), Some("中央檔案館"));
        assert_eq!(archive_name("АПРФ"), Some("АПРФ"));
        assert_eq!(archive_name("北京"), None);
        assert_eq!(archive_name("A"), None);
        assert_eq!(archive_name("《外交部档案馆》"), None);
        assert!(document_number("档号 109-00345-02"));
        assert!(document_number("檔號：外-12"));
        assert!(!document_number("档号为 12"));
    }

    #[test]
    fn academia_historicas_form() {
        let (item, parse) = read(
            "〈蔣中正致宋美齡函〉（1945 年 3 月 2 日），《蔣中正總統文物》，國史館藏，典藏號：002-040100-00001-001。",
        );
        assert_eq!(item.item_type, ItemType::Manuscript);
        assert_eq!(item.title.as_deref(), Some("蔣中正致宋美齡函"));
        assert_eq!(item.issued, Some(Date::single(DatePart::day(1945, 3, 2))));
        let extra = item.extra();
        assert_eq!(extra.archive_collection.as_deref(), Some("蔣中正總統文物"));
        assert_eq!(extra.archive.as_deref(), Some("國史館"));
        assert_eq!(
            extra.archive_location.as_deref(),
            Some("典藏號：002-040100-00001-001")
        );
        assert_eq!(parse.locator, None);
    }

    #[test]
    fn a_writer_first_the_day_as_an_element_and_a_page() {
        let (item, parse) = read(
            "外交部，「中蘇談判紀要」，1950 年 2 月 14 日，《外交部檔案》，中央研究院近代史研究所檔案館藏，檔號：11-01-02-05，頁 3",
        );
        assert_eq!(
            item.author.first().map(|n| n.display()).as_deref(),
            Some("外交部")
        );
        assert_eq!(item.title.as_deref(), Some("中蘇談判紀要"));
        assert_eq!(item.issued, Some(Date::single(DatePart::day(1950, 2, 14))));
        assert_eq!(
            item.extra().archive.as_deref(),
            Some("中央研究院近代史研究所檔案館")
        );
        assert_eq!(parse.locator.map(|l| l.value).as_deref(), Some("3"));
    }

    #[test]
    fn a_number_alone_or_a_repository_alone_is_enough() {
        let (item, _) = read("〈會議紀錄〉，典藏號：020-010102-0001");
        assert_eq!(item.extra().archive, None);
        let (item, _) = read("〈會議紀錄〉（1950 年），中國第二歷史檔案館藏");
        assert_eq!(item.extra().archive.as_deref(), Some("中國第二歷史檔案館"));
    }

    #[test]
    fn not_an_archived_document() {
        for text in [
            // An article: a journal and its issue, no repository.
            "王五，〈兩岸關係〉，《問題與研究》，第 44 卷第 3 期（2005 年 5 月），頁 1-20",
            // A book's publication after the title.
            "〈會議紀錄〉（臺北：國史館，2005），國史館藏",
            // Something else after the title.
            "〈會議紀錄〉，國史館藏，這是一段說明",
            // Neither a repository nor a number.
            "〈會議紀錄〉（1950 年），《外交部檔案》",
        ] {
            assert_eq!(archived_document(Span::new(text)), None, "{text}");
        }
        assert!(document_number("典藏號：002-1"));
        assert!(!document_number("典藏號："));
        // With a space for the colon, as mainland notes write it, the
        // number must follow at once.
        assert!(document_number("檔號 12"));
        assert!(!document_number("檔號為 12"));
        assert!(!document_number("典藏號：甲乙"));
        // Pages only last; one fonds.
        for text in [
            "〈會議紀錄〉，國史館藏，頁 3，典藏號：020-1",
            "〈會議紀錄〉，《甲檔案》，《乙檔案》，國史館藏",
        ] {
            assert_eq!(archived_document(Span::new(text)), None, "{text}");
        }
        assert_eq!(repository("國史館藏"), Some("國史館"));
        assert_eq!(repository("藏"), None);
        assert_eq!(repository("《書》藏"), None);
    }
}
