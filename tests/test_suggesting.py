"""claims.suggesting: an article's attribution suggestions stored once, matched to the registry in bulk."""

import pytest

from claims.models import Suggestion
from claims.suggesting import suggest_claims
from tests.factories import create_article, create_source


def quotes(count):
    return "\n\n".join(f"Speaker{n} Surname{n} said the bridge would reopen on day {n}." for n in range(count))


@pytest.mark.parametrize("speakers", [3, 60])
def test_suggestions_match_the_registry_in_a_fixed_number_of_queries(db, django_assert_max_num_queries, speakers):
    for n in range(0, speakers, 2):
        create_source(name=f"Speaker{n} Surname{n}")
    article = create_article(text=quotes(speakers))
    with django_assert_max_num_queries(12):
        made = suggest_claims(article)
    assert made == speakers
    linked = Suggestion.objects.filter(article=article, source__isnull=False).count()
    assert linked == len(range(0, speakers, 2))


def test_suggestions_are_made_once(db):
    article = create_article(text=quotes(2))
    assert suggest_claims(article) == 2
    assert suggest_claims(article) == 0
    assert Suggestion.objects.filter(article=article).count() == 2
