//! The record model: one CSL-shaped [`Item`] per work, with typed names and
//! dates. It serialises straight to CSL-JSON (only keys the schema defines),
//! so the extract output, the CSL export and Zotero all see the same thing.

use serde::{Deserialize, Serialize};

mod name;
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
        }
    }

    /// Types whose work lives inside a periodical.
    pub fn is_periodical_article(self) -> bool {
        matches!(
            self,
            ItemType::ArticleJournal | ItemType::ArticleMagazine | ItemType::ArticleNewspaper
        )
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
}

impl Language {
    pub fn bcp47(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::ChineseTraditional => "zh-Hant",
            Language::ChineseSimplified => "zh-Hans",
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

/// One work, in CSL-JSON's vocabulary. Field names serialise to CSL keys.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    #[serde(rename = "type")]
    pub item_type: ItemType,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub author: Vec<Name>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub editor: Vec<Name>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub translator: Vec<Name>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title: Option<Box<str>>,
    /// The short title the citation names for later notes: `(hereafter
    /// cited as Mass. Records)`.
    #[serde(
        rename = "title-short",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub title_short: Option<Box<str>>,
    #[serde(
        rename = "container-title",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub container_title: Option<Box<str>>,
    #[serde(
        rename = "collection-title",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub collection_title: Option<Box<str>>,
    #[serde(
        rename = "collection-number",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub collection_number: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub volume: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub issue: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub edition: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub genre: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub publisher: Option<Box<str>>,
    #[serde(
        rename = "publisher-place",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub publisher_place: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub issued: Option<Date>,
    #[serde(
        rename = "original-publisher",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub original_publisher: Option<Box<str>>,
    #[serde(
        rename = "original-date",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub original_date: Option<Date>,
    /// The conference a paper was presented at, and where.
    #[serde(
        rename = "event-title",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub event_title: Option<Box<str>>,
    #[serde(
        rename = "event-place",
        skip_serializing_if = "Option::is_none",
        default
    )]
    pub event_place: Option<Box<str>>,
    /// Pages of the work itself (a chapter's or article's range), never the
    /// pages a note cites: those are the citation's locator.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub page: Option<Box<str>>,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none", default)]
    pub url: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub accessed: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub note: Option<Box<str>>,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none", default)]
    pub abstract_text: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub keyword: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub language: Option<Language>,
}

impl Item {
    /// An empty item of a type; the parser fills in the rest.
    pub fn new(item_type: ItemType) -> Item {
        Item {
            id: String::new(),
            item_type,
            author: Vec::new(),
            editor: Vec::new(),
            translator: Vec::new(),
            title: None,
            title_short: None,
            container_title: None,
            collection_title: None,
            collection_number: None,
            volume: None,
            issue: None,
            edition: None,
            genre: None,
            publisher: None,
            publisher_place: None,
            issued: None,
            original_publisher: None,
            original_date: None,
            event_title: None,
            event_place: None,
            page: None,
            url: None,
            accessed: None,
            note: None,
            abstract_text: None,
            keyword: None,
            language: None,
        }
    }

    /// Fold stray spaces out of every text field (see
    /// [`crate::text::clean_field`]).
    pub fn clean_fields(&mut self) {
        for field in [
            &mut self.title,
            &mut self.container_title,
            &mut self.collection_title,
            &mut self.publisher,
            &mut self.publisher_place,
            &mut self.original_publisher,
            &mut self.genre,
            &mut self.event_title,
            &mut self.event_place,
        ] {
            if let Some(value) = field.as_mut() {
                *value = crate::text::clean_field(value).into();
            }
        }
    }

    /// Let go of the spare room the name lists grew with: a paper holds
    /// every citation's item at once.
    pub fn shrink_to_fit(&mut self) {
        self.author.shrink_to_fit();
        self.editor.shrink_to_fit();
        self.translator.shrink_to_fit();
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
