"""claims/suggestion_reasons.py: a suggestion's sentence cut into its speaker, cue, channel and claim marks."""

import random
from types import SimpleNamespace

from claims.suggestion_reasons import CHANNEL, CLAIM, CUE, SPEAKER, Piece, has_mark, reason_pieces

SEED_SENTENCE = (
    "Armed Russian citizens who oppose the Kremlin have entered Belgorod Oblast, spokesperson for Ukraine's "
    "military intelligence Andrii Yusov told Suspilne news outlet on May 22."
)


def suggestion(text, *, claim, speaker=None, cue="said", channel="", offset=0):
    """A suggestion over `text` (starting at `offset`): the claim and the speaker given by their words."""

    def span(words):
        at = text.index(words)
        return offset + at, offset + at + len(words)

    start, end = span(claim)
    source_start, source_end = span(speaker) if speaker else (None, None)
    return SimpleNamespace(
        start=start,
        end=end,
        source_text=speaker or "Andrii Yusov",
        mention_start=None,
        mention_end=None,
        source_start=source_start,
        source_end=source_end,
        cue=cue,
        channel=channel,
    )


def marks(pieces):
    """[(kind, text)] of the marks, a claim's inner ones after it, as ("claim/speaker", text)."""
    found = []
    for piece in pieces:
        if piece.kind:
            found.append((piece.kind, piece.text))
        found += [(f"{piece.kind}/{inner.kind}", inner.text) for inner in piece.parts if inner.kind]
    return found


def joined(pieces):
    return "".join(piece.text for piece in pieces)


def test_the_seeds_first_sentence_marks_speaker_cue_channel_and_claim():
    found = suggestion(
        SEED_SENTENCE,
        claim="Armed Russian citizens who oppose the Kremlin have entered Belgorod Oblast",
        speaker="Andrii Yusov",
        cue="told",
        channel="Suspilne",
    )
    pieces = reason_pieces(found, SEED_SENTENCE, offset=0)
    assert marks(pieces) == [
        (CLAIM, "Armed Russian citizens who oppose the Kremlin have entered Belgorod Oblast"),
        (SPEAKER, "Andrii Yusov"),
        (CUE, "told"),
        (CHANNEL, "Suspilne"),
    ]
    assert joined(pieces) == SEED_SENTENCE
    assert pieces[-1] == Piece(" news outlet on May 22.")


def test_offsets_are_absolute_and_the_sentence_start_is_their_base():
    text = "Yusov said the operation began."
    found = suggestion(text, claim="the operation began", speaker="Yusov", offset=1000)
    assert marks(reason_pieces(found, text, offset=1000)) == [
        (SPEAKER, "Yusov"),
        (CUE, "said"),
        (CLAIM, "the operation began"),
    ]


def test_the_cue_is_the_occurrence_nearest_the_speaker():
    text = "Kyiv said nothing, but on Monday Yusov said the raid had ended."
    found = suggestion(text, claim="the raid had ended", speaker="Yusov")
    pieces = reason_pieces(found, text, offset=0)
    cue = next(piece for piece in pieces if piece.kind == CUE)
    assert joined(pieces[: pieces.index(cue)]).endswith("Yusov ")


def test_the_cue_is_found_as_a_whole_word_in_any_case():
    text = "Having retold the story, ACCORDING TO Yusov the raid had ended, Yusov told reporters."
    found = suggestion(text, claim="the raid had ended", speaker="Yusov", cue="according to")
    assert (CUE, "ACCORDING TO") in marks(reason_pieces(found, text, offset=0))
    found = suggestion(text, claim="the raid had ended", speaker="Yusov", cue="told")
    pieces = reason_pieces(found, text, offset=0)
    assert [piece.text for piece in pieces if piece.kind == CUE] == ["told"]
    assert "retold" in pieces[0].text  # the word inside "retold" is not the cue


def test_a_cue_or_channel_the_sentence_does_not_hold_is_not_marked():
    # The channel is stored normalised ("statement"): the sentence says "statements", another word.
    text = "Kyiv has denied the reports in two statements."
    found = suggestion(text, claim="the reports", speaker="Kyiv", cue="declared", channel="statement")
    pieces = reason_pieces(found, text, offset=0)
    assert marks(pieces) == [(SPEAKER, "Kyiv"), (CLAIM, "the reports")]
    assert joined(pieces) == text


def test_the_channel_is_looked_for_outside_the_claim_first():
    text = "Yusov told Suspilne that Suspilne had the footage first."
    found = suggestion(text, claim="Suspilne had the footage first", speaker="Yusov", cue="told", channel="suspilne")
    pieces = reason_pieces(found, text, offset=0)
    assert (CHANNEL, "Suspilne") in marks(pieces)
    assert not has_mark(pieces[-1].parts, CHANNEL)


def test_a_channel_only_the_claim_holds_is_marked_inside_it():
    text = "The group said its Telegram posts were genuine."
    found = suggestion(text, claim="its Telegram posts were genuine", speaker="The group", channel="Telegram")
    assert marks(reason_pieces(found, text, offset=0)) == [
        (SPEAKER, "The group"),
        (CUE, "said"),
        (CLAIM, "its Telegram posts were genuine"),
        ("claim/channel", "Telegram"),
    ]


def test_a_speaker_named_in_another_sentence_is_not_marked_and_the_cue_is_the_one_by_the_claim():
    # "said Yusov": the suggestion's source offsets are where the article first names Andrii Yusov.
    text = "Some of the fighters said they were locals, while the attackers were fewer than 100, said Yusov."
    found = SimpleNamespace(
        source_text="Andrii Yusov",
        start=2000 + text.index("the attackers"),
        end=2000 + text.index(", said Yusov"),
        mention_start=None,
        mention_end=None,
        source_start=120,
        source_end=132,
        cue="said",
        channel="",
    )
    pieces = reason_pieces(found, text, offset=2000)
    assert not has_mark(pieces, SPEAKER)
    cue = next(piece for piece in pieces if piece.kind == CUE)
    assert joined(pieces[pieces.index(cue) :]) == "said Yusov."


def test_a_nested_claim_holds_the_marks_inside_it():
    text = "Officials said the soldiers who claimed to have switched sides told TASS nothing."
    found = suggestion(text, claim=text[:-1], speaker="the soldiers", cue="claimed", channel="TASS")
    pieces = reason_pieces(found, text, offset=0)
    assert [piece.kind for piece in pieces] == [CLAIM, ""]
    assert marks(pieces)[1:] == [("claim/speaker", "the soldiers"), ("claim/cue", "claimed"), ("claim/channel", "TASS")]
    assert joined(pieces[0].parts) == pieces[0].text


def test_a_word_inside_the_speaker_mention_is_never_the_cue_or_the_channel():
    # The more specific mark wins: the speaker's offsets are known, the others are only words.
    text = "Said Ahmed of Telegram Watch said the channel was fake."
    found = suggestion(text, claim="the channel was fake", speaker="Said Ahmed of Telegram Watch", channel="Telegram")
    assert marks(reason_pieces(found, text, offset=0)) == [
        (SPEAKER, "Said Ahmed of Telegram Watch"),
        (CUE, "said"),
        (CLAIM, "the channel was fake"),
    ]


def test_the_channel_never_takes_the_cues_words():
    text = "The ministry reported to Reported Daily that prices rose."
    found = suggestion(text, claim="prices rose", speaker="The ministry", cue="reported", channel="reported")
    assert marks(reason_pieces(found, text, offset=0)) == [
        (SPEAKER, "The ministry"),
        (CUE, "reported"),
        (CHANNEL, "Reported"),
        (CLAIM, "prices rose"),
    ]


def test_a_speaker_crossing_the_claims_end_keeps_its_words_and_the_claim_gives_them_up():
    text = "The raid ended early, Yusov said."
    found = SimpleNamespace(
        source_text="Andrii Yusov",
        start=0,
        end=text.index(","),
        mention_start=None,
        mention_end=None,
        source_start=text.index("early"),
        source_end=text.index(" said"),
        cue="said",
        channel="",
    )
    assert marks(reason_pieces(found, text, offset=0)) == [
        (CLAIM, "The raid ended "),
        (SPEAKER, "early, Yusov"),
        (CUE, "said"),
    ]


def test_a_speaker_mention_covering_the_whole_claim_leaves_the_claim_marked():
    text = "Yusov said so."
    found = SimpleNamespace(
        source_text="Andrii Yusov",
        start=0,
        end=5,
        mention_start=None,
        mention_end=None,
        source_start=0,
        source_end=10,
        cue="said",
        channel="",
    )
    assert marks(reason_pieces(found, text, offset=0)) == [(CLAIM, "Yusov"), (CUE, "said")]


def test_pieces_always_join_to_the_sentence_and_marks_never_cross():
    words = "Yusov said told Suspilne the group claimed Telegram said that it told Suspilne".split()
    shuffle = random.Random(15)
    for _ in range(500):
        text = " ".join(shuffle.choice(words) for _ in range(12)) + "."
        offset = shuffle.randrange(0, 50)
        start, end = sorted(shuffle.sample(range(len(text) + 1), 2))
        source_start, source_end = sorted(shuffle.sample(range(-5, len(text) + 5), 2))
        found = SimpleNamespace(
            source_text=shuffle.choice(["Yusov", "the group", "Andrii Yusov"]),
            start=offset + start,
            end=offset + end,
            mention_start=None,
            mention_end=None,
            source_start=offset + source_start,
            source_end=offset + source_end,
            cue=shuffle.choice(["said", "told", "", "claimed"]),
            channel=shuffle.choice(["Suspilne", "telegram", "", "Said"]),
        )
        pieces = reason_pieces(found, text, offset=offset)
        assert joined(pieces) == text
        assert all(piece.text for piece in pieces)
        for piece in pieces:
            assert joined(piece.parts) == (piece.text if piece.kind == CLAIM else "")
            assert all(inner.kind != CLAIM and not inner.parts for inner in piece.parts)
        kinds = [piece.kind for piece in pieces if piece.kind] + [i.kind for p in pieces for i in p.parts if i.kind]
        assert len(kinds) == len(set(kinds))  # each mark once at most


def test_a_cue_word_inside_the_claim_is_not_taken_for_the_cue_when_one_stands_outside_it():
    text = "“They said it was over,” said the intelligence official."
    found = SimpleNamespace(
        source_text="Andrii Yusov",
        start=401,
        end=400 + text.index(","),
        mention_start=None,
        mention_end=None,
        source_start=5,
        source_end=17,
        cue="said",
        channel="",
    )
    pieces = reason_pieces(found, text, offset=400)
    assert marks(pieces) == [(CLAIM, "They said it was over"), (CUE, "said")]
    assert joined(pieces).endswith("” said the intelligence official.")
    assert pieces[-2] == Piece("said", CUE)


def test_a_speaker_whose_offsets_point_at_another_sentence_is_marked_where_this_one_names_them():
    # The stored mention is the name's first appearance; this sentence names the group again, in full.
    text = "Earlier the same day, the Russian Volunteer Corps claimed its members crossed the border."
    found = SimpleNamespace(
        source_text="Russian Volunteer Corps",
        mention_start=None,
        mention_end=None,
        source_start=40,
        source_end=63,
        start=900 + text.index("its"),
        end=900 + len(text) - 1,
        cue="claimed",
        channel="",
    )
    assert marks(reason_pieces(found, text, offset=900)) == [
        (SPEAKER, "Russian Volunteer Corps"),
        (CUE, "claimed"),
        (CLAIM, "its members crossed the border"),
    ]


def test_a_name_only_the_claim_holds_is_not_taken_for_the_speaker():
    text = "The group said Andrii Yusov had lied."
    found = SimpleNamespace(
        source_text="Andrii Yusov",
        mention_start=None,
        mention_end=None,
        source_start=3,
        source_end=15,
        start=115,
        end=136,
        cue="said",
        channel="",
    )
    assert marks(reason_pieces(found, text, offset=100)) == [(CUE, "said"), (CLAIM, "Andrii Yusov had lied")]


def test_the_mention_in_this_sentence_is_marked_for_a_back_reference():
    text = "The intelligence official said the bridge was hit."
    found = SimpleNamespace(
        source_text="Andrii Yusov",
        mention_start=100,
        mention_end=125,
        source_start=3,
        source_end=15,
        start=131,
        end=149,
        cue="said",
        channel="",
    )  # the name is given in an earlier sentence; this one says "The intelligence official"
    assert marks(reason_pieces(found, text, offset=100)) == [
        (SPEAKER, "The intelligence official"),
        (CUE, "said"),
        (CLAIM, "the bridge was hit"),
    ]
