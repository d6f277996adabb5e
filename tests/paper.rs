//! The reference paper end to end: every one of its 48 notes, every
//! citation and every work, against expected data written out in
//! `tests/data/tsai-expected.json` (reviewed by hand against the source).

use footcite::model::{Date, Item, Name};
use serde_json::{json, Value};

const PAPER: &str = include_str!("../refs/tsai-2006-russia-china-military-ties.txt");

fn expected() -> Value {
    serde_json::from_str(include_str!("data/tsai-expected.json")).unwrap()
}

fn names(list: &[Name]) -> Value {
    list.iter()
        .map(|n| match n.literal_text() {
            Some(l) => l.to_string(),
            None => {
                let mut s = format!("{}, {}", n.family().unwrap_or(""), n.given().unwrap_or(""));
                if let Some(suffix) = n.suffix() {
                    s.push_str(", ");
                    s.push_str(suffix);
                }
                s
            }
        })
        .collect::<Vec<_>>()
        .into()
}

fn date(d: &Date) -> Value {
    let part = |p: &footcite::model::DatePart| {
        let mut v = vec![json!(p.year)];
        if let Some(m) = p.month {
            v.push(json!(m));
            if let Some(day) = p.day {
                v.push(json!(day));
            }
        }
        Value::from(v)
    };
    let mut parts = vec![part(&d.start)];
    if let Some(end) = &d.end {
        parts.push(part(end));
    }
    if let Some(season) = d.season {
        parts.push(json!(["season", season as u8]));
    }
    parts.into()
}

/// The item's fields in the fixture's shape.
fn fields(item: &Item) -> serde_json::Map<String, Value> {
    let mut map = serde_json::Map::new();
    let csl = serde_json::to_value(item).unwrap();
    for (key, value) in csl.as_object().unwrap() {
        let value = match key.as_str() {
            "id" => continue,
            "author" => names(&item.author),
            "editor" => names(&item.editor),
            "translator" => names(&item.extra().translator),
            "issued" => date(item.issued.as_ref().unwrap()),
            "original-date" => date(item.extra().original_date.as_ref().unwrap()),
            _ => value.clone(),
        };
        map.insert(key.clone(), value);
    }
    map
}

#[test]
fn every_work_has_the_expected_fields() {
    let ex = footcite::extract(PAPER).unwrap();
    let expected = expected();
    let expected_items = expected["items"].as_object().unwrap();
    let mut agree = 0;
    let mut total = 0;
    let mut differences = Vec::new();
    for work in &ex.works {
        let got = fields(&work.item);
        let Some(want) = expected_items.get(&work.item.id).and_then(Value::as_object) else {
            differences.push(format!("unexpected item {}", work.item.id));
            continue;
        };
        let keys: std::collections::BTreeSet<&String> = got.keys().chain(want.keys()).collect();
        for key in keys {
            total += 1;
            if got.get(key) == want.get(key) {
                agree += 1;
            } else {
                differences.push(format!(
                    "{} {key}: got {:?}, want {:?}",
                    work.item.id,
                    got.get(key),
                    want.get(key)
                ));
            }
        }
    }
    for id in expected_items.keys() {
        if !ex.works.iter().any(|w| &w.item.id == id) {
            differences.push(format!("missing item {id}"));
        }
    }
    println!("item field agreement: {agree}/{total}");
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    assert_eq!(ex.works.len(), 54);
}

#[test]
fn every_note_has_the_expected_citations() {
    let ex = footcite::extract(PAPER).unwrap();
    let expected = expected();
    let notes = expected["notes"].as_array().unwrap();
    assert_eq!(ex.notes.len(), 48);
    assert_eq!(notes.len(), 48);
    let mut agree = 0;
    let mut total = 0;
    let mut differences = Vec::new();
    for (note, want) in ex.notes.iter().zip(notes) {
        let footnote = &ex.document.footnotes[note.footnote];
        let marker = footnote
            .marker
            .map(|m| json!([m.line, m.column]))
            .unwrap_or(Value::Null);
        let citations: Vec<Value> = note
            .citations
            .iter()
            .map(|c| {
                json!([
                    c.kind,
                    c.work.map(|w| ex.works[w].item.id.clone()),
                    c.locator().map(|l| l.value.clone()),
                    c.locator().map(|l| l.label.name()),
                ])
            })
            .collect();
        let got = json!({
            "number": note.number,
            "line": footnote.line,
            "marker": marker,
            "citations": citations,
        });
        for key in ["number", "line", "marker"] {
            total += 1;
            if got[key] == want[key] {
                agree += 1;
            } else {
                differences.push(format!(
                    "note {} {key}: got {}, want {}",
                    note.number, got[key], want[key]
                ));
            }
        }
        let got_c = got["citations"].as_array().unwrap();
        let want_c = want["citations"].as_array().unwrap();
        if got_c.len() != want_c.len() {
            differences.push(format!(
                "note {}: {} citations, want {}",
                note.number,
                got_c.len(),
                want_c.len()
            ));
        }
        for (g, w) in got_c.iter().zip(want_c) {
            for i in 0..4 {
                total += 1;
                if g[i] == w[i] {
                    agree += 1;
                } else {
                    differences.push(format!(
                        "note {} citation field {i}: got {}, want {}",
                        note.number, g[i], w[i]
                    ));
                }
            }
        }
    }
    println!("note field agreement: {agree}/{total}");
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn notes_join_lines_without_spaces_between_cjk() {
    let ex = footcite::extract(PAPER).unwrap();
    let note = |n: u32| {
        &ex.document
            .footnotes
            .iter()
            .find(|f| f.number == n)
            .unwrap()
            .text
    };
    // `蘇 ⏎ 聯` joins without a space; Latin words keep one.
    assert!(note(3).starts_with(
        "在高峰會後，中、蘇發表聯合聲明，同意解決雙邊關係的「三大障礙」，包括：蘇聯宣布"
    ));
    assert!(note(46).contains("頁 40；顏曉峰，「對打贏"));
    assert!(note(1).contains("and Soviet Foreign Policy,” in Frederic J. Fleron, Jr.,"));
    assert!(note(10).contains("軍事科學出版社，1999 年），頁 73"));
}

#[test]
fn compatibility_ideographs_come_out_unified() {
    assert!(
        PAPER.contains('\u{F98E}'),
        "the fixture should still hold U+F98E"
    );
    let ex = footcite::extract(PAPER).unwrap();
    let json = serde_json::to_string(&ex.to_json()).unwrap();
    assert!(!json.chars().any(|c| ('\u{F900}'..='\u{FAFF}').contains(&c)));
    assert!(json.contains("北京"));
}

#[test]
fn citation_text_and_positions_point_at_the_source() {
    let ex = footcite::extract(PAPER).unwrap();
    let note7 = ex.notes.iter().find(|n| n.number == 7).unwrap();
    let wishnick = &note7.citations[1];
    let text = wishnick.text(&ex.document.footnotes[note7.footnote]);
    assert!(text.starts_with("Elizabeth Wishnick, Mending Fences"));
    assert!(text.ends_with("p,129"));
    assert_eq!((wishnick.start.line, wishnick.start.column), (239, 14));
    assert_eq!(wishnick.end.line, 240);
    let note31 = ex.notes.iter().find(|n| n.number == 31).unwrap();
    let ibid = &note31.citations[0];
    assert_eq!(ibid.text(&ex.document.footnotes[note31.footnote]), "Ibid.");
    assert_eq!((ibid.start.line, ibid.start.column), (598, 4));
}

#[test]
fn the_document_item_comes_from_the_first_page_and_headers() {
    let ex = footcite::extract(PAPER).unwrap();
    let doc = serde_json::to_value(&ex.document_item).unwrap();
    assert_eq!(doc["title"], "俄中軍事合作關係的發展與影響");
    assert_eq!(doc["author"], json!([{"family": "蔡", "given": "明彥"}]));
    assert_eq!(doc["container-title"], "俄羅斯學報");
    assert_eq!(doc["issue"], "5");
    assert_eq!(doc["issued"], json!({"date-parts": [[2006, 12]]}));
    assert_eq!(doc["language"], "zh-Hant");
    assert_eq!(doc["type"], "article-journal");
}

#[test]
fn output_is_deterministic() {
    let a = serde_json::to_string(&footcite::extract(PAPER).unwrap().to_json()).unwrap();
    let b = serde_json::to_string(&footcite::extract(PAPER).unwrap().to_json()).unwrap();
    assert_eq!(a, b);
}
