//! The CSL-JSON export, validated against the official CSL-JSON schema
//! (tests/data/csl-data.json), for the reference paper and for hand-built
//! items.

#[path = "export_support.rs"]
mod support;

use footcite::export::to_csl_json;
use serde_json::Value;
use std::path::Path;

fn validator() -> jsonschema::Validator {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("tests/data/csl-data.json")).unwrap(),
    )
    .unwrap();
    jsonschema::draft7::new(&schema).unwrap()
}

fn assert_valid(json: &str) -> Value {
    let value: Value = serde_json::from_str(json).unwrap();
    let v = validator();
    let errors: Vec<String> = v
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{}\n{json}", errors.join("\n"));
    value
}

/// A paper's works as CSL-JSON items, checked against the schema.
fn valid_items(paper: &str) -> Vec<Value> {
    let ex = footcite::extract(paper).unwrap();
    match assert_valid(&to_csl_json(&ex.works)) {
        Value::Array(items) => items,
        other => panic!("not an array: {other}"),
    }
}

fn types_of(items: &[Value]) -> Vec<&str> {
    items.iter().filter_map(|i| i["type"].as_str()).collect()
}

#[test]
fn interviews_letters_reviews_and_films_are_valid_csl_json() {
    let items = valid_items(include_str!("data/unpublished-paper.txt"));
    let types = types_of(&items);
    for t in [
        "interview",
        "personal_communication",
        "review-book",
        "motion_picture",
    ] {
        assert!(types.contains(&t), "{t} in {types:?}");
    }
    // Zotero has no field for a collection or what a review reviews: they
    // go to Extra as CSL variables.
    let lewis = items.iter().find(|i| i["id"] == "lewis2010big").unwrap();
    assert_eq!(lewis["note"], "reviewed-title: The Crash");
}

#[test]
fn talks_are_valid_csl_json_speeches() {
    let ex = footcite::extract(include_str!("data/speech-paper.txt")).unwrap();
    let value = assert_valid(&to_csl_json(&ex.works));
    let items = value.as_array().unwrap();
    assert_eq!(items.len(), 6);
    let goodall = &items[0];
    assert_eq!(goodall["type"], "speech");
    assert_eq!(goodall["genre"], "lecture");
    assert_eq!(goodall["event-title"], "University of Chicago");
    assert_eq!(goodall["event-place"], "Chicago, IL");
    assert!(items.iter().all(|i| i["type"] == "speech"));
    // Untitled, described: `speech at the Munich Conference on …, Munich`.
    let putin = &items[4];
    assert!(putin.get("title").is_none());
    assert_eq!(putin["genre"], "speech");
    assert_eq!(putin["event-title"], "Munich Conference on Security Policy");
    assert_eq!(putin["event-place"], "Munich");
    assert_eq!(items[5]["genre"], "farewell address");
}

#[test]
fn chinese_interviews_and_letters_are_valid_csl_json() {
    let items = valid_items(include_str!("data/chinese-unpublished-paper.txt"));
    let types = types_of(&items);
    assert_eq!(
        types,
        [
            "interview",
            "interview",
            "interview",
            "personal_communication",
            "interview",
            "interview",
            "personal_communication"
        ]
    );
}

#[test]
fn archived_documents_are_valid_csl_json_manuscripts() {
    let items = valid_items(include_str!("data/manuscript-paper.txt"));
    assert_eq!(types_of(&items), ["manuscript"; 6]);
}

#[test]
fn letters_of_each_kind_and_broadcasts_are_valid_csl_json() {
    let items = valid_items(include_str!("data/broadcast-paper.txt"));
    assert_eq!(
        types_of(&items),
        [
            "personal_communication",
            "personal_communication",
            "broadcast",
            "broadcast",
            "broadcast",
            "interview"
        ]
    );
    let genres: Vec<&str> = items.iter().filter_map(|i| i["genre"].as_str()).collect();
    assert_eq!(
        genres,
        [
            "memorandum",
            "telegram",
            "podcast",
            "podcast",
            "television broadcast",
            "訪談"
        ]
    );
    let hubbard = &items[3];
    assert_eq!(hubbard["container-title"], "In the Studio");
    assert_eq!(hubbard["publisher"], "BBC World Service");
    assert_eq!(hubbard["medium"], "MP3 audio");
    assert_eq!(hubbard["dimensions"], "26:29");
}

#[test]
fn archive_files_are_valid_csl_json_manuscripts() {
    let items = valid_items(include_str!("data/archive-file-paper.txt"));
    assert_eq!(types_of(&items), ["manuscript"; 9]);
    assert!(items.iter().all(|i| i["archive"].is_string()));
}

#[test]
fn hand_built_items_are_valid_csl_json() {
    let works = support::sample_works();
    let value = assert_valid(&to_csl_json(&works));
    let items = value.as_array().unwrap();
    assert_eq!(items.len(), works.len());
    let xiong = items.iter().find(|i| i["id"] == "xiong2003guoji").unwrap();
    assert_eq!(xiong["author"][0]["family"], "熊");
    assert_eq!(xiong["author"][0]["given"], "光楷");
    assert_eq!(xiong["language"], "zh-Hant");
    let kozyrev = items
        .iter()
        .find(|i| i["id"] == "kozyrev1995partnership")
        .unwrap();
    // A word, which Zotero keeps (a number it reads as the day).
    assert_eq!(kozyrev["issued"]["season"], "Summer");
    assert_eq!(kozyrev["citation-key"], "kozyrev1995partnership");
    assert_eq!(kozyrev["issued"]["date-parts"][0][0], 1995);
    let communique = items.iter().find(|i| i["id"] == "sino1989soviet").unwrap();
    assert_eq!(
        communique["issued"]["date-parts"],
        serde_json::json!([[1989, 5, 29], [1989, 6, 4]])
    );
}

#[test]
fn the_papers_csl_json_is_valid_with_one_item_per_work() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("refs/tsai-2006-russia-china-military-ties.txt"))
        .unwrap();
    let ex = footcite::extract(&text).unwrap();
    let value = assert_valid(&to_csl_json(&ex.works));
    let items = value.as_array().unwrap();
    assert_eq!(items.len(), ex.works.len());
    let mut ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), items.len(), "ids are unique");
    for item in items {
        let lang = item["language"].as_str().unwrap_or("en");
        assert!(["en", "zh-Hant", "zh-Hans"].contains(&lang), "{item}");
    }
}

#[test]
fn the_schema_rejects_what_it_should() {
    let v = validator();
    assert!(!v.is_valid(&serde_json::json!([{"id": "x", "type": "book", "bogus": 1}])));
    assert!(!v.is_valid(&serde_json::json!([{"id": "x", "type": "chinese-book"}])));
}

#[test]
fn output_is_deterministic_and_ends_with_a_newline() {
    let works = support::sample_works();
    let a = to_csl_json(&works);
    assert_eq!(a, to_csl_json(&works));
    assert!(a.ends_with("]\n"));
}

/// The rules of Zotero's CSL-JSON importer (README, "Zotero"; read in
/// zotero/utilities `utilities_item.js`: `itemFromCSLJSON` writes a date as
/// `season + " " + date`, `extraToCSL` reads `Key: value` lines of Extra
/// back as CSL variables), checked on the paper's export.
#[test]
fn the_papers_csl_json_follows_zoteros_import_rules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("refs/tsai-2006-russia-china-military-ties.txt"))
        .unwrap();
    let ex = footcite::extract(&text).unwrap();
    let value: serde_json::Value = serde_json::from_str(&to_csl_json(&ex.works)).unwrap();
    let items = value.as_array().unwrap();
    let (mut seasons, mut originals, mut numbers) = (0, 0, 0);
    for item in items {
        // Every key survives as Zotero 7's Citation Key.
        assert_eq!(item["citation-key"], item["id"], "{item}");
        // A season is a word, never a number Zotero would read as the day.
        for date in ["issued", "original-date", "accessed"] {
            if let Some(season) = item[date].get("season") {
                assert!(
                    ["Spring", "Summer", "Autumn", "Winter"]
                        .contains(&season.as_str().unwrap_or("")),
                    "{item}"
                );
                seasons += 1;
            }
        }
        // What Zotero has no field for is also a line of Extra.
        let note = item["note"].as_str().unwrap_or("");
        if let Some(parts) = item["original-date"]["date-parts"][0].as_array() {
            let year = parts[0].as_i64().unwrap();
            assert!(
                note.lines()
                    .any(|l| l.starts_with(&format!("Original Date: {year}"))),
                "{item}"
            );
            originals += 1;
        }
        if let Some(publisher) = item["original-publisher"].as_str() {
            assert!(
                note.lines()
                    .any(|l| l == format!("Original Publisher: {publisher}")),
                "{item}"
            );
        }
        // A report's number is `number`, as in the .bib.
        if item["type"] == "report" {
            assert!(item.get("collection-number").is_none(), "{item}");
            numbers += usize::from(item.get("number").is_some());
        }
    }
    // The paper has seasons, originals and a numbered report: the rules ran.
    assert_eq!((seasons, originals, numbers), (4, 6, 1));
}
