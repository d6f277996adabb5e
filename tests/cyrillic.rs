//! Works written in Cyrillic, cited in Chicago's notes as citeproc-js
//! writes them (`tests/data/cyrillic-items.json`: Russian and Ukrainian
//! books, articles, a newspaper piece and a chapter): each is read back
//! with its type and language, and keyed by its romanised author and title.

mod common;

use common::{item, read_back, read_back_works};
use serde_json::Value;

const ITEMS: &str = "tests/data/cyrillic-items.json";

#[test]
#[ignore = "needs node and citeproc: `cargo test -- --include-ignored` runs it (.ci/run installs them)"]
fn citeprocs_notes_for_cyrillic_works_are_read_back_with_their_languages() {
    let Some((ex, work_of)) = read_back_works(ITEMS) else {
        return;
    };
    let items: Vec<Value> = serde_json::from_str(include_str!("data/cyrillic-items.json")).unwrap();
    let mut keys = Vec::new();
    for source in &items {
        let id = source["id"].as_str().unwrap();
        let (_, key) = work_of.iter().find(|(cited, _)| cited == id).unwrap();
        let read = item(&ex, key);
        assert_eq!(read["language"], source["language"], "{id}: {read}");
        assert_eq!(read["title"], source["title"], "{id}: {read}");
        keys.push(key.as_str());
    }
    assert_eq!(
        keys,
        [
            "bazhanov2001aktualnye",
            "primakov1999gody",
            "lukin2007medved",
            "grushevskii1898istoriia",
            "lukin2004rossiisko",
            "khramchikhin2005rossiiskaia",
            "titarenko2003rossiia",
            "sidorenko2003zovnishnia",
        ]
    );
}

#[test]
#[ignore = "needs node and citeproc: `cargo test -- --include-ignored` runs it (.ci/run installs them)"]
fn each_cyrillic_work_keeps_its_type() {
    let Some(typed) = read_back(ITEMS) else {
        return;
    };
    assert_eq!(typed.len(), 8, "{typed:?}");
}

/// biblatex switches hyphenation by `langid`: a Russian work gets
/// `russian`, a Ukrainian one `ukrainian`; BibTeX's `language` names them.
#[test]
fn the_bib_names_each_cyrillic_works_language() {
    let paper = "Notes\n\n論證如下。1論證如下。2完。\n\n\
        1 Е. П. Бажанов, Актуальные проблемы международных отношений (Москва: Научная книга, 2001), 45.\n\
        2 Михайло Грушевський, Історія України-Руси (Львів: Наукове товариство імені Шевченка, 1898), 6.\n";
    let parsed = footcite::extract(paper).unwrap();
    let keys: Vec<&str> = parsed.works.iter().map(|w| w.item.id.as_str()).collect();
    assert_eq!(keys, ["bazhanov2001aktualnye", "grushevskii1898istoriia"]);
    let bib = footcite::export::to_biblatex(&parsed.works, footcite::export::Dialect::Biblatex);
    assert!(bib.contains("langid = {russian}"), "{bib}");
    assert!(bib.contains("langid = {ukrainian}"), "{bib}");
    assert!(!bib.contains("english"), "{bib}");
    let bibtex = footcite::export::to_biblatex(&parsed.works, footcite::export::Dialect::Bibtex);
    assert!(bibtex.contains("language = {Russian}"), "{bibtex}");
    assert!(bibtex.contains("language = {Ukrainian}"), "{bibtex}");
}
