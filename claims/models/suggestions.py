"""Suggestions: attributions the workbench proposes, which become claims only when a person accepts them."""

from collections import defaultdict

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q, prefetch_related_objects
from django.utils import timezone

from .articles import Article, Sentence
from .base import TextSpan, valid_choice
from .claims import Claim, ClaimOrigin, check_span
from .errors import AlreadyDecided, EditRefused
from .history import HistoryEntry
from .sources import Source, SourceKind

USER = settings.AUTH_USER_MODEL
SUGGESTION_DECIDED = "This suggestion was already accepted or dismissed."


class SuggestionStatus(models.TextChoices):
    """A suggestion is decided once: accepted (it becomes a claim) or dismissed."""

    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    DISMISSED = "dismissed", "Dismissed"


class SuggestionQuerySet(models.QuerySet):
    def pending(self):
        """Suggestions nobody has accepted or dismissed yet."""
        return self.filter(status=SuggestionStatus.PENDING)

    def accept(self, *, by):
        """Accept every pending suggestion here in one transaction, with a fixed number of queries. A
        speaker is looked up in the registry once per name (Source.objects.best_match), or added with the
        role the text gives. A suggestion whose span overlaps an active claim of its sentence that has no
        speaker or already has this one (see claim_to_fill) fills that claim's empty speaker, channel and
        cue (Claim.fill_empty: one history entry, the version moves on) and makes no second claim; one
        overlapping only claims of other speakers becomes a claim of its own beside them, since a
        different speaker is a different attribution. Suggestion and claim rows are locked, so a
        suggestion two people accept at once is accepted once. Returns (claims, refused): for each
        accepted suggestion the claim it made or filled, and (suggestion, EditRefused) for those whose
        span no longer lies inside their sentence, which stay pending."""
        with transaction.atomic():
            # Only suggestion rows are locked (no joins): their sentences are read afterwards.
            suggestions = list(Suggestion.objects.filter(pk__in=self.values("pk")).pending().select_for_update())
            prefetch_related_objects(suggestions, "sentence")
            accepted, refused = [], []
            for suggestion in suggestions:
                try:
                    check_span(suggestion.sentence, suggestion.start, suggestion.end)
                except EditRefused as refusal:
                    refused.append((suggestion, refusal))
                else:
                    accepted.append(suggestion)
            sources = {}
            for suggestion in accepted:
                if suggestion.source_text not in sources:
                    sources[suggestion.source_text] = suggestion.registry_source(by=by)
            in_sentence = defaultdict(list)
            sentences = {suggestion.sentence_id for suggestion in accepted}
            for claim in (
                Claim.objects.active().filter(sentence__in=sentences).order_by("start", "pk").select_for_update()
            ):
                in_sentence[claim.sentence_id].append(claim)
            claims, created, filled, entries = [], [], {}, []
            for suggestion in accepted:
                source = sources[suggestion.source_text]
                claim = claim_to_fill(suggestion, source.pk, in_sentence[suggestion.sentence_id])
                if claim is None:
                    claim = suggestion.new_claim(by=by, source=source)
                    # A later suggestion of this speaker overlapping it fills it too.
                    in_sentence[suggestion.sentence_id].append(claim)
                    created.append((suggestion, claim))
                else:
                    entry = claim.fill_empty(
                        by=by,
                        note={"suggestion": suggestion.pk},
                        source=source,
                        channel=suggestion.channel,
                        cue=suggestion.cue,
                    )
                    if entry is not None:
                        filled[claim.pk] = claim
                        entries.append(entry)
                claims.append(claim)
            Claim.objects.bulk_create([claim for _, claim in created])
            Claim.objects.bulk_update(filled.values(), ["source", "channel", "cue", "version", "updated_at"])
            HistoryEntry.record_all(
                [claim.creation_entry(by=by, note={"suggestion": suggestion.pk}) for suggestion, claim in created]
                + entries
            )
            now = timezone.now()
            for suggestion, claim in zip(accepted, claims):
                suggestion.status, suggestion.decided_by, suggestion.decided_at = SuggestionStatus.ACCEPTED, by, now
                suggestion.claim = claim
            Suggestion.objects.bulk_update(accepted, ["status", "decided_by", "decided_at", "claim"])
        return claims, refused


def claim_to_fill(span, source_id, claims):
    """The claim among `claims` (one sentence's active claims, in text order) that a suggestion over
    span.start–span.end naming source `source_id` fills instead of becoming a claim of its own: one whose
    characters overlap it and whose speaker is that source (first choice) or not set; None when none
    does. Accepting decides with the source the name resolves to then; the workspace foretells it with
    the registry match stored on the suggestion."""
    fillable = [
        claim
        for claim in claims
        if claim.start < span.end and span.start < claim.end and claim.source_id in (None, source_id)
    ]
    return min(fillable, key=lambda claim: claim.source_id is None, default=None)


class Suggestion(TextSpan):
    """An attribution the workbench proposes ("X said …"): never a claim until a person accepts it."""

    Status = SuggestionStatus

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="suggestions")
    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="suggestions")
    # The speaker as the text names it (a back-reference is resolved to the full name) and where.
    source_text = models.CharField(max_length=200)
    source_start = models.PositiveIntegerField()
    source_end = models.PositiveIntegerField()
    # The speaker as this suggestion's sentence mentions them ("the intelligence official", "Yusov"), for the
    # panel's "Why" line; none on suggestions made before it was kept.
    mention_start = models.PositiveIntegerField(null=True, blank=True)
    mention_end = models.PositiveIntegerField(null=True, blank=True)
    source_kind = models.CharField(max_length=16, choices=SourceKind, default=SourceKind.PERSON)
    role = models.CharField(max_length=200, blank=True)
    # The registry's source of that name when the suggestion was made; accepting matches again.
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    channel = models.CharField(max_length=300, blank=True)
    cue = models.CharField(max_length=100, blank=True)
    hedged = models.BooleanField(default=False)
    nested = models.BooleanField(default=False)
    status = models.CharField(max_length=16, choices=SuggestionStatus, default=SuggestionStatus.PENDING)
    decided_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    claim = models.ForeignKey(Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = SuggestionQuerySet.as_manager()

    class Meta(TextSpan.Meta):
        indexes = [
            # The workspace loads an article's pending suggestions in text order.
            models.Index(fields=["article", "status", "start"], name="suggestion_article_status_idx")
        ]
        constraints = [
            *TextSpan.Meta.constraints,
            valid_choice("status", SuggestionStatus),
            models.CheckConstraint(
                condition=Q(status="pending", decided_by__isnull=True) | ~Q(status="pending"),
                name="suggestion_pending_is_undecided",
            ),
        ]

    def __str__(self):
        return f"{self.source_text} {self.cue} [{self.start}, {self.end})"

    def history_about(self):
        """What this suggestion's history rows are filed under (see HistoryEntry.entry)."""
        return {"article_id": self.article_id}

    def accept(self, *, by):
        """Make this suggestion a claim, or fill the claim it overlaps (see SuggestionQuerySet.accept), and
        return that claim; or raise EditRefused saying why not."""
        claims, refused = Suggestion.objects.filter(pk=self.pk).accept(by=by)
        for _, refusal in refused:
            raise refusal
        if not claims:
            raise AlreadyDecided(SUGGESTION_DECIDED)
        self.status, self.claim = SuggestionStatus.ACCEPTED, claims[0]
        return claims[0]

    def new_claim(self, *, by, source):
        """The claim this suggestion becomes, not saved yet: its span, speaker `source`, channel and cue."""
        return Claim(
            article_id=self.article_id,
            sentence=self.sentence,
            start=self.start,
            end=self.end,
            origin=ClaimOrigin.SUGGESTION,
            created_by=by,
            source=source,
            channel=self.channel,
            cue=self.cue,
        )

    def same_speaker(self):
        """This article's suggestions that name the same speaker, this one included."""
        return Suggestion.objects.filter(article_id=self.article_id, source_text=self.source_text)

    def registry_source(self, *, by):
        """The registry's source this suggestion names, matched by name or alias, else a new one with
        the kind and role the text gives."""
        source = Source.objects.best_match(self.source_text)
        if source is None:
            source = Source(name=self.source_text, kind=self.source_kind, role=self.role[:200]).save_new(by=by)
        return source

    def dismiss(self, *, by):
        """Dismiss this suggestion for good; AlreadyDecided if someone accepted or dismissed it first."""
        with transaction.atomic():
            # A conditional update: of two people deciding at once, exactly one leaves the pending state.
            if (
                not Suggestion.objects.pending()
                .filter(pk=self.pk)
                .update(status=SuggestionStatus.DISMISSED, decided_by=by, decided_at=timezone.now())
            ):
                raise AlreadyDecided(SUGGESTION_DECIDED)
            self.status = SuggestionStatus.DISMISSED
            before = {"suggestion": self.pk, "source": self.source_text, "start": self.start, "end": self.end}
            HistoryEntry.record(actor=by, action=HistoryEntry.Action.REMOVED, obj=self, before=before)
