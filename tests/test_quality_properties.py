"""Property-based tests: whatever a contributor saves, the loaders give a model or located problems.

Hypothesis writes arbitrary text, bytes and YAML data into each kind of content file and runs the
real loader step for it. The result must never be a traceback: either the file loads, or there is at
least one problem naming that file at a real line (1 or more). Example counts are kept modest so the
suite stays quick (set LGDS_EXAMPLES=2000 for a deeper search); Hypothesis remembers failures in
.hypothesis/ and tries them first next time.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from lgds.core.problems import Problems
from lgds.councils import signups
from lgds.councils.models import SignUp
from lgds.groups import load as groups
from lgds.groups import load_events as events
from lgds.groups.models import EventFile, GroupFile
from lgds.kit import load as packs
from lgds.kit.models import PackFile, RoundEntry
from lgds.reviews import load as reviews
from lgds.reviews.models import ReviewFile
from lgds.site import Site
from lgds.sitewide import load as settings_loader
from lgds.sitewide.models import Settings
from lgds.standard import load as standard
from lgds.standard.models import PointFrontMatter


@dataclass(frozen=True)
class FileType:
    """A kind of content file: where it lives, its model, how it is loaded, and what 'loaded' means."""

    name: str
    path: str
    model: type
    load: Callable[[Site, Problems], None]
    loaded: Callable[[Site], bool] | None
    """Whether the file became a model; None for files that may validly hold nothing (settings, rounds)."""
    front_matter: bool = False


FILE_TYPES = (
    FileType(
        "point",
        "standard/1-understand-user-needs.md",
        PointFrontMatter,
        standard.load,
        lambda s: bool(s.points),
        front_matter=True,
    ),
    FileType("group", "peer-groups/london/group.yml", GroupFile, groups.load, lambda s: bool(s.groups)),
    FileType(
        "event",
        "peer-groups/london/events/2027-02-10-meeting.md",
        EventFile,
        events.load,
        lambda s: bool(s.events),
        front_matter=True,
    ),
    FileType("pack", "franchise-kit/packs/a-pack/pack.yml", PackFile, packs.load, lambda s: bool(s.packs)),
    FileType("rounds", "franchise-kit/rounds.yml", RoundEntry, packs.load_rounds, None),
    FileType("settings", "site.yml", Settings, settings_loader.load, None),
    FileType("signup", "data/signups/cmd.yml", SignUp, signups.load, lambda s: bool(s.signups)),
    FileType(
        "review",
        "reviews/bas/2026-03-18-garden-waste-subscription.md",
        ReviewFile,
        reviews.load,
        None,  # with no register, a review names no council that exists, so it is never published
        front_matter=True,
    ),
)


def file_types() -> list:
    return [pytest.param(t, id=t.name) for t in FILE_TYPES]


def load_one(file_type: FileType, content: bytes) -> tuple[Site, Problems]:
    """Write ``content`` as the only file of its kind in an empty kit, and run its loader."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        path = root / file_type.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        site = Site(root=root, today=date(2026, 11, 23))
        problems = Problems()
        file_type.load(site, problems)
        return site, problems


def assert_model_or_located_problems(file_type: FileType, site: Site, problems: Problems) -> None:
    here = [p for p in problems if p.path == file_type.path]
    unlocated = [p.format() for p in here if p.line < 1]
    assert not unlocated, f"problems without a line: {unlocated}"
    errors = [p for p in here if p.severity == "error"]
    if file_type.loaded is not None:
        assert file_type.loaded(site) or errors, "the file neither loaded nor gave an error"


# --- Strategies -----------------------------------------------------------------------------------

YAML_PIECES = st.sampled_from(
    [
        ": ",
        ":",
        "- ",
        "\n",
        "\n  ",
        "\n    ",
        "\t",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "'",
        '"',
        "#",
        "&a ",
        "*a",
        "!!str ",
        "!!int ",
        "!!binary ",
        "!!python/object:os.system ",
        "<<: ",
        "? ",
        "|",
        ">",
        "---",
        "...",
        "~",
        "null",
        "yes",
        "no",
        "0x1F",
        "1e400",
        ".nan",
        "2027-02-30",
        "2027-02-10",
        "24:61",
        "10:00",
        "2016-13",
        "javascript:alert(1)",
        "https://example.org/",
        "<script>alert(1)</script>",
        "\ufeff",
        "\x00",
        "é",
    ]
)


def yaml_ish(model: type) -> st.SearchStrategy[str]:
    """Text built from YAML punctuation, tricky values, and the model's own field names."""
    names = st.sampled_from(sorted(model.model_fields))
    return st.lists(st.one_of(YAML_PIECES, names, st.text(max_size=8)), max_size=30).map("".join)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.dates().map(str),
    st.sampled_from(["10:00", "2016-07", "https://example.org/", "a@b.org", "<b>x</b>", "javascript:x"]),
)


def data_for(model: type) -> st.SearchStrategy[object]:
    """Nested data whose keys are mostly the model's own fields, so validation goes deep."""
    keys = st.one_of(st.sampled_from(sorted(model.model_fields)), st.text(min_size=1, max_size=8))
    return st.recursive(
        SCALARS,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(keys, inner, max_size=6),
        ),
        max_leaves=20,
    )


def yaml_text(data: object) -> str:
    stream = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.dump(data, stream)
    return stream.getvalue()


def as_file(file_type: FileType, text: str) -> bytes:
    if file_type.front_matter:
        text = f"---\n{text}\n---\n\nBody text.\n"
    return text.encode("utf-8", "surrogatepass")


PROPERTY = settings(
    max_examples=int(os.environ.get("LGDS_EXAMPLES", "30")),  # raise it for a deeper search
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.mark.parametrize("file_type", file_types())
@PROPERTY
@given(data=st.data())
def test_any_yaml_like_text_gives_a_model_or_located_problems(file_type, data):
    text = data.draw(yaml_ish(file_type.model), label="text")
    site, problems = load_one(file_type, as_file(file_type, text))
    assert_model_or_located_problems(file_type, site, problems)


@pytest.mark.parametrize("file_type", file_types())
@PROPERTY
@given(data=st.data())
def test_any_data_gives_a_model_or_located_problems(file_type, data):
    value = data.draw(data_for(file_type.model), label="data")
    site, problems = load_one(file_type, as_file(file_type, yaml_text(value)))
    assert_model_or_located_problems(file_type, site, problems)


@pytest.mark.parametrize("file_type", file_types())
@PROPERTY
@given(content=st.binary(max_size=200))
def test_any_bytes_give_a_model_or_located_problems(file_type, content):
    site, problems = load_one(file_type, content)
    assert_model_or_located_problems(file_type, site, problems)
