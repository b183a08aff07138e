from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from .exporting import FORMATS
from .filters import LenientForm
from .importing.metadata import LANGUAGE_CODE, is_http_url
from .models import Article, EditRefused, ImportFormat, Source, SourceKind, Verdict, active_named

FORMAT_CHOICES = [("auto", "Detect from the file")] + [
    (value, label) for value, label in ImportFormat.choices if value != ImportFormat.JSON
]


def text_box(label, *, rows, **options):
    """An optional text field of several lines."""
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}), **options)


class ImportForm(forms.Form):
    text = text_box("Article text", rows=8, strip=False, help_text="Paste the article, or upload a file below.")
    file = forms.FileField(
        label="File",
        required=False,
        help_text="Plain text, Markdown, HTML or Word (.docx).",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.text,.md,.markdown,.html,.htm,.docx"}),
    )
    format = forms.ChoiceField(label="Format", choices=FORMAT_CHOICES, initial="auto")
    title = forms.CharField(
        label="Title",
        max_length=500,
        required=False,
        help_text="Left empty, the file's own title or first sentence is used.",
    )
    outlet = forms.CharField(label="Outlet", max_length=200, required=False)
    url = forms.URLField(label="URL", max_length=2000, required=False, assume_scheme="https")
    published = forms.DateField(
        label="Publication date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Enter a date as YYYY-MM-DD."},
    )
    language = forms.RegexField(
        label="Language",
        regex=LANGUAGE_CODE,
        initial="en",
        max_length=16,
        error_messages={"invalid": "Use a language code such as en or uk."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.IMPORT_MAX_BYTES
        if upload and upload.size > limit:
            raise forms.ValidationError(
                f"The file is {upload.size / 2**20:.1f} MB; the limit is {limit / 2**20:.1f} MB."
            )
        return upload

    def clean(self):
        cleaned = super().clean()
        has_text = bool(cleaned.get("text", "").strip())
        has_file = bool(cleaned.get("file"))
        if has_text and has_file:
            self.add_error("file", "Paste the text or upload a file, not both.")
        elif not has_text and not has_file and not self.has_error("file"):
            self.add_error("text", "Paste the article text or choose a file to upload.")
        return cleaned

    def payload(self):
        """(bytes, filename) for the importer."""
        upload = self.cleaned_data.get("file")
        if upload:
            return upload.read(), upload.name
        return self.cleaned_data["text"].encode("utf-8"), ""

    @property
    def error_field(self):
        """The field an import refusal is reported against."""
        return "file" if self.cleaned_data.get("file") else "text"


def _evidence_links(value):
    """One http(s) link per line; anything else is refused by name."""
    links = []
    for line in value.splitlines():
        link = line.strip()
        if not link:
            continue
        if not is_http_url(link):
            raise ValidationError(f"“{link[:80]}” is not an http:// or https:// link.")
        if link not in links:
            links.append(link)
    return links


EXISTING = "existing"  # "Speaker is" an existing source, not a new one of some kind


class ClaimForm(forms.Form):
    """The side panel's claim editor: span, speaker (an existing source or a new one), channel, cue
    and the proposed label. `version` is the claim version the editor loaded."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    quote = text_box(
        "Claim text",
        rows=2,
        max_length=5000,
        strip=False,
        help_text="Narrow the claim by editing it down to the exact words.",
    )
    speaker = forms.CharField(
        label="Speaker",
        max_length=200,
        required=False,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "data-shortcut": "s",
                "data-id-field": "speaker_id",
                "data-kind-field": "speaker_is",
                "data-next-field": "channel",
            }
        ),
    )
    speaker_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    speaker_is = forms.ChoiceField(
        label="Speaker is",
        choices=[(EXISTING, "An existing source")]
        + [(kind, f"A new {label.lower()}") for kind, label in SourceKind.choices],
        initial=EXISTING,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "speaker-is__choices"}),
        help_text="A new source is added to the registry when you save.",
    )
    new_role = forms.CharField(label="Role or title", max_length=200, required=False)
    new_affiliation = forms.CharField(label="Affiliation", max_length=200, required=False)
    channel = forms.CharField(
        label="Channel",
        max_length=300,
        required=False,
        help_text="Where it was said or how it reached us: an outlet, a platform, an intermediary.",
    )
    cue = forms.CharField(label="Cue", max_length=100, required=False, help_text="said, told, claimed, according to…")
    summary = forms.CharField(
        label="Claim summary",
        max_length=200,
        required=False,
        help_text="For the published fact-check: the claim in about 75 characters. Left empty, it is shortened.",
    )
    verdict = forms.ChoiceField(label="Label", required=False, choices=[("", "No label yet")] + Verdict.choices)
    rationale = text_box("Rationale", rows=3)
    evidence = text_box("Evidence", rows=2, help_text="One http(s) link per line.")

    def __init__(self, *args, claim, **kwargs):
        self.claim = claim
        super().__init__(*args, **kwargs)
        self.fields["speaker"].widget.attrs["data-search-url"] = reverse("claims:source_search") + "?new=1"

    @classmethod
    def for_claim(cls, claim):
        label = claim.current_label
        initial = {
            "version": claim.version,
            "quote": claim.text,
            "channel": claim.channel,
            "cue": claim.cue,
            "summary": claim.summary,
            "speaker": claim.source.name if claim.source else "",
            "speaker_id": claim.source_id,
        }
        if label:
            initial.update(verdict=label.verdict, rationale=label.rationale, evidence="\n".join(label.evidence))
        return cls(claim=claim, initial=initial)

    def clean_evidence(self):
        return _evidence_links(self.cleaned_data["evidence"])

    def clean_quote(self):
        quote = self.cleaned_data["quote"].strip()
        if not quote:
            return self.claim.start, self.claim.end
        if quote == self.claim.text:
            return self.claim.start, self.claim.end
        try:
            return self.claim.sentence.locate(quote)
        except EditRefused as refusal:
            raise ValidationError(str(refusal)) from None

    def clean(self):
        cleaned = super().clean()
        cleaned["source"] = self._resolve_speaker(cleaned)
        if (cleaned.get("rationale", "").strip() or cleaned.get("evidence")) and not cleaned.get("verdict"):
            self.add_error("verdict", "Choose a label for this rationale and evidence.")
        return cleaned

    @property
    def offers_new_source(self):
        """Whether the panel shows the "Speaker is" choice: once a new kind is chosen, or when Save could
        not tell which source the typed name means."""
        if not self.is_bound:
            return False
        errors = ("speaker_is", "new_role", "new_affiliation")
        return (
            self["speaker_is"].value() in SourceKind.values
            or any(self.has_error(field) for field in errors)
            or any(self.has_error("speaker", code) for code in ("unknown", "ambiguous"))
        )

    def _resolve_speaker(self, cleaned):
        """The Source to link: a new one of the kind chosen under "Speaker is" (saved in save()), the one
        picked from the type-ahead, or the one whose name or alias was typed."""
        name = " ".join(cleaned.get("speaker", "").split())
        kind = cleaned.get("speaker_is")
        if kind in SourceKind.values:
            if not name:
                self.add_error("speaker", f"Type the name of the new {SourceKind(kind).label.lower()}.")
                return None
            return Source(
                name=name,
                kind=kind,
                role=cleaned.get("new_role", "").strip(),
                affiliation=cleaned.get("new_affiliation", "").strip(),
            )
        if not name:
            return None
        picked = cleaned.get("speaker_id")
        if picked:
            source = Source.objects.active().filter(pk=picked).first()
            if source is None:
                self.add_error("speaker", "That source no longer exists; type the name again.")
            # A name typed over the picked one without the type-ahead (no JavaScript) is looked up below.
            if source is None or source.name == name:
                return source
        matches = active_named(name)
        if len(matches) == 1:
            return matches[0]
        if matches:
            message = f"Several sources are called “{name}”; pick one from the list, or choose below to add a namesake."
            self.add_error("speaker", ValidationError(message, code="ambiguous"))
        else:
            message = (
                f"No source is called “{name}” yet. Check the spelling, or choose below what kind of source to add."
            )
            self.add_error("speaker", ValidationError(message, code="unknown"))
        return None

    def save(self, *, by):
        """Write the claim, its label and a new source it names, in one transaction; StaleEdit when
        someone else saved first."""
        cleaned = self.cleaned_data
        start, end = cleaned["quote"]
        label = {}
        if cleaned["verdict"]:
            label = {
                "verdict": cleaned["verdict"],
                "rationale": cleaned["rationale"].strip(),
                "evidence": cleaned["evidence"],
            }
        self.claim.annotate(
            by=by,
            version=cleaned["version"],
            label=label,
            changes={
                "start": start,
                "end": end,
                "source": cleaned["source"],
                "channel": " ".join(cleaned["channel"].split()),
                "cue": " ".join(cleaned["cue"].split()),
                "summary": " ".join(cleaned["summary"].split()),
            },
        )


class SourceForm(forms.ModelForm):
    """A source's record. `aliases` is one name per line; `version` is the one the editor loaded."""

    aliases = text_box(
        "Aliases",
        rows=4,
        help_text=(
            "One per line: other spellings, the surname alone, a description such as “the intelligence official”."
        ),
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
    different = forms.BooleanField(required=False, label="It is a different source: add it anyway")

    class Meta:
        model = Source
        fields = ["name", "kind", "role", "affiliation", "wikidata", "aliases", "notes"]
        labels = {
            "name": "Name",
            "kind": "Kind",
            "role": "Role or title",
            "affiliation": "Affiliation",
            "wikidata": "Wikidata item",
            "notes": "Notes",
        }
        help_texts = {
            "role": "For example: spokesperson, minister of defence.",
            "affiliation": "Government, agency, party or outlet.",
            "wikidata": "Its Q-number, for example Q7747 (links the source and goes into fact-check markup).",
        }
        error_messages = {"wikidata": {"invalid": "A Wikidata item is Q and a number, for example Q7747."}}
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial.setdefault("aliases", "\n".join(alias.name for alias in self.instance.aliases.all()))
            self.initial.setdefault("version", self.instance.version)

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        """A new source named nearly like one in the registry is held back until the person says it is
        another one (`different`); `similar` lists those it looks like."""
        cleaned = super().clean()
        self.similar = []
        if self.instance.pk is None and cleaned.get("name") and not cleaned.get("different"):
            self.similar = Source.objects.looking_like(cleaned["name"])
            if self.similar:
                names = ", ".join(f"“{source.name}”" for source in self.similar)
                self.add_error(
                    None, f"The registry already has {names}: pick that one, or say it is a different source."
                )
        return cleaned

    def clean_wikidata(self):
        return self.cleaned_data["wikidata"].strip().upper()

    def clean_aliases(self):
        name = self.cleaned_data.get("name", "")
        seen = {name.casefold()} if name else set()
        aliases = []
        for line in self.cleaned_data["aliases"].splitlines():
            alias = " ".join(line.split())
            if not alias or alias.casefold() in seen:
                continue
            if len(alias) > 200:
                raise ValidationError(f"“{alias[:40]}…” is longer than 200 characters; shorten it.")
            seen.add(alias.casefold())
            aliases.append(alias)
        return aliases

    def record_fields(self):
        """The cleaned values Source.update_record() and save_new() take, aliases apart."""
        return {field: self.cleaned_data[field] for field in Source.EDITABLE}


class SourceMergeForm(forms.Form):
    """Merge `source` (a duplicate) into the target: picked from the registry type-ahead (`target_id`), or
    typed as a name, an alias or an id. No list of sources, so the form is the same size however large
    the registry grows; finding the target takes one query."""

    target = forms.CharField(
        label="Merge into",
        max_length=200,
        error_messages={"required": "Choose the source to merge this one into."},
        widget=forms.TextInput(attrs={"autocomplete": "off", "data-id-field": "target_id"}),
    )
    target_id = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, source, **kwargs):
        self.source = source
        super().__init__(*args, **kwargs)
        self.fields["target"].widget.attrs["data-search-url"] = reverse("claims:source_search")

    def clean(self):
        cleaned = super().clean()
        if self.has_error("target"):
            return cleaned
        target = self._find(" ".join(cleaned["target"].split()), cleaned.get("target_id"))
        if target is None:
            return cleaned
        if target.pk == self.source.pk:
            self.add_error("target", "A source cannot be merged into itself; choose a different source.")
        elif target.merged_into_id:
            self.add_error("target", f"“{target}” has itself been merged into another source; choose that one.")
        else:
            cleaned["target"] = target
        return cleaned

    def _find(self, typed, picked):
        """The Source picked or typed, or None with the reason added as an error."""
        if picked is None and typed.isdigit():
            picked = int(typed)
        if picked is not None:
            # Merged sources too, so that picking one is explained rather than "no longer exists".
            found = Source.objects.filter(pk=picked).first()
            if found is None:
                self.add_error("target", "That source no longer exists; choose another.")
            return found
        # A duplicate often has the very name of the source it belongs to, so it is not a candidate.
        matches = list(Source.objects.active().exclude(pk=self.source.pk).named(typed)[:2])
        if len(matches) == 1:
            return matches[0]
        if matches:
            self.add_error("target", f"Several sources are called “{typed}”; pick one from the list or type its id.")
        else:
            self.add_error("target", f"No source is called “{typed}”; pick one from the list or type a name or alias.")
        return None


class ExportForm(forms.Form):
    """What to export: formats, which labels, and (from the article list) which articles."""

    SCOPES = [
        ("default", "Format default (approved only for readers)"),
        ("approved", "Approved labels only"),
        ("all", "All claims, with their label state"),
    ]

    articles = forms.ModelMultipleChoiceField(
        label="Articles",
        queryset=Article.objects.only("pk", "title"),
        required=False,
        error_messages={"invalid_choice": "One of the ticked articles no longer exists."},
    )
    formats = forms.MultipleChoiceField(
        label="Formats",
        choices=[(fmt.name, fmt.label) for fmt in FORMATS.values()],
        error_messages={"required": "Choose a format to export."},
    )
    scope = forms.ChoiceField(label="Include", choices=SCOPES, initial="default", required=False)

    def __init__(self, *args, single=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.single = single

    def clean_formats(self):
        formats = self.cleaned_data["formats"]
        if self.single and len(formats) != 1:
            raise ValidationError("Choose one format.")
        return formats

    def clean_articles(self):
        articles = self.cleaned_data["articles"]
        if not self.single and not articles:
            raise ValidationError("Tick the articles to export.")
        return articles

    def approved_only(self):
        return {"approved": True, "all": False}.get(self.cleaned_data.get("scope") or "default")

    def error_text(self):
        return " ".join(error for errors in self.errors.values() for error in errors)


class IdsField(forms.Field):
    """The ids among the values of a repeated field (ticked boxes); other values are dropped."""

    widget = forms.MultipleHiddenInput

    def to_python(self, values):
        id_field, ids = forms.IntegerField(min_value=1), []
        for value in values or []:
            try:
                ids.append(id_field.clean(value))
            except ValidationError:
                continue
        return ids


class MarkForm(forms.Form):
    """Where a new claim lies: the exact words given, else a selection's start and end (offsets into the
    sentence's text, as the page script reads them), else (neither given) the whole sentence."""

    quote = forms.CharField(required=False)
    start = forms.IntegerField(required=False, min_value=0)
    end = forms.IntegerField(required=False, min_value=0)

    def span(self, sentence):
        """(start, end) in the article text, (None, None) for the whole sentence; EditRefused when the
        words are not in the sentence or the selection cannot be read."""
        self.is_valid()
        quote = self.cleaned_data.get("quote")
        if quote:
            return sentence.locate(quote)
        start, end = self.cleaned_data.get("start"), self.cleaned_data.get("end")
        if start is None and end is None and not self.errors:
            return None, None
        if start is None or end is None:
            raise EditRefused("The selection could not be read; select the words again.")
        return sentence.start + start, sentence.start + end


class VersionForm(LenientForm):
    """The claim version the person loaded (Remove, Reuse this verdict); an unreadable one never matches
    (StaleEdit)."""

    version = forms.IntegerField(required=False, min_value=1, initial=0)


class LabelSelectionForm(LenientForm):
    """The proposals ticked in the review queue."""

    labels = IdsField(required=False, initial=[])
