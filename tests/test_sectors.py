"""The sector vocabulary (issue 14): the notebooks' ten sectors kept, the topics of other briefings added, the
briefing's title as context, and a label for every sector."""

from __future__ import annotations

import briefing
from briefing import plots, sectors, vocab

from .conftest import FIXTURES

TEN = {
    "industrial_economy": "Industrial economy",
    "manufacturing": "Manufacturing upgrade",
    "new_energy_vehicles": "New energy vehicles",
    "telecoms_5g": "Telecoms and 5G",
    "computing_ai": "Computing power and AI",
    "smes": "SMEs",
    "information_services": "Digital and online services",
    "new_materials": "New materials",
    "software": "Software",
    "electronics": "Electronics",
}
#: The ids of the labelling guide (LABELS.md) beyond the ten.
OTHERS = (
    "macro_economy",
    "trade",
    "prices",
    "employment",
    "consumption",
    "investment",
    "property",
    "energy",
    "transport",
    "health",
    "education",
    "agriculture",
    "finance_fiscal",
    "environment",
    "culture_tourism",
    "population",
    "science_technology",
    "other",
)


def _briefing(title: str, body: str) -> briefing.Briefing:
    return briefing.parse(
        f"{title}\nBeijing | 10 a.m. July 15, 2022\n\nSpeakers:\n\nMr. Sun Mingyuan, spokesperson\n\n"
        f"Chairperson:\n\nMs. Xing Huina, spokesperson\n\nSun Mingyuan:\n\n{body}\n",
        source="<test>",
    )


def test_the_ten_notebook_sectors_keep_their_ids_and_labels_and_the_others_are_there():
    spec = vocab.load("sectors")["sectors"]
    assert {k: spec[k]["label"] for k in TEN} == TEN
    assert list(spec)[:10] == list(TEN)
    assert set(OTHERS) <= set(spec)
    assert set(vocab.load("sectors")["industry"]) == set(TEN)


def test_every_sector_has_a_label_and_an_unknown_one_is_shown_by_its_id():
    for key, entry in vocab.load("sectors")["sectors"].items():
        assert plots.sector_label(key) == entry["label"]
    assert plots.sector_label("road_safety") == "Road safety"  # raised KeyError before
    assert plots.sector_colour("road_safety") == plots.OTHER_SECTOR_COLOUR


def test_the_home_sector_comes_from_the_title():
    assert (
        sectors.home_sector("SCIO briefing on statistical bulletin of health development in 2022") == "health"
    )
    assert (
        sectors.home_sector("SCIO briefing on foreign trade and investment in first quarter of 2024")
        == "trade"
    )
    assert sectors.home_sector("SCIO press conference on energy development in 2018") == "energy"
    assert sectors.home_sector("SCIO briefing on national economic performance in H1") == "macro_economy"
    assert (
        sectors.home_sector("SCIO press conference on the performance of industry and information technology")
        == "industrial_economy"
    )
    # no title: the words of the text decide
    assert sectors.home_sector("", "Customs data show foreign trade rose. Trade with ASEAN grew.") == "trade"
    assert sectors.home_sector("Press Room", "") is None


def test_ppi_is_industrial_in_an_industry_briefing_and_prices_elsewhere():
    body = "In June, the PPI fell 0.8% year on year."
    industry = _briefing("SCIO briefing on the performance of industry and information technology", body)
    economy = _briefing("SCIO briefing on national economic performance in first half of 2022", body)
    assert industry.figures["sector"].tolist() == ["industrial_economy"]
    assert economy.figures["sector"].tolist() == ["prices"]


def test_a_health_briefing_files_its_figures_under_health():
    b = briefing.read(FIXTURES / "outsample" / "2023-07-06-nhc-health-2022.txt")
    share = (b.figures["sector"] == "health").mean()
    assert share >= 0.95, b.figures["sector"].value_counts()  # all 50 were industrial_economy before


def test_a_trade_briefing_files_its_figures_under_trade():
    b = briefing.read(FIXTURES / "outsample" / "2024-04-18-mofcom-foreign-trade.txt")
    f = b.figures.set_index("surface")
    assert f.loc["10.17 trillion yuan", "sector"] == "trade"  # manufacturing before
    assert f.loc["Twenty-three", "sector"] == "trade"  # "provinces" made it industrial_economy before


def test_a_figure_no_keyword_places_takes_the_home_sector():
    b = _briefing("SCIO briefing on culture and tourism in 2022", "We welcomed 42 delegations.")
    assert b.figures["sector"].tolist() == ["culture_tourism"]


def test_patents_and_trademarks_are_science_and_technology():
    b = _briefing(
        "Press conference on intellectual property statistics",
        "Some 1.6 million invention patent applications were received last year, and 6.2 million "
        "trademarks were registered, up 4 percent. Registered trademarks reached 2,100 per 10,000 market "
        "entities.",
    )
    assert set(b.figures["sector"].astype(str)) == {"science_technology"}


def test_sport_and_broadcasting_are_culture_market_entities_the_economy_taxpayers_fiscal():
    # team-written, in the patterns of real_text5 (issue 14)
    sport = _briefing(
        "SCIO press conference on sports events",
        "Sports events drew 4.2 million spectators this year, and fitness centers grew 12 percent.",
    )
    assert set(sport.figures["sector"].astype(str)) == {"culture_tourism"}
    tv = _briefing("Press conference", "Radio and television stations made 3,100 new programs last year.")
    assert tv.figures["sector"].tolist() == ["culture_tourism"]
    market = _briefing("Press conference", "The number of market entities reached 160 million by March.")
    assert market.figures["sector"].tolist() == ["macro_economy"]
    tax = _briefing(
        "Press conference",
        "Tax relief helps market entities: of 40 million small-scale taxpayers, 90% are exempt from VAT.",
    )
    assert set(tax.figures["sector"].astype(str)) == {"finance_fiscal"}


def test_justice_security_and_disasters_are_other_and_space_is_science():
    # team-written, in the patterns of real_text6-8 (issue 14): a word of another sector in the sentence
    # ("telecommunications", "vehicles") does not take them
    fraud = _briefing(
        "Press conference",
        "Procuratorates prosecuted 11,000 suspects of telecommunications network fraud, up 41 percent.",
    )
    assert set(fraud.figures["sector"].astype(str)) == {"other"}
    courts = _briefing("Press conference", "Courts concluded 2,300 cases of judicial relief last year.")
    assert courts.figures["sector"].tolist() == ["other"]
    quake = _briefing(
        "Press conference", "Twenty-one earthquakes struck this year, and 50 monitoring stations opened."
    )
    assert set(quake.figures["sector"].astype(str)) == {"other"}
    space = _briefing(
        "Press conference", "China made 207 launches of its launch vehicles, with six astronauts in orbit."
    )
    assert set(space.figures["sector"].astype(str)) == {"science_technology"}


def test_industry_words_need_an_industry_briefing():
    # in a text of unknown subject "materials" are not new materials (real_text7's legal services text)
    b = _briefing("Press conference", "Notaries checked 1.2 million materials for legal aid applicants.")
    assert b.figures["sector"].tolist() == ["other"]
    miit = _briefing(
        "Press conference on industry and information technology", "The 12 new materials centers opened."
    )
    assert miit.figures["sector"].tolist() != ["other"]


def test_work_safety_discipline_and_defense_are_other_cross_strait_trade_is_trade():
    # team-written, in the patterns of real_text9/10 (issue 14)
    mines = _briefing("Press conference", "Coal mine accidents fell 20 percent, and work safety improved.")
    assert mines.figures["sector"].tolist() == ["other"]
    graft = _briefing(
        "Press conference", "Discipline inspection bodies punished 610,000 officials for corruption."
    )
    assert graft.figures["sector"].tolist() == ["other"]
    strait = _briefing(
        "Press conference", "Cross-Strait trade rose 26 percent, and Taiwan-funded firms grew."
    )
    assert strait.figures["sector"].tolist() == ["trade"]
    vets = _briefing("Press conference", "We resettled 330,000 retired servicemen last year.")
    assert vets.figures["sector"].tolist() == ["employment"]
