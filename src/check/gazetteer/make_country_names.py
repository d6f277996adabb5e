#!/usr/bin/env python3
"""Regenerate country_names.tsv, which src/check/places.rs reads.

Writes, beside this script, one country's name per line: the names by
which a place of publication names its country (`(Munich, Germany, 2000)`,
`(Montreal, Que., Canada, 1997)`).

Source: Debian's iso-codes 4.15.0 (ISO 3166-1 `name` and `common_name`;
licence LGPL-2.1+), `/usr/share/iso-codes/json/iso_3166-1.json`; names
before a comma (`Korea, Republic of` gives `Korea`) and after it in
reverse order (`Republic of Korea`); then the names of countries and
nations that printers use and ISO 3166-1 does not hold: ADDED below.

Run: python3 make_country_names.py [ISO_3166_1_JSON]
"""
import json
import os
import sys

ADDED = [
    "England", "Scotland", "Wales", "Northern Ireland", "Great Britain", "Britain",
    "Russia", "South Korea", "North Korea", "Taiwan", "Iran", "Syria", "Vietnam",
    "Bolivia", "Venezuela", "Tanzania", "Czech Republic", "Czechoslovakia",
    "Holland", "The Netherlands", "West Germany", "East Germany", "USSR",
    "Soviet Union", "Yugoslavia", "Macedonia", "Moldova", "Laos", "Brunei",
    "Ivory Coast", "Vatican", "Palestine", "Hong Kong", "Macau", "Macao",
    "USA", "UK",
]


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json/iso_3166-1.json"
    names = set(ADDED)
    for country in json.load(open(path, encoding="utf-8"))["3166-1"]:
        for key in ("name", "common_name"):
            name = country.get(key)
            if not name:
                continue
            if ", " in name:
                head, tail = name.split(", ", 1)
                names.add(head)
                names.add(f"{tail} {head}")
            else:
                names.add(name)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "country_names.tsv")
    with open(out, "w", encoding="utf-8") as f:
        for name in sorted(names):
            f.write(name + "\n")
    print(len(names), "names")


main()
