"""Canonical article text: the one form every offset in the workbench points into.

Decisions:
- Every newline style (\\r\\n, \\r, \\v, \\f, NEL, LINE/PARAGRAPH SEPARATOR) becomes "\\n".
- Tabs and every Unicode space separator, NO-BREAK SPACE included, become one plain space, and runs
  of them collapse. NBSP in imported articles is mostly layout padding (&nbsp;&nbsp;), and keeping it
  would make equal-looking quotes differ invisibly when editors search or compare them.
- Removed: C0/C1 control characters, zero-width space, word joiner, BOM, soft hyphen, the bidi
  embedding/override/isolate controls (an unbalanced one garbles the display of everything after it)
  and lone surrogates. Kept: ZWJ and ZWNJ (they spell Persian and Indic words and emoji sequences) and
  the self-contained LRM/RLM marks.
- NFC, then no space at either end of a line, paragraphs separated by exactly one blank line, and
  nothing before the first or after the last character.
"""

import re
import unicodedata

_NEWLINES = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u00ad\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_SPACES = re.compile("[\t \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_SPACES_AROUND_NEWLINE = re.compile(" ?\n ?")
_BLANK_LINES = re.compile("\n{3,}")


def canonicalise(text: str) -> str:
    text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    # NFC after the removals: deleting a character between a letter and its accent lets them compose.
    text = unicodedata.normalize("NFC", text)
    text = _SPACES_AROUND_NEWLINE.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip(" \n")
