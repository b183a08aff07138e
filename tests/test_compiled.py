"""claims.compiled: a queryset compiled once answers as the ORM would, for any value it is run with."""

import pytest
from django.db.models import Q

from claims.compiled import Compiled
from claims.models import Article, Sentence
from tests.factories import create_article


@pytest.fixture
def article(db):
    return create_article(sentences=6)


def _numbers(article):
    return Sentence.objects.filter(article_id=article).order_by("number").values_list("pk", "number", "start")


def test_a_compiled_query_answers_like_its_queryset_for_every_value(article):
    other = create_article(sentences=3, title="Another")
    numbers = Compiled(_numbers, article=int)
    for each in (article, other, article):
        assert numbers.rows(article=each.pk) == list(_numbers(each.pk))
    assert numbers.rows(article=0) == []


def test_several_parameters_each_go_where_theirs_was(article):
    first, second = article.sentences.order_by("number")[:2]
    both = Compiled(
        lambda one, other: Sentence.objects.filter(Q(pk=one) | Q(pk=other)).values_list("number"), one=int, other=int
    )
    assert sorted(both.rows(one=first.pk, other=second.pk)) == [(1,), (2,)]
    assert both.rows(one=second.pk, other=second.pk) == [(2,)]


def test_a_parameter_used_twice_is_refused(article):
    twice = Compiled(lambda one: Sentence.objects.filter(Q(pk=one) | Q(article_id=one)).values_list("pk"), one=int)
    with pytest.raises(ValueError, match="once"):
        twice.rows(one=article.pk)


def test_text_parameters_too(article):
    titled = Compiled(lambda title: Article.objects.filter(title=title).values_list("pk"), title=str)
    assert titled.rows(title=article.title) == [(article.pk,)] and titled.rows(title="Nothing") == []


def _fields(obj, *related):
    """An instance's loaded field values, and those of the related instances named."""
    own = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if f.attname in obj.__dict__}
    return own, [_fields(getattr(obj, name)) if getattr(obj, name) is not None else None for name in related]


def test_objects_are_the_instances_the_queryset_gives_related_and_deferred_too(
    article, editor, django_assert_num_queries
):
    from claims.models import Claim, HistoryEntry

    sentence = article.sentences.get(number=2)
    sentence.article = article
    Claim.mark(sentence, by=editor, channel="Telegram")
    sentences = Compiled(
        lambda pk: Sentence.objects.select_related("article__publication").defer("article__text").filter(pk=pk), pk=int
    )
    (loaded,) = sentences.objects(pk=sentence.pk)
    orm = Sentence.objects.select_related("article__publication").defer("article__text").get(pk=sentence.pk)
    assert _fields(loaded, "article") == _fields(orm, "article")
    with django_assert_num_queries(0):  # the missing publication was read with the rest, as by the ORM
        assert not hasattr(loaded.article, "publication") and not hasattr(orm.article, "publication")
    assert "text" not in loaded.article.__dict__
    assert sentences.objects(pk=0) == []
    # JSON fields go through the same converters as the ORM's, on SQLite and PostgreSQL alike.
    history = Compiled(lambda claim: HistoryEntry.objects.for_claim(claim).with_actor()[:5], claim=int)
    claim = Claim.objects.get()
    (entry,) = history.objects(claim=claim.pk)
    (orm_entry,) = HistoryEntry.objects.for_claim(claim.pk).with_actor()[:5]
    assert _fields(entry, "actor") == _fields(orm_entry, "actor") and entry.after["channel"] == "Telegram"


def test_one_or_404_gives_the_instance_or_the_message(article):
    from django.http import Http404

    sentences = Compiled(lambda pk: Sentence.objects.filter(pk=pk), pk=int)
    first = article.sentences.order_by("number").first()
    assert sentences.one_or_404("No such sentence.", pk=first.pk).pk == first.pk
    with pytest.raises(Http404, match="No such sentence."):
        sentences.one_or_404("No such sentence.", pk=0)


def test_a_list_parameter_takes_any_number_of_values(article):
    pks = list(article.sentences.order_by("number").values_list("pk", flat=True))
    numbers = Compiled(
        lambda pks, article: (
            Sentence.objects.filter(pk__in=pks, article_id=article).order_by("number").values_list("number")
        ),
        pks=list,
        article=int,
    )
    assert numbers.rows(pks=pks[1:4], article=article.pk) == [(2,), (3,), (4,)]
    assert numbers.rows(pks=[pks[5]], article=article.pk) == [(6,)]
    assert numbers.rows(pks=pks, article=0) == []
    assert numbers.rows(pks=[], article=article.pk) == []
