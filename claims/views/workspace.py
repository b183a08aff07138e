"""The workspace: one article's sentences with their claims, progress, filters and recent activity; the
side panel; and its actions: mark, edit and remove claims, split, merge and tick off sentences, accept
and dismiss suggestions.

Every action is a plain form POST that redirects back to the workspace; with htmx it answers with
the side panel and, out of band, the changed sentence row and the progress bar."""

from itertools import groupby

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, reswap, trigger_client_event

from .. import prior_checks
from ..compiled import Compiled
from ..filters import SelectionForm, WorkspaceFilterForm
from ..forms import ClaimForm, ExportForm, MarkForm, VersionForm
from ..jobs import start_suggestions
from ..models import Claim, EditRefused, HistoryEntry, Label, PriorCheck, Sentence, StaleEdit, Suggestion
from ..models.claims import was_given
from ..permissions import can_annotate, can_read, get_article_for_user, get_claim_for_editing, permission_required
from ..rows import render_body, render_row
from ..workspace import keeps, load_claim, load_panel, load_row, load_rows

ACTIVITY_LIMIT = 20
TIMELINE_LIMIT = 50


# The page, its panel and its activity


@require_GET
def article_detail(request, article_id):
    """The workspace: sentences in paragraphs with their claims, progress, filters and the side panel."""
    article = get_article_for_user(request.user, article_id)
    return render(request, "claims/article_detail.html", workspace_context(request, article))


def workspace_context(request, article, *, form=None, error=""):
    """The whole page's context. `form` is an invalid ClaimForm to show in the panel instead of the
    selected claim's saved values."""
    rows = load_rows(article)
    filters = WorkspaceFilterForm(request.GET)
    selected = SelectionForm(request.GET).cleaned_data
    claim = load_claim(article, form.claim.pk if form is not None else selected["claim"])
    # The panel shows the selected claim's sentence, else the selected sentence, else the first.
    by_id = {row.pk: row for row in rows}
    sentence = by_id[claim.sentence_id] if claim else by_id.get(selected["sentence"], rows[0])
    visible = [row for row in rows if keeps(row, **filters.cleaned_data)] if filters.active else rows
    page = row_page(request, current=sentence.pk, selected_claim=claim.pk if claim else None)
    paragraphs = [(number, list(group)) for number, group in groupby(visible, key=lambda row: row.paragraph)]
    return {
        **panel_context(request, article, sentence=sentence, claim=claim, form=form, error=error),
        "body": mark_safe(render_body(paragraphs, **page)),
        "sentence_count": len(rows),
        "visible_count": len(visible),
        "progress": article.progress(),
        "activity": recent_activity(article),
        "filters": filters,
        "export_form": ExportForm(single=True),
        "speakers": _speakers(rows),
        "next_unlabelled": _next_unlabelled(rows, after=sentence.pk),
        "current_sentence_id": sentence.pk,
        # For the page script's a and x keys, which decide the current row's first suggestion.
        "accept_url": _url_pattern("claims:suggestion_accept"),
        "dismiss_url": _url_pattern("claims:suggestion_dismiss"),
    }


def row_page(request, *, current, selected_claim):
    """What every sentence row takes from the page (claims/rows.py)."""
    return {"current": current, "selected_claim": selected_claim, "can_annotate": can_annotate(request.user)}


# An id no row has, reversed into a URL and then replaced by the row's own.
_SOME_ID = 987654321


def _url_pattern(name):
    """The URL `name` reverses to, its id left as "{}" for the page script to fill in."""
    return reverse(name, args=[_SOME_ID]).replace(str(_SOME_ID), "{}")


def _speakers(rows):
    """The sources the article's claims are linked to, by name: the "Said by" filter's choices."""
    named = {claim.source_id: claim.speaker for row in rows for claim in row.active_claims if claim.source_id}
    return sorted(({"pk": pk, "name": name} for pk, name in named.items()), key=lambda source: source["name"])


def _next_unlabelled(rows, *, after):
    """The first row after sentence `after` (wrapping round) holding a claim without a label."""
    start = next(index for index, row in enumerate(rows) if row.pk == after) + 1
    for row in rows[start:] + rows[:start]:
        if any(not claim.verdict for claim in row.active_claims):
            return row
    return None


def panel_context(request, article, *, sentence, claim=None, form=None, error="", notice=""):
    """Context of the side panel (_panel.html): the current sentence's tools and the selected claim
    with its timeline."""
    if claim is not None and form is None:
        form = ClaimForm.for_claim(claim)
    timeline = _timeline(claim) if claim else []
    checked_before = _checked_before(claim) if claim else []
    return {
        "checked_before": checked_before,
        "article": article,
        "sentence": sentence,
        "claim": claim,
        "form": form,
        "timeline": timeline,
        "error": error,
        "notice": notice,
        "can_annotate": can_annotate(request.user),
    }


def _timeline(claim):
    """The claim's timeline, newest first; already known for a claim just marked (Claim.mark)."""
    return list(claim.history.all()) if was_given(claim, "history") else _TIMELINE.objects(claim=claim.pk)


def _checked_before(claim):
    """The claim's earlier checks with what the panel shows of each; already loaded for a claim just
    marked (Claim.mark)."""
    if was_given(claim, "prior_checks"):
        return list(claim.prior_checks.all())
    shown = claim.prior_checks.select_related("earlier__article", "earlier__source", "label")
    return list(shown.defer("earlier__article__text"))


@require_GET
@vary_on_headers("HX-Request")
def workspace_panel(request, article_id):
    """The side panel for ?claim= or ?sentence=; only htmx asks for the fragment alone."""
    article = get_article_for_user(request.user, article_id)
    if not request.htmx:
        return redirect(f"{reverse('claims:article_detail', args=[article.pk])}?{request.GET.urlencode()}")
    selected = SelectionForm(request.GET).cleaned_data
    sentence, claim = load_panel(article, sentence_id=selected["sentence"], claim_id=selected["claim"])
    if sentence is None:
        raise Http404("No such claim or sentence in this article.")
    context = panel_context(request, article, sentence=sentence, claim=claim)
    if claim is not None and request.GET.get("part") == "timeline":
        return render(request, "claims/_claim_timeline.html", {**context, "oob": True})
    return render(request, "claims/_panel.html", context)


def recent_activity(article):
    return _ACTIVITY.objects(article=article.pk)


# Read on every open and action, compiled once (claims.compiled).
_TIMELINE = Compiled(lambda claim: HistoryEntry.objects.for_claim(claim).for_timeline()[:TIMELINE_LIMIT], claim=int)
_ACTIVITY = Compiled(
    lambda article: HistoryEntry.objects.for_article(article).for_timeline()[:ACTIVITY_LIMIT], article=int
)


@require_GET
@vary_on_headers("HX-Request")
def article_activity(request, article_id):
    """The recent-activity fragment, which htmx reloads after workspace actions."""
    article = get_article_for_user(request.user, article_id)
    if not request.htmx:
        return redirect("claims:article_detail", article_id=article.pk)
    return render(request, "claims/_activity.html", {"article": article, "activity": recent_activity(article)})


# How actions answer


def workspace_url(article, sentence_id, *, claim=None):
    url = reverse("claims:article_detail", args=[article.pk])
    selected = f"claim={claim.pk}" if claim is not None else f"sentence={sentence_id}"
    return f"{url}?{selected}#sentence-{sentence_id}"


def _respond(request, article, sentence_id, *, claim=None, form=None, error="", notice=""):
    """htmx: the panel plus the sentence row and progress out of band. Plain: back to the workspace."""
    if not request.htmx:
        if error:
            messages.error(request, error)
        elif notice:
            messages.success(request, notice)
        return redirect(workspace_url(article, sentence_id, claim=claim))
    row, claim = load_panel(article, sentence_id=sentence_id, claim_id=claim.pk if claim else None)
    return _panel_response(request, article, row, claim, form=form, error=error, notice=notice)


def _panel_response(request, article, row, claim, **panel):
    """htmx: the panel of sentence `row` (a SentenceRow) and `claim`, with the row and progress out of band."""
    context = panel_context(request, article, sentence=row, claim=claim, **panel)
    context.update(progress=article.progress(), row=_row_out_of_band(request, row, claim), oob=True)
    response = HttpResponse(render_to_string("claims/_action_response.html", context, request=request))
    return trigger_client_event(response, "historyChanged")


def _row_out_of_band(request, row, claim):
    """The sentence row (a SentenceRow) as the action left it, for htmx to swap in out of band."""
    page = row_page(request, current=row.pk, selected_claim=claim.pk if claim else None)
    return mark_safe(render_row(row, oob=True, **page))


def _respond_invalid(request, claim, form, *, error=""):
    """Invalid input changes nothing: the form comes back with its messages, status 200."""
    if request.htmx:
        context = panel_context(
            request, claim.article, sentence=load_row(claim.sentence), claim=claim, form=form, error=error
        )
        return render(request, "claims/_panel.html", context)
    context = workspace_context(request, claim.article, form=form, error=error)
    return render(request, "claims/article_detail.html", context)


def _reload(request, article, sentence, notice):
    messages.success(request, notice)
    url = workspace_url(article, sentence.pk)
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


# Claims


def _sentence(request, article_id, sentence_id):
    """(article, sentence) from the URL, in one query; 404 unless the user may read the article
    (get_article_for_user) and the sentence belongs to it."""
    if not can_read(request.user):
        raise Http404("No such article.")
    sentence = _SENTENCE.one_or_404("No such sentence in this article.", pk=int(sentence_id), article=int(article_id))
    sentence.article.passage = (sentence.start, sentence.text)  # what a claim in it quotes (Article.excerpt)
    return sentence.article, sentence


# Of the article's text, only the sentence: the rest is read if an action needs it (a split, a merge).
_SENTENCE = Compiled(
    lambda pk, article: (
        Sentence.objects.select_related("article__publication").defer("article__text").filter(pk=pk, article_id=article)
    ),
    pk=int,
    article=int,
)


@require_POST
@permission_required("add_claim")
def claim_mark(request, article_id, sentence_id):
    """Mark as claim: the whole sentence, a selection (start/end offsets) or the given exact words."""
    article, sentence = _sentence(request, article_id, sentence_id)
    try:
        start, end = MarkForm(request.POST).span(sentence)
        claim = Claim.mark(sentence, by=request.user, start=start, end=end)
    except EditRefused as refusal:
        return _respond(request, article, sentence.pk, error=str(refusal))
    prior_checks.enqueue_for(claim)
    if not request.htmx:
        return _respond(request, article, sentence.pk, claim=claim, notice="Claim marked.")
    # The claim as marked, with its sentence: nothing of either to read again (see Claim.mark).
    claim.article = article
    return _panel_response(request, article, load_row(sentence), claim, notice="Claim marked.")


@require_POST
def claim_save(request, claim_id):
    claim = get_claim_for_editing(request.user, claim_id)
    article = claim.article
    form = ClaimForm(request.POST, claim=claim)
    if form.is_valid():
        span, source = (claim.start, claim.end), form.cleaned_data["source"]
        as_typed = source is None or source.pk is not None  # no new source to show in the form
        labelled = claim.current_label is not None
        try:
            form.save(by=request.user)
        except StaleEdit as stale:
            claim = get_claim_for_editing(request.user, claim_id)
            return _respond_invalid(request, claim, ClaimForm.for_claim(claim), error=str(stale))
        if (claim.start, claim.end) != span:
            prior_checks.enqueue_for(claim)  # other words may have been checked before
        if request.htmx and as_typed and (claim.start, claim.end) == span:
            return _respond_saved(request, article, claim, was_labelled=labelled)
        return _respond(request, article, claim.sentence_id, claim=claim, notice="Saved.")
    return _respond_invalid(request, claim, form)


def _respond_saved(request, article, claim, *, was_labelled):
    """htmx, when the saved form already shows what was saved: only what changed (the sentence row, the
    form's version, the review note, a notice and, when the claim gained or lost its label, the
    counters) goes back; the timeline and recent activity reload themselves on historyChanged. `claim`
    is the one just saved, as the save left it."""
    row = load_row(claim.sentence)
    # The row read the claim's label state; only a reviewer's decision has a note to load.
    (shown,) = [row_claim for row_claim in row.active_claims if row_claim.pk == claim.pk]
    decided = shown.status in (Label.Status.APPROVED, Label.Status.REJECTED)
    context = {
        "claim": claim,
        "label": claim.current_label if decided else None,
        "notice": "Saved.",
        "row": _row_out_of_band(request, row, claim),
        # An editor's save changes no count but the labelled claims'.
        "progress": article.progress() if bool(shown.verdict) != was_labelled else None,
        "oob": True,
    }
    response = reswap(render(request, "claims/_claim_saved.html", context), "none")
    return trigger_client_event(response, "historyChanged")


@require_POST
def claim_remove(request, claim_id):
    claim = get_claim_for_editing(request.user, claim_id)
    try:
        claim.remove(by=request.user, version=VersionForm(request.POST).cleaned_data["version"])
    except StaleEdit as stale:
        return _respond(request, claim.article, claim.sentence_id, claim=claim, error=str(stale))
    return _respond(request, claim.article, claim.sentence_id, notice="Claim removed; its history is kept.")


# Sentences


@require_POST
@permission_required("change_sentence")
def sentence_reviewed(request, article_id, sentence_id):
    article, sentence = _sentence(request, article_id, sentence_id)
    sentence.set_reviewed(request.POST.get("reviewed") == "1", by=request.user)
    return _respond(request, article, sentence.pk)


@require_POST
@permission_required("change_sentence")
def sentence_split(request, article_id, sentence_id):
    """Split before the given words. Numbers of every later sentence change, so htmx reloads the page."""
    article, sentence = _sentence(request, article_id, sentence_id)
    try:
        offset, _ = sentence.locate(request.POST.get("before", ""))
        sentence.split_at(offset, by=request.user)
    except EditRefused as refusal:
        return _respond(request, article, sentence.pk, error=str(refusal))
    return _reload(request, article, sentence, "Sentence split in two.")


@require_POST
@permission_required("change_sentence")
def sentence_merge(request, article_id, sentence_id):
    article, sentence = _sentence(request, article_id, sentence_id)
    try:
        sentence.merge_with_next(by=request.user)
    except EditRefused as refusal:
        return _respond(request, article, sentence.pk, error=str(refusal))
    return _reload(request, article, sentence, "Sentences merged.")


# Suggestions


def _suggestion(suggestion_id):
    return get_object_or_404(Suggestion.objects.select_related("article", "sentence"), pk=suggestion_id)


@require_POST
@permission_required("add_claim")
def suggestion_accept(request, suggestion_id):
    suggestion = _suggestion(suggestion_id)
    try:
        claim = suggestion.accept(by=request.user)
    except EditRefused as refusal:
        return _respond(request, suggestion.article, suggestion.sentence_id, error=str(refusal))
    prior_checks.enqueue_for(claim)
    return _respond(request, suggestion.article, suggestion.sentence_id, claim=claim, notice="Suggestion accepted.")


@require_POST
@permission_required("add_claim")
def suggestion_dismiss(request, suggestion_id):
    suggestion = _suggestion(suggestion_id)
    try:
        suggestion.dismiss(by=request.user)
    except EditRefused as refusal:
        return _respond(request, suggestion.article, suggestion.sentence_id, error=str(refusal))
    return _respond(request, suggestion.article, suggestion.sentence_id, notice="Suggestion dismissed.")


@require_POST
@permission_required("add_claim")
def suggestions_accept_speaker(request, suggestion_id):
    """Accept every pending suggestion of this article with the same speaker."""
    suggestion = _suggestion(suggestion_id)
    claims, _ = suggestion.same_speaker().accept(by=request.user)
    accepted = len(claims)
    notice = f"Accepted {accepted} suggestion{'s' if accepted != 1 else ''} from {suggestion.source_text}."
    return _reload(request, suggestion.article, suggestion.sentence, notice)


@require_POST
@permission_required("add_claim")
def suggestions_run(request, article_id):
    """Run the attribution suggestions again over the whole article, on the worker: the pending ones are
    replaced; claims and decided suggestions stay as they are."""
    article = get_article_for_user(request.user, article_id)
    return redirect("claims:job_detail", job_id=start_suggestions(article, by=request.user).pk)


@require_POST
def claim_reuse(request, claim_id, prior_id):
    """Reuse this verdict: propose the earlier check's verdict, rationale and evidence, linked to it."""
    claim = get_claim_for_editing(request.user, claim_id)
    prior = get_object_or_404(PriorCheck.objects.select_related("label", "earlier__article"), pk=prior_id, claim=claim)
    earlier = prior.label
    reused = {"verdict": earlier.verdict, "rationale": earlier.rationale, "evidence": earlier.evidence}
    try:
        claim.annotate(
            by=request.user,
            version=VersionForm(request.POST).cleaned_data["version"],
            changes={},
            label={**reused, "reused_from": earlier},
        )
    except StaleEdit as stale:
        return _respond(request, claim.article, claim.sentence_id, claim=claim, error=str(stale))
    notice = f"Proposed {earlier.get_verdict_display()}, reusing the check in “{prior.earlier.article.title[:60]}”."
    return _respond(request, claim.article, claim.sentence_id, claim=claim, notice=notice)
