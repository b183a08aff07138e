"""Reading a Workbench JSON file (writer.py, described in docs/export-json.md) and checking all of it
before anything is written: read() answers the document's content as plain Python values, or raises
ImportRefused naming the first problem in one line. save.py writes what it answers."""

import json
from datetime import date, datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from ...importing.metadata import ImportRefused, is_http_url, is_language_code
from ...models import Article, Claim, ClaimOrigin, HistoryEntry, LabelStatus, Source, SourceAlias, SourceKind, Verdict
from .schema import SCHEMA, VERSION

DECIDED = (LabelStatus.APPROVED, LabelStatus.REJECTED)


def read(data: bytes) -> dict:
    """{"article", "sentences", "sources", "claims", "history"} of a valid file, dates parsed."""
    document = _parse(data)
    _refuse_nul(document)
    return _checked(document)


def _parse(data):
    if len(data) > settings.IMPORT_MAX_BYTES:
        raise ImportRefused(
            f"The file is {len(data) / 2**20:.1f} MB; the limit is {settings.IMPORT_MAX_BYTES / 2**20:.1f} MB."
        )
    try:
        return json.loads(data.decode("utf-8-sig"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise ImportRefused("The file is not UTF-8 text, so it is not a Workbench JSON export.") from None
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        raise ImportRefused(f"The file is not valid JSON ({where}: {error.msg}).") from None
    except (ValueError, RecursionError) as error:
        raise ImportRefused(f"The file is not valid JSON ({error}).") from None


def _no_constant(name):
    raise ValueError(f"{name} is not a number JSON allows")


def _refuse_nul(document):
    """PostgreSQL stores no NUL character in text or jsonb: refuse the file rather than fail half-way.
    A loop, not recursion: json.loads accepts nesting deeper than a recursive walk could follow."""
    pending = [document]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
        elif isinstance(value, str) and "\x00" in value:
            raise ImportRefused("Workbench JSON: the file contains a NUL character, which no text may hold.")


def _fail(where, problem):
    raise ImportRefused(f"Workbench JSON: {where} {problem}.")


def _get(obj, key, where):
    if not isinstance(obj, dict):
        _fail(where, "must be an object")
    if key not in obj:
        _fail(f"{where}.{key}", "is missing")
    return obj[key]


def _list(obj, key, where):
    value = _get(obj, key, where)
    if not isinstance(value, list):
        _fail(f"{where}.{key}", "must be a list")
    return value


def _int(obj, key, where, *, minimum=0, maximum=None, optional=False):
    value = _get(obj, key, where)
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        _fail(f"{where}.{key}", f"must be a whole number of at least {minimum}, not {value!r}")
    if maximum is not None and value > maximum:
        _fail(f"{where}.{key}", f"is {value}; the largest allowed is {maximum}")
    return value


def _text(obj, key, where, *, max_length=None, required=False, optional=False):
    value = _get(obj, key, where)
    if value is None and optional:
        return None
    if not isinstance(value, str):
        _fail(f"{where}.{key}", f"must be a string, not {value!r}")
    if required and not value.strip():
        _fail(f"{where}.{key}", "must not be empty")
    if max_length is not None and len(value) > max_length:
        _fail(f"{where}.{key}", f"is {len(value)} characters long; the limit is {max_length}")
    return value


def _choice(obj, key, where, choices):
    value = _get(obj, key, where)
    if value not in choices:
        _fail(f"{where}.{key}", f"is {value!r}; expected one of {', '.join(choices)}")
    return value


def _moment(obj, key, where, *, optional=False):
    value = _get(obj, key, where)
    if value is None and optional:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        _fail(f"{where}.{key}", f"must be an ISO 8601 date and time, not {value!r}")
    if moment.utcoffset() is None:
        _fail(f"{where}.{key}", f"must include a UTC offset, as in 2023-05-22T10:00:00+00:00, not {value!r}")
    return moment


def _username(obj, key, where, *, optional=False):
    value = _text(obj, key, where, optional=optional)
    if value is None:
        return None
    User = get_user_model()
    field = User._meta.get_field(User.USERNAME_FIELD)
    try:
        field.clean(value, None)
    except ValidationError as error:
        _fail(f"{where}.{key}", f"is not a valid username ({' '.join(error.messages)})")
    return value


def _field_length(model, name):
    return model._meta.get_field(name).max_length


def _checked(document):
    """The document's content as plain Python values (dates parsed), or ImportRefused."""
    if not isinstance(document, dict):
        raise ImportRefused("Workbench JSON: the file must hold one JSON object.")
    if document.get("schema") != SCHEMA:
        raise ImportRefused(
            f"This is not a Workbench JSON export (its schema is {document.get('schema')!r}, not {SCHEMA!r})."
        )
    if document.get("version") != VERSION:
        raise ImportRefused(
            f"Workbench JSON version {document.get('version')!r} is not supported; "
            f"this workbench reads version {VERSION}."
        )
    article = _article(_get(document, "article", "file"))
    sentences = _sentences(_list(document, "sentences", "file"), article["text"])
    sources = _sources(_list(document, "sources", "file"))
    claims = _claims(_list(document, "claims", "file"), article["text"], sentences, sources)
    history = [_history(entry, f"history[{n}]") for n, entry in enumerate(_list(document, "history", "file"))]
    return {"article": article, "sentences": sentences, "sources": sources, "claims": claims, "history": history}


def _article(obj):
    where = "article"
    url = _text(obj, "url", where, max_length=_field_length(Article, "url"))
    if url and not is_http_url(url):
        _fail(f"{where}.url", f"must be an http or https address, not {url!r}")
    published = _get(obj, "published", where)
    if published is not None:
        try:
            published = date.fromisoformat(published)
        except (TypeError, ValueError):
            _fail(f"{where}.published", f"must be a date as YYYY-MM-DD or null, not {published!r}")
    language = _text(obj, "language", where)
    if not is_language_code(language):
        _fail(f"{where}.language", f"must be a code such as 'en' or 'uk', not {language!r}")
    return {
        "id": _int(obj, "id", where),
        "title": _text(obj, "title", where, required=True, max_length=_field_length(Article, "title")),
        "outlet": _text(obj, "outlet", where, max_length=_field_length(Article, "outlet")),
        "url": url,
        "published": published,
        "language": language,
        "source_format": _text(obj, "source_format", where),
        "created_at": _moment(obj, "created_at", where),
        "imported_by": _text(obj, "imported_by", where, optional=True),
        "text": _text(obj, "text", where, required=True),
    }


def _sentences(rows, text):
    if not rows:
        _fail("sentences", "must not be empty")
    sentences, previous_end, previous_paragraph = {}, 0, 1
    for n, obj in enumerate(rows):
        where = f"sentences[{n}]"
        number = _int(obj, "number", where, minimum=1)
        if number != n + 1:
            _fail(f"{where}.number", f"is {number}; sentences must be numbered 1, 2, 3… in order")
        paragraph = _int(obj, "paragraph", where, minimum=1, maximum=len(text))  # one per "\n\n" at most
        if paragraph < previous_paragraph:
            _fail(
                f"{where}.paragraph", f"is {paragraph}, before the previous sentence's paragraph {previous_paragraph}"
            )
        start, end = _int(obj, "start", where), _int(obj, "end", where)
        if start >= end:
            _fail(where, f"is empty or reversed ({start}–{end})")
        if end > len(text):
            _fail(f"{where}.end", f"is {end}, beyond the end of the article text ({len(text)} characters)")
        if start < previous_end:
            _fail(where, f"({start}–{end}) overlaps the sentence before it, which ends at {previous_end}")
        sentences[number] = {"number": number, "paragraph": paragraph, "start": start, "end": end}
        previous_end, previous_paragraph = end, paragraph
    return sentences


def _sources(rows):
    sources = {}
    for n, obj in enumerate(rows):
        where = f"sources[{n}]"
        source_id = _int(obj, "id", where)
        if source_id in sources:
            _fail(f"{where}.id", f"{source_id} is used twice")
        aliases = _list(obj, "aliases", where)
        for k, alias in enumerate(aliases):
            if not isinstance(alias, str) or not alias.strip() or len(alias) > _field_length(SourceAlias, "name"):
                _fail(f"{where}.aliases[{k}]", "must be a non-empty string of at most 200 characters")
        sources[source_id] = {
            "name": _text(obj, "name", where, required=True, max_length=_field_length(Source, "name")),
            "kind": _choice(obj, "kind", where, SourceKind.values),
            "role": _text(obj, "role", where, max_length=_field_length(Source, "role")),
            "affiliation": _text(obj, "affiliation", where, max_length=_field_length(Source, "affiliation")),
            "aliases": list(dict.fromkeys(alias.strip() for alias in aliases)),
        }
    return sources


def _claims(rows, text, sentences, sources):
    claims, label_ids = {}, set()
    for n, obj in enumerate(rows):
        where = f"claims[{n}]"
        claim_id = _int(obj, "id", where)
        if claim_id in claims:
            _fail(f"{where}.id", f"{claim_id} is used twice")
        number = _int(obj, "sentence", where, minimum=1)
        if number not in sentences:
            _fail(f"{where}.sentence", f"is {number}, but there is no such sentence")
        sentence = sentences[number]
        start, end = _int(obj, "start", where), _int(obj, "end", where)
        if not sentence["start"] <= start < end <= sentence["end"]:
            _fail(where, f"({start}–{end}) is not inside sentence {number} ({sentence['start']}–{sentence['end']})")
        if _text(obj, "text", where) != text[start:end]:
            _fail(f"{where}.text", f"is not the article text at {start}–{end}")
        source = _get(obj, "source", where)
        if source is not None and (isinstance(source, bool) or source not in sources):
            _fail(f"{where}.source", f"is {source!r}, which is not the id of an entry in sources")
        labels = [_label(label, f"{where}.labels[{k}]") for k, label in enumerate(_list(obj, "labels", where))]
        if sum(label["status"] == LabelStatus.PROPOSED for label in labels) > 1:
            _fail(f"{where}.labels", "hold more than one open proposal")
        for k, label in enumerate(labels):
            if label["id"] in label_ids:
                _fail(f"{where}.labels[{k}].id", f"{label['id']} is used twice")
            label_ids.add(label["id"])
        claims[claim_id] = {
            "sentence": number,
            "start": start,
            "end": end,
            "source": source,
            "channel": _text(obj, "channel", where, max_length=_field_length(Claim, "channel")),
            "cue": _text(obj, "cue", where, max_length=_field_length(Claim, "cue")),
            # Files written before claim summaries existed have none.
            "summary": _text(obj, "summary", where, max_length=_field_length(Claim, "summary"))
            if isinstance(obj, dict) and "summary" in obj
            else "",
            "origin": _choice(obj, "origin", where, ClaimOrigin.values),
            "created_by": _username(obj, "created_by", where, optional=True),
            "created_at": _moment(obj, "created_at", where),
            "labels": labels,
        }
    return claims


def _label(obj, where):
    status = _choice(obj, "status", where, LabelStatus.values)
    evidence = _list(obj, "evidence", where)
    for k, link in enumerate(evidence):
        if not is_http_url(link):
            _fail(f"{where}.evidence[{k}]", f"must be an http or https address, not {link!r}")
    label = {
        "id": _int(obj, "id", where),
        "verdict": _choice(obj, "verdict", where, Verdict.values),
        "status": status,
        "rationale": _text(obj, "rationale", where),
        "evidence": evidence,
        "proposed_by": _username(obj, "proposed_by", where),
        "proposed_at": _moment(obj, "proposed_at", where),
        "reviewed_by": _username(obj, "reviewed_by", where, optional=True),
        "reviewed_at": _moment(obj, "reviewed_at", where, optional=True),
        "review_comment": _text(obj, "review_comment", where),
    }
    decided = status in DECIDED
    if decided != (label["reviewed_by"] is not None) or decided != (label["reviewed_at"] is not None):
        _fail(where, f"is {status}, so reviewed_by and reviewed_at must {'both be set' if decided else 'be null'}")
    if decided and label["reviewed_by"] == label["proposed_by"]:
        _fail(f"{where}.reviewed_by", "is the proposer; nobody reviews their own label (four-eyes rule)")
    if status == LabelStatus.REJECTED and not label["review_comment"].strip():
        _fail(f"{where}.review_comment", "must say why the label was rejected")
    return label


def _history(obj, where):
    before, after = _get(obj, "before", where), _get(obj, "after", where)
    for key, value in (("before", before), ("after", after)):
        if value is not None and not isinstance(value, dict):
            _fail(f"{where}.{key}", "must be an object or null")
    return {
        "at": _moment(obj, "at", where),
        "actor": _username(obj, "actor", where, optional=True),
        "action": _choice(obj, "action", where, HistoryEntry.Action.values),
        "object_type": _text(
            obj, "object_type", where, required=True, max_length=_field_length(HistoryEntry, "object_type")
        ),
        "object_id": _int(obj, "object_id", where),
        "claim_id": _int(obj, "claim_id", where, optional=True),
        "before": before,
        "after": after,
    }
