"""Build ``src/newsevents/data/armed_groups.tsv`` from PETRARCH2's
``Phoenix.MilNonState.actors.txt`` (Open Event Data Alliance, MIT; names from the
START TOPS database): about 1,100 named non-state armed groups with their
aliases and a CAMEO code whose first three letters are the group's country.

Why: a report that names "Boko Haram" or "al-Shabaab" names a rebel party, and
an event whose parties are rebels is political, while the same verb with a
private party is crime ("gunmen kidnapped"). Without the table such names had no
sector and no country. The package reads the table and never the dictionary.
Run once by a maintainer:

    python tools/build_armed_groups.py ../shared/dictionaries/petrarch2/Phoenix.MilNonState.actors.txt
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src/newsevents/data/armed_groups.tsv"

#: Words kept lower case inside a name ("Army of the Pure", "al-Qaeda").
_SMALL = frozenset(["of", "the", "and", "for", "in", "de", "del", "la", "el", "al", "ul", "e"])

HEADER = """\
# Named non-state armed groups: who is a rebel party, and of which country.
# Converted from PETRARCH2's Phoenix.MilNonState.actors.txt (Open Event Data
# Alliance, MIT licence, Copyright (c) 2014 Open Event Data; the licence text is in
# LICENSE-petrarch2.txt beside this file; names from the START TOPS database) by
# tools/build_armed_groups.py: underscores as spaces, acronyms in brackets as
# aliases, the country from the code's first three letters when they are an ISO
# 3166 alpha-3 code (regional codes such as IMG or MEA give none). Persons listed
# after a group's code are left out, as are acronyms of three letters or fewer and
# one-word names that name something else more often (see the tool). Every group
# is REB. The first name of a row is the group's own; later ones may be persons
# filed as aliases (a leader), so only the first is read as a name in text.
# Columns: name <TAB> aliases (|) <TAB> country (alpha-3 or empty)
"""


#: One-word names that are also ordinary words, given names, teams or bodies
#: that are not armed groups today ("Tigers", "Amal", "Zero", "ZANU", "UNITA"):
#: an organisation so named in a report is rarely the group.
_AMBIGUOUS = frozenset(
    ["tigers", "contras", "amal", "eyal", "shahin", "zero", "camo", "bersatu", "unita",
     "sandinistas", "tanzim", "hisba", "zanu", "clandestini", "hotaru", "venceremos",
     "montoneros", "tupamaros", "macheteros", "milf", "youth"]
)  # fmt: skip


def _words(raw: str) -> tuple[str, list[str]]:
    """A dictionary phrase as a name, and the acronyms it spells in brackets.
    Acronyms of three letters or fewer are left out: PLA, ANA, CAR, EPA, PUK each
    name something else more often than the group."""
    raw = raw.strip().rstrip("_").replace("_", " ")
    acronyms = [a for a in re.findall(r"\(([A-Z][A-Z0-9-]{3,})\)", raw)]
    name = re.sub(r"\s*\([^)]*\)", "", raw).strip()
    if not re.search(r"[A-Za-z]{2}", name):
        return "", acronyms  # "313", "39649"
    return " ".join(_cased(w, i) for i, w in enumerate(name.split())), acronyms


def _cased(word: str, index: int) -> str:
    parts = word.split("-")
    out = []
    for j, part in enumerate(parts):
        low = part.lower()
        if (index or j) and low in _SMALL:
            out.append(low)
        else:
            out.append(low[:1].upper() + low[1:])
    return "-".join(out)


def _country(code: str) -> str:
    return code[:3] if pycountry.countries.get(alpha_3=code[:3]) else ""


def convert(text: str) -> list[tuple[str, list[str], str]]:
    groups = []
    for block in re.split(r"\n\s*\n", text):
        name = ""
        aliases: list[str] = []
        code = ""
        for line in block.splitlines():
            if line.lstrip().startswith("#"):
                continue
            found = re.search(r"\[([A-Z]+)\]", line)
            if found and not code:
                code = found.group(1)
            line = line.split("#")[0]
            line = re.sub(r"\[[A-Z]+\]", "", line).strip()
            if not line:
                continue
            if line.startswith("+"):
                aliases.append(line[1:])
            elif not name:
                name = line
            # a later bare line is a person filed under the group: left out
        if not name or not code:
            continue
        display, acronyms = _words(name)
        names = [display, *acronyms]
        for alias in aliases:
            shown, more = _words(alias)
            names += [shown, *more]
        seen: set[str] = set()
        unique = []
        for n in names:
            if n and n.lower() not in seen and len(n) >= 4 and n.lower() not in _AMBIGUOUS:
                seen.add(n.lower())
                unique.append(n)
        if unique:
            groups.append((unique[0], unique[1:], _country(code)))
    return groups


def main(path: str) -> None:
    groups = convert(Path(path).read_text(encoding="utf-8", errors="replace"))
    rows = [f"{name}\t{'|'.join(aliases)}\t{country}" for name, aliases, country in groups]
    OUT.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} groups -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1])
