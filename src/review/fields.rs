//! Where each exported field stands in a citation's text. The grammars keep
//! no span per field, so the review page finds each field's value inside the
//! citation's own text instead (the values are mostly copied verbatim from
//! it): this needs no change to the grammars, and a value that cannot be
//! found is simply not highlighted (the works table still lists it).

use crate::cite::Parsed;
use crate::extract::CitationRecord;
use crate::model::{Date, Item, Name};
use std::ops::Range;

/// The parts of a citation the page tells apart, each with its own colour
/// and its own underline pattern (so colour is never the only cue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Author,
    Title,
    Container,
    Volume,
    Publisher,
    Date,
    Locator,
    Url,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::Author,
        Field::Title,
        Field::Container,
        Field::Volume,
        Field::Publisher,
        Field::Date,
        Field::Locator,
        Field::Url,
    ];

    /// The CSS class suffix and the label shown before the text.
    pub fn name(self) -> &'static str {
        match self {
            Field::Author => "author",
            Field::Title => "title",
            Field::Container => "container",
            Field::Volume => "volume",
            Field::Publisher => "publisher",
            Field::Date => "date",
            Field::Locator => "locator",
            Field::Url => "url",
        }
    }

    /// What the legend says the field holds.
    pub fn legend(self) -> &'static str {
        match self {
            Field::Author => "author, editor, translator",
            Field::Title => "title",
            Field::Container => "journal, book, series, conference",
            Field::Volume => "volume, issue, edition",
            Field::Publisher => "publisher and place",
            Field::Date => "date",
            Field::Locator => "pages cited",
            Field::Url => "URL",
        }
    }
}

/// Byte ranges in the note text of each field found in `citation`, sorted
/// and never overlapping.
pub fn locate(note_text: &str, citation: &CitationRecord) -> Vec<(Range<usize>, Field)> {
    let range = citation.raw.range.clone();
    let Some(text) = note_text.get(range.clone()) else {
        return Vec::new();
    };
    let mut finder = Finder {
        text,
        base: range.start,
        taken: Vec::new(),
    };
    match &citation.raw.parsed {
        Some(Parsed::Full(item)) => find_item(&mut finder, item),
        Some(Parsed::Short(short)) => {
            if let Some(t) = &short.title {
                finder.find(t, Field::Title, false);
            }
            find_names(&mut finder, &short.creators);
        }
        Some(Parsed::Ibid) | None => {}
    }
    if let Some(locator) = citation.locator() {
        // A normalised value (`388, 394-400`) is found piece by piece, from
        // the end: the pages cited close a citation.
        for piece in locator.value.split(", ") {
            finder.find(piece, Field::Locator, true);
        }
    }
    let mut found = finder.taken;
    found.sort_by_key(|(r, _)| (r.start, r.end));
    found
}

/// The most distinctive (longest) values first, so a short value (a year, a
/// volume number) does not take the place of a digit inside a title.
fn find_item(finder: &mut Finder, item: &Item) {
    for (value, field) in [
        (&item.url, Field::Url),
        (&item.title, Field::Title),
        (&item.container_title, Field::Container),
        (&item.collection_title, Field::Container),
        (&item.extra().event_title, Field::Container),
        (&item.publisher, Field::Publisher),
        (&item.extra().original_publisher, Field::Publisher),
    ] {
        if let Some(v) = value {
            finder.find(v, field, false);
        }
    }
    find_names(finder, &item.author);
    find_names(finder, &item.editor);
    find_names(finder, &item.extra().translator);
    for (value, field) in [
        (&item.publisher_place, Field::Publisher),
        (&item.extra().event_place, Field::Publisher),
    ] {
        if let Some(v) = value {
            for place in v.split("; ") {
                finder.find(place, field, false);
            }
        }
    }
    for date in [
        &item.issued,
        &item.extra().original_date,
        &item.extra().accessed,
    ]
    .into_iter()
    .flatten()
    {
        find_date(finder, date);
    }
    for (value, field) in [
        (&item.volume, Field::Volume),
        (&item.issue, Field::Volume),
        (&item.extra().collection_number, Field::Volume),
        (&item.extra().edition, Field::Volume),
        (&item.page, Field::Locator),
    ] {
        if let Some(v) = value {
            finder.find(v, field, false);
        }
    }
}

fn find_names(finder: &mut Finder, names: &[Name]) {
    for name in names {
        if finder.find(&name.display(), Field::Author, false) {
            continue;
        }
        // Inverted (`Lynch, Allen`) or partly written: each part alone.
        for part in [name.literal_text(), name.family(), name.given()]
            .into_iter()
            .flatten()
        {
            finder.find(part, Field::Author, false);
        }
    }
}

fn find_date(finder: &mut Finder, date: &Date) {
    for part in std::iter::once(&date.start).chain(&date.end) {
        let year = part.year.to_string();
        // A Taiwanese citation may count years of the Republic (民國95年).
        if !finder.find(&year, Field::Date, true) && part.year > 1911 {
            finder.find(&format!("{}年", part.year - 1911), Field::Date, true);
        }
        if let Some(name) = part
            .month
            .and_then(|m| crate::model::MONTH_NAMES.get(usize::from(m).wrapping_sub(1)))
        {
            if !finder.find(name, Field::Date, true) {
                finder.find(name.get(..3).unwrap_or(name), Field::Date, true);
            }
        }
    }
}

/// Finds values in one citation's text, each at a place no other value took.
struct Finder<'t> {
    text: &'t str,
    /// Where the citation starts in the note text.
    base: usize,
    taken: Vec<(Range<usize>, Field)>,
}

impl Finder<'_> {
    /// Take the first free occurrence of `value` (the last with
    /// `from_end`); an exact match is preferred to one in another case.
    fn find(&mut self, value: &str, field: Field, from_end: bool) -> bool {
        let value = value.trim();
        if value.is_empty() {
            return false;
        }
        let hit = self.free_match(self.text, value, from_end).or_else(|| {
            // ASCII case folding keeps byte offsets.
            let text = self.text.to_ascii_lowercase();
            self.free_match(&text, &value.to_ascii_lowercase(), from_end)
        });
        match hit {
            Some(start) => {
                let r = self.base + start..self.base + start + value.len();
                self.taken.push((r, field));
                true
            }
            None => false,
        }
    }

    fn free_match(&self, text: &str, value: &str, from_end: bool) -> Option<usize> {
        let free = |start: &usize| {
            let r = self.base + start..self.base + start + value.len();
            self.taken
                .iter()
                .all(|(t, _)| t.end <= r.start || r.end <= t.start)
        };
        if from_end {
            text.rmatch_indices(value).map(|(i, _)| i).find(free)
        } else {
            text.match_indices(value).map(|(i, _)| i).find(free)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields_of(note: &str) -> Vec<(String, Field)> {
        let paper = format!("Title\n\nBody.1\n{}\n1 {note}\n", " ".repeat(20));
        let ex = crate::extract(&paper).unwrap();
        let record = &ex.notes[0];
        let text = &ex.document.footnotes[record.footnote].text;
        locate(text, &record.citations[0])
            .into_iter()
            .map(|(r, f)| (text[r].to_string(), f))
            .collect()
    }

    #[test]
    fn a_book_citation_has_each_field_where_it_is_written() {
        let found =
            fields_of("Allen Lynch, Soviet Foreign Policy (New York: Praeger, 1991), p.38.");
        assert_eq!(
            found,
            vec![
                ("Allen Lynch".to_string(), Field::Author),
                ("Soviet Foreign Policy".to_string(), Field::Title),
                ("New York".to_string(), Field::Publisher),
                ("Praeger".to_string(), Field::Publisher),
                ("1991".to_string(), Field::Date),
                ("38".to_string(), Field::Locator),
            ]
        );
    }

    #[test]
    fn a_year_inside_a_title_is_left_to_the_title() {
        let found = fields_of("Allen Lynch, Moscow 1991 (New York: Praeger, 1991), p.38.");
        assert!(found.contains(&("Moscow 1991".to_string(), Field::Title)));
        assert!(found.contains(&("1991".to_string(), Field::Date)));
    }
}
