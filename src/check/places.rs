//! Places of publication: US state and Canadian province codes checked
//! against a gazetteer, so that `Baltimore, MA` (Baltimore is in Maryland)
//! and `Hawaii, HA` (no such code; Hawaii is a state, not a city) are caught.
//!
//! The gazetteer (`gazetteer/`, made by `gazetteer/make_gazetteer.py`) is the
//! US Census Bureau's places and town/township list with each state, and
//! GeoNames' world cities with country and Canadian province; GeoNames'
//! populations rank the states a name is in.

use super::place_names::PlaceTable;
use foldhash::{HashMap, HashMapExt};
use std::sync::OnceLock;

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

/// A state whose name is also the name of a publishing city.
const STATE_NAMED_CITIES: &[&str] = &["New York", "Washington", "Quebec"];

/// ISO 3166 two-letter country codes that are no US state or province
/// code: `Tokyo, JP` names a country, not a mistaken state.
const ISO_COUNTRIES: &str = "AD AE AF AG AI AM AO AQ AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CD CF CG CH CI CK CL CM CN CR CU CV CW CX CY CZ DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GW GY HK HM HN HR HT HU IE IM IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LB LC LI LK LR LS LT LU LV LY MC MF MG MH MK ML MM MO MQ MR MU MV MW MX MY MZ NA NC NF NG NI NL NO NP NR NZ OM PF PG PH PK PL PM PN PS PW PY QA RE RO RS RU RW SA SB SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TO TR TT TV TW TZ UA UG UM UY UZ VC VE VG VN VU WF WS YE YT ZA ZM ZW";

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

/// US places: `name<TAB>state<TAB>population` (population may be empty).
const US_PLACES: &str = include_str!("gazetteer/us_places.tsv");
/// Cities elsewhere: `name<TAB>country<TAB>admin1<TAB>population`; for
/// Canada admin1 is the province code.
const WORLD_CITIES: &str = include_str!("gazetteer/world_cities.tsv");
/// Other names of large cities (`München`, `Mailand`): `name<TAB>population`.
const WORLD_CITY_NAMES: &str = include_str!("gazetteer/world_city_names.tsv");

/// Countries' names, one per line (`Germany`, `Soviet Union`).
const COUNTRY_NAMES: &str = include_str!("gazetteer/country_names.tsv");

/// Is `name` a country's (`Germany`, `Republic of Korea`, `England`)?
pub fn is_country_name(name: &str) -> bool {
    static NAMES: OnceLock<foldhash::HashSet<&'static str>> = OnceLock::new();
    NAMES
        .get_or_init(|| COUNTRY_NAMES.lines().map(str::trim).collect())
        .contains(name.trim())
}

/// The US and Canadian lookups, built once from the tables above.
struct Gazetteer {
    /// Folded name → the US states and Canadian provinces with a place of
    /// that name, the most populous first.
    regions: PlaceTable<&'static str>,
    /// State or province code → its most populous place.
    largest: HashMap<&'static str, (&'static str, u32)>,
    /// Folded name → the population of the largest city of that name
    /// anywhere.
    populations: PlaceTable<u32>,
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut largest: HashMap<&'static str, (&'static str, u32)> = HashMap::new();
        let mut seats: Vec<(&'static str, (&'static str, u32))> = Vec::new();
        let mut counts: Vec<(&'static str, u32)> = Vec::new();
        let mut seat = |name: &'static str, region: &'static str, population: u32| {
            seats.push((name, (region, population)));
            let best = largest.entry(region).or_insert((name, 0));
            if population > best.1 {
                *best = (name, population);
            }
        };
        // A malformed line, or an unknown code, is skipped, not trusted.
        for [name, state, population] in rows(US_PLACES) {
            if let Some(state) = region_code(state) {
                let population = population.parse().unwrap_or(0);
                seat(name, state, population);
                counts.push((name, population));
            }
        }
        for [name, country, province, population] in rows(WORLD_CITIES) {
            let population = population.parse().unwrap_or(0);
            if let Some(province) = region_code(province).filter(|_| country == "CA") {
                seat(name, province, population);
            }
            counts.push((name, population));
        }
        for [name, population] in rows(WORLD_CITY_NAMES) {
            counts.push((name, population.parse().unwrap_or(0)));
        }
        // Most populous first; ties (no population known) by code; each
        // code once.
        let regions = PlaceTable::new(
            seats,
            |a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)),
            |kept, (code, _)| (!kept.contains(&code)).then_some(code),
        );
        let populations = PlaceTable::new(
            counts,
            |a, b| b.cmp(a),
            |kept, population| kept.is_empty().then_some(population),
        );
        largest.retain(|_, (_, population)| *population > 0);
        Gazetteer {
            regions,
            largest,
            populations,
        }
    }
}

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(Gazetteer::load)
}

/// Folded name → the countries (not the US) with a city of that name, in
/// the table's order; apart from [`Gazetteer`], as only a country code
/// after a city needs it.
fn world_countries() -> &'static PlaceTable<&'static str> {
    static COUNTRIES: OnceLock<PlaceTable<&'static str>> = OnceLock::new();
    COUNTRIES.get_or_init(|| {
        let cities = rows(WORLD_CITIES)
            .filter(|[_, country, _, _]| country.len() == 2)
            .map(|[name, country, _, _]| (name, country));
        PlaceTable::new(
            cities,
            |_, _| std::cmp::Ordering::Equal,
            |kept, country| (!kept.contains(&country)).then_some(country),
        )
    })
}

/// The tab-separated fields of each data line with exactly `N` of them.
fn rows<const N: usize>(table: &'static str) -> impl Iterator<Item = [&'static str; N]> {
    table
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let mut whole = true;
            let row = std::array::from_fn(|_| {
                fields.next().unwrap_or_else(|| {
                    whole = false;
                    ""
                })
            });
            (whole && fields.next().is_none()).then_some(row)
        })
        .filter(|fields| fields.first().is_some_and(|name| !name.is_empty()))
}

/// The static spelling of a US state or Canadian province code.
fn region_code(code: &str) -> Option<&'static str> {
    US_STATES
        .iter()
        .chain(PROVINCES)
        .find(|(c, _)| *c == code)
        .map(|(c, _)| *c)
}

/// The US states and Canadian provinces with a place of this name, the
/// most populous first (`Portland`: OR, ME, …).
pub fn city_states(city: &str) -> Option<&'static [&'static str]> {
    Some(gazetteer().regions.get(city)).filter(|codes| !codes.is_empty())
}

/// Whether GeoNames has a city of this name in this country (`London`, `GB`).
fn city_in_country(city: &str, country: &str) -> bool {
    world_countries().get(city).contains(&country)
}

/// Whether a city of this name anywhere has at least this many people:
/// a publication parenthetical's lone `(Oxford, 1991)` names its place, not
/// a publisher, when the name is a city large enough to print books.
pub fn is_city_of(name: &str, at_least: u32) -> bool {
    gazetteer()
        .populations
        .get(name)
        .first()
        .is_some_and(|&p| p >= at_least)
}

/// Whether `town` is a place of the US state or Canadian province written
/// as `region` (`MD`, `Md.`, `Maryland`): `(Rockville, MD, 1992)` names a
/// place however small the town.
pub fn is_town_of_region(town: &str, region: &str) -> bool {
    match read_region(region) {
        Region::Code(code) => city_states(town).is_some_and(|codes| codes.contains(&code)),
        Region::Unknown | Region::Other => false,
    }
}

/// The most populous place of a US state or Canadian province: the example
/// to give when the state is written where the city belongs.
pub fn largest_place(code: &str) -> Option<&'static str> {
    gazetteer().largest.get(code).map(|(name, _)| *name)
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
    if let Some(code) = region_code(&squeezed) {
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

/// Is `written` a US state's or Canadian province's code or name (`MD`,
/// `Md.`, `Maryland`)? A town before it is judged by the gazetteer, not by
/// its size.
pub fn names_a_us_or_canadian_region(written: &str) -> bool {
    matches!(read_region(written), Region::Code(_))
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
    let read = region.map(read_region);
    let states = city_states(city);
    // A state written where the city belongs, unless a place of that name
    // is in the region written (`Indiana, PA`, `Ontario, CA`).
    let city_is_state = state_code_of_name(city)
        .filter(|_| {
            !STATE_NAMED_CITIES
                .iter()
                .any(|c| c.eq_ignore_ascii_case(city))
        })
        .filter(|_| match (&read, states) {
            (Some(Region::Code(code)), Some(states)) => !states.contains(code),
            _ => true,
        });
    if let Some(code) = city_is_state {
        let suggestion = match largest_place(code) {
            Some(largest) => format!("name the city, e.g. `{largest}, {code}`"),
            None => format!("name the city the publisher is in, then `{code}`"),
        };
        out.push(PlaceProblem {
            code: "place-state-as-city",
            message: format!("`{city}` is a state, not a city"),
            help: Some(suggestion),
            range: city_range.clone(),
        });
    }
    let (Some(region), Some(read)) = (region, read) else {
        return;
    };
    match read {
        Region::Code(code) => {
            // Wrong only if no place of that name is in the code's region;
            // a state's name is judged above, not by its namesake towns
            // (`California, CA` is not `California, MO`).
            let wrong = states.filter(|s| city_is_state.is_none() && !s.contains(&code));
            if let Some(states) = wrong {
                // The country the code names first (`Cambridge, CT`: the
                // Massachusetts one, not the larger Cambridge in Ontario).
                let canadian = |c: &&str| PROVINCES.iter().any(|(p, _)| p == c);
                let right = states
                    .iter()
                    .find(|s| canadian(s) == canadian(&code))
                    .or(states.first())
                    .copied()
                    .unwrap_or("");
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
        Region::Unknown => {
            // A country code is fine after a city that is not North American, or
            // one that country has too (`London, GB`).
            let north_american = city_is_state.is_some() || states.is_some();
            if ISO_COUNTRIES.split(' ').any(|c| c == region)
                && (!north_american || city_in_country(city, region))
            {
                return;
            }
            let help = match (city_is_state, states.and_then(|s| s.first())) {
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

    /// (code, message, help) of each problem, to assert them whole.
    fn problems(place: &str) -> Vec<(&'static str, String, Option<String>)> {
        check_place(place)
            .into_iter()
            .map(|p| (p.code, p.message, p.help))
            .collect()
    }

    fn mismatch(message: &str, help: &str) -> Vec<(&'static str, String, Option<String>)> {
        vec![(
            "place-state-mismatch",
            message.to_string(),
            Some(help.to_string()),
        )]
    }

    #[test]
    fn the_gazetteer_knows_towns_a_hand_list_would_not() {
        for place in [
            // Real places the famous namesake would make look wrong.
            "Toronto, OH",
            "Paris, TX",
            "Springfield, IL",
            "Springfield, MA",
            "Portland, ME",
            "Portland, OR",
            // A Connecticut town, which is no Census place (there are
            // Westports in other states).
            "Westport, CT",
            "Toronto, ON",
            "Montreal, QC",
            "St. Paul, MN",
            "Saint Paul, Minn.",
            // A state's name that is also a town in the state written.
            "Indiana, PA",
            "London, GB",
        ] {
            assert_eq!(problems(place), [], "{place}");
        }
    }

    #[test]
    fn a_city_in_none_of_the_code_s_places_is_a_mismatch() {
        assert_eq!(
            problems("Baltimore, MA"),
            mismatch(
                "Baltimore is in Maryland (MD), not Massachusetts (MA)",
                "write `Baltimore, MD`"
            )
        );
        assert_eq!(
            problems("Ann Arbor, MN"),
            mismatch(
                "Ann Arbor is in Michigan (MI), not Minnesota (MN)",
                "write `Ann Arbor, MI`"
            )
        );
        // Of a name's places the most populous is the one suggested.
        assert_eq!(
            problems("Portland, CA"),
            mismatch(
                "Portland is in Oregon (OR), not California (CA)",
                "write `Portland, OR`"
            )
        );
        assert_eq!(
            problems("Montreal, ON"),
            mismatch(
                "Montreal is in Quebec (QC), not Ontario (ON)",
                "write `Montreal, QC`"
            )
        );
        // A place in the country the code names comes first: the larger
        // Cambridge is in Ontario.
        assert_eq!(
            city_states("Cambridge").and_then(|s| s.first()),
            Some(&"ON")
        );
        assert_eq!(
            problems("Cambridge, CT"),
            mismatch(
                "Cambridge is in Massachusetts (MA), not Connecticut (CT)",
                "write `Cambridge, MA`"
            )
        );
        assert_eq!(
            problems("Toronto, BC"),
            mismatch(
                "Toronto is in Ontario (ON), not British Columbia (BC)",
                "write `Toronto, ON`"
            )
        );
    }

    #[test]
    fn an_unknown_city_is_not_judged() {
        assert_eq!(problems("Zzyzxville, CA"), []);
        assert_eq!(city_states("Zzyzxville"), None);
    }

    #[test]
    fn a_state_for_the_city_suggests_its_largest_place() {
        assert_eq!(largest_place("HI"), Some("Honolulu"));
        assert_eq!(largest_place("ON"), Some("Toronto"));
        assert_eq!(largest_place("GU"), None);
        assert_eq!(
            problems("Hawaii, HA"),
            [
                (
                    "place-state-as-city",
                    "`Hawaii` is a state, not a city".to_string(),
                    Some("name the city, e.g. `Honolulu, HI`".to_string()),
                ),
                (
                    "place-unknown-code",
                    "`HA` is not a US state or Canadian province code".to_string(),
                    Some("Hawaii's code is `HI`".to_string()),
                ),
            ]
        );
        // Not judged against its namesake towns (California, MO) as well.
        assert_eq!(
            problems("California, CA"),
            [(
                "place-state-as-city",
                "`California` is a state, not a city".to_string(),
                Some("name the city, e.g. `Los Angeles, CA`".to_string()),
            )]
        );
        assert_eq!(
            problems("California"),
            [(
                "place-state-as-city",
                "`California` is a state, not a city".to_string(),
                Some("name the city, e.g. `Los Angeles, CA`".to_string()),
            )]
        );
        assert_eq!(
            problems("Seattle, WS"),
            [(
                "place-unknown-code",
                "`WS` is not a US state or Canadian province code".to_string(),
                Some("write `Seattle, WA`".to_string()),
            )]
        );
    }

    #[test]
    fn places_are_found_as_publishers_write_them() {
        // A place the gazetteer knows written with the short form.
        assert!(check_place("Ft. Leavenworth, KS").is_empty());
        assert_eq!(
            check_place("Ft. Worth, OK").first().map(|p| p.code),
            Some("place-state-mismatch")
        );
        assert!(check_place("Montreal, QC").is_empty());
        assert!(check_place("Winston-Salem, NC").is_empty());
    }

    #[test]
    fn malformed_gazetteer_lines_are_skipped() {
        let table: &'static str =
            "# comment\nAlpha\tMD\t5\nno tabs\n\tMD\t1\nBeta\tMD\nGamma\tXX\t3\n";
        let parsed: Vec<[&str; 3]> = rows(table).collect();
        assert_eq!(parsed, [["Alpha", "MD", "5"], ["Gamma", "XX", "3"]]);
        assert_eq!(region_code("XX"), None);
        assert_eq!(region_code("ON"), Some("ON"));
    }
}
