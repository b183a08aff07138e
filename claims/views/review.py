"""The reviewer's queue: every open label proposal, oldest first, with Approve and Reject."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from ..models import Article, EditRefused, Label, Source, Verdict
from ..permissions import permission_required

PAGE_SIZE = 50
AGE_CHOICES = [("", "Any age"), ("1", "Older than a day"), ("7", "Older than a week"), ("30", "Older than 30 days")]


@dataclass(frozen=True)
class QueueFilters:
    article: int | None = None
    speaker: int | None = None
    verdict: str = ""
    proposer: int | None = None
    age: str = ""

    @classmethod
    def from_query(cls, query):
        def number(name):
            value = query.get(name, "")
            return int(value) if value.isdigit() else None

        return cls(
            article=number("article"), speaker=number("speaker"), proposer=number("proposer"),
            verdict=query.get("verdict", "") if query.get("verdict") in Verdict.values else "",
            age=query.get("age", "") if query.get("age") in dict(AGE_CHOICES) else "",
        )

    @property
    def active(self):
        return self != QueueFilters()

    def apply(self, labels):
        if self.article:
            labels = labels.filter(claim__article_id=self.article)
        if self.speaker:
            labels = labels.filter(claim__source_id=self.speaker)
        if self.verdict:
            labels = labels.filter(verdict=self.verdict)
        if self.proposer:
            labels = labels.filter(proposed_by_id=self.proposer)
        if self.age:
            labels = labels.filter(proposed_at__lt=timezone.now() - timedelta(days=int(self.age)))
        return labels


@require_GET
@permission_required("view_label")
def review_queue(request):
    filters = QueueFilters.from_query(request.GET)
    page = Paginator(filters.apply(Label.objects.for_review()), PAGE_SIZE).get_page(request.GET.get("page"))
    for label in page:
        label.stale_changes = label.changes_since_proposed()
        offset = label.claim.start - label.context_start
        length = label.claim.end - label.claim.start
        label.context_parts = (label.context[:offset], label.context[offset : offset + length], label.context[offset + length :])
    open_labels = Label.objects.open()
    return render(request, "claims/review_queue.html", {
        "page": page,
        "filters": filters,
        "age_choices": AGE_CHOICES,
        "verdicts": Verdict.choices,
        "articles": Article.objects.filter(claims__labels__in=open_labels).distinct().only("pk", "title"),
        "speakers": Source.objects.filter(claims__labels__in=open_labels).distinct().only("pk", "name"),
        "proposers": get_user_model().objects.filter(pk__in=open_labels.values("proposed_by")).only("pk", "username"),
        "can_review": request.user.has_perm("claims.review_label"),
    })


def _back_to_queue(request):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(target)
    return redirect("claims:review_queue")


def _decided(request, label, *, error=""):
    """htmx: the item in its new state (or with the error). Plain: back to the queue with a message."""
    if request.htmx:
        context = {"label": label, "error": error, "decided": not error, "can_review": True}
        return render(request, "claims/_review_decision.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, f"{label.get_status_display()}: “{label.claim.text[:60]}”.")
    return _back_to_queue(request)


def _decide(request, label_id, decision):
    label = get_object_or_404(Label.objects.select_related("claim__article", "claim__source", "proposed_by"), pk=label_id)
    try:
        decision(label)
    except EditRefused as refusal:
        return _decided(request, label, error=str(refusal))
    return _decided(request, label)


@require_POST
@permission_required("review_label")
def label_approve(request, label_id):
    return _decide(request, label_id, lambda label: label.approve(by=request.user, comment=request.POST.get("comment", "")))


@require_POST
@permission_required("review_label")
def label_reject(request, label_id):
    return _decide(request, label_id, lambda label: label.reject(by=request.user, comment=request.POST.get("comment", "")))


@require_POST
@permission_required("review_label")
def labels_approve(request):
    """Approve several selected proposals; each is decided on its own, and the ones that cannot be
    approved (own, stale, already decided) are listed with the reason."""
    ids = [int(value) for value in request.POST.getlist("labels") if value.isdigit()]
    labels = Label.objects.filter(pk__in=ids).select_related("claim__article", "claim__source", "proposed_by")
    approved, refused = 0, []
    for label in labels:
        try:
            label.approve(by=request.user)
            approved += 1
        except EditRefused as refusal:
            refused.append(f"“{label.claim.text[:40]}…”: {refusal}")
    if not ids:
        messages.error(request, "Select the proposals to approve first.")
    else:
        messages.success(request, f"Approved {approved} of {len(ids)}.")
    for reason in refused:
        messages.error(request, reason)
    return _back_to_queue(request)
