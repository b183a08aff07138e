"""The workspace (views/workspace.py): the page, its panel and activity, and its actions on claims, sentences
and suggestions: permissions, plain and htmx responses, bad input, query counts."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim, HistoryEntry, Label, Sentence, Source, Suggestion
from claims.permissions import get_claim_for_editing
from tests.factories import create_article, create_claim, create_label, create_source

HTMX = {"HTTP_HX_REQUEST": "true"}
ACTION_QUERIES = 20
# An htmx Mark: session, user, permissions, the sentence with its article, the write (claim, history
# entry, in a savepoint of the test's transaction), the prior-check task, the row's claims and
# suggestions and progress: the new claim's labels, checks and timeline (its creation) are not read.
MARK_QUERIES = 11
# An htmx Save: session, user, the claim with its labels, permissions, the write (version check,
# proposal withdrawn, label, one history entry, in a savepoint of the test's transaction), the row's
# claims and suggestions, and progress (2).
SAVE_QUERIES = 15
# The page: session, user, article; its rows' sentences, claims (with their labels) and pending
# suggestions; the selected claim with its labels; permissions, progress (2), the claim's timeline and
# recent activity.
PAGE_QUERIES = 13


@pytest.fixture
def article(db):
    return create_article(sentences=6)


@pytest.fixture
def sentence(article):
    return article.sentences.get(number=2)


@pytest.fixture
def claim(sentence, editor):
    return create_claim(sentence=sentence, by=editor)


def mark_url(sentence):
    return reverse("claims:claim_mark", args=[sentence.article_id, sentence.pk])


def save_url(claim):
    return reverse("claims:claim_save", args=[claim.pk])


def save_data(claim, **changes):
    data = {
        "version": claim.version,
        "quote": "",
        "speaker": "",
        "speaker_id": "",
        "channel": "",
        "cue": "",
        "verdict": "",
        "rationale": "",
        "evidence": "",
        "speaker_is": "existing",
    }
    data.update(changes)
    return data


# The page


def test_workspace_shows_claims_in_place_with_speaker_channel_and_label(client, editor, claim, reviewer):
    source = create_source(name="Andrii Yusov")
    Claim.objects.filter(pk=claim.pk).update(source=source, channel="Suspilne")
    create_label(claim=claim, by=editor, verdict="denied")
    client.force_login(reviewer)
    body = client.get(reverse("claims:article_detail", args=[claim.article_id])).content.decode()
    assert 'class="claim-span verdict-denied' in body
    assert "Andrii Yusov" in body and "via Suspilne" in body and "Denied · proposed" in body


def test_filters_keep_only_matching_sentences(client, editor, claim):
    client.force_login(editor)
    url = reverse("claims:article_detail", args=[claim.article_id])
    assert client.get(url).context["visible_count"] == 6
    assert client.get(url, {"show": "claims"}).context["visible_count"] == 1
    assert client.get(url, {"show": "unlabelled"}).context["visible_count"] == 1
    assert client.get(url, {"label": "confirmed"}).context["visible_count"] == 0
    create_label(claim=claim, by=editor, verdict="confirmed")
    assert client.get(url, {"label": "confirmed"}).context["visible_count"] == 1
    assert client.get(url, {"show": "unlabelled"}).context["visible_count"] == 0
    assert client.get(url, {"speaker": "999"}).context["visible_count"] == 0


def test_next_unlabelled_jumps_forward_and_wraps(client, editor, article):
    first, fifth = article.sentences.get(number=1), article.sentences.get(number=5)
    create_claim(sentence=first, by=editor)
    create_claim(sentence=fifth, by=editor)
    client.force_login(editor)
    url = reverse("claims:article_detail", args=[article.pk])
    assert client.get(url, {"sentence": first.pk}).context["next_unlabelled"].pk == fifth.pk
    assert client.get(url, {"sentence": fifth.pk}).context["next_unlabelled"].pk == first.pk


@pytest.mark.parametrize("sentences, claims", [(20, 5), (5000, 1000)])
def test_workspace_query_count_does_not_grow(client, editor, django_assert_max_num_queries, sentences, claims):
    article = create_article(sentences=sentences)
    source = create_source(name="Speaker")
    rows = list(article.sentences.all()[:claims])
    created = Claim.objects.bulk_create(
        [Claim(article=article, sentence=s, start=s.start, end=s.end, source=source) for s in rows]
    )
    Label.objects.bulk_create(
        [Label(claim=c, verdict="unverified", proposed_by=editor, claim_version=1) for c in created[::2]]
    )
    client.force_login(editor)
    with django_assert_max_num_queries(PAGE_QUERIES):
        response = client.get(reverse("claims:article_detail", args=[article.pk]), {"claim": created[-1].pk})
    assert response.context["progress"].claims == claims
    assert response.context["progress"].labelled == len(created[::2])


def _suggested_article(sentences):
    article = create_article(sentences=sentences)
    Suggestion.objects.bulk_create(
        Suggestion(article=article, sentence=s, start=s.start, end=s.end, source_text="The <b>mayor</b>",
                   source_start=s.start, source_end=s.start + 3, cue="said", channel="<i>TASS</i>")
        for s in article.sentences.all()
    )  # fmt: skip
    return article


def test_rows_carry_no_form_or_token_of_their_own(client, editor):
    # A transcript's page stays light: the rows' controls share the page's few forms.
    client.force_login(editor)
    counts = []
    for sentences in (20, 400):
        article = _suggested_article(sentences)
        body = client.get(reverse("claims:article_detail", args=[article.pk])).content.decode()
        assert body.count("data-suggestion=") == sentences
        counts.append((body.count('name="csrfmiddlewaretoken"'), body.count("<form"), body.count("<button")))
    assert counts[0] == counts[1]


def test_only_the_current_row_carries_the_mark_button(client, editor):
    article = create_article(sentences=5)
    third = article.sentences.get(number=3)
    client.force_login(editor)
    url = reverse("claims:article_detail", args=[article.pk])
    for query, current in (({}, article.sentences.get(number=1)), ({"sentence": third.pk}, third)):
        body = client.get(url, query).content.decode()
        row = body[body.index(f'<li id="sentence-{current.pk}"') :]
        row = row[: row.index("</li>")]
        assert body.count(">Mark as claim</button>") == 1
        assert f'formaction="sentences/{current.pk}/claims/">Mark as claim</button>' in row


def test_rows_escape_what_people_and_files_wrote(client, editor):
    article = _suggested_article(2)
    create_claim(sentence=article.sentences.first(), source=create_source(name="<script>x</script>"))
    client.force_login(editor)
    body = client.get(reverse("claims:article_detail", args=[article.pk])).content.decode()
    assert "<script>x" not in body and "&lt;script&gt;x&lt;/script&gt;" in body
    assert "<b>mayor" not in body and "The &lt;b&gt;mayor&lt;/b&gt;" in body and "&lt;i&gt;TASS" in body


def test_panel_lists_the_sentences_suggestions_with_decisions_named_for_them(client, editor):
    article = _suggested_article(2)
    suggestion = Suggestion.objects.filter(article=article).first()
    client.force_login(editor)
    url = reverse("claims:workspace_panel", args=[article.pk])
    body = client.get(url, {"sentence": suggestion.sentence_id}, **HTMX).content.decode()
    assert 'aria-label="Accept: The &lt;b&gt;mayor&lt;/b&gt; said"' in body
    assert 'aria-label="Dismiss: The &lt;b&gt;mayor&lt;/b&gt; said"' in body
    assert reverse("claims:suggestion_accept", args=[suggestion.pk]) in body
    assert reverse("claims:suggestions_accept_speaker", args=[suggestion.pk]) in body


def test_article_page_shows_numbered_sentences_in_paragraphs(client, outsider):
    article = create_article(text="First one. Second one.\n\nThird <b>one</b>.", title="T")
    client.force_login(outsider)
    response = client.get(reverse("claims:article_detail", args=[article.pk]))
    body = response.content.decode()
    assert '<section class="paragraph" data-number="1">' in body and 'data-number="2"' in body
    assert f'id="sentence-{article.sentences.get(number=3).pk}"' in body
    assert "Third &lt;b&gt;one&lt;/b&gt;." in body  # user text is escaped


def test_article_page_404_for_missing_article(client, editor):
    client.force_login(editor)
    assert client.get(reverse("claims:article_detail", args=[999])).status_code == 404


def test_article_page_is_read_only(client, editor):
    article = create_article()
    client.force_login(editor)
    assert client.post(reverse("claims:article_detail", args=[article.pk])).status_code == 405


@pytest.mark.parametrize("sentences", [20, 2000])
def test_article_page_query_count_does_not_grow(client, editor, django_assert_max_num_queries, sentences):
    article = create_article(sentences=sentences)
    client.force_login(editor)
    with django_assert_max_num_queries(PAGE_QUERIES):
        response = client.get(reverse("claims:article_detail", args=[article.pk]))
    assert response.context["sentence_count"] == sentences


# Mark as claim


def test_editor_marks_a_whole_sentence(client, editor, sentence):
    client.force_login(editor)
    response = client.post(mark_url(sentence))
    claim = Claim.objects.get()
    assert (claim.start, claim.end, claim.created_by) == (sentence.start, sentence.end, editor)
    assert response.status_code == 302 and f"claim={claim.pk}" in response["Location"]
    assert HistoryEntry.objects.filter(claim=claim, action="created", actor=editor).exists()


def test_mark_narrows_to_a_selection_or_exact_words(client, editor, sentence):
    client.force_login(editor)
    client.post(mark_url(sentence), {"start": 12, "end": 16})  # offsets into the sentence
    client.post(mark_url(sentence), {"quote": "the bridge would reopen"})
    first, second = Claim.objects.order_by("pk")
    assert first.text == sentence.text[12:16]
    assert second.text == "the bridge would reopen" and second.sentence == sentence


@pytest.mark.parametrize("data", [{"start": "0", "end": "9999"}, {"start": "x", "end": "3"}, {"quote": "not in it"}])
def test_mark_refuses_a_span_outside_the_sentence(client, editor, sentence, data):
    client.force_login(editor)
    response = client.post(mark_url(sentence), data, **HTMX)
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert Claim.objects.count() == 0


def test_htmx_mark_returns_panel_row_and_progress_fragments(client, editor, sentence, django_assert_max_num_queries):
    client.force_login(editor)
    with django_assert_max_num_queries(ACTION_QUERIES):
        response = client.post(mark_url(sentence), **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert 'id="panel"' in body
    assert f'id="sentence-{sentence.pk}"' in body and 'id="progress"' in body
    assert body.count('hx-swap-oob="true"') == 2


def test_htmx_mark_answers_the_panel_a_reload_shows(client, editor, sentence, django_assert_max_num_queries):
    # The answer is built from the claim as marked, read from nowhere: it must be the panel as stored.
    client.force_login(editor)
    with django_assert_max_num_queries(MARK_QUERIES):
        marked = client.post(mark_url(sentence), **HTMX).content.decode()
    claim = Claim.objects.get()
    url = reverse("claims:workspace_panel", args=[sentence.article_id])
    reloaded = client.get(url, {"claim": claim.pk}, **HTMX).content.decode()
    panel = marked[: marked.index("</aside>") + len("</aside>")]
    assert "Claim marked." in panel
    assert _comparable(panel) == _comparable(reloaded)


def _comparable(panel):
    """The panel without its messages and with one CSRF token (each response masks it anew)."""
    panel = re.sub(r'<div id="panel-messages".*?</div>', "", panel.strip(), flags=re.S)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', 'name="csrfmiddlewaretoken"', panel)


def test_outsider_cannot_mark(client, outsider, sentence):
    client.force_login(outsider)
    assert client.post(mark_url(sentence)).status_code == 403
    assert Claim.objects.count() == 0


def test_mark_on_a_sentence_of_another_article_is_404(client, editor, sentence):
    other = create_article(sentences=2)
    client.force_login(editor)
    url = reverse("claims:claim_mark", args=[other.pk, sentence.pk])
    assert client.post(url).status_code == 404


def test_mark_rejects_get_and_enforces_csrf(editor, sentence):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.get(mark_url(sentence)).status_code == 405
    assert client.post(mark_url(sentence)).status_code == 403
    assert Claim.objects.count() == 0


# Save


def test_editor_saves_speaker_channel_and_label(client, editor, claim):
    source = create_source(name="Andrii Yusov")
    source.aliases.create(name="Yusov", name_folded="yusov")
    client.force_login(editor)
    response = client.post(
        save_url(claim),
        save_data(
            claim,
            speaker="yusov",
            channel="Suspilne",
            cue="told",
            verdict="unverified",
            rationale="Only his word.",
            evidence="https://example.com/a\nhttps://example.com/b",
        ),
    )
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.source, claim.channel, claim.cue, claim.version) == (source, "Suspilne", "told", 2)
    label = claim.labels.get()
    assert (label.verdict, label.status, label.proposed_by, label.claim_version) == (
        "unverified",
        "proposed",
        editor,
        2,
    )
    assert label.evidence == ["https://example.com/a", "https://example.com/b"]
    assert HistoryEntry.objects.filter(claim=claim, action="proposed").count() == 1


def test_save_creates_a_new_source_inline(client, editor, claim):
    client.force_login(editor)
    client.post(
        save_url(claim),
        save_data(
            claim,
            speaker="Andrii Yusov",
            speaker_is="person",
            new_role="spokesperson",
            new_affiliation="Ukraine's military intelligence",
        ),
    )
    source = Source.objects.get()
    assert (source.name, source.role, source.affiliation) == (
        "Andrii Yusov",
        "spokesperson",
        "Ukraine's military intelligence",
    )
    assert Claim.objects.get(pk=claim.pk).source == source


def test_the_speaker_is_choice_stays_hidden_until_it_matters(client, editor, claim):
    client.force_login(editor)
    body = client.get(reverse("claims:article_detail", args=[claim.article_id]), {"claim": claim.pk}).content.decode()
    assert '<fieldset class="speaker-is" id="speaker-is" aria-describedby="id_speaker_is_helptext" hidden>' in body
    assert 'data-search-url="/sources/search/?new=1"' in body and 'data-kind-field="speaker_is"' in body


@pytest.mark.parametrize("headers", [{}, HTMX], ids=["plain", "htmx"])
def test_unknown_speaker_name_is_refused_with_the_choice_of_a_new_source(client, editor, claim, headers):
    client.force_login(editor)
    response = client.post(save_url(claim), save_data(claim, speaker="Nobody Known"), **headers)
    body = response.content.decode()
    assert response.status_code == 200 and ("<html" in body) == (not headers)
    assert "No source is called “Nobody Known” yet. Check the spelling, or choose below" in body
    assert '<fieldset class="speaker-is" id="speaker-is" aria-describedby="id_speaker_is_helptext">' in body
    assert 'value="existing" class="speaker-is__choices" id="id_speaker_is_0" checked' in body
    assert "A new person" in body and "A new organisation" in body
    assert Source.objects.count() == 0 and Claim.objects.get(pk=claim.pk).version == 1


def test_without_javascript_the_second_save_creates_the_kind_chosen(client, editor, claim):
    # The plain form: Save refuses the unknown name and offers the choice; choosing it and saving again adds
    # the source, even though the hidden id still holds the claim's earlier speaker.
    earlier = create_source(name="Dmitry Peskov")
    Claim.objects.filter(pk=claim.pk).update(source=earlier)
    client.force_login(editor)
    data = save_data(claim, speaker="Russian Volunteer Corps", speaker_id=earlier.pk)
    assert "No source is called" in client.post(save_url(claim), data).content.decode()
    data.update(speaker_is="organisation", new_role="armed group")
    response = client.post(save_url(claim), data)
    assert response.status_code == 302
    source = Claim.objects.get(pk=claim.pk).source
    assert (source.name, source.kind, source.role) == ("Russian Volunteer Corps", "organisation", "armed group")


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"speaker": "X", "speaker_id": "999"}, "speaker"),
        ({"verdict": "mostly-true"}, "verdict"),
        ({"verdict": "denied", "evidence": "javascript:alert(1)"}, "evidence"),
        ({"verdict": "denied", "evidence": "ftp://example.com/x"}, "evidence"),
        ({"rationale": "why"}, "verdict"),
        ({"quote": "words that are not there"}, "quote"),
        ({"version": "abc"}, "version"),
    ],
)
def test_bad_input_is_refused_next_to_the_field_and_changes_nothing(client, editor, claim, changes, field):
    client.force_login(editor)
    before = HistoryEntry.objects.count()
    response = client.post(save_url(claim), save_data(claim, channel="Changed", **changes), **HTMX)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert "<html" not in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).channel == "" and Label.objects.count() == 0
    assert HistoryEntry.objects.count() == before


def test_invalid_plain_post_re_renders_the_page_with_the_message(client, editor, claim):
    client.force_login(editor)
    response = client.post(save_url(claim), save_data(claim, verdict="denied", evidence="javascript:alert(1)"))
    assert response.status_code == 200
    assert "is not an http:// or https:// link" in response.content.decode()
    assert "<html" in response.content.decode()


def test_save_respans_the_claim_with_exact_words(client, editor, claim):
    client.force_login(editor)
    client.post(save_url(claim), save_data(claim, quote="the bridge would reopen"))
    claim.refresh_from_db()
    assert claim.text == "the bridge would reopen"
    entry = HistoryEntry.objects.get(claim=claim, action="updated")
    assert entry.before["start"] != entry.after["start"]


def test_stale_save_is_refused_instead_of_overwriting(client, editor, second_editor, claim):
    client.force_login(second_editor)
    client.post(save_url(claim), save_data(claim, channel="Telegram"))
    client.force_login(editor)
    response = client.post(save_url(claim), save_data(claim, channel="Suspilne"), **HTMX)
    assert "Someone else changed this claim" in response.content.decode()
    assert Claim.objects.get(pk=claim.pk).channel == "Telegram"


def test_revised_label_replaces_the_open_proposal(client, editor, claim):
    client.force_login(editor)
    client.post(save_url(claim), save_data(claim, verdict="unverified"))
    client.post(save_url(claim), save_data(claim, verdict="denied", rationale="Footage disproves it."))
    client.post(save_url(claim), save_data(claim, verdict="denied", rationale="Footage disproves it."))
    statuses = list(claim.labels.order_by("pk").values_list("verdict", "status"))
    assert statuses == [("unverified", "withdrawn"), ("denied", "proposed")]


def test_htmx_save_returns_fragments_under_a_fixed_ceiling(client, editor, claim, django_assert_max_num_queries):
    client.force_login(editor)
    with django_assert_max_num_queries(SAVE_QUERIES):
        response = client.post(save_url(claim), save_data(claim, channel="TASS", verdict="confirmed"), **HTMX)
    body = response.content.decode()
    # Only what changed comes back, out of band: messages, review note, version, row and counters.
    assert "Saved." in body and "<html" not in body and body.count('hx-swap-oob="true"') == 5
    assert response["HX-Reswap"] == "none" and 'id="panel"' not in body
    assert f'id="sentence-{claim.sentence_id}"' in body and "verdict-confirmed" in body
    claim.refresh_from_db()
    assert f'name="version" value="{claim.version}"' in body


def test_a_save_never_reads_the_article_text(client, editor, claim):
    client.force_login(editor)
    with CaptureQueriesContext(connection) as queries:
        body = client.post(save_url(claim), save_data(claim, verdict="confirmed", quote=claim.text), **HTMX).content
    assert claim.text in body.decode()  # the row, written from the sentence's own copy of its words
    assert not [q["sql"] for q in queries.captured_queries if '"claims_article"."text"' in q["sql"]]


def test_a_verdict_change_writes_one_history_entry_and_leaves_the_claim_row(client, editor, claim):
    client.force_login(editor)
    client.post(save_url(claim), save_data(claim, verdict="confirmed"), **HTMX)
    claim.refresh_from_db()
    entries, version = HistoryEntry.objects.count(), claim.version
    response = client.post(save_url(claim), save_data(claim, verdict="denied"), **HTMX)
    assert response.status_code == 200 and HistoryEntry.objects.count() == entries + 1
    assert Claim.objects.get(pk=claim.pk).version == version
    assert claim.labels.get(status="proposed").verdict == "denied"


def test_the_counters_come_back_only_when_the_claim_gains_or_loses_its_label(client, editor, claim):
    client.force_login(editor)
    answers = []
    for verdict in ("confirmed", "denied", ""):
        claim.refresh_from_db()
        answers.append(client.post(save_url(claim), save_data(claim, verdict=verdict), **HTMX).content.decode())
    labelled = 'aria-label="Claims with a verdict">{}%'
    assert labelled.format(100) in answers[0] and 'id="progress"' not in answers[1]
    assert labelled.format(0) in answers[2]


def test_htmx_verdict_change_answers_in_under_5_kb_however_long_the_timeline(
    client, editor, claim, django_assert_num_queries
):
    client.force_login(editor)
    for verdict in ["confirmed", "denied"] * 30:
        claim.refresh_from_db()
        response = client.post(save_url(claim), save_data(claim, verdict=verdict), **HTMX)
    assert claim.history.count() > 50 and len(response.content) < 5 * 1024
    # The withdrawn proposals are not read again: the claim loads only the labels that can be current.
    loaded = get_claim_for_editing(editor, claim.pk)
    with django_assert_num_queries(0):
        assert [label.status for label in loaded.labels.all()] == ["proposed"]
        assert loaded.current_label.verdict == "denied"


def test_htmx_save_with_a_new_source_answers_with_the_whole_panel(client, editor, claim):
    client.force_login(editor)
    data = save_data(claim, speaker="Olena Petrenko", speaker_is="organisation")
    response = client.post(save_url(claim), data, **HTMX)
    body = response.content.decode()
    assert 'id="panel"' in body and "HX-Reswap" not in response
    assert '<fieldset class="speaker-is" id="speaker-is" aria-describedby="id_speaker_is_helptext" hidden>' in body
    source = Claim.objects.get(pk=claim.pk).source
    assert claim.source is None and (source.name, source.kind) == ("Olena Petrenko", "organisation")


def test_the_timeline_reloads_alone(client, editor, claim):
    client.force_login(editor)
    client.post(save_url(claim), save_data(claim, verdict="denied"), **HTMX)
    url = reverse("claims:workspace_panel", args=[claim.article_id])
    response = client.get(url, {"claim": claim.pk, "part": "timeline"}, **HTMX)
    body = response.content.decode()
    assert 'id="claim-timeline"' in body and 'id="panel"' not in body
    assert "proposed" in body and 'id="claim-timeline-count" hx-swap-oob="true"' in body


def test_outsider_cannot_save_and_missing_claim_is_404(client, outsider, editor, claim):
    client.force_login(outsider)
    assert client.post(save_url(claim), save_data(claim, channel="x")).status_code == 403
    client.force_login(editor)
    assert client.post(reverse("claims:claim_save", args=[999]), {}).status_code == 404
    assert client.get(save_url(claim)).status_code == 405


# Remove


def test_remove_keeps_the_claim_and_its_history(client, editor, claim):
    create_label(claim=claim, by=editor)
    client.force_login(editor)
    response = client.post(reverse("claims:claim_remove", args=[claim.pk]), {"version": claim.version}, **HTMX)
    assert response.status_code == 200 and "Claim removed" in response.content.decode()
    claim.refresh_from_db()
    assert claim.removed_at and claim.removed_by == editor
    assert claim.labels.get().status == "withdrawn"
    assert {e.action for e in HistoryEntry.objects.filter(claim=claim)} == {"removed", "withdrawn"}
    assert client.post(reverse("claims:claim_remove", args=[claim.pk]), {"version": claim.version}).status_code == 404


def test_remove_with_an_old_version_is_refused(client, editor, claim):
    client.force_login(editor)
    client.post(reverse("claims:claim_remove", args=[claim.pk]), {"version": "7"})
    assert Claim.objects.get(pk=claim.pk).removed_at is None


# Segmentation


def test_split_moves_later_claims_to_the_new_sentence(client, editor, article):
    text = "The mayor said the bridge would reopen, the council said it would not."
    article = create_article(text=text + " Next one.")
    sentence = article.sentences.get(number=1)
    sentence.article = article
    late = create_claim(sentence=sentence, start=text.index("the council"), end=len(text) - 1)
    client.force_login(editor)
    response = client.post(
        reverse("claims:sentence_split", args=[article.pk, sentence.pk]), {"before": "the council"}, **HTMX
    )
    assert response.status_code == 200 and response["HX-Redirect"]
    numbers = list(article.sentences.values_list("number", "start", "end", "text"))
    assert numbers == [
        (1, 0, 39, "The mayor said the bridge would reopen,"),
        (2, 40, len(text), "the council said it would not."),
        (3, len(text) + 1, len(text) + 10, "Next one."),
    ]
    assert Claim.objects.get(pk=late.pk).sentence.number == 2


def test_split_across_a_claim_is_refused(client, editor, sentence):
    create_claim(sentence=sentence)
    client.force_login(editor)
    client.post(reverse("claims:sentence_split", args=[sentence.article_id, sentence.pk]), {"before": "the bridge"})
    assert Sentence.objects.filter(article=sentence.article).count() == 6


def test_merge_keeps_claims_and_renumbers(client, editor, article):
    second, third = article.sentences.get(number=2), article.sentences.get(number=3)
    claim = create_claim(sentence=third)
    client.force_login(editor)
    client.post(reverse("claims:sentence_merge", args=[article.pk, second.pk]))
    merged = Sentence.objects.get(pk=second.pk)
    assert (merged.start, merged.end, merged.text) == (second.start, third.end, article.text[second.start : third.end])
    assert Claim.objects.get(pk=claim.pk).sentence == merged
    assert list(article.sentences.values_list("number", flat=True)) == [1, 2, 3, 4, 5]


def test_merge_across_paragraphs_is_refused(client, editor):
    article = create_article(text="One.\n\nTwo.")
    client.force_login(editor)
    client.post(reverse("claims:sentence_merge", args=[article.pk, article.sentences.get(number=1).pk]))
    assert article.sentences.count() == 2


def test_reviewed_toggle_and_permissions(client, editor, outsider, sentence):
    url = reverse("claims:sentence_reviewed", args=[sentence.article_id, sentence.pk])
    client.force_login(outsider)
    assert client.post(url, {"reviewed": "1"}).status_code == 403
    client.force_login(editor)
    client.post(url, {"reviewed": "1"})
    assert Sentence.objects.get(pk=sentence.pk).reviewed


# Panel


def test_panel_fragment_for_htmx_and_redirect_for_plain_get(client, editor, claim):
    client.force_login(editor)
    url = reverse("claims:workspace_panel", args=[claim.article_id])
    fragment = client.get(url, {"claim": claim.pk}, **HTMX)
    assert 'id="panel"' in fragment.content.decode() and "<html" not in fragment.content.decode()
    assert fragment["Vary"] and "HX-Request" in fragment["Vary"]
    plain = client.get(url, {"claim": claim.pk})
    assert plain.status_code == 302 and f"claim={claim.pk}" in plain["Location"]
    assert client.get(url, {"claim": 999}, **HTMX).status_code == 404


@pytest.mark.parametrize("sentences", [20, 5000])
def test_every_htmx_action_runs_under_a_fixed_ceiling(client, editor, django_assert_max_num_queries, sentences):
    article = create_article(sentences=sentences)
    sentence = article.sentences.get(number=3)
    claim = create_claim(sentence=sentence, by=editor)
    client.force_login(editor)
    requests = [
        ("get", reverse("claims:workspace_panel", args=[article.pk]), {"claim": claim.pk}),
        ("get", reverse("claims:workspace_panel", args=[article.pk]), {"sentence": sentence.pk}),
        ("post", mark_url(sentence), {}),
        ("post", save_url(claim), save_data(claim, channel="TASS", verdict="denied")),
        ("post", reverse("claims:sentence_reviewed", args=[article.pk, sentence.pk]), {"reviewed": "1"}),
        ("post", reverse("claims:claim_remove", args=[claim.pk]), {"version": 2}),
        ("post", reverse("claims:sentence_split", args=[article.pk, sentence.pk]), {"before": "says"}),
        ("post", reverse("claims:sentence_merge", args=[article.pk, sentence.pk]), {}),
    ]
    for method, url, data in requests:
        with django_assert_max_num_queries(ACTION_QUERIES):
            response = getattr(client, method)(url, data, **HTMX)
        assert response.status_code == 200 and "<html" not in response.content.decode(), url
    assert Claim.objects.get(pk=claim.pk).removed_at is not None


# Suggestions: accepted with a key, dismissed for good, history says where claims came from


@pytest.fixture
def quoted(db):
    """An article whose first and third sentences quote the same speaker."""
    return create_article(text="Yusov said the operation began. The weather was cold. Yusov added that it would go on.")


def suggest(article, number, **fields):
    """A pending suggestion on sentence `number` naming Andrii Yusov (unless `fields` say otherwise)."""
    sentence = article.sentences.get(number=number)
    defaults = {
        "source_text": "Andrii Yusov",
        "source_start": 0,
        "source_end": 5,
        "cue": "said",
        "role": "spokesperson",
        "start": sentence.start,
        "end": sentence.end,
    }
    defaults.update(fields)
    return Suggestion.objects.create(article=article, sentence=sentence, **defaults)


def test_pending_suggestions_show_in_the_workspace_apart_from_claims(client, editor, quoted):
    suggest(quoted, 1, channel="Suspilne")
    client.force_login(editor)
    body = client.get(reverse("claims:article_detail", args=[quoted.pk])).content.decode()
    assert 'class="suggestion-chips"' in body and "data-suggestion=" in body and "via Suspilne" in body
    assert "Accept all from Andrii Yusov" in body
    assert Claim.objects.count() == 0


def test_accept_creates_the_claim_with_speaker_channel_and_cue(client, editor, quoted):
    suggestion = suggest(quoted, 1, channel="Suspilne", source_kind="person")
    client.force_login(editor)
    response = client.post(reverse("claims:suggestion_accept", args=[suggestion.pk]), **HTMX)
    assert response.status_code == 200 and "Suggestion accepted." in response.content.decode()
    claim = Claim.objects.get()
    assert (claim.origin, claim.source.name, claim.source.role, claim.channel, claim.cue) == (
        "suggestion",
        "Andrii Yusov",
        "spokesperson",
        "Suspilne",
        "said",
    )
    created = HistoryEntry.objects.get(claim=claim, action="created")
    assert created.after["origin"] == "suggestion" and created.after["suggestion"] == suggestion.pk
    assert Suggestion.objects.get().status == "accepted" and Suggestion.objects.get().claim == claim


def test_accept_matches_an_existing_source_by_alias(client, editor, quoted):
    existing = create_source(name="Andrii Yusov")
    existing.aliases.create(name="Yusov", name_folded="yusov")
    suggestion = suggest(quoted, 1, source_text="Yusov")
    client.force_login(editor)
    client.post(reverse("claims:suggestion_accept", args=[suggestion.pk]))
    assert Claim.objects.get().source == existing and Source.objects.count() == 1


@pytest.mark.parametrize("mention", ["A. Yusov", "Yusov", "ANDRII YUSOV"])
def test_accept_matches_a_source_by_surname_or_initials(client, editor, quoted, mention):
    existing = create_source(name="Andrii Yusov")
    create_source(name="Dmitry Peskov")
    suggestion = suggest(quoted, 1, source_text=mention)
    client.force_login(editor)
    client.post(reverse("claims:suggestion_accept", args=[suggestion.pk]))
    assert Claim.objects.get().source == existing and Source.objects.count() == 2


def test_an_ambiguous_surname_creates_no_wrong_link(client, editor, quoted):
    create_source(name="Andrii Yusov")
    create_source(name="Olena Yusov")
    suggestion = suggest(quoted, 1, source_text="Yusov")
    client.force_login(editor)
    client.post(reverse("claims:suggestion_accept", args=[suggestion.pk]))
    assert Claim.objects.get().source.name == "Yusov" and Source.objects.count() == 3


def test_dismissed_suggestions_do_not_come_back(client, editor, quoted):
    suggestion = suggest(quoted, 1)
    client.force_login(editor)
    client.post(reverse("claims:suggestion_dismiss", args=[suggestion.pk]))
    body = client.get(reverse("claims:article_detail", args=[quoted.pk])).content.decode()
    assert 'class="suggestion-chips"' not in body
    assert Suggestion.objects.get().status == "dismissed"


def test_accept_all_from_this_speaker(client, editor, quoted):
    first = suggest(quoted, 1)
    suggest(quoted, 3)
    other = suggest(quoted, 2, source_text="Weather Service")
    client.force_login(editor)
    client.post(reverse("claims:suggestions_accept_speaker", args=[first.pk]))
    assert Claim.objects.filter(source__name="Andrii Yusov").count() == 2
    assert Suggestion.objects.get(pk=other.pk).status == "pending"


def test_a_decided_suggestion_cannot_be_decided_again(client, editor, quoted):
    suggestion = suggest(quoted, 1)
    client.force_login(editor)
    client.post(reverse("claims:suggestion_dismiss", args=[suggestion.pk]))
    response = client.post(reverse("claims:suggestion_accept", args=[suggestion.pk]), **HTMX)
    assert "already accepted or dismissed" in response.content.decode()
    assert Claim.objects.count() == 0


def test_outsider_cannot_accept_and_get_is_refused(client, outsider, quoted):
    suggestion = suggest(quoted, 1)
    client.force_login(outsider)
    assert client.post(reverse("claims:suggestion_accept", args=[suggestion.pk])).status_code == 403
    assert client.get(reverse("claims:suggestion_accept", args=[suggestion.pk])).status_code == 405
    assert Suggestion.objects.get().status == "pending"


def test_accept_all_from_a_speaker_matches_the_registry_once(client, editor, quoted):
    existing = create_source(name="Andrii Yusov")
    first, third = suggest(quoted, 1), suggest(quoted, 3)
    client.force_login(editor)
    response = client.post(reverse("claims:suggestions_accept_speaker", args=[first.pk]), follow=True)
    assert "Accepted 2 suggestions from Andrii Yusov." in [str(m) for m in response.context["messages"]]
    assert set(Claim.objects.values_list("source", "origin")) == {(existing.pk, "suggestion")}
    for suggestion in (first, third):
        suggestion.refresh_from_db()
        assert (suggestion.status, suggestion.decided_by, suggestion.claim.sentence_id) == (
            "accepted",
            editor,
            suggestion.sentence_id,
        )
        created = HistoryEntry.objects.get(claim=suggestion.claim, action="created")
        assert (created.actor, created.article_id, created.after["suggestion"]) == (editor, quoted.pk, suggestion.pk)


def test_accept_all_from_a_speaker_skips_what_was_decided_meanwhile(client, editor, second_editor, quoted):
    first, third = suggest(quoted, 1), suggest(quoted, 3)
    third.dismiss(by=second_editor)
    client.force_login(editor)
    response = client.post(reverse("claims:suggestions_accept_speaker", args=[first.pk]), follow=True)
    assert "Accepted 1 suggestion from Andrii Yusov." in [str(m) for m in response.context["messages"]]
    assert Suggestion.objects.get(pk=third.pk).status == "dismissed" and Claim.objects.count() == 1


def test_a_suggestion_over_a_marked_claim_is_shown_as_belonging_to_it(client, editor, quoted):
    marked = create_claim(sentence=quoted.sentences.get(number=1), by=editor)
    create_claim(sentence=quoted.sentences.get(number=3), source=create_source(name="Dmitry Peskov"))
    suggest(quoted, 1)
    suggest(quoted, 3, cue="added")
    client.force_login(editor)
    body = client.get(reverse("claims:article_detail", args=[quoted.pk]), {"claim": marked.pk}).content.decode()
    # Sentence 1's row chip and the panel's list; sentence 3's claim has another speaker.
    assert body.count("for the claim “Yusov said the operation began.”") == 2
    assert "for the claim “Yusov added" not in body
    assert "Suggested speaker: <strong>Andrii Yusov</strong> (said) — Accept fills the empty fields" in body
    assert 'aria-label="Accept: Andrii Yusov said"' in body


def test_accepting_a_suggestion_over_a_marked_claim_fills_that_claim(client, editor, quoted):
    marked = create_claim(sentence=quoted.sentences.get(number=1), by=editor, channel="Telegram")
    suggestion = suggest(quoted, 1, channel="Suspilne")
    client.force_login(editor)
    response = client.post(reverse("claims:suggestion_accept", args=[suggestion.pk]), **HTMX)
    body = response.content.decode()
    assert response.status_code == 200 and "Suggestion accepted." in body and "Suggested speaker" not in body
    assert response.context["claim"].pk == marked.pk
    claim = Claim.objects.get()
    assert (claim.pk, claim.source.name, claim.channel, claim.cue, claim.version) == (
        marked.pk,
        "Andrii Yusov",
        "Telegram",
        "said",
        2,
    )
    assert HistoryEntry.objects.get(claim=claim, action="updated").after["suggestion"] == suggestion.pk
    assert Suggestion.objects.get().claim == claim


@pytest.mark.parametrize("suggestions", [2, 60])
def test_accept_all_from_a_speaker_fills_marked_claims_under_the_same_ceiling(
    client, editor, django_assert_max_num_queries, suggestions
):
    article = create_article(sentences=suggestions)
    sentences = list(article.sentences.all())
    Claim.objects.bulk_create(Claim(article=article, sentence=s, start=s.start, end=s.end) for s in sentences)
    Suggestion.objects.bulk_create(
        Suggestion(article=article, sentence=s, start=s.start + 9, end=s.end, source_text="Andrii Yusov",
                   source_start=s.start, source_end=s.start + 5, cue="said", channel="Suspilne")
        for s in sentences
    )  # fmt: skip
    url = reverse("claims:suggestions_accept_speaker", args=[Suggestion.objects.first().pk])
    client.force_login(editor)
    with django_assert_max_num_queries(18):
        client.post(url)
    assert Claim.objects.count() == suggestions
    yusov = Source.objects.get()
    assert set(Claim.objects.values_list("source", "channel", "cue", "origin", "version")) == {
        (yusov.pk, "Suspilne", "said", "manual", 2)
    }
    assert HistoryEntry.objects.filter(action="updated", object_type="claim").count() == suggestions


# SQLite inserts at most 999 values at once (about 70 claims); 60 suggestions still take one INSERT.
@pytest.mark.parametrize("suggestions", [2, 60])
def test_accept_all_from_a_speaker_runs_under_a_fixed_ceiling(
    client, editor, django_assert_max_num_queries, suggestions
):
    article = create_article(sentences=suggestions)
    Suggestion.objects.bulk_create(
        [
            Suggestion(
                article=article,
                sentence=s,
                start=s.start,
                end=s.end,
                source_text="Andrii Yusov",
                source_start=s.start,
                source_end=s.start + 5,
                cue="said",
            )
            for s in article.sentences.all()
        ]
    )
    url = reverse("claims:suggestions_accept_speaker", args=[Suggestion.objects.first().pk])
    client.force_login(editor)
    with django_assert_max_num_queries(18):
        client.post(url)
    assert Claim.objects.filter(origin="suggestion").count() == suggestions
    assert Source.objects.count() == 1


# History: the selected claim's timeline and the article's recent activity


def test_panel_timeline_lists_the_claims_history_newest_first_and_escaped(client, editor, reviewer, claim, sentence):
    other = create_claim(sentence=sentence, by=editor)
    HistoryEntry.objects.create(
        actor=editor, action="created", object_type="claim", object_id=other.pk, article=claim.article, claim=other
    )
    client.force_login(editor)
    client.post(save_url(claim), save_data(claim, channel="<b>Telegram</b>"))
    claim.refresh_from_db()
    client.post(save_url(claim), save_data(claim, channel="<b>Telegram</b>", verdict="denied", rationale="No proof"))
    label = Label.objects.get(claim=claim)
    label.approve(by=reviewer, comment="Checked with the ministry")

    response = client.get(reverse("claims:workspace_panel", args=[claim.article_id]), {"claim": claim.pk}, **HTMX)
    body = response.content.decode()
    assert [e.claim_id for e in response.context["timeline"]] == [claim.pk] * 3
    timeline = body[body.index('class="panel__timeline"') :]
    assert "<strong>charlie</strong> approved the Denied label: “Checked with the ministry”" in timeline
    assert timeline.index("approved the Denied") < timeline.index("proposed Denied") < timeline.index("set channel")
    assert "set channel to “&lt;b&gt;Telegram&lt;/b&gt;”" in timeline and "<b>Telegram" not in timeline


def test_article_page_shows_the_twenty_newest_changes(client, editor, article):
    for number in [1, 2, 3, 4, 5, 6] * 2:
        article.sentences.get(number=number).set_reviewed(True, by=editor)
        article.sentences.get(number=number).set_reviewed(False, by=editor)
    client.force_login(editor)
    response = client.get(reverse("claims:article_detail", args=[article.pk]))
    body = response.content.decode()
    activity = response.context["activity"]
    assert len(activity) == 20 and activity[0].after == {"reviewed": False, "number": 6}
    assert "Recent activity" in body and "<strong>alice</strong> marked sentence 6 as not reviewed" in body
    assert "imported" not in body.split("Recent activity", 1)[1]  # the import is the 25th entry, older than the 20


def test_actions_tell_the_activity_section_to_refresh_itself(client, editor, sentence, django_assert_max_num_queries):
    client.force_login(editor)
    response = client.post(mark_url(sentence), **HTMX)
    assert "historyChanged" in response["HX-Trigger"]
    url = reverse("claims:article_activity", args=[sentence.article_id])
    with django_assert_max_num_queries(8):
        fragment = client.get(url, **HTMX)
    body = fragment.content.decode()
    assert 'id="activity"' in body and "<html" not in body and "marked a claim" in body
    assert client.get(url).status_code == 302


def test_read_only_panel_names_the_speaker_as_the_exports_do(client, outsider, claim):
    # One speaker line everywhere: name, role and affiliation, those that are filled in.
    source = create_source(name="Andrii Yusov", role="spokesperson", affiliation="Ukraine's military intelligence")
    Claim.objects.filter(pk=claim.pk).update(source=source)
    client.force_login(outsider)
    url = reverse("claims:workspace_panel", args=[claim.article_id])
    body = client.get(url, {"claim": claim.pk}, headers={"HX-Request": "true"}).content.decode()
    assert "<dt>Speaker</dt><dd>Andrii Yusov, spokesperson, Ukraine&#x27;s military intelligence</dd>" in body
    unset = client.get(url, {"claim": create_claim(sentence=claim.sentence).pk}, headers={"HX-Request": "true"})
    assert "<dt>Speaker</dt><dd>not set</dd>" in unset.content.decode()
