"""Documents as sources: "A report by the International Energy Agency found that ...", "..., a preliminary
report by the commission found.", "Minutes of the Reserve Bank of India's June meeting showed that ...",
"The indictment, unsealed on Monday, alleges that ...", "The memo said ...".

The source is the document's author when the document names one ("by X", "of X's meeting", "X's report"),
with the document as the channel; else, for "the statement" or "the memo", whoever issued it earlier in the
article (claims.attribution.narration remembers "issued a statement"); else the document as written ("The
indictment", channel none).
"""

from .lexicon import AUX, CUE_VERBS, DAYS_MONTHS, DETERMINERS, DOCUMENTS, ORG_NOUNS, SKIPPABLE, word_set
from .speakers import resolve_speaker, source_for

# What a document does with a claim; "found" and "showed" only ever with a document as the subject.
DOCUMENT_CUES = word_set(
    "found finds find showed shows show concluded concludes alleges alleged allege said says say stated states "
    "estimated estimates"
)
_COURT_DOCUMENTS = word_set("ruling judgment judgement verdict decision")
_COURTS = word_set("court tribunal")
ISSUING_VERBS = word_set("issued sent published released filed wrote circulated")
_AUTHOR_LINKS = word_set("by of from")
_INSIDE_NAMES = word_set("of for and")
_NOT_DESCRIPTIONS = word_set("at of from in for with by on to the a an and who that")
_INSIDE_A_MODIFIER = word_set("with to about into on in behind against")
_SEEN = word_set("seen obtained reviewed leaked viewed")
AUTHOR_PARTICIPLES = word_set("published released issued compiled prepared commissioned written")  # by its author


def document_subject(toks, cue):
    """(lo, hi, document index, author (lo, hi) or None) of a document subject ending before the cue at
    toks index `cue`, or None."""
    j = cue - 1
    while j >= 0 and toks[j].low in SKIPPABLE:
        j -= 1
    if j >= 0 and toks[j].low in ("and", "but", "or"):
        return None  # "welcomed the decision and said": the sentence's subject said it
    if j >= 0 and toks[j].text == ",":  # "The indictment, unsealed in federal court on Monday, alleges"
        k = j - 1
        while k >= 0 and toks[k].text != "," and j - k < 16:
            k -= 1
        if k < 1 or toks[k].text != ",":
            return None
        j = k - 1
    hi = j + 1
    lo = hi
    while lo > 0 and hi - lo < 14 and (toks[lo - 1].word or toks[lo - 1].text in "'’") and not toks[lo - 1].in_quote:
        lo -= 1  # over a possessive's apostrophe too: "a report by the migrant workers' group X"
    # A document's noun in lowercase, or opening the sentence: "Statistics" in "Federal Statistics Office" is a name.
    document = next((k for k in range(lo, hi) if toks[k].low in DOCUMENTS and (k == 0 or not toks[k].cap)), None)
    if document is None or (lo > 0 and toks[lo - 1].text not in ",;:"):
        return None
    while document + 1 < hi and toks[document + 1].low in DOCUMENTS and not toks[document + 1].cap:
        document += 1  # "an internal audit report found": the last noun is the document
    if document + 1 < hi and toks[document + 1].low in ORG_NOUNS:
        return None  # "Spain's civil aviation accident investigation commission said": a body, not a document
    if any(not t.cap and (t.low in CUE_VERBS or t.low in AUX) for t in toks[document + 1 : hi]):  # not "May"
        return None  # "The judgment said prosecutors had failed to show": the document said, not showed
    start = _start_of_phrase(toks, lo, document)
    if start > lo and toks[start - 1].low in _INSIDE_A_MODIFIER:
        return None  # "Two people familiar with the investigation said": the people are the subject
    lo = start
    author = document_author(toks, document, hi)
    if author is None and document + 1 < hi and toks[document + 1].low in _SEEN:
        hi = document + 1  # "Documents obtained by the broadcaster VRT show": the documents
    return lo, hi, document, author


def _start_of_phrase(toks, lo, document):
    """The document's noun phrase opens at its determiner or adjective run: "a preliminary report"."""
    start = document
    while start > lo and toks[start - 1].word and (toks[start - 1].low in DETERMINERS or not toks[start - 1].cap):
        start -= 1
        if toks[start].low in DETERMINERS:
            break
    if start == document and start - 1 == lo == 0 and toks[lo].cap and not toks[lo].poss:
        start = lo  # "Court documents show", "Police records show": the sentence's first word, capitalised
    return start


def document_author(toks, document, hi):
    """The author named in the phrase: after "by"/"of"/"from", maybe past a participle ("by the IEA", "of the
    Reserve Bank of India's June meeting", "published by the Japan Tourism Agency", "from Brazil's civil
    aviation agency"), or a possessive before the document ("the IMF's report")."""
    if document > 1 and toks[document - 1].acronym and toks[document - 2].low in DETERMINERS:
        return document - 1, document  # "a UNICEF report", "an IMF study"
    if document > 0 and toks[document - 1].poss and toks[document - 1].cap:
        lo = document - 1
        while lo > 0 and toks[lo - 1].cap and toks[lo - 1].word:
            lo -= 1
        return lo, document
    k = document + 1
    if k + 1 < hi and toks[k].low in AUTHOR_PARTICIPLES and toks[k + 1].low == "by":
        k += 1
    if k >= hi or toks[k].low not in _AUTHOR_LINKS:
        return None
    lo = k + 1
    if lo < hi and toks[lo].low == "the":
        lo += 1
    described = lo
    while described < hi and described - lo < 4 and _describes(toks[described]):
        owner = toks[described].low.removesuffix("'s").removesuffix("’s")
        if toks[described].poss and owner in ORG_NOUNS:
            return lo, described + 1  # "Minutes of the provincial health committee's meeting": the committee's
        described += 1  # "by the migrant workers' group Hawiya Rights Monitor": its description, then its name
    if described > lo and described < hi and toks[described].cap:
        lo = described
    end = lo
    while end < hi and (toks[end].cap or (toks[end].low in _INSIDE_NAMES and end + 1 < hi and toks[end + 1].cap)):
        end += 1
        if toks[end - 1].poss:
            return lo, _owned(toks, end, hi)
    return (lo, end) if end > lo and toks[end - 1].cap else None


def _describes(t):
    """A word of a description before an author's name: lowercase, no preposition ("researchers at the X" is
    the researchers), or a possessive's apostrophe."""
    return t.text in "'’" or (t.word and not t.cap and t.low not in _NOT_DESCRIPTIONS)


def _owned(toks, end, hi):
    """The end of an author owned by the possessive ending at `end`: the organisation it names ("Nepal's
    Aircraft Accident Investigation Commission", "Chile's Comptroller General", "Brazil's civil aviation
    agency"), or the possessive alone ("India's June meeting": the meeting is not the author)."""
    body = end
    while body < hi and body - end < 7 and toks[body].word and toks[body].low not in DAYS_MONTHS:
        if not toks[body].cap and toks[body].low in ORG_NOUNS:
            return body + 1  # "civil aviation agency"
        linked = body + 2 if body + 2 < hi and toks[body + 1].low == "the" else body + 1
        if toks[body].low in _INSIDE_NAMES and body > end and linked < hi and toks[linked].cap:
            body = linked  # "Jordan's Department of Antiquities", "Kenya's Office of the Auditor-General"
            continue
        if not toks[body].cap and not any(t.cap for t in toks[end:body]):
            body += 1
            continue
        if not toks[body].cap:
            break
        body += 1
    named = toks[end:body]
    inside = _INSIDE_NAMES | {"the"}
    return body if named and named[-1].cap and all(t.cap or t.low in inside for t in named) else end


def document_source(text, toks, attr, memory):
    """(source, channel (start, end) or None) of an attribution whose source is a document."""
    noun, author = attr.document
    first = noun
    while first > 0 and toks[first - 1].low in DOCUMENTS:
        first -= 1  # "a draft regulation": the whole run is the channel, each of its nouns names it later
    channel = (toks[first].start, toks[noun].end)
    if author is not None:
        lo, hi = author
        if not any(t.poss for t in toks[lo:hi]):
            source = resolve_speaker(text, toks, lo, hi, memory)
            if source and source["entity"] is not None:
                for k in range(first, noun + 1):  # "A report by X found ... The report said"
                    memory.issued[toks[k].low] = source["entity"]
            return source, channel
        if not toks[hi - 1].poss:  # "Chile's Comptroller General": owned, one organisation
            start, end = toks[lo].start, toks[hi - 1].end
            ent = memory.add(text[start:end], start, end, "organisation", None)
            for k in range(first, noun + 1):
                memory.issued[toks[k].low] = ent
            return source_for(ent, (text[start:end], start, end), 0.8), channel
        start, end = toks[lo].start, toks[hi - 1].end - 2  # "the Reserve Bank of India's": without "'s"
        words = text[start:end].lower().split()
        kind = "organisation" if any(word in ORG_NOUNS for word in words) or len(words) > 3 else "person"
        ent = memory.issued[toks[noun].low] = memory.add(text[start:end], start, end, kind, None)
        return source_for(ent, (text[start:end], start, end), 0.8), channel
    issuer = memory.issued.get(toks[noun].low)
    if issuer is None and toks[noun].low in _COURT_DOCUMENTS:  # "The ruling said": the court named before
        issuer = memory.recent(lambda e: e.kind == "organisation" and bool(_COURTS & set(e.name.lower().split())))
    opening = toks[attr.subj_lo].low
    if opening == "its":  # "(according to its annual report)": the body the sentence is about
        issuer = memory.recent(lambda e: e.kind == "organisation")
    elif opening != "the":
        issuer = None
    if issuer is not None:
        start, end = toks[attr.subj_lo].start, toks[attr.subj_hi - 1].end
        if issuer.name.lower().split()[-1] == toks[noun].low:
            channel = None  # the report named before is the source itself, not the medium of one
        return source_for(memory.touch(issuer), (text[start:end], start, end), 0.7), channel
    source = resolve_speaker(text, toks, attr.subj_lo, attr.subj_hi, memory)
    if source and source["entity"] is not None and toks[attr.subj_lo].low != "the":
        # "according to a government report" ... "The report said": the report is its own source
        memory.issued.setdefault(toks[noun].low, source["entity"])
    return source, None
