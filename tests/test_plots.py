"""House charts (briefing.plots): one unit per axis, sector colours from sectors.yml, readable values."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
import yaml

from briefing import plots

from .conftest import ROOT


@pytest.fixture(autouse=True)
def _close_figures():
    plots.use_house_style()
    yield
    plt.close("all")


def _source(fig) -> str:
    texts = [t.get_text() for t in fig.texts if t.get_gid() == "source-line"]
    assert len(texts) == 1, texts
    return texts[0]


# --- format_value: cases worked out by hand -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "unit", "approx", "want"),
    [
        (4.0, "%", "exact", "4.0%"),
        (17.2, "%", "exact", "17.2%"),
        (-20.0, "%", "exact", "-20.0%"),
        (110.0, "%", "exact", "110.0%"),
        (60.0, "%", "nearly", "nearly 60.0%"),
        (0.2, "pp", "exact", "0.2 pp"),
        (2.0, "pp", "exact", "2.0 pp"),
        (3_189_000.0, "count", "exact", "3.19 million"),  # three significant digits
        (6_313_000.0, "count", "exact", "6.31 million"),
        (145_000_000.0, "count", "exact", "145 million"),
        (2.22e9, "count", "exact", "2.22 billion"),
        (999_600_000.0, "count", "exact", "1 billion"),  # rounding carries into the next scale word
        (825_000.0, "count", "exact", "825,000"),
        (3_460.0, "count", "exact", "3,460"),
        (392_857.14, "count", "exact", "392,857"),  # an implied count is read as a whole number
        (0.5, "count", "exact", "0.5"),
        (10_000.0, "count", "nearly", "nearly 10,000"),
        (7_000.0, "count", "more_than", "more than 7,000"),
        (7.5e12, "yuan", "more_than", "more than 7.5 trillion yuan"),
        (5e12, "yuan", "exact", "5 trillion yuan"),
        (197.0, "EFLOPS", "exact", "197 EFLOPS"),
        (300.0, "Wh/kg", "exact", "300 Wh/kg"),
        (7e7, "km", "more_than", "more than 70 million km"),
        (384.0, "GW", "exact", "384 GW"),
        (22.6, "per 10,000 people", "exact", "22.6 per 10,000 people"),
        (36.0, "months", "exact", "36 months"),
        (1.0, "months", "exact", "1 month"),
        (80.0, "%", "about", "about 80.0%"),
        (1.1, "times", "exact", "1.1 times"),
        (float("nan"), "%", "exact", "n/a"),
    ],
)
def test_format_value(value, unit, approx, want):
    assert plots.format_value(value, unit, approx) == want


def test_format_value_treats_missing_approx_as_exact_and_rejects_unknown():
    assert plots.format_value(4.0, "%", None) == "4.0%"
    assert plots.format_value(4.0, "%", float("nan")) == "4.0%"
    with pytest.raises(ValueError, match="approx"):
        plots.format_value(4.0, "%", "roughly")


# --- sectors ------------------------------------------------------------------------------------------------


def test_sector_colours_come_from_palette_yml_and_labels_from_sectors_yml():
    data = ROOT / "briefing" / "data"
    raw = yaml.safe_load((data / "sectors.yml").read_text(encoding="utf-8"))["sectors"]
    palette = yaml.safe_load((data / "palette.yml").read_text(encoding="utf-8"))
    for name, entry in raw.items():
        assert plots.sector_label(name) == entry["label"]
    for name, colour in palette["sectors"].items():
        assert name in raw, name  # the palette colours only sectors the vocabulary has
        assert plots.sector_colour(name) == colour
    assert len(set(palette["sectors"].values())) == len(palette["sectors"])  # one colour per sector
    assert plots.OTHER_SECTOR_COLOUR not in palette["sectors"].values()
    assert plots.sector_colour(None) == plots.NO_SECTOR_COLOUR


def test_a_sector_outside_the_palette_is_drawn_in_a_neutral_colour():
    # a briefing on another subject has sectors the notebooks' palette does not know: no KeyError
    assert plots.sector_colour("agriculture") == plots.OTHER_SECTOR_COLOUR


def test_every_sector_of_the_figures_table_has_a_colour(seed):
    for s in seed.figures["sector"].cat.categories:
        assert plots.sector_colour(s).startswith("#")


# --- bar_figures --------------------------------------------------------------------------------------------


def test_mixed_units_raise_naming_the_units(seed):
    mixed = seed.figures.query("sector == 'industrial_economy' and unit in ['%', 'pp']")
    with pytest.raises(ValueError, match=r"%, pp"):
        plots.bar_figures(mixed)


def test_empty_selection_raises(seed):
    with pytest.raises(ValueError, match="empty"):
        plots.bar_figures(seed.figures.iloc[0:0])


def test_bar_chart_has_unit_axis_sector_colours_qualified_labels_and_source(seed):
    df = plots.one_per_statistic(
        seed.figures.query("sector == 'telecoms_5g' and unit == 'count' and kind == 'level'")
    )
    ax = plots.bar_figures(df, b=seed, title="Telecoms counts")
    assert ax.get_xlabel() == "Level (number)"
    title = ax.figure.get_suptitle()  # house style: the title flush with the chart's left edge
    assert title == "Telecoms counts" and ax.figure._suptitle.get_horizontalalignment() == "left"
    bars = ax.patches
    assert len(bars) == len(df)
    want = matplotlib.colors.to_rgba(plots.sector_colour("telecoms_5g"))
    assert all(bar.get_facecolor() == pytest.approx(want) for bar in bars)
    labels = [t.get_text() for t in ax.texts]
    assert "more than 7,000" in labels  # "more than 7,000" 5G + Industrial Internet projects
    assert "3.189 million" in labels  # at the speaker's precision, not rounded to 3 digits
    src = _source(ax.figure)
    assert src == "Source: SCIO briefing, Oct. 20, 2023 (MIIT); speaker: Zhao Zhiguo"


def test_bar_chart_axis_names_percent_and_points(seed):
    f = plots.one_per_statistic(seed.figures.query("sector == 'industrial_economy'"))
    ax = plots.bar_figures(f.query("kind == 'growth'"))
    assert ax.get_xlabel() == "Change (%)"
    ax = plots.bar_figures(f.query("kind == 'pp_change'"))
    assert ax.get_xlabel() == "Difference (percentage points)"


def test_growth_vs_pp_puts_each_unit_on_its_own_axis(seed):
    f = plots.one_per_statistic(seed.figures.query("sector == 'industrial_economy'"))
    fig = plots.growth_vs_pp(f, b=seed)
    xlabels = [ax.get_xlabel() for ax in fig.axes]
    assert xlabels == ["Change (%)", "Difference (percentage points)"]
    n_growth = int((f["kind"] == "growth").sum())
    n_pp = int((f["kind"] == "pp_change").sum())
    assert [len(ax.patches) for ax in fig.axes] == [n_growth, n_pp]
    assert _source(fig).startswith("Source: SCIO briefing, Oct. 20, 2023 (MIIT)")


def test_levels_one_panel_per_unit(seed):
    f = seed.figures.query("sector == 'new_energy_vehicles'")
    lv = f[f["kind"] == "level"]
    f = f[f["unit"].isin(lv["unit"].value_counts().loc[lambda n: n > 1].index)]  # no single-bar panel
    fig = plots.levels(f, log_units=["count", "km"])
    units = list(dict.fromkeys(f.loc[f["kind"] == "level", "unit"].astype(str)))
    assert len(fig.axes) == len(units)
    assert all(
        f"({u if u != 'count' else 'number'})" in ax.get_xlabel()
        for ax, u in zip(fig.axes, units, strict=True)
    )


def test_share_bars_against_100_percent(seed):
    df = seed.figures.query("sector == 'new_energy_vehicles' and kind == 'share'")
    ax = plots.share_bars(df, b=seed)
    assert ax.get_xlim() == (0.0, 100.0)
    assert ax.get_xlabel() == "Share of the whole (%)"
    assert len(ax.patches) == 2 * len(df)  # a 100% track and the share, per row
    assert "Tao Qing" in _source(ax.figure)
    with pytest.raises(ValueError, match="percent"):
        plots.share_bars(seed.figures.query("unit == 'count'").head(2))


def test_source_line_names_the_speakers_shown_and_is_replaced(seed):
    fig, ax = plt.subplots()
    plots.source_line(ax, seed)
    assert _source(fig).endswith("speakers: Zhao Zhiguo, Tao Qing")
    plots.source_line(fig, seed, speakers=pd.Series(["Tao Qing", "Tao Qing"]))
    assert _source(fig).endswith("speaker: Tao Qing")


def test_words_per_turn_has_one_bar_per_turn(seed):
    ax = plots.words_per_turn(seed)
    assert len(ax.patches) == len(seed.turns)
    assert [p.get_height() for p in ax.patches] == list(seed.turns["n_words"])
    assert "(number)" in ax.get_ylabel()
    assert _source(ax.figure)


def test_figures_per_sector_counts_every_figure(seed):
    ax = plots.figures_per_sector(seed)
    assert sum(p.get_width() for p in ax.patches) == len(seed.figures)


def test_house_style_is_deterministic():
    a = plots.use_house_style()
    b = plots.use_house_style()
    assert a == b
    assert matplotlib.rcParams["font.family"] == ["DejaVu Sans"]


# --- tables and quotes for notebook prose -------------------------------------------------------------------


def test_figure_table_keeps_every_row_with_figure_id_first(seed):
    df = seed.figures.query("sector == 'computing_ai'")
    t = plots.figure_table(df)
    assert list(t.columns)[0] == "figure_id"
    assert list(t["figure_id"]) == list(df["figure_id"])
    rack_id = df.loc[df["subject"].str.startswith("standard racks"), "figure_id"].iloc[0]
    racks = t.set_index("figure_id").loc[rack_id]
    assert racks["as_read"] == "more than 7.6 million"


def test_quotes_markdown_gives_each_sentence_once_with_speaker_and_ids(seed):
    df = seed.figures.query("sector == 'new_energy_vehicles' and speaker == 'Zhao Zhiguo'")
    md = plots.quotes_markdown(df)
    assert md.count("> — Zhao Zhiguo") == df["quote"].nunique()
    for fid in df["figure_id"]:
        assert fid in md


@pytest.mark.parametrize(
    ("start", "end", "want"),
    [
        ("2023-01-01", "2023-09-30", "Jan.-Sept. 2023"),  # cumulative January to September
        ("2023-08-01", "2023-08-31", "Aug. 2023"),  # one month
        ("2023-09-30", "2023-09-30", "Sept. 30, 2023"),  # a point in time ("by the end of September")
        ("2023-01-01", "2023-12-31", "2023"),
        ("2022-10-01", "2023-09-30", "Oct. 2022-Sept. 2023"),
        (None, None, "no period given"),
    ],
)
def test_period_label(start, end, want):
    def as_date(s):
        return None if s is None else pd.Timestamp(s).date()

    assert plots.period_label(as_date(start), as_date(end)) == want


# --- Markdown built from transcript text --------------------------------------------------------------------

#: Transcript text a hostile or careless source could contain, and what a reader must see instead: the same
#: characters as plain text, with no link, image, raw HTML or other markup made of them.
HOSTILE = [
    "Growth was [x](javascript:alert(2)) strong.",
    "See ![p](http://example.com/t.png) here.",
    "A [d](data:text/html;base64,PHNjcmlwdD4=) link and a [v](vbscript:msgbox(1)) one.",
    "An image ![i](data:image/png;base64,iVBORw0KGgo=) inline.",
    "Raw <script>alert(1)</script> and <img src=x onerror=alert(1)> tags.",
    "An autolink <http://example.com/a> and www.example.com and x@example.com.",
    "A reference [x][1] with [1]: javascript:alert(3) after it.",
    "**Bold**, _under_, `code`, ~~gone~~, $x^2$ and a | pipe | here & &amp; too.",
    "# Not a heading",
    "- not a list item",
    "1. not a numbered item",
    "> not a quote",
]


def _markdown_tokens(md: str):
    """All inline and block tokens of ``md`` as CommonMark reads it, with every link URL accepted (so the
    check does not rely on a renderer refusing ``javascript:``)."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    parser.validateLink = lambda url: True
    out = []
    for tok in parser.parse(md):
        out.append(tok)
        out.extend(tok.children or [])
    return out


def _visible_text(tokens) -> str:
    return "".join(t.content for t in tokens if t.type in ("text", "code_inline"))


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_markdown_leaves_only_text(text):
    tokens = _markdown_tokens(plots.escape_markdown(text))
    kinds = {t.type for t in tokens}
    made = kinds - {"paragraph_open", "paragraph_close", "inline", "text", "softbreak"}
    assert not made, f"{text!r} became {sorted(made)}"
    assert _visible_text(tokens) == text


def test_quotes_markdown_escapes_quotes_and_speakers():
    df = pd.DataFrame(
        {
            "figure_id": ["F001", "F002", "F003"],
            "speaker": ["Zhao Zhiguo", "Zhao Zhiguo", "Host](javascript:alert(1))"],
            "quote": [HOSTILE[0], HOSTILE[0], HOSTILE[1] + " " + HOSTILE[4]],
        }
    )
    tokens = _markdown_tokens(plots.quotes_markdown(df))
    kinds = {t.type for t in tokens}
    assert not kinds & {"link_open", "image", "html_inline", "html_block", "autolink"}, sorted(kinds)
    text = _visible_text(tokens)
    assert f"{HOSTILE[0]}— Zhao Zhiguo (F001, F002)" in text
    assert f"{HOSTILE[1]} {HOSTILE[4]}— Host](javascript:alert(1)) (F003)" in text


# --- alt text: what each chart shows, in words --------------------------------------------------------------


def _rows(**cols):
    n = len(next(iter(cols.values())))
    base = {"unit": ["%"] * n, "kind": ["growth"] * n, "approx": ["exact"] * n, "sector": ["software"] * n}
    return pd.DataFrame({**base, **cols})


def test_bar_chart_alt_text_states_every_bar():
    df = _rows(subject=["exports", "sales"], value=[110.0, 37.5])
    ax = plots.bar_figures(df, sort=True, title="Exports grew fastest")
    assert plots.alt_text(ax.figure) == (
        "Exports grew fastest. Bars of 2 figures (percent), largest first: exports: 110.0%; sales: 37.5%."
    )


def test_log_panel_and_share_alt_text_keep_qualifiers():
    df = _rows(subject=["roads", "mileage"], value=[2e4, 7e7], unit=["km"] * 2, kind=["level"] * 2)
    df["approx"] = "more_than"
    fig = plots.levels(df, title="Roads and miles", log_units=["km"])
    assert plots.alt_text(fig) == (
        "Roads and miles. Level (km). Dots on a logarithmic scale of 2 figures (km), largest first: "
        "mileage: more than 70 million km; roads: more than 20,000 km."
    )
    ax = plots.share_bars(_rows(subject=["of sales", "of output"], value=[29.8, 31.0], kind=["share"] * 2))
    assert plots.alt_text(ax) == (
        "2 shares, each filled against its own whole of 100%: of sales: 29.8%; of output: 31.0%."
    )


def test_alt_text_lists_at_most_twelve_items_and_says_how_many_more():
    df = _rows(subject=[f"s{i}" for i in range(15)], value=[float(i) for i in range(15)])
    alt = plots.alt_text(plots.bar_figures(df).figure)
    assert "s11: 11.0%; and 3 more." in alt and "s12" not in alt


def test_a_chart_drawn_by_hand_is_described_from_its_axes():
    fig, ax = plt.subplots()
    ax.barh([0, 1], [3, 5])
    ax.set_yticks([0, 1], ["north", "south"])
    ax.set_xlabel("Output (tonnes)")
    ax.set_title("Two regions")
    assert plots.alt_text(fig) == "Two regions. A chart of bars for north; south, against output (tonnes)."


def test_notebook_png_is_twice_the_resolution_and_carries_the_alt_text():
    df = _rows(subject=["exports", "sales"], value=[110.0, 30.0])
    fig = plots.bar_figures(df).figure
    data, meta = plots._png_with_alt(fig)
    import base64
    import struct

    png = base64.b64decode(data)
    width = struct.unpack(">I", png[16:20])[0]
    assert width // 2 == meta["width"]  # IPython halves the pixel width for display
    assert meta["alt"] == "Bars of 2 figures (percent): exports: 110.0%; sales: 30.0%."


# --- what must not be drawn together (issue 17) -------------------------------------------------------------


def test_bar_figures_refuses_mixed_kinds():
    # a growth rate and a share are both in percent, but not comparable
    df = _rows(subject=["exports", "of sales"], value=[110.0, 29.8], kind=["growth", "share"])
    with pytest.raises(ValueError, match="mix kinds growth, share"):
        plots.bar_figures(df)
    with pytest.raises(ValueError, match="mix kinds"):
        plots.bars_by_unit(df)


def test_share_bars_refuses_a_growth_rate():
    df = _rows(subject=["grew", "share"], value=[10.0, 40.0], kind=["growth", "share"])
    with pytest.raises(ValueError, match="kind share"):
        plots.share_bars(df)


def test_bar_figures_draws_a_statistic_once():
    # F041 repeats F004 (11.3% investment growth said twice): drawing both is refused
    df = _rows(subject=["investment", "Investment", "output"], value=[11.3, 11.3, 6.0])
    df["figure_id"] = ["F004", "F041", "F007"]
    df["repeat_of"] = pd.Series([pd.NA, "F004", pd.NA], dtype="string")
    with pytest.raises(ValueError, match="repeat one statistic: F004\\+F041"):
        plots.bar_figures(df)
    ax = plots.bar_figures(plots.one_per_statistic(df))
    assert len(ax.patches) == 2
    # a later mention alone is one statistic: drawable
    assert len(plots.bar_figures(df.iloc[[1, 2]]).patches) == 2


def test_no_single_bar_chart():
    with pytest.raises(ValueError, match="no single bar \\(F048\\)"):
        plots.bar_figures(_rows(subject=["density"], value=[300.0], figure_id=["F048"]))
    with pytest.raises(ValueError, match="no single bar"):
        plots.share_bars(_rows(subject=["of sales"], value=[29.8], kind=["share"]))


def test_log_scale_draws_dots_without_stems():
    df = _rows(subject=["roads", "mileage"], value=[2e4, 7e7], unit=["km"] * 2, kind=["level"] * 2)
    ax = plots.bar_figures(df, log=True)
    assert ax.get_xscale() == "log"
    assert not ax.collections or all(type(c).__name__ == "PathCollection" for c in ax.collections)
    assert not [c for c in ax.collections if type(c).__name__ == "LineCollection"]  # no stems


def test_computed_values_are_hatched_with_a_legend_entry():
    df = _rows(subject=["2023", "2022 (implied)"], value=[6.278e6, 4.566e6], unit=["count"] * 2,
               kind=["level"] * 2, computed=[False, True])  # fmt: skip
    ax = plots.bar_figures(df)
    said, computed = ax.patches
    assert said.get_hatch() is None
    assert computed.get_hatch() == plots.COMPUTED_STYLE["hatch"]
    assert computed.get_facecolor() != said.get_facecolor()
    labels = [t.get_text() for legend in ax.figure.legends for t in legend.get_texts()]
    assert plots.COMPUTED_LABEL in labels
    assert "(computed here, not said)" in plots.alt_text(ax)


def test_a_said_column_gives_the_bar_label():
    # 825,000 exports after growth of 110%: the implied 392,857 is shown as its inputs allow
    df = _rows(subject=["2023", "2022"], value=[825000.0, 392857.1], unit=["count"] * 2, kind=["level"] * 2,
               said=[None, "about 390,000"], computed=[False, True])  # fmt: skip
    ax = plots.bar_figures(df)
    assert [t.get_text() for t in ax.texts] == ["825,000", "about 390,000 (computed)"]


def test_values_computed_from_a_statistic_are_not_repeats_of_it():
    # two stated levels and the year-earlier level each implies, the implied rows built as copies of the
    # stated ones (same index label, figure_id "computed"): four bars, not "a statistic drawn twice"
    said = _rows(figure_id=["F1", "F2"], repeat_of=[None, None], subject=["output", "sales"],
                 value=[6.3e6, 6.2e6], unit=["count"] * 2, kind=["level"] * 2,
                 computed=[False, False])  # fmt: skip
    implied = said.assign(figure_id="computed", computed=True, value=[4.7e6, 4.6e6])
    ax = plots.bar_figures(pd.concat([said, implied]))
    assert len(ax.patches) == 4
    with pytest.raises(ValueError, match="F1\\+F1"):
        plots.bar_figures(pd.concat([said, said.iloc[:1]]))  # a stated statistic twice is still refused
