"""Golden cases of the stand-alone subject rules (issue 14): one sentence per rule, written for the rule,
with the subject a reader wants written before the rule was run. Scored by the loose rule of the golden
labels (:func:`tests.test_labels.subject_passes`: every stemmed content word of the expected subject is in
the produced one, or in the figure's surface and unit)."""

from __future__ import annotations

import pytest

from .helpers import speech
from .test_labels import subject_passes

CASES = [
    # a short subject takes the qualifiers of its earlier, fuller mention in the turn
    (
        "From January to June, the output of steel enterprises above designated size reached 500 million "
        "tonnes. In June, steel output rose by 3 percent year on year.",
        "3 percent",
        "growth of output of steel enterprises above designated size",
    ),
    (
        "China's imports and exports of services totaled 3 trillion yuan. Exports reached 1.2 trillion yuan.",
        "1.2 trillion",
        "exports of services",
    ),
    # a count that is the object of what an agent did: the agent is said
    (
        "Public libraries nationwide received 900 million visits, down 2 percent, "
        "and lent 600 million books.",
        "900 million",
        "visits received by public libraries",
    ),
    (
        "Public libraries nationwide received 900 million visits, down 2 percent, "
        "and lent 600 million books.",
        "600 million",
        "books lent by public libraries",
    ),
    (
        "Cloud services have covered 40 major industrial sectors.",
        "40",
        "major industrial sectors covered by cloud services",
    ),
    (
        "Digital tools have spread widely, with cloud services integrated into 40 major industrial sectors.",
        "40",
        "major industrial sectors with cloud services integrated",
    ),
    (
        "Data centers nationwide now house over 5 million servers.",
        "5 million",
        "servers housed by data centers",
    ),
    (
        "Last year, the 12345 service hotline answered more than 30 million calls.",
        "30 million",
        "calls answered by 12345 service hotline",
    ),
    # a count "in N of M" places: where the clause before it happened
    ("Retail sales fell in 12 of the 30 cities.", "12", "cities where retail sales fell"),
    (
        "Industrial output increased year on year in 25 of the 31 provinces.",
        "25",
        "provinces with year-on-year growth in industrial output",
    ),
    (
        "Exports grew by 6 percent year on year, and 20 of the 31 provinces saw year-on-year growth.",
        "20",
        "provinces that saw year-on-year growth in exports",
    ),
    # an amount of what an action made or removed says the action
    (
        "In 2023, we phased out outdated steel capacity of 30 million tonnes.",
        "30 million",
        "outdated steel capacity phased out",
    ),
    (
        "We also built wind farms with a total capacity of 2 million kilowatts.",
        "2 million",
        "total capacity of wind farms built",
    ),
    # a growth measured at constant prices says so
    (
        "GDP grew by 5 percent year on year at constant prices.",
        "5 percent",
        "growth of GDP at constant prices",
    ),
    # a coordinated measure shares the qualifier of the one before it
    (
        "In June, postal business revenue grew by 5 percent, "
        "and total business volume increased by 9 percent.",
        "9 percent",
        "growth of postal total business volume",
    ),
    # "related" with nothing in its sentence to relate to: the field the turn talks about
    (
        "Software is the soul of the digital economy. Software firms grew quickly. "
        "Over 300 related policies have been rolled out across the country.",
        "300",
        "software-related policies rolled out",
    ),
    # what follows the counted things and belongs to them: a rating, a quoted name, a place
    (
        "Last year, five high-voltage lines of 500 kV were put into operation.",
        "five",
        "high-voltage lines of 500 kV put into operation",
    ),
    (
        'We have launched 80 pilot projects for "5G + smart farming," covering many provinces.',
        "80",
        'pilot projects for "5G + smart farming" launched',
    ),
    (
        "Last year, more than 3 million rural households in western China switched from coal to electricity.",
        "3 million",
        "rural households in western China that switched from coal to electricity",
    ),
    # a count "in" places where the clause before it was done
    (
        "By the end of 2023, water pipes in 5,000 villages had been replaced.",
        "5,000",
        "villages where water pipes had been replaced",
    ),
    # an amount that "totaled" is a total
    ("Steel output totaled nearly 900 million tonnes, up 2 percent.", "900 million", "total steel output"),
    (
        "Steel output totaled nearly 900 million tonnes, up 2 percent.",
        "2 percent",
        "growth of total steel output",
    ),
    # "their trade" after "Trade of the regions": the regions' trade, once
    (
        "Trade of the coastal regions increased 5%. In March, their trade grew 4%.",
        "4%",
        "growth of trade of the coastal regions",
    ),
    # a rate whose measure is named after it: "an increase of N% in export value"
    (
        "This year, the export of bicycles has been on the rise, "
        "with a year-on-year increase of 8% in export value.",
        "8%",
        "growth of export value of bicycles",
    ),
    # ... not of a flow, which is a number already
    (
        "Output of bicycles reached 30 million units, up 4% year on year.",
        "4%",
        "growth of output of bicycles",
    ),
    # a share whose part is the thing whose growth was said just before it
    (
        "Online sales of books grew by 7 percent, accounting for 40 percent of total book sales.",
        "40 percent",
        "share of online sales of books in total book sales",
    ),
    # the same thing said more fully earlier in the sentence
    (
        "China had built 500,000 hydrogen refuelling stations, and there were 3.5 hydrogen stations "
        "per 10,000 people.",
        "3.5",
        "hydrogen refuelling stations per 10,000 people",
    ),
    # a parallel measure in a coordinated clause takes the measure's words; a bare rate is of the thing before
    (
        "The installed capacity of wind power and solar power reached 300 million kilowatts and 200 million "
        "kilowatts, respectively, and biomass power capacity exceeded 40 GW.",
        "40 GW",
        "installed capacity of biomass power",
    ),
    (
        "Pension insurance enrollment exceeded 1 billion, and the coverage rate remained stable at about 90 "
        "percent.",
        "90 percent",
        "coverage rate of pension insurance enrollment",
    ),
    # a bare head in a turn that names it with one qualifier is that qualified thing
    (
        "Foreign trade grew steadily this year. Private firms' trade reached 2 trillion yuan, "
        "accounting for 52% of total trade.",
        "52%",
        "share of private firms' trade in total foreign trade",
    ),
    # targets and plans are named as such
    (
        "This year, we aim to keep total carbon emissions within 10 billion tonnes.",
        "10 billion",
        "target ceiling for total carbon emissions",
    ),
    (
        "This year, we aim to raise the share of electric buses in urban public transport "
        "to about 80 percent.",
        "80 percent",
        "target share of electric buses in urban public transport",
    ),
    (
        "In 2024, we will add around 5 million tonnes of new steel capacity.",
        "5 million",
        "planned new steel capacity",
    ),
    (
        "In 2024, we will cut around 20 million tonnes of outdated cement capacity.",
        "20 million",
        "planned cut in outdated cement capacity",
    ),
    (
        "Water consumption per unit of GDP is expected to fall by more than 4 percent.",
        "4 percent",
        "expected decline in water consumption per unit of GDP",
    ),
    # a rate per head of population names the population
    ("On average, there were 2.5 pharmacists per 1,000 people.", "2.5", "pharmacists per 1,000 people"),
    # a scope or an adverb right after the counted things belongs to them
    (
        "From January to June, 8,000 logistics firms were newly registered nationwide, up 5 percent.",
        "8,000",
        "logistics firms newly registered nationwide",
    ),
    (
        "By the end of June, there were 50,000 veterinary clinics nationwide, up 4 percent.",
        "50,000",
        "veterinary clinics nationwide",
    ),
    # a change of a count is a change in the number of things
    (
        "There were 2,300 museums, an increase of 150 from the previous year.",
        "150",
        "increase in number of museums",
    ),
    (
        "Museum staff totaled 1.2 million, up 3 percent year on year.",
        "3 percent",
        "growth of number of museum staff",
    ),
    # a share without its own "of" takes the whole of the share beside it; a respectively list shares one
    (
        "Wheat accounted for 40 percent of total grain output, while rice accounted for 30 percent.",
        "30 percent",
        "share of rice in total grain output",
    ),
    (
        "Car sales reached 2 million. Cars and trucks accounted for 70 percent and 20 percent "
        "of these sales, respectively.",
        "20 percent",
        "share of trucks in sales",
    ),
    # a participle clause after the main clause: what it added, benefited or fulfilled is of that clause
    (
        "Four new pipelines were put into service, adding more than 3,000 kilometers of gas mains.",
        "3,000 kilometers",
        "gas mains added by new pipelines",
    ),
    (
        "We also set up rural solar stations with a total capacity of 2 million kilowatts, benefiting "
        "about 500,000 farming families.",
        "500,000",
        "farming families benefiting from rural solar stations",
    ),
    (
        "We have sped up the construction of the regional data grid, adding about 80 new fiber links.",
        "80",
        "new fiber links added for the regional data grid",
    ),
    (
        "In the first quarter, 3.1 million new rural jobs were created, fulfilling about 28 percent of the "
        "yearly goal.",
        "28 percent",
        "share of yearly goal for new rural jobs fulfilled",
    ),
    (
        "Last year, five high-voltage cables of 500 kV were laid, adding about 1,200 kilometers of grid "
        "links.",
        "1,200 kilometers",
        "grid links added by high-voltage cables",
    ),
    # a share's whole that says what was done with it keeps where it was done
    (
        "Electric buses of local makers accounted for 70% of such buses sold in the provincial market.",
        "70%",
        "local makers' share of electric buses sold in the provincial market",
    ),
    # a unit of measure after a count is not the thing measured; a name with digits ("PM2.5") is a name
    (
        "In the first ten months, the average PM10 level in the river cities was 58 micrograms per cubic "
        "meter, down 4.2% year on year.",
        "58",
        "average PM10 level in the river cities",
    ),
    (
        "In the first ten months, the average PM10 level in the river cities was 58 micrograms per cubic "
        "meter, down 4.2% year on year.",
        "4.2%",
        "growth of average PM10 level in the river cities",
    ),
    (
        "The central bank said its silver holdings stood at 3.1 million ounces at the end of May.",
        "3.1 million",
        "silver holdings",
    ),
    # a reporting clause in a participle ("..., showing that") is not the subject
    (
        "The bureau released its data on Monday, showing that the city's grain reserves reached 8 million "
        "tonnes.",
        "8 million",
        "city's grain reserves",
    ),
    # an amount said "in" what it is, after an agent's verb; two agents and two amounts go pairwise
    (
        "Provincial and city governments collected about 2.1 trillion yuan and 900 billion yuan in land "
        "revenue, down 3 percent and 5 percent, respectively.",
        "900 billion",
        "land revenue of city governments",
    ),
    (
        "Provincial and city governments collected about 2.1 trillion yuan and 900 billion yuan in land "
        "revenue, down 3 percent and 5 percent, respectively.",
        "2.1 trillion",
        "land revenue of provincial governments",
    ),
    # a verb of the subject's own before the amount
    ("Customs duties came in at 1.4 trillion yuan in the first half.", "1.4 trillion", "customs duties"),
    # a list inside the phrase before the verb ("in the X, Y, and Z") is one phrase, split by "respectively"
    (
        "By the end of May, the number of people enrolled in the rural dental, eye, and hearing plans was "
        "12 million, 9 million, and 4 million, respectively.",
        "4 million",
        "people enrolled in hearing plans",
    ),
    # a count after "with" in the clause's subject: the things with which it happened
    (
        "The province's trade with 40 out of 90 partner economies declined.",
        "40",
        "partner economies with which the province's trade declined",
    ),
    # a bare head said in an earlier turn with its one qualifier takes it, and a compound modifier before
    # the head stays
    (
        "Clinics received 2 billion patient visits in 2022. Household out-of-pocket spending was 500 billion "
        "yuan, making up 20 percent of total health spending.",
        "500 billion",
        "household out-of-pocket health spending",
    ),
    # a count whose first word is the head of the sentence's subject takes its modifiers
    (
        "Cloud applications have reached 30 industries, with the number of application scenarios "
        "exceeding 5,000.",
        "5,000",
        "cloud application scenarios",
    ),
    # what people will do: the count with its action
    (
        "This year, about 2 million school leavers will join the labor market.",
        "2 million",
        "school leavers joining the labor market",
    ),
    # an amount said of a place in a "where" clause, with a plan's "will"
    (
        "Next year, we will focus on the border provinces and other remote mountain areas, where spending "
        "on rural roads will total over 9 billion yuan.",
        "9 billion",
        "planned spending on rural roads in remote mountain areas",
    ),
    # a count of the things a technology has been integrated into
    (
        "Digital tools, represented by cloud computing, have been integrated into 30 major sectors of the "
        "national economy.",
        "30",
        "major sectors of the national economy integrated with digital tools represented by cloud computing",
    ),
]


#: Cases where the loose rule cannot tell part from whole (or a repeated or added word): the subject exactly.
EXACT = [
    # a level said in a unit of measure changes by an amount, not by a number of things; kilograms are a unit
    # now, and an amount in a unit is a "change in" it, as the golden NEA label has it for "a decrease of
    # 14.2 billion kWh" in curtailed wind power ("increase in" is for a count: "an increase of 12,000")
    (
        "Cotton output was 5.1 billion kilograms, an increase of 0.2 billion kilograms over the previous "
        "year.",
        "0.2 billion",
        "change in cotton output",
    ),
    (
        "Rail freight turnover reached 3.2 billion tonne-kilometers, up 6 percent year on year.",
        "6 percent",
        "growth of rail freight turnover",
    ),
    # a count's participle condition ends where its purpose starts
    (
        "We chose the first 30 pilot towns pioneering the green upgrade of dairy farms so as to cut "
        "emissions in the region.",
        "30",
        "pilot towns pioneering the green upgrade of dairy farms",
    ),
    # ... but not when the turn names it with two qualifiers: no guess between them
    (
        "Foreign trade and domestic trade both grew. Total trade reached 9 trillion yuan.",
        "9 trillion",
        "total trade",
    ),
    (
        "Output of bicycles reached 30 million units, up 4% year on year.",
        "4%",
        "growth of output of bicycles",
    ),
    (
        "Trade of the coastal regions increased 5%. In March, their trade grew 4%.",
        "4%",
        "growth of Trade of the coastal regions",
    ),
    # shares "of its kind" in an including list: the head's kind among all of the part's kind
    (
        "There are 5,000 robotics companies above designated size, "
        'including 300 "little giant" companies and 40 champion enterprises, '
        "accounting for 12% and 15% of its kind, respectively.",
        "12%",
        'share of robotics companies in all "little giant" companies',
    ),
    # a generic count noun takes the passive verb after it (real_text6's patterns, issue 14)
    ("Last year, 4,120 people were arrested for smuggling.", "4,120", "people arrested for smuggling"),
    ("In May, 310 people were not prosecuted.", "310", "people not prosecuted"),
    (
        "About 2.5 million people nationwide were affected by floods in June.",
        "2.5 million",
        "people affected by floods",
    ),
    # ... and so does any counted thing that opens its clause, with a short phrase before the verb
    ("A total of 66 medicines for children were approved in 2022.", "66", "medicines for children approved"),
    (
        "Some 46 innovative devices were granted market approval.",
        "46",
        "innovative devices granted market approval",
    ),
    # an adverb keeps its participle; a physical measure is named before "of"
    ("There were 322 museums newly registered last year.", "322", "museums newly registered"),
    ("The quake caused a horizontal displacement of 238 cm.", "238", "horizontal displacement"),
    # the text's own words: "in real terms", "the scale of", and the members of a counted part
    (
        "Per capita income grew 3.0 percent in real terms.",
        "3.0",
        "growth of per capita income in real terms",
    ),
    (
        "The scale of cloud computing has increased by 30% year on year.",
        "30%",
        "growth of scale of cloud computing",
    ),
    (
        "Three sectors, including textiles, steel, and chemicals, contributed to nearly 40% of the growth.",
        "40%",
        "share of textiles, steel and chemicals in growth",
    ),
    # (two of four named: the part stays the four)
    (
        "Four sectors, including textiles and steel, contributed to nearly 40% of the growth.",
        "40%",
        "share of four sectors in growth",
    ),
]


@pytest.mark.parametrize(("text", "surface", "want"), EXACT)
def test_subject_rule_exactly(text, surface, want):
    f = speech(text).figures
    # (case aside: a phrase that opens its sentence keeps its capital)
    assert [x.lower() for x in f.loc[f["surface"].str.startswith(surface), "subject"]] == [want.lower()]


@pytest.mark.parametrize(("text", "surface", "want"), CASES)
def test_subject_rule(text, surface, want):
    f = speech(text).figures
    hit = f[f["surface"].str.startswith(surface)]
    assert len(hit) >= 1, list(f["surface"])
    r = hit.iloc[0]
    assert subject_passes(want, r["subject"], f"{r['surface']} {r['unit']}"), (r["subject"], want)


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        # what opens a clause without being its subject: a dateline, a frame pointing back at a total, a
        # reporting clause whose statement follows "that" (exact: the loose rule forgives extra words)
        ("BEIJING - China's fiscal revenue rose 27.6 percent in the first half.", "27.6 percent",
         "growth of fiscal revenue"),
        ("Of the total, central government fiscal revenue was 4.77 trillion yuan.", "4.77 trillion yuan",
         "central government fiscal revenue"),
        ("Among the total, central fiscal revenue reached 2.06 trillion yuan.", "2.06 trillion yuan",
         "central fiscal revenue"),
        ("The ministry's figures also showed that fiscal revenue in June was 787.94 billion yuan.",
         "787.94 billion yuan", "fiscal revenue"),
    ],
)  # fmt: skip
def test_frames_before_a_subject_are_not_its_words(text, surface, subject):
    f = speech(text).figures
    assert f.set_index("surface").loc[surface, "subject"] == subject


def test_a_bare_head_takes_the_qualifier_of_an_earlier_turn():
    # "patient visits" said in the opening turn; the answer later says "total visits" bare
    text = (
        "Clinics nationwide received 6 billion patient visits last year.\n\nReporter:\n\nWhat about "
        "village clinics?\n\nZhao Zhiguo:\n\nVisits to village clinics totaled 1.2 billion, accounting "
        "for 20 percent of total visits."
    )
    f = speech(text).figures
    r = f[f["surface"].str.startswith("20 percent")].iloc[0]
    assert subject_passes("village clinics' share of total patient visits", r["subject"]), r["subject"]


#: An exchange about an event the question names with an ordinal (a team fixture): the answer's "the current
#: session of ..." and "the expo" are that event, and the figures said where it is spoken of are of it.
EVENT = (
    "Let me open.\n\nReporter:\n\nThe 12th China International Import Expo opened in Shanghai on Monday. "
    "Could you tell us more about it?\n\nZhao Zhiguo:\n\nThe current session of the Shanghai Expo has drawn "
    "over 3,400 exhibitors, and more than 90,000 professional buyers from 150 countries had registered by "
    "Friday, up 12% from the previous session. Exhibitors have brought about 400 new products to the expo."
)


@pytest.mark.parametrize(
    ("surface", "want"),
    [
        ("3,400", "exhibitors at the 12th Shanghai Expo"),
        ("90,000", "professional buyers registered for the 12th Shanghai Expo"),
        # the places counted things came from are theirs, with their predicate
        ("150", "countries of professional buyers registered for the 12th Shanghai Expo"),
        # a rate after them is of the counted things, against a baseline that is not a time
        ("12%",
         "growth of professional buyers registered for the 12th Shanghai Expo against the previous session"),
        ("400", "new products brought to the 12th Shanghai Expo"),
    ],
)  # fmt: skip
def test_an_event_the_question_names_is_resolved(surface, want):
    f = speech(EVENT).figures
    r = f[f["surface"].str.startswith(surface)].iloc[0]
    assert subject_passes(want, r["subject"], f"{r['surface']} {r['unit']}"), (r["subject"], want)
    assert "Friday" not in r["subject"]  # a day said with the predicate is a time, not a condition


def test_an_event_not_spoken_of_in_the_answer_is_not_added():
    text = EVENT.replace("The current session of the Shanghai Expo has drawn", "Firms have hired").replace(
        " to the expo", ""
    )
    f = speech(text).figures
    assert not f["subject"].str.contains("Expo").any(), list(f["subject"])


@pytest.mark.parametrize(
    ("surface", "want"),
    [
        ("300", "government websites updated to be easier to read"),
        ("20 million", "tablets updated to be easier to read"),
    ],
)
def test_a_list_of_counts_shares_the_participle_after_it(surface, want):
    # "with N X, and over M Y, being updated ...": each count of the list takes the participle
    f = speech(
        "Services have improved, with 300 government websites, and over 20 million tablets, being updated to "
        "make them easier to read."
    ).figures
    r = f[f["surface"].str.startswith(surface)].iloc[0]
    assert subject_passes(want, r["subject"], f"{r['surface']} {r['unit']}"), (r["subject"], want)


@pytest.mark.parametrize(
    ("surface", "want"),
    [
        ("14 percent", "surveyed urban unemployment rate of young people"),
        ("4 percent", "surveyed urban unemployment rate of older workers"),
    ],
)
def test_a_rate_of_a_group_takes_the_fuller_name_said_before(surface, want):
    text = (
        "The surveyed urban unemployment rate was 5.2 percent.\n\nReporter:\n\nWhat about jobs?\n\n"
        "Zhao Zhiguo:\n\nIn May, the unemployment rates of young people and older workers were 14 percent "
        "and 4 percent, respectively."
    )
    f = speech(text).figures
    r = f[f["surface"].str.startswith(surface)].iloc[0]
    assert subject_passes(want, r["subject"], f"{r['surface']} {r['unit']}"), (r["subject"], want)


def test_a_rate_of_a_group_keeps_its_name_when_no_fuller_one_was_said():
    f = speech(
        "The participation rate reached 90 percent. The enrolment rate of girls was 80 percent."
    ).figures
    assert f.set_index("surface").loc["80 percent", "subject"] == "enrolment rate of girls"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a share whose whole did something: those doing it, with what they did (an active verb as "-ing")
        ("About 70 percent of rural clinics met the provincial standards for basic equipment.",
         "share of rural clinics meeting the provincial standards for basic equipment"),
        ("Some 40 percent of surveyed farms have reported a rise in yields.",
         "share of surveyed farms reporting a rise in yields"),
        # a passive verb stays a participle
        ("Over 60 percent of charging piles have been jointly built and shared.",
         "share of charging piles jointly built and shared"),
    ],
)  # fmt: skip
def test_a_share_of_things_that_did_something(text, want):
    f = speech(text).figures
    assert f["subject"].iloc[0] == want


@pytest.mark.parametrize(
    ("text", "surface", "want"),
    [
        # a point change's baseline as a chart label says it
        ("Retail sales of services rose by 8% year on year, 3 percentage points higher than the consumption "
         "growth in general.", "3 percentage points",
         "gap between growth of retail sales of services and overall consumption growth"),
        ("In the first quarter, services took up 55% of the total, 2 percentage points higher than in the "
         "third quarter of 2022.", "2 percentage points", "change in share of services against Q3 2022"),
    ],
)  # fmt: skip
def test_a_point_change_says_its_baseline_shortly(text, surface, want):
    f = speech(text).figures
    r = f[f["surface"].str.startswith(surface)].iloc[0]
    assert subject_passes(want, r["subject"], f"{r['surface']} {r['unit']}"), (r["subject"], want)
    assert "general" not in r["subject"] and "quarter of" not in r["subject"], r["subject"]


def test_a_share_of_things_that_said_what_they_do():
    f = speech(
        "Nearly 60% of the exporters polled by the association said they plan to hire more staff."
    ).figures
    r = f.iloc[0]
    want = "share of exporters polled planning to hire more staff"
    assert subject_passes(want, r["subject"], f"{r['surface']} {r['unit']}"), r["subject"]
    assert "said" not in r["subject"] and "plan " not in r["subject"], r["subject"]


def test_a_measure_of_an_activity_named_in_the_clause_before():
    f = speech(
        "Over 300 kilometers of rivers were opened for testing autonomous boats, and the total test distance "
        "exceeded 9,000 kilometers."
    ).figures
    r = f[f["surface"].str.startswith("9,000")].iloc[0]
    assert subject_passes("total test distance of autonomous boats", r["subject"]), r["subject"]


def test_a_share_of_the_worlds_total_is_chinas_share_globally():
    f = speech("China's wind turbine patents accounted for 35% of the world's total.").figures
    r = f.iloc[0]
    assert subject_passes("China's share of global wind turbine patents", r["subject"]), r["subject"]


def test_a_figure_that_shows_what_a_share_did_is_of_its_whole():
    f = speech(
        "According to a survey, 70% of surveyed farms have seen higher yields, demonstrated by a 15% "
        "reduction in water use."
    ).figures
    r = f[f["surface"].str.startswith("15%")].iloc[0]
    assert subject_passes("reduction in water use at surveyed farms", r["subject"]), r["subject"]


def test_a_count_whose_clause_says_what_it_had_done_is_said_as_doing_it():
    f = speech("By the end of 2022, 5,000 towns had gained access to piped gas for heating.").figures
    r = f[f["surface"].str.startswith("5,000")].iloc[0]
    assert r["subject"] == "towns gaining access to piped gas for heating", r["subject"]
