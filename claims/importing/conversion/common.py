"""What every converter shares: the refusal it raises and the small text helpers behind its messages."""

import datetime
import re


class ConversionError(ValueError):
    """A refused input; str() is one line for an editor."""


def size(n: int) -> str:
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} bytes"


def collapse(text: str) -> str:
    return " ".join(text.split())


_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: str | None) -> datetime.date | None:
    """The date part of an ISO date or timestamp ("2023-05-22T10:00:00+03:00"), if it is a real date."""
    match = _ISO_DATE.match(value or "")
    try:
        return datetime.date(*map(int, match.groups())) if match else None
    except ValueError:
        return None
