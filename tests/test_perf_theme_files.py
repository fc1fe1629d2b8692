"""The theme's file listing, kept between preview rebuilds, is what Jinja lists, less hidden files."""

from __future__ import annotations

from pathlib import Path

import jinja2
import material

from lgds.preview.theme import ThemeListing

listing = ThemeListing().listing
MATERIAL = str(Path(material.__file__).parent / "templates")


def test_the_listing_is_jinjas_without_hidden_files(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    (overrides / "partials").mkdir(parents=True)
    (overrides / "partials" / "footer.html").write_text("x")
    (overrides / ".secret").write_text("x")
    searchpath = [str(overrides), MATERIAL]
    everything = jinja2.FileSystemLoader(searchpath).list_templates()
    assert any(n.startswith(".icons/") for n in everything)  # the icons MkDocs never copies
    assert listing(searchpath, tmp_path) == [n for n in everything if not n.startswith(".") and "/." not in n]


def test_a_file_added_to_the_project_theme_folder_is_listed_at_once(tmp_path: Path) -> None:
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    searchpath = [str(overrides), MATERIAL]
    assert "extra.css" not in listing(searchpath, tmp_path)
    (overrides / "extra.css").write_text("body {}")
    assert "extra.css" in listing(searchpath, tmp_path)
