"""The alt text of a chart: written by the function that drew it (:func:`set_alt_text`) or read from
the panel (:func:`describe`); :func:`alt_text` reads it back."""

from __future__ import annotations

import matplotlib as mpl
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..kinds import KINDS

_ALT_ATTR = "_briefing_alt"
#: Items listed in a chart's alt text before "and N more".
ALT_MAX_ITEMS = 12


def set_alt_text(target: Axes | Figure, text: str) -> None:
    """Store the alt text of a chart (a Figure) or of one of its panels (an Axes)."""
    setattr(target, _ALT_ATTR, " ".join(str(text).split()))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text.endswith((".", "?", "!")) else text + "."


def describe(ax: Axes) -> str:
    """What a panel drawn without the house functions shows, read from the panel itself: its kind of marks
    (bars, lines, dots), the categories on its axis and what the value axis measures."""
    marks = []
    if any(isinstance(p, mpl.patches.Rectangle) for p in ax.patches):
        marks.append("bars")
    if ax.lines:
        marks.append("lines")
    if ax.collections:
        marks.append("dots")
    what = " and ".join(marks) or "marks"
    cats = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels() if t.get_text()]
    other = ax.get_xlabel()
    if not cats:
        cats = [t.get_text().replace("\n", " ") for t in ax.get_xticklabels() if t.get_text()]
        other = ax.get_ylabel()
    text = f"A chart of {what}"
    if cats:
        text += f" for {_listing(cats)}"
    if other:
        text += f", against {other[0].lower()}{other[1:]}"
    return _sentence(text)


def _listing(items: list[str]) -> str:
    shown = items[:ALT_MAX_ITEMS]
    text = "; ".join(shown)
    if len(items) > len(shown):
        text += f"; and {len(items) - len(shown)} more"
    return text


def alt_text(target: Axes | Figure) -> str:
    """The alt text of a chart, stating what it shows: what the house function that drew it wrote from
    the rows it drew (:func:`set_alt_text`), or for a panel drawn otherwise :func:`describe`. A figure's
    alt text is its title and each panel's, in order."""
    own = getattr(target, _ALT_ATTR, None)
    if isinstance(target, Axes):
        title = target.get_title() or target.get_title("left")
        return " ".join(x for x in (_sentence(title), own or describe(target)) if x)
    if own:
        return own
    fig = target
    parts = []
    if fig.get_suptitle():
        parts.append(_sentence(fig.get_suptitle()))
    panels = [ax for ax in fig.axes if ax.get_visible() and (ax.has_data() or getattr(ax, _ALT_ATTR, None))]
    parts += [alt_text(ax) for ax in panels]
    return " ".join(parts) or "An empty chart."


_ALT_UNITS = {"%": "percent", "pp": "percentage points", "count": "numbers"}
_ALT_KINDS: dict[str, tuple[str, str]] = {k: v.noun for k, v in KINDS.items()}


def _alt_items(labels: list[str], values: list[str]) -> str:
    return _listing([f"{name}: {v}" for name, v in zip(labels, values, strict=True)])


# --- bars of figures ----------------------------------------------------------------------------------------
