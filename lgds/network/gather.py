"""Fetching each regional site's events for ``lgds gather``: over HTTPS, with a time limit and a size
limit per site, checked by the same rules the build applies, then written whole or not at all.

A site that cannot be reached, answers with something other than its data, or sends data that breaks a
rule is reported, and its last good copy stays as it is; the other sites are gathered all the same.
http:// is refused except for 127.0.0.1 and localhost, so a test can serve a fork on this machine.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lgds.core.commands import replace_text
from lgds.core.problems import Problems
from lgds.network.checks import address_fault, on_site
from lgds.network.load import check_copy, copy_path
from lgds.network.models import RegionalSite

TIME_LIMIT = 20.0
"""Seconds a site may take to send its whole file."""
SIZE_LIMIT = 4_000_000
"""Bytes a site's file may hold: ten years of a busy group's events take a small part of this. Below
the build's limit on a copy (``jsonfile.MAX_COPY_BYTES``), which adds a few lines and indents."""
CHUNK = 65536


class Refused(Exception):
    """Why a site's file was not taken, in words for the report."""


@dataclass
class Outcome:
    """What gathering one site did."""

    site: RegionalSite
    path: str
    written: bool = False
    """True when the copy was created or changed (or would be, with --dry-run)."""
    events: int = 0
    failure: str = ""
    """Why the site's data was not taken; empty when it was."""
    problems: list[str] | None = None


class _SameSite(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another address on the same site."""

    def __init__(self, site: RegionalSite) -> None:
        self.site = site

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> Any:
        if not on_site(self.site, newurl):
            raise Refused(f"it redirected to {newurl}, which is not on the site")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(site: RegionalSite, time_limit: float = TIME_LIMIT, size_limit: int = SIZE_LIMIT) -> bytes:
    """The site's data file, or Refused saying why not."""
    fault = address_fault(site.address)
    if fault:
        raise Refused(f"its address cannot be used: {fault}")
    opener = urllib.request.build_opener(_SameSite(site))
    request = urllib.request.Request(
        site.data_url, headers={"Accept": "application/json", "User-Agent": "lgds-gather"}
    )
    deadline = time.monotonic() + time_limit
    try:
        with opener.open(request, timeout=time_limit) as answer:
            length = answer.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > size_limit:
                raise Refused(f"its file is {int(length):,} bytes, over the limit of {size_limit:,}")
            body = b""
            while chunk := answer.read(CHUNK):
                body += chunk
                if len(body) > size_limit:
                    raise Refused(f"its file is over the limit of {size_limit:,} bytes")
                if time.monotonic() > deadline:
                    raise Refused(f"it took longer than {time_limit:g} seconds to send its file")
            return body
    except urllib.error.HTTPError as exc:
        raise Refused(f"it answered {exc.code} {exc.reason} for {site.data_url}") from None
    except urllib.error.URLError as exc:
        raise Refused(f"it could not be reached at {site.data_url}: {exc.reason}") from None
    except TimeoutError:
        raise Refused(f"it did not answer within {time_limit:g} seconds") from None
    except OSError as exc:
        raise Refused(f"it could not be reached at {site.data_url}: {exc}") from None


def copy_text(site: RegionalSite, body: bytes, now: dt.datetime) -> tuple[str, dict[str, Any]]:
    """The copy to keep of the site's file: its data as sent, with where and when it was fetched."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise Refused(f"its file is not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise Refused("its file is not a JSON object")
    copy = {"group": site.group, "source": site.data_url, "gathered": now.isoformat(), "data": data}
    return json.dumps(copy, ensure_ascii=False, indent=1) + "\n", data


def gather_one(root: Path, site: RegionalSite, *, dry_run: bool, now: dt.datetime, **limits: Any) -> Outcome:
    """Fetch, check and (unless ``dry_run``) write one site's copy; a failure leaves the copy alone.

    The copy is checked exactly as the build will read it, so what gather writes never breaks a build.
    """
    path = copy_path(site)
    outcome = Outcome(site, path)
    try:
        text, data = copy_text(site, fetch(site, **limits), now)
    except Refused as exc:
        outcome.failure = str(exc)
        return outcome
    problems = Problems()
    if check_copy(site, text, path, problems) is None:
        outcome.failure = "its data breaks the rules, so the copy was not replaced"
        outcome.problems = [p.format() for p in problems]
        return outcome
    outcome.events = len(data["events"])
    target = root / path
    if _same_data(target, data):
        return outcome
    outcome.written = True
    if not dry_run:
        target.parent.mkdir(parents=True, exist_ok=True)
        replace_text(target, text)
    return outcome


def _same_data(target: Path, data: dict[str, Any]) -> bool:
    """True when the copy already holds this data, apart from the day the site was built."""
    if not target.is_file() or target.is_symlink():
        return False
    try:
        kept = json.loads(target.read_text(encoding="utf-8"))
        return isinstance(kept, dict) and _content(kept.get("data")) == _content(data)
    except (OSError, ValueError):
        return False


def _content(data: Any) -> Any:
    return {k: v for k, v in data.items() if k != "generated"} if isinstance(data, dict) else data
