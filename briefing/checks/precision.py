"""The precision a figure is stated to, values compared at the coarser precision, and values written out."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

_EPS = 1e-9
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


@dataclass(frozen=True)
class Precision:
    """How precisely a number is spoken.

    - ``stated``: one unit of the last digit written ("6.278 million": 1,000; "825,000": 1; "4%": 1);
    - ``rounding``: the same, reading an integer's trailing zeros as rounding ("825,000": 1,000; "110%": 10);
    - ``digits``: significant digits as spoken ("6.278 million": 4; "825,000": 3).
    """

    stated: float
    rounding: float
    digits: int


def precision(surface: object, value: float) -> Precision:
    """The :class:`Precision` of a figure from its surface ("6.278 million") and value (6278000.0)."""
    v = abs(float(value))
    m = _NUM.search(surface) if isinstance(surface, str) else None
    s = m.group().replace(",", "") if m else np.format_float_positional(v, trim="-")
    num = float(s)
    scale = 10 ** round(math.log10(v / num)) if num and v else 1.0
    dec = len(s.split(".")[1]) if "." in s else 0
    stated = scale * 10.0**-dec
    digits = s.replace(".", "").lstrip("0")
    rounding = stated
    if dec == 0 and digits:
        zeros = len(digits) - len(digits.rstrip("0"))
        rounding = stated * 10.0**zeros
        digits = digits.rstrip("0")
    return Precision(stated, rounding, max(1, len(digits)))


def _same_value(a: float, ra: float, b: float, rb: float) -> bool:
    """Equal within the rounding of the less precise of the two (resolutions ``ra``, ``rb``)."""
    r = max(ra, rb)
    return abs(a - b) <= r / 2 * (1 + 1e-9) + _EPS


def _fmt(v: float, unit: str, digits: int | None = None, decimals: int | None = None) -> str:
    """A value as text: "6.2%", "0.2 pp", "392,900", "4.722 million", "6.61 trillion yuan"."""
    if unit in ("%", "pp"):
        d = 1 if decimals is None else decimals
        return f"{v:.{d}f}%" if unit == "%" else f"{v:.{d}f} pp"
    if digits is not None and v:
        v = float(f"{v:.{digits}g}")
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= scale:
            body = f"{v / scale:.{digits or 4}g} {word}"
            break
    else:
        if decimals is not None:
            body = f"{v:,.{decimals}f}"
        elif digits is not None and v:
            body = f"{v:,.{max(0, digits - 1 - math.floor(math.log10(abs(v))))}f}"
        else:
            body = f"{v:,.3f}".rstrip("0").rstrip(".")
    if unit in ("count", "", None):
        return body
    return f"{body} {unit}"
