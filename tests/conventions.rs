//! A third paper in the same layout (`tests/data/conventions-paper.txt`,
//! two pages), written for the tests from citation forms the reference paper
//! does not use: US dates in periodicals, month ranges with a slash,
//! conference papers in English and Chinese, co-publishers, Chicago short
//! forms with bare pages, `; and X`, a translated Chinese book, an untitled
//! Chinese newspaper report in a note that starts with `人`, a Chinese
//! thesis, a bimonthly Chinese issue, `見` and `前揭文`. The whole pipeline
//! runs on it: layout, grammars, works, exports and checks.

mod common;

use common::{item, note_rows};
use footcite::check::{self, InputKind, Today};
use serde_json::{json, Value};

const PAPER: &str = include_str!("data/conventions-paper.txt");

fn extract() -> Value {
    footcite::extract(PAPER).unwrap().to_json()
}

#[test]
fn every_note_is_found_with_its_citations() {
    let ex = extract();
    let got = note_rows(&ex);
    let want = json!([
        [1, 1, 3, [["full", "huntington1996clash", "45-48"]]],
        [2, 1, 3, [["full", "russia2001china", "A8"]]],
        [3, 1, 3, [["full", "christensen1996chinese", "37-52"]]],
        [4, 1, 3, [["full", "allen2001pla", null]]],
        [5, 1, 3, [["full", "lo2008axis", "30"]]],
        [6, 1, 3, [["short", "lo2008axis", "31"]]],
        [7, 1, 3, [["full", "kuchins2007russia", "321-27"]]],
        [
            8,
            1,
            3,
            [
                ["short", "kuchins2007russia", "325"],
                ["short", "lo2008axis", "40"]
            ]
        ],
        [9, 2, 13, [["full", "hengting1998wenming", "12"]]],
        // `10 人民日報…` starts note 10: it is the note due.
        [10, 2, 13, [["full", "renmin2001", "1"]]],
        [11, 2, 13, [["full", "wang2002eluo", "30"]]],
        [12, 2, 13, [["full", "cai2005ezhong", "5"]]],
        [13, 2, 13, [["full", "zhang2005zhonggong", "1-20"]]],
        [14, 2, 13, [["short", "wang2002eluo", "31"]]],
        [15, 2, 13, [["ibid", "wang2002eluo", "32"]]]
    ]);
    assert_eq!(Value::Array(got), want);
}

#[test]
fn works_have_the_types_and_fields_of_their_conventions() {
    let ex = extract();
    let times = item(&ex, "russia2001china");
    assert_eq!(times["type"], "article-newspaper");
    assert_eq!(times["container-title"], "The New York Times");
    assert_eq!(times["issued"], json!({"date-parts": [[2001, 3, 3]]}));

    let bimonthly = item(&ex, "christensen1996chinese");
    assert_eq!(
        bimonthly["issued"],
        json!({"date-parts": [[1996, 9], [1996, 10]]})
    );

    let paper = item(&ex, "allen2001pla");
    assert_eq!(paper["type"], "paper-conference");
    assert_eq!(paper["event-title"], "Conference on the PLA");
    assert_eq!(paper["event-place"], "Washington, D.C.");

    let co = item(&ex, "lo2008axis");
    assert_eq!(co["publisher-place"], "Washington, DC; London");
    assert_eq!(
        co["publisher"],
        "Brookings Institution Press; Chatham House"
    );

    let translated = item(&ex, "hengting1998wenming");
    assert_eq!(translated["author"], json!([{"literal": "亨廷頓"}]));
    assert_eq!(
        translated["translator"],
        json!([{"family": "周", "given": "琪"}])
    );
    assert_eq!(translated["title"], "文明的衝突與世界秩序的重建");

    let report = item(&ex, "renmin2001");
    assert_eq!(report["type"], "article-newspaper");
    assert_eq!(report["container-title"], "人民日報");
    assert!(report.get("title").is_none());

    let thesis = item(&ex, "wang2002eluo");
    assert_eq!(thesis["type"], "thesis");
    assert_eq!(thesis["genre"], "碩士論文");
    assert_eq!(thesis["publisher"], "國立政治大學俄羅斯研究所");

    let chinese_paper = item(&ex, "cai2005ezhong");
    assert_eq!(chinese_paper["type"], "paper-conference");
    assert_eq!(chinese_paper["event-title"], "第三屆國際關係研討會");
    assert_eq!(chinese_paper["event-place"], "臺北");

    let issue = item(&ex, "zhang2005zhonggong");
    assert_eq!(issue["volume"], "44");
    assert_eq!(issue["issue"], "3");
    assert_eq!(
        issue["issued"],
        json!({"date-parts": [[2005, 5], [2005, 6]]})
    );
}

#[test]
fn the_exports_carry_the_new_types() {
    let ex = footcite::extract(PAPER).unwrap();
    let bib = footcite::export::to_biblatex(&ex.works, footcite::export::Dialect::Biblatex);
    assert!(bib.contains("@unpublished{allen2001pla,"), "{bib}");
    assert!(
        bib.contains("eventtitle = {Conference on the PLA}"),
        "{bib}"
    );
    assert!(
        bib.contains("location = {Washington, DC and London}"),
        "{bib}"
    );
    assert!(bib.contains("@thesis{wang2002eluo,"), "{bib}");
    let csl: Value = serde_json::from_str(&footcite::export::to_csl_json(&ex.works)).unwrap();
    assert_eq!(csl.as_array().map(Vec::len), Some(11));
}

#[test]
fn the_report_finds_nothing_wrong() {
    let today = Today {
        year: 2026,
        month: 1,
        day: 1,
    };
    let checked = check::check_text(InputKind::Paper, PAPER, today).unwrap();
    let codes: Vec<&str> = checked
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert!(codes.is_empty(), "{codes:?}");
}

/// `(hereafter cited as Mass. Records)` names the short title later notes
/// use: it is kept (CSL `title-short`, biblatex `shorttitle`) and a short
/// form that uses it resolves to the work, with no other work between.
#[test]
fn a_hereafter_short_title_is_kept_and_resolves() {
    let paper = "Notes\n\n\
        1. Nathaniel B. Shurtleff, ed., Records of the Governor and Company of the Massachusetts Bay in New England (1628–86), 5 vols. (Boston, 1853–54), 1:126 (hereafter cited as Mass. Records).\n\
        2. Jane Roe, A Book of Things (New York: Norton, 1990), 5.\n\
        3. Mass. Records, 2:200.\n";
    let ex = footcite::extract(paper).unwrap();
    let json = ex.to_json();
    let first = json["footnotes"][0]["citations"][0]["item"].clone();
    assert_eq!(json["footnotes"][2]["citations"][0]["kind"], "short");
    assert_eq!(json["footnotes"][2]["citations"][0]["item"], first);
    // The volume of `2:200` is not kept in a short form's locator (as in
    // the hand-checked truths of real documents).
    assert_eq!(json["footnotes"][2]["citations"][0]["locator"], "200");
    let csl = footcite::export::to_csl_json(&ex.works);
    assert!(csl.contains("\"title-short\": \"Mass. Records\""), "{csl}");
    let bib = footcite::export::to_biblatex(&ex.works, footcite::export::Dialect::Biblatex);
    assert!(bib.contains("shorttitle = {Mass. Records}"), "{bib}");
}

/// The forms SBL-style notes use beyond Chicago's, each read as a general
/// rule: a list of page ranges after a journal's date, `24.2` as volume and
/// issue before a date, a series by its abbreviation and number, a paper
/// in a book named without `in`, a reprint's original publisher, and an
/// e-book cited by its chapter.
#[test]
fn sbl_forms_are_read() {
    let paper = "Notes\n\n\
        1. Hans Wildberger, “Das Abbild Gottes,” TZ 21 (1965): 245–59, 481–501.\n\
        2. Anthony J. Saldarini, “Babatha’s Story,” BAR 24.2 (1998): 23–33.\n\
        3. Joachim Jeremias, The Prayers of Jesus, SBT 2/6 (Naperville, IL: Allenson, 1967), 123–27.\n\
        4. James L. Crenshaw, “Theodicy in the Book of the Twelve,” Society of Biblical Literature 2001 Seminar Papers, SBLSP 40 (Atlanta: Society of Biblical Literature, 2001), 1–18.\n\
        5. John Van Seters, In Search of History (New Haven: Yale University Press, 1983; repr., Winona Lake, IN: Eisenbrauns, 1997), 35.\n\
        6. Jacob L. Wright, David, King of Israel, and Caleb in Biblical Memory (Cambridge: Cambridge University Press, 2014), Kindle edition, ch. 1.3, “Introducing David.”\n\
        7. Joseph Blenkinsopp, A History of Prophecy in Israel, rev. and enl. ed. (Louisville: Westminster John Knox, 1996), 81.\n\
        8. Wright, David, King of Israel, ch. 5, “Evidence from Qumran.”\n";
    let json = footcite::extract(paper).unwrap().to_json();
    let cite = |n: usize| json["footnotes"][n]["citations"][0].clone();
    let work = |n: usize| item(&json, cite(n)["item"].as_str().unwrap_or("")).clone();
    assert_eq!(cite(0)["locator"], "245-59, 481-501");
    assert_eq!(
        (work(1)["volume"].clone(), work(1)["issue"].clone()),
        ("24".into(), "2".into())
    );
    assert_eq!(work(2)["collection-title"], "SBT");
    assert_eq!(work(2)["collection-number"], "2/6");
    assert_eq!(work(2)["title"], "The Prayers of Jesus");
    assert_eq!(work(3)["type"], "chapter");
    assert_eq!(
        work(3)["container-title"],
        "Society of Biblical Literature 2001 Seminar Papers"
    );
    assert_eq!(work(3)["collection-title"], "SBLSP");
    assert_eq!(work(3)["publisher"], "Society of Biblical Literature");
    assert_eq!(cite(3)["locator"], "1-18");
    assert_eq!(work(4)["publisher-place"], "Winona Lake, IN");
    assert_eq!(work(4)["original-publisher"], "Yale University Press");
    assert_eq!(cite(5)["locator"], "1.3");
    assert_eq!(cite(5)["label"], "chapter");
    assert_eq!(work(6)["edition"], "rev. and enl.");
    assert_eq!(work(6)["title"], "A History of Prophecy in Israel");
    assert_eq!(cite(7)["kind"], "short");
    assert_eq!(cite(7)["item"], cite(5)["item"]);
    assert_eq!(cite(7)["locator"], "5");
}

/// The Oxford notes style (New Hart's Rules): titles in single quotes with
/// the comma outside, `volume/issue (year), pages`, a new series, `Anon.`,
/// a chapter in the author's own book, reissues.
#[test]
fn oxford_forms_are_read() {
    let paper = "Notes\n\n\
        1. Robert Goldblatt, ‘Diodorean Modality in Minkowski Space-Time’, Studia Logica, 39/3 (1973), 219–36.\n\
        2. Halil Inalcik, ‘Comments on “Sultanism”: Max Weber’s Typification of the Ottoman Polity’, Princeton Papers in Near Eastern Studies, 1 (1992), 49–72.\n\
        3. J. Barnes, ‘Homonymy in Aristotle and Speusippus’, Classical Quarterly, ns 21 (1971), 65–80.\n\
        4. Anon., Liber usualis (Tournai: Desclée, 1956).\n\
        5. W. B. Todd, ‘David Hume: A Preliminary Bibliography’, in id. (ed.), Hume and the Enlightenment (Edinburgh: Edinburgh University Press, 1974).\n\
        6. R. W. Southern, Saint Anselm: A Portrait in a Landscape (rev. repr., Cambridge: Cambridge University Press, 1991).\n\
        7. J. D. Denniston, The Greek Particles (1934; 2nd edn., Oxford, 1954).\n\
        8. E. Allen, A Knack to Know a Knave (London, 1594; facs. edn., Oxford: Malone Society Reprints, 1963).\n";
    let json = footcite::extract(paper).unwrap().to_json();
    let cite = |n: usize| json["footnotes"][n]["citations"][0].clone();
    let work = |n: usize| item(&json, cite(n)["item"].as_str().unwrap_or("")).clone();
    assert_eq!(
        work(0)["title"],
        "Diodorean Modality in Minkowski Space-Time"
    );
    assert_eq!(work(0)["container-title"], "Studia Logica");
    assert_eq!(
        (work(0)["volume"].clone(), work(0)["issue"].clone()),
        ("39".into(), "3".into())
    );
    assert_eq!(cite(0)["locator"], "219-36");
    assert_eq!(
        work(1)["title"],
        "Comments on “Sultanism”: Max Weber’s Typification of the Ottoman Polity"
    );
    assert_eq!(work(2)["volume"], "21");
    assert_eq!(cite(2)["locator"], "65-80");
    assert_eq!(work(3)["title"], "Liber usualis");
    assert!(work(3)["author"].is_null(), "{}", work(3));
    assert_eq!(work(4)["container-title"], "Hume and the Enlightenment");
    assert_eq!(work(4)["editor"][0]["family"], "Todd");
    assert_eq!(work(5)["publisher-place"], "Cambridge");
    assert_eq!(work(6)["publisher-place"], "Oxford");
    assert_eq!(work(6)["edition"], "2");
    assert_eq!(work(7)["publisher"], "Malone Society Reprints");
    assert_eq!(work(7)["publisher-place"], "Oxford");
}

/// MHRA notes: the article's pages, then the page cited in parentheses;
/// `volume.issue` before the date; the volume after the publication; the
/// address in angle brackets and when it was seen; several places.
#[test]
fn mhra_forms_are_read() {
    let paper = "Notes\n\n\
        1. Terrence Doody, “Hemingway’s Style and Jake’s Narration,” The Journal of Narrative Technique, 4.3 (1974), 212–25 (pp. 34–37).\n\
        2. Immanuel Kant, “Kritik der Urtheilskraft,” in Kants Werke, by Immanuel Kant (Berlin: Walter de Gruyter, 1968), v, 165–485 (p. 19).\n\
        3. Narr and Amy C. Krist, “Host Diet,” Freshwater Science, 34.1 (2015), 81–91 (p. 57) <https://doi.org/10.1086/679411> [accessed 1 August 2017].\n\
        4. “The Complete Work of Charles Darwin Online,” p. 12 <http://darwin-online.org.uk/> [accessed 22 March 2009].\n\
        5. Dilip Parameshwar Gaonkar, “On Alternative Modernities,” in Alternative Modernities, ed. by Dilip Parameshwar Gaonkar (Durham; London, 2001), 14–17.\n";
    let json = footcite::extract(paper).unwrap().to_json();
    let cite = |n: usize| json["footnotes"][n]["citations"][0].clone();
    let work = |n: usize| item(&json, cite(n)["item"].as_str().unwrap_or("")).clone();
    assert_eq!(cite(0)["locator"], "34-37");
    assert_eq!(work(0)["page"], "212-25");
    assert_eq!(
        (work(0)["volume"].clone(), work(0)["issue"].clone()),
        ("4".into(), "3".into())
    );
    assert_eq!(work(1)["volume"], "5");
    assert_eq!(work(1)["page"], "165-485");
    assert_eq!(cite(1)["locator"], "19");
    assert_eq!(work(2)["URL"], "https://doi.org/10.1086/679411");
    assert_eq!(work(2)["accessed"]["date-parts"][0][0], 2017);
    assert_eq!(cite(2)["locator"], "57");
    assert_eq!(cite(3)["kind"], "full");
    assert_eq!(work(3)["type"], "webpage");
    assert_eq!(work(3)["URL"], "http://darwin-online.org.uk/");
    assert_eq!(work(4)["publisher-place"], "Durham; London");
}

/// Forms from the held-out round-trip data: a generational suffix with no
/// comma, an edition named by its ordinal word, a journal named with its
/// city before the volume, an abbreviated journal name with a comma in it,
/// a book title that holds a meeting's place and year before the
/// publication.
#[test]
fn held_out_forms_are_read() {
    let paper = "Notes\n\n\
        1. Anthony J. Arduengo III, Richard L. Harlow, and Michael Kline, “A Stable Crystalline Carbene,” J. Am. Chem. Soc. 113, no. 1 (1991): 89.\n\
        2. Rames Abdelhamid, Das Vieweg LaTeX-Buch: Eine praxisorientierte Einführung, Second (Braunschweig: Vieweg, 1993), 78–81.\n\
        3. L. Aiello and S. Pavan, “A System for the Production of Documents,” Rivista di Informatica (Milano) 13, no. 3 (July 1983): 76.\n\
        4. Kurt Dehnicke and Joachim Strähle, “The Transition Metal–Nitrogen Multiple Bond,” Angew. Chem., Int. Ed. Engl. 20, no. 5 (1981): 5.\n\
        5. Samuel S. Dooley, “Programming the Expression Editor,” in Mathematical Software (Beijing, 2002) (Singapore: World Scientific, 2002), 91.\n";
    let json = footcite::extract(paper).unwrap().to_json();
    let cite = |n: usize| json["footnotes"][n]["citations"][0].clone();
    let work = |n: usize| item(&json, cite(n)["item"].as_str().unwrap_or("")).clone();
    assert_eq!(work(0)["author"][0]["family"], "Arduengo");
    assert_eq!(work(0)["author"][0]["suffix"], "III");
    assert_eq!(
        work(1)["title"],
        "Das Vieweg LaTeX-Buch: Eine praxisorientierte Einführung"
    );
    assert_eq!(work(1)["edition"], "2");
    assert_eq!(
        work(2)["container-title"],
        "Rivista di Informatica (Milano)"
    );
    assert_eq!(work(2)["volume"], "13");
    assert_eq!(work(3)["container-title"], "Angew. Chem., Int. Ed. Engl.");
    assert_eq!(work(3)["volume"], "20");
    assert_eq!(
        work(4)["container-title"],
        "Mathematical Software (Beijing, 2002)"
    );
    assert_eq!(work(4)["publisher"], "World Scientific");
    assert_eq!(cite(4)["locator"], "91");
}
