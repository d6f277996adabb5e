//! Which words of two citations of one work differ, for showing them side
//! by side: a longest common subsequence over whitespace-separated words.

/// Each word of `a` and of `b` with whether the other text lacks it there.
pub type Marked<'t> = Vec<(&'t str, bool)>;

/// Citations longer than this many words are compared as wholes: the table
/// is quadratic, and no real citation comes near it.
const MAX_WORDS: usize = 400;

pub fn word_diff<'t>(a: &'t str, b: &'t str) -> (Marked<'t>, Marked<'t>) {
    let x: Vec<&str> = a.split_whitespace().collect();
    let y: Vec<&str> = b.split_whitespace().collect();
    if x.len() > MAX_WORDS || y.len() > MAX_WORDS {
        let same = a == b;
        return (
            x.into_iter().map(|w| (w, !same)).collect(),
            y.into_iter().map(|w| (w, !same)).collect(),
        );
    }
    // lcs[i][j]: the common subsequence of x[i..] and y[j..].
    let width = y.len() + 1;
    let mut lcs = vec![0usize; (x.len() + 1) * width];
    for i in (0..x.len()).rev() {
        for j in (0..y.len()).rev() {
            let value = if x.get(i) == y.get(j) {
                1 + lcs.get((i + 1) * width + j + 1).copied().unwrap_or(0)
            } else {
                let down = lcs.get((i + 1) * width + j).copied().unwrap_or(0);
                let right = lcs.get(i * width + j + 1).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(cell) = lcs.get_mut(i * width + j) {
                *cell = value;
            }
        }
    }
    let at = |i: usize, j: usize| lcs.get(i * width + j).copied().unwrap_or(0);
    let (mut i, mut j) = (0, 0);
    let mut left = Vec::with_capacity(x.len());
    let mut right = Vec::with_capacity(y.len());
    while i < x.len() || j < y.len() {
        match (x.get(i), y.get(j)) {
            (Some(p), Some(q)) if p == q => {
                left.push((*p, false));
                right.push((*q, false));
                i += 1;
                j += 1;
            }
            (Some(p), Some(_)) if at(i + 1, j) >= at(i, j + 1) => {
                left.push((*p, true));
                i += 1;
            }
            (Some(p), None) => {
                left.push((*p, true));
                i += 1;
            }
            (_, Some(q)) => {
                right.push((*q, true));
                j += 1;
            }
            (None, None) => break,
        }
    }
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_changed_words_are_marked() {
        let (a, b) = word_diff("Soviet Foreign Policy 1991", "Soviet Foriegn Policy 1992");
        let marked = |m: &Marked| -> Vec<String> {
            m.iter()
                .filter(|(_, d)| *d)
                .map(|(w, _)| w.to_string())
                .collect()
        };
        assert_eq!(marked(&a), ["Foreign", "1991"]);
        assert_eq!(marked(&b), ["Foriegn", "1992"]);
    }

    #[test]
    fn identical_texts_have_no_differences() {
        let (a, b) = word_diff("a b c", "a  b c");
        assert!(a.iter().chain(&b).all(|(_, d)| !d));
    }
}
