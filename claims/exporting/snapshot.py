"""An article with its claims, speakers and labels as plain data, read in a fixed number of queries.
Every writer in this package works on an ArticleSnapshot, never on models."""

from dataclasses import dataclass, field
from datetime import date, datetime

from ..models import Article, Claim, HistoryEntry, LabelStatus


@dataclass(frozen=True)
class SourceData:
    id: int
    name: str
    kind: str
    role: str
    affiliation: str
    aliases: tuple[str, ...] = ()


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


def _username(user):
    return user.get_username() if user else None


def _label(label):
    return LabelData(
        id=label.pk, verdict=label.verdict, status=label.status, rationale=label.rationale,
        evidence=tuple(label.evidence), proposed_by=_username(label.proposed_by), proposed_at=label.proposed_at,
        reviewed_by=_username(label.reviewed_by), reviewed_at=label.reviewed_at, review_comment=label.review_comment,
    )


def _shown_label(labels, approved_only):
    """The newest approved label, or (all states) the newest label that is not withdrawn."""
    wanted = [
        label for label in labels
        if (label.status == LabelStatus.APPROVED if approved_only else label.status != LabelStatus.WITHDRAWN)
    ]
    return max(wanted, key=lambda label: (label.proposed_at, label.id), default=None)


def snapshot(article_id, *, approved_only=False, with_history=False):
    """The article as plain data. approved_only keeps only claims with an approved label (reader-facing
    exports); otherwise every active claim comes with its newest label and that label's state."""
    article = Article.objects.select_related("imported_by").get(pk=article_id)
    sentences = tuple(
        SentenceData(s.number, s.paragraph, s.start, s.end) for s in article.sentences.order_by("number")
    )
    claims = []
    rows = (
        Claim.objects.active().filter(article=article).with_labels()
        .select_related("created_by", "sentence").prefetch_related("source__aliases").order_by("start", "end", "id")
    )
    for claim in rows:
        labels = tuple(sorted((_label(label) for label in claim.labels.all()), key=lambda l: (l.proposed_at, l.id)))
        shown = _shown_label(labels, approved_only)
        if approved_only and shown is None:
            continue
        source = claim.source
        claims.append(ClaimData(
            id=claim.pk, sentence_number=claim.sentence.number, start=claim.start, end=claim.end,
            text=article.text[claim.start : claim.end],
            source=SourceData(source.pk, source.name, source.kind, source.role, source.affiliation,
                              tuple(alias.name for alias in source.aliases.all())) if source else None,
            channel=claim.channel, cue=claim.cue, origin=claim.origin, created_by=_username(claim.created_by),
            created_at=claim.created_at, label=shown, labels=labels,
        ))
    history = ()
    if with_history:
        history = tuple(
            HistoryData(entry.at, _username(entry.actor), entry.action, entry.object_type, entry.object_id,
                        entry.claim_id, entry.before, entry.after)
            for entry in HistoryEntry.objects.filter(article=article).select_related("actor").order_by("at", "id")
        )
    return ArticleSnapshot(
        id=article.pk, title=article.title, outlet=article.outlet, url=article.url, published=article.published,
        language=article.language, text=article.text, source_format=article.source_format,
        created_at=article.created_at, imported_by=_username(article.imported_by), approved_only=approved_only,
        sentences=sentences, claims=tuple(claims), history=history,
    )
