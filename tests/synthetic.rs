//! A second paper in the same layout and conventions, written for the tests
//! (`tests/data/synthetic-paper.txt`): forms the reference paper lacks —
//! a note continued across a page break, a running header with volume and
//! bimonthly issue, `see also` after a citation, `eds.`, theses, web pages,
//! `同註`, `前引書`, `收錄於`, surname short forms.

use serde_json::{json, Value};

fn extract() -> Value {
    let text = include_str!("data/synthetic-paper.txt");
    footcite::extract(text).unwrap().to_json()
}

#[test]
fn notes_citations_and_markers() {
    let ex = extract();
    let got: Vec<Value> = ex["footnotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let cites: Vec<Value> = f["citations"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| json!([c["kind"], c["item"], c["locator"]]))
                .collect();
            json!([
                f["number"],
                f["line"],
                f["end_line"],
                f["page"],
                f["marker"]["line"],
                f["marker"]["column"],
                cites
            ])
        })
        .collect();
    let want = json!([
        [
            1,
            21,
            22,
            7,
            15,
            20,
            [["full", "shambaugh1997china", "3-5"]]
        ],
        [2, 23, 24, 7, 17, 17, [["full", "us1995china", "12"]]],
        [3, 25, 26, 7, 19, 3, [["full", "lin2005meizhong", "1-30"]]],
        [4, 27, 27, 7, 19, 15, [["ibid", "lin2005meizhong", "7"]]],
        [
            5,
            39,
            41,
            8,
            33,
            8,
            [
                ["full", "christensen2001posing", "5-40"],
                ["full", "swaine2000interpreting", "45"]
            ]
        ],
        [6, 42, 42, 8, 33, 23, [["full", "liangan2005lianghui", "2"]]],
        [7, 43, 43, 8, 35, 10, [["short", "lin2005meizhong", "12"]]],
        [
            8,
            44,
            45,
            8,
            35,
            18,
            [
                ["full", "wu1997kangheng", "15-20"],
                ["short", "shambaugh1997china", "9"]
            ]
        ],
        [9, 46, 49, 8, 37, 9, [["full", "doe1992soviet", "45"]]],
        [10, 50, 50, 9, 47, 8, [["short", "wu1997kangheng", "22"]]],
        [
            11,
            51,
            53,
            9,
            47,
            22,
            [
                ["full", "chen2003meizhong", "20"],
                ["full", "nato2005enlargement", null]
            ]
        ],
    ]);
    assert_eq!(Value::from(got), want);
    assert_eq!(ex["diagnostics"], json!([]));
}

fn item<'a>(ex: &'a Value, id: &str) -> &'a Value {
    ex["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap()
}

#[test]
fn works_have_their_fields() {
    let ex = extract();
    assert_eq!(ex["items"].as_array().unwrap().len(), 10);
    let shambaugh = item(&ex, "shambaugh1997china");
    assert_eq!(shambaugh["type"], "book");
    assert_eq!(
        shambaugh["editor"],
        json!([{"family": "Shambaugh", "given": "David"}])
    );
    assert!(shambaugh.get("author").is_none());
    let lin = item(&ex, "lin2005meizhong");
    assert_eq!(lin["container-title"], "問題與研究");
    assert_eq!((&lin["volume"], &lin["issue"]), (&json!("44"), &json!("3")));
    assert_eq!(lin["issued"], json!({"date-parts": [[2005, 5], [2005, 6]]}));
    let christensen = item(&ex, "christensen2001posing");
    assert_eq!(christensen["container-title"], "International Security");
    assert_eq!(
        christensen["issued"],
        json!({"date-parts": [[2001]], "season": 1})
    );
    let paper = item(&ex, "liangan2005lianghui");
    assert_eq!(paper["type"], "article-newspaper");
    assert_eq!(paper["publisher-place"], "台北");
    let thesis = item(&ex, "doe1992soviet");
    assert_eq!(
        (&thesis["type"], &thesis["genre"]),
        (&json!("thesis"), &json!("Ph.D. dissertation"))
    );
    let chapter = item(&ex, "chen2003meizhong");
    assert_eq!(
        chapter["editor"],
        json!([{"family": "林", "given": "碧炤"}])
    );
    let web = item(&ex, "nato2005enlargement");
    assert_eq!(web["type"], "webpage");
    assert_eq!(web["URL"], "http://www.nato.int/issues/enlargement.htm");
    assert_eq!(web["accessed"], json!({"date-parts": [[2006, 6, 1]]}));
}

#[test]
fn the_document_item_reads_volume_and_bimonthly_issue() {
    let ex = extract();
    let doc = &ex["document"];
    assert_eq!(doc["title"], "兩岸關係與美中戰略互動");
    assert_eq!(doc["author"], json!([{"family": "王", "given": "大明"}]));
    assert_eq!((&doc["volume"], &doc["issue"]), (&json!("45"), &json!("3")));
    assert_eq!(doc["issued"], json!({"date-parts": [[2006, 5], [2006, 6]]}));
    assert_eq!(doc["page"], "6-9");
}
