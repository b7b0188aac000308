"""The vocabulary a parse reads, as one frozen object: :class:`Lexicon`.

The bundled lexicon is the YAML vocabularies of ``briefing/data/`` (units, qualifiers, layout words, number
roles, sentence rules, kinds, month names).
A run can read with more words without editing the package's files:

>>> import briefing
>>> from briefing.lexicon import Lexicon
>>> lex = Lexicon.bundled().with_units({"TWh": ["terawatt-hours", "TWh"]})
>>> b = briefing.parse(text, lexicon=lex)          # doctest: +SKIP
>>> Lexicon.bundled().unit_of("TWh") is None        # the bundled lexicon is unchanged
True

Layout words too: ``Lexicon.bundled().with_layout(chrome=["Listen to this article"], honorifics=["Sir"])``
reads a line "Listen to this article" as page chrome and "Sir John Smith:" as John Smith, in the runs given
that lexicon only.

A lexicon is immutable: ``with_units`` and ``with_layout`` return a new one. The patterns compiled from a
lexicon are cached per lexicon object (keep the object to reuse them; the bundled one is built once per
process).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import cache
from types import MappingProxyType
from typing import Any

from .kinds import KINDS
from .vocab import load

__all__ = ["Lexicon", "LexiconError", "active", "reading"]

#: The vocabularies a lexicon holds, each a file ``briefing/data/<name>.yml``.
VOCABULARIES = ("units", "qualifiers", "layout", "roles", "sentences", "kinds", "months")


class LexiconError(ValueError):
    """An extension of a lexicon that cannot be read (a unit without words, a word already taken ...)."""


def _freeze(x: Any) -> Any:
    """A read-only copy of parsed YAML: mappings become mapping proxies, lists tuples."""
    if isinstance(x, Mapping):
        return MappingProxyType({k: _freeze(v) for k, v in x.items()})
    if isinstance(x, (list, tuple)):
        return tuple(_freeze(v) for v in x)
    return x


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The vocabularies of one parse, read-only. Build it with :meth:`bundled` and extend it with
    :meth:`with_units`; pass it as ``lexicon=`` to :func:`briefing.parse` or :func:`briefing.read`.

    Two lexicons compare (and hash) by identity, so that the patterns compiled from one are cached once.
    """

    units: Mapping[str, Any]
    qualifiers: Mapping[str, Any]
    layout: Mapping[str, Any]
    roles: Mapping[str, Any]
    sentences: Mapping[str, Any]
    kinds: Mapping[str, Any]
    months: Mapping[str, Any]
    name: str = "bundled"

    @classmethod
    @cache
    def bundled(cls) -> Lexicon:
        """The vocabularies shipped in ``briefing/data/`` (one object per process)."""
        return cls(**{v: _freeze(load(v)) for v in VOCABULARIES})

    # ------------------------------------------------------------------ reading
    def unit_of(self, word: str) -> str | None:
        """The unit a unit word stands for (case-insensitive), or None."""
        w = word.lower()
        for u in self.units["units"]:
            if any(x.lower() == w for x in u["words"]):
                return str(u["unit"])
        return None

    @property
    def unit_names(self) -> tuple[str, ...]:
        """Every unit, in the order of the vocabulary."""
        return tuple(str(u["unit"]) for u in self.units["units"])

    @property
    def added_units(self) -> tuple[str, ...]:
        """The units of this lexicon that the bundled one lacks, in order (empty for the bundled one)."""
        if self is Lexicon.bundled():
            return ()
        bundled = set(Lexicon.bundled().unit_names)
        return tuple(u for u in self.unit_names if u not in bundled)

    # ------------------------------------------------------------------ extending
    def with_file(self, path: str | os.PathLike[str]) -> Lexicon:
        """A new lexicon with the words of a YAML file: ``units:`` as :meth:`with_units` takes them (unit ->
        words, or entries) and ``layout:`` as :meth:`with_layout` (list name -> words); both optional::

            units:
              TWh: [terawatt-hours, TWh]
            layout:
              chrome: ['listen to this article$']

        Raises :class:`LexiconError` naming the file (and the line, for YAML that does not parse)."""
        import yaml

        where = os.fspath(path)
        try:
            with open(where, encoding="utf-8") as fh:
                spec = yaml.safe_load(fh)
        except OSError as e:
            raise LexiconError(f"{where}: {e.strerror or e}") from None
        except UnicodeDecodeError:
            raise LexiconError(f"{where}: not UTF-8 text") from None
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            line = f":{mark.line + 1}" if mark is not None else ""
            problem = getattr(e, "problem", None) or "not valid YAML"
            raise LexiconError(f"{where}{line}: {problem}") from None
        if spec is None:
            return self
        if not isinstance(spec, Mapping) or set(spec) - {"units", "layout"}:
            keys = sorted(map(str, spec)) if isinstance(spec, Mapping) else type(spec).__name__
            raise LexiconError(f"{where}: expected a mapping with 'units' and/or 'layout', got {keys}")
        lex = self
        try:
            if spec.get("units"):
                lex = lex.with_units(spec["units"])
            if spec.get("layout"):
                if not isinstance(spec["layout"], Mapping):
                    raise LexiconError("'layout' must map list names to words")
                lex = lex.with_layout(**{str(k): v for k, v in spec["layout"].items()})
        except LexiconError as e:
            raise LexiconError(f"{where}: {e}") from None
        return replace(lex, name=f"{self.name}+{os.path.basename(where)}")

    def with_units(
        self, units: Mapping[str, Iterable[str]] | Iterable[Mapping[str, Any]], name: str | None = None
    ) -> Lexicon:
        """A new lexicon with more units: ``{"TWh": ["terawatt-hours", "TWh"]}`` (unit -> its words), or
        entries as in ``units.yml`` (``{"unit": "TWh", "words": [...], "kind": ..., "description": ...}``).

        A word written in letters alone may also be glued to its number ("9.2TWh"). New words for a unit
        the lexicon has already are added to it. Raises :class:`LexiconError` for an entry without a
        unit or words, a word that is not a non-empty string, a word another unit has already, or an
        unknown ``kind``.
        """
        entries = _entries(units)
        taken = {w.lower(): str(u["unit"]) for u in self.units["units"] for w in u["words"]}
        scales = {str(s).lower() for s in self.units["scales"]} | {
            str(s).lower() for s in self.units.get("glued_scales", {})
        }
        old = [dict(u) for u in self.units["units"]]
        by_unit = {u["unit"]: u for u in old}
        new: list[dict[str, Any]] = []
        for e in entries:
            unit, words = e["unit"], e["words"]
            for w in words:
                if w.lower() in scales:
                    raise LexiconError(f"unit {unit!r}: word {w!r} is a scale word of the lexicon")
                other = taken.get(w.lower())
                if other is not None and other != unit:
                    raise LexiconError(f"unit {unit!r}: word {w!r} already stands for unit {other!r}")
                taken[w.lower()] = unit
            if unit in by_unit:
                u = by_unit[unit]
                if "kind" in e and e["kind"] != u.get("kind"):
                    raise LexiconError(f"unit {unit!r} has kind {u.get('kind')!r} already, not {e['kind']!r}")
                u["words"] = [*u["words"], *(w for w in words if w not in u["words"])]
            else:
                u = {"unit": unit, "words": words, "description": e.get("description", unit)}
                if e.get("kind") is not None:
                    u["kind"] = e["kind"]
                by_unit[unit] = u
                new.append(u)
        spec = dict(self.units)
        spec["units"] = old + new
        return replace(self, units=_freeze(spec), name=name or f"{self.name}+units")

    def with_layout(self, name: str | None = None, **words: Iterable[str]) -> Lexicon:
        """A new lexicon with more layout words (``layout.yml``): each keyword names a list of that file
        (``chrome``, ``trailer``, ``page_furniture``, ``link_lists``, ``posting_line`` and ``floor_opening``,
        ``hand_over`` hold patterns, matched case-insensitively at the start of a line or in a turn;
        ``honorifics``, ``small_words``, ``outlet_words``, ``chair_affiliation`` hold words;
        ``official_words`` patterns). The words are added after the bundled ones. Raises
        :class:`LexiconError` for a name that is not a list of ``layout.yml``, a word that is not a
        non-empty string, or a pattern that does not compile."""
        spec = dict(self.layout)
        for key, new in words.items():
            if key not in spec or not isinstance(spec[key], tuple):
                lists = ", ".join(k for k, v in spec.items() if isinstance(v, tuple))
                raise LexiconError(f"layout has no word list {key!r} (lists: {lists})")
            if isinstance(new, str):
                raise LexiconError(f"layout {key!r}: give a list of words, not the string {new!r}")
            added = list(new)
            for w in added:
                if not isinstance(w, str) or not w.strip():
                    raise LexiconError(f"layout {key!r}: {w!r} is not a non-empty string")
                if key in _LAYOUT_PATTERNS:
                    try:
                        re.compile(w)
                    except re.error as e:
                        raise LexiconError(f"layout {key!r}: pattern {w!r} does not compile: {e}") from None
            spec[key] = _freeze([*spec[key], *(w for w in added if w not in spec[key])])
        return replace(self, layout=_freeze(spec), name=name or f"{self.name}+layout")

    def __repr__(self) -> str:
        return f"<Lexicon {self.name!r}: {len(self.units['units'])} units>"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as plain data (a process pool sends a lexicon to its workers); the bundled one stays the
        bundled one."""
        if self is Lexicon.bundled():
            return (Lexicon.bundled, ())
        data = {f: _thaw(getattr(self, f)) for f in VOCABULARIES}
        return (_rebuilt, (data, self.name))


def _thaw(x: Any) -> Any:
    """Plain dicts and lists from a frozen vocabulary (the inverse of ``_freeze``)."""
    if isinstance(x, Mapping):
        return {k: _thaw(v) for k, v in x.items()}
    if isinstance(x, tuple):
        return [_thaw(v) for v in x]
    return x


def _rebuilt(data: dict[str, Any], name: str) -> Lexicon:
    return Lexicon(**{k: _freeze(v) for k, v in data.items()}, name=name)


#: The lists of ``layout.yml`` that hold patterns (the others hold words).
_LAYOUT_PATTERNS = frozenset(
    ("chrome", "trailer", "page_furniture", "link_lists", "posting_line", "floor_opening", "hand_over",
     "official_words")
)  # fmt: skip

_ACTIVE: ContextVar[Lexicon | None] = ContextVar("briefing_lexicon", default=None)


def active() -> Lexicon:
    """The lexicon of the parse under way (:func:`reading`), else the bundled one. The layout reader and
    the dialogue read their words through it, so that a parse's ``lexicon=`` reaches them without
    being passed through every function of the reader."""
    return _ACTIVE.get() or Lexicon.bundled()


@contextmanager
def reading(lexicon: Lexicon) -> Iterator[Lexicon]:
    """Make ``lexicon`` the :func:`active` one inside the block (per thread and per task)."""
    token = _ACTIVE.set(lexicon)
    try:
        yield lexicon
    finally:
        _ACTIVE.reset(token)


def _entries(units: Any) -> list[dict[str, Any]]:
    """Unit entries checked and normalised to ``{"unit", "words", ["kind"], ["description"]}``."""
    if isinstance(units, Mapping):
        raw: list[Any] = [{"unit": k, "words": v} for k, v in units.items()]
    elif isinstance(units, Iterable) and not isinstance(units, (str, bytes)):
        raw = list(units)
    else:
        raise LexiconError(
            f"units must be a mapping unit -> words or a list of entries, not {type(units).__name__}"
        )
    out = []
    for e in raw:
        if not isinstance(e, Mapping):
            raise LexiconError(f"a unit entry must be a mapping with 'unit' and 'words', not {e!r}")
        unknown = set(e) - {"unit", "words", "kind", "description"}
        if unknown:
            raise LexiconError(f"unit entry {e!r}: unknown keys {sorted(unknown)}")
        unit = e.get("unit")
        if not isinstance(unit, str) or not unit.strip():
            raise LexiconError(f"unit entry {e!r}: 'unit' must be a non-empty string")
        words = e.get("words")
        if isinstance(words, str) or not isinstance(words, Iterable):
            raise LexiconError(f"unit {unit!r}: 'words' must be a list of strings, not {words!r}")
        words = list(words)
        if not words:
            raise LexiconError(f"unit {unit!r}: no words (a unit is found by its words)")
        for w in words:
            if not isinstance(w, str) or not w.strip() or w != w.strip():
                raise LexiconError(
                    f"unit {unit!r}: word {w!r} must be a non-empty string without outer spaces"
                )
            if w[0].isdigit():
                raise LexiconError(f"unit {unit!r}: word {w!r} starts with a digit")
        kind = e.get("kind")
        if kind is not None and kind not in KINDS:
            raise LexiconError(f"unit {unit!r}: unknown kind {kind!r}; known: {', '.join(KINDS)}")
        d: dict[str, Any] = {"unit": unit, "words": words}
        if kind is not None:
            d["kind"] = kind
        if "description" in e:
            d["description"] = str(e["description"])
        out.append(d)
    return out
