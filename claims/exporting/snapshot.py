"""An article with its claims, speakers and labels as plain data, read in a fixed number of queries.
Every writer in this package works on an ArticleSnapshot, never on models."""

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from ..models import Article, Claim, HistoryEntry, Label, LabelStatus, Publication, Sentence, SourceAlias


@dataclass(frozen=True)
class SourceData:
    id: int
    name: str
    kind: str
    role: str
    affiliation: str
    aliases: tuple[str, ...] = ()
    wikidata: str = ""


@dataclass(frozen=True)
class LabelData:
    id: int
    verdict: str
    status: str
    rationale: str
    evidence: tuple[str, ...]
    proposed_by: str
    proposed_at: datetime
    reviewed_by: str | None
    reviewed_at: datetime | None
    review_comment: str
    # How the people are named where a name is signed (Word comments): the full name, else the username.
    proposed_by_name: str | None = None
    reviewed_by_name: str | None = None


@dataclass(frozen=True)
class ClaimData:
    id: int
    sentence_number: int
    start: int
    end: int
    text: str
    source: SourceData | None
    channel: str
    cue: str
    origin: str
    summary: str
    created_by: str | None
    created_at: datetime
    label: LabelData | None  # the label this export shows (see snapshot's approved_only)
    labels: tuple[LabelData, ...]  # every label, oldest first, for full-fidelity formats


@dataclass(frozen=True)
class SentenceData:
    number: int
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class HistoryData:
    at: datetime
    actor: str | None
    action: str
    object_type: str
    object_id: int
    claim_id: int | None
    before: dict | None
    after: dict | None


@dataclass(frozen=True)
class ArticleSnapshot:
    id: int
    title: str
    outlet: str
    url: str
    published: date | None
    language: str
    text: str
    source_format: str
    created_at: datetime
    imported_by: str | None
    approved_only: bool
    sentences: tuple[SentenceData, ...]
    claims: tuple[ClaimData, ...]
    history: tuple[HistoryData, ...] = field(default=())
    # The public fact-check page: its slug (the one it would get, if never published) and first publication.
    public_slug: str = ""
    first_published: datetime | None = None

    @property
    def sources(self):
        """The speakers of the exported claims, each once, by name."""
        found = {claim.source.id: claim.source for claim in self.claims if claim.source}
        return sorted(found.values(), key=lambda source: (source.name.casefold(), source.id))

    def paragraphs(self):
        """[(paragraph number, [sentences])] in reading order."""
        grouped = {}
        for sentence in self.sentences:
            grouped.setdefault(sentence.paragraph, []).append(sentence)
        return list(grouped.items())

    def scoped(self, *, approved_only, with_history):
        """This snapshot of every claim (approved_only False) as a format asks for it, without reading
        again: approved_only keeps the claims with an approved label, each showing its newest one;
        with_history False leaves the history out."""
        assert not self.approved_only, "scope a snapshot of every claim"
        claims = self.claims
        if approved_only:
            claims = tuple(
                replace(claim, label=shown) for claim in claims if (shown := _shown_label(claim.labels, True))
            )
        return replace(self, approved_only=approved_only, claims=claims, history=self.history if with_history else ())


def _username(user):
    return user.get_username() if user else None


def _full_name(user):
    return (user.get_full_name() or user.get_username()) if user else None


def _label(label):
    return LabelData(
        id=label.pk,
        verdict=label.verdict,
        status=label.status,
        rationale=label.rationale,
        evidence=tuple(label.evidence),
        proposed_by=_username(label.proposed_by),
        proposed_at=label.proposed_at,
        reviewed_by=_username(label.reviewed_by),
        reviewed_at=label.reviewed_at,
        review_comment=label.review_comment,
        proposed_by_name=_full_name(label.proposed_by),
        reviewed_by_name=_full_name(label.reviewed_by),
    )


def _shown_label(labels, approved_only):
    """The newest approved label, or (all states) the newest label that is not withdrawn."""
    wanted = [
        label
        for label in labels
        if (label.status == LabelStatus.APPROVED if approved_only else label.status != LabelStatus.WITHDRAWN)
    ]
    return max(wanted, key=lambda label: (label.proposed_at, label.id), default=None)


def _grouped(pairs):
    """{key: [value, ...]} from (key, value) pairs, in their order."""
    grouped = defaultdict(list)
    for key, value in pairs:
        grouped[key].append(value)
    return grouped


def snapshots(article_ids, *, with_history=False):
    """{article id: ArticleSnapshot} for those of article_ids that exist, each with every active claim
    and its newest label (see ArticleSnapshot.scoped for the approved-only view). All the articles are
    read in one pass: the same six queries for one article or many. The history is read only when asked."""
    articles = list(Article.objects.select_related("imported_by", "publication").filter(pk__in=article_ids))
    ids = [article.pk for article in articles]
    sentences = _grouped(
        (article_id, SentenceData(number, paragraph, start, end))
        for article_id, number, paragraph, start, end in Sentence.objects.filter(article_id__in=ids)
        .order_by("article_id", "number")
        .values_list("article_id", "number", "paragraph", "start", "end")
    )
    rows = list(
        Claim.objects.active()
        .filter(article_id__in=ids)
        .select_related("created_by", "sentence", "source")
        .order_by("article_id", "start", "end", "id")
    )
    labels = _grouped(
        (label.claim_id, _label(label))
        for label in Label.objects.filter(claim__article_id__in=ids, claim__removed_at__isnull=True)
        .select_related("proposed_by", "reviewed_by")
        .order_by("proposed_at", "id")
    )
    aliases = _grouped(
        SourceAlias.objects.filter(source_id__in={claim.source_id for claim in rows if claim.source_id})
        .order_by("name")
        .values_list("source_id", "name")
    )
    speakers = {
        claim.source_id: SourceData(
            claim.source.pk,
            claim.source.name,
            claim.source.kind,
            claim.source.role,
            claim.source.affiliation,
            tuple(aliases[claim.source_id]),
            claim.source.wikidata,
        )
        for claim in rows
        if claim.source_id
    }
    texts = {article.pk: article.text for article in articles}
    claims = _grouped(
        (
            claim.article_id,
            ClaimData(
                id=claim.pk,
                sentence_number=claim.sentence.number,
                start=claim.start,
                end=claim.end,
                text=texts[claim.article_id][claim.start : claim.end],
                source=speakers.get(claim.source_id),
                channel=claim.channel,
                cue=claim.cue,
                origin=claim.origin,
                summary=claim.summary,
                created_by=_username(claim.created_by),
                created_at=claim.created_at,
                label=_shown_label(labels[claim.pk], False),
                labels=tuple(labels[claim.pk]),
            ),
        )
        for claim in rows
    )
    history = _grouped(
        (
            entry.article_id,
            HistoryData(
                entry.at,
                _username(entry.actor),
                entry.action,
                entry.object_type,
                entry.object_id,
                entry.claim_id,
                entry.before,
                entry.after,
            ),
        )
        for entry in (
            HistoryEntry.objects.filter(article_id__in=ids).select_related("actor").order_by("at", "id")
            if with_history
            else ()
        )
    )
    return {
        article.pk: ArticleSnapshot(
            id=article.pk,
            title=article.title,
            outlet=article.outlet,
            url=article.url,
            published=article.published,
            language=article.language,
            text=article.text,
            source_format=article.source_format,
            created_at=article.created_at,
            imported_by=_username(article.imported_by),
            approved_only=False,
            sentences=tuple(sentences[article.pk]),
            claims=tuple(claims[article.pk]),
            history=tuple(history[article.pk]),
            **_publication(article),
        )
        for article in articles
    }


def _publication(article):
    try:
        publication = article.publication
    except Publication.DoesNotExist:
        return {"public_slug": Publication.slug_for(article)}
    return {"public_slug": publication.slug, "first_published": publication.published_at}


def snapshot(article_id, *, approved_only=False, with_history=False):
    """One article as plain data. approved_only keeps only claims with an approved label (reader-facing
    exports); otherwise every active claim comes with its newest label and that label's state."""
    found = snapshots([article_id], with_history=with_history)
    if article_id not in found:
        raise Article.DoesNotExist(f"There is no article with id {article_id}.")
    return found[article_id].scoped(approved_only=approved_only, with_history=with_history)
