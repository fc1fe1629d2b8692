"""Broken content gives errors that name the file, the line, what was expected and a fix."""

from __future__ import annotations

from .conftest import ROOT, lgds, mkdocs_build

POINT_1 = "standard/1-understand-user-needs.md"


def point_1(front: str) -> str:
    body = (ROOT / POINT_1).read_text(encoding="utf-8").split("---", 2)[2]
    return f"---\n{front}---{body}"


def check(root) -> tuple[int, list[str]]:
    result = lgds("check", "--root", str(root))
    return result.returncode, (result.stdout + result.stderr).splitlines()


def test_clean_content_passes(kit):
    code, lines = check(kit())
    assert code == 0
    assert lines == ["All content is valid."]


def test_missing_title_names_the_file_and_line(kit):
    root = kit({POINT_1: point_1("number: 1\nsummary: Know your users.\nrelated: [10]\n")})
    code, lines = check(root)
    assert code == 1
    assert (
        f"{POINT_1}:2: error missing-field: `title` is missing; expected a line `title: ...` "
        "(the point's short title) (fix: add the `title` line; see the example in the docs for this kind of file)"
    ) in lines


def test_number_out_of_range_is_reported_at_its_line(kit):
    front = "title: Understand user needs\nsummary: Know your users.\nnumber: 16\n"
    code, lines = check(kit({POINT_1: point_1(front)}))
    assert code == 1
    assert any(
        line.startswith(f"{POINT_1}:4: error invalid-value: `number` is '16'")
        and "expected a whole number from 1 to 15" not in line
        or "less than or equal to 15" in line
        for line in lines
        if line.startswith(f"{POINT_1}:4:")
    )
    assert any(line.startswith("standard:") and "point 1 has no file" in line for line in lines)


def test_duplicate_number_names_both_files(kit):
    copy = (ROOT / "standard/2-have-a-multidisciplinary-team.md").read_text(encoding="utf-8")
    root = kit({"standard/2-copy.md": copy})
    code, lines = check(root)
    assert code == 1
    assert (
        "standard/2-have-a-multidisciplinary-team.md:2: error duplicate-point: point 2 is also defined in "
        "standard/2-copy.md; expected each number from 1 to 15 in exactly one file "
        "(fix: change the number in one of the two files, or delete the copy)"
    ) in lines


def test_malformed_yaml_is_reported_with_its_line(kit):
    front = "number: 1\ntitle: Understand user needs\nsummary: [unclosed\nrelated: [10]\n"
    code, lines = check(kit({POINT_1: point_1(front)}))
    assert code == 1
    syntax = [line for line in lines if "yaml-syntax" in line]
    assert len(syntax) == 1
    assert syntax[0].startswith(f"{POINT_1}:")
    assert "(fix: check the indentation and punctuation near this line" in syntax[0]


def test_unknown_field_suggests_the_right_name(kit):
    front = "number: 1\ntitel: Understand user needs\nsummary: Know your users.\n"
    code, lines = check(kit({POINT_1: point_1(front)}))
    assert code == 1
    assert any(
        line.startswith(f"{POINT_1}:3: error unknown-field: `titel` is not a field")
        and "did you mean 'title'?" in line
        for line in lines
    )


def test_all_problems_in_all_files_are_reported_together(kit):
    root = kit(
        {
            POINT_1: point_1("number: 1\nsummary: Know your users.\n"),
            "standard/2-have-a-multidisciplinary-team.md": point_1("number: 99\ntitle: X\nsummary: Y\n"),
        }
    )
    code, lines = check(root)
    assert code == 1
    assert any(line.startswith(POINT_1) for line in lines)
    assert any(line.startswith("standard/2-have") for line in lines)
    assert lines[-1].startswith("Found ") and "errors" in lines[-1]


def test_a_warning_fails_only_a_strict_check(kit):
    original = (ROOT / POINT_1).read_text(encoding="utf-8")
    root = kit({POINT_1: None, "standard/1-users.md": original})
    code, lines = check(root)
    assert code == 0
    assert any("file-name-mismatch" in line and "1-understand-user-needs.md" in line for line in lines)
    strict = lgds("check", "--strict", "--root", str(root))
    assert strict.returncode == 1


def test_a_build_with_bad_content_fails_and_writes_no_site(kit, tmp_path):
    root = kit({POINT_1: point_1("number: 1\nsummary: Know your users.\n")})
    out = tmp_path / "out"
    result = mkdocs_build(root, out)
    assert result.returncode != 0
    assert f"{POINT_1}:2: error missing-field" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def site_yml(site_url: str) -> dict[str, str]:
    """site.yml with ``site_url`` set, and the line it is on."""
    text = (ROOT / "site.yml").read_text(encoding="utf-8")
    assert text.count("\nsite_url:\n") == 1
    return {"site.yml": text.replace("\nsite_url:\n", f"\nsite_url: {site_url}\n")}


def site_url_line() -> int:
    lines = (ROOT / "site.yml").read_text(encoding="utf-8").splitlines()
    return lines.index("site_url:") + 1


def test_a_site_address_without_https_is_reported_at_its_line_with_an_example(kit):
    code, lines = check(kit(site_yml("your-account.github.io/your-copy")))
    assert code == 1
    assert (
        f"site.yml:{site_url_line()}: error invalid-value: `site_url` is 'your-account.github.io/your-copy': "
        "this is not a web address starting with https:// or http://; expected The web address the site is "
        "published at, starting with https://, so the sitemap, feeds and calendars can link to its pages "
        "(fix: write it like `site_url: https://your-account.github.io/your-copy/`)"
    ) in lines


def test_a_site_address_with_a_query_is_reported_at_its_line(kit):
    code, lines = check(kit(site_yml("https://your-account.github.io/your-copy/?page=1")))
    assert code == 1
    assert any(
        line.startswith(f"site.yml:{site_url_line()}: error invalid-value: `site_url`")
        and "cannot have a part after ? or #" in line
        for line in lines
    )


def test_a_site_address_without_its_last_slash_is_valid(kit):
    assert check(kit(site_yml("https://your-account.github.io/your-copy"))) == (0, ["All content is valid."])
