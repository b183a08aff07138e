from itertools import groupby

from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from ..forms import ExportForm, ImportForm
from ..importing.metadata import ImportRefused, Metadata
from ..importing.pipeline import import_and_suggest
from ..models import Article, HistoryEntry
from ..permissions import can_import, get_article_for_user, permission_required
from .workspace import Filters, load_sentences, panel_context

ACTIVITY_LIMIT = 20


@require_GET
def article_list(request):
    articles = Article.objects.with_counts().select_related("imported_by")
    return render(
        request,
        "claims/article_list.html",
        {"articles": articles, "form": ImportForm() if can_import(request.user) else None, "export_form": ExportForm()},
    )


@require_http_methods(["GET", "POST"])
@permission_required("add_article")
def article_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data, filename = form.payload()
        meta = Metadata(
            title=form.cleaned_data["title"],
            outlet=form.cleaned_data["outlet"],
            url=form.cleaned_data["url"],
            published=form.cleaned_data["published"],
            language=form.cleaned_data["language"],
        )
        try:
            article, _ = import_and_suggest(
                data, filename=filename, fmt=form.cleaned_data["format"], meta=meta, by=request.user,
                allow_restore=request.user.has_perm("claims.delete_article"),
            )
        except ImportRefused as refusal:
            form.add_error(form.error_field, str(refusal))
        else:
            return redirect("claims:article_detail", article_id=article.pk)
    return render(request, "claims/article_import.html", {"form": form})


@require_GET
def article_detail(request, article_id):
    """The workspace: sentences in paragraphs with their claims, progress, filters and the side panel."""
    article = get_article_for_user(request.user, article_id)
    return render(request, "claims/article_detail.html", workspace_context(request, article))


def workspace_context(request, article, *, form=None, error=""):
    """The whole page's context. `form` is an invalid ClaimForm to show in the panel instead of the
    selected claim's saved values."""
    sentences = load_sentences(article)
    filters = Filters.from_query(request.GET)
    claims = {claim.pk: claim for sentence in sentences for claim in sentence.active_claims}
    by_id = {sentence.pk: sentence for sentence in sentences}
    claim = claims.get(form.claim.pk if form is not None else _int(request.GET.get("claim")))
    current = by_id[claim.sentence_id] if claim else by_id.get(_int(request.GET.get("sentence")), sentences[0])
    if claim:
        claim.sentence = current
    visible = [sentence for sentence in sentences if filters.keeps(sentence)]
    speakers = sorted({c.source for c in claims.values() if c.source}, key=lambda source: source.name)
    return {
        **panel_context(request, article, sentence=current, claim=claim, form=form, error=error),
        "paragraphs": [(number, list(rows)) for number, rows in groupby(visible, key=lambda s: s.paragraph)],
        "sentence_count": len(sentences),
        "visible_count": len(visible),
        "progress": article.progress(),
        "activity": recent_activity(article),
        "filters": filters,
        "export_form": ExportForm(single=True),
        "speakers": speakers,
        "next_unlabelled": _next_unlabelled(sentences, after=current),
        "current_sentence_id": current.pk,
        "selected_claim_id": claim.pk if claim else None,
    }


def _next_unlabelled(sentences, *, after):
    """The first sentence after `after` (wrapping round) holding a claim without a label."""
    start = sentences.index(after) + 1
    for sentence in sentences[start:] + sentences[:start]:
        if any(claim.current_label is None for claim in sentence.active_claims):
            return sentence
    return None


def _int(value):
    return int(value) if value and value.isdigit() else None


def recent_activity(article):
    return list(HistoryEntry.objects.for_article(article.pk).with_actor()[:ACTIVITY_LIMIT])


@require_GET
@vary_on_headers("HX-Request")
def article_activity(request, article_id):
    """The recent-activity fragment, which htmx reloads after workspace actions."""
    article = get_article_for_user(request.user, article_id)
    if not request.htmx:
        return redirect("claims:article_detail", article_id=article.pk)
    return render(request, "claims/_activity.html", {"article": article, "activity": recent_activity(article)})
