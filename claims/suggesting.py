"""Attribution suggestions for an article: run claims.attribution over its text once and store the
AttributionCandidates it finds as pending Suggestion rows, cut at sentence boundaries (a claim lies inside
one sentence).

suggest_claims() runs after every import (claims.importing.pipeline.import_and_suggest, or the import job
in claims/jobs.py), and again when an editor asks for a fresh run (a job too)."""

import bisect

from django.db import transaction
from django.utils import timezone

from .attribution import suggest_attributions
from .models import Article, Claim, Source, SourceKind, Suggestion


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
        sentences = list(article.sentences.order_by("start"))
        starts = [sentence.start for sentence in sentences]
        taken = set(Claim.objects.active().filter(article=article).values_list("start", "end"))
        taken |= set(article.suggestions.values_list("start", "end"))
        registry = Source.objects.best_matches({found.source_text for found in found_all})
        rows = []
        for found in found_all:
            for sentence, start, end in _pieces(
                found.content_start, found.content_end, sentences, starts, article.text
            ):
                if (start, end) in taken:
                    continue
                rows.append(
                    Suggestion(
                        article=article,
                        sentence=sentence,
                        start=start,
                        end=end,
                        source_text=found.source_text[:200],
                        source_start=found.source_start,
                        source_end=found.source_end,
                        mention_start=found.mention_start,
                        mention_end=found.mention_end,
                        source_kind=_kind(found),
                        role=(found.role_text or "")[:200],
                        source=registry[found.source_text],
                        channel=(found.channel_text or "")[:300],
                        cue=(found.cue_text or "")[:100],
                        hedged=found.hedged,
                        nested=found.nested,
                    )
                )
        Suggestion.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _pieces(start, end, sentences, starts, text):
    """The parts of [start, end) that fall in each sentence, trimmed of surrounding whitespace."""
    index = max(bisect.bisect_right(starts, start) - 1, 0)
    while index < len(sentences) and sentences[index].start < end:
        sentence = sentences[index]
        left, right = max(start, sentence.start), min(end, sentence.end)
        piece = text[left:right]
        left += len(piece) - len(piece.lstrip())
        right -= len(piece) - len(piece.rstrip())
        if left < right:
            yield sentence, left, right
        index += 1


def _kind(found):
    return found.source_kind if found.source_kind in SourceKind.values else SourceKind.PERSON
