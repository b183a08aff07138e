"""Lists inside an article's text, for claims.segmentation: bullets, lines opening with a dash, an asterisk
or a number ("1. the defendant"), inline numbered lists ("1) first 2) second"), and blocks of short lines."""

import re

BULLETS = "•‣⁃◦▪●"
TERMINALS = ".!?…"

# The end of a list marker ("2." "b)" "10.)") after whitespace or a bullet. It starts at the "." or ")"
# and looks back (fixed widths), which skips plain text faster than a pattern opening with the marker.
_MARKER_END_RE = re.compile(
    r"[.)](?:"
    + "|".join(
        rf"(?<=[\s•‣⁃◦▪●]{marker}{suffix})"
        for marker in (r"[\da-z]", r"\d\d", r"\d\d\d")
        for suffix in ("[.)]", r"\.\)")
    )
    + r")(?=[ \t])"
)
# Cheap test for a list's first item, "1." "1)" "1.)" "a." "a)", after a space or bullet.
_LIST_START_RE = re.compile(r"[\s•‣⁃◦▪●][1a](?:\.\)?|\))[ \t]")
_BULLET_RE = re.compile(r"[•‣⁃◦▪●](?<=\s[•‣⁃◦▪●])")  # the bullet first: it is rare, whitespace is not
# These two open with the line break rather than a lookbehind for it, so the regex engine finds it fast;
# the item starts after it (group 1).
_DASH_ITEM_RE = re.compile(r"\n([^\S\n]*[-*–][ \t]+)(?=\S)")
# A line opening with a list marker ("1. the defendant", "2) he reports", "b. a fund").
_LINE_ITEM_RE = re.compile(r"\n([^\S\n]*(?:\d{1,3}|[a-z])(?:\.\)?|\))[ \t]+)(?=\S)")
# Where a list item's line ends and a sentence of its own begins, on the next line with a capital.
_ITEM_END_RE = re.compile(r"\n(?=[^\S\n]*[A-Z])")


def forced_cuts(text):
    """Cuts before bullets, before lines that open with a dash, an asterisk ("- lower taxes") or a number or
    letter marker ("1. the defendant"), and before items 2, 3... of an inline numbered list."""
    cuts = []
    if any(b in text for b in BULLETS):
        cuts.extend(m.start() for m in _BULLET_RE.finditer(text))
    if "\n-" in text or "\n*" in text or "\n–" in text or "\n " in text:
        cuts.extend(m.start(1) for m in _DASH_ITEM_RE.finditer(text))
    if "\n" in text:
        cuts.extend(m.start(1) for m in _LINE_ITEM_RE.finditer(text))
    opening = _LIST_START_RE.match(" " + text[:4])
    if opening:  # a list opening the text: its first marker has nothing before it
        cuts.extend(_list_item_cuts(text, 0, opening=opening.group()[2:].rstrip()))
    else:
        first = _LIST_START_RE.search(text)
        if first is not None:
            cuts.extend(_list_item_cuts(text, first.start()))
    if not cuts:
        return cuts
    return sorted(set(cuts))


def _list_item_cuts(text, first, opening=None):
    """ "1) first 2) second", "a. first b. second": cut before each later item. `opening` is the suffix of
    the marker that opens the text, if one does."""
    cuts = []
    chain = (opening, "2" if text[0] == "1" else "b") if opening else None  # (suffix, expected next value)
    for m in _MARKER_END_RE.finditer(text, first):
        end = m.end()
        suffix = ".)" if text[end - 2 : end] == ".)" else text[end - 1]
        marker = _list_marker_before(text, end - len(suffix))
        if marker is None:
            continue
        cut, value = marker
        if value in ("1", "a"):
            chain = (suffix, "2" if value == "1" else "b")
        elif chain == (suffix, value):
            cuts.append(cut)
            chain = (suffix, str(int(value) + 1) if value.isdigit() else chr(ord(value) + 1))
    return cuts


def _list_marker_before(text, pos):
    """(where the item starts, its number or letter) for a marker ending at pos.

    A marker is 1-3 digits or one lowercase letter, standing alone after
    whitespace or a bullet ("2.", "b)", "• 10.", "⁃9.").
    """
    start = pos
    while start > pos - 3 and start > 0 and text[start - 1].isdigit():
        start -= 1
    if start == pos:
        if pos == 0 or not ("a" <= text[pos - 1] <= "z"):
            return None
        start = pos - 1
    value = text[start:pos]
    k = start
    while k > 0 and k > start - 3 and text[k - 1] in " \t":
        k -= 1
    if k > 0 and text[k - 1] in BULLETS:
        return k - 1, value
    if start == 0 or text[start - 1].isspace():
        return start, value
    return None


def is_list_item(piece):
    return piece[0] in BULLETS or _DASH_ITEM_RE.match("\n" + piece) or _LINE_ITEM_RE.match("\n" + piece)


def split_item_end(s, item):
    """A list item runs to the end of its line when the next line opens with a capital ("• a fund for coal
    regions\nIt will be voted on in June."); a next line in lowercase continues it."""
    spans, pos = [], 0
    for m in _ITEM_END_RE.finditer(item):
        spans.append((s + pos, s + len(item[pos : m.start()].rstrip()) + pos))
        pos = m.end() + len(item[m.end() :]) - len(item[m.end() :].lstrip())
    spans.append((s + pos, s + len(item)))
    return spans


def split_line_list(text, s, e, stripped):
    """A block of short unpunctuated lines is a list: one sentence per line.

    Otherwise a single line break is just wrapping ("a sentence\\ncut off").
    """
    lines = stripped.split("\n")
    for line in lines:
        words = line.split()
        if not words or len(words) > 3 or line.rstrip()[-1] in TERMINALS:
            return [(s, e)]
    spans = []
    pos = s
    for line in lines:
        inner = line.strip()
        if inner:
            ls = pos + line.find(inner[0])
            spans.append((ls, ls + len(inner)))
        pos += len(line) + 1
    return spans
