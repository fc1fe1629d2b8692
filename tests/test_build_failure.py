"""A failed build leaves no site behind.

MkDocs 1.6 in strict mode writes every page, then fails at the end if anything warned; a build that
stops at the content checks writes nothing but leaves the last good site where it was. Either way, a
publishing job that then uploads the folder would publish a half-made or stale site, so the content
hook removes it when a build fails (``on_build_error``). A preview keeps what it last showed.
"""

from __future__ import annotations

import gc
import importlib.util

from .conftest import BUILD_ENV, ROOT, build_in_process

LATE_HOOK = """
import logging


def on_post_build(config, **kwargs):
    logging.getLogger("mkdocs.plugins.late").warning("something went wrong after every page was written")
"""


def build(root, out, monkeypatch) -> tuple[int, str]:
    """``mkdocs build --strict``, in this process, as CI runs it: not ``-q``, which would hide warnings
    from the count that strict mode fails on."""
    for name in ("SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING"):
        monkeypatch.setenv(name, BUILD_ENV[name])
    return build_in_process(root, out, quiet=False)


def test_a_build_that_fails_after_writing_its_pages_leaves_no_site(kit, tmp_path, monkeypatch):
    settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooked = settings.replace("  - hooks/lgds_preview.py\n", "  - hooks/lgds_preview.py\n  - hooks/late.py\n")
    root = kit({"hooks/late.py": LATE_HOOK, "mkdocs.yml": hooked})
    out = tmp_path / "out"
    code, report = build(root, out, monkeypatch)
    assert code != 0 and "something went wrong after every page was written" in report
    assert not out.exists(), sorted(p.name for p in out.iterdir())[:5]


def test_a_build_stopped_by_the_checks_removes_the_last_site(kit, tmp_path, monkeypatch):
    event = "peer-groups/london/events/2027-02-10-reviewing-a-service-together.md"
    text = (ROOT / event).read_text(encoding="utf-8")
    root = kit({event: text.replace("status: confirmed", "status: sure")})
    out = tmp_path / "out"
    (out / "councils").mkdir(parents=True)
    (out / "index.html").write_text("the last good site", encoding="utf-8")
    (out / ".git").write_text("kept, as MkDocs keeps it", encoding="utf-8")
    code, report = build(root, out, monkeypatch)
    assert code != 0 and f"{event}:15: error invalid-value" in report
    assert sorted(p.name for p in out.iterdir()) == [".git"]
    assert gc.get_freeze_count() == 0  # what the build set aside from the cycle collector is given back


def test_a_build_that_succeeds_keeps_its_site(tmp_path, monkeypatch):
    out = tmp_path / "out"
    code, report = build(ROOT, out, monkeypatch)
    assert code == 0, report
    assert (out / "index.html").is_file() and (out / "councils" / "index.html").is_file()
    assert gc.get_freeze_count() == 0  # what the build set aside from the cycle collector is given back


def load_hook():
    spec = importlib.util.spec_from_file_location("lgds_site_hook", ROOT / "hooks" / "lgds_site.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_preview_keeps_what_it_last_showed_when_a_rebuild_fails(tmp_path):
    hook = load_hook()
    (tmp_path / "index.html").write_text("the page the preview shows", encoding="utf-8")
    hook.on_startup(command="serve", dirty=True)
    hook._output["site_dir"] = str(tmp_path)
    hook.on_build_error(error=RuntimeError("a rebuild failed"))
    assert (tmp_path / "index.html").is_file()
    hook.on_startup(command="build", dirty=False)
    hook.on_build_error(error=RuntimeError("a build failed"))
    assert not tmp_path.exists()
