//! Creator names: splitting one written name into CSL parts, and parsing the
//! creator lists that open English (Chicago notes) and Chinese citations.
//!
//! English lists are decided conservatively: an element is accepted only if
//! it looks like a personal name (2–5 capitalised words or initials, with
//! particles and a suffix) or like an institution, and it must end at a
//! delimiter. Elements joined by a bare comma are kept only when the list is
//! closed the Chicago way (`A, B and C`, `A, B, et al.`, `A, B (eds)`), so a
//! book title after the author's comma is never swallowed.

use super::{NameList, PResult, Role, Span};
use crate::model::{Name, NameParts};
use crate::text::is_cjk_ideograph;
use nom::branch::alt;
use nom::bytes::complete::{tag, tag_no_case, take_while, take_while1};
use nom::character::complete::{char, satisfy};
use nom::combinator::{eof, map, not, opt, peek, recognize, value, verify};
use nom::error::{Error, ErrorKind};
use nom::multi::{many0, many1, separated_list1};
use nom::sequence::{delimited, pair, preceded, terminated};
use nom::{Input, Parser};

// ---------------------------------------------------------------------------
// Word tables
// ---------------------------------------------------------------------------

/// Lower-case particles that belong between given and family name.
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "des", "la", "le", "ten",
    "ter", "dos", "das", "do", "bin", "ibn", "al", "el", "zu", "af",
];

/// Lower-case words allowed inside an institution's name.
const CONNECTORS: &[&str] = &["of", "for", "the", "on", "in", "and"];

/// Name suffixes, written after the family name (often after a comma).
const SUFFIXES: &[&str] = &["Jr.", "Sr.", "Jr", "Sr", "III", "II", "IV"];

/// With [`INSTITUTION_HEADS`], the words that show a creator is a body;
/// these may also be surnames (`Press`, `Bank`, `Service`).
const INSTITUTION_WORDS: &[&str] = &[
    "School",
    "Office",
    "Center",
    "Service",
    "Press",
    "Board",
    "Library",
    "Bank",
    "Fund",
    "Inc.",
    "Inc",
    "Ltd.",
    "Ltd",
    "League",
    "Union",
    "Party",
    "Group",
    "Program",
    "Programme",
    "Project",
    "Staff",
    "Forces",
];

/// Institution words that end a body's name and are no one's surname
/// (`Law Commission`, `Nissan Motor Corporation`; unlike `Press`, `Bank`
/// or `Service`, which are).
const INSTITUTION_HEADS: &[&str] = &[
    // `U.S. Congress`, `United Nations`: a legislature or a union of states.
    "Congress",
    "Senate",
    "Nations",
    "Assembly",
    "Institute",
    "Institution",
    "University",
    "College",
    "Ministry",
    "Department",
    "Council",
    "Agency",
    "Committee",
    "Centre",
    "Association",
    "Bureau",
    "Foundation",
    "Corporation",
    "Company",
    "Government",
    "Commission",
    "Organization",
    "Organisation",
    "Academy",
    "Society",
    "Administration",
    "Parliament",
    "Secretariat",
    "Federation",
    "Consortium",
];

/// Capitalised words that title text uses and personal names practically
/// never do; an element with one of these before its last word is a title.
const TITLE_WORDS: &[&str] = &[
    "A",
    "An",
    "The",
    "Chinese",
    "Russian",
    "American",
    "Soviet",
    "Japanese",
    "Asian",
    "European",
    "Korean",
    "Indian",
    "Sino",
    "Military",
    "Security",
    "Policy",
    "Policies",
    "Strategy",
    "Strategic",
    "Foreign",
    "Affairs",
    "International",
    "National",
    "Relations",
    "War",
    "Peace",
    "Cold",
    "New",
    "World",
    "Global",
    "Economic",
    "Economy",
    "Politics",
    "Political",
    "Review",
    "Journal",
    "Quarterly",
    "Report",
    "Studies",
    "Study",
    "History",
    "Interests",
    "Cooperation",
    "Development",
    "Defense",
    "Defence",
    "Arms",
    "Trade",
    "Partnership",
    "Asia",
    "China",
    "Russia",
    "Europe",
    "Pacific",
    "Eastern",
    "Western",
    "Century",
    "Army",
    "Navy",
    "Nuclear",
    "Future",
    "Modern",
    "Evolution",
    "Crisis",
    "Conflict",
    "Balance",
    "Threat",
    "Issue",
    "Issues",
    "Analysis",
    "Toward",
    "Towards",
    "Beyond",
    "After",
    "Between",
    "Against",
    "From",
    "Why",
    "How",
    "What",
    "When",
    "Is",
    "Are",
    "In",
    "On",
    "Of",
    "To",
    "With",
    "Joint",
    "Statement",
    "Text",
    "Full",
    "Compilation",
    "Treaties",
    "Agreements",
    "Annual",
    "Daily",
    "Weekly",
    "Times",
    "News",
];

/// Common romanised Chinese surnames (pinyin, Wade–Giles and common
/// Taiwanese/GR spellings), as written in Latin script.
const CHINESE_SURNAMES: &[&str] = &[
    "Li", "Wang", "Zhang", "Chang", "Liu", "Chen", "Ch'en", "Yang", "Huang", "Hwang", "Zhao",
    "Chao", "Wu", "Zhou", "Chou", "Xu", "Hsu", "Hsü", "Sun", "Ma", "Zhu", "Chu", "Hu", "Guo",
    "Kuo", "He", "Ho", "Lin", "Luo", "Lo", "Gao", "Kao", "Liang", "Zheng", "Cheng", "Xie", "Hsieh",
    "Song", "Sung", "Tang", "Xiong", "Hsiung", "Cai", "Tsai", "Deng", "Teng", "Jiang", "Chiang",
    "Peng", "Lu", "Lü", "Su", "Ye", "Yeh", "Wei", "Yu", "Yan", "Yen", "Pan", "Du", "Tu", "Dai",
    "Tai", "Xia", "Hsia", "Zhong", "Chung", "Tian", "T'ien", "Tien", "Ren", "Jen", "Fan", "Fang",
    "Shi", "Shih", "Yao", "Tan", "T'an", "Liao", "Zou", "Tsou", "Qiu", "Chiu", "Hou", "Bai", "Pai",
    "Kong", "K'ung", "Cao", "Tsao", "Ts'ao", "Yuan", "Feng", "Meng", "Qian", "Chien", "Ch'ien",
    "Xiao", "Hsiao", "Dong", "Tung", "Shen", "Han", "Cui", "Tsui", "Lai", "Zeng", "Tseng", "Duan",
    "Tuan", "Lei", "Mao", "Qin", "Chin", "Gu", "Ku", "Hao", "Kang", "Jin", "Xue", "Hsueh", "Wen",
    "Niu", "Gong", "Kung", "Shao", "Lou", "Qi", "Chi", "Tao", "Zhuang", "Chuang", "Yin", "Ou",
    "Zhan", "Chan", "Weng", "Geng", "Keng", "Ding", "Ting", "Lien", "Lian", "Hung", "Hong",
    "Tsang", "Wong", "Chow", "Leung", "Cheung", "Tsang", "Lam", "Yip", "Kwok", "Chiou", "Yeou",
    "Jaw", "Shyu", "Jou",
];

/// Western given names that are also possible Chinese syllables: a name
/// with one of them stays in Western order.
const WESTERN_GIVEN: &[&str] = &[
    "Lee", "Dan", "Ian", "Jan", "Ann", "Anne", "Sue", "Joe", "Jon", "Don", "Ben", "Ken", "Len",
    "Leo", "Lou", "Sean", "Jean", "Jo", "Al", "Ed", "Eli", "Eve", "Guy", "Roy", "Ray", "Kay",
    "Mae", "Fay", "Hal", "Ted", "Tom", "Tim", "Sam", "Pat", "Gene", "Lynn", "Jane", "June", "Dean",
    "Noel", "Ralph", "Hugh", "Louis", "Paul", "Ron", "Rob", "Bob", "Ann", "Gail", "Dale", "Wayne",
    "Neil", "Shane", "Dane", "Kai", "Lina", "Mia", "Ana", "Eden", "Ange", "Jose", "Juan", "Hans",
    "Heinz", "Ingo", "Otto", "Uwe", "Sven", "Jens", "Lars", "Ola", "Ivan", "Igor", "Yuri", "Oleg",
    "Susan", "Julian", "Maria", "Diana", "Tina", "Nina", "Lena", "Anna", "Hanna", "Sheila",
    "Marian", "Lisa", "Linda", "Wanda", "Rosa", "Dora", "Nora", "Laura", "Paula", "Gina", "Dina",
    "Sandy", "Andy", "Randy", "Cindy", "Wendy", "Mandy", "Jenny", "Penny", "Henry", "Harry",
    "Larry", "Jerry", "Gary", "Barry", "Terry", "Perry", "Kerry",
];

/// Two-character Chinese family names, traditional and simplified.
const COMPOUND_SURNAMES: &[&str] = &[
    "歐陽", "欧阳", "司馬", "司马", "諸葛", "诸葛", "上官", "司徒", "東方", "东方", "皇甫", "尉遲",
    "尉迟", "公孫", "公孙", "慕容", "令狐", "夏侯", "長孫", "长孙", "宇文", "軒轅", "轩辕", "端木",
    "澹臺", "澹台", "申屠", "鍾離", "钟离", "呼延", "司空", "南宮", "南宫", "西門", "西门",
];

/// Endings that make a Chinese creator an institution.
const CHINESE_INSTITUTION_SUFFIXES: &[&str] = &[
    "委員會",
    "委员会",
    "基金會",
    "基金会",
    "研究所",
    "研究院",
    "辦公室",
    "办公室",
    "中心",
    "大學",
    "大学",
    "學會",
    "学会",
    "組織",
    "组织",
    "政府",
    "會",
    "会",
    "部",
    "院",
    "局",
    "所",
    "社",
    "處",
    "处",
    "署",
    "報",
    "报",
    "廳",
    "厅",
    "館",
    "馆",
    "室",
    "團",
    "团",
    "黨",
    "党",
];

// ---------------------------------------------------------------------------
// Shared small parsers
// ---------------------------------------------------------------------------

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{a0}')
}

fn err<'a, O>(input: Span<'a>, kind: ErrorKind) -> PResult<'a, O> {
    Err(nom::Err::Error(Error::new(input, kind)))
}

/// One or more spaces (line breaks of the joined note included).
fn ws(input: Span) -> PResult<Span> {
    take_while1(is_space).parse(input)
}

/// Optional spaces.
fn ows(input: Span) -> PResult<Span> {
    take_while(is_space).parse(input)
}

/// Succeeds (consuming nothing) when no letter or digit follows: the end of
/// a word.
fn word_end(input: Span) -> PResult<()> {
    not(satisfy(|c: char| {
        c.is_alphanumeric() || c == '/' || c == '_'
    }))
    .parse(input)
}

fn collapse_spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------
// English: one written name
// ---------------------------------------------------------------------------

fn is_suffix(token: &str) -> bool {
    SUFFIXES.contains(&token)
}

fn is_particle(token: &str) -> bool {
    PARTICLES.contains(&token)
}

/// Does a token look like one romanised Chinese syllable, `Peng`, `Hurng`,
/// `Hsieh`, `Yu`? Capitalised, at most 6 letters, with a vowel, built as an
/// initial consonant cluster, a vowel cluster and a nasal/GR coda.
pub fn looks_like_chinese_syllable(token: &str) -> bool {
    let letters: Vec<char> = token.chars().filter(|c| *c != '\'' && *c != '’').collect();
    if letters.is_empty() || letters.len() > 6 {
        return false;
    }
    let mut chars = letters.iter();
    match chars.next() {
        Some(c) if c.is_ascii_uppercase() || *c == 'Ü' => {}
        _ => return false,
    }
    if !chars.all(|c| c.is_ascii_lowercase() || *c == 'ü') {
        return false;
    }
    let lower: String = letters.iter().flat_map(|c| c.to_lowercase()).collect();
    const INITIALS: &[&str] = &[
        "tsz", "zh", "ch", "sh", "hs", "ts", "tz", "sz", "b", "p", "m", "f", "d", "t", "n", "l",
        "g", "k", "h", "j", "q", "x", "r", "z", "c", "s", "y", "w", "",
    ];
    const CODAS: &[&str] = &["rng", "ng", "rn", "n", "h", "r", "l", ""];
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'ü' | 'y');
    INITIALS.iter().any(|ini| {
        let Some(rest) = lower.strip_prefix(ini) else {
            return false;
        };
        let nucleus_len = rest.chars().take_while(|c| is_vowel(*c)).count();
        if nucleus_len == 0 || nucleus_len > 3 {
            return false;
        }
        let coda: String = rest.chars().skip(nucleus_len).collect();
        CODAS.contains(&coda.as_str())
    })
}

/// Does a token look like a romanised Chinese given name: one syllable
/// (`Peng`), two fused (`Xiaoping`, `Jintao`) or two hyphenated
/// (`Ching-kuo`)?
pub fn looks_like_chinese_given(token: &str) -> bool {
    if WESTERN_GIVEN.contains(&token) {
        return false;
    }
    if looks_like_chinese_syllable(token) {
        return true;
    }
    let capitalise = |s: &str| -> String {
        let mut cs = s.chars();
        match cs.next() {
            Some(c) => c.to_uppercase().chain(cs).collect(),
            None => String::new(),
        }
    };
    if let Some((a, b)) = token.split_once('-') {
        return looks_like_chinese_syllable(a) && looks_like_chinese_syllable(&capitalise(b));
    }
    if token.chars().count() > 10 {
        return false;
    }
    // Fused pinyin: some split into two syllables, the second lower-case.
    token.char_indices().skip(1).any(|(i, c)| {
        c.is_lowercase()
            && token.get(..i).is_some_and(looks_like_chinese_syllable)
            && token
                .get(i..)
                .is_some_and(|b| looks_like_chinese_syllable(&capitalise(b)))
    })
}

/// Is this token list a romanised Chinese name written family first?
/// Two or three tokens, no periods, a known surname first and
/// Chinese-looking given-name tokens after it (`Li Peng`, `Chen Hurng Yu`,
/// `Deng Xiaoping`, `Chiang Ching-kuo`).
fn is_chinese_order(tokens: &[&str]) -> bool {
    if !(2..=3).contains(&tokens.len()) {
        return false;
    }
    if tokens.iter().any(|t| t.contains('.')) {
        return false;
    }
    let Some((first, rest)) = tokens.split_first() else {
        return false;
    };
    CHINESE_SURNAMES.contains(first)
        && !WESTERN_GIVEN.contains(first)
        && rest.iter().all(|t| looks_like_chinese_given(t))
}

/// Split a trailing suffix (`, Jr.` or ` Jr.`) off a written name.
fn split_suffix(written: &str) -> (&str, Option<&str>) {
    if let Some((head, tail)) = written.rsplit_once(',') {
        let tail = tail.trim();
        if is_suffix(tail) {
            return (head.trim(), Some(tail));
        }
    }
    if let Some((head, tail)) = written.rsplit_once(' ') {
        if is_suffix(tail) && head.split_whitespace().count() >= 2 {
            return (head.trim(), Some(tail));
        }
    }
    (written, None)
}

/// Drop a trailing `et al.` (with or without a comma before it).
fn strip_et_al(written: &str) -> &str {
    let w = written.trim();
    for end in ["et al.", "et al", "et. al."] {
        if let Some(head) = w.strip_suffix(end) {
            return head.trim_end().trim_end_matches(',').trim_end();
        }
    }
    w
}

/// Split one written English-script name into family, given, particle and
/// suffix: `Frederic J. Fleron, Jr.`, `Charles de Gaulle`, `Li Peng`
/// (family first), `Lynch, Allen` (inverted).
pub fn english_person(written: &str) -> Name {
    let written = collapse_spaces(strip_et_al(written));
    let (body, suffix) = split_suffix(&written);
    // Inverted form: `Family, Given`.
    if let Some((family, given)) = body.split_once(',') {
        let mut name = Name::person(family.trim(), given.trim());
        name.set_suffix(suffix);
        return name;
    }
    let tokens: Vec<&str> = body.split_whitespace().collect();
    let mut name = if is_chinese_order(&tokens) {
        match tokens.split_first() {
            Some((family, given)) => {
                let mut name = Name::person(family, &given.join(" "));
                name.static_ordering = Some(true);
                name
            }
            None => Name::default(),
        }
    } else {
        western_order(&tokens)
    };
    name.set_suffix(suffix);
    name
}

/// Given names first, then particles, then the family name.
fn western_order(tokens: &[&str]) -> Name {
    let Some((family, before)) = tokens.split_last() else {
        return Name::default();
    };
    let mut particles = before.iter().rev().take_while(|t| is_particle(t)).count();
    // `Silvia De Renzi`, `Peter M. Van Wingen`: a capitalised particle
    // after a given name belongs to the family name.
    let capitalised_particle = |t: &&str| {
        t.chars().next().is_some_and(char::is_uppercase) && is_particle(&t.to_lowercase())
    };
    // `Deborah Van der Plaat`: so does one before lower-case particles.
    let capitalised_before = before
        .len()
        .checked_sub(particles + 1)
        .and_then(|i| before.get(i))
        .is_some_and(capitalised_particle);
    if before.len() >= particles + 2 && capitalised_before {
        particles += 1;
    }
    let split = before.len().saturating_sub(particles);
    let given = before.get(..split).unwrap_or_default().join(" ");
    let particle = before.get(split..).unwrap_or_default().join(" ");
    Name::from_parts(NameParts {
        family: Some(family),
        given: (!given.is_empty()).then_some(given.as_str()),
        particle: (!particle.is_empty()).then_some(particle.as_str()),
        ..NameParts::default()
    })
}

// ---------------------------------------------------------------------------
// Institutions
// ---------------------------------------------------------------------------

/// `McNamara`, `MacArthur`, `DeLay`, `O'Neill`, `Dell’Acqua`: capitals that
/// do not make an acronym.
fn is_prefixed_surname(part: &str) -> bool {
    [
        "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "O'", "O’", "Fitz", "D'",
        "D’", "Dell'", "Dell’", "Dall'", "Dall’", "L'", "L’",
    ]
    .iter()
    .any(|p| {
        part.strip_prefix(p).is_some_and(|rest| {
            let mut cs = rest.chars();
            cs.next().is_some_and(|c| c.is_uppercase())
                && cs.all(|c| c.is_lowercase() || c == '\'' || c == '’')
        })
    })
}

/// A token such as `US`, `IISS`, `DoD`, `FBIS-CHI`: two or more capitals in
/// one hyphen part, no period.
fn is_acronym_token(token: &str) -> bool {
    if token.contains('.') {
        return false;
    }
    token.split('-').any(|part| {
        part.chars().filter(|c| c.is_uppercase()).count() >= 2 && !is_prefixed_surname(part)
    })
}

/// Evidence in the words themselves (keyword or acronym) that a name is an
/// institution; `The …` alone is not counted here.
fn has_institution_evidence(written: &str) -> bool {
    written.split_whitespace().any(|t| {
        let t = t.trim_end_matches([',', ';', ':']);
        INSTITUTION_WORDS.contains(&t) || INSTITUTION_HEADS.contains(&t) || is_acronym_token(t)
    })
}

/// Is this written creator an institution rather than a person?
pub fn is_institution(written: &str) -> bool {
    let w = written.trim();
    if w.chars().any(is_cjk_ideograph) {
        return is_chinese_institution(w);
    }
    w.starts_with("The ") || w.starts_with("the ") || has_institution_evidence(w)
}

// ---------------------------------------------------------------------------
// English: name-list combinators
// ---------------------------------------------------------------------------

/// Kinds of token inside one list element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Initial,
    Word,
    Particle,
    Connector,
}

/// `J.`, `A.F.`, `Th.`, `J.-P.`: capital (plus at most one small letter)
/// and a period, repeated.
fn initial(input: Span) -> PResult<Span> {
    terminated(
        recognize(many1((
            satisfy(char::is_uppercase),
            opt(satisfy(char::is_lowercase)),
            char('.'),
            opt(char('-')),
        ))),
        word_end,
    )
    .parse(input)
}

fn is_word_char(c: char) -> bool {
    // `Sergeı̆`: a letter with a combining mark that has no composed form.
    c.is_alphabetic()
        || c == '\''
        || c == '’'
        || c == '-'
        || unicode_normalization::char::is_combining_mark(c)
}

/// `Lynch`, `Ming-Yen`, `O’Brien`, `DoD`: a capitalised word, no period.
fn capitalised_word(input: Span) -> PResult<Span> {
    terminated(
        verify(
            recognize(pair(satisfy(char::is_uppercase), take_while(is_word_char))),
            |s: &Span| !s.fragment().ends_with('-'),
        ),
        word_end,
    )
    .parse(input)
}

/// `dell’Arco`, `d’Alembert`, `l’Estrange`: a surname after an elided
/// particle written in lower case, one word.
fn elided_surname(input: Span) -> PResult<Span> {
    terminated(
        recognize((
            take_while1(char::is_lowercase),
            satisfy(|c| c == '’' || c == '\''),
            satisfy(char::is_uppercase),
            take_while(is_word_char),
        )),
        word_end,
    )
    .parse(input)
}

/// `K[arl]`, `M[ichael]`: an initial whose name the citer supplied in
/// brackets, a word of the given name as written.
fn supplied_name(input: Span) -> PResult<Span> {
    terminated(
        recognize((
            satisfy(char::is_uppercase),
            char('['),
            take_while1(char::is_lowercase),
            char(']'),
        )),
        word_end,
    )
    .parse(input)
}

/// `H L A Hart`, `A N Other`: initials with no periods (OSCOLA and other
/// British styles), two or more, before a capitalised family name. One
/// alone (`A Theory`) is too often a title's article.
fn bare_initials(input: Span) -> PResult<Span> {
    terminated(
        recognize((
            satisfy(char::is_uppercase),
            word_end,
            many1((char(' '), satisfy(char::is_uppercase), word_end)),
        )),
        peek((
            char(' '),
            satisfy(char::is_uppercase),
            satisfy(char::is_lowercase),
        )),
    )
    .parse(input)
}

/// `AT&T`, `P&O`: capitals joined by an ampersand, one acronym.
fn ampersand_acronym(input: Span) -> PResult<Span> {
    terminated(
        recognize((
            take_while1(|c: char| c.is_ascii_uppercase()),
            char('&'),
            take_while1(|c: char| c.is_ascii_uppercase()),
        )),
        word_end,
    )
    .parse(input)
}

/// A lower-case word.
fn lower_word(input: Span) -> PResult<Span> {
    terminated(take_while1(|c: char| c.is_lowercase()), word_end).parse(input)
}

/// `van`, `de`, `von` …
fn particle(input: Span) -> PResult<Span> {
    verify(lower_word, |s: &Span| is_particle(s.fragment())).parse(input)
}

/// `of`, `for`, `the` … inside an institution's name.
fn connector(input: Span) -> PResult<Span> {
    verify(lower_word, |s: &Span| {
        CONNECTORS.contains(s.fragment()) && *s.fragment() != "and"
    })
    .parse(input)
}

/// One token of a name element, classified.
fn name_token(input: Span) -> PResult<(Tok, Span)> {
    alt((
        map(initial, |s| (Tok::Initial, s)),
        map(supplied_name, |s| (Tok::Word, s)),
        map(elided_surname, |s| (Tok::Word, s)),
        map(particle, |s| (Tok::Particle, s)),
        map(connector, |s| (Tok::Connector, s)),
        // `Arduengo III`: a generational numeral is the suffix, not a word
        // of the name.
        map(
            verify(capitalised_word, |s: &Span| {
                !matches!(*s.fragment(), "II" | "III" | "IV")
            }),
            |s| (Tok::Word, s),
        ),
    ))
    .parse(input)
}

/// `Jr.`, `III` after a name, with or without a comma.
fn name_suffix(input: Span) -> PResult<Span> {
    preceded(
        (opt(char(',')), ows),
        terminated(
            alt((
                tag("Jr."),
                tag("Sr."),
                tag("Jr"),
                tag("Sr"),
                tag("III"),
                tag("II"),
                tag("IV"),
            )),
            word_end,
        ),
    )
    .parse(input)
}

/// `et al.` (or `et al`, `et. al.`), with an optional comma before it.
fn et_al(input: Span) -> PResult<Span> {
    preceded(
        (opt(char(',')), ows),
        alt((
            tag("et al."),
            tag("et. al."),
            terminated(tag("et al"), word_end),
        )),
    )
    .parse(input)
}

/// The word of a role marker: `eds.`, `ed`, `trans.`, `tr.`.
fn role_word(input: Span) -> PResult<Role> {
    alt((
        value(Role::Editor, terminated(tag_no_case("eds"), opt(char('.')))),
        value(Role::Editor, terminated(tag_no_case("ed"), opt(char('.')))),
        value(Role::Translator, terminated(tag("trans"), opt(char('.')))),
        value(Role::Translator, terminated(tag("tr"), opt(char('.')))),
        value(Role::Editor, terminated(tag("comps"), opt(char('.')))),
        value(Role::Editor, terminated(tag("comp"), opt(char('.')))),
    ))
    .parse(input)
}

/// `(eds)`, `(ed.)`, `(trans.)`.
fn paren_role(input: Span) -> PResult<Role> {
    delimited((char('('), ows), role_word, (ows, char(')'))).parse(input)
}

/// `ed.`, `eds.`, `trans.` written bare: the period is required.
fn bare_role(input: Span) -> PResult<Role> {
    terminated(
        alt((
            value(Role::Editor, tag("eds.")),
            value(Role::Editor, tag("ed.")),
            value(Role::Translator, tag("trans.")),
            value(Role::Translator, tag("tr.")),
            // A podcast's or a programme's host (Chicago's 18th edition)
            // is its author.
            value(Role::Author, tag("hosts")),
            value(Role::Author, tag("host")),
        )),
        word_end,
    )
    .parse(input)
}

/// A role marker after a list: ` (eds)`, `, ed.`.
fn role_marker(input: Span) -> PResult<Role> {
    alt((
        preceded(ows, paren_role),
        preceded((opt(char(',')), ws), bare_role),
    ))
    .parse(input)
}

/// ` and `, `, and `, ` & ` between the last two names.
fn and_separator(input: Span) -> PResult<Span> {
    alt((
        recognize((opt(char(',')), ws, tag("and"), ws)),
        recognize((ows, tag("&"), ows)),
    ))
    .parse(input)
}

/// `, ` between names of a longer list.
fn comma_separator(input: Span) -> PResult<Span> {
    recognize((char(','), ows)).parse(input)
}

/// What may follow a name element: punctuation that ends it, or a
/// separator / marker word.
fn element_boundary(input: Span) -> PResult<()> {
    value(
        (),
        peek(alt((
            value((), eof),
            // Trailing spaces before the end of an element's text.
            value((), (ws, eof)),
            value(
                (),
                satisfy(|c| matches!(c, ',' | ';' | '(' | ')' | '.' | '[')),
            ),
            value((), and_separator),
            value(
                (),
                // `John Le Carré [David John Moore Cornwell]`: a bracketed
                // real name or note after the name.
                preceded(ws, alt((tag("et al"), tag("et. al"), tag("("), tag("[")))),
            ),
            value((), preceded(ws, bare_role)),
        ))),
    )
    .parse(input)
}

/// The raw tokens of one element, before it is judged.
fn element_tokens(input: Span) -> PResult<Vec<(Tok, Span)>> {
    let (rest, first) = alt((
        map(initial, |s| (Tok::Initial, s)),
        map(bare_initials, |s| (Tok::Initial, s)),
        map(supplied_name, |s| (Tok::Word, s)),
        map(ampersand_acronym, |s| (Tok::Word, s)),
        map(capitalised_word, |s| (Tok::Word, s)),
    ))
    .parse(input)?;
    let (rest, more) = many0(preceded(ws, name_token)).parse(rest)?;
    let mut tokens = vec![first];
    tokens.extend(more);
    Ok((rest, tokens))
}

/// Is this token sequence a personal name? 2–5 tokens of capitalised words
/// and initials (particles before the family name), ending in a word, no
/// acronym, no title word before the family name.
fn person_shape(tokens: &[(Tok, Span)]) -> bool {
    // `Wil M. P. van der Aalst`: particles do not count towards the
    // length, and a run of initials counts as one (`Vincent A. W. M. M.
    // Aleven`).
    let particles = tokens.iter().filter(|(k, _)| *k == Tok::Particle).count();
    let initials = tokens.iter().filter(|(k, _)| *k == Tok::Initial).count();
    let counted = tokens.len() - particles - initials.saturating_sub(1);
    if !(2..=5).contains(&counted) || particles > 3 || initials > 5 {
        return false;
    }
    let Some(((last_kind, last), before)) = tokens.split_last() else {
        return false;
    };
    *last_kind == Tok::Word
        && !is_acronym_token(last.fragment())
        && !INSTITUTION_HEADS.contains(last.fragment())
        && before.iter().enumerate().all(|(i, (k, s))| {
            // `John A Minch`: a middle initial without its period, as
            // bibliographic data often writes it; `A` first is an article.
            let middle_initial = i > 0 && s.fragment().chars().count() == 1;
            matches!(k, Tok::Word | Tok::Initial | Tok::Particle)
                && (*k == Tok::Initial || !is_acronym_token(s.fragment()))
                && (middle_initial || !TITLE_WORDS.contains(s.fragment()))
        })
        && before.first().is_some_and(|(k, _)| *k != Tok::Particle)
}

/// Is this token sequence an institution? Up to 12 tokens, ending in a
/// word, with an institution keyword or an acronym.
fn institution_shape(tokens: &[(Tok, Span)], written: &str) -> bool {
    (1..=12).contains(&tokens.len())
        && tokens.last().is_some_and(|(k, _)| *k == Tok::Word)
        && has_institution_evidence(written)
}

/// One element of a creator list: a person (with optional suffix) or an
/// institution, ending at a delimiter.
fn name_element(input: Span) -> PResult<Name> {
    let start = input;
    let (_, tokens) = element_tokens(input)?;
    // Try the longest token prefix that is a name and ends at a boundary:
    // trailing connectors/particles are given back.
    for n in (1..=tokens.len()).rev() {
        let Some(prefix) = tokens.get(..n) else {
            continue;
        };
        let Some((_, last)) = prefix.last() else {
            continue;
        };
        let end = last.location_offset() + last.fragment().len() - start.location_offset();
        let after = start.take_from(end);
        let written = collapse_spaces(start.take(end).fragment());
        if person_shape(prefix) {
            let (after, suffix) = opt(name_suffix).parse(after)?;
            if element_boundary(after).is_ok() {
                let mut name = english_person(&written);
                name.set_suffix(suffix.map(|s| *s.fragment()));
                return Ok((after, name));
            }
        } else if institution_shape(prefix, &written) && element_boundary(after).is_ok() {
            return Ok((after, Name::literal(&written)));
        }
    }
    err(input, ErrorKind::Verify)
}

/// The names of a list with their separators, stopping before any role
/// marker, `et al.` or trailing comma. Bare-comma continuations are kept
/// only when the list is closed by `and …`, `et al.` or a role marker.
fn name_sequence(input: Span) -> PResult<Vec<Name>> {
    let (mut rest, first) = name_element(input)?;
    let mut names = vec![first];
    // Position and names after the last element we are sure of.
    let mut committed = rest;
    let mut pending: Vec<Name> = Vec::new();
    loop {
        if let Ok((r, name)) = preceded(and_separator, name_element).parse(rest) {
            names.append(&mut pending);
            names.push(name);
            committed = r;
            // `and` joins the last name of a list: what follows a second
            // comma is the title (`A and B, Fragile Frontier and Limited
            // Power`), never more names.
            break;
        }
        if let Ok((r, name)) = preceded(comma_separator, name_element).parse(rest) {
            pending.push(name);
            rest = r;
            continue;
        }
        break;
    }
    if !pending.is_empty() && (et_al(rest).is_ok() || role_marker(rest).is_ok()) {
        names.append(&mut pending);
        committed = rest;
    }
    Ok((committed, names))
}

/// A creator list at the start of `input`: `Allen Lynch`, `A and B`,
/// `A, B and C (eds)`, `A et al.`, `US DoD`. Consumes `et al.` and a role
/// marker, never the comma after the list.
pub fn english_name_list(input: Span) -> PResult<NameList> {
    let (rest, list) = english_names_without_role(input)?;
    let (rest, role) = opt(role_marker).parse(rest)?;
    Ok((
        rest,
        NameList {
            role: role.unwrap_or(Role::Author),
            ..list
        },
    ))
}

/// Names with no role marker after them: `by Author, ed. Editor` names
/// the author, and its `, ed.` opens the editor phrase.
pub fn english_names_without_role(input: Span) -> PResult<NameList> {
    let (rest, names) = name_sequence(input)?;
    let (rest, etal) = opt(et_al).parse(rest)?;
    Ok((
        rest,
        NameList {
            names,
            role: Role::Author,
            et_al: etal.is_some(),
        },
    ))
}

/// The first name of a list alone, for when the list read on into the
/// title: `Monika Maron, Animal Triste, trans. …` is not two translators.
pub fn first_name(input: Span) -> PResult<Name> {
    name_element(input)
}

/// A creator known by one name (`Aristotle`, `Homer`, `Virgil`): one
/// capitalised word, not an acronym.
pub fn single_name(input: Span) -> PResult<Name> {
    let (rest, word) = capitalised_word(input)?;
    let text = word.fragment();
    if is_acronym_token(text) || TITLE_WORDS.contains(text) || text.chars().count() < 3 {
        return err(input, ErrorKind::Verify);
    }
    Ok((rest, Name::person(text, "")))
}

/// One contribution in the phrase that opens an editor/translator phrase:
/// `ed.`, `translated`, `annot.`, `with an afterw.`. `None` for a
/// contribution the model keeps no role for. Whether `by` must follow: a
/// whole word (`edited`) needs it, an abbreviation (`ed.`) does not.
fn contribution(input: Span) -> PResult<(Option<Role>, bool)> {
    let abbreviated = |role, word| value((role, false), tag_no_case(word));
    let spelled = |role, word| value((role, true), tag_no_case(word));
    alt((
        spelled(Some(Role::Editor), "edited"),
        spelled(Some(Role::Editor), "compiled"),
        spelled(Some(Role::Editor), "chosen"),
        spelled(Some(Role::Editor), "selected"),
        abbreviated(Some(Role::Editor), "eds."),
        abbreviated(Some(Role::Editor), "ed."),
        abbreviated(Some(Role::Editor), "comp."),
        spelled(Some(Role::Translator), "translated"),
        abbreviated(Some(Role::Translator), "trans."),
        abbreviated(Some(Role::Translator), "tr."),
        spelled(None, "annotated"),
        abbreviated(None, "annot."),
        spelled(None, "introduced"),
        abbreviated(None, "introd."),
        preceded(
            (tag_no_case("with "), opt(alt((tag("an "), tag("a "))))),
            alt((
                spelled(None, "introduction"),
                spelled(None, "afterword"),
                spelled(None, "foreword"),
                spelled(None, "preface"),
                spelled(None, "notes"),
                spelled(None, "commentary"),
                abbreviated(None, "intro."),
                abbreviated(None, "introd."),
                abbreviated(None, "afterw."),
                abbreviated(None, "forew."),
                abbreviated(None, "pref."),
            )),
        ),
    ))
    .parse(input)
}

/// The phrase that opens an editor/translator phrase after a title: one
/// or more contributions joined by `and` or commas, then `by` where a
/// spelled-out word needs it (`ed. and annot. by`, `trans., with an
/// afterw., by`, `edited and translated by`).
fn editor_phrase_head(input: Span) -> PResult<Role> {
    let joiner = alt((tag(" and "), tag(", and "), tag(", ")));
    let (rest, (first, more)) =
        (contribution, many0(preceded(joiner, contribution))).parse(input)?;
    let all: Vec<(Option<Role>, bool)> = std::iter::once(first).chain(more).collect();
    let (rest, by) = opt(preceded((opt(char(',')), ws), tag("by"))).parse(rest)?;
    let needs_by = all.last().is_some_and(|(_, spelled)| *spelled);
    if needs_by && by.is_none() {
        return err(input, ErrorKind::Verify);
    }
    let (rest, _) = ws(rest)?;
    let edits = all.iter().any(|(r, _)| *r == Some(Role::Editor));
    let translates = all.iter().any(|(r, _)| *r == Some(Role::Translator));
    let role = match (edits, translates) {
        (true, true) => Role::EditorTranslator,
        (true, false) => Role::Editor,
        (false, true) => Role::Translator,
        (false, false) => Role::Contributor,
    };
    Ok((rest, role))
}

/// Chicago's `ed. Name and Name`, `edited by Name`, `trans. Name` after a
/// book title.
pub fn english_editor_phrase(input: Span) -> PResult<NameList> {
    let (rest, role) = editor_phrase_head(input)?;
    let (rest, names) = name_sequence(rest)?;
    let (rest, etal) = opt(et_al).parse(rest)?;
    Ok((
        rest,
        NameList {
            names,
            role,
            et_al: etal.is_some(),
        },
    ))
}

// ---------------------------------------------------------------------------
// Chinese
// ---------------------------------------------------------------------------

pub fn is_chinese_institution(written: &str) -> bool {
    written.chars().count() > 4
        || CHINESE_INSTITUTION_SUFFIXES
            .iter()
            .any(|s| written.ends_with(s) && written != *s)
}

/// Split one Chinese name: `熊光楷` → 熊 + 光楷, `歐陽修` → 歐陽 + 修;
/// institutions (`行政院大陸委員會`) become literals; a transliterated
/// foreign name `約瑟夫‧奈伊` puts the last part as family.
pub fn chinese_name(written: &str) -> Name {
    let w: String = written.chars().filter(|c| !c.is_whitespace()).collect();
    if !w.chars().any(is_cjk_ideograph) {
        return english_person(written);
    }
    if let Some((given, family)) = w.rsplit_once(['‧', '·', '•', '・']) {
        return Name::person(family, given);
    }
    if is_chinese_institution(&w) {
        return Name::literal(&w);
    }
    if let Some(compound) = COMPOUND_SURNAMES.iter().find(|s| w.starts_with(**s)) {
        let given = w.get(compound.len()..).unwrap_or("");
        return Name::person(compound, given);
    }
    let mut chars = w.chars();
    match chars.next() {
        Some(family) => Name::person(&family.to_string(), chars.as_str()),
        None => Name::default(),
    }
}

/// Role words glued to the end of a Chinese creator run, longest first,
/// with the role they give and whether they carry `等`.
const CHINESE_ROLE_SUFFIXES: &[(&str, Role)] = &[
    ("主編", Role::Editor),
    ("主编", Role::Editor),
    ("編著", Role::Author),
    ("编著", Role::Author),
    ("編譯", Role::Translator),
    ("编译", Role::Translator),
    ("合著", Role::Author),
    ("合譯", Role::Translator),
    ("合译", Role::Translator),
    ("合編", Role::Editor),
    ("合编", Role::Editor),
    // A classic's compilers and editors: `趙爾巽等撰`, `王先謙撰`,
    // `楊伯峻編纂`, `徐元誥集解`, `王利器校注`, `中華書局編輯部整理`.
    ("編纂", Role::Editor),
    ("编纂", Role::Editor),
    ("校注", Role::Editor),
    ("校點", Role::Editor),
    ("校点", Role::Editor),
    ("整理", Role::Editor),
    ("集解", Role::Editor),
    ("撰", Role::Author),
    ("纂", Role::Editor),
    ("輯", Role::Editor),
    ("辑", Role::Editor),
    ("譯", Role::Translator),
    ("译", Role::Translator),
    ("編", Role::Editor),
    ("编", Role::Editor),
    ("著", Role::Author),
];

/// Strip the role suffix and `等` off the last run of a Chinese list.
fn strip_chinese_role(run: &str) -> (&str, Role, bool) {
    let (base, role) = CHINESE_ROLE_SUFFIXES
        .iter()
        .find_map(|(sfx, role)| run.strip_suffix(sfx).map(|b| (b, *role)))
        .unwrap_or((run, Role::Author));
    match base.strip_suffix('等') {
        Some(b) => (b, role, true),
        None => (base, role, false),
    }
}

/// A run of ideographs: one name, possibly with a role suffix.
fn chinese_name_run(input: Span) -> PResult<Span> {
    // `哈里森·沃尔德伦`: a transliterated name keeps its middle dot.
    verify(
        take_while1(|c| is_cjk_ideograph(c) || matches!(c, '·' | '‧' | '・')),
        |run: &Span| run.fragment().starts_with(is_cjk_ideograph),
    )
    .parse(input)
}

/// `斯坦福大学TCAD中心`: an institution's name may hold Latin letters and
/// digits after its first ideograph (a person's name holds none).
fn chinese_institution_run(input: Span) -> PResult<Span> {
    verify(
        take_while1(|c| {
            is_cjk_ideograph(c) || c.is_ascii_alphanumeric() || matches!(c, '·' | '‧' | '・')
        }),
        |run: &Span| run.fragment().starts_with(is_cjk_ideograph),
    )
    .parse(input)
}

/// What may follow a Chinese creator list.
fn chinese_creator_end(input: Span) -> PResult<()> {
    value(
        (),
        peek(alt((
            value((), eof),
            value((), satisfy(|c| matches!(c, '，' | ',' | '：' | ':'))),
        ))),
    )
    .parse(input)
}

/// Split `張三與李四` into persons when both sides are person-sized.
fn split_joined_persons(run: &str) -> Vec<&str> {
    for joiner in ['與', '与', '和', '及'] {
        if let Some((a, b)) = run.split_once(joiner) {
            let person = |s: &str| (2..=4).contains(&s.chars().count());
            if person(a) && person(b) && !is_chinese_institution(a) && !is_chinese_institution(b) {
                return vec![a, b];
            }
        }
    }
    vec![run]
}

/// Can this run (role stripped) be a creator? A person-sized name (2–4
/// characters) or something ending in an institutional suffix; longer
/// prose such as `在高峰會後` is not.
fn is_chinese_creator_text(text: &str) -> bool {
    let n = text.chars().count();
    (2..=4).contains(&n)
        || (n > 1
            && CHINESE_INSTITUTION_SUFFIXES
                .iter()
                .any(|s| text.ends_with(s)))
        || split_joined_persons(text).len() > 1
}

/// The creators before `，` in a Chinese citation: `熊光楷`, `梁月槐主編`,
/// `張三、李四合著`, `王五等`, `某某譯`, `行政院大陸委員會`. Stops before the
/// comma. Fails on text starting with `「`, `《` or a digit.
pub fn chinese_creators(input: Span) -> PResult<NameList> {
    creator_runs(input, false)
}

/// Creators of any length: for where the structure, not the name, says
/// they are creators (a run before `，〈title〉`): `上海市食品药品监督管理局课题组`,
/// a transliterated name without its dot, `尼葛洛庞帝`.
pub fn chinese_creators_any_length(input: Span) -> PResult<NameList> {
    creator_runs(input, true)
}

fn creator_runs(input: Span, any_length: bool) -> PResult<NameList> {
    let run = if any_length {
        chinese_institution_run
    } else {
        chinese_name_run
    };
    let (rest, runs) = separated_list1(char('、'), run).parse(input)?;
    chinese_creator_end(rest)?;
    let count = runs.len();
    let mut names = Vec::new();
    let mut role = Role::Author;
    let mut et_al = false;
    for (i, run) in runs.iter().enumerate() {
        let mut text: &str = run.fragment();
        if i + 1 == count {
            let (base, r, e) = strip_chinese_role(text);
            text = base;
            role = r;
            et_al = e;
        }
        let sized = if any_length {
            (1..=40).contains(&text.chars().count())
        } else {
            is_chinese_creator_text(text)
        };
        if !sized {
            return err(input, ErrorKind::Verify);
        }
        for part in split_joined_persons(text) {
            names.push(chinese_name(part));
        }
    }
    Ok((rest, NameList { names, role, et_al }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family_first(family: &str, given: &str) -> Name {
        let mut name = Name::person(family, given);
        name.static_ordering = Some(true);
        name
    }

    fn span(s: &str) -> Span<'_> {
        Span::new(s)
    }

    fn person(family: &str, given: &str) -> Name {
        Name::person(family, given)
    }

    fn list(s: &str) -> (String, NameList) {
        match english_name_list(span(s)) {
            Ok((rest, l)) => (rest.fragment().to_string(), l),
            Err(e) => panic!("no name list in {s:?}: {e:?}"),
        }
    }

    // --- english_person -------------------------------------------------

    #[test]
    fn person_simple() {
        assert_eq!(english_person("Allen Lynch"), person("Lynch", "Allen"));
        assert_eq!(
            english_person("A. F. Klimenko"),
            person("Klimenko", "A. F.")
        );
        assert_eq!(
            english_person("Paul H. B. Godwin"),
            person("Godwin", "Paul H. B.")
        );
        assert_eq!(english_person("Madonna"), person("Madonna", ""));
    }

    #[test]
    fn person_with_supplied_given_names() {
        assert_eq!(
            english_person("K[arl] G. Jöreskog"),
            person("Jöreskog", "K[arl] G.")
        );
        assert_eq!(english_person("D[ag] Sörbom"), person("Sörbom", "D[ag]"));
        assert!(crate::cite::scan::all_of(supplied_name, Span::new("M[ichael]")).is_some());
        // Only an initial completed in lower case: not a bracketed word.
        assert!(crate::cite::scan::all_of(supplied_name, Span::new("[Michael]")).is_none());
        assert!(crate::cite::scan::all_of(supplied_name, Span::new("M[ICHAEL]")).is_none());
    }

    #[test]
    fn person_with_initials_without_periods() {
        assert_eq!(english_person("H L A Hart"), person("Hart", "H L A"));
        let (rest, list) = english_name_list(span("A N Other, Title")).unwrap();
        assert_eq!(*rest.fragment(), ", Title");
        assert_eq!(list.names, vec![person("Other", "A N")]);
        // One bare capital is a title's article; capitals alone an acronym.
        assert!(english_name_list(span("A Theory, Title")).is_err());
        // One in the middle of a name is its initial.
        let (rest, list) = english_name_list(span("John A Minch and James R Ashby (")).unwrap();
        assert_eq!(*rest.fragment(), " (");
        assert_eq!(
            list.names,
            vec![person("Minch", "John A"), person("Ashby", "James R")]
        );
        assert!(crate::cite::scan::all_of(bare_initials, span("H L")).is_none());
        let (rest, _) = bare_initials(span("H L A Hart")).unwrap();
        assert_eq!(*rest.fragment(), " Hart");
    }

    #[test]
    fn an_acronym_with_an_ampersand_is_one_body() {
        let (rest, list) = english_name_list(span("AT&T, UNIX Manual")).unwrap();
        assert_eq!(*rest.fragment(), ", UNIX Manual");
        assert_eq!(list.names, vec![Name::literal("AT&T")]);
        assert!(crate::cite::scan::all_of(ampersand_acronym, span("AT&t")).is_none());
        assert!(crate::cite::scan::all_of(ampersand_acronym, span("AT & T")).is_none());
    }

    #[test]
    fn person_suffix() {
        let n = english_person("Frederic J. Fleron, Jr.");
        assert_eq!(n.family(), Some("Fleron"));
        assert_eq!(n.given(), Some("Frederic J."));
        assert_eq!(n.suffix(), Some("Jr."));
        let n = english_person("Martin Luther King Jr.");
        assert_eq!(n.family(), Some("King"));
        assert_eq!(n.suffix(), Some("Jr."));
    }

    #[test]
    fn person_particles() {
        let n = english_person("Ludwig van Beethoven");
        assert_eq!(n.family(), Some("Beethoven"));
        assert_eq!(n.given(), Some("Ludwig"));
        assert_eq!(n.particle(), Some("van"));
        let n = english_person("Charles de Gaulle");
        assert_eq!(n.family(), Some("Gaulle"));
        assert_eq!(n.particle(), Some("de"));
        let n = english_person("Johannes van der Waals");
        assert_eq!(n.particle(), Some("van der"));
        assert_eq!(n.given(), Some("Johannes"));
    }

    #[test]
    fn person_chinese_order() {
        assert_eq!(english_person("Li Peng"), family_first("Li", "Peng"));
        assert_eq!(
            english_person("Chen Hurng Yu"),
            family_first("Chen", "Hurng Yu")
        );
        assert_eq!(
            english_person("Hsieh Chiao"),
            family_first("Hsieh", "Chiao")
        );
        assert_eq!(english_person("Tsai Ying"), family_first("Tsai", "Ying"));
    }

    #[test]
    fn person_chinese_fused_and_hyphenated() {
        assert_eq!(
            english_person("Deng Xiaoping"),
            family_first("Deng", "Xiaoping")
        );
        assert_eq!(english_person("Hu Jintao"), family_first("Hu", "Jintao"));
        assert_eq!(
            english_person("Jiang Zemin"),
            family_first("Jiang", "Zemin")
        );
        assert_eq!(
            english_person("Chiang Ching-kuo"),
            family_first("Chiang", "Ching-kuo")
        );
        assert!(looks_like_chinese_given("Jiabao"));
        assert!(!looks_like_chinese_given("Susan"));
        assert!(!looks_like_chinese_given("Smithson"));
        assert!(!looks_like_chinese_given("Dan"));
        assert_eq!(
            english_person("Chang Smithers"),
            person("Smithers", "Chang")
        );
    }

    #[test]
    fn person_western_order_kept() {
        assert_eq!(english_person("Lee Smith"), person("Smith", "Lee"));
        assert_eq!(english_person("Ming-Yen Tsai"), person("Tsai", "Ming-Yen"));
        assert_eq!(
            english_person("Michael M. Tsai"),
            person("Tsai", "Michael M.")
        );
        assert_eq!(
            english_person("Wang Dan Smith Jones"),
            person("Jones", "Wang Dan Smith")
        );
        // A collision with a Western given name stays Western.
        assert_eq!(english_person("Lin Ian"), person("Ian", "Lin"));
        // A non-syllable second token stays Western.
        assert_eq!(english_person("Su Strange"), person("Strange", "Su"));
    }

    #[test]
    fn person_inverted_and_et_al() {
        assert_eq!(english_person("Lynch, Allen"), person("Lynch", "Allen"));
        assert_eq!(english_person("Denny Roy et al."), person("Roy", "Denny"));
        assert_eq!(english_person("Denny Roy, et al."), person("Roy", "Denny"));
    }

    #[test]
    fn syllable_shape() {
        for ok in [
            "Peng", "Hurng", "Yu", "Hsieh", "Zhuang", "Ying", "Chiao", "Ai", "Er",
        ] {
            assert!(looks_like_chinese_syllable(ok), "{ok}");
        }
        for bad in ["Smith", "Strange", "Hrm", "peng", "Xiongxi", "Brad", "PENG"] {
            assert!(!looks_like_chinese_syllable(bad), "{bad}");
        }
    }

    // --- is_institution -------------------------------------------------

    #[test]
    fn institutions() {
        for yes in [
            "US DoD",
            "IISS",
            "APCSS",
            "The National Institute for Defense Studies",
            "Strategic Studies Institute",
            "Ministry of Foreign Affairs",
            "RAND Corporation",
            "University of Washington Press",
            "Central Intelligence Agency",
            "行政院大陸委員會",
        ] {
            assert!(is_institution(yes), "{yes}");
        }
        for no in [
            "A. F. Klimenko",
            "Frederic J. Fleron, Jr.",
            "Li Peng",
            "Robert McNamara",
            "Douglas MacArthur",
            "Francesca Dell’Acqua",
            "Maria D’Angelo",
            "Ming-Yen Tsai",
            "熊光楷",
        ] {
            assert!(!is_institution(no), "{no}");
        }
    }

    // --- token combinators -----------------------------------------------

    /// What a token parser consumed, and what it left.
    fn consumed<'a>(result: PResult<'a, Span<'a>>) -> Option<(&'a str, &'a str)> {
        result
            .ok()
            .map(|(rest, s)| (*s.fragment(), *rest.fragment()))
    }

    #[test]
    fn token_parsers() {
        assert_eq!(
            initial(span("J. Smith")).map(|(_, s)| *s.fragment()),
            Ok("J.")
        );
        assert_eq!(
            initial(span("A.F. K")).map(|(_, s)| *s.fragment()),
            Ok("A.F.")
        );
        assert!(initial(span("No.11")).is_err());
        assert!(initial(span("James")).is_err());
        assert_eq!(
            capitalised_word(span("Ming-Yen Tsai")).map(|(_, s)| *s.fragment()),
            Ok("Ming-Yen")
        );
        assert_eq!(
            capitalised_word(span("Lynch, x")).map(|(r, s)| (*s.fragment(), *r.fragment())),
            Ok(("Lynch", ", x"))
        );
        assert!(capitalised_word(span("FBIS-CHI-94-016")).is_err());
        assert!(capitalised_word(span("SU/2596")).is_err());
        assert!(capitalised_word(span("lynch")).is_err());
        assert_eq!(consumed(particle(span("van Gogh"))), Some(("van", " Gogh")));
        assert_eq!(
            consumed(particle(span("de la Cruz"))),
            Some(("de", " la Cruz"))
        );
        assert!(particle(span("vanity")).is_err());
        assert_eq!(consumed(connector(span("of the"))), Some(("of", " the")));
        assert!(connector(span("and")).is_err());
        assert_eq!(
            name_token(span("de Gaulle")).map(|(_, t)| t.0),
            Ok(Tok::Particle)
        );
        assert_eq!(
            name_token(span("J. Fleron")).map(|(_, t)| t.0),
            Ok(Tok::Initial)
        );
    }

    #[test]
    fn marker_parsers() {
        assert_eq!(
            paren_role(span("(eds),")).map(|(r, v)| (*r.fragment(), v)),
            Ok((",", Role::Editor))
        );
        assert_eq!(paren_role(span("(ed.)")).map(|(_, v)| v), Ok(Role::Editor));
        assert_eq!(
            paren_role(span("(trans.)")).map(|(_, v)| v),
            Ok(Role::Translator)
        );
        assert!(paren_role(span("(New York")).is_err());
        assert_eq!(bare_role(span("eds., T")).map(|(_, v)| v), Ok(Role::Editor));
        assert!(bare_role(span("ed")).is_err());
        assert!(bare_role(span("edition")).is_err());
        assert_eq!(
            et_al(span(" et al., x")).map(|(r, _)| *r.fragment()),
            Ok(", x")
        );
        assert_eq!(et_al(span(", et al.")).map(|(r, _)| *r.fragment()), Ok(""));
        assert!(et_al(span(" etc.")).is_err());
        assert_eq!(
            name_suffix(span(", Jr., E")).map(|(r, s)| (*s.fragment(), *r.fragment())),
            Ok(("Jr.", ", E"))
        );
        assert!(name_suffix(span(", Erik")).is_err());
        assert_eq!(
            consumed(and_separator(span(" and B"))),
            Some((" and ", "B"))
        );
        assert_eq!(
            consumed(and_separator(span(", and B"))),
            Some((", and ", "B"))
        );
        assert_eq!(consumed(and_separator(span(" & B"))), Some((" & ", "B")));
        assert_eq!(consumed(and_separator(span("&B"))), Some(("&", "B")));
        assert!(and_separator(span(" andante")).is_err());
    }

    #[test]
    fn element_parser() {
        let (rest, n) = match name_element(span("Allen Lynch, “Changing")) {
            Ok(v) => v,
            Err(e) => panic!("{e:?}"),
        };
        assert_eq!(*rest.fragment(), ", “Changing");
        assert_eq!(n, person("Lynch", "Allen"));
        // A title before a colon is not a name.
        assert!(name_element(span("Mending Fences: The Evolution")).is_err());
        // Title words before the last word.
        assert!(name_element(span("Chinese Military Power and American")).is_err());
        // A lone capitalised word is neither a person nor an institution.
        assert!(name_element(span("Ibid.")).is_err());
        assert!(name_element(span("The Military Balance 1991/1992")).is_err());
        let (_, n) = match name_element(span("US DoD, The Military")) {
            Ok(v) => v,
            Err(e) => panic!("{e:?}"),
        };
        assert_eq!(n, Name::literal("US DoD"));
    }

    // --- english_name_list ------------------------------------------------

    #[test]
    fn list_single() {
        let (rest, l) = list("Allen Lynch, “Changing Soviet Elite Views”");
        assert_eq!(rest, ", “Changing Soviet Elite Views”");
        assert_eq!(l.names, vec![person("Lynch", "Allen")]);
        assert_eq!(l.role, Role::Author);
        assert!(!l.et_al);
    }

    #[test]
    fn list_two_with_and() {
        let (rest, l) = list("Alexander A. Sergounin and Sergey V. Subbotin, “Sino-Russian");
        assert_eq!(rest, ", “Sino-Russian");
        assert_eq!(
            l.names,
            vec![
                person("Sergounin", "Alexander A."),
                person("Subbotin", "Sergey V.")
            ]
        );
    }

    #[test]
    fn list_eds_with_suffix() {
        let (rest, l) = list(
            "Frederic J. Fleron, Jr., Erik P. Hoffmann and Robbin F. Laird (eds), Soviet Foreign Policy",
        );
        assert_eq!(rest, ", Soviet Foreign Policy");
        assert_eq!(l.role, Role::Editor);
        assert_eq!(l.names.len(), 3);
        assert_eq!(l.names.first().and_then(|n| n.suffix()), Some("Jr."));
        assert_eq!(l.names.first().and_then(|n| n.family()), Some("Fleron"));
        assert_eq!(l.names.get(1), Some(&person("Hoffmann", "Erik P.")));
        assert_eq!(l.names.get(2), Some(&person("Laird", "Robbin F.")));
    }

    #[test]
    fn list_ed_markers() {
        let (rest, l) = list("Ian Anthony (ed.), Russia and the Arms Trade");
        assert_eq!(rest, ", Russia and the Arms Trade");
        assert_eq!(l.names, vec![person("Anthony", "Ian")]);
        assert_eq!(l.role, Role::Editor);

        let (rest, l) = list("Chen Hurng Yu (ed.), Compilation");
        assert_eq!(rest, ", Compilation");
        assert_eq!(l.names, vec![family_first("Chen", "Hurng Yu")]);
        assert_eq!(l.role, Role::Editor);

        let (rest, l) = list("Ian Anthony, ed., Russia");
        assert_eq!(rest, ", Russia");
        assert_eq!(l.role, Role::Editor);

        let (rest, l) = list("Martin Edmonds and Michael M.\n   Tsai (eds), Taiwan’s Security");
        assert_eq!(rest, ", Taiwan’s Security");
        assert_eq!(l.names.get(1), Some(&person("Tsai", "Michael M.")));

        let (_, l) = list("Jane Doe (trans.), X");
        assert_eq!(l.role, Role::Translator);
    }

    #[test]
    fn list_oxford_comma_and_et_al() {
        let (rest, l) = list("Ann Bee, Carl Dee, and Eve Eff, “T”");
        assert_eq!(rest, ", “T”");
        assert_eq!(
            l.names,
            vec![
                person("Bee", "Ann"),
                person("Dee", "Carl"),
                person("Eff", "Eve")
            ]
        );
        let (rest, l) = list("Denny Roy et al., “T”");
        assert_eq!(rest, ", “T”");
        assert!(l.et_al);
        assert_eq!(l.names, vec![person("Roy", "Denny")]);
        let (rest, l) = list("Ann Bee, Carl Dee, et al. (eds), T");
        assert_eq!(rest, ", T");
        assert!(l.et_al);
        assert_eq!(l.role, Role::Editor);
        assert_eq!(l.names.len(), 2);
    }

    #[test]
    fn list_stops_before_title() {
        let (rest, l) = list("Elizabeth Wishnick, Mending Fences: The Evolution of Moscow’s China");
        assert_eq!(rest, ", Mending Fences: The Evolution of Moscow’s China");
        assert_eq!(l.names, vec![person("Wishnick", "Elizabeth")]);

        let (rest, l) = list(
            "Jonathan D. Pollack, Chinese Military Power and American Security Interests, SAIS",
        );
        assert_eq!(
            rest,
            ", Chinese Military Power and American Security Interests, SAIS"
        );
        assert_eq!(l.names.len(), 1);

        // A comma list not closed by `and` is not a list.
        let (rest, l) = list("Robert Sutter, Arthur Waldron, “X”");
        assert_eq!(rest, ", Arthur Waldron, “X”");
        assert_eq!(l.names.len(), 1);
    }

    #[test]
    fn list_institutions() {
        let (rest, l) = list("US DoD, The Military Power of the People’s Republic of China 2005");
        assert_eq!(
            rest,
            ", The Military Power of the People’s Republic of China 2005"
        );
        assert_eq!(l.names, vec![Name::literal("US DoD")]);
        let (rest, l) = list("The National Institute for Defense Studies, East Asian");
        assert_eq!(rest, ", East Asian");
        assert_eq!(
            l.names,
            vec![Name::literal("The National Institute for Defense Studies")]
        );
        let (_, l) = list("IISS, x");
        assert_eq!(l.names, vec![Name::literal("IISS")]);
        // A body named by two words is not a person called Law.
        let (_, l) = list("Law Commission, Intoxication");
        assert_eq!(l.names, vec![Name::literal("Law Commission")]);
        let (_, l) = list("Nissan Motor Corporation, Nissan");
        assert_eq!(l.names, vec![Name::literal("Nissan Motor Corporation")]);
        // A surname that is also an institution's word stays a surname.
        let (_, l) = list("Frank Press, Earth");
        assert_eq!(l.names.first().and_then(|n| n.family()), Some("Press"));
    }

    #[test]
    fn list_reference_paper_forms() {
        let (rest, l) = list("Bernard D. Cole and Paul H. B. Godwin, “Advanced Military");
        assert_eq!(rest, ", “Advanced Military");
        assert_eq!(
            l.names,
            vec![person("Cole", "Bernard D."), person("Godwin", "Paul H. B.")]
        );
        let (rest, l) = list("Larry M. Wortzel (ed.), The Chinese Armed Forces");
        assert_eq!(rest, ", The Chinese Armed Forces");
        assert_eq!(l.names, vec![person("Wortzel", "Larry M.")]);
        assert_eq!(l.role, Role::Editor);
        let (_, l) = list("Li Peng, “Report on the Work of the Government,”");
        assert_eq!(l.names, vec![family_first("Li", "Peng")]);
        let (_, l) = list("Ming-Yen Tsai, From Adversaries to Partners ? Chinese");
        assert_eq!(l.names, vec![person("Tsai", "Ming-Yen")]);
        let (rest, l) = list("Kyodo News Service, 17 December 1992");
        assert_eq!(rest, ", 17 December 1992");
        assert_eq!(l.names, vec![Name::literal("Kyodo News Service")]);
    }

    #[test]
    fn list_failures() {
        for bad in [
            "“Shift in China’s Strategy”",
            "The Military Balance 1991/1992 ( London: IISS, 1992)",
            "Ibid.",
            "1995, p.3",
            "熊光楷，國際",
            "allen lynch, x",
            "Soviet Foreign Policy, x",
        ] {
            assert!(english_name_list(span(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn list_offsets() {
        let s = "xx Allen Lynch, y";
        let input = Span::new(s).take_from(3);
        let Ok((rest, _)) = english_name_list(input) else {
            panic!("no list")
        };
        assert_eq!(rest.location_offset(), 14);
    }

    #[test]
    fn editor_phrase() {
        let Ok((rest, l)) = english_editor_phrase(span("ed. Ann Bee and Carl Dee (New York"))
        else {
            panic!("no phrase")
        };
        assert_eq!(*rest.fragment(), " (New York");
        assert_eq!(l.role, Role::Editor);
        assert_eq!(l.names, vec![person("Bee", "Ann"), person("Dee", "Carl")]);
        let Ok((_, l)) = english_editor_phrase(span("trans. Jane Doe, x")) else {
            panic!("no phrase")
        };
        assert_eq!(l.role, Role::Translator);
        assert_eq!(l.names, vec![person("Doe", "Jane")]);
        let Ok((rest, l)) = english_editor_phrase(span("edited by Larry M. Wortzel, x")) else {
            panic!("no phrase")
        };
        assert_eq!(*rest.fragment(), ", x");
        assert_eq!(l.names, vec![person("Wortzel", "Larry M.")]);
        assert!(english_editor_phrase(span("edition 2")).is_err());
        assert!(english_editor_phrase(span("ed. the second")).is_err());
    }

    // --- Chinese --------------------------------------------------------

    #[test]
    fn chinese_single_names() {
        assert_eq!(chinese_name("熊光楷"), person("熊", "光楷"));
        assert_eq!(chinese_name("歐陽修"), person("歐陽", "修"));
        assert_eq!(chinese_name("司马迁"), person("司马", "迁"));
        assert_eq!(chinese_name("諸葛亮"), person("諸葛", "亮"));
        assert_eq!(
            chinese_name("行政院大陸委員會"),
            Name::literal("行政院大陸委員會")
        );
        assert_eq!(chinese_name("新華社"), Name::literal("新華社"));
        assert_eq!(chinese_name("國防部"), Name::literal("國防部"));
        assert_eq!(chinese_name("約瑟夫‧奈伊"), person("奈伊", "約瑟夫"));
        assert_eq!(chinese_name("李"), person("李", ""));
    }

    fn creators(s: &str) -> (String, NameList) {
        match chinese_creators(span(s)) {
            Ok((rest, l)) => (rest.fragment().to_string(), l),
            Err(e) => panic!("no creators in {s:?}: {e:?}"),
        }
    }

    #[test]
    fn chinese_creator_forms() {
        let (rest, l) = creators("熊光楷，國際戰略");
        assert_eq!(rest, "，國際戰略");
        assert_eq!(l.names, vec![person("熊", "光楷")]);
        assert_eq!(l.role, Role::Author);

        let (_, l) = creators("梁月槐主編，外國");
        assert_eq!(l.names, vec![person("梁", "月槐")]);
        assert_eq!(l.role, Role::Editor);

        let (_, l) = creators("張三、李四合著，書");
        assert_eq!(l.names, vec![person("張", "三"), person("李", "四")]);
        assert_eq!(l.role, Role::Author);

        let (_, l) = creators("張三、李四，書");
        assert_eq!(l.names.len(), 2);

        let (_, l) = creators("張三與李四，書");
        assert_eq!(l.names, vec![person("張", "三"), person("李", "四")]);

        let (_, l) = creators("王五等，書");
        assert!(l.et_al);
        assert_eq!(l.names, vec![person("王", "五")]);

        let (_, l) = creators("王五等著，書");
        assert!(l.et_al);
        assert_eq!(l.role, Role::Author);

        let (_, l) = creators("某某編，書");
        assert_eq!(l.role, Role::Editor);
        assert_eq!(l.names, vec![person("某", "某")]);

        let (_, l) = creators("某某編著，書");
        assert_eq!(l.role, Role::Author);

        let (_, l) = creators("某某譯，書");
        assert_eq!(l.role, Role::Translator);

        // A classic's compilers: `撰` writes, `纂`, `輯`, `校注` … edit.
        let (_, l) = creators("趙爾巽等撰，清史稿");
        assert!(l.et_al);
        assert_eq!(
            (l.names, l.role),
            (vec![person("趙", "爾巽")], Role::Author)
        );
        let (_, l) = creators("王利器校注，書");
        assert_eq!(
            (l.names, l.role),
            (vec![person("王", "利器")], Role::Editor)
        );
        let (_, l) = creators("楊伯峻編纂，書");
        assert_eq!(
            (l.names, l.role),
            (vec![person("楊", "伯峻")], Role::Editor)
        );

        let (rest, l) = creators("行政院大陸委員會，大陸情勢分析");
        assert_eq!(rest, "，大陸情勢分析");
        assert_eq!(l.names, vec![Name::literal("行政院大陸委員會")]);
    }

    #[test]
    fn chinese_creator_failures() {
        for bad in [
            "「中俄簽十五年軍事合作計畫」，中國時報",
            "《書》，",
            "2005 年",
            "大陸情勢分析（2005 年 1 月）",
            "主編，書",
            "在高峰會後，中、蘇發表聯合聲明",
            "大",
            "Allen Lynch, x",
            "",
        ] {
            assert!(chinese_creators(span(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn particles_do_not_count_towards_a_persons_length() {
        let (rest, list) =
            english_name_list(span("Wil M. P. van der Aalst and Mathias Weske, “T”")).unwrap();
        assert_eq!(*rest.fragment(), ", “T”");
        let n = list.names.first().cloned().unwrap_or_default();
        assert_eq!(
            (n.given(), n.particle(), n.family()),
            (Some("Wil M. P."), Some("van der"), Some("Aalst"))
        );
        assert_eq!(list.names.len(), 2);
        // A run of initials counts as one.
        let (_, list) = english_name_list(span(
            "Kenneth R. Koedinger, and Vincent A. W. M. M. Aleven, “T”",
        ))
        .unwrap();
        assert_eq!(
            list.names.get(1).and_then(|n| n.given()),
            Some("Vincent A. W. M. M.")
        );
        // Six words with no particle make no person.
        assert!(english_name_list(span("Anna Maria Luisa Rosa Teresa Bianchi, “T”")).is_err());
    }

    #[test]
    fn capitalised_particles_after_a_given_name() {
        let n = english_person("Silvia De Renzi");
        assert_eq!((n.particle(), n.family()), (Some("De"), Some("Renzi")));
        let n = english_person("Peter M. Van Wingen");
        assert_eq!((n.particle(), n.given()), (Some("Van"), Some("Peter M.")));
        let n = english_person("Deborah Van der Plaat");
        assert_eq!(
            (n.particle(), n.family(), n.given()),
            (Some("Van der"), Some("Plaat"), Some("Deborah"))
        );
        // A surname after an elided particle in lower case is one word.
        let (rest, list) = english_name_list(span(
            "Maria Grazia Bernardini and Marcello Fagiolo dell’Arco, eds., Title",
        ))
        .unwrap();
        assert_eq!(*rest.fragment(), ", Title");
        assert_eq!(
            list.names,
            vec![
                person("Bernardini", "Maria Grazia"),
                person("dell’Arco", "Marcello Fagiolo")
            ]
        );
        // Alone before the family name, a capitalised particle is a given name.
        let n = english_person("De Renzi");
        assert_eq!((n.particle(), n.given()), (None, Some("De")));
    }
}
