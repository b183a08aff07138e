"""The reviewer's queue: every open label proposal, oldest first, with Approve and Reject."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Value
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from ..compiled import Compiled
from ..filters import QueueFilterForm
from ..forms import LabelSelectionForm
from ..models import EditRefused, Label, LabelStatus, Verdict
from ..models.labels import with_context
from ..permissions import permission_required
from ..review_items import render_items

# A page a reviewer reads on a phone too, each item with its context and two forms; "Approve selected"
# works on one page. Each item costs the server about 0.1 ms to load and write (bench/load_bench.py).
PAGE_SIZE = 25


@require_GET
@permission_required("view_label")
def review_queue(request):
    filters = QueueFilterForm(request.GET)
    # The page's ids first (the index orders them), then that page's labels with all the queue shows.
    ids = Label.objects.open().matching(**filters.cleaned_data).order_by("proposed_at", "pk").values_list("pk")
    page = Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))
    items = with_context(_QUEUE_ITEMS.objects(pks=[pk for (pk,) in page.object_list]))
    can_review = request.user.has_perm("claims.review_label")
    return render(
        request,
        "claims/review_queue.html",
        {
            "page": page,
            "labels": items,
            "items": mark_safe(render_items(request, items, can_review=can_review)),
            "filters": filters,
            "age_choices": QueueFilterForm.AGE_CHOICES,
            "verdicts": Verdict.choices,
            **_filter_choices(),
            "can_review": can_review,
        },
    )


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


def _label(label_id):
    return _LABEL.one_or_404("No such label.", pk=int(label_id))


def _filter_choices():
    """The filters' choices, [(pk, name)] of what the open proposals are about, by name: one query."""
    choices = {"articles": [], "speakers": [], "proposers": []}
    for kind, pk, name in _FILTER_CHOICES.rows():
        choices[kind].append((pk, name))
    return {
        kind: sorted(found, key=lambda choice: (choice[1].casefold(), choice[0])) for kind, found in choices.items()
    }


def _choices(kind, queryset, name):
    return queryset.order_by().annotate(choice_of=Value(kind)).values_list("choice_of", "pk", name)


_FILTER_CHOICES = Compiled(
    lambda: _choices("articles", Label.objects.open().articles(), "title").union(
        _choices("speakers", Label.objects.open().speakers(), "name"),
        _choices("proposers", Label.objects.open().proposers(), "username"),
        all=True,
    )
)
# The page's items, and the label every decision reads, compiled once (claims.compiled).
_QUEUE_ITEMS = Compiled(lambda pks: Label.objects.filter(pk__in=pks).for_review(), pks=list)
_LABEL = Compiled(
    lambda pk: Label.objects.select_related("claim__article", "claim__source", "proposed_by").filter(pk=pk), pk=int
)


@require_POST
@permission_required("review_label")
def label_approve(request, label_id):
    """Approve one proposal: the claim's verdict becomes final."""
    label = _label(label_id)
    try:
        label.approve(by=request.user, comment=request.POST.get("comment", ""))
    except EditRefused as refusal:
        return _decided(request, label, error=str(refusal))
    return _decided(request, label)


@require_POST
@permission_required("review_label")
def label_reject(request, label_id):
    """Reject one proposal; the comment is required, since the editor revises the label by it."""
    label, comment = _label(label_id), request.POST.get("comment", "")
    try:
        label.reject(by=request.user, comment=comment)
    except EditRefused as refusal:
        return _decided(request, label, error=str(refusal))
    return _decided(request, label)


@require_POST
@permission_required("review_label")
def labels_approve(request):
    """Approve several selected proposals; each is decided on its own, and the ones that cannot be
    approved (own, stale, already decided) are listed with the reason."""
    ids = LabelSelectionForm(request.POST).cleaned_data["labels"]
    approved, refused = Label.objects.filter(pk__in=ids).decide(LabelStatus.APPROVED, by=request.user)
    if not ids:
        messages.error(request, "Select the proposals to approve first.")
    else:
        messages.success(request, f"Approved {len(approved)} of {len(ids)}.")
    for label, refusal in refused:
        messages.error(request, f"“{label.claim.text[:40]}…”: {refusal}")
    return _back_to_queue(request)
