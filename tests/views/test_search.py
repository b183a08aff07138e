"""Search in the header: a word from a rationale, a source's alias and an article's title each find their
rows, grouped by kind with the words marked; the filters narrow them; the queries do not grow with the data."""

import pytest
from django.urls import reverse

from claims.models import SourceAlias
from tests.export_fixtures import annotated_seed
from tests.factories import create_article


@pytest.fixture
def seed(editor, reviewer):
    return annotated_seed(editor, reviewer)


def found(client, **query):
    response = client.get(reverse("claims:search"), query)
    assert response.status_code == 200
    return response.context["results"], response.content.decode()


def test_a_rationale_word_an_alias_and_a_title_each_find_their_rows(client, editor, seed):
    article, claims = seed
    SourceAlias.objects.create(source=claims["peskov"].source, name="Kremlin voice")
    client.force_login(editor)
    results, page = found(client, q="geolocated")  # in the Corps label's rationale
    assert results.claims == [claims["corps"]] and "<mark>geolocated</mark>" in page.lower()
    results, _ = found(client, q="kremlin voice")
    assert [source.name for source in results.sources] == ["Dmitry Peskov"]
    assert claims["peskov"] in results.claims  # the claims of the speaker known by that alias
    results, page = found(client, q="Belgorod Oblast combat")
    assert results.articles == [article] and 'href="/articles/' in page
    assert f"?claim={claims['peskov'].pk}#sentence-" in found(client, q="Peskov")[1]


def test_each_word_may_be_in_another_field_of_the_same_claim(client, editor, seed):
    article, claims = seed
    client.force_login(editor)
    assert found(client, q="Peskov informed")[0].claims == [claims["peskov"]]  # speaker + sentence
    assert found(client, q="geolocated Belgorod")[0].claims == [claims["corps"]]  # rationale + sentence
    assert found(client, q="Peskov Kremlin")[0].claims == [claims["peskov"]]  # speaker + rationale
    assert found(client, q="Peskov geolocated")[0].claims == []  # in two claims, not in one


def test_filters_narrow_the_claims(client, editor, seed):
    article, claims = seed
    client.force_login(editor)
    everything, _ = found(client, q="Belgorod")
    denied, _ = found(client, q="Belgorod", verdict="denied")
    proposed, _ = found(client, q="Kyiv", state="proposed")
    assert set(denied.claims) < set(everything.claims) or denied.claims == []
    assert all(claim.current_label.verdict == "denied" for claim in denied.claims)
    assert [claim for claim in proposed.claims] == [claims["kyiv"]]
    none, _ = found(client, q="Belgorod", outlet="No Such Outlet")
    assert none.claims == none.articles == []
    later, _ = found(client, q="Belgorod", published_from="2024-01-01")
    assert later.articles == [] and later.claims == []
    speaker, _ = found(client, q="operations", speaker=claims["corps"].source_id)
    assert speaker.claims == [claims["corps"]]


def test_nothing_found_says_so_and_hostile_words_stay_text(client, editor, seed):
    client.force_login(editor)
    results, page = found(client, q="<script>zebra</script>")
    assert results.total == 0 and "Nothing found for “&lt;script&gt;zebra&lt;/script&gt;”" in page
    assert found(client)[0].total == 0


@pytest.mark.parametrize("articles", [1, 12])
def test_a_search_takes_the_same_queries_however_much_it_finds(
    client, editor, reviewer, articles, django_assert_max_num_queries
):
    annotated_seed(editor, reviewer)
    for n in range(articles):
        create_article(title=f"Belgorod briefing {n}", sentences=5)
    client.force_login(editor)
    with django_assert_max_num_queries(9):
        results, _ = found(client, q="Belgorod")
    assert len(results.articles) == articles + 1


def test_the_search_field_is_in_every_pages_header(client, editor):
    client.force_login(editor)
    page = client.get(reverse("claims:article_list")).content.decode()
    assert '<label for="site-search">Search</label>' in page and 'role="search"' in page


def test_words_match_as_word_starts_and_the_index_follows_edits(client, editor):
    article = create_article(
        text="Ferries crossed the river. The mayor said the bridge would reopen.", title="Crossing"
    )
    client.force_login(editor)
    assert found(client, q="ferr")[0].articles == [article]  # the start of a word
    assert found(client, q="erries")[0].articles == []  # not the middle of one
    first = article.sentences.get(number=1)
    first.split_at(first.start + first.text.index("the river"), by=editor)  # its words move into two rows
    assert found(client, q="ferries river")[0].articles == [article]
    article.delete()
    assert found(client, q="ferries")[0].total == 0
