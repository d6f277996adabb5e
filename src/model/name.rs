//! A person or an institution, in CSL's name model, held compactly: a
//! paper has a name or two per work, and a long paper a hundred thousand
//! works. The parts share one allocation instead of one each, and a name
//! is 40 bytes instead of 88.

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// The parts of a name, borrowed: what [`Name::from_parts`] takes and
/// [`Name::parts`] gives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NameParts<'a> {
    pub family: Option<&'a str>,
    pub given: Option<&'a str>,
    /// CSL's non-dropping particle: `van`, `de`.
    pub particle: Option<&'a str>,
    pub suffix: Option<&'a str>,
    /// An institution, or any name kept exactly as written.
    pub literal: Option<&'a str>,
}

impl<'a> NameParts<'a> {
    fn as_array(&self) -> [Option<&'a str>; PARTS] {
        [
            self.family,
            self.given,
            self.particle,
            self.suffix,
            self.literal,
        ]
    }
}

const PARTS: usize = 5;
const FAMILY: usize = 0;
const GIVEN: usize = 1;
const PARTICLE: usize = 2;
const SUFFIX: usize = 3;
const LITERAL: usize = 4;

/// A person or an institution, in CSL's name model. An institution has only
/// `literal`; a Chinese person has `family` and `given` with no particles.
///
/// Equal names have equal representations (the parts present, one after
/// another, with where each ends), so equality and hashing compare those.
#[derive(Clone, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(from = "WrittenName<String>")]
pub struct Name {
    text: Box<str>,
    /// Where each part ends in `text`; an absent part ends where the one
    /// before it does.
    ends: [u32; PARTS],
    /// One bit per part written (a part may be written and empty).
    present: u8,
    /// Family name first in every context (romanised Chinese names such as
    /// `Li Peng`); CSL processors honour it.
    pub static_ordering: Option<bool>,
}

impl Name {
    /// A name of these parts.
    pub fn from_parts(parts: NameParts) -> Name {
        let parts = parts.as_array();
        let len = parts.iter().flatten().map(|p| p.len()).sum();
        let mut text = String::with_capacity(len);
        let mut ends = [0; PARTS];
        let mut present = 0;
        for (i, part) in parts.iter().enumerate() {
            if let Some(part) = part {
                text.push_str(part);
                present |= 1 << i;
            }
            if let Some(end) = ends.get_mut(i) {
                // A name part over 4 GiB cannot be read into memory here.
                *end = u32::try_from(text.len()).unwrap_or(u32::MAX);
            }
        }
        Name {
            text: text.into_boxed_str(),
            ends,
            present,
            static_ordering: None,
        }
    }

    /// A person with a family and (optionally empty) given name.
    pub fn person(family: &str, given: &str) -> Name {
        Name::from_parts(NameParts {
            family: Some(family),
            given: (!given.is_empty()).then_some(given),
            ..NameParts::default()
        })
    }

    /// An institution or any name kept exactly as written.
    pub fn literal(text: &str) -> Name {
        Name::from_parts(NameParts {
            literal: Some(text),
            ..NameParts::default()
        })
    }

    fn part(&self, i: usize) -> Option<&str> {
        (self.present & (1 << i) != 0).then(|| crate::text::nth_joined(&self.text, &self.ends, i))
    }

    pub fn family(&self) -> Option<&str> {
        self.part(FAMILY)
    }

    pub fn given(&self) -> Option<&str> {
        self.part(GIVEN)
    }

    /// CSL's non-dropping particle: `van`, `de`.
    pub fn particle(&self) -> Option<&str> {
        self.part(PARTICLE)
    }

    pub fn suffix(&self) -> Option<&str> {
        self.part(SUFFIX)
    }

    /// The name of an institution, or a name kept exactly as written.
    pub fn literal_text(&self) -> Option<&str> {
        self.part(LITERAL)
    }

    /// Every part, borrowed.
    pub fn parts(&self) -> NameParts<'_> {
        NameParts {
            family: self.family(),
            given: self.given(),
            particle: self.particle(),
            suffix: self.suffix(),
            literal: self.literal_text(),
        }
    }

    /// This name with its parts changed by `change`, its ordering kept.
    pub fn with_parts<'a>(&'a self, change: impl FnOnce(&mut NameParts<'a>)) -> Name {
        let mut parts = self.parts();
        change(&mut parts);
        Name {
            static_ordering: self.static_ordering,
            ..Name::from_parts(parts)
        }
    }

    pub fn set_suffix(&mut self, suffix: Option<&str>) {
        if self.suffix() != suffix {
            *self = self.with_parts(|p| p.suffix = suffix);
        }
    }

    pub fn is_literal(&self) -> bool {
        self.literal_text().is_some()
    }

    /// The name used to sort and to build keys: family name, or the literal.
    pub fn sort_name(&self) -> &str {
        self.family().or(self.literal_text()).unwrap_or("")
    }

    /// The name as a reader would write it, for messages.
    pub fn display(&self) -> String {
        if let Some(lit) = self.literal_text() {
            return lit.to_string();
        }
        let family = self.family().unwrap_or("");
        let given = self.given().unwrap_or("");
        if family.chars().any(crate::text::is_cjk_ideograph) {
            return format!("{family}{given}");
        }
        if self.static_ordering == Some(true) {
            return format!("{family} {given}").trim().to_string();
        }
        let mut out = String::new();
        for part in [given, self.particle().unwrap_or(""), family] {
            if !part.is_empty() {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(part);
            }
        }
        if let Some(suffix) = self.suffix() {
            out.push_str(", ");
            out.push_str(suffix);
        }
        out
    }

    /// What names are ordered by: the parts in CSL's order, then the
    /// ordering flag.
    fn order_key(&self) -> ([Option<&str>; PARTS], Option<bool>) {
        (self.parts().as_array(), self.static_ordering)
    }
}

impl PartialOrd for Name {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Name {
    fn cmp(&self, other: &Self) -> Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

impl std::fmt::Debug for Name {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = f.debug_struct("Name");
        let p = self.parts();
        for (field, value) in [
            ("family", p.family),
            ("given", p.given),
            ("particle", p.particle),
            ("suffix", p.suffix),
            ("literal", p.literal),
        ] {
            if let Some(value) = value {
                s.field(field, &value);
            }
        }
        if let Some(ordering) = self.static_ordering {
            s.field("static_ordering", &ordering);
        }
        s.finish()
    }
}

/// A name as CSL-JSON writes it: the parts written, in this order.
#[derive(Serialize, Deserialize)]
struct WrittenName<F> {
    #[serde(skip_serializing_if = "Option::is_none")]
    family: Option<F>,
    #[serde(skip_serializing_if = "Option::is_none")]
    given: Option<F>,
    #[serde(
        rename = "non-dropping-particle",
        skip_serializing_if = "Option::is_none"
    )]
    particle: Option<F>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suffix: Option<F>,
    #[serde(skip_serializing_if = "Option::is_none")]
    literal: Option<F>,
    #[serde(
        rename = "static-ordering",
        skip_serializing_if = "Option::is_none",
        default
    )]
    static_ordering: Option<bool>,
}

impl From<WrittenName<String>> for Name {
    fn from(w: WrittenName<String>) -> Name {
        Name {
            static_ordering: w.static_ordering,
            ..Name::from_parts(NameParts {
                family: w.family.as_deref(),
                given: w.given.as_deref(),
                particle: w.particle.as_deref(),
                suffix: w.suffix.as_deref(),
                literal: w.literal.as_deref(),
            })
        }
    }
}

impl Serialize for Name {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let p = self.parts();
        WrittenName {
            family: p.family,
            given: p.given,
            particle: p.particle,
            suffix: p.suffix,
            literal: p.literal,
            static_ordering: self.static_ordering,
        }
        .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_kept_apart_and_absent_ones_stay_absent() {
        let n = Name::from_parts(NameParts {
            family: Some("Beethoven"),
            given: Some("Ludwig"),
            particle: Some("van"),
            suffix: None,
            literal: None,
        });
        assert_eq!(n.family(), Some("Beethoven"));
        assert_eq!(n.given(), Some("Ludwig"));
        assert_eq!(n.particle(), Some("van"));
        assert_eq!(n.suffix(), None);
        assert_eq!(n.literal_text(), None);
        // Written but empty is not absent.
        let empty_given = Name::from_parts(NameParts {
            family: Some("Li"),
            given: Some(""),
            ..NameParts::default()
        });
        assert_eq!(empty_given.given(), Some(""));
        assert_ne!(empty_given, Name::person("Li", ""));
        assert_eq!(Name::literal("US DoD").literal_text(), Some("US DoD"));
        assert_eq!(Name::literal("US DoD").family(), None);
    }

    #[test]
    fn a_changed_part_keeps_the_others_and_the_ordering() {
        let mut n = Name::person("King", "Martin Luther");
        n.static_ordering = Some(true);
        n.set_suffix(Some("Jr."));
        assert_eq!(
            (n.family(), n.given(), n.suffix()),
            (Some("King"), Some("Martin Luther"), Some("Jr."))
        );
        assert_eq!(n.static_ordering, Some(true));
        n = n.with_parts(|p| p.particle = Some("de"));
        n.set_suffix(None);
        assert_eq!(
            (n.particle(), n.given(), n.suffix()),
            (Some("de"), Some("Martin Luther"), None)
        );
    }

    #[test]
    fn names_order_by_family_then_given_then_the_rest() {
        let mut names = [
            Name::person("Lynch", "Allen"),
            Name::literal("Agency"),
            Name::person("Lynch", ""),
            Name::person("Baker", "Zoe"),
        ];
        names.sort();
        let shown: Vec<String> = names.iter().map(Name::display).collect();
        // No family sorts first (None before Some), then by family, given.
        assert_eq!(shown, ["Agency", "Zoe Baker", "Lynch", "Allen Lynch"]);
    }

    #[test]
    fn written_as_csl_json_and_read_back() {
        let mut n = Name::from_parts(NameParts {
            family: Some("Gaulle"),
            given: Some("Charles"),
            particle: Some("de"),
            ..NameParts::default()
        });
        n.static_ordering = Some(false);
        let json = serde_json::to_string(&n).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"family":"Gaulle","given":"Charles","non-dropping-particle":"de","static-ordering":false}"#
        );
        let back: Name = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, n);
        assert_eq!(
            format!("{n:?}"),
            r#"Name { family: "Gaulle", given: "Charles", particle: "de", static_ordering: false }"#
        );
    }
}
