"""Publishing: a reviewer's Publish and Unpublish, and the public fact-check page readers see without an
account. The page is the reader design (claims/exporting/html.py) with the approved verdicts, the date
of publication, corrections, and one schema.org ClaimReview per claim embedded as JSON-LD. It is kept in
the cache under the article's latest history entry, so any change to the article, its claims, labels or
speakers gives a new page; it sets no cookie and carries no form."""

import base64
import hashlib
from functools import cache as once

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db.models import Max, Q
from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import get_template
from django.views.decorators.http import require_GET, require_POST

from ..exporting import claimreview, default_options, html, snapshot
from ..exporting.common import public_url, to_json
from ..models import EditRefused, HistoryEntry, Publication
from ..permissions import get_article_for_user, permission_required

CACHE_SECONDS = 24 * 3600


@once
def _style_hash():
    """The CSP source of the reader page's one inline stylesheet, so the page needs no 'unsafe-inline'."""
    css = get_template("claims/export/reader.css").template.source
    return f"'sha256-{base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()}'"


@login_not_required
@require_GET
def public_page(request, slug):
    publication = get_object_or_404(Publication.objects.select_related("article"), slug=slug, withdrawn_at=None)
    article = publication.article
    latest = HistoryEntry.objects.filter(Q(article_id=article.pk) | Q(object_type="source")).aggregate(Max("id"))
    etag = f'"{publication.pk}-{latest["id__max"] or 0}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponseNotModified()
    else:
        key = f"public-page:{publication.slug}:{etag}"
        page = cache.get(key)
        if page is None:
            page = _render(publication)
            cache.set(key, page, CACHE_SECONDS)
        response = HttpResponse(page)
    response["ETag"] = etag
    response["Cache-Control"] = "no-cache"  # shared caches may keep it, but must ask again (the ETag)
    # A 304's headers replace the cached page's in the browser, its policy included.
    response._csp_update = {"style-src": [_style_hash()]}
    return response


def _render(publication):
    data = snapshot(publication.article_id, approved_only=True)
    options = default_options()
    reviews = [to_json(review).decode() for review in claimreview.reviews(data, options)]
    canonical = public_url(options.site_url, publication.slug)
    return html.reader_page(
        data, options, published=publication.published_at, canonical=canonical, claimreviews=reviews
    )


@require_POST
@permission_required("review_label")
def article_publish(request, article_id):
    article = get_article_for_user(request.user, article_id)
    try:
        Publication.publish(article, by=request.user)
    except EditRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "Published: readers see the approved verdicts on the public page.")
    return redirect("claims:article_detail", article_id=article.pk)


@require_POST
@permission_required("review_label")
def article_unpublish(request, article_id):
    article = get_article_for_user(request.user, article_id)
    publication = get_object_or_404(Publication, article=article)
    try:
        publication.unpublish(by=request.user)
    except EditRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "Unpublished: the public page now answers “not found”.")
    return redirect("claims:article_detail", article_id=article.pk)


@login_not_required
@require_GET
def public_text(request, slug):
    """The published article's text as the workbench holds it: what Web Annotation position selectors count."""
    publication = get_object_or_404(Publication.objects.select_related("article"), slug=slug, withdrawn_at=None)
    response = HttpResponse(publication.article.text, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
