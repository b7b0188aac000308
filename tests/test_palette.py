"""The colours of briefing/data/palette.yml, checked by computation rather than by eye.

- Text colours (``sector_text``, the officials, the roles used for labels, ``computed``) reach WCAG 2.1 AA,
  a contrast ratio of at least 4.5:1 on white; the light ``other`` role fill reaches the 3:1 that WCAG asks
  of graphics.
- The sector fills stay apart for readers with colour-vision deficiencies: every pair keeps a CIE76 colour
  difference of at least 10 (clearly distinguishable side by side) with normal vision and under the Machado,
  Oliveira and Fernandes (2009) simulations of deuteranopia, protanopia and tritanopia at full severity.
- ``computed`` (values the package computed, not said) has a hatch and a colour no sector uses, nor the
  neutral greys.
"""

from __future__ import annotations

import itertools

import pytest

from briefing import vocab

PALETTE = vocab.load("palette")
WHITE = "#FFFFFF"

#: Machado et al. (2009), severity 1.0, applied to linear RGB.
CVD = {
    "deuteranopia": [
        [0.367322, 0.860646, -0.227968],
        [0.280085, 0.672501, 0.047413],
        [-0.011820, 0.042940, 0.968881],
    ],
    "protanopia": [
        [0.152286, 1.052583, -0.204868],
        [0.114503, 0.786281, 0.099216],
        [-0.003882, -0.048116, 1.051998],
    ],
    "tritanopia": [
        [1.255528, -0.076749, -0.178779],
        [-0.078411, 0.930809, 0.147602],
        [0.004733, 0.691367, 0.303900],
    ],
}


def _linear(hex_colour: str) -> list[float]:
    h = hex_colour.lstrip("#")
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def luminance(hex_colour: str) -> float:
    """WCAG 2.1 relative luminance."""
    r, g, b = _linear(hex_colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str = WHITE) -> float:
    """WCAG 2.1 contrast ratio of two colours, 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def _lab(rgb: list[float]) -> tuple[float, float, float]:
    r, g, b = rgb
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def seen(hex_colour: str, deficiency: str | None = None) -> tuple[float, float, float]:
    """CIELAB of a colour as seen with normal vision or with a simulated deficiency."""
    rgb = _linear(hex_colour)
    if deficiency:
        m = CVD[deficiency]
        rgb = [min(1.0, max(0.0, sum(m[i][j] * rgb[j] for j in range(3)))) for i in range(3)]
    return _lab(rgb)


def delta_e(a, b) -> float:
    return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5


def test_contrast_formula_on_known_pairs():
    # Values given by WCAG's own examples and by any contrast checker: black on white 21:1, white on white
    # 1:1, #767676 the lightest grey that passes AA on white (4.54:1), #777777 just fails (4.48:1).
    assert contrast("#000000") == pytest.approx(21.0)
    assert contrast("#FFFFFF") == pytest.approx(1.0)
    assert contrast("#767676") == pytest.approx(4.54, abs=0.01)
    assert contrast("#777777") == pytest.approx(4.48, abs=0.01)
    # The previous palette, as the teaching issue measured it: software 1.95:1, electronics 2.32:1.
    assert contrast("#CCB974") == pytest.approx(1.95, abs=0.01)
    assert contrast("#64B5CD") == pytest.approx(2.32, abs=0.01)


def test_every_sector_has_a_text_colour_that_meets_wcag_aa():
    assert set(PALETTE["sector_text"]) == set(PALETTE["sectors"])
    low = {s: round(contrast(c), 2) for s, c in PALETTE["sector_text"].items() if contrast(c) < 4.5}
    assert not low, f"sector text colours below 4.5:1 on white: {low}"


def test_roles_officials_and_computed_meet_contrast():
    text = {**{f"role {k}": v for k, v in PALETTE["roles"].items() if k != "other"}}
    text |= {f"official {i}": c for i, c in enumerate(PALETTE["officials"])}
    text["computed"] = PALETTE["computed"]["colour"]
    low = {k: round(contrast(c), 2) for k, c in text.items() if contrast(c) < 4.5}
    assert not low, f"below 4.5:1 on white: {low}"
    assert contrast(PALETTE["roles"]["other"]) >= 3.0


@pytest.mark.parametrize("deficiency", [None, *CVD])
def test_sector_colours_stay_apart_for_colour_blind_readers(deficiency):
    colours = PALETTE["sectors"]
    close = [
        (a, b, round(delta_e(seen(ca, deficiency), seen(cb, deficiency)), 1))
        for (a, ca), (b, cb) in itertools.combinations(colours.items(), 2)
        if delta_e(seen(ca, deficiency), seen(cb, deficiency)) < 10
    ]
    assert not close, f"{deficiency or 'normal vision'}: sector colours too close: {close}"


def test_the_simulation_can_tell_a_red_green_confusion():
    # The check above must be able to fail: a pure red and a green of similar lightness, far apart with
    # normal vision, nearly merge for a deuteranope.
    red, green = "#D62728", "#7F7F00"
    assert delta_e(seen(red), seen(green)) > 30
    assert delta_e(seen(red, "deuteranopia"), seen(green, "deuteranopia")) < 10


def test_computed_style_is_its_own():
    computed = PALETTE["computed"]
    assert computed["hatch"] and set(computed["hatch"]) <= set("/\\|-+xoO.*")
    others = {
        **PALETTE["sectors"],
        "other_sector": PALETTE["other_sector"],
        "no_sector": PALETTE["no_sector"],
    }
    near = {k: round(delta_e(seen(c), seen(computed["colour"])), 1) for k, c in others.items()}
    assert min(near.values()) >= 10, f"the computed colour is too close to {near}"
