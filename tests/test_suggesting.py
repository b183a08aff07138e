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


def test_every_field_of_a_suggestion_is_stored_as_found(db):
    """suggest_claims writes its rows by claims.bulk_insert (COPY on PostgreSQL): each value as the engine
    gave it, the registry's source linked, the decision's columns empty."""
    source = create_source(name="Oksana Hrytsenko")
    text = 'Oksana Hrytsenko told Reuters that the port "will reopen" in May, reportedly.\n\nNobody else spoke.'
    article = create_article(text=text)
    assert suggest_claims(article) == 1
    row = Suggestion.objects.values().get(article=article)
    sentence = article.sentences.get(number=1)
    assert text[row["start"] : row["end"]] == 'the port "will reopen" in May, reportedly'
    assert text[row["source_start"] : row["source_end"]] == row["source_text"] == "Oksana Hrytsenko"
    assert (row["sentence_id"], row["source_id"], row["source_kind"]) == (sentence.pk, source.pk, "person")
    found = (row["channel"], row["cue"], row["role"], row["hedged"], row["nested"])
    assert found == ("Reuters", "told", "", True, False)
    assert (row["status"], row["decided_by_id"], row["decided_at"], row["claim_id"]) == ("pending", None, None, None)


def test_an_article_with_nothing_to_suggest_stores_nothing(db):
    article = create_article(text="The port reopened in May.\n\nShips queued at the quay.")
    assert suggest_claims(article) == 0
    assert not Suggestion.objects.filter(article=article).exists()
    article.refresh_from_db()
    assert article.suggested_at is not None
