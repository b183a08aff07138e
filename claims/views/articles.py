"""The article list and the import page; an article's own page is the workspace (views/workspace.py)."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from ..forms import ExportForm, ImportForm
from ..importing.metadata import ImportRefused, Metadata
from ..importing.pipeline import import_and_suggest
from ..jobs import start_import
from ..models import Article, Job
from ..permissions import can_import, permission_required


@require_GET
def article_list(request):
    articles = Article.objects.with_counts().select_related("imported_by")
    context = {
        "articles": articles,
        "form": ImportForm() if can_import(request.user) else None,
        "export_form": ExportForm(),
        "jobs": Job.objects.recent_for(request.user),
    }
    return render(request, "claims/article_list.html", context)


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
        options = {
            "filename": filename,
            "fmt": form.cleaned_data["format"],
            "meta": meta,
            "by": request.user,
            "allow_restore": request.user.has_perm("claims.delete_article"),
        }
        if len(data) > settings.JOB_IMPORT_BYTES:
            # A big file is read on the worker; the person watches its progress on the job's page.
            return redirect("claims:job_detail", job_id=start_import(data, **options).pk)
        try:
            article, _ = import_and_suggest(data, **options)
        except ImportRefused as refusal:
            form.add_error(form.error_field, str(refusal))
        else:
            return redirect("claims:article_detail", article_id=article.pk)
    return render(request, "claims/article_import.html", {"form": form})
