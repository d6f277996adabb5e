//! The Chinese grammar: `作者，書名（地點：出版社，年），頁 N`, articles in
//! 「」 or 〈〉 with their periodical and `2004 年第 4 期`, newspapers with
//! `版五`, institutional reports `機構，報告名（2005 年 1 月）`, chapters
//! `收錄於 編者主編，書名（…）`, and `同上`, `同註 12`, `前引書`.

use super::dates::{chinese_date, chinese_issue, chinese_number, chinese_volume};
use super::locator::{chinese_locator, english_locator};
use super::names::{chinese_creators, chinese_creators_any_length};
use super::scan::{all_of, colon, comma, fail, group, parens, slice, split_top_level, trim, ws};
use super::{span_range, CiteParse, NameList, PResult, Parsed, Role, Span};
use crate::model::{Date, Item, ItemType, Language, Locator, LocatorLabel, Name};
use crate::text::{has_cjk, is_cjk_ideograph};
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, digit1, space0};
use nom::combinator::{opt, recognize};
use nom::error::Error;
use nom::sequence::{delimited, preceded};
use nom::{Input, Parser};
use std::sync::Arc;

mod archive;
mod interview;
mod mainland;
mod speech;

/// A locator in either convention, after a Chinese comma.
fn any_locator(input: Span) -> PResult<Locator> {
    alt((chinese_locator, english_locator)).parse(input)
}

/// `同上`, `同上註`, `同上注`, `同前註`, `同上書`, `同上书`, with an optional locator.
pub fn ibid(input: Span) -> PResult<Option<Locator>> {
    let (input, _) = alt((tag("同上"), tag("同前"))).parse(input)?;
    let (input, _) =
        opt(alt((tag("註"), tag("注"), tag("書"), tag("书"), tag("文")))).parse(input)?;
    let (input, locator) = opt(preceded(comma, cited_in_repeat)).parse(input)?;
    Ok((input, locator))
}

/// What a repeated citation cites: a locator, or the rest of the note as a
/// volume and its pages (`同上，卷 24，頁 5`).
fn cited_in_repeat(input: Span) -> PResult<Locator> {
    if let Ok(found) = any_locator(input) {
        return Ok(found);
    }
    match cited_place(&elements_of(input)) {
        Some(locator) => Ok((input.take_from(input.input_len()), locator)),
        None => fail(input),
    }
}

/// `同註 12`, `同注12`, `參見註 12`, `見註 12`, with an optional locator.
pub fn note_reference(input: Span) -> PResult<(u32, Option<Locator>)> {
    let (input, _) = alt((
        tag("同註"),
        tag("同注"),
        tag("參見註"),
        tag("參閱註"),
        tag("見註"),
        tag("見注"),
        // Simplified script.
        tag("参见注"),
        tag("参阅注"),
        tag("见注"),
    ))
    .parse(input)?;
    let (input, _) = space0(input)?;
    let (input, number) = digit1(input)?;
    let Ok(number) = number.fragment().parse::<u32>() else {
        return fail(input);
    };
    let (input, _) = space0(input)?;
    let (input, _) = opt(alt((tag("所引"), tag("引")))).parse(input)?;
    let (input, _) = opt(alt((tag("書"), tag("文")))).parse(input)?;
    let (input, locator) = opt(preceded(comma, cited_in_repeat)).parse(input)?;
    Ok((input, (number, locator)))
}

/// `前引書`, `前引书`, `前引文`, `前揭書`, `前揭文`, `前引`: a short form by author.
fn previously_cited(input: Span) -> PResult<Span> {
    let (rest, _) = alt((tag("前引"), tag("前揭"), tag("上引"))).parse(input)?;
    let (rest, _) = opt(alt((
        tag("書"),
        tag("书"),
        tag("文"),
        tag("論文"),
        tag("论文"),
    )))
    .parse(rest)?;
    Ok((rest, input))
}

/// A title in Chinese brackets: 「」, 『』, 〈〉, 《》 or “”.
fn bracketed_title(input: Span) -> PResult<(char, String)> {
    for (open, close) in [
        ('「', '」'),
        ('〈', '〉'),
        ('『', '』'),
        ('《', '》'),
        ('“', '”'),
    ] {
        if let Ok((rest, inner)) = group(open, close)(input) {
            return Ok((rest, (open, inner.fragment().trim().to_string())));
        }
    }
    fail(input)
}

/// The inside of `（地點：出版社，年）` or `（2005 年 1 月）`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Publication {
    pub place: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<Date>,
}

/// A year as Chinese citations write it: `2003 年`, `民國 92 年`, `2003`.
fn chinese_or_plain_date(input: Span) -> Option<Date> {
    all_of(chinese_date, input).or_else(|| all_of(super::dates::english_date, input))
}

pub fn publication(inner: Span) -> Option<Publication> {
    let inner = trim(inner);
    if let Some(date) = chinese_or_plain_date(inner) {
        return Some(Publication {
            date: Some(date),
            ..Publication::default()
        });
    }
    let text = *inner.fragment();
    let colon = text.find(['：', ':']);
    let (place, after) = match colon {
        Some(c) => {
            let colon_len = text
                .get(c..)
                .and_then(|s| s.chars().next())
                .map_or(1, char::len_utf8);
            (
                Some(trim(slice(inner, 0, c))),
                trim(slice(inner, c + colon_len, text.len())),
            )
        }
        None => (None, inner),
    };
    let after_text = *after.fragment();
    let last_comma = after_text.rfind(['，', ',']);
    let (publisher, date) = match last_comma {
        Some(c) => {
            let len = after_text
                .get(c..)
                .and_then(|s| s.chars().next())
                .map_or(1, char::len_utf8);
            (
                Some(trim(slice(after, 0, c))),
                chinese_or_plain_date(trim(slice(after, c + len, after_text.len()))),
            )
        }
        None => (Some(after), None),
    };
    if date.is_none() && place.is_none() {
        return None;
    }
    // `（天津，1999 年）`: a short name with no colon and no publisher's
    // ending (`社`, `局`, `館` …) is the place.
    let (place, publisher) = match (place, publisher) {
        (None, Some(p)) if is_place_name(p.fragment()) => (Some(p), None),
        other => other,
    };
    Some(Publication {
        place: place
            .map(|p| p.fragment().to_string())
            .filter(|p| !p.is_empty()),
        publisher: publisher
            .map(|p| p.fragment().to_string())
            .filter(|p| !p.is_empty()),
        date,
    })
}

/// A place written alone in a publication parenthetical: two to four
/// ideographs that do not end like a publisher or an institution.
pub(crate) fn is_place_name(text: &str) -> bool {
    let n = text.chars().count();
    (2..=4).contains(&n)
        && text.chars().all(is_cjk_ideograph)
        && !crate::cite::names::is_chinese_institution(text)
        && ![
            "社", "局", "館", "馆", "會", "会", "所", "司", "院", "學", "学", "部", "處", "处",
        ]
        .iter()
        .any(|end| text.ends_with(end))
}

/// Finds `（…）` that reads as publication facts; returns its offset in
/// `input`, the text after it, and the facts.
fn find_publication(input: Span) -> Option<(usize, Span, Publication)> {
    let text = *input.fragment();
    let mut from = 0;
    while let Some(i) = text
        .get(from..)
        .and_then(|s| s.find(['（', '(']))
        .map(|i| i + from)
    {
        let at = input.take_from(i);
        if let Ok((rest, inner)) = parens(at) {
            if let Some(p) = publication(inner) {
                return Some((i, rest, p));
            }
        }
        from = i + text
            .get(i..)
            .and_then(|s| s.chars().next())
            .map_or(1, char::len_utf8);
    }
    None
}

/// One volume of a work in several: `第 3 冊`, `第三册`, `第 2 卷` → `3`,
/// `2`; a classic's fascicle `卷 23`, `卷二十三` → `23`; `上冊`, `下卷` as
/// written.
fn book_volume(input: Span) -> PResult<String> {
    let numbered = |unit: char| {
        move |i| {
            delimited((char('第'), space0), chinese_number, (space0, char(unit)))
                .map(|n| n.to_string())
                .parse(i)
        }
    };
    let fascicle = preceded((char('卷'), space0), chinese_number).map(|n| n.to_string());
    let part = recognize((
        alt((char('上'), char('中'), char('下'))),
        alt((char('冊'), char('册'), char('卷'))),
    ))
    .map(|s: Span| s.fragment().to_string());
    alt((
        numbered('冊'),
        numbered('册'),
        numbered('卷'),
        fascicle,
        part,
    ))
    .parse(input)
}

/// What a citation cites after its publication: a locator (`頁 45`), a
/// volume (`第 3 冊`), or both (`第 3 冊，頁 45`, `卷 23，頁 890`: the
/// pages of that volume). `None` unless every element is one of these.
fn cited_place(elements: &[Span]) -> Option<Locator> {
    match elements {
        [one] => all_of(any_locator, *one)
            .or_else(|| all_of(book_volume, *one).map(|v| Locator::new(LocatorLabel::Volume, v))),
        [volume, pages] => {
            let volume = all_of(book_volume, *volume)?;
            let mut locator = all_of(any_locator, *pages)?;
            locator.volume = Some(volume);
            Some(locator)
        }
        _ => None,
    }
}

/// The non-empty `，`-separated elements of `text`, trimmed.
fn elements_of(text: Span) -> Vec<Span> {
    split_top_level(text, |c| c == '，' || c == ',')
        .into_iter()
        .map(trim)
        .filter(|e| !e.fragment().is_empty())
        .collect()
}

/// Remaining `，`-separated elements after a publication: the locator.
fn trailing_locator(rest: Span, parse: &mut CiteParse) {
    let rest = trim(rest);
    if rest.fragment().is_empty() {
        return;
    }
    let body = comma(rest).map(|(r, _)| r).unwrap_or(rest);
    let body = trim(body);
    if body.fragment().is_empty() {
        return;
    }
    match all_of(any_locator, body).or_else(|| cited_place(&elements_of(body))) {
        Some(locator) => parse.locator = Some(locator),
        None => parse.unparsed.push(span_range(&body)),
    }
}

/// Language tag of a Chinese title: Traditional unless it uses characters
/// only Simplified Chinese writes.
pub(crate) fn language_of(text: &str) -> Language {
    // Common characters that exist only in the simplified script.
    const SIMPLIFIED_ONLY: &str = "国际战军报华们这发经关对来时会为学书长东门问间开无车马鸟鱼说语读论议计让认识试词级纪线组织结给统经绩济举产业实际现党员员务动劳势区县边农电视话资质运过还进远选连适档馆录页号";
    if text.chars().any(|c| SIMPLIFIED_ONLY.contains(c)) {
        Language::ChineseSimplified
    } else {
        Language::ChineseTraditional
    }
}

/// Creators of any length, when what follows them (perhaps after the
/// translators) is a title mark: the position says they are creators.
fn creators_before_a_title(input: Span) -> Option<(Span, NameList)> {
    let (rest, (list, _)) = alt((
        (chinese_creators_any_length, comma),
        (latin_creators, comma),
    ))
    .parse(input)
    .ok()?;
    let opens_title = |s: Span| s.fragment().starts_with(['〈', '《', '「', '“']);
    let after_translators = (chinese_creators, comma)
        .parse(rest)
        .ok()
        .filter(|(_, (t, _))| t.role == Role::Translator)
        .map(|(after, _)| after);
    (opens_title(rest) || after_translators.is_some_and(opens_title)).then_some((rest, list))
}

/// `Ross S. M.`, `Miroslav D. L.、Dejan V. T.`: foreign creators written in
/// Latin letters in a Chinese citation, up to the full-width comma.
fn latin_creators(input: Span) -> PResult<NameList> {
    let (rest, run) = take_while1(|c: char| c != '，' && !is_cjk_ideograph(c)).parse(input)?;
    let names: Vec<crate::model::Name> = run
        .fragment()
        .split('、')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(super::gbt::gb_person)
        .collect();
    if names.is_empty() || !run.fragment().starts_with(|c: char| c.is_ascii_uppercase()) {
        return fail(input);
    }
    Ok((rest, NameList::authors(names)))
}

/// A Chinese citation of any kind. `None` when the grammar does not
/// account for the text.
pub fn citation(input: Span) -> Option<CiteParse> {
    let input = trim(input);
    if !has_cjk(input.fragment()) {
        return None;
    }
    let parse = CiteParse::default();
    if let Some(locator) = all_of(ibid, input) {
        return Some(CiteParse::ibid(locator));
    }
    if let Some((number, locator)) = all_of(note_reference, input) {
        return Some(CiteParse::same_as_note(number, locator));
    }
    // An archive's words first: `《指示》，1953年5月2日，中央档案馆藏` is no
    // untitled newspaper report.
    if let Some(parse) =
        interview::interview_or_letter(input).or_else(|| archive::archived_document(input))
    {
        return Some(parse);
    }
    if let Some(parse) = untitled_report(input, parse.clone()) {
        return Some(parse);
    }
    let named = without_origin(input);
    let (rest, creators) = match (chinese_creators, comma).parse(named) {
        Ok((rest, (list, _))) => (rest, Some(list)),
        Err(_) => match creators_before_a_title(named) {
            Some((rest, list)) => (rest, Some(list)),
            None => (input, None),
        },
    };
    // `王明：《书名》，北京：…`: the mainland form, creators before a colon.
    if creators.is_none() {
        if let Some(parse) = mainland_citation(input, parse.clone()) {
            return Some(parse);
        }
    }
    // `亨廷頓著，周琪等譯，書名`: a translation names its translators after
    // its authors.
    let (rest, translators) = match &creators {
        Some(authors) if authors.role == Role::Author => {
            match (chinese_creators, comma).parse(rest) {
                Ok((after, (list, _))) if list.role == Role::Translator => (after, Some(list)),
                _ => (rest, None),
            }
        }
        _ => (rest, None),
    };
    let mut parse = work_after_creators(rest, creators, parse)?;
    if let (Some(translators), Some(Parsed::Full(item))) = (translators, parse.parsed.as_mut()) {
        let item = Arc::make_mut(item);
        // The author of a translated work is a foreign name written in
        // characters (`亨廷頓`): it has no Chinese family/given split.
        for name in &mut item.author {
            // A name in Latin letters keeps its parts (`Ross S. M.`).
            if name.display().chars().any(is_cjk_ideograph) {
                *name = Name::literal(&name.display());
            }
        }
        item.set_rare_names(translators.names, |e| &mut e.translator);
    }
    Some(parse)
}

/// A creator's dynasty or nationality in brackets before the name,
/// `〔清〕趙爾巽`, `（清）王先謙`, `[美]亨廷顿`, `【英】`: one or two
/// ideographs. It names no field, and is passed over.
fn without_origin(input: Span) -> Span {
    let mut origin = alt((
        group('[', ']'),
        group('〔', '〕'),
        group('【', '】'),
        group('（', '）'),
        group('(', ')'),
    ));
    match origin.parse(input) {
        Ok((rest, inner))
            if (1..=2).contains(&inner.fragment().chars().count())
                && inner.fragment().chars().all(is_cjk_ideograph)
                && rest.fragment().trim_start().starts_with(is_cjk_ideograph) =>
        {
            trim(rest)
        }
        _ => input,
    }
}

/// `作者：《题名》，…` (see [`mainland`]): creators of any length, then a
/// colon and a title in 《》 (after a nationality in brackets, `[美]`).
fn mainland_citation(input: Span, mut parse: CiteParse) -> Option<CiteParse> {
    let input = without_origin(input);
    let (rest, (creators, _)) = (chinese_creators_any_length, colon).parse(input).ok()?;
    // `王明：前引书，第12页`, `王明：《书名》，第12页`: a short form.
    let short = |title: Option<String>, after: Span, mut parse: CiteParse| {
        parse.parsed = Some(Parsed::short(creators.names.clone(), title, None));
        trailing_locator(after, &mut parse);
        parse.unparsed.is_empty().then_some(parse)
    };
    if let Ok((after, _)) = previously_cited(rest) {
        return short(None, after, parse);
    }
    if !rest.fragment().starts_with('《') {
        return None;
    }
    let (after, (_, title)) = bracketed_title(rest).ok()?;
    let listed = Some(creators.clone());
    match mainland::work_after_title(after, &title, &listed, &mut parse) {
        Some(item) => {
            parse.parsed = Some(Parsed::Full(Arc::new(item)));
            Some(parse)
        }
        None => short(Some(title), after, CiteParse::default()),
    }
}

/// What follows a Chinese citation's creators: a titled book or article, a
/// `前引書` short form, a bare title with publication facts, or a short
/// form.
fn work_after_creators(
    rest: Span,
    creators: Option<NameList>,
    mut parse: CiteParse,
) -> Option<CiteParse> {
    if let Ok((after, (open, title))) = bracketed_title(rest) {
        if open == '《' {
            return book(after, title, creators, parse);
        }
        return article(after, title, creators, parse);
    }
    if let Ok((after, _)) = previously_cited(rest) {
        parse.parsed = Some(Parsed::short(
            creators.map(|c| c.names).unwrap_or_default(),
            None,
            None,
        ));
        trailing_locator(after, &mut parse);
        return Some(parse);
    }
    // A bare title: a book when publication facts follow.
    if let Some((at, after, publication)) = find_publication(rest) {
        let title = slice(rest, 0, at).fragment().trim().to_string();
        if title.is_empty() {
            return None;
        }
        let mut item = Item::new(ItemType::Book);
        item.title = Some(strip_book_brackets(&title).into());
        finish_book(&mut item, creators, publication);
        trailing_locator(after, &mut parse);
        parse.parsed = Some(Parsed::Full(Arc::new(item)));
        return Some(parse);
    }
    short_form(rest, creators, parse)
}

fn strip_book_brackets(title: &str) -> String {
    title
        .trim()
        .trim_start_matches('《')
        .trim_end_matches('》')
        .trim()
        .to_string()
}

fn finish_book(item: &mut Item, creators: Option<NameList>, publication: Publication) {
    let institutional = creators.as_ref().is_some_and(|c| {
        c.role == Role::Author && !c.names.is_empty() && c.names.iter().all(|n| n.is_literal())
    });
    if let Some(list) = creators {
        list.apply_to(item);
    }
    item.publisher_place = publication.place.map(Into::into);
    item.publisher = publication.publisher.map(Into::into);
    item.issued = publication.date;
    // An institution's own publication (no publisher, or itself): a report.
    let self_published = match (
        item.publisher.as_deref(),
        item.author.first().and_then(|a| a.literal_text()),
    ) {
        (None, _) => true,
        (Some(publisher), Some(author)) => publisher == author,
        _ => false,
    };
    if institutional && self_published {
        item.item_type = ItemType::Report;
    }
    // `國立政治大學俄羅斯研究所碩士論文`: the school, then the degree.
    if let Some(publisher) = item.publisher.clone() {
        if let Some(genre) = THESIS_GENRES.iter().find(|g| publisher.ends_with(**g)) {
            item.item_type = ItemType::Thesis;
            item.genre = Some((*genre).into());
            let school = publisher.trim_end_matches(genre).trim();
            item.publisher = (!school.is_empty()).then(|| school.into());
        }
    }
    item.language = Some(language_of(item.title.as_deref().unwrap_or("")));
}

/// The degrees a Chinese thesis names after its school.
const THESIS_GENRES: &[&str] = &[
    "碩士論文",
    "硕士论文",
    "博士論文",
    "博士论文",
    "學位論文",
    "学位论文",
];

/// `第 2 版`, `修訂版`, `石印本`, `增訂本`: an edition named after a title.
fn book_edition(input: Span) -> PResult<String> {
    let (rest, run) =
        take_while1(|c: char| c != '（' && c != '(' && c != '，' && c != ',').parse(input)?;
    let text = run.fragment().trim();
    let short = text.chars().count() <= 8;
    let numbered = text
        .strip_prefix('第')
        .and_then(|t| t.strip_suffix('版'))
        .is_some_and(|n| !n.trim().is_empty());
    let named = short && (text.ends_with('版') || text.ends_with('本')) && !text.starts_with('《');
    if numbered || named {
        let ed = text
            .strip_prefix('第')
            .and_then(|t| t.strip_suffix('版'))
            .map_or(text, str::trim);
        return Ok((rest, ed.to_string()));
    }
    fail(input)
}

/// The edition and volume between a book's title and its publication
/// parenthetical, each after an optional comma, and where the
/// parenthetical opens; `None` when something else stands there.
fn facts_before_publication(after: Span) -> Option<(Span, Option<String>, Option<String>)> {
    let (mut at, mut edition, mut volume) = (after, None, None);
    loop {
        let next = trim(comma(at).map_or(at, |(rest, _)| rest));
        if next.fragment().starts_with(['（', '(']) {
            return Some((next, edition, volume));
        }
        if let Ok((rest, v)) = book_volume(next) {
            volume.get_or_insert(v);
            at = rest;
        } else if let Ok((rest, ed)) = book_edition(next) {
            edition.get_or_insert(ed);
            at = rest;
        } else {
            return None;
        }
    }
}

/// `《書名》（…），頁 N` after the creators.
fn book(
    after: Span,
    title: String,
    creators: Option<NameList>,
    mut parse: CiteParse,
) -> Option<CiteParse> {
    let mut item = Item::new(ItemType::Book);
    item.title = Some(title.into());
    let after = trim(after);
    // `《書名》，（台北：…）`: a comma may stand before the parenthetical,
    // and an edition (`，第 2 版（…）`, `，修訂本（…）`) or the volume
    // (`，上冊（…）`, `第 3 冊（…）`) between them.
    let after = match facts_before_publication(after) {
        Some((paren, edition, volume)) => {
            if let Some(ed) = edition {
                item.extra_mut().edition = Some(ed.into());
            }
            item.volume = volume.map(Into::into);
            paren
        }
        None => after,
    };
    let (rest, publication) = match ws(after).and_then(|(a, _)| parens(a)) {
        Ok((rest, inner)) => match publication(inner) {
            Some(p) => (rest, p),
            None => (after, Publication::default()),
        },
        Err(_) => (after, Publication::default()),
    };
    if publication == Publication::default() && !after.fragment().trim().is_empty() {
        // `作者，《書名》，頁 N`: a short form with a bracketed title; and
        // with the volume too, `，卷 23，頁 890`.
        let elements = elements_of(after);
        let only_locator = elements.iter().all(|e| all_of(any_locator, *e).is_some());
        let place = (!only_locator).then(|| cited_place(&elements)).flatten();
        if only_locator || place.is_some() {
            // The place is read already: the short form is what precedes it.
            let rest = match place {
                Some(place) => {
                    parse.locator = Some(place);
                    slice(after, 0, 0)
                }
                None => after,
            };
            let mut short = short_form(rest, creators, parse)?;
            if let Some(Parsed::Short(s)) = short.parsed.as_mut() {
                s.title = item.title.take().map(String::from);
            }
            return Some(short);
        }
    }
    finish_book(&mut item, creators, publication);
    trailing_locator(rest, &mut parse);
    parse.parsed = Some(Parsed::Full(Arc::new(item)));
    Some(parse)
}

/// A chapter: `收錄於 編者主編，書名（…），頁 N`.
fn chapter(
    input: Span,
    title: &str,
    creators: &Option<NameList>,
    parse: &mut CiteParse,
) -> Option<Item> {
    let (input, _) = (
        alt((
            tag::<_, _, Error<Span>>("收錄於"),
            tag("收錄在"),
            tag("載於"),
            tag("收入"),
            tag("收於"),
            tag("見"),
        )),
        ws,
    )
        .parse(input)
        .ok()?;
    let mut item = Item::new(ItemType::Chapter);
    item.title = Some(title.into());
    if let Some(list) = creators.clone() {
        list.apply_to(&mut item);
    }
    let mut book = input;
    if let Ok((rest, (eds, _))) = (chinese_creators, opt(comma)).parse(input) {
        if eds.role == Role::Editor {
            item.editor = eds.names;
            book = rest;
        }
    }
    let (at, rest, publication) = find_publication(book)?;
    item.container_title = Some(strip_book_brackets(slice(book, 0, at).fragment()).into());
    item.publisher_place = publication.place.map(Into::into);
    item.publisher = publication.publisher.map(Into::into);
    item.issued = publication.date;
    item.language = Some(language_of(title));
    trailing_locator(rest, parse);
    Some(item)
}

/// `「篇名」，期刊（地點），2004 年第 4 期，頁 20-21` or
/// `「篇名」，報紙，2000 年 2 月 8 日，版五`.
fn article(
    after: Span,
    title: String,
    creators: Option<NameList>,
    mut parse: CiteParse,
) -> Option<CiteParse> {
    if let Some(item) = speech::speech(after, &title, &creators, &mut parse) {
        parse.parsed = Some(Parsed::Full(Arc::new(item)));
        return Some(parse);
    }
    let after = trim(after);
    let after = comma(after).map(|(r, _)| r).unwrap_or(after);
    if let Some(mut item) = chapter(after, &title, &creators, &mut parse) {
        item.language = Some(language_of(&title));
        parse.parsed = Some(Parsed::Full(Arc::new(item)));
        return Some(parse);
    }
    let elements = split_top_level(after, |c| c == '，' || c == ',');
    let first = elements.first().map(|e| trim(*e))?;
    if first.fragment().is_empty() || all_of(any_locator, first).is_some() {
        let mut short = short_form(after, creators, parse)?;
        if let Some(Parsed::Short(s)) = short.parsed.as_mut() {
            s.title = Some(title);
        }
        return Some(short);
    }
    // `「篇名」（臺北：某大學某研究所碩士論文，2002 年）`: a work published on
    // its own (a thesis, mostly), not in a periodical.
    if let Some((0, rest, publication)) = find_publication(after) {
        let mut item = Item::new(ItemType::Book);
        item.title = Some(title.clone().into());
        finish_book(&mut item, creators, publication);
        trailing_locator(rest, &mut parse);
        parse.parsed = Some(Parsed::Full(Arc::new(item)));
        return Some(parse);
    }
    if let Some(item) = conference_paper(&elements, &title, &creators, &mut parse) {
        parse.parsed = Some(Parsed::Full(Arc::new(item)));
        return Some(parse);
    }
    // `〈篇名〉，《書名》（台北：…，2000 年），頁 5`: a chapter without 收錄於
    // (a parenthetical with a date alone dates a periodical's issue).
    if let Some((at, rest, publication)) =
        find_publication(first).filter(|(_, _, p)| p.place.is_some() || p.publisher.is_some())
    {
        let book = slice(first, 0, at).fragment().trim();
        if !book.is_empty() {
            let mut item = Item::new(ItemType::Chapter);
            item.title = Some(title.clone().into());
            if let Some(list) = creators {
                list.apply_to(&mut item);
            }
            item.container_title = Some(strip_book_brackets(book).into());
            item.publisher_place = publication.place.map(Into::into);
            item.publisher = publication.publisher.map(Into::into);
            item.issued = publication.date;
            item.language = Some(language_of(&title));
            let tail = rest.location_offset() - after.location_offset();
            trailing_locator(slice(after, tail, after.fragment().len()), &mut parse);
            parse.parsed = Some(Parsed::Full(Arc::new(item)));
            return Some(parse);
        }
    }
    let mut item = Item::new(ItemType::ArticleJournal);
    item.title = Some(title.clone().into());
    if let Some(list) = creators {
        list.apply_to(&mut item);
    }
    // `〈篇名〉，2001 年 12 月 19 日，http://…`: a page online names no
    // periodical before its date.
    let undated_container = all_of(chinese_date, first).is_some() || web_address(first).is_some();
    if undated_container {
        periodical_elements(&elements, &mut item, &mut parse);
    } else {
        periodical_container(first, &mut item);
        periodical_elements(elements.get(1..).unwrap_or(&[]), &mut item, &mut parse);
    }
    let has_issue_or_volume = item.issue.is_some() || item.volume.is_some();
    let day_dated = item.issued.as_ref().is_some_and(|d| d.start.day.is_some());
    item.item_type = if item.url.is_some() && !has_issue_or_volume {
        ItemType::Webpage
    } else if has_issue_or_volume {
        ItemType::ArticleJournal
    } else if day_dated {
        ItemType::ArticleNewspaper
    } else {
        ItemType::ArticleJournal
    };
    item.language = Some(language_of(&title));
    parse.parsed = Some(Parsed::Full(Arc::new(item)));
    Some(parse)
}

/// `「篇名」，發表於「研討會」（臺北：主辦單位，2005 年 6 月 1 日），頁 5` or
/// `…，發表於研討會，臺北，2005 年 6 月 1 日`: a paper presented at a
/// conference — the conference, then where, who held it and when.
fn conference_paper(
    elements: &[Span],
    title: &str,
    creators: &Option<NameList>,
    parse: &mut CiteParse,
) -> Option<Item> {
    let first = trim(*elements.first()?);
    let text = *first.fragment();
    let lead = ["發表於", "发表于", "宣讀於", "宣读于", "提交"]
        .iter()
        .find(|l| text.starts_with(**l))?;
    let event = trim(slice(first, lead.len(), text.len()));
    let mut item = Item::new(ItemType::PaperConference);
    item.title = Some(title.into());
    if let Some(list) = creators.clone() {
        list.apply_to(&mut item);
    }
    // The conference, and perhaps `（地點：主辦單位，日期）` after it.
    let (name, facts) = match find_publication(event) {
        Some((at, _, publication)) => (slice(event, 0, at), Some(publication)),
        None => (event, None),
    };
    let name = name
        .fragment()
        .trim()
        .trim_start_matches('「')
        .trim_end_matches('」');
    item.extra_mut().event_title = Some(name.trim().into());
    if let Some(facts) = facts {
        item.set_rare(facts.place.map(Into::into), |e| &mut e.event_place);
        item.publisher = facts.publisher.map(Into::into);
        item.issued = facts.date;
    }
    let mut locator = None;
    for el in elements.iter().skip(1) {
        let el = trim(*el);
        let value = el.fragment().trim();
        if value.is_empty() {
            continue;
        }
        if let Some(date) = all_of(chinese_date, el) {
            item.issued.get_or_insert(date);
        } else if let Some(found) = all_of(any_locator, el) {
            locator = Some(found);
        } else if super::names::is_chinese_institution(value) {
            item.publisher.get_or_insert_with(|| value.into());
        } else if item.extra().event_place.is_none() {
            item.extra_mut().event_place = Some(value.into());
        } else {
            parse.unparsed.push(span_range(&el));
        }
    }
    item.language = Some(language_of(title));
    parse.locator = locator;
    Some(item)
}

/// Endings of the names of newspapers, agencies and broadcasters.
const PERIODICAL_NAME_ENDINGS: &[&str] = &[
    "報", "报", "社", "刊", "網", "网", "台", "臺", "新聞", "新闻", "電訊", "电讯", "雜誌", "杂志",
];

/// `人民日報，2001 年 7 月 17 日，版 1`, `《解放軍報》，2002 年 3 月 1 日，第 3
/// 版`, `中央社，2001 年 7 月 16 日`: a newspaper or agency report cited
/// without a title — the periodical (in `《》` or named like one), then the
/// day.
fn untitled_report(input: Span, mut parse: CiteParse) -> Option<CiteParse> {
    let elements = split_top_level(input, |c| c == '，' || c == ',');
    let first = trim(*elements.first()?);
    let second = trim(*elements.get(1)?);
    let name = first.fragment().trim();
    let bracketed = name.starts_with('《') && name.ends_with('》');
    let named_like_one = has_cjk(name)
        && !name.contains(['「', '〈', '（', '(', '《'])
        && PERIODICAL_NAME_ENDINGS.iter().any(|e| name.ends_with(e));
    if !(bracketed || named_like_one) {
        return None;
    }
    let dated_by_day = all_of(chinese_date, second).is_some_and(|d| d.start.day.is_some());
    if !dated_by_day {
        return None;
    }
    let mut item = Item::new(ItemType::ArticleNewspaper);
    periodical_container(first, &mut item);
    periodical_elements(elements.get(1..).unwrap_or(&[]), &mut item, &mut parse);
    item.language = Some(language_of(name));
    parse.parsed = Some(Parsed::Full(Arc::new(item)));
    Some(parse)
}

/// `國防大學學報（北京）`, `《中國時報》`.
fn periodical_container(el: Span, item: &mut Item) {
    let text = el.fragment().trim();
    // `《北京大学学报(哲学社会科学版)》`: a parenthesis inside the title
    // marks is the name's own.
    if let Some((name, after)) = text.strip_prefix('《').and_then(|t| t.split_once('》')) {
        if after.trim().is_empty() {
            item.container_title = Some(name.trim().into());
            return;
        }
    }
    let text = text.trim_start_matches('《').replacen('》', "", 1);
    if let Some(open) = text.find(['（', '(']) {
        if text.ends_with(['）', ')']) {
            let close_len = text.chars().next_back().map_or(1, char::len_utf8);
            let open_len = text
                .get(open..)
                .and_then(|s| s.chars().next())
                .map_or(1, char::len_utf8);
            let place = text
                .get(open + open_len..text.len() - close_len)
                .unwrap_or("")
                .trim();
            let name = text.get(..open).unwrap_or("").trim().to_string();
            match chinese_or_plain_date(Span::new(place)) {
                // `《大众科技报》（2000 年 11 月 12 日）`: the issue's date.
                Some(date) if !name.is_empty() => {
                    item.container_title = Some(name.into());
                    item.issued = item.issued.take().or(Some(date));
                    return;
                }
                None if !place.is_empty() => {
                    item.container_title = Some(name.into());
                    item.publisher_place = Some(place.into());
                    return;
                }
                _ => {}
            }
        }
    }
    item.container_title = Some(text.trim().into());
}

/// The elements after the periodical; what none of them accounts for is
/// kept as unparsed.
fn periodical_elements(elements: &[Span], item: &mut Item, parse: &mut CiteParse) {
    for el in elements {
        let el = trim(*el);
        if !el.fragment().is_empty() && !periodical_element(el, item, parse) {
            parse.unparsed.push(span_range(&el));
        }
    }
}

/// One element after the periodical: a date, `第 4 期`, `第 12 卷`,
/// `2004 年第 4 期`, a locator.
fn periodical_element(el: Span, item: &mut Item, parse: &mut CiteParse) -> bool {
    if let Some((url, accessed)) = web_address(el) {
        item.url = Some(url.into());
        if accessed.is_some() {
            item.set_rare(accessed, |e| &mut e.accessed);
        }
        return true;
    }
    if let Some(date) = accessed_date(el) {
        item.extra_mut().accessed = Some(date);
        return true;
    }
    if let Some(date) = all_of(chinese_date, el) {
        item.issued.get_or_insert(date);
        return true;
    }
    if let Ok((rest, date)) = chinese_date(el) {
        // `2004 年第 4 期`, `2004 年第 12 卷第 3 期`
        if let Some((volume, issue)) = all_of(volume_and_issue, trim(rest)) {
            item.issued.get_or_insert(date);
            item.volume = volume.map(Into::into).or(item.volume.take());
            item.issue = issue.map(Into::into).or(item.issue.take());
            return true;
        }
    }
    if let Ok((rest, (volume, issue))) = volume_and_issue(el) {
        // `第 12 卷第 3 期（2004 年 3 月）`
        let rest = trim(rest);
        let date = match parens(rest) {
            Ok((after, inner)) if after.fragment().trim().is_empty() => {
                all_of(chinese_date, trim(inner))
            }
            _ => None,
        };
        if rest.fragment().is_empty() || date.is_some() {
            item.volume = volume.map(Into::into).or(item.volume.take());
            item.issue = issue.map(Into::into).or(item.issue.take());
            if let Some(date) = date {
                item.issued.get_or_insert(date);
            }
            return true;
        }
    }
    if let Ok((rest, inner)) = parens(el) {
        // `（2004 年 3 月）` after `第 12 卷第 3 期`
        if let Some(date) = all_of(chinese_date, trim(inner)) {
            if rest.fragment().trim().is_empty() {
                item.issued.get_or_insert(date);
                return true;
            }
        }
    }
    if let Some(locator) = all_of(any_locator, el) {
        parse.locator = Some(locator);
        return true;
    }
    false
}

/// `http://…`, optionally followed by `（檢索日期：2006 年 1 月 1 日）`.
fn web_address(el: Span) -> Option<(String, Option<Date>)> {
    let text = el.fragment().trim();
    if !crate::text::starts_with_url(text) {
        return None;
    }
    let end = text
        .find(|c: char| c.is_whitespace() || c == '（' || c == '(')
        .unwrap_or(text.len());
    let url = text.get(..end)?.trim_end_matches(['.', '。']).to_string();
    let rest = trim(slice(
        el,
        el.fragment().len() - text.len() + end,
        el.fragment().len(),
    ));
    if rest.fragment().is_empty() {
        return Some((url, None));
    }
    let (after, inner) = parens(rest).ok()?;
    let accessed = accessed_date(trim(inner))?;
    after
        .fragment()
        .trim()
        .is_empty()
        .then_some((url, Some(accessed)))
}

/// `檢索日期：2006 年 1 月 1 日`, `瀏覽日期`, `上網日期`, `查閱日期`.
fn accessed_date(el: Span) -> Option<Date> {
    let (rest, _) = (
        alt((
            tag::<_, _, Error<Span>>("檢索日期"),
            tag("瀏覽日期"),
            tag("上網日期"),
            tag("查閱日期"),
            tag("下載日期"),
        )),
        opt(alt((tag("："), tag(":")))),
        ws,
    )
        .parse(el)
        .ok()?;
    chinese_or_plain_date(rest)
}

/// `第 12 卷第 3 期`, `第 3 期`, `第 12 卷`, optionally followed by a date
/// in parentheses.
fn volume_and_issue(input: Span) -> PResult<(Option<String>, Option<String>)> {
    let (input, volume) = opt(chinese_volume).parse(input)?;
    let (input, _) = space0(input)?;
    let (input, issue) = opt(alt((chinese_issue, bare_issue))).parse(input)?;
    if volume.is_none() && issue.is_none() {
        return fail(input);
    }
    Ok((input, (volume, issue)))
}

/// `3 期` after a volume (`第 44 卷 3 期`).
fn bare_issue(input: Span) -> PResult<String> {
    let (rest, (n, _, _)) = (digit1, space0, tag("期")).parse(input)?;
    Ok((rest, n.fragment().to_string()))
}

/// `作者，書名，頁 N`: a short form of a book cited before.
fn short_form(input: Span, creators: Option<NameList>, mut parse: CiteParse) -> Option<CiteParse> {
    let mut parts = split_top_level(input, |c| c == '，' || c == ',');
    if let Some(last) = parts.last().map(|p| trim(*p)) {
        if let Some(locator) = all_of(any_locator, last) {
            parse.locator = Some(locator);
            parts.pop();
        }
    }
    let title_span = parts.first().map(|p| trim(*p));
    let title = title_span
        .map(|t| strip_book_brackets(t.fragment()))
        .filter(|t| !t.is_empty());
    if parts.len() > 1 {
        // More elements than a short form has: not a citation we know.
        return None;
    }
    if creators.is_none() && parse.locator.is_none() {
        return None;
    }
    // Prose, not a title: sentence punctuation inside.
    if title
        .as_deref()
        .is_some_and(|t| t.contains(['。', '；', '：']) || t.chars().count() > 40)
    {
        return None;
    }
    Some(parse.into_short(creators, title))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::ShortForm;

    #[test]
    fn mainland_forms_after_a_colon() {
        let full = |text: &str| match citation(Span::new(text)).and_then(|p| p.parsed) {
            Some(Parsed::Full(item)) => item,
            other => panic!("{text}: {other:?}"),
        };
        let book = full("王明：《国际战略》，清华大学出版社2003年版，第9页");
        assert_eq!(book.publisher.as_deref(), Some("清华大学出版社"));
        assert_eq!(book.issued.as_ref().map(|d| d.start.year), Some(2003));
        let article = full("李华：《论改革》，载《世界经济》2005年第4期，第12页");
        assert_eq!(article.item_type, ItemType::ArticleJournal);
        assert_eq!(article.container_title.as_deref(), Some("世界经济"));
        let translated = full("[美]亨廷顿：《文明的冲突》，周琪等译，北京：新华出版社，2002年");
        assert_eq!(translated.extra().translator.len(), 1);
        assert_eq!(translated.publisher_place.as_deref(), Some("北京"));
        // A short form by the same shape, and `前引书`.
        for text in ["王明：《国际战略》，第12页", "王明：前引书，第12页"] {
            let parse = citation(Span::new(text)).unwrap_or_else(|| panic!("{text}"));
            assert!(matches!(parse.parsed, Some(Parsed::Short(_))), "{text}");
            assert_eq!(parse.locator.map(|l| l.value), Some("12".to_string()));
        }
        // A place before a colon is no creator: `北京：` opens no citation.
        assert!(citation(Span::new("北京：《人民日报》"))
            .is_none_or(|p| !matches!(p.parsed, Some(Parsed::Full(_)))));
    }
    use crate::model::LocatorLabel;

    fn parse(text: &str) -> CiteParse {
        let parse = citation(Span::new(text)).unwrap_or_else(|| panic!("no parse: {text}"));
        assert!(
            parse.unparsed.is_empty(),
            "unparsed in {text}: {:?}",
            parse.unparsed
        );
        parse
    }

    fn full(text: &str) -> (Item, Option<Locator>) {
        let p = parse(text);
        match p.parsed {
            Some(Parsed::Full(item)) => (Arc::unwrap_or_clone(item), p.locator),
            other => panic!("not full: {other:?}"),
        }
    }

    fn names(list: &[crate::model::Name]) -> Vec<String> {
        list.iter().map(|n| n.display()).collect()
    }

    fn of_volume(label: LocatorLabel, value: &str, volume: Option<&str>) -> Option<Locator> {
        let mut locator = Locator::new(label, value);
        locator.volume = volume.map(Into::into);
        Some(locator)
    }

    #[test]
    fn the_volume_cited_after_the_publication() {
        let (item, locator) =
            full("張三主編，《冷戰史料彙編》（北京：中華書局，1998），第 3 冊，頁 45");
        assert_eq!(item.title.as_deref(), Some("冷戰史料彙編"));
        assert_eq!(item.publisher.as_deref(), Some("中華書局"));
        assert_eq!(item.volume, None);
        assert_eq!(locator, of_volume(LocatorLabel::Page, "45", Some("3")));
        // A classic's fascicle, in Chinese numerals too; a volume alone.
        let (_, locator) = full("王五，《書名》（北京：中華書局，1977），卷二十三，頁 890");
        assert_eq!(locator, of_volume(LocatorLabel::Page, "890", Some("23")));
        let (_, locator) = full("王五，《書名》（北京：中華書局，1977），第二卷");
        assert_eq!(locator, of_volume(LocatorLabel::Volume, "2", None));
        // Anything else after the volume is not read as its pages.
        let parse = citation(Span::new(
            "王五，《書名》（北京：中華書局，1977），第 3 冊，某某，頁 5",
        ));
        assert!(parse.is_some_and(|p| p.locator.is_none() && !p.unparsed.is_empty()));
    }

    #[test]
    fn the_volume_before_the_publication_is_the_works() {
        let (item, locator) = full("李四，《蘇聯解體後的中亞》，上冊（台北：聯經，1990），頁 3");
        assert_eq!(item.volume.as_deref(), Some("上冊"));
        assert_eq!(item.publisher.as_deref(), Some("聯經"));
        assert_eq!(item.issued.map(|d| d.year()), Some(1990));
        assert_eq!(locator, of_volume(LocatorLabel::Page, "3", None));
        let (item, _) = full("李四，《書名》第 3 冊，修訂本（台北：聯經，1990），頁 3");
        assert_eq!(item.volume.as_deref(), Some("3"));
        assert_eq!(item.extra().edition.as_deref(), Some("修訂本"));
    }

    #[test]
    fn a_dynasty_before_the_author() {
        for text in [
            "〔清〕趙爾巽等撰，《清史稿》（北京：中華書局，1977），卷 23，頁 890",
            "（清）趙爾巽等撰，《清史稿》（北京：中華書局，1977），卷 23，頁 890",
            "[清]趙爾巽等撰，《清史稿》（北京：中華書局，1977），卷 23，頁 890",
        ] {
            let (item, locator) = full(text);
            assert_eq!(item.title.as_deref(), Some("清史稿"), "{text}");
            assert_eq!(names(&item.author), ["趙爾巽"], "{text}");
            assert_eq!(locator, of_volume(LocatorLabel::Page, "890", Some("23")));
        }
        // Not a dynasty: more than two characters, or not ideographs.
        assert_eq!(
            without_origin(Span::new("（中華民國）王五")).fragment(),
            &"（中華民國）王五"
        );
        assert_eq!(without_origin(Span::new("(a)王五")).fragment(), &"(a)王五");
        assert_eq!(without_origin(Span::new("（清）")).fragment(), &"（清）");
        assert_eq!(without_origin(Span::new("【英】 王五")).fragment(), &"王五");
    }

    #[test]
    fn repeats_with_a_volume() {
        let (rest, locator) = ibid(Span::new("同上，卷 24，頁 5")).unwrap();
        assert!(rest.fragment().is_empty());
        assert_eq!(locator, of_volume(LocatorLabel::Page, "5", Some("24")));
        let (_, (number, locator)) = note_reference(Span::new("同註 3，第 2 冊，頁 7")).unwrap();
        assert_eq!(number, 3);
        assert_eq!(locator, of_volume(LocatorLabel::Page, "7", Some("2")));
        // A locator alone is read as before, and leaves what follows it.
        let (rest, locator) = ibid(Span::new("同上，頁 5。")).unwrap();
        assert_eq!(rest.fragment(), &"。");
        assert_eq!(locator, of_volume(LocatorLabel::Page, "5", None));
    }

    /// A title in `《》` with nothing after it is the work itself, not a
    /// short form (which names its place).
    #[test]
    fn a_bare_book_title_is_a_full_citation() {
        let (item, locator) = full("王五，《軍事合作》");
        assert_eq!(item.title.as_deref(), Some("軍事合作"));
        assert_eq!(locator, None);
    }

    #[test]
    fn a_short_form_with_its_volume() {
        let parse = citation(Span::new("趙爾巽等撰，《清史稿》，卷 23，頁 890")).unwrap();
        assert!(matches!(parse.parsed, Some(Parsed::Short(_))));
        assert_eq!(
            parse.locator,
            of_volume(LocatorLabel::Page, "890", Some("23"))
        );
        assert!(parse.unparsed.is_empty());
    }

    #[test]
    fn a_chapter_without_a_cue_word() {
        let parse = citation(Span::new(
            "吳玉山，〈抗衡或扈從〉，《兩岸關係新詮》（台北：正中書局，1997 年），頁 15",
        ));
        let item = match parse.as_ref().and_then(|p| p.parsed.as_ref()) {
            Some(Parsed::Full(item)) => item.clone(),
            other => panic!("not a full citation: {other:?}"),
        };
        assert_eq!(item.item_type, ItemType::Chapter);
        assert_eq!(item.container_title.as_deref(), Some("兩岸關係新詮"));
        assert_eq!(item.publisher_place.as_deref(), Some("台北"));
        assert_eq!(item.publisher.as_deref(), Some("正中書局"));
        assert_eq!(
            item.issued,
            Some(Date::single(crate::model::DatePart::year(1997)))
        );
        let page = parse.and_then(|p| p.locator).map(|l| l.value);
        assert_eq!(page.as_deref(), Some("15"));
    }

    #[test]
    fn a_periodical_with_its_place_in_parentheses() {
        let read = |text: &str| {
            let mut item = Item::new(ItemType::ArticleJournal);
            periodical_container(Span::new(text), &mut item);
            assert!(item.issued.is_none(), "{text}");
            (item.container_title, item.publisher_place)
        };
        assert_eq!(
            read("國防大學學報（北京）"),
            (Some("國防大學學報".into()), Some("北京".into()))
        );
        assert_eq!(
            read("《北京大学学报(哲学社会科学版)》"),
            (Some("北京大学学报(哲学社会科学版)".into()), None)
        );
        assert_eq!(read("學報（）"), (Some("學報（）".into()), None));
        // A date in the parentheses is no place: it dates the issue.
        let mut item = Item::new(ItemType::ArticleJournal);
        periodical_container(
            Span::new("《大众科技报》（2000 年 11 月 12 日）"),
            &mut item,
        );
        assert_eq!(item.container_title.as_deref(), Some("大众科技报"));
        assert_eq!(item.publisher_place, None);
        assert_eq!(
            item.issued.map(|d| (d.year(), d.start.month, d.start.day)),
            Some((2000, Some(11), Some(12)))
        );
    }

    #[test]
    fn a_periodical_dated_in_parentheses_is_no_book() {
        let (item, locator) =
            full("张田勤，〈罪犯 DNA 库〉，《大众科技报》（2000 年 11 月 12 日），頁 19");
        assert_ne!(item.item_type, ItemType::Chapter);
        assert_eq!(item.container_title.as_deref(), Some("大众科技报"));
        assert_eq!(locator.map(|l| l.value).as_deref(), Some("19"));
    }

    #[test]
    fn an_institution_named_with_latin_letters() {
        let (item, locator) =
            full("牛津大学IT中心，〈LaTeX 指导系列课程〉，《牛津大学官网》，頁 27");
        assert_eq!(
            item.author.first().and_then(|n| n.literal_text()),
            Some("牛津大学IT中心")
        );
        assert_eq!(item.container_title.as_deref(), Some("牛津大学官网"));
        assert_eq!(locator.map(|l| l.value).as_deref(), Some("27"));
    }

    #[test]
    fn translated_book_names_its_translators_after_its_authors() {
        let (item, loc) = full(
            "亨廷頓著，周琪等譯，文明的衝突與世界秩序的重建（北京：新華出版社，1998 年），頁 12",
        );
        assert_eq!(item.item_type, ItemType::Book);
        // A foreign name in characters stays whole.
        assert_eq!(item.author, [Name::literal("亨廷頓")]);
        assert_eq!(names(&item.extra().translator), ["周琪"]);
        assert_eq!(item.title.as_deref(), Some("文明的衝突與世界秩序的重建"));
        assert_eq!(item.publisher.as_deref(), Some("新華出版社"));
        assert_eq!(loc.map(|l| l.value), Some("12".to_string()));
        // Without a translator the author keeps the Chinese split.
        let (item, _) = full("林中斌著，核霸（臺北：學生書局，1999 年），頁 45");
        assert_eq!(item.author[0].family(), Some("林"));
        assert!(item.extra().translator.is_empty());
    }

    #[test]
    fn theses_name_the_degree_after_the_school() {
        let (item, loc) = full(
            "王定士，「俄羅斯對中共軍售之研究」（臺北：國立政治大學俄羅斯研究所碩士論文，2002 年），頁 30",
        );
        assert_eq!(item.item_type, ItemType::Thesis);
        assert_eq!(item.title.as_deref(), Some("俄羅斯對中共軍售之研究"));
        assert_eq!(item.genre.as_deref(), Some("碩士論文"));
        assert_eq!(item.publisher.as_deref(), Some("國立政治大學俄羅斯研究所"));
        assert_eq!(item.publisher_place.as_deref(), Some("臺北"));
        assert_eq!(item.issued.map(|d| d.year()), Some(2002));
        assert_eq!(loc.map(|l| l.value), Some("30".to_string()));
        let (item, _) = full("王定士，俄羅斯對中共軍售之研究（國立政治大學博士論文，2002 年）");
        assert_eq!(item.item_type, ItemType::Thesis);
        assert_eq!(item.genre.as_deref(), Some("博士論文"));
        assert_eq!(item.publisher.as_deref(), Some("國立政治大學"));
    }

    #[test]
    fn conference_papers() {
        let (item, loc) = full(
            "蔡明彥，「俄中軍事合作」，發表於「第三屆國際關係研討會」（臺北：政治大學國際關係研究中心，2005 年 6 月 1 日），頁 5",
        );
        assert_eq!(item.item_type, ItemType::PaperConference);
        assert_eq!(item.title.as_deref(), Some("俄中軍事合作"));
        assert_eq!(
            item.extra().event_title.as_deref(),
            Some("第三屆國際關係研討會")
        );
        assert_eq!(item.extra().event_place.as_deref(), Some("臺北"));
        assert_eq!(item.publisher.as_deref(), Some("政治大學國際關係研究中心"));
        assert_eq!(
            item.issued,
            Some(Date::single(crate::model::DatePart::day(2005, 6, 1)))
        );
        assert_eq!(loc.map(|l| l.value), Some("5".to_string()));
        let (item, _) = full("張三，「標題」，發表於兩岸關係學術研討會，臺北，2001 年 3 月 2 日");
        assert_eq!(
            item.extra().event_title.as_deref(),
            Some("兩岸關係學術研討會")
        );
        assert_eq!(item.extra().event_place.as_deref(), Some("臺北"));
        assert_eq!(item.issued.map(|d| d.year()), Some(2001));
    }

    #[test]
    fn untitled_newspaper_and_agency_reports() {
        let (item, loc) = full("人民日報，2001 年 7 月 17 日，版 1");
        assert_eq!(item.item_type, ItemType::ArticleNewspaper);
        assert_eq!(item.container_title.as_deref(), Some("人民日報"));
        assert_eq!(item.title, None);
        assert_eq!(
            item.issued,
            Some(Date::single(crate::model::DatePart::day(2001, 7, 17)))
        );
        assert_eq!(loc.map(|l| l.value), Some("1".to_string()));
        let (item, loc) = full("《解放軍報》，2002 年 3 月 1 日，第 3 版");
        assert_eq!(item.container_title.as_deref(), Some("解放軍報"));
        assert_eq!(loc.map(|l| l.value), Some("3".to_string()));
        let (item, _) = full("中央社，2001 年 7 月 16 日");
        assert_eq!(item.container_title.as_deref(), Some("中央社"));
        // A person with a date is not a newspaper.
        assert!(!matches!(
            citation(Span::new("張三，2001 年 7 月 16 日")).and_then(|p| p.parsed),
            Some(Parsed::Full(item)) if item.item_type == ItemType::ArticleNewspaper
        ));
    }

    #[test]
    fn book_with_publication_and_pages() {
        let (item, loc) =
            full("熊光楷，國際戰略與新軍事變革（北京：清華大學出版社，2003 年），頁 9");
        assert_eq!(item.item_type, ItemType::Book);
        assert_eq!(item.author[0].family(), Some("熊"));
        assert_eq!(item.author[0].given(), Some("光楷"));
        assert_eq!(item.title.as_deref(), Some("國際戰略與新軍事變革"));
        assert_eq!(item.publisher_place.as_deref(), Some("北京"));
        assert_eq!(item.publisher.as_deref(), Some("清華大學出版社"));
        assert_eq!(item.issued.map(|d| d.year()), Some(2003));
        assert_eq!(item.language, Some(Language::ChineseTraditional));
        assert_eq!(loc.unwrap().value, "9");
    }

    #[test]
    fn edited_book_and_several_authors() {
        let (item, _) = full(
            "梁月槐主編，外國國家安全戰略與軍事戰略教程（北京：軍事科學出版社，1999 年），頁 73",
        );
        assert!(item.author.is_empty());
        assert_eq!(names(&item.editor), ["梁月槐"]);
        let (item, loc) = full("張三、李四合著，兩岸關係（台北：五南，2000 年），頁 10-12");
        assert_eq!(names(&item.author), ["張三", "李四"]);
        assert_eq!(loc.unwrap().value, "10-12");
        let (item, _) = full("王五等，《中共軍事》（北京：人民出版社，2001 年），頁 3");
        assert_eq!(names(&item.author), ["王五"]);
        assert_eq!(item.title.as_deref(), Some("中共軍事"));
    }

    #[test]
    fn report_by_an_institution() {
        let (item, loc) = full("行政院大陸委員會，大陸情勢分析（2005 年 1 月），頁 66");
        assert_eq!(item.item_type, ItemType::Report);
        assert_eq!(item.author[0].literal_text(), Some("行政院大陸委員會"));
        assert_eq!(
            item.issued.map(|d| (d.start.year, d.start.month)),
            Some((2005, Some(1)))
        );
        assert_eq!(loc.unwrap().value, "66");
    }

    #[test]
    fn journal_article_with_year_and_issue() {
        let (item, loc) = full("顏曉峰，「對打贏信息化戰爭的幾點認識」，國防大學學報（北京），2004 年第 4 期，頁 20-21");
        assert_eq!(item.item_type, ItemType::ArticleJournal);
        assert_eq!(item.container_title.as_deref(), Some("國防大學學報"));
        assert_eq!(item.publisher_place.as_deref(), Some("北京"));
        assert_eq!(item.issue.as_deref(), Some("4"));
        assert_eq!(item.issued.map(|d| d.year()), Some(2004));
        assert_eq!(loc.unwrap().value, "20-21");
        let (item, loc) =
            full("林中斌，〈核霸〉，《中國大陸研究》，第 12 卷第 3 期（2004 年 3 月），頁 5-9");
        assert_eq!(item.title.as_deref(), Some("核霸"));
        assert_eq!(item.container_title.as_deref(), Some("中國大陸研究"));
        assert_eq!(
            (item.volume.as_deref(), item.issue.as_deref()),
            (Some("12"), Some("3"))
        );
        assert_eq!(item.issued.map(|d| d.start.month), Some(Some(3)));
        assert_eq!(loc.unwrap().value, "5-9");
    }

    #[test]
    fn newspaper_article_with_edition_page() {
        let (item, loc) = full("「中俄簽十五年軍事合作計畫」，中國時報，2000 年 2 月 8 日，版五");
        assert_eq!(item.item_type, ItemType::ArticleNewspaper);
        assert_eq!(item.container_title.as_deref(), Some("中國時報"));
        assert_eq!(item.issued.map(|d| d.start.day), Some(Some(8)));
        let loc = loc.unwrap();
        assert_eq!((loc.label, loc.value.as_str()), (LocatorLabel::Page, "5"));
        // Punctuation inside the brackets is part of the title.
        let (item, _) =
            full("「接見俄國會議員。陳總統：軍售中共，俄應三思」，中國時報，2001 年 2 月 22 日");
        assert_eq!(
            item.title.as_deref(),
            Some("接見俄國會議員。陳總統：軍售中共，俄應三思")
        );
    }

    #[test]
    fn chapter_in_edited_volume() {
        let (item, loc) = full(
            "陳一新，「美中關係」，收錄於 林碧炤主編，國際關係新論（台北：五南，2003 年），頁 20",
        );
        assert_eq!(item.item_type, ItemType::Chapter);
        assert_eq!(names(&item.editor), ["林碧炤"]);
        assert_eq!(item.container_title.as_deref(), Some("國際關係新論"));
        assert_eq!(loc.unwrap().value, "20");
    }

    #[test]
    fn brackets_inside_a_title_are_not_the_publication() {
        let (item, _) =
            full("劉德喜，從同盟到伙伴──中俄（蘇）關係五十年（北京：人民出版社，2001 年），頁 120");
        assert_eq!(
            item.title.as_deref(),
            Some("從同盟到伙伴──中俄（蘇）關係五十年")
        );
        assert_eq!(item.publisher.as_deref(), Some("人民出版社"));
    }

    #[test]
    fn web_articles_and_institutional_reports() {
        let (item, _) = full("「國防部說明軍購案」，中央社，2005 年 3 月 27 日，http://www.cna.com.tw/news/a1.htm（檢索日期：2006 年 1 月 5 日）");
        assert_eq!(item.item_type, ItemType::Webpage);
        assert_eq!(
            item.url.as_deref(),
            Some("http://www.cna.com.tw/news/a1.htm")
        );
        assert_eq!(
            item.extra().accessed.as_ref().map(|d| d.start.day),
            Some(Some(5))
        );
        let (item, _) = full("國防部，國防報告書（台北：國防部，2004 年），頁 5");
        assert_eq!(item.item_type, ItemType::Report);
    }

    #[test]
    fn chapter_without_a_cue_word() {
        let (item, loc) =
            full("陳一新，〈美中關係〉，《國際關係新論》（台北：五南，2003 年），頁 20");
        assert_eq!(item.item_type, ItemType::Chapter);
        assert_eq!(item.container_title.as_deref(), Some("國際關係新論"));
        assert_eq!(item.publisher.as_deref(), Some("五南"));
        assert_eq!(loc.unwrap().value, "20");
    }

    #[test]
    fn ibid_and_note_references() {
        let p = parse("同上註");
        assert_eq!(p.parsed, Some(Parsed::Ibid));
        let p = parse("同上，頁 5");
        assert_eq!(
            (p.parsed, p.locator.map(|l| l.value)),
            (Some(Parsed::Ibid), Some("5".into()))
        );
        let p = parse("同註 5 所引書，頁 3");
        assert!(matches!(
            p.parsed.and_then(Parsed::into_short),
            Some(ShortForm {
                note_ref: Some(5),
                ..
            })
        ));
        let p = parse("同註 12，頁 3");
        assert!(matches!(
            p.parsed.and_then(Parsed::into_short),
            Some(ShortForm {
                note_ref: Some(12),
                ..
            })
        ));
        assert_eq!(p.locator.unwrap().value, "3");
    }

    #[test]
    fn previously_cited_and_short_titles() {
        let p = parse("熊光楷，前引書，頁 12");
        match p.parsed.and_then(Parsed::into_short) {
            Some(ShortForm {
                creators,
                title,
                note_ref,
            }) => {
                assert_eq!(names(&creators), ["熊光楷"]);
                assert_eq!((title, note_ref), (None, None));
            }
            other => panic!("{other:?}"),
        }
        let p = parse("熊光楷，《國際戰略與新軍事變革》，頁 40");
        assert!(
            matches!(p.parsed.and_then(Parsed::into_short), Some(ShortForm { title: Some(ref t), .. }) if t == "國際戰略與新軍事變革")
        );
    }

    #[test]
    fn simplified_titles_are_tagged_zh_hans() {
        let (item, _) = full("熊光楷，国际战略与新军事变革（北京：清华大学出版社，2003 年），頁 9");
        assert_eq!(item.language, Some(Language::ChineseSimplified));
    }

    #[test]
    fn prose_is_not_a_citation() {
        assert!(citation(Span::new(
            "在邊界兩側 100 公里內，雙方同意不得進行超過以下人數的實兵演習"
        ))
        .is_none());
    }

    #[test]
    fn creators_of_any_length_before_a_title_mark() {
        let (item, _) = full("上海市食品药品监督管理局课题组，〈互联网药品经营现状〉，《上海食品药品监管情报研究》，第 1 期（2008 年），頁 26");
        assert_eq!(names(&item.author), ["上海市食品药品监督管理局课题组"]);
        assert_eq!(
            item.container_title.as_deref(),
            Some("上海食品药品监管情报研究")
        );
        let (item, _) =
            full("尼葛洛庞帝，胡泳、范海燕譯，《数字化生存》（海口：海南出版社，1996 年），頁 44");
        assert_eq!(item.author.len(), 1);
        assert_eq!(item.extra().translator.len(), 2);
        // Without a title mark after it, a long run is not a creator.
        assert!(creators_before_a_title(Span::new("在高峰會後雙方同意，繼續合作")).is_none());
    }

    #[test]
    fn transliterated_names_keep_their_dot() {
        let (item, _) = full(
            "哈里森·沃尔德伦，谢远涛譯，《经济数学》（北京：中国人民大学出版社，2012 年），頁 74",
        );
        assert_eq!(item.author.len(), 1);
        assert_eq!(item.extra().translator.len(), 1);
    }

    #[test]
    fn a_parenthesis_inside_title_marks_is_the_name() {
        let (item, _) = full(
            "常森，〈五行〉，《北京大学学报(哲学社会科学版)》，第 50 卷第 1 期（2013 年），頁 14",
        );
        assert_eq!(
            item.container_title.as_deref(),
            Some("北京大学学报(哲学社会科学版)")
        );
        assert_eq!(item.publisher_place, None);
        let (item, _) = full("某甲，〈篇名〉，國防大學學報（北京），第 4 期（2004 年），頁 5");
        assert_eq!(item.container_title.as_deref(), Some("國防大學學報"));
        assert_eq!(item.publisher_place.as_deref(), Some("北京"));
    }

    #[test]
    fn web_page_dated_with_no_periodical() {
        let (item, _) = full(
            "萧钰，〈出版业信息化迈入快车道〉，2001 年 12 月 19 日，http://www.creader.com/a.html",
        );
        assert_eq!(item.item_type, ItemType::Webpage);
        assert_eq!(item.issued.map(|d| d.year()), Some(2001));
        assert_eq!(item.container_title, None);
    }

    #[test]
    fn editions_between_title_and_publication() {
        let e = |t: &'static str| all_of(book_edition, Span::new(t));
        assert_eq!(e("第 2 版"), Some("2".to_string()));
        assert_eq!(e("修訂本"), Some("修訂本".to_string()));
        assert_eq!(e("頁 5"), None);
        let (item, loc) =
            full("冯友兰，《冯友兰自选集》，第 2 版（北京：北京大学出版社，2008 年），頁 24");
        assert_eq!(item.extra().edition.as_deref(), Some("2"));
        assert_eq!(item.publisher.as_deref(), Some("北京大学出版社"));
        assert_eq!(loc.map(|l| l.value), Some("24".to_string()));
    }

    #[test]
    fn latin_creators_in_a_chinese_citation() {
        let (item, _) = full("Ross S. M.，郑忠国、詹从赞譯，《概率论基础教程》，第8版（北京：人民邮电出版社，2010 年 4 月），頁 86");
        assert_eq!(item.author.first().and_then(|n| n.family()), Some("Ross"));
        assert_eq!(item.extra().translator.len(), 2);
        assert_eq!(item.extra().edition.as_deref(), Some("8"));
    }

    #[test]
    fn a_place_alone_before_the_year() {
        let (item, _) = full("余敏，《出版集团研究》（北京，2001 年），頁 15");
        assert_eq!(item.publisher_place.as_deref(), Some("北京"));
        assert_eq!(item.publisher, None);
        assert!(is_place_name("天津"));
        assert!(!is_place_name("三民書局"));
        assert!(!is_place_name("中国书籍出版社"));
    }
}
