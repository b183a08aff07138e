"""The attributions in one sentence: each reporting cue, its speaker's tokens and its claim's tokens.

Finite verbs ("Yusov said", ", said Yusov", "has denied", "... but warned that"), "according to",
participles (", later saying that", "a video purporting to show"). The claim clause around a cue is
found by clauses, the speaker's noun phrase by noun_phrases; nothing here resolves who the speaker is.
"""

from .channels import find_channel
from .clauses import (
    find_that,
    has_finite_verb,
    is_quote_start,
    left_claim_end,
    nothing_after,
    skip_adjuncts,
    with_right_claim,
)
from .documents import AUTHOR_PARTICIPLES, DOCUMENT_CUES, document_author, document_subject
from .lexicon import (
    ANON_NOUNS,
    AUX,
    BREAKS,
    CLAUSE_ONLY,
    CUE_VERBS,
    DETERMINERS,
    DOCUMENTS,
    HEDGES,
    MEDIA,
    NEGATIONS,
    ORG_NOUNS,
    PARTICIPLE_CUES,
    PASSIVE,
    PRONOUNS,
    ROLE_NOUNS,
    SHOW_WORDS,
    SKIPPABLE,
    SPEECH_EVENTS,
    WHERE,
    word_set,
)
from .noun_phrases import comma_in_a_name, is_speaker_np, loose_subject, np_back, np_forward, subject_before
from .sentence_subjects import sentence_subject
from .tokens import QUOTES, is_quote


class _Attr:
    """An attribution being built inside one sentence."""

    __slots__ = (
        "appos",
        "channel",
        "claim_hi",
        "claim_lo",
        "clause_lo",
        "cue_hi",
        "cue_lo",
        "document",
        "extra_claims",
        "nested",
        "participle",
        "side",
        "subj_hi",
        "subj_lo",
    )

    def __init__(self, cue_lo, cue_hi):
        self.cue_lo, self.cue_hi = cue_lo, cue_hi
        self.subj_lo = self.subj_hi = None
        self.claim_lo = self.claim_hi = None
        self.side = None
        self.channel = None
        self.nested = False
        self.clause_lo = None  # where this attribution's clause starts, for bounding claims before it
        self.participle = False
        self.extra_claims = []
        self.appos = None  # (lo, hi) of an apposition: "said Hanna Virtanen, the lead auditor"
        self.document = None  # (document token, author (lo, hi) or None) when a document is the source


# A real sentence holds a handful of attributions; more means the input is not prose.
_MAX_PER_SENTENCE = 12


def find_attributions(toks):
    """The attributions in a sentence's tokens, in order, each claim bounded by the next attribution."""
    if not toks:
        return []
    attrs = []
    n = len(toks)
    i = 0
    finite_cue_seen = any(
        t.low in CUE_VERBS
        and not t.in_quote
        and not t.low.endswith("ing")
        and not (k and (toks[k - 1].low in DETERMINERS or toks[k - 1].poss))  # "The claim was false": a noun
        and not (k and toks[k - 1].low == "to")  # "failed to report a leak"
        and not (k and t.cap)  # a name: "the United States"
        and not _a_plural_noun(toks, k, k - 1)  # "including their medical notes"
        and not (k and t.low == CUE_VERBS[t.low] and not _plural_subject(toks, k - 1))  # "a government report"
        for k, t in enumerate(toks)
    )
    while i < n:
        tok = toks[i]
        if tok.in_quote or not tok.word:
            i += 1
            continue
        attr = _attribution_at(toks, i, attrs, finite_cue_seen)
        if attr is not None:
            attrs.append(attr)
            if len(attrs) >= _MAX_PER_SENTENCE:
                break  # not prose; bounds the work on degenerate input
            i = attr.cue_hi
        else:
            i += 1
    _bound_claims(toks, attrs)
    return attrs


_NOUN_OR_VERB = word_set("states rules posts notes reports claims warns estimates")
_SUBJECT_NOUNS = ORG_NOUNS | ANON_NOUNS | ROLE_NOUNS | DOCUMENTS


def _a_plural_noun(toks, i, k):
    """Whether toks[i], a cue's form that is also a plural noun, is the noun: after a word that cannot be its
    subject (toks[k], the word before it: "new rules", "medical notes", "the United States")."""
    if toks[i].low not in _NOUN_OR_VERB:
        return False
    if k < 0 or i + 1 < len(toks) and toks[i + 1].low in AUX:
        return True  # "eleven midwife posts had been vacant": the noun, its verb after it
    before = toks[k]
    return not (before.cap or before.low in PRONOUNS or before.low in _SUBJECT_NOUNS)


def _attribution_at(toks, i, attrs, finite_cue_seen):
    """The attribution whose cue is the token at i, or None."""
    tok, n = toks[i], len(toks)
    document = document_subject(toks, i) if tok.low in DOCUMENT_CUES else None
    if document and (attr := _documented(toks, i, document)) is not None:
        return attr
    if tok.low == "according" and i + 1 < n and toks[i + 1].low == "to":
        # At the start, "According to X, CLAIM" holds a cue of its own only in a claim inside the claim.
        return None if finite_cue_seen and i > 0 else _according_to(toks, i)
    if tok.low == "purporting" and i + 2 < n and toks[i + 1].low == "to" and toks[i + 2].low in SHOW_WORDS:
        return _participle(toks, i, i + 3, attrs, media_required=False)
    if tok.low in SHOW_WORDS and tok.low != "show":
        lo = i - 1 if i > 0 and toks[i - 1].low in HEDGES else i
        return _participle(toks, lo, i + 1, attrs, media_required=True)
    if tok.low in PARTICIPLE_CUES:
        return _participle(toks, i, i + 1, attrs, media_required=False)
    if tok.low in CUE_VERBS and not tok.low.endswith("ing"):
        return _finite(toks, i, attrs)
    return None


def _plural_subject(toks, k):
    """Whether toks[k] can be the subject of a cue's base form: "they", "officials" (say), "Apricot growers
    in Ladakh's Kargil district" (say); not "state media" (say) or "a government" (report)."""
    b = toks[k]
    if b.text == "," and k > 2:  # "Transport unions, which have threatened a strike, say"
        m = next((m for m in range(k - 1, max(k - 16, 0), -1) if toks[m].text == ","), None)
        if m is not None and m + 1 < k and toks[m + 1].low in ("which", "who"):
            return _plural_subject(toks, m - 1)
    plural = b.word and b.low.endswith("s") and b.low not in DETERMINERS
    return b.low in ("they", "we", "i", "you") or plural or _plural_before_a_place(toks, k)


def _plural_before_a_place(toks, k):
    """Whether toks[k] ends a plural speaker's place: "Apricot growers in Ladakh's Kargil district (say)"."""
    for j in range(k - 1, max(k - 12, 0), -1):
        if not toks[j].word:
            return False
        if toks[j].low in WHERE and toks[j - 1].low.endswith("s") and len(toks[j - 1].low) > 3:
            return True  # "Shelters in Tijuana (say)", past another place: "Villagers along the X River in ..."
    return False


def _prev_index(toks, i, skip=SKIPPABLE):
    """Index of the token before i, skipping adverbs and auxiliaries; -1 at the start."""
    j = i - 1
    while j >= 0 and toks[j].low in skip:
        j -= 1
    return j


def _finite(toks, i, attrs):
    """A finite reporting verb at i: "Yusov said", ", said Yusov", "has denied", "... but warned that"."""
    tok = toks[i]
    lemma = CUE_VERBS[tok.low]
    if tok.cap and i > 0 and toks[i - 1].text not in QUOTES + ",":
        return None  # a name: "Islamic State", "The Post"
    j = i - 1
    if j >= 0:
        before = toks[j]
        if before.low in DETERMINERS or before.poss:
            return None  # "the reported figures", "his claims"
        if before.low == "all" and tok.low == "told":
            return None
    k = _prev_index(toks, i, SKIPPABLE - word_set("has have had"))
    if k >= 0:
        b = toks[k].low
        if b in PASSIVE or b in NEGATIONS or b == "to":
            return None  # "was told", "did not say", "declined to comment"
        if b in AUX and b not in ("has", "have", "had", "do", "does", "did"):
            return None  # "will announce": not yet said
        if b in ("has", "have", "had"):
            k2 = _prev_index(toks, k)
            if k2 >= 0 and toks[k2].low in NEGATIONS:
                return None
    if _a_plural_noun(toks, i, k):
        return None  # plural nouns: "the United States", "new rules"
    if lemma == "report" and i + 1 < len(toks) and toks[i + 1].low == "on":
        return None  # "had reported on fuel theft": covered a subject, stated nothing
    if tok.low == "state" and not (i + 1 < len(toks) and toks[i + 1].low == "that"):
        return None  # "Amapá state said", "Amazonas state infrastructure secretary": the noun
    if tok.low == lemma and k >= 0 and not _plural_subject(toks, k):
        return None  # a base form needs a plural subject: "officials say", not "state media"
    attr = _Attr(i, i + 1)
    # Relative clause: "soldiers who claimed to have...".
    if k >= 0 and toks[k].low in ("who", "which") and not toks[k].acronym and (k == 0 or toks[k - 1].text != ","):
        lo = np_back(toks, k)
        if lo is None:
            return None
        attr.subj_lo, attr.subj_hi = lo, k
        attr.nested = True
        attr.side = "right"
        attr.clause_lo = lo
        return with_right_claim(toks, attr, lemma, require_clause=True)
    # Source before the cue.
    subj = subject_before(toks, _prev_index(toks, i))
    if subj is None and nothing_after(toks, i + 1):
        subj = loose_subject(toks, _prev_index(toks, i))  # "CLAIM, the district collector announced."
    if subj is None and lemma == "tell" and k >= 0:
        subj = _teller(toks, _prev_index(toks, i))  # "Police said the driver of the bus (had) told officers he ..."
    if subj is None and k >= 0 and toks[k].low in ("and", "but"):
        # "Bailey said inflation was falling but warned that ...": the earlier speaker goes on; with none,
        # the sentence's subject ("The Red Cross appealed for calm and said ...").
        earlier = [a for a in attrs if a.subj_lo is not None and not a.nested and a.side == "right"]
        if earlier:
            attr.subj_lo, attr.subj_hi = earlier[-1].subj_lo, earlier[-1].subj_hi
        else:
            opening = sentence_subject(toks, k)
            if opening is None or not is_speaker_np(toks, *opening):
                return None
            attr.subj_lo, attr.subj_hi = opening
        attr.clause_lo = k
        return with_right_claim(toks, attr, lemma, require_clause=True)
    if subj is not None:
        attr.subj_lo, attr.subj_hi = subj
        attr.clause_lo = attr.subj_lo
        if attr.subj_lo > 0 and toks[attr.subj_lo - 1].low in ("while", "whereas", "but", "and", "though", "although"):
            attr.clause_lo = attr.subj_lo - 1
        # After a quotation ('"...," Okafor claimed, the commissioner.'), only a clause is a claim on the right:
        # an apposition or a place there ("said at the quayside") leaves the quotation as the claim.
        quoted_before = attr.subj_lo > 0 and is_quote(toks[attr.subj_lo - 1])
        right = with_right_claim(toks, attr, lemma, require_clause=lemma in CLAUSE_ONLY or quoted_before)
        if right is not None and right.claim_lo is not None:
            left = left_claim_end(toks, attr.subj_lo)
            if left is not None and right.claim_lo < len(toks) and is_quote_start(toks, attr.cue_hi, right.claim_lo):
                right.extra_claims.append((0, left))  # "Q1," he said, "Q2."
            return right
        # Nothing after the cue: the claim is before the attribution ("CLAIM, X said.").
        left = left_claim_end(toks, attr.subj_lo, attr.cue_hi)
        if left is None or any(t.low in SPEECH_EVENTS for t in toks[attr.cue_hi : attr.cue_hi + 2]):
            return None  # or "Over four decades, she told the story of ...": nothing was claimed
        attr.side = "left"
        attr.claim_lo, attr.claim_hi = 0, left
        attr.channel = find_channel(toks, attr.cue_lo, len(toks))
        return attr
    # Source after the cue: "CLAIM, said Yusov."
    if i > 0 and (toks[i - 1].text == "," or is_quote(toks[i - 1])):
        left = left_claim_end(toks, i)
        if left is None:
            return None
        forward = np_forward(toks, i + 1)
        if forward is None:
            return None
        hi, appos_hi = forward
        if hi < len(toks) and (toks[hi].low == "that" or toks[hi].low in AUX or has_finite_verb(toks, hi - 1)):
            return None  # "..., said some corals had begun to die", "..., told the BBC that": a clause follows
        attr.subj_lo, attr.subj_hi = i + 1, hi
        if appos_hi > hi + 1:
            attr.appos = (hi + 1, appos_hi)
        attr.side = "left"
        attr.claim_lo, attr.claim_hi = 0, left
        attr.clause_lo = i - 1
        attr.channel = find_channel(toks, attr.cue_lo, len(toks))
        resumed = _quote_resumed(toks, appos_hi if appos_hi > hi + 1 else hi)
        if resumed is not None:
            attr.extra_claims.append(resumed)  # '"Q1," said X, "and Q2."'
        return attr
    return None


def _quote_resumed(toks, k):
    """(lo, hi) of a quotation resumed after the speaker ending at k: right after it (", “…”") or after
    what the speaker's apposition goes on to say (", 63, who owns a garden near Nefta, “…”"); or None."""
    opening = next((j for j in range(k, min(k + 25, len(toks))) if is_quote(toks[j])), None)
    if opening is None or opening + 1 >= len(toks) or toks[opening - 1].text != ",":
        return None
    if any(t.low in CUE_VERBS for t in toks[k:opening]):
        return None  # another speaker's words
    hi = next((j for j in range(opening + 1, len(toks)) if is_quote(toks[j])), len(toks))
    return (opening + 1, hi) if sum(t.word for t in toks[opening + 1 : hi]) >= 3 else None


def _documented(toks, i, document):
    """A document saying or showing a claim: "A report by X found that CLAIM", "CLAIM, a report by X found."."""
    lo, hi, noun, author = document
    attr = _Attr(i, i + 1)
    attr.subj_lo, attr.subj_hi = author or (lo, hi)
    attr.document = (noun, author)
    attr.clause_lo = lo
    if with_right_claim(toks, attr, "say", require_clause=True) is not None:
        return attr
    left = left_claim_end(toks, lo)
    if left is None:
        return None
    attr.side = "left"
    attr.claim_lo, attr.claim_hi = 0, left
    return attr


_QUANTIFIERS = word_set("one two three four several some many none each both")


def _teller(toks, k):
    """(lo, hi) of a noun phrase opened by a determiner and ending at k, for "told": "a neighbour", "the
    driver of the bus"; the recipient and the clause after "told" make it an attribution."""
    j = k
    while j >= 0 and toks[j].word and not toks[j].cap and (toks[j].low not in BREAKS or toks[j].low == "of"):
        if toks[j].low in DETERMINERS and (j == 0 or toks[j - 1].low not in ("of",)):
            return j, k + 1
        if toks[j].low in _QUANTIFIERS and toks[j + 1].low == "of":
            return j, k + 1  # "one of the suspects had told detectives that ..."
        if k - j >= 6:
            return None
        j -= 1
    return None


def _plural_possessive(toks, k):
    """Whether toks[k] is the apostrophe of a plural's possessive inside a name: "Olive Growers' Union"."""
    return toks[k].text in "'’" and k > 0 and toks[k - 1].low.endswith("s") and k + 1 < len(toks) and toks[k + 1].cap


def _according_to(toks, i):
    n = len(toks)
    lo = i + 2
    hi = lo
    while (
        hi < n
        and (toks[hi].word or comma_in_a_name(toks, hi) or _plural_possessive(toks, hi))
        and toks[hi].low not in ("that", "in", "on", "which", "who")
    ):
        hi += 1
    if hi < n and hi > lo and toks[hi].low == "who":
        while hi < n and (toks[hi].word or comma_in_a_name(toks, hi)):
            hi += 1  # "according to a lawyer who represents more than 200 of the claimants"
    for k in range(lo + 1, hi):
        by_author = toks[k].low in AUTHOR_PARTICIPLES and k + 1 < hi and toks[k + 1].low == "by"
        involved = toks[k].low == "involved" and toks[k - 1].low in ANON_NOUNS  # "officials involved in the talks"
        participle = toks[k].low.endswith("ed") or toks[k].low in ("seen", "made", "shown", "given", "sent", "written")
        if not toks[k].cap and participle and not (by_author or involved):
            hi = k  # "according to court documents filed on Monday", "a court filing seen by Reuters"
            break
        if involved:
            hi = next((j for j in range(k + 2, n) if not toks[j].word), n)  # the whole post-modifier
            break
    document = next((k for k in range(lo, hi) if toks[k].low in DOCUMENTS), None)
    while document is not None and document + 1 < hi and toks[document + 1].low in DOCUMENTS:
        document += 1  # "a draft regulation", "the charge sheet": the last noun is the document
    author = document_author(toks, document, hi) if document is not None else None
    if hi == lo or not (is_speaker_np(toks, lo, hi) or document is not None):
        return None
    attr = _Attr(i, i + 2)
    attr.subj_lo, attr.subj_hi = author or (lo, hi)
    if author or document is not None:
        # "according to figures from the Central Statistics Office"; "according to the report": whoever issued it
        attr.document = (document, author)
    attr.clause_lo = i
    if i == 0 or (i > 0 and toks[i - 1].text == "," and not any(t.word for t in toks[: i - 1])):
        # "According to police, CLAIM."
        k = _past_apposition(toks, hi)
        while k < n and not toks[k].word and not is_quote(toks[k]):
            k += 1
        if k >= n:
            return None
        attr.side = "right"
        attr.claim_lo, attr.claim_hi = k, n
    else:
        end = i - 1 if toks[i - 1].text == "," else i
        if end < 1:
            return None
        attr.side = "left"
        attr.claim_lo, attr.claim_hi = 0, end
    return attr


def _past_apposition(toks, hi):
    """Where the claim starts after "According to X": past an apposition ("According to Rafael Gallego Ruiz,
    the head of the producers' association, this year's harvest ...")."""
    if hi + 1 < len(toks) and toks[hi].text == "," and toks[hi + 1].low in ("the", "a", "an"):
        for k in range(hi + 2, min(hi + 14, len(toks) - 1)):
            if toks[k].text == ",":
                return k + 1 if has_finite_verb(toks, k) else hi
            if not toks[k].word or toks[k].low in CUE_VERBS:
                break
    return hi


def _participle(toks, lo, hi, attrs, media_required):
    """ "..., later saying that", "claiming...", "a video purporting to show"."""
    n = len(toks)
    j = lo - 1
    while j >= 0 and toks[j].low in (
        "later",
        "also",
        "while",
        "before",
        "again",
        "repeatedly",
        "allegedly",
        "reportedly",
        "purportedly",
    ):
        j -= 1
    media = None
    for m in range(lo - 1, max(lo - 6, -1), -1):
        if toks[m].low in MEDIA:
            media = m
            break
        if toks[m].text in ",;" or toks[m].low in CUE_VERBS:
            break
    after_comma = j >= 0 and toks[j].text == ","
    if media_required and media is None:
        return None
    if not (after_comma or media is not None):
        return None
    if hi >= n or not any(t.word for t in toks[hi:]):
        return None
    attr = _Attr(lo, hi)
    attr.participle = True
    attr.clause_lo = j if after_comma else lo
    # The speaker: the previous attribution's source in this sentence, or the sentence subject.
    previous = [a for a in attrs if a.subj_lo is not None and not a.nested]
    if previous:
        attr.subj_lo, attr.subj_hi = previous[-1].subj_lo, previous[-1].subj_hi
    else:
        subj = sentence_subject(toks, (media if media is not None else j) if (media is not None or j >= 0) else lo)
        if subj is None:
            return None
        attr.subj_lo, attr.subj_hi = subj
    k = hi
    if toks[lo].low == "telling":
        k = skip_adjuncts(toks, hi, "tell")  # ", telling supporters in Nakuru that ..."
        if k == hi:
            return None  # "telling" needs whom it was told to
        if k < n and toks[k].low == "that":
            k += 1
    that = find_that(toks, hi)
    if k == hi and that is not None and that - hi <= 2:
        k = that + 1
    if CUE_VERBS.get(toks[lo].low) in CLAUSE_ONLY and k == hi and not has_finite_verb(toks, k):
        return None  # "..., adding a second win to her victory in Hamburg": an object, not a statement
    attr.side = "right"
    attr.claim_lo, attr.claim_hi = k, n
    if media is not None:
        attr.channel = find_channel(toks, media - 2 if media >= 2 else 0, lo) or find_channel(toks, 0, lo)
    return attr


def _bound_claims(toks, attrs):
    """A claim ends where the next attribution's clause begins ("..., later saying")."""
    for a in attrs:
        if a.side != "right":
            continue
        for b in attrs:
            if b is a or b.clause_lo is None or b.clause_lo <= a.claim_lo or b.clause_lo >= a.claim_hi:
                continue
            boundary = (
                b.participle or b.clause_lo < b.subj_lo or (b.clause_lo > 0 and toks[b.clause_lo - 1].text in ",;")
            )
            boundary = boundary or toks[b.clause_lo].low in ("and", "but")  # "... but warned that"
            if b.side == "left":
                boundary = True
            if boundary:
                a.claim_hi = min(a.claim_hi, b.clause_lo)
            else:
                b.nested = True
