"""Charset decoding: a byte-order mark, UTF-16 without one, UTF-8, a legacy charset a <meta charset>
names, then cp1252; binary data is refused."""

import codecs
import re

from .common import ConversionError
from .sniff import DESCRIPTIONS

# More control characters than this share of the text means binary data, not text.
MAX_CONTROL_SHARE = 0.01
NOT_TEXT = "This is not valid UTF-8 text and no other encoding fits it."

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# cp1252 text has no control characters but tab, newline, carriage return and form feed.
_CP1252_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A valid multi-byte UTF-8 sequence inside non-UTF-8 bytes means broken UTF-8, not cp1252.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([a-z0-9_-]{1,40})", re.IGNORECASE)
# Legacy charsets a <meta charset> may select. An allow-list: some Python codecs are slow on
# hostile input (punycode) or are not charsets at all (unicode_escape).
_META_CHARSETS = frozenset(
    codecs.lookup(name).name
    for name in (
        *(f"cp{n}" for n in range(1250, 1259)),
        *(f"iso8859_{n}" for n in (2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 14, 15, 16)),
        "koi8_r",
        "koi8_u",
        "shift_jis",
        "euc_jp",
        "euc_kr",
        "gb2312",
        "gbk",
        "gb18030",
        "big5",
    )
)


def decode(data: bytes, expected: str | None) -> str:
    """The text of data, which the caller expects to be the format `expected` (None: not known)."""
    if bom := next(((encoding, label) for mark, encoding, label in _BOMS if data.startswith(mark)), None):
        encoding, label = bom
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise ConversionError(f"The file is marked as {label} but is not valid {label}.") from None
    elif encoding := _utf16_without_bom(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise ConversionError(NOT_TEXT) from None
    elif b"\x00" in data:
        raise _binary(expected)
    else:
        text = _decode_8bit(data)
    # No NUL goes further: html5lib would split text at each one.
    if "\x00" in text or len(_CONTROLS.findall(text)) > len(text) * MAX_CONTROL_SHARE:
        raise _binary(expected)
    return text


def _binary(expected: str | None) -> ConversionError:
    return ConversionError(f"The file contains binary data, not {DESCRIPTIONS[expected]}.")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of mostly Latin text has a NUL in every other byte."""
    sample = data[:4096]
    if len(data) % 2 or len(sample) < 2:
        return None
    half = len(sample) // 2
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    if odd_nuls >= half * 0.3 and even_nuls <= half * 0.05:
        return "utf-16-le"
    if even_nuls >= half * 0.3 and odd_nuls <= half * 0.05:
        return "utf-16-be"
    return None


def _decode_8bit(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if charset := _declared_charset(data):
        try:
            return data.decode(charset)
        except UnicodeDecodeError:
            pass
    if not _UTF8_SEQUENCE.search(data):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:  # bytes cp1252 leaves undefined
            raise ConversionError(NOT_TEXT) from None
        if not _CP1252_FORBIDDEN.search(text):
            return text
    raise ConversionError(NOT_TEXT)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        name = codecs.lookup(match[1].decode("ascii")).name
    except LookupError:
        return None
    return name if name in _META_CHARSETS else None
