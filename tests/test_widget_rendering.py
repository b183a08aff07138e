"""claims.widget_rendering.WidgetRenderer draws inputs, textareas, selects and radios exactly as Django's
widget templates do, hostile values escaped, and leaves every other widget to the templates."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

from claims.forms import ClaimForm
from claims.models import Claim
from claims.widget_rendering import WidgetRenderer
from tests.factories import create_article

HOSTILE = ['<script>alert("x")</script>', "O'Brien & Sons", "", None, 0, 12.5, mark_safe("<b>safe</b>")]
WIDGETS = [
    forms.TextInput(attrs={"class": "wide", "required": True, "disabled": False, "data-x": '"q"'}),
    forms.NumberInput(attrs={"min": 0}),
    forms.EmailInput(),
    forms.URLInput(attrs={"placeholder": "https://…"}),
    forms.HiddenInput(),
    forms.PasswordInput(render_value=True),
    forms.Textarea(attrs={"rows": 3, "aria-describedby": "help-<1>"}),
]


@pytest.mark.parametrize("widget", WIDGETS, ids=lambda w: type(w).__name__)
@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_the_same_html_as_djangos_templates(widget, value):
    fast = widget.render("field<name>", value, attrs={"id": "id_f"}, renderer=WidgetRenderer())
    slow = widget.render("field<name>", value, attrs={"id": "id_f"}, renderer=DjangoTemplates())
    assert fast == slow


CHOICES = [("a", "<A>"), ("", "— none —"), ('q"', mark_safe("<b>B</b>")), ("Group & co", [("x", "X"), (3, "Three")])]
CHOICE_WIDGETS = [
    forms.Select(choices=CHOICES, attrs={"class": "pick", "required": True}),
    forms.SelectMultiple(choices=CHOICES),
    forms.RadioSelect(choices=CHOICES, attrs={"class": "speaker-is__choices"}),
    forms.RadioSelect(choices=CHOICES[:2]),
]


@pytest.mark.parametrize("widget", CHOICE_WIDGETS, ids=lambda w: type(w).__name__)
@pytest.mark.parametrize("value", ["a", "", 'q"', 3, None, ["a", "x"]], ids=repr)
@pytest.mark.parametrize("attrs", [{"id": "id_<s>"}, {}], ids=["with id", "without id"])
def test_choices_the_same_html_as_djangos_templates(widget, value, attrs):
    fast = widget.render("s<name>", value, attrs=attrs, renderer=WidgetRenderer())
    assert fast == widget.render("s<name>", value, attrs=attrs, renderer=DjangoTemplates())


class StarRadio(forms.RadioSelect):
    option_template_name = "django/forms/widgets/checkbox_option.html"


@pytest.mark.parametrize("widget", [forms.CheckboxSelectMultiple(choices=CHOICES), StarRadio(choices=CHOICES)])
def test_other_widgets_are_left_to_the_templates(widget):
    assert widget.render("s", "a", renderer=WidgetRenderer()) == widget.render("s", "a", renderer=DjangoTemplates())


@pytest.mark.django_db
def test_the_claim_form_renders_as_before(editor):
    claim = Claim.mark(create_article(sentences=2).sentences.first(), by=editor)
    drawn = []
    for renderer in (WidgetRenderer(), DjangoTemplates()):
        form = ClaimForm.for_claim(claim)
        form.renderer = renderer
        drawn.append("".join(str(field) for field in form))
    assert drawn[0] == drawn[1] and "<input" in drawn[0] and "<textarea" in drawn[0]
