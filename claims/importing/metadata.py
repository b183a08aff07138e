"""What an import is told besides the file (title, outlet, URL, date, language), the refusal every
import step raises, and the one check each of a language code and an http(s) address has: the import
form, the import pipeline and the Workbench JSON check all use them."""

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

# "en", "uk", "pt-BR", "zh-Hant-TW": a BCP 47 tag, primary language subtag first.
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_HTTP_URL = URLValidator(schemes=["http", "https"])


class ImportRefused(ValueError):
    """Bad input; str() is one line for the person importing."""


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None
    language: str = "en"


def is_language_code(value) -> bool:
    return isinstance(value, str) and LANGUAGE_CODE.match(value) is not None


def is_http_url(value) -> bool:
    """An absolute http or https address, as Django's URLValidator reads one."""
    try:
        _HTTP_URL(value)
    except ValidationError:
        return False
    return True


def check_metadata(meta: Metadata) -> None:
    if not is_language_code(meta.language):
        raise ImportRefused(f"Language must be a code such as 'en' or 'uk', not {meta.language!r}.")
    if meta.url and not is_http_url(meta.url.strip()):
        raise ImportRefused(f"URL must be an http or https address, not {meta.url!r}.")
