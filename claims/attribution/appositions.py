"""Names introduced in apposition, remembered for later back-references: "The contractor, Northbank
Construction, disputed ...", "Northbank Construction, the firm hired to ..., said", "Lesedi Phologolo, chief
economist at Mokolodi Capital Partners, said", "Arktisk Mineral, one of the companies that ..."; the
descriptor's head says what the name is."""

from .lexicon import (
    DAYS_MONTHS,
    DETERMINERS,
    GAZETTEER,
    GROUP_WORDS,
    ORG_NOUNS,
    ROLE_NOUNS,
    is_company_noun,
    is_people_noun,
    word_set,
)
from .noun_phrases import acronym_in_brackets, particle_inside
from .speakers import described_name
from .titles import names_a_body
from .tokens import is_quote


def past_title(toks, lo):
    """Past an abbreviated title opening a name ("Dr. Keiko Arakawa-Brandt", "Gen. Ahmed Musa"), else lo."""
    if lo + 2 < len(toks) and toks[lo].low in ROLE_NOUNS and toks[lo + 1].text == "." and toks[lo + 2].cap:
        return lo + 2
    return lo


_APPOS_ARTICLES = word_set("the a an its their her his")  # "its operator, Westmecklenburg Kliniken,", "Her club, X,"
_PLACE_PREPOSITIONS = word_set("in at near from outside across")
_APPOS_BREAKS = word_set("of for at in behind hired based that which who whose with from on by to")


def _appos_name(toks, lo):
    """End of a proper name at lo for an apposition: 1-5 capitalised words, "of" inside (lo if none)."""
    j = lo
    if lo == 0 and toks and toks[0].low in ("in", "at", "from", "on", "after", "before", "outside"):
        return lo  # "In Kyiv, the minister, ...": where, not who
    while j < len(toks) and j - lo < 5:
        t = toks[j]
        if (t.word and t.cap and not t.poss and not t.in_quote and (t.low not in DETERMINERS or t.acronym)) or (
            (t.low in ("of", "&") or particle_inside(toks, j))  # "Cobre del Bacanuchi"
            and j > lo
            and j + 1 < len(toks)
            and toks[j + 1].cap
            and toks[j + 1].word
        ):
            j += 1
        else:
            break
    return j


def _appos_descriptor(toks, lo):
    """(head index, end index) of a descriptor at lo ("contractor", "city's new mayor"), or None.

    The descriptor is 1-4 words, the last a noun from the company, organisation or role lexicons;
    a post-modifier ("hired to repair the bridge", "for the family") may follow up to the comma.
    """
    j = lo
    most = 6 if any(t.poss for t in toks[lo : lo + 4]) else 4  # "the Kaiwhenua District Council's roading contractor"
    while (
        j < len(toks) and j - lo < most and toks[j].word and not toks[j].in_quote and toks[j].low not in _APPOS_BREAKS
    ):
        if toks[j].cap and not toks[j].poss and (j + 1 >= len(toks) or not toks[j + 1].word):
            return None  # "the company, Apple" is pattern 1, a trailing name is not a descriptor
        nxt = toks[j + 1].low if j + 1 < len(toks) else ""
        noun_after = is_company_noun(nxt) or nxt in ORG_NOUNS or nxt in ROLE_NOUNS  # "roading contractor"
        if j > lo and toks[j].low.endswith("ing") and not toks[j].cap and not noun_after:
            break  # "the contractor building it": the descriptor ends before its participle (see _modifies)
        j += 1
    if j == lo:
        return None
    head = j - 1
    if toks[head].cap and toks[head].low not in ROLE_NOUNS or toks[head].poss:
        return None  # (a party, capitalised, is a role: "a Democrat from Ohio")
    return head, j


def _appos_kind(low):
    if is_company_noun(low):
        return "company"
    if low in GROUP_WORDS:
        return "group"
    if low in ORG_NOUNS:
        return "organisation"
    if low in ROLE_NOUNS or is_people_noun(low) and not low.endswith("s"):
        return "person"  # "a minister", "a seafood wholesaler"
    return None


def note_appositions(text, toks, memory):
    """Remember a name introduced in apposition, for later back-references.

    "The contractor, Northbank Construction, disputed ..." and "Northbank Construction, the firm hired
    to ..., said ...": the descriptor's head says what the name is (a company noun: a company; a group
    word: a group; another organisation noun: an organisation; a role noun: a person with that role).
    """
    n = len(toks)
    k = 0
    while k < n - 3:
        t = toks[k]
        if t.in_quote:
            k += 1
            continue
        # "The <descriptor>, <Name>, ..."
        # (or "<Owner>'s <descriptor>, <Name>,": "Chile's health minister, Ximena Aravena,")
        if (t.low in _APPOS_ARTICLES and (k == 0 or not toks[k - 1].cap)) or (t.poss and t.cap):
            d = _appos_descriptor(toks, k + 1)
            if d and not _appos_kind(toks[d[0]].low):
                d = None  # "after a fire, Codelco, Chile's ...": no descriptor; the name may have one after it
            if d and d[1] < n and _modifies(toks[d[1]]):
                d = d[0], _to_comma(toks, d[1], most=5)  # past a post-modifier: "the contractor building it,"
                if toks[d[1] - 1].cap and any(toks[m].low in _PLACE_PREPOSITIONS for m in range(d[0], d[1])):
                    d = None  # "A public hospital in Dayton, Ohio,": the comma of a place, no name after it
            if d and d[1] + 1 < n and toks[d[1]].text == ",":
                head, end = d
                lo = past_title(toks, end + 1)
                hi = _appos_name(toks, lo)
                if (
                    hi > lo
                    and hi < n
                    and toks[hi].text in ",."  # "suing the operator, Saaremaa Liinid."
                    and not (hi + 1 < n and toks[hi + 1].low in ("and", "or"))
                ):
                    _remember_apposition(text, toks, memory, lo, hi, head, k, head + 1)
                    k = hi
                    continue
        # "<Name>, the <descriptor> ...,"
        if t.word and t.cap and (k == 0 or not (toks[k - 1].cap and toks[k - 1].word)):
            lo = k + 1 if t.low in DETERMINERS and not t.acronym else k
            hi = _appos_name(toks, lo)
            c = hi  # the comma after the name, past "(SRD)" or an age ("X, 61, a wholesaler,")
            if acronym_in_brackets(toks, hi + 2):
                c = hi + 3
            elif hi + 2 < n and toks[hi].text == "," and toks[hi + 1].text.isdigit() and toks[hi + 2].text == ",":
                c = hi + 2
            # the descriptor after an article or a possessive: "X, Chile's state copper company, said"
            # (not a place: "a summit in Lima, Ecuador's production minister, X, said")
            place = lo > 0 and toks[lo - 1].low in _PLACE_PREPOSITIONS
            owner = c + 2 < n and (
                toks[c + 1].low in _APPOS_ARTICLES or (toks[c + 1].poss and toks[c + 1].cap and not place)
            )
            # or a bare role: "Lesedi Phologolo, chief economist at Mokolodi Capital Partners, said"
            bare = c + 1 < n and toks[c + 1].word and not toks[c + 1].cap and not place
            one_of = c + 3 < n and toks[c + 1].low == "one" and toks[c + 2].low == "of"  # "X, one of the companies"
            if hi > lo and c < n and toks[c].text == "," and one_of:
                d = _appos_descriptor(toks, c + 4 if toks[c + 3].low == "the" else c + 3)
                if d and _appos_kind(_singular(toks[d[0]].low)) in ("company", "organisation", "group"):
                    memory.note_company(text[toks[lo].start : toks[hi - 1].end], toks[lo].start, toks[hi - 1].end,
                                        _singular(toks[d[0]].low))  # fmt: skip
                    k = d[1]
                    continue
            if hi > lo and c < n and toks[c].text == "," and (owner or bare):
                d = _appos_descriptor(toks, c + 2 if owner else c + 1)
                if d and (owner or toks[d[0]].low in ROLE_NOUNS):
                    head, end = d
                    close = _to_comma(toks, end, most=8)
                    if close < n and toks[close].text in ",.;":
                        _remember_apposition(text, toks, memory, lo, hi, head, c + 1, close)
                        k = close
                        continue
        k += 1


def _singular(low):
    """ "companies" -> "company", "banks" -> "bank"."""
    if low.endswith("ies"):
        return low[:-3] + "y"
    return low[:-1] if low.endswith("s") else low


def _modifies(t):
    """Whether a descriptor's post-modifier opens at t: a participle or a preposition ("building it", "hired
    to", "of the agency")."""
    return not t.cap and (t.low.endswith("ing") or t.low in _APPOS_BREAKS)


def _to_comma(toks, j, most):
    """Where a descriptor's post-modifier at j ends: the first ",", ".", ";" or ":" within `most` tokens,
    not past a quotation mark (j itself when there is none)."""
    end = j
    while end < len(toks) and end - j < most and toks[end].text not in ",.;:" and not is_quote(toks[end]):
        end += 1
    return end if end < len(toks) and toks[end].text in ",.;:" else j


def _remember_apposition(text, toks, memory, lo, hi, head, d_lo, d_hi):
    kind = _appos_kind(toks[head].low)
    if kind is None:
        return
    if kind == "person" and names_a_body(toks[lo:hi]):
        kind = "company"  # "The mine's owner, Saryarka Coal Company,": an owner, but a company by its name
    if hi - lo == 1 and (toks[lo].low in GAZETTEER or toks[lo].low in DAYS_MONTHS):
        return  # "the capital, Kyiv,": a place; "until Friday, the agency said": a day
    if lo == 0 and described_name(toks[lo:hi]):
        lo += 1  # "Commuter Aigerim Tleubayeva, a nurse, said": the name without the noun opening the sentence
    title = None
    if kind == "person" and hi - lo >= 3 and toks[lo].low in ROLE_NOUNS:
        title, lo = toks[lo].text, lo + 1  # "the coastguard's commander, Captain Ioannis Petrou,": the name without it
    name, start, end = text[toks[lo].start : toks[hi - 1].end], toks[lo].start, toks[hi - 1].end
    if kind == "person":
        memory.add(name, start, end, "person", text[toks[d_lo].start : toks[d_hi - 1].end], title=title)
        return
    ent = memory.add_body(name, start, end)
    if ent.kind == "organisation":
        memory.call_by(ent, toks[head].low)
        ent.is_company = ent.is_company or kind == "company"
