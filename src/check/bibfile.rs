//! `footcite check refs.bib` / `footcite check items.json`: the duplicate
//! and malformed checks (required fields, dates, places) on an existing
//! bibliography. A `.bib` is read with the `biblatex` crate (its raw layer
//! gives each entry's span, its typed layer the values with TeX resolved);
//! CSL-JSON with serde into [`Item`]. Findings point at the entry's line, or
//! at the field's value when the problem is in one field.

use super::duplicates::near_duplicate;
use super::malformed::{date_problems, list_fields, missing_fields, type_name, DateProblem};
use super::places::check_place;
use super::Today;
use crate::diag::{Diagnostic, Severity};
use crate::model::{Date, DatePart, Item, ItemType, Name, NameParts};
use crate::resolve::fold;
use crate::source::SourceText;
use std::collections::HashMap;
use std::ops::Range;

/// One bibliography record with where its parts are in the file.
#[derive(Debug, Clone)]
struct Record {
    item: Item,
    /// The citation key or CSL id.
    key: String,
    /// The entry's head (`@book{key` or the object's `{`).
    head: Range<usize>,
    /// Value of the place field, if any.
    place: Option<Range<usize>>,
    /// Value of the date field, if any.
    date: Option<Range<usize>>,
    /// Skip the required-fields check (a type footcite does not model).
    check_required: bool,
    /// How a field is named in this format: biblatex or CSL.
    bib: bool,
    /// A repeated `.bib` key: only the key is known for certain (the typed
    /// layer holds the first entry of that key).
    key_only: bool,
}

fn diag(
    src: &SourceText,
    severity: Severity,
    code: &str,
    range: &Range<usize>,
    message: String,
) -> Diagnostic {
    Diagnostic::new(
        severity,
        code,
        src.pos(range.start),
        src.pos(range.end),
        message,
    )
}

/// Checks shared by both formats.
fn check_records(src: &SourceText, records: &[Record], today: Today) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut keys: HashMap<&str, usize> = HashMap::new();
    let mut identities: HashMap<(String, String, Option<i32>), usize> = HashMap::new();
    for (i, r) in records.iter().enumerate() {
        let what = if r.bib { "entry" } else { "item" };
        if let Some(&first) = keys.get(r.key.as_str()) {
            let line = records.get(first).map_or(0, |f| src.pos(f.head.start).line);
            out.push(
                diag(
                    src,
                    Severity::Error,
                    "duplicate-key",
                    &r.head,
                    format!(
                        "{} `{}` is used again (first at line {line})",
                        if r.bib { "entry key" } else { "item id" },
                        r.key
                    ),
                )
                .with_help("give every entry its own key"),
            );
        } else {
            keys.insert(&r.key, i);
        }
        if r.key_only {
            continue;
        }
        // Required fields.
        if r.check_required {
            let missing = missing_fields(&r.item);
            if !missing.is_empty() {
                let names: Vec<&str> = missing
                    .iter()
                    .map(|f| if r.bib { f.bib } else { f.csl })
                    .collect();
                out.push(
                    diag(
                        src,
                        Severity::Error,
                        "missing-field",
                        &r.head,
                        format!(
                            "{} {what} `{}` without {}",
                            type_name(r.item.item_type),
                            r.key,
                            list_fields(&missing)
                        ),
                    )
                    .with_help(format!(
                        "add {}",
                        names
                            .iter()
                            .map(|n| format!("`{n}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                );
            }
        }
        // Dates.
        let problems: Vec<DateProblem> = r
            .item
            .issued
            .as_ref()
            .map(|d| date_problems(d, today))
            .unwrap_or_default();
        for p in problems {
            let range = r.date.clone().unwrap_or_else(|| r.head.clone());
            let help = match p {
                DateProblem::NoSuchDay(_) => "check the day and month against the source",
                DateProblem::Future(_) => "check the year: is it a typo?",
            };
            out.push(
                diag(src, Severity::Error, p.code(), &range, p.message("date")).with_help(help),
            );
        }
        // Places.
        if let Some(place) = r.item.publisher_place.as_deref() {
            for p in check_place(place) {
                let range = match &r.place {
                    Some(field) => {
                        let text = src.text().get(field.clone()).unwrap_or("");
                        match text.find(place) {
                            Some(at) => {
                                field.start + at + p.range.start..field.start + at + p.range.end
                            }
                            None => field.clone(),
                        }
                    }
                    None => r.head.clone(),
                };
                let mut d = diag(src, Severity::Error, p.code, &range, p.message);
                d.help = p.help;
                out.push(d);
            }
        }
        // Duplicates: the same work again, or nearly the same.
        let identity = (
            r.item
                .lead_creators()
                .first()
                .map(|n| fold(n.sort_name()))
                .unwrap_or_default(),
            fold(r.item.title.as_deref().unwrap_or("")),
            r.item.issued.as_ref().map(Date::year),
        );
        if identity.1.is_empty() {
            continue;
        }
        if let Some(&first) = identities.get(&identity) {
            if let Some(f) = records.get(first) {
                out.push(
                    diag(
                        src,
                        Severity::Warning,
                        "duplicate-entry",
                        &r.head,
                        format!(
                            "`{}` is the same work as `{}` (line {})",
                            r.key,
                            f.key,
                            src.pos(f.head.start).line
                        ),
                    )
                    .with_help("keep one entry and cite it by one key"),
                );
            }
            continue;
        }
        let near = records
            .iter()
            .take(i)
            .find_map(|f| near_duplicate(&f.item, &r.item).map(|found| (f, found)));
        if let Some((f, found)) = near {
            out.push(
                diag(
                    src,
                    Severity::Warning,
                    "near-duplicate",
                    &r.head,
                    format!(
                        "`{}` looks like `{}` (line {}) written differently: {}",
                        r.key,
                        f.key,
                        src.pos(f.head.start).line,
                        found.join("; ")
                    ),
                )
                .with_help("keep one entry, written one way"),
            );
        }
        identities.insert(identity, i);
    }
    super::sort_and_dedup(&mut out);
    out
}

// ---------------------------------------------------------------------------
// biblatex / BibTeX
// ---------------------------------------------------------------------------

fn bib_type(kind: &str) -> Option<ItemType> {
    Some(match kind.to_ascii_lowercase().as_str() {
        "article" => ItemType::ArticleJournal,
        "book" | "mvbook" | "collection" | "mvcollection" | "proceedings" | "reference" => {
            ItemType::Book
        }
        "incollection" | "inbook" | "inproceedings" | "inreference" | "bookinbook" => {
            ItemType::Chapter
        }
        "report" | "techreport" => ItemType::Report,
        "thesis" | "phdthesis" | "mastersthesis" => ItemType::Thesis,
        "online" | "electronic" | "www" => ItemType::Webpage,
        _ => return None,
    })
}

fn person_name(p: &biblatex::Person) -> Name {
    if p.given_name.is_empty() && p.prefix.is_empty() {
        return Name::literal(&p.name);
    }
    fn written(s: &str) -> Option<&str> {
        (!s.is_empty()).then_some(s)
    }
    Name::from_parts(NameParts {
        family: Some(&p.name),
        given: written(&p.given_name),
        particle: written(&p.prefix),
        suffix: written(&p.suffix),
        literal: None,
    })
}

/// `1986-02-31`, `1997/1998`, `1995`, `1995-22` (EDTF summer), and
/// BibTeX's `1997--1998` or `1997–1998`: the date parts as written, without
/// judging them (so that an impossible day can be reported).
fn written_date(s: &str) -> Vec<DatePart> {
    s.replace("--", "/")
        .replace('–', "/")
        .split('/')
        .filter_map(|piece| {
            let mut nums = piece
                .trim()
                .split('-')
                .map(|n| n.trim().parse::<i64>().ok());
            let year = i32::try_from(nums.next()??).ok()?;
            let month = nums.next().flatten().and_then(|m| u8::try_from(m).ok());
            // EDTF writes seasons as months 21-24 (and quarters up to 41).
            if month.is_some_and(|m| (21..=41).contains(&m)) {
                return Some(DatePart::year(year));
            }
            let day = nums.next().flatten().and_then(|d| u8::try_from(d).ok());
            Some(DatePart { year, month, day })
        })
        .collect()
}

fn month_number(s: &str) -> Option<u8> {
    let s = s.trim().to_ascii_lowercase();
    if let Ok(n) = s.parse::<u8>() {
        return Some(n);
    }
    [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .position(|m| s.starts_with(m))
    .and_then(|i| u8::try_from(i + 1).ok())
}

/// Check a `.bib` file. `Err` when it is not a bibliography at all.
pub fn check_bib(text: &str, today: Today) -> Result<Vec<Diagnostic>, String> {
    use biblatex::ChunksExt;
    let src = SourceText::new(text);
    let text = src.text();
    let raw = biblatex::RawBibliography::parse(text).map_err(|e| {
        let at = src.pos(e.span.start);
        format!(
            "not a valid .bib file: {} at line {}, column {}",
            e.kind, at.line, at.column
        )
    })?;
    // Typed entries need unique keys: keep the first of each, report the rest.
    let mut unique = raw.clone();
    let mut seen = std::collections::HashSet::new();
    unique.entries.retain(|e| seen.insert(e.v.key.v));
    let bibliography = biblatex::Bibliography::from_raw(unique).map_err(|e| {
        let at = src.pos(e.span.start);
        format!(
            "cannot read .bib entries: {} at line {}, column {}",
            e.kind, at.line, at.column
        )
    })?;
    let mut records = Vec::new();
    let mut first_of_key = std::collections::HashSet::new();
    for raw_entry in &raw.entries {
        let key = raw_entry.v.key.v;
        let head = raw_entry.span.start..raw_entry.v.key.span.end;
        let Some(entry) = bibliography.get(key).filter(|_| first_of_key.insert(key)) else {
            records.push(Record {
                item: Item::new(ItemType::Book),
                key: key.to_string(),
                head,
                place: None,
                date: None,
                check_required: false,
                bib: true,
                key_only: true,
            });
            continue;
        };
        let field = |name: &str| {
            entry
                .get(name)
                .map(|c| c.format_verbatim())
                .filter(|s| !s.trim().is_empty())
        };
        let span_of = |name: &str| {
            entry
                .fields
                .get(name)
                .map(|c| c.span())
                .filter(|s| s.start != usize::MAX && s.start <= s.end)
        };
        let journal = field("journaltitle").or_else(|| field("journal"));
        let kind = bib_type(raw_entry.v.kind.v).map(|k| {
            // biblatex's `@article` with `entrysubtype = {newspaper}` (as
            // footcite writes a newspaper): an untitled report needs none.
            let newspaper = field("entrysubtype").is_some_and(|s| s.trim() == "newspaper");
            match k {
                ItemType::ArticleJournal if newspaper => ItemType::ArticleNewspaper,
                other => other,
            }
        });
        let mut item = Item::new(kind.unwrap_or(ItemType::Book));
        item.id = key.to_string();
        item.title = field("title").map(Into::into);
        item.author = entry
            .author()
            .map(|ps| ps.iter().map(person_name).collect())
            .unwrap_or_default();
        item.editor = entry
            .editors()
            .map(|eds| {
                eds.iter()
                    .flat_map(|(ps, _)| ps.iter().map(person_name))
                    .collect()
            })
            .unwrap_or_default();
        item.container_title = match item.item_type {
            ItemType::Chapter => field("booktitle").map(Into::into),
            _ => journal.map(Into::into),
        };
        item.publisher = (field("publisher")
            .or_else(|| field("institution"))
            .or_else(|| field("school"))
            .or_else(|| field("organization")))
        .map(Into::into);
        item.publisher_place = field("location")
            .or_else(|| field("address"))
            .map(Into::into);
        item.url = field("url").map(Into::into);
        let date_name = ["date", "year"].into_iter().find(|n| field(n).is_some());
        let mut written = Vec::new();
        if let Some(d) = field("date") {
            written = written_date(&d);
        } else if let Some(y) = field("year") {
            written = written_date(&y);
            let month = field("month").as_deref().and_then(month_number);
            let day = field("day").and_then(|d| d.trim().parse::<u8>().ok());
            if let Some(first) = written.first_mut() {
                first.month = month;
                first.day = day.filter(|_| month.is_some());
            }
        }
        item.issued = written.first().map(|start| Date {
            start: *start,
            end: written.get(1).copied(),
            season: None,
        });
        records.push(Record {
            item,
            key: key.to_string(),
            head,
            place: span_of("location").or_else(|| span_of("address")),
            date: date_name.and_then(span_of),
            check_required: kind.is_some(),
            bib: true,
            key_only: false,
        });
    }
    Ok(check_records(&src, &records, today))
}

// ---------------------------------------------------------------------------
// CSL-JSON
// ---------------------------------------------------------------------------

/// Byte ranges of the elements of the top-level JSON array.
fn array_elements(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut start = None;
    for (i, c) in text.char_indices() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                if depth == 1 && start.is_none() {
                    start = Some(i);
                }
            }
            '[' | '{' => {
                if depth == 1 && start.is_none() {
                    start = Some(i);
                }
                depth += 1;
                if depth == 2 && c == '{' {
                    start = start.or(Some(i));
                }
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                if depth == 1 {
                    if let Some(s) = start.take() {
                        out.push(s..i + 1);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Where the value of `"key"` starts inside an object's text.
fn key_value(text: &str, object: &Range<usize>, key: &str) -> Option<Range<usize>> {
    let body = text.get(object.clone())?;
    let needle = format!("\"{key}\"");
    let at = body.find(&needle)? + needle.len();
    let after = body.get(at..)?;
    let colon = after.find(':')? + 1;
    let value = after.get(colon..)?;
    let lead = value.len() - value.trim_start().len();
    let start = object.start + at + colon + lead;
    let rest = value.trim_start();
    let len = if rest.starts_with('"') {
        let mut end = 1;
        let mut escaped = false;
        for (i, c) in rest.char_indices().skip(1) {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                end = i + 1;
                break;
            }
        }
        end
    } else {
        rest.find([',', '}', '\n']).unwrap_or(rest.len())
    };
    Some(start..start + len)
}

/// Check a CSL-JSON file (an array of items). `Err` when it is not one.
pub fn check_csl_json(text: &str, today: Today) -> Result<Vec<Diagnostic>, String> {
    let src = SourceText::new(text);
    let text = src.text();
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    let Some(items) = value.as_array() else {
        return Err("CSL-JSON must be an array of items".to_string());
    };
    let spans = array_elements(text);
    let mut out = Vec::new();
    let mut records = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let object = spans.get(i).cloned().unwrap_or(0..0);
        let head = object.start..object.start + 1;
        let supported = v
            .get("type")
            .cloned()
            .and_then(|t| serde_json::from_value::<ItemType>(t).ok())
            .is_some();
        let mut v = v.clone();
        if !supported {
            if let Some(obj) = v.as_object_mut() {
                obj.insert("type".into(), "book".into());
            }
        }
        let item: Item = match serde_json::from_value(v) {
            Ok(item) => item,
            Err(e) => {
                out.push(
                    diag(&src, Severity::Error, "unreadable-item", &head, format!("item {} is not a CSL item: {e}", i + 1))
                        .with_help("each item needs an `id` and a `type`; names, dates and text fields as CSL-JSON defines them"),
                );
                continue;
            }
        };
        records.push(Record {
            key: item.id.clone(),
            item,
            head,
            place: key_value(text, &object, "publisher-place"),
            date: key_value(text, &object, "issued"),
            check_required: supported,
            bib: false,
            key_only: false,
        });
    }
    out.extend(check_records(&src, &records, today));
    super::sort_and_dedup(&mut out);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: Today = Today {
        year: 2026,
        month: 1,
        day: 1,
    };

    fn codes(ds: &[Diagnostic]) -> Vec<(&str, usize)> {
        ds.iter().map(|d| (d.code.as_str(), d.line)).collect()
    }

    /// Brackets and escaped quotes inside strings neither open nor close
    /// an element.
    #[test]
    fn array_elements_skip_what_strings_hold() {
        let text = r#"[{"title": "a } b [x \" ]"}, {"id": "2"}]"#;
        let spans: Vec<&str> = array_elements(text)
            .into_iter()
            .filter_map(|r| text.get(r))
            .collect();
        assert_eq!(spans, [r#"{"title": "a } b [x \" ]"}"#, r#"{"id": "2"}"#]);
    }

    #[test]
    fn bib_findings() {
        let bib = "@book{pollack2000,\n  author = {Pollack, Jonathan D.},\n  title = {Chinese Military Power},\n  location = {Baltimore, MA},\n  publisher = {Johns Hopkins University},\n  date = {2000},\n}\n\
                   @book{nopub,\n  title = {A Book},\n  date = {1999-02-31},\n}\n\
                   @book{pollack2000b,\n  author = {Pollack, Jonathan D.},\n  title = {Chinese Military Powr},\n  location = {Baltimore, MD},\n  publisher = {Johns Hopkins University},\n  date = {2000},\n}\n";
        let ds = check_bib(bib, TODAY).unwrap();
        assert_eq!(
            codes(&ds),
            [
                ("place-state-mismatch", 4),
                ("missing-field", 8),
                ("invalid-date", 10),
                ("near-duplicate", 12)
            ]
        );
        assert_eq!(ds[0].column, 26);
    }

    #[test]
    fn bib_duplicate_keys_and_entries() {
        let bib = "@book{a, title = {One}, publisher = {P}, date = {2000}}\n\
                   @book{a, title = {Two}, publisher = {P}, date = {2000}}\n\
                   @book{b, title = {One}, publisher = {P}, date = {2000}}\n";
        let ds = check_bib(bib, TODAY).unwrap();
        assert_eq!(codes(&ds), [("duplicate-key", 2), ("duplicate-entry", 3)]);
    }

    #[test]
    fn bib_persons_become_names_part_by_part() {
        let bib = "@book{a, author = {van Gennep, Arnold and King, Jr., Martin Luther and {World Bank}}, title = {T}}";
        let persons = biblatex::Bibliography::parse(bib)
            .ok()
            .and_then(|b| b.get("a").and_then(|e| e.author().ok()))
            .unwrap_or_default();
        let names: Vec<Name> = persons.iter().map(person_name).collect();
        let parts: Vec<_> = names
            .iter()
            .map(|n| (n.family(), n.given(), n.particle(), n.suffix()))
            .collect();
        assert_eq!(
            parts,
            [
                (Some("Gennep"), Some("Arnold"), Some("van"), None),
                (Some("King"), Some("Martin Luther"), None, Some("Jr.")),
                (None, None, None, None),
            ]
        );
        assert_eq!(names.get(2), Some(&Name::literal("World Bank")));
    }

    #[test]
    fn bad_bib_is_an_input_error() {
        assert!(check_bib("@book{a, title = {One}", TODAY).is_err());
    }

    #[test]
    fn csl_json_findings() {
        let json = r#"[
  {"id": "a", "type": "book", "title": "Rising China", "publisher": "APCSS",
   "publisher-place": "Hawaii, HA", "issued": {"date-parts": [[2005]]}},
  {"id": "b", "type": "article-journal", "title": "An Article",
   "issued": {"date-parts": [[2031, 2, 30]]}},
  {"id": "c", "type": "manuscript", "title": "Notes"},
  {"id": "d", "type": "map", "title": "A Map"}
]"#;
        let ds = check_csl_json(json, TODAY).unwrap();
        // An archived document needs its day; a type footcite does not
        // read (`map`) is not checked.
        assert_eq!(
            codes(&ds),
            [
                ("place-state-as-city", 3),
                ("place-unknown-code", 3),
                ("missing-field", 4),
                ("invalid-date", 5),
                ("missing-field", 6)
            ]
        );
        assert_eq!(ds[0].column, 24);
        assert!(check_csl_json("{}", TODAY).is_err());
        assert!(check_csl_json("[", TODAY).is_err());
    }

    #[test]
    fn written_dates() {
        assert_eq!(written_date("1986-02-31"), vec![DatePart::day(1986, 2, 31)]);
        assert_eq!(
            written_date("1997/1998"),
            vec![DatePart::year(1997), DatePart::year(1998)]
        );
        assert_eq!(written_date("1995-22"), vec![DatePart::year(1995)]);
        for range in ["1997--1998", "1997–1998"] {
            assert_eq!(
                written_date(range),
                vec![DatePart::year(1997), DatePart::year(1998)]
            );
        }
    }
}
