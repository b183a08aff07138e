from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from ..filters import SourceOptionsForm, SourceSearchForm
from ..forms import SourceForm, SourceMergeForm
from ..models import EditRefused, HistoryEntry, Source, SourceAlias, SourceKind, StaleEdit
from ..permissions import permission_required

PAGE_SIZE = 50
OPTIONS_LIMIT = 10
HISTORY_LIMIT = 50


def _aliases():
    return Prefetch("aliases", queryset=SourceAlias.objects.only("pk", "source_id", "name"))


@require_GET
@vary_on_headers("HX-Request")
def source_list(request):
    q = SourceSearchForm(request.GET).cleaned_data["q"]
    sources = Source.objects.active().search(q).with_record().prefetch_related(_aliases())
    page = Paginator(sources, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "q": q, "can_add": request.user.has_perm("claims.add_source")}
    template = "claims/_source_results.html" if request.htmx else "claims/source_list.html"
    return render(request, template, context)


@require_GET
def source_search(request):
    """The source type-ahead: the same fragment for htmx and plain requests."""
    query = SourceOptionsForm(request.GET).cleaned_data
    q = " ".join(query["q"].split())
    sources = list(Source.objects.active().search(q)[:OPTIONS_LIMIT]) if q else []
    new_kinds = SourceKind.choices if query["new"] and q else []
    return render(request, "claims/_source_options.html", {"sources": sources, "q": q, "new_kinds": new_kinds})


def _detail_context(request, source, merge_form=None):
    can_change = request.user.has_perm("claims.change_source")
    if merge_form is None and can_change and not source.merged_into_id:
        merge_form = SourceMergeForm(source=source)
    return {
        "source": source,
        "aliases": list(source.aliases.all()),
        "claims": list(source.claims_made()),
        "history": list(HistoryEntry.objects.for_source(source.pk).with_actor()[:HISTORY_LIMIT]),
        "merge_form": merge_form,
        "can_change": can_change,
    }


def _get_source(source_id, *, record=False):
    sources = Source.objects.select_related("merged_into")
    if record:
        sources = sources.with_record()
    return get_object_or_404(sources, pk=source_id)


@require_GET
def source_detail(request, source_id):
    source = _get_source(source_id, record=True)
    return render(request, "claims/source_detail.html", _detail_context(request, source))


@require_http_methods(["GET", "POST"])
@permission_required("add_source")
def source_create(request):
    form = SourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        source = Source(**form.record_fields()).save_new(by=request.user, aliases=form.cleaned_data["aliases"])
        messages.success(request, f"Added “{source}” to the registry.")
        url = reverse("claims:source_detail", args=[source.pk])
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    template = "claims/_source_form.html" if request.htmx else "claims/source_form.html"
    return render(request, template, {"form": form, "source": None})


@require_http_methods(["GET", "POST"])
@permission_required("change_source")
def source_edit(request, source_id):
    source = _get_source(source_id)
    if source.merged_into_id:
        messages.info(request, f"“{source}” was merged into “{source.merged_into}”; edit that one instead.")
        return redirect("claims:source_detail", source_id=source.merged_into_id)
    saved = False
    form = SourceForm(request.POST or None, instance=source)
    if request.method == "POST" and form.is_valid():
        try:
            source.update_record(
                by=request.user,
                version=form.cleaned_data["version"],
                aliases=form.cleaned_data["aliases"],
                **form.record_fields(),
            )
        except StaleEdit as stale:
            # Show their version, keep the conflict message; the person re-applies the change.
            form = SourceForm(instance=_get_source(source_id))
            form.conflict = str(stale)
        except EditRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            if not request.htmx:
                messages.success(request, f"Saved “{source}”.")
                return redirect("claims:source_detail", source_id=source.pk)
            saved = True
            form = SourceForm(instance=_get_source(source_id))
    template = "claims/_source_form.html" if request.htmx else "claims/source_form.html"
    return render(request, template, {"form": form, "source": source, "saved": saved})


@require_POST
@permission_required("change_source")
def source_merge(request, source_id):
    source = _get_source(source_id, record=True)
    form = SourceMergeForm(request.POST, source=source)
    if form.is_valid():
        target = form.cleaned_data["target"]
        try:
            moved = source.merge_into(target, by=request.user)
        except EditRefused as refusal:
            form.add_error("target", str(refusal))
        else:
            claims = "1 claim" if moved == 1 else f"{moved} claims"
            messages.success(request, f"Merged “{source}” into “{target}”: {claims} moved.")
            url = reverse("claims:source_detail", args=[target.pk])
            return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    if request.htmx:
        return render(request, "claims/_source_merge_form.html", {"source": source, "merge_form": form})
    return render(request, "claims/source_detail.html", _detail_context(request, source, merge_form=form))
