//! Character classes shared by the layout reader and the grammars, and
//! strings laid end to end in one buffer.

/// The `i`-th of the strings laid end to end in `joined`, the `k`-th ending
/// at byte `ends[k]`: "" past the last. (Many short strings held this way
/// take one allocation instead of one each.)
pub fn nth_joined<'a, E: Copy + TryInto<usize>>(joined: &'a str, ends: &[E], i: usize) -> &'a str {
    let end_of = |k: usize| ends.get(k).and_then(|&e| e.try_into().ok());
    let start = i.checked_sub(1).and_then(end_of).unwrap_or(0);
    let end = end_of(i).unwrap_or(start);
    joined.get(start..end).unwrap_or("")
}

/// CJK ideographs, including the compatibility block (normalised away on
/// input, but classified anyway so a caller that skips NFC is not misled).
pub fn is_cjk_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x3007)
}

/// Full-width and CJK punctuation: `，。、；：「」『』《》〈〉（）！？—…` and friends.
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0xFE30..=0xFE4F)
        || c == '—'
        || c == '…'
        || c == '‧'
}

/// Any character after or before which a CJK text needs no space.
pub fn is_cjk(c: char) -> bool {
    is_cjk_ideograph(c) || is_cjk_punct(c)
}

/// Does this text contain any CJK ideograph?
pub fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk_ideograph)
}

/// Value of a Chinese numeral such as `五`, `十二`, `二十五`, `一百零三`;
/// Arabic digits pass through. `None` for anything else.
pub fn chinese_numeral(s: &str) -> Option<u32> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '零' | '〇' => 0,
            '一' | '壹' => 1,
            '二' | '貳' | '兩' => 2,
            '三' | '參' => 3,
            '四' | '肆' => 4,
            '五' | '伍' => 5,
            '六' | '陸' => 6,
            '七' | '柒' => 7,
            '八' | '捌' => 8,
            '九' | '玖' => 9,
            _ => return None,
        })
    };
    let mut total: u32 = 0;
    let mut current: Option<u32> = None;
    for c in s.chars() {
        if let Some(d) = digit(c) {
            current = Some(d);
            continue;
        }
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            '千' | '仟' => 1000,
            _ => return None,
        };
        total = total.checked_add(current.unwrap_or(1).checked_mul(unit)?)?;
        current = None;
    }
    total.checked_add(current.unwrap_or(0))
}

/// A field value as a bibliography wants it: white space runs folded to one
/// space, and no space before closing punctuation or after an opening
/// bracket (`Partners ? Chinese` → `Partners? Chinese`, `( London` →
/// `(London`). The checker reports such spaces in the source.
/// The scheme a web address in `s` opens with: one of the web or of file
/// transfer (`ftp://`, still in older bibliographic data), or `www.`.
pub fn url_scheme(s: &str) -> Option<&'static str> {
    ["https://", "http://", "ftp://", "www."]
        .into_iter()
        .find(|scheme| s.starts_with(scheme))
}

/// Does `s` open with a web address?
pub fn starts_with_url(s: &str) -> bool {
    url_scheme(s).is_some()
}

pub fn clean_field(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        let closes = matches!(c, ',' | '.' | ';' | ':' | '?' | '!' | ')' | ']') || is_cjk_punct(c);
        let after_open =
            out.ends_with(['(', '[']) || out.chars().next_back().is_some_and(is_cjk_punct);
        if pending_space && !closes && !after_open {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// The value of a circled number (`①` 1 to `⑳` 20, `㉑` 21 to `㉟` 35, `㊱`
/// 36 to `㊿` 50): the note marks and labels of Chinese journals. Fonts map
/// their circled digits to the dingbats too (`➀`, `❶`, `➊`, 1 to 10), as
/// Noto CJK's ToUnicode does.
pub fn circled_number(c: char) -> Option<u32> {
    let n = c as u32;
    match n {
        0x2460..=0x2473 => Some(n - 0x2460 + 1),
        0x3251..=0x325F => Some(n - 0x3251 + 21),
        0x32B1..=0x32BF => Some(n - 0x32B1 + 36),
        0x2776..=0x277F => Some(n - 0x2776 + 1),
        0x2780..=0x2789 => Some(n - 0x2780 + 1),
        0x278A..=0x2793 => Some(n - 0x278A + 1),
        _ => None,
    }
}

/// A letter of the Cyrillic script (its basic and supplementary blocks).
pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{052F}')
}

/// Russian or Ukrainian, when a text's letters are mostly Cyrillic. A text
/// with letters only Serbian, Macedonian or Belarusian use gets none, nor
/// does one in another script: their languages are not told apart here.
/// (Bulgarian, which has no letter of its own, reads as Russian.)
pub fn cyrillic_language(text: &str) -> Option<crate::model::Language> {
    let (mut cyrillic, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if is_cyrillic(c) {
            cyrillic += 1;
        } else {
            other += 1;
        }
    }
    if cyrillic <= other {
        return None;
    }
    let has = |letters: &str| {
        text.chars()
            .flat_map(char::to_lowercase)
            .any(|c| letters.contains(c))
    };
    if has("ђјљњћџѓќѕў") {
        return None;
    }
    Some(if has("їєґі") {
        crate::model::Language::Ukrainian
    } else {
        crate::model::Language::Russian
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_laid_end_to_end_are_found_by_their_place() {
        let joined = "LiPengvan";
        let ends: [u32; 4] = [2, 6, 6, 9];
        assert_eq!(nth_joined(joined, &ends, 0), "Li");
        assert_eq!(nth_joined(joined, &ends, 1), "Peng");
        assert_eq!(nth_joined(joined, &ends, 2), "");
        assert_eq!(nth_joined(joined, &ends, 3), "van");
        assert_eq!(nth_joined(joined, &ends, 4), "");
        let ends: [usize; 1] = [2];
        assert_eq!(nth_joined(joined, &ends, 0), "Li");
    }

    #[test]
    fn web_schemes() {
        for url in [
            "https://a.org",
            "http://a.org",
            "ftp://ftp.a.org/x",
            "www.a.org",
        ] {
            assert!(starts_with_url(url), "{url}");
        }
        for text in ["httpd", "ftp.a.org", "wwwa", "See https://a.org"] {
            assert!(!starts_with_url(text), "{text}");
        }
    }

    #[test]
    fn cleans_stray_spaces_in_fields() {
        assert_eq!(clean_field("Partners ? Chinese"), "Partners? Chinese");
        assert_eq!(clean_field("( London:  IISS )"), "(London: IISS)");
        assert_eq!(clean_field("中國 ，時報"), "中國，時報");
        assert_eq!(
            clean_field("Walter de Gruyter Inc."),
            "Walter de Gruyter Inc."
        );
    }

    #[test]
    fn classifies_cjk() {
        assert!(is_cjk_ideograph('蘇'));
        assert!(is_cjk_ideograph('\u{F98E}'));
        assert!(is_cjk_punct('，'));
        assert!(is_cjk_punct('「'));
        assert!(is_cjk_punct('）'));
        assert!(!is_cjk('a'));
        assert!(!is_cjk('“'));
    }

    #[test]
    fn reads_chinese_numerals() {
        assert_eq!(chinese_numeral("五"), Some(5));
        assert_eq!(chinese_numeral("十"), Some(10));
        assert_eq!(chinese_numeral("十二"), Some(12));
        assert_eq!(chinese_numeral("二十五"), Some(25));
        assert_eq!(chinese_numeral("一百零三"), Some(103));
        assert_eq!(chinese_numeral("42"), Some(42));
        assert_eq!(chinese_numeral("五a"), None);
        assert_eq!(chinese_numeral(""), None);
    }

    #[test]
    fn cyrillic_text_is_russian_or_ukrainian() {
        use crate::model::Language;
        assert_eq!(
            cyrillic_language("Актуальные проблемы"),
            Some(Language::Russian)
        );
        assert_eq!(
            cyrillic_language("Історія України"),
            Some(Language::Ukrainian)
        );
        assert_eq!(cyrillic_language("Їжак"), Some(Language::Ukrainian));
        // Serbian, Belarusian: not told apart, so not claimed.
        assert_eq!(cyrillic_language("Југославија"), None);
        assert_eq!(cyrillic_language("Беларуская мова ў свеце"), None);
        // Mostly Latin letters, or none at all.
        assert_eq!(cyrillic_language("Soviet Policy (Политика)"), None);
        assert_eq!(cyrillic_language("2001"), None);
    }
}
