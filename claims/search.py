"""Search over the desk's memory: articles (title, outlet, text), claims (their sentence's words, speaker,
rationale) and sources (name, aliases, role, affiliation). Every word asked for must be found, in any of
a row's fields, whatever its case; the filters narrow the claims (and the articles, by outlet and date).
A fixed number of queries whatever the data: one per kind.

The sentences (and so the articles' text) are searched by their words, a word matching as a prefix ("ferr"
finds "ferries"): on PostgreSQL through a full-text index (migration 0014: to_tsvector('simple')), on SQLite
through an FTS5 table kept in step by triggers (0015). The short fields are matched with icontains everywhere."""

import re
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.db.models.expressions import RawSQL

from .models import Article, Claim, Label, LabelStatus, Sentence, Source, SourceAlias

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


def _sentences_with(*terms):
    """The sentences whose text holds every word of `terms`, each as the start of a word: by the full-text
    index of PostgreSQL (migration 0014) or SQLite's FTS5 table (0015)."""
    rows = Sentence.objects.order_by()
    words = [word for term in terms for word in re.findall(r"\w+", term)]
    if connection.vendor == "postgresql":
        vector = SearchVector("text", config="simple")
        query = SearchQuery(" & ".join(f"{word}:*" for word in words), config="simple", search_type="raw")
        return rows.annotate(words=vector).filter(words=query)
    match = " ".join(f'"{word}"*' for word in words)
    return rows.filter(
        pk__in=RawSQL("SELECT rowid FROM claims_sentence_words WHERE claims_sentence_words MATCH %s", [match])
    )


def _articles(terms, scope):
    matches = reduce(
        and_,
        (
            Q(title__icontains=term)
            | Q(outlet__icontains=term)
            # An article's text is its sentences': their index answers for it.
            | Q(pk__in=_sentences_with(term).values("article_id"))
            for term in terms
        ),
    )
    found = Article.objects.filter(scope, matches).defer("text")
    return list(found.order_by("-published", "-pk")[:LIMIT])


def _claims(terms, article_scope, *, verdict, state, speaker):
    labels = Label.objects.filter(claim=OuterRef("pk"))
    # A claim holds every term when its sentence holds them all (one lookup in the words' index), or when
    # a term is in its speaker or a rationale and each other term in one of its fields. Every set is looked
    # up once through an index and probed as the newest claims are walked; no term is compared with each
    # claim's row.
    elsewhere = [Q(pk__in=_ids_by_speaker_or_rationale(term)) for term in terms]
    in_fields = [Q(sentence__in=_sentences_with(term).values("pk")) | found for term, found in zip(terms, elsewhere)]
    matches = Q(sentence__in=_sentences_with(*terms).values("pk")) | (reduce(or_, elsewhere) & reduce(and_, in_fields))
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
    found = list(claims.order_by("-pk")[:LIMIT])  # the newest first: the index walks back and stops at LIMIT
    for claim in found:  # its words from its sentence: the article's text is not loaded
        offset = claim.sentence.start
        claim.words = claim.sentence.text[claim.start - offset : claim.end - offset]
    return found


def _ids(claims):
    return claims.order_by().values_list("pk")


def _ids_by_speaker_or_rationale(term):
    return _ids(Claim.objects.filter(source__in=Source.objects.filter(name__icontains=term).values("pk"))).union(
        _ids(Claim.objects.filter(source__in=SourceAlias.objects.filter(name__icontains=term).values("source_id"))),
        Label.objects.filter(rationale__icontains=term).order_by().values_list("claim_id"),
    )


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
