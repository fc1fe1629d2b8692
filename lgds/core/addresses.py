"""Whether text is a whole web or email address, and if not, why, in words.

The same tests run when a file is loaded (``core.fields``: ``WebLink``, ``Email``) and when an address
is written into a page (``core.escape.href``), so the two can never disagree. A web address is
``https://`` or ``http://``, a real host name, and a path, query and fragment made only of the
characters a web address may hold; an email address is one address and nothing more.
"""

from __future__ import annotations

import re

MAX_LENGTH = 2000
"""Longer than any real link; browsers and servers refuse longer ones."""

SCHEME = re.compile(r"^(https?)://", re.IGNORECASE)
LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")
TOP_LEVEL = re.compile(r"^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$")
IPV4 = re.compile(r"^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$")
PORT = re.compile(r"^[1-9]\d{0,4}$")

NOT_URL_CHARACTER = re.compile(r"[^A-Za-z0-9\-._~!$&'()*+,;=:@/?#%\x80-\U0010ffff]")
"""What RFC 3986 does not allow after the host, letters of other alphabets aside (they are encoded
when written): ``[`` and ``]`` belong only around an IPv6 host, and ``#`` starts the fragment once."""
PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")

LOCAL_PART = re.compile(r"^[A-Za-z0-9_+'-]+(?:\.[A-Za-z0-9_+'-]+)*$")
"""Before the @ of an email address: letters, digits and ``_ + ' -``, with single dots between."""

EMAIL_PATTERN = (
    r"^[A-Za-z0-9_+'-]+(?:\.[A-Za-z0-9_+'-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$"
)
"""The same rule as :func:`email_fault`, for JSON Schemas (editors check with it)."""


def web_address_fault(text: str) -> str | None:
    """Why ``text`` is not a whole ``https:`` or ``http:`` address, or ``None`` when it is one."""
    if len(text) > MAX_LENGTH:
        return f"this is longer than {MAX_LENGTH:,} characters, which no real web address is"
    blank = _blank_or_control(text)
    scheme = SCHEME.match(text)
    if not scheme:
        return "this is not a web address starting with https:// or http://"
    if blank:
        return blank
    if "\\" in text:
        return "this has a backslash (\\) in it; web addresses use forward slashes (/)"
    rest = text[scheme.end() :]
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    after = rest[len(authority) :]
    if "@" in authority:
        return "this has a name or password before an @ in front of the site's name; leave them out"
    host, _, port = authority.partition(":")
    if not host:
        return f"there is no site name after {scheme.group(0)}"
    fault = host_fault(host)
    if fault:
        return fault
    if port and not (PORT.match(port) and int(port) <= 65535) or authority.endswith(":"):
        return f"the port after `{host}:` is not a number from 1 to 65535"
    return _path_fault(after)


def host_fault(host: str) -> str | None:
    """Why ``host`` is not a host name (``www.example.gov.uk``) or an IPv4 address, or ``None``."""
    if IPV4.match(host):
        return None
    if host.isascii():
        ascii_host = host
    else:
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return f"`{host}` is not a site name such as www.example.gov.uk"
    if re.fullmatch(r"[\d.]+", host):
        return f"`{host}` is not a site name such as www.example.gov.uk, nor a whole IP address"
    labels = ascii_host.split(".")
    if len(labels) < 2 or not all(LABEL.match(label) for label in labels) or not TOP_LEVEL.match(labels[-1]):
        return f"`{host}` is not a site name such as www.example.gov.uk"
    return None


def _path_fault(after: str) -> str | None:
    if after.count("#") > 1:
        return "this has more than one #; a web address has at most one, before the part of the page to show"
    bad = NOT_URL_CHARACTER.search(after)
    if bad:
        char = bad.group(0)
        return (
            f"this has the character `{char}`, which a web address cannot hold as it is "
            f"(written as %{ord(char):02X} it can)"
        )
    if PERCENT.search(after):
        return "this has a % that is not followed by two hexadecimal digits, as in %20"
    return None


def email_fault(text: str) -> str | None:
    """Why ``text`` is not one email address and nothing more, or ``None`` when it is."""
    if text.lower().startswith("mailto:"):
        return "write just the address, without `mailto:` in front"
    blank = _blank_or_control(text)
    if blank:
        return blank
    if text.count("@") != 1:
        return "an email address has exactly one @" if "@" in text else "this has no @"
    local, domain = text.split("@")
    if not local or len(local) > 64 or not LOCAL_PART.match(local):
        return "the part before the @ can hold only letters, digits, single dots and the characters _ + ' -"
    if len(text) > 254:
        return "this is longer than 254 characters, which no email address is"
    if not domain.isascii() or IPV4.match(domain) or host_fault(domain):
        return f"`{domain}` after the @ is not a site name such as example.gov.uk"
    return None


def _blank_or_control(text: str) -> str | None:
    if any(c.isspace() for c in text):
        return "this has a space or a line break in it"
    if not text.isprintable():
        return "this has a control character in it"
    return None
