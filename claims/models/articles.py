"""Articles and their sentences: the canonical text every offset points into."""

import hashlib
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db import connection, models, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Length
from django.utils import timezone

from .base import TextSpan, valid_choice
from .errors import EditRefused
from .history import HistoryEntry

USER = settings.AUTH_USER_MODEL


# What an article was imported from (Article.source_format), with the names the import form shows.
ImportFormat = models.TextChoices(
    "ImportFormat",
    {
        "TEXT": ("text", "Plain text"),
        "MARKDOWN": ("md", "Markdown"),
        "HTML": ("html", "HTML"),
        "DOCX": ("docx", "Word (.docx)"),
        "JSON": ("json", "Workbench JSON"),
    },
)


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
        # Claims point at articles from a module above this one: the model is looked up, not imported.
        claims = apps.get_model("claims", "Claim").objects.active()
        return self.annotate(
            sentence_count=_count_per_article(Sentence.objects.all()),
            claim_count=_count_per_article(claims),
            labelled_count=_count_per_article(claims.filter(labels__isnull=False)),
        )

    def with_review_counts(self):
        """The counts of progress bars and the dashboard, as correlated subqueries: sentence_count,
        reviewed_count; claim_count (active claims) and, of those, labelled_count (with a label not
        withdrawn), awaiting_count (with an open proposal), approved_count (with an approved label:
        a final verdict) and rejected_count (whose newest label not withdrawn was rejected)."""
        # Claims and labels point at articles from modules above this one: looked up, not imported.
        Claim, Label = apps.get_model("claims", "Claim"), apps.get_model("claims", "Label")
        claims = Claim.objects.active()
        labels = Label.objects.filter(claim=OuterRef("pk")).exclude(status=Label.Status.WITHDRAWN)
        newest = labels.order_by("-proposed_at", "-pk").values("status")[:1]
        return self.annotate(
            sentence_count=_count_per_article(Sentence.objects.all()),
            reviewed_count=_count_per_article(Sentence.objects.filter(reviewed=True)),
            claim_count=_count_per_article(claims),
            labelled_count=_count_per_article(claims.filter(Exists(labels))),
            awaiting_count=_count_per_article(claims.filter(Exists(labels.filter(status=Label.Status.PROPOSED)))),
            approved_count=_count_per_article(claims.filter(Exists(labels.filter(status=Label.Status.APPROVED)))),
            rejected_count=_count_per_article(
                claims.alias(newest_status=Subquery(newest)).filter(newest_status=Label.Status.REJECTED)
            ),
        )


@dataclass(frozen=True)
class Progress:
    sentences: int
    reviewed: int
    claims: int
    labelled: int
    approved: int

    def percent(self, part):
        total = self.sentences if part == "reviewed" else self.claims
        return round(100 * getattr(self, part) / total) if total else 0


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
    # When attribution suggestions were computed for this article (once; see claims/suggesting.py).
    suggested_at = models.DateTimeField(null=True, blank=True)
    imported_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ArticleQuerySet.as_manager()
    # (offset, words): the one passage of the text known to an article loaded without it, since a long
    # transcript's text is large and an edit needs one sentence of it (see excerpt()).
    passage = None

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # seed_demo (and duplicate warnings) find an article by its text.
            models.Index(fields=["text_sha256"], name="article_text_sha256_idx")
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="article_text_not_empty"),
            # Sentence bounds are checked against text_length (migration 0002), so it must be true.
            models.CheckConstraint(condition=Q(text_length=Length("text")), name="article_text_length_matches"),
            models.CheckConstraint(condition=~Q(title=""), name="article_title_not_empty"),
            valid_choice("source_format", ImportFormat),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.text_length = len(self.text)
        self.text_sha256 = text_digest(self.text)
        super().save(*args, **kwargs)

    def excerpt(self, start, end):
        """The text from start to end: from the known passage when it holds them, else from the text."""
        if self.passage is not None:
            offset, words = self.passage
            if offset <= start and end <= offset + len(words):
                return words[start - offset : end - offset]
        return self.text[start:end]

    def history_about(self):
        """What this article's history rows are filed under (see HistoryEntry.entry)."""
        return {"article": self}

    def progress(self):
        """Counts for the progress bar in one plain statement whatever the article's length: every
        workspace action sends them back, and the ORM took longer to build two aggregates than the
        database to answer them (bench/load_bench.py)."""
        with connection.cursor() as cursor:
            cursor.execute(_PROGRESS_SQL, [self.pk, self.pk])
            return Progress(*cursor.fetchone())


# A claim counts as labelled with a label not withdrawn, and as approved with an approved one (a label
# proposed after an approval leaves that approval standing). One pass over each table, by the article's
# index: an EXISTS per claim let the planner scan every approved label for each claim.
_PROGRESS_SQL = """SELECT s.all_, s.reviewed, c.all_, c.labelled, c.approved FROM
    (SELECT COUNT(*) AS all_, COUNT(CASE WHEN reviewed THEN 1 END) AS reviewed
        FROM claims_sentence WHERE article_id = %s) s,
    (SELECT COUNT(DISTINCT claim.id) AS all_,
            COUNT(DISTINCT CASE WHEN label.status <> 'withdrawn' THEN claim.id END) AS labelled,
            COUNT(DISTINCT CASE WHEN label.status = 'approved' THEN claim.id END) AS approved
        FROM claims_claim claim LEFT JOIN claims_label label ON label.claim_id = claim.id
        WHERE claim.article_id = %s AND claim.removed_at IS NULL) c"""


class Sentence(TextSpan):
    """A half-open range [start, end) of the article text. Overlap and bounds are checked by the
    database too (migration 0002), since a row-level CHECK cannot see the article or its neighbours."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sentences")
    # A copy of article.text[start:end], written with the bounds: an edit's row needs its sentence's words,
    # and PostgreSQL cuts a substring out of a long text in time that grows with its offset.
    text = models.TextField(editable=False)
    number = models.PositiveIntegerField(help_text="1-based position in reading order")
    paragraph = models.PositiveIntegerField(help_text="1-based paragraph number")
    reviewed = models.BooleanField(default=False)

    class Meta(TextSpan.Meta):
        ordering = ["article", "number"]
        constraints = [
            *TextSpan.Meta.constraints,
            models.CheckConstraint(condition=Q(number__gte=1, paragraph__gte=1), name="sentence_numbers_from_one"),
            # The article page reads sentences by (article, number); this unique index serves it.
            models.UniqueConstraint(fields=["article", "number"], name="sentence_number_unique_in_article"),
            models.UniqueConstraint(fields=["article", "start"], name="sentence_start_unique_in_article"),
            # The cheap half of "text is the article's words": a writer that forgets the copy is refused.
            models.CheckConstraint(condition=Q(end=F("start") + Length("text")), name="sentence_text_fits_span"),
        ]

    def __str__(self):
        return f"{self.article_id}:{self.number} [{self.start}, {self.end})"

    def save(self, *args, **kwargs):
        if not self.text:
            self.text = self.article.text[self.start : self.end]
        super().save(*args, **kwargs)

    def history_about(self):
        """What this sentence's history rows are filed under (see HistoryEntry.entry)."""
        return {"article_id": self.article_id}

    def locate(self, words):
        """The article offsets of `words`, found inside this sentence, or EditRefused."""
        words = words.strip()
        found = self.text.find(words) if words else -1
        if found < 0:
            raise EditRefused(f"“{words}” does not occur in sentence {self.number}.")
        return self.start + found, self.start + found + len(words)

    def split_at(self, offset, *, by):
        """Cut this sentence in two before `offset`; claims after the cut move to the new sentence."""
        text = self.article.text
        first_end = self.start + len(text[self.start : offset].rstrip())
        second_start = offset + (len(text[offset : self.end]) - len(text[offset : self.end].lstrip()))
        if not (self.start < first_end and second_start < self.end):
            raise EditRefused("Split inside the sentence, so that both parts keep some text.")
        claims = list(self.claims.active())
        if any(claim.start < second_start and claim.end > first_end for claim in claims):
            raise EditRefused("A claim runs across that point; narrow or remove it before splitting.")
        with transaction.atomic():
            before = {"start": self.start, "end": self.end}
            _shift_numbers(self.article_id, after=self.number, by=1)
            Sentence.objects.filter(pk=self.pk).update(end=first_end, text=text[self.start : first_end])
            second = Sentence.objects.create(
                article_id=self.article_id,
                number=self.number + 1,
                paragraph=self.paragraph,
                start=second_start,
                end=self.end,
                text=text[second_start : self.end],
            )
            moved = [claim.pk for claim in claims if claim.start >= second_start]
            self.claims.filter(pk__in=moved).update(sentence=second)
            self.end, self.text = first_end, text[self.start : first_end]
            after = {
                "number": self.number,
                "parts": [[self.start, first_end], [second_start, second.end]],
                "claims_moved": moved,
            }
            HistoryEntry.record(actor=by, action=HistoryEntry.Action.SPLIT, obj=self, before=before, after=after)
        return second

    def merge_with_next(self, *, by):
        """Join this sentence and the next one of the same paragraph; the next one's claims come along."""
        following = Sentence.objects.filter(article_id=self.article_id, number=self.number + 1).first()
        if following is None:
            raise EditRefused("This is the last sentence; there is nothing to merge it with.")
        if following.paragraph != self.paragraph:
            raise EditRefused("The next sentence starts a new paragraph; sentences merge within a paragraph.")
        with transaction.atomic():
            before = {"parts": [[self.start, self.end], [following.start, following.end]]}
            # Claims move first and the emptied sentence goes before this one grows: SQLite checks at once.
            moved = list(following.claims.values_list("pk", flat=True))
            following.claims.update(sentence=self)
            following.delete()
            self.end, self.text = following.end, self.article.text[self.start : following.end]
            Sentence.objects.filter(pk=self.pk).update(end=self.end, text=self.text)
            _shift_numbers(self.article_id, after=self.number + 1, by=-1)
            after = {"number": self.number, "start": self.start, "end": self.end, "claims_moved": moved}
            HistoryEntry.record(actor=by, action=HistoryEntry.Action.MERGED, obj=self, before=before, after=after)

    def set_reviewed(self, reviewed, *, by):
        with transaction.atomic():
            Sentence.objects.filter(pk=self.pk).update(reviewed=reviewed)
            before = {"reviewed": self.reviewed}
            after = {"reviewed": reviewed, "number": self.number}
            HistoryEntry.record(actor=by, action=HistoryEntry.Action.UPDATED, obj=self, before=before, after=after)
            self.reviewed = reviewed


def _shift_numbers(article_id, *, after, by):
    """Renumber the sentences after `after` by `by`, in two steps so the unique numbers never collide."""
    later = Sentence.objects.filter(article_id=article_id, number__gt=after)
    later.update(number=F("number") + 1_000_000)
    Sentence.objects.filter(article_id=article_id, number__gt=1_000_000).update(number=F("number") - 1_000_000 + by)
