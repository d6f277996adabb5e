//! Edit distances between titles, from `rapidfuzz` (a port of the
//! RapidFuzz C++ library): the Levenshtein distance, and [`Probe`], a
//! title prepared once to be compared with many others by the
//! bit-parallel algorithm of Myers and Hyyrö, which gives up as soon as the
//! distance must exceed its budget.

use rapidfuzz::distance::levenshtein;

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    levenshtein::distance(a.chars(), b.chars())
}

/// 1.0 for equal strings, falling with the share of characters to edit.
pub fn similarity(a: &str, b: &str) -> f64 {
    let longest = a.chars().count().max(b.chars().count());
    if longest == 0 {
        return 1.0;
    }
    1.0 - edit_distance(a, b) as f64 / longest as f64
}

/// The largest edit distance between strings of which the longer has
/// `longest` characters that still leaves them `share` alike.
pub fn budget(longest: usize, share: f64) -> usize {
    (0..=longest)
        .take_while(|d| 1.0 - *d as f64 / longest as f64 >= share)
        .last()
        .unwrap_or(0)
}

/// A string prepared to be compared with many others.
pub struct Probe<'s> {
    text: &'s str,
    chars: usize,
    comparator: levenshtein::BatchComparator<char>,
}

impl<'s> Probe<'s> {
    pub fn new(text: &'s str) -> Self {
        Probe {
            text,
            chars: text.chars().count(),
            comparator: levenshtein::BatchComparator::new(text.chars()),
        }
    }

    pub fn text(&self) -> &'s str {
        self.text
    }

    pub fn chars(&self) -> usize {
        self.chars
    }

    /// The edit distance of the probe and `other` if it is at most `max`.
    pub fn distance_within(&self, other: &str, max: usize) -> Option<usize> {
        // Lengths alone rule most pairs out.
        let other_chars = other.chars().count();
        if self.chars.abs_diff(other_chars) > max {
            return None;
        }
        self.comparator.distance_with_args(
            other.chars(),
            &levenshtein::Args::default().score_cutoff(max),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const WORDS: [&str; 10] = [
        "kitten",
        "sitting",
        "",
        "abc",
        "國際戰略",
        "國際戰畧",
        "sovietforeignpolicy",
        "sovietforiegnpolicy",
        "flaw",
        "lawn",
    ];

    #[test]
    fn edit_distances() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("國際戰略", "國際戰畧"), 1);
        assert_eq!(edit_distance("flaw", "lawn"), 2);
    }

    #[test]
    fn similarity_is_the_share_alike() {
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("abcd", "abce"), 0.75);
        assert_eq!(similarity("國際戰略", "國際戰畧"), 0.75);
    }

    #[test]
    fn probe_distances_within_a_budget_agree_with_the_full_one() {
        for a in WORDS {
            let probe = Probe::new(a);
            assert_eq!(probe.text(), a);
            assert_eq!(probe.chars(), a.chars().count());
            for b in WORDS {
                let full = edit_distance(a, b);
                for max in 0..8 {
                    let expected = (full <= max).then_some(full);
                    assert_eq!(probe.distance_within(b, max), expected, "{a} {b} {max}");
                }
            }
        }
    }

    #[test]
    fn budgets_keep_the_share_alike() {
        assert_eq!(budget(20, 0.85), 3);
        assert_eq!(budget(10, 0.85), 1);
        assert_eq!(budget(0, 0.85), 0);
    }

    proptest! {
        // Over a small alphabet (so that strings share characters) and
        // across the one-word limit of the bit-parallel algorithm.
        #[test]
        fn probe_distance_is_the_edit_distance(
            a in "[ab國c]{0,140}",
            b in "[ab國c]{0,140}",
        ) {
            let full = edit_distance(&a, &b);
            let probe = Probe::new(&a);
            prop_assert_eq!(probe.distance_within(&b, usize::MAX / 2), Some(full));
            prop_assert_eq!(probe.distance_within(&b, full), Some(full));
            if full > 0 {
                prop_assert_eq!(probe.distance_within(&b, full - 1), None);
            }
        }
    }
}
