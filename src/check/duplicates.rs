//! Duplicates: the same citation printed in full twice, a work cited in
//! full again where a short form or Ibid. would do, near-duplicates (one
//! work written two ways) with the differences shown, and Ibid. whose
//! antecedent is ambiguous.

use super::distance::{budget, similarity, Probe};
use super::{NoteView, Views};
use crate::cite::{CiteKind, Parsed};
use crate::diag::{Diagnostic, Severity};
use crate::extract::{CitationRecord, Extraction};
use crate::hashed::HashedIndex;
use crate::model::{Item, ItemType, Locator, LocatorLabel, Name};
use crate::resolve::{fold, folded};
use std::collections::HashMap;

/// Every duplicate finding of a paper.
pub fn check(ex: &Extraction) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let views = Views::new(ex);
    repeats(ex, views, &mut out);
    near_duplicates(ex, views, &mut out);
    ambiguous_ibid(views, &mut out);
    out
}

/// A citation's place: index into the notes and into its citations.
type At = (usize, usize);

fn citation<'a>(views: Views<'a>, at: At) -> Option<(NoteView<'a>, &'a CitationRecord)> {
    let view = views.get(at.0)?;
    let c = view.citations().get(at.1)?;
    Some((view, c))
}

/// Text with white space runs folded, for comparing citations as printed.
fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_chinese(item: &Item) -> bool {
    item.title.as_deref().is_some_and(crate::text::has_cjk)
        || item
            .lead_creators()
            .first()
            .is_some_and(|n| crate::text::has_cjk(n.sort_name()))
}

/// `p.40`, `pp.20-21`, `頁 40`.
fn locator_text(locator: Option<&Locator>, chinese: bool) -> String {
    let Some(l) = locator else {
        return String::new();
    };
    if l.label != LocatorLabel::Page {
        return format!("{} {}", l.label.name(), l.value);
    }
    if chinese {
        format!("頁 {}", l.value)
    } else if l.value.contains(['-', '–', ',']) {
        format!("pp.{}", l.value)
    } else {
        format!("p.{}", l.value)
    }
}

/// The first words of a title, up to its subtitle: a Chicago short title.
pub fn short_title(title: &str) -> String {
    let main = title
        .split([':', '?', '：', '？'])
        .next()
        .unwrap_or(title)
        .trim();
    let mut words: Vec<&str> = main.split_whitespace().take(4).collect();
    while words.len() > 1
        && words.last().is_some_and(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "of" | "the" | "and" | "in" | "on" | "for" | "to" | "a" | "an" | "from" | "with"
            )
        })
    {
        words.pop();
    }
    words.join(" ")
}

/// What to write instead of a repeated full citation.
fn suggestion(item: &Item, first_note: u32, locator: Option<&Locator>, ibid: bool) -> String {
    let chinese = is_chinese(item);
    let loc = locator_text(locator, chinese);
    if ibid {
        return if chinese {
            if loc.is_empty() {
                "write `同上註`".to_string()
            } else {
                format!("write `同上註，{loc}`")
            }
        } else if loc.is_empty() {
            "write `Ibid.`".to_string()
        } else {
            format!("write `Ibid., {loc}`")
        };
    }
    if chinese {
        let author = item
            .lead_creators()
            .first()
            .map(Name::display)
            .unwrap_or_default();
        let mut s = format!("write `同註 {first_note}");
        if !loc.is_empty() {
            s.push('，');
            s.push_str(&loc);
        }
        s.push('`');
        if !author.is_empty() {
            s.push_str(&format!(" or `{author}，前引書"));
            if !loc.is_empty() {
                s.push('，');
                s.push_str(&loc);
            }
            s.push('`');
        }
        return s;
    }
    // Chicago: `Family, Short Title, p.N`; titles of articles and
    // chapters in quotation marks, the comma inside them.
    let mut s = String::new();
    if let Some(n) = item.lead_creators().first() {
        let family = n.sort_name();
        if !family.is_empty() {
            s.push_str(family);
            s.push_str(", ");
        }
    }
    let quoted = item.item_type.is_periodical_article() || item.item_type == ItemType::Chapter;
    if let Some(t) = &item.title {
        let short = short_title(t);
        match (quoted, loc.is_empty()) {
            (true, false) => s.push_str(&format!("“{short},” ")),
            (true, true) => s.push_str(&format!("“{short}”")),
            (false, false) => s.push_str(&format!("{short}, ")),
            (false, true) => s.push_str(&short),
        }
    }
    s.push_str(&loc);
    format!("write a short form: `{}`", s.trim_end_matches([',', ' ']))
}

/// Identical full citations, and works cited in full again.
fn repeats(ex: &Extraction, views: Views, out: &mut Vec<Diagnostic>) {
    // Citations by their squeezed text, holding a hash of each (see
    // `crate::hashed`): a long paper's texts would double its notes'.
    let mut printed: HashedIndex<String, At> = HashedIndex::default();
    let mut first_full: HashMap<usize, At> = HashMap::new();
    let mut previous_work: Option<usize> = None;
    for (vi, view) in views.iter() {
        for (ci, c) in view.citations().iter().enumerate() {
            let full_or_unread = matches!(c.kind, Some(CiteKind::Full) | None);
            let key = squeeze(view.slice(&c.raw.range));
            let identical = if full_or_unread && key.chars().count() >= 20 {
                let printed_as_key = |at: At| {
                    citation(views, at).is_some_and(|(v, c)| squeeze(v.slice(&c.raw.range)) == key)
                };
                match printed.get(&key, printed_as_key) {
                    Some(at) => Some(at),
                    None => {
                        printed.insert(key, (vi, ci));
                        None
                    }
                }
            } else {
                None
            };
            // Ibid. is right when the citation before is this work and the
            // note before cites only it (or it is in the same note).
            let ibid_fits = c.work.is_some()
                && previous_work == c.work
                && (ci > 0 || {
                    let prev_works: Vec<usize> = vi
                        .checked_sub(1)
                        .and_then(|p| views.get(p))
                        .map(|v| v.citations().iter().filter_map(|c| c.work).collect())
                        .unwrap_or_default();
                    prev_works.iter().all(|w| Some(*w) == c.work)
                });
            if let (Some(Parsed::Full(item)), Some(w)) = (&c.raw.parsed, c.work) {
                match first_full.get(&w).copied() {
                    None => {
                        first_full.insert(w, (vi, ci));
                    }
                    Some(first) => {
                        let first_note = views.get(first.0).map_or(0, |v| v.number());
                        let help = suggestion(item, first_note, c.locator(), ibid_fits);
                        let d = if let Some(same) = identical {
                            let same_note = views.get(same.0).map_or(0, |v| v.number());
                            view.diag(
                                Severity::Warning,
                                "duplicate-citation",
                                &c.raw.range,
                                format!("this citation repeats note {same_note} word for word"),
                            )
                        } else {
                            let differences = citation(views, first)
                                .and_then(|(_, fc)| match &fc.raw.parsed {
                                    Some(Parsed::Full(first_item)) => {
                                        Some(differences(first_item, item))
                                    }
                                    _ => None,
                                })
                                .unwrap_or_default();
                            let mut message = format!(
                                "{} is cited in full again; note {first_note} already cites it in full",
                                describe(ex, w)
                            );
                            if !differences.is_empty() {
                                message.push_str(&format!(
                                    " (written differently: {})",
                                    differences.join("; ")
                                ));
                            }
                            view.diag(
                                Severity::Warning,
                                "repeated-full-citation",
                                &c.raw.range,
                                message,
                            )
                        };
                        out.push(d.with_help(help));
                    }
                }
            } else if let Some(same) = identical {
                let same_note = views.get(same.0).map_or(0, |v| v.number());
                out.push(
                    view.diag(
                        Severity::Warning,
                        "duplicate-citation",
                        &c.raw.range,
                        format!("this citation repeats note {same_note} word for word"),
                    )
                    .with_help("after the first full citation, write a short form or Ibid."),
                );
            }
            previous_work = c.work;
        }
    }
}

/// `熊光楷, 國際戰略與新軍事變革` / `Tsai, From Adversaries to Partners`.
fn describe(ex: &Extraction, work: usize) -> String {
    let Some(w) = ex.works.get(work) else {
        return "this work".to_string();
    };
    describe_item(&w.item)
}

fn describe_item(item: &Item) -> String {
    let title = item.title.as_deref().map(short_title).unwrap_or_default();
    let comma = if is_chinese(item) { "，" } else { ", " };
    match item.lead_creators().first() {
        Some(n) if !n.display().is_empty() => format!("`{}{comma}{title}`", n.display()),
        _ => format!("`{title}`"),
    }
}

/// Are two folded titles at least 85 % alike (as [`similarity`] measures)?
fn titles_close(a: &str, b: &Probe) -> bool {
    let longest = a.chars().count().max(b.chars());
    b.distance_within(a, budget(longest, 0.85)).is_some()
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

fn creators_text(item: &Item) -> String {
    item.lead_creators()
        .iter()
        .map(Name::display)
        .collect::<Vec<_>>()
        .join(", ")
}

/// How two records of (perhaps) one work differ: title, author, year.
pub fn differences(a: &Item, b: &Item) -> Vec<String> {
    let mut out = Vec::new();
    let (ta, tb) = (
        a.title.as_deref().unwrap_or(""),
        b.title.as_deref().unwrap_or(""),
    );
    if ta != tb {
        out.push(format!("title `{ta}` / `{tb}`"));
    }
    let (ca, cb) = (creators_text(a), creators_text(b));
    if ca != cb {
        let show = |s: &str| {
            if s.is_empty() {
                "none".to_string()
            } else {
                format!("`{s}`")
            }
        };
        out.push(format!("author {} / {}", show(&ca), show(&cb)));
    }
    let (ya, yb) = (a.issued.as_ref(), b.issued.as_ref());
    if ya.map(|d| d.year()) != yb.map(|d| d.year()) {
        let show =
            |d: Option<&crate::model::Date>| d.map_or("none".to_string(), |d| d.year().to_string());
        out.push(format!("year {} / {}", show(ya), show(yb)));
    }
    out
}

/// Are `a` and `b` probably one work written two ways? Titles must be
/// nearly equal (and carry the same numbers, so volumes of a yearbook stay
/// apart), lead creators nearly equal or one of them absent, and articles
/// must be in the same periodical. Returns the differences, or `None`.
pub fn near_duplicate(a: &Item, b: &Item) -> Option<Vec<String>> {
    let (ta, tb) = (
        fold(a.title.as_deref().unwrap_or("")),
        fold(b.title.as_deref().unwrap_or("")),
    );
    near_duplicate_folded(a, b, &ta, &Probe::new(&tb))
}

/// [`near_duplicate`] with the titles already folded.
fn near_duplicate_folded(a: &Item, b: &Item, ta: &str, tb: &Probe) -> Option<Vec<String>> {
    if ta.is_empty() || tb.chars() == 0 {
        return None;
    }
    let short = ta.chars().count().min(tb.chars());
    let title_close = ta == tb.text() || (short >= 10 && titles_close(ta, tb));
    if !title_close || digits(ta) != digits(tb.text()) {
        return None;
    }
    let family = |i: &Item| i.lead_creators().first().map(|n| fold(n.sort_name()));
    let creators_close = match (family(a), family(b)) {
        (Some(fa), Some(fb)) => fa == fb || similarity(&fa, &fb) >= 0.7,
        _ => true,
    };
    if !creators_close {
        return None;
    }
    if a.item_type.is_periodical_article() && b.item_type.is_periodical_article() {
        let container = |i: &Item| fold(i.container_title.as_deref().unwrap_or(""));
        if container(a) != container(b) {
            return None;
        }
    }
    let found = differences(a, b);
    (!found.is_empty()).then_some(found)
}

/// How many earlier works of one block a work is compared with: enough for
/// any real paper, and it keeps a corpus of templated titles linear.
const BLOCK_WINDOW: usize = 16;

/// Keys (of a folded title) that two near-duplicate titles share unless they differ at both
/// ends: the numbers in the title with its first, and with its last, four
/// letters. Only works that share a key are compared, so the check is
/// linear in the number of works, not quadratic.
fn block_keys(title: &str) -> Vec<String> {
    if title.is_empty() {
        return Vec::new();
    }
    let numbers = digits(title);
    let chars: Vec<char> = title.chars().collect();
    let head: String = chars.iter().take(4).collect();
    let tail: String = chars.iter().skip(chars.len().saturating_sub(4)).collect();
    vec![format!("{numbers}|^{head}"), format!("{numbers}|{tail}$")]
}

/// Folded titles (see [`fold`]), one after another in one string: a long
/// paper has a hundred thousand works.
struct FoldedTitles {
    text: String,
    ends: Vec<usize>,
}

impl FoldedTitles {
    /// Room for `titles` titles of `bytes` bytes in all (folding drops
    /// spaces and punctuation, so it seldom needs more): grown by doubling,
    /// the text would hold up to twice its length.
    fn with_capacity(titles: usize, bytes: usize) -> FoldedTitles {
        FoldedTitles {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(titles),
        }
    }

    fn push(&mut self, title: Option<&str>) {
        self.text.extend(folded(title.unwrap_or("")));
        self.ends.push(self.text.len());
    }

    /// The `i`-th title folded, or "" past the last.
    fn get(&self, i: usize) -> &str {
        crate::text::nth_joined(&self.text, &self.ends, i)
    }
}

fn near_duplicates(ex: &Extraction, views: Views, out: &mut Vec<Diagnostic>) {
    // The first full citation of each work, in document order.
    // A work has one first full citation at most.
    let mut firsts: Vec<(usize, At)> = Vec::with_capacity(ex.works.len());
    let mut seen = vec![false; ex.works.len()];
    for (vi, view) in views.iter() {
        for (ci, c) in view.citations().iter().enumerate() {
            if let (Some(CiteKind::Full), Some(w)) = (c.kind, c.work) {
                if seen
                    .get_mut(w)
                    .is_some_and(|seen| !std::mem::replace(seen, true))
                {
                    firsts.push((w, (vi, ci)));
                }
            }
        }
    }
    let title_of = |w: usize| ex.works.get(w).and_then(|w| w.item.title.as_deref());
    let bytes = firsts
        .iter()
        .filter_map(|(w, _)| title_of(*w))
        .map(str::len)
        .sum();
    let mut titles = FoldedTitles::with_capacity(firsts.len(), bytes);
    for (w, _) in &firsts {
        titles.push(title_of(*w));
    }
    let mut blocks: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, (wb, at_b)) in firsts.iter().enumerate() {
        let Some(b) = ex.works.get(*wb) else { continue };
        let title_b = titles.get(j);
        let tb = Probe::new(title_b);
        let keys = block_keys(title_b);
        // Earlier works sharing a key, in document order.
        let mut candidates: Vec<usize> = keys
            .iter()
            .filter_map(|k| blocks.get(k))
            .flat_map(|block| block.iter().rev().take(BLOCK_WINDOW).copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for key in keys {
            // Only a block's latest works are ever compared.
            let block = blocks.entry(key).or_default();
            if block.len() == BLOCK_WINDOW {
                block.remove(0);
            }
            block.push(j);
        }
        for &i in &candidates {
            let Some((wa, at_a)) = firsts.get(i) else {
                continue;
            };
            let Some(a) = ex.works.get(*wa) else { continue };
            let ta = titles.get(i);
            let Some(found) = near_duplicate_folded(&a.item, &b.item, ta, &tb) else {
                continue;
            };
            let (Some((view, c)), Some((view_a, _))) =
                (citation(views, *at_b), citation(views, *at_a))
            else {
                continue;
            };
            out.push(
                view.diag(
                    Severity::Warning,
                    "near-duplicate",
                    &c.raw.range,
                    format!(
                        "this looks like the work cited in note {}, written differently: {}",
                        view_a.number(),
                        found.join("; ")
                    ),
                )
                .with_help("write the work one way throughout, and use a short form after its first full citation"),
            );
            break;
        }
    }
}

/// Ibid. at the head of a note whose previous note cites several works (or
/// none).
fn ambiguous_ibid(views: Views, out: &mut Vec<Diagnostic>) {
    for (vi, view) in views.iter() {
        let Some(first) = view.citations().first() else {
            continue;
        };
        if first.kind != Some(CiteKind::Ibid) {
            continue;
        }
        let Some(prev) = vi.checked_sub(1).and_then(|p| views.get(p)) else {
            continue;
        };
        let mut works: Vec<Option<usize>> = Vec::new();
        for c in prev.citations() {
            if !works.contains(&c.work) {
                works.push(c.work);
            }
        }
        let message = match works.len() {
            0 => format!(
                "Ibid. follows note {}, which cites no work: it is unclear what it repeats",
                prev.number()
            ),
            1 => continue,
            n => format!(
                "Ibid. follows note {}, which cites {n} works: it is unclear which one it repeats",
                prev.number()
            ),
        };
        out.push(
            view.diag(
                Severity::Warning,
                "ambiguous-ibid",
                &first.raw.range,
                message,
            )
            .with_help("write a short form of the intended work (Author, Short Title, page)"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paper(notes: &str) -> String {
        let count = notes.lines().filter(|l| !l.starts_with(' ')).count();
        let body: String = (1..=count).map(|n| format!("本文。{n}")).collect();
        format!("標題\n\n{body}\n{}\n{notes}\n 正文。\n", " ".repeat(20))
    }

    fn found(notes: &str) -> Vec<(String, Option<u32>)> {
        let ex = crate::extract(&paper(notes)).unwrap();
        check(&ex)
            .into_iter()
            .map(|d| (d.code, d.footnote))
            .collect()
    }

    #[test]
    fn folded_titles_are_found_by_their_place() {
        let mut titles = FoldedTitles::with_capacity(3, 0);
        titles.push(Some("The ‘China Threat’ Issue"));
        titles.push(None);
        titles.push(Some("Arms Sales, 1990–2005"));
        assert_eq!(titles.get(0), fold("The ‘China Threat’ Issue"));
        assert_eq!(titles.get(1), "");
        assert_eq!(titles.get(2), fold("Arms Sales, 1990–2005"));
        assert_eq!(titles.get(3), "");
    }

    #[test]
    fn identical_and_repeated_full_citations() {
        let f = found(
            "1 Allen Lynch, Soviet Foreign Policy (New York: Praeger, 1991), p.38.\n\
             2 Denny Roy, “The China Threat Issue,” Asian Survey, Vol.36, No.8 (1996), p.758.\n\
             3 Allen Lynch, Soviet Foreign Policy (New York: Praeger, 1991), p.38.\n\
             4 Allen Lynch, Soviet Foreign Policy (New York: Praeger, 1991), p.40.",
        );
        assert_eq!(
            f,
            [
                ("duplicate-citation".to_string(), Some(3)),
                ("repeated-full-citation".to_string(), Some(4))
            ]
        );
    }

    /// Under 20 characters, two citations alike are too short to call one
    /// a copy of the other: the second is only a work cited in full again.
    #[test]
    fn a_short_full_citation_repeated_is_no_word_for_word_copy() {
        let f = found("1 《報告》（臺北：國防部，2004）。\n2 《報告》（臺北：國防部，2004）。");
        assert_eq!(f, [("repeated-full-citation".to_string(), Some(2))]);
    }

    #[test]
    fn a_chinese_work_with_no_author_is_repeated_in_chinese() {
        let notes = "1 《中共軍力報告》（臺北：國防部，2004 年），頁 5。\n2 《中共軍力報告》（臺北：國防部，2004 年），頁 5。";
        let ex = crate::extract(&paper(notes)).unwrap();
        let helps: Vec<String> = check(&ex).into_iter().filter_map(|d| d.help).collect();
        assert_eq!(helps, ["write `同上註，頁 5`"]);
    }

    #[test]
    fn near_duplicates_show_differences() {
        let f = found(
            "1 Allen Lynch, Soviet Foreign Policy (New York: Praeger, 1991), p.38.\n\
             2 Allen Lynch, Soviet Foriegn Policy (New York: Praeger, 1992), p.40.",
        );
        assert_eq!(f, [("near-duplicate".to_string(), Some(2))]);
        let ex = crate::extract(&paper(
            "1 Allen Lynch, Soviet Foreign Policy (New York: Praeger, 1991), p.38.\n\
             2 Allen Lynch, Soviet Foriegn Policy (New York: Praeger, 1992), p.40.",
        ))
        .unwrap();
        let d = check(&ex);
        assert_eq!(
            d[0].message,
            "this looks like the work cited in note 1, written differently: \
             title `Soviet Foreign Policy` / `Soviet Foriegn Policy`; year 1991 / 1992"
        );
    }

    #[test]
    fn two_works_of_one_author_are_not_near_duplicates() {
        // About 60 % alike: two books, not one written two ways.
        let f = found(
            "1 Allen Lynch, Soviet Foreign Policy (New York: Praeger, 1991), p.38.\n\
             2 Allen Lynch, Soviet Domestic Policy (New York: Praeger, 1992), p.40.",
        );
        assert_eq!(f, []);
    }

    #[test]
    fn yearbooks_are_not_near_duplicates() {
        let mut a = Item::new(crate::model::ItemType::Book);
        a.title = Some("The Military Balance 1991/1992".into());
        let mut b = a.clone();
        b.title = Some("The Military Balance 1992/1993".into());
        assert_eq!(near_duplicate(&a, &b), None);
    }

    #[test]
    fn ambiguous_ibid_after_two_works() {
        let f = found(
            "1 Allen Lynch, Soviet Foreign Policy (New York: Praeger, 1991), p.38; Denny Roy, “The China Threat Issue,” Asian Survey, Vol.36, No.8 (1996), p.758.\n\
             2 Ibid., p.39.",
        );
        assert_eq!(f, [("ambiguous-ibid".to_string(), Some(2))]);
    }

    #[test]
    fn short_titles() {
        assert_eq!(
            short_title("Mending Fences: The Evolution"),
            "Mending Fences"
        );
        assert_eq!(
            short_title("The Military Power of the People’s Republic"),
            "The Military Power"
        );
    }
}
