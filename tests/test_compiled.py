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
