//! The biblatex/BibTeX export, read back by the `biblatex` crate: every
//! entry and every field must come back equal.

#[path = "export_support.rs"]
mod support;

use biblatex::{Bibliography, ChunksExt, Entry, EntryType, Person};
use footcite::export::biblatex::{entry, to_biblatex, Dialect};
use footcite::model::Item;

fn field(e: &Entry, k: &str) -> Option<String> {
    e.get(k).map(|c| c.format_verbatim())
}

/// Write the items, parse the text back, and compare every field of every
/// entry with the entry that was written.
fn round_trip(items: &[Item], dialect: Dialect) -> Bibliography {
    let works: Vec<_> = items.iter().cloned().map(|i| support::work(i, 1)).collect();
    let text = to_biblatex(&works, dialect);
    let bib = Bibliography::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    assert_eq!(bib.len(), items.len(), "{text}");
    for item in items {
        let written = entry(item, dialect);
        let read = bib
            .get(&item.id)
            .unwrap_or_else(|| panic!("no entry {}", item.id));
        let expected_type = match dialect {
            Dialect::Biblatex => written.entry_type.clone(),
            Dialect::Bibtex => written.entry_type.to_bibtex(),
        };
        assert_eq!(read.entry_type, expected_type, "{}", item.id);
        let written_keys: Vec<&String> = written.fields.keys().collect();
        let read_keys: Vec<&String> = read.fields.keys().collect();
        assert_eq!(read_keys, written_keys, "fields of {}\n{text}", item.id);
        for k in written.fields.keys() {
            assert_eq!(
                field(read, k),
                field(&written, k),
                "field {k} of {}\n{text}",
                item.id
            );
        }
    }
    bib
}

#[test]
fn biblatex_round_trip_keeps_every_field() {
    let items = support::sample_items();
    round_trip(&items, Dialect::Biblatex);
}

#[test]
fn bibtex_round_trip_keeps_every_field() {
    let items = support::sample_items();
    round_trip(&items, Dialect::Bibtex);
}

fn get<'a>(bib: &'a Bibliography, items: &[Item], title_start: &str) -> &'a Entry {
    let item = items
        .iter()
        .find(|i| i.title.as_deref().unwrap_or("").starts_with(title_start))
        .unwrap();
    bib.get(&item.id).unwrap()
}

#[test]
fn biblatex_types_fields_and_names() {
    let items = support::sample_items();
    let bib = round_trip(&items, Dialect::Biblatex);

    let lynch = get(&bib, &items, "Changing Soviet");
    assert_eq!(lynch.key, "lynch1991changing");
    assert_eq!(lynch.entry_type, EntryType::InCollection);
    let editors: Vec<Person> = lynch.get_as("editor").unwrap();
    assert_eq!(editors[0].name, "Fleron");
    assert_eq!(editors[0].suffix, "Jr.");
    assert_eq!(editors[0].given_name, "Frederic J.");
    assert_eq!(
        field(lynch, "booktitle").unwrap(),
        "Soviet Foreign Policy: from Brezhnev to Gorbachev"
    );
    assert_eq!(field(lynch, "location").unwrap(), "New York");
    assert_eq!(field(lynch, "date").unwrap(), "1991");
    assert_eq!(field(lynch, "langid").unwrap(), "english");

    let kozyrev = get(&bib, &items, "Partnership");
    assert_eq!(kozyrev.entry_type, EntryType::Article);
    assert_eq!(field(kozyrev, "date").unwrap(), "1995-22");
    assert_eq!(field(kozyrev, "number").unwrap(), "99");
    assert_eq!(field(kozyrev, "journaltitle").unwrap(), "Foreign Policy");

    let communique = get(&bib, &items, "Sino-Soviet");
    assert_eq!(field(communique, "date").unwrap(), "1989-05-29/1989-06-04");
    assert_eq!(field(communique, "entrysubtype").unwrap(), "magazine");

    let rogov = get(&bib, &items, "Russia and the United");
    // The place in the title, as Chicago writes it: a separate
    // `journaltitleaddon` printed `International Affairs. (Moscow) 7`.
    assert_eq!(
        field(rogov, "journaltitle").unwrap(),
        "International Affairs (Moscow)"
    );
    assert!(rogov.get("journaltitleaddon").is_none());
    assert!(rogov.get("location").is_none());

    let yeltsin = get(&bib, &items, "Full Text");
    assert_eq!(field(yeltsin, "entrysubtype").unwrap(), "newspaper");
    // The original publication prints in `addendum`; `origdate` and
    // `origpublisher` print in no standard style.
    assert_eq!(
        field(yeltsin, "addendum").unwrap(),
        "originally ITAR-TASS, 19 December 1992"
    );
    assert!(yeltsin.get("origdate").is_none() && yeltsin.get("origpublisher").is_none());
    assert_eq!(field(yeltsin, "date").unwrap(), "1992-12-21");
    assert_eq!(field(yeltsin, "number").unwrap(), "FE/1569");

    let xiong = get(&bib, &items, "國際戰略");
    assert_eq!(xiong.key, "xiong2003guoji");
    let authors: Vec<Person> = xiong.get_as("author").unwrap();
    assert_eq!(authors[0].name, "熊光楷");
    assert_eq!(authors[0].given_name, "");
    assert_eq!(field(xiong, "language").unwrap(), "Chinese");
    assert!(xiong.get("langid").is_none());

    let liang = get(&bib, &items, "外國");
    assert_eq!(liang.entry_type, EntryType::Collection);
    assert_eq!(liang.key, "liang1999waiguo");

    let dod = get(&bib, &items, "The Military Power");
    assert_eq!(dod.entry_type, EntryType::Report);
    let authors: Vec<Person> = dod.get_as("author").unwrap();
    assert_eq!(authors[0].name, "US DoD");
    assert_eq!(field(dod, "institution").unwrap(), "US DoD");
    // No invented `Report`: the note names no type.
    assert!(dod.get("type").is_none());

    // Chinese works sort by their pinyin.
    let xiong = get(&bib, &items, "國際戰略");
    assert_eq!(field(xiong, "sortname").unwrap(), "Xiong Guangkai");
    assert_eq!(
        field(xiong, "sorttitle").unwrap(),
        "guo ji zhan lue yu xin jun shi bian ge"
    );

    let pollack = get(&bib, &items, "Chinese Military Power");
    assert_eq!(field(pollack, "type").unwrap(), "SAIS Policy Forum Series");
    assert_eq!(field(pollack, "number").unwrap(), "11");

    let fisher = get(&bib, &items, "The ROC");
    assert_eq!(field(fisher, "pages").unwrap(), "164-165");

    let nasty = get(&bib, &items, "100%");
    assert_eq!(
        field(nasty, "title").unwrap(),
        r"100% of $5 & #1_a ~b^c \d {e} -- PLA"
    );
    let authors: Vec<Person> = nasty.get_as("author").unwrap();
    assert_eq!(authors.len(), 2, "an `and` inside an institution splits it");
    assert_eq!(authors[0].prefix, "van der");
    assert_eq!(authors[0].name, "Berg");
    assert_eq!(authors[1].name, "Research and Analysis Branch");
    // A non-integer volume is not dropped: it goes to the note.
    assert!(nasty.get("volume").is_none());
    assert_eq!(
        field(nasty, "note").unwrap(),
        "In Russian. Volume: 1991/1992"
    );
    assert_eq!(
        field(nasty, "url").unwrap(),
        "https://example.org/a_b?c=1&d=2%20"
    );
    assert_eq!(field(nasty, "urldate").unwrap(), "2020-01-02");
}

#[test]
fn escapes_are_text_not_commands() {
    let items = support::sample_items();
    let works: Vec<_> = items.iter().cloned().map(|i| support::work(i, 1)).collect();
    let text = to_biblatex(&works, Dialect::Biblatex);
    assert!(text.contains(
        r"title = {100\% of \$5 \& \#1\_a \textasciitilde{}b\textasciicircum{}c \textbackslash{}d \textbraceleft{}e\textbraceright{} -{}- PLA},"
    ), "{text}");
    assert!(!text.contains(r"\~"));
    assert!(!text.contains(r"\\"));
    assert!(text.contains("author = {{熊光楷}},"), "{text}");
    assert!(text.contains("author = {{US DoD}},"), "{text}");
    assert!(
        text.contains(
            "editor = {Fleron, Jr., Frederic J. and Hoffmann, Erik P. and Laird, Robbin F.},"
        ),
        "{text}"
    );
    assert!(text.contains("pages = {164-165},"), "{text}");
    // Braces balance in every entry, counting escaped ones as BibTeX does.
    for chunk in text.split("\n@") {
        let opens = chunk.matches('{').count();
        let closes = chunk.matches('}').count();
        assert_eq!(opens, closes, "{chunk}");
    }
}

#[test]
fn bibtex_dialect_uses_classic_fields_and_protects_acronyms() {
    let items = support::sample_items();
    let bib = round_trip(&items, Dialect::Bibtex);

    let fisher = get(&bib, &items, "The ROC");
    assert_eq!(fisher.entry_type, EntryType::InCollection);
    assert_eq!(field(fisher, "address").unwrap(), "London");
    assert_eq!(field(fisher, "year").unwrap(), "2004");
    assert!(fisher.get("date").is_none());
    assert!(fisher.get("langid").is_none());
    assert_eq!(field(fisher, "language").unwrap(), "English");

    let kozyrev = get(&bib, &items, "Partnership");
    assert_eq!(field(kozyrev, "journal").unwrap(), "Foreign Policy");
    assert_eq!(field(kozyrev, "month").unwrap(), "Summer");

    let rogov = get(&bib, &items, "Russia and the United");
    assert_eq!(
        field(rogov, "journal").unwrap(),
        "International Affairs (Moscow)"
    );

    let communique = get(&bib, &items, "Sino-Soviet");
    assert_eq!(field(communique, "month").unwrap(), "May 29–June 4");
    assert!(communique.get("day").is_none());
    assert!(communique.get("entrysubtype").is_none());

    let yeltsin = get(&bib, &items, "Full Text");
    assert_eq!(
        field(yeltsin, "note").unwrap(),
        "Originally: ITAR-TASS, 19 December 1992"
    );

    let dod = get(&bib, &items, "The Military Power");
    assert_eq!(dod.entry_type, EntryType::TechReport);

    let liang = get(&bib, &items, "外國");
    assert_eq!(liang.entry_type, EntryType::Book);

    let works: Vec<_> = items.iter().cloned().map(|i| support::work(i, 1)).collect();
    let text = to_biblatex(&works, Dialect::Bibtex);
    // Titles in title case are braced whole: their proper nouns cannot be
    // told from their other capitals.
    assert!(
        text.contains("title = {{The ROC Air Force after Next}},"),
        "{text}"
    );
    assert!(text.contains("{{Sino-Soviet Joint Communique}}"), "{text}");
    // Year ranges as classic BibTeX writes them.
    assert!(text.contains("month = {May 29--June 4}"), "{text}");
    // An unsigned article is sorted and labelled by its periodical.
    assert!(text.contains("key = {Beijing Review}"), "{text}");
}

#[test]
fn output_is_deterministic() {
    let works = support::sample_works();
    assert_eq!(
        to_biblatex(&works, Dialect::Biblatex),
        to_biblatex(&works, Dialect::Biblatex)
    );
}

/// The paper in `refs/`, read.
fn the_paper() -> footcite::Extraction {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("refs/tsai-2006-russia-china-military-ties.txt"))
        .unwrap();
    footcite::extract(&text).unwrap()
}

/// Zotero's BibTeX importer (zotero/translators, `BibTeX.js`: its
/// `fieldMap` maps `language` to Language; `langid` is in no map and is
/// dropped) must find every work's language in both dialects.
#[test]
fn every_language_is_in_the_field_zotero_reads() {
    let ex = the_paper();
    for dialect in [Dialect::Biblatex, Dialect::Bibtex] {
        let bib = Bibliography::parse(&to_biblatex(&ex.works, dialect)).unwrap();
        let mut with_language = 0;
        for w in &ex.works {
            let Some(lang) = w.item.language else {
                continue;
            };
            with_language += 1;
            let e = bib.get(&w.item.id).unwrap();
            let value = field(e, "language")
                .unwrap_or_else(|| panic!("{}: no language ({dialect:?})", w.item.id));
            let expected = match (lang, dialect) {
                (footcite::model::Language::English, Dialect::Biblatex) => "english",
                (footcite::model::Language::English, Dialect::Bibtex) => "English",
                _ => "Chinese",
            };
            assert_eq!(value, expected, "{}", w.item.id);
        }
        assert_eq!(with_language, 54, "every work of the paper has a language");
    }
}

/// Zotero's BibTeX importer drops `addendum` and every `orig…` field, and
/// no `.bib` field reaches Extra; `annote` becomes a child note (its text
/// with white space folded). Every original date and publisher of the
/// paper must be in `annote`, in the CSL-JSON's Extra form, in both
/// dialects.
#[test]
fn every_original_date_and_publisher_reaches_a_zotero_note() {
    let ex = the_paper();
    for dialect in [Dialect::Biblatex, Dialect::Bibtex] {
        let bib = Bibliography::parse(&to_biblatex(&ex.works, dialect)).unwrap();
        let mut originals = 0;
        for w in &ex.works {
            let e = bib.get(&w.item.id).unwrap();
            let annote = field(e, "annote");
            let (Some(date), Some(publisher)) = (
                &w.item.extra().original_date,
                &w.item.extra().original_publisher,
            ) else {
                assert_eq!(annote, None, "{}: nothing to carry", w.item.id);
                continue;
            };
            originals += 1;
            let year = date.start.year;
            let annote = annote.unwrap_or_else(|| panic!("{}: no annote ({dialect:?})", w.item.id));
            let lines: Vec<&str> = annote.split("; ").collect();
            assert!(
                lines[0].starts_with(&format!("Original Date: {year}-")),
                "{annote}"
            );
            assert_eq!(lines[1], format!("Original Publisher: {publisher}"));
        }
        assert_eq!(originals, 6, "the paper's six reprints");
    }
}
