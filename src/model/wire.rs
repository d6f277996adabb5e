//! An [`Item`]'s CSL-JSON shape. The item splits its fields between
//! itself and a boxed [`ItemExtra`] by how often works have them; the JSON
//! keeps one flat object in CSL's order, so the split never shows in an
//! output.

use super::{Date, Item, ItemExtra, ItemType, Language, Name};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

fn no_names(names: &&[Name]) -> bool {
    names.is_empty()
}

/// The keys an item writes, borrowed from it, in the order CSL-JSON
/// exports have always had them.
#[derive(Serialize)]
struct ItemOut<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    item_type: ItemType,
    #[serde(skip_serializing_if = "no_names")]
    author: &'a [Name],
    #[serde(skip_serializing_if = "no_names")]
    editor: &'a [Name],
    #[serde(skip_serializing_if = "no_names")]
    translator: &'a [Name],
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(rename = "title-short", skip_serializing_if = "Option::is_none")]
    title_short: Option<&'a str>,
    #[serde(rename = "container-title", skip_serializing_if = "Option::is_none")]
    container_title: Option<&'a str>,
    #[serde(rename = "collection-title", skip_serializing_if = "Option::is_none")]
    collection_title: Option<&'a str>,
    #[serde(rename = "collection-number", skip_serializing_if = "Option::is_none")]
    collection_number: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    volume: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issue: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    edition: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    genre: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(rename = "publisher-place", skip_serializing_if = "Option::is_none")]
    publisher_place: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<&'a Date>,
    #[serde(rename = "original-publisher", skip_serializing_if = "Option::is_none")]
    original_publisher: Option<&'a str>,
    #[serde(rename = "original-date", skip_serializing_if = "Option::is_none")]
    original_date: Option<&'a Date>,
    #[serde(rename = "event-title", skip_serializing_if = "Option::is_none")]
    event_title: Option<&'a str>,
    #[serde(rename = "event-place", skip_serializing_if = "Option::is_none")]
    event_place: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<&'a str>,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accessed: Option<&'a Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(rename = "abstract", skip_serializing_if = "Option::is_none")]
    abstract_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    keyword: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<Language>,
    #[serde(skip_serializing_if = "no_names")]
    interviewer: &'a [Name],
    #[serde(skip_serializing_if = "no_names")]
    recipient: &'a [Name],
    #[serde(skip_serializing_if = "no_names")]
    director: &'a [Name],
    #[serde(rename = "reviewed-author", skip_serializing_if = "no_names")]
    reviewed_author: &'a [Name],
    #[serde(rename = "reviewed-title", skip_serializing_if = "Option::is_none")]
    reviewed_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    medium: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dimensions: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archive: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archive_collection: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archive_location: Option<&'a str>,
    #[serde(rename = "archive-place", skip_serializing_if = "Option::is_none")]
    archive_place: Option<&'a str>,
}

impl Serialize for Item {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let extra = self.extra();
        ItemOut {
            id: &self.id,
            item_type: self.item_type,
            author: &self.author,
            editor: &self.editor,
            translator: &extra.translator,
            title: self.title.as_deref(),
            title_short: extra.title_short.as_deref(),
            container_title: self.container_title.as_deref(),
            collection_title: self.collection_title.as_deref(),
            collection_number: extra.collection_number.as_deref(),
            volume: self.volume.as_deref(),
            issue: self.issue.as_deref(),
            edition: extra.edition.as_deref(),
            genre: self.genre.as_deref(),
            publisher: self.publisher.as_deref(),
            publisher_place: self.publisher_place.as_deref(),
            issued: self.issued.as_ref(),
            original_publisher: extra.original_publisher.as_deref(),
            original_date: extra.original_date.as_ref(),
            event_title: extra.event_title.as_deref(),
            event_place: extra.event_place.as_deref(),
            page: self.page.as_deref(),
            url: self.url.as_deref(),
            accessed: extra.accessed.as_ref(),
            note: extra.note.as_deref(),
            abstract_text: extra.abstract_text.as_deref(),
            keyword: extra.keyword.as_deref(),
            language: self.language,
            interviewer: &extra.interviewer,
            recipient: &extra.recipient,
            director: &extra.director,
            reviewed_author: &extra.reviewed_author,
            reviewed_title: extra.reviewed_title.as_deref(),
            medium: extra.medium.as_deref(),
            dimensions: extra.dimensions.as_deref(),
            archive: extra.archive.as_deref(),
            archive_collection: extra.archive_collection.as_deref(),
            archive_location: extra.archive_location.as_deref(),
            archive_place: extra.archive_place.as_deref(),
        }
        .serialize(s)
    }
}

/// The keys an item reads: `id` and `type` are required, every other key
/// may be missing, and keys CSL has but footcite does not keep are skipped.
#[derive(Deserialize)]
struct ItemIn {
    id: String,
    #[serde(rename = "type")]
    item_type: ItemType,
    #[serde(default)]
    author: Vec<Name>,
    #[serde(default)]
    editor: Vec<Name>,
    #[serde(default)]
    title: Option<Box<str>>,
    #[serde(rename = "container-title", default)]
    container_title: Option<Box<str>>,
    #[serde(rename = "collection-title", default)]
    collection_title: Option<Box<str>>,
    #[serde(default)]
    volume: Option<Box<str>>,
    #[serde(default)]
    issue: Option<Box<str>>,
    #[serde(default)]
    genre: Option<Box<str>>,
    #[serde(default)]
    publisher: Option<Box<str>>,
    #[serde(rename = "publisher-place", default)]
    publisher_place: Option<Box<str>>,
    #[serde(default)]
    issued: Option<Date>,
    #[serde(default)]
    page: Option<Box<str>>,
    #[serde(rename = "URL", default)]
    url: Option<Box<str>>,
    #[serde(default)]
    language: Option<Language>,
    #[serde(flatten)]
    extra: ItemExtra,
}

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = ItemIn::deserialize(d)?;
        let extra = raw.extra;
        Ok(Item {
            id: raw.id,
            item_type: raw.item_type,
            author: raw.author,
            editor: raw.editor,
            title: raw.title,
            container_title: raw.container_title,
            collection_title: raw.collection_title,
            volume: raw.volume,
            issue: raw.issue,
            genre: raw.genre,
            publisher: raw.publisher,
            publisher_place: raw.publisher_place,
            issued: raw.issued,
            page: raw.page,
            url: raw.url,
            language: raw.language,
            extra: (!extra.is_empty()).then(|| Box::new(extra)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DatePart;

    #[test]
    fn keys_keep_csl_order_across_the_split() {
        let mut item = Item::new(ItemType::Book);
        item.id = "k".into();
        item.title = Some("T".into());
        item.publisher = Some("P".into());
        item.extra_mut().edition = Some("2".into());
        item.extra_mut().note = Some("N".into());
        item.extra_mut().medium = Some("DVD".into());
        item.language = Some(Language::English);
        let json = serde_json::to_string(&item).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"id":"k","type":"book","title":"T","edition":"2","publisher":"P","note":"N","language":"en","medium":"DVD"}"#
        );
    }

    #[test]
    fn reads_back_what_it_writes_and_drops_an_empty_extra() {
        let mut item = Item::new(ItemType::ArticleJournal);
        item.id = "a".into();
        item.issued = Some(Date::single(DatePart::year(1999)));
        item.extra_mut().accessed = Some(Date::single(DatePart::day(2001, 2, 3)));
        item.set_rare_names(vec![Name::literal("X")], |e| &mut e.translator);
        let json = serde_json::to_string(&item).unwrap_or_default();
        let back: Option<Item> = serde_json::from_str(&json).ok();
        assert_eq!(back.as_ref(), Some(&item));

        let plain: Option<Item> = serde_json::from_str(r#"{"id":"b","type":"book"}"#).ok();
        assert_eq!(plain.map(|i| i.extra.is_none()), Some(true));
    }

    #[test]
    fn an_item_needs_an_id_and_a_type() {
        assert!(serde_json::from_str::<Item>(r#"{"type":"book"}"#).is_err());
        assert!(serde_json::from_str::<Item>(r#"{"id":"x"}"#).is_err());
    }
}
