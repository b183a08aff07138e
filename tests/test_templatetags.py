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


def test_url_answers_as_django_reverse_does_and_follows_the_script_prefix(db):
    from django.template import engines
    from django.urls import NoReverseMatch, reverse, set_script_prefix

    page = engines["django"].from_string(
        "{% url 'claims:article_detail' pk %}|{% url 'claims:article_list' %}|{% url 'claims:public_page' slug %}"
        "|{% url 'claims:nothing_by_this_name' as missing %}[{{ missing }}]"
    )
    context = {"pk": 7, "slug": "a-b"}
    expected = f"{reverse('claims:article_detail', args=[7])}|{reverse('claims:article_list')}|"
    expected += f"{reverse('claims:public_page', args=['a-b'])}|[]"
    assert page.render(context) == page.render(context) == expected
    set_script_prefix("/desk/")
    try:
        assert page.render(context).startswith("/desk/articles/7/|/desk/")
    finally:
        set_script_prefix("/")
    with pytest.raises(NoReverseMatch):
        engines["django"].from_string("{% url 'claims:nothing_by_this_name' %}").render({})


def test_field_draws_label_errors_and_help_next_to_the_input_escaped():
    from django import forms
    from django.template import engines

    class Form(forms.Form):
        name = forms.CharField(label="Name <b>", help_text="Say <i>who</i>")
        note = forms.CharField(required=False)

    form = Form({"name": "", "note": "x"})
    page = engines["django"].from_string(
        "{% load form_fields %}{% field form.name %}{% field_row form.note form.note %}"
    )
    html = page.render({"form": form})
    assert '<div class="field field--invalid">' in html
    assert '<label for="id_name">Name &lt;b&gt; <span class="required" aria-hidden="true">*</span></label>' in html
    assert '<div class="field__errors" id="id_name_errors" role="alert"><p>This field is required.</p></div>' in html
    assert '<div class="field__help" id="id_name_helptext">Say &lt;i&gt;who&lt;/i&gt;</div>' in html
    assert 'aria-describedby="id_name_helptext' in html  # the input points at its help, as Django draws it
    assert html.count('<div class="form-row">') == 1 and html.count('<label for="id_note">Note</label>') == 2
