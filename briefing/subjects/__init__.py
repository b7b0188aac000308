"""The subject of each figure: the noun phrase that says what is counted or measured (``docs/figures.md``).

"3.189 million 5G base stations" (the phrase after a count), "telecom revenue grew by 6.8%" (the phrase
before the verb), "22% of its kind", "including" parts, "respectively" lists, and the sentence's own
subject when the figure has none.

The package has one room per purpose: :mod:`.phrases` finds the phrase (after a count, before the verb, the
sentence's subject), :mod:`.lists` splits "including" parts and "respectively" lists, :mod:`.stand_alone`
makes each subject stand alone (growth, counts with their condition, references resolved) with the words of
:mod:`.words` (data/subjects.yml), and :mod:`.changes` names shares, point changes and streaks.
"""

from __future__ import annotations

from ..records import Figure, Sentence
from .clauses import _in_measure, _nested
from .lists import _including, _respectively
from .phrases import (
    _GROWTH_IN,
    _OWN_KIND,
    _SHARE_OF,
    _STOP_AFTER,
    _money_noun,
    _noun_after,
    _noun_before,
    _sentence_subject,
    _tidy,
)
from .stand_alone import _stand_alone

# the phrase patterns, read by name by the linear-time tests
from .phrases import _APPOSITIVE as _APPOSITIVE  # isort: skip
from .phrases import _RELATIVE as _RELATIVE  # isort: skip
from .phrases import _TRAIL_ADVERB as _TRAIL_ADVERB  # isort: skip
from .phrases import _TRAIL_PERIOD as _TRAIL_PERIOD  # isort: skip


def _subjects(text: str, low: str, figs: list[Figure], sentences: list[Sentence]) -> None:
    cache: dict[int, str] = {}

    def sentence_subject(si: int) -> str:
        if si not in cache:
            cache[si] = _sentence_subject(text, sentences[si], sentence_subject, si)
        return cache[si]

    for f in figs:
        s = sentences[f.sentence]
        subj = ""
        if f.unit not in ("%", "pp") and f.kind != "streak":
            subj = _noun_after(text, low, f, s)
        if not subj and f.kind == "growth":
            m = _GROWTH_IN.match(text, f.end, s.end)
            if m:
                subj = _tidy(m.group("np"))
        if not subj:
            subj = _noun_before(text, low, f, s, sentence_subject)
        if not subj:  # "collected 4.77 trillion yuan in fiscal revenue"
            subj = _in_measure(text, low, f, s)
        if not subj:  # "the 3.12 trillion yuan in special-purpose local government bonds"
            subj = _money_noun(text, low, f, s)
        if not subj and f.kind == "share":
            m = _SHARE_OF.match(text, f.token.end, s.end)
            if m and not _OWN_KIND.match(low, m.start("np")):  # "22% of its kind": of the count before it
                stop = _STOP_AFTER.search(low, m.start("np"), s.end)
                subj = _tidy(text[m.start("np") : stop.start() if stop else s.end])
        f.subject = subj
    _including(low, figs, sentences)
    _respectively(text, figs, sentences)
    # a figure without a subject of its own takes the previous figure's in the same sentence
    # (not of a count that says where the one before it came from: "125,000 buyers from 212 countries ..., up
    # 23.2%" is of the buyers)
    for k, f in enumerate(figs):
        if not f.subject and k > 0 and figs[k - 1].sentence == f.sentence:
            j = k - 2 if _nested(low, figs, k - 1, sentences[f.sentence]) else k - 1
            f.subject = figs[j].subject
    for f in figs:
        if not f.subject:
            f.subject = sentence_subject(f.sentence) or "(unspecified)"
    _stand_alone(text, low, figs, sentences, sentence_subject)
