"""The kit's reference pages keep up with the code: every field, error code and option is documented."""

from __future__ import annotations

import pytest

import lgds.kit.load  # noqa: F401  (defines the kit's problem kinds)
from lgds.core.problems import KINDS
from lgds.kit.commands import vary_pack
from lgds.kit.models import PackFile, RoundEntry
from lgds.sitewide.models import Settings

from .conftest import ROOT

PAGES = {
    "pack": (ROOT / "docs/reference/pack.md").read_text(encoding="utf-8"),
    "rounds": (ROOT / "docs/reference/rounds.md").read_text(encoding="utf-8"),
    "settings": (ROOT / "docs/reference/site-settings.md").read_text(encoding="utf-8"),
}


@pytest.mark.parametrize(
    ("model", "page"), [(PackFile, "pack"), (RoundEntry, "rounds"), (Settings, "settings")]
)
def test_every_field_is_documented(model, page):
    missing = [name for name in model.model_fields if f"`{name}`" not in PAGES[page]]
    assert not missing, f"docs/reference/{page}: document {missing}"


def test_every_error_code_is_documented():
    ours = [k for k in KINDS.values() if k.area in ("packs", "settings")]
    assert len(ours) >= 10
    everything = "\n".join(PAGES.values())
    missing = [k.code for k in ours if f"`{k.code}`" not in everything]
    assert not missing, missing


def test_vary_pack_and_its_options_are_documented():
    for option in vary_pack.params:
        if option.name not in ("pack", "root"):
            flag = "--" + option.name.replace("_", "-")
            assert flag in PAGES["pack"], flag
    assert "lgds vary-pack" in PAGES["pack"]
