"""The sections of the report, each a function of a briefing that returns HTML strings and charts
(:data:`SECTIONS` lists them in order with their headings)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from .markup import (
    Part,
    _date,
    _e,
    _listing,
    _missing,
    _p,
    _plural,
    _status_counts,
    _table,
    sector_colour,
    sector_label,
)

# --- the sections -------------------------------------------------------------------------------------------


def event(b: Any) -> list[Part]:
    """The briefing as an event: its title, when and where, who chaired, who spoke, and how long."""
    m = b.meta
    title = m.title or f"Briefing in {Path(str(m.source_file)).name}"
    parts = [f"<h1>{_e(title)}</h1>"]
    when = []
    if m.date:
        when.append(f"Held on <strong>{_e(_date(m.date))}</strong>")
    else:
        when.append("The header gives <strong>no date</strong>")
    if m.time:
        when.append(f"at {_e(m.time)}")
    if m.place:
        when.append(f"in {_e(m.place)}")
    line = " ".join(when) + "."
    if m.chair:
        line += f" Chaired by {_e(m.chair)}."
    parts.append(f'<p class="report-lead">{line}</p>')
    if m.summary:
        parts.append(f"<p>{_e(m.summary)}</p>")
    sp = b.speakers
    officials = sp[sp["role"].astype(str) == "official"]
    if len(officials):
        items = "".join(
            f"<li><strong>{_e(r.name)}</strong>{'' if _missing(r.affiliation) else ', ' + _e(r.affiliation)}"
            "</li>"
            for r in officials.itertuples()
        )
        parts.append(f"<p>{_plural(len(officials), 'official')} spoke:</p><ul>{items}</ul>")
    else:
        parts.append("<p>No official was recognised among the speakers.</p>")
    turns = b.turns
    n_words = int(turns["n_words"].sum()) if len(turns) else 0
    media = turns[turns["role"].astype(str) == "media"]
    parts.append(
        _p(
            f"How long: {_plural(len(turns), 'turn')} of speech, {_plural(n_words, 'word')} of English text "
            f"in all (read aloud at 130 words a minute, about {_plural(round(n_words / 130), 'minute')}; the "
            f"transcript gives no duration, and interpretation is not counted); "
            f"{_plural(len(b.exchanges), 'exchange')} of questions and answers "
            f"({_plural(len(media), 'turn')} by reporters); {_plural(len(b.figures), 'figure')} stated."
        )
    )
    return parts


def speakers(b: Any) -> list[Part]:
    """Every speaker with their role, turns and words, and the chart of the words in each turn."""
    from .. import plots

    sp = b.speakers
    if not len(sp):
        return [_p("No speaker was found.")]
    total = max(int(sp["n_words"].sum()), 1)
    rows = [
        (r.name, r.role, r.affiliation, r.n_turns, f"{int(r.n_words):,}", f"{100 * r.n_words / total:.0f}%")
        for r in sp.itertuples()
    ]
    parts: list[Part] = [_table(rows, ["speaker", "role", "affiliation", "turns", "words", "share of words"])]
    if len(b.turns):
        import matplotlib.pyplot as plt

        plots.use_house_style()
        fig: Any = plots.words_per_turn(b).figure
        parts.append(fig)
        plt.close(fig)
    return parts


def exchanges(b: Any) -> list[Part]:
    """The questions and who answered them, with the number of figures in each exchange."""
    ex = b.exchanges
    if not len(ex):
        return [_p("No question-and-answer exchanges were found: the text is all statements.")]
    turns = b.turns.set_index("turn_id")
    counts = b.figures["exchange_id"].value_counts()
    rows = []
    for r in ex.itertuples():
        question = turns["text"].get(r.question_turn_id, "") if not _missing(r.question_turn_id) else ""
        rows.append(
            (
                r.exchange_id,
                r.outlet,
                question,
                r.answerer,
                "" if _missing(r.topic) else sector_label(r.topic),
                int(counts.get(r.exchange_id, 0)),
            )
        )
    return [
        _p(f"{_plural(len(ex), 'exchange')}, in the order asked."),
        _table(rows, ["exchange", "asked by", "question", "answered by", "topic", "figures"], "exchanges"),
    ]


def _count(f: Any, sector: Any) -> int:
    col = f["sector"]
    return int(col.isna().sum()) if sector is None else int((col.astype(object) == sector).sum())


def _sector_order(values: Iterable[Any]) -> list[Any]:
    from .. import vocab

    try:
        known = list(vocab.load("sectors")["sectors"])
    except Exception:  # noqa: BLE001
        known = []
    present = list(dict.fromkeys(None if _missing(v) else str(v) for v in values))
    named = [s for s in known if s in present]
    other = sorted(s for s in present if s is not None and s not in known)
    return named + other + ([None] if None in present else [])


def _marked_quote(quote: str, start: int, spans: list[tuple[int, int, str]]) -> str:
    """The sentence with each figure's words marked (``<mark>``), escaped; plain if a span does not fit."""
    out, pos = [], 0
    for s, e, fid in sorted(spans):
        s, e = s - start, e - start
        if s < pos or e > len(quote) or s >= e:
            return _e(quote)
        out.append(_e(quote[pos:s]))
        out.append(f'<mark title="{_e(fid)}">{_e(quote[s:e])}</mark>')
        pos = e
    out.append(_e(quote[pos:]))
    return "".join(out)


def _value(r: Any) -> str:
    from .. import plots

    try:
        return plots.format_value(r.value, r.unit, r.approx)
    except Exception:  # noqa: BLE001 - a unit or qualifier the house formatter does not know
        return f"{r.value:g} {r.unit}" if not _missing(r.value) else ""


def _period(r: Any) -> str:
    from .. import plots

    try:
        return plots.period_label(r.period_start, r.period_end)
    except Exception:  # noqa: BLE001
        return "" if _missing(r.period) else str(r.period)


def figures(b: Any) -> list[Part]:
    """Every figure, sector by sector: a table of what was said and how it was read, then each sentence the
    figures come from, the figures' words marked."""
    f = b.figures
    if not len(f):
        return [_p("No figures were found in this text.")]
    repeat = f["repeat_of"] if "repeat_of" in f.columns else None
    n_repeats = int(repeat.notna().sum()) if repeat is not None else 0
    order = _sector_order(f["sector"])
    intro = f"{_plural(len(f), 'figure')} in {_plural(len([s for s in order if s]), 'sector')}"
    if None in order:
        intro += f", and {_plural(int(f['sector'].isna().sum()), 'figure')} with no sector"
    if repeat is not None:
        distinct = _plural(len(f) - n_repeats, "distinct statistic")
        intro += f"; {distinct} ({_plural(n_repeats, 'repeated mention')})"
    parts: list[Part] = [
        _p(
            intro + ". The sectors are the package's vocabulary (briefing/data/sectors.yml), written for "
            "briefings on industry and information technology: for other briefings they are a rough grouping "
            "by keywords, to be read with the figure's subject and sentence."
        )
    ]
    unknown = [s for s in order if s and sector_label(s) == str(s).replace("_", " ").strip().capitalize()]
    unknown = [s for s in unknown if sector_colour(s) == sector_colour("\x00unknown")]
    if unknown:
        parts.append(_p(f"Sectors the vocabulary does not know (shown in grey): {_e(', '.join(unknown))}."))
    nav = "".join(
        f'<li><a href="#sector-{_e(s or "none")}"><span class="swatch" style="background:{sector_colour(s)}">'
        f"</span>{_e(sector_label(s))}</a> ({_count(f, s)})</li>"
        for s in order
    )
    parts.append(f'<ul class="sector-nav">{nav}</ul>')
    sec = f["sector"].astype(object)
    for s in order:
        g = f[sec.isna()] if s is None else f[sec == s]
        colour = sector_colour(s)
        parts.append(
            f'<h3 id="sector-{_e(s or "none")}" class="sector" style="border-color:{colour}">'
            f'<span class="swatch" style="background:{colour}"></span>{_e(sector_label(s))} '
            f'<span class="count">({_plural(len(g), "figure")})</span></h3>'
        )
        header = ["figure", "as said", "read as", "kind", "period", "subject", "speaker"]
        rows = []
        for r in g.itertuples():
            row = [r.figure_id, r.surface, _value(r), r.kind, _period(r), r.subject, r.speaker]
            if repeat is not None:
                row.append("" if _missing(r.repeat_of) else f"repeats {r.repeat_of}")
            rows.append(row)
        parts.append(_table(rows, [*header, "repeat"] if repeat is not None else header, "figures"))
        quotes = []
        for _, q in g.groupby("quote_start", sort=True):
            first = q.iloc[0]
            spans = [(int(r.char_start), int(r.char_end), str(r.figure_id)) for r in q.itertuples()]
            ids = ", ".join(q["figure_id"].astype(str))
            quotes.append(
                '<blockquote class="quote"><p>'
                f"{_marked_quote(str(first.quote), int(first.quote_start), spans)}</p>"
                f"<footer>— {_e(first.speaker)} ({_e(ids)})</footer></blockquote>"
            )
        parts.append("".join(quotes))
    return parts


def checks(b: Any) -> list[Part]:
    """The package's checks of the figures (repeats, implied values, parts and wholes, coincidences) and
    the figures matched to the reference file of official releases."""
    from ..checks import check, compare_reference

    found = check(b)
    parts: list[Part] = []
    if not len(found):
        parts.append(
            _p("The checks found nothing to report: no repeats, implied values or parts of a whole.")
        )
    else:
        parts.append(_p(f"{_plural(len(found), 'finding')}: " + _status_counts(found) + "."))
        rows = [
            (r.check, r.status, str(r.figure_ids).replace(";", ", "), r.detail) for r in found.itertuples()
        ]
        parts.append(_table(rows, ["check", "status", "figures", "detail"], "checks"))
    ref = compare_reference(b)
    found_any = ref[ref["figure_ids"].fillna("").astype(str) != ""]
    matched = found_any[found_any["match"].astype(str) == "matched"]
    weak = len(found_any) - len(matched)
    parts.append("<h3>Against the reference file of official releases</h3>")
    if weak:
        parts.append(
            _p(
                f"{_plural(weak, 'row')} of the reference file matched a figure by its value alone, or with "
                "a different period or more than one candidate: left out here, as likely coincidences."
            )
        )
    if not len(matched):
        parts.append(
            _p(
                "No figure of this briefing matches a row of the reference file by value, unit, period "
                "and words."
            )
        )
    else:
        parts.append(
            _p(
                f"{_plural(len(matched), 'row')} of the reference file matched figures of this briefing: "
                + _status_counts(matched)
                + f"; the other {len(ref) - len(found_any)} rows are about figures this briefing does not "
                "give."
            )
        )
        ref_rows = [
            (str(r.figure_ids).replace(";", ", "), r.indicator, r.period, r.briefing_value, r.official_value,
             r.status, r.publisher)
            for r in matched.itertuples()
        ]  # fmt: skip
        parts.append(
            _table(ref_rows, ["figures", "indicator", "period", "briefing", "official", "status", "source"])
        )
    return parts


def unread(b: Any) -> list[Part]:
    """What could not be read: the reader's warnings, the numbers that are not figures, and the figures
    whose period, subject or sector the rules could not find."""
    parts: list[Part] = []
    warns = list(b.warnings)
    m = b.meta
    missing = [w for w, ok in (("date", m.date), ("title", m.title), ("speaker list", m.speakers)) if not ok]
    if missing:
        parts.append(_p(f"The header gives no {_e(' and no '.join(missing))}."))
    if warns:
        items = "".join(f"<li>{_e(w)}</li>" for w in warns)
        parts.append(f"<p>The reader's warnings ({len(warns)}):</p><ul class='warnings'>{items}</ul>")
    else:
        parts.append(_p("The reader gave no warnings."))
    nums = b.numbers
    other = nums[nums["role"].astype(str) != "figure"]
    if len(other):
        rows = []
        for role, g in other.groupby(other["role"].astype(str), sort=True):
            shown = list(dict.fromkeys(g["surface"].astype(str)))
            rows.append((role, len(g), ", ".join(shown[:12]) + (" …" if len(shown) > 12 else "")))
        parts.append(
            _p(
                f"{_plural(len(other), 'numeric token')} of the text "
                f"{'is' if len(other) == 1 else 'are'} not "
                f"read as figures, each for a reason (out of {len(nums):,} in all):"
            )
        )
        parts.append(_table(rows, ["read as", "tokens", "the words"], "ledger"))
    f = b.figures
    gaps = []
    for col, what in (("period", "no period"), ("subject", "no subject"), ("sector", "no sector")):
        if col in f.columns:
            n = int(f[col].isna().sum() + (f[col].astype(object) == "").sum())
            if n:
                ids = ", ".join(f.loc[f[col].isna() | (f[col].astype(object) == ""), "figure_id"].astype(str))
                gaps.append((what, n, ids))
    if gaps:
        parts.append(_p("Figures whose attributes the rules could not find:"))
        parts.append(_table(gaps, ["missing", "figures", "which"], "gaps"))
    return parts


def closing(b: Any, failed: Sequence[str] = ()) -> list[Part]:
    """A closing note: what this report shows, and what it could not read."""
    f = b.figures
    sectors = [s for s in _sector_order(f["sector"]) if s]
    shown = (
        f"This report shows {_plural(len(b.speakers), 'speaker')}, {_plural(len(b.turns), 'turn')}, "
        f"{_plural(len(b.exchanges), 'exchange')} and {_plural(len(f), 'figure')}"
        + (f" in {_plural(len(sectors), 'sector')}" if sectors else "")
        + ", each figure with the sentence it comes from."
    )
    nums = b.numbers
    not_read = [
        _plural(len(b.warnings), "reader's warning"),
        _plural(int((nums["role"].astype(str) != "figure").sum()), "numeric token") + " not read as figures",
        _plural(int(f["period"].isna().sum()), "figure") + " with no period",
    ]
    if "sector" in f.columns:
        not_read.append(_plural(int(f["sector"].isna().sum()), "figure") + " with no sector")
    parts = [_p(shown), _p("It could not read: " + _e(_listing(not_read)) + ".")]
    if failed:
        parts.append(
            f'<p class="report-error">Sections that could not be made: {_e(_listing(list(failed)))} '
            "(their messages say why).</p>"
        )
    parts.append(
        _p(
            "The figures are read by rules from the text alone: check any figure you use against its "
            "sentence above and against the primary release."
        )
    )
    return parts


#: The sections of the report, in order: (heading, function). ``None`` as heading: the section makes its own.
SECTIONS: tuple[tuple[str | None, Callable[..., list[Part]]], ...] = (
    (None, event),
    ("Who spoke, and for how long", speakers),
    ("The exchanges", exchanges),
    ("The figures, sector by sector", figures),
    ("The checks", checks),
    ("What could not be read", unread),
    ("In short", closing),
)
