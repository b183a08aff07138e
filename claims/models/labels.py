"""Labels: the verdict proposed for a claim, its review (the four-eyes rule) and the review queue."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import cached_property

from ..compiled import Compiled
from .articles import Article
from .base import valid_choice
from .claims import Claim
from .errors import AlreadyDecided, EditRefused, StaleEdit
from .history import HistoryEntry
from .sources import Source

USER = settings.AUTH_USER_MODEL


class Verdict(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    DENIED = "denied", "Denied"
    UNVERIFIED = "unverified", "Unverified"


class LabelStatus(models.TextChoices):
    """A proposal is decided once: approved or rejected by a reviewer, or withdrawn when its editor
    changes or removes the claim."""

    PROPOSED = "proposed", "Proposed"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn"


REJECTION_NEEDS_COMMENT = "Say why you reject this label: the editor sees your comment."


class LabelQuerySet(models.QuerySet):
    def open(self):
        """Proposals nobody has decided yet."""
        return self.filter(status=LabelStatus.PROPOSED)

    def matching(self, *, article=None, speaker=None, verdict="", proposer=None, age=None):
        """The review queue's filters, each left out when empty: the claim's article and speaker (ids),
        the verdict, the proposer (a user id) and `age`, proposed more than that many days ago."""
        lookups = {
            "claim__article_id": article,
            "claim__source_id": speaker,
            "verdict": verdict,
            "proposed_by_id": proposer,
            "proposed_at__lt": timezone.now() - timedelta(days=age) if age else None,
        }
        return self.filter(**{lookup: value for lookup, value in lookups.items() if value})

    def articles(self):
        """The articles these labels' claims are in, each once."""
        return Article.objects.filter(pk__in=self.values("claim__article_id"))

    def speakers(self):
        """The sources of these labels' claims, each once."""
        return Source.objects.filter(pk__in=self.values("claim__source_id"))

    def proposers(self):
        """The people who proposed these labels."""
        return get_user_model().objects.filter(pk__in=self.values("proposed_by"))

    def decide(self, status, *, by, comment=""):
        """Give each label here `status` (approved or rejected); see decide()."""
        return decide(list(self.values_list("pk", flat=True)), status, by=by, comment=comment)

    def for_review(self):
        """Open proposals, oldest first, with what the review queue shows: claim, sentence, speaker,
        proposer and article (without its text). with_context() adds the neighbouring sentences."""
        return (
            self.open()
            .select_related(
                "claim__article", "claim__source", "claim__sentence", "proposed_by", "reused_from__claim__article"
            )
            .only(*QUEUE_FIELDS)
            .order_by("proposed_at", "pk")
        )


def decide(pks, status, *, by, comment=""):
    """Give each label `pks` names `status` (approved or rejected) on its own rules (Label.check_decision),
    in one transaction with a fixed number of queries, compiled once (claims.compiled). The rows are
    locked and re-read, in the queue's order so that two reviewers deciding overlapping sets cannot
    deadlock: of two reviewers acting at once exactly one decides a label and the other is told what
    happened. Returns (decided, refused): the labels decided, and (label, EditRefused) for each of the
    others."""
    if status == LabelStatus.REJECTED and not comment.strip():
        raise EditRefused(REJECTION_NEEDS_COMMENT)
    with transaction.atomic():
        # Only label rows are locked (no joins): claims and reviewers are read afterwards, as they stand
        # once the lock is held (a join would give them as they were before the wait).
        labels = _LOCKED.objects(pks=pks)
        claims = {claim.pk: claim for claim in _CLAIMS.objects(pks=sorted({label.claim_id for label in labels}))}
        reviewers = {
            person.pk: person
            for person in _PEOPLE.objects(pks=sorted({label.reviewed_by_id for label in labels} - {None}))
        }
        decided, refused = [], []
        for label in labels:
            label.claim = claims[label.claim_id]
            label.reviewed_by = reviewers.get(label.reviewed_by_id)
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
        HistoryEntry.record_all(
            [
                HistoryEntry.entry(
                    actor=by,
                    action=HistoryEntry.Action(status),
                    obj=label,
                    before={"status": LabelStatus.PROPOSED},
                    after={"status": status, "verdict": label.verdict, "comment": comment},
                )
                for label in decided
            ]
        )
    return decided, refused


_LOCKED = Compiled(lambda pks: Label.objects.filter(pk__in=pks).select_for_update(), pks=list)
_CLAIMS = Compiled(lambda pks: Claim.objects.filter(pk__in=pks), pks=list)
_PEOPLE = Compiled(lambda pks: get_user_model().objects.filter(pk__in=pks), pks=list)


# What a queue item shows and checks (claims/review_items.py, Label.changes_since_proposed), and no more: a
# page holds twenty-five labels, each with five related rows.
QUEUE_FIELDS = (
    "verdict rationale evidence status claim_version claim_snapshot proposed_at proposed_by__username "
    "claim__article__title claim__sentence__number claim__sentence__start claim__sentence__text "
    "claim__source__name claim__source__role claim__source__affiliation "
    "claim__start claim__end claim__channel claim__cue claim__version claim__removed_at "
    "reused_from__claim__article__title reused_from__claim__article_id reused_from__claim_id"
).split()


def with_context(labels):
    """Give each label from for_review() `context_parts`: (the sentence before and the claim's sentence up to
    the claim, the claim's words, the rest of its sentence and the sentence after), from one query."""
    sentences = sorted({label.claim.sentence_id for label in labels})
    if not sentences:
        return labels
    with connection.cursor() as cursor:
        cursor.execute(_NEIGHBOURS_SQL.format(", ".join(["%s"] * len(sentences))), sentences)
        texts = {(pk, side): text for pk, side, text in cursor.fetchall()}
    for label in labels:
        claim, sentence = label.claim, label.claim.sentence
        start, end = claim.start - sentence.start, claim.end - sentence.start
        before, after = texts.get((sentence.pk, -1)), texts.get((sentence.pk, 1))
        label.context_parts = (
            f"{before} {sentence.text[:start]}" if before else sentence.text[:start],
            sentence.text[start:end],
            f"{sentence.text[end:]} {after}" if after else sentence.text[end:],
        )
    return labels


# (sentence, -1 or 1, text) of the sentences before and after each given one, by the (article, number)
# index: plain SQL, since the ORM spent longer building the many-way condition than the database took.
_NEIGHBOURS_SQL = """SELECT s.id, n.number - s.number, n.text FROM claims_sentence s
    JOIN claims_sentence n ON n.article_id = s.article_id AND n.number IN (s.number - 1, s.number + 1)
    WHERE s.id IN ({})"""


class Label(models.Model):
    """A verdict proposed for a claim, and its review. Final only when a different person approves."""

    Status = LabelStatus
    Verdict = Verdict

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
    # "Reuse this verdict": the approved label of the same claim checked before, in another article.
    reused_from = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = LabelQuerySet.as_manager()

    class Meta:
        ordering = ["proposed_at", "id"]
        constraints = [
            valid_choice("verdict", Verdict),
            valid_choice("status", LabelStatus),
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
            models.Index(fields=["status", "proposed_at"], name="label_status_proposed_idx")
        ]

    def __str__(self):
        return f"{self.get_verdict_display()} ({self.get_status_display()})"

    def history_about(self):
        """What this label's history rows are filed under (see HistoryEntry.entry)."""
        return {"article_id": self.claim.article_id, "claim_id": self.claim_id}

    @cached_property
    def stale_changes(self):
        """changes_since_proposed(), read once per label by the review queue's item."""
        return self.changes_since_proposed()

    def changes_since_proposed(self):
        """What about the claim changed after this label was proposed, in words; empty if nothing.
        Reads self.claim, which the caller has loaded."""
        if self.claim_version == self.claim.version:
            return []
        now, then = self.claim.snapshot(), self.claim_snapshot or {}
        changed = [
            words
            for keys, words in (
                (("start", "end"), "span"),
                (("source",), "speaker"),
                (("channel",), "channel"),
                (("cue",), "cue"),
            )
            if any(now.get(key) != then.get(key) for key in keys)
        ]
        if self.claim.removed_at:
            changed.append("removed")
        return changed or ["edited"]

    def approve(self, *, by, comment=""):
        """Approve this proposal, or raise EditRefused saying why not (see check_decision)."""
        return self._take(decide([self.pk], LabelStatus.APPROVED, by=by, comment=comment))

    def reject(self, *, by, comment):
        """Reject this proposal with the comment the editor reads, or raise EditRefused saying why not."""
        return self._take(decide([self.pk], LabelStatus.REJECTED, by=by, comment=comment))

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

    def withdraw(self, *, by, record=True):
        """Withdraw this proposal if it is still open; True if it was. `record`: write its history entry
        (False when the caller's own entry tells of it)."""
        updated = Label.objects.filter(pk=self.pk, status=LabelStatus.PROPOSED).update(status=LabelStatus.WITHDRAWN)
        if updated:
            self.status = LabelStatus.WITHDRAWN
        if updated and record:
            before = {"status": LabelStatus.PROPOSED}
            after = {"status": LabelStatus.WITHDRAWN}
            HistoryEntry.record(actor=by, action=HistoryEntry.Action.WITHDRAWN, obj=self, before=before, after=after)
        return bool(updated)


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
