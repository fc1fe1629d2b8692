"""Values from content files as links, CSV cells and log lines: each checked or made safe where it lands.

- a web or email address is whole and well-formed when it is loaded (``core.addresses``), and the
  same test decides what ``href`` writes, so the two never disagree;
- a CSV cell never opens as a formula (``core.spreadsheet``);
- no value starts a line a publishing service reads as a command (``core.logtext``).
"""

from __future__ import annotations

import io
import logging

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lgds.core import spreadsheet
from lgds.core.addresses import email_fault, web_address_fault
from lgds.core.escape import href
from lgds.core.logtext import DefuseFilter, defused, escaped
from lgds.core.problems import Problem

GOOD_WEB = [
    "https://www.example.gov.uk/digital",
    "http://example.org",
    "HTTPS://Example.ORG/a/b?c=d&e=f#g",
    "https://example.org:8443/path",
    "https://en.wikipedia.org/wiki/Bristol_(disambiguation)",
    "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0?context=%7b%22Tid%22%7d",
    "https://cy.wikipedia.org/wiki/Caerdydd_ŵ",
    "https://192.168.0.1/admin",
    "https://xn--bcher-kva.example/",
    "https://bücher.example/",
]
BAD_WEB = {
    "javascript:alert(1)": "starting with https://",
    "www.example.org": "starting with https://",
    "file:///etc/passwd": "starting with https://",
    "https://x.org/a)[y](javascript:alert(1)": "`[`",
    "https://user:password@example.org/": "name or password",
    "https://example.org@evil.example/": "name or password",
    "https:///path": "no site name",
    "https://": "no site name",
    "https://example.org/a b": "space",
    "https://example.org/a\nb": "space",
    "https://example.org/\x00": "control character",
    "https://example.org\\@evil.example": "backslash",
    "https://localhost/": "not a site name",
    "https://exa mple.org/": "space",
    "https://-bad-.example/": "not a site name",
    "https://example.org:99999/": "port",
    "https://example.org:/": "port",
    "https://example.org/a#b#c": "more than one #",
    "https://example.org/%zz": "hexadecimal",
    'https://example.org/"onmouseover="x': '`"`',
    "https://example.org/<script>": "`<`",
    "https://1.2.3/": "IP address",
    "https://" + "a" * 2000 + ".org": "longer than",
}
GOOD_EMAIL = ["group@example.org", "first.last@council.gov.uk", "o'neill+peer@example.org"]
BAD_EMAIL = {
    "mailto:group@example.org": "without `mailto:`",
    "group@example.org?subject=Hello": "after the @",
    "group@example.org,other@example.org": "exactly one @",
    "group@example.org other@example.org": "space",
    "<group@example.org>": "before the @",
    '"><script>"@example.org': "before the @",
    "group": "no @",
    "group@localhost": "after the @",
    "group@192.168.0.1": "after the @",
    ".group@example.org": "before the @",
    "gr..oup@example.org": "before the @",
}


@pytest.mark.parametrize("address", GOOD_WEB)
def test_a_whole_web_address_passes_and_is_written_as_one_link(address):
    assert web_address_fault(address) is None
    written = str(href(address))
    assert written != "#"
    assert not set(written) & set("()[]<>\"' \\`"), written


@pytest.mark.parametrize(("address", "said"), BAD_WEB.items(), ids=[a[:40] for a in BAD_WEB])
def test_a_broken_or_hostile_web_address_is_refused_in_words(address, said):
    fault = web_address_fault(address)
    assert fault and said in fault, fault
    assert str(href(address)) == "#"


@pytest.mark.parametrize("address", GOOD_EMAIL)
def test_an_email_address_passes(address):
    assert email_fault(address) is None
    assert str(href("mailto:" + address)).startswith("mailto:")


@pytest.mark.parametrize(("address", "said"), BAD_EMAIL.items())
def test_an_email_address_is_an_email_address_and_nothing_more(address, said):
    fault = email_fault(address)
    assert fault and said in fault, fault
    assert str(href("mailto:" + address.removeprefix("mailto:"))) == "#" or address.startswith("mailto:")


@given(st.text(max_size=60))
def test_href_and_the_loaders_agree_on_every_text(text):
    web = text.strip()
    assert (str(href(web)) == "#") == (web_address_fault(web) is not None) or web.lower().startswith(
        "mailto:"
    )


# --- CSV cells ---------------------------------------------------------------------------------------

CELLS = {
    "=1+1": "'=1+1",
    "+44 20 7946 0000": "'+44 20 7946 0000",
    "-2+3": "'-2+3",
    "@SUM(A1)": "'@SUM(A1)",
    "\tx": "'\tx",
    "\rx": "'\rx",
    '=HYPERLINK("https://evil.example","x")': '\'=HYPERLINK("https://evil.example","x")',
    "-6.4567": "-6.4567",
    "+2": "+2",
    "-12": "-12",
    "Camden": "Camden",
    "a=b": "a=b",
    "": "",
}


@pytest.mark.parametrize(("cell", "written"), CELLS.items())
def test_a_cell_that_would_open_as_a_formula_gets_an_apostrophe(cell, written):
    assert spreadsheet.defused(cell) == written


def test_a_csv_file_without_formulas_is_republished_byte_for_byte():
    text = 'code,name\nCMD,"Camden, London"\nABC,-6.1\n'
    assert spreadsheet.republished(text) == text
    assert (
        spreadsheet.republished("code,name\nX,=cmd|' /C calc'!A0\n") == "code,name\nX,'=cmd|' /C calc'!A0\n"
    )


# --- Log lines ---------------------------------------------------------------------------------------

HOSTILE_VALUES = [
    "x\n::add-mask::secret",
    "x\r::warning::y",
    "\n  ::stop-commands::token",
    "##[add-mask]secret",
    "a\x1b[31mred",
    "right\u202eto left",
    "line\u2028separator",
    "next\x85line",
]


def command_lines(text: str) -> list[str]:
    """Lines a GitHub Actions runner would read as workflow commands."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line for line in lines if line.lstrip().startswith("::") or "##[" in line]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_a_value_is_shown_escaped_on_one_line(value):
    shown = escaped(value)
    assert shown.isprintable() and "\n" not in shown and "##[" not in shown
    assert not command_lines(shown)


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_a_problem_line_never_starts_with_data(value):
    problem = Problem(
        f"peer-groups/{value}/index.md", 3, "unknown-field", f"`{value}` is odd", f"not {value}"
    )
    line = problem.format()
    assert line.startswith("peer-groups/") and "\n" not in line and not command_lines(line)
    at_root = Problem(f"::warning::{value}.md", 1, "code", "message").format()
    assert at_root.startswith("./::warning::") and not command_lines(at_root)


def test_a_message_of_several_lines_keeps_them_and_loses_its_commands():
    message = (
        "The content has problems:\nfile.md:1: error x\n::add-mask::secret\n  ::warning::y\nok ##[group]z"
    )
    safe = defused(message)
    assert safe.count("\n") == message.count("\n")
    assert not command_lines(safe)
    assert "file.md:1: error x" in safe


def test_a_handler_with_the_filter_writes_no_command():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(DefuseFilter())
    logger = logging.getLogger("lgds-test-defuse")
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    try:
        logger.warning("Doc file 'a\n::add-mask::%s' contains a link '%s'", "secret", "##[warning]x")
    finally:
        logger.removeHandler(handler)
    assert "secret" in stream.getvalue()
    assert not command_lines(stream.getvalue())
