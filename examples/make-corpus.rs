//! Writes a synthetic paper with N footnotes in the layout of the PDF
//! extractions in `refs/`, for benchmarks and robustness runs:
//!
//! ```text
//! cargo run --release --example make-corpus -- N [SEED] > big.txt
//! cargo run --release --example make-corpus -- N [SEED] --dense > dense.txt
//! ```
//!
//! By default a page holds 1–4 notes under 14–23 body lines (about 1 KB of
//! page per note). `--dense` writes notes as densely as the paper in
//! `refs/` does (about 320 bytes of page per note): 4–8 notes under 1–3
//! body lines, the same notes in the same order.
//!
//! The layout follows the reference paper: a first page with title, author,
//! abstract and an author note `＊`; then pages of body text (one line, one
//! blank line) with note markers glued to the text (`操作。12當`, and now and
//! then a marker followed by a year, `」。121989 年`), a footnote block opened
//! by a line of spaces, notes `N text` whose continuation lines are indented
//! by two or three spaces, and the next page starting with a line that opens
//! with one space or with the running header and page number.
//!
//! The notes cycle through templates of every citation form of the reference
//! paper (English and Chinese books, chapters, articles, newspapers, wire
//! services, several citations in one note, commentary with `請參閱`, Ibid.,
//! a short form), renumbered. Names, titles, years, days, pages, volumes vary
//! deterministically with the seed, and every template's title carries words
//! derived from a running counter, so no two works are the same; repeats
//! within one cycle of templates (a work cited again in a later note, Ibid.,
//! the short form) are kept, as in the paper.

use footcite::layout::join_needs_space;
use std::collections::HashMap;
use std::io::Write;

/// One cycle of note templates. `{kind:slot}` is replaced; the same slot
/// means the same work within a cycle. Kinds: `en` English name, `ini` name
/// with initials, `fam` the family name of that slot's name, `zh` Chinese
/// name, `t`/`zt` English/Chinese title words (unique per slot and cycle),
/// `y` year, `y1` the year after, `yy1` its last two digits, `p` page, `pe`
/// a later page, `d` day (1–22), `de` six days later, `m`/`zm` month name /
/// number, `n` 1–12, `n2` 10–99, `n3` 100–999, `n4` 1000–9999, `v` 1–60,
/// `zn` a Chinese numeral 一–十, `k` 10–90.
const TEMPLATES: &[&str] = &[
    "{en:1a}, “Changing {t:1a} Views on the International System and Soviet Foreign Policy,” in {en:1b}, Jr., {en:1c} and {en:1d} (eds), Soviet Foreign Policy: from {t:1b} to Gorbachev (New York: Walter de Gruyter Inc., {y:1a}), p.{p:1a} and pp. {p:1b}-{pe:1b}.",
    "“Shift in {t:2a} Strategy for Building Armed Forces Shows New Evaluation of World Situation,” FBIS-CHI, {d:2a} {m:2a} {y:2a}, p.W{n:2a}.",
    "在高峰會後，中、蘇發表聯合聲明，同意解決雙邊關係的「三大障礙」，包括：蘇聯宣布越南將自 {y:3z} 年 {zm:3z} 月從高棉撤軍；蘇聯將自蒙古撤出蘇聯駐蒙古百分之七十五的軍隊；以及雙方同意針對降低邊界地區駐軍進行談判。請參閱 “{t:3a} Joint Communique,”  Beijing Review, {de:3a} May - {d:3b} June {y:3a}, p.{p:3a}.",
    "中、俄雙方對國際情勢的共同關切，陳述在兩國於 {y:4a} 年 {zm:4a} 月發表的聯合公報。請參閱 “Full Text of {t:4a} Joint Statement,” FBIS-CHI-94-{n3:4a}, {d:4a} September {y:4a}, pp.{p:4a}-{pe:4a}.",
    "{en:5a}, “{t:5a} or Cold Peace?” Foreign Policy, No. {n2:5a} (Summer {y:5a}), p.{p:5a}.",
    "{en:6a}, “{t:6a} and the United States: A Partnership or Another Disengagement,” International Affairs (Moscow), {n:6a} ({y:6a}), p.{p:6a}; {ini:6b}, “International Security and Character of {t:6b} Military Conflicts,” Military Thought (Moscow), Vol. {n:6b}, No. {n:6c} ({y:6b}), p.{p:6b}.",
    "{en:7a}, “Military and Technological Cooperation, and Prospects of {t:7a} Strategic Interaction,” Far Eastern Affairs (Moscow), No.{n:7a} ({y:7a}), pp.{p:7a}-{pe:7a}; {en:7b}, Mending Fences: The Evolution of {t:7b} Policy from Brezhnev to Yeltsin (Seattle: University of Washington Press, {y:7b}), p,{p:7b}.",
    "“{t:8a} Decided on Its International Archenemy,” FBIS-CHI-94-0{n2:8a}, {d:8a} January {y:8a}, p.{p:8a}.",
    "{zh:9a}，{zt:9a}與新軍事變革（北京：清華大學出版社，{y:9a} 年），頁 {p:9a}。",
    "{zh:10a}主編，外國{zt:10a}戰略與軍事戰略教程（北京：軍事科學出版社，{y:10a} 年），頁 {p:10a}；{zh:10b}，地緣政治與{zt:10b}國防戰略（天津：天津人民出版社，{y:10b} 年），頁 {p:10b}。",
    "“Full Text of {t:4a} Joint Statement,” FBIS-CHI-94-{n3:4a}, {d:4a} September {y:4a}, pp.{p:4a}-{pe:4a}; “{t:11a} Issue Joint Statement,” SWB, SU/{n4:11a}, {d:11a} April {y:11a}, p.B/{n:11a}.",
    "“Full Text of {t:12a} Address, and Answers to Questions, at Press Conference,” ITAR-TASS, {d:12a} December {y:12a}, in SWB, FE/{n4:12a}, {de:12a} December {y:12a}, p.A{n:12a}/{n:12b}; “{t:12b} Joint Statement on Relations,” Beijing Review, {d:12c}-{de:12c} December {y:12b}, p.{p:12b}.",
    "“Address of President of the {t:13a} Federation Boris Yeltsin to the Leaders of the Russian Armed Forces on May {d:13a}, {y:13a},” Military News Bulletin, Vol.{n:13a}, No.{n:13b} (June {y:13a}) , pp.{p:13a}-{pe:13a}.",
    "“{t:14a} Reports on Defense Industry’s Conversion,” ITAR-TASS, {d:14a} December {y:14a}, in SWB, SU/{n4:14a}, {de:14a} December {y:14a}, p.S{n:14a}/{n:14b}.",
    "“{t:15a} Defense Industry in Crisis,” ITAR-TASS, {d:15a} March {y:15a}, in SWB, SU/{n4:15a}, {de:15a} March {y:15a}, p.C{n:15a}/{n:15b}; {en:15b} and {en:15c}, “Sino-Russian Military-Technical Cooperation: A {t:15b} View,” in {en:15d} (ed.), {t:15c} and the Arms Trade (Oxford: Oxford University Press, {y:15b}), p.{p:15b}.",
    "{en:16a}, “The Strategic Convergence between {t:16a} and China,” Survival, Vol.{v:16a}, No.{n:16a} (Summer {y:16a}), p.{p:16a}.",
    "{en:17a}, “Report on the Work of the {t:17a},” Beijing Review, {d:17a}-{de:17a} April {y:17a}, p.XV.",
    "The {t:18a} Balance {y:18a}/{y1:18a} ( London: IISS, {y1:18a}), pp.{p:18a}-{pe:18a}.",
    "{zh:19a}，當代{zt:19a}與中國國防（北京：軍事科學出版社，{y:19a} 年），頁 {p:19a}-{pe:19a}；{en:19b} and {en:19c}, “Advanced Military Technology and the PLA: Priorities and Capabilities for the {t:19b},” in {en:19d} (ed.), The Chinese Armed Forces in the {t:19c} (Carlisle, PA: Strategic Studies Institute, UA Army War College, {y:19b}), p.{p:19b}.",
    "{en:20a}, “{t:20a} Acquisitions of Russian SU Fighters: A Great Leap Forward?” American Journal of Chinese Studies, Vol.{n:20a}, No.{n:20b} (April {y:20a}), p.{p:20a}.",
    "「中俄簽{zt:21a}軍事合作計畫」，中國時報，{y:21a} 年 {zm:21a} 月 {d:21a} 日，版{zn:21a}。",
    "{en:22a}, “From Military Adversaries to Economic Partners: {t:22a} in the New Asia,” Journal of East Asian Affairs, Vol.{n:22a}, No.{n:22b} (Winter {y:22a}), p.{p:22a}.",
    "“{t:23a} Military Heads Tour Nuclear Facility, Call for Joint Research,” SWB, SU/{n4:23a}, {d:23a} June {y:23a}, p.S{n:23a}/{n:23b}.",
    "「中俄明年進行{zt:24a}軍事活動」，大公報，{y:24a} 年 {zm:24a} 月 {d:24a} 日。",
    "{en:25a} (ed.), Compilation of Security Treaties, Agreements and Statements of {t:25a} (Taipei: Taiwan Research Institute, {y:25a}), pp.{p:25a}-{pe:25a}.",
    "在邊界兩側 {n3:26a} 公里內，雙方同意不得進行超過以下人數的實兵演習：在俄、中邊界東段部分不得超過 {k:26a},000 人；在邊界西段，俄國、中國、哈薩克、吉爾吉斯、塔吉克邊界，單獨或聯合演習不得超過 {k:26b},000 人或 {k:26c} 輛作戰坦克。",
    "在東段邊界線兩側 {n3:27a} 公里內，進行 {k:27a},000 人以上的實兵演習，一年不得超過一次；在邊界兩側 {n2:27b} 公里內，僅能進行不超過一個團的實兵實彈演習；在邊界兩側 {n:27c} 公里內，不再部署邊防部隊以外的部隊。",
    "五國同意對邊界兩側 {n3:28a} 公里內的部隊與軍事設備數量，進行限制，包括人員、坦克、裝甲車、戰術飛彈發射器、口徑 {n3:28b} 公釐以上的火砲、戰鬥機與戰鬥直昇機。四個前蘇聯共和國可保有坦克 {n:28c},{n3:28c} 輛、裝甲作戰車 {n:28d},{n3:28d} 輛、戰機 {n3:28e} 架。中國方面亦維持相同數量的武器。",
    "{en:29a}, “{t:29a} Jiang, in Moscow, Seeks to Strengthen Ties,” The Washington Post,  {d:29a} April {y:29a}, p.A{n2:29a}.",
    "{en:30a}, From Adversaries to Partners ? {t:30a} Military Cooperation after the Cold War (New York: Praeger, {y:30a}), Chapter {n:30a}.",
    "Ibid.",
    "行政院大陸委員會，{zt:32a}情勢分析（{y:32a} 年 {zm:32a} 月），頁 {p:32a}。",
    "「席哈克：法國將繼續尋求{zt:33a}解除武器禁運」，中央社，{y:33a} 年 {zm:33a} 月 {d:33a} 日。",
    "{zh:34a}，中共軍力現代化的發展與挑戰：從{zt:34a}政策分析（台北：鼎茂出版社，{y:34a} 年），頁 {p:34a}-{pe:34a}。",
    "「中俄軍演：{zt:35a}精銳亮相」，中國國防報，{y:35a} 年 {zm:35a} 月 {d:35a} 日。",
    "「曹剛川訪俄，商{zt:36a}交易」，文匯報，{y:36a} 年 {zm:36a} 月 {d:36a} 日。",
    "「中國十年內將擁有{zt:37a}」，自由時報，{y:37a} 年 {zm:37a} 月 {d:37a} 日。",
    "「普京希望{zt:38a}成員國，舉行聯合軍演」，新華社，{y:38a} 年 {zm:38a} 月 {d:38a} 日。",
    "{en:39a}, Chinese Military Power and {t:39a} Security Interests, SAIS Policy Forum Series, No.{n:39a} (Baltimore, MA: The Johns Hopkins University, {y:39a}), p.{p:39a}; {en:39b}, “China as a Military Power in the {t:39b},” Japan Review of International Affairs, Vol. {n:39b}, No. {n:39c}, Spring {y:39b}, pp.{p:39b}-{pe:39b}; {en:39c}, “Russo-Chinese Military Relations and {t:39c} Security,” Issues and Studies, Vol. {v:39c}, No. {n:39d} (November {y:39c}), pp.{p:39c}-{pe:39c}.",
    "“Japan Anxious about {t:40a} Arms Sales,” Kyodo News Service, {d:40a} December {y:40a}, in SWB, FE/{n4:40a}, {de:40a} December {y:40a}, p.A{n:40a}/{n:40b}; {en:40b}, “Asia Scared About Expansion of {t:40b} Military Cooperation,” Izvestiya, {d:40b} November {y:40b}, FBIS-SOV-93-{n3:40b}, {de:40b} November {y:40b}, p.{p:40b}; {en:40b}, “Beijing Shakes the Honest Hand of {t:40c} Leader Grachev,” Izvestiya, {d:40c} May {y:40c}, p.{n:40c}, FBIS-SOV-95-0{n2:40c}, {d:40c} May {y:40c}, pp.{p:40c}-{pe:40c}; 「接見{zt:40d}。陳總統：軍售中共，俄應三思」，中國時報，{y:40d} 年 {zm:40d} 月 {d:40d} 日。",
    "US DoD, The Military Power of the {t:41a} {y:41a} (Washington, DC: US DoD, {y:41a}), pp.{p:41a}-{pe:41a}.",
    "Ibid.",
    "The National Institute for Defense Studies, East Asian Strategic Review {t:43a} (Tokyo: The National Institute for Defense Studies, {y:43a}), pp.{p:43a}-{pe:43a}.",
    "{en:44a}, “The ROC Air Force after {t:44a},” in {en:44b} and {en:44c} (eds), Taiwan’s Security and {t:44b} (London: Routledge, {y:44a}), pp.{p:44a}-{pe:44a}.",
    "US DoD, The Military Power of the {t:41a} {y:41a}, p.{p:45a}.",
    "{zh:9a}，{zt:9a}與新軍事變革（北京：清華大學出版社，{y:9a} 年），頁 {p:46a}；{zh:46b}，「對打贏{zt:46b}的幾點認識」，國防大學學報（北京），{y:46b} 年第 {n:46b} 期，頁 {p:46b}-{pe:46b}。",
    "{en:47a}, “The ‘{t:47a}’ Issue,” Asian Survey, Vol.{v:47a}, No.{n:47a} ({y:47a}), pp.{p:47a}-{pe:47a}; {en:47b}, “{t:47b} Re-emergence and the Future of the Asia-Pacific,” Survival, Vol.{v:47b}, No.{n:47b} ({y:47b}/{yy1:47b}), pp.{p:47b}-{pe:47b}.",
    "{en:48a}, “{t:48a} Rise in Asia: Promises, Prospects and Implications for the United States,” Occasional Paper Series (Hawaii, HA: APCSS, {y:48a}), p.{p:48a}.",
];

const TITLE_WORDS: &[&str] = &[
    "Harbor",
    "Frontier",
    "Doctrine",
    "Alliance",
    "Steppe",
    "Border",
    "Maritime",
    "Northern",
    "Pacific",
    "Strategic",
    "Energy",
    "Treaty",
    "Summit",
    "Arsenal",
    "Garrison",
    "Corridor",
    "Delta",
    "Eastern",
    "Western",
    "Southern",
    "Coastal",
    "Island",
    "Mountain",
    "River",
    "Railway",
    "Pipeline",
    "Satellite",
    "Missile",
    "Naval",
    "Aerial",
    "Nuclear",
    "Civil",
    "Regional",
    "Continental",
    "Imperial",
    "Federal",
    "Provincial",
    "Rural",
    "Urban",
    "Industrial",
    "Financial",
    "Monetary",
    "Diplomatic",
    "Security",
    "Defense",
    "Trade",
    "Market",
    "Labor",
    "Migration",
    "Cultural",
    "Literary",
    "Historical",
    "Modern",
    "Ancient",
    "Silent",
    "Rising",
    "Falling",
    "Shifting",
    "Hidden",
    "Open",
    "Narrow",
    "Broad",
    "Distant",
    "Golden",
];

const ZH_TITLE_WORDS: &[&str] = &[
    "邊境", "合作", "戰略", "安全", "能源", "海洋", "經濟", "貿易", "外交", "軍備", "區域", "聯盟",
    "國防", "科技", "工業", "鐵路", "港口", "航空", "邊疆", "草原", "河流", "山脈", "島嶼", "沿海",
    "內陸", "城市", "鄉村", "文化", "歷史", "制度", "政策", "改革", "開放", "發展", "變遷", "轉型",
    "秩序", "體系", "格局", "態勢", "危機", "衝突", "和平", "穩定", "互信", "對話", "協商", "談判",
    "條約", "協定", "資源", "市場", "金融", "貨幣", "人口", "移民", "環境", "氣候", "水利", "農業",
    "交通", "通訊", "網路", "太空",
];

const GIVEN: &[&str] = &[
    "Allen",
    "Frederic",
    "Erik",
    "Robbin",
    "Andrei",
    "Sergei",
    "Anatoly",
    "Elizabeth",
    "Alexander",
    "Sergey",
    "Ian",
    "Rajan",
    "Bernard",
    "Paul",
    "Larry",
    "James",
    "David",
    "Jonathan",
    "Ikuo",
    "Stephen",
    "Vladimir",
    "Richard",
    "Martin",
    "Michael",
    "Denny",
    "Joseph",
    "Robert",
    "Maria",
    "Helen",
    "Thomas",
    "Peter",
    "Susan",
    "Anna",
    "Karen",
    "George",
    "Mark",
    "Laura",
    "Nina",
    "Oleg",
    "Yuri",
];

const FAMILY: &[&str] = &[
    "Lynch",
    "Fleron",
    "Hoffmann",
    "Laird",
    "Kozyrev",
    "Rogov",
    "Klimenko",
    "Boliatko",
    "Wishnick",
    "Sergounin",
    "Subbotin",
    "Anthony",
    "Menon",
    "Cole",
    "Godwin",
    "Wortzel",
    "Moltz",
    "Hoffman",
    "Pollack",
    "Kayahara",
    "Blank",
    "Skosyrev",
    "Fisher",
    "Edmonds",
    "Roy",
    "Nye",
    "Sutter",
    "Garver",
    "Shambaugh",
    "Johnston",
    "Ross",
    "Swaine",
    "Lampton",
    "Goldstein",
    "Christensen",
    "Friedberg",
    "Kennedy",
    "Walton",
    "Bellamy",
    "Ostrovsky",
    "Petrov",
    "Ivanova",
    "Marsh",
    "Whitaker",
    "Lindqvist",
    "Okada",
    "Tanaka",
    "Morrison",
];

const ZH_SURNAMES: &[&str] = &[
    "王", "李", "張", "劉", "陳", "楊", "黃", "趙", "吳", "周", "徐", "孫", "馬", "朱", "胡", "郭",
    "何", "高", "林", "羅", "鄭", "梁", "謝", "宋", "唐", "許", "韓", "馮", "鄧", "曹", "彭", "曾",
];

const ZH_GIVEN: &[&str] = &[
    "明", "華", "建", "志", "文", "強", "平", "光", "偉", "德", "春", "秋", "海", "雲", "峰", "立",
    "新", "民", "安", "正", "家", "興", "宏", "俊", "慶", "秀", "英", "美", "玲", "芳", "靜", "寧",
];

const MONTHS: &[&str] = &footcite::model::MONTH_NAMES;

const ZH_NUMERALS: &[&str] = &["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// Body sentences; `{zt}` takes title words unique to the line, so no two
/// body lines repeat (a repeated line would read as a running header).
const BODY: &[&str] = &[
    "冷戰結束後，兩國在{zt}領域也開始發展密切的合作",
    "雙方的政治關係從「關係正常化」升溫到「{zt}伙伴」",
    "中國軍方在 1986 年對{zt}情勢提出全新的評估",
    "根據國防工業的統計，軍方訂單僅佔{zt}產能的 10-15%",
    "兩國在邊界兩側 100 公里內限制{zt}部隊與軍事設備",
    "俄國在歐洲逐漸喪失傳統地緣政治地位的同時，推動{zt}",
    "從 1990 年代中期起，雙方在{zt}議題上的立場趨於一致",
    "此一發展對東亞{zt}的區域穩定帶來不確定因素",
    "評估中國與周邊國家在{zt}方面權力關係的可能變化",
    "雙方同意透過和平手段解決{zt}爭議",
];

/// splitmix64: a fixed, seedable mix; no randomness crate needed.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn pick<'a>(list: &[&'a str], h: u64) -> &'a str {
    list[(h % list.len() as u64) as usize]
}

/// Words that spell `n` in base `words.len()`, at least two of them.
fn spell(n: u64, words: &[&str], sep: &str) -> String {
    let base = words.len() as u64;
    let mut digits = Vec::new();
    let mut m = n;
    loop {
        digits.push((m % base) as usize);
        m /= base;
        if m == 0 && digits.len() >= 2 {
            break;
        }
    }
    digits
        .iter()
        .rev()
        .map(|&d| words[d])
        .collect::<Vec<_>>()
        .join(sep)
}

struct Generator {
    seed: u64,
    slots: HashMap<String, u64>,
    body_counter: u64,
}

impl Generator {
    fn new(seed: u64) -> Self {
        // Number the slots in order of first appearance.
        let mut slots = HashMap::new();
        for template in TEMPLATES {
            let mut rest = *template;
            while let Some(open) = rest.find('{') {
                let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
                if let Some((_, slot)) = rest[open + 1..close].split_once(':') {
                    let next = slots.len() as u64;
                    slots.entry(slot.to_string()).or_insert(next);
                }
                rest = &rest[close + 1..];
            }
        }
        Generator {
            seed,
            slots,
            body_counter: 0,
        }
    }

    /// Text of note `index` (0-based) of the corpus.
    fn note(&self, index: u64) -> String {
        let template = TEMPLATES[(index % TEMPLATES.len() as u64) as usize];
        let cycle = index / TEMPLATES.len() as u64;
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = rest[open..].find('}').map_or(rest.len(), |c| open + c);
            let (kind, slot) = rest[open + 1..close].split_once(':').unwrap_or(("", ""));
            let slot_index = self.slots.get(slot).copied().unwrap_or(0);
            let unique = cycle * self.slots.len() as u64 + slot_index;
            out.push_str(&self.value(kind, unique));
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn hash(&self, unique: u64, salt: u64) -> u64 {
        mix(mix(self.seed ^ unique.wrapping_mul(0x1000_0000_01B3)) ^ salt)
    }

    fn value(&self, kind: &str, unique: u64) -> String {
        let h = |salt| self.hash(unique, salt);
        let year = 1950 + h(1) % 56;
        let day = 1 + h(3) % 22;
        let page = 1 + h(4) % 400;
        let family = pick(FAMILY, h(5));
        match kind {
            "en" => {
                let given = pick(GIVEN, h(6));
                if h(7) % 3 == 0 {
                    let middle = (b'A' + (h(8) % 26) as u8) as char;
                    format!("{given} {middle}. {family}")
                } else {
                    format!("{given} {family}")
                }
            }
            "ini" => {
                let a = (b'A' + (h(8) % 26) as u8) as char;
                let b = (b'A' + (h(9) % 26) as u8) as char;
                format!("{a}. {b}. {family}")
            }
            "fam" => family.to_string(),
            "zh" => format!(
                "{}{}{}",
                pick(ZH_SURNAMES, h(10)),
                pick(ZH_GIVEN, h(11)),
                pick(ZH_GIVEN, h(12))
            ),
            "t" => spell(unique, TITLE_WORDS, " "),
            "zt" => spell(unique, ZH_TITLE_WORDS, ""),
            "y" => year.to_string(),
            "y1" => (year + 1).to_string(),
            "yy1" => format!("{:02}", (year + 1) % 100),
            "p" => page.to_string(),
            "pe" => (page + 1 + h(13) % 30).to_string(),
            "d" => day.to_string(),
            "de" => (day + 6).to_string(),
            "m" => pick(MONTHS, h(14)).to_string(),
            "zm" => (1 + h(15) % 12).to_string(),
            "n" => (1 + h(16) % 12).to_string(),
            "n2" => (10 + h(17) % 90).to_string(),
            "n3" => (100 + h(18) % 900).to_string(),
            "n4" => (1000 + h(19) % 9000).to_string(),
            "v" => (1 + h(20) % 60).to_string(),
            "zn" => pick(ZH_NUMERALS, h(21)).to_string(),
            "k" => (10 + h(22) % 81).to_string(),
            _ => String::new(),
        }
    }

    /// One body line of about 26 characters, unique in the corpus.
    fn body_line(&mut self) -> String {
        self.body_counter += 1;
        let n = self.body_counter;
        let sentence = pick(BODY, mix(self.seed ^ n));
        sentence.replace("{zt}", &spell(n, ZH_TITLE_WORDS, ""))
    }
}

/// Display width: CJK characters take two columns.
fn width(c: char) -> usize {
    if c.is_ascii() {
        1
    } else {
        2
    }
}

/// Break a note into lines of at most `limit` columns where the layout
/// reader joins them back into the same text: at a single space that the
/// joiner restores, or between characters it joins without one.
fn wrap(text: &str, limit: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut cols = 0;
        let mut end = start;
        // (break before index, skip a space)
        let mut best: Option<(usize, bool)> = None;
        while end < chars.len() {
            cols += width(chars[end]);
            if cols > limit && best.is_some() {
                break;
            }
            if end > start {
                let (p, c) = (chars[end - 1], chars[end]);
                if c == ' ' {
                    let next = chars.get(end + 1).copied();
                    if let Some(n) = next {
                        if p != ' ' && n != ' ' && join_needs_space(p, n) {
                            best = Some((end, true));
                        }
                    }
                } else if p != ' ' && !join_needs_space(p, c) {
                    best = Some((end, false));
                }
            }
            end += 1;
        }
        if end >= chars.len() {
            lines.push(chars[start..].iter().collect());
            break;
        }
        let (at, skip) = best.unwrap_or((end, false));
        lines.push(chars[start..at].iter().collect());
        start = if skip { at + 1 } else { at };
    }
    lines
}

const PAPER_TITLE: &str = "區域安全合作關係的發展與影響";
const SEPARATOR: &str = "                                                 ";

fn front_page(out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, " {PAPER_TITLE} \n\n某某某＊ \n\n摘  要 \n")?;
    for line in [
        "本文為 footcite 的效能測試所產生的論文，其版面依循參考論文：",
        "正文的註腳標記緊接於文字之後，每頁的註腳區由一行空白開始。",
    ] {
        writeln!(out, "{line}\n")?;
    }
    writeln!(out, " \n關鍵詞：效能測試；註腳；引文 \n")?;
    writeln!(out, "{SEPARATOR}\n＊ 某大學某研究所教授。 ")?;
    Ok(())
}

fn main() -> std::io::Result<()> {
    let (flags, positional): (Vec<String>, Vec<String>) =
        std::env::args().skip(1).partition(|a| a.starts_with("--"));
    let dense = match flags.as_slice() {
        [] => false,
        [flag] if flag == "--dense" => true,
        _ => {
            eprintln!("usage: make-corpus N [SEED] [--dense] > paper.txt");
            std::process::exit(2);
        }
    };
    let mut args = positional.into_iter();
    let Some(count) = args.next().and_then(|a| a.parse::<u64>().ok()) else {
        eprintln!("usage: make-corpus N [SEED] [--dense] > paper.txt");
        std::process::exit(2);
    };
    let seed = args.next().and_then(|a| a.parse::<u64>().ok()).unwrap_or(1);
    let mut generator = Generator::new(seed);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 20, stdout.lock());
    front_page(&mut out)?;
    let mut next = 0u64;
    let mut page = 2u64;
    while next < count {
        // Page start: the running header and page number on odd pages, a
        // line opening with one space on even ones.
        let h = mix(seed ^ page.wrapping_mul(31));
        // (Page numbers stop at four digits, as the layout reader expects.)
        if page % 2 == 1 && page < 10_000 {
            writeln!(out, "{PAPER_TITLE} \n\n{page} \n")?;
            writeln!(out, "{} \n", generator.body_line())?;
        } else if page % 2 == 1 {
            writeln!(out, "{PAPER_TITLE} \n")?;
            writeln!(out, "{} \n", generator.body_line())?;
        } else {
            writeln!(out, " {} \n", generator.body_line())?;
        }
        let (notes_here, lines_here) = if dense {
            ((4 + h % 5).min(count - next), 1 + (h >> 8) % 3)
        } else {
            ((1 + h % 4).min(count - next), 14 + (h >> 8) % 10)
        };
        // Body lines, with this page's markers glued after full stops.
        let mut marker = next;
        for i in 0..lines_here {
            let mut line = generator.body_line();
            // Every marker due by this line (one at most at the default
            // density; several on a dense page's few lines).
            while marker < next + notes_here
                && (i + 1) * notes_here >= (marker - next + 1) * lines_here
            {
                marker += 1;
                let tail = generator.body_line();
                let split = mix(seed ^ marker) % 5;
                line = match split {
                    // `」。21989 年 5 月`: a year glued after the marker.
                    0 => format!(
                        "{line}」。{marker}{} 年 {} 月{tail}",
                        1950 + mix(marker) % 56,
                        1 + mix(marker) % 12
                    ),
                    // marker at the end of the line.
                    1 => format!("{line}。{marker}"),
                    _ => format!("{line}。{marker}{tail}"),
                };
            }
            writeln!(out, "{line} \n")?;
        }
        writeln!(out, "{SEPARATOR}")?;
        for k in next..next + notes_here {
            let number = k + 1;
            let text = generator.note(k);
            let indent = if number < 10 || mix(number).is_multiple_of(4) {
                "  "
            } else {
                "   "
            };
            for (j, line) in wrap(&text, 84).iter().enumerate() {
                let pad = if mix(number ^ j as u64).is_multiple_of(3) {
                    "  "
                } else {
                    " "
                };
                if j == 0 {
                    writeln!(out, "{number} {line}{pad}")?;
                } else {
                    writeln!(out, "{indent}{line}{pad}")?;
                }
            }
        }
        next += notes_here;
        page += 1;
    }
    writeln!(out, " 本文完。 ")?;
    out.flush()
}
