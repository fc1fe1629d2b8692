"""The JSON Schemas agree with the checks, as an editor sees them.

Editors check each file against its schema as the contributor types (Visual Studio Code's YAML
extension, set up as the README says). So every file the kit ships must pass its schema in a standard
validator (the ``jsonschema`` library, with the formats checked as such an editor checks them); the bad
inputs that ``tests/test_quality_bad_input.py`` feeds the checks must fail it, wherever a schema can say
what is wrong; and every schema must be one that strict validators accept: valid against its
metaschema, only keywords of its draft, and patterns that are regular expressions in JavaScript's
syntax, which those validators use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from lgds.core.problems import Problems
from lgds.core.sources import parse_yaml, split_front_matter
from lgds.sitewide.schemas import SCHEMAS, schema_for

from .conftest import ROOT
from .test_quality_bad_input import CASES

FILES = {
    "point": ["standard/[0-9]*.md"],
    "signup": ["data/signups/*.yml"],
    "group": ["peer-groups/*/group.yml"],
    "event": ["peer-groups/*/events/*.md"],
    "pack": ["franchise-kit/packs/*/pack.yml", "peer-groups/*/packs/*/pack.yml"],
    "rounds": ["franchise-kit/rounds.yml"],
    "site": ["site.yml"],
    "review": ["reviews/*/*.md"],
}
"""Which of the kit's files each schema describes (the Markdown ones by their front matter)."""

FORMATS = FormatChecker()
"""The formats as an editor's validator checks them: ``time`` and ``date-time`` as RFC 3339 has them
(``10:00`` is not one), ``uri`` with a scheme, ``date`` as a day in the calendar."""


@FORMATS.checks("time")
def _rfc3339_time(value: object) -> bool:
    full = r"([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
    return not isinstance(value, str) or re.fullmatch(full, value) is not None


@FORMATS.checks("uri")
def _uri(value: object) -> bool:
    return not isinstance(value, str) or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:\S", value) is not None


@FORMATS.checks("date")
def _date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    try:
        return re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value) is not None and bool(
            date.fromisoformat(value)
        )
    except ValueError:
        return False


KEYWORDS = {
    # JSON Schema 2020-12: core, applicators, validation, meta-data, format and content vocabularies
    *("$schema", "$id", "$ref", "$defs", "$anchor", "$dynamicRef", "$dynamicAnchor", "$comment"),
    *("allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "prefixItems"),
    *("items", "contains", "properties", "patternProperties", "additionalProperties", "propertyNames"),
    *("unevaluatedItems", "unevaluatedProperties", "type", "enum", "const", "multipleOf", "maximum"),
    *("exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern"),
    *("maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties"),
    *("minProperties", "required", "dependentRequired", "title", "description", "default"),
    *("deprecated", "readOnly", "writeOnly", "examples", "format", "contentEncoding", "contentMediaType"),
}
KNOWN_FORMATS = {"date", "time", "date-time", "uri", "email"}
"""Formats every common validator knows; a strict one refuses a schema with any other."""


def data_of(path: str, text: str) -> Any:
    """What a file holds as an editor reads it: YAML 1.2, of the front matter for a Markdown file."""
    if path.endswith(".md"):
        parts = split_front_matter(text)
        assert parts is not None, path
        text = parts[0]
    source = parse_yaml(text, path, Problems())
    assert source is not None, f"{path} cannot be read"
    return source.data


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(schema_for(name), format_checker=FORMATS)


def shipped() -> Iterator[tuple[str, str]]:
    for name, patterns in FILES.items():
        for pattern in patterns:
            for path in sorted(ROOT.glob(pattern)):
                yield name, path.relative_to(ROOT).as_posix()


def subschemas(schema: Any) -> Iterator[dict[str, Any]]:
    """Every schema object inside ``schema``, itself included, skipping values that are data."""
    if not isinstance(schema, dict):
        return
    yield schema
    for key, value in schema.items():
        if key in ("properties", "$defs", "patternProperties", "dependentSchemas"):
            for inner in value.values():
                yield from subschemas(inner)
        elif key in ("allOf", "anyOf", "oneOf", "prefixItems"):
            for inner in value:
                yield from subschemas(inner)
        elif key in ("items", "additionalProperties", "not", "if", "then", "else", "contains"):
            yield from subschemas(value)


SYNTAX = set("^$\\.*+?()[]{}|/")
CLASS_ESCAPES = set("dDwWsSnrtfv0") | {"-"}
ESCAPES = set("dDwWsSbBnrtfv0")


def javascript_regex_problem(pattern: str) -> str:
    """What JavaScript's ``u`` (Unicode) mode, which strict validators use, refuses in ``pattern``."""
    i, in_class, groups = 0, False, pattern.count("(") - pattern.count("(?")
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            nxt = pattern[i + 1 : i + 2]
            if nxt == "x" and re.match(r"[0-9a-fA-F]{2}", pattern[i + 2 :]):
                i += 4
                continue
            if nxt == "u" and re.match(r"[0-9a-fA-F]{4}|\{[0-9a-fA-F]+\}", pattern[i + 2 :]):
                i += 2
                continue
            if nxt in "pP" and pattern[i + 2 : i + 3] == "{":
                i += 2
                continue
            if nxt.isdigit() and nxt != "0" and not in_class and int(nxt) <= groups:
                i += 2
                continue
            allowed = SYNTAX | (CLASS_ESCAPES if in_class else ESCAPES)
            if nxt not in allowed:
                return f"`\\{nxt}` at {i} is not an escape JavaScript allows here"
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
        elif char == "]":
            return f"a lone `]` at {i}"
        elif char == "{" and not re.match(r"\{[0-9]+(,[0-9]*)?\}", pattern[i:]):
            return f"a lone `{{` at {i}"
        elif char == "}" and not re.search(r"\{[0-9]+(,[0-9]*)?$", pattern[:i]):
            return f"a lone `}}` at {i}"
        i += 1
    return ""


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_each_schema_is_one_that_strict_validators_accept(name):
    schema = schema_for(name)
    Draft202012Validator.check_schema(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for inner in subschemas(schema):
        unknown = set(inner) - KEYWORDS
        assert not unknown, f"{name}: keywords that are not JSON Schema 2020-12's: {unknown}"
        if "format" in inner:
            assert inner["format"] in KNOWN_FORMATS, f"{name}: format {inner['format']!r}"
        if "pattern" in inner:
            re.compile(inner["pattern"])
            assert javascript_regex_problem(inner["pattern"]) == "", (name, inner["pattern"])


def test_the_javascript_check_refuses_what_javascript_refuses():
    assert javascript_regex_problem(r"^[a-z0-9]+(?:-[a-z0-9]+)*$") == ""
    assert javascript_regex_problem(r"^[^@\s<>\"']+$")  # the group schema's email pattern before
    assert javascript_regex_problem(r"a\-b")  # `\-` only inside a class
    assert javascript_regex_problem(r"x{")
    assert javascript_regex_problem(r"\_") and javascript_regex_problem(r"\e")
    assert javascript_regex_problem(r"[\-\]]") == ""
    assert javascript_regex_problem(r"^\d{1,2}:\d{2}\.\u00e9$") == ""


@pytest.mark.parametrize("name,path", list(shipped()), ids=lambda v: v if "/" in v or "." in v else "")
def test_every_file_the_kit_ships_passes_its_schema(name, path):
    data = data_of(path, (ROOT / path).read_text(encoding="utf-8-sig"))
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(data)]
    assert errors == [], f"{path} fails the {name} schema, so an editor would flag it"


def test_every_schema_describes_files_the_kit_ships():
    counts = {name: 0 for name in SCHEMAS}
    for name, _ in shipped():
        counts[name] += 1
    assert all(counts.values()), counts


def test_an_event_time_as_the_docs_write_it_passes_and_a_wrong_one_fails():
    event = validator("event")
    base = data_of(CASES_BY_PATH_EVENT, (ROOT / CASES_BY_PATH_EVENT).read_text(encoding="utf-8"))
    for written in ("10:00", "9:30", "23:59"):
        assert event.is_valid({**base, "start": written}), written
    for wrong in ("25:00", "10:60", "10.00", "10:00:00Z"):
        assert not event.is_valid({**base, "start": wrong}), wrong


CASES_BY_PATH_EVENT = "peer-groups/london/events/2027-02-10-reviewing-a-service-together.md"

SAID_BY_A_SCHEMA = {
    "invalid-value",
    "missing-field",
    "unknown-field",
    "bad-related-point",
    "pack-unknown-point",
    "unknown-region",
}
"""Problems a schema can say; the rest need other files (a council's code, a pack's folder) or sums."""


def _schema_of(path: str) -> str | None:
    for name, patterns in FILES.items():
        if any(Path(path).match(pattern) for pattern in patterns):
            return name
    return None


REJECTED = [
    pytest.param(case, path, id=case.id)
    for case in CASES
    if case.code in SAID_BY_A_SCHEMA
    for path, content in case.files.items()
    if isinstance(content, str) and path == case.path and _schema_of(path)
]


@pytest.mark.parametrize("case,path", REJECTED)
def test_what_the_checks_refuse_the_schema_refuses(case, path):
    data = data_of(path, case.files[path])
    assert not validator(_schema_of(path)).is_valid(data), f"{case.id}: an editor would not flag this"


def test_the_bad_input_table_gives_the_schemas_enough_to_refuse():
    assert len(REJECTED) >= 40


def test_the_readme_editor_settings_map_each_schema_to_the_files_it_describes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r'```json\n(\{\n  "yaml\.schemas".*?)```', readme, re.DOTALL)
    assert block, "the README's editor settings are not where this test looks"
    mapping = json.loads(block.group(1))["yaml.schemas"]
    for schema, globs in mapping.items():
        name = Path(schema).name.removesuffix(".schema.json")
        assert (ROOT / schema).is_file(), schema
        for pattern in [globs] if isinstance(globs, str) else globs:
            matched = sorted(ROOT.glob(pattern))
            assert matched, f"{pattern} matches no file"
            for path in matched:
                rel = path.relative_to(ROOT).as_posix()
                assert _schema_of(rel) == name, f"the README maps {rel} to the {name} schema"
