"""Attribution suggestions for an article: run claims.attribution over its text once and store the
AttributionCandidates it finds as pending Suggestion rows, cut at sentence boundaries (a claim lies inside
one sentence).

suggest_claims() runs after every import (claims.importing.pipeline.import_and_suggest, or the import job
in claims/jobs.py), and again when an editor asks for a fresh run (a job too)."""

import bisect

from django.db import transaction
from django.utils import timezone

from .attribution import suggest_attributions
from .bulk_insert import insert_rows
from .models import Article, Claim, Source, SourceKind, Suggestion

# The columns suggest_claims writes; the decision's columns stay empty until someone decides.
_COLUMNS = (
    "article", "sentence", "start", "end", "source_text", "source_start", "source_end", "mention_start",
    "mention_end", "source_kind", "role", "source", "channel", "cue", "hedged", "nested", "status",
)  # fmt: skip
_KINDS = frozenset(SourceKind.values)


def suggest_claims(article, *, again=False, progress=None, inside=None):
    """Store the article's suggestions; returns how many were made. Done once per article (0 the second
    time) unless again: then the pending suggestions are replaced by a fresh run, which leaves out the spans
    of active claims and of suggestions already decided. The text is read outside the transaction, which
    only writes; progress(phase, done, total) hears how far it got, and inside(article) is called in the
    transaction before anything is written (a background job checks it still owns the work)."""
    if article.suggested_at and not again:
        return 0
    report = progress or (lambda *args: None)
    found_all = suggest_attributions(
        article.text, article.language, progress=lambda done, total: report("Finding attributions", done, total)
    )
    report("Saving suggestions", 0, 0)
    with transaction.atomic():
        if inside:
            inside(article)
        not_suggested = Article.objects.filter(pk=article.pk)
        if not again:
            not_suggested = not_suggested.filter(suggested_at__isnull=True)
        if not not_suggested.update(suggested_at=timezone.now()):
            return 0
        if again:
            article.suggestions.pending().delete()
        sentences = list(article.sentences.order_by("start").values_list("pk", "start", "end"))
        starts = [start for _, start, _ in sentences]
        taken = set(Claim.objects.active().filter(article=article).values_list("start", "end"))
        taken |= set(article.suggestions.values_list("start", "end"))
        registry = Source.objects.best_matches({found.source_text for found in found_all})
        ids = {name: source.pk for name, source in registry.items() if source is not None}
        rows = []
        for found in found_all:
            for sentence, start, end in _pieces(
                found.content_start, found.content_end, sentences, starts, article.text
            ):
                if (start, end) in taken:
                    continue
                rows.append(
                    (
                        article.pk,
                        sentence,
                        start,
                        end,
                        found.source_text[:200],
                        found.source_start,
                        found.source_end,
                        found.mention_start,
                        found.mention_end,
                        found.source_kind if found.source_kind in _KINDS else SourceKind.PERSON,
                        (found.role_text or "")[:200],
                        ids.get(found.source_text),
                        (found.channel_text or "")[:300],
                        (found.cue_text or "")[:100],
                        found.hedged,
                        found.nested,
                        Suggestion.Status.PENDING,
                    )
                )
        insert_rows(Suggestion, _COLUMNS, rows)
    return len(rows)


def _pieces(start, end, sentences, starts, text):
    """(sentence id, start, end) of the parts of [start, end) that fall in each sentence (`sentences` are
    (id, start, end)), trimmed of surrounding whitespace."""
    index = max(bisect.bisect_right(starts, start) - 1, 0)
    while index < len(sentences) and sentences[index][1] < end:
        sentence, sentence_start, sentence_end = sentences[index]
        left, right = max(start, sentence_start), min(end, sentence_end)
        piece = text[left:right]
        left += len(piece) - len(piece.lstrip())
        right -= len(piece) - len(piece.rstrip())
        if left < right:
            yield sentence, left, right
        index += 1
