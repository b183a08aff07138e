"""The workspace panel's "Why" line (claims/suggestion_reasons.py, templates/claims/_panel_suggestions.html):
each pending suggestion shows its sentence with the speaker, cue, channel and claim marked and named,
escaped, in the panel's fixed number of queries."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Suggestion
from tests.factories import create_article

HTMX = {"HTTP_HX_REQUEST": "true"}
HOSTILE = 'The <b>mayor</b> told <i>TASS</i> on Monday that the "bridge" & <script>road</script> would close.'


def suggest(sentence, *, speaker, claim, cue="told", channel="", **fields):
    """A pending suggestion on `sentence`, its speaker mention and claim given by their words."""
    text = sentence.article.text
    source_start = text.index(speaker)
    start = text.index(claim)
    return Suggestion.objects.create(
        article=sentence.article,
        sentence=sentence,
        start=start,
        end=start + len(claim),
        source_text=fields.pop("source_text", speaker),
        source_start=source_start,
        source_end=source_start + len(speaker),
        cue=cue,
        channel=channel,
        **fields,
    )


def panel(client, sentence):
    url = reverse("claims:workspace_panel", args=[sentence.article_id])
    return client.get(url, {"sentence": sentence.pk}, **HTMX).content.decode()


def test_the_panel_marks_why_a_suggestion_was_made(client, editor):
    article = create_article(text="Andrii Yusov told Suspilne news outlet that the raid had ended.")
    sentence = article.sentences.get()
    suggest(sentence, speaker="Andrii Yusov", claim="the raid had ended", channel="Suspilne")
    client.force_login(editor)
    body = panel(client, sentence)
    assert '<p class="why"><span class="why__lead">Why:</span>' in body
    assert '<mark class="why-mark why-mark--speaker">Andrii Yusov</mark><span class="why-tag">' in body
    assert '<mark class="why-mark why-mark--cue">told</mark>' in body
    assert '<mark class="why-mark why-mark--channel">Suspilne</mark>' in body
    assert '<mark class="why-mark why-mark--claim"><span class="why-tag">claim' in body
    # Each mark is named in words, not by its colour alone.
    for kind in ("speaker", "cue", "channel"):
        assert f'<span class="visually-hidden"> (</span>{kind}<span class="visually-hidden">)</span>' in body
    assert "speaker named in another sentence" not in body


def test_the_why_line_escapes_what_the_article_and_the_suggestion_say(client, editor):
    article = create_article(text=HOSTILE)
    sentence = article.sentences.get()
    suggest(
        sentence,
        speaker="The <b>mayor</b>",
        claim='the "bridge" & <script>road</script> would close',
        channel="<i>TASS</i>",
        source_text="The <b>mayor</b>",
    )
    client.force_login(editor)
    body = panel(client, sentence)
    assert "<b>mayor" not in body and "<script>road" not in body and "<i>TASS" not in body
    assert '<mark class="why-mark why-mark--speaker">The &lt;b&gt;mayor&lt;/b&gt;</mark>' in body
    assert '<mark class="why-mark why-mark--channel">&lt;i&gt;TASS&lt;/i&gt;</mark>' in body
    assert "the &quot;bridge&quot; &amp; &lt;script&gt;road&lt;/script&gt; would close</mark>" in body


def test_a_speaker_named_in_another_sentence_is_said_so(client, editor):
    article = create_article(text="Andrii Yusov spoke first. The raid had ended, said Yusov.")
    second = article.sentences.get(number=2)
    # A back-reference's source offsets are those of the full name, in the first sentence.
    suggest(second, speaker="Andrii Yusov", claim="The raid had ended", cue="said")
    client.force_login(editor)
    body = panel(client, second)
    assert "why-mark--speaker" not in body
    assert '<mark class="why-mark why-mark--cue">said</mark>' in body
    assert "(speaker named in another sentence)" in body


def test_the_why_lines_add_no_query_per_suggestion(client, editor):
    counts = []
    for suggestions in (1, 8):
        article = create_article(text="Andrii Yusov told Suspilne news outlet that the raid had ended.")
        sentence = article.sentences.get()
        for _ in range(suggestions):
            suggest(sentence, speaker="Andrii Yusov", claim="the raid had ended", channel="Suspilne")
        client.force_login(editor)
        with CaptureQueriesContext(connection) as queries:
            body = panel(client, sentence)
        assert body.count('<p class="why">') == suggestions
        counts.append(len(queries))
    assert counts[0] == counts[1]
