"""The workspace's sentence rows as HTML (claims/rows.py), from plain rows: no database."""

from claims.rows import render_body, render_row
from claims.workspace import ClaimRow, SentenceRow, SuggestionRow

TEXT = "The mayor said the <bridge> would reopen."
PAGE = {"current": None, "selected_claim": None, "can_annotate": True}


def sentence(pk=7, claims=(), suggestions=(), reviewed=False):
    return SentenceRow(pk, 3, 1, 100, 100 + len(TEXT), reviewed, TEXT, list(claims), list(suggestions))


def claim(pk, start, end, **fields):
    return ClaimRow(pk, 100 + start, 100 + end, None, fields.pop("speaker", ""), "", TEXT[start:end], **fields)


def test_a_plain_row_is_a_number_link_and_the_escaped_text():
    html = render_row(sentence(), **PAGE)
    assert html == (
        '<li id="sentence-7"><a href="?sentence=7">3</a><p>The mayor said the &lt;bridge&gt; would reopen.</p></li>'
    )


def test_only_the_current_row_has_the_mark_button_and_takes_focus_at_load():
    current = render_row(sentence(), **{**PAGE, "current": 7})
    assert 'class="is-current"' in current and " autofocus>" in current
    assert (
        '<button class="mark-button" form="mark-form" formaction="sentences/7/claims/">Mark as claim</button>'
        in current
    )
    swapped = render_row(sentence(), oob=True, **{**PAGE, "current": 7})
    assert 'hx-swap-oob="true"' in swapped and "autofocus" not in swapped
    assert "Mark as claim" not in render_row(sentence(), **{**PAGE, "current": 7, "can_annotate": False})


def test_claims_are_marked_in_segments_and_listed_with_speaker_and_badge():
    whole = claim(1, 0, len(TEXT), speaker="Mayor <Ann>", verdict="denied", status="approved")
    part = claim(2, 15, 27)
    html = render_row(sentence(claims=[whole, part]), **{**PAGE, "selected_claim": 2})
    assert '<mark class="claim-span verdict-denied depth-1" data-claims="1">The mayor said </mark>' in html
    assert '<mark class="claim-span verdict-none depth-2" data-claims="1 2">the &lt;bridge&gt;</mark>' in html
    assert "<b>Mayor &lt;Ann&gt;</b>" in html and "Denied · approved" in html
    assert '<li id="claim-2" class="is-selected"><a href="?claim=2"><b>Speaker not set</b> “the &lt;bridge&gt;”' in html


def test_a_rejected_label_is_shaded_and_named_as_no_verdict():
    html = render_row(sentence(claims=[claim(1, 0, len(TEXT), verdict="confirmed", status="rejected")]), **PAGE)
    assert "verdict-none" in html and "verdict-confirmed" not in html and "Rejected proposal: Confirmed" in html


def test_suggestions_show_for_editors_with_the_claim_they_would_fill():
    marked = claim(1, 0, len(TEXT))
    suggested = SuggestionRow(9, 115, 141, "The <mayor>", "said", "TASS", True, False, TEXT[15:41], for_claim=marked)
    row = sentence(claims=[marked], suggestions=[suggested])
    html = render_row(row, **PAGE)
    assert '<li data-suggestion="9"><b>The &lt;mayor&gt;</b> said · via TASS “the &lt;bridge&gt; would reopen.”' in html
    assert '<span class="flag">hedged</span>' in html and '<span class="flag">for the claim “The mayor said' in html
    assert "data-suggestion" not in render_row(row, **{**PAGE, "can_annotate": False})


def test_the_body_is_paragraphs_of_rows_or_a_note_when_the_filters_keep_none():
    body = render_body([(1, [sentence(7)]), (2, [sentence(8)])], **PAGE)
    assert body.count('<ol class="sentences">') == 2 and '<section class="paragraph" data-number="2">' in body
    assert render_body([], **PAGE) == '<p class="empty">No sentence matches these filters.</p>'
