"""Look-alike characters (full-width digits and signs, U+2212, no-break and other same-width spaces)
are read as what they stand for, while every span still indexes the text as given."""

from __future__ import annotations

import pandas as pd

import briefing
from briefing.text import LOOKALIKES, fold

from .helpers import assert_spans_hold, speech

FULL_WIDTH_DIGITS = str.maketrans("0123456789%", "０１２３４５６７８９％")


def test_the_map_is_one_to_one_and_keeps_offsets():
    assert all(len(k) == 1 and len(v) == 1 and v.isascii() for k, v in LOOKALIKES.items())
    s = "Ｑ３ revenue: ４.５％, −2.5%, 0.2\u00a0percentage\u2009points, ＋1\u202f000, ｆｉｒｓｔ"
    f = fold(s)
    assert len(f) == len(s)
    assert f == "Q3 revenue: 4.5%, -2.5%, 0.2 percentage points, +1 000, first"


def test_fold_leaves_other_characters_alone():
    s = "“new three” – 2021–2023, 5G, 赵志国, İ, café\n"
    assert fold(s) == s
    assert fold("") == ""


def test_nfkc_would_not_do():
    import unicodedata

    # NFKC leaves U+2212 alone and is not length-preserving: the reason for an explicit map
    assert unicodedata.normalize("NFKC", "\u2212") == "\u2212"
    assert len(unicodedata.normalize("NFKC", "\u2474")) != 1  # "⑵" becomes "(2)"


COMPARED = ["value", "unit", "kind", "approx", "period", "period_start", "period_end", "baseline", "subject",
            "sector", "char_start", "char_end"]  # fmt: skip


def test_full_width_transcript_reads_like_the_ascii_one(seed):
    text = seed.text.translate(FULL_WIDTH_DIGITS)
    assert text != seed.text and len(text) == len(seed.text)
    b = briefing.parse(text, source=seed.source)
    assert b.meta.date == seed.meta.date and b.meta.speakers == seed.meta.speakers
    assert len(b.figures) == len(seed.figures) == 109
    pd.testing.assert_frame_equal(b.figures[COMPARED], seed.figures[COMPARED])
    assert list(b.numbers["role"]) == list(seed.numbers["role"])
    assert list(b.numbers["surface"]) == [s.translate(FULL_WIDTH_DIGITS) for s in seed.numbers["surface"]]
    assert_spans_hold(b)


def test_no_break_spaces_between_all_words_change_nothing(seed):
    text = seed.text.replace(" ", "\u00a0")
    b = briefing.parse(text, source=seed.source)
    assert len(b.figures) == 109
    pd.testing.assert_frame_equal(b.figures[COMPARED], seed.figures[COMPARED])
    assert list(b.numbers["role"]) == list(seed.numbers["role"])
    assert b.meta.date == seed.meta.date and b.meta.speakers == seed.meta.speakers
    assert_spans_hold(b)


def test_thin_spaces_and_unicode_minus_in_a_speech():
    b = speech("In August, output grew\u2009\u22123.5%\u202fyear on year, 0.2\u2009percentage points slower.")
    f = b.figures
    assert list(f["value"]) == [-3.5, -0.2]
    assert list(f["unit"]) == ["%", "pp"]
    assert list(f["surface"]) == ["\u22123.5%", "0.2\u2009percentage points"]
    assert list(f["baseline"])[0] == "a year earlier"
