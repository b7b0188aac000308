"""The header reader on unexpected lines, speaker labels in other scripts and quotes, and two
briefings in one file: each case is the bundled transcript (or a small header) changed as a real file
would be, with what a reader of the changed text expects."""

from __future__ import annotations

import pytest

import briefing
from briefing.cli import main
from briefing.layout import (
    _clean_name,
    _vocab,
    chinese_name,
    is_page_furniture,
    label_of,
    read_layout,
)

from .conftest import SEED

TEXT = SEED.read_text(encoding="utf-8")
TITLE = TEXT.split("\n", 1)[0]
TRAILER = TEXT.index("Translated and edited by")


@pytest.fixture(scope="module")
def seed() -> briefing.Briefing:
    return briefing.parse(TEXT)


def _same_reading(b: briefing.Briefing, seed: briefing.Briefing) -> None:
    """Date, speakers, turns and every figure (with its speaker and period) as in the bundled file."""
    assert b.meta.date == seed.meta.date
    assert b.meta.speakers == seed.meta.speakers
    assert b.meta.chair == seed.meta.chair
    assert b.turns["speaker"].tolist() == seed.turns["speaker"].tolist()
    assert len(b.exchanges) == len(seed.exchanges)
    cols = ["speaker", "value", "unit", "kind", "period"]
    assert b.figures[cols].equals(seed.figures[cols])


# --- the header: wrapped title, page furniture, lines it does not understand ----------------------


def test_title_wrapped_over_two_lines(seed):
    b = briefing.parse(TEXT.replace("information technology in first", "information technology in\nfirst", 1))
    assert b.meta.title == TITLE
    assert b.warnings == ()
    _same_reading(b, seed)


def test_title_continued_after_a_blank_line_when_it_starts_in_lower_case(seed):
    b = briefing.parse(TEXT.replace("technology in first", "technology in\n\nfirst", 1))
    assert b.meta.title == TITLE
    _same_reading(b, seed)


def test_a_line_after_the_title_that_is_a_sentence_is_no_part_of_it():
    head = "SCIO briefing on a test topic\nThe State Council Information Office held a press conference.\n"
    b = briefing.parse(head + "Date: Oct. 20, 2023\n\nZhao Zhiguo:\n\nOutput rose 4%.\n")
    assert b.meta.title == "SCIO briefing on a test topic"
    assert b.meta.summary.startswith("The State Council Information Office held")


@pytest.mark.parametrize(
    "line",
    [
        "Page 1 of 12",
        "page 3/12",
        "- 2 -",
        "4 / 12",
        "https://english.scio.gov.cn/pressroom/2023-10/20/content_116763370.htm 1/12",
        f"10/21/23, 9:14 AM {TITLE}",
        TITLE,
        f"{TITLE} | Page 2",
        f"3 {TITLE}",
        "SCIO briefing on development of industry and information...",
    ],
)
def test_is_page_furniture(line):
    assert is_page_furniture(line, TITLE)


@pytest.mark.parametrize("furniture", ["Page 1 of 12", TITLE, f"10/21/23, 9:14 AM {TITLE}"])
def test_page_furniture_in_the_header_and_in_a_turn(seed, furniture):
    """A printed page's number or running head between the speaker lists, and inside the official's
    introduction between two paragraphs: the header is read as before, and the introduction resumes
    after it as a second turn of the same speaker, in no exchange (as the introduction)."""
    text = TEXT.replace("\nChairperson\n", f"\n{furniture}\n\nChairperson\n", 1)
    b = briefing.parse(
        text.replace("\n\nSecond, the manufacturing", f"\n\n{furniture}\n\nSecond, the manufacturing", 1)
    )
    assert b.meta.speakers == seed.meta.speakers and b.meta.chair == seed.meta.chair
    assert b.warnings == ()
    t = b.turns
    assert len(t) == len(seed.turns) + 1
    assert t["speaker"].iloc[1] == t["speaker"].iloc[2] == "Zhao Zhiguo"
    assert t["text"].iloc[2].startswith("Second, the manufacturing")
    assert t["exchange_id"].iloc[2] != t["exchange_id"].iloc[2]  # NaN: the introduction is no exchange
    assert not b.figures["surface"].isin(["1", "2", "3", "4", "12"]).any()
    cols = ["speaker", "value", "unit", "kind", "period"]
    assert b.figures[cols].equals(seed.figures[cols])


def test_page_furniture_inside_an_answer_keeps_it_in_its_exchange(seed):
    t = seed.turns
    row = next(r for r in t.itertuples() if r.is_answer and "\n\n" in r.text)  # 2+ paragraphs
    cut = row.text.index("\n\n")
    k = row.char_start + cut
    b = briefing.parse(TEXT[:k] + "\n\nPage 5 of 12" + TEXT[k:])
    t2 = b.turns
    assert len(t2) == len(t) + 1
    i = t.index.get_loc(row.Index)
    before, after = t2.iloc[i], t2.iloc[i + 1]
    assert before["text"] == row.text[:cut]
    assert after["text"].startswith(row.text[cut:].lstrip()[:40])
    assert before["speaker"] == after["speaker"] == row.speaker
    assert before["exchange_id"] == after["exchange_id"] == row.exchange_id
    assert after["is_answer"] and not after["is_question"] and after["role"] == "official"
    e = b.exchanges.set_index("exchange_id").loc[row.exchange_id]
    assert e["n_turns"] == seed.exchanges.set_index("exchange_id").loc[row.exchange_id, "n_turns"] + 1
    assert len(b.exchanges) == len(seed.exchanges)


@pytest.mark.parametrize(
    "line",
    ["Output rose 3% in the third quarter.", "3", "2023", "Thank you", "SCIO briefing on", "Page one"],
)
def test_not_page_furniture(line):
    assert not is_page_furniture(line, TITLE)


def test_a_header_line_not_understood_is_skipped_with_a_warning(seed):
    odd = "(Click here for the Chinese version)"
    b = briefing.parse(TEXT.replace("\n\nSpeakers\n", f"\n\n{odd}\n\nSpeakers\n", 1))
    _same_reading(b, seed)
    assert b.warnings == (f"line 6: header line not understood, skipped: {odd!r}",)


def test_a_short_line_then_speech_starts_the_body():
    """The page starts mid-statement with a short line: it is kept as the start of the body."""
    b = briefing.parse("SCIO briefing on a test topic\nBeijing | 3 p.m. Oct. 20, 2023\n\n"
                       "of services consumption\n\nwhich rose 4% last year.\n")  # fmt: skip
    assert b.turns["text"].iloc[0] == "of services consumption\n\nwhich rose 4% last year."
    assert b.turns["speaker"].isna().iloc[0]
    assert b.warnings == (
        "no speaker list in the header (lines 1-3): officials are known only by their labels",
    )


def test_no_date_is_warned_with_the_line_that_gave_none(seed):
    text = TEXT.replace("Beijing | 3 p.m. Oct. 20, 2023", "Beijing | 3 p.m. Oct. 20th 2023", 1)
    text = text.replace("\nOct. 20, 2023\n", "\nOct. 20th 2023\n", 1)
    b = briefing.parse(text)
    assert b.meta.date is None
    assert b.meta.speakers == seed.meta.speakers  # the rest of the header is still read
    assert len(b.warnings) == 1
    w = b.warnings[0]
    assert w.startswith("line 2: no date could be read from 'Beijing | 3 p.m. Oct. 20th 2023'")
    assert "line 30: 'Oct. 20th 2023'" in w


def test_no_date_after_the_date_heading():
    b = briefing.parse("SCIO briefing\n\nSpeakers:\n\nMr. Li Ming, director general of X\n\nDate:\n\n"
                       "Li Ming:\n\nOutput rose 4%.\n")  # fmt: skip
    assert b.warnings == ("line 7: no date after the heading 'Date:': the briefing has no date",)


def test_no_speakers_is_warned():
    b = briefing.parse("SCIO briefing on a test topic\nBeijing | 3 p.m. Oct. 20, 2023\n\n"
                       "Li Ming:\n\nOutput rose 4%.\n")  # fmt: skip
    assert b.warnings == (
        "no speaker list in the header (lines 1-3): officials are known only by their labels",
    )
    b = briefing.parse("SCIO briefing\nBeijing | 3 p.m. Oct. 20, 2023\n\nSpeakers:\n\nLi Ming:\n\nIt rose.\n")
    assert b.warnings == ("line 4: no speaker could be read after the heading 'Speakers:'",)


def test_the_cli_prints_header_warnings(tmp_path, capsys):
    src = tmp_path / "no-date.txt"
    src.write_text(TEXT.replace("Oct. 20, 2023", "Oct. 20th 2023"), encoding="utf-8")
    assert main(["tables", str(src), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "briefing: warning: no-date: line 2: no date could be read" in err


# --- labels: curly apostrophes, names in Chinese characters ---------------------------------------


def test_curly_apostrophe_label(seed):
    label = "People's Posts and Telecommunications News:"
    b = briefing.parse(TEXT.replace(label, label.replace("'", "’")))
    assert len(b.exchanges) == len(seed.exchanges) == 10
    assert "People’s Posts and Telecommunications News" in b.exchanges["outlet"].tolist()
    assert b.turns["role"].tolist() == seed.turns["role"].tolist()


@pytest.mark.parametrize(
    "written",
    ["{en} {zh}:", "{zh} {en}:", "{en}（{zh}）：", "Mr. {en} ({zh}):"],
)
def test_bilingual_labels_credit_the_official(seed, written):
    """Every label of both officials written with the Chinese name too: the figures go to them as
    before (not to the chair), and the label is kept as written."""
    text = TEXT
    for en, zh in (("Zhao Zhiguo", "赵志国"), ("Tao Qing", "陶青")):
        text = text.replace(f"\n{en}:\n", "\n" + written.format(en=en, zh=zh) + "\n")
    b = briefing.parse(text)
    _same_reading_but_labels(b, seed)
    t = b.turns
    assert set(t.loc[t["role"] == "official", "speaker_id"]) == {"zhao-zhiguo", "tao-qing"}
    first = b.steps.turns[1]
    assert first.name == "Zhao Zhiguo"
    assert first.name_zh == ("" if "{zh}" not in written else "赵志国")
    assert b.text[first.label_span[0] : first.label_span[1]] == written.format(en="Zhao Zhiguo", zh="赵志国")


def _same_reading_but_labels(b, seed):
    assert b.meta.speakers == seed.meta.speakers and b.meta.chair == seed.meta.chair
    assert b.turns["role"].tolist() == seed.turns["role"].tolist()
    assert len(b.exchanges) == len(seed.exchanges)
    cols = ["speaker", "speaker_id", "value", "unit", "kind", "period"]
    assert b.figures[cols].equals(seed.figures[cols])


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Zhao Zhiguo 赵志国:", "Zhao Zhiguo 赵志国"),
        ("赵志国 Zhao Zhiguo：", "赵志国 Zhao Zhiguo"),
        ("Zhao Zhiguo（赵志国）:", "Zhao Zhiguo（赵志国）"),
        ("Zhao Zhiguo (赵志国):", "Zhao Zhiguo (赵志国)"),
        ("Zhao Zhiguo：", "Zhao Zhiguo"),
        ("People’s Daily:", "People’s Daily"),
        ("Workers’ Daily:", "Workers’ Daily"),
        ("赵志国：", None),  # Chinese characters alone: no English name to read
        ("‘Quoted’ words:", None),
        ("He said “we will:", None),
    ],
)
def test_label_of(line, name):
    assert label_of(line) == name


def test_clean_and_chinese_names():
    assert _clean_name("Mr. Zhao Zhiguo 赵志国") == ("Zhao Zhiguo", "Mr.")
    assert _clean_name("赵志国 Zhao Zhiguo") == ("Zhao Zhiguo", "")
    assert _clean_name("Zhao Zhiguo（赵志国）") == ("Zhao Zhiguo", "")
    assert chinese_name("Zhao Zhiguo（赵志国）") == "赵志国"
    assert chinese_name("China Radio International (CRI)") == ""
    assert _vocab().honorific.match("Ms. Tao Qing")  # the vocabulary by name, not by position


def test_bilingual_speaker_list():
    lay = read_layout("SCIO briefing\n\nSpeakers:\n\nMr. Zhao Zhiguo 赵志国, chief engineer of the MIIT\n\n"
                      "陶青 Tao Qing, director general of the MIIT\n\nDate:\n\nOct. 20, 2023\n")  # fmt: skip
    assert [(p.name, p.name_zh, p.honorific) for p in lay.listed] == [
        ("Zhao Zhiguo", "赵志国", "Mr."),
        ("Tao Qing", "陶青", ""),
    ]


# --- two briefings in one file --------------------------------------------------------------------


def test_two_briefings_with_nothing_between_them(seed):
    """The first briefing without its trailer, then the whole file again: the first is read alone and
    the warning names the line of the second title."""
    first = TEXT[:TRAILER].rstrip() + "\n\n"
    b = briefing.parse(first + TEXT)
    second = first.count("\n") + 1
    assert b.turns["speaker"].tolist() == seed.turns["speaker"].tolist()
    assert b.turns["text"].iloc[-1] == seed.turns["text"].iloc[-1]
    assert len(b.figures) == len(seed.figures) == 109
    assert len(b.warnings) == 1
    assert b.warnings[0].startswith(f"line {second}: a second briefing seems to start here ({TITLE[:80]!r}")
    assert b.steps.layout.unread_start_line == second


def test_two_briefings_with_the_trailer_between_them(seed):
    b = briefing.parse(TEXT + "\n" + TEXT)
    second = TEXT.count("\n") + 2
    assert len(b.turns) == len(seed.turns)
    assert b.meta.captions == seed.meta.captions  # the second briefing's captions are not read
    assert len(b.warnings) == 1
    assert b.warnings[0].startswith(f"line {second}: a second briefing seems to start here")


def test_the_next_page_of_the_same_briefing_is_not_a_second_one(seed):
    """A transcript copied page by page: the title and the "Beijing | <date>" line again, with the
    briefing's own date, are page furniture."""
    k = TEXT.index("_ueditor_page_break_tag_", TEXT.index("That's my introduction"))
    b = briefing.parse(TEXT[:k] + f"{TITLE}\nBeijing | 3 p.m. Oct. 20, 2023\n\n" + TEXT[k:])
    assert b.warnings == ()
    _same_reading(b, seed)


@pytest.mark.parametrize("line", ["Host:", "Speaker:", "Speakers", "Chairperson:"])
def test_a_heading_word_alone_in_the_body_does_not_end_the_briefing(seed, line):
    """ "Host:" or "Speakers" on a line of its own in a turn, with speech (not a list entry) after it,
    stays speech as before."""
    k = TEXT.index("Second, the manufacturing")
    b = briefing.parse(TEXT[:k] + f"{line}\n\n" + TEXT[k:])
    assert b.warnings == ()
    assert len(b.turns) == len(seed.turns)
