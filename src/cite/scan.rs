//! Small combinators shared by both grammars: splitting at top-level
//! separators, bracketed and quoted groups, trimming spans.

use super::{PResult, Span};
use nom::bytes::complete::{tag, take_while};
use nom::error::{Error, ErrorKind};
use nom::{Input, Parser};

/// Brackets and quotation marks that group text: a separator inside them
/// does not split.
fn opener_of(closer: char) -> Option<char> {
    Some(match closer {
        ')' => '(',
        '）' => '（',
        ']' => '[',
        '」' => '「',
        '』' => '『',
        '》' => '《',
        '〉' => '〈',
        '”' => '“',
        _ => return None,
    })
}

fn is_opener(c: char, with_quotes: bool) -> bool {
    matches!(c, '(' | '（' | '[' | '「' | '『' | '《' | '〈') || (with_quotes && c == '“')
}

/// Whether the word at byte `i` of `text` is a web address (inside one,
/// nothing separates elements).
fn opens_url(text: &str, i: usize) -> bool {
    let token = text.get(i..).unwrap_or("");
    token.starts_with("http") || crate::text::starts_with_url(token)
}

/// Byte offsets (relative to `text`) of separators outside any group.
/// `None` when the groups do not balance.
fn top_level_positions(
    text: &str,
    is_sep: &impl Fn(char) -> bool,
    with_quotes: bool,
) -> Option<Vec<usize>> {
    let mut stack: Vec<char> = Vec::new();
    // How many of each opener the stack holds, so that "is it open?" does
    // not scan the stack (which made deep mismatched nesting quadratic).
    let mut open_count: Vec<(char, usize)> = Vec::new();
    fn count(counts: &mut Vec<(char, usize)>, c: char) -> &mut usize {
        let at = match counts.iter().position(|(o, _)| *o == c) {
            Some(at) => at,
            None => {
                counts.push((c, 0));
                counts.len() - 1
            }
        };
        &mut counts[at].1
    }
    let mut found = Vec::new();
    let mut prev = None;
    // Inside a URL (to the next white space) nothing separates elements:
    // `…/Issue%20Brief%201,%20Veteran.pdf`.
    let mut in_url = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            in_url = false;
        } else if prev.is_none_or(char::is_whitespace) {
            in_url = opens_url(text, i);
        }
        // `Taal-, Land- en Volkenkunde`: a comma after a suspended hyphen
        // is inside a name, not between elements; so is any separator
        // inside a URL, unless it ends the URL (`….pdf, 5`). Only looked
        // at where there is a URL: this runs over every character.
        let joined = (c == ',' && prev == Some('-'))
            || in_url
                && text
                    .get(i + c.len_utf8()..)
                    .is_some_and(|rest| rest.starts_with(|n: char| !n.is_whitespace()));
        prev = Some(c);
        if is_opener(c, with_quotes) {
            stack.push(c);
            *count(&mut open_count, c) += 1;
        } else if let Some(open) = opener_of(c).filter(|_| with_quotes || c != '”') {
            if stack.last() == Some(&open) {
                stack.pop();
                *count(&mut open_count, open) -= 1;
            } else if *count(&mut open_count, open) > 0 {
                // Close the group, forgiving what was left open inside it.
                while let Some(o) = stack.pop() {
                    *count(&mut open_count, o) -= 1;
                    if o == open {
                        break;
                    }
                }
            }
        } else if stack.is_empty() && is_sep(c) && !joined {
            found.push(i);
        }
    }
    stack.is_empty().then_some(found)
}

/// The first separator when nothing before it opens or closes a group,
/// starts a URL or suspends a hyphen: then every pass of
/// `top_level_positions` finds it first, so the rest of the text (often a
/// whole note, asked only for its first element) need not be scanned.
/// `None` when that cannot be known so cheaply. (Unlike the full scan, it
/// finds the first element even where a bracket after it is left open.)
fn plain_first_separator(text: &str, is_sep: &impl Fn(char) -> bool) -> Option<usize> {
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if is_opener(c, true) || opener_of(c).is_some() {
            return None;
        }
        if !c.is_whitespace() && prev.is_none_or(char::is_whitespace) && opens_url(text, i) {
            return None;
        }
        if is_sep(c) {
            return (c != ',' || prev != Some('-')).then_some(i);
        }
        prev = Some(c);
    }
    None
}

/// Split at separators outside brackets and quotation marks. Unbalanced
/// quotation marks are ignored rather than swallowing the rest of the text;
/// unbalanced brackets likewise.
pub fn split_top_level<'a>(input: Span<'a>, is_sep: impl Fn(char) -> bool) -> Vec<Span<'a>> {
    let text = *input.fragment();
    let positions = top_level_positions(text, &is_sep, true)
        .or_else(|| top_level_positions(text, &is_sep, false))
        .unwrap_or_else(|| {
            text.char_indices()
                .filter(|(_, c)| is_sep(*c))
                .map(|(i, _)| i)
                .collect()
        });
    let mut pieces = Vec::with_capacity(positions.len() + 1);
    // `rest` is `input` from `start` on: each piece is sliced from it, not
    // from `input` (a span counts the lines of what it skips, so slicing
    // every piece from the start was quadratic in a long note).
    let mut rest = input;
    let mut start = 0;
    for pos in positions {
        let sep_len = text
            .get(pos..)
            .and_then(|s| s.chars().next())
            .map_or(1, char::len_utf8);
        pieces.push(slice(rest, 0, pos.saturating_sub(start)));
        let next = pos + sep_len;
        rest = slice(rest, next.saturating_sub(start), rest.fragment().len());
        start = next;
    }
    pieces.push(rest);
    pieces
}

/// The first top-level position of a separator, if any.
pub fn find_top_level(input: Span, is_sep: impl Fn(char) -> bool) -> Option<usize> {
    let text = *input.fragment();
    if let Some(first) = plain_first_separator(text, &is_sep) {
        return Some(first);
    }
    top_level_positions(text, &is_sep, true)
        .or_else(|| top_level_positions(text, &is_sep, false))
        .and_then(|p| p.first().copied())
}

/// `input[start..end]` as a span (clamped and snapped to char boundaries).
pub fn slice(input: Span<'_>, start: usize, end: usize) -> Span<'_> {
    let text = *input.fragment();
    let mut end = end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    input.take_from(start).take(end - start)
}

/// Trim white space (and nothing else) from both ends, keeping offsets.
pub fn trim(input: Span<'_>) -> Span<'_> {
    let text = *input.fragment();
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len().max(start);
    slice(input, start, end)
}

/// Trim white space and the given characters from the end.
pub fn trim_end_matches<'a>(input: Span<'a>, chars: &[char]) -> Span<'a> {
    let text = *input.fragment();
    let end = text
        .trim_end_matches(|c: char| c.is_whitespace() || chars.contains(&c))
        .len();
    slice(input, 0, end)
}

/// A plain failure of the parser at `input`, for checks that nom's own
/// combinators do not express.
pub fn fail<T>(input: Span) -> PResult<T> {
    Err(nom::Err::Error(Error::new(input, ErrorKind::Verify)))
}

/// Optional white space.
pub fn ws(input: Span) -> PResult<Span> {
    take_while(char::is_whitespace).parse(input)
}

/// A group opened by `open` and closed by the matching `close`, nested
/// groups of the same kind allowed. Returns the inside.
pub fn group<'a>(open: char, close: char) -> impl Fn(Span<'a>) -> PResult<'a, Span<'a>> {
    move |input: Span<'a>| {
        let text = *input.fragment();
        if !text.starts_with(open) {
            return Err(nom::Err::Error(Error::new(input, ErrorKind::Char)));
        }
        let mut depth = 0usize;
        for (i, c) in text.char_indices() {
            if c == open && (open != close || i == 0) {
                depth += 1;
            } else if c == close {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let inner = slice(input, open.len_utf8(), i);
                    return Ok((input.take_from(i + close.len_utf8()), inner));
                }
            }
        }
        Err(nom::Err::Error(Error::new(input, ErrorKind::Char)))
    }
}

/// A parenthesised group in half- or full-width parentheses.
pub fn parens(input: Span) -> PResult<Span> {
    group('(', ')')(input).or_else(|_| group('（', '）')(input))
}

/// A comma (half- or full-width) with white space around it.
pub fn comma(input: Span) -> PResult<Span> {
    let (input, _) = ws(input)?;
    let (input, c) = nom::branch::alt((tag(","), tag("，"), tag("、"))).parse(input)?;
    let (input, _) = ws(input)?;
    Ok((input, c))
}

/// A colon (half- or full-width) with white space around it.
pub fn colon(input: Span) -> PResult<Span> {
    let (input, _) = ws(input)?;
    let (input, c) = nom::branch::alt((tag(":"), tag("："))).parse(input)?;
    let (input, _) = ws(input)?;
    Ok((input, c))
}

/// Run `parser` and require that it consumed everything but white space.
pub fn all_of<'a, O>(
    mut parser: impl FnMut(Span<'a>) -> PResult<'a, O>,
    input: Span<'a>,
) -> Option<O> {
    let (rest, out) = parser(input).ok()?;
    rest.fragment().trim().is_empty().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slice_snaps_back_to_char_boundaries() {
        // `中` takes bytes 1..4: an end inside it falls back before it, a
        // start inside it too.
        let text = Span::new("a中b");
        assert_eq!(*slice(text, 0, 2).fragment(), "a");
        assert_eq!(*slice(text, 2, 5).fragment(), "中b");
        assert_eq!(*slice(text, 0, 99).fragment(), "a中b");
    }

    fn texts(pieces: &[Span]) -> Vec<String> {
        pieces.iter().map(|p| p.fragment().to_string()).collect()
    }

    #[test]
    fn a_group_may_open_and_close_with_one_character() {
        let (rest, inner) = group('|', '|')(Span::new("|a (b)| c")).unwrap();
        assert_eq!(*inner.fragment(), "a (b)");
        assert_eq!(*rest.fragment(), " c");
        let (_, inner) = group('(', ')')(Span::new("(a (b) c) d")).unwrap();
        assert_eq!(*inner.fragment(), "a (b) c");
    }

    #[test]
    fn splits_outside_quotes_and_brackets() {
        let s = Span::new("“A; B,” X (1; 2), p.3; C「D；E」；F");
        let pieces = split_top_level(s, |c| c == ';' || c == '；');
        assert_eq!(texts(&pieces), ["“A; B,” X (1; 2), p.3", " C「D；E」", "F"]);
        assert_eq!(pieces[2].location_offset(), s.fragment().len() - 1);
    }

    #[test]
    fn a_comma_after_a_suspended_hyphen_does_not_split() {
        let s = Span::new("Tijdschrift voor Taal-, Land- en Volkenkunde 78, 35");
        assert_eq!(
            texts(&split_top_level(s, |c| c == ',')),
            ["Tijdschrift voor Taal-, Land- en Volkenkunde 78", " 35"]
        );
    }

    #[test]
    fn a_url_is_one_element() {
        let s = Span::new("21, https://x.org/Brief%201,%20Vet.pdf, 5");
        assert_eq!(
            texts(&split_top_level(s, |c| c == ',')),
            ["21", " https://x.org/Brief%201,%20Vet.pdf", " 5"]
        );
    }

    /// The first top-level separator as the full scan finds it: `None`
    /// where the groups do not balance.
    fn first_by_full_scan(text: &str, is_sep: impl Fn(char) -> bool) -> Option<usize> {
        top_level_positions(text, &is_sep, true)
            .or_else(|| top_level_positions(text, &is_sep, false))
            .and_then(|p| p.first().copied())
    }

    #[test]
    fn the_first_separator_is_found_without_the_full_scan_only_when_plain() {
        let comma = |c: char| c == ',';
        assert_eq!(
            plain_first_separator("Memorandum, A to B", &comma),
            Some(10)
        );
        // What may change the answer sends it to the full scan.
        for text in [
            "“A, B,” C",
            "A (B, C), D",
            "Taal-, Land",
            "see https://x.org/a,b, 5",
            "A” B, C",
            "no separator",
        ] {
            assert_eq!(plain_first_separator(text, &comma), None, "{text}");
        }
        // A web address is looked for where a word starts, as the full
        // scan looks for it: `www.` as well as `http`.
        let text = "see www.x.org/a,b, 5";
        assert_eq!(find_top_level(Span::new(text), comma), text.find(", 5"));
        assert_eq!(find_top_level(Span::new("xhttp, B (C"), comma), Some(5));
        // An unclosed bracket after the first element does not hide it.
        assert_eq!(find_top_level(Span::new("A, B (C"), comma), Some(1));
        assert_eq!(first_by_full_scan("A, B (C", comma), None);
        for text in ["“A, B,” C, D", "A (B, C), D", "Taal-, Land, 3", "x, y"] {
            assert_eq!(
                find_top_level(Span::new(text), comma),
                first_by_full_scan(text, comma),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn the_plain_first_separator_is_the_full_scans_first(
            text in "[a-c ,;“”()（）「」\\-h:/.]{0,24}"
        ) {
            let sep = |c: char| c == ',' || c == ';';
            let full = first_by_full_scan(&text, sep);
            // Where the groups after it do not balance, the full scan finds
            // nothing; a separator before any group is still the first.
            let plain = plain_first_separator(&text, &sep);
            proptest::prop_assert!(full.is_none() || plain.is_none() || full == plain);
            proptest::prop_assert_eq!(find_top_level(Span::new(&text), sep), plain.or(full));
        }
    }

    #[test]
    fn unbalanced_quote_does_not_swallow_the_rest() {
        let s = Span::new("“A; B");
        assert_eq!(texts(&split_top_level(s, |c| c == ';')), ["“A", " B"]);
        let s = Span::new("((((a;b");
        assert_eq!(split_top_level(s, |c| c == ';').len(), 2);
    }

    #[test]
    fn group_returns_inside_and_rest() {
        let (rest, inner) = parens(Span::new("(New York: X (Y), 1991), p.3")).unwrap();
        assert_eq!(*inner.fragment(), "New York: X (Y), 1991");
        assert_eq!(*rest.fragment(), ", p.3");
        let (_, inner) = parens(Span::new("（北京：清華，2003 年）")).unwrap();
        assert_eq!(*inner.fragment(), "北京：清華，2003 年");
        assert!(parens(Span::new("(unclosed")).is_err());
    }

    #[test]
    fn trim_keeps_offsets() {
        let s = Span::new("  ab  ");
        let t = trim(s);
        assert_eq!(*t.fragment(), "ab");
        assert_eq!(t.location_offset(), 2);
        assert_eq!(
            *trim_end_matches(Span::new("x, p.5.。 "), &['.', '。']).fragment(),
            "x, p.5"
        );
    }
}
