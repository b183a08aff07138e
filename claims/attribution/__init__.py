"""Attribution suggestions: who said what, in which words, through which channel.

suggest_attributions(text, language) -> [AttributionCandidate, ...], sorted by content_start.

Pure functions, standard library only, no Django imports. Rule-based: the text is
split into sentences (claims.segmentation), each sentence into word and
punctuation tokens; a lexicon of reporting cues ("said", "told", "according to",
"purporting to show", ...) anchors each attribution; the speaker is the noun
phrase next to the cue (before it: "Yusov said"; after it: ", said Yusov"), the
claim is the clause on the other side, and short lexicons of roles,
organisations and channels do the rest. Back-references ("Peskov", "the
intelligence official", "the group", "he") resolve against the speakers met
earlier in the same text. docs/attribution.md describes the span convention
and the measured precision and recall.

The modules, in the order of the pipeline (pipeline.py runs it):

    lexicon       the word lists: cues, roles, organisations, unnamed sources, hedges, media, outlets
    tokens        each sentence's tokens, with the quotation state carried from sentence to sentence
    narration     names met in narration ("carmaker Stellantis", "Shares of X"), into the memory
    appositions   names introduced in apposition ("The contractor, Northbank Construction,")
    cues          the attributions in one sentence: each cue with its speaker's and its claim's tokens
    clauses       the claim clause around a cue (past recipient, channel, time and place, "that")
    noun_phrases  the speaker's noun phrase next to a cue
    sentence_subjects  the sentence's subject, for "..., saying" and "... and said"
    channels      "told Suspilne", "on Telegram", "as cited by TASS", "in a statement"
    candidates    AttributionCandidate, and from an attribution to candidates: span, channel, flags
    speakers      resolving the speaker and back-references against the memory
    memory        the article memory: the speakers and organisations met so far
    quotes        quotations over several sentences

Every regex here is a flat tokenizer; the work per sentence is a few passes
over its tokens, so the whole is linear in the length of the text.
"""

from .candidates import AttributionCandidate
from .pipeline import suggest_attributions

__all__ = ["AttributionCandidate", "suggest_attributions"]
