"""split_sentences(): accuracy on the case sets, span invariants, robustness, traps.

Plain functions over plain data, no database:
    .venv/bin/python -m pytest tests/test_segmentation.py -p no:django -q
"""

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from segmentation_cases import GOLDEN_RULES, NEWS_CASES, load_cases, score_cases  # noqa: E402

from claims.segmentation import split_sentences  # noqa: E402
from tests.growth import growth  # noqa: E402

GOLDEN = load_cases(GOLDEN_RULES)
NEWS = load_cases(NEWS_CASES)


def sentences(text, language="en"):
    return [text[s:e] for s, e in split_sentences(text, language)]


def assert_span_invariants(text, spans):
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text), (start, end)
        assert not text[start].isspace() and not text[end - 1].isspace(), (start, end)
        assert not text[previous_end:start].strip(), f"uncovered text {text[previous_end:start]!r}"
        previous_end = end
    assert not text[previous_end:].strip(), f"uncovered text {text[previous_end:]!r}"


def report(failures):
    for case, got in failures:
        print(f"#{case['id']} {case['name']}\n  expected {case['expected']}\n  got      {got}")


# --- Accuracy ----------------------------------------------------------------


def test_case_files_have_the_documented_shape():
    assert len(GOLDEN) == 52
    assert len(NEWS) >= 60
    for case in GOLDEN + NEWS:
        assert {"id", "name", "text", "expected"} <= set(case)
        assert all(s == s.strip() and s for s in case["expected"])


def test_golden_rules_at_least_95_percent_exactly_right():
    right, failures = score_cases(split_sentences, GOLDEN)
    report(failures)
    assert right / len(GOLDEN) >= 0.95, f"{right}/{len(GOLDEN)}"


def test_news_cases_at_least_95_percent_exactly_right():
    right, failures = score_cases(split_sentences, NEWS)
    report(failures)
    assert right / len(NEWS) >= 0.95, f"{right}/{len(NEWS)}"


@pytest.mark.parametrize("case", GOLDEN + NEWS, ids=lambda c: f"{c['id']}-{c['name'][:30]}")
def test_span_invariants_on_every_case(case):
    assert_span_invariants(case["text"], split_sentences(case["text"]))


# --- Invariants on generated text ----------------------------------------------

_PIECES = [
    "word",
    "The",
    "he",
    "said",
    "U.S.",
    "Mr.",
    "a.m.",
    "p.",
    "No.",
    "5",
    "3.5",
    "Inc.",
    "J.",
    ".",
    "!",
    "?",
    "...",
    "…",
    ". . .",
    "?!",
    '"',
    "“",
    "”",
    "'",
    "(",
    ")",
    "[",
    "]",
    "«",
    "»",
    "•",
    "⁃",
    "1.",
    "2.",
    "a.",
    "b)",
    "https://x.com/a.b?c=1",
    "x@y.co",
    "world.Today",
    "\n",
    "\n\n",
    "\n \n",
    "\t",
    "  ",
    "\u00a0",
    "\u2029",
    "。",
    "Он",
    "г.",
    "z.",
    "B.",
]


@pytest.mark.parametrize("seed", range(40))
def test_span_invariants_on_random_text(seed):
    rng = random.Random(seed)
    for _ in range(50):
        pieces = rng.choices(_PIECES, k=rng.randint(0, 40))
        text = "".join(p + rng.choice(["", " ", " ", "\n"]) for p in pieces)
        spans = split_sentences(text, rng.choice(["en", "de", "fr", "uk", "ru", "es", "xx"]))
        assert_span_invariants(text, spans)
        assert split_sentences(text) == split_sentences(text)


@pytest.mark.parametrize("language", ["en", "de", "fr", "uk", "ru", "es", "ja", "", "zz-ZZ"])
def test_other_languages_do_not_crash(language):
    text = "Mr. Smith went to Kyiv. Він сказав: «Ми готові». Er kam am 12. Juni. ¿Qué? M. Macron a parlé."
    spans = split_sentences(text, language)
    assert_span_invariants(text, spans)
    assert len(spans) >= 3


# --- Edge cases and robustness --------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \t\n \u00a0 "])
def test_empty_or_whitespace_text_has_no_sentences(text):
    assert split_sentences(text) == []


def test_paragraph_break_always_ends_a_sentence():
    text = "Mr.\n\nSmith arrived at 5 a.m.\n\nthe U.S.\n \nGovernment said"
    assert sentences(text) == ["Mr.", "Smith arrived at 5 a.m.", "the U.S.", "Government said"]


def test_headline_without_punctuation_is_its_own_sentence():
    text = "Drone hits Belgorod\n\nA drone struck a building. The governor said."
    assert sentences(text) == ["Drone hits Belgorod", "A drone struck a building.", "The governor said."]


def test_single_line_break_inside_a_paragraph_does_not_end_a_sentence():
    text = "The governor said the situation\nwas under control."
    assert sentences(text) == [text]


def test_two_megabyte_unpunctuated_line_is_one_quick_span():
    text = "word " * 400_000 + "end"
    assert split_sentences(text) == [(0, len(text))]
    assert growth(split_sentences, text[: len(text) // 4], text) < 8  # 4 when linear; 16 when quadratic


@pytest.mark.parametrize(
    "unit", ["a", "......x", ". . ", "!?", "U.S. ", "J. Smith ", "At 5 a.m. Mr ", "a. ", "\"'", "1) "]
)
def test_pathological_repetition_stays_linear(unit):
    text = unit * (400_000 // len(unit))
    assert_span_invariants(text, split_sentences(text))
    assert growth(split_sentences, text[: len(text) // 4], text) < 8  # 4 when linear; 16 when quadratic


# --- Named regressions for the news traps -----------------------------------------


def test_titles_never_end_a_sentence():
    text = "Lt. Col. Ivan Petrov met Gov. Kathy Hochul and Sen. Tim Scott. They talked."
    assert sentences(text) == ["Lt. Col. Ivan Petrov met Gov. Kathy Hochul and Sen. Tim Scott.", "They talked."]


def test_us_sentence_final_before_a_sentence_starter():
    assert sentences("The firm moved to the U.S. He said it was final.") == [
        "The firm moved to the U.S.",
        "He said it was final.",
    ]


def test_us_mid_sentence_before_a_proper_noun_or_lowercase():
    text = "U.S. President Joe Biden spoke to U.K. officials and the U.N. about it."
    assert sentences(text) == [text]


def test_am_pm_mid_and_final():
    assert sentences("It ended at 9 p.m. Officials left. It began at 10 a.m. Monday.") == [
        "It ended at 9 p.m.",
        "Officials left.",
        "It began at 10 a.m. Monday.",
    ]


def test_question_inside_quote_before_lowercase_attribution():
    text = '"Where are the ambulances?" she asked. "Nobody knows."'
    assert sentences(text) == ['"Where are the ambulances?" she asked.', '"Nobody knows."']


def test_closing_quote_belongs_to_the_first_sentence():
    assert sentences('He said, "Stop." Then he left.') == ['He said, "Stop."', "Then he left."]


def test_multi_sentence_quote():
    assert sentences("“We will not give up. We will fight,” he said.") == [
        "“We will not give up.",
        "We will fight,” he said.",
    ]


def test_ellipsis_before_lowercase_and_capital():
    assert sentences("He paused… and left. It ended... The end.") == ["He paused… and left.", "It ended...", "The end."]


def test_initials_decimals_urls_emails():
    text = (
        "J. R. R. Tolkien earned $3.5 million, up 2.5%, per https://www.example.com/a.b?x=1 "
        "and john.doe@example.co.uk. Version 3.2.1 shipped."
    )
    assert sentences(text) == [
        "J. R. R. Tolkien earned $3.5 million, up 2.5%, per https://www.example.com/a.b?x=1 "
        "and john.doe@example.co.uk.",
        "Version 3.2.1 shipped.",
    ]


def test_company_suffixes_numbers_months_vs_etc():
    text = (
        "Acme Inc. and Foo Corp. sued Bar Ltd. over No. 5 on Sept. 1 in Smith vs. Jones. "
        "They sold phones, laptops, etc. The case goes on."
    )
    assert sentences(text) == [
        "Acme Inc. and Foo Corp. sued Bar Ltd. over No. 5 on Sept. 1 in Smith vs. Jones.",
        "They sold phones, laptops, etc.",
        "The case goes on.",
    ]


def test_russian_year_abbreviation_ends_a_sentence_but_city_does_not():
    text = "Он приехал в г. Москва в 2020 г. Там жил."
    assert sentences(text, "ru") == ["Он приехал в г. Москва в 2020 г.", "Там жил."]


def test_the_platform_x_ends_a_sentence_but_initials_do_not():
    text = "He posted the video on X. Republicans said it was false. He relied on J. Smith for advice."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "He posted the video on X.",
        "Republicans said it was false.",
        "He relied on J. Smith for advice.",
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A quoted question or exclamation, then its speaker: one sentence.
        ('"Where is the money?" Anna Kovalenko asked. Nobody answered.',
         ['"Where is the money?" Anna Kovalenko asked.', "Nobody answered."]),
        ("“Enough!” Mayor Ilse Varga shouted at the council.", ["“Enough!” Mayor Ilse Varga shouted at the council."]),
        ('"Stop!" He left the room.', ['"Stop!"', "He left the room."]),  # a pronoun opens a new one
        # An abbreviation before a number, mid-sentence.
        ("About approx. 40 people came. Police left.", ["About approx. 40 people came.", "Police left."]),
        # "etc." before a capital ends the sentence.
        ("They sold pears, apples, etc. Prices rose.", ["They sold pears, apples, etc.", "Prices rose."]),
        # Dash and asterisk list lines after a colon, each its own sentence.
        ("The plan includes:\n- lower taxes\n- more jobs\n* a new bridge",
         ["The plan includes:", "- lower taxes", "- more jobs", "* a new bridge"]),
        # Numbered lines after a colon; a list item ends at its line when a capital opens the next.
        ("It set two conditions:\n1. he stays\n2) he reports weekly",
         ["It set two conditions:", "1. he stays", "2) he reports weekly"]),
        ("It includes:\n• grid upgrades\n• a coal\nfund\nIt is voted on in June.",
         ["It includes:", "• grid upgrades", "• a coal\nfund", "It is voted on in June."]),
        # The same for a line opening with a dash or a number: the next line's capital starts a sentence.
        ("Two parts:\n- lower taxes for farmers\nIt is voted on in June.",
         ["Two parts:", "- lower taxes for farmers", "It is voted on in June."]),
        ("Two parts:\n1. lower taxes for\nfarmers\nIt is voted on in June.",
         ["Two parts:", "1. lower taxes for\nfarmers", "It is voted on in June."]),
        # Inline numbered lists, opening the text or after a bullet ("• 10.").
        ("1) rice 2) beans 3) oil were rationed.", ["1) rice", "2) beans", "3) oil were rationed."]),
        ("Rations: a.) rice b.) beans", ["Rations: a.) rice", "b.) beans"]),
        ("The vigil begins at 7 p.m. (1800 GMT). It ends at ten.",
         ["The vigil begins at 7 p.m. (1800 GMT).", "It ends at ten."]),
        ("The icon, dated ca. 1890, was sold ca. 1950. It is lost.",
         ["The icon, dated ca. 1890, was sold ca. 1950.", "It is lost."]),
    ],
)  # fmt: skip
def test_quotes_with_their_speaker_numbers_after_abbreviations_etc_and_dash_lists(text, expected):
    assert [text[start:end] for start, end in split_sentences(text)] == expected
