"""The source registry shared by all articles: sources, their aliases and the name lookups."""

import re
from collections import defaultdict
from difflib import SequenceMatcher

from django.apps import apps
from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models, transaction
from django.db.models import Case, Count, Exists, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone

from ..compiled import Compiled
from ..names import fold, names_match
from .base import valid_choice
from .errors import EditRefused, StaleEdit
from .history import HistoryEntry

USER = settings.AUTH_USER_MODEL


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


class _Candidates:
    """The sources best_matches() loaded, with each one's folded name and aliases read once: a long
    article asks about a thousand names among as many sources."""

    def __init__(self, sources, surnames):
        self.aliases = {source.pk: [alias.name for alias in source.aliases.all()] for source in sources}
        folded = {
            source.pk: {source.name_folded, *(alias.name_folded for alias in source.aliases.all())}
            for source in sources
        }
        self.by_key = defaultdict(list)
        for source in sources:
            for key in folded[source.pk]:
                self.by_key[key].append(source)
        self.containing = {
            surname: [source for source in sources if any(surname in key for key in folded[source.pk])]
            for surname in surnames
        }

    def best_match(self, name):
        """The source called `name` (the first by name), else the only one it names by surname."""
        exact = self.by_key.get(fold(name))
        if exact:
            return min(exact, key=lambda source: (source.name, source.pk))
        return self._only_match(name) if name.split() else None

    def _only_match(self, name):
        """The only source that `name` can name, looking at the sources containing its surname in
        search() order (names starting with the surname first), the first MATCH_CANDIDATES of them."""
        surname = fold(name.split()[-1])
        containing = sorted(
            self.containing[surname],
            key=lambda source: (not source.name_folded.startswith(surname), source.name, source.pk),
        )
        matches = [
            source
            for source in containing[:MATCH_CANDIDATES]
            if names_match(name, source.name, self.aliases[source.pk])
        ]
        return matches[0] if len(matches) == 1 else None


LOOKS_ALIKE = 0.85  # difflib's ratio of two folded names above which one is probably the other misspelt


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

    def looking_like(self, name, *, limit=3):
        """Sources whose name is spelt nearly like `name` but not the same ("Andriy Yusov" beside "Andrii
        Yusov"): what adding `name` as a new source would probably duplicate. One query over the names."""
        key = fold(name or "")
        if not key:
            return []
        near = [
            (SequenceMatcher(None, key, folded).ratio(), pk)
            for pk, folded in self.active().exclude(name_folded=key).values_list("pk", "name_folded")
            if folded[:1] == key[:1] or folded[-3:] == key[-3:]
        ]
        ids = [pk for ratio, pk in sorted(near, reverse=True) if ratio >= LOOKS_ALIKE][:limit]
        found = self.in_bulk(ids)
        return [found[pk] for pk in ids]

    def named(self, name):
        """Sources called exactly `name`, by their name or an alias (case and accents ignored)."""
        key = fold(name or "")
        return self.named_folded(key, key)

    def named_folded(self, key, alias_key):
        """named() for a name already folded, given twice: as a name and as an alias (claims.compiled
        puts each value in its own place)."""
        aliases = SourceAlias.objects.filter(source=OuterRef("pk"), name_folded=alias_key)
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
        Andrii Yusov). Two queries however many names: the surnames are one regular expression (contains
        any of them), which PostgreSQL and SQLite both match, so the query's size does not grow with them."""
        names = set(names)
        keys = {fold(name) for name in names}
        surnames = sorted({fold(name.split()[-1]) for name in names if name.split()})
        exact_aliases = SourceAlias.objects.filter(source=OuterRef("pk"), name_folded__in=keys)
        wanted = Q(name_folded__in=keys) | Exists(exact_aliases)
        if surnames:
            # re.escape() leaves letters alone and backslashes the rest, which both dialects read literally.
            contains = "|".join(re.escape(surname) for surname in surnames)
            aliases = SourceAlias.objects.filter(source=OuterRef("pk"), name_folded__regex=contains)
            wanted |= Q(name_folded__regex=contains) | Exists(aliases)
        candidates = _Candidates(list(self.active().filter(wanted).prefetch_related("aliases")), surnames)
        return {name: candidates.best_match(name) for name in names}

    def with_record(self):
        """claim_count: the source's active claims; confirmed_count, denied_count, unverified_count: those
        claims by the verdict of their newest approved label (claims without one count in none)."""
        # Claims and labels point at sources from modules above this one: looked up, not imported.
        Claim, Label = apps.get_model("claims", "Claim"), apps.get_model("claims", "Label")
        approved = (
            Label.objects.filter(claim=OuterRef("pk"), status=Label.Status.APPROVED)
            .order_by("-reviewed_at", "-pk")
            .values("verdict")[:1]
        )
        claims = Claim.objects.active().alias(approved_verdict=Subquery(approved))
        return self.annotate(
            claim_count=_count_per_source(claims),
            confirmed_count=_count_per_source(claims.filter(approved_verdict=Label.Verdict.CONFIRMED)),
            denied_count=_count_per_source(claims.filter(approved_verdict=Label.Verdict.DENIED)),
            unverified_count=_count_per_source(claims.filter(approved_verdict=Label.Verdict.UNVERIFIED)),
        )


SOURCE_STALE_MESSAGE = (
    "Someone else changed this source after you opened it. Their version is shown below; make your change again."
)


class FoldedName(models.Model):
    """A name in the registry, stored with fold(name) beside it for search (see claims.names)."""

    name = models.CharField(max_length=200)
    name_folded = models.CharField(max_length=600, editable=False, default="", help_text="fold(name), for search")

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_folded = fold(self.name)
        if kwargs.get("update_fields") is not None and "name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "name_folded"}
        super().save(*args, **kwargs)


class Source(FoldedName):
    """Who made a claim. One registry shared by all articles."""

    EDITABLE = ("name", "kind", "role", "affiliation", "wikidata", "notes")

    Kind = SourceKind

    kind = models.CharField(max_length=16, choices=SourceKind, default=SourceKind.PERSON)
    role = models.CharField(max_length=200, blank=True, help_text="Role or title, e.g. spokesperson")
    affiliation = models.CharField(max_length=200, blank=True)
    # The source's Wikidata item (Q42): shown as a link, exported as ClaimReview's author sameAs.
    wikidata = models.CharField(
        max_length=20, blank=True, default="", db_default="", validators=[RegexValidator(r"^Q[1-9]\d*$")]
    )
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
            valid_choice("kind", SourceKind),
            models.CheckConstraint(condition=~Q(merged_into=F("id")), name="source_not_merged_into_itself"),
        ]
        indexes = [
            # The registry's type-ahead and list search by name.
            models.Index(fields=["name"], name="source_name_idx"),
            # named(): the speaker field finds a source by its exact (folded) name.
            models.Index(fields=["name_folded"], name="source_name_folded_idx"),
        ]

    def history_about(self):
        """What this source's history rows are filed under (see HistoryEntry.entry)."""
        return {"source": self}

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
            HistoryEntry.record(actor=by, action=HistoryEntry.Action.CREATED, obj=self, after=self.snapshot(aliases))
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
                    [
                        SourceAlias(source=self, name=alias, name_folded=fold(alias))
                        for alias in new_aliases
                        if alias not in old_aliases
                    ]
                )
            before = {field: getattr(current, field) for field in changes}
            after = dict(changes)
            if aliases_changed:
                before["aliases"], after["aliases"] = old_aliases, new_aliases
            HistoryEntry.record(actor=by, action=HistoryEntry.Action.UPDATED, obj=self, before=before, after=after)
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
            both = Source.objects.select_for_update().filter(pk__in=[self.pk, target.pk]).order_by("pk")
            locked = {source.pk: source for source in both}
            if target.pk not in locked:
                raise EditRefused("The source to merge into no longer exists.")
            this, into = locked[self.pk], locked[target.pk]
            if this.merged_into_id:
                raise EditRefused(f"“{this}” has already been merged into another source.")
            if into.merged_into_id:
                raise EditRefused(f"“{into}” has itself been merged into another source; merge into that one.")
            moved = list(this.claims.values_list("pk", "article_id"))
            now = timezone.now()
            this.claims.update(source=into, version=F("version") + 1, updated_at=now)
            redirected = list(Source.objects.filter(merged_into=this).values_list("pk", flat=True))
            Source.objects.filter(pk__in=redirected).update(merged_into=into)

            old_aliases = sorted(into.aliases.values_list("name", flat=True), key=str.casefold)
            known = {name.casefold() for name in [into.name, *old_aliases]}
            added = []
            for name in [this.name, *this.aliases.values_list("name", flat=True)]:
                if name.casefold() not in known:
                    known.add(name.casefold())
                    added.append(name)
            SourceAlias.objects.bulk_create(
                [SourceAlias(source=into, name=name, name_folded=fold(name)) for name in added]
            )

            Source.objects.filter(pk=this.pk).update(merged_into=into, version=F("version") + 1, updated_at=now)
            Source.objects.filter(pk=into.pk).update(version=F("version") + 1, updated_at=now)

            claim_ids = [pk for pk, _ in moved]
            before = {"merged_into": None}
            after = {
                "merged_into": into.pk,
                "merged_into_name": into.name,
                "source_name": this.name,
                "claims_moved": claim_ids,
            }
            HistoryEntry.record(actor=by, action=HistoryEntry.Action.MERGED, obj=this, before=before, after=after)
            before = {"aliases": old_aliases}
            after = {
                "aliases": sorted([*old_aliases, *added], key=str.casefold),
                "merged": this.pk,
                "merged_name": this.name,
                "claims_moved": claim_ids,
                "redirected": redirected,
                "source_name": into.name,
            }
            HistoryEntry.record(actor=by, action=HistoryEntry.Action.MERGED, obj=into, before=before, after=after)
            HistoryEntry.objects.bulk_create(
                [
                    HistoryEntry(
                        at=now,
                        actor=by,
                        action=HistoryEntry.Action.UPDATED,
                        object_type="claim",
                        object_id=pk,
                        article_id=article_id,
                        claim_id=pk,
                        before={"source": this.pk},
                        after={"source": into.pk},
                    )
                    for pk, article_id in moved
                ]
            )
        self.merged_into, self.version = into, this.version + 1
        target.version = into.version + 1
        target._prefetched_objects_cache = {}
        return len(moved)

    def claims_made(self):
        """The source's active claims across articles, newest article first, each with `quote` (its
        words, cut out of its sentence's by the database so article texts are never loaded) and its labels."""
        offset = F("start") - F("sentence__start") + 1
        return (
            self.claims.active()
            .with_labels()
            .select_related("article")
            .defer("article__text")
            .annotate(quote=Substr("sentence__text", offset, F("end") - F("start")))
            .order_by("-article__created_at", "article_id", "start", "id")
        )


class SourceAlias(FoldedName):
    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="aliases")

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


def active_named(name):
    """Up to two active sources called `name` (SourceQuerySet.named), from a query compiled once: every
    Save with a typed speaker asks it."""
    key = fold(name or "")
    return _ACTIVE_NAMED.objects(key=key, alias=key)


_ACTIVE_NAMED = Compiled(lambda key, alias: Source.objects.active().named_folded(key, alias)[:2], key=str, alias=str)
