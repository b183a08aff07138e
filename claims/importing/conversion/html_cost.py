"""The HTML cost guard: a pre-scan of the raw HTML that refuses pages html5lib would take too long on.

html5lib, inside bleach, slows down with nesting depth, and it builds texts, comments, attribute
values, scripts and tag names with "+=": one that arrives in many pieces (entities, stray tags,
dashes) costs time quadratic in its length, and so does comparing a tag's attributes with each
other. _HtmlCost reads the raw HTML once, builds nothing, and estimates that work the way
html5lib will meet it, erring on the high side. It follows html5lib's tokenizer closely but its
tree builder only roughly (text in <select>, tables, <svg> and <math>), so contrived mixes of
those may still get through: run imports under a time limit all the same."""

import re

from .common import ConversionError

# Blink and WebKit stop nesting elements at 512 too; html5lib slows down with depth.
MAX_HTML_DEPTH = 512
# Extra html5lib work allowed per character of HTML (see _HtmlCost); a unit is 0.02-0.08 µs, so
# this costs at most about 4 s per MB on top of bleach's usual 2-3 s per MB.
MAX_HTML_WORK_PER_CHAR = 50_000
# Comparing two attributes of one tag costs html5lib about 20 units.
ATTRIBUTE_PAIR_WORK = 20

_CONSTRUCT = re.compile(r"<(?:(!--)|(!\[CDATA\[)|([!?]|/(?![a-zA-Z]))|(/?)([a-zA-Z][^\s/>]*))")
_ATTRIBUTE = re.compile(r"""[\s/]*([^\s/>][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?""")
_UNQUOTED_VALUE_BREAKS = "&\"'=<`"
_COMMENT_END = re.compile(r"--!?>")
_RAW_TEXT_END = {
    tag: re.compile(rf"</{tag}(?=[\s/>])", re.IGNORECASE)
    for tag in "style textarea title xmp iframe noembed noframes noscript".split()
}
# html5lib's script states: "<!--" escapes, and inside it a <script> hides the next </script>.
_SCRIPT_MARK = re.compile(r"<!--(?:-*>)?|-->|<(/?)script(?=[\s/>])", re.IGNORECASE)
# Elements that never deepen the tree: void ones and those whose end tag is implied (<p>, <li>).
_NOT_NESTING = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "html head body p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rtc rp".split()
)
# Start tags after which html5lib may go on appending text to the same string: those it ignores
# outside tables, those it inserts in place inside tables, raw-text ones and <select>.
_NOT_TEXT_BOUNDARY = frozenset(
    "html head body frameset frame table caption colgroup col tbody thead tfoot tr td th form input "
    "select script style template title textarea xmp iframe noembed noframes noscript plaintext".split()
)


def check_html_cost(html: str) -> None:
    cost = _HtmlCost(html)
    if cost.deepest > MAX_HTML_DEPTH:
        raise ConversionError(f"The HTML is nested {cost.deepest:,} levels deep; the limit is {MAX_HTML_DEPTH}.")
    if cost.work > MAX_HTML_WORK_PER_CHAR * len(html):
        raise ConversionError(
            "The HTML is too dense with entities, stray tags or attributes to clean in reasonable time."
        )


class _HtmlCost:
    def __init__(self, html: str):
        self.html = html
        self.work = self.depth = self.deepest = 0
        self._run = 0  # length of the text html5lib may still be appending to
        self._in_select = False
        self._svg = self._math = 0  # open <svg>/<math>: their <script>, <style>... hold markup
        pos = 0
        while match := _CONSTRUCT.search(html, pos):
            self._text(pos, match.start())
            if match[1]:
                pos = self._comment(match)
            elif match[2] and (self._svg or self._math):
                pos = self._skip_to(match.end(), "]]>")  # CDATA: one piece of text
            elif match[2] or match[3]:
                pos = self._bogus(match)
            else:
                pos = self._tag(match)
        self._text(pos, len(html))

    def _text(self, start, end):
        if end > start:
            pieces = self.html.count("&", start, end) + self.html.count("<", start, end) + 1
            self.work += pieces * (self._run + end - start)
            self._run += end - start

    def _pieces(self, start, end, breaks):
        """Work to build html[start:end] from pieces split at any of the breaks characters."""
        pieces = sum(self.html.count(char, start, end) for char in breaks) + 1
        self.work += pieces * (end - start)
        return end

    def _skip_to(self, pos, marker):
        end = self.html.find(marker, pos)
        return len(self.html) if end < 0 else end + len(marker)

    def _comment(self, match):
        end = _COMMENT_END.search(self.html, match.start() + 2)  # "<!-->" is a whole comment
        stop = end.start() if end else len(self.html)
        self._pieces(match.end(), max(stop, match.end()), "-")
        return end.end() if end else len(self.html)

    def _bogus(self, match):
        # Doctypes and bogus comments run to the next ">"; doctype names grow a character at a time.
        end = self._skip_to(match.end(), ">")
        self.work += (end - match.start()) ** 2
        return end

    def _tag(self, match):
        closing, name = match[4], match[5].lower()
        pos, attributes = self._attributes(match.end())
        self.work += len(name) ** 2 + attributes**2 * ATTRIBUTE_PAIR_WORK
        foreign = self._svg or self._math or name in ("svg", "math")
        if closing:
            self._close(name)
        elif not (foreign and self.html.endswith("/>", 0, pos)):  # <path/> closes itself in SVG
            pos = self._open(name, pos)
        return pos

    def _attributes(self, pos):
        count = 0
        while attribute := _ATTRIBUTE.match(self.html, pos):
            count += 1
            pos = attribute.end()
            self.work += len(attribute[1]) ** 2
            for group, breaks in ((2, "&"), (3, "&"), (4, _UNQUOTED_VALUE_BREAKS)):
                if attribute[group]:
                    self._pieces(*attribute.span(group), breaks)
        return self._skip_to(pos, ">"), count

    def _open(self, name, pos):
        if name not in _NOT_NESTING:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)
        self._svg += name == "svg"
        self._math += name == "math"
        self._in_select = self._in_select or name == "select"
        if name in ("option", "optgroup") or not (self._in_select or name in _NOT_TEXT_BOUNDARY):
            self._run = 0
        if self._svg or self._math:
            return pos
        if name == "plaintext":  # the rest is one piece of text
            return len(self.html)
        if name == "script":
            end = self._script_end(pos)
            escapable = self.html.find("<!--", pos, end) >= 0  # only then do dashes split the text
            return self._pieces(pos, end, "<-" if escapable else "<")
        if name in _RAW_TEXT_END:
            end = _RAW_TEXT_END[name].search(self.html, pos)
            return self._pieces(pos, end.start() if end else len(self.html), "<&")
        return pos

    def _close(self, name):
        if name not in _NOT_NESTING:
            self.depth = max(self.depth - 1, 0)
        if name == "select":
            self._in_select = False
        self._svg -= name == "svg" and self._svg > 0
        self._math -= name == "math" and self._math > 0

    def _script_end(self, pos):
        escaped = double_escaped = False
        for mark in _SCRIPT_MARK.finditer(self.html, pos):
            if mark[0] == "<!--":
                escaped = True
            elif mark[0].endswith(">"):  # "-->" or "<!-->": back to plain script
                escaped = double_escaped = False
            elif mark[1]:  # </script
                if not double_escaped:
                    return mark.start()
                double_escaped = False
            elif escaped:  # <script inside "<!--"
                double_escaped = True
        return len(self.html)
