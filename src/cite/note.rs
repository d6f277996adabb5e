//! A whole note: commentary prose is separated from citations (`……。請參閱
//! “Title,” …`, `See …`), the citations are split at top-level `;`/`；`, and
//! each is handed to the grammar of its language.

use super::scan::{slice, split_top_level, trim};
use super::{chinese, english, gbt, span_range, CiteParse, Parsed, ParsedNote, RawCitation, Span};
use crate::text::{is_cjk, is_cjk_ideograph};
use std::cell::RefCell;
use std::ops::Range;

/// The parses of a note's pieces, kept while the note is read: where a
/// title split at a semicolon ends is decided by parsing the pieces, which
/// are then parsed again to be kept. A parse depends only on the piece's
/// text and place, so the second reading takes the first's.
#[derive(Default)]
struct Parses {
    done: RefCell<Vec<(Range<usize>, Option<CiteParse>)>>,
}

impl Parses {
    /// What `test` says of the piece's parse, parsing it once.
    fn read<R>(&self, piece: Span, test: impl FnOnce(Option<&CiteParse>) -> R) -> R {
        let range = span_range(&piece);
        if let Some((_, parse)) = self.done.borrow().iter().find(|(r, _)| *r == range) {
            return test(parse.as_ref());
        }
        let parse = parse_citation(piece);
        let answer = test(parse.as_ref());
        self.done.borrow_mut().push((range, parse));
        answer
    }

    /// The piece's parse, taken: parsed now unless it was before.
    fn take(&self, piece: Span) -> Option<CiteParse> {
        let range = span_range(&piece);
        let mut done = self.done.borrow_mut();
        match done.iter().position(|(r, _)| *r == range) {
            Some(at) => done.swap_remove(at).1,
            None => {
                drop(done);
                parse_citation(piece)
            }
        }
    }
}

/// Words that introduce the citations after commentary, longest first so
/// that `See also` wins over `See`.
const CUES: &[&str] = &[
    "另請參閱",
    "另请参阅",
    "亦可參閱",
    "亦可参阅",
    "另參閱",
    "另参阅",
    "另參見",
    "另参见",
    "可參閱",
    "可参阅",
    "可參見",
    "可参见",
    "請見",
    "请见",
    "另見",
    "另见",
    "參照",
    "参照",
    "請參閱",
    "请参阅",
    "請參見",
    "请参见",
    "請參考",
    "请参考",
    "轉引自",
    "转引自",
    "參閱",
    "参阅",
    "參見",
    "参见",
    "參考",
    // No bare simplified `参考`: `参考文献` ("references") is in titles.
    "詳見",
    "详见",
    "詳參",
    "详参",
    "引自",
    "見",
    "见",
    "For example, see",
    "See, for example,",
    "See, e.g.,",
    "See also",
    "see also",
    "See",
    "see",
    "Cf.",
    "cf.",
    "Reprinted with permission from",
    "Reprinted by permission from",
    "Reprinted from",
    "Adapted from",
    "Originally published as",
    "Quoted in",
    "quoted in",
    "Cited in",
    "cited in",
];

/// Where a cue stands: at the start of the note or right after a sentence
/// or clause ends. The earliest such place; of two cues there, the one
/// listed first in [`CUES`] (`See also` before `See`).
fn cue_at(text: &str) -> Option<(usize, usize)> {
    // One pass over the text, trying only the cues that begin with the
    // character at hand: a search per cue cost a tenth of reading a note,
    // and trying every cue at each `s` and `c` a twentieth.
    let by_first = cues_by_first_char();
    text.char_indices().find_map(|(i, c)| {
        let cues = by_first
            .binary_search_by_key(&c, |(first, _)| *first)
            .ok()
            .and_then(|at| by_first.get(at))?;
        let rest = text.get(i..)?;
        cues.1
            .iter()
            .find(|cue| rest.starts_with(**cue) && cue_stands_at(text, i, cue))
            .map(|cue| (i, cue.len()))
    })
}

/// The cues by the character they begin with, each group in the order of
/// [`CUES`].
fn cues_by_first_char() -> &'static [(char, Vec<&'static str>)] {
    static BY_FIRST: std::sync::OnceLock<Vec<(char, Vec<&'static str>)>> =
        std::sync::OnceLock::new();
    BY_FIRST.get_or_init(|| {
        let mut groups: Vec<(char, Vec<&'static str>)> = Vec::new();
        for cue in CUES {
            let Some(first) = cue.chars().next() else {
                continue;
            };
            match groups.iter_mut().find(|(c, _)| *c == first) {
                Some((_, group)) => group.push(cue),
                None => groups.push((first, vec![cue])),
            }
        }
        groups.sort_by_key(|(first, _)| *first);
        groups
    })
}

/// Does `cue`, found at byte `i` of `text`, stand as a cue there: after a
/// boundary and followed by the work?
fn cue_stands_at(text: &str, i: usize, cue: &str) -> bool {
    let before = text.get(..i).unwrap_or("").trim_end();
    let boundary = before.is_empty()
        || before.ends_with([
            '。', '.', '；', ';', '：', ':', '！', '？', '!', '?', '，', ',',
        ]) && !cue.starts_with(char::is_lowercase)
        || before.ends_with(['。', '；', ';', '.', ',']) && cue.starts_with(char::is_lowercase);
    let after = text.get(i + cue.len()..).unwrap_or("");
    // A Chinese cue may follow any Chinese text (`相關討論請見`);
    // a bare `見` only a clause's end (`可見` is "evidently").
    let chinese = cue.chars().all(is_cjk_ideograph);
    let cjk_cue = chinese && cue.chars().count() > 1;
    let boundary = boundary || cjk_cue && before.ends_with(is_cjk_ideograph);
    // A Chinese cue may run straight into the work, Chinese or
    // not (`參見Thomas Christensen`); an English one is spaced.
    let followed = after.starts_with([' ', '：', ':', '“', '「', '《', '〈', ','])
        || chinese && after.starts_with(char::is_alphanumeric);
    boundary && followed
}

/// Drop a leading cue from one piece (`see also X`, `and X` after a `;`),
/// returning the rest.
fn strip_cue(piece: Span) -> Span {
    let text = *piece.fragment();
    for connector in ["and ", "以及", "及"] {
        if let Some(rest) = text.strip_prefix(connector) {
            let rest_starts_citation = rest
                .trim_start()
                .starts_with(|c: char| c.is_uppercase() || is_cjk(c) || c == '“');
            if rest_starts_citation {
                let piece = trim(slice(piece, connector.len(), text.len()));
                return strip_cue(piece);
            }
        }
    }
    for cue in CUES {
        if let Some(rest) = text.strip_prefix(cue) {
            if rest.starts_with([' ', ',', '：', ':']) || rest.starts_with(|c: char| is_cjk(c)) {
                let skip = text.len() - rest.trim_start_matches([' ', ',', '：', ':']).len();
                return trim(slice(piece, skip, text.len()));
            }
        }
    }
    piece
}

/// `Gitta Sereny, Cries Unheard: Why Children Kill; The Story of Mary Bell
/// (New York: …)`: a semicolon inside a title. A piece that no grammar
/// reads is joined to the next when together they read as one reference.
fn join_split_titles<'a>(
    region: Span<'a>,
    pieces: Vec<Span<'a>>,
    parses: &Parses,
) -> Vec<Span<'a>> {
    // A short form with no page is what half a split title reads as.
    let reads = |p: Span| {
        parses.read(strip_cue(without_terminator(p)), |c| {
            c.is_some_and(|c| {
                c.unparsed.is_empty()
                    && match &c.parsed {
                        Some(Parsed::Short(_)) => c.locator.is_some(),
                        // `“Title,” USITC publication; 841 (Washington: …)`: a
                        // reference that gives neither a date nor a page, nor
                        // where or by whom it was published, is a half.
                        Some(Parsed::Full(item)) => {
                            c.locator.is_some()
                                || item.issued.is_some()
                                || item.url.is_some()
                                || item.publisher.is_some()
                                || item.volume.is_some()
                                || item.page.is_some()
                        }
                        Some(_) => true,
                        None => false,
                    }
            })
        })
    };
    let base = region.location_offset();
    let mut out: Vec<Span> = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while let Some(piece) = pieces.get(i).copied() {
        // The second half of a title names no creators of its own before
        // it (`… Pars IV, ed. A. Röse, 1793`: its editors come after).
        let authored = |p: Span| {
            let p = strip_cue(without_terminator(p));
            parses.read(p, |c| match c.and_then(|c| c.parsed.as_ref()) {
                Some(Parsed::Full(item)) => {
                    !item.lead_creators().is_empty()
                        && !item
                            .title
                            .as_deref()
                            .is_some_and(|t| p.fragment().trim_start().starts_with(t))
                }
                _ => false,
            })
        };
        // `Printing Types; Their History, Forms, and Use; a Study in
        // Survivals (…)`: a title may hold more than one semicolon.
        let mut joined = None;
        if !reads(piece) {
            for extra in 1..=3 {
                let Some(next) = pieces.get(i + extra).copied() else {
                    break;
                };
                if authored(next) {
                    break;
                }
                let start = piece.location_offset() - base;
                let end = next.location_offset() + next.fragment().len() - base;
                let whole = slice(region, start, end);
                let full = parses.read(strip_cue(without_terminator(whole)), |c| {
                    c.is_some_and(|c| {
                        matches!(c.parsed, Some(Parsed::Full(_))) && c.unparsed.is_empty()
                    })
                });
                if full {
                    joined = Some((whole, extra));
                    break;
                }
            }
        }
        if let Some((whole, extra)) = joined {
            out.push(whole);
            i += extra + 1;
            continue;
        }
        out.push(piece);
        i += 1;
    }
    out
}

/// Does unparsed text look like a citation someone got wrong, rather than
/// prose? A year together with a title mark, a publication parenthetical
/// or a page reference.
fn looks_like_citation(text: &str) -> bool {
    let has_year = text
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit) && matches!(w.first(), Some(b'1' | b'2')));
    let has_title_mark = text.contains(['“', '「', '《', '〈']);
    let has_pages = text.contains("p.") || text.contains("pp.") || text.contains('頁');
    let has_publication = text.contains(['(', '（']) && text.contains([':', '：']);
    has_year && (has_title_mark || has_publication) || has_pages && has_title_mark
}

/// A GB/T 7714 reference says so with its type code (`[M]`, `[J]`); else
/// try the grammar of the piece's script first, then the other.
fn parse_citation(piece: Span) -> Option<CiteParse> {
    if let Some(parse) = gbt::citation(piece) {
        return Some(parse);
    }
    let starts_cjk = piece.fragment().chars().next().is_some_and(is_cjk);
    let in_latin_convention = || english::citation(piece).map(|p| in_cyrillic_script(p, piece));
    if starts_cjk {
        chinese::citation(piece).or_else(in_latin_convention)
    } else {
        in_latin_convention().or_else(|| chinese::citation(piece))
    }
}

/// A work cited in Chicago's form but written in Cyrillic (`Е. П. Бажанов,
/// Актуальные проблемы … (Москва: …, 2001)`) is in that language, not
/// English: told by its title, or by the whole citation where it has none.
fn in_cyrillic_script(mut parse: CiteParse, piece: Span) -> CiteParse {
    if let Some(Parsed::Full(item)) = parse.parsed.as_mut() {
        let text = item.title.as_deref().unwrap_or(piece.fragment());
        if let Some(language) = crate::text::cyrillic_language(text) {
            if item.language != Some(language) {
                std::sync::Arc::make_mut(item).language = Some(language);
            }
        }
    }
    parse
}

/// Parse a piece; when the grammar leaves text over, see whether the piece
/// is a citation followed by a sentence of prose (`…, p. 5. Lynch argues
/// …`, `…，頁 5。此外…`) and keep the prose apart.
fn parse_with_trailing_prose<'a>(
    piece: Span<'a>,
    parses: &Parses,
) -> (Span<'a>, Option<CiteParse>, Option<Span<'a>>) {
    let whole = parses.take(piece);
    if whole.as_ref().is_some_and(|p| p.unparsed.is_empty()) {
        return (piece, whole, None);
    }
    let text = *piece.fragment();
    let ends: Vec<usize> = text
        .char_indices()
        .filter(|(i, c)| {
            let next = text.get(i + c.len_utf8()..).unwrap_or("");
            match c {
                '。' => !next.trim().is_empty(),
                // `… 2005: 12.此一观点…`: Chinese prose needs no space.
                '.' => {
                    (next.starts_with(' ')
                        && next
                            .trim_start()
                            .starts_with(|n: char| n.is_uppercase() || is_cjk(n))
                        || next.starts_with(is_cjk_ideograph))
                        && !ends_an_abbreviation(text.get(..*i).unwrap_or(""))
                }
                _ => false,
            }
        })
        .map(|(i, _)| i)
        .collect();
    // A full reference wins over a short form read from fewer sentences:
    // `…, ed. Wayne Booth (Chicago: …, 2018), 385. Prose.` is not the short
    // form `…, ed.`; and the longest full reference wins over a shorter one:
    // a GB/T reference's elements end in full stops too (`王明华. 书名[M].
    // 北京: 出版社, 2005: 12. Prose。` is not `王明华. 书名[M]`).
    let mut short = None;
    let mut full = None;
    for end in ends {
        let head = without_terminator(slice(piece, 0, end + 1));
        if let Some(parse) =
            parse_citation(head).filter(|p| p.unparsed.is_empty() && p.parsed.is_some())
        {
            let prose = trim(slice(piece, end + 1, text.len()));
            let found = (
                head,
                Some(parse),
                (!prose.fragment().is_empty()).then_some(prose),
            );
            if matches!(
                found.1.as_ref().and_then(|p| p.parsed.as_ref()),
                Some(Parsed::Full(_))
            ) {
                full = Some(found);
            } else {
                short.get_or_insert(found);
            }
        }
    }
    full.or(short).unwrap_or((piece, whole, None))
}

/// Does the text before a full stop end in an abbreviation (`ed.`,
/// `trans.`, `vol.`, an initial), so that the stop ends no sentence?
fn ends_an_abbreviation(before: &str) -> bool {
    const ABBREVIATIONS: &[&str] = &[
        "ed", "eds", "trans", "vol", "vols", "no", "nos", "p", "pp", "ser", "repr", "rev", "chap",
        "pt", "esp", "cf", "al", "Mr", "Mrs", "Dr", "St", "Jr", "Sr", "Co", "Inc", "Ltd",
    ];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    ABBREVIATIONS.contains(&word)
        || word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase())
}

/// The piece without the note's final period (`.` or `。`).
fn without_terminator(piece: Span) -> Span {
    let piece = trim(piece);
    let text = *piece.fragment();
    let cut = text
        .strip_suffix('。')
        .or_else(|| text.strip_suffix('．'))
        .or_else(|| {
            // Keep the period of `Ibid.`, `et al.`, `op. cit.`: it belongs
            // to the abbreviation, and the grammars accept it either way.
            let body = text.strip_suffix('.')?;
            let last_word = body.rsplit([' ', ',']).next().unwrap_or("").to_lowercase();
            let abbreviation = [
                "ibid", "id", "al", "cit", "ed", "eds", "trans", "jr", "inc", "co", "ltd", "etc",
            ];
            (!abbreviation.contains(&last_word.as_str())).then_some(body)
        })
        .map_or(text.len(), str::len);
    trim(slice(piece, 0, cut))
}

/// Words of an author's remark on a quotation, not of a work's description.
const REMARK_WORDS: &[&str] = &[
    "emphasis",
    "italics",
    "translation",
    "translated",
    "added",
    "mine",
    "original",
    "modified",
    "altered",
    "paraphrased",
    "abridged",
];

/// `…, 45 (emphasis added)`, `…, 12 (my translation)`: the author's remark
/// in parentheses after a citation, in lower-case words, one of them a
/// word of such remarks (`(in press)` describes the work). The remark is
/// commentary.
fn editorial_remark(piece: Span) -> Option<(Span, Span, CiteParse)> {
    let text = *piece.fragment();
    let open = text.strip_suffix(')')?.rfind('(')?;
    let remark = text.get(open + 1..text.len() - 1)?;
    let words_only = remark.starts_with(|c: char| c.is_lowercase())
        && remark
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '\'' | '’' | ','));
    let remarks = remark.split([' ', ',']).any(|w| REMARK_WORDS.contains(&w));
    if !(words_only && remarks) {
        return None;
    }
    let cited = trim(slice(piece, 0, open));
    let parse = parse_citation(cited).filter(|p| p.unparsed.is_empty())?;
    Some((cited, slice(piece, open, text.len()), parse))
}

/// `Ashur Inscription, obv. lines 10–17 (Grayson, Assyrian Rulers, RIMA 2
/// [Toronto: …, 1991], 143–44)`: a primary text with its own locator,
/// followed in parentheses by the edition that prints it. The edition is
/// the citation and the text before it commentary. Tried only when the
/// whole piece does not read.
fn cited_in_parentheses(piece: Span) -> Option<(Span, Span, CiteParse)> {
    let text = *piece.fragment();
    let body = text.strip_suffix(')')?;
    // The `(` that the final `)` closes.
    let mut depth = 1usize;
    let open = body.char_indices().rev().find_map(|(i, c)| {
        match c {
            ')' => depth += 1,
            '(' => depth -= 1,
            _ => {}
        }
        (depth == 0).then_some(i)
    })?;
    let lead = trim(slice(piece, 0, open));
    let inner = trim(slice(piece, open + 1, body.len()));
    if lead.fragment().is_empty() {
        return None;
    }
    let parse = parse_citation(inner).filter(|p| {
        p.unparsed.is_empty()
            && matches!(&p.parsed, Some(Parsed::Full(item)) if item.title.is_some())
    })?;
    Some((lead, inner, parse))
}

/// Does this text open with a citation the grammars read completely?
fn starts_with_citation(text: Span) -> bool {
    split_top_level(text, |c| c == ';' || c == '；')
        .first()
        .map(|first| strip_cue(without_terminator(*first)))
        .and_then(parse_citation)
        .is_some_and(|p| p.parsed.is_some() && p.unparsed.is_empty())
}

/// Parse one note's joined text.
pub fn parse_note(text: &str) -> ParsedNote {
    let span = Span::new(text);
    let mut note = ParsedNote::default();
    // Text before a cue is commentary (`……談判。請參閱 “Title,” …`) unless
    // it is itself a citation (`A, “T,” J 25 (2001); see also B, …`).
    let region = match cue_at(text) {
        Some((at, _)) if starts_with_citation(slice(span, 0, at)) => span,
        Some((at, len)) => {
            let before = trim(slice(span, 0, at));
            if !before.fragment().is_empty() {
                note.commentary.push(span_range(&before));
            }
            trim(slice(span, at + len, text.len()))
        }
        None => span,
    };
    let parses = Parses::default();
    let pieces = join_split_titles(
        region,
        split_top_level(region, |c| c == ';' || c == '；'),
        &parses,
    );
    for piece in pieces {
        let piece = strip_cue(without_terminator(piece));
        if piece.fragment().is_empty() {
            continue;
        }
        // A short form reads a remark as part of its title: the remark is
        // taken off first.
        let (piece, parse, trailing) = match editorial_remark(piece) {
            Some((cited, remark, p)) => (cited, Some(p), Some(remark)),
            None => parse_with_trailing_prose(piece, &parses),
        };
        if let Some(prose) = trailing {
            note.commentary.push(span_range(&prose));
        }
        let (piece, parse) = match parse {
            Some(p) if p.unparsed.is_empty() => (piece, Some(p)),
            other => match cited_in_parentheses(piece) {
                Some((lead, inner, p)) => {
                    note.commentary.push(span_range(&lead));
                    (inner, Some(p))
                }
                None => (piece, other),
            },
        };
        match parse {
            Some(parse) => note.citations.push(RawCitation {
                parsed: parse.parsed,
                locator: parse.locator,
                range: span_range(&piece),
                unparsed: parse.unparsed.into(),
                forms: parse.forms.into(),
            }),
            None if looks_like_citation(piece.fragment()) => note.citations.push(RawCitation {
                parsed: None,
                locator: None,
                range: span_range(&piece),
                unparsed: Box::new([span_range(&piece)]),
                forms: Box::default(),
            }),
            None => note.commentary.push(span_range(&piece)),
        }
    }
    merge_adjacent(&mut note.commentary, text);
    // A paper holds every note's records at once: no spare capacity, and
    // each full citation's fields are cleaned once, here.
    note.citations.shrink_to_fit();
    note.commentary.shrink_to_fit();
    for c in &mut note.citations {
        match &mut c.parsed {
            Some(Parsed::Full(item)) => {
                // Not shared yet: no copy.
                let item = std::sync::Arc::make_mut(item);
                item.clean_fields();
                item.shrink_to_fit();
            }
            Some(Parsed::Short(s)) => s.creators.shrink_to_fit(),
            _ => {}
        }
    }
    note
}

/// Commentary split at `；` is one stretch of prose: join neighbours.
fn merge_adjacent(ranges: &mut Vec<Range<usize>>, text: &str) {
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges.drain(..) {
        if let Some(last) = merged.last_mut() {
            let gap = text.get(last.end..r.start).unwrap_or("x");
            if gap
                .chars()
                .all(|c| c.is_whitespace() || c == ';' || c == '；')
            {
                last.end = r.end;
                continue;
            }
        }
        merged.push(r);
    }
    *ranges = merged;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::CiteKind;

    fn kinds(note: &ParsedNote) -> Vec<Option<CiteKind>> {
        note.citations.iter().map(RawCitation::kind).collect()
    }

    #[test]
    fn each_piece_keeps_its_own_parse_until_it_is_taken() {
        let span = Span::new(
            "Allen Lynch, Soviet Foreign Policy (New York: Praeger, 1991), 38; Lynch, Soviet Foreign Policy, 40",
        );
        let pieces: Vec<Span> = split_top_level(span, |c| c == ';')
            .into_iter()
            .map(trim)
            .collect();
        let [full, short] = pieces.as_slice() else {
            panic!("two pieces: {pieces:?}");
        };
        let parses = Parses::default();
        let kind = |p: Option<&CiteParse>| p.and_then(|p| p.parsed.as_ref()).map(|_| ());
        assert!(parses.read(*full, |p| matches!(
            p.and_then(|p| p.parsed.as_ref()),
            Some(Parsed::Full(_))
        )));
        assert!(parses.read(*short, |p| matches!(
            p.and_then(|p| p.parsed.as_ref()),
            Some(Parsed::Short(_))
        )));
        // Read again, each is found, not parsed again.
        assert_eq!(parses.read(*full, kind), Some(()));
        assert_eq!(parses.done.borrow().len(), 2);
        assert_eq!(parses.take(*short), parse_citation(*short));
        assert_eq!(parses.take(*full), parse_citation(*full));
        assert!(parses.done.borrow().is_empty());
        // Once taken, a piece is parsed anew.
        assert_eq!(parses.take(*full), parse_citation(*full));
    }

    #[test]
    fn commentary_before_a_cue_is_kept_apart() {
        let text = "中、俄雙方的共同關切，陳述在聯合公報。請參閱 “Full Text of Joint Statement,” FBIS-CHI-94-172, 6 September 1994, pp.21-22.";
        let note = parse_note(text);
        assert_eq!(kinds(&note), [Some(CiteKind::Full)]);
        assert_eq!(note.commentary.len(), 1);
        let commentary = &text[note.commentary[0].clone()];
        assert_eq!(commentary, "中、俄雙方的共同關切，陳述在聯合公報。");
        assert!(text[note.citations[0].range.clone()].starts_with("“Full Text"));
    }

    #[test]
    fn an_editorial_remark_after_the_pages_is_commentary() {
        for (text, page, remark) in [
            ("Ibid., 45 (emphasis added).", "45", "(emphasis added)"),
            (
                "Jane Roe, Moabite Texts (Chicago: Example Press, 1999), 12 (my translation).",
                "12",
                "(my translation)",
            ),
            (
                "Roe, Moabite Texts, 12 (emphasis in original).",
                "12",
                "(emphasis in original)",
            ),
        ] {
            let note = parse_note(text);
            assert_eq!(note.citations.len(), 1, "{text}");
            assert!(note.citations[0].unparsed.is_empty(), "{text}");
            assert_eq!(
                note.citations[0].locator.as_ref().map(|l| l.value.as_str()),
                Some(page),
                "{text}"
            );
            assert_eq!(&text[note.commentary[0].clone()], remark);
        }
        // A parenthesis that the grammar reads is no remark.
        let text = "Jane Roe, Moabite Texts (in press).";
        let note = parse_note(text);
        assert!(note.commentary.is_empty());
        assert_eq!(
            note.citations.first().map(|c| &text[c.range.clone()]),
            Some("Jane Roe, Moabite Texts (in press)")
        );
    }

    #[test]
    fn a_primary_text_cited_in_its_edition_in_parentheses() {
        let text = "Mesha Stele, line 5 (Jane Roe, Moabite Texts of the Iron Age, Studies in Epigraphy 4 [Chicago: Example Press, 1999], 12–14).";
        let note = parse_note(text);
        assert_eq!(kinds(&note), [Some(CiteKind::Full)]);
        assert_eq!(&text[note.commentary[0].clone()], "Mesha Stele, line 5");
        let citation = &note.citations[0];
        assert!(text[citation.range.clone()].starts_with("Jane Roe"));
        match &citation.parsed {
            Some(Parsed::Full(item)) => {
                assert_eq!(item.title.as_deref(), Some("Moabite Texts of the Iron Age"));
                assert_eq!(item.publisher.as_deref(), Some("Example Press"));
                assert_eq!(item.publisher_place.as_deref(), Some("Chicago"));
                assert_eq!(
                    item.collection_title.as_deref(),
                    Some("Studies in Epigraphy")
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            citation.locator.as_ref().map(|l| l.value.as_str()),
            Some("12-14")
        );
        // The edition's own parentheses inside them.
        let text = "Mesha Stele, line 5 (Jane Roe, Moabite Texts of the Iron Age (Chicago: Example Press, 1999), 12–14).";
        let note = parse_note(text);
        assert_eq!(kinds(&note), [Some(CiteKind::Full)]);
        assert_eq!(&text[note.commentary[0].clone()], "Mesha Stele, line 5");
        // A parenthesis that holds no full citation is not taken for one.
        for text in [
            "Mesha Stele, line 5 (see the plate).",
            "Mesha Stele, line 5 (Roe, Moabite Texts, 12).",
        ] {
            let note = parse_note(text);
            assert!(
                note.citations.iter().all(|c| c.range.start == 0),
                "{note:?}"
            );
        }
    }

    #[test]
    fn english_see_and_see_also() {
        let note = parse_note(
            "See Allen Lynch, Soviet Views (New York: Praeger, 1991), p. 3; see also Ibid., p. 5.",
        );
        assert_eq!(kinds(&note), [Some(CiteKind::Full), Some(CiteKind::Ibid)]);
        assert!(note.commentary.is_empty());
    }

    #[test]
    fn a_citation_before_see_also_is_not_commentary() {
        let note = parse_note("Thomas J. Christensen, “Posing Problems,” International Security 25, no. 4 (Spring 2001): 5-40; see also Michael D. Swaine, Interpreting China's Grand Strategy (Santa Monica, CA: RAND, 2000), 45.");
        assert_eq!(kinds(&note), [Some(CiteKind::Full), Some(CiteKind::Full)]);
        assert!(note.commentary.is_empty());
    }

    #[test]
    fn and_after_a_semicolon_and_a_bare_jian_introduce_citations() {
        let note = parse_note(
            "For a different view, see Bobo Lo, Axis of Convenience (Washington, DC: Brookings, 2008), p. 30; and Lowell Dittmer, “Partners,” Asian Survey, Vol. 3, No. 2 (2001), p. 401.",
        );
        assert_eq!(kinds(&note), [Some(CiteKind::Full), Some(CiteKind::Full)]);
        let note = parse_note("見林中斌，核霸（臺北：學生書局，1999 年），頁 45。");
        assert_eq!(kinds(&note), [Some(CiteKind::Full)]);
        match &note.citations[0].parsed {
            Some(Parsed::Full(item)) => assert_eq!(item.author[0].display(), "林中斌"),
            other => panic!("{other:?}"),
        }
        // `可見` is "evidently", not a cue: the note stays commentary.
        let note = parse_note("可見俄羅斯對中共軍售之重要性。");
        assert!(note.citations.is_empty());
        assert_eq!(note.commentary.len(), 1);
    }

    #[test]
    fn chinese_cues_after_prose() {
        let text =
            "相關討論請見吳玉山，抗衡或扈從：兩岸關係新詮（台北：正中書局，1997 年），頁 15-20。";
        let note = parse_note(text);
        assert_eq!(kinds(&note), [Some(CiteKind::Full)]);
        assert_eq!(&text[note.commentary[0].clone()], "相關討論");
        let note = parse_note(
            "美國的角色受到重視，另請參閱 Jane Doe, Soviet Arms (New York: Praeger, 1992), p. 45.",
        );
        assert_eq!(kinds(&note), [Some(CiteKind::Full)]);
        assert_eq!(note.commentary.len(), 1);
        // The same cues in simplified script.
        let text = "有关双方谈判的经过，请参阅王明华. 中俄军事合作研究[M]. 北京: 世界知识出版社, 2005: 12.";
        let note = parse_note(text);
        assert_eq!(kinds(&note), [Some(CiteKind::Full)]);
        assert_eq!(&text[note.commentary[0].clone()], "有关双方谈判的经过，");
        let text = "参见王明华. 中俄军事合作研究[M]. 北京: 世界知识出版社, 2005: 12.";
        let note = parse_note(text);
        assert_eq!(kinds(&note), [Some(CiteKind::Full)]);
        let raw = note.citations.first().map(|c| &text[c.range.clone()]);
        assert_eq!(raw.map(|r| r.starts_with("王明华")), Some(true));
    }

    #[test]
    fn the_earliest_cue_wins_whatever_its_place_in_the_list() {
        // `see also` is listed before `See`, but `See` comes first here.
        let text = "See Smith, Title (New York: Praeger, 1990), 3; see also Jones, Other, 4.";
        assert_eq!(cue_at(text), Some((0, 3)));
        let text = "參見Jane Doe, Soviet Arms (New York: Praeger, 1990), 4.";
        assert_eq!(cue_at(text), Some((0, "參見".len())));
        assert_eq!(cue_at("Jane Doe. See中國軍事, 4."), None);
        let text = "相關討論請見吳玉山，抗衡或扈從，頁 15；另請參閱 Jane Doe, Soviet Arms, 4.";
        assert_eq!(
            cue_at(text).map(|(at, len)| &text[at..at + len]),
            Some("請見")
        );
    }

    #[test]
    fn a_parsed_note_keeps_no_spare_room() {
        let note = parse_note(
            "John Smith, Jane Doe and Ann Lee, The Long Title (New York: Norton, 1999), 12; \
             Smith and Doe, Long Title, 14. A remark.",
        );
        let full = note.citations.first().and_then(|c| match &c.parsed {
            Some(Parsed::Full(item)) => Some(item),
            _ => None,
        });
        let authors = &full.expect("a full citation").author;
        assert_eq!((authors.len(), authors.capacity()), (3, 3));
        let short = note
            .citations
            .get(1)
            .and_then(|c| c.parsed.as_ref()?.as_short())
            .map(|s| &s.creators);
        let creators = short.expect("a short form");
        assert_eq!((creators.len(), creators.capacity()), (2, 2));
        assert_eq!(note.commentary.len(), note.commentary.capacity());
    }

    #[test]
    fn of_two_cues_at_one_place_the_one_listed_first_wins() {
        // `See also` and `See` both stand at 0: the longer, listed first.
        let text = "See also Jones, Other (Boston: Little, 1990), 4.";
        assert_eq!(cue_at(text), Some((0, "See also".len())));
        // A cue that does not stand (no boundary before `see`) is passed
        // over for a later one that does.
        let text = "Oversee the work. Cf. Jones, Other, 4.";
        assert_eq!(
            cue_at(text).map(|(at, len)| &text[at..at + len]),
            Some("Cf.")
        );
        assert_eq!(cue_at("Jones, Other, 4."), None);
    }

    #[test]
    fn cues_are_grouped_by_first_character_in_list_order() {
        let groups = cues_by_first_char();
        let firsts: Vec<char> = groups.iter().map(|(c, _)| *c).collect();
        let mut sorted = firsts.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(firsts, sorted);
        // Every cue once, under its first character, in the list's order.
        for (first, group) in groups {
            let listed: Vec<&str> = CUES
                .iter()
                .copied()
                .filter(|cue| cue.starts_with(*first))
                .collect();
            assert_eq!(group, &listed);
        }
        let count: usize = groups.iter().map(|(_, g)| g.len()).sum();
        assert_eq!(count, CUES.len());
        // A cue whose first character other cues share is still found.
        assert_eq!(cue_at("參見熊光楷，書名，頁 3"), Some((0, "參見".len())));
        assert_eq!(
            cue_at("Text. Cited in Jones, Other, 4."),
            Some((6, "Cited in".len()))
        );
    }

    #[test]
    fn prose_after_a_gbt_reference_is_commentary() {
        let text =
            "王明华. 中俄军事合作研究[M]. 北京: 世界知识出版社, 2005: 12. 此一观点广为学界接受。";
        let note = parse_note(text);
        let raw = note.citations.first().map(|c| &text[c.range.clone()]);
        assert_eq!(
            raw,
            Some("王明华. 中俄军事合作研究[M]. 北京: 世界知识出版社, 2005: 12")
        );
        let prose: Vec<&str> = note.commentary.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(prose, ["此一观点广为学界接受"]);
        let text =
            "王明华. 中俄军事合作研究[M]. 北京: 世界知识出版社, 2005: 12.此一观点广为学界接受。";
        let note = parse_note(text);
        let raw = note.citations.first().map(|c| &text[c.range.clone()]);
        assert_eq!(
            raw,
            Some("王明华. 中俄军事合作研究[M]. 北京: 世界知识出版社, 2005: 12")
        );
    }

    #[test]
    fn pure_commentary_has_no_citations() {
        let note = parse_note("在邊界兩側 100 公里內，雙方同意不得進行實兵演習；在邊界西段，單獨或聯合演習不得超過 40,000 人。");
        assert!(note.citations.is_empty());
        assert_eq!(note.commentary.len(), 1);
    }

    /// The pages cited by a note that must hold one citation.
    fn one_citations_pages(note: &ParsedNote) -> Option<String> {
        assert_eq!(note.citations.len(), 1);
        note.citations
            .first()
            .and_then(|c| c.locator.clone())
            .map(|l| l.value)
    }

    #[test]
    fn a_title_with_two_semicolons_is_one_citation() {
        let note = parse_note("Daniel Berkeley Updike, Printing Types; Their History, Forms, and Use; a Study in Survivals (Cambridge, MA: Harvard University Press, 1922), 42–45.");
        assert_eq!(one_citations_pages(&note), Some("42-45".to_string()));
    }

    #[test]
    fn a_semicolon_in_a_series_name_is_no_split() {
        // Its first half reads as an article with nothing but a journal.
        let note = parse_note("David W. Slingerland, “Summary of Trade,” USITC publication; 841 (Washington, DC: U.S. International Trade Commission, 1981), 5.");
        assert_eq!(one_citations_pages(&note), Some("5".to_string()));
        // Two articles that each give a page or a date stay two.
        let note =
            parse_note("Ann Lee, “One,” Journal A 3 (1990): 4; Bob Ray, “Two,” Journal B, 1991.");
        assert_eq!(note.citations.len(), 2);
        // A half that does not read, before a work with its own author:
        // two citations, not one title.
        let note = parse_note("Allen Lynch, Soviet Views; Rajan Menon, The Strategic Convergence (London: IISS, 1997), 5.");
        assert_eq!(note.citations.len(), 2);
    }

    #[test]
    fn an_article_with_only_its_volume_is_whole_before_a_semicolon() {
        // No page, no date: the volume alone says the article is complete,
        // so the book after the semicolon is not the rest of its title.
        let note = parse_note(
            "John Smith, “A Title,” Journal of Things 12; Another Part (Boston: Little, 1990), 4.",
        );
        assert_eq!(kinds(&note), [Some(CiteKind::Full), Some(CiteKind::Full)]);
    }

    #[test]
    fn splits_at_semicolons_outside_titles() {
        let note = parse_note("熊光楷，國際戰略（北京：清華大學出版社，2003 年），頁 40；「接見俄國會議員；陳總統」，中國時報，2001 年 2 月 22 日。");
        assert_eq!(kinds(&note), [Some(CiteKind::Full), Some(CiteKind::Full)]);
    }

    #[test]
    fn unreadable_citation_is_kept_as_text() {
        let text = "Smith “Title” 1999 (London Verso)";
        let note = parse_note(text);
        assert_eq!(note.citations.len(), 1);
        assert_eq!(note.citations[0].parsed, None);
        let whole: Box<[Range<usize>]> = std::iter::once(0..text.len()).collect();
        assert_eq!(note.citations[0].unparsed, whole);
    }

    #[test]
    fn prose_after_a_citation_is_commentary() {
        let text = "Allen Lynch, Soviet Views (New York: Praeger, 1991), p. 3. Lynch argues that the views changed.";
        let note = parse_note(text);
        assert_eq!(kinds(&note), [Some(CiteKind::Full)]);
        assert!(note.citations[0].unparsed.is_empty());
        assert_eq!(
            &text[note.commentary[0].clone()],
            "Lynch argues that the views changed"
        );
        let text = "熊光楷，國際戰略（北京：清華大學出版社，2003 年），頁 9。此書討論新軍事變革。";
        let note = parse_note(text);
        assert_eq!(kinds(&note), [Some(CiteKind::Full)]);
        assert_eq!(note.commentary.len(), 1);
    }

    #[test]
    fn keeps_the_period_of_abbreviations() {
        let text = "Ibid.";
        let note = parse_note(text);
        assert_eq!(&text[note.citations[0].range.clone()], "Ibid.");
        let text = "Allen Lynch, Soviet Views (New York: Praeger, 1991), p. 3.";
        let note = parse_note(text);
        assert!(text[note.citations[0].range.clone()].ends_with("p. 3"));
    }

    #[test]
    fn a_full_reference_wins_over_a_short_form_before_prose() {
        let text = "Kate Turabian, A Manual for Writers, 9th ed., ed. Wayne Booth (Chicago: UCP, 2018), 385. Double spacing is set with setspace.";
        let note = parse_note(text);
        assert!(matches!(note.citations[0].parsed, Some(Parsed::Full(_))));
        assert!(text[note.citations[0].range.clone()].ends_with("385"));
    }

    #[test]
    fn no_sentence_ends_at_an_abbreviation() {
        assert!(ends_an_abbreviation("Title, ed"));
        assert!(ends_an_abbreviation("Wayne C"));
        assert!(ends_an_abbreviation("(trans"));
        assert!(!ends_an_abbreviation("Press, 2018), 385"));
        assert!(!ends_an_abbreviation("the end"));
    }
}
