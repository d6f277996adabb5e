//! Chicago's notes for what was never published: interviews (`Benjamin
//! Spock, interview by Milton J. E. Senn, November 20, 1974, …`), letters
//! (`Ezra Pound to Harriet Monroe, Rapallo, May 12, 1925, Poetry Magazine
//! Papers, …`) and personal communications (`Jane Roe, email message to
//! author, May 1, 2020`), with the archive that keeps them.

use super::{is_region_code, town_shaped};
use crate::cite::dates::english_date;
use crate::cite::names::{english_names_without_role, single_name};
use crate::cite::scan::{all_of, comma, find_top_level, parens, slice, split_top_level, trim};
use crate::cite::{CiteParse, NameList, PResult, Parsed, Role, Span};
use crate::model::{Date, Item, ItemExtra, ItemType, Language, Locator, Name};
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case};
use nom::character::complete::{space0, space1};
use nom::combinator::{map, opt, recognize};
use nom::sequence::preceded;
use nom::Parser;
use std::sync::Arc;

/// `interview by Milton J. E. Senn`: who asked the questions.
fn interviewed_by(input: Span) -> PResult<Vec<Name>> {
    preceded(
        (tag_no_case("interview by"), space1),
        map(people, |list| list.names),
    )
    .parse(input)
}

/// Names as a letter or an interview gives them: in full (`Harriet
/// Monroe`, `A and B`) or by surname alone (`Monroe`).
fn people(input: Span) -> PResult<NameList> {
    alt((
        english_names_without_role,
        map(single_name, |name| NameList::authors(vec![name])),
    ))
    .parse(input)
}

/// How a communication reached the author: `email`, `telephone`.
fn channel(input: Span) -> PResult<Span> {
    alt((
        tag_no_case("email"),
        tag_no_case("e-mail"),
        tag_no_case("text"),
        tag_no_case("telephone"),
        tag_no_case("phone"),
        tag_no_case("Facebook"),
        tag_no_case("direct"),
        tag_no_case("private"),
    ))
    .parse(input)
}

/// What it was: `message`, `conversation`, `letter`.
fn exchange(input: Span) -> PResult<Span> {
    alt((
        tag_no_case("message"),
        tag_no_case("conversation"),
        tag_no_case("letter"),
        tag_no_case("call"),
        tag_no_case("communication"),
    ))
    .parse(input)
}

/// `personal communication`, `email message to author`, `telephone
/// conversation with the author`, `letter to the author`: a communication
/// with the one who writes the note.
fn communication_genre(input: Span) -> PResult<Span> {
    let what = alt((recognize((channel, space1, exchange)), exchange, channel));
    alt((
        tag_no_case("personal communication"),
        recognize((
            what,
            space1,
            alt((tag("to"), tag("with"))),
            space1,
            opt((tag("the"), space1)),
            tag("author"),
        )),
    ))
    .parse(input)
}

/// `Ezra Pound to Harriet Monroe`: who wrote a letter and to whom, the
/// whole of the first element. Each side is read alone: a name ends at a
/// comma or the end, never at ` to `.
fn letter_parties(input: Span) -> Option<(Span, (NameList, NameList))> {
    let end = find_top_level(input, |c| c == ',')?;
    let first = slice(input, 0, end);
    let at = first.fragment().find(" to ")?;
    let writer = all_of(people, slice(first, 0, at))?;
    let recipient = all_of(people, trim(slice(first, at + " to ".len(), end)))?;
    Some((
        slice(input, end, input.fragment().len()),
        (writer, recipient),
    ))
}

/// The elements around the one date such a note gives: where it was
/// written or held before it, the archive and medium after it.
pub(super) struct Dated<'a> {
    pub(super) before: Vec<Span<'a>>,
    pub(super) date: Option<Date>,
    pub(super) after: Vec<Span<'a>>,
}

/// An element that holds a date after a word (`accessed May 1, 2020`):
/// kept whole, since the date's own comma is not the element's end.
fn worded_date(input: Span) -> PResult<Span> {
    recognize((
        alt((
            tag_no_case("accessed"),
            tag_no_case("last modified"),
            tag_no_case("modified"),
            tag_no_case("posted"),
            tag_no_case("updated"),
        )),
        space1,
        english_date,
    ))
    .parse(input)
}

/// Split `input` at its top-level commas, reading the first English date
/// (`November 20, 1974` holds a comma) as one element, and a date after a
/// word (`accessed May 1, 2020`) as one.
pub(super) fn around_date(input: Span) -> Dated {
    fn past_comma(r: Span) -> Span {
        comma(r).map_or(trim(r), |(r, _)| r)
    }
    let ends_element = |r: Span| r.fragment().trim().is_empty() || comma(r).is_ok();
    let mut dated = Dated {
        before: Vec::new(),
        date: None,
        after: Vec::new(),
    };
    let mut rest = trim(input);
    while !rest.fragment().is_empty() {
        if dated.date.is_none() {
            if let Ok((r, d)) = english_date(rest) {
                if ends_element(r) {
                    dated.date = Some(d);
                    rest = past_comma(r);
                    continue;
                }
            }
        }
        let len = rest.fragment().len();
        let (element, r) = match worded_date(rest) {
            Ok((r, element)) if ends_element(r) => (element, past_comma(r)),
            _ => {
                let end = find_top_level(rest, |c| c == ',').unwrap_or(len);
                let r = trim(slice(rest, (end + 1).min(len), len));
                (trim(slice(rest, 0, end)), r)
            }
        };
        if !element.fragment().is_empty() {
            if dated.date.is_none() {
                dated.before.push(element);
            } else {
                dated.after.push(element);
            }
        }
        rest = r;
    }
    dated
}

/// `Bethesda, MD` or `Rapallo`: a place, as one element or a town and its
/// state's code.
fn place_of(elements: &[Span]) -> Option<String> {
    match elements {
        [town] if town_shaped(town.fragment()) => Some(town.fragment().to_string()),
        [town, region]
            if town_shaped(town.fragment())
                && (is_region_code(region.fragment()) || town_shaped(region.fragment())) =>
        {
            Some(format!("{}, {}", town.fragment(), region.fragment()))
        }
        _ => None,
    }
}

/// Words that say an element is a collection of papers.
const COLLECTION_WORDS: &[&str] = &["Papers", "Collection", "Records", "Correspondence"];

/// Words that say an element is the repository that holds a collection.
const REPOSITORY_WORDS: &[&str] = &[
    "Library",
    "Archives",
    "Archive",
    "Museum",
    "Center",
    "Centre",
    "Institute",
    "Institution",
    "Society",
    "University",
    "College",
    "Office",
];

/// The forms a document takes: `transcript`, `typescript`, `audio
/// recording`.
const MEDIA: &[&str] = &[
    "transcript",
    "typescript",
    "manuscript",
    "audio recording",
    "video recording",
    "tape recording",
    "recording",
    "audiocassette",
    "microfilm",
    "photocopy",
];

fn has_word(text: &str, words: &[&str]) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| words.contains(&w))
}

/// `box 3`, `folder 12`, `interview 67A`, `MS 21`: where in a collection,
/// a lower-case word (or `MS`) and a number.
fn is_location(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let (Some(label), Some(number), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    (label.chars().all(|c| c.is_lowercase()) || label == "MS" || label == "MSS")
        && number.chars().any(|c| c.is_ascii_digit())
}

/// `1912–36`: the years a collection spans.
fn is_years(text: &str) -> bool {
    !text.is_empty()
        && text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '–' | '-' | '—'))
}

/// Read what follows the date: the document's medium, where in a
/// collection it is, the collection, its repository and the repository's
/// place. What fits none of them is kept as the item's note.
fn read_archive(after: &[Span], item: &mut Item) {
    let mut extra = ItemExtra::default();
    let mut location = Vec::new();
    let mut repository = Vec::new();
    let mut other = Vec::new();
    let mut i = 0;
    while let Some(element) = after.get(i) {
        let text = *element.fragment();
        i += 1;
        if let Some(address) = all_of(super::url, *element).filter(|_| item.url.is_none()) {
            item.url = Some(address.into());
        } else if is_medium(text) && extra.medium.is_none() {
            extra.medium = Some(text.into());
        } else if is_location(text) || is_file_part(text) {
            location.push(text);
        } else if has_word(text, COLLECTION_WORDS) && extra.archive_collection.is_none() {
            let mut collection = text.to_string();
            // `Poetry Magazine Papers, 1912–36`: the years belong to it.
            if let Some(years) = after.get(i).filter(|y| is_years(y.fragment())) {
                collection = format!("{collection}, {}", years.fragment());
                i += 1;
            }
            extra.archive_collection = Some(collection.into());
        } else if (has_word(text, REPOSITORY_WORDS) || is_archive_acronym(text))
            && repository.len() < 2
        {
            repository.push(text);
        } else if !repository.is_empty() && extra.archive_place.is_none() {
            // `…, National Library of Medicine, Bethesda, MD`.
            let rest = after.get(i - 1..).unwrap_or(&[]);
            if let Some(place) = place_of(rest) {
                extra.archive_place = Some(place.into());
                break;
            }
            other.push(text);
        } else {
            other.push(text);
        }
    }
    if !location.is_empty() {
        extra.archive_location = Some(location.join(", ").into());
    }
    if !repository.is_empty() {
        extra.archive = Some(repository.join(", ").into());
    }
    if !other.is_empty() {
        extra.note = Some(other.join(", ").into());
    }
    item.set_rare(extra.medium, |e| &mut e.medium);
    item.set_rare(extra.archive_location, |e| &mut e.archive_location);
    item.set_rare(extra.archive_collection, |e| &mut e.archive_collection);
    item.set_rare(extra.archive, |e| &mut e.archive);
    item.set_rare(extra.archive_place, |e| &mut e.archive_place);
    item.set_rare(extra.note, |e| &mut e.note);
}

/// An unpublished item of `item_type` by `creators`, dated and placed by
/// the elements after the people, with the pages a note cites right after
/// the date (`…, November 20, 1974, 3, interview 67A, …`, as citeproc-js
/// writes Chicago's notes).
fn unpublished_item(
    item_type: ItemType,
    creators: NameList,
    tail: Span,
) -> Option<(Item, Option<Locator>)> {
    unpublished_item_titled(item_type, creators, None, tail)
}

/// [`unpublished_item`] with the title an interview may have. An interview
/// may also have been published or broadcast (`…, interview by Mark
/// Lawson, Front Row, BBC Radio 4, September 16, 2011`): what stands
/// before the date, when it is no place (or whenever the interview has a
/// title), is where it appeared and who published it.
fn unpublished_item_titled(
    item_type: ItemType,
    creators: NameList,
    title: Option<&str>,
    tail: Span,
) -> Option<(Item, Option<Locator>)> {
    let dated = around_date(tail);
    // `transcript, November 20, 1974`, `letter, February 8, 1972`: the
    // medium or kind of document may come before the date; a letter's may
    // be any kind (`memorandum`, `telegram`), as citeproc-js writes a
    // letter's genre.
    let is_kind = |text: &str| {
        text == "letter" || (item_type == ItemType::PersonalCommunication && is_document_kind(text))
    };
    let (medium, before) = match dated.before.split_first() {
        Some((first, rest)) if is_medium(first.fragment()) || is_kind(first.fragment()) => {
            (Some(*first.fragment()), rest)
        }
        _ => (None, dated.before.as_slice()),
    };
    let place = match before {
        [] => None,
        before if title.is_none() => place_of(before),
        _ => None,
    };
    let source = match (place.is_some() || before.is_empty(), before) {
        (false, [container]) if item_type == ItemType::Interview => Some((*container, None)),
        (false, [container, publisher]) if item_type == ItemType::Interview => {
            Some((*container, Some(*publisher)))
        }
        (false, _) => return None,
        (true, _) => None,
    };
    let mut item = Item::new(item_type);
    creators.apply_to(&mut item);
    item.title = title.map(Into::into);
    item.publisher_place = place.map(Into::into);
    if let Some((container, publisher)) = source {
        item.container_title = Some(container.fragment().to_string().into());
        item.publisher = publisher.map(|p| p.fragment().to_string().into());
    }
    // Undated, the same words are as likely prose.
    item.issued = Some(dated.date?);
    item.language = Some(Language::English);
    let (locator, after) = pages_then_archive(&dated.after);
    read_archive(after, &mut item);
    match medium {
        Some(medium) if is_medium(medium) => {
            // The archive's own medium, if it named one, stands.
            item.extra_mut().medium.get_or_insert_with(|| medium.into());
        }
        Some(kind) => item.genre = Some(kind.into()),
        None => {}
    }
    Some((item, locator))
}

/// `draft`, `memorandum`, `telegram`, `minutes of a meeting`: what an
/// archived document is, in a few lower-case words before its date.
fn is_document_kind(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=4).contains(&words)
        && text
            .chars()
            .all(|c| c.is_lowercase() || matches!(c, ' ' | '-'))
}

/// `“The Long Telegram,” February 22, 1946, folder 7, George F. Kennan
/// Papers, Seeley G. Mudd Manuscript Library, Princeton University`: a
/// titled document kept in an archive (`after` follows the title's comma),
/// perhaps said to be a `draft` or a `memorandum` before its date; or as
/// citeproc-js writes it, `“Title” (draft, 1970), 3, box 3, …`.
///
/// It must be dated, and everything after the date (but the pages cited)
/// must read as where the archive keeps it, with a collection or a
/// repository named: else it may be a periodical's article.
pub(super) fn archived_document(after: Span, title: &str, parse: &mut CiteParse) -> Option<Item> {
    // Most notes name no archive: a look for its words first.
    let text = after.fragment();
    if !has_word(text, COLLECTION_WORDS) && !has_word(text, REPOSITORY_WORDS) && !names_a_file(text)
    {
        return None;
    }
    let (dated, archive) = match parens(trim(after)) {
        Ok((rest, inner)) => {
            let dated = around_date(inner);
            if !dated.after.is_empty() {
                return None;
            }
            let rest = comma(rest).map_or(rest, |(rest, _)| rest);
            let elements: Vec<Span> = split_top_level(rest, |c| c == ',')
                .into_iter()
                .map(trim)
                .filter(|e| !e.fragment().is_empty())
                .collect();
            (dated, elements)
        }
        Err(_) => {
            let mut dated = around_date(after);
            let archive = std::mem::take(&mut dated.after);
            (dated, archive)
        }
    };
    let kind = match dated.before.as_slice() {
        [] => None,
        [kind] if is_document_kind(kind.fragment()) => Some(*kind.fragment()),
        _ => return None,
    };
    let mut item = Item::new(ItemType::Manuscript);
    item.title = Some(title.into());
    item.issued = Some(dated.date?);
    item.language = Some(Language::English);
    let (locator, archive) = pages_then_archive(&archive);
    // `…, delo 329, listy 9–17`: the leaves cited, last.
    let (locator, archive) = match (locator, archive.split_last()) {
        (None, Some((last, before))) => match leaves(*last) {
            Some(leaves) => (Some(leaves), before),
            None => (None, archive),
        },
        (locator, _) => (locator, archive),
    };
    read_archive(archive, &mut item);
    let extra = item.extra();
    if extra.note.is_some() || (extra.archive.is_none() && extra.archive_collection.is_none()) {
        return None;
    }
    match kind {
        Some(kind) if is_medium(kind) && extra.medium.is_none() => {
            item.extra_mut().medium = Some(kind.into());
        }
        Some(kind) => item.genre = Some(kind.into()),
        None => {}
    }
    parse.locator = locator;
    Some(item)
}

/// The labels of a Soviet or Russian archive's file, transliterated,
/// abbreviated or in Russian: `fond 17`, `f. 17`, `ф. 17`; `opis 3`, `op.
/// 3`, `оп. 3`; `delo 1096`, `d. 1096`, `д. 1096`; `papka 5`.
const FILE_LABELS: &[&str] = &[
    "fond", "f.", "ф.", "opis", "op.", "оп.", "delo", "d.", "д.", "papka", "п.",
];

/// `fond 17`, `оп. 23а`: one label of [`FILE_LABELS`] and its number.
fn is_file_part(text: &str) -> bool {
    let Some((label, number)) = text.split_once(' ') else {
        return false;
    };
    let number = number.trim();
    FILE_LABELS.contains(&label)
        && number.starts_with(|c: char| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '–'))
}

/// Whether a note names a file by its fond, opis or delo: a look for the
/// words before the elements are read.
fn names_a_file(text: &str) -> bool {
    [
        "fond ", "opis ", "delo ", "ф. ", "оп. ", "д. ", "f. ", "op. ",
    ]
    .iter()
    .any(|w| text.contains(w))
}

/// `l. 5`, `ll. 9–17`, `listy 9–17`, `л. 1–3`: the leaves of an archive's
/// file a note cites (`Ibid., l. 7` too). A leaf's reverse, `l. 5 ob.` or
/// `л. 5об.` (*oborot*), is its verso: folio `5v`.
pub(super) fn leaves_cited(input: Span) -> PResult<Locator> {
    let label = alt((
        tag("ll."),
        tag("l."),
        tag("listy"),
        tag("list"),
        tag("лл."),
        tag("л."),
    ));
    // (The note's closing full stop may already be gone: `ob`.)
    let reverse = preceded(space0, alt((tag("ob."), tag("ob"), tag("об."), tag("об"))));
    let (rest, (mut locator, verso)) =
        preceded((label, space1), (super::cited_pages, opt(reverse))).parse(input)?;
    locator.label = crate::model::LocatorLabel::Folio;
    if verso.is_some() {
        locator.value.push('v');
    }
    Ok((rest, locator))
}

/// [`leaves_cited`], the whole element.
fn leaves(element: Span) -> Option<Locator> {
    all_of(leaves_cited, element)
}

/// `APRF`, `RGASPI`, `АПРФ`, `АВП РФ`: an archive named by its initials,
/// Latin or Cyrillic capitals in at most three words.
fn is_archive_acronym(text: &str) -> bool {
    let letters = text.chars().filter(|c| !c.is_whitespace()).count();
    (2..=10).contains(&letters)
        && text.split_whitespace().count() <= 3
        && text
            .chars()
            .all(|c| c.is_whitespace() || (c.is_alphabetic() && c.is_uppercase()))
}

/// `APRF, fond 45, opis 1, delo 329, listy 9–17`, `АПРФ, ф. 45, оп. 1,
/// д. 329, л. 1–3`, `Russian State Archive of Contemporary History, f. 5,
/// op. 30, d. 5`: an archive's file cited by its numbers alone, as notes
/// on Soviet history do. The archive first (its initials, or a name with
/// `Archive`, `Library` …), then at least two of the file's labelled
/// numbers, and, last, the leaves cited.
pub(super) fn archive_reference(input: Span) -> Option<CiteParse> {
    if !names_a_file(input.fragment()) {
        return None;
    }
    let elements: Vec<Span> = split_top_level(input, |c| c == ',')
        .into_iter()
        .map(trim)
        .filter(|e| !e.fragment().is_empty())
        .collect();
    let (archive, rest) = elements.split_first()?;
    let archive = *archive.fragment();
    if !is_archive_acronym(archive) && !has_word(archive, REPOSITORY_WORDS) {
        return None;
    }
    let mut parts = Vec::new();
    let mut locator = None;
    for (i, element) in rest.iter().enumerate() {
        if is_file_part(element.fragment()) {
            parts.push(*element.fragment());
        } else if i + 1 == rest.len() {
            locator = Some(leaves(*element)?);
        } else {
            return None;
        }
    }
    if parts.len() < 2 {
        return None;
    }
    let mut item = Item::new(ItemType::Manuscript);
    // A note in Russian gets its language from its script, once read
    // (`note::in_cyrillic_script`).
    item.language = archive.is_ascii().then_some(Language::English);
    item.set_rare(Some(archive.into()), |e| &mut e.archive);
    item.set_rare(Some(parts.join(", ").into()), |e| &mut e.archive_location);
    Some(CiteParse {
        parsed: Some(Parsed::Full(Arc::new(item))),
        locator,
        ..CiteParse::default()
    })
}

/// The pages a note cites right after the date (as citeproc-js writes
/// them), if the first element is pages, and the archive's elements after.
fn pages_then_archive<'s, 'a>(elements: &'s [Span<'a>]) -> (Option<Locator>, &'s [Span<'a>]) {
    match elements.split_first() {
        Some((first, rest)) => match all_of(super::cited_pages, *first) {
            Some(pages) => (Some(pages), rest),
            None => (None, elements),
        },
        None => (None, elements),
    }
}

/// `transcript`, `audio recording`: a form a document takes.
fn is_medium(text: &str) -> bool {
    MEDIA.contains(&text.to_lowercase().as_str())
}

fn full((item, locator): (Item, Option<Locator>)) -> CiteParse {
    CiteParse {
        parsed: Some(Parsed::Full(Arc::new(item))),
        locator,
        ..CiteParse::default()
    }
}

/// `Benjamin Spock, interview by Milton J. E. Senn, November 20, 1974, …`
/// (`rest` is what follows the creators' comma): the creators are who was
/// interviewed.
///
/// An unquoted title may come first, as citeproc-js prints an interview's
/// (`Adrienne Rich, Interview with a Poet, interview by Bill Moyers, …`).
pub(super) fn interview(rest: Span, creators: &NameList) -> Option<CiteParse> {
    let text = rest.fragment();
    let (title, rest) = match text.find(", interview by ") {
        Some(at) if interviewed_by(rest).is_err() => {
            let title = text.get(..at).unwrap_or("").trim();
            if !title.starts_with(char::is_uppercase) || super::is_quoted(title) {
                return None;
            }
            (Some(title), slice(rest, at + ", ".len(), text.len()))
        }
        _ => (None, rest),
    };
    let (tail, interviewer) = interviewed_by(rest).ok()?;
    let tail = match comma(tail) {
        Ok((tail, _)) => tail,
        Err(_) if tail.fragment().trim().is_empty() => tail,
        Err(_) => return None,
    };
    let (mut item, locator) =
        unpublished_item_titled(ItemType::Interview, author_list(creators), title, tail)?;
    item.set_rare_names(interviewer, |e| &mut e.interviewer);
    Some(full((item, locator)))
}

/// `“Title,” interview by Bill Moyers, Paris Review …` (`after` follows the
/// title's comma): who asked, and what follows the names' comma.
pub(super) fn interviewer_after_title(after: Span) -> Option<(Span, Vec<Name>)> {
    let (rest, interviewer) = interviewed_by(after).ok()?;
    let (rest, _) = comma(rest).ok()?;
    Some((rest, interviewer))
}

/// `Jane Roe, email message to author, May 1, 2020`: a communication to
/// the one who writes; the date may be left out.
pub(super) fn personal_communication(rest: Span, creators: &NameList) -> Option<CiteParse> {
    let (tail, genre) = communication_genre(rest).ok()?;
    let (mut item, locator) = match comma(tail) {
        Ok((tail, _)) => {
            unpublished_item(ItemType::PersonalCommunication, author_list(creators), tail)?
        }
        Err(_) if tail.fragment().trim().is_empty() => {
            let mut item = Item::new(ItemType::PersonalCommunication);
            author_list(creators).apply_to(&mut item);
            item.language = Some(Language::English);
            (item, None)
        }
        Err(_) => return None,
    };
    item.genre = Some(genre.fragment().to_string().into());
    Some(full((item, locator)))
}

/// `Ezra Pound to Harriet Monroe, Rapallo, May 12, 1925, Poetry Magazine
/// Papers, …`: a letter, dated, between two named people.
///
/// A letter printed in a book (`…, 1860, in Francis Darwin, ed., The Life
/// and Letters … (New York: …, 1898)`) is left to the book grammar; and
/// the date must name the month, so that a title holding ` to ` (`Phrases
/// Designed to Sound Scientific, 2019, 14–17`) is not read as a letter.
pub(super) fn letter(input: Span) -> Option<CiteParse> {
    // Every letter names its parties `A to B`: a note without ` to ` is
    // passed over before any element is looked for (this runs on every
    // note).
    if !input.fragment().contains(" to ") {
        return None;
    }
    // `Memorandum, Dean Acheson to Harry S. Truman, …`: the kind may come
    // first.
    let (kind, input) = match leading_letter_kind(input) {
        Some((kind, rest)) => (Some(kind), rest),
        None => (None, input),
    };
    let (rest, (writer, recipient)) = letter_parties(input)?;
    let (tail, _) = comma(rest).ok()?;
    let few = |list: &NameList| !list.et_al && list.names.len() <= 2;
    if !few(&writer) || !few(&recipient) || super::find_publication(tail).is_some() {
        return None;
    }
    // `Pound to Monroe, 6`: a later note's short form, by surnames alone
    // (a title holding ` to ` names no two people so) and pages that are no
    // year.
    let surname_only = |list: &NameList| match list.names.as_slice() {
        [name] => name.given().is_none() && !name.is_literal(),
        _ => false,
    };
    // `Pound to Monroe, 1925` is dated, not cited at page 1925.
    let dated = all_of(english_date, tail).is_some();
    if let Some(pages) = all_of(super::cited_pages, tail)
        .filter(|_| surname_only(&writer) && surname_only(&recipient) && !dated)
    {
        return Some(CiteParse {
            parsed: Some(Parsed::short(writer.names, None, None)),
            locator: Some(pages),
            ..CiteParse::default()
        });
    }
    let (mut item, locator) = unpublished_item(ItemType::PersonalCommunication, writer, tail)?;
    if item.issued.as_ref().is_none_or(|d| d.start.month.is_none()) {
        return None;
    }
    item.set_rare_names(recipient.names, |e| &mut e.recipient);
    if let Some(kind) = kind {
        item.genre.get_or_insert(kind.into());
    }
    Some(full((item, locator)))
}

/// The kinds of document a note may name before a letter's writer and
/// recipient, capitalised (`Memorandum, Acheson to Truman, …`).
const LETTER_KINDS: &[&str] = &[
    "memorandum",
    "memo",
    "telegram",
    "cable",
    "letter",
    "note",
    "dispatch",
    "despatch",
    "report",
    "minute",
    "postcard",
    "circular",
    "note verbale",
    "aide-mémoire",
];

/// `Memorandum, ` before a letter's parties: the kind, in lower case, and
/// what follows its comma.
fn leading_letter_kind(input: Span) -> Option<(String, Span)> {
    let end = find_top_level(input, |c| c == ',')?;
    let first = *slice(input, 0, end).fragment();
    if !first.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let kind = first.to_lowercase();
    if !LETTER_KINDS.contains(&kind.as_str()) {
        return None;
    }
    let (rest, _) = comma(slice(input, end, input.fragment().len())).ok()?;
    Some((kind, rest))
}

/// The creators as the authors whatever role a marker gave them.
fn author_list(creators: &NameList) -> NameList {
    NameList {
        role: Role::Author,
        ..creators.clone()
    }
}

/// Whether a whole element is a communication's genre: for tests of the
/// combinator.
#[cfg(test)]
fn is_genre(text: &str) -> bool {
    all_of(communication_genre, Span::new(text)).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::ShortForm;
    use crate::model::LocatorLabel;

    fn parse(text: &str) -> Item {
        match super::super::citation(Span::new(text)).and_then(|p| p.parsed) {
            Some(Parsed::Full(item)) => (*item).clone(),
            other => panic!("{text}: {other:?}"),
        }
    }

    fn families(names: &[Name]) -> Vec<&str> {
        names.iter().filter_map(Name::family).collect()
    }

    #[test]
    fn an_interview_names_who_asked_and_where_the_transcript_is() {
        let item = parse("Benjamin Spock, interview by Milton J. E. Senn, November 20, 1974, interview 67A, transcript, Senn Oral History Collection, National Library of Medicine, Bethesda, MD");
        assert_eq!(item.item_type, ItemType::Interview);
        assert_eq!(families(&item.author), ["Spock"]);
        assert_eq!(families(&item.extra().interviewer), ["Senn"]);
        assert_eq!(
            item.issued.as_ref().map(|d| d.start),
            Some(crate::model::DatePart::day(1974, 11, 20))
        );
        let extra = item.extra();
        assert_eq!(extra.archive_location.as_deref(), Some("interview 67A"));
        assert_eq!(extra.medium.as_deref(), Some("transcript"));
        assert_eq!(
            extra.archive_collection.as_deref(),
            Some("Senn Oral History Collection")
        );
        assert_eq!(
            extra.archive.as_deref(),
            Some("National Library of Medicine")
        );
        assert_eq!(extra.archive_place.as_deref(), Some("Bethesda, MD"));
        assert_eq!(item.extra().note, None);
        assert_eq!(item.title, None);
    }

    #[test]
    fn an_interview_may_give_where_it_took_place() {
        let item = parse("Macmillan, interview by Jane Doe, New York, March 3, 1998");
        assert_eq!(item.item_type, ItemType::Interview);
        assert_eq!(families(&item.author), ["Macmillan"]);
        assert_eq!(item.publisher_place.as_deref(), Some("New York"));
        assert_eq!(item.issued.as_ref().map(Date::year), Some(1998));
    }

    #[test]
    fn published_and_titled_interviews() {
        let item = parse("Stephen King, interview by Mark Lawson, Front Row, BBC Radio 4, September 16, 2011, https://www.bbc.co.uk/programmes/b014fz2w");
        assert_eq!(item.item_type, ItemType::Interview);
        assert_eq!(item.container_title.as_deref(), Some("Front Row"));
        assert_eq!(item.publisher.as_deref(), Some("BBC Radio 4"));
        assert_eq!(item.publisher_place, None);
        assert_eq!(
            item.url.as_deref(),
            Some("https://www.bbc.co.uk/programmes/b014fz2w")
        );
        let item = parse("Adrienne Rich, Interview with a Poet, interview by Bill Moyers, The Paris Review, May 4, 1990, 14–17");
        assert_eq!(item.item_type, ItemType::Interview);
        assert_eq!(item.title.as_deref(), Some("Interview with a Poet"));
        assert_eq!(item.container_title.as_deref(), Some("The Paris Review"));
        assert_eq!(families(&item.extra().interviewer), ["Moyers"]);
        let item = parse("Adrienne Rich, “Interview with a Poet,” interview by Bill Moyers, Paris Review 12 (Spring 1990): 33–50");
        assert_eq!(item.item_type, ItemType::Interview);
        assert_eq!(item.title.as_deref(), Some("Interview with a Poet"));
        assert_eq!(item.container_title.as_deref(), Some("Paris Review"));
        assert_eq!(item.volume.as_deref(), Some("12"));
        assert_eq!(families(&item.extra().interviewer), ["Moyers"]);
        // Three elements before the date are no interview's source.
        assert!(interview(
            Span::new("interview by Jane Doe, A, B, C, May 4, 1990"),
            &NameList::authors(vec![])
        )
        .is_none());
    }

    #[test]
    fn a_letter_names_its_writer_recipient_and_collection() {
        let item = parse("Ezra Pound to Harriet Monroe, Rapallo, May 12, 1925, Poetry Magazine Papers, 1912–36, Special Collections Research Center, University of Chicago Library");
        assert_eq!(item.item_type, ItemType::PersonalCommunication);
        assert_eq!(families(&item.author), ["Pound"]);
        assert_eq!(families(&item.extra().recipient), ["Monroe"]);
        assert_eq!(item.publisher_place.as_deref(), Some("Rapallo"));
        let extra = item.extra();
        assert_eq!(
            extra.archive_collection.as_deref(),
            Some("Poetry Magazine Papers, 1912–36")
        );
        assert_eq!(
            extra.archive.as_deref(),
            Some("Special Collections Research Center, University of Chicago Library")
        );
    }

    #[test]
    fn a_letter_in_a_box_and_folder() {
        let item = parse("Mary Smith to John Smith, February 8, 1972, box 3, folder 12, Smith Family Papers, Newberry Library, Chicago");
        let extra = item.extra();
        assert_eq!(extra.archive_location.as_deref(), Some("box 3, folder 12"));
        assert_eq!(
            extra.archive_collection.as_deref(),
            Some("Smith Family Papers")
        );
        assert_eq!(extra.archive.as_deref(), Some("Newberry Library"));
        assert_eq!(extra.archive_place.as_deref(), Some("Chicago"));
        assert_eq!(item.publisher_place, None);
    }

    #[test]
    fn the_forms_citeproc_writes_with_the_pages_after_the_date() {
        let text = "Benjamin Spock, interview by Milton J. E. Senn, transcript, November 20, 1974, 3, interview 67A, National Library of Medicine, Bethesda, MD";
        let parse = super::super::citation(Span::new(text)).unwrap_or_default();
        assert_eq!(parse.locator.map(|l| l.value).as_deref(), Some("3"));
        let item = self::parse(text);
        assert_eq!(item.extra().medium.as_deref(), Some("transcript"));
        assert_eq!(
            item.extra().archive_location.as_deref(),
            Some("interview 67A")
        );
        assert_eq!(item.extra().note, None);
        let item = self::parse("Mary Smith to John Smith, letter, February 8, 1972, 8");
        assert_eq!(item.genre.as_deref(), Some("letter"));
        assert_eq!(families(&item.extra().recipient), ["Smith"]);
        let short = super::super::citation(Span::new("Smith to Smith, 18–21")).unwrap_or_default();
        match short.parsed.and_then(Parsed::into_short) {
            Some(ShortForm {
                creators,
                title: None,
                ..
            }) => assert_eq!(families(&creators), ["Smith"]),
            other => panic!("{other:?}"),
        }
        assert_eq!(short.locator.map(|l| l.value).as_deref(), Some("18-21"));
    }

    #[test]
    fn a_letters_kind_before_its_date_or_before_its_writer_is_its_genre() {
        // As citeproc-js writes a letter's genre.
        let text = "Dean Acheson to Harry S. Truman, memorandum, June 25, 1950, 3, box 12, Harry S. Truman Library, Independence, MO";
        let cited = super::super::citation(Span::new(text)).unwrap_or_default();
        assert_eq!(cited.locator.map(|l| l.value).as_deref(), Some("3"));
        let item = parse(text);
        assert_eq!(item.item_type, ItemType::PersonalCommunication);
        assert_eq!(item.genre.as_deref(), Some("memorandum"));
        assert_eq!(families(&item.extra().recipient), ["Truman"]);
        assert_eq!(item.extra().archive_location.as_deref(), Some("box 12"));
        assert_eq!(
            item.extra().archive_place.as_deref(),
            Some("Independence, MO")
        );
        assert_eq!(item.extra().medium, None);
        let item = parse(
            "John Foster Dulles to Dwight D. Eisenhower, handwritten note, September 12, 1954, 6",
        );
        assert_eq!(item.genre.as_deref(), Some("handwritten note"));
        // A kind and then where it was written.
        let item = parse("George Kennan to James Byrnes, telegram, Moscow, February 22, 1946");
        assert_eq!(item.genre.as_deref(), Some("telegram"));
        assert_eq!(item.publisher_place.as_deref(), Some("Moscow"));
        // As historians write it, the kind first.
        let item = parse("Memorandum, Dean Acheson to Harry S. Truman, June 25, 1950, box 12, Truman Papers, Harry S. Truman Library, Independence, MO");
        assert_eq!(item.genre.as_deref(), Some("memorandum"));
        assert_eq!(families(&item.author), ["Acheson"]);
        assert_eq!(families(&item.extra().recipient), ["Truman"]);
        assert_eq!(
            item.extra().archive_collection.as_deref(),
            Some("Truman Papers")
        );
        // A kind the note names twice keeps the one before the date.
        let item = parse("Telegram, Kennan to Byrnes, cable, February 22, 1946");
        assert_eq!(item.genre.as_deref(), Some("cable"));
    }

    fn file_reference(text: &str) -> (Item, Option<Locator>) {
        let parse = archive_reference(Span::new(text)).unwrap_or_default();
        match parse.parsed {
            Some(Parsed::Full(item)) => ((*item).clone(), parse.locator),
            other => panic!("{text}: {other:?}"),
        }
    }

    #[test]
    fn a_soviet_archives_file_by_its_numbers() {
        let (item, leaves) = file_reference("APRF, fond 45, opis 1, delo 329, listy 9–17");
        assert_eq!(item.item_type, ItemType::Manuscript);
        assert_eq!(item.title, None);
        assert_eq!(item.extra().archive.as_deref(), Some("APRF"));
        assert_eq!(
            item.extra().archive_location.as_deref(),
            Some("fond 45, opis 1, delo 329")
        );
        let leaves = leaves.unwrap_or_else(|| Locator::new(LocatorLabel::Page, ""));
        assert_eq!(
            (leaves.label, leaves.value.as_str()),
            (LocatorLabel::Folio, "9-17")
        );
        assert_eq!(item.language, Some(Language::English));
        // In Russian: the language is told from the script later
        // (`note::in_cyrillic_script`), not here.
        let (item, leaves) = file_reference("АПРФ, ф. 45, оп. 1, д. 329, л. 1–3");
        assert_eq!(
            item.extra().archive_location.as_deref(),
            Some("ф. 45, оп. 1, д. 329")
        );
        assert_eq!(leaves.map(|l| l.value).as_deref(), Some("1-3"));
        assert_eq!(item.language, None);
        // Two numbers are enough.
        let (item, _) = file_reference("RGASPI, f. 17, op. 3");
        assert_eq!(
            item.extra().archive_location.as_deref(),
            Some("f. 17, op. 3")
        );
        // An archive named in words, with no leaves cited.
        let (item, leaves) =
            file_reference("Russian State Archive of Contemporary History, f. 5, op. 30, d. 5");
        assert_eq!(
            item.extra().archive.as_deref(),
            Some("Russian State Archive of Contemporary History")
        );
        assert_eq!(leaves, None);
    }

    #[test]
    fn not_a_file_reference() {
        for text in [
            // One number is not a file.
            "APRF, fond 45, listy 9–17",
            // No archive first.
            "Smith, fond 45, opis 1, delo 329",
            "fond 45, opis 1, delo 329",
            // Something else among the numbers, or leaves before them.
            "APRF, fond 45, Moscow, opis 1",
            "APRF, l. 5, fond 45, opis 1",
            "APRF, fond 45, opis 1, see below",
            // No file's words at all.
            "NATO, Annual Report, 1999",
        ] {
            assert_eq!(archive_reference(Span::new(text)), None, "{text}");
        }
    }

    #[test]
    fn a_files_parts_leaves_and_initials() {
        assert!(is_file_part("fond 17"));
        assert!(is_file_part("оп. 23а"));
        assert!(is_file_part("d. 1096/2"));
        assert!(!is_file_part("fond"));
        assert!(!is_file_part("fond seventeen"));
        assert!(!is_file_part("box 3"));
        assert!(!is_file_part("fond 17 and more"));
        assert!(is_archive_acronym("RGASPI"));
        assert!(is_archive_acronym("АВП РФ"));
        assert!(!is_archive_acronym("A"));
        assert!(!is_archive_acronym("Moscow"));
        assert!(!is_archive_acronym("ABCDEFGHIJK"));
        assert!(!is_archive_acronym("A B C D"));
        assert!(leaves(Span::new("list 5")).is_some());
        assert!(leaves(Span::new("лл. 3–4")).is_some());
        assert!(leaves(Span::new("l.5")).is_none());
        // A leaf's reverse is its verso.
        let value = |text| leaves(Span::new(text)).map(|l| l.value);
        assert_eq!(value("l. 5 ob.").as_deref(), Some("5v"));
        assert_eq!(value("л. 12об.").as_deref(), Some("12v"));
        assert_eq!(value("ll. 5–6 ob.").as_deref(), Some("5-6v"));
        assert_eq!(value("l. 5").as_deref(), Some("5"));
        assert_eq!(value("l. 5 ob").as_deref(), Some("5v"));
        assert_eq!(value("l. 5 obverse"), None);
        assert!(leaves(Span::new("page 5")).is_none());
    }

    #[test]
    fn a_titled_document_in_a_soviet_archive() {
        let text = "“Memorandum of Conversation between Stalin and Mao,” December 16, 1949, APRF, fond 45, opis 1, delo 329, listy 9–17";
        let cited = super::super::citation(Span::new(text)).unwrap_or_default();
        let leaves = cited
            .locator
            .unwrap_or_else(|| Locator::new(LocatorLabel::Page, ""));
        assert_eq!(
            (leaves.label, leaves.value.as_str()),
            (LocatorLabel::Folio, "9-17")
        );
        let item = parse(text);
        assert_eq!(item.item_type, ItemType::Manuscript);
        assert_eq!(item.extra().archive.as_deref(), Some("APRF"));
        assert_eq!(
            item.extra().archive_location.as_deref(),
            Some("fond 45, opis 1, delo 329")
        );
    }

    #[test]
    fn a_collection_alone_names_the_archive() {
        let item =
            parse("Dean Acheson, “Memorandum on Korea,” June 25, 1950, box 12, Truman Papers");
        assert_eq!(item.item_type, ItemType::Manuscript);
        assert_eq!(
            item.extra().archive_collection.as_deref(),
            Some("Truman Papers")
        );
    }

    #[test]
    fn two_repositories_at_most() {
        let mut item = Item::new(ItemType::Manuscript);
        let after: Vec<Span> = ["Houghton Library", "Harvard University", "Kennedy Center"]
            .into_iter()
            .map(Span::new)
            .collect();
        read_archive(&after, &mut item);
        assert_eq!(
            item.extra().archive.as_deref(),
            Some("Houghton Library, Harvard University")
        );
    }

    #[test]
    fn only_a_known_capitalised_kind_opens_a_letter() {
        let kind = |text: &str| {
            leading_letter_kind(Span::new(text))
                .map(|(kind, rest)| (kind, rest.fragment().to_string()))
        };
        assert_eq!(
            kind("Memorandum, Acheson to Truman, June 25, 1950"),
            Some((
                "memorandum".to_string(),
                "Acheson to Truman, June 25, 1950".to_string()
            ))
        );
        assert_eq!(
            kind("Note verbale, A to B, 1950").map(|k| k.0).as_deref(),
            Some("note verbale")
        );
        assert_eq!(kind("memorandum, Acheson to Truman, June 25, 1950"), None);
        assert_eq!(kind("Summary, Acheson to Truman, June 25, 1950"), None);
        assert_eq!(kind("Memorandum"), None);
        assert!(letter(Span::new("Summary, Acheson to Truman, June 25, 1950")).is_none());
        assert!(letter(Span::new("Memorandum, Acheson, June 25, 1950")).is_none());
    }

    #[test]
    fn a_short_letter_by_surnames() {
        let item = parse("Pound to Monroe, May 12, 1925");
        assert_eq!(families(&item.author), ["Pound"]);
        assert_eq!(families(&item.extra().recipient), ["Monroe"]);
        assert_eq!(item.extra().archive, None);
        // A page after the surnames is a later note's short form; a year
        // there dates a letter (and an undated one is not read).
        let short = letter(Span::new("Pound to Monroe, 6"));
        assert!(matches!(
            short.and_then(|p| p.parsed),
            Some(Parsed::Short(_))
        ));
        assert!(letter(Span::new("Pound to Monroe, 1925")).is_none());
    }

    #[test]
    fn an_undated_letter_is_not_read_as_one() {
        assert!(letter(Span::new("Ezra Pound to Harriet Monroe, Rapallo")).is_none());
        assert!(letter(Span::new("Ezra Pound to Harriet Monroe, 1925")).is_none());
        assert!(letter(Span::new("Charles Darwin to T. H. Huxley, 2 February, 1860, in Francis Darwin, ed., The Life and Letters of Charles Darwin (New York: D. Appleton & Co., 1898)")).is_none());
        assert!(letter(Span::new("Tom Smith to Mary Roe, May 2, 1925")).is_some());
        assert!(around_date(Span::new("Rapallo, Poetry Papers"))
            .date
            .is_none());
        let dated = around_date(Span::new(
            "Vox, April 3, 2019, accessed May 1, 2020, https://x.org",
        ));
        assert_eq!(dated.before.len(), 1);
        assert_eq!(dated.date.map(|d| d.year()), Some(2019));
        let after: Vec<&str> = dated.after.iter().map(|e| *e.fragment()).collect();
        assert_eq!(after, ["accessed May 1, 2020", "https://x.org"]);
    }

    #[test]
    fn personal_communications_with_and_without_a_date() {
        let item = parse("Jane Roe, personal communication, May 1, 2020");
        assert_eq!(item.item_type, ItemType::PersonalCommunication);
        assert_eq!(item.genre.as_deref(), Some("personal communication"));
        assert_eq!(item.issued.as_ref().map(Date::year), Some(2020));
        let item = parse("Jane Roe, email message to author");
        assert_eq!(item.genre.as_deref(), Some("email message to author"));
        assert_eq!(item.issued, None);
    }

    #[test]
    fn an_archived_document_as_chicago_writes_it() {
        let item = parse(
            "Alice Walker, “Letter to the Editor,” draft, 1970, box 3, folder 2, Alice Walker Papers, Stuart A. Rose Library, Emory University, Atlanta, GA",
        );
        assert_eq!(item.item_type, ItemType::Manuscript);
        assert_eq!(item.title.as_deref(), Some("Letter to the Editor"));
        assert_eq!(item.genre.as_deref(), Some("draft"));
        assert_eq!(families(&item.author), ["Walker"]);
        let extra = item.extra();
        assert_eq!(extra.archive_location.as_deref(), Some("box 3, folder 2"));
        assert_eq!(
            extra.archive_collection.as_deref(),
            Some("Alice Walker Papers")
        );
        assert_eq!(
            extra.archive.as_deref(),
            Some("Stuart A. Rose Library, Emory University")
        );
        assert_eq!(extra.archive_place.as_deref(), Some("Atlanta, GA"));
        // A medium before the date is the medium, not a kind.
        let item = parse("“Notes,” typescript, 1950, Smith Papers, Newberry Library");
        assert_eq!(item.extra().medium.as_deref(), Some("typescript"));
        assert_eq!(item.genre, None);
    }

    #[test]
    fn an_archived_document_as_citeproc_writes_it() {
        let text = "Dean Acheson, “Memorandum of Conversation” (memorandum, June 25, 1950), 6, box 12, Harry S. Truman Library, Independence, MO";
        let parse = super::super::citation(Span::new(text)).unwrap_or_default();
        let Some(Parsed::Full(item)) = parse.parsed else {
            panic!("{text}");
        };
        assert_eq!(item.item_type, ItemType::Manuscript);
        assert_eq!(item.genre.as_deref(), Some("memorandum"));
        assert_eq!(item.extra().archive_location.as_deref(), Some("box 12"));
        assert_eq!(
            item.extra().archive_place.as_deref(),
            Some("Independence, MO")
        );
        assert_eq!(parse.locator.map(|l| l.value).as_deref(), Some("6"));
    }

    #[test]
    fn not_an_archived_document() {
        for text in [
            // A newspaper: its name before the day.
            "Jane Roe, “A Story,” New York Times, May 1, 1990, box 3, Smith Papers",
            // No collection or repository after the day.
            "Jane Roe, “A Note,” May 1, 1990, box 3",
            // Something no archive holds after the day.
            "Jane Roe, “A Note,” May 1, 1990, Smith Papers, which I read",
            // Undated.
            "Jane Roe, “A Note,” box 3, Smith Papers, Newberry Library",
            // A book's publication in the parenthetical.
            "Jane Roe, “A Note” (New York: Harper, 1990), box 3, Smith Papers",
        ] {
            let parse = super::super::citation(Span::new(text)).unwrap_or_default();
            if let Some(Parsed::Full(item)) = &parse.parsed {
                assert_ne!(item.item_type, ItemType::Manuscript, "{text}");
            }
        }
        assert!(is_document_kind("minutes of a meeting"));
        assert!(!is_document_kind("Minutes"));
        assert!(!is_document_kind("a draft of the letter to him"));
        assert!(!is_document_kind("draft 2"));
    }

    #[test]
    fn genres_of_communication() {
        for genre in [
            "personal communication",
            "email message to author",
            "e-mail to the author",
            "telephone conversation with the author",
            "letter to author",
            "text message to the author",
        ] {
            assert!(is_genre(genre), "{genre}");
        }
        for not in [
            "message",
            "email message to the editor",
            "letters to author",
        ] {
            assert!(!is_genre(not), "{not}");
        }
    }

    #[test]
    fn locations_media_and_years() {
        assert!(is_location("box 3"));
        assert!(is_location("MS 21"));
        assert!(!is_location("Box 3"));
        assert!(!is_location("box three"));
        assert!(!is_location("box 3 folder"));
        assert!(is_years("1912–36"));
        assert!(!is_years("1912a"));
        assert!(!is_years(""));
        assert_eq!(
            place_of(&[Span::new("Bethesda"), Span::new("MD")]).as_deref(),
            Some("Bethesda, MD")
        );
        assert_eq!(place_of(&[Span::new("box 3")]), None);
    }
}
