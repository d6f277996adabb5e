//! Property tests that reach the grammars. Whole papers are generated in
//! the layout of the paper in `refs/` (a first page with the author's note,
//! body text with the note markers glued to it, a rule of spaces, each
//! page's notes `N text` with indented continuation lines, a note running
//! over a page break, running heads and page numbers) or as plain
//! `pdftotext` gives them (form feeds, `N.` notes), and every note is filled
//! with one to three citations assembled from random parts in the forms the
//! README lists: Chicago books, edited books, articles and chapters, in the
//! paper's style and in Chicago 17's; Taiwanese 《書》, 〈篇〉《刊》 and
//! 收錄於 chapters, or the paper's bare titles and 「篇」; GB/T 7714 `[M]`
//! and `[J]`; and later notes: Ibid./同上, short forms (`Lynch, Title, 45`,
//! `作者，前引書`) and 同註 N. Each paper must give back its notes (number,
//! page, text, marker), their citations, every field a full citation
//! printed and the work each later citation repeats. The run counts the
//! papers that reached the grammars and fails below 95 %.

mod common;

use footcite::cite::{CiteKind, Parsed};
use footcite::model::{Item, ItemType, Name};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::TestCaseError;
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::fmt;

/// Cases per run: enough for every form to occur many times, small enough
/// for a debug build to finish in a few seconds.
const CASES: u32 = 256;

// Forms that meet a known footcite bug, each shown by a `known_bug_*` test
// at the end of this file, are kept out of the papers while these are
// `true`; the ones set `false` were bugs the generator found and that are
// now fixed, each kept as a test at the end of the file. The form is drawn either way and only written differently, so a
// case saved in `proptest_layout.proptest-regressions` replays the same
// paper however they are set: set one to `false` to see its bug fail again
// (and, once it is fixed, to take the form back into the papers).

/// `A and B, Fragile Rivalry and Maritime Sales (…)`: a book title that
/// reads as two names after two or more authors (written `The …` instead).
const AVOID_TITLE_LIKE_TWO_NAMES: bool = false;
/// A suffix after a comma among a Chicago chapter's editors, `in Book, ed.
/// Allen Lynch, Jr. (…)` (written `Lynch Jr.`, as Chicago 17 prefers).
const AVOID_SUFFIX_IN_CHICAGO_EDITORS: bool = false;
/// A GB/T note led by `参见` or `有关…，请参阅` (written without a lead).
const AVOID_SIMPLIFIED_CUES: bool = false;
/// A sentence of prose after a GB/T reference (left out).
const AVOID_PROSE_AFTER_GBT: bool = false;
/// A short form that another earlier work matches loosely: `呂芳維，前引書`
/// when another author is surnamed 呂, `Lynch, “Emerging Cooperation,”` when
/// a later book has a Lynch among its authors and a title that begins so
/// (the citation is written in full instead).
const AVOID_SHORT_FORM_LOOSE_MATCH: bool = false;

// ---------------------------------------------------------------------------
// Word pools. None holds a grammar's cue word (`See`, `in`, `ed.`, `見`,
// `同上`, `前引`, `頁`, `第`, `主編` …) where it would change the reading.
// ---------------------------------------------------------------------------

const GIVEN: &[&str] = &[
    "Allen",
    "Elizabeth",
    "Sergei",
    "Andrei",
    "Rajan",
    "Thomas",
    "Michael",
    "Margaret",
    "Robert",
    "Catherine",
    "Richard",
    "Helen",
    "Peter",
    "James",
    "Laura",
    "Daniel",
    "Ruth",
    "Stephen",
    "Alexander",
    "Natalie",
];

const INITIALS: &[&str] = &["J.", "P.", "F.", "A.", "M.", "D.", "W."];

const FAMILY: &[&str] = &[
    "Lynch",
    "Wishnick",
    "Rogov",
    "Kozyrev",
    "Menon",
    "Christensen",
    "Swaine",
    "Garver",
    "Shambaugh",
    "Anthony",
    "Harding",
    "Mearsheimer",
    "Bellamy",
    "Goldstein",
    "Kennedy",
    "Nathan",
    "Tucker",
    "Whiting",
    "Brooks",
    "Sergounin",
    "Kuchins",
    "Wilson",
    "Fravel",
    "Blank",
];

const ADJECTIVES: &[&str] = &[
    "Strategic",
    "Military",
    "Russian",
    "Chinese",
    "Soviet",
    "Regional",
    "Nuclear",
    "Uneasy",
    "Limited",
    "Emerging",
    "Global",
    "Maritime",
    "Continental",
    "Fragile",
];

const NOUNS: &[&str] = &[
    "Arms",
    "Security",
    "Strategy",
    "Partnership",
    "Cooperation",
    "Alliance",
    "Power",
    "Rivalry",
    "Diplomacy",
    "Frontier",
    "Borders",
    "Transition",
    "Order",
    "Modernization",
    "Reform",
    "Deterrence",
    "Influence",
    "Competition",
    "Convergence",
    "Friendship",
    "Sales",
    "Ties",
    "Relations",
];

const REGIONS: &[&str] = &[
    "East Asia",
    "Central Asia",
    "the Far East",
    "Northeast Asia",
    "the Pacific",
    "Eurasia",
    "the Taiwan Strait",
];

const JOURNALS: &[&str] = &[
    "Survival",
    "Foreign Affairs",
    "International Security",
    "Asian Survey",
    "The China Quarterly",
    "Foreign Policy",
    "Comparative Strategy",
    "Europe-Asia Studies",
    "Orbis",
    "Journal of Strategic Studies",
    "Far Eastern Affairs",
    "Problems of Post-Communism",
];

/// Places with the publishers found there (a state code only where the
/// city needs one, as Chicago writes them).
const PUBLISHERS: &[(&str, &str)] = &[
    ("New York", "Columbia University Press"),
    ("New York", "Routledge"),
    ("New York", "Walter de Gruyter"),
    ("Cambridge, MA", "Harvard University Press"),
    ("Cambridge, MA", "MIT Press"),
    ("Cambridge", "Cambridge University Press"),
    ("Oxford", "Oxford University Press"),
    ("Oxford", "Clarendon Press"),
    ("London", "Frank Cass"),
    ("Stanford", "Stanford University Press"),
    ("Seattle", "University of Washington Press"),
    ("Boulder, CO", "Westview Press"),
    ("Armonk, NY", "M. E. Sharpe"),
    ("Santa Monica, CA", "RAND"),
    ("Washington, DC", "Brookings Institution Press"),
    ("Princeton", "Princeton University Press"),
    ("Lanham, MD", "Rowman & Littlefield"),
];

const MONTHS: &[&str] = &[
    "January",
    "March",
    "April",
    "June",
    "July",
    "September",
    "October",
    "December",
];

const SEASONS: &[&str] = &["Spring", "Summer", "Autumn", "Winter"];

const ZH_SURNAMES: &[&str] = &[
    "王", "李", "張", "劉", "陳", "楊", "黃", "趙", "吳", "周", "徐", "孫", "馬", "朱", "胡", "郭",
    "何", "高", "林", "羅", "鄭", "梁", "謝", "宋", "唐", "許", "韓", "馮", "鄧", "曹", "彭", "曾",
    "蕭", "田", "董", "潘", "袁", "蔡", "蔣", "杜", "葉", "程", "蘇", "魏", "呂", "丁", "沈", "姚",
    "盧", "崔", "鍾", "譚", "陸", "汪", "范", "廖", "賈", "夏", "熊", "秦", "邱", "江", "歐陽",
];

const ZH_GIVEN: &[&str] = &[
    "明", "華", "國", "文", "志", "建", "偉", "玲", "婷", "德", "宏", "正", "清", "新", "安", "平",
    "忠", "仁", "義", "榮", "俊", "傑", "信", "雅", "美", "惠", "秀", "芳", "淑", "慧", "怡", "嘉",
    "宗", "世", "永", "光", "立", "天", "玉", "山", "彥", "雲", "春", "秋", "達", "誠", "維", "振",
];

const ZH_TITLE_HEAD: &[&str] = &[
    "俄中",
    "美中",
    "兩岸",
    "中俄",
    "美俄",
    "亞太",
    "東亞",
    "冷戰後",
];

const ZH_TITLE_TOPIC: &[&str] = &[
    "軍事合作",
    "戰略互動",
    "安全關係",
    "武器交易",
    "外交政策",
    "國防工業",
    "區域安全",
    "邊界談判",
    "能源合作",
    "夥伴關係",
    "軍事現代化",
    "權力平衡",
];

const ZH_TITLE_TAIL: &[&str] = &[
    "的發展與影響",
    "的演變",
    "之研究",
    "的分析",
    "的新趨勢",
    "之評估",
    "的挑戰",
    "與前景",
];

const ZH_JOURNALS: &[&str] = &[
    "問題與研究",
    "遠景基金會季刊",
    "中國大陸研究",
    "東亞研究",
    "俄羅斯學報",
    "政治科學論叢",
    "國際關係學報",
    "全球政治評論",
];

const ZH_PUBLISHERS: &[(&str, &str)] = &[
    ("臺北", "五南圖書出版公司"),
    ("臺北", "三民書局"),
    ("臺北", "正中書局"),
    ("台北", "聯經出版公司"),
    ("台北", "揚智文化"),
    ("臺北", "時英出版社"),
    ("香港", "香港中文大學出版社"),
    ("北京", "清華大學出版社"),
    ("北京", "軍事科學出版社"),
    ("天津", "天津人民出版社"),
];

const GB_SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "田", "董", "潘", "袁", "蔡", "蒋", "杜", "叶", "程", "苏", "魏", "吕", "丁", "沈", "姚",
    "欧阳",
];

const GB_GIVEN: &[&str] = &[
    "明", "华", "国", "文", "志", "建", "伟", "玲", "婷", "德", "宏", "正", "清", "新", "安", "平",
    "忠", "仁", "义", "荣", "俊", "杰", "信", "雅", "美", "惠", "秀", "芳", "淑", "慧", "怡", "嘉",
    "宗", "世", "永", "光", "立", "天", "玉", "山", "彦", "云", "春", "秋", "达", "诚", "维", "振",
];

const GB_TITLE_HEAD: &[&str] = &["俄中", "美中", "中俄", "美俄", "亚太", "东亚", "冷战后"];

const GB_TITLE_TOPIC: &[&str] = &[
    "军事合作",
    "战略互动",
    "安全关系",
    "武器贸易",
    "外交政策",
    "国防工业",
    "区域安全",
    "边界谈判",
    "能源合作",
    "伙伴关系",
    "军事现代化",
    "权力平衡",
];

const GB_TITLE_TAIL: &[&str] = &[
    "的发展与影响",
    "的演变",
    "研究",
    "分析",
    "的新趋势",
    "评估",
    "的挑战",
    "与前景",
];

const GB_JOURNALS: &[&str] = &[
    "国际问题研究",
    "现代国际关系",
    "俄罗斯研究",
    "世界经济与政治",
    "当代亚太",
    "外交评论",
];

const GB_PUBLISHERS: &[(&str, &str)] = &[
    ("北京", "世界知识出版社"),
    ("北京", "中国社会科学出版社"),
    ("北京", "北京大学出版社"),
    ("北京", "时事出版社"),
    ("上海", "上海人民出版社"),
    ("天津", "天津人民出版社"),
];

/// Body words; none starts with a character that makes a marker read as
/// a quantity (`3年`, `5人`).
const ZH_BODY: &[&str] = &[
    "俄國", "中國", "雙方", "軍事", "合作", "關係", "持續", "發展", "區域", "安全", "戰略", "政治",
    "經濟", "推動", "加強", "影響", "評估", "東亞", "冷戰", "結束", "以來", "兩國", "邊境", "談判",
    "武器", "交易", "技術", "國防", "工業", "外交", "政策", "北約", "東擴", "美國", "亞洲", "地區",
    "局勢", "穩定", "逐漸", "形成", "重要", "基礎", "也", "對", "在", "的", "與", "並",
];

const EN_BODY: &[&str] = &[
    "russia",
    "china",
    "the",
    "military",
    "cooperation",
    "between",
    "two",
    "countries",
    "has",
    "grown",
    "since",
    "end",
    "of",
    "arms",
    "sales",
    "border",
    "talks",
    "regional",
    "security",
    "remained",
    "central",
    "both",
    "sides",
    "sought",
    "closer",
    "ties",
    "moscow",
    "beijing",
    "strategic",
    "partnership",
];

const PAPER_TITLES: &[&str] = &[
    "俄中軍事合作關係的發展與影響",
    "冷戰後亞太區域安全的新局勢",
    "Russia and China: Military Ties after the Cold War",
];

/// Romanised Chinese names, family first as the paper writes `Li Peng`.
const ROMANISED: &[(&str, &str)] = &[
    ("Li", "Peng"),
    ("Chen", "Jian"),
    ("Wang", "Jisi"),
    ("Zhang", "Wenmu"),
    ("Yan", "Xuetong"),
    ("Tsai", "Ming-yen"),
    ("Lin", "Cheng-yi"),
];

/// Owners for the `Moscow’s …` titles (the paper's curly apostrophe).
const OWNERS: &[&str] = &["Moscow", "Beijing", "China", "Russia"];

// ---------------------------------------------------------------------------
// What a generated citation should come back as.
// ---------------------------------------------------------------------------

/// The convention a citation is written in: it decides how citations of a
/// note are joined and how the note ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    English,
    Taiwan,
    Gbt,
}

impl Script {
    fn terminator(self) -> &'static str {
        match self {
            Script::English | Script::Gbt => ".",
            Script::Taiwan => "。",
        }
    }
}

/// How a paper writes its English references; one paper keeps one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// As the paper in `refs/`: `Vol.39, No.2 (Summer 1997), p.110`,
    /// `in A (ed.), Book`.
    Paper,
    /// The same with spaced labels: `Vol. 39, No. 2`, `pp. 3-5`.
    PaperSpaced,
    /// Chicago 17: `25, no. 4 (2001): 45`, `in Book, ed. A`, bare pages.
    Chicago,
}

/// How a paper writes its Chinese references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ChineseStyle {
    /// 《書名》, 〈篇名〉《刊名》.
    Taiwan,
    /// As the paper in `refs/`: bare book titles, 「篇名」 and a bare
    /// journal name.
    TaiwanPlain,
    /// GB/T 7714: `题名[M]`, `题名[J]`.
    Gbt,
}

/// Which extractor's text the paper is: the ruled layout of the paper in
/// `refs/`, or plain `pdftotext` (form feeds, no rule, no indentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Extractor {
    Ruled,
    /// Notes numbered `N` or `N.`.
    Pdftotext {
        dotted: bool,
    },
}

/// A person as written and as the record should hold it.
#[derive(Debug, Clone)]
struct Person {
    written: String,
    family: String,
    given: String,
    suffix: Option<&'static str>,
}

/// Pages cited: one page or a range.
#[derive(Debug, Clone, Copy)]
struct Pages {
    first: u32,
    last: Option<u32>,
}

impl Pages {
    fn value(self) -> String {
        match self.last {
            Some(last) => format!("{}-{last}", self.first),
            None => self.first.to_string(),
        }
    }

    /// As an English note writes it: `p.12`, `pp. 12-15`, or Chicago's
    /// bare pages with an en dash, `12–15`.
    fn english(self, style: Style) -> String {
        let label = match (style, self.last) {
            (Style::Chicago, _) => "",
            (Style::Paper, Some(_)) => "pp.",
            (Style::Paper, None) => "p.",
            (Style::PaperSpaced, Some(_)) => "pp. ",
            (Style::PaperSpaced, None) => "p. ",
        };
        let value = match (style, self.last) {
            (Style::Chicago, Some(last)) => format!("{}–{last}", self.first),
            _ => self.value(),
        };
        format!("{label}{value}")
    }
}

/// The fields a full citation prints.
#[derive(Debug, Clone)]
struct Expected {
    form: &'static str,
    item_type: ItemType,
    authors: Vec<Person>,
    editors: Vec<Person>,
    title: String,
    container: Option<String>,
    publisher: Option<String>,
    place: Option<String>,
    volume: Option<String>,
    issue: Option<String>,
    year: i32,
}

impl Expected {
    /// A book published at `(place, publisher)`.
    fn book(
        form: &'static str,
        authors: Vec<Person>,
        editors: Vec<Person>,
        title: String,
        (place, publisher): (&str, &str),
        year: i32,
    ) -> Self {
        Expected {
            form,
            item_type: ItemType::Book,
            authors,
            editors,
            title,
            container: None,
            publisher: Some(publisher.to_string()),
            place: Some(place.to_string()),
            volume: None,
            issue: None,
            year,
        }
    }

    /// A chapter in the book `book_title`, published as a book is.
    fn chapter(
        form: &'static str,
        authors: Vec<Person>,
        editors: Vec<Person>,
        title: String,
        book_title: String,
        publisher: (&str, &str),
        year: i32,
    ) -> Self {
        Expected {
            item_type: ItemType::Chapter,
            container: Some(book_title),
            ..Expected::book(form, authors, editors, title, publisher, year)
        }
    }

    /// An article in `journal`, perhaps without a volume.
    fn article(
        form: &'static str,
        authors: Vec<Person>,
        title: String,
        journal: &str,
        volume: Option<u32>,
        issue: u32,
        year: i32,
    ) -> Self {
        Expected {
            form,
            item_type: ItemType::ArticleJournal,
            authors,
            editors: Vec::new(),
            title,
            container: Some(journal.to_string()),
            publisher: None,
            place: None,
            volume: volume.map(|v| v.to_string()),
            issue: Some(issue.to_string()),
            year,
        }
    }

    /// The creators that name the work: authors, else editors.
    fn lead(&self) -> &[Person] {
        if self.authors.is_empty() {
            &self.editors
        } else {
            &self.authors
        }
    }
}

/// What a citation must come back as.
#[derive(Debug, Clone)]
enum Want {
    Full(Expected),
    /// A later citation (Ibid., a short form, 同註 N) of the work of the
    /// citation `of` (note number, index in the note).
    Later {
        kind: CiteKind,
        of: (u32, usize),
    },
}

/// One generated citation.
#[derive(Debug, Clone)]
struct Cite {
    text: String,
    script: Script,
    page: Option<String>,
    want: Want,
}

impl Cite {
    /// A full citation of `pages` of the work `expected`.
    fn full(text: String, script: Script, pages: Pages, expected: Expected) -> Self {
        Cite {
            text,
            script,
            page: Some(pages.value()),
            want: Want::Full(expected),
        }
    }
}

/// Which later form a note may be, when an earlier note allows it.
#[derive(Debug, Clone, Copy)]
enum Later {
    Ibid,
    Short,
    SameAsNote,
}

#[derive(Debug, Clone)]
struct NoteSpec {
    cites: Vec<Cite>,
    /// Write the note as this later form instead, with this page, when
    /// the notes before allow it; `pick` chooses the earlier work and the
    /// variant, `bare` drops the page of an Ibid.
    later: Option<(Later, u8, Pages, bool)>,
    /// Chooses a lead (`See`, commentary then `請參閱`) and a `see also`.
    lead: u8,
    indent: usize,
    /// The body sentence that carries the marker.
    sentence: String,
}

#[derive(Debug, Clone)]
struct PageSpec {
    notes: Vec<NoteSpec>,
    /// Sentences without a marker, put before the marked ones.
    extra: Vec<String>,
    running_head: bool,
    /// Carry the tail of the page's last note over to the next page's
    /// footnote block (as note 9 of `tests/data/synthetic-paper.txt`
    /// runs over a page break).
    split_last: bool,
}

/// One note of a generated paper, as it must come back.
#[derive(Debug, Clone)]
struct ExpectedNote {
    number: u32,
    page: usize,
    text: String,
    cites: Vec<Cite>,
}

/// A generated paper. Its `Debug` prints the text as it is, so that a
/// failure shows the paper, not a one-line escaped string.
#[derive(Clone)]
struct Paper {
    text: String,
    notes: Vec<ExpectedNote>,
}

impl fmt::Debug for Paper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "paper of {} notes:", self.notes.len())?;
        writeln!(f, "-----")?;
        writeln!(f, "{}", self.text)?;
        writeln!(f, "-----")
    }
}

// ---------------------------------------------------------------------------
// Parts
// ---------------------------------------------------------------------------

fn year() -> impl Strategy<Value = i32> {
    1950..=2020i32
}

fn pages() -> impl Strategy<Value = Pages> {
    (1..=480u32, prop::option::weighted(0.3, 1..=30u32)).prop_map(|(first, span)| Pages {
        first,
        last: span.map(|s| first + s),
    })
}

/// A Western name (`Thomas J. Christensen`, `Frederic J. Fleron, Jr.`) or
/// a romanised Chinese one written family first (`Li Peng`).
fn english_person() -> impl Strategy<Value = Person> {
    prop_oneof![
        6 => (
            select(GIVEN),
            prop::option::weighted(0.25, select(INITIALS)),
            select(FAMILY),
            prop::option::weighted(0.08, select(&["Jr.", "Sr."][..])),
        )
            .prop_map(|(given, initial, family, suffix)| {
                let given = match initial {
                    Some(i) => format!("{given} {i}"),
                    None => given.to_string(),
                };
                Person {
                    written: format!("{given} {family}"),
                    family: family.to_string(),
                    given,
                    suffix,
                }
            }),
        1 => select(ROMANISED).prop_map(|(family, given)| Person {
            written: format!("{family} {given}"),
            family: family.to_string(),
            given: given.to_string(),
            suffix: None,
        }),
    ]
}

/// `A`, `A and B`, `A, B and C` (the paper) or `A, B, and C` (Chicago).
fn english_list(names: &[&str], style: Style) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => {
            let comma = if style == Style::Chicago { "," } else { "" };
            format!("{}{comma} and {last}", init.join(", "))
        }
    }
}

fn written(people: &[Person]) -> Vec<&str> {
    people.iter().map(|p| p.written.as_str()).collect()
}

/// English creators as the style writes them: a suffix set off by a comma
/// in the paper's style (`Frederic J. Fleron, Jr.`), not in Chicago 17's
/// (`Frederic J. Fleron Jr.`).
fn english_names(people: &[Person], style: Style) -> String {
    let names: Vec<String> = people
        .iter()
        .map(|p| match (p.suffix, style) {
            (None, _) => p.written.clone(),
            // Chicago 17 writes no comma before the suffix.
            (Some(sfx), Style::Chicago) if AVOID_SUFFIX_IN_CHICAGO_EDITORS => {
                format!("{} {sfx}", p.written)
            }
            (Some(sfx), _) => format!("{}, {sfx}", p.written),
        })
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    english_list(&names, style)
}

fn english_people(max: usize) -> impl Strategy<Value = Vec<Person>> {
    vec(english_person(), 1..=max)
}

/// An English title, and whether it reads like two names joined by `and`
/// (`Fragile Rivalry and Maritime Sales`).
fn english_title_shaped() -> impl Strategy<Value = (String, bool)> {
    let adj = || select(ADJECTIVES);
    let noun = || select(NOUNS);
    prop_oneof![
        (adj(), noun()).prop_map(|(a, n)| (format!("{a} {n}"), false)),
        (adj(), noun(), adj(), noun())
            .prop_map(|(a, n, b, m)| (format!("{a} {n} and {b} {m}"), true)),
        (adj(), noun(), select(REGIONS))
            .prop_map(|(a, n, r)| (format!("The {a} {n} of {r}"), false)),
        (adj(), noun(), noun(), noun(), select(REGIONS))
            .prop_map(|(a, n, m, o, r)| (format!("{a} {n}: {m} and {o} in {r}"), false)),
        (noun(), noun(), select(REGIONS))
            .prop_map(|(n, m, r)| (format!("{n} and {m} in {r}"), false)),
        (adj(), noun()).prop_map(|(a, n)| (format!("{a} {n} after the Cold War"), false)),
        (select(OWNERS), adj(), noun()).prop_map(|(o, a, n)| (format!("{o}’s {a} {n}"), false)),
    ]
}

fn english_title() -> impl Strategy<Value = String> {
    english_title_shaped().prop_map(|(title, _)| title)
}

/// A journal's date: `1997`, `Summer 1997`, `June 1997`.
fn journal_date() -> impl Strategy<Value = (String, i32)> {
    (year(), 0..3u8, select(SEASONS), select(MONTHS)).prop_map(|(y, kind, season, month)| {
        let text = match kind {
            0 => y.to_string(),
            1 => format!("{season} {y}"),
            _ => format!("{month} {y}"),
        };
        (text, y)
    })
}

fn zh_person(
    surnames: &'static [&'static str],
    given: &'static [&'static str],
) -> impl Strategy<Value = Person> {
    (select(surnames), vec(select(given), 1..=2)).prop_map(|(family, given)| {
        let given: String = given.concat();
        Person {
            written: format!("{family}{given}"),
            family: family.to_string(),
            given,
            suffix: None,
        }
    })
}

fn zh_title(
    head: &'static [&'static str],
    topic: &'static [&'static str],
    tail: &'static [&'static str],
    and: &'static str,
) -> impl Strategy<Value = String> {
    prop_oneof![
        (select(head), select(topic)).prop_map(|(h, t)| format!("{h}{t}")),
        (select(head), select(topic), select(tail)).prop_map(|(h, t, e)| format!("{h}{t}{e}")),
        (select(head), select(topic), select(topic))
            .prop_map(move |(h, t, u)| format!("{h}{t}{and}{u}")),
    ]
}

// ---------------------------------------------------------------------------
// Full citations, one strategy per form
// ---------------------------------------------------------------------------

fn chicago_book(style: Style) -> impl Strategy<Value = Cite> {
    (
        english_people(3),
        english_title_shaped(),
        select(PUBLISHERS),
        year(),
        pages(),
    )
        .prop_map(
            move |(authors, (title, name_like), publisher, year, pages)| {
                let title = if AVOID_TITLE_LIKE_TWO_NAMES && name_like && authors.len() > 1 {
                    format!("The {title}")
                } else {
                    title
                };
                Cite::full(
                    format!(
                        "{}, {title} ({}: {}, {year}), {}",
                        english_names(&authors, style),
                        publisher.0,
                        publisher.1,
                        pages.english(style)
                    ),
                    Script::English,
                    pages,
                    Expected::book("Chicago book", authors, Vec::new(), title, publisher, year),
                )
            },
        )
}

/// A book under its editors: `A (ed.), Title (…)` in the paper's style,
/// `A, ed., Title (…)` in Chicago's.
fn chicago_edited_book(style: Style) -> impl Strategy<Value = Cite> {
    (
        english_people(2),
        english_title(),
        select(PUBLISHERS),
        year(),
        pages(),
    )
        .prop_map(move |(editors, title, publisher, year, pages)| {
            let names = english_names(&editors, style);
            let many = editors.len() > 1;
            let head = match style {
                Style::Chicago => format!("{names}, {}", if many { "eds." } else { "ed." }),
                _ => format!("{names} ({})", if many { "eds" } else { "ed." }),
            };
            Cite::full(
                format!(
                    "{head}, {title} ({}: {}, {year}), {}",
                    publisher.0,
                    publisher.1,
                    pages.english(style)
                ),
                Script::English,
                pages,
                Expected::book(
                    "Chicago edited book",
                    Vec::new(),
                    editors,
                    title,
                    publisher,
                    year,
                ),
            )
        })
}

fn chicago_article(style: Style) -> impl Strategy<Value = Cite> {
    (
        english_people(2),
        english_title(),
        any::<bool>(),
        select(JOURNALS),
        (1..=60u32, 1..=12u32, prop::bool::weighted(0.8)),
        journal_date(),
        pages(),
    )
        .prop_map(
            move |(authors, title, question, journal, numbers, (date, year), pages)| {
                let (volume, issue, with_volume) = numbers;
                // A title ending in `?` takes no comma inside the quotes.
                let (title, close) = if question {
                    (format!("{title}?"), "”")
                } else {
                    (title, ",”")
                };
                let names = english_names(&authors, style);
                let page = pages.english(style);
                // The paper's style may give the issue alone (`No.3 (1997)`).
                let (text, volume) = match (style, with_volume.then_some(volume)) {
                    (Style::Chicago, _) => (
                        format!("{names}, “{title}{close} {journal} {volume}, no. {issue} ({date}): {page}"),
                        Some(volume),
                    ),
                    (_, v) => {
                        let sp = if style == Style::PaperSpaced { " " } else { "" };
                        let vol = v.map_or(String::new(), |v| format!("Vol.{sp}{v}, "));
                        (
                            format!("{names}, “{title}{close} {journal}, {vol}No.{sp}{issue} ({date}), {page}"),
                            v,
                        )
                    }
                };
                Cite::full(
                    text,
                    Script::English,
                    pages,
                    Expected::article(
                        "Chicago article",
                        authors,
                        title,
                        journal,
                        volume,
                        issue,
                        year,
                    ),
                )
            },
        )
}

fn chicago_chapter(style: Style) -> impl Strategy<Value = Cite> {
    (
        english_people(2),
        english_title(),
        english_people(2),
        english_title(),
        select(PUBLISHERS),
        year(),
        pages(),
    )
        .prop_map(
            move |(authors, title, editors, book_title, (place, publisher), year, pages)| {
                let eds = english_names(&editors, style);
                let many = editors.len() > 1;
                let within = match style {
                    Style::Chicago => {
                        format!("{book_title}, {} {eds}", if many { "eds." } else { "ed." })
                    }
                    _ => format!("{eds} ({}), {book_title}", if many { "eds" } else { "ed." }),
                };
                Cite::full(
                    format!(
                        "{}, “{title},” in {within} ({place}: {publisher}, {year}), {}",
                        english_names(&authors, style),
                        pages.english(style)
                    ),
                    Script::English,
                    pages,
                    Expected::chapter(
                        "Chicago chapter",
                        authors,
                        editors,
                        title,
                        book_title,
                        (place, publisher),
                        year,
                    ),
                )
            },
        )
}

fn taiwan_people() -> impl Strategy<Value = Vec<Person>> {
    vec(zh_person(ZH_SURNAMES, ZH_GIVEN), 1..=2)
}

fn zh_trad_title() -> impl Strategy<Value = String> {
    zh_title(ZH_TITLE_HEAD, ZH_TITLE_TOPIC, ZH_TITLE_TAIL, "與")
}

/// `2003 年` or `2003`.
fn zh_year(year: i32, with_unit: bool) -> String {
    if with_unit {
        format!("{year} 年")
    } else {
        year.to_string()
    }
}

/// A book title as the style writes it: `《書名》` or bare.
fn zh_book_title(title: &str, chinese: ChineseStyle) -> String {
    match chinese {
        ChineseStyle::TaiwanPlain => title.to_string(),
        _ => format!("《{title}》"),
    }
}

/// A book by its authors, or (`主編`) under its editor.
fn taiwan_book(chinese: ChineseStyle) -> impl Strategy<Value = Cite> {
    (
        taiwan_people(),
        prop::bool::weighted(0.2),
        zh_trad_title(),
        select(ZH_PUBLISHERS),
        year(),
        any::<bool>(),
        pages(),
    )
        .prop_map(
            move |(people, edited, title, publisher, year, unit, pages)| {
                let role = if edited { "主編" } else { "" };
                let (authors, editors) = if edited {
                    (Vec::new(), people)
                } else {
                    (people, Vec::new())
                };
                let names = written(if edited { &editors } else { &authors }).join("、");
                Cite::full(
                    format!(
                        "{names}{role}，{}（{}：{}，{}），頁 {}",
                        zh_book_title(&title, chinese),
                        publisher.0,
                        publisher.1,
                        zh_year(year, unit),
                        pages.value()
                    ),
                    Script::Taiwan,
                    pages,
                    Expected::book("Taiwanese book", authors, editors, title, publisher, year),
                )
            },
        )
}

fn taiwan_article(chinese: ChineseStyle) -> impl Strategy<Value = Cite> {
    (
        taiwan_people(),
        zh_trad_title(),
        select(ZH_JOURNALS),
        (prop::option::weighted(0.7, 1..=60u32), 1..=12u32),
        year(),
        prop::option::of(1..=12u32),
        any::<bool>(),
        pages(),
    )
        .prop_map(
            move |(authors, title, journal, (volume, issue), year, month, spaced, pages)| {
                let s = if spaced { " " } else { "" };
                let volume_text = volume.map_or(String::new(), |v| format!("第{s}{v}{s}卷"));
                let date = match month {
                    Some(m) => format!("{year}{s}年{s}{m}{s}月"),
                    None => format!("{year}{s}年"),
                };
                let (quoted, periodical) = match chinese {
                    ChineseStyle::TaiwanPlain => (format!("「{title}」"), journal.to_string()),
                    _ => (format!("〈{title}〉"), format!("《{journal}》")),
                };
                Cite::full(
                    format!(
                        "{}，{quoted}，{periodical}，{volume_text}第{s}{issue}{s}期（{date}），頁 {}",
                        written(&authors).join("、"),
                        pages.value()
                    ),
                    Script::Taiwan,
                    pages,
                    Expected::article(
                        "Taiwanese article",
                        authors,
                        title,
                        journal,
                        volume,
                        issue,
                        year,
                    ),
                )
            },
        )
}

fn taiwan_chapter(chinese: ChineseStyle) -> impl Strategy<Value = Cite> {
    (
        taiwan_people(),
        zh_trad_title(),
        zh_person(ZH_SURNAMES, ZH_GIVEN),
        zh_trad_title(),
        select(ZH_PUBLISHERS),
        year(),
        pages(),
    )
        .prop_map(
            move |(authors, title, editor, book_title, (place, publisher), year, pages)| {
                // The paper's style: `「篇名」，收錄於 林碧炤主編，書名（…）`.
                let (quoted, within) = match chinese {
                    ChineseStyle::TaiwanPlain => (format!("「{title}」"), "收錄於 "),
                    _ => (format!("〈{title}〉"), "收錄於"),
                };
                Cite::full(
                    format!(
                        "{}，{quoted}，{within}{}主編，{}（{place}：{publisher}，{year} 年），頁 {}",
                        written(&authors).join("、"),
                        editor.written,
                        zh_book_title(&book_title, chinese),
                        pages.value()
                    ),
                    Script::Taiwan,
                    pages,
                    Expected::chapter(
                        "Taiwanese chapter",
                        authors,
                        vec![editor],
                        title,
                        book_title,
                        (place, publisher),
                        year,
                    ),
                )
            },
        )
}

fn gbt_people() -> impl Strategy<Value = Vec<Person>> {
    vec(zh_person(GB_SURNAMES, GB_GIVEN), 1..=2)
}

fn gbt_title() -> impl Strategy<Value = String> {
    zh_title(GB_TITLE_HEAD, GB_TITLE_TOPIC, GB_TITLE_TAIL, "与")
}

fn gbt_book() -> impl Strategy<Value = Cite> {
    (
        gbt_people(),
        gbt_title(),
        select(GB_PUBLISHERS),
        year(),
        pages(),
    )
        .prop_map(|(authors, title, publisher, year, pages)| {
            Cite::full(
                format!(
                    "{}. {title}[M]. {}: {}, {year}: {}",
                    written(&authors).join(", "),
                    publisher.0,
                    publisher.1,
                    pages.value()
                ),
                Script::Gbt,
                pages,
                Expected::book("GB/T [M]", authors, Vec::new(), title, publisher, year),
            )
        })
}

fn gbt_article() -> impl Strategy<Value = Cite> {
    (
        gbt_people(),
        gbt_title(),
        select(GB_JOURNALS),
        year(),
        (prop::option::weighted(0.6, 1..=40u32), 1..=12u32),
        pages(),
    )
        .prop_map(|(authors, title, journal, year, (volume, issue), pages)| {
            // `刊名, 2005, 12(3): 45`, or `刊名, 2005(3): 45` with no volume.
            let numbering = match volume {
                Some(v) => format!(", {v}({issue})"),
                None => format!("({issue})"),
            };
            Cite::full(
                format!(
                    "{}. {title}[J]. {journal}, {year}{numbering}: {}",
                    written(&authors).join(", "),
                    pages.value()
                ),
                Script::Gbt,
                pages,
                Expected::article("GB/T [J]", authors, title, journal, volume, issue, year),
            )
        })
}

/// A full citation in one of the document's conventions: English weighs
/// as much as Chinese.
fn full_cite(style: Style, chinese: ChineseStyle) -> BoxedStrategy<Cite> {
    let english = prop_oneof![
        3 => chicago_book(style),
        1 => chicago_edited_book(style),
        3 => chicago_article(style),
        2 => chicago_chapter(style),
    ];
    match chinese {
        ChineseStyle::Taiwan | ChineseStyle::TaiwanPlain => prop_oneof![
            3 => english,
            1 => taiwan_book(chinese),
            1 => taiwan_article(chinese),
            1 => taiwan_chapter(chinese),
        ]
        .boxed(),
        ChineseStyle::Gbt => prop_oneof![
            3 => english,
            2 => gbt_book(),
            1 => gbt_article(),
        ]
        .boxed(),
    }
}

// ---------------------------------------------------------------------------
// Later citations: Ibid., short forms, 同註 N
// ---------------------------------------------------------------------------

/// What tells one work from another: its creators, title, type, container
/// and year.
fn identity(e: &Expected) -> String {
    format!(
        "{:?}|{}|{:?}|{:?}|{}",
        written(e.lead()),
        e.title,
        e.item_type,
        e.container,
        e.year
    )
}

/// Letters and digits, lower-cased: a title as footcite compares it.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What a paper has cited so far, for the later forms.
struct Cited<'a> {
    notes: &'a [ExpectedNote],
    style: Style,
    chinese: ChineseStyle,
}

impl Cited<'_> {
    fn later(&self, later: Later, pick: u8, pages: Pages, bare: bool) -> Option<Cite> {
        match later {
            Later::Ibid => self.ibid(pick, pages, bare),
            Later::Short => self.short(pick, pages),
            Later::SameAsNote => self.same_as_note(pick, pages),
        }
    }

    /// `Ibid., 12.`, `同上，頁 12。`, `同上註。`, `同上: 12.` after a note
    /// that cites one work.
    fn ibid(&self, pick: u8, pages: Pages, bare: bool) -> Option<Cite> {
        let previous = self.notes.last().filter(|n| n.cites.len() == 1)?;
        let script = previous.cites.first()?.script;
        // GB/T writes its page after a colon: always give one.
        let bare = bare && script != Script::Gbt;
        let text = match (script, bare) {
            (Script::English, true) => "Ibid.".to_string(),
            (Script::English, false) if pick.is_multiple_of(2) => {
                format!("Ibid., {}", pages.english(self.style))
            }
            (Script::English, false) => format!("Ibid., {}", pages.english(Style::Chicago)),
            (Script::Taiwan, true) => "同上註".to_string(),
            (Script::Taiwan, false) if pick.is_multiple_of(2) => {
                format!("同上，頁 {}", pages.value())
            }
            (Script::Taiwan, false) => format!("同上註，頁 {}", pages.value()),
            (Script::Gbt, _) => format!("同上: {}", pages.value()),
        };
        Some(Cite {
            text,
            script,
            page: (!bare).then(|| pages.value()),
            want: Want::Later {
                kind: CiteKind::Ibid,
                of: (previous.number, 0),
            },
        })
    }

    /// Earlier full citations, with where they stand.
    fn fulls(&self) -> impl Iterator<Item = (u32, usize, &Cite, &Expected)> {
        self.notes.iter().flat_map(|n| {
            n.cites
                .iter()
                .enumerate()
                .filter_map(move |(i, c)| match &c.want {
                    Want::Full(e) => Some((n.number, i, c, e)),
                    Want::Later { .. } => None,
                })
        })
    }

    /// `Lynch, Strategic Arms, 45.`, `Lynch, “Strategic Arms,” 45.` or
    /// `吳玉山，前引書，頁 22。` for an earlier work its creators (and short
    /// title) name alone.
    fn short(&self, pick: u8, pages: Pages) -> Option<Cite> {
        let candidates: Vec<_> = self
            .fulls()
            .filter(|(_, _, c, e)| c.script != Script::Gbt && (1..=2).contains(&e.lead().len()))
            .collect();
        let &(note, index, cite, expected) =
            candidates.get(usize::from(pick) % candidates.len().max(1))?;
        let families: Vec<&str> = expected.lead().iter().map(|p| p.family.as_str()).collect();
        let short_title = expected.title.split(':').next().unwrap_or("").trim();
        let same_key = |e: &Expected| {
            let f: Vec<&str> = e.lead().iter().map(|p| p.family.as_str()).collect();
            match cite.script {
                Script::English => {
                    f == families && e.title.split(':').next().unwrap_or("").trim() == short_title
                }
                _ => written(e.lead()) == written(expected.lead()),
            }
        };
        // The short form must name one work only (an article and a chapter
        // of one author and title are two works).
        let matching = self
            .fulls()
            .filter(|(_, _, c, e)| c.script == cite.script && same_key(e))
            .map(|(_, _, _, e)| identity(e))
            .collect::<std::collections::HashSet<_>>();
        if matching.len() != 1 {
            return None;
        }
        // Another work footcite would match more loosely: see
        // `AVOID_SHORT_FORM_LOOSE_MATCH`.
        let loosely = self.fulls().any(|(_, _, _, e)| {
            let mut creators = e.authors.iter().chain(&e.editors);
            identity(e) != identity(expected)
                && match cite.script {
                    Script::English => {
                        families
                            .iter()
                            .all(|f| e.authors.iter().chain(&e.editors).any(|p| p.family == *f))
                            && fold(&e.title).contains(&fold(short_title))
                    }
                    _ => creators.any(|p| families.contains(&p.family.as_str())),
                }
        });
        if AVOID_SHORT_FORM_LOOSE_MATCH && loosely {
            return None;
        }
        let text = match cite.script {
            Script::English => {
                let names = english_list(&families, self.style);
                let page = pages.english(self.style);
                match expected.item_type {
                    ItemType::Book => format!("{names}, {short_title}, {page}"),
                    _ if short_title.ends_with('?') => format!("{names}, “{short_title}” {page}"),
                    _ => format!("{names}, “{short_title},” {page}"),
                }
            }
            _ => {
                let work = if expected.item_type == ItemType::Book {
                    "前引書"
                } else {
                    "前引文"
                };
                format!(
                    "{}，{work}，頁 {}",
                    written(expected.lead()).join("、"),
                    pages.value()
                )
            }
        };
        Some(Cite {
            text,
            script: cite.script,
            page: Some(pages.value()),
            want: Want::Later {
                kind: CiteKind::Short,
                of: (note, index),
            },
        })
    }

    /// `同註 3，頁 12。` (`同 3: 12.` in GB/T) for an earlier note that
    /// cites one work.
    fn same_as_note(&self, pick: u8, pages: Pages) -> Option<Cite> {
        let candidates: Vec<&ExpectedNote> =
            self.notes.iter().filter(|n| n.cites.len() == 1).collect();
        let note = candidates.get(usize::from(pick) % candidates.len().max(1))?;
        let (text, script) = match self.chinese {
            ChineseStyle::Gbt => (
                format!("同 {}: {}", note.number, pages.value()),
                Script::Gbt,
            ),
            _ => (
                format!("同註 {}，頁 {}", note.number, pages.value()),
                Script::Taiwan,
            ),
        };
        Some(Cite {
            text,
            script,
            page: Some(pages.value()),
            want: Want::Later {
                kind: CiteKind::Short,
                of: (note.number, 0),
            },
        })
    }
}

// ---------------------------------------------------------------------------
// Body text
// ---------------------------------------------------------------------------

/// A sentence of body text: Chinese (perhaps with a year, as `在 1994
/// 年`, or starting with one, so that a marker before it is glued to the
/// year: `。31994 年`) or English.
fn sentence() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => vec(select(ZH_BODY), 5..=12).prop_map(|w| format!("{}。", w.concat())),
        1 => (vec(select(ZH_BODY), 2..=5), year(), vec(select(ZH_BODY), 2..=5))
            .prop_map(|(a, y, b)| format!("{}在 {y} 年{}。", a.concat(), b.concat())),
        1 => (year(), 1..=12u32, vec(select(ZH_BODY), 3..=8))
            .prop_map(|(y, m, w)| format!("{y} 年 {m} 月，{}。", w.concat())),
        1 => vec(select(EN_BODY), 5..=12).prop_map(|w| {
            let mut s = w.join(" ");
            if let Some(first) = s.get(..1) {
                let upper = first.to_uppercase();
                s.replace_range(..1, &upper);
            }
            format!("{s}.")
        }),
    ]
}

// ---------------------------------------------------------------------------
// The paper
// ---------------------------------------------------------------------------

fn later_form() -> impl Strategy<Value = Later> {
    prop_oneof![
        2 => Just(Later::Ibid),
        1 => Just(Later::Short),
        1 => Just(Later::SameAsNote),
    ]
}

/// A note: one to three full citations, which a third of notes replace by a
/// later form when the notes before allow one.
fn note_spec(style: Style, chinese: ChineseStyle) -> impl Strategy<Value = NoteSpec> {
    (
        vec(full_cite(style, chinese), 1..=3),
        prop::option::weighted(
            0.35,
            (
                later_form(),
                any::<u8>(),
                pages(),
                prop::bool::weighted(0.2),
            ),
        ),
        any::<u8>(),
        2..=3usize,
        sentence(),
    )
        .prop_map(|(cites, later, lead, indent, sentence)| NoteSpec {
            cites,
            later,
            lead,
            indent,
            sentence,
        })
}

/// A page: its notes (`notes` of them) and the body text that marks them.
fn page_spec(
    style: Style,
    chinese: ChineseStyle,
    notes: std::ops::RangeInclusive<usize>,
) -> impl Strategy<Value = PageSpec> {
    (
        vec(note_spec(style, chinese), notes),
        vec(sentence(), 0..=2),
        any::<bool>(),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(notes, extra, running_head, split_last)| PageSpec {
            notes,
            extra,
            running_head,
            split_last,
        })
}

/// A paper of one to four pages; the first has a note. Its conventions and
/// extractor are drawn first, and every page keeps them.
fn paper() -> impl Strategy<Value = Paper> {
    (
        prop_oneof![
            Just(Style::Paper),
            Just(Style::PaperSpaced),
            Just(Style::Chicago)
        ],
        prop_oneof![
            Just(ChineseStyle::Taiwan),
            Just(ChineseStyle::TaiwanPlain),
            Just(ChineseStyle::Gbt)
        ],
        prop_oneof![
            3 => Just(Extractor::Ruled),
            1 => any::<bool>().prop_map(|dotted| Extractor::Pdftotext { dotted }),
        ],
    )
        .prop_flat_map(|(style, chinese, extractor)| {
            (
                page_spec(style, chinese, 1..=4),
                vec(page_spec(style, chinese, 0..=4), 0..=3),
                select(PAPER_TITLES),
                60..=96usize,
                36..=60usize,
                1..=300usize,
                any::<bool>(),
            )
                .prop_map(
                    move |(first, rest, title, note_width, body_width, first_page, front)| {
                        let mut pages = vec![first];
                        pages.extend(rest);
                        assemble(Layout {
                            style,
                            chinese,
                            extractor,
                            pages,
                            title,
                            note_width,
                            body_width,
                            first_page,
                            front,
                        })
                    },
                )
        })
}

struct Layout {
    style: Style,
    chinese: ChineseStyle,
    extractor: Extractor,
    pages: Vec<PageSpec>,
    title: &'static str,
    note_width: usize,
    body_width: usize,
    first_page: usize,
    /// Put the paper's first page (abstract, author's note) before.
    front: bool,
}

fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// Full-width and CJK punctuation, as the README counts it for joining.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF)
}

fn columns(c: char) -> usize {
    if is_ideograph(c) || is_cjk_punctuation(c) {
        2
    } else {
        1
    }
}

/// Does the README's joining rule put a space where a line breaks between
/// `a` and `b`? None between CJK characters or next to CJK punctuation,
/// none after a hyphen, one otherwise.
fn joined_with_space(a: char, b: char) -> bool {
    !(is_cjk_punctuation(a) || is_cjk_punctuation(b) || is_ideograph(a) && is_ideograph(b))
        && a != '-'
}

/// Break `text` into lines of at most `width` columns (the first line
/// `first_width`), only where joining the lines again gives the text back:
/// at a space that joining restores, or between characters that joining
/// keeps together; never after a hyphen. `digits_start` allows a line to
/// start with a digit.
fn wrap(text: &str, first_width: usize, width: usize, digits_start: bool) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let limit = if lines.is_empty() { first_width } else { width };
        let mut used = 0;
        // (end of this line, start of the next)
        let mut last_break: Option<(usize, usize)> = None;
        let mut next_start = None;
        for i in start..chars.len() {
            let c = chars[i];
            if i > start {
                let prev = chars[i - 1];
                let next = chars.get(i + 1).copied();
                if c == ' ' {
                    if let Some(n) = next {
                        if prev != ' '
                            && n != ' '
                            && joined_with_space(prev, n)
                            && (digits_start || !n.is_ascii_digit())
                        {
                            last_break = Some((i, i + 1));
                        }
                    }
                } else if prev != ' '
                    && prev != '-'
                    && !joined_with_space(prev, c)
                    && (digits_start || !c.is_ascii_digit())
                {
                    last_break = Some((i, i));
                }
            }
            used += columns(c);
            if used > limit {
                if let Some((end, next)) = last_break {
                    lines.push(chars[start..end].iter().collect());
                    next_start = Some(next);
                    break;
                }
            }
        }
        match next_start {
            Some(next) => start = next,
            None => {
                lines.push(chars[start..].iter().collect());
                break;
            }
        }
    }
    lines
}

/// What a note says before its citations: nothing, `See`, or commentary
/// ending in `see` / `請參閱` (the paper's notes 3 and 4).
fn lead_text(lead: u8, first: Script, chinese: ChineseStyle) -> &'static str {
    let taiwanese = chinese != ChineseStyle::Gbt;
    match (first, lead % 8) {
        (Script::English, 4) => "See ",
        (Script::English, 5) => "On the talks of that year, see ",
        (Script::English, 6) if taiwanese => "有關雙方當年談判的經過，請參閱 ",
        (Script::Taiwan, 4) => "參見",
        (Script::Taiwan, 5 | 6) => "有關雙方當年談判的經過，請參閱",
        (Script::Gbt, 4) if !AVOID_SIMPLIFIED_CUES => "参见",
        (Script::Gbt, 5 | 6) if !AVOID_SIMPLIFIED_CUES => "有关双方当年谈判的经过，请参阅",
        _ => "",
    }
}

/// The note's text: its lead, its citations joined as notes join them
/// (`; `, `; see also `, `；`), and the full stop of its last citation's
/// convention.
fn note_text(cites: &[Cite], lead: u8, chinese: ChineseStyle) -> String {
    let mut text = String::new();
    let later = cites.iter().any(|c| matches!(c.want, Want::Later { .. }));
    if let (Some(first), false) = (cites.first(), later) {
        text.push_str(lead_text(lead, first.script, chinese));
    }
    for (i, cite) in cites.iter().enumerate() {
        if i > 0 {
            text.push_str(match cites[i - 1].script {
                Script::English if lead >= 224 && cite.script == Script::English => "; see also ",
                Script::English => "; ",
                Script::Taiwan | Script::Gbt => "；",
            });
        }
        text.push_str(&cite.text);
    }
    if let Some(last) = cites.last() {
        text.push_str(last.script.terminator());
        // A sentence of prose after the citation (`…, p. 5. Lynch argues
        // …`), in the note's language.
        if !later && (lead / 8) % 8 == 1 {
            text.push_str(match last.script {
                Script::English => " This view is widely shared.",
                Script::Taiwan => "此一觀點廣為學界接受。",
                Script::Gbt if AVOID_PROSE_AFTER_GBT => "",
                Script::Gbt => "此一观点广为学界接受。",
            });
        }
    }
    text
}

/// Lay the pages out as the paper in `refs/` is laid out (or as plain
/// `pdftotext` gives a paper).
fn assemble(layout: Layout) -> Paper {
    let Layout {
        style,
        chinese,
        extractor,
        pages,
        title,
        note_width,
        body_width,
        first_page,
        front,
    } = layout;
    let ruled = extractor == Extractor::Ruled;
    let separator = " ".repeat(49);
    let mut out = format!(" {title} \n\n蔡明彥＊ \n\n");
    if front {
        // The paper's first page: its abstract, and the author's note
        // under a rule of its own, or at the foot of the page.
        out.push_str("摘  要 \n\n俄國與中國軍事合作關係的發展，具有戰略、政治、經濟與軍事 \n\n");
        out.push_str("的意涵。 \n\n關鍵詞：俄中軍事合作；武器交易 \n\n");
        if ruled {
            out.push_str(&format!(
                "{separator}\n＊ 中興大學國際政治研究所副教授。 \n"
            ));
        } else {
            out.push_str("＊ 中興大學國際政治研究所副教授。\n\u{c}");
        }
    }
    // Lines that repeat are running heads to the reader: keep body lines
    // unique.
    let mut seen: std::collections::HashSet<String> = [title.to_string(), "蔡明彥＊".to_string()]
        .into_iter()
        .collect();
    let mut notes: Vec<ExpectedNote> = Vec::new();
    // Lines of a note carried over to the next page's block.
    let mut carried: Vec<String> = Vec::new();
    let mut number = 0u32;
    // Running heads number the pages of the ruled layout; else pages count
    // from 1.
    let numbered = ruled && pages.iter().skip(1).any(|p| p.running_head);
    for (index, page) in pages.iter().enumerate() {
        let printed = first_page + index;
        let page_number = if numbered {
            printed
        } else {
            index + 1 + usize::from(front)
        };
        if index > 0 && page.running_head {
            if ruled {
                out.push_str(&format!("\n{title} \n\n{printed} \n\n"));
            } else {
                out.push_str(&format!("{title}\n"));
            }
        }
        // The page's notes, later forms decided against the notes before.
        let mut page_notes: Vec<(u32, String, usize)> = Vec::new();
        for spec in &page.notes {
            number += 1;
            let cited = Cited {
                notes: &notes,
                style,
                chinese,
            };
            let cites = spec
                .later
                .and_then(|(later, pick, pages, bare)| cited.later(later, pick, pages, bare))
                .map_or_else(|| spec.cites.clone(), |c| vec![c]);
            let text = note_text(&cites, spec.lead, chinese);
            notes.push(ExpectedNote {
                number,
                page: page_number,
                text: text.clone(),
                cites,
            });
            page_notes.push((number, text, if ruled { spec.indent } else { 0 }));
        }
        // Body: unmarked sentences, then one marked sentence per note.
        let mut body = String::new();
        let mut push_sentence = |s: &str, marker: Option<u32>| {
            let english = s.starts_with(|c: char| c.is_ascii_alphabetic());
            let after_english = body.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '.');
            if !body.is_empty() && (english || after_english) {
                body.push(' ');
            }
            body.push_str(s);
            if let Some(m) = marker {
                body.push_str(&m.to_string());
            }
        };
        for s in &page.extra {
            push_sentence(s, None);
        }
        if page.notes.is_empty() && page.extra.is_empty() {
            // A page is never empty: it would not be a page to the reader.
            push_sentence("雙方關係持續發展。", None);
        }
        for (spec, (number, ..)) in page.notes.iter().zip(&page_notes) {
            push_sentence(&spec.sentence, Some(*number));
        }
        for (i, line) in wrap(&body, body_width, body_width, false)
            .into_iter()
            .enumerate()
        {
            let mut line = line;
            while !seen.insert(line.clone()) {
                line.push_str(if line.ends_with(|c: char| c.is_ascii()) {
                    " indeed"
                } else {
                    "，"
                });
            }
            if ruled {
                // The PDF starts each page's text with one space, and
                // leaves a blank line between lines.
                let lead = if i == 0 && index > 0 { " " } else { "" };
                out.push_str(&format!("{lead}{line} \n\n"));
            } else {
                out.push_str(&format!("{line}\n"));
            }
        }
        if ruled && (!page_notes.is_empty() || !carried.is_empty()) {
            out.truncate(out.trim_end_matches('\n').len());
            out.push('\n');
            out.push_str(&separator);
            out.push('\n');
            for line in carried.drain(..) {
                out.push_str(&line);
            }
        }
        let count = page_notes.len();
        for (k, (number, text, indent)) in page_notes.iter().enumerate() {
            let prefix = match extractor {
                Extractor::Pdftotext { dotted: true } => format!("{number}. "),
                _ => format!("{number} "),
            };
            // pdftotext does not indent continuation lines: one that began
            // with a number could read as the next note, so none does.
            let lines = wrap(
                text,
                note_width.saturating_sub(prefix.len()),
                note_width.saturating_sub(*indent),
                ruled,
            );
            let pad = " ".repeat(*indent);
            let trail = if ruled { " " } else { "" };
            let rendered: Vec<String> = lines
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let head = if i == 0 { &prefix } else { &pad };
                    format!("{head}{l}{trail}\n")
                })
                .collect();
            let split = ruled && page.split_last && k + 1 == count && index + 1 < pages.len();
            let keep = if split && rendered.len() > 1 {
                rendered.len() / 2
            } else {
                rendered.len()
            };
            for line in &rendered[..keep] {
                out.push_str(line);
            }
            carried.extend(rendered[keep..].iter().cloned());
        }
        if !ruled {
            // pdftotext: the page number at the foot, a form feed after.
            out.push_str(&format!("{printed}\n\u{c}"));
        }
    }
    Paper { text: out, notes }
}

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------

fn fail(message: String) -> TestCaseError {
    TestCaseError::fail(message)
}

fn same_people(what: &str, want: &[Person], got: &[Name], at: &str) -> Result<(), TestCaseError> {
    let want_names: Vec<(&str, &str, Option<&str>)> = want
        .iter()
        .map(|p| (p.family.as_str(), p.given.as_str(), p.suffix))
        .collect();
    let got_names: Vec<(&str, &str, Option<&str>)> = got
        .iter()
        .map(|n| {
            (
                n.family().or(n.literal_text()).unwrap_or(""),
                n.given().unwrap_or(""),
                n.suffix(),
            )
        })
        .collect();
    if want_names != got_names {
        return Err(fail(format!(
            "{at}: {what}: want {want_names:?}, got {got_names:?}"
        )));
    }
    Ok(())
}

fn same<T: PartialEq + fmt::Debug>(
    field: &str,
    want: T,
    got: T,
    at: &str,
) -> Result<(), TestCaseError> {
    if want != got {
        return Err(fail(format!("{at}: {field}: want {want:?}, got {got:?}")));
    }
    Ok(())
}

fn check_fields(want: &Expected, item: &Item, at: &str) -> Result<(), TestCaseError> {
    let at = format!("{at} ({})", want.form);
    same("type", want.item_type, item.item_type, &at)?;
    same_people("authors", &want.authors, &item.author, &at)?;
    same_people("editors", &want.editors, &item.editor, &at)?;
    let texts = [
        ("title", Some(want.title.as_str()), item.title.as_deref()),
        (
            "container-title",
            want.container.as_deref(),
            item.container_title.as_deref(),
        ),
        (
            "publisher",
            want.publisher.as_deref(),
            item.publisher.as_deref(),
        ),
        (
            "publisher-place",
            want.place.as_deref(),
            item.publisher_place.as_deref(),
        ),
        ("volume", want.volume.as_deref(), item.volume.as_deref()),
        ("issue", want.issue.as_deref(), item.issue.as_deref()),
    ];
    for (field, want, got) in texts {
        same(field, want, got, &at)?;
    }
    same(
        "year",
        Some(want.year),
        item.issued.as_ref().map(|d| d.year()),
        &at,
    )
}

/// Did the sample reach the grammars: notes found and at least one
/// citation parsed?
fn reached(ex: &Result<footcite::Extraction, footcite::ExtractError>) -> bool {
    ex.as_ref().is_ok_and(|ex| {
        ex.notes
            .iter()
            .any(|n| n.citations.iter().any(|c| c.kind.is_some()))
    })
}

fn check_paper(
    paper: &Paper,
    ex: Result<footcite::Extraction, footcite::ExtractError>,
) -> Result<(), TestCaseError> {
    let ex = ex.map_err(|e| fail(format!("extract failed: {e}")))?;
    same("notes found", paper.notes.len(), ex.notes.len(), "paper")?;
    // The work each citation resolved to, by (note number, index).
    let work_of = |(note, index): (u32, usize)| {
        ex.notes
            .iter()
            .find(|n| n.number == note)
            .and_then(|n| n.citations.get(index))
            .and_then(|c| c.work)
    };
    for (want, got) in paper.notes.iter().zip(&ex.notes) {
        let at = format!("note {}", want.number);
        let footnote = &ex.document.footnotes[got.footnote];
        same("number", want.number, got.number, &at)?;
        same("page", want.page, footnote.page, &at)?;
        same("text", want.text.as_str(), footnote.text.as_str(), &at)?;
        if footnote.marker.is_none() {
            return Err(fail(format!("{at}: its marker was not found in the body")));
        }
        same("citations", want.cites.len(), got.citations.len(), &at)?;
        for (i, (cite, record)) in want.cites.iter().zip(&got.citations).enumerate() {
            let at = format!("{at} citation {} `{}`", i + 1, cite.text);
            same(
                "locator",
                cite.page.as_deref(),
                record.locator().map(|l| l.value.as_str()),
                &at,
            )?;
            match &cite.want {
                Want::Full(expected) => match &record.raw.parsed {
                    Some(Parsed::Full(item)) => check_fields(expected, item, &at)?,
                    other => {
                        return Err(fail(format!("{at}: want a full citation, got {other:?}")))
                    }
                },
                Want::Later { kind, of } => {
                    same("kind", Some(*kind), record.kind, &at)?;
                    let earlier = work_of(*of);
                    if earlier.is_none() || record.work != earlier {
                        return Err(fail(format!(
                            "{at}: resolved to work {:?}, want that of note {} citation {} ({earlier:?})",
                            record.work,
                            of.0,
                            of.1 + 1
                        )));
                    }
                }
            }
        }
    }
    Ok(())
}

#[test]
fn generated_papers_reach_the_grammars_and_round_trip() {
    let mut runner = common::saving_runner(CASES, file!());
    let samples = Cell::new(0usize);
    let reaching = Cell::new(0usize);
    let notes = Cell::new(0usize);
    // Citations generated, by form: that each form occurs is worth seeing.
    let forms: RefCell<BTreeMap<&'static str, usize>> = RefCell::default();
    let result = runner.run(&paper(), |paper| {
        let ex = footcite::extract(&paper.text);
        samples.set(samples.get() + 1);
        if reached(&ex) {
            reaching.set(reaching.get() + 1);
        }
        notes.set(notes.get() + paper.notes.len());
        for cite in paper.notes.iter().flat_map(|n| &n.cites) {
            let form = match &cite.want {
                Want::Full(expected) => expected.form,
                Want::Later {
                    kind: CiteKind::Ibid,
                    ..
                } => "Ibid.",
                Want::Later { .. } => "short form",
            };
            *forms.borrow_mut().entry(form).or_default() += 1;
        }
        check_paper(&paper, ex)
    });
    let forms = forms.into_inner();
    eprintln!(
        "reached grammars: {}/{} samples ({} notes, {} citations: {})",
        reaching.get(),
        samples.get(),
        notes.get(),
        forms.values().sum::<usize>(),
        forms
            .iter()
            .map(|(form, n)| format!("{form} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(
        reaching.get() * 100 >= samples.get() * 95,
        "only {}/{} samples reached the grammars",
        reaching.get(),
        samples.get()
    );
}

#[test]
fn wrapping_gives_the_text_back_when_joined() {
    // The generator's own invariant: joining the lines by the README's
    // rule restores the note.
    let text = "林正義，〈美中關係的演變〉，《問題與研究》，第 44 卷第 3 期（2005 年 5 月），頁 12；Allen Lynch, Changing Views (New York: Routledge, 1991), p.388.";
    for width in [12, 20, 33, 60] {
        let lines = wrap(text, width, width, true);
        let mut joined = String::new();
        for line in &lines {
            if let (Some(a), Some(b)) = (joined.chars().next_back(), line.chars().next()) {
                if joined_with_space(a, b) {
                    joined.push(' ');
                }
            }
            joined.push_str(line);
        }
        assert_eq!(joined, text, "{lines:#?}");
    }
}

// ---------------------------------------------------------------------------
// Bugs the generator found, kept out of it (run with `--ignored`)
// ---------------------------------------------------------------------------

/// The families and given names of a note's first citation's creators.
fn first_creators(note: &str) -> Vec<(String, String)> {
    let parsed = footcite::cite::note::parse_note(note);
    match parsed.citations.first().and_then(|c| c.parsed.as_ref()) {
        Some(Parsed::Full(item)) => item
            .lead_creators()
            .iter()
            .map(|n| {
                (
                    n.family()
                        .or(n.literal_text())
                        .unwrap_or_default()
                        .to_string(),
                    n.given().unwrap_or_default().to_string(),
                )
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn pairs(names: &[(&str, &str)]) -> Vec<(String, String)> {
    names
        .iter()
        .map(|(f, g)| (f.to_string(), g.to_string()))
        .collect()
}

/// Found by the generator (fixed): a title shaped like two names after an
/// author list that `and` has already closed.
#[test]
fn title_like_two_names_after_authors() {
    assert_eq!(
        first_creators("Allen Lynch and Peter Anthony, Fragile Frontier and Limited Power (New York: Columbia University Press, 1950), p.1."),
        pairs(&[("Lynch", "Allen"), ("Anthony", "Peter")])
    );
}

/// Found by the generator (fixed): a short form matched by the surname alone.
#[test]
fn chinese_short_form_matches_the_whole_name() {
    // `AVOID_SHORT_FORM_LOOSE_MATCH`.
    let paper = format!(
        "論文\n\n正文。1正文。2正文。3\n{}\n{}\n{}\n{}\n",
        " ".repeat(49),
        "1 呂芳維，《冷戰後外交政策》（臺北：三民書局，2011 年），頁 149。",
        "2 廖達、呂仁怡，〈中俄外交政策〉，《問題與研究》，第 5 卷第 3 期（2012 年 5 月），頁 3。",
        "3 呂芳維，前引書，頁 360。",
    );
    let ex = footcite::extract(&paper).expect("three notes");
    let work = |n: usize| ex.notes[n].citations[0].work;
    // Note 3 cites 呂芳維's book of note 1, not 呂仁怡's article of note 2.
    assert_eq!(work(2), work(0));
}

/// Found by the generator (fixed): a suffix closing an editor phrase
/// before the publication parenthetical.
#[test]
fn suffix_in_chicago_editors() {
    let parsed = footcite::cite::note::parse_note(
        "Helen Brooks, “Uneasy Deterrence,” in Strategic Arms, ed. Allen Lynch, Jr. (New York: Columbia University Press, 1951), 386.",
    );
    let editors: Vec<String> = match parsed.citations.first().and_then(|c| c.parsed.as_ref()) {
        Some(Parsed::Full(item)) => item
            .editor
            .iter()
            .map(|n| n.sort_name().to_string())
            .collect(),
        _ => Vec::new(),
    };
    // `Lynch Jr.`, `Lynch, Jr., and …` and `Allen Lynch, Jr., ed., Book`
    // all parse.
    assert_eq!(editors, ["Lynch"]);
}

/// Found by the generator (fixed): prose after a GB/T reference cut the
/// reference after its title.
#[test]
fn prose_after_gbt_reference() {
    let parsed = footcite::cite::note::parse_note(
        "王明华. 中俄军事合作研究[M]. 北京: 世界知识出版社, 2005: 12. 此一观点广为学界接受。",
    );
    let citation = parsed.citations.first().expect("one citation");
    let publisher = match citation.parsed.as_ref() {
        Some(Parsed::Full(item)) => item.publisher.clone(),
        _ => None,
    };
    assert_eq!(publisher.as_deref(), Some("世界知识出版社"));
    assert_eq!(
        citation.locator.as_ref().map(|l| l.value.as_str()),
        Some("12")
    );
}

/// Found by the generator (fixed): a short form matched a later work with
/// the surname among its co-authors.
#[test]
fn short_form_prefers_the_work_its_name_leads() {
    // `AVOID_SHORT_FORM_LOOSE_MATCH`.
    let paper = format!(
        "Paper\n\nText.1 Text.2 Text.3\n{}\n{}\n{}\n{}\n",
        " ".repeat(49),
        "1 Andrei Lynch, “Emerging Cooperation,” Europe-Asia Studies, Vol.49, No.2 (1999), p.83.",
        "2 Robert Whiting, Thomas Tucker and Natalie A. Lynch, The Emerging Cooperation of East Asia (Armonk, NY: M. E. Sharpe, 2013), pp.221-238.",
        "3 Lynch, “Emerging Cooperation,” p.147.",
    );
    let ex = footcite::extract(&paper).expect("three notes");
    let work = |n: usize| ex.notes[n].citations[0].work;
    // Note 3 repeats Andrei Lynch's article (a quoted title, Lynch alone),
    // not the book of note 2, where Lynch is the third author.
    assert_eq!(work(2), work(0));
}

/// Found by the generator (fixed): simplified-script cues (参见, 请参阅).
#[test]
fn simplified_cue_in_gbt_note() {
    assert_eq!(
        first_creators("参见王明华. 中俄军事合作研究[M]. 北京: 世界知识出版社, 2005: 12."),
        pairs(&[("王", "明华")])
    );
}
