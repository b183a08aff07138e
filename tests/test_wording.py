"""How verdicts and speakers read, on pages and in exports alike."""

from types import SimpleNamespace

from claims.models import Verdict
from claims.wording import VERDICTS, speaker_line, verdict_key


def test_every_verdict_has_a_symbol_a_word_and_a_meaning():
    assert set(VERDICTS) == {*Verdict.values, "none"}
    assert {key: VERDICTS[key][:2] for key in Verdict.values} == {
        "confirmed": ("✓", "Confirmed"),
        "denied": ("✗", "Denied"),
        "unverified": ("?", "Unverified"),
    }
    assert all(meaning for _, _, meaning in VERDICTS.values())


def test_no_verdict_or_an_unknown_one_reads_as_not_labelled():
    assert verdict_key(None) == verdict_key("") == verdict_key("pants-on-fire") == "none"
    assert VERDICTS["none"][1] == "Not labelled"


def test_speaker_line_joins_the_parts_that_are_filled_in():
    peskov = SimpleNamespace(name="Dmitry Peskov", role="Kremlin spokesperson", affiliation="Russian presidency")
    assert speaker_line(peskov) == "Dmitry Peskov, Kremlin spokesperson, Russian presidency"
    assert speaker_line(peskov, with_name=False) == "Kremlin spokesperson, Russian presidency"
    assert speaker_line(SimpleNamespace(name="Kyiv", role="", affiliation="Ukraine")) == "Kyiv, Ukraine"
    assert speaker_line(SimpleNamespace(name="Kyiv", role="", affiliation=""), with_name=False) == ""
