"""Tokens of each sentence: words and punctuation, each marked as inside or outside a quotation.

Every regex here is a flat tokenizer. Quotation state carries over sentence boundaries within a
paragraph, so a quotation left open runs into the next sentences.
"""

import re

_QUOTE_OPEN = "“«„‘"
_QUOTE_CLOSE = "”»"
QUOTES = '"“”«»„'
# Trimmed off both ends of a claim.
TRIM = ' \t\r\n"“”‘’«»„‹›,;:.'

# A number with thousands separators ("3,000", "1,250.5") is one token: its commas end no phrase.
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|ben|bint)-[^\W\d_]", re.UNICODE)
_DOMAIN = re.compile(r"\w+(?:\.[a-z]{2,4})+")
_TOKEN_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,])|\w+(?:[-'’.]\w+)*|[^\w\s]")


class _Tok:
    __slots__ = ("acronym", "cap", "end", "in_quote", "low", "poss", "start", "text", "word")

    def __init__(self, m, in_quote):
        self.start, self.end = m.span()
        self.text = text = m.group()
        self.low = low = text.lower()
        first = text[0]
        self.word = first.isalnum()
        # "al-Busaidi", "el-Sisi", "bin-Laden": a name after its lowercase particle; "l'Ouest", "d'Ivoire"
        # after an elided article
        elided = len(text) > 2 and first in "ld" and text[1] in "'’" and text[2].isupper()
        self.cap = upper = (
            first.isupper()
            or elided
            or ("-" in text and bool(_PARTICLE_NAME.match(text)))
            or ("." in text and bool(_DOMAIN.fullmatch(text)))  # an outlet named by its web address: "24.kg"
        )
        self.poss = low.endswith(("'s", "’s"))
        self.in_quote = in_quote
        # "WHO", "US": a name even when it spells a function word.
        self.acronym = upper and len(text) > 1 and text.isupper() and text.isalpha()


def is_description(word):
    """A hyphenated word that describes a name rather than being part of it: "Osaka-based", "Belgian-born",
    "Far-right"."""
    return "-" in word and word.rsplit("-", 1)[-1].islower()


def is_initial(tok):
    """An initial before its full stop: "R" of "R. Kalaiselvi", "R.T" of "R.T. Liburd-Mills"."""
    return tok.cap and (len(tok.text) == 1 or bool(_INITIALS.fullmatch(tok.text)))


_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])+")


def _tokenize(text, start, end, in_quote):
    """Tokens of text[start:end]; in_quote says whether a quotation is open at start."""
    toks = []
    for m in _TOKEN_RE.finditer(text, start, end):
        ch = m.group()
        if ch in QUOTES:
            if ch in _QUOTE_OPEN:
                opening = True
            elif ch in _QUOTE_CLOSE:
                opening = False
            else:  # a straight quote: opening unless a quotation is open
                opening = not in_quote
            tok = _Tok(m, False)
            toks.append(tok)
            in_quote = opening
            continue
        toks.append(_Tok(m, in_quote))
    return toks, in_quote


def is_quote(tok):
    return tok.text in QUOTES


def tokenized_sentences(text, sentences):
    """For each sentence: its tokens, whether a quotation was open at its start, and at its end."""
    in_quote = False
    prev_end = 0
    for s_start, s_end in sentences:
        gap = text[prev_end:s_start]
        if "\n\n" in gap or "\n \n" in gap:
            in_quote = False  # a new paragraph re-opens its quotation
        opened_before = in_quote
        toks, in_quote = _tokenize(text, s_start, s_end, in_quote)
        prev_end = s_end
        yield toks, opened_before, in_quote
