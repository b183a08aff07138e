"""Forms over the query string: the filters and selections of the review queue, the workspace and the
registry, bound to request.GET. LenientForm also reads the hand-editable values of a few POST actions
(claims/forms.py)."""

from django import forms

from .models import LabelStatus, Verdict


class LenientForm(forms.Form):
    """Values a person can edit by hand (the query string, a hidden field). One that is missing or
    does not parse counts as its field's initial value and the others still apply: a hand-edited URL
    never gives an error page. Read the values from cleaned_data, which is complete at once."""

    def __init__(self, data):
        super().__init__(data)
        self.full_clean()

    def clean(self):
        return {name: self.cleaned_data.get(name) or field.initial for name, field in self.fields.items()}

    @property
    def active(self):
        """Whether a value differs from its initial one: a filter is on."""
        return any(self.cleaned_data[name] != field.initial for name, field in self.fields.items())


def _id_field():
    return forms.IntegerField(required=False, min_value=1)


class QueueFilterForm(LenientForm):
    """The review queue's filters; the cleaned values are LabelQuerySet.matching()'s arguments."""

    AGE_CHOICES = [("", "Any age"), (1, "Older than a day"), (7, "Older than a week"), (30, "Older than 30 days")]

    article = _id_field()
    speaker = _id_field()
    verdict = forms.ChoiceField(choices=Verdict.choices, required=False, initial="")
    proposer = _id_field()
    age = forms.TypedChoiceField(choices=AGE_CHOICES, coerce=int, required=False, initial="")


class WorkspaceFilterForm(LenientForm):
    """Which sentences the workspace shows; the cleaned values are claims.workspace.keeps()'s arguments."""

    SHOW_CHOICES = [("all", "All sentences"), ("claims", "Only claims"), ("unlabelled", "Unlabelled claims")]

    show = forms.ChoiceField(choices=SHOW_CHOICES, required=False, initial="all")
    speaker = _id_field()
    label = forms.ChoiceField(choices=[*Verdict.choices, ("none", "No label yet")], required=False, initial="")


class SearchForm(LenientForm):
    """The header's Search and its filters; the cleaned values are claims.search.search()'s arguments."""

    STATE_CHOICES = [("", "Any state"), *LabelStatus.choices, ("none", "No label yet")]

    q = forms.CharField(max_length=200, required=False, strip=True)
    verdict = forms.ChoiceField(choices=[("", "Any verdict"), *Verdict.choices], required=False, initial="")
    state = forms.ChoiceField(choices=STATE_CHOICES, required=False, initial="")
    speaker = _id_field()
    outlet = forms.CharField(max_length=200, required=False, strip=True)
    published_from = forms.DateField(required=False)
    published_to = forms.DateField(required=False)


class SelectionForm(LenientForm):
    """The workspace's selected claim or, without one, sentence (ids)."""

    claim = _id_field()
    sentence = _id_field()


class SourceSearchForm(LenientForm):
    """The registry's search box: a name or alias, or part of one."""

    q = forms.CharField(required=False, initial="")


class SourceOptionsForm(SourceSearchForm):
    """The type-ahead's query: the words, and whether to offer a new source of that name (the claim's
    Speaker does; the source page's Merge into does not)."""

    new = forms.BooleanField(required=False, initial=False)
