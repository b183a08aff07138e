"""Quotations over several sentences: every sentence of a quotation left open gets the speaker of the
sentence that carries its attribution, and so does a wholly quoted sentence right after an attributed one."""

from dataclasses import replace

from .tokens import QUOTES, TRIM


def fill_quote_blocks(text, sentences, per_sentence, blocks):
    """A quotation left open runs into the next sentences: same speaker for all of them."""
    for block in blocks:
        if len(block) < 2 or len(block) > 8:
            continue
        donor = next((per_sentence[k][0] for k in block if per_sentence[k]), None)
        if donor is None:
            continue
        for k in block:
            if not per_sentence[k]:
                span = _whole_sentence_claim(text, sentences[k])
                if span:
                    per_sentence[k] = [_copy(donor, span, sentences[k], 0.8)]


def fill_following_quotes(text, sentences, per_sentence):
    """An unattributed quotation right after an attributed quotation is the same speaker's."""
    for k in range(1, len(sentences)):
        if per_sentence[k] or not per_sentence[k - 1]:
            continue
        s, e = sentences[k]
        sentence = text[s:e]
        if sentence[:1] not in '"“«„':
            continue
        donor = per_sentence[k - 1][-1]
        previous = text[donor.sentence_start : donor.sentence_end]
        if not any(q in previous for q in QUOTES):
            continue
        # The quotation must be the whole sentence (or run of sentences) and then close.
        block = [k]
        j = k
        while j < len(sentences) and not _closes_quote(text, sentences[j]):
            j += 1
            if j < len(sentences) and not per_sentence[j]:
                block.append(j)
            else:
                break
        for b in block:
            span = _whole_sentence_claim(text, sentences[b])
            if span:
                per_sentence[b] = [_copy(donor, span, sentences[b], 0.6)]


def _closes_quote(text, span):
    s, e = span
    piece = text[s:e].rstrip()
    return piece[-1:] in '"”»' or piece[-2:-1] in '"”»'


def _whole_sentence_claim(text, span):
    s, e = span
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM:
        e -= 1
    return (s, e) if e - s >= 3 else None


def _copy(donor, span, sentence, confidence):
    return replace(
        donor,
        content_start=span[0],
        content_end=span[1],
        sentence_start=sentence[0],
        sentence_end=sentence[1],
        confidence=min(donor.confidence, confidence),
        nested=False,
    )
