"""Scraped metadata and player boilerplate at the very start of an article.

Scrapers and read-aloud players put tokens such as "date 2023-05-22 This audio is created with AI
assistance" in front of the article. RULES lists every token we recognise, in one place.

Only a run of tokens at the very start of the text is removed, and only up to a line break, so a body
sentence that begins like a token ("Advertisement sales fell ...") is never cut. The exception is a
date token: "date 2023-05-22" is never prose, so it is removed even when body text follows on its
line. An impossible date such as "date 2023-02-30" is not a token: it and everything after it stay
in the text, so the editor sees what the scraper wrote instead of losing it silently.
"""

import datetime
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]


def _rule(name: str, regex: str) -> Rule:
    # A token must end at a word boundary: "Advertisements" is not "Advertisement".
    return Rule(name, re.compile(rf"(?:{regex})(?![\w-])", re.IGNORECASE))


_MINUTES = r"\d{1,3} min(?:ute)?s?"

RULES = [
    _rule("date", r"date:?[ \t]+(?P<date>\d{4}-\d{2}-\d{2})"),
    _rule("ai-audio", r"This audio is (?:created|generated|produced) with (?:the help of )?AI(?: assistance)?"),
    _rule("listen", rf"Listen to (?:this|the) (?:article|story)(?:[ \t]*\(?{_MINUTES}\)?)?"),
    _rule(
        "audio-generated",
        r"Audio (?:is )?(?:automatically )?generated"
        r"(?: (?:by|with|using) (?:an? )?(?:AI|artificial intelligence|text-to-speech|automated voice))?",
    ),
    _rule("reading-time", rf"{_MINUTES} read|Reading time:?[ \t]*{_MINUTES}"),
    _rule("share", r"Share (?:this|the) (?:article|story)"),
    _rule("advertisement", r"Advertisement"),
]

# What may follow a token: closing punctuation, separators, whitespace.
_GAP = re.compile(r"[.!:]?[\s|·•]*")


def strip_scraped_header(text: str) -> tuple[str, datetime.date | None]:
    """Remove the scraped header from canonical text; return the rest (still canonical) and its date."""
    pos = cut = 0
    published = None
    while match := _match_token(text, pos):
        rule, token = match
        if rule.name == "date":
            day = _parse_date(token["date"])
            if day is None:
                break
            published = published or day
        gap = _GAP.match(text, token.end())
        pos = gap.end()
        if rule.name == "date" or "\n" in gap[0] or pos == len(text):
            cut = pos
    return text[cut:], published


def _match_token(text: str, pos: int) -> tuple[Rule, re.Match[str]] | None:
    for rule in RULES:
        if token := rule.pattern.match(text, pos):
            return rule, token
    return None


def _parse_date(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None
