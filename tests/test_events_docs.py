"""The reference pages keep up with the code: every field, error code and command is documented."""

from __future__ import annotations

import lgds.groups.load  # noqa: F401
import lgds.groups.load_events  # noqa: F401  (defines the kinds)
from lgds.core.problems import KINDS
from lgds.groups.models import EventFile, GroupFile, Venue
from tests.conftest import ROOT

EVENT_DOC = (ROOT / "docs/reference/event.md").read_text()
GROUP_DOC = (ROOT / "docs/reference/group.md").read_text()


def test_every_field_is_documented():
    for name in EventFile.model_fields:
        assert f"`{name}`" in EVENT_DOC, name
    for name in Venue.model_fields:
        assert f"`{name}`" in EVENT_DOC, name
    for name in GroupFile.model_fields:
        assert f"`{name}`" in GROUP_DOC, name


def test_every_error_code_is_documented():
    for code, kind in KINDS.items():
        if kind.area == "events":
            assert f"`{code}`" in EVENT_DOC, code
        if kind.area == "groups":
            assert f"`{code}`" in GROUP_DOC, code


def test_commands_are_documented():
    assert "lgds new-event" in EVENT_DOC and "--dry-run" in EVENT_DOC
    assert "lgds new-group" in GROUP_DOC and "--dry-run" in GROUP_DOC
