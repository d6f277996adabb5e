//! GB/T 7714 references, as mainland papers print them in notes:
//! `作者. 题名[M]. 译者, 译. 地点: 出版社, 年: 页.`, `作者. 题名[J]. 刊名,
//! 年, 卷(期): 页.`, a part of a book `题名[M]//编者. 书名. 地点: 出版社, 年:
//! 页.`, online works `[EB/OL]. (更新日期)[引用日期]. URL.`, and the later
//! forms `同上: 页` and `同 12: 页`.
//!
//! A reference is a run of elements ended by `. `; the type code in square
//! brackets after the title says what the elements after it are.

use super::dates::year;
use super::names::{chinese_name, english_person};
use super::scan::{all_of, slice, split_top_level, trim};
use super::{span_range, CiteParse, PResult, Parsed, Span};
use crate::model::{Date, DatePart, Item, ItemType, Language, Locator, LocatorLabel, Name};
use crate::text::is_cjk_ideograph;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::character::complete::{digit1, space0};
use nom::combinator::{opt, recognize};
use nom::Parser;
use std::sync::Arc;

/// The type code after a title: `[M]`, `[J]`, `[EB/OL]`.
fn type_code(input: Span) -> PResult<(ItemType, bool)> {
    let (rest, (_, code, online, _)) = (
        tag("["),
        take_while_m_n(1, 2, |c: char| c.is_ascii_uppercase()),
        opt(tag("/OL")),
        tag("]"),
    )
        .parse(input)?;
    let item_type = match *code.fragment() {
        "M" | "G" | "S" | "Z" => ItemType::Book,
        "J" => ItemType::ArticleJournal,
        "N" => ItemType::ArticleNewspaper,
        "C" | "A" => ItemType::PaperConference,
        "D" => ItemType::Thesis,
        "R" => ItemType::Report,
        "EB" | "DB" | "CP" => ItemType::Webpage,
        _ => return super::scan::fail(input),
    };
    Ok((rest, (item_type, online.is_some())))
}

/// Byte offset of the first top-level type code.
fn find_type_code(input: Span) -> Option<(usize, Span, (ItemType, bool))> {
    let text = *input.fragment();
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|s| s.find('[')).map(|i| i + from) {
        from = i + 1;
        if let Ok((rest, code)) = type_code(slice(input, i, text.len())) {
            return Some((i, rest, code));
        }
    }
    None
}

/// The elements of a reference, split at `. ` (a full stop that ends an
/// element, not one inside `S. M.` or an address).
fn elements(input: Span) -> Vec<Span> {
    let text = *input.fragment();
    let mut out = Vec::new();
    let mut start = 0;
    // GB/T 7714 writes initials without stops (`ROSS S M`), so every `. `
    // outside brackets ends an element.
    let mut depth = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '(' | '[' | '（' | '【' | '《' | '「' => depth += 1,
            ')' | ']' | '）' | '】' | '》' | '」' => depth = depth.saturating_sub(1),
            '.' if depth == 0 && i > start && chars.peek().is_some_and(|(_, n)| *n == ' ') => {
                out.push(trim(slice(input, start, i)));
                start = i + 2;
            }
            _ => {}
        }
    }
    let last = trim(slice(input, start, text.len()));
    let last = trim(super::scan::trim_end_matches(last, &['.']));
    if !last.fragment().is_empty() {
        out.push(last);
    }
    out
}

/// One creator as GB/T 7714 writes it: `王夫之`, `ROSS S M` (family name
/// first, initials without stops), `Ross, S. M.`.
pub(crate) fn gb_person(written: &str) -> Name {
    let written = written.trim();
    if written.chars().any(is_cjk_ideograph) {
        return chinese_name(written);
    }
    let tokens: Vec<&str> = written.split_whitespace().collect();
    // `ROSS S M`, `Ross S. M.`: initials after the family name.
    let initials = |t: &&str| {
        let t = t.trim_end_matches('.');
        !t.is_empty() && t.len() <= 2 && t.chars().all(|c| c.is_ascii_uppercase())
    };
    match tokens.split_first() {
        Some((family, rest)) if !rest.is_empty() && rest.iter().all(initials) => {
            Name::person(family, &rest.join(" "))
        }
        _ => english_person(written),
    }
}

/// `甲, 乙, 丙, 等` / `Smith J, Roe R, et al`: the creators of an element.
fn creators(el: &str) -> (Vec<Name>, bool) {
    let mut names = Vec::new();
    let mut et_al = false;
    for part in el.split([',', '，']).map(str::trim) {
        match part {
            "" => {}
            "等" | "et al" | "et al." => et_al = true,
            _ => names.push(gb_person(part)),
        }
    }
    (names, et_al)
}

/// `陈生诤, 译` / `郑忠国, 詹从赞, 译`: the translators' element.
fn translators(el: &str) -> Option<Vec<Name>> {
    let names = el
        .strip_suffix("译")
        .or_else(|| el.strip_suffix("譯"))
        .or_else(|| el.strip_suffix("trans"))?;
    let names = names.trim().trim_end_matches([',', '，', '等']).trim();
    (!names.is_empty()).then(|| creators(names).0)
}

/// `第44卷`, `卷 35`, `第 1 册`: a volume of a multi-volume book.
fn book_volume(el: &str) -> Option<String> {
    let el = el.trim();
    let number = el
        .strip_prefix("第")
        .and_then(|r| r.strip_suffix(['卷', '册', '冊']))
        .or_else(|| el.strip_prefix(['卷', '册', '冊']))?
        .trim();
    (!number.is_empty() && number.chars().all(|c| c.is_ascii_digit())).then(|| number.to_string())
}

/// `2 版` / `第 8 版` / `修订本` / `2nd ed`: the edition.
fn edition(el: &str) -> Option<String> {
    let ed = el
        .strip_suffix("版")
        .or_else(|| {
            el.strip_suffix("本")
                .filter(|_| el.chars().count() <= 6)
                .map(|_| el)
        })
        .or_else(|| el.strip_suffix(" ed."))
        .or_else(|| el.strip_suffix(" ed"))?
        .trim();
    let ed = ed.strip_prefix("第").unwrap_or(ed).trim();
    (!ed.is_empty() && ed.chars().count() <= 6).then(|| ed.to_string())
}

/// `: 12-15` after a year: the pages cited.
fn pages_after_colon(input: Span) -> PResult<Locator> {
    let (rest, _) = (space0, alt((tag(":"), tag("："))), space0).parse(input)?;
    page_range(rest)
}

/// `12`, `12-15`, `12–15`, `A5`.
fn page_range(input: Span) -> PResult<Locator> {
    let (rest, pages) = recognize((
        take_while1(|c: char| c.is_ascii_alphanumeric()),
        opt((
            alt((tag("-"), tag("–"), tag("—"))),
            take_while1(|c: char| c.is_ascii_alphanumeric()),
        )),
    ))
    .parse(input)?;
    let value = pages.fragment().replace(['–', '—'], "-");
    Ok((rest, Locator::new(LocatorLabel::Page, value)))
}

/// `1988`, `2012-01-16`, `2001-12-19`: a date as GB/T 7714 writes it.
fn gb_date(input: Span) -> PResult<Date> {
    let (rest, y) = year(input)?;
    // `1957-1990`: a run of years.
    if let Ok((rest, (_, end))) = (tag::<_, _, nom::error::Error<Span>>("-"), year).parse(rest) {
        return Ok((rest, Date::range(DatePart::year(y), DatePart::year(end))));
    }
    let two = |max: u8| {
        nom::combinator::verify(
            nom::combinator::map_res(
                take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
                |d: Span| d.fragment().parse::<u8>(),
            ),
            move |n| (1..=max).contains(n),
        )
    };
    let (rest, month) = opt((tag("-"), two(12))).parse(rest)?;
    let (rest, day) = match month {
        Some(_) => opt((tag("-"), two(31))).parse(rest)?,
        None => (rest, None),
    };
    let part = match (month, day) {
        (Some((_, m)), Some((_, d))) => DatePart::day(y, m, d),
        (Some((_, m)), None) => DatePart::month(y, m),
        _ => DatePart::year(y),
    };
    Ok((rest, Date::single(part)))
}

/// `出版社, 1988: 3` / `1988: 3` / `北京: 出版社, 1988`: what ends a book's
/// publication element.
fn year_and_pages(input: Span) -> PResult<(Date, Option<Locator>)> {
    let (rest, date) = gb_date(input)?;
    let (rest, pages) = opt(pages_after_colon).parse(rest)?;
    Ok((rest, (date, pages)))
}

/// `北京: 中华书局, 1977: 49`: place, publisher, year and pages.
fn publication(el: Span, item: &mut Item, parse: &mut CiteParse) -> bool {
    let text = *el.fragment();
    let Some(comma) = text.rfind([',', '，']) else {
        return match all_of(year_and_pages, el) {
            Some((date, pages)) => {
                item.issued = Some(date);
                parse.locator = pages.or(parse.locator.take());
                true
            }
            None => false,
        };
    };
    let comma_len = text
        .get(comma..)
        .and_then(|s| s.chars().next())
        .map_or(1, char::len_utf8);
    let Some((date, pages)) = all_of(
        year_and_pages,
        trim(slice(el, comma + comma_len, text.len())),
    ) else {
        return false;
    };
    let head = text.get(..comma).unwrap_or("").trim();
    match head.split_once([':', '：']) {
        Some((place, publisher)) => {
            item.publisher_place = Some(place.trim().into());
            item.publisher = Some(publisher.trim().into());
        }
        // `天津, 1990`: a place with no publisher, as the Chinese note form
        // writes it too.
        None if super::chinese::is_place_name(head) => {
            item.publisher_place = Some(head.into());
        }
        None => item.publisher = Some(head.into()),
    }
    item.issued = Some(date);
    parse.locator = pages.or(parse.locator.take());
    true
}

/// `北京大学学报, 2013, 50(1): 14-17` / `图书馆文化, 2007(7): 12` /
/// `人民日报, 1998-12-27(11)`: a periodical, its date, volume, issue and
/// pages.
fn periodical(el: Span, item: &mut Item, parse: &mut CiteParse) -> bool {
    let parts = split_top_level(el, |c| c == ',' || c == '，');
    let Some((name, rest)) = parts.split_first() else {
        return false;
    };
    let mut read = |part: Span| -> bool {
        let part = trim(part);
        // `2013` or `1998-12-27(11)`: the date, with a newspaper's page.
        if let Ok((after, date)) = gb_date(part) {
            item.issued = Some(date);
            let after = trim(after);
            if after.fragment().is_empty() {
                return true;
            }
            if let Some(issue) = all_of(issue_with_pages(item, parse), after) {
                return issue;
            }
            return false;
        }
        // `50(1): 14-17`, `50: 14`.
        let volume: PResult<Span> = digit1(part);
        if let Ok((after, v)) = volume {
            item.volume = Some((*v.fragment()).into());
            let after = trim(after);
            return after.fragment().is_empty()
                || all_of(issue_with_pages(item, parse), after).unwrap_or(false);
        }
        false
    };
    for part in rest {
        if !read(*part) {
            return false;
        }
    }
    // `斯坦福大学官网: 22`: a periodical or site named with no date or
    // volume, then the pages cited.
    let mut name = trim(*name);
    if rest.is_empty() {
        let colon = name.fragment().rfind([':', '：']);
        if let Some((at, pages)) = colon.and_then(|at| {
            let pages = all_of(pages_after_colon, slice(name, at, name.fragment().len()))
                .filter(|p| p.value.starts_with(|c: char| c.is_ascii_digit()))?;
            Some((at, pages))
        }) {
            parse.locator = Some(pages);
            name = trim(slice(name, 0, at));
        }
    }
    item.container_title = Some((*name.fragment()).into());
    true
}

/// `(1): 14-17` / `(11)` / `: 14`: an issue (or a newspaper's page) and the
/// pages cited.
fn issue_with_pages<'a, 'b>(
    item: &'b mut Item,
    parse: &'b mut CiteParse,
) -> impl FnMut(Span<'a>) -> PResult<'a, bool> + 'b {
    move |input: Span<'a>| {
        let (rest, issue) = opt(super::scan::parens).parse(input)?;
        let (rest, pages) = opt(pages_after_colon).parse(rest)?;
        if issue.is_none() && pages.is_none() {
            return super::scan::fail(input);
        }
        if let Some(issue) = issue {
            let issue = issue.fragment().trim();
            if item.item_type == ItemType::ArticleNewspaper && pages.is_none() {
                parse.locator = Some(Locator::new(LocatorLabel::Page, issue));
            } else {
                item.issue = Some(issue.into());
            }
        }
        if pages.is_some() {
            parse.locator = pages;
        }
        // `: 79[2013-10-25]`: when an online copy was seen.
        let (rest, seen) = opt(super::scan::group('[', ']')).parse(rest)?;
        if let Some(date) = seen.and_then(|s| all_of(gb_date, trim(s))) {
            item.extra_mut().accessed = Some(date);
        }
        Ok((rest, true))
    }
}

/// `14–17(2012-01-16)[2013-03-26]` / `(2012-01-16)[2013-03-26]`: an online
/// work's pages, update date and access date.
fn online_dates(el: Span, item: &mut Item, parse: &mut CiteParse) -> bool {
    let (rest, pages) = match opt(page_range).parse(el) {
        Ok(found) => found,
        Err(_) => return false,
    };
    let (rest, updated) = match opt(super::scan::parens).parse(rest) {
        Ok(found) => found,
        Err(_) => return false,
    };
    let (rest, cited) = match opt(super::scan::group('[', ']')).parse(rest) {
        Ok(found) => found,
        Err(_) => return false,
    };
    if !trim(rest).fragment().is_empty() || updated.is_none() && cited.is_none() {
        return false;
    }
    let updated = updated.and_then(|u| all_of(gb_date, trim(u)));
    let cited = cited.and_then(|c| all_of(gb_date, trim(c)));
    if let Some(date) = updated {
        if item.issued.is_none() {
            item.issued = Some(date);
        }
    }
    item.set_rare(cited, |e| &mut e.accessed);
    if pages.is_some() {
        parse.locator = pages;
    }
    true
}

/// `北京: 出版社, 2000: 20[2014-08-29]`: a publication with an access date.
fn publication_online(el: Span, item: &mut Item, parse: &mut CiteParse) -> bool {
    let text = *el.fragment();
    if let Some(open) = text.rfind('[').filter(|_| text.ends_with(']')) {
        let cited = all_of(gb_date, trim(slice(el, open + 1, text.len() - 1)));
        if cited.is_some() && publication(trim(slice(el, 0, open)), item, parse) {
            item.set_rare(cited, |e| &mut e.accessed);
            return true;
        }
    }
    false
}

fn language_of(text: &str) -> Language {
    if !text.chars().any(is_cjk_ideograph) {
        return Language::English;
    }
    super::chinese::language_of(text)
}

/// `同上: 14` / `同上14-17` / `Ibid: 14`: the previous note's work.
fn ibid(input: Span) -> PResult<Option<Locator>> {
    let (rest, _) = alt((tag("同上"), tag("Ibid"))).parse(input)?;
    let (rest, _) = (space0, opt(alt((tag(":"), tag("："), tag(",")))), space0).parse(rest)?;
    let (rest, pages) = opt(page_range).parse(rest)?;
    let (rest, _) = opt(tag(".")).parse(rest)?;
    Ok((rest, pages))
}

/// `同16: 26`: the work of note 16.
fn same_as_note(input: Span) -> PResult<(u32, Option<Locator>)> {
    let (rest, _) = (tag("同"), space0).parse(input)?;
    let (rest, number) =
        nom::combinator::map_res(digit1, |d: Span| d.fragment().parse::<u32>()).parse(rest)?;
    let (rest, pages) = opt(pages_after_colon).parse(rest)?;
    let (rest, _) = opt(tag(".")).parse(rest)?;
    Ok((rest, (number, pages)))
}

/// A GB/T 7714 citation. `None` unless the text has a type code or is one of
/// the later forms.
pub fn citation(input: Span) -> Option<CiteParse> {
    let input = trim(input);
    let mut parse = CiteParse::default();
    if let Some(locator) = all_of(ibid, input) {
        return Some(CiteParse::ibid(locator));
    }
    if let Some((number, locator)) = all_of(same_as_note, input) {
        return Some(CiteParse::same_as_note(number, locator));
    }
    let (at, after_code, (item_type, _online)) = find_type_code(input)?;
    let head = elements(slice(input, 0, at));
    let mut item = Item::new(item_type);
    // `作者. 题名` or a title alone.
    // A title may hold `. ` of its own (`中国的青年刊物. 个性特色为本`).
    let (creators_el, title) = match head.as_slice() {
        [] => return None,
        [title] => (None, title.fragment().trim().to_string()),
        [creators, title @ ..] => (
            Some(*creators),
            title
                .iter()
                .map(|t| t.fragment().trim())
                .collect::<Vec<_>>()
                .join(". "),
        ),
    };
    item.title = Some(title.into());
    if let Some(el) = creators_el {
        item.author = creators(el.fragment()).0;
    }
    let mut tail = trim(after_code);
    // `题名[M]//编者. 书名. …`: a part of a book or proceedings.
    if let Some(rest) = tail.fragment().strip_prefix("//") {
        let offset = tail.fragment().len() - rest.len();
        let container = elements(slice(tail, offset, tail.fragment().len()));
        // The book is the element before its publication; its editors, if
        // any, come first; a volume (`第44卷`) may follow the book.
        let published = container.iter().position(|el| {
            let (mut scratch, mut parse) = (Item::new(item_type), CiteParse::default());
            publication(*el, &mut scratch, &mut parse)
                || publication_online(*el, &mut scratch, &mut parse)
        })?;
        let before = container.get(..published).unwrap_or(&[]);
        let volume_at = before
            .iter()
            .rposition(|el| book_volume(el.fragment()).is_some());
        let book_at = match volume_at {
            Some(v) if v > 0 => v - 1,
            _ => published.checked_sub(1)?,
        };
        if item_type == ItemType::Book {
            item.item_type = ItemType::Chapter;
        }
        if let Some(eds) = before.get(..book_at).filter(|e| !e.is_empty()) {
            let written: Vec<&str> = eds.iter().map(|e| *e.fragment()).collect();
            item.editor = creators(&written.join(", ")).0;
        }
        let book = before.get(book_at)?.fragment().trim();
        // `马克思恩格斯全集: 卷 35`: the volume written into the book's title.
        let book = match book.rsplit_once([':', '：']) {
            Some((name, vol)) if book_volume(vol.trim()).is_some() => {
                item.volume = book_volume(vol.trim()).map(Into::into);
                name.trim()
            }
            _ => book,
        };
        if let Some(v) = volume_at.and_then(|v| before.get(v)) {
            item.volume = book_volume(v.fragment()).map(Into::into);
        }
        item.container_title = Some(book.into());
        finish(
            container.get(published..).unwrap_or(&[]),
            &mut item,
            &mut parse,
        );
    } else {
        tail = trim(tail.fragment().strip_prefix('.').map_or(tail, |r| {
            slice(tail, tail.fragment().len() - r.len(), tail.fragment().len())
        }));
        let els = elements(tail);
        let els = if matches!(
            item_type,
            ItemType::ArticleJournal | ItemType::ArticleNewspaper
        ) {
            match els.split_first() {
                Some((first, rest)) if periodical(*first, &mut item, &mut parse) => rest.to_vec(),
                Some(_) => {
                    return None;
                }
                None => els,
            }
        } else {
            els
        };
        finish(&els, &mut item, &mut parse);
    }
    let language = language_of(item.title.as_deref().unwrap_or(""));
    item.language = Some(language);
    parse.parsed = Some(Parsed::Full(Arc::new(item)));
    Some(parse)
}

/// The elements after the title or container: translators, edition,
/// publication, online dates, address and DOI.
fn finish(els: &[Span], item: &mut Item, parse: &mut CiteParse) {
    for el in els {
        let el = trim(*el);
        let text = el.fragment().trim();
        if text.is_empty() {
            continue;
        }
        if let Some(names) = translators(text) {
            item.set_rare_names(names, |e| &mut e.translator);
        } else if let Some(ed) = edition(text) {
            item.extra_mut().edition = Some(ed.into());
        } else if crate::text::starts_with_url(text) && !text.starts_with("www.") {
            if item.url.is_none() {
                item.url = Some(text.into());
            }
        } else if text.starts_with("DOI:") || text.starts_with("doi:") {
            // The model keeps no DOI field; the address is kept as URL.
        } else if !(publication(el, item, parse)
            || online_dates(el, item, parse)
            || publication_online(el, item, parse))
        {
            parse.unparsed.push(span_range(&el));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::ShortForm;

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

    #[test]
    fn type_codes() {
        assert_eq!(
            type_code(Span::new("[EB/OL]")).map(|(_, c)| c).ok(),
            Some((ItemType::Webpage, true))
        );
        assert_eq!(
            type_code(Span::new("[J]")).map(|(_, c)| c).ok(),
            Some((ItemType::ArticleJournal, false))
        );
        assert!(type_code(Span::new("[Q]")).is_err());
        assert!(type_code(Span::new("[MMM]")).is_err());
    }

    #[test]
    fn elements_end_at_full_stops_outside_brackets() {
        let parts = |t: &'static str| {
            elements(Span::new(t))
                .iter()
                .map(|e| e.fragment().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            parts("王五. 题名(第 2 版. 修订)[M]. 北京: 出版社, 2005."),
            ["王五", "题名(第 2 版. 修订)[M]", "北京: 出版社, 2005"]
        );
        assert_eq!(parts("A. B"), ["A", "B"]);
    }

    #[test]
    fn persons_family_name_first_with_initials() {
        let p = |t: &str| {
            let n = gb_person(t);
            (
                n.family().unwrap_or_default().to_string(),
                n.given().unwrap_or_default().to_string(),
            )
        };
        assert_eq!(p("ROSS S M"), ("ROSS".to_string(), "S M".to_string()));
        assert_eq!(p("Ross S. M."), ("Ross".to_string(), "S. M.".to_string()));
        // Without initials after it, a name is in Western order.
        assert_eq!(p("John Smith"), ("Smith".to_string(), "John".to_string()));
        assert_eq!(p("Smith ABC"), ("ABC".to_string(), "Smith".to_string()));
        assert_eq!(p("Einstein"), ("Einstein".to_string(), String::new()));
    }

    #[test]
    fn creator_lists_and_et_al() {
        let (names, et_al) = creators("陈晋镳, 张惠民, , 等");
        assert_eq!(names.len(), 2);
        assert!(et_al);
        let (names, et_al) = creators("SMITH J, DOE R, et al.");
        assert_eq!(names.len(), 2);
        assert!(et_al);
        assert!(!creators("王五").1);
    }

    #[test]
    fn editions() {
        assert_eq!(edition("第 2 版"), Some("2".to_string()));
        assert_eq!(edition("修订本"), Some("修订本".to_string()));
        assert_eq!(edition("2nd ed."), Some("2nd".to_string()));
        assert_eq!(edition("版"), None);
        assert_eq!(edition("北京: 商务印书馆第一编辑部出版版"), None);
    }

    #[test]
    fn volumes_of_a_book() {
        assert_eq!(book_volume("第44卷"), Some("44".to_string()));
        assert_eq!(book_volume("卷 35"), Some("35".to_string()));
        assert_eq!(book_volume("第 1 册"), Some("1".to_string()));
        assert_eq!(book_volume("第卷"), None);
        assert_eq!(book_volume("第三卷"), None);
        let (item, _) = full("马克思. 政治经济学批判[M]//马克思, 恩格斯. 马克思恩格斯全集: 卷 35. 北京: 人民出版社, 2013: 58.");
        assert_eq!(item.container_title.as_deref(), Some("马克思恩格斯全集"));
        assert_eq!(item.volume.as_deref(), Some("35"));
        assert_eq!(item.editor.len(), 2);
    }

    #[test]
    fn the_type_code_after_other_brackets() {
        let text = Span::new(
            "KERN W. Waar [Where did he collect]: a note[J]. Tijdschrift, 1938, 78: 272.",
        );
        let (at, _, code) = find_type_code(text).unwrap();
        assert_eq!(text.fragment().get(at..at + 3), Some("[J]"));
        assert_eq!(code, (ItemType::ArticleJournal, false));
        assert!(find_type_code(Span::new("no code [here] at all")).is_none());
    }

    #[test]
    fn book_with_translator_and_pages() {
        let (item, loc) = full("昂温. 外国出版史[M]. 陈生诤, 译. 北京: 中国书籍出版社, 1988: 3.");
        assert_eq!(item.item_type, ItemType::Book);
        assert_eq!(item.title.as_deref(), Some("外国出版史"));
        assert_eq!(item.extra().translator.len(), 1);
        assert_eq!(item.publisher_place.as_deref(), Some("北京"));
        assert_eq!(item.publisher.as_deref(), Some("中国书籍出版社"));
        assert_eq!(item.issued.map(|d| d.year()), Some(1988));
        assert_eq!(loc.map(|l| l.value), Some("3".to_string()));
        assert_eq!(item.language, Some(Language::ChineseSimplified));
        // A place with no publisher; a publisher with no place.
        let (item, loc) =
            full("中国力学学会. 第 3 届全国实验流体力学学术会议论文集[M]. 天津, 1990: 20.");
        assert_eq!(item.publisher_place.as_deref(), Some("天津"));
        assert_eq!(item.publisher, None);
        assert_eq!(loc.map(|l| l.value), Some("20".to_string()));
        let (item, _) = full("昂温. 外国出版史[M]. 中国书籍出版社, 1988: 3.");
        assert_eq!(item.publisher_place, None);
        assert_eq!(item.publisher.as_deref(), Some("中国书籍出版社"));
    }

    #[test]
    fn journal_article() {
        let (item, loc) = full(
            "常森. 《五行》学说与《荀子》[J]. 北京大学学报(哲学社会科学版), 2013, 50(1): 14–17.",
        );
        assert_eq!(item.item_type, ItemType::ArticleJournal);
        assert_eq!(
            item.container_title.as_deref(),
            Some("北京大学学报(哲学社会科学版)")
        );
        assert_eq!(item.volume.as_deref(), Some("50"));
        assert_eq!(item.issue.as_deref(), Some("1"));
        assert_eq!(loc.map(|l| l.value), Some("14-17".to_string()));
        // A periodical or site with no date: its name, then the pages.
        let (item, loc) = full("斯坦福大学图书馆. LaTeX 指南[J/OL]. 斯坦福大学官网: 22. https://library.stanford.edu/latex.");
        assert_eq!(item.container_title.as_deref(), Some("斯坦福大学官网"));
        assert_eq!(loc.map(|l| l.value), Some("22".to_string()));
        let (item, _) = full("王明. 篇名[J]. Science: A, 2001, 3: 5.");
        assert_eq!(item.container_title.as_deref(), Some("Science: A"));
    }

    #[test]
    fn chapter_in_an_edited_book() {
        let (item, loc) = full(
            "姚中秋. 一种制度变迁模式[M]//罗卫东, 姚中秋. 中国转型的理论分析. 杭州: 浙江大学出版社, 2008: 18.",
        );
        assert_eq!(item.item_type, ItemType::Chapter);
        let editors: Vec<String> = item.editor.iter().map(Name::display).collect();
        assert_eq!(editors, ["罗卫东", "姚中秋"]);
        assert_eq!(item.container_title.as_deref(), Some("中国转型的理论分析"));
        assert_eq!(item.publisher.as_deref(), Some("浙江大学出版社"));
        assert_eq!(loc.map(|l| l.value), Some("18".to_string()));
    }

    #[test]
    fn online_work_with_its_dates() {
        let (item, loc) = full(
            "李强. 化解医患矛盾需釜底抽薪[EB/OL]. 16(2012-05-03)[2013-03-25]. http://wenku.baidu.com.",
        );
        assert_eq!(item.item_type, ItemType::Webpage);
        assert_eq!(
            item.issued.as_ref().map(|d| d.start),
            Some(DatePart::day(2012, 5, 3))
        );
        assert_eq!(
            item.extra().accessed.as_ref().map(|d| d.start),
            Some(DatePart::day(2013, 3, 25))
        );
        assert_eq!(item.url.as_deref(), Some("http://wenku.baidu.com"));
        assert_eq!(loc.map(|l| l.value), Some("16".to_string()));
    }

    /// Either date alone: the update date in parentheses, or the date
    /// seen in brackets.
    #[test]
    fn online_work_with_one_of_its_dates() {
        let (item, _) =
            full("李强. 化解医患矛盾需釜底抽薪[EB/OL]. (2012-05-03). http://wenku.baidu.com.");
        assert_eq!(
            item.issued.as_ref().map(|d| d.start),
            Some(DatePart::day(2012, 5, 3))
        );
        assert_eq!(item.extra().accessed, None);
        let (item, _) =
            full("李强. 化解医患矛盾需釜底抽薪[EB/OL]. [2013-03-25]. http://wenku.baidu.com.");
        assert_eq!(item.issued, None);
        assert_eq!(
            item.extra().accessed.as_ref().map(|d| d.start),
            Some(DatePart::day(2013, 3, 25))
        );
        assert_eq!(item.url.as_deref(), Some("http://wenku.baidu.com"));
        // Text after the dates, or pages with neither date, is not read as
        // the online work's dates: it is reported.
        for text in [
            "李强. 化解医患矛盾需釜底抽薪[EB/OL]. (2012-05-03)再版. http://wenku.baidu.com.",
            "李强. 化解医患矛盾需釜底抽薪[EB/OL]. 14-17. http://wenku.baidu.com.",
        ] {
            let parse = citation(Span::new(text));
            assert!(
                parse.is_some_and(|p| !p.unparsed.is_empty()),
                "all read: {text}"
            );
        }
    }

    #[test]
    fn an_issue_without_pages_is_the_issue() {
        let (item, locator) = full("王明华. 中俄军事合作[J]. 国际问题研究, 2005, 12(3).");
        assert_eq!(item.volume.as_deref(), Some("12"));
        assert_eq!(item.issue.as_deref(), Some("3"));
        assert_eq!(locator, None);
    }

    #[test]
    fn english_work_in_gb_form() {
        let (item, _) = full("ROSS S M, DOE J. Probability[M]. 2nd ed. New York: Wiley, 2005: 12.");
        assert_eq!(item.author.first().and_then(|n| n.family()), Some("ROSS"));
        assert_eq!(item.author.first().and_then(|n| n.given()), Some("S M"));
        assert_eq!(item.language, Some(Language::English));
    }

    #[test]
    fn later_forms() {
        let ibid =
            citation(Span::new("同上14–17.")).map(|p| (p.parsed, p.locator.map(|l| l.value)));
        assert_eq!(ibid, Some((Some(Parsed::Ibid), Some("14-17".to_string()))));
        let same = citation(Span::new("同16: 26.")).and_then(|p| p.parsed?.into_short());
        assert!(matches!(
            same,
            Some(ShortForm {
                note_ref: Some(16),
                ..
            })
        ));
    }

    #[test]
    fn text_without_a_type_code_is_not_gb() {
        assert!(citation(Span::new("作者，《書名》（臺北：出版社，2001 年），頁 3。")).is_none());
    }
}
