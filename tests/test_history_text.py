"""History in plain English, without the database: entries are plain objects."""

from types import SimpleNamespace

import pytest

from claims.history_text import QUOTE_LIMIT, claims_moved, describe, source_changes


class Person:
    def __init__(self, username):
        self.username = username

    def get_username(self):
        return self.username


def entry(action, object_type, *, actor="alice", before=None, after=None):
    return SimpleNamespace(
        actor=Person(actor) if actor else None, action=action, object_type=object_type, before=before, after=after
    )


@pytest.mark.parametrize(
    "history, text",
    [
        (entry("created", "claim", after={"start": 0, "end": 9, "origin": "manual"}), "alice marked a claim"),
        (entry("created", "claim", after={"origin": "suggestion"}), "alice accepted a suggested claim"),
        (entry("removed", "claim", before={"start": 0, "end": 9}), "alice removed the claim"),
        (
            entry("proposed", "label", after={"verdict": "unverified", "rationale": "", "evidence": []}),
            "alice proposed Unverified",
        ),
        (
            entry("proposed", "label", after={"verdict": "denied", "rationale": "The ministry says no."}),
            "alice proposed Denied: “The ministry says no.”",
        ),
        (
            entry(
                "approved",
                "label",
                actor="charlie",
                after={"status": "approved", "verdict": "confirmed", "comment": "Checked with the ministry"},
            ),
            "charlie approved the Confirmed label: “Checked with the ministry”",
        ),
        (
            entry("approved", "label", actor="charlie", after={"status": "approved", "comment": ""}),
            "charlie approved the label",
        ),
        (
            entry(
                "rejected",
                "label",
                actor="charlie",
                after={"status": "rejected", "verdict": "denied", "comment": "No source"},
            ),
            "charlie rejected the Denied label: “No source”",
        ),
        (entry("withdrawn", "label", before={"status": "proposed"}), "alice withdrew a proposed label"),
        (
            entry("proposed", "label", before={"verdict": "confirmed", "replaced": 4}, after={"verdict": "denied"}),
            "alice changed the proposed label from Confirmed to Denied",
        ),
        (entry("split", "sentence", after={"number": 4, "parts": [[0, 5], [6, 9]]}), "alice split sentence 4"),
        (entry("split", "sentence", after={"parts": [[0, 5], [6, 9]]}), "alice split a sentence"),
        (entry("merged", "sentence", after={"number": 2}), "alice merged sentence 2 with the next one"),
        (entry("updated", "sentence", after={"reviewed": True, "number": 3}), "alice marked sentence 3 as reviewed"),
        (
            entry("imported", "article", after={"title": "Belgorod raid", "sentences": 41}),
            "alice imported “Belgorod raid” (41 sentences)",
        ),
        (entry("created", "source", actor="dana", after={"name": "TASS"}), "dana added source “TASS”"),
        (
            entry(
                "merged",
                "source",
                actor="dana",
                after={"merged_into": 2, "merged_into_name": "Yusov", "source_name": "A. Yusov"},
            ),
            "dana merged source “A. Yusov” into “Yusov”",
        ),
        (
            entry(
                "merged", "source", actor="dana", after={"merged": 1, "merged_name": "A. Yusov", "source_name": "Yusov"}
            ),
            "dana merged source “A. Yusov” into “Yusov”",
        ),
        (
            entry("updated", "source", actor="dana", before={"role": ""}, after={"role": "spokesperson"}),
            "dana set role to “spokesperson”",
        ),
    ],
)
def test_each_kind_of_change_reads_as_a_sentence(history, text):
    assert describe(history) == text


def test_claim_edits_name_each_field_that_changed():
    history = entry(
        "updated",
        "claim",
        actor="bob",
        before={"channel": "Telegram", "source": None, "cue": "said"},
        after={"channel": "TASS", "source": 7, "cue": ""},
    )
    assert (
        describe(history)
        == "bob set the speaker, changed channel from “Telegram” to “TASS” and cleared cue (was “said”)"
    )
    assert (
        describe(entry("updated", "claim", before={"start": 1, "end": 5}, after={"start": 2, "end": 5}))
        == "alice changed the span"
    )


def test_entries_without_an_actor_are_by_the_system():
    assert describe(entry("removed", "claim", actor=None)) == "system removed the claim"


def test_unknown_kinds_fall_back_to_action_and_object():
    assert describe(entry("updated", "label")) == "alice updated a label"


def test_long_values_are_cut_and_markup_is_left_as_text():
    # Escaping is the template's job: the text keeps the characters as they were typed.
    history = entry("proposed", "label", after={"verdict": "denied", "rationale": "<b>x</b> " + "word " * 40})
    text = describe(history)
    assert "<b>x</b>" in text and text.endswith("…”")
    assert len(text.split("“", 1)[1]) <= QUOTE_LIMIT + 1


# A source page's table of changes


def test_source_changes_are_rows_of_label_before_and_after():
    history = entry(
        "updated",
        "source",
        before={"role": "", "aliases": ["Yusov"]},
        after={"role": "spokesperson", "aliases": ["Yusov", "A. Yusov"]},
    )
    assert source_changes(history) == [("Role or title", "—", "spokesperson"), ("Aliases", "Yusov", "Yusov, A. Yusov")]


def test_a_new_source_has_nothing_before_and_empty_values_show_a_dash():
    history = entry("created", "source", after={"name": "TASS", "kind": "organisation", "notes": "", "aliases": []})
    assert source_changes(history) == [
        ("Name", None, "TASS"),
        ("Kind", None, "organisation"),
        ("Notes", None, "—"),
        ("Aliases", None, "—"),
    ]


def test_a_merge_names_both_sources_and_counts_the_claims_moved():
    folded = entry(
        "merged",
        "source",
        before={"merged_into": None},
        after={"merged_into": 2, "merged_into_name": "Yusov", "claims_moved": [4, 5]},
    )
    assert source_changes(folded) == [("Merged into", None, "Yusov")]
    assert claims_moved(folded) == 2 and claims_moved(entry("created", "source")) == 0
