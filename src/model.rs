//! The record model: one CSL-shaped [`Item`] per work, with typed names and
//! dates. It serialises straight to CSL-JSON (only keys the schema defines),
//! so the extract output, the CSL export and Zotero all see the same thing.

use serde::{Deserialize, Serialize};

mod name;
mod wire;
pub use name::{Name, NameParts};

/// The CSL item types footcite produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemType {
    Book,
    Chapter,
    ArticleJournal,
    ArticleMagazine,
    ArticleNewspaper,
    Report,
    Thesis,
    Webpage,
    /// A paper presented at a conference, published or not.
    PaperConference,
    /// An interview: its author is who was interviewed.
    Interview,
    /// A letter, an email, a conversation: unpublished correspondence.
    #[serde(rename = "personal_communication")]
    PersonalCommunication,
    /// A film, a video, a broadcast recording.
    #[serde(rename = "motion_picture")]
    MotionPicture,
    /// A review of a book (or of another work) in a periodical.
    ReviewBook,
    /// A speech, a lecture, an address: a talk given, not published.
    Speech,
    /// A document kept in an archive, never published: a memorandum, a
    /// telegram, minutes, a draft.
    Manuscript,
    /// An episode of a podcast or of a radio or television programme.
    Broadcast,
}

impl ItemType {
    /// The CSL name of the type, as written in CSL-JSON.
    pub fn csl_name(self) -> &'static str {
        match self {
            ItemType::Book => "book",
            ItemType::Chapter => "chapter",
            ItemType::ArticleJournal => "article-journal",
            ItemType::ArticleMagazine => "article-magazine",
            ItemType::ArticleNewspaper => "article-newspaper",
            ItemType::Report => "report",
            ItemType::Thesis => "thesis",
            ItemType::Webpage => "webpage",
            ItemType::PaperConference => "paper-conference",
            ItemType::Interview => "interview",
            ItemType::PersonalCommunication => "personal_communication",
            ItemType::MotionPicture => "motion_picture",
            ItemType::ReviewBook => "review-book",
            ItemType::Speech => "speech",
            ItemType::Manuscript => "manuscript",
            ItemType::Broadcast => "broadcast",
        }
    }

    /// Types whose work lives inside a periodical.
    pub fn is_periodical_article(self) -> bool {
        matches!(
            self,
            ItemType::ArticleJournal
                | ItemType::ArticleMagazine
                | ItemType::ArticleNewspaper
                | ItemType::ReviewBook
        )
    }

    /// Types that need not have been published: interviews and letters.
    /// They are named by their people, not by a title.
    pub fn is_unpublished(self) -> bool {
        matches!(self, ItemType::Interview | ItemType::PersonalCommunication)
    }
}

/// The language of a work, as a BCP 47 tag in CSL-JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Language {
    #[serde(rename = "en")]
    English,
    #[serde(rename = "zh-Hant")]
    ChineseTraditional,
    #[serde(rename = "zh-Hans")]
    ChineseSimplified,
    #[serde(rename = "ru")]
    Russian,
    #[serde(rename = "uk")]
    Ukrainian,
}

impl Language {
    pub fn bcp47(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::ChineseTraditional => "zh-Hant",
            Language::ChineseSimplified => "zh-Hans",
            Language::Russian => "ru",
            Language::Ukrainian => "uk",
        }
    }

    pub fn is_chinese(self) -> bool {
        matches!(
            self,
            Language::ChineseTraditional | Language::ChineseSimplified
        )
    }

    /// The language babel and polyglossia know it by, for biblatex's
    /// `langid` (Chinese has none that biblatex accepts).
    pub fn babel_name(self) -> Option<&'static str> {
        match self {
            Language::English => Some("english"),
            Language::Russian => Some("russian"),
            Language::Ukrainian => Some("ukrainian"),
            Language::ChineseTraditional | Language::ChineseSimplified => None,
        }
    }
}

/// One calendar point; month and day count from 1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DatePart {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl DatePart {
    pub fn year(year: i32) -> DatePart {
        DatePart {
            year,
            month: None,
            day: None,
        }
    }
    pub fn month(year: i32, month: u8) -> DatePart {
        DatePart {
            year,
            month: Some(month),
            day: None,
        }
    }
    pub fn day(year: i32, month: u8, day: u8) -> DatePart {
        DatePart {
            year,
            month: Some(month),
            day: Some(day),
        }
    }
}

/// English month names, January first (`MONTH_NAMES[month - 1]`).
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Seasons as CSL numbers them (1 spring … 4 winter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Season {
    Spring = 1,
    Summer = 2,
    Autumn = 3,
    Winter = 4,
}

/// A date or a date range, with an optional season.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub start: DatePart,
    pub end: Option<DatePart>,
    pub season: Option<Season>,
}

impl Date {
    pub fn single(part: DatePart) -> Date {
        Date {
            start: part,
            end: None,
            season: None,
        }
    }
    pub fn range(start: DatePart, end: DatePart) -> Date {
        Date {
            start,
            end: Some(end),
            season: None,
        }
    }
    pub fn year(&self) -> i32 {
        self.start.year
    }
}

/// CSL-JSON shape of a date: `{"date-parts": [[y, m, d]], "season": n}`.
#[derive(Serialize, Deserialize)]
struct CslDate {
    #[serde(rename = "date-parts", default)]
    date_parts: Vec<Vec<serde_json::Value>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    season: Option<serde_json::Value>,
}

fn part_to_json(part: &DatePart) -> Vec<serde_json::Value> {
    let mut v = vec![serde_json::Value::from(part.year)];
    if let Some(m) = part.month {
        v.push(m.into());
        if let Some(d) = part.day {
            v.push(d.into());
        }
    }
    v
}

fn json_to_part(v: &[serde_json::Value]) -> Option<DatePart> {
    let num = |x: &serde_json::Value| -> Option<i64> {
        x.as_i64()
            .or_else(|| x.as_str().and_then(|s| s.trim().parse().ok()))
    };
    let year = i32::try_from(num(v.first()?)?).ok()?;
    let month = v.get(1).and_then(num).and_then(|m| u8::try_from(m).ok());
    let day = v.get(2).and_then(num).and_then(|d| u8::try_from(d).ok());
    Some(DatePart { year, month, day })
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut date_parts = vec![part_to_json(&self.start)];
        if let Some(end) = &self.end {
            date_parts.push(part_to_json(end));
        }
        CslDate {
            date_parts,
            season: self.season.map(|s| (s as u8).into()),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = CslDate::deserialize(d)?;
        let mut parts = raw.date_parts.iter().filter_map(|p| json_to_part(p));
        let start = parts
            .next()
            .ok_or_else(|| serde::de::Error::custom("date without date-parts"))?;
        let season = raw
            .season
            .and_then(|v| v.as_i64().or_else(|| v.as_str()?.parse().ok()))
            .and_then(|n| match n {
                1 => Some(Season::Spring),
                2 => Some(Season::Summer),
                3 => Some(Season::Autumn),
                4 => Some(Season::Winter),
                _ => None,
            });
        Ok(Date {
            start,
            end: parts.next(),
            season,
        })
    }
}

/// One work, in CSL-JSON's vocabulary. It serialises to CSL keys in
/// CSL's order (see `wire`), its rarer fields included.
///
/// The fields most works have are held here; the rest are in a boxed
/// [`ItemExtra`], so that a work without them pays one pointer: a paper
/// holds every work's item at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub item_type: ItemType,
    pub author: Vec<Name>,
    pub editor: Vec<Name>,
    pub title: Option<Box<str>>,
    pub container_title: Option<Box<str>>,
    pub collection_title: Option<Box<str>>,
    pub volume: Option<Box<str>>,
    pub issue: Option<Box<str>>,
    pub genre: Option<Box<str>>,
    pub publisher: Option<Box<str>>,
    pub publisher_place: Option<Box<str>>,
    pub issued: Option<Date>,
    /// Pages of the work itself (a chapter's or article's range), never the
    /// pages a note cites: those are the citation's locator.
    pub page: Option<Box<str>>,
    pub url: Option<Box<str>>,
    pub language: Option<Language>,
    /// The fields few works have, `None` when the work has none of them.
    pub extra: Option<Box<ItemExtra>>,
}

/// The rarer CSL fields of an [`Item`]: translators, editions, a wire
/// report's original publication, a conference, access dates, who
/// interviewed, who received a letter, what a review reviews, where an
/// archive keeps a document, and a recording's medium and running time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ItemExtra {
    pub translator: Vec<Name>,
    /// The short title the citation names for later notes: `(hereafter
    /// cited as Mass. Records)`.
    #[serde(rename = "title-short")]
    pub title_short: Option<Box<str>>,
    #[serde(rename = "collection-number")]
    pub collection_number: Option<Box<str>>,
    pub edition: Option<Box<str>>,
    #[serde(rename = "original-publisher")]
    pub original_publisher: Option<Box<str>>,
    #[serde(rename = "original-date")]
    pub original_date: Option<Date>,
    /// The conference a paper was presented at, and where.
    #[serde(rename = "event-title")]
    pub event_title: Option<Box<str>>,
    #[serde(rename = "event-place")]
    pub event_place: Option<Box<str>>,
    pub accessed: Option<Date>,
    pub note: Option<Box<str>>,
    #[serde(rename = "abstract")]
    pub abstract_text: Option<Box<str>>,
    pub keyword: Option<Box<str>>,
    pub interviewer: Vec<Name>,
    pub recipient: Vec<Name>,
    pub director: Vec<Name>,
    #[serde(rename = "reviewed-author")]
    pub reviewed_author: Vec<Name>,
    #[serde(rename = "reviewed-title")]
    pub reviewed_title: Option<Box<str>>,
    /// `transcript`, `DVD`, `YouTube video`.
    pub medium: Option<Box<str>>,
    /// A recording's running time: `4:15`.
    pub dimensions: Option<Box<str>>,
    /// The repository: `National Library of Medicine`.
    pub archive: Option<Box<str>>,
    /// The collection in it: `Senn Oral History Collection`.
    pub archive_collection: Option<Box<str>>,
    /// Where in the collection: `box 3, folder 12`.
    pub archive_location: Option<Box<str>>,
    #[serde(rename = "archive-place")]
    pub archive_place: Option<Box<str>>,
}

/// What [`Item::extra`] lends when an item has no extra.
static NO_EXTRA: ItemExtra = ItemExtra {
    translator: Vec::new(),
    title_short: None,
    collection_number: None,
    edition: None,
    original_publisher: None,
    original_date: None,
    event_title: None,
    event_place: None,
    accessed: None,
    note: None,
    abstract_text: None,
    keyword: None,
    interviewer: Vec::new(),
    recipient: Vec::new(),
    director: Vec::new(),
    reviewed_author: Vec::new(),
    reviewed_title: None,
    medium: None,
    dimensions: None,
    archive: None,
    archive_collection: None,
    archive_location: None,
    archive_place: None,
};

impl ItemExtra {
    /// Whether no field is set: such an extra is left out of the item.
    pub fn is_empty(&self) -> bool {
        *self == ItemExtra::default()
    }
}

impl Item {
    /// An empty item of a type; the parser fills in the rest.
    pub fn new(item_type: ItemType) -> Item {
        Item {
            id: String::new(),
            item_type,
            author: Vec::new(),
            editor: Vec::new(),
            title: None,
            container_title: None,
            collection_title: None,
            volume: None,
            issue: None,
            genre: None,
            publisher: None,
            publisher_place: None,
            issued: None,
            page: None,
            url: None,
            language: None,
            extra: None,
        }
    }

    /// The rarer fields, empty when the item has none.
    pub fn extra(&self) -> &ItemExtra {
        self.extra.as_deref().unwrap_or(&NO_EXTRA)
    }

    /// The rarer fields, to set one.
    pub fn extra_mut(&mut self) -> &mut ItemExtra {
        self.extra.get_or_insert_with(Box::default)
    }

    /// Set one rarer field to a value that may be absent; an absent one
    /// does not give the item an extra (most works have none).
    pub fn set_rare<T>(
        &mut self,
        value: Option<T>,
        field: impl FnOnce(&mut ItemExtra) -> &mut Option<T>,
    ) {
        match (value, self.extra.as_deref_mut()) {
            (Some(value), _) => *field(self.extra_mut()) = Some(value),
            (None, Some(extra)) => *field(extra) = None,
            (None, None) => {}
        }
    }

    /// Set one rarer list of names; an empty list does not give the item
    /// an extra.
    pub fn set_rare_names(
        &mut self,
        names: Vec<Name>,
        field: impl FnOnce(&mut ItemExtra) -> &mut Vec<Name>,
    ) {
        if !names.is_empty() || self.extra.is_some() {
            *field(self.extra_mut()) = names;
        }
    }

    /// Fold stray spaces out of every text field (see
    /// [`crate::text::clean_field`]).
    pub fn clean_fields(&mut self) {
        let clean = |field: &mut Option<Box<str>>| {
            if let Some(value) = field.as_mut() {
                *value = crate::text::clean_field(value).into();
            }
        };
        for field in [
            &mut self.title,
            &mut self.container_title,
            &mut self.collection_title,
            &mut self.publisher,
            &mut self.publisher_place,
            &mut self.genre,
        ] {
            clean(field);
        }
        if let Some(extra) = self.extra.as_deref_mut() {
            for field in [
                &mut extra.original_publisher,
                &mut extra.event_title,
                &mut extra.event_place,
            ] {
                clean(field);
            }
        }
    }

    /// Let go of the spare room the name lists grew with, and of an extra
    /// that holds nothing: a paper holds every citation's item at once.
    pub fn shrink_to_fit(&mut self) {
        self.author.shrink_to_fit();
        self.editor.shrink_to_fit();
        match self.extra.as_deref_mut() {
            Some(extra) if extra.is_empty() => self.extra = None,
            Some(extra) => extra.translator.shrink_to_fit(),
            None => {}
        }
    }

    /// An archive's file cited by its numbers (`APRF, fond 45, opis 1, delo
    /// 329`): untitled and undated, as such notes are, and named by its
    /// numbers.
    pub fn is_file_reference(&self) -> bool {
        self.item_type == ItemType::Manuscript
            && self.title.is_none()
            && self.extra().archive_location.is_some()
    }

    /// The creators that name the work: authors, else editors.
    pub fn lead_creators(&self) -> &[Name] {
        if self.author.is_empty() {
            &self.editor
        } else {
            &self.author
        }
    }
}

/// What a cited page reference counts: CSL locator labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LocatorLabel {
    Page,
    Chapter,
    Section,
    Note,
    Paragraph,
    Volume,
    /// A leaf of an archival file (`l. 5`, `ll. 9–17`, `л. 1–3`).
    Folio,
}

impl LocatorLabel {
    pub fn name(self) -> &'static str {
        match self {
            LocatorLabel::Page => "page",
            LocatorLabel::Chapter => "chapter",
            LocatorLabel::Section => "section",
            LocatorLabel::Note => "note",
            LocatorLabel::Paragraph => "paragraph",
            LocatorLabel::Volume => "volume",
            LocatorLabel::Folio => "folio",
        }
    }
}

/// A way a page reference was written that a careful editor would change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LocatorProblem {
    /// `p,129`: a comma where the abbreviation's period belongs.
    CommaForPeriod,
    /// `pp.` before one page.
    PluralForSingle,
    /// `p.` before a range.
    SingularForRange,
    /// `pp.45-40`: the range runs backwards.
    ReversedRange,
}

/// The pages (or chapter, section …) one citation points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locator {
    pub label: LocatorLabel,
    /// Normalised value: `388, 394-400`, `W11`, `S1/2`, `5`.
    pub value: String,
    /// Problems in how it was written, each with its byte range in the note
    /// text (the `LocatedSpan` offsets the grammar ran over).
    pub problems: Vec<(LocatorProblem, std::ops::Range<usize>)>,
    /// The volume Chicago writes before the pages (`2:70`): which volume of
    /// a multivolume work a short form repeats.
    pub volume: Option<String>,
}

impl Locator {
    pub fn new(label: LocatorLabel, value: impl Into<String>) -> Locator {
        Locator {
            label,
            value: value.into(),
            problems: Vec::new(),
            volume: None,
        }
    }
}
