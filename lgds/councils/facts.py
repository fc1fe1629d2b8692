"""What the council pages, coverage and open data work out from the register and the sign-ups."""

from __future__ import annotations

from dataclasses import dataclass

from lgds.councils.models import ENGLISH_REGIONS, NATIONS, Council, SignUp
from lgds.groups.models import Group
from lgds.site import Site


def signups_by_code(site: Site) -> dict[str, SignUp]:
    return {s.council: s for s in site.signups.values()}


def shows_examples(site: Site, signups: list[SignUp] | None = None) -> bool:
    """Whether to say the data is made up: the setting is on and some shown sign-up is an example."""
    shown = site.signups.values() if signups is None else signups
    return site.settings.example_notice and any(s.example for s in shown)


def signed_count(site: Site) -> tuple[int, int]:
    """(current councils signed up, current councils)."""
    by_code = signups_by_code(site)
    current = site.current_councils
    return sum(1 for c in current if c.code in by_code), len(current)


def percent(part: int, whole: int) -> int | None:
    """``part`` as a whole percentage of ``whole``; none when there is no whole."""
    return round(100 * part / whole) if whole else None


def current_successors(site: Site, council: Council) -> list[Council]:
    """The current councils that took over from an abolished one, following later reorganisations."""
    found: list[Council] = []
    for code in council.replaced_by:
        successor = site.councils.get(code)
        if successor is None:
            continue
        found += [successor] if successor.current else current_successors(site, successor)
    return list({c.code: c for c in found}.values())


def replaced(site: Site, by_code: dict[str, SignUp]) -> dict[str, list[Council]]:
    """For each current council, the abolished councils it took over from that had signed up."""
    found: dict[str, list[Council]] = {}
    for old in site.councils.values():
        if not old.current and old.code in by_code:
            for successor in current_successors(site, old):
                found.setdefault(successor.code, []).append(old)
    return found


def peer_groups_for(site: Site, council: Council) -> list[Group]:
    return [g for g in site.groups.values() if council.area in getattr(g.meta, "covers", [])]


@dataclass(frozen=True)
class Listed:
    """A council in a list, with its sign-up if it has one."""

    council: Council
    signup: SignUp | None


@dataclass(frozen=True)
class Area:
    """An English region or a nation and its current councils, by name, as /councils/ lists them."""

    nation: str
    region: str
    councils: list[Listed]

    @property
    def signed(self) -> int:
        return sum(1 for c in self.councils if c.signup)


def areas(site: Site, by_code: dict[str, SignUp]) -> list[Area]:
    """England's regions, then the other nations, each with its councils: those with any councils."""
    current = site.current_councils
    found = [("England", region, [c for c in current if c.region == region]) for region in ENGLISH_REGIONS]
    found += [(nation, "", [c for c in current if c.nation == nation]) for nation in NATIONS[1:]]
    return [
        Area(nation, region, [Listed(c, by_code.get(c.code)) for c in sorted(cs, key=lambda c: c.short_name)])
        for nation, region, cs in found
        if cs
    ]
