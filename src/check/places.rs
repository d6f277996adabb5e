//! Places of publication: US state and Canadian province codes, and a small
//! table of the cities academic publishers name, so that `Baltimore, MA`
//! (Baltimore is in Maryland) and `Hawaii, HA` (no such code; Hawaii is a
//! state, not a city) are caught.

/// US states (and DC, territories) with their postal codes.
const US_STATES: &[(&str, &str)] = &[
    ("AL", "Alabama"),
    ("AK", "Alaska"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("DE", "Delaware"),
    ("DC", "District of Columbia"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("HI", "Hawaii"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("RI", "Rhode Island"),
    ("SC", "South Carolina"),
    ("SD", "South Dakota"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VT", "Vermont"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
    ("PR", "Puerto Rico"),
    ("GU", "Guam"),
    ("VI", "Virgin Islands"),
];

/// Canadian provinces and territories.
const PROVINCES: &[(&str, &str)] = &[
    ("AB", "Alberta"),
    ("BC", "British Columbia"),
    ("MB", "Manitoba"),
    ("NB", "New Brunswick"),
    ("NL", "Newfoundland and Labrador"),
    ("NS", "Nova Scotia"),
    ("NT", "Northwest Territories"),
    ("NU", "Nunavut"),
    ("ON", "Ontario"),
    ("PE", "Prince Edward Island"),
    ("QC", "Quebec"),
    ("SK", "Saskatchewan"),
    ("YT", "Yukon"),
];

/// Two-letter country abbreviations written after a city (`Cambridge, UK`):
/// not state codes, not mistakes.
const COUNTRIES: &[&str] = &[
    "UK", "US", "EU", "NZ", "HK", "UAE", "USA", "PRC", "ROC", "ROK",
];

/// Traditional (pre-postal) state abbreviations, without their periods.
const OLD_ABBREVIATIONS: &[(&str, &str)] = &[
    ("Ala", "AL"),
    ("Ariz", "AZ"),
    ("Ark", "AR"),
    ("Calif", "CA"),
    ("Cal", "CA"),
    ("Colo", "CO"),
    ("Conn", "CT"),
    ("Del", "DE"),
    ("Fla", "FL"),
    ("Ga", "GA"),
    ("Ill", "IL"),
    ("Ind", "IN"),
    ("Kans", "KS"),
    ("Kan", "KS"),
    ("Ky", "KY"),
    ("La", "LA"),
    ("Md", "MD"),
    ("Mass", "MA"),
    ("Mich", "MI"),
    ("Minn", "MN"),
    ("Miss", "MS"),
    ("Mo", "MO"),
    ("Mont", "MT"),
    ("Nebr", "NE"),
    ("Neb", "NE"),
    ("Nev", "NV"),
    ("Okla", "OK"),
    ("Ore", "OR"),
    ("Oreg", "OR"),
    ("Pa", "PA"),
    ("Penn", "PA"),
    ("Tenn", "TN"),
    ("Tex", "TX"),
    ("Va", "VA"),
    ("Vt", "VT"),
    ("Wash", "WA"),
    ("Wis", "WI"),
    ("Wisc", "WI"),
    ("Wyo", "WY"),
];

/// Cities publishers name, with the state(s) they are in. A city that
/// exists in several states lists them all, so only a pairing that is wrong
/// for every one of them is reported.
const CITIES: &[(&str, &[&str])] = &[
    ("Albany", &["NY"]),
    ("Alexandria", &["VA"]),
    ("Amherst", &["MA", "NY"]),
    ("Ann Arbor", &["MI"]),
    ("Annapolis", &["MD"]),
    ("Arlington", &["VA", "TX", "MA"]),
    ("Armonk", &["NY"]),
    ("Athens", &["GA", "OH"]),
    ("Atlanta", &["GA"]),
    ("Austin", &["TX"]),
    ("Baltimore", &["MD"]),
    ("Baton Rouge", &["LA"]),
    ("Berkeley", &["CA"]),
    ("Bethesda", &["MD"]),
    ("Bloomington", &["IN", "IL"]),
    ("Boston", &["MA"]),
    ("Boulder", &["CO"]),
    ("Cambridge", &["MA"]),
    ("Carlisle", &["PA"]),
    ("Carlisle Barracks", &["PA"]),
    ("Chapel Hill", &["NC"]),
    ("Charlottesville", &["VA"]),
    ("Chicago", &["IL"]),
    ("College Park", &["MD"]),
    ("College Station", &["TX"]),
    ("Columbus", &["OH"]),
    ("Dallas", &["TX"]),
    ("Denver", &["CO"]),
    ("Durham", &["NC", "NH"]),
    ("Evanston", &["IL"]),
    ("Fort Leavenworth", &["KS"]),
    ("Gainesville", &["FL"]),
    ("Greenwich", &["CT"]),
    ("Hanover", &["NH"]),
    ("Honolulu", &["HI"]),
    ("Houston", &["TX"]),
    ("Ithaca", &["NY"]),
    ("Knoxville", &["TN"]),
    ("Lanham", &["MD"]),
    ("Lawrence", &["KS"]),
    ("Lexington", &["MA", "KY"]),
    ("Lincoln", &["NE"]),
    ("Los Angeles", &["CA"]),
    ("Madison", &["WI"]),
    ("Maxwell AFB", &["AL"]),
    ("Miami", &["FL"]),
    ("Middletown", &["CT"]),
    ("Minneapolis", &["MN"]),
    ("Monterey", &["CA"]),
    ("Nashville", &["TN"]),
    ("New Brunswick", &["NJ"]),
    ("New Haven", &["CT"]),
    ("Newport", &["RI"]),
    ("Norman", &["OK"]),
    ("Notre Dame", &["IN"]),
    ("Palo Alto", &["CA"]),
    ("Philadelphia", &["PA"]),
    ("Piscataway", &["NJ"]),
    ("Pittsburgh", &["PA"]),
    ("Princeton", &["NJ"]),
    ("Providence", &["RI"]),
    ("Salt Lake City", &["UT"]),
    ("San Diego", &["CA"]),
    ("San Francisco", &["CA"]),
    ("Santa Barbara", &["CA"]),
    ("Santa Monica", &["CA"]),
    ("Seattle", &["WA"]),
    ("Stanford", &["CA"]),
    ("Syracuse", &["NY"]),
    ("Tucson", &["AZ"]),
    ("Urbana", &["IL"]),
    ("Washington", &["DC"]),
    ("West Lafayette", &["IN"]),
    ("Westport", &["CT"]),
    ("White Plains", &["NY"]),
];

/// A state whose name is also the name of a publishing city.
const STATE_NAMED_CITIES: &[&str] = &["New York", "Washington", "Quebec"];

/// ISO 3166 two-letter country codes that are no US state or province
/// code: `Tokyo, JP` names a country, not a mistaken state.
const ISO_COUNTRIES: &str = "AD AE AF AG AI AM AO AQ AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CD CF CG CH CI CK CL CM CN CR CU CV CW CX CY CZ DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GW GY HK HM HN HR HT HU IE IM IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LB LC LI LK LR LS LT LU LV LY MC MF MG MH MK ML MM MO MQ MR MU MV MW MX MY MZ NA NC NF NG NI NL NO NP NR NZ OM PF PG PH PK PL PM PN PS PW PY QA RE RO RS RU RW SA SB SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TO TR TT TV TW TZ UA UG UM UY UZ VC VE VG VN VU WF WS YE YT ZA ZM ZW";

/// The city to suggest when a state is written where the city belongs.
const STATE_CITY: &[(&str, &str)] = &[
    ("HI", "Honolulu"),
    ("CA", "Berkeley"),
    ("MD", "Baltimore"),
    ("MA", "Boston"),
];

/// Name of a US state or Canadian province code.
pub fn region_name(code: &str) -> Option<&'static str> {
    US_STATES
        .iter()
        .chain(PROVINCES)
        .find(|(c, _)| *c == code)
        .map(|(_, n)| *n)
}

/// The code of a US state or province written out (`Hawaii`, `hawaii`).
pub fn state_code_of_name(name: &str) -> Option<&'static str> {
    US_STATES
        .iter()
        .chain(PROVINCES)
        .find(|(_, n)| n.eq_ignore_ascii_case(name.trim()))
        .map(|(c, _)| *c)
}

/// The states a known publishing city is in.
pub fn city_states(city: &str) -> Option<&'static [&'static str]> {
    let city = city.trim();
    CITIES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(city))
        .map(|(_, s)| *s)
}

/// What is wrong with one place, and where in the place string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceProblem {
    /// `place-unknown-code`, `place-state-mismatch`, `place-state-as-city`.
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
    /// Byte range in the place string given to [`check_place`].
    pub range: std::ops::Range<usize>,
}

/// How the part after the city's comma reads.
enum Region {
    /// A postal code or traditional abbreviation of a US state/province.
    Code(&'static str),
    /// Two capital letters that are no such code.
    Unknown,
    /// A country, or anything else that is not ours to judge.
    Other,
}

fn read_region(written: &str) -> Region {
    let squeezed: String = written
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    if squeezed.is_empty() || COUNTRIES.contains(&squeezed.as_str()) {
        return Region::Other;
    }
    if let Some((code, _)) = US_STATES
        .iter()
        .chain(PROVINCES)
        .find(|(c, _)| *c == squeezed)
    {
        return Region::Code(code);
    }
    if let Some(code) = state_code_of_name(written) {
        return Region::Code(code);
    }
    if let Some((_, code)) = OLD_ABBREVIATIONS
        .iter()
        .find(|(a, _)| *a == squeezed && written.trim().ends_with('.'))
    {
        return Region::Code(code);
    }
    // `HA`, `H.A.`: two capitals, perhaps with periods.
    if squeezed.len() == 2 && squeezed.chars().all(|c| c.is_ascii_uppercase()) {
        return Region::Unknown;
    }
    Region::Other
}

/// Problems of a place of publication such as `Baltimore, MA`,
/// `Hawaii, HA`, `New York and London`.
pub fn check_place(place: &str) -> Vec<PlaceProblem> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in split_places(place) {
        let Some(offset) = place.get(start..).and_then(|s| s.find(part)) else {
            continue;
        };
        let at = start + offset;
        start = at + part.len();
        check_one(part, at, &mut out);
    }
    out
}

/// `New York and London`, `Boulder, CO / London`: one place each.
fn split_places(place: &str) -> Vec<&str> {
    let mut parts = vec![place];
    for sep in [" and ", " & ", "/", ";"] {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

fn check_one(part: &str, at: usize, out: &mut Vec<PlaceProblem>) {
    let (city, region) = match part.rfind(',') {
        Some(comma) => (
            part.get(..comma).unwrap_or("").trim(),
            part.get(comma + 1..).map(str::trim),
        ),
        None => (part.trim(), None),
    };
    let city_at = at + part.find(city).unwrap_or(0);
    let city_range = city_at..city_at + city.len();
    let region_range = region
        .and_then(|r| part.rfind(r).map(|i| at + i..at + i + r.len()))
        .unwrap_or(city_range.clone());
    // A state written where the city belongs.
    let city_is_state = state_code_of_name(city).filter(|_| {
        !STATE_NAMED_CITIES
            .iter()
            .any(|c| c.eq_ignore_ascii_case(city))
    });
    if let Some(code) = city_is_state {
        let suggestion = STATE_CITY
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, city)| format!("name the city, e.g. `{city}, {code}`"))
            .unwrap_or_else(|| format!("name the city the publisher is in, then `{code}`"));
        out.push(PlaceProblem {
            code: "place-state-as-city",
            message: format!("`{city}` is a state, not a city"),
            help: Some(suggestion),
            range: city_range.clone(),
        });
    }
    let Some(region) = region else { return };
    match read_region(region) {
        Region::Code(code) => {
            if let Some(states) = city_states(city) {
                if !states.contains(&code) {
                    let right = states.first().copied().unwrap_or("");
                    let right_name = region_name(right).unwrap_or(right);
                    let wrong_name = region_name(code).unwrap_or(code);
                    out.push(PlaceProblem {
                        code: "place-state-mismatch",
                        message: format!(
                            "{city} is in {right_name} ({right}), not {wrong_name} ({code})"
                        ),
                        help: Some(format!("write `{city}, {right}`")),
                        range: region_range,
                    });
                }
            }
        }
        Region::Unknown => {
            // A country code after a city that is not American is fine.
            let american = city_is_state.is_some() || city_states(city).is_some();
            if !american && ISO_COUNTRIES.split(' ').any(|c| c == region) {
                return;
            }
            let help = match (city_is_state, city_states(city).and_then(|s| s.first())) {
                (Some(code), _) => format!("{city}'s code is `{code}`"),
                (None, Some(code)) => format!("write `{city}, {code}`"),
                (None, None) => {
                    "use a US state or Canadian province code (`MD`, `CA`, `ON`)".to_string()
                }
            };
            out.push(PlaceProblem {
                code: "place-unknown-code",
                message: format!("`{region}` is not a US state or Canadian province code"),
                help: Some(help),
                range: region_range,
            });
        }
        Region::Other => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(place: &str) -> Vec<&'static str> {
        check_place(place).into_iter().map(|p| p.code).collect()
    }

    #[test]
    fn good_places_pass() {
        for place in [
            "Baltimore, MD",
            "Carlisle, PA",
            "Washington, DC",
            "Washington, D.C.",
            "Cambridge, MA",
            "Cambridge, Mass.",
            "Cambridge, UK",
            "New York",
            "New York, NY",
            "Boulder, CO and London",
            "London",
            "Taipei",
            "Toronto, ON",
            "Lexington, KY",
            "Honolulu, Hawaii",
            "Tokyo, JP",
            "Quebec",
            "北京",
        ] {
            assert!(codes(place).is_empty(), "{place}: {:?}", check_place(place));
        }
    }

    #[test]
    fn city_with_the_wrong_state() {
        let p = check_place("Baltimore, MA");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].code, "place-state-mismatch");
        assert_eq!(&"Baltimore, MA"[p[0].range.clone()], "MA");
        assert_eq!(
            p[0].message,
            "Baltimore is in Maryland (MD), not Massachusetts (MA)"
        );
        assert_eq!(codes("Princeton, NY"), ["place-state-mismatch"]);
        assert_eq!(codes("Ann Arbor, Mich."), Vec::<&str>::new());
        assert_eq!(codes("Ann Arbor, Minn."), ["place-state-mismatch"]);
    }

    #[test]
    fn state_for_city_and_unknown_code() {
        let p = check_place("Hawaii, HA");
        assert_eq!(
            p.iter().map(|p| p.code).collect::<Vec<_>>(),
            ["place-state-as-city", "place-unknown-code"]
        );
        assert_eq!(&"Hawaii, HA"[p[0].range.clone()], "Hawaii");
        assert_eq!(&"Hawaii, HA"[p[1].range.clone()], "HA");
        assert_eq!(p[1].help.as_deref(), Some("Hawaii's code is `HI`"));
        assert_eq!(codes("Seattle, WS"), ["place-unknown-code"]);
        assert_eq!(codes("California"), ["place-state-as-city"]);
    }
}
