"""History entries in plain English: "alice proposed Unverified", "bob changed channel from “Telegram”
to “TASS”", and a source's changes as rows of a table. Pure: reads an entry's actor, action,
object_type, before and after; never queries.

Texts come back as plain strings; templates escape them like any other value."""

QUOTE_LIMIT = 80

CLAIM_FIELDS = {"channel": "channel", "cue": "cue"}
SOURCE_FIELDS = {
    "name": "name",
    "kind": "kind",
    "role": "role",
    "affiliation": "affiliation",
    "notes": "notes",
    "aliases": "aliases",
}
# The rows of a source page's history table, by the field they show.
SOURCE_CHANGE_LABELS = {
    "name": "Name",
    "kind": "Kind",
    "role": "Role or title",
    "affiliation": "Affiliation",
    "wikidata": "Wikidata item",
    "notes": "Notes",
    "aliases": "Aliases",
    "merged_into_name": "Merged into",
    "merged_name": "Merged in",
}


def describe(entry):
    """The whole line: who, then what."""
    return f"{actor_name(entry)} {what(entry)}"


def actor_name(entry):
    return entry.actor.get_username() if entry.actor is not None else "system"


def what(entry):
    """What the actor did, from the entry's action, object type and before/after values."""
    before, after = entry.before or {}, entry.after or {}
    describe_change = _PHRASES.get((entry.object_type, entry.action))
    if describe_change is None:
        return f"{entry.action} a {entry.object_type}"
    return describe_change(before, after)


def source_changes(entry):
    """A source's history entry as (label, before, after) rows of text, before None when there was
    nothing before."""
    before, after = entry.before or {}, entry.after or {}
    return [
        (label, shown(before[field]) if field in before else None, shown(after.get(field)))
        for field, label in SOURCE_CHANGE_LABELS.items()
        if field in before or field in after
    ]


def claims_moved(entry):
    """How many claims the change moved (a merge, a split)."""
    return len((entry.after or {}).get("claims_moved", []))


def shown(value):
    """A value as a table cell: a list joined with commas, "—" for nothing."""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value) or "—"
    return "—" if value in (None, "") else str(value)


def quoted(value):
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value)
    text = " ".join(str(value).split())
    if len(text) > QUOTE_LIMIT:
        text = text[: QUOTE_LIMIT - 1].rstrip() + "…"
    return f"“{text}”"


def _with_text(phrase, text):
    return f"{phrase}: {quoted(text)}" if text else phrase


def _joined(phrases):
    if len(phrases) < 2:
        return "".join(phrases)
    return ", ".join(phrases[:-1]) + " and " + phrases[-1]


def _field_change(name, old, new):
    if old in (None, "", []):
        return f"set {name} to {quoted(new)}"
    if new in (None, "", []):
        return f"cleared {name} (was {quoted(old)})"
    return f"changed {name} from {quoted(old)} to {quoted(new)}"


def _claim_created(before, after):
    return "accepted a suggested claim" if after.get("origin") == "suggestion" else "marked a claim"


def _claim_updated(before, after):
    changed = set(before) | set(after)
    phrases = []
    if {"start", "end"} & changed:
        phrases.append("changed the span")
    if "source" in changed:
        if before.get("source") is None:
            phrases.append("set the speaker")
        elif after.get("source") is None:
            phrases.append("removed the speaker")
        else:
            phrases.append("changed the speaker")
    phrases += [
        _field_change(name, before.get(field), after.get(field))
        for field, name in CLAIM_FIELDS.items()
        if field in changed
    ]
    return _joined(phrases) or "edited the claim"


def _verdict(values):
    return str(values.get("verdict", "")).capitalize()


def _proposed(before, after):
    if "verdict" in before:  # it replaced an open proposal
        return _with_text(
            f"changed the proposed label from {_verdict(before)} to {_verdict(after)}", after.get("rationale")
        )
    return _with_text(f"proposed {_verdict(after) or 'a label'}", after.get("rationale"))


def _decided(verb):
    def phrase(before, after):
        verdict = _verdict(after)
        label = f"the {verdict} label" if verdict else "the label"
        return _with_text(f"{verb} {label}", after.get("comment") or after.get("review_comment"))

    return phrase


def _sentence(after, fallback):
    number = after.get("number")
    return f"sentence {number}" if number else fallback


def _sentence_updated(before, after):
    if "reviewed" in after:
        state = "reviewed" if after["reviewed"] else "not reviewed"
        return f"marked {_sentence(after, 'a sentence')} as {state}"
    return f"edited {_sentence(after, 'a sentence')}"


def _imported(before, after):
    title = f" {quoted(after['title'])}" if after.get("title") else " an article"
    count = after.get("sentences")
    return f"imported{title}" + (f" ({count} sentence{'s' if count != 1 else ''})" if count is not None else "")


def _source_updated(before, after):
    changed = set(before) | set(after)
    phrases = [
        _field_change(name, before.get(field), after.get(field))
        for field, name in SOURCE_FIELDS.items()
        if field in changed
    ]
    return _joined(phrases) or "edited the source"


def _source_merged(before, after):
    if "merged_into_name" in after:  # the entry of the source that was folded away
        merged, into = after.get("source_name"), after["merged_into_name"]
    else:  # the entry of the source that received it
        merged, into = after.get("merged_name"), after.get("source_name")
    merged_text = f"source {quoted(merged)}" if merged else "a source"
    return f"merged {merged_text} into {quoted(into) if into else 'this one'}"


_PHRASES = {
    ("publication", "published"): lambda before, after: "published the article's fact-check page",
    ("publication", "unpublished"): lambda before, after: "took the article's fact-check page down",
    ("claim", "created"): _claim_created,
    ("claim", "updated"): _claim_updated,
    ("claim", "removed"): lambda before, after: "removed the claim",
    ("label", "proposed"): _proposed,
    ("label", "approved"): _decided("approved"),
    ("label", "rejected"): _decided("rejected"),
    ("label", "withdrawn"): lambda before, after: "withdrew a proposed label",
    ("sentence", "split"): lambda before, after: f"split {_sentence(after, 'a sentence')}",
    ("sentence", "merged"): lambda before, after: f"merged {_sentence(after, 'a sentence')} with the next one",
    ("sentence", "updated"): _sentence_updated,
    ("article", "imported"): _imported,
    ("source", "created"): lambda before, after: (
        f"added source {quoted(after['name'])}" if after.get("name") else "added a source"
    ),
    ("source", "updated"): _source_updated,
    ("source", "merged"): _source_merged,
}
