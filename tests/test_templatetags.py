"""The workspace's template tags and filters: they format what a view loaded, with the one wording of
verdicts and speakers."""

from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string

from claims.models import Claim, HistoryEntry
from tests.factories import create_article


def render(template, **context):
    return Template("{% load workbench %}" + template).render(Context(context))


def test_verdict_badge_shows_symbol_word_and_state():
    label = SimpleNamespace(verdict="denied", status="proposed", get_status_display=lambda: "Proposed")
    html = render("{% verdict_badge label %}", label=label)
    assert '<span aria-hidden="true">✗</span> Denied · proposed' in html
    assert render("{% verdict_badge label %}", label=None).strip() == '<span class="badge verdict-none">No label</span>'


def test_a_rejected_proposal_reads_as_rejected_not_in_its_verdicts_colour():
    label = SimpleNamespace(verdict="confirmed", status="rejected", get_status_display=lambda: "Rejected")
    html = render("{% verdict_badge label %}", label=label)
    assert html == '<span class="badge state-rejected">Rejected proposal: Confirmed</span>'


def test_speaker_line_with_and_without_the_name_escaped():
    source = SimpleNamespace(name="Minister <b>", role="spokesperson", affiliation="Ministry")
    assert render("{{ source|speaker_line }}", source=source) == "Minister &lt;b&gt;, spokesperson, Ministry"
    assert render('{{ source|speaker_line:"without name" }}', source=source) == "spokesperson, Ministry"
    assert render('{{ source|speaker_line|default:"not set" }}', source=None) == "not set"


def test_record_lists_the_counts_by_verdict_in_words_and_symbols():
    source = SimpleNamespace(confirmed_count=3, denied_count=1, unverified_count=0)
    html = render_to_string("claims/_source_record.html", {"source": source})
    items = [line.strip() for line in html.splitlines() if "<li" in line]
    assert items == [
        f'<li class="source-record__item source-record__item--{verdict}">'
        f'<span aria-hidden="true">{symbol}</span> {text}</li>'
        for verdict, symbol, text in [
            ("confirmed", "✓", "3 confirmed"),
            ("denied", "✗", "1 denied"),
            ("unverified", "?", "0 unverified"),
        ]
    ]


# The timeline as the template that drew it before the timeline tag: the tag must write the same HTML.
TIMELINE_TEMPLATE = """{% if entries %}
<ol class="timeline">
  {% for entry in entries %}
  <li class="timeline__entry timeline__entry--{{ entry.action }}">
    <time class="timeline__when" datetime="{{ entry.at|date:'c' }}">{{ entry.at|date:"j M Y, H:i" }}</time>
    <span class="timeline__what">{{ entry|history_line }}</span>
  </li>
  {% endfor %}
</ol>
{% else %}
<p class="timeline__empty muted">{{ empty_text }}</p>
{% endif %}"""


@pytest.mark.django_db
@pytest.mark.parametrize("zone", ["UTC", "Pacific/Chatham"])
def test_the_timeline_tag_writes_what_its_template_wrote(editor, zone, settings):
    settings.TIME_ZONE = zone
    sentence = create_article(sentences=2, title="<i>Hostile</i> & co").sentences.first()
    Claim.mark(sentence, by=editor, channel='<script>"x"</script>')
    entries = list(HistoryEntry.objects.with_actor().order_by("-at", "-pk"))
    assert len(entries) >= 2
    for shown, empty_text in ((entries, "None yet."), ([], "Nothing <here> yet.")):
        tag = render("{% timeline entries empty_text %}", entries=shown, empty_text=empty_text)
        old = render(TIMELINE_TEMPLATE, entries=shown, empty_text=empty_text)
        assert _lines(tag) == _lines(old)


def _lines(html):
    """Its non-blank lines, each stripped: the template's loop left blank lines and indents behind."""
    return [line.strip() for line in html.splitlines() if line.strip()]
