//! A paper in the mainland Chinese manner (`tests/data/mainland-paper.txt`,
//! invented, two pages of `pdftotext` text): notes labelled with circled
//! numbers that start again at ① on every page, and citations in the note
//! form of 《中国社会科学》 and most mainland journals — creators before a
//! colon, every title in 《》, publication facts after a comma with no
//! parentheses, `载` for a part of a book, `同上` and a short form.

mod common;

use common::{item, note_rows};
use serde_json::{json, Value};

const PAPER: &str = include_str!("data/mainland-paper.txt");

fn extract() -> Value {
    footcite::extract(PAPER).unwrap().to_json()
}

#[test]
fn circled_notes_are_numbered_through_the_paper_with_their_marks() {
    let ex = extract();
    let got = note_rows(&ex);
    assert_eq!(
        got,
        vec![
            json!([1, 1, 4, [["full", "wang2003guoji", "9"]]]),
            json!([2, 1, 4, [["full", "li2005lengzhan", "12-15"]]]),
            json!([3, 1, 4, [["full", "hengtingdun2002wenming", "45"]]]),
            json!([4, 1, 4, [["ibid", "hengtingdun2002wenming", "47"]]]),
            json!([5, 2, 11, [["full", "zhao2005zhonge", "3"]]]),
            json!([6, 2, 11, [["full", "chen2008shanghai", "101"]]]),
            json!([7, 2, 11, [["short", "wang2003guoji", "30"]]]),
        ]
    );
    // Page 2's ① is note 5: its mark is the ① after 演习。
    let marker = &ex["footnotes"][4]["marker"];
    let line = PAPER.lines().nth(10).unwrap();
    let column = marker["column"].as_u64().unwrap() as usize;
    assert_eq!(line.chars().nth(column - 1), Some('①'));
}

#[test]
fn mainland_note_forms_give_their_fields() {
    let ex = extract();
    let book = item(&ex, "wang2003guoji");
    assert_eq!(book["type"], "book");
    assert_eq!(book["title"], "国际战略与新军事变革");
    assert_eq!(book["publisher"], "清华大学出版社");
    assert_eq!(book["publisher-place"], "北京");
    assert_eq!(book["issued"]["date-parts"], json!([[2003]]));
    let article = item(&ex, "li2005lengzhan");
    assert_eq!(article["type"], "article-journal");
    assert_eq!(article["container-title"], "世界经济与政治");
    assert_eq!(article["issue"], "4");
    let translated = item(&ex, "hengtingdun2002wenming");
    assert_eq!(
        translated["author"],
        json!([{"family": "亨廷顿", "given": "塞缪尔"}])
    );
    assert_eq!(
        translated["translator"],
        json!([{"family": "周", "given": "琪"}])
    );
    assert_eq!(translated["publisher"], "新华出版社");
    let newspaper = item(&ex, "zhao2005zhonge");
    assert_eq!(newspaper["type"], "article-newspaper");
    assert_eq!(newspaper["container-title"], "人民日报");
    assert_eq!(newspaper["issued"]["date-parts"], json!([[2005, 8, 26]]));
    let chapter = item(&ex, "chen2008shanghai");
    assert_eq!(chapter["type"], "chapter");
    assert_eq!(chapter["container-title"], "欧亚安全研究");
    assert_eq!(chapter["editor"], json!([{"family": "刘", "given": "强"}]));
    assert_eq!(chapter["volume"], "2");
    assert_eq!(chapter["publisher-place"], "北京");
    assert_eq!(ex["items"].as_array().unwrap().len(), 5);
}

#[test]
fn the_check_finds_nothing_wrong() {
    let ex = footcite::extract(PAPER).unwrap();
    let found = footcite::check::check_extraction(&ex);
    let errors: Vec<_> = found
        .iter()
        .filter(|d| d.severity == footcite::diag::Severity::Error)
        .map(|d| d.code.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

/// The same manner typeset (`tests/docs/circled-notes.tex`, XeLaTeX with
/// xeCJK and Noto Serif CJK SC; `perpage` starts the notes again at ① on
/// each page): the font's ToUnicode maps its circled digits to the dingbats
/// `➀ ➁`, which are read as the same numbers.
#[test]
fn circled_notes_in_a_typeset_pdf() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/docs/circled-notes.pdf");
    let ex = footcite::input::load(
        std::path::Path::new(path),
        footcite::input::Options::default(),
    )
    .unwrap()
    .to_json();
    let rows: Vec<Value> = note_rows(&ex)
        .into_iter()
        .map(|r| json!([r[0], r[1], r[3]]))
        .collect();
    assert_eq!(
        rows,
        vec![
            json!([1, 1, [["full", "wang2003guoji", "9"]]]),
            json!([2, 1, [["full", "li2005lengzhan", "12-15"]]]),
            json!([3, 2, [["full", "zhao2005zhonge", "3"]]]),
            json!([4, 2, [["short", "wang2003guoji", "30"]]]),
        ]
    );
    let marked = ex["footnotes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["marker"].is_object());
    assert!(marked, "every note has its marker");
}
