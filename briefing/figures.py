"""Typed statistics from the figure tokens of the ledger: value, unit, kind, approx, period, baseline,
subject and sector, each with its exact place in the text.

The rules follow ``docs/figures.md``. They read the register of official statistics: scale words
("3.189 million"), units ("percentage points", "EFLOPS"), signed changes ("a 20% reduction"),
qualifiers ("more than", "nearly"), "respectively" lists, "27 of 41", "per 10,000 people", periods that
frame a sentence or a paragraph, and comparisons ("5.1 percentage points faster than ...").

This module assembles a figure from the steps that each live in their own module: quantities.py (unit,
scale, kind, sign, approximation, baseline), periods.py (the period of each figure), subjects/ (the
noun phrase) and sectors.py (applied by the parse, once the exchanges are known).
"""

from __future__ import annotations

from .figure_periods import assign_periods
from .lexicon import Lexicon
from .numbers import Token, parse_number
from .quantities import (
    _APPROX_AFTER,
    _APPROX_AFTER_KIND,
    _APPROX_KIND,
    _COORD,
    _OF_TOTAL,
    _approx_rx,
    _baseline,
    _borrow_units,
    _kind_and_sign,
    _units,
)
from .records import Figure, Sentence
from .sectors import dominant_sector, sector_counts, sector_of_counts
from .subjects import _subjects
from .text import lower

__all__ = [
    "Figure",
    "Sentence",
    "build_figures",
    "dominant_sector",
    "sector_counts",
    "sector_of_counts",
]


def build_figures(
    text: str,
    tokens: list[Token],
    sentences: list[Sentence],
    sentence_of: list[int],
    low: str | None = None,
    lexicon: Lexicon | None = None,
) -> list[Figure]:
    """Figures for the tokens whose role is ``figure``; ``sentence_of[i]`` is token i's sentence.
    ``low`` is ``lower(text)`` when the caller has it already; ``lexicon`` gives the units (the
    bundled one by default)."""
    low = lower(text) if low is None else low
    u = _units(lexicon)
    dollar: str | None = None  # the unit of a bare "$" or "dollars" in this text, read when first needed
    figs: list[Figure] = []
    for tok, si in zip(tokens, sentence_of, strict=True):
        if tok.role != "figure" or si < 0:
            continue
        s = sentences[si]
        value = parse_number(text[tok.num_start : tok.num_end])
        pos = tok.end
        unit, kind = "count", None
        scale = 1.0
        approx = "exact"
        suffix = tok.suffix.lower()
        if suffix and suffix not in u.glued_scales:  # "384GW"
            hit = u.lookup.get(suffix)
            if hit:
                unit, kind = hit
        else:
            if suffix:  # "3.189m", "7.5bn yuan": the scale glued on
                scale = u.glued_scales[suffix]
            elif q := _APPROX_AFTER.match(low, pos, s.end):  # "7,000-plus", "7,000-odd kilometers"
                approx, pos = _APPROX_AFTER_KIND[q.group("w")], q.end()
            elif m := u.scale_rx.match(text, pos, s.end):
                scale = u.scales[m.group("s").lower()]
                pos = m.end()
                if q := _APPROX_AFTER.match(low, pos, s.end):  # "1.2 million-plus"
                    approx, pos = _APPROX_AFTER_KIND[q.group("w")], q.end()
            m = u.unit_rx.match(text, pos, s.end)
            if m and not (m.group("u") == "%" and m.start() != pos):
                unit, kind = u.lookup[m.group("u").lower()]
                pos = m.end()
                if m.group("u").lower() == "dollars":
                    dollar = dollar or _text_dollar(text, lexicon)
                    unit = dollar
            elif per := next((pu for pu, rx in u.per_capita if rx.match(text, pos, s.end)), None):
                unit = per  # "22.6 5G base stations per 10,000 people"
            elif u.prefix_rx is not None and (
                p := u.prefix_rx.search(text, max(s.start, tok.start - 5), tok.start)
            ):
                unit = u.prefixes[p.group().strip(" ")]  # "RMB 3.88 trillion"
                if p.group().strip(" ") == "$":
                    dollar = dollar or _text_dollar(text, lexicon)
                    unit = dollar
        f = Figure(tok, value * scale, unit, kind or "level", approx, pos, si, scale)
        ot = _OF_TOTAL.match(text, tok.end, s.end)
        if ot and unit == "count":
            f.of_total = parse_number(ot.group("n"))
        figs.append(f)
    _borrow_units(text, figs)
    for k, f in enumerate(figs):
        s = sentences[f.sentence]
        _kind_and_sign(low, f, s, u.streak)
        m = _approx_rx().search(low, max(s.start, f.token.start - 40), f.token.start)
        if m:
            w = m.group("w").lower()
            f.approx = _APPROX_KIND[" ".join(w.split())]
        prev = figs[k - 1] if k else None
        coordinated = (
            prev is not None
            and prev.sentence == f.sentence
            and prev.unit == f.unit
            and _COORD.match(text[prev.end : f.token.start]) is not None
        )
        f.group = prev.group if coordinated and prev is not None else k
    for k, f in enumerate(figs):
        nxt = figs[k + 1].token.start if k + 1 < len(figs) and figs[k + 1].sentence == f.sentence else None
        f.baseline = _baseline(text, low, f, sentences[f.sentence], nxt)
    assign_periods(text, figs, sentences)
    _subjects(text, low, figs, sentences)
    return figs


def _text_dollar(text: str, lexicon: Lexicon | None = None) -> str:
    """The unit of a bare "$" or "dollars" in ``text``: the US dollar, unless the text names one other dollar
    and no US dollar (a Hong Kong government release writes "$270 billion" for Hong Kong dollars)."""
    named = {unit for unit, rx in _units(lexicon).dollars.items() if rx.search(text)}
    return named.pop() if len(named) == 1 and "USD" not in named else "USD"
