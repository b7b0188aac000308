"""The conversation model of the bundled briefing: metadata, turns, exchanges, sentences, spans."""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
import yaml

import briefing

from .conftest import CASES, SEED
from .test_layouts import _assert_coverage

SPANNED = ["turns", "sentences", "numbers", "figures"]


def test_raw_file_is_unchanged():
    meta = yaml.safe_load(SEED.with_suffix(".meta.yml").read_text(encoding="utf-8"))
    digest = hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert digest == meta["sha256"]
    assert SEED.stat().st_size == meta["bytes"]
    for key in ("title", "date", "place", "source_url", "note"):
        assert meta[key]
    assert "Chinese version" in meta["note"]


def test_meta(seed):
    m = seed.meta
    assert m.title.startswith("SCIO briefing on development of industry and information technology")
    assert m.date == dt.date(2023, 10, 20)
    assert m.time == "15:00"
    assert m.place == "Beijing"
    assert m.speakers == ("Zhao Zhiguo", "Tao Qing")
    assert m.chair == "Xing Huina"
    assert "David Ball" in m.translators and len(m.translators) == 20
    assert m.captions[:4] == ("Xing Huina", "Zhao Zhiguo", "Tao Qing", "Group photo")
    assert m.warnings == ()


def test_structure_matches_reading():
    want = yaml.safe_load((CASES / "seed_structure.yml").read_text(encoding="utf-8"))
    b = briefing.load()
    got_turns = [list(x) for x in zip(b.turns["speaker"], b.turns["role"], strict=True)]
    assert got_turns == want["turns"]
    got_ex = [list(x) for x in zip(b.exchanges["outlet"], b.exchanges["answerer"], strict=True)]
    assert got_ex == want["exchanges"]


def test_question_and_answer_flags(seed):
    t = seed.turns
    assert (t.loc[t.role == "media", "is_question"]).all()
    assert (t.loc[t.is_answer, "role"] == "official").all()
    assert t.loc[t.exchange_id.isna(), "role"].tolist() == [
        "chair",
        "official",
        "chair",
        "chair",
        "chair",
    ]


def test_speakers(seed):
    s = seed.speakers.set_index("name")
    assert s.loc["Zhao Zhiguo", "role"] == "official" and s.loc["Zhao Zhiguo", "honorific"] == "Mr."
    assert s.loc["Xing Huina", "role"] == "chair"
    assert s.loc["CCTV", "role"] == "media" and not s.loc["CCTV", "is_listed"]
    assert s["n_turns"].sum() == len(seed.turns)


def test_every_span_is_exact(seed):
    for name in SPANNED:
        df = seed.tables()[name]
        col = {"turns": "text", "sentences": "text", "numbers": "surface", "figures": "surface"}[name]
        for s, e, txt in zip(df["char_start"], df["char_end"], df[col], strict=True):
            assert seed.text[s:e] == txt, (name, s, e)
    f = seed.figures
    for s, q in zip(f["quote_start"], f["quote"], strict=True):
        assert seed.text[s : s + len(q)] == q


def test_header_and_trailer_never_leak(seed):
    t = seed.turns
    last = t.iloc[-1]
    assert last["text"].endswith("See you!")
    assert seed.text.index("Translated and edited by") > t["char_end"].max()
    assert not t["text"].str.contains("Group photo|Translated and edited|Read in Chinese").any()
    assert t["char_start"].min() > seed.text.index("Oct. 20, 2023\n")


def test_no_body_line_dropped(seed):
    _assert_coverage(seed)


def test_sentences_split_where_a_reader_would():
    from .helpers import speech

    b = speech(
        "Mr. Zhao met Ms. Tao on Oct. 20 at No. 1 hall. Output rose 3.189 million units. "
        'They launched the "card cutting campaign." Moreover, it worked! Did it? Yes.'
    )
    assert b.sentences["text"].tolist() == [
        "Mr. Zhao met Ms. Tao on Oct. 20 at No. 1 hall.",
        "Output rose 3.189 million units.",
        'They launched the "card cutting campaign."',
        "Moreover, it worked!",
        "Did it?",
        "Yes.",
    ]


def test_sentences_cover_turns(seed):
    s = seed.sentences
    t = seed.turns.set_index("turn_id")
    assert (s.groupby("turn_id").size() == t["n_sentences"].loc[s["turn_id"].unique()]).all()
    for tid, g in s.groupby("turn_id"):
        assert g["char_start"].min() == t.loc[tid, "char_start"]
        assert g["char_end"].max() == t.loc[tid, "char_end"]


def test_categoricals_and_schemas(seed):
    from briefing import schema

    for name, df in seed.tables().items():
        assert list(df.columns) == schema.TABLES[name]
        schema.schema(name).validate(df)
    assert isinstance(seed.turns["role"].dtype, pd.CategoricalDtype)
    assert list(seed.turns["role"].cat.categories) == ["chair", "official", "media", "other"]
    assert isinstance(seed.figures["unit"].dtype, pd.CategoricalDtype)
    assert "pp" in seed.figures["unit"].cat.categories


def test_schemas_refuse_a_wrong_text_dtype_and_a_missing_text(seed):
    import pandera.errors
    import pytest

    from briefing import schema

    wrong = seed.figures.astype({"subject": object})
    with pytest.raises(pandera.errors.SchemaErrors, match="text columns have dtype"):
        schema.schema("figures").validate(wrong, lazy=True)
    missing = seed.figures.copy()
    missing.loc[0, "subject"] = None  # subject is never empty (the field dictionary says so)
    with pytest.raises(pandera.errors.SchemaErrors, match="subject"):
        schema.schema("figures").validate(missing, lazy=True)
