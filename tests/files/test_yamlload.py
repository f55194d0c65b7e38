from __future__ import annotations

import pytest

from isodocs.files import yamlload
from isodocs.files.yamlload import YamlError, YList, YMap, line_of, parse


@pytest.fixture(autouse=True, params=["libyaml", "ruamel"])
def composer(request, monkeypatch):
    """Both composers must read every document the same way."""
    monkeypatch.setattr(yamlload, "COMPOSER", request.param)
    return request.param


def test_scalars_stay_the_text_written():
    data = parse("clauses: [5.10, 5.1, 7, 2026-03-02, 0o17, 1e3]\nversion: 2.0\nflag: true\nnone: ~\n")
    assert data["clauses"] == ["5.10", "5.1", "7", "2026-03-02", "0o17", "1e3"]
    assert data["version"] == "2.0"
    assert data["flag"] is True
    assert data["none"] is None


def test_quoted_true_stays_text():
    assert parse('a: "true"\nb: yes\n') == {"a": "true", "b": "yes"}


def test_lines_are_remembered():
    data = parse("a: 1\nb:\n  - x\n  - y\nc:\n  d: 2\n")
    assert isinstance(data, YMap) and isinstance(data["b"], YList)
    assert data.lines == {"a": 1, "b": 2, "c": 5}
    assert data["b"].lines == [3, 4]
    assert line_of(data, ["c", "d"], 0) == 6
    assert line_of(data, ["b", 1], 0) == 4


def test_duplicate_keys_are_refused_with_both_lines():
    with pytest.raises(YamlError) as raised:
        parse("owner: a\ntitle: t\nowner: b\n")
    assert raised.value.line == 3
    assert "first at line 1" in raised.value.message


def test_aliases_are_refused():
    with pytest.raises(YamlError, match="aliases"):
        parse("a: &x [1, 2]\nb: *x\n")


def test_tags_build_no_objects():
    assert parse("a: !!python/object:os.system ls\n") == {"a": "ls"}


def test_tab_indentation_is_explained():
    with pytest.raises(YamlError) as raised:
        parse("a:\n\t- b\n")
    assert "tab" in raised.value.message
    assert raised.value.line == 2


def test_deep_nesting_is_refused():
    with pytest.raises(YamlError, match="nesting"):
        parse("a: " + "[" * 100 + "]" * 100)


def test_explicit_string_tags_keep_the_text():
    assert parse("a: !!str true\nb: !!str ~\nc: true\nd:\n") == {"a": "true", "b": "~", "c": True, "d": None}


@pytest.mark.parametrize("text, names", [
    ("a: 1\nsoa: {applicable: false, justification: No offices, no server room}\n",
     ['justification: "No offices, no server room"', "block style"]),
    ("soa:\n  A.7.1: {applicable: false,\n    justification: Remote, no office}\n",
     ['justification: "Remote, no office"']),
    ("a: {k}\n", ["'k'", "block style"]),
])
def test_a_comma_inside_a_flow_mapping_says_what_happened_and_how_to_fix_it(text: str, names: list[str]):
    with pytest.raises(YamlError) as raised:
        parse(text, first_line=10)
    assert raised.value.line == 10 + text.count("\n") - 1
    assert "comma" in raised.value.message and all(name in raised.value.message for name in names)


def test_empty_values_and_quoted_commas_in_a_flow_mapping_stay_valid():
    assert parse("a: {applicable: , justification: }\nb: {x: 'a, b', y : 1}\n") == \
        {"a": {"applicable": None, "justification": None}, "b": {"x": "a, b", "y": "1"}}
