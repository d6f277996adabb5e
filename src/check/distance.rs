//! Edit distances between titles: the plain Levenshtein distance, a banded
//! one that gives up past a budget, a cheap lower bound (bag distance), and
//! [`Probe`], a title prepared once to be compared with many others by the
//! bit-parallel algorithm of Myers (as formulated by Hyyrö), one machine
//! word step per character instead of a row of the table.

/// Levenshtein distance over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let value = if ca == *cb {
                diagonal
            } else {
                1 + diagonal.min(above).min(left)
            };
            diagonal = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// The edit distance of `a` and `b` when it is at most `max`, computed in a
/// band of width `max` around the diagonal: O(max × length) instead of
/// O(length²), and it stops as soon as the distance must exceed `max`.
pub fn edit_distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let beyond = max + 1;
    let mut previous: Vec<usize> = (0..=b.len()).map(|j| j.min(beyond)).collect();
    let mut current = vec![beyond; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        let row = i + 1;
        current.fill(beyond);
        if let Some(first) = current.first_mut() {
            *first = row.min(beyond);
        }
        let low = row.saturating_sub(max).max(1);
        let high = (row + max).min(b.len());
        let mut best = current.first().copied().unwrap_or(beyond);
        for j in low..=high {
            let substitute = previous.get(j - 1).copied().unwrap_or(beyond)
                + usize::from(b.get(j - 1) != Some(ca));
            let delete = previous.get(j).copied().unwrap_or(beyond) + 1;
            let insert = current.get(j - 1).copied().unwrap_or(beyond) + 1;
            let value = substitute.min(delete).min(insert).min(beyond);
            if let Some(cell) = current.get_mut(j) {
                *cell = value;
            }
            best = best.min(value);
        }
        if best > max {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous.last().copied().filter(|d| *d <= max)
}

/// Characters counted in 64 buckets (by code point modulo 64).
type Bag = [i32; 64];

fn bag_of(s: &str) -> Bag {
    let mut bag = [0; 64];
    for c in s.chars() {
        if let Some(n) = bag.get_mut(c as usize % 64) {
            *n += 1;
        }
    }
    bag
}

/// How many characters one bag has that the other lacks: a lower bound of
/// the edit distance (bucketing only lowers it).
fn bag_gap(a: &Bag, b: &Bag) -> usize {
    let (mut surplus, mut deficit) = (0i32, 0i32);
    for (x, y) in a.iter().zip(b) {
        let d = x - y;
        if d > 0 {
            surplus += d;
        } else {
            deficit -= d;
        }
    }
    usize::try_from(surplus.max(deficit)).unwrap_or(0)
}

/// A cheap lower bound of the edit distance of `a` and `b`.
pub fn bag_distance(a: &str, b: &str) -> usize {
    bag_gap(&bag_of(a), &bag_of(b))
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

/// The longest pattern the bit-parallel algorithm takes in one word.
const WORD_BITS: usize = 128;

/// A string prepared to be compared with many others: its length, its bag,
/// and, when it fits in one word, the bit mask of the positions of each of
/// its characters.
pub struct Probe<'s> {
    text: &'s str,
    chars: usize,
    bag: Bag,
    /// Masks of ASCII characters, indexed by code point.
    ascii: [u128; 128],
    /// Masks of the other characters (a title has few distinct ones).
    other: Vec<(char, u128)>,
}

impl<'s> Probe<'s> {
    pub fn new(text: &'s str) -> Self {
        let mut probe = Probe {
            text,
            chars: 0,
            bag: bag_of(text),
            ascii: [0; 128],
            other: Vec::new(),
        };
        for (i, c) in text.chars().enumerate() {
            probe.chars = i + 1;
            if i >= WORD_BITS {
                continue;
            }
            let bit = 1u128 << i;
            match probe.ascii.get_mut(c as usize) {
                Some(mask) => *mask |= bit,
                None => match probe.other.iter_mut().find(|(k, _)| *k == c) {
                    Some((_, mask)) => *mask |= bit,
                    None => probe.other.push((c, bit)),
                },
            }
        }
        probe
    }

    pub fn text(&self) -> &'s str {
        self.text
    }

    pub fn chars(&self) -> usize {
        self.chars
    }

    fn mask(&self, c: char) -> u128 {
        match self.ascii.get(c as usize) {
            Some(mask) => *mask,
            None => self
                .other
                .iter()
                .find(|(k, _)| *k == c)
                .map_or(0, |(_, mask)| *mask),
        }
    }

    /// The edit distance of the probe and `other` if it is at most `max`.
    /// Lengths and bags rule most pairs out before any table is computed.
    pub fn distance_within(&self, other: &str, max: usize) -> Option<usize> {
        let other_chars = other.chars().count();
        if self.chars.abs_diff(other_chars) > max {
            return None;
        }
        if self.chars == 0 {
            return (other_chars <= max).then_some(other_chars);
        }
        if self.chars <= WORD_BITS {
            // One pass costs about what the bag would: no filter first.
            return self.bit_parallel(other, other_chars, max);
        }
        if bag_gap(&self.bag, &bag_of(other)) > max {
            return None;
        }
        edit_distance_within(self.text, other, max)
    }

    /// Myers' algorithm: the vertical differences of one column of the
    /// table are kept as two bit vectors (+1 and −1), and each character
    /// of `other` advances the column with a few word operations.
    fn bit_parallel(&self, other: &str, other_chars: usize, max: usize) -> Option<usize> {
        let last = 1u128 << (self.chars - 1);
        let mut plus = if self.chars == WORD_BITS {
            u128::MAX
        } else {
            (1u128 << self.chars) - 1
        };
        let mut minus = 0u128;
        let mut score = self.chars;
        for (i, c) in other.chars().enumerate() {
            let eq = self.mask(c);
            let xv = eq | minus;
            let xh = ((eq & plus).wrapping_add(plus) ^ plus) | eq;
            let mut horizontal_plus = minus | !(xh | plus);
            let mut horizontal_minus = plus & xh;
            if horizontal_plus & last != 0 {
                score += 1;
            } else if horizontal_minus & last != 0 {
                score -= 1;
            }
            // The top row grows by one per character: shift in a +1.
            horizontal_plus = (horizontal_plus << 1) | 1;
            horizontal_minus <<= 1;
            plus = horizontal_minus | !(xv | horizontal_plus);
            minus = horizontal_plus & xv;
            // Each remaining character lowers the score by one at most.
            if score > max + (other_chars - i - 1) {
                return None;
            }
        }
        (score <= max).then_some(score)
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
    }

    #[test]
    fn bag_distance_bounds_the_edit_distance() {
        for (a, b) in [
            ("kitten", "sitting"),
            ("abc", ""),
            ("國際戰略", "國際戰畧"),
            ("flaw", "lawn"),
        ] {
            assert!(bag_distance(a, b) <= edit_distance(a, b), "{a} {b}");
        }
        assert_eq!(bag_distance("abc", "abd"), 1);
    }

    #[test]
    fn banded_and_bit_parallel_distances_agree_with_the_full_one() {
        for a in WORDS {
            let probe = Probe::new(a);
            for b in WORDS {
                let full = edit_distance(a, b);
                for max in 0..8 {
                    let expected = (full <= max).then_some(full);
                    assert_eq!(edit_distance_within(a, b, max), expected, "{a} {b} {max}");
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
