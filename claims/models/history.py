"""The append-only history every change writes. It sits below the other models, which all record
into it, and points at them by name."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

USER = settings.AUTH_USER_MODEL


class HistoryQuerySet(models.QuerySet):
    """History is append-only: bulk updates and deletes are refused."""

    def update(self, **kwargs):
        raise HistoryIsAppendOnly("history rows cannot be updated")

    def delete(self):
        raise HistoryIsAppendOnly("history rows cannot be deleted")

    def for_claim(self, claim_id):
        """A claim's timeline, newest first: its own entries and its labels' (both carry claim)."""
        return self.filter(claim_id=claim_id).order_by("-at", "-id")

    def for_article(self, article_id):
        """An article's recent activity, newest first."""
        return self.filter(article_id=article_id).order_by("-at", "-id")

    def for_source(self, source_id):
        """A source's history, newest first."""
        return self.filter(source_id=source_id).order_by("-at", "-id")

    def with_actor(self):
        return self.select_related("actor")

    def for_timeline(self):
        """Only what a timeline shows of each entry (claims.templatetags.workbench.timeline): read on every
        workspace open and action, twenty at a time, where whole users and entries cost a third more."""
        return self.select_related("actor").only("at", "action", "object_type", "before", "after", "actor__username")

    def activity_by_actor(self, *, now, periods=(7, 30)):
        """Per person, by username: claims marked, labels proposed, approvals and rejections given in
        each of the last `periods` days, as dicts {"username", "claims_7", "proposed_7", ...}. One query."""
        kinds = {
            "claims": Q(action=HistoryEntry.Action.CREATED, object_type="claim"),
            "proposed": Q(action=HistoryEntry.Action.PROPOSED),
            "approved": Q(action=HistoryEntry.Action.APPROVED),
            "rejected": Q(action=HistoryEntry.Action.REJECTED),
        }
        counts = {
            f"{kind}_{days}": Count("pk", filter=condition & Q(at__gte=now - timedelta(days=days)))
            for days in periods
            for kind, condition in kinds.items()
        }
        return (
            self.filter(actor__isnull=False, at__gte=now - timedelta(days=max(periods)))
            .order_by()
            .values("actor", username=F("actor__username"))
            .annotate(**counts)
            .order_by("username")
        )

    def per_day(self, *, today, days=30):
        """[(date, number of entries)] for each of the `days` days up to `today` (zeros included), in
        the current time zone. One query."""
        first = today - timedelta(days=days - 1)
        start = timezone.make_aware(datetime.combine(first, datetime.min.time()))
        rows = (
            self.filter(at__gte=start, at__lt=start + timedelta(days=days))
            .annotate(day=TruncDate("at"))
            .order_by()
            .values("day")
            .annotate(n=Count("pk"))
            .values_list("day", "n")
        )
        counted = dict(rows)
        return [(first + timedelta(days=n), counted.get(first + timedelta(days=n), 0)) for n in range(days)]


class HistoryIsAppendOnly(Exception):
    pass


class HistoryEntry(models.Model):
    class Action(models.TextChoices):
        CREATED = "created", "created"
        UPDATED = "updated", "updated"
        REMOVED = "removed", "removed"
        IMPORTED = "imported", "imported"
        PROPOSED = "proposed", "proposed a label"
        APPROVED = "approved", "approved"
        REJECTED = "rejected", "rejected"
        WITHDRAWN = "withdrawn", "withdrew"
        MERGED = "merged", "merged"
        SPLIT = "split", "split"
        PUBLISHED = "published", "published"
        UNPUBLISHED = "unpublished", "unpublished"

    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=16, choices=Action)
    object_type = models.CharField(max_length=32)
    object_id = models.PositiveBigIntegerField()
    # Plain references without database constraints: history outlives the rows it describes.
    article = models.ForeignKey(
        "Article", null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="history"
    )
    claim = models.ForeignKey(
        "Claim", null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="history"
    )
    source = models.ForeignKey(
        "Source", null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="history"
    )
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    objects = HistoryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name_plural = "history entries"
        indexes = [
            # An article's recent activity and a claim's timeline, newest first.
            models.Index(fields=["article", "-at"], name="history_article_at_idx"),
            models.Index(fields=["claim", "-at"], name="history_claim_at_idx"),
            # The dashboard's people and chart: everything in the last 30 days.
            models.Index(fields=["at"], name="history_at_idx"),
            # A source's page: its history, newest first.
            models.Index(fields=["source", "-at"], name="history_source_at_idx"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_type} {self.object_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise HistoryIsAppendOnly("history rows cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise HistoryIsAppendOnly("history rows cannot be deleted")

    @classmethod
    def entry(cls, *, actor, action, obj, before=None, after=None):
        """An entry about `obj`, not saved yet, filed under the article, claim or source that
        obj.history_about() names."""
        return cls(
            actor=actor,
            action=action,
            object_type=obj._meta.model_name,
            object_id=obj.pk,
            before=before,
            after=after,
            **obj.history_about(),
        )

    @classmethod
    def record(cls, *, actor, action, obj, before=None, after=None):
        """Append one entry (see entry()). Call it inside the transaction that makes the change."""
        return cls.record_all([cls.entry(actor=actor, action=action, obj=obj, before=before, after=after)])[0]

    @classmethod
    def record_all(cls, entries):
        """Append entries (see entry()) in one INSERT. Call it inside the transaction that makes the change."""
        assert transaction.get_connection().in_atomic_block, "history must be written with its change"
        return cls.objects.bulk_create(entries)
