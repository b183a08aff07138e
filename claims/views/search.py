"""The header's Search: articles, claims and sources in one page, grouped by kind, the words found marked."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..filters import SearchForm
from ..models import Source
from ..permissions import can_read
from ..search import Results, search


@require_GET
def search_page(request):
    form = SearchForm(request.GET)
    filters = form.cleaned_data
    results = search(**filters) if can_read(request.user) else Results([], [], [], [])
    speakers = Source.objects.active().filter(claims__isnull=False).distinct().only("pk", "name").order_by("name")
    return render(
        request, "claims/search.html", {"form": form, "filters": filters, "results": results, "speakers": speakers}
    )
