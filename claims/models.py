import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When, prefetch_related_objects
from django.db.models.functions import Coalesce, Length, Substr, TruncDate
from django.utils import timezone

from .names import fold, names_match

USER = settings.AUTH_USER_MODEL


class EditRefused(ValueError):
    """A change the rules do not allow; str() is a message for the person who asked."""


class StaleEdit(EditRefused):
    """Someone else changed the object since the person loaded it."""


class AlreadyDecided(EditRefused):
    """Another reviewer decided this proposal first."""


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

    def with_review_counts(self):
        """The counts of progress bars and the dashboard, as correlated subqueries: sentence_count,
        reviewed_count; claim_count (active claims) and, of those, labelled_count (with a label not
        withdrawn), awaiting_count (with an open proposal), approved_count (with an approved label:
        a final verdict) and rejected_count (whose newest label not withdrawn was rejected)."""
        claims = Claim.objects.active()
        labels = Label.objects.filter(claim=OuterRef("pk")).exclude(status=LabelStatus.WITHDRAWN)
        newest = labels.order_by("-proposed_at", "-pk").values("status")[:1]
        return self.annotate(
            sentence_count=_count_per_article(Sentence.objects.all()),
            reviewed_count=_count_per_article(Sentence.objects.filter(reviewed=True)),
            claim_count=_count_per_article(claims),
            labelled_count=_count_per_article(claims.filter(Exists(labels))),
            awaiting_count=_count_per_article(claims.filter(Exists(labels.filter(status=LabelStatus.PROPOSED)))),
            approved_count=_count_per_article(claims.filter(Exists(labels.filter(status=LabelStatus.APPROVED)))),
            rejected_count=_count_per_article(
                claims.alias(newest_status=Subquery(newest)).filter(newest_status=LabelStatus.REJECTED)
            ),
        )


@dataclass(frozen=True)
class Backlog:
    """The review queue's size and age: when its oldest open proposal was made, and its median one."""

    size: int
    oldest: datetime | None
    median: datetime | None

    @classmethod
    def measure(cls):
        """One query; the median is taken here, since SQLite has no percentile function."""
        times = list(Label.objects.open().order_by("proposed_at").values_list("proposed_at", flat=True))
        if not times:
            return cls(size=0, oldest=None, median=None)
        middle = len(times) // 2
        median = times[middle] if len(times) % 2 else times[middle - 1] + (times[middle] - times[middle - 1]) / 2
        return cls(size=len(times), oldest=times[0], median=median)


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

    def progress(self):
        """Counts for the progress bar, in one query whatever the article's length."""
        row = Article.objects.with_review_counts().values(
            "sentence_count", "reviewed_count", "claim_count", "labelled_count", "approved_count"
        ).get(pk=self.pk)
        return Progress(
            sentences=row["sentence_count"], reviewed=row["reviewed_count"], claims=row["claim_count"],
            labelled=row["labelled_count"], approved=row["approved_count"],
        )

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
            Sentence.objects.filter(pk=self.pk).update(end=first_end)
            second = Sentence.objects.create(
                article_id=self.article_id, number=self.number + 1, paragraph=self.paragraph,
                start=second_start, end=self.end,
            )
            moved = [claim.pk for claim in claims if claim.start >= second_start]
            Claim.objects.filter(pk__in=moved).update(sentence=second)
            self.end = first_end
            HistoryEntry.record(
                actor=by, action=HistoryEntry.Action.SPLIT, obj=self, article=self.article,
                before=before, after={"number": self.number, "parts": [[self.start, first_end], [second_start, second.end]], "claims_moved": moved},
            )
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
            Claim.objects.filter(sentence=following).update(sentence=self)
            following.delete()
            Sentence.objects.filter(pk=self.pk).update(end=following.end)
            _shift_numbers(self.article_id, after=self.number + 1, by=-1)
            self.end = following.end
            HistoryEntry.record(
                actor=by, action=HistoryEntry.Action.MERGED, obj=self, article=self.article,
                before=before, after={"number": self.number, "start": self.start, "end": self.end, "claims_moved": moved},
            )

    def set_reviewed(self, reviewed, *, by):
        with transaction.atomic():
            Sentence.objects.filter(pk=self.pk).update(reviewed=reviewed)
            HistoryEntry.record(
                actor=by, action=HistoryEntry.Action.UPDATED, obj=self, article=self.article,
                before={"reviewed": self.reviewed}, after={"reviewed": reviewed, "number": self.number},
            )
            self.reviewed = reviewed


def _shift_numbers(article_id, *, after, by):
    """Renumber the sentences after `after` by `by`, in two steps so the unique numbers never collide."""
    later = Sentence.objects.filter(article_id=article_id, number__gt=after)
    later.update(number=F("number") + 1_000_000)
    Sentence.objects.filter(article_id=article_id, number__gt=1_000_000).update(number=F("number") - 1_000_000 + by)


class SourceKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANISATION = "organisation", "Organisation"
    ANONYMOUS = "anonymous", "Anonymous source"


def _count_per_source(claims):
    """COUNT of the claims linked to the outer source, as a correlated subquery (see _count_per_article)."""
    rows = claims.filter(source=OuterRef("pk")).order_by().values("source").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(rows), 0)


# best_match() looks at no more than this many sources sharing a mention's surname.
MATCH_CANDIDATES = 20
# SQLite refuses expressions nested deeper than 1,000, and a chain of ORs nests.
SURNAMES_PER_QUERY = 100


def _best_match(name, candidates):
    """best_matches() for one name among the candidates it loaded."""
    key = fold(name)
    exact = [
        source for source in candidates
        if source.name_folded == key or any(alias.name_folded == key for alias in source.aliases.all())
    ]
    if exact:
        return min(exact, key=lambda source: (source.name, source.pk))
    return _only_match(name, candidates) if name.split() else None


def _only_match(name, candidates):
    """The only source among `candidates` that `name` can name, looking at them in search() order
    (names starting with the surname first) and at the first MATCH_CANDIDATES that contain it."""
    surname = fold(name.split()[-1])
    containing = [
        source for source in candidates
        if surname in source.name_folded or any(surname in alias.name_folded for alias in source.aliases.all())
    ]
    containing.sort(key=lambda source: (not source.name_folded.startswith(surname), source.name, source.pk))
    matches = [
        source for source in containing[:MATCH_CANDIDATES]
        if names_match(name, source.name, [alias.name for alias in source.aliases.all()])
    ]
    return matches[0] if len(matches) == 1 else None


def _fold_name_on_save(instance, kwargs):
    """The save() kwargs after refreshing instance.name_folded, which follows the name everywhere."""
    instance.name_folded = fold(instance.name)
    if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
        kwargs["update_fields"] = {*kwargs["update_fields"], "name_folded"}
    return kwargs


class SourceQuerySet(models.QuerySet):
    def active(self):
        """Sources not merged into another: the ones a claim may be linked to."""
        return self.filter(merged_into__isnull=True)

    def search(self, q):
        """Sources whose name or an alias contains q, ignoring case and accents, each once; names that
        start with q come first. An empty q matches everything."""
        needle = fold(q or "")
        if not needle:
            return self.all()
        aliases = SourceAlias.objects.filter(source=OuterRef("pk"), name_folded__contains=needle)
        return self.filter(Q(name_folded__contains=needle) | Exists(aliases)).order_by(
            Case(When(name_folded__startswith=needle, then=Value(0)), default=Value(1)), "name", "id"
        )

    def named(self, name):
        """Sources called exactly `name`, by their name or an alias (case and accents ignored)."""
        key = fold(name or "")
        aliases = SourceAlias.objects.filter(source=OuterRef("pk"), name_folded=key)
        return self.filter(Q(name_folded=key) | Exists(aliases))

    def by_folded_names(self, names):
        """{fold(name): the sources called that name or alias, in id order} for every name given, in
        two queries however many names there are."""
        keys = {fold(name or "") for name in names}
        found = {key: {} for key in keys}
        for source in self.filter(name_folded__in=keys):
            found[source.name_folded][source.pk] = source
        aliased = SourceAlias.objects.filter(name_folded__in=keys, source__in=self).select_related("source")
        for alias in aliased:
            found[alias.name_folded].setdefault(alias.source_id, alias.source)
        return {key: sorted(sources.values(), key=lambda source: source.pk) for key, sources in found.items()}

    def best_match(self, name):
        """The one active source a mention names (see best_matches); None if unsure."""
        return self.best_matches([name])[name]

    def best_matches(self, names):
        """{name: the one active source it names, or None if unsure}: by exact name or alias first (the
        first by name), else the only source it matches by surname or initials ("Yusov", "A. Yusov" for
        Andrii Yusov). Two queries for every SURNAMES_PER_QUERY distinct surnames."""
        names = set(names)
        keys = {fold(name) for name in names}
        surnames = sorted({fold(name.split()[-1]) for name in names if name.split()})
        exact = Q(name_folded__in=keys) | Exists(SourceAlias.objects.filter(source=OuterRef("pk"), name_folded__in=keys))
        candidates = {}
        for chunk in range(0, max(len(surnames), 1), SURNAMES_PER_QUERY):
            wanted = exact
            for surname in surnames[chunk : chunk + SURNAMES_PER_QUERY]:
                alias = SourceAlias.objects.filter(source=OuterRef("pk"), name_folded__contains=surname)
                wanted |= Q(name_folded__contains=surname) | Exists(alias)
            found = self.active().filter(wanted).prefetch_related("aliases")
            candidates.update((source.pk, source) for source in found)
        return {name: _best_match(name, candidates.values()) for name in names}

    def with_record(self):
        """claim_count: the source's active claims; confirmed_count, denied_count, unverified_count: those
        claims by the verdict of their newest approved label (claims without one count in none)."""
        approved = (
            Label.objects.filter(claim=OuterRef("pk"), status=LabelStatus.APPROVED)
            .order_by("-reviewed_at", "-pk")
            .values("verdict")[:1]
        )
        claims = Claim.objects.active().alias(approved_verdict=Subquery(approved))
        return self.annotate(
            claim_count=_count_per_source(claims),
            confirmed_count=_count_per_source(claims.filter(approved_verdict=Verdict.CONFIRMED)),
            denied_count=_count_per_source(claims.filter(approved_verdict=Verdict.DENIED)),
            unverified_count=_count_per_source(claims.filter(approved_verdict=Verdict.UNVERIFIED)),
        )


SOURCE_STALE_MESSAGE = (
    "Someone else changed this source after you opened it. Their version is shown below; make your change again."
)


class Source(models.Model):
    """Who made a claim. One registry shared by all articles."""

    EDITABLE = ("name", "kind", "role", "affiliation", "notes")

    Kind = SourceKind

    name = models.CharField(max_length=200)
    name_folded = models.CharField(max_length=600, editable=False, default="", help_text="fold(name), for search")
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

    objects = SourceQuerySet.as_manager()

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
            # named(): the speaker field finds a source by its exact (folded) name.
            models.Index(fields=["name_folded"], name="source_name_folded_idx"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **_fold_name_on_save(self, kwargs))

    def snapshot(self, aliases):
        return {**{field: getattr(self, field) for field in self.EDITABLE}, "aliases": list(aliases)}

    def save_new(self, *, by, aliases=()):
        """Save this new source, its aliases and its CREATED history row in one transaction."""
        assert self.pk is None, "save_new() is for sources not saved yet"
        with transaction.atomic():
            self.created_by = self.created_by or by
            self.save()
            SourceAlias.objects.bulk_create(
                [SourceAlias(source=self, name=alias, name_folded=fold(alias)) for alias in aliases]
            )
            HistoryEntry.record(
                actor=by, action=HistoryEntry.Action.CREATED, obj=self, source=self, after=self.snapshot(aliases)
            )
        return self

    def update_record(self, *, by, version, aliases=None, **fields):
        """Apply an edit of the fields in EDITABLE and, unless aliases is None, replace the alias list.

        `version` is the one the editor loaded. If someone saved since, nothing is written and
        StaleEdit says so; a merged source refuses with EditRefused. Writes one UPDATED history row
        with the changed values before and after, and bumps the version. Returns whether anything
        changed."""
        unknown = set(fields) - set(self.EDITABLE)
        if unknown:
            raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
        with transaction.atomic():
            current = Source.objects.select_for_update().get(pk=self.pk)
            if current.version != version:
                raise StaleEdit(SOURCE_STALE_MESSAGE)
            if current.merged_into_id:
                raise EditRefused("This source was merged into another one; edit that one instead.")
            old_aliases = sorted(current.aliases.values_list("name", flat=True), key=str.casefold)
            changes = {field: value for field, value in fields.items() if getattr(current, field) != value}
            new_aliases = old_aliases if aliases is None else list(aliases)
            aliases_changed = sorted(new_aliases) != sorted(old_aliases)
            if not changes and not aliases_changed:
                return False
            now = timezone.now()
            folded = {"name_folded": fold(changes["name"])} if "name" in changes else {}
            updated = Source.objects.filter(pk=self.pk, version=version).update(
                **changes, **folded, version=F("version") + 1, updated_at=now
            )
            if not updated:
                raise StaleEdit(SOURCE_STALE_MESSAGE)
            if aliases_changed:
                SourceAlias.objects.filter(source=self).exclude(name__in=new_aliases).delete()
                SourceAlias.objects.bulk_create(
                    [SourceAlias(source=self, name=alias, name_folded=fold(alias))
                     for alias in new_aliases if alias not in old_aliases]
                )
            before = {field: getattr(current, field) for field in changes}
            after = dict(changes)
            if aliases_changed:
                before["aliases"], after["aliases"] = old_aliases, new_aliases
            HistoryEntry.record(
                actor=by, action=HistoryEntry.Action.UPDATED, obj=self, source=self, before=before, after=after
            )
            for field, value in {**changes, **folded}.items():
                setattr(self, field, value)
            self.version, self.updated_at = version + 1, now
            self._prefetched_objects_cache = {}
        return True

    def merge_into(self, target, *, by):
        """Fold this duplicate into `target`: its claims (removed ones too) move to target with their
        versions bumped, its name and aliases become target's aliases, and it keeps its row, marked
        merged_into target, so history and old links resolve. Sources merged into this one earlier are
        pointed at target, so merged_into always names an active source. One transaction; history on
        both sources and one row per moved claim. EditRefused (a ValueError) for a merge into itself,
        into a merged source, or of a source already merged. Returns the number of claims moved."""
        if target.pk == self.pk:
            raise EditRefused("A source cannot be merged into itself; choose a different source.")
        with transaction.atomic():
            # Both rows locked (in id order, so two opposite merges cannot deadlock): no claim can be
            # linked to this source while its claims move.
            locked = {s.pk: s for s in Source.objects.select_for_update().filter(pk__in=[self.pk, target.pk]).order_by("pk")}
            if target.pk not in locked:
                raise EditRefused("The source to merge into no longer exists.")
            this, into = locked[self.pk], locked[target.pk]
            if this.merged_into_id:
                raise EditRefused(f"“{this}” has already been merged into another source.")
            if into.merged_into_id:
                raise EditRefused(f"“{into}” has itself been merged into another source; merge into that one.")
            moved = list(Claim.objects.filter(source=this).values_list("pk", "article_id"))
            now = timezone.now()
            Claim.objects.filter(source=this).update(source=into, version=F("version") + 1, updated_at=now)
            redirected = list(Source.objects.filter(merged_into=this).values_list("pk", flat=True))
            Source.objects.filter(pk__in=redirected).update(merged_into=into)

            old_aliases = sorted(into.aliases.values_list("name", flat=True), key=str.casefold)
            known = {name.casefold() for name in [into.name, *old_aliases]}
            added = []
            for name in [this.name, *this.aliases.values_list("name", flat=True)]:
                if name.casefold() not in known:
                    known.add(name.casefold())
                    added.append(name)
            SourceAlias.objects.bulk_create([SourceAlias(source=into, name=name, name_folded=fold(name)) for name in added])

            Source.objects.filter(pk=this.pk).update(merged_into=into, version=F("version") + 1, updated_at=now)
            Source.objects.filter(pk=into.pk).update(version=F("version") + 1, updated_at=now)

            claim_ids = [pk for pk, _ in moved]
            HistoryEntry.record(
                actor=by, action=HistoryEntry.Action.MERGED, obj=this, source=this,
                before={"merged_into": None},
                after={"merged_into": into.pk, "merged_into_name": into.name, "source_name": this.name, "claims_moved": claim_ids},
            )
            HistoryEntry.record(
                actor=by, action=HistoryEntry.Action.MERGED, obj=into, source=into,
                before={"aliases": old_aliases},
                after={"aliases": sorted([*old_aliases, *added], key=str.casefold), "merged": this.pk, "merged_name": this.name,
                       "claims_moved": claim_ids, "redirected": redirected, "source_name": into.name},
            )
            HistoryEntry.objects.bulk_create([
                HistoryEntry(
                    at=now, actor=by, action=HistoryEntry.Action.UPDATED, object_type="claim", object_id=pk,
                    article_id=article_id, claim_id=pk, before={"source": this.pk}, after={"source": into.pk},
                )
                for pk, article_id in moved
            ])
        self.merged_into, self.version = into, this.version + 1
        target.version = into.version + 1
        target._prefetched_objects_cache = {}
        return len(moved)

    def claims_made(self):
        """The source's active claims across articles, newest article first, each with `quote` (its
        words, cut out by the database so article texts are never loaded) and its labels."""
        return (
            Claim.objects.active()
            .filter(source=self)
            .with_labels()
            .select_related("article")
            .defer("article__text")
            .annotate(quote=Substr("article__text", F("start") + 1, F("end") - F("start")))
            .order_by("-article__created_at", "article_id", "start", "id")
        )


class SourceAlias(models.Model):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    name_folded = models.CharField(max_length=600, editable=False, default="", help_text="fold(name), for search")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="source_alias_not_empty"),
            models.UniqueConstraint(fields=["source", "name"], name="source_alias_unique_per_source"),
        ]
        indexes = [
            # The type-ahead matches aliases as well as names.
            models.Index(fields=["name"], name="source_alias_name_idx"),
            # named(): the speaker field finds a source by an exact (folded) alias.
            models.Index(fields=["name_folded"], name="source_alias_name_folded_idx"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **_fold_name_on_save(self, kwargs))


class ClaimQuerySet(models.QuerySet):
    def active(self):
        return self.filter(removed_at__isnull=True)

    def with_labels(self):
        """Speaker and labels loaded, so claim.current_label needs no query."""
        return self.select_related("source").prefetch_related(
            models.Prefetch("labels", queryset=Label.objects.select_related("proposed_by", "reviewed_by"))
        )


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

    @property
    def current_label(self):
        """The newest label that is not withdrawn (proposed, approved or rejected), or None.
        Reads the prefetched labels when with_labels() loaded them."""
        labels = [label for label in self.labels.all() if label.status != LabelStatus.WITHDRAWN]
        return max(labels, key=lambda label: (label.proposed_at, label.pk), default=None)

    def snapshot(self):
        return {
            "start": self.start, "end": self.end, "source": self.source_id,
            "channel": self.channel, "cue": self.cue,
        }

    @classmethod
    def mark(cls, sentence, *, by, start=None, end=None, origin=ClaimOrigin.MANUAL, note=None, **fields):
        """A new claim on `sentence`: the whole sentence unless a span inside it is given. `fields` may
        set source, channel and cue; `note` is added to the history entry (e.g. the suggestion)."""
        start = sentence.start if start is None else start
        end = sentence.end if end is None else end
        _check_span(sentence, start, end)
        with transaction.atomic():
            claim = cls.objects.create(
                article_id=sentence.article_id, sentence=sentence, start=start, end=end, origin=origin,
                created_by=by, **fields,
            )
            HistoryEntry.record_all([claim.creation_entry(by=by, note=note)])
        return claim

    def creation_entry(self, *, by, note=None):
        """The history entry of this claim's creation; `note` adds to it (e.g. the suggestion it came from)."""
        return HistoryEntry.entry(
            actor=by, action=HistoryEntry.Action.CREATED, obj=self, article_id=self.article_id, claim=self,
            after={**self.snapshot(), "origin": self.origin, **(note or {})},
        )

    def annotate(self, *, by, version, changes, label=None):
        """Apply the editor's changes (span, source, channel, cue) and label in one transaction.

        `version` is the claim version the editor loaded: if someone else saved since, nothing is
        written and StaleEdit says so. `label` is None (leave labels alone), {} (withdraw the open
        proposal) or {"verdict", "rationale", "evidence"} (propose it unless it is already current).
        """
        if "start" in changes or "end" in changes:
            _check_span(self.sentence, changes.get("start", self.start), changes.get("end", self.end))
        changes = {field: value for field, value in changes.items() if getattr(self, _attname(field)) != _pk(value)}
        with transaction.atomic():
            if changes:
                self._update(by=by, version=version, changes=changes)
            elif not Claim.objects.filter(pk=self.pk, version=version).exists():
                raise StaleEdit(STALE_MESSAGE)
            if label is not None:
                self._relabel(by=by, **label)

    def _update(self, *, by, version, changes):
        before = {_attname(field): getattr(self, _attname(field)) for field in changes}
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
        HistoryEntry.record(
            actor=by, action=HistoryEntry.Action.UPDATED, obj=self, article=self.article, claim=self,
            before=before, after={_attname(field): _pk(value) for field, value in changes.items()},
        )

    def _relabel(self, *, by, verdict=None, rationale="", evidence=()):
        current = self.current_label
        wanted = (verdict, rationale, list(evidence))
        unchanged = current and current.claim_version == self.version
        if unchanged and (current.verdict, current.rationale, current.evidence) == wanted:
            return current
        if current and current.status == LabelStatus.PROPOSED:
            current.withdraw(by=by)
        if verdict is None:
            return None
        label = Label.objects.create(
            claim=self, verdict=verdict, rationale=rationale, evidence=list(evidence), proposed_by=by,
            claim_version=self.version, claim_snapshot=self.snapshot(),
        )
        HistoryEntry.record(
            actor=by, action=HistoryEntry.Action.PROPOSED, obj=label, article=self.article, claim=self,
            after={"verdict": verdict, "rationale": rationale, "evidence": list(evidence)},
        )
        getattr(self, "_prefetched_objects_cache", {}).pop("labels", None)
        return label

    def remove(self, *, by, version):
        with transaction.atomic():
            now = timezone.now()
            updated = Claim.objects.filter(pk=self.pk, version=version, removed_at__isnull=True).update(
                removed_at=now, removed_by=by, version=F("version") + 1
            )
            if not updated:
                raise StaleEdit(STALE_MESSAGE)
            open_label = self.labels.filter(status=LabelStatus.PROPOSED).first()
            if open_label:
                open_label.withdraw(by=by)
            self.removed_at, self.removed_by, self.version = now, by, version + 1
            HistoryEntry.record(
                actor=by, action=HistoryEntry.Action.REMOVED, obj=self, article=self.article, claim=self,
                before=self.snapshot(),
            )


STALE_MESSAGE = "Someone else changed this claim after you opened it. Their version is shown; apply your change again."


def _attname(field):
    return "source_id" if field == "source" else field


def _pk(value):
    return value.pk if isinstance(value, models.Model) else value


def _check_span(sentence, start, end):
    if not (sentence.start <= start < end <= sentence.end):
        raise EditRefused(
            f"The claim must lie inside sentence {sentence.number} "
            f"(characters {sentence.start}–{sentence.end}), not {start}–{end}."
        )


class Verdict(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    DENIED = "denied", "Denied"
    UNVERIFIED = "unverified", "Unverified"


class LabelStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


REJECTION_NEEDS_COMMENT = "Say why you reject this label: the editor sees your comment."


class LabelQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=LabelStatus.PROPOSED)

    def matching(self, *, article=None, speaker=None, verdict="", proposer=None, age=None):
        """The review queue's filters, each left out when empty: the claim's article and speaker (ids),
        the verdict, the proposer (a user id) and `age`, proposed more than that many days ago."""
        lookups = {
            "claim__article_id": article, "claim__source_id": speaker, "verdict": verdict, "proposed_by_id": proposer,
            "proposed_at__lt": timezone.now() - timedelta(days=age) if age else None,
        }
        return self.filter(**{lookup: value for lookup, value in lookups.items() if value})

    def articles(self):
        """The articles these labels' claims are in, each once."""
        return Article.objects.filter(claims__labels__in=self).distinct()

    def speakers(self):
        """The sources of these labels' claims, each once."""
        return Source.objects.filter(claims__labels__in=self).distinct()

    def proposers(self):
        """The people who proposed these labels."""
        return get_user_model().objects.filter(pk__in=self.values("proposed_by"))

    def decide(self, status, *, by, comment=""):
        """Give each label here `status` (approved or rejected) on its own rules (Label.check_decision),
        in one transaction with a fixed number of queries. The rows are locked and re-read, in the
        queue's order so that two reviewers deciding overlapping sets cannot deadlock: of two reviewers
        acting at once exactly one decides a label and the other is told what happened. Returns
        (decided, refused): the labels decided, and (label, EditRefused) for each of the others."""
        if status == LabelStatus.REJECTED and not comment.strip():
            raise EditRefused(REJECTION_NEEDS_COMMENT)
        with transaction.atomic():
            # Only label rows are locked (no joins): claims and reviewers are read afterwards.
            labels = list(Label.objects.filter(pk__in=self.values("pk")).select_for_update())
            prefetch_related_objects(labels, "claim__article", "reviewed_by")
            decided, refused = [], []
            for label in labels:
                try:
                    label.check_decision(status, by=by)
                except EditRefused as refusal:
                    refused.append((label, refusal))
                else:
                    decided.append(label)
            now, comment = timezone.now(), comment.strip()
            Label.objects.filter(pk__in=[label.pk for label in decided], status=LabelStatus.PROPOSED).update(
                status=status, reviewed_by=by, reviewed_at=now, review_comment=comment
            )
            for label in decided:
                label.status, label.reviewed_by, label.reviewed_at, label.review_comment = status, by, now, comment
            HistoryEntry.record_all([
                HistoryEntry.entry(
                    actor=by, action=HistoryEntry.Action(status), obj=label, article_id=label.claim.article_id,
                    claim=label.claim, before={"status": LabelStatus.PROPOSED},
                    after={"status": status, "verdict": label.verdict, "comment": comment},
                )
                for label in decided
            ])
        return decided, refused

    def for_review(self):
        """Open proposals, oldest first, with what the review queue shows: claim, speaker, proposer,
        article (without its text), and `context`, the claim's sentence with its neighbours, cut out
        by the database from `context_start`."""

        def neighbour(step, field):
            sentences = Sentence.objects.filter(
                article=OuterRef("claim__article"), number=OuterRef("claim__sentence__number") + step
            )
            return Subquery(sentences.values(field)[:1])

        return (
            self.open()
            .select_related("claim__article", "claim__source", "claim__sentence", "proposed_by")
            .defer("claim__article__text")
            .annotate(
                context_start=Coalesce(neighbour(-1, "start"), F("claim__sentence__start")),
                context_end=Coalesce(neighbour(1, "end"), F("claim__sentence__end")),
            )
            .annotate(context=Substr("claim__article__text", F("context_start") + 1, F("context_end") - F("context_start")))
            .order_by("proposed_at", "pk")
        )


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

    objects = LabelQuerySet.as_manager()

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

    def changes_since_proposed(self):
        """What about the claim changed after this label was proposed, in words; empty if nothing.
        Reads self.claim, which the caller has loaded."""
        if self.claim_version == self.claim.version:
            return []
        now, then = self.claim.snapshot(), self.claim_snapshot or {}
        changed = [
            words for keys, words in (
                (("start", "end"), "span"), (("source",), "speaker"), (("channel",), "channel"), (("cue",), "cue"),
            )
            if any(now.get(key) != then.get(key) for key in keys)
        ]
        if self.claim.removed_at:
            changed.append("removed")
        return changed or ["edited"]

    def approve(self, *, by, comment=""):
        """Approve this proposal, or raise EditRefused saying why not (see check_decision)."""
        return self._take(Label.objects.filter(pk=self.pk).decide(LabelStatus.APPROVED, by=by, comment=comment))

    def reject(self, *, by, comment):
        """Reject this proposal with the comment the editor reads, or raise EditRefused saying why not."""
        return self._take(Label.objects.filter(pk=self.pk).decide(LabelStatus.REJECTED, by=by, comment=comment))

    def _take(self, outcome):
        """This label's state after LabelQuerySet.decide(), or its refusal raised."""
        decided, refused = outcome
        for _, refusal in refused:
            raise refusal
        if not decided:
            raise Label.DoesNotExist(f"label {self.pk} does not exist")
        label = decided[0]
        self.status, self.reviewed_by, self.reviewed_at = label.status, label.reviewed_by, label.reviewed_at
        self.review_comment = label.review_comment
        return self

    def check_decision(self, status, *, by):
        """Raise EditRefused unless `by` may give this label `status` now: nobody reviews their own
        proposal (four-eyes rule), a proposal is decided once (AlreadyDecided), and one whose claim
        changed since cannot be approved as it was (StaleEdit). Reads self.claim, loaded by the caller."""
        if by.pk == self.proposed_by_id:
            raise EditRefused("You proposed this label; someone else has to review it (four-eyes rule).")
        if self.status != LabelStatus.PROPOSED:
            raise AlreadyDecided(self.decision_summary())
        changed = self.changes_since_proposed()
        if status == LabelStatus.APPROVED and changed:
            raise StaleEdit(
                f"The claim changed after this label was proposed ({', '.join(changed)}); it cannot be "
                "approved as it was. Reject it, or ask the editor to propose again."
            )

    def decision_summary(self):
        when = timezone.localtime(self.reviewed_at).strftime("%d %b %Y %H:%M") if self.reviewed_at else ""
        if self.status == LabelStatus.WITHDRAWN:
            return "This proposal was withdrawn: the editor changed or removed it."
        return f"{self.reviewed_by} already {self.status} this label ({when})."

    def withdraw(self, *, by):
        updated = Label.objects.filter(pk=self.pk, status=LabelStatus.PROPOSED).update(status=LabelStatus.WITHDRAWN)
        if updated:
            self.status = LabelStatus.WITHDRAWN
            HistoryEntry.record(
                actor=by, action=HistoryEntry.Action.WITHDRAWN, obj=self, article=self.claim.article, claim=self.claim,
                before={"status": LabelStatus.PROPOSED}, after={"status": LabelStatus.WITHDRAWN},
            )


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    ACCEPTED = "accepted", "Accepted"
    DISMISSED = "dismissed", "Dismissed"


SUGGESTION_DECIDED = "This suggestion was already accepted or dismissed."


class SuggestionQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=SuggestionStatus.PENDING)

    def accept(self, *, by):
        """Accept every pending suggestion here in one transaction, with a fixed number of queries: each
        becomes a claim with speaker, channel and cue filled in. A speaker is looked up in the registry
        once per name (Source.objects.best_match), or added with the role the text gives. The rows are
        locked, so a suggestion two people accept at once is accepted once. Returns (claims, refused):
        the claims made, and (suggestion, EditRefused) for those whose span no longer lies inside their
        sentence, which stay pending."""
        with transaction.atomic():
            # Only suggestion rows are locked (no joins): their sentences are read afterwards.
            suggestions = list(Suggestion.objects.filter(pk__in=self.values("pk")).pending().select_for_update())
            prefetch_related_objects(suggestions, "sentence")
            accepted, refused = [], []
            for suggestion in suggestions:
                try:
                    _check_span(suggestion.sentence, suggestion.start, suggestion.end)
                except EditRefused as refusal:
                    refused.append((suggestion, refusal))
                else:
                    accepted.append(suggestion)
            sources = {}
            for suggestion in accepted:
                if suggestion.source_text not in sources:
                    sources[suggestion.source_text] = suggestion.registry_source(by=by)
            claims = Claim.objects.bulk_create([
                Claim(
                    article_id=suggestion.article_id, sentence=suggestion.sentence, start=suggestion.start,
                    end=suggestion.end, origin=ClaimOrigin.SUGGESTION, created_by=by,
                    source=sources[suggestion.source_text], channel=suggestion.channel, cue=suggestion.cue,
                )
                for suggestion in accepted
            ])
            HistoryEntry.record_all([
                claim.creation_entry(by=by, note={"suggestion": suggestion.pk})
                for suggestion, claim in zip(accepted, claims)
            ])
            now = timezone.now()
            for suggestion, claim in zip(accepted, claims):
                suggestion.status, suggestion.decided_by, suggestion.decided_at = SuggestionStatus.ACCEPTED, by, now
                suggestion.claim = claim
            Suggestion.objects.bulk_update(accepted, ["status", "decided_by", "decided_at", "claim"])
        return claims, refused


class Suggestion(models.Model):
    """An attribution the workbench proposes ("X said …"): never a claim until a person accepts it."""

    Status = SuggestionStatus

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="suggestions")
    sentence = models.ForeignKey(Sentence, on_delete=models.CASCADE, related_name="suggestions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    # The speaker as the text names it (a back-reference is resolved to the full name) and where.
    source_text = models.CharField(max_length=200)
    source_start = models.PositiveIntegerField()
    source_end = models.PositiveIntegerField()
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

    class Meta:
        ordering = ["article", "start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="suggestion_start_before_end"),
            models.CheckConstraint(condition=Q(status__in=SuggestionStatus.values), name="suggestion_status_valid"),
            models.CheckConstraint(
                condition=Q(status="pending", decided_by__isnull=True) | ~Q(status="pending"),
                name="suggestion_pending_is_undecided",
            ),
        ]
        indexes = [
            # The workspace loads an article's pending suggestions in text order.
            models.Index(fields=["article", "status", "start"], name="suggestion_article_status_idx"),
        ]

    def __str__(self):
        return f"{self.source_text} {self.cue} [{self.start}, {self.end})"

    def accept(self, *, by):
        """Make this suggestion a claim (see SuggestionQuerySet.accept), or raise EditRefused saying why not."""
        claims, refused = Suggestion.objects.filter(pk=self.pk).accept(by=by)
        for _, refusal in refused:
            raise refusal
        if not claims:
            raise AlreadyDecided(SUGGESTION_DECIDED)
        self.status, self.claim = SuggestionStatus.ACCEPTED, claims[0]
        return claims[0]

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
            if not Suggestion.objects.pending().filter(pk=self.pk).update(
                status=SuggestionStatus.DISMISSED, decided_by=by, decided_at=timezone.now()
            ):
                raise AlreadyDecided(SUGGESTION_DECIDED)
            self.status = SuggestionStatus.DISMISSED
            HistoryEntry.record(
                actor=by, action=HistoryEntry.Action.REMOVED, obj=self, article=self.article,
                before={"suggestion": self.pk, "source": self.source_text, "start": self.start, "end": self.end},
            )


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
            for days in periods for kind, condition in kinds.items()
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
    def entry(cls, *, actor, action, obj, before=None, after=None, **about):
        """An entry about `obj`, not saved yet. `about` names what it belongs to: article, claim and
        source, as objects or as article_id, claim_id and source_id."""
        return cls(
            actor=actor, action=action, object_type=obj._meta.model_name, object_id=obj.pk,
            before=before, after=after, **about,
        )

    @classmethod
    def record(cls, *, actor, action, obj, before=None, after=None, article=None, claim=None, source=None):
        """Append one entry. Call it inside the transaction that makes the change."""
        entry = cls.entry(actor=actor, action=action, obj=obj, before=before, after=after,
                          article=article, claim=claim, source=source)
        return cls.record_all([entry])[0]

    @classmethod
    def record_all(cls, entries):
        """Append entries (see entry()) in one INSERT. Call it inside the transaction that makes the change."""
        assert transaction.get_connection().in_atomic_block, "history must be written with its change"
        return cls.objects.bulk_create(entries)
