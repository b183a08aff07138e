import hashlib

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Length
from django.utils import timezone

USER = settings.AUTH_USER_MODEL


class ImportFormat(models.TextChoices):
    TEXT = "text", "Plain text"
    MARKDOWN = "md", "Markdown"
    HTML = "html", "HTML"
    DOCX = "docx", "Word (.docx)"
    JSON = "json", "Workbench JSON"


def text_digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _count_per_article(queryset):
    """COUNT of queryset's rows for the outer article, as a correlated subquery: list pages annotate
    several counts without joining them into one another."""
    rows = (
        queryset.filter(article=OuterRef("pk"))
        .order_by()
        .values("article")
        .annotate(n=Count("pk", distinct=True))
        .values("n")
    )
    return Coalesce(Subquery(rows), 0)


class ArticleQuerySet(models.QuerySet):
    def with_text(self, text):
        return self.filter(text_sha256=text_digest(text))

    def with_counts(self):
        claims = Claim.objects.active()
        return self.annotate(
            sentence_count=_count_per_article(Sentence.objects.all()),
            claim_count=_count_per_article(claims),
            labelled_count=_count_per_article(claims.filter(labels__isnull=False)),
        )


class Article(models.Model):
    title = models.CharField(max_length=500)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    published = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=16, default="en")
    # The canonical plain text: every offset in the system points into it. Never edited after import.
    text = models.TextField()
    text_length = models.PositiveIntegerField(editable=False)
    text_sha256 = models.CharField(max_length=64, editable=False)
    source_format = models.CharField(max_length=8, choices=ImportFormat, default=ImportFormat.TEXT)
    imported_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # seed_demo (and duplicate warnings) find an article by its text.
            models.Index(fields=["text_sha256"], name="article_text_sha256_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="article_text_not_empty"),
            # Sentence bounds are checked against text_length (migration 0002), so it must be true.
            models.CheckConstraint(condition=Q(text_length=Length("text")), name="article_text_length_matches"),
            models.CheckConstraint(condition=~Q(title=""), name="article_title_not_empty"),
            models.CheckConstraint(
                condition=Q(source_format__in=ImportFormat.values), name="article_source_format_valid"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.text_length = len(self.text)
        self.text_sha256 = text_digest(self.text)
        super().save(*args, **kwargs)


class Sentence(models.Model):
    """A half-open range [start, end) of the article text. Overlap and bounds are checked by the
    database too (migration 0002), since a row-level CHECK cannot see the article or its neighbours."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sentences")
    number = models.PositiveIntegerField(help_text="1-based position in reading order")
    paragraph = models.PositiveIntegerField(help_text="1-based paragraph number")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    reviewed = models.BooleanField(default=False)

    class Meta:
        ordering = ["article", "number"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="sentence_start_before_end"),
            models.CheckConstraint(condition=Q(number__gte=1, paragraph__gte=1), name="sentence_numbers_from_one"),
            # The article page reads sentences by (article, number); this unique index serves it.
            models.UniqueConstraint(fields=["article", "number"], name="sentence_number_unique_in_article"),
            models.UniqueConstraint(fields=["article", "start"], name="sentence_start_unique_in_article"),
        ]

    def __str__(self):
        return f"{self.article_id}:{self.number} [{self.start}, {self.end})"

    @property
    def text(self):
        return self.article.text[self.start : self.end]


class SourceKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"
    ANONYMOUS = "anonymous", "Anonymous source"


class Source(models.Model):
    """Who made a claim. One registry shared by all articles."""

    Kind = SourceKind

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=SourceKind, default=SourceKind.PERSON)
    role = models.CharField(max_length=200, blank=True, help_text="Role or title, e.g. spokesperson")
    affiliation = models.CharField(max_length=200, blank=True)
    notes = models.TextField(blank=True)
    # A source merged into another keeps its row so history and old links still resolve.
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="source_name_not_empty"),
            models.CheckConstraint(condition=Q(kind__in=SourceKind.values), name="source_kind_valid"),
            models.CheckConstraint(condition=~Q(merged_into=F("id")), name="source_not_merged_into_itself"),
        ]
        indexes = [
            # The registry's type-ahead and list search by name.
            models.Index(fields=["name"], name="source_name_idx"),
        ]

    def __str__(self):
        return self.name


class SourceAlias(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="source_alias_not_empty"),
            models.UniqueConstraint(fields=["source", "name"], name="source_alias_unique_per_source"),
        ]
        indexes = [
            # The type-ahead matches aliases as well as names.
            models.Index(fields=["name"], name="source_alias_name_idx"),
        ]

    def __str__(self):
        return self.name


class ClaimQuerySet(models.QuerySet):
    def active(self):
        return self.filter(removed_at__isnull=True)


class ClaimOrigin(models.TextChoices):
    MANUAL = "manual", "Marked by an editor"
    SUGGESTION = "suggestion", "Accepted suggestion"


class Claim(models.Model):
    """An assertion somebody made, a span [start, end) of the article text inside one sentence."""

    Origin = ClaimOrigin

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="claims")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.PROTECT, related_name="claims")
    channel = models.CharField(max_length=300, blank=True)
    cue = models.CharField(max_length=100, blank=True)
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

    class Meta:
        ordering = ["article", "start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="claim_start_before_end"),
            models.CheckConstraint(condition=Q(origin__in=ClaimOrigin.values), name="claim_origin_valid"),
            models.CheckConstraint(
                condition=Q(removed_at__isnull=True, removed_by__isnull=True) | Q(removed_at__isnull=False),
                name="claim_removed_by_only_when_removed",
            ),
        ]
        indexes = [
            # The workspace loads an article's claims in text order.
            models.Index(fields=["article", "start"], name="claim_article_start_idx"),
        ]

    def __str__(self):
        return f"claim {self.pk} [{self.start}, {self.end})"

    @property
    def text(self):
        return self.article.text[self.start : self.end]


class Verdict(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    DENIED = "denied", "Denied"
    UNVERIFIED = "unverified", "Unverified"


class LabelStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


class Label(models.Model):
    """A verdict proposed for a claim, and its review. Final only when a different person approves."""

    Status = LabelStatus

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="labels")
    verdict = models.CharField(max_length=16, choices=Verdict)
    rationale = models.TextField(blank=True)
    evidence = models.JSONField(default=list, blank=True, help_text="http(s) links")
    status = models.CharField(max_length=16, choices=LabelStatus, default=LabelStatus.PROPOSED)
    # The claim as it was when proposed (version, span, speaker): a reviewer sees a stale proposal.
    claim_version = models.PositiveIntegerField()
    claim_snapshot = models.JSONField(default=dict, blank=True)
    proposed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    proposed_at = models.DateTimeField(default=timezone.now)
    reviewed_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(blank=True)

    class Meta:
        ordering = ["proposed_at", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(verdict__in=Verdict.values), name="label_verdict_valid"),
            models.CheckConstraint(condition=Q(status__in=LabelStatus.values), name="label_status_valid"),
            models.UniqueConstraint(
                fields=["claim"], condition=Q(status="proposed"), name="label_one_open_proposal_per_claim"
            ),
            # Four-eyes rule.
            models.CheckConstraint(
                condition=Q(reviewed_by__isnull=True) | ~Q(reviewed_by=F("proposed_by")),
                name="label_reviewer_is_not_proposer",
            ),
            models.CheckConstraint(
                condition=(
                    Q(status__in=["approved", "rejected"], reviewed_by__isnull=False, reviewed_at__isnull=False)
                    | Q(status__in=["proposed", "withdrawn"], reviewed_by__isnull=True, reviewed_at__isnull=True)
                ),
                name="label_reviewed_exactly_when_decided",
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(review_comment=""), name="label_rejection_has_comment"
            ),
        ]
        permissions = [("review_label", "Can approve or reject labels")]
        indexes = [
            # The review queue: open proposals, oldest first.
            models.Index(fields=["status", "proposed_at"], name="label_status_proposed_idx"),
        ]

    def __str__(self):
        return f"{self.get_verdict_display()} ({self.get_status_display()})"


class HistoryQuerySet(models.QuerySet):
    """History is append-only: bulk updates and deletes are refused."""

    def update(self, **kwargs):
        raise HistoryIsAppendOnly("history rows cannot be updated")

    def delete(self):
        raise HistoryIsAppendOnly("history rows cannot be deleted")


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

    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=16, choices=Action)
    object_type = models.CharField(max_length=32)
    object_id = models.PositiveBigIntegerField()
    # Plain references without database constraints: history outlives the rows it describes.
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="history"
    )
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="history"
    )
    source = models.ForeignKey(
        Source, null=True, blank=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="history"
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
    def record(cls, *, actor, action, obj, before=None, after=None, article=None, claim=None, source=None):
        """Append one entry. Call it inside the transaction that makes the change."""
        assert transaction.get_connection().in_atomic_block, "history must be written with its change"
        return cls.objects.create(
            actor=actor,
            action=action,
            object_type=obj._meta.model_name,
            object_id=obj.pk,
            article=article,
            claim=claim,
            source=source,
            before=before,
            after=after,
        )
