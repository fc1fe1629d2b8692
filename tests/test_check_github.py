"""The pull request check: `lgds check --format github` writes GitHub annotations on the right file
and line, escaped as GitHub's workflow commands want, and a summary in plain words; the workflow
runs on every pull request and names the commands it runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lgds.core.escape import markdown_text
from lgds.core.problems import Problem, Severity
from lgds.sitewide.annotations import annotation, escape_data, escape_property
from tests.conftest import BUILD_ENV, ROOT, copy_kit

HOSTILE_EVENT = "peer-groups/london/events/2027-01-01-a,b:c%25.md"
EVENT = "peer-groups/london/events/2027-02-10-reviewing-a-service-together.md"


def run_check(kit: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lgds", "check", "--format", "github", *args],
        capture_output=True,
        text=True,
        cwd=kit,
        env={**BUILD_ENV, **(env or {})},
    )


def commands(out: str) -> list[str]:
    return [line for line in out.splitlines() if line.startswith("::")]


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with the kit in a folder, and three problems: two errors and a warning."""
    repo = tmp_path_factory.mktemp("repo")
    kit = copy_kit(repo / "site")
    event = (kit / EVENT).read_text(encoding="utf-8")
    assert "\nstatus: " in event
    lines = event.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("status: "))
    lines[at] = "status: maybe"
    (kit / EVENT).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (kit / HOSTILE_EVENT).write_text('---\ntitle: "100% ready"\n---\n', encoding="utf-8")
    settings = (kit / "site.yml").read_text(encoding="utf-8")
    (kit / "site.yml").write_text(settings.replace("\nexample_data: true\n", "\nexample_data: false\n"))
    return kit


def test_each_problem_is_an_annotation_on_its_file_and_line(broken: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = run_check(
        broken, env={"GITHUB_WORKSPACE": str(broken.parent), "GITHUB_STEP_SUMMARY": str(summary)}
    )
    assert result.returncode == 1
    found = commands(result.stdout)
    status_line = next(
        n for n, line in enumerate((broken / EVENT).read_text().splitlines(), 1) if line == "status: maybe"
    )
    wrong_status = [line for line in found if f"file=site/{EVENT.replace(':', '%3A')}," in line]
    assert len(wrong_status) == 1, found
    assert wrong_status[0].startswith(
        f"::error file=site/{EVENT},line={status_line},title=error invalid-value::"
    )
    assert "`status` is 'maybe'" in wrong_status[0]
    assert "How to fix it:" in wrong_status[0]
    # A file name with , : and % in it: each escaped in the property, so GitHub reads the whole name.
    hostile = "site/peer-groups/london/events/2027-01-01-a%2Cb%3Ac%2525.md"
    named = [line for line in found if line.startswith(f"::error file={hostile},line=1,")]
    assert named and all("::" not in line.split("::", 2)[1].replace("title=", "") for line in named)
    assert any("2027-01-01-a,b:c%2525.md" in line.split("::", 2)[2] for line in named)  # % in the message
    # Published without examples, but the contact address is an example: a warning, not an error.
    contact_line = next(
        n
        for n, line in enumerate((broken / "site.yml").read_text().splitlines(), 1)
        if line.startswith("contact_email:")
    )
    assert f"::warning file=site/site.yml,line={contact_line},title=warning owner-not-set::" in "\n".join(
        found
    )
    # Every problem in the plain report has exactly one annotation.
    plain = [line for line in result.stdout.splitlines() if ": error " in line or ": warning " in line]
    assert len(found) == len(plain) >= 4

    written = summary.read_text(encoding="utf-8")
    assert written.startswith("## Checking the site's files\n")
    assert "The site cannot be published until they are fixed" in written
    assert str(markdown_text(f"site/{EVENT}, line {status_line}")) in written
    assert "| --- | --- | --- |" in written


def test_strict_makes_a_warning_an_error(broken: Path) -> None:
    lines = commands(run_check(broken, "--strict").stdout)
    assert not any(line.startswith("::warning") for line in lines)
    assert any(line.startswith("::error file=site.yml,") and "owner-not-set" in line for line in lines)


def test_a_clean_kit_has_no_annotations_and_says_so(tmp_path: Path) -> None:
    kit = copy_kit(tmp_path / "kit")
    summary = tmp_path / "summary.md"
    result = run_check(kit, "--strict", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert commands(result.stdout) == []
    assert "Every content and data file is valid" in summary.read_text(encoding="utf-8")


def test_hostile_values_cannot_start_a_command_or_end_a_property() -> None:
    problem = Problem(
        path="a,b:c%.md",
        line=3,
        code="x",
        message="one\r\n::error file=evil.py,line=1::owned 100%",
        expected="two\nlines",
        fix="50% off",
        severity=Severity.ERROR,
    )
    line = annotation(problem, problem.path, strict=False)
    assert "\n" not in line and "\r" not in line
    assert line == (
        "::error file=a%2Cb%3Ac%25.md,line=3,title=error x::one%0D%0A::error file=evil.py,line=1::owned 100%25"
        "; expected two%0Alines. How to fix it: 50%25 off"
    )
    assert escape_data("%0A") == "%250A"  # already-escaped text stays as written
    assert (
        escape_data("a\x1b[31m ##[error]b") == "a\\x1b[31m #\\x23[error]b"
    )  # as every log line the kit writes
    assert escape_property("a:b,c") == "a%3Ab%2Cc"


def test_the_workflow_runs_the_check_and_a_strict_build_on_every_pull_request() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers
    assert workflow["permissions"] == {"contents": "read"}
    steps = workflow["jobs"]["check"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert "python3 dev.py setup" in runs
    assert ".venv/bin/lgds check --strict --format github" in runs
    assert "python3 dev.py build" in runs  # dev.py build is mkdocs build --strict
    assert runs.index(".venv/bin/lgds check --strict --format github") < runs.index("python3 dev.py build")
    assert any("GITHUB_STEP_SUMMARY" in run for run in runs)
    # The publishing workflow stays as it was: it runs on main, not on pull requests.
    publish = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert "pull_request" not in publish[True]
