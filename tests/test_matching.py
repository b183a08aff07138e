"""claims.matching.rank_similar: restatements found, look-alikes left out, nothing when nothing matches."""

import json
from pathlib import Path

import pytest

from bench.matching_eval import evaluate
from claims.matching import rank_similar

DATA = Path(__file__).parent / "data" / "matching_eval.json"


def test_on_the_evaluation_set_restatements_come_first_and_look_alikes_stay_out():
    figures, _ = evaluate(json.loads(DATA.read_text())["items"])
    assert figures["queries"] >= 60
    assert figures["recall@1"] >= 0.85
    assert figures["look-alike first"] <= 0.10
    assert figures["no-match surfacing anything"] <= 0.15


def test_answer_is_indices_with_scores_in_0_1_best_first():
    query = "Inflation in Westmark slowed to 3.1 percent in September."
    candidates = [
        "Prices rose in Lviv.",
        "Westmark's inflation rate eased to 3.1% in Sept.",
        "Inflation in Westmark slowed.",
    ]
    ranked = rank_similar(query, candidates)
    assert [index for index, _ in ranked][0] == 1
    assert all(0 <= score <= 1 for _, score in ranked)
    assert [score for _, score in ranked] == sorted((score for _, score in ranked), reverse=True)
    assert rank_similar(query, []) == [] and rank_similar("", candidates) == []


@pytest.mark.parametrize(
    "query, restatement",
    [
        (
            "The ministry said 1.2 million people were vaccinated.",
            "1,200,000 people were vaccinated, the ministry said.",
        ),
        ("Turnout was 12 percent.", "Turnout was 12%."),
        ("Exports fell by a third.", "Exports dropped by one third."),
        (
            "The World Health Organization warned of a measles outbreak in Corvel.",
            "WHO warns of Corvel measles outbreak",
        ),
        ("Russia attacked the port of Selk.", "The port of Selk was attacked by Russia."),
        ("Twelve people were killed in the fire in Marrow.", "12 people died in the Marrow fire."),
        ("Three and a half million people voted in Selk.", "3.5m people voted in Selk."),
        ("The ferry takes an hour and a half.", "The ferry takes 90 minutes."),
        ("It was 41 degrees Celsius in Marrow on 3 June.", "Marrow hit 41C on June 3."),
        ("The UN refugee agency said 9,000 people had fled Velsk.", "UNHCR: 9,000 people fled Velsk"),
        ("Unemployment doubled in Corvel.", "Unemployment in Corvel was twice as high."),
        ("The plant will cut 1800 jobs.", "The plant will cut 1,800 jobs."),
        ("Half a million pupils were out of school in Drovny.", "500,000 Drovny pupils are not in school."),
        ("Dockers in Selk will strike for 48 hours.", "Selk dockers will strike for two days."),
        ("The bank cut its rate by 50 basis points.", "The bank cut its rate by half a percentage point."),
        ("The fire burned 3,000 hectares near Velsk.", "The fire near Velsk burned 30 square kilometres."),
        ("The blackout in Marrow lasted six hours.", "Marrow's six-hour blackout"),
    ],
)
def test_the_same_claim_in_other_words_is_found(query, restatement):
    assert rank_similar(query, [restatement])


@pytest.mark.parametrize(
    "query, look_alike",
    [
        (
            "The ministry said 1.2 million people were vaccinated.",
            "The ministry said 1.3 million people were vaccinated.",
        ),
        ("Prices rose by 5 percent in March.", "Prices rose by 5 percent in April."),
        ("The mayor said the bridge is safe.", "The mayor said the bridge is not safe."),
        ("Rents in Marrow rose by 8 percent.", "Rents in Marrow fell by 8 percent."),
        ("Rents in Marrow rose by 8 percent.", "Rents in Velsk rose by 8 percent."),
        ("Ostland accused Drovny of shelling the town.", "Drovny accused Ostland of shelling the town."),
        ("The council will close the library on Friday.", "The council will close the museum on Friday."),
        ("The central bank kept its rate unchanged.", "The central bank raised its rate."),
        ("Unemployment doubled in Corvel.", "Unemployment tripled in Corvel."),
        ("A Velsk court acquitted the mayor of fraud.", "A Velsk court jailed the mayor for fraud."),
        ("The WHO said Corvel had eliminated polio.", "The WHO said Corvel was close to eliminating polio."),
        ("The premier confirmed early elections in May.", "The premier ruled out early elections in May."),
        ("Ostland said 400 Drovnians had crossed into Velsk.", "Ostland said 400 Velskians had crossed into Drovny."),
        ("The wage rises to 12 euros an hour.", "The wage rises to 15 euros an hour."),
    ],
)
def test_a_look_alike_that_differs_in_one_fact_is_left_out(query, look_alike):
    assert rank_similar(query, [look_alike]) == []


def test_a_claim_about_the_same_people_saying_something_else_is_left_out():
    query = "Senator Petra Holm resigned after a corruption scandal."
    assert rank_similar(query, ["Senator Petra Holm said the new tax would raise 4.5 billion dollars a year."]) == []
    # The sentence's first word is a name the other text shares; it says nothing about what was done.
    assert (
        rank_similar(
            "Marrow Steel will build a furnace at its plant.", ["Marrow Steel will lay off 900 workers at its plant."]
        )
        == []
    )
