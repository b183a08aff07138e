"""Claims: who said what, as a span of one sentence, with the edits an editor makes to it."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F, Q
from django.utils import timezone

from .articles import Article, Sentence
from .base import TextSpan, valid_choice
from .errors import EditRefused, StaleEdit
from .history import HistoryEntry
from .sources import Source

USER = settings.AUTH_USER_MODEL


class ClaimQuerySet(models.QuerySet):
    def active(self):
        return self.filter(removed_at__isnull=True)

    def with_labels(self, *, people=True):
        """Speaker and the labels current_label chooses from loaded (not the withdrawn ones, which a long
        history piles up), so claim.current_label needs no query; `people`: with who proposed and
        reviewed them."""
        return self.select_related("source").prefetch_related(labels_prefetch(self.model, people=people))


def labels_prefetch(claim_model, *, people=True):
    """The Prefetch of with_labels(), for claims loaded otherwise (prefetch_related_objects)."""
    # Label sits in a module above this one (it points at claims): reached through the relation.
    label = claim_model._meta.get_field("labels").related_model
    labels = label.objects.exclude(status=label.Status.WITHDRAWN)
    if people:
        labels = labels.select_related("proposed_by", "reviewed_by")
    return models.Prefetch("labels", queryset=labels)


def give_related(instance, name, objects):
    """Give `instance` these related objects (loaded otherwise, or known to be none) as
    prefetch_related(name) would: its related manager `name` answers from them without a query."""
    loaded = getattr(instance, name).all()
    loaded._result_cache, loaded._prefetch_done = list(objects), True
    instance._prefetched_objects_cache = {**getattr(instance, "_prefetched_objects_cache", {}), name: loaded}


def was_given(instance, name):
    """Whether the related objects `name` of `instance` are loaded (give_related or a prefetch)."""
    return name in getattr(instance, "_prefetched_objects_cache", {})


def give_labels(claim, labels):
    """Give `claim` these labels as with_labels() would (give_related), each knowing its claim."""
    for label in labels:
        label.claim = claim
    give_related(claim, "labels", labels)


class ClaimOrigin(models.TextChoices):
    MANUAL = "manual", "Marked by an editor"
    SUGGESTION = "suggestion", "Accepted suggestion"


class Claim(TextSpan):
    """An assertion somebody made, a span [start, end) of the article text inside one sentence."""

    Origin = ClaimOrigin

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="claims")
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.PROTECT, related_name="claims")
    channel = models.CharField(max_length=300, blank=True)
    cue = models.CharField(max_length=100, blank=True)
    # What fact-check markup names the claim by (ClaimReview's claimReviewed); empty: the claim, shortened.
    summary = models.CharField(max_length=200, blank=True, default="", db_default="")
    origin = models.CharField(max_length=16, choices=ClaimOrigin, default=ClaimOrigin.MANUAL)
    # Bumped on every change: optimistic concurrency for editors and staleness for reviewers.
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    # Removal is soft, so the claim's history and labels stay readable.
    removed_at = models.DateTimeField(null=True, blank=True)
    removed_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    objects = ClaimQuerySet.as_manager()

    class Meta(TextSpan.Meta):
        constraints = [
            *TextSpan.Meta.constraints,
            valid_choice("origin", ClaimOrigin),
            models.CheckConstraint(
                condition=Q(removed_at__isnull=True, removed_by__isnull=True) | Q(removed_at__isnull=False),
                name="claim_removed_by_only_when_removed",
            ),
        ]
        indexes = [
            # The workspace loads an article's claims in text order.
            models.Index(fields=["article", "start"], name="claim_article_start_idx")
        ]

    def __str__(self):
        return f"claim {self.pk} [{self.start}, {self.end})"

    def history_about(self):
        """What this claim's history rows are filed under (see HistoryEntry.entry)."""
        return {"article_id": self.article_id, "claim": self}

    @property
    def current_label(self):
        """The newest label that is not withdrawn (proposed, approved or rejected), or None.
        Reads the prefetched labels when with_labels() loaded them."""
        labels = [label for label in self.labels.all() if label.status != label.Status.WITHDRAWN]
        return max(labels, key=lambda label: (label.proposed_at, label.pk), default=None)

    def snapshot(self):
        return {
            "start": self.start,
            "end": self.end,
            "source": self.source_id,
            "channel": self.channel,
            "cue": self.cue,
        }

    @classmethod
    def mark(cls, sentence, *, by, start=None, end=None, origin=ClaimOrigin.MANUAL, note=None, **fields):
        """A new claim on `sentence`: the whole sentence unless a span inside it is given. `fields` may
        set source, channel and cue; `note` is added to the history entry (e.g. the suggestion)."""
        start = sentence.start if start is None else start
        end = sentence.end if end is None else end
        check_span(sentence, start, end)
        with transaction.atomic():
            claim = cls.objects.create(
                article_id=sentence.article_id,
                sentence=sentence,
                start=start,
                end=end,
                origin=origin,
                created_by=by,
                **fields,
            )
            created = claim.creation_entry(by=by, note=note)
            HistoryEntry.record_all([created])
        # A new claim has no labels and no earlier checks, and its history is its creation: said to its
        # related managers as a prefetch would, so the panel that shows it reads none of them (their
        # create() drops this, as any prefetch).
        give_related(claim, "labels", [])
        give_related(claim, "prior_checks", [])
        give_related(claim, "history", [created])
        return claim

    def creation_entry(self, *, by, note=None):
        """The history entry of this claim's creation; `note` adds to it (e.g. the suggestion it came from)."""
        return HistoryEntry.entry(
            actor=by,
            action=HistoryEntry.Action.CREATED,
            obj=self,
            after={**self.snapshot(), "origin": self.origin, **(note or {})},
        )

    def annotate(self, *, by, version, changes, label=None):
        """Apply the editor's changes (span, source, channel, cue) and label in one transaction.

        `version` is the claim version the editor loaded: if someone else saved since, nothing is
        written and StaleEdit says so. `label` is None (leave labels alone), {} (withdraw the open
        proposal) or {"verdict", "rationale", "evidence"} (propose it unless it is already current).
        A source in `changes` not saved yet is saved with the rest (Source.save_new).
        """
        if "start" in changes or "end" in changes:
            check_span(self.sentence, changes.get("start", self.start), changes.get("end", self.end))
        with transaction.atomic():
            source = changes.get("source")
            if source is not None and source.pk is None:
                source.save_new(by=by)
            changes = {field: value for field, value in changes.items() if getattr(self, _attname(field)) != _pk(value)}
            entries = []  # the history of both writes, in one INSERT
            if changes:
                entries.append(self._update(by=by, version=version, changes=changes))
            elif version != self.version:
                # This claim was loaded for this edit; a save between that read and these writes is
                # caught below, by the label it changed (one open proposal per claim).
                raise StaleEdit(STALE_MESSAGE)
            if label is not None:
                entries += self._relabel(by=by, **label)
            HistoryEntry.record_all(entries)

    def _update(self, *, by, version, changes):
        """Write the changes; their history entry comes back, not saved yet."""
        before, after = _before_after(self, changes)
        now = timezone.now()
        updated = Claim.objects.filter(pk=self.pk, version=version, removed_at__isnull=True).update(
            **changes, version=F("version") + 1, updated_at=now
        )
        if not updated:
            raise StaleEdit(STALE_MESSAGE)
        for field, value in changes.items():
            setattr(self, field, value)
        self.version = version + 1
        self.updated_at = now
        return HistoryEntry.entry(actor=by, action=HistoryEntry.Action.UPDATED, obj=self, before=before, after=after)

    def fill_empty(self, *, by, note=None, **values):
        """Give this claim those of `values` (source, channel, cue) whose field it still has empty, never
        overwriting what an editor set. In memory only, for a caller that locked the row and saves it
        in bulk: a saved claim's version moves on (open forms of it become stale) and the history entry
        of the change comes back, not saved yet (`note` adds to its after); None when nothing changed
        or the claim is not saved yet (its creation entry will show the values)."""
        changes = {field: value for field, value in values.items() if value and not getattr(self, _attname(field))}
        before, after = _before_after(self, changes)
        for field, value in changes.items():
            setattr(self, field, value)
        if not changes or self.pk is None:
            return None
        self.version += 1
        self.updated_at = timezone.now()
        return HistoryEntry.entry(
            actor=by, action=HistoryEntry.Action.UPDATED, obj=self, before=before, after={**after, **(note or {})}
        )

    def _relabel(self, *, by, verdict=None, rationale="", evidence=(), reused_from=None):
        """Propose the label (or withdraw the open proposal); the new proposal's history entry comes back
        in a list, not saved yet."""
        current = self.current_label
        wanted = (verdict, rationale, list(evidence))
        unchanged = current and current.claim_version == self.version
        if unchanged and (current.verdict, current.rationale, current.evidence) == wanted:
            return []
        replaced = current and current.status == current.Status.PROPOSED
        # A proposal replaced by a new one gets no entry of its own: the new one's says what it replaced.
        if replaced and not current.withdraw(by=by, record=verdict is None):
            raise StaleEdit(STALE_MESSAGE)  # reviewed or replaced since it was read
        if verdict is None:
            return []
        try:
            # The related manager's create() also drops prefetched labels, so current_label reads them again.
            label = self.labels.create(
                verdict=verdict,
                rationale=rationale,
                evidence=list(evidence),
                proposed_by=by,
                claim_version=self.version,
                claim_snapshot=self.snapshot(),
                reused_from=reused_from,
            )
        except IntegrityError as error:  # another proposal was made since this claim was read
            raise StaleEdit(STALE_MESSAGE) from error
        after = {"verdict": verdict, "rationale": rationale, "evidence": list(evidence)}
        if reused_from is not None:
            after["reused_from"] = reused_from.pk
        before = {"verdict": current.verdict, "replaced": current.pk} if replaced else None
        return [
            HistoryEntry.entry(actor=by, action=HistoryEntry.Action.PROPOSED, obj=label, before=before, after=after)
        ]

    def remove(self, *, by, version):
        with transaction.atomic():
            now = timezone.now()
            updated = Claim.objects.filter(pk=self.pk, version=version, removed_at__isnull=True).update(
                removed_at=now, removed_by=by, version=F("version") + 1
            )
            if not updated:
                raise StaleEdit(STALE_MESSAGE)
            open_label = self.labels.open().first()
            if open_label:
                open_label.withdraw(by=by)
            self.removed_at, self.removed_by, self.version = now, by, version + 1
            HistoryEntry.record(actor=by, action=HistoryEntry.Action.REMOVED, obj=self, before=self.snapshot())


STALE_MESSAGE = "Someone else changed this claim after you opened it. Their version is shown; apply your change again."


def _attname(field):
    return "source_id" if field == "source" else field


def _pk(value):
    return value.pk if isinstance(value, models.Model) else value


def _before_after(claim, changes):
    """A history entry's before and after for `changes` to `claim`, taken before they are applied."""
    before = {_attname(field): getattr(claim, _attname(field)) for field in changes}
    return before, {_attname(field): _pk(value) for field, value in changes.items()}


def check_span(sentence, start, end):
    """EditRefused unless [start, end) is a span inside `sentence`, as a claim's must be."""
    if not (sentence.start <= start < end <= sentence.end):
        raise EditRefused(
            f"The claim must lie inside sentence {sentence.number} "
            f"(characters {sentence.start}–{sentence.end}), not {start}–{end}."
        )
