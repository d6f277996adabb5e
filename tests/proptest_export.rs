//! Property tests of the exports: for arbitrary field text, including the
//! LaTeX-active characters and `\input{...}`, every record footcite writes
//! comes back from the `biblatex` crate with the same fields, no field reads
//! back as a command, and the CSL-JSON stays valid against the official
//! schema and keeps the text exactly.

use biblatex::{Bibliography, ChunksExt};
use footcite::export::biblatex::{entry, to_biblatex, Dialect};
use footcite::export::to_csl_json;
use footcite::model::{Date, DatePart, Item, ItemType, Name};
use footcite::resolve::Work;
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;

fn schema() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/csl-data.json");
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        jsonschema::draft7::new(&schema).unwrap()
    })
}

/// Text with LaTeX-active characters, quotes, CJK and, now and then, an
/// `\input{...}`.
fn field_text() -> impl Strategy<Value = String> {
    let plain = "[a-zA-Z0-9 \\\\{}$&#^_%~\"'.,:;()\\[\\]@=蘇聯中國「」“”’-]{1,30}";
    (plain, prop::option::of(Just("\\input{/etc/passwd}")), plain).prop_map(|(a, inject, b)| {
        let s = format!("{a}{}{b}", inject.unwrap_or(""));
        let s = s.trim().to_string();
        if s.is_empty() {
            "x".to_string()
        } else {
            s
        }
    })
}

fn name() -> impl Strategy<Value = Name> {
    ("[A-Z][a-z]{1,8}", "[A-Z][a-z]{1,8}( [A-Z]\\.)?")
        .prop_map(|(family, given)| Name::person(&family, &given))
}

fn item() -> impl Strategy<Value = Item> {
    (
        prop_oneof![
            Just(ItemType::Book),
            Just(ItemType::ArticleJournal),
            Just(ItemType::Chapter),
            Just(ItemType::ArticleNewspaper),
        ],
        field_text(),
        field_text(),
        field_text(),
        name(),
        1900i32..2030,
    )
        .prop_map(|(kind, title, container, publisher, author, year)| {
            let mut item = Item::new(kind);
            item.title = Some(title.into());
            item.author = vec![author];
            if kind == ItemType::Book {
                item.publisher = Some(publisher.into());
                item.publisher_place = Some("New York".into());
            } else {
                item.container_title = Some(container.into());
            }
            item.issued = Some(Date::single(DatePart::year(year)));
            item
        })
}

fn works(items: Vec<Item>) -> Vec<Work> {
    let mut items = items;
    footcite::keys::assign_keys(&mut items);
    items
        .into_iter()
        .map(|item| Work {
            item: item.into(),
            cited_in: Vec::new(),
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn biblatex_round_trip(items in prop::collection::vec(item(), 1..4)) {
        let works = works(items);
        for dialect in [Dialect::Biblatex, Dialect::Bibtex] {
            let text = to_biblatex(&works, dialect);
            let bib = Bibliography::parse(&text)
                .map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
            prop_assert_eq!(bib.len(), works.len(), "{}", text);
            for w in &works {
                let written = entry(&w.item, dialect);
                let read = bib.get(&w.item.id);
                prop_assert!(read.is_some(), "no entry {}\n{}", w.item.id, text);
                let read = read.unwrap();
                let keys_w: Vec<&String> = written.fields.keys().collect();
                let keys_r: Vec<&String> = read.fields.keys().collect();
                prop_assert_eq!(keys_r, keys_w, "{}", text);
                for (k, chunks) in &written.fields {
                    let back = read.get(k).map(|c| c.format_verbatim());
                    prop_assert_eq!(back, Some(chunks.format_verbatim()), "field {} in\n{}", k, text);
                }
            }
            // `\input` is text in the file, never a command.
            prop_assert!(!text.contains("\\input{"), "{}", text);
        }
    }

    #[test]
    fn csl_json_is_valid_and_keeps_the_text(items in prop::collection::vec(item(), 1..4)) {
        let works = works(items);
        let json = to_csl_json(&works);
        let value: Value = serde_json::from_str(&json)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        let errors: Vec<String> = schema().iter_errors(&value).map(|e| e.to_string()).collect();
        prop_assert!(errors.is_empty(), "{}\n{}", errors.join("\n"), json);
        let array = value.as_array().cloned().unwrap_or_default();
        prop_assert_eq!(array.len(), works.len());
        for (w, v) in works.iter().zip(&array) {
            prop_assert_eq!(v["title"].as_str(), w.item.title.as_deref());
            prop_assert_eq!(v["id"].as_str(), Some(w.item.id.as_str()));
        }
    }
}
