"""The network end to end: a regional fork publishes its events, the national site gathers them over
HTTP from a real server on this machine, and shows them; then the fork goes away and comes back with
bad data, and the national site still builds with the last good copy and says plainly what failed."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup

from .conftest import ROOT, copy_kit, lgds, mkdocs_build, read_page

OWN_EVENT = """---
title: Regional meet-up about forms
date: 2027-05-05
start: "10:00"
end: "12:00"
venue:
  name: Fork Hall
online: https://meet.example.net/join/forms
status: confirmed
---

Only the regional site holds this event.
"""
OWN_ID = "2027-05-05-regional-meet-up.midlands@lgds-kit"
SHARED_TITLE = "User research on a budget"
"""A Midlands event the national site holds too: it must appear there once."""


class Server:
    """A real HTTP server on 127.0.0.1 serving a folder that can be changed or taken away."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        outer = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args: object, **kwargs: object) -> None:
                super().__init__(*args, directory=str(outer.folder), **kwargs)  # type: ignore[arg-type]

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.address = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    work = tmp_path_factory.mktemp("network")
    server = Server()
    try:
        settings = (ROOT / "site.yml").read_text(encoding="utf-8")
        settings = settings.replace("\ngroup:\n", "\ngroup: midlands\n").replace(
            "\nsite_url:\n", f"\nsite_url: {server.address}\n"
        )
        fork = copy_kit(
            work / "fork",
            {"site.yml": settings, "peer-groups/midlands/events/2027-05-05-regional-meet-up.md": OWN_EVENT},
        )
        fork_site = work / "fork-site"
        result = mkdocs_build(fork, fork_site)
        assert result.returncode == 0, result.stderr
        server.folder = fork_site
        line = f'  - {{name: Midlands regional site, group: midlands, address: "{server.address}"}}\n'
        national = copy_kit(work / "national", {"network.yml": "sites:\n" + line})
        gathered = lgds("gather", "--root", str(national))
        yield {
            "server": server,
            "national": national,
            "gathered": gathered,
            "work": work,
            "fork_site": fork_site,
        }
    finally:
        server.stop()


@functools.cache
def _national_build(root: Path, out: Path) -> Path:
    result = mkdocs_build(root, out)
    assert result.returncode == 0, result.stderr
    return out


def built(network: dict[str, object]) -> Path:
    return _national_build(network["national"], network["work"] / "national-site")  # type: ignore[arg-type,operator]


def test_the_fork_publishes_only_its_own_groups_events_with_full_addresses(network):
    data = json.loads((network["fork_site"] / "data" / "events.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["group"] == "midlands"
    assert {e["group"] for e in data["events"]} == {"midlands"}
    own = next(e for e in data["events"] if e["id"] == OWN_ID)
    assert (
        own["page"] == network["server"].address + "peer-groups/midlands/events/2027-05-05-regional-meet-up/"
    )
    assert own["start"] == "10:00" and own["online"] == "https://meet.example.net/join/forms"


def test_gather_writes_the_copy_and_says_so(network):
    result = network["gathered"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "wrote data/network/midlands.json" in result.stdout
    copy = json.loads((network["national"] / "data/network/midlands.json").read_text(encoding="utf-8"))
    assert copy["source"] == network["server"].address + "data/events.json"
    assert OWN_ID in {e["id"] for e in copy["data"]["events"]}


def test_a_dry_run_fetches_and_checks_and_writes_nothing(network):
    line = f'  - {{name: Midlands regional site, group: midlands, address: "{network["server"].address}"}}\n'
    fresh = copy_kit(network["work"] / "dry-run", {"network.yml": "sites:\n" + line})
    result = lgds("gather", "--dry-run", "--root", str(fresh))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "would write data/network/midlands.json" in result.stdout
    assert not (fresh / "data/network").exists()


def test_gathered_events_appear_on_national_pages_linking_to_the_fork(network):
    out = built(network)
    page = network["server"].address + "peer-groups/midlands/events/2027-05-05-regional-meet-up/"
    for url in ("/events/", "/peer-groups/midlands/"):
        html = BeautifulSoup(read_page(out, url), "html.parser")
        links = [a for a in html.find_all("a") if a.get_text() == "Regional meet-up about forms"]
        assert [a["href"] for a in links] == [page], url
        entry = links[0].find_parent("li")
        assert "From Midlands regional site" in entry.get_text()
        # Held by both sites: listed once, as the national site's own (a group page also shows it as next).
        listed = [li for li in html.select("ul.lgds-events li") if SHARED_TITLE in li.get_text()]
        assert len(listed) == 1, url
        assert not listed[0].find("a")["href"].startswith("http"), url
    assert not (out / "peer-groups/midlands/events/2027-05-05-regional-meet-up").exists()
    network_page = read_page(out, "/network/")
    assert "Midlands regional site" in network_page


def test_gathered_events_are_in_the_national_and_regional_calendars_and_the_feed(network):
    out = built(network)
    for feed in ("events.ics", "peer-groups/midlands/events.ics"):
        cal = icalendar.Calendar.from_ical((out / feed).read_bytes())
        events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
        assert OWN_ID in events, feed
        assert "From Midlands regional site." in str(events[OWN_ID]["DESCRIPTION"])
        uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
        assert len(uids) == len(set(uids)), feed
    atom = (out / "events.atom").read_text(encoding="utf-8")
    assert network["server"].address + "peer-groups/midlands/events/2027-05-05-regional-meet-up/" in atom
    # The join link points off the fork's site, so the national site links to the event's page instead.
    assert "meet.example.net" not in atom and "meet.example.net" not in (out / "events.ics").read_text()


def test_an_unreachable_fork_and_bad_data_keep_the_last_good_copy(network):
    built(network)  # the good build first, as the tests above see it
    national, server = network["national"], network["server"]
    copy = national / "data/network/midlands.json"
    good = copy.read_bytes()
    server.folder = network["work"] / "nothing-here"
    server.folder.mkdir()
    gone = lgds("gather", "--root", str(national))
    assert gone.returncode == 1
    assert "failed Midlands regional site" in gone.stdout and "404" in gone.stdout
    assert "keeps its last good copy" in gone.stdout
    bad = network["work"] / "bad"
    (bad / "data").mkdir(parents=True)
    published = json.loads((network["fork_site"] / "data/events.json").read_text(encoding="utf-8"))
    foreign = json.loads(json.dumps(published))
    foreign["events"][0]["page"] = "https://elsewhere.example.com/phishing/"
    hostile = json.loads(json.dumps(published))
    hostile["events"][-1]["title"] = "<script>alert(1)</script>"
    server.folder = bad
    for data, said in (
        (foreign, "gathered-foreign-page"),
        (hostile, "without HTML tags"),
        (None, "not JSON"),
    ):
        text = json.dumps(data) if data else "<html>Not found</html>"
        (bad / "data/events.json").write_text(text, encoding="utf-8")
        refused = lgds("gather", "--root", str(national))
        assert refused.returncode == 1
        assert said in refused.stdout and "keeps its last good copy" in refused.stdout, refused.stdout
    assert copy.read_bytes() == good
    out = mkdocs_build(national, network["work"] / "after")
    assert out.returncode == 0, out.stderr
    assert "Regional meet-up about forms" in read_page(network["work"] / "after", "/events/")
