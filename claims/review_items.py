"""The review queue's items as HTML, written by plain Python: the queue is a reviewer's most frequent page
and each of its items has two forms: they were nine tenths of its time through the template engine
(bench/load_bench.py). The URLs are reversed once per page and the CSRF token read once; everything that
comes from an article or a person goes through escape()."""

from html import escape

from django.middleware.csrf import get_token
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.timesince import timesince
from django.utils.timezone import localtime

from . import wording
from .badges import badge_html

_SOME_ID = 987654321  # reversed, then replaced by each item's id


def render_items(request, labels, *, can_review):
    """The <li> of each label (from Label.objects.for_review()), joined."""
    urls = {name: reverse(f"claims:{name}", args=[_SOME_ID]).replace(str(_SOME_ID), "{}") for name in _URLS}
    page = {
        "urls": urls,
        "can_review": can_review,
        "user_id": request.user.pk,
        "hidden": (
            f'<input type="hidden" name="csrfmiddlewaretoken" value="{get_token(request)}">'
            f'<input type="hidden" name="next" value="{escape(request.get_full_path())}">'
        ),
    }
    return "".join(_item(label, **page) for label in labels)


_URLS = ("article_detail", "label_approve", "label_reject")


def _item(label, *, urls, can_review, user_id, hidden):
    pk, claim = label.pk, label.claim
    article_url = urls["article_detail"].format(claim.article_id)
    before, words, after = label.context_parts
    select = (
        f'<input type="checkbox" name="labels" value="{pk}" form="bulk-form" id="select-{pk}" '
        'aria-label="Select this proposal" data-select>'
        if can_review
        else ""
    )
    parts = [
        f'<li id="review-item-{pk}" class="review-item" tabindex="-1" data-review-item>'
        f'<div class="review-item__head">{select}{badge_html(label.verdict, label.status)}'
        f'<a href="{article_url}?claim={claim.pk}#sentence-{claim.sentence_id}" class="review-item__article">'
        f"{escape(Truncator(claim.article.title).chars(70))}</a>"
        f'<span class="muted">sentence {claim.sentence.number} · proposed by {escape(label.proposed_by.username)} '
        f'<time datetime="{localtime(label.proposed_at).isoformat()}">{timesince(label.proposed_at)} ago</time>'
        "</span></div>"
    ]
    stale = label.stale_changes
    if stale:
        parts.append(
            f'<p class="stale" role="note"><strong>Stale:</strong> the claim changed after this was proposed '
            f"({escape(', '.join(stale))}). It cannot be approved as it was.</p>"
        )
    if label.reused_from_id and label.reused_from:
        earlier = label.reused_from.claim
        parts.append(
            f'<p class="review-item__reused">Reuses the verdict approved for the same claim in '
            f'<a href="{article_url_of(urls, earlier)}">{escape(Truncator(earlier.article.title).chars(70))}</a>.</p>'
        )
    speaker = wording.speaker_line(claim.source) if claim.source else ""
    parts.append(
        f'<blockquote class="review-item__context">{escape(before, False)}<mark class="claim-span '
        f'verdict-{wording.verdict_key(label.verdict)}">{escape(words, False)}</mark>{escape(after, False)}'
        f'</blockquote><dl class="claim-facts"><dt>Speaker</dt><dd>{escape(speaker) or "not set"}</dd>'
        f"<dt>Channel</dt><dd>{escape(claim.channel) or '—'}</dd>"
        f"<dt>Rationale</dt><dd>{linebreaksbr(label.rationale) if label.rationale else '—'}</dd>"
        f"<dt>Evidence</dt><dd>{_evidence(label.evidence)}</dd></dl>"
    )
    if can_review and label.proposed_by_id == user_id:
        parts.append('<p class="muted">Your own proposal: someone else reviews it.</p>')
    elif can_review:
        approve, reject = urls["label_approve"].format(pk), urls["label_reject"].format(pk)
        disabled = " disabled" if stale else ""
        parts.append(
            f'<div class="review-item__actions">'
            f'<form method="post" action="{approve}" hx-post="{approve}" hx-target="#review-item-{pk}" '
            f'hx-swap="outerHTML">{hidden}<label for="approve-comment-{pk}">Note for the editor (optional)</label>'
            f'<input type="text" id="approve-comment-{pk}" name="comment" autocomplete="off">'
            f'<button type="submit" class="button button--primary" data-approve{disabled}>Approve</button></form>'
            f'<form method="post" action="{reject}" hx-post="{reject}" hx-target="#review-item-{pk}" '
            f'hx-swap="outerHTML" class="reject-form">{hidden}<label for="comment-{pk}">Reason for rejecting</label>'
            f'<input type="text" id="comment-{pk}" name="comment" required placeholder="The editor sees this." '
            f'data-reject-comment><button type="submit" class="button button--danger">Reject</button></form></div>'
        )
    parts.append("</li>")
    return "".join(parts)


def article_url_of(urls, claim):
    return f"{urls['article_detail'].format(claim.article_id)}?claim={claim.pk}#claim-{claim.pk}"


def _evidence(links):
    if not links:
        return "—"
    items = "".join(
        f'<li><a href="{escape(link)}" rel="noopener noreferrer nofollow">{escape(Truncator(link).chars(70))}</a></li>'
        for link in links
    )
    return f'<ul class="evidence">{items}</ul>'
