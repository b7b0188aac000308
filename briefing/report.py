"""``briefing report TRANSCRIPT --out DIR``: a report of any briefing, as one self-contained HTML page.

The report is one parameterised notebook shipped in the package (``briefing/templates/report.ipynb``). Its
``parameters`` cell (papermill's convention: the cell tagged ``parameters``) sets ``transcript = None``, the
bundled briefing; :func:`build` injects the transcript's path in a cell tagged ``injected-parameters`` right
after it (as papermill does, so ``papermill report.ipynb out.ipynb -p transcript PATH`` runs it too),
executes it in a fresh kernel of this Python environment and renders it to HTML with nbconvert and the
template in ``briefing/templates/report/``: code hidden, the charts inline as PNG with their alt text, the
house CSS inlined, a content security policy that allows nothing from elsewhere (no scripts, no fonts, no
network). ``DIR`` then holds ``report.html`` and ``report.ipynb`` (the executed notebook), written as a whole
(:func:`briefing.files.write_folder`); other files in ``DIR`` are kept.

Each section of the notebook is one call, ``r.show(title, section)``: the section function returns HTML
(and charts), and an exception inside it becomes a short message in that section (what failed and where),
never a traceback, while the other sections go on. A cell that raises for any other reason is caught a
second time at execution: its error output is replaced by the same kind of message.

Nothing here is specific to one briefing: any number of officials, any exchanges, any sectors (a sector the
vocabularies do not know is labelled from its name and drawn in the palette's neutral grey). Transcript text
is HTML-escaped wherever it goes into the page.
"""

from __future__ import annotations

import argparse
import base64
import html
import math
import os
import re
import sys
import sysconfig
import tempfile
import traceback
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from .errors import TranscriptError

__all__ = [
    "REPORT_FILES",
    "SECTIONS",
    "TEMPLATE",
    "Report",
    "add_command",
    "build",
    "checks",
    "closing",
    "contain_errors",
    "error_message",
    "execute",
    "sector_colour",
    "sector_label",
    "to_html",
    "event",
    "exchanges",
    "figures",
    "html_page",
    "notebook",
    "speakers",
    "unread",
]

TEMPLATES = Path(__file__).resolve().parent / "templates"
#: The report notebook shipped in the package.
TEMPLATE = TEMPLATES / "report.ipynb"
#: nbconvert template (a folder under ``TEMPLATES``) that renders the executed notebook.
HTML_TEMPLATE = "report"
#: The files ``briefing report`` writes (and owns) in its output folder.
REPORT_FILES = frozenset({"report.html", "report.ipynb"})
#: Per-cell time limit while executing the report, in seconds.
CELL_TIMEOUT = 300

Part = Any  # an HTML string or a matplotlib Figure


# --- small helpers ------------------------------------------------------------------------------------------


def _e(x: Any) -> str:
    """Transcript text (or anything) as HTML text; missing values as an empty string."""
    return "" if _missing(x) else html.escape(str(x), quote=True)


def _missing(x: Any) -> bool:
    if x is None:
        return True
    try:
        import pandas as pd

        if x is pd.NA or x is pd.NaT:
            return True
    except ImportError:  # pragma: no cover
        pass
    return (isinstance(x, float) and math.isnan(x)) or str(x) == ""


def _status_counts(df: Any) -> str:
    """How many rows of ``df`` have each ``status`` ("3 consistent, 1 inconsistent"), most first, escaped."""
    counts = df["status"].astype(str).value_counts()
    return _e(", ".join(f"{n} {status}" for status, n in counts.items()))


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _listing(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


_COLOUR = re.compile(r"^#[0-9A-Fa-f]{3,8}$")


def sector_label(sector: Any) -> str:
    """The sector's display label from ``sectors.yml``; a sector the vocabulary does not know is labelled
    from its name ("food_safety" -> "Food safety"), and a missing one is "No sector"."""
    from . import plots

    try:
        return plots.sector_label(sector)
    except (KeyError, TypeError, ValueError):
        return str(sector).replace("_", " ").strip().capitalize() or "No sector"


def sector_colour(sector: Any) -> str:
    """The sector's colour from ``palette.yml`` (neutral grey for a sector outside it)."""
    from . import plots

    try:
        colour = str(plots.sector_colour(sector))
    except Exception:  # noqa: BLE001 - a broken palette entry: neutral
        colour = ""
    return colour if _COLOUR.match(colour) else "#8A8A8A"


def _table(rows: Iterable[Sequence[Any]], header: Sequence[str], cls: str = "") -> str:
    """An HTML table; cells are escaped unless they are :class:`_Html`."""
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{c if isinstance(c, _Html) else _e(c)}</td>" for c in row) + "</tr>"
        for row in rows
    )
    return (
        f'<div class="table-wrapper"><table class="report-table {cls}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


class _Html(str):
    """A string that is already HTML (not escaped again by :func:`_table`)."""


def _p(text: str) -> str:
    return f"<p>{text}</p>"


def _date(d: Any) -> str:
    from . import plots

    if _missing(d):
        return ""
    try:
        return plots._date_text(d)
    except Exception:  # noqa: BLE001
        return str(d)


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
    from . import plots

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
    from . import vocab

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
    from . import plots

    try:
        return plots.format_value(r.value, r.unit, r.approx)
    except Exception:  # noqa: BLE001 - a unit or qualifier the house formatter does not know
        return f"{r.value:g} {r.unit}" if not _missing(r.value) else ""


def _period(r: Any) -> str:
    from . import plots

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
    from .checks import check, compare_reference

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


# --- running the sections -----------------------------------------------------------------------------------


def _where(exc: BaseException) -> str:
    """Where the section failed: the innermost frame outside the standard library and installed packages,
    "report.py, line 123, in figures"."""
    frames = traceback.extract_tb(exc.__traceback__)[1:]  # the first is Report.parts, which caught it
    libs = (sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["purelib"], "site-packages")
    ours = [fr for fr in frames if not any(lib in fr.filename for lib in libs)] or frames
    if not ours:
        return ""
    fr = ours[-1]
    return f"{Path(fr.filename).name}, line {fr.lineno}, in {fr.name}"


def error_message(title: str | None, exc: BaseException) -> str:
    """The HTML a failed section shows instead of its content: what failed and where, not a traceback."""
    what = f"{type(exc).__name__}: {exc}".strip()
    where = _where(exc)
    name = f"“{_e(title)}”" if title else "This section"
    return (
        f'<div class="report-error" role="alert"><strong>{name} could not be made.</strong> {_e(what)}'
        + (f" <span class='where'>({_e(where)})</span>" if where else "")
        + ". The other sections are not affected.</div>"
    )


def _figure_html(fig: Any) -> str:
    from io import BytesIO

    from . import plots

    buf = BytesIO()
    fig.savefig(buf, format="png", dpi=200, bbox_inches="tight")
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    alt = plots.alt_text(fig) or "chart"
    return f'<img src="data:image/png;base64,{data}" alt="{_e(alt)}" width="600">'


def _alt_html(fig: Any) -> str:
    from . import plots

    return f'<p class="chart-alt">{_e(plots.alt_text(fig))}</p>'


class Report:
    """One report: the briefing read from ``transcript`` (``None``: the bundled one) and its sections.

    Reading never raises: a transcript that cannot be read leaves ``b`` as ``None`` and ``error`` says why,
    and every section then shows that message. :meth:`show` displays a section in a notebook,
    :meth:`html` returns it as HTML; a section that raises shows a message (:func:`error_message`) and is
    listed in ``failed``.
    """

    def __init__(self, transcript: str | os.PathLike[str] | None = None) -> None:
        from .model import load, read

        self.b: Any = None
        self.error = ""
        self.failed: list[str] = []
        try:
            self.b = read(transcript) if transcript else load()
        except TranscriptError as exc:
            self.error = f"{exc.where}: {exc.reason}"
        except Exception as exc:  # noqa: BLE001 - the report says why instead of stopping
            self.error = f"{transcript}: {type(exc).__name__}: {exc}"

    def parts(self, title: str | None, section: Callable[..., list[Part]]) -> list[Part]:
        """The section's heading and content, or its heading and an error message."""
        head = [f"<h2>{_e(title)}</h2>"] if title else []
        if self.b is None:
            return [*head, f'<div class="report-error" role="alert">The transcript could not be read: '
                           f"{_e(self.error)}</div>"]  # fmt: skip
        try:
            if section is closing:
                return head + list(closing(self.b, self.failed))
            return head + list(section(self.b))
        except Exception as exc:  # noqa: BLE001 - contained: the message shows in this section
            self.failed.append(title or section.__name__)
            return [*head, error_message(title, exc)]

    def html(self, title: str | None, section: Callable[..., list[Part]], charts: bool = True) -> str:
        """The section as one HTML string: charts as inline PNG, or (``charts=False``) their alt text."""
        return "\n".join(
            p if isinstance(p, str) else _figure_html(p) if charts else _alt_html(p)
            for p in self.parts(title, section)
        )

    def show(self, title: str | None, section: Callable[..., list[Part]]) -> None:
        """Display the section in the notebook: HTML, and charts as PNG with their alt text."""
        from IPython.display import HTML, display

        html_parts: list[str] = []
        for p in self.parts(title, section):
            if isinstance(p, str):
                html_parts.append(p)
                continue
            if html_parts:
                display(HTML("\n".join(html_parts)))
                html_parts = []
            display(p)
        if html_parts:
            display(HTML("\n".join(html_parts)))


def html_page(transcript: str | os.PathLike[str] | None = None, charts: bool = True) -> str:
    """Every section of the report for ``transcript`` as HTML fragments, in process (no kernel, no
    notebook): what the notebook shows, for tests and quick looks (``charts=False``: each chart's alt
    text instead of its picture). :func:`build` makes the real page."""
    r = Report(transcript)
    return "\n".join(r.html(t, s, charts) for t, s in SECTIONS)


# --- the notebook: parameters, execution, HTML --------------------------------------------------------------


def notebook(transcript: str | os.PathLike[str] | None = None, template: str | os.PathLike[str] = TEMPLATE):
    """The report notebook with ``transcript`` injected after its ``parameters`` cell (papermill's way)."""
    import nbformat
    from nbformat.v4 import new_code_cell

    nb = nbformat.read(os.fspath(template), as_version=4)
    at = next((i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), None)
    if at is None:
        raise ValueError(f"{template}: no cell tagged 'parameters'")
    nb.cells = [c for c in nb.cells if "injected-parameters" not in c.metadata.get("tags", [])]
    value = None if transcript is None else str(Path(transcript).resolve())
    cell = new_code_cell(
        f"# Parameters\ntranscript = {value!r}\n", metadata={"tags": ["injected-parameters", "remove-cell"]}
    )
    nb.cells.insert(at + 1, cell)
    nb.metadata.setdefault("papermill", {})["parameters"] = {"transcript": value}
    return nb


def execute(nb: Any, timeout: int = CELL_TIMEOUT) -> list[str]:
    """Execute ``nb`` in place in a fresh kernel of this environment, in a temporary working folder.

    A cell that raises does not stop the run: its error output is replaced by a short message (the
    exception, no traceback), and the returned list names each such cell.
    """
    from nbclient import NotebookClient

    from .notebooks import _current_env_kernel_manager

    with tempfile.TemporaryDirectory(prefix="briefing-report-") as cwd:
        client = NotebookClient(
            nb,
            timeout=timeout,
            allow_errors=True,
            record_timing=False,
            kernel_manager_class=_current_env_kernel_manager(),
            # the kernel's start-up notices (TCP on localhost) are not the user's concern; errors still show
            extra_arguments=["--IPKernelApp.log_level=ERROR"],
            resources={"metadata": {"path": cwd}},
        )
        client.execute()
    return contain_errors(nb)


def contain_errors(nb: Any) -> list[str]:
    """Replace every error output of ``nb`` by a short message (the exception, no traceback), in place;
    return one line per cell that had one."""
    from nbformat.v4 import new_output

    problems = []
    for i, cell in enumerate(nb.cells, start=1):
        outputs = []
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                problems.append(f"cell {i}: {o.get('ename')}: {o.get('evalue')}")
                msg = (
                    f'<div class="report-error" role="alert"><strong>This part of the report could not be '
                    f"made.</strong> {_e(o.get('ename'))}: {_e(o.get('evalue'))}. The other sections are not "
                    "affected.</div>"
                )
                outputs.append(new_output("display_data", data={"text/html": msg, "text/plain": msg}))
            else:
                outputs.append(o)
        cell.outputs = outputs
    return problems


def to_html(nb: Any) -> str:
    """The executed report notebook as one self-contained HTML page (the template in ``templates/report``)."""
    import copy

    from nbconvert import HTMLExporter
    from traitlets.config import Config

    nb = copy.deepcopy(nb)
    for cell in nb.cells:  # stderr (library warnings) stays in the notebook, not on the page
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not (o.output_type == "stream" and o.name == "stderr")]
    c = Config()
    c.TagRemovePreprocessor.enabled = True
    c.TagRemovePreprocessor.remove_cell_tags = ["remove-cell", "parameters", "injected-parameters"]
    exporter = HTMLExporter(
        config=c,
        template_name=HTML_TEMPLATE,
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": "report"}})
    return body


def build(
    transcript: str | os.PathLike[str] | None,
    out: str | os.PathLike[str],
    *,
    template: str | os.PathLike[str] = TEMPLATE,
    timeout: int = CELL_TIMEOUT,
) -> list[str]:
    """Read ``transcript`` (``None``: the bundled briefing), execute the report notebook for it and write
    ``report.html`` and ``report.ipynb`` into ``out`` as a whole. Returns the warnings: the reader's, and
    any cell that failed (shown as a message in its section).

    Raises :class:`briefing.TranscriptError` (naming the file) before anything runs when the transcript
    cannot be read; nothing is written then.
    """
    import nbformat

    from .files import write_folder
    from .model import load, read
    from .notebooks import carry_alt_text

    b = read(transcript) if transcript else load()
    warnings = list(b.warnings)
    nb = notebook(transcript, template)
    warnings += [f"report: {p}" for p in execute(nb, timeout)]
    nb.metadata["title"] = b.meta.title or f"Briefing report: {Path(str(b.meta.source_file)).name}"
    carry_alt_text(nb)
    page = to_html(nb)
    text = nbformat.writes(nb) + "\n"
    files = {
        "report.html": lambda p: p.write_text(page, encoding="utf-8"),
        "report.ipynb": lambda p: p.write_text(text, encoding="utf-8"),
    }
    warnings += write_folder(out, files, owned=REPORT_FILES)
    return warnings


# --- command line -------------------------------------------------------------------------------------------


def skip_iri_grammar() -> None:
    """Keep jsonschema (imported by nbformat) from building its IRI grammar with lark when the optional
    ``rfc3987-syntax`` is installed: about 2 s of start-up, for a format check the notebook schema never
    uses (the book's configuration does the same). Only where nothing has imported jsonschema yet."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


def _cmd(args: argparse.Namespace) -> int:
    import importlib.util

    skip_iri_grammar()

    missing = [m for m in ("nbclient", "nbconvert", "ipykernel") if importlib.util.find_spec(m) is None]
    if missing:
        print(
            f"briefing: error: briefing report needs {', '.join(missing)}: pip install 'briefing[notebooks]'",
            file=sys.stderr,
        )
        return 2
    try:
        warnings = build(args.transcript, args.out, timeout=args.timeout)
    except (TranscriptError, OSError, KeyboardInterrupt):
        raise  # the command line's own messages (file named; folder left as it was)
    except Exception as exc:  # noqa: BLE001 - the kernel died, a timeout: one line, nothing written
        print(f"briefing: error: the report could not be made ({type(exc).__name__}: {exc}); "
              f"{args.out} was left as it was", file=sys.stderr)  # fmt: skip
        return 2
    if not args.quiet:
        for w in warnings:
            print(f"briefing: warning: {w}", file=sys.stderr)
        print(f"wrote {Path(args.out) / 'report.html'}", file=sys.stderr)
    return 0


def add_command(sub: Any) -> None:
    """Add ``briefing report`` to the command line's sub-commands."""
    r = sub.add_parser("report", help="an HTML report of one transcript: event, exchanges, figures, checks")
    r.add_argument("transcript", nargs="?", help="transcript file (default: the bundled one)")
    r.add_argument("--out", required=True, help="output directory (report.html, report.ipynb)")
    r.add_argument("--timeout", type=int, default=CELL_TIMEOUT, help="seconds per notebook cell")
    r.add_argument("-q", "--quiet", action="store_true")
    r.set_defaults(func=_cmd)
