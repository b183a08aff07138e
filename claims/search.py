"""Search over the desk's memory: articles (title, outlet, text), claims (their sentence's words, speaker,
rationale) and sources (name, aliases, role, affiliation). Every word asked for must be found, in any of
a row's fields, whatever its case; the filters narrow the claims (and the articles, by outlet and date).
A fixed number of queries whatever the data: one per kind."""

import re
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.db.models import Exists, OuterRef, Q

from .models import Article, Claim, Label, LabelStatus, Source, SourceAlias

LIMIT = 50  # rows of each kind
MAX_TERMS = 8


@dataclass
class Results:
    terms: list
    articles: list
    claims: list
    sources: list

    @property
    def total(self):
        return len(self.articles) + len(self.claims) + len(self.sources)


def terms_of(q):
    """The words asked for: at most MAX_TERMS, each at least two characters; quotes and punctuation dropped."""
    return [word for word in re.findall(r"[\w'’-]{2,}", q or "")][:MAX_TERMS]


def search(q, *, verdict="", state="", speaker=None, outlet="", published_from=None, published_to=None):
    terms = terms_of(q)
    if not terms:
        return Results(terms, [], [], [])
    article_filter = _article_scope(outlet, published_from, published_to)
    return Results(
        terms,
        _articles(terms, article_filter),
        _claims(terms, article_filter, verdict=verdict, state=state, speaker=speaker),
        [] if (verdict or state or outlet or published_from or published_to) else _sources(terms, speaker),
    )


def _every(terms, fields):
    """Each term in one of `fields` (case-insensitive)."""
    return reduce(and_, (reduce(or_, (Q(**{f"{field}__icontains": term}) for field in fields)) for term in terms))


def _article_scope(outlet, published_from, published_to, prefix=""):
    scope = Q()
    if outlet:
        scope &= Q(**{f"{prefix}outlet__icontains": outlet})
    if published_from:
        scope &= Q(**{f"{prefix}published__gte": published_from})
    if published_to:
        scope &= Q(**{f"{prefix}published__lte": published_to})
    return scope


def _articles(terms, scope):
    found = Article.objects.filter(scope, _every(terms, ["title", "outlet", "text"])).defer("text")
    return list(found.order_by("-published", "-pk")[:LIMIT])


def _claims(terms, article_scope, *, verdict, state, speaker):
    alias = SourceAlias.objects.filter(source=OuterRef("source_id"))
    labels = Label.objects.filter(claim=OuterRef("pk"))
    fields = ["sentence__text", "source__name", "channel"]
    matches = reduce(
        and_,
        (
            reduce(or_, (Q(**{f"{field}__icontains": term}) for field in fields))
            | Exists(alias.filter(name__icontains=term))
            | Exists(labels.filter(rationale__icontains=term))
            for term in terms
        ),
    )
    claims = Claim.objects.active().filter(matches)
    if article_scope:
        claims = claims.filter(article__in=Article.objects.filter(article_scope))
    if speaker:
        claims = claims.filter(source_id=speaker)
    shown = labels.exclude(status=LabelStatus.WITHDRAWN)
    if verdict:
        claims = claims.filter(Exists(shown.filter(verdict=verdict)))
    if state == "none":
        claims = claims.exclude(Exists(shown))
    elif state:
        claims = claims.filter(Exists(shown.filter(status=state)))
    claims = claims.with_labels(people=False).select_related("article", "sentence", "source").defer("article__text")
    found = list(claims.order_by("-article__published", "article_id", "start")[:LIMIT])
    for claim in found:  # its words from its sentence: the article's text is not loaded
        offset = claim.sentence.start
        claim.words = claim.sentence.text[claim.start - offset : claim.end - offset]
    return found


def _sources(terms, speaker):
    alias = SourceAlias.objects.filter(source=OuterRef("pk"))
    matches = reduce(
        and_,
        (
            Q(name__icontains=term) | Q(role__icontains=term) | Q(affiliation__icontains=term)
            | Exists(alias.filter(name__icontains=term))
            for term in terms
        ),
    )  # fmt: skip
    sources = Source.objects.filter(matches, merged_into__isnull=True)
    if speaker:
        sources = sources.filter(pk=speaker)
    return list(sources.prefetch_related("aliases").order_by("name")[:LIMIT])
