"""Workspace actions: mark, edit and remove claims; split, merge and tick off sentences.

Every action is a plain form POST that redirects back to the workspace; with htmx it answers with
the side panel and, out of band, the changed sentence row and the progress bar."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, trigger_client_event

from ..forms import ClaimForm
from ..models import Claim, EditRefused, Sentence, StaleEdit, Suggestion
from ..permissions import get_article_for_user, get_claim_for_editing, permission_required
from .articles import workspace_context
from .workspace import load_sentence, panel_context


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
    sentence = load_sentence(article, sentence_id)
    if claim is not None:
        claim = next((c for c in sentence.active_claims if c.pk == claim.pk), None)
    context = panel_context(request, article, sentence=sentence, claim=claim, form=form, error=error, notice=notice)
    context.update(progress=article.progress(), current_sentence_id=sentence.pk,
                   selected_claim_id=claim.pk if claim else None, oob=True)
    response = HttpResponse(render_to_string("claims/_action_response.html", context, request=request))
    return trigger_client_event(response, "historyChanged")


@require_GET
@vary_on_headers("HX-Request")
def workspace_panel(request, article_id):
    """The side panel for ?claim= or ?sentence=; only htmx asks for the fragment alone."""
    article = get_article_for_user(request.user, article_id)
    if not request.htmx:
        return redirect(f"{reverse('claims:article_detail', args=[article.pk])}?{request.GET.urlencode()}")
    claim_id, sentence_id = request.GET.get("claim", ""), request.GET.get("sentence", "")
    claim = None
    if claim_id.isdigit():
        claim = get_object_or_404(Claim.objects.active().with_labels(), pk=claim_id, article=article)
        sentence_id = str(claim.sentence_id)
    if not sentence_id.isdigit():
        sentence_id = str(article.sentences.values_list("pk", flat=True).first())
    sentence = load_sentence(article, int(sentence_id)) if article.sentences.filter(pk=sentence_id).exists() else None
    if sentence is None:
        return HttpResponse(status=404)
    if claim is not None:
        claim = next(c for c in sentence.active_claims if c.pk == claim.pk)
    return render(request, "claims/_panel.html", panel_context(request, article, sentence=sentence, claim=claim))


@require_POST
@permission_required("add_claim")
def claim_mark(request, article_id, sentence_id):
    """Mark as claim: the whole sentence, a selection (start/end offsets) or the given exact words."""
    article, sentence = _sentence(request, article_id, sentence_id)
    try:
        start, end = _requested_span(request.POST, sentence)
        claim = Claim.mark(sentence, by=request.user, start=start, end=end)
    except EditRefused as refusal:
        return _respond(request, article, sentence.pk, error=str(refusal))
    return _respond(request, article, sentence.pk, claim=claim, notice="Claim marked.")


def _sentence(request, article_id, sentence_id):
    """(article, sentence) from the URL; 404 unless the sentence belongs to the article."""
    article = get_article_for_user(request.user, article_id)
    sentence = get_object_or_404(Sentence, pk=sentence_id, article=article)
    sentence.article = article
    return article, sentence


def _requested_span(data, sentence):
    words = data.get("quote", "").strip()
    if words:
        return sentence.locate(words)
    start, end = data.get("start", ""), data.get("end", "")
    if start == end == "":
        return None, None
    if not (start.isdigit() and end.isdigit()):
        raise EditRefused("The selection could not be read; select the words again.")
    return int(start), int(end)


@require_POST
def claim_save(request, claim_id):
    claim = get_claim_for_editing(request.user, claim_id)
    article = claim.article
    form = ClaimForm(request.POST, claim=claim)
    if form.is_valid():
        try:
            form.save(by=request.user)
        except StaleEdit as stale:
            claim = get_claim_for_editing(request.user, claim_id)
            return _respond_invalid(request, claim, ClaimForm.for_claim(claim), error=str(stale))
        return _respond(request, article, claim.sentence_id, claim=claim, notice="Saved.")
    return _respond_invalid(request, claim, form)


def _respond_invalid(request, claim, form, *, error=""):
    """Invalid input changes nothing: the form comes back with its messages, status 200."""
    if request.htmx:
        context = panel_context(request, claim.article, sentence=load_sentence(claim.article, claim.sentence_id),
                                claim=claim, form=form, error=error)
        return render(request, "claims/_panel.html", context)
    return render(request, "claims/article_detail.html", workspace_context(request, claim.article, form=form, error=error))


@require_POST
def claim_remove(request, claim_id):
    claim = get_claim_for_editing(request.user, claim_id)
    version = request.POST.get("version", "")
    try:
        claim.remove(by=request.user, version=int(version) if version.isdigit() else 0)
    except StaleEdit as stale:
        return _respond(request, claim.article, claim.sentence_id, claim=claim, error=str(stale))
    return _respond(request, claim.article, claim.sentence_id, notice="Claim removed; its history is kept.")


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


def _reload(request, article, sentence, notice):
    messages.success(request, notice)
    url = workspace_url(article, sentence.pk)
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@require_POST
@permission_required("add_claim")
def suggestion_accept(request, suggestion_id):
    suggestion = get_object_or_404(Suggestion.objects.select_related("article", "sentence"), pk=suggestion_id)
    suggestion.sentence.article = suggestion.article
    try:
        claim = suggestion.accept(by=request.user)
    except EditRefused as refusal:
        return _respond(request, suggestion.article, suggestion.sentence_id, error=str(refusal))
    return _respond(request, suggestion.article, suggestion.sentence_id, claim=claim, notice="Suggestion accepted.")


@require_POST
@permission_required("add_claim")
def suggestion_dismiss(request, suggestion_id):
    suggestion = get_object_or_404(Suggestion.objects.select_related("article"), pk=suggestion_id)
    try:
        suggestion.dismiss(by=request.user)
    except EditRefused as refusal:
        return _respond(request, suggestion.article, suggestion.sentence_id, error=str(refusal))
    return _respond(request, suggestion.article, suggestion.sentence_id, notice="Suggestion dismissed.")


@require_POST
@permission_required("add_claim")
def suggestions_accept_speaker(request, suggestion_id):
    """Accept every pending suggestion of this article with the same speaker."""
    suggestion = get_object_or_404(Suggestion.objects.select_related("article", "sentence"), pk=suggestion_id)
    article = suggestion.article
    accepted = 0
    for each in article.suggestions.pending().filter(source_text=suggestion.source_text).select_related("sentence"):
        each.sentence.article = article
        try:
            each.accept(by=request.user)
            accepted += 1
        except EditRefused:
            continue  # decided meanwhile by someone else
    return _reload(request, article, suggestion.sentence, f"Accepted {accepted} suggestion{'s' if accepted != 1 else ''} from {suggestion.source_text}.")
