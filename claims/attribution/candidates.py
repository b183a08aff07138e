"""From an attribution to candidates: the speaker resolved, the claim's span trimmed, the channel, hedge
and nested flags; one AttributionCandidate per claim."""

import re
from dataclasses import dataclass

from .channels import channel_at, find_channel
from .clauses import skip_adjuncts, verb_goes_on
from .documents import document_source
from .lexicon import AUX, COMMENT_HEADS, COMMENT_STARTS, CUE_VERBS, DETERMINERS, DOCUMENTS, HEDGES, MEDIA, MEDIA_SINGLE
from .speakers import resolve_speaker
from .tokens import TRIM


@dataclass(frozen=True)
class AttributionCandidate:
    """A suggested claim with its source, cue and channel; every offset indexes the article text."""

    content_start: int  # the claim: text[content_start:content_end]
    content_end: int
    source_text: str  # the mention that names the source (resolved full name)
    source_start: int
    source_end: int
    cue_text: str  # "said", "told", "according to", "purporting to show"
    cue_start: int
    cue_end: int
    channel_text: str | None  # "Suspilne", "Telegram", "TASS", "statement", "video"
    channel_start: int | None
    channel_end: int | None
    source_kind: str  # "person" | "organisation" | "anonymous"
    role_text: str | None  # "spokesperson for Ukraine's military intelligence"
    mention_text: str  # the speaker as written at this claim: "the intelligence official"
    mention_start: int
    mention_end: int
    hedged: bool  # allegedly, reportedly, claimed to, purporting to...
    nested: bool  # a claim inside a claim, or inside narration ("soldiers who claimed to...")
    sentence_start: int
    sentence_end: int
    confidence: float


def candidates_for(text, toks, s_start, s_end, attr, memory):
    """The candidates of one attribution in the sentence [s_start, s_end): one per claim ("Q1," he said, "Q2.")."""
    if attr.claim_lo is None or attr.subj_lo is None:
        return []
    subj_lo, subj_hi, role_hint = attr.subj_lo, attr.subj_hi, None
    if attr.appos is not None:
        a_lo, a_hi = attr.appos
        appos_is_name = all(t.cap or not t.word for t in toks[a_lo:a_hi])
        subject_named = any(t.cap and t.low not in DETERMINERS for t in toks[subj_lo:subj_hi])
        if appos_is_name and not subject_named:
            role_hint = text[toks[subj_lo].start : toks[subj_hi - 1].end]
            subj_lo, subj_hi = a_lo, a_hi
        else:
            role_hint = text[toks[a_lo].start : toks[a_hi - 1].end]
    if attr.document is not None:
        source, attr.channel = document_source(text, toks, attr, memory)
    else:
        source = resolve_speaker(text, toks, subj_lo, subj_hi, memory)
    if source is None:
        return []
    if role_hint and not source["role"]:
        source["role"] = role_hint
        if source["entity"] is not None and source["entity"].role is None and source["kind"] == "person":
            memory.give_role(source["entity"], role_hint)
    inserted = _around_inserted_attribution(toks, attr)
    claims = [inserted] if inserted else [(attr.claim_lo, attr.claim_hi)] + attr.extra_claims
    cue_start, cue_end = toks[attr.cue_lo].start, toks[attr.cue_hi - 1].end
    cue_text = text[cue_start:cue_end]
    if attr.channel is None and attr.side == "right":
        attr.channel = find_channel(toks, attr.cue_lo, attr.claim_lo)
    # "In a statement on Sunday, the FA said"; an inner claim's channel is the outer's, not its own.
    opening = 0 < attr.subj_lo < attr.cue_lo and not attr.nested and not _attribution_before(toks, attr.subj_lo)
    if attr.channel is None and attr.side == "right" and opening:
        attr.channel = find_channel(toks, 0, attr.subj_lo)
    # "According to the Seoul Air Quality Bureau, ...": the source, not its channel
    according = toks[attr.cue_lo].low == "according" and attr.document is None
    if according and attr.channel and toks[subj_lo].start <= attr.channel[0] < attr.channel[1] <= toks[subj_hi - 1].end:
        attr.channel = None
    if attr.channel is not None and source["entity"] is not None:
        words = text[attr.channel[0] : attr.channel[1]].lower().split()
        if words and words[-1] in DOCUMENTS:  # "In a statement, publisher X said": a later "the statement said"
            memory.issued[words[-1]] = source["entity"]
    out = []
    for lo, hi in claims:
        span = _claim_span(text, toks, lo, hi, attr)
        if span is None:
            continue
        c_start, c_end, cut = span
        channel = attr.channel
        if channel is None and attr.side == "right" and cut < hi:
            # A channel trailing the claim: "... in a statement on its Amaq news agency".
            channel = find_channel(toks, cut, len(toks))
        claim_text = text[c_start:c_end].lower()
        out.append(
            AttributionCandidate(
                content_start=c_start,
                content_end=c_end,
                source_text=source["text"],
                source_start=source["start"],
                source_end=source["end"],
                cue_text=cue_text,
                cue_start=cue_start,
                cue_end=cue_end,
                channel_text=text[channel[0] : channel[1]] if channel else None,
                channel_start=channel[0] if channel else None,
                channel_end=channel[1] if channel else None,
                source_kind=source["kind"],
                role_text=source["role"],
                mention_text=source["mention"][0],
                mention_start=source["mention"][1],
                mention_end=source["mention"][2],
                hedged=_hedged(toks, attr, claim_text),
                nested=attr.nested,
                sentence_start=s_start,
                sentence_end=s_end,
                confidence=source["confidence"] * (0.9 if attr.participle else 1.0),
            )
        )
    return out


# An attribution set inside its claim: "The deal, he said, would close", "The cell — police said — had",
# "fell to 8.1% (according to the statistics office) in the three months".
_PAIRED_MARKS = {",": ",", "—": "—", "–": "–", "(": ")"}


def _around_inserted_attribution(toks, attr):
    """(lo, hi) of the whole sentence when the attribution sits inside its claim between paired marks (a
    comma pair, a dash pair or parentheses), with the claim's words on both sides; else None."""
    first, last = min(attr.subj_lo, attr.cue_lo), max(attr.subj_hi, attr.cue_hi)
    if attr.appos is not None:
        last = max(last, attr.appos[1])
    if first < 2 or not any(t.word for t in toks[: first - 1]):
        return None
    closer = _PAIRED_MARKS.get(toks[first - 1].text)
    if closer is None or any(t.low in CUE_VERBS for t in toks[: first - 1]):
        return None
    for k in range(last, min(last + 8, len(toks) - 1)):  # past a recipient, channel or time: "told Reuters"
        if toks[k].text == closer:
            after = toks[k + 1]
            # The claim's verb goes on after it, or the attribution broke into its verb phrase ("would, X
            # said, save 60 million euros").
            goes_on = verb_goes_on(toks, k) or toks[first - 2].low in AUX
            if closer in ")—–" and after.word or goes_on:  # "..., X told Radio Y, now sold for ..."
                return 0, len(toks)
            if closer == ")" and after.text == "," and any(t.word for t in toks[k + 2 :]):
                return 0, len(toks)  # "exported 128,000 tonnes last year (according to X), 9% less than ..."
        elif closer == ")" and toks[k].text == "(":
            return None
    return None


_MEDIA_WORDS = MEDIA | MEDIA_SINGLE
# The end of a claim also drops a bracket opened by its attribution: "... so far (according to X)."
_TRIM_END = TRIM + "(["


def _attribution_before(toks, hi):
    """Whether a cue verb comes before toks[hi], outside quotations and not as a medium's participle ("In a
    video posted on YouTube, X said" has none; "Police told a news conference that a dealer had admitted
    ..." has one)."""
    return any(
        t.low in CUE_VERBS and not t.in_quote and not (k > 0 and toks[k - 1].low in _MEDIA_WORDS)
        for k, t in enumerate(toks[:hi])
    )


def _hedged(toks, attr, claim_text):
    if attr.cue_hi < len(toks) and toks[attr.cue_hi].low == "to" and CUE_VERBS.get(toks[attr.cue_lo].low) == "claim":
        return True
    if any(toks[k].low in HEDGES or toks[k].low == "purporting" for k in range(attr.cue_lo, attr.cue_hi)):
        return True
    if attr.cue_lo > 0 and toks[attr.cue_lo - 1].low in HEDGES:
        return True
    return any(w in HEDGES for w in re.findall(r"\w+", claim_text))


def _claim_span(text, toks, lo, hi, attr):
    """Character span of a claim: trimmed of quotes, spaces and , ; : . at both ends."""
    if lo >= hi:
        return None
    # Cut a trailing channel ("in a statement on ...") or a narrator's comment (", a claim that ...").
    for k in range(lo + 2, hi):
        t = toks[k]
        if t.text in ",;" and k + 1 < hi and toks[k + 1].low in ("while", "whereas") and not t.in_quote:
            hi = k  # "..., while police put the figure at 30,000": the narrator again
            break
        if t.text == "," and k + 1 < hi and toks[k + 1].low in COMMENT_STARTS:
            window = [x.low for x in toks[k + 1 : k + 4]]
            if any(w in COMMENT_HEADS for w in window) or (
                window
                and window[0] == "which"
                and any(x.low in ("verified", "confirmed", "denied") for x in toks[k + 1 : hi])
            ):
                hi = k
                break
        if attr.side == "right" and t.word and t.low in ("in", "on", "according", "as", "via"):
            found = channel_at(toks, k)
            if found is not None and (found[2] >= 2 or t.low in ("in", "on")):
                rest = skip_adjuncts(toks, found[4], "say")
                if rest >= hi or all(not x.word for x in toks[rest:hi]):
                    hi = k
                    break
    start, end = toks[lo].start, toks[hi - 1].end
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM_END:
        end -= 1
    if end - start < 3 or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end, hi
