"""Who runs the site: site.yml names the organisation and a contact address, lgds check holds a site
published for real to them, and the footer, the about page and the accessibility statement use them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from lgds.load import load_site
from tests.conftest import BUILD_ENV, copy_kit, read_page

ORGANISATION = "organisation: the maintainers of the LGDS kit\n"
CONTACT = "contact_email: lgds-kit-maintainers@example.org\n"


def settings_with(kit: Path, *changes: tuple[str, str]) -> Path:
    path = kit / "site.yml"
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return kit


def owner_problems(kit: Path) -> list[str]:
    _, problems = load_site(kit)
    return [p.format() for p in problems if p.code == "owner-not-set"]


def line_of(kit: Path, start: str) -> int:
    lines = (kit / "site.yml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(start))


def test_the_kit_itself_may_keep_its_example_address(tmp_path: Path) -> None:
    assert owner_problems(copy_kit(tmp_path / "kit")) == []


def test_a_site_published_for_real_must_say_who_runs_it(tmp_path: Path) -> None:
    kit = settings_with(copy_kit(tmp_path / "kit"), ("example_data: true", "example_data: false"))
    line = line_of(kit, "contact_email:")
    assert owner_problems(kit) == [
        f"site.yml:{line}: warning owner-not-set: the site is published without examples, but "
        "`contact_email` is an example address that reaches nobody, so readers cannot tell who runs it or "
        "how to reach them; expected the organisation that runs the site in `organisation`, and an email "
        "address that reaches it in `contact_email` (fix: set `contact_email` in site.yml, for example "
        "`contact_email: peer-group@your-council.gov.uk`)"
    ]
    settings_with(kit, (ORGANISATION, "organisation:\n"), (CONTACT, "contact_email: ''\n"))
    found = owner_problems(kit)
    assert len(found) == 2 and all("is empty" in p for p in found), found
    settings_with(
        kit,
        ("organisation:\n", "organisation: the Midlands peer group's organisers\n"),
        ("contact_email: ''\n", "contact_email: peer-group@your-council.gov.uk\n"),
    )
    assert owner_problems(kit) == []


@pytest.mark.parametrize(
    "address", ["someone@example.com", "x@mail.example.org", "x@council.test", "x@anything.example"]
)
def test_addresses_at_example_domains_count_as_examples(tmp_path: Path, address: str) -> None:
    kit = settings_with(
        copy_kit(tmp_path / "kit"),
        ("example_data: true", "example_data: false"),
        (CONTACT, f"contact_email: {address}\n"),
    )
    assert len(owner_problems(kit)) == 1


def test_the_published_build_stops_at_the_warning(tmp_path: Path) -> None:
    """`dev.py build` is `mkdocs build --strict`, without -q (which would hide warnings from --strict)."""
    kit = settings_with(copy_kit(tmp_path / "kit"), ("example_data: true", "example_data: false"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        cwd=kit,
        env=BUILD_ENV,
    )
    assert result.returncode != 0
    assert "warning owner-not-set" in result.stderr


def test_every_page_footer_says_who_runs_the_site(built_site: Path) -> None:
    for url in ("/", "/councils/cmd/", "/reference/errors/", "/404.html"):
        page = read_page(built_site, url)
        footer = page[page.index('class="md-copyright lgds-footer"') :]
        assert "This site is run by\n      the maintainers of the LGDS kit." in footer, url
        assert 'href="mailto:lgds-kit-maintainers@example.org"' in footer, url
        assert "(an example address: whoever publishes this site sets their own)" in footer, url
        assert re.search(r'href="[^"]*accessibility/"', footer), url


def test_the_about_page_and_statement_name_the_owner_and_contact(built_site: Path) -> None:
    about = read_page(built_site, "/about/")
    assert "<p>This site is run by the maintainers of the LGDS kit." in about
    statement = read_page(built_site, "/accessibility/")
    for page in (about, statement):
        assert '<a href="mailto:lgds-kit-maintainers@example.org">' in page
        assert "This email address is an example and reaches nobody." in page


def test_the_statement_follows_the_model_statement(built_site: Path) -> None:
    statement = " ".join(re.sub(r"<[^>]+>", " ", read_page(built_site, "/accessibility/")).split())
    for heading in (
        "How accessible this website is",
        "Reporting accessibility problems with this website",
        "Enforcement procedure",
        "Compliance status",
        "Non-accessible content",
        "Disproportionate burden",
        "How we test this website",
        "Preparation of this statement",
    ):
        assert heading in statement, heading
    assert (
        "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA"
        in (statement)
    )
    assert "Equality and Human Rights Commission (EHRC)" in statement
    assert "Equality Commission for Northern Ireland" in statement
    assert re.search(
        r"prepared on \d{1,2} [A-Z][a-z]+ \d{4}\. It was last reviewed on \d{1,2} [A-Z][a-z]+ \d{4}",
        statement,
    )


def test_values_from_site_yml_are_escaped_where_they_land(tmp_path: Path) -> None:
    organisation = 'Smith & Jones *"quoted"* [link](https://example.org)'
    kit = settings_with(
        copy_kit(tmp_path / "kit"),
        (ORGANISATION, f"organisation: '{organisation}'\n"),
        ("organisation_url:\n", "organisation_url: https://example.org/a?b=1&c=2\n"),
    )
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(out)],
        capture_output=True,
        text=True,
        cwd=kit,
        env=BUILD_ENV,
    )
    assert result.returncode == 0, result.stderr
    escaped = "Smith &amp; Jones *&#34;quoted&#34;* [link](https://example.org)"
    footer = read_page(out, "/")
    assert f'<a href="https://example.org/a?b=1&amp;c=2">{escaped}</a>' in footer
    about = read_page(out, "/about/")
    assert 'Smith &amp; Jones *"quoted"* [link](https://example.org)</a>' in about  # no emphasis, no link
    assert "<em>" not in about.split('id="who-runs-this-site"')[1]
