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
    assert_eq!(kozyrev["issued"]["season"], 2);
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
