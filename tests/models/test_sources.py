"""The source registry: the rules the database enforces, and its lookups."""

import pytest

from claims.models import Source
from tests.factories import create_source
from tests.models.helpers import assert_refused


def test_source_kind_and_name_are_enforced(db):
    source = create_source()
    assert_refused(lambda: Source.objects.filter(pk=source.pk).update(kind="robot"))
    assert_refused(lambda: Source.objects.filter(pk=source.pk).update(name=""))
    assert_refused(lambda: Source.objects.filter(pk=source.pk).update(merged_into=source))


# --- The source registry's lookups ---------------------------------------------------------------


def test_registry_search_finds_letters_that_unicode_does_not_decompose(db):
    # fold() and the name matcher once disagreed on "ł": suggestions matched "Radoslaw", search missed it.
    sikorski = create_source(name="Radosław Sikorski")
    assert list(Source.objects.search("Radoslaw")) == [sikorski]
    assert list(Source.objects.named("radoslaw sikorski")) == [sikorski]
    assert Source.objects.best_match("Radoslaw Sikorski") == sikorski


def test_by_folded_names_finds_names_and_aliases_in_id_order(db):
    first = create_source(name="Andrii Yusov")
    second = create_source(name="Andriy Yusov")
    first.aliases.create(name="Andriy Yusov")
    found = Source.objects.by_folded_names(["ANDRIY yusov", "Nobody"])
    assert found == {"andriy yusov": [first, second], "nobody": []}


def test_best_matches_prefers_exact_names_then_an_unambiguous_surname(db):
    yusov = create_source(name="Andrii Yusov")
    create_source(name="Oleh Petrenko")
    create_source(name="Iryna Petrenko")
    assert Source.objects.best_matches(["A. Yusov", "Petrenko", "andrii yusov", "Nobody"]) == {
        "A. Yusov": yusov,
        "Petrenko": None,
        "andrii yusov": yusov,
        "Nobody": None,
    }


@pytest.mark.parametrize("count", [3, 1500])
def test_best_matches_needs_the_same_queries_for_few_or_many_names(db, django_assert_max_num_queries, count):
    Source.objects.bulk_create(
        Source(name=f"Speaker{n} Surname{n}", name_folded=f"speaker{n} surname{n}") for n in range(count)
    )
    names = [f"S. Surname{n}" for n in range(count)] + [f"Speaker{n} Surname{n}" for n in range(count)]
    with django_assert_max_num_queries(2):  # the sources, their aliases
        matches = Source.objects.best_matches(names)
    assert all(source is not None for source in matches.values())


def test_best_matches_reads_surnames_with_punctuation_literally(db):
    obrien = create_source(name="Siobhán O'Brien-Kane")
    dotted = create_source(name="Carlos St. Pierre (Jr.)")
    create_source(name="Ana Stapierre")
    assert Source.objects.best_matches(["S. O'Brien-Kane", "C. (Jr.)", "A. B.ierre", "Nobody"]) == {
        "S. O'Brien-Kane": obrien,
        "C. (Jr.)": dotted,
        "A. B.ierre": None,  # "." is a full stop, not "any character"
        "Nobody": None,
    }
