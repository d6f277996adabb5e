//! Round trip with no hand-written expectations: real bibliographic data
//! (tests/roundtrip/corpus, from public .bib files) is rendered as the notes
//! of a paper by real citation processors (citeproc-js with CSL's Chicago
//! and GB/T 7714 note styles) and by a renderer of the Taiwanese note forms
//! (tests/roundtrip/render.js). footcite reads the paper back, and every
//! field that a note prints must come back, and every later citation must
//! resolve to its work.
//!
//! A field counts when the rendered note shows it (its folded text is in
//! the note); it agrees when footcite's record holds the same folded text.
//! The per-type table is printed (`cargo test --test roundtrip -- --nocapture`)
//! and each disagreement is written to target/roundtrip/RENDERER.txt.

mod common;

use common::require;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::process::Command;

use footcite::model::{Item, Name};

const CSL_DIR: &str = "/usr/share/citation-style-language";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Lowercase letters, digits and ideographs: what survives a style's case,
/// quotes, dashes and punctuation.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A paper in the layout footcite reads: body text with the note markers,
/// a rule of spaces, the notes (wrapped, continuation lines indented), a
/// running head and the page number.
fn paper(notes: &[Value]) -> String {
    let mut out = String::from("Round Trip\n\n");
    for (page, chunk) in notes.chunks(6).enumerate() {
        let mut body = String::from("正文");
        for note in chunk {
            let _ = write!(body, "句子。{}", note["number"]);
        }
        let _ = write!(out, "{body}\n\n{}\n", " ".repeat(49));
        for note in chunk {
            let text = format!("{} {}", note["number"], note["text"].as_str().unwrap_or(""));
            for (i, line) in wrap(&text, 96).iter().enumerate() {
                let indent = if i == 0 { "" } else { "  " };
                let _ = writeln!(out, "{indent}{line} ");
            }
        }
        let _ = write!(out, "\nRound Trip Review Vol. 1 (2026)\n\n{}\n\n", page + 1);
    }
    out
}

/// Break at spaces (or anywhere between ideographs) before `width` chars.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let mut word = word.to_string();
        loop {
            let len = line.chars().count() + word.chars().count() + 1;
            if len <= width || line.is_empty() && word.chars().count() <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            // An ideographic run too long for the line is cut inside.
            let room = width.saturating_sub(line.chars().count() + 1);
            let cjk = word.chars().take(room).any(|c| c as u32 >= 0x2e80);
            if cjk && room > 8 {
                let head: String = word.chars().take(room).collect();
                let tail: String = word.chars().skip(room).collect();
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&head);
                lines.push(std::mem::take(&mut line));
                word = tail;
                continue;
            }
            if line.is_empty() {
                line = word;
                break;
            }
            lines.push(std::mem::take(&mut line));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A name as compared: particle and family name, or the whole name when
/// the data has no given name (pandoc keeps `常森` whole, footcite splits
/// it into family and given).
fn names_of(value: &Value) -> Vec<(String, bool)> {
    value
        .as_array()
        .map(|list| {
            list.iter()
                .map(|n| {
                    let part = |k: &str| n[k].as_str().unwrap_or("").to_string();
                    if n["literal"].is_string() {
                        (part("literal"), true)
                    } else {
                        let particle = format!(
                            "{} {}",
                            part("dropping-particle"),
                            part("non-dropping-particle")
                        );
                        let family = format!("{} {}", particle.trim(), part("family"));
                        (family.trim().to_string(), !n["given"].is_string())
                    }
                })
                .collect()
        })
        .unwrap_or_default()
}

fn got_name(n: &Name, whole: bool) -> String {
    let family = n.family().or(n.literal_text()).unwrap_or("");
    let family = match n.particle() {
        Some(p) => format!("{p} {family}"),
        None => family.to_string(),
    };
    match (n.given(), whole) {
        (Some(given), true) => format!("{family}{given}"),
        _ => family,
    }
}

/// Do the names agree? A name kept whole in the data may be written given
/// name first (`哈里森·沃尔德伦`) and split family first by footcite.
fn same_name(want: &str, got: &Name) -> bool {
    let family = got.family().or(got.literal_text()).unwrap_or("");
    let given = got.given().unwrap_or("");
    let particle = got.particle().unwrap_or("");
    [
        format!("{particle}{family}{given}"),
        format!("{given}{family}"),
        format!("{particle}{family}"),
    ]
    .iter()
    .any(|g| fold(g) == fold(want))
}

/// The fields a note can print, as (name, expected, got).
fn fields(want: &Value, got: &Item) -> Vec<(&'static str, String, String)> {
    let s = |k: &str| want[k].as_str().map(str::to_string).unwrap_or_default();
    let n = |k: &str| {
        want[k]
            .as_str()
            .or(want[k].as_i64().map(|_| ""))
            .map(|_| match &want[k] {
                Value::Number(v) => v.to_string(),
                v => v.as_str().unwrap_or("").to_string(),
            })
            .unwrap_or_default()
    };
    let o = |v: &Option<Box<str>>| v.as_deref().unwrap_or_default().to_string();
    let year = want["issued"]["date-parts"][0][0]
        .as_i64()
        .map(|y| y.to_string())
        .unwrap_or_default();
    let mut out = vec![
        ("title", s("title"), o(&got.title)),
        (
            "container-title",
            s("container-title"),
            o(&got.container_title),
        ),
        ("volume", n("volume"), o(&got.volume)),
        ("issue", n("issue"), o(&got.issue)),
        ("publisher", s("publisher"), o(&got.publisher)),
        (
            "publisher-place",
            s("publisher-place"),
            o(&got.publisher_place),
        ),
        (
            "issued",
            year,
            got.issued
                .as_ref()
                .map(|d| d.year().to_string())
                .unwrap_or_default(),
        ),
        ("URL", s("URL"), o(&got.url)),
    ];
    for (role, mine) in [
        ("author", &got.author),
        ("editor", &got.editor),
        ("translator", &got.extra().translator),
    ] {
        let theirs = names_of(&want[role]);
        if !theirs.is_empty() {
            let wants: Vec<String> = theirs.iter().map(|(n, _)| n.clone()).collect();
            let gots: Vec<String> = mine
                .iter()
                .zip(theirs.iter().map(Some).chain(std::iter::repeat(None)))
                .map(|(n, want)| match want {
                    Some((w, _)) if same_name(w, n) => w.clone(),
                    Some((_, whole)) => got_name(n, *whole),
                    None => got_name(n, false),
                })
                .collect();
            out.push((role, wants.join("; "), gots.join("; ")));
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    printed: usize,
    agreed: usize,
    cites: usize,
    resolved: usize,
    typed: usize,
    firsts: usize,
}

struct Outcome {
    by_type: BTreeMap<String, Tally>,
    by_field: BTreeMap<&'static str, Tally>,
    notes_rendered: usize,
    notes_found: usize,
}

impl Outcome {
    fn total(&self) -> Tally {
        let mut t = Tally::default();
        for v in self.by_type.values() {
            t.printed += v.printed;
            t.agreed += v.agreed;
            t.cites += v.cites;
            t.resolved += v.resolved;
            t.typed += v.typed;
            t.firsts += v.firsts;
        }
        t
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        100.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// The notes citeproc-js (or render.js's own renderers) make of a corpus.
/// Rendering takes seconds per corpus and cargo-mutants runs this suite
/// once per mutant, so each rendering is kept in cargo's scratch directory
/// under a hash of everything it is made from: the corpus, render.js, the
/// style and locales, and citeproc's version. `FOOTCITE_RENDER_AFRESH=1`
/// renders anew.
fn render(corpus_path: &Path, renderer: &str) -> Vec<u8> {
    let mut hasher = std::hash::DefaultHasher::new();
    renderer.hash(&mut hasher);
    for input in [
        corpus_path.to_path_buf(),
        root().join("tests/roundtrip/render.js"),
        root().join("tests/citeproc/node_modules/citeproc/package.json"),
        Path::new(CSL_DIR).join(format!("styles/{renderer}.csl")),
        Path::new(CSL_DIR).join("locales/locales-en-US.xml"),
        Path::new(CSL_DIR).join("locales/locales-zh-CN.xml"),
    ] {
        std::fs::read(&input).ok().hash(&mut hasher);
    }
    let cache = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("roundtrip-renderings")
        .join(format!("{:016x}.json", hasher.finish()));
    if std::env::var_os("FOOTCITE_RENDER_AFRESH").is_none() {
        if let Ok(kept) = std::fs::read(&cache) {
            return kept;
        }
    }
    let out = Command::new("node")
        .arg(root().join("tests/roundtrip/render.js"))
        .arg(corpus_path)
        .arg(renderer)
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "render.js {renderer}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A rendering that cannot be kept is made again next time.
    if let Some(dir) = cache.parent() {
        let _ = std::fs::create_dir_all(dir);
        let partial = cache.with_extension("partial");
        if std::fs::write(&partial, &out.stdout).is_ok() {
            let _ = std::fs::rename(&partial, &cache);
        }
    }
    out.stdout
}

fn round_trip(corpus: &str, renderer: &str) -> Outcome {
    let corpus_path = root().join("tests/roundtrip/corpus").join(corpus);
    let rendered: Value = serde_json::from_slice(&render(&corpus_path, renderer)).unwrap();
    let items: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&corpus_path).unwrap()).unwrap();
    let items: HashMap<&str, &Value> = items
        .iter()
        .map(|it| (it["id"].as_str().unwrap_or(""), it))
        .collect();
    let notes = rendered["notes"].as_array().unwrap();
    let text = paper(notes);
    let ex = footcite::extract(&text).unwrap();
    let found: HashMap<u32, &footcite::extract::NoteRecord> =
        ex.notes.iter().map(|n| (n.number, n)).collect();

    let mut outcome = Outcome {
        by_type: BTreeMap::new(),
        by_field: BTreeMap::new(),
        notes_rendered: notes.len(),
        notes_found: ex.notes.len(),
    };
    let mut log = String::new();
    let mut work_of: HashMap<String, Option<usize>> = HashMap::new();
    for note in notes {
        let number = note["number"].as_u64().unwrap_or(0) as u32;
        let note_text = note["text"].as_str().unwrap_or("");
        let cite = &note["cites"][0];
        let id = cite["id"].as_str().unwrap_or("");
        let Some(want) = items.get(id) else { continue };
        let kind = want["type"].as_str().unwrap_or("").to_string();
        let tally = outcome.by_type.entry(kind.clone()).or_default();
        let got = found.get(&number).and_then(|n| n.citations.first());
        let position = cite["position"].as_str().unwrap_or("");
        let mut problems = Vec::new();
        // The locator: every citation prints it.
        let locator = cite["locator"].as_str().unwrap_or("");
        let got_locator = got
            .and_then(|c| c.locator())
            .map(|l| l.value.clone())
            .unwrap_or_default();
        let mut all_fields = vec![("locator", locator.to_string(), got_locator)];
        if position == "first" {
            tally.firsts += 1;
            let item = got.and_then(|c| match &c.raw.parsed {
                Some(footcite::cite::Parsed::Full(item)) => Some(item.as_ref().clone()),
                _ => None,
            });
            work_of.insert(id.to_string(), got.and_then(|c| c.work));
            match item {
                Some(item) => {
                    if item.item_type.csl_name() == kind {
                        tally.typed += 1;
                    } else {
                        problems.push(format!(
                            "type: want {kind}, got {}",
                            item.item_type.csl_name()
                        ));
                    }
                    all_fields.extend(fields(want, &item));
                }
                None => {
                    problems.push("not read as a full citation".to_string());
                    all_fields.extend(fields(want, &Item::new(footcite::model::ItemType::Book)));
                }
            }
        } else {
            tally.cites += 1;
            let want_work = work_of.get(id).copied().flatten();
            if want_work.is_some() && got.and_then(|c| c.work) == want_work {
                tally.resolved += 1;
            } else {
                problems.push(format!(
                    "{position} citation resolved to {:?}, want {want_work:?}",
                    got.and_then(|c| c.work)
                ));
            }
        }
        let shown = fold(note_text);
        for (field, want_value, got_value) in all_fields {
            let parts: Vec<&str> = want_value.split("; ").collect();
            let printed = !want_value.is_empty()
                && parts
                    .iter()
                    .all(|p| !fold(p).is_empty() && shown.contains(&fold(p)));
            if !printed {
                continue;
            }
            let agreed = fold(&want_value) == fold(&got_value);
            tally.printed += 1;
            let f = outcome.by_field.entry(field).or_default();
            f.printed += 1;
            if agreed {
                tally.agreed += 1;
                f.agreed += 1;
            } else {
                problems.push(format!("{field}: want {want_value:?}, got {got_value:?}"));
            }
        }
        if !problems.is_empty() {
            let _ = writeln!(log, "note {number} ({kind}, {position}): {note_text}");
            for p in problems {
                let _ = writeln!(log, "    {p}");
            }
        }
    }
    let dir = root().join("target/roundtrip");
    let _ = std::fs::create_dir_all(&dir);
    let name = log_name(corpus, renderer);
    let _ = std::fs::write(dir.join(format!("{name}.txt")), log);
    let _ = std::fs::write(dir.join(format!("{name}.paper.txt")), text);
    outcome
}

/// The files of one run: `RENDERER` for the main English and Chinese
/// corpora, `CORPUS-RENDERER` for the held-out one.
fn log_name(corpus: &str, renderer: &str) -> String {
    match corpus {
        "english.json" | "chinese.json" => renderer.to_string(),
        other => format!("{}-{renderer}", other.trim_end_matches(".json")),
    }
}

fn report(renderer: &str, o: &Outcome) -> String {
    let mut s = format!(
        "{renderer}: {} notes rendered, {} found\n| type | first citations | fields printed | agreed | type right | later citations resolved |\n|---|---:|---:|---:|---:|---:|\n",
        o.notes_rendered, o.notes_found
    );
    let mut row = |name: &str, t: &Tally| {
        let _ = writeln!(
            s,
            "| {name} | {} | {} | {:.1} % | {:.1} % | {}/{} |",
            t.firsts,
            t.printed,
            pct(t.agreed, t.printed),
            pct(t.typed, t.firsts),
            t.resolved,
            t.cites
        );
    };
    for (kind, t) in &o.by_type {
        row(kind, t);
    }
    row("**all**", &o.total());
    s.push_str("fields: ");
    for (field, t) in &o.by_field {
        let _ = write!(
            s,
            "{field} {:.1} % of {}; ",
            pct(t.agreed, t.printed),
            t.printed
        );
    }
    s.push('\n');
    s
}

fn have_tools() -> bool {
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    require(
        "node with tests/citeproc/node_modules/citeproc, Debian's CSL styles and locales",
        node && root().join("tests/citeproc/node_modules/citeproc").is_dir()
            && Path::new(CSL_DIR)
                .join("styles/chicago-fullnote-bibliography.csl")
                .is_file()
            && Path::new(CSL_DIR)
                .join("locales/locales-zh-CN.xml")
                .is_file(),
    )
}

/// Field agreement and resolution must stay at or above what was measured
/// (README, "Round trip"); raise the floors as the grammar grows.
fn check(corpus: &str, renderer: &str, min_fields: f64, min_resolved: f64) {
    if !have_tools() {
        return;
    }
    let o = round_trip(corpus, renderer);
    let renderer = log_name(corpus, renderer);
    let table = report(&renderer, &o);
    println!("{table}");
    let t = o.total();
    assert!(
        o.notes_found == o.notes_rendered,
        "{table}\nfound {} of {} notes (see target/roundtrip/{renderer}.paper.txt)",
        o.notes_found,
        o.notes_rendered
    );
    assert!(
        pct(t.agreed, t.printed) >= min_fields,
        "{table}\nfield agreement below {min_fields} % (see target/roundtrip/{renderer}.txt)"
    );
    assert!(
        pct(t.resolved, t.cites) >= min_resolved,
        "{table}\nresolution below {min_resolved} % (see target/roundtrip/{renderer}.txt)"
    );
}

#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn chicago_full_notes_round_trip() {
    check("english.json", "chicago-fullnote-bibliography", 98.0, 95.0);
}

#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn chicago_full_notes_with_ibid_round_trip() {
    check(
        "english.json",
        "chicago-fullnote-bibliography-with-ibid",
        98.0,
        95.0,
    );
}

#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn taiwanese_notes_round_trip() {
    check("chinese.json", "taiwan", 98.0, 94.0);
}

#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn gb_t_7714_notes_round_trip() {
    check(
        "chinese.json",
        "china-national-standard-gb-t-7714-2015-note",
        98.0,
        99.0,
    );
}

#[test]
fn wrapping_keeps_every_character_and_respects_the_width() {
    let text = "1 Jane Roe, “A Title,” Journal 4 (1990): 3. 中文中文中文中文中文中文中文中文中文中文中文中文";
    let lines = wrap(text, 20);
    assert!(lines.iter().all(|l| l.chars().count() <= 20), "{lines:?}");
    assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
}

/// MHRA notes (the Modern Humanities Research Association's style, common
/// in British humanities): `Journal, 691.13 (2006), 3027–36 (p. 3)
/// <URL> [accessed …]`, the volume after the publication (`…, 1968), v,
/// 1–163`). First measured untouched at 73.4 % of fields; 93.5 % after
/// the rules it showed were missing.
#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn mhra_notes_round_trip() {
    check(
        "english.json",
        "modern-humanities-research-association",
        93.0,
        85.0,
    );
}

/// New Hart's Rules (the Oxford style guide's notes): `(Durham; London,
/// 2001)`, a town with its state `(Amherst, Mass., 1999)`. First measured
/// at 82.1 % (after the Oxford rules read from oxnotes-doc, before any
/// rule grown on this rendering); 93.6 % after.
#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn new_harts_rules_notes_round_trip() {
    check(
        "english.json",
        "new-harts-rules-the-oxford-style-guide",
        93.0,
        85.0,
    );
}

/// Chicago's 16th edition (the style's previous notes), never read while
/// the grammar grew: 97.8 % of fields when first measured.
#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn chicago_16th_edition_notes_round_trip() {
    check(
        "english.json",
        "chicago-fullnote-bibliography-16th-edition",
        97.5,
        95.0,
    );
}

/// Data from other files (`heldout.json`, tests/roundtrip/README.md):
/// 93.3 % of fields when first measured, 95.6 % after the rules its misses
/// showed (so it is held out no more), 96.3 % after those of the third set.
#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn held_out_chicago_notes_round_trip() {
    check("heldout.json", "chicago-fullnote-bibliography", 96.0, 90.0);
}

/// A second set of data (`heldout2.json`) whose misses have not been
/// read: 96.2 % when first measured, 96.8 % after the rules read from the
/// first held-out set.
#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn second_held_out_chicago_notes_round_trip() {
    check("heldout2.json", "chicago-fullnote-bibliography", 96.5, 95.0);
}

/// A third set of data (`heldout3.json`, English humanities-style data from
/// still other files): 95.6 % of fields when first measured, 96.5 % after
/// the rules its misses showed (so it is held out no more).
#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn third_held_out_chicago_notes_round_trip() {
    check("heldout3.json", "chicago-fullnote-bibliography", 96.0, 94.0);
}

/// A fourth set of data (`heldout4.json`), built after the rules read
/// from the third: 94.9 % of fields when first measured, 96.2 % after
/// rules read from its misses.
#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn fourth_held_out_chicago_notes_round_trip() {
    check("heldout4.json", "chicago-fullnote-bibliography", 96.0, 93.0);
}

/// A fifth set of data (`heldout5.json`: archaeology, IEEE, chemistry,
/// German studies, zoology, law, typography), built after the rules read
/// from the fourth: 95.3 % of fields when first measured, 96.8 % after the
/// rules its misses showed (so it is held out no more).
#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn fifth_held_out_chicago_notes_round_trip() {
    check("heldout5.json", "chicago-fullnote-bibliography", 96.5, 90.0);
}

/// Chinese data from files other than the GB/T 7714 examples
/// (`heldout-zh.json`), in the Taiwanese note form: 92.1 % of fields when
/// first measured, 92.7 % after the rules its misses showed.
#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn held_out_chinese_taiwanese_notes_round_trip() {
    check("heldout-zh.json", "taiwan", 92.5, 90.0);
}

/// The same Chinese data in GB/T 7714's note form: 88.4 % when first
/// measured, 98.4 % after.
#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn held_out_chinese_gb_t_7714_notes_round_trip() {
    check(
        "heldout-zh.json",
        "china-national-standard-gb-t-7714-2015-note",
        98.0,
        99.0,
    );
}

/// A sixth set of data (`heldout6.json`: small example files no corpus
/// had used, quantum chemistry, more of Beebe's bibliographies), built
/// after the rules read from the fifth: 96.6 % of fields when first
/// measured. Its misses were read at stop 21 (98.8 % after the rules taken
/// from them); `heldout7.json` is now the set nobody has read.
#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn sixth_held_out_chicago_notes_round_trip() {
    check("heldout6.json", "chicago-fullnote-bibliography", 98.5, 95.0);
}

/// A seventh set (`heldout7.json`: Zotero users' exports kept as Better
/// BibTeX's test fixtures, typst's biblatex fixtures, rticles' journal
/// templates, more TeX Live files), built after the rules read from the
/// sixth and measured once before anyone read its misses: 95.8 % of
/// fields, 209 of 214 later citations resolved. Its misses were then read
/// (97.0 % after the rules taken from them).
#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn seventh_held_out_chicago_notes_round_trip() {
    check("heldout7.json", "chicago-fullnote-bibliography", 96.5, 96.0);
}

/// An eighth set (`heldout8.json`: the cross-cultural and language
/// databases of D-PLACE and CLDF, the Open Logic Project, R packages'
/// vignettes, JabRef's Citavi test libraries, more Zotero exports), built
/// after the rules read from the seventh and measured once before anyone
/// read its misses: 95.8 % of fields, 234 of 249 later citations
/// resolved. Its misses are not to be read.
#[test]
#[ignore = "needs citeproc-js: `cargo test -- --include-ignored` runs it (.ci/run installs citeproc-js)"]
fn eighth_held_out_chicago_notes_round_trip() {
    check("heldout8.json", "chicago-fullnote-bibliography", 95.5, 93.0);
}
