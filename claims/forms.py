from django import forms
from django.conf import settings

from .models import ImportFormat

FORMAT_CHOICES = [("auto", "Detect from the file")] + [
    (value, label) for value, label in ImportFormat.choices if value != ImportFormat.JSON
]


class ImportForm(forms.Form):
    text = forms.CharField(
        label="Article text", required=False, strip=False, widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Paste the article, or upload a file below.",
    )
    file = forms.FileField(
        label="File", required=False, help_text="Plain text, Markdown, HTML or Word (.docx).",
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.text,.md,.markdown,.html,.htm,.docx"}),
    )
    format = forms.ChoiceField(label="Format", choices=FORMAT_CHOICES, initial="auto")
    title = forms.CharField(label="Title", max_length=500, required=False,
                            help_text="Left empty, the file's own title or first sentence is used.")
    outlet = forms.CharField(label="Outlet", max_length=200, required=False)
    url = forms.URLField(label="URL", max_length=2000, required=False, assume_scheme="https")
    published = forms.DateField(label="Publication date", required=False,
                                widget=forms.DateInput(attrs={"type": "date"}),
                                error_messages={"invalid": "Enter a date as YYYY-MM-DD."})
    language = forms.RegexField(label="Language", regex=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", initial="en",
                                max_length=16, error_messages={"invalid": "Use a language code such as en or uk."})

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
