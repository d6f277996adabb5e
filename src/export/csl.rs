//! CSL-JSON: one item per work, in the order of first citation.
//!
//! [`crate::model::Item`] already serialises to CSL's keys and shapes
//! (`container-title`, `publisher-place`, `date-parts` with ranges,
//! `language` as a BCP 47 tag), and to nothing the schema does not define.
//! Names keep `family` and `given` apart, Chinese names too: Zotero's
//! CSL-JSON importer splits `{"family": "熊", "given": "光楷"}` into last and
//! first name. On top of that, four changes make the file survive Zotero's
//! importer (README, "Zotero"):
//! - a season is written as a word (`"season": "Summer"`): Zotero reads a
//!   number as the day;
//! - `citation-key` repeats the `id`, which Zotero 7 keeps and `id` it does
//!   not;
//! - a report's series number is `number` (Zotero's Report Number), as the
//!   `.bib` writes it;
//! - `original-date` and `original-publisher`, which Zotero has no field
//!   for, are repeated in `note` as `Original Date: 1992-12-19` and
//!   `Original Publisher: ITAR-TASS` lines, which Zotero keeps in Extra and
//!   its citation engine reads back; so are `archive_collection`,
//!   `archive-place` and `reviewed-title`, under their CSL names.

use crate::model::{Date, Item, ItemType, Season};
use crate::resolve::Work;
use serde_json::{Map, Value};

/// The works as a pretty-printed CSL-JSON array, ending with a newline.
pub fn to_csl_json(works: &[Work]) -> String {
    crate::io::collect_string(|out| write_csl_json(works, out))
}

/// [`to_csl_json`] written straight to `out`.
pub fn write_csl_json(works: &[Work], out: &mut dyn std::io::Write) -> std::io::Result<()> {
    use serde::ser::{SerializeSeq, Serializer};
    let works = super::keyed(works);
    // Item by item, as serialising the whole array would write it (a
    // `Vec`'s elements go through this same sequence), without building
    // every item's JSON tree first.
    let mut json = serde_json::Serializer::pretty(&mut *out);
    let mut seq = json.serialize_seq(Some(works.len()))?;
    for w in works.iter() {
        seq.serialize_element(&for_zotero(&w.item)?)?;
    }
    seq.end()?;
    out.write_all(b"\n")
}

/// One item as CSL-JSON, in the shapes Zotero's importer keeps.
fn for_zotero(item: &Item) -> serde_json::Result<Value> {
    let Value::Object(fields) = serde_json::to_value(item)? else {
        return serde_json::to_value(item);
    };
    let mut out = Map::with_capacity(fields.len() + 2);
    for (key, mut value) in fields {
        season_as_word(&mut value);
        let key = match key.as_str() {
            "collection-number" if item.item_type == ItemType::Report => "number".to_string(),
            _ => key,
        };
        let is_id = key == "id";
        out.insert(key, value);
        if is_id {
            out.insert("citation-key".to_string(), Value::from(item.id.as_str()));
        }
    }
    let lines = extra_lines(item);
    if !lines.is_empty() {
        let note = match item.extra().note.as_deref() {
            Some(note) if !note.is_empty() => format!("{note}\n{}", lines.join("\n")),
            _ => lines.join("\n"),
        };
        out.insert("note".to_string(), Value::from(note));
    }
    Ok(Value::Object(out))
}

/// `{"date-parts": …, "season": 2}` → `"season": "Summer"`, in a date and
/// in the dates of an item's fields.
fn season_as_word(value: &mut Value) {
    let Some(season) = value.get_mut("season") else {
        return;
    };
    let word = season.as_u64().and_then(|n| match n {
        1 => Some(Season::Spring),
        2 => Some(Season::Summer),
        3 => Some(Season::Autumn),
        4 => Some(Season::Winter),
        _ => None,
    });
    if let Some(word) = word {
        *season = Value::from(season_word(word));
    }
}

fn season_word(season: Season) -> &'static str {
    match season {
        Season::Spring => "Spring",
        Season::Summer => "Summer",
        Season::Autumn => "Autumn",
        Season::Winter => "Winter",
    }
}

/// The `Key: value` lines of fields Zotero has no place for (its Extra
/// field's form, which its citation engine reads back as CSL variables).
pub(super) fn extra_lines(item: &Item) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(date) = &item.extra().original_date {
        lines.push(format!("Original Date: {}", iso_date(date)));
    }
    if let Some(publisher) = &item.extra().original_publisher {
        lines.push(format!("Original Publisher: {publisher}"));
    }
    // Zotero keeps an archive's name and place in the item but not the
    // collection or its place, nor what a review reviews: written under
    // their CSL names, which its Extra field reads back.
    let extra = item.extra();
    for (variable, value) in [
        ("archive_collection", &extra.archive_collection),
        ("archive-place", &extra.archive_place),
        ("reviewed-title", &extra.reviewed_title),
    ] {
        if let Some(value) = value {
            lines.push(format!("{variable}: {value}"));
        }
    }
    lines
}

/// `1992-12-19`, `1992-12`, `1992`; a range as `start/end` (EDTF).
fn iso_date(date: &Date) -> String {
    let part = |p: &crate::model::DatePart| {
        let mut s = format!("{:04}", p.year);
        if let Some(m) = p.month {
            s.push_str(&format!("-{m:02}"));
            if let Some(d) = p.day {
                s.push_str(&format!("-{d:02}"));
            }
        }
        s
    };
    match &date.end {
        Some(end) => format!("{}/{}", part(&date.start), part(end)),
        None => part(&date.start),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DatePart;

    fn date(year: i32, month: Option<u8>, day: Option<u8>) -> Date {
        Date::single(DatePart { year, month, day })
    }

    #[test]
    fn seasons_become_words() {
        let mut item = Item::new(ItemType::ArticleJournal);
        item.issued = Some(Date {
            season: Some(Season::Summer),
            ..date(1995, None, None)
        });
        let v = for_zotero(&item).unwrap();
        assert_eq!(v["issued"]["season"], "Summer");
        assert_eq!(v["issued"]["date-parts"][0][0], 1995);
    }

    #[test]
    fn the_key_is_kept_and_report_numbers_are_numbers() {
        let mut item = Item::new(ItemType::Report);
        item.id = "roe1990report".to_string();
        item.extra_mut().collection_number = Some("11".into());
        let v = for_zotero(&item).unwrap();
        assert_eq!(v["citation-key"], "roe1990report");
        assert_eq!(v["number"], "11");
        assert!(v.get("collection-number").is_none());
        // `citation-key` follows `id`.
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys.get(1).map(|k| k.as_str()), Some("citation-key"));
        // A book's series number stays a series number.
        let mut book = Item::new(ItemType::Book);
        book.extra_mut().collection_number = Some("4".into());
        assert_eq!(for_zotero(&book).unwrap()["collection-number"], "4");
    }

    #[test]
    fn originals_go_to_the_note_as_well() {
        let mut item = Item::new(ItemType::ArticleNewspaper);
        item.extra_mut().original_date = Some(date(1992, Some(12), Some(19)));
        item.extra_mut().original_publisher = Some("ITAR-TASS".into());
        item.extra_mut().note = Some("Seen in FBIS.".into());
        let v = for_zotero(&item).unwrap();
        assert_eq!(
            v["note"],
            "Seen in FBIS.\nOriginal Date: 1992-12-19\nOriginal Publisher: ITAR-TASS"
        );
        assert_eq!(v["original-publisher"], "ITAR-TASS");
        let range = Date {
            end: Some(DatePart {
                year: 1998,
                month: None,
                day: None,
            }),
            ..date(1997, None, None)
        };
        assert_eq!(iso_date(&range), "1997/1998");
        assert_eq!(iso_date(&date(2005, Some(3), None)), "2005-03");
    }
}
