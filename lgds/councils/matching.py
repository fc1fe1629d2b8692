"""Match council names as people type them ("Barnsley MBC", "LB Camden") to codes in the register.

A wrong match is far worse than no match, so matching is exact after tidying, never fuzzy: a name
matches a council only if it equals one of that council's names, first as typed (ignoring case,
accents and punctuation), then with the usual prefixes and suffixes taken off ("London Borough of",
"Council", "MBC"). When that still leaves two councils, or a town or parish council, the answer is
"ambiguous" with the candidates, never a guess. Fuzzy matching is used only to suggest.

Town, parish and community councils are not in the register, and some of them are called city
councils: Lichfield, Chichester, Ely, Ripon, Truro and Wells (and in Wales St Davids, St Asaph and
Bangor) have a parish or community council with city status. So a name that says "city" matches only
a council whose own names in the register say so: "Lichfield City Council" and "City of Chichester" are
ambiguous, never Lichfield or Chichester District Council, while "Canterbury City Council" matches.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from lgds.councils.models import Council

PREFIXES = (
    "the",
    "london borough of",
    "royal borough of",
    "metropolitan borough of",
    "county borough of",
    "borough of",
    "city and county of",
    "city of",
    "county of",
    "district of",
    "lb",
    "lbo",
    "rb",
    "cyngor bwrdeistref sirol",
    "cyngor dinas a sir",
    "cyngor sir",
    "cyngor dinas",
    "cyngor",
)
"""Taken off the front: English forms, abbreviations and the Welsh for '(county) council'."""

SUFFIXES = (
    "metropolitan borough council",
    "metropolitan district council",
    "county borough council",
    "royal borough council",
    "london borough council",
    "borough council",
    "district council",
    "county council",
    "city council",
    "unitary authority",
    "unitary council",
    "city corporation",
    "corporation",
    "council",
    "london borough",
    "mbc",
    "mdc",
    "lbc",
    "cbc",
    "bc",
    "dc",
    "cc",
    "ua",
    "lb",
    "rbc",
    "rb",
)
"""Taken off the end, longest first."""

WORDS = {"saint": "st", "ne": "north east", "nw": "north west", "se": "south east", "sw": "south west"}
"""Words written more than one way, put in one form."""

NOT_PRINCIPAL = re.compile(
    r"\b(town|parish|community|village|neighbourhood)\s+council$|\bparish meeting$"
    r"|^(the )?cyngor (tref|cymuned|plwyf)\b"
)
"""Town, parish and community councils (in Welsh, 'Cyngor Tref', 'Cyngor Cymuned') are local
councils, not principal councils in the register."""

SAYS_CITY = {"city", "dinas"}
"""Words in a typed name that say 'city council' ('dinas' is Welsh for city)."""

SAYS_CITY_OR_COUNTY = {"cc"}
"""'CC' is written for both city council and county council."""

TOO_VAGUE = {"london", "city", "county", "borough", "district", "north", "south", "east", "west"}
"""Cores that are never enough on their own: 'City of London' must not match plain 'London'."""

_INVERTED = re.compile(
    r"^(?P<place>.+?),\s*(?P<kind>the|city of|county of|royal borough of|london borough of|borough of)$"
)


def tidy(name: str) -> str:
    """Lower case, no accents, '&' as 'and', punctuation as spaces: 'Ynys Môn' → 'ynys mon'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = " ".join(text.split())
    inverted = _INVERTED.match(text)
    if inverted:  # ONS style: "Kingston upon Hull, City of" is "City of Kingston upon Hull"
        text = f"{inverted['kind']} {inverted['place']}"
    text = text.replace("&", " and ").replace("'", "").replace("\u2019", "")
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(WORDS.get(word, word) for word in text.split())


def core(tidied: str) -> str:
    """The place name left when the usual prefixes and suffixes are taken off: 'barnsley mbc' → 'barnsley'."""
    text = tidied
    changed = True
    while changed:
        changed = False
        for prefix in PREFIXES:
            if text.startswith(prefix + " ") and len(text) > len(prefix) + 1:
                text, changed = text[len(prefix) + 1 :], True
                break
        for suffix in SUFFIXES:
            if text.endswith(" " + suffix) and len(text) > len(suffix) + 1:
                text, changed = text[: -len(suffix) - 1], True
                break
    return text


class Outcome(StrEnum):
    MATCHED = "matched"
    AMBIGUOUS = "ambiguous"
    UNMATCHED = "unmatched"


@dataclass
class Match:
    """What a typed name matched: one council, several candidates, or nothing (with suggestions)."""

    outcome: Outcome
    council: Council | None = None
    candidates: list[Council] = field(default_factory=list)
    reason: str = ""


def describe(council: Council) -> str:
    """'Camden (CMD)', or with '(abolished YYYY-MM-DD)' for former councils."""
    text = f"{council.official_name} ({council.code})"
    if council.end_date:
        text += f", abolished {council.end_date.isoformat()}"
    return text


def _unlike(typed: str, council: Council) -> str:
    """Why a typed name that says 'city' (or 'CC') cannot be this council, or "" when it can."""
    words = set(typed.split())
    own = {word for name in council.all_names for word in tidy(name).split()}
    if words & SAYS_CITY and "city" not in own:
        said = f"the name says city council, and {council.official_name} is not a city council"
    elif words & SAYS_CITY_OR_COUNTY and not own & {"city", "county"}:
        said = f"CC means city or county council, and {council.official_name} is neither"
    else:
        return ""
    return (
        f"{said}; it may be a parish or community council "
        "called a city council (Lichfield, Ely and Wells have one), and those are not in the register"
    )


class NameIndex:
    """Every name of every council in the register, tidied, for exact lookups and suggestions."""

    def __init__(self, councils: Iterable[Council]) -> None:
        self.councils = {c.code: c for c in councils}
        self.full: dict[str, set[str]] = {}
        self.cores: dict[str, set[str]] = {}
        for council in self.councils.values():
            for name in council.all_names:
                key = tidy(name)
                self.full.setdefault(key, set()).add(council.code)
                self.cores.setdefault(core(key), set()).add(council.code)

    def _sorted(self, codes: Iterable[str]) -> list[Council]:
        # current councils first, then by name, so suggestions lead with the likely one
        return sorted((self.councils[c] for c in codes), key=lambda c: (not c.current, c.official_name))

    def match(self, name: str) -> Match:
        """Match one typed name; see the module's docstring for the rules."""
        found = self._match(name)
        council = found.council
        unlike = _unlike(tidy(name), council) if council is not None else ""
        if council is not None and unlike:
            return Match(Outcome.AMBIGUOUS, candidates=[council], reason=unlike)
        return found

    def _match(self, name: str) -> Match:
        key = tidy(name)
        if not key:
            return Match(Outcome.UNMATCHED, reason="the name is empty")
        if key.endswith(" councils"):  # "Adur & Worthing Councils": a shared service, not a council
            parts = re.split(r" and ", key.removesuffix(" councils"))
            found = [m.council for m in map(self.match, parts) if m.council]
            reason = "this names several councils working together; each council signs up on its own"
            return Match(Outcome.AMBIGUOUS if found else Outcome.UNMATCHED, candidates=found, reason=reason)
        if NOT_PRINCIPAL.search(key):
            place = core(NOT_PRINCIPAL.sub("", key).strip())
            near = self.cores.get(place, set()) | {c.code for c in self.similar(place)}
            candidates = self._sorted(near)
            reason = "a town, parish or community council is not a principal council in the register"
            if candidates:
                return Match(Outcome.AMBIGUOUS, candidates=candidates, reason=reason)
            return Match(Outcome.UNMATCHED, reason=reason)
        codes = self.full.get(key, set())
        stripped = core(key)
        if not codes and stripped in TOO_VAGUE:
            return Match(Outcome.UNMATCHED, candidates=self.similar(key), reason="the name is too vague")
        alike = self.cores.get(stripped, set()) | self._longer(stripped)
        if len(codes) == 1:
            (code,) = codes
            # an exact official name is unambiguous; otherwise another council sharing the
            # place name ("Dorset": the old county and the new council) makes it a guess
            council = self.councils[code]
            if alike <= codes or key == tidy(council.official_name):
                return Match(Outcome.MATCHED, council=council)
            exact = self.cores.get(stripped, set())
            if exact <= codes and key == tidy(council.short_name):  # "Surrey", not "Surrey Heath"
                return Match(Outcome.MATCHED, council=self.councils[code])
            codes = codes | alike
        elif not codes:
            codes = self.cores.get(stripped, set())
            if len(codes) == 1 and alike <= codes:
                return Match(Outcome.MATCHED, council=self.councils[next(iter(codes))])
            codes = codes and alike
        if codes:
            return Match(
                Outcome.AMBIGUOUS,
                candidates=self._sorted(codes),
                reason="the name fits more than one council",
            )
        return Match(Outcome.UNMATCHED, candidates=self.similar(key), reason="no council has this name")

    def _longer(self, stripped: str) -> set[str]:
        """Councils whose place name starts with this one: 'Newcastle' → both Newcastles."""
        start = stripped + " "
        return {code for name, codes in self.cores.items() if name.startswith(start) for code in codes}

    def similar(self, text: str, n: int = 3) -> list[Council]:
        """Councils whose names look like ``text``, to suggest (never to match)."""
        key = core(tidy(text))
        found: list[str] = []
        words = set(key.split()) - TOO_VAGUE
        if words:  # names containing every word typed: "kingston" → both Kingstons
            for name, codes in sorted(self.cores.items()):
                if words <= set(name.split()):
                    found += sorted(codes)
        for close in difflib.get_close_matches(key, list(self.cores), n=n, cutoff=0.75):
            found += sorted(self.cores[close])
        unique = list(dict.fromkeys(found))
        return self._sorted(unique)[:n] if len(unique) > n else self._sorted(unique)

    def nearest_codes(self, code: str, n: int = 3) -> list[Council]:
        """Councils whose codes look like ``code`` (a typo such as CMDN for CMD)."""
        close = difflib.get_close_matches(code.upper(), list(self.councils), n=n, cutoff=0.6)
        return [self.councils[c] for c in close]

    def suggestions(self, typed: str, n: int = 4) -> list[Council]:
        """Councils someone who typed ``typed`` for a code may have meant: codes spelt like it, and the
        council it names if it was typed as a name (or those it could name, or names like it)."""
        found = self.nearest_codes(typed)
        match = self.match(typed)
        found += [match.council] if match.council else match.candidates or self.similar(typed)
        return list({c.code: c for c in found}.values())[:n]
