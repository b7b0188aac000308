"""The lexicon: the vocabularies of a parse as one frozen object, extended for one run."""

from __future__ import annotations

import math

import pytest

import briefing
from briefing.kinds import APPROXIMATIONS, CHANGE_KINDS, KINDS
from briefing.lexicon import Lexicon, LexiconError
from briefing.schema import categories, field

from .helpers import HEADER

TEXT = "Power generation reached 9.2 TWh in September, and wind farms produced 9.2TWh.\n"


def _figures(lexicon=None):
    return briefing.parse(HEADER + TEXT, source="<test>", lexicon=lexicon).figures


def test_added_unit_reads_spaced_and_glued():
    lex = Lexicon.bundled().with_units({"TWh": ["terawatt-hours", "TWh"]})
    f = _figures(lex)
    assert list(f["surface"]) == ["9.2 TWh", "9.2TWh"]
    assert list(f["unit"]) == ["TWh", "TWh"]
    assert all(math.isclose(v, 9.2) for v in f["value"])


def test_bundled_lexicon_unchanged_after_an_extension():
    Lexicon.bundled().with_units([{"unit": "TWh", "words": ["TWh"], "description": "terawatt-hours"}])
    assert Lexicon.bundled().unit_of("TWh") is None
    f = _figures()
    # without the unit, "9.2 TWh" is a count and "9.2TWh" a name (no figure)
    assert list(f["surface"]) == ["9.2"]
    assert list(f["unit"]) == ["count"]


def test_more_words_for_a_known_unit():
    lex = Lexicon.bundled().with_units({"GW": ["gigawatt-scale"]})
    assert lex.unit_of("gigawatt-scale") == "GW"
    assert lex.unit_of("gigawatts") == "GW"
    assert lex.unit_names.count("GW") == 1


@pytest.mark.parametrize(
    ("units", "message"),
    [
        ({"TWh": []}, "no words"),
        ({"TWh": "TWh"}, "list of strings"),
        ({"": ["TWh"]}, "non-empty string"),
        ({"TWh": ["GW"]}, "already stands for unit 'GW'"),
        ({"TWh": ["million"]}, "scale word"),
        ({"TWh": [" TWh"]}, "outer spaces"),
        ([{"unit": "TWh", "words": ["TWh"], "kind": "velocity"}], "unknown kind 'velocity'"),
        ([{"unit": "TWh", "word": ["TWh"]}], "unknown keys"),
        ("TWh", "mapping unit -> words"),
    ],
)
def test_bad_extension_raises_a_clear_error(units, message):
    with pytest.raises(LexiconError, match=message):
        Lexicon.bundled().with_units(units)


def test_lexicon_is_frozen():
    lex = Lexicon.bundled()
    with pytest.raises(AttributeError):
        lex.units = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        lex.units["units"] = ()  # type: ignore[index]


def test_kinds_table_is_the_field_dictionary_categories():
    # the kind and approx columns take their categories from data/kinds.yml: adding a kind is one edit
    assert field("figures", "kind")["categories_from"] == "kinds"
    assert categories("figures", "kind") == tuple(KINDS)
    assert categories("figures", "approx") == tuple(APPROXIMATIONS)
    assert CHANGE_KINDS == ("growth", "pp_change", "change")
    assert KINDS["pp_change"].label == "change, pp"
    assert APPROXIMATIONS["more_than"].words == "more than "


# --- layout words for one run (issue 12) ---------------------------------------------------------------

PAGE = (
    HEADER  # ends with the label "Zhao Zhiguo:"
    + "Good afternoon. Output rose 4% in September.\n\n"
    + "Listen to this article\n\n"
    + "Sir Alan Brown:\n\nThank you. Exports grew 2% in September.\n"
)


def _parse(lexicon=None):
    return briefing.parse(PAGE, source="<test>", lexicon=lexicon)


def test_added_chrome_line_ends_the_turn_and_is_not_speech():
    plain = _parse()
    # the bundled lexicon does not know the line: it is part of the chair's speech
    assert "Listen to this article" in plain.turns["text"].iloc[0]
    lex = Lexicon.bundled().with_layout(chrome=["listen to this article$"])
    b = _parse(lex)
    assert all("Listen to this article" not in t for t in b.turns["text"])
    assert list(b.figures["surface"]) == ["4%", "2%"]


LISTED = HEADER.replace(
    "Chairperson:", "Sir Alan Brown, director of the Statistics Department of the Ministry\n\nChairperson:"
)


def _listed_names(lexicon=None):
    b = briefing.parse(LISTED + "Output rose 4% in September.\n", source="<test>", lexicon=lexicon)
    return set(b.speakers["name"])


def test_added_honorific_is_taken_off_a_listed_speaker_name():
    assert "Sir Alan Brown" in _listed_names()
    names = _listed_names(Lexicon.bundled().with_layout(honorifics=["Sir"]))
    assert "Alan Brown" in names
    assert "Sir Alan Brown" not in names


def test_layout_words_of_one_run_do_not_leak_into_the_next():
    _parse(Lexicon.bundled().with_layout(honorifics=["Sir"], chrome=["listen to this article$"]))
    plain = _parse()
    assert "Sir Alan Brown" in _listed_names()
    assert "Listen to this article" in plain.turns["text"].iloc[0]
    assert "Sir" not in Lexicon.bundled().layout["honorifics"]


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ({"chrom": ["x"]}, "no word list 'chrom'"),
        ({"photo_credit": ["x"]}, "no word list 'photo_credit'"),  # one pattern, not a list
        ({"honorifics": "Sir"}, "not the string 'Sir'"),
        ({"honorifics": [""]}, "not a non-empty string"),
        ({"chrome": ["(unclosed"]}, "does not compile"),
    ],
)
def test_bad_layout_words_are_refused_with_a_reason(words, message):
    with pytest.raises(LexiconError, match=message):
        Lexicon.bundled().with_layout(**words)


def test_a_corpus_is_read_with_the_lexicon_serially_and_in_worker_processes(tmp_path):
    import pickle

    from briefing import read_many

    paths = []
    for name in ("power.txt", "wind.txt"):
        paths.append(tmp_path / name)
        paths[-1].write_text(HEADER + TEXT, encoding="utf-8")
    lex = Lexicon.bundled().with_units({"TWh": ["terawatt-hours", "TWh"]})
    copy = pickle.loads(pickle.dumps(lex))
    assert copy.unit_of("TWh") == "TWh" and copy.name == lex.name
    assert pickle.loads(pickle.dumps(Lexicon.bundled())) is Lexicon.bundled()
    for workers in (1, 2):
        c = read_many(paths, workers=workers, lexicon=lex)
        assert list(c.tables()["figures"]["unit"]) == ["TWh"] * 4, workers
    assert list(read_many(paths).tables()["figures"]["unit"]) == ["count"] * 2  # without it, as bundled


# --- a lexicon file, and the command line (--lexicon FILE) ----------------------------------------------

LEXICON_FILE = """# more words for a power briefing
units:
  TWh: [terawatt-hours, TWh]
layout:
  chrome: ['listen to this article$']
"""


def test_a_lexicon_file_adds_units_and_layout_words(tmp_path):
    f = tmp_path / "power.yml"
    f.write_text(LEXICON_FILE, encoding="utf-8")
    lex = Lexicon.bundled().with_file(f)
    assert lex.unit_of("terawatt-hours") == "TWh"
    assert "listen to this article$" in lex.layout["chrome"]
    assert list(_figures(lex)["unit"]) == ["TWh", "TWh"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("units:\n  TWh: [TWh\n", r"power\.yml:3: "),  # YAML that does not parse: the file and the line
        ("unit:\n  TWh: [TWh]\n", r"power\.yml: expected a mapping with 'units' and/or 'layout'"),
        ("units:\n  TWh: [GW]\n", r"power\.yml: unit 'TWh': word 'GW' already stands for unit 'GW'"),
        ("layout:\n  chrom: [x]\n", r"power\.yml: layout has no word list 'chrom'"),
        ("- TWh\n", r"power\.yml: expected a mapping"),
    ],
)
def test_a_bad_lexicon_file_is_refused_naming_the_file(tmp_path, content, message):
    f = tmp_path / "power.yml"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        Lexicon.bundled().with_file(f)


def test_the_command_line_reads_with_a_lexicon_file(tmp_path, capsys):
    from briefing.cli import main

    f = tmp_path / "power.yml"
    f.write_text(LEXICON_FILE, encoding="utf-8")
    t = tmp_path / "power.txt"
    t.write_text(HEADER + TEXT, encoding="utf-8")
    assert main(["tables", str(t), "--lexicon", str(f), "--out", str(tmp_path / "out"), "-q"]) == 0
    figures = (tmp_path / "out" / "figures.csv").read_text(encoding="utf-8")
    assert figures.count(",TWh,") == 2
    bad = tmp_path / "bad.yml"
    bad.write_text("units: [", encoding="utf-8")
    assert main(["tables", str(t), "--lexicon", str(bad), "--out", str(tmp_path / "out2")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("briefing: error: ") and "bad.yml:1" in err and "Traceback" not in err
    assert not (tmp_path / "out2").exists()


def test_an_added_link_list_heading_makes_a_release_list_page_furniture():
    text = (
        "China's exports rise in May\n\n"
        "BEIJING, June 7, 2024 (Xinhua) -- China's exports rose 4.8 percent year on year in May.\n\n"
        "Further reading:\nChina's imports up 2.1% in April\nExports rise 1.5% in Q1\n\n"
        "Imports grew 1.8 percent in the period, according to the customs administration.\n"
    )
    plain = briefing.parse(text, source="<test>")
    assert list(plain.figures["surface"]) == ["4.8 percent", "2.1%", "1.5%", "1.8 percent"]
    b = briefing.parse(
        text, source="<test>", lexicon=Lexicon.bundled().with_layout(link_lists=["further reading:?$"])
    )
    assert list(b.figures["surface"]) == ["4.8 percent", "1.8 percent"]
    n = b.numbers
    assert set(n.loc[n["surface"].isin(["2.1", "1.5"]), "role"]) == {"page"}
