"""Restoring a Workbench JSON export as a new article: text, sentences as stored, sources, claims,
labels and history, in one transaction.

Call it through claims.importing.pipeline.import_article(data, fmt="json"), the single entry point for
imports. check.read() checks the whole document before anything is written; any problem is an
ImportRefused naming it.

People are matched by username. A username unknown here gets an inactive account with no password
and no role, so every label keeps who proposed and who approved it, and the four-eyes rule
(reviewer ≠ proposer) holds exactly as it did where the file came from. Nobody is credited with
work the file says someone else did."""

from django.contrib.auth import get_user_model
from django.db import DataError, IntegrityError, transaction

from ...importing.metadata import ImportRefused, Metadata
from ...models import Article, Claim, HistoryEntry, ImportFormat, Label, Sentence, Source
from ...names import fold
from .check import read


def restore(data: bytes, *, by=None, meta=Metadata()) -> Article:
    doc = read(data)
    try:
        with transaction.atomic():
            return _save(doc, by=by, meta=meta)
    except (IntegrityError, DataError) as error:  # a rule the checks missed; nothing was saved
        raise ImportRefused(f"The file breaks a database rule: {str(error).splitlines()[0]}") from error


def _save(doc, *, by, meta):
    people = _people(doc, by)
    article = _save_article(doc["article"], by=by, meta=meta)
    Sentence.objects.bulk_create(
        [
            Sentence(article=article, text=article.text[sentence["start"] : sentence["end"]], **sentence)
            for sentence in doc["sentences"].values()
        ],
        batch_size=2000,
    )
    sentence_ids = dict(article.sentences.values_list("number", "pk"))
    sources = _matching_sources(doc["sources"], by=by)

    claims = {}
    for file_id, claim in doc["claims"].items():
        claims[file_id] = Claim(
            article=article,
            sentence_id=sentence_ids[claim["sentence"]],
            start=claim["start"],
            end=claim["end"],
            source=sources.get(claim["source"]),
            channel=claim["channel"],
            cue=claim["cue"],
            summary=claim["summary"],
            origin=claim["origin"],
            created_by=people.get(claim["created_by"]),
            created_at=claim["created_at"],
        )
    Claim.objects.bulk_create(claims.values())

    labels = {}
    for file_id, claim in doc["claims"].items():
        for label in claim["labels"]:
            labels[label["id"]] = Label(
                claim=claims[file_id],
                verdict=label["verdict"],
                status=label["status"],
                rationale=label["rationale"],
                evidence=label["evidence"],
                claim_version=claims[file_id].version,
                claim_snapshot=claims[file_id].snapshot(),
                proposed_by=people[label["proposed_by"]],
                proposed_at=label["proposed_at"],
                reviewed_by=people.get(label["reviewed_by"]),
                reviewed_at=label["reviewed_at"],
                review_comment=label["review_comment"],
            )
    Label.objects.bulk_create(labels.values())

    new_ids = {
        "article": {doc["article"]["id"]: article.pk},
        "claim": _pks(claims),
        "label": _pks(labels),
        "source": _pks(sources),
    }
    HistoryEntry.objects.bulk_create([_history_row(entry, article, new_ids, people) for entry in doc["history"]])
    original = doc["article"]
    after = {
        "title": article.title,
        "format": ImportFormat.JSON,
        "sentences": len(sentence_ids),
        "claims": len(claims),
        "labels": len(labels),
        "restored_from": {
            "article_id": original["id"],
            "source_format": original["source_format"],
            "created_at": original["created_at"].isoformat(),
            "imported_by": original["imported_by"],
        },
    }
    HistoryEntry.record(actor=by, action=HistoryEntry.Action.IMPORTED, obj=article, after=after)
    return article


def _people(doc, by):
    """Username -> user for every person the file names; unknown ones get an inactive account."""
    names = {claim["created_by"] for claim in doc["claims"].values()}
    names |= {entry["actor"] for entry in doc["history"]}
    for claim in doc["claims"].values():
        names |= {name for label in claim["labels"] for name in (label["proposed_by"], label["reviewed_by"])}
    names.discard(None)
    User = get_user_model()
    field = User.USERNAME_FIELD
    people = {getattr(user, field): user for user in User.objects.filter(**{f"{field}__in": names})}
    for name in sorted(names - people.keys()):
        user = User(**{field: name}, is_active=False)
        user.set_unusable_password()  # a record of who did the work, not a way in
        user.save()
        people[name] = user
    return people


def _save_article(original, *, by, meta):
    # Metadata given with the import (a form field, a command option) wins over the file's.
    language = meta.language if meta.language != Metadata().language else original["language"]
    return Article.objects.create(
        title=meta.title.strip() or original["title"],
        outlet=meta.outlet.strip() or original["outlet"],
        url=meta.url.strip() or original["url"],
        published=meta.published or original["published"],
        language=language,
        text=original["text"],
        source_format=ImportFormat.JSON,
        imported_by=by,
    )


def _matching_sources(sources, *, by):
    """{file id: the registry's source called that name (by its name or an alias, case and accents
    ignored), preferring one whose own name matches, then the oldest; else a new source as the file
    describes it}. A matched source is left as it is: an import never edits the shared registry. A
    source created here is matched by the file's later entries as if it had been in the registry."""
    registry = Source.objects.active().by_folded_names(source["name"] for source in sources.values())
    matched = {}
    for file_id, source in sources.items():
        key = fold(source["name"])
        if candidates := registry[key]:
            matched[file_id] = min(candidates, key=lambda candidate: candidate.name_folded != key)
            continue
        aliases = [alias for alias in source["aliases"] if fold(alias) != key]
        new = Source(name=source["name"], kind=source["kind"], role=source["role"], affiliation=source["affiliation"])
        matched[file_id] = new.save_new(by=by, aliases=aliases)
        for folded in {key, *map(fold, aliases)} & registry.keys():
            registry[folded].append(new)
    return matched


def _pks(objects):
    return {file_id: obj.pk for file_id, obj in objects.items()}


def _history_row(entry, article, new_ids, people):
    """A new row for an entry of the file: same time, action and values, the person matched by
    username, ids mapped to the restored objects (0 for an object the file does not carry, such as
    a sentence or a removed claim), and an `imported` note in `after` with the original ids."""
    object_id = new_ids.get(entry["object_type"], {}).get(entry["object_id"], 0)
    return HistoryEntry(
        at=entry["at"],
        actor=people.get(entry["actor"]),
        action=entry["action"],
        object_type=entry["object_type"],
        object_id=object_id,
        article=article,
        claim_id=new_ids["claim"].get(entry["claim_id"]),
        before=entry["before"],
        after={**(entry["after"] or {}), "imported": {"object_id": entry["object_id"], "claim_id": entry["claim_id"]}},
    )
