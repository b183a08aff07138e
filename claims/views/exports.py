"""Downloads: one article in one format, or several articles and formats as a ZIP."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_POST

from ..exporting import FORMATS, export_article, export_zip, filename
from ..forms import ExportForm
from ..jobs import start_export
from ..permissions import get_article_for_user


def _download(content, name, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
def article_export(request, article_id):
    article = get_article_for_user(request.user, article_id)
    form = ExportForm(request.GET, single=True)
    if not form.is_valid():
        messages.error(request, form.error_text())
        return redirect("claims:article_detail", article_id=article.pk)
    fmt = form.cleaned_data["formats"][0]
    content = export_article(article.pk, fmt, approved_only=form.approved_only())
    return _download(content, filename(article, fmt), FORMATS[fmt].content_type)


@require_POST
def articles_export(request):
    """The article list's Export: the ticked articles in the chosen formats. One article comes at once
    (one file, or a ZIP of its formats); several are zipped by the worker, on the job's page."""
    form = ExportForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.error_text())
        return redirect("claims:article_list")
    articles = list(form.cleaned_data["articles"])
    formats = form.cleaned_data["formats"]
    if len(articles) > 1:
        job = start_export(articles, formats, approved_only=form.approved_only(), by=request.user)
        return redirect("claims:job_detail", job_id=job.pk)
    if len(formats) == 1:
        content = export_article(articles[0].pk, formats[0], approved_only=form.approved_only())
        return _download(content, filename(articles[0], formats[0]), FORMATS[formats[0]].content_type)
    content = export_zip(articles, formats, approved_only=form.approved_only())
    return _download(content, "workbench-export.zip", "application/zip")


@require_GET
def article_annotations(request, article_id):
    """The Web Annotation collection, served at its own id (the export's "id")."""
    article = get_article_for_user(request.user, article_id)
    content = export_article(article.pk, "webannotation")
    response = HttpResponse(content, content_type='application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"')
    response["X-Content-Type-Options"] = "nosniff"
    return response
