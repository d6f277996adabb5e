//! Works in several volumes and classics as Chinese notes cite them
//! (`tests/data/chinese-volumes-paper.txt`, invented in the forms of
//! Taiwanese journals): the volume cited after the publication (`第 3 冊，
//! 頁 45`, a classic's fascicle `卷 23，頁 890`), a work that is one
//! volume (`上冊` before the publication), a dynasty before the compiler
//! (`〔清〕趙爾巽等撰`), and repeats that cite another volume.

mod common;

use common::{item, note_rows};
use footcite::check::{self, Today};
use footcite::export::to_latex;
use serde_json::{json, Value};

const PAPER: &str = include_str!("data/chinese-volumes-paper.txt");

#[test]
fn volumes_are_kept_with_the_pages_they_cite() {
    let parsed = footcite::extract(PAPER).unwrap();
    let ex = parsed.to_json();
    let rows: Vec<Value> = note_rows(&ex)
        .into_iter()
        .map(|row| row[3].clone())
        .collect();
    let want = json!([
        [["full", "zhang1998lengzhan", "45"]],
        [["full", "zhao1977qingshi", "890"]],
        [["ibid", "zhao1977qingshi", "5"]],
        [["full", "li1990sulian", "3"]],
        [["full", "wang2008hanshu", "1021-1023"]],
        [["short", "zhao1977qingshi", "12"]],
        [["short", "zhang1998lengzhan", "7"]]
    ]);
    assert_eq!(Value::Array(rows), want);
    // The volume goes with the pages into the `\footcite` postnote.
    let tex = to_latex(&parsed);
    for line in [
        r"\footcite[3:45]{zhang1998lengzhan}",
        r"\footcite[23:890]{zhao1977qingshi}",
        r"\footcite[24:5]{zhao1977qingshi}",
        r"\footcite[3]{li1990sulian}",
        r"\footcite[2:1021--1023]{wang2008hanshu}",
        r"\footcite[25:12]{zhao1977qingshi}",
        r"\footcite[4:7]{zhang1998lengzhan}",
    ] {
        assert!(tex.contains(line), "{line} not in\n{tex}");
    }
}

#[test]
fn works_their_compilers_and_volumes() {
    let ex = footcite::extract(PAPER).unwrap().to_json();
    let qing = item(&ex, "zhao1977qingshi");
    assert_eq!(qing["title"], "清史稿");
    assert_eq!(qing["author"], json!([{"family": "趙", "given": "爾巽"}]));
    assert_eq!(qing["publisher"], "中華書局");
    let han = item(&ex, "wang2008hanshu");
    assert_eq!(han["author"], json!([{"family": "王", "given": "先謙"}]));
    assert_eq!(han["title"], "漢書補注");
    // Only a volume named before the publication is the work's own.
    assert_eq!(item(&ex, "li1990sulian")["volume"], "上冊");
    assert!(item(&ex, "zhang1998lengzhan").get("volume").is_none());
    assert_eq!(
        item(&ex, "zhang1998lengzhan")["editor"],
        json!([{"family": "張", "given": "三"}])
    );
}

#[test]
fn the_report_finds_nothing_wrong() {
    let parsed = footcite::extract(PAPER).unwrap();
    let today = Today {
        year: 2026,
        month: 1,
        day: 1,
    };
    let report = check::report_at(&parsed, "chinese-volumes-paper.txt", today);
    assert!(report.contains("0 errors, 0 warnings"), "{report}");
}
