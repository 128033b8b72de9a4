"""Turn the bytes of an input into text, or say clearly why they are not text.

Order matters: a byte-order mark is proof; UTF-16 without a BOM shows as NUL bytes in every other
position (and decodes as "valid" UTF-8 when the text is ASCII, so it is tested first); NUL bytes
otherwise mean binary; strict UTF-8 is near-proof (legacy single-byte text almost never decodes as
UTF-8 by accident). Then three repairs, each logged: a UTF-8 file cut inside its last character
loses that character; a file that mixes UTF-8 with cp1252 (two files pasted together, a quote
pasted from Windows) keeps its UTF-8 and reads each stray byte as cp1252, when its valid UTF-8
sequences are not rare beside the stray bytes; otherwise we ask charset-normalizer to *detect* a
legacy encoding and refuse its answer when it is not confident, rather than guess blindly.
Whatever the encoding, text of which more than 5 % are control characters was binary after all.
"""

from __future__ import annotations

import codecs
import logging
import re

from newsfacts.extractors.errors import InputError

__all__ = ["decode_bytes"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Single-byte encodings a European news file is realistically in; charset-normalizer may only
# choose among these (plus UTF-8), so it cannot "detect" e.g. a CJK code page in Latin-1 text.
_LEGACY = ["cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r", "iso8859_7"]
_MAX_CHAOS = 0.2
_MAX_CONTROL = 0.05
# C0 and C1 control characters, except tab, newlines, vertical tab, form feed and carriage return
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ESCAPED = re.compile("[\udc80-\udcff]")  # surrogateescape's stand-ins for undecodable bytes
_NON_ASCII = re.compile("[^\x00-\x7f]")
# A file mixing encodings is read as UTF-8 when it holds at least one valid multi-byte UTF-8
# sequence per this many stray bytes; below that, the valid sequences are more likely accidents
# in a legacy file (cp1252 "Ã¤" is valid UTF-8 for "ä").
_STRAY_PER_VALID = 10

log = logging.getLogger(__name__)


def decode_bytes(data: bytes, *, source: str) -> str:
    """Decode an input's bytes to text.

    Args:
        data: the raw bytes of one input.
        source: the path or name to put into error messages.

    Returns:
        The decoded text, without a byte-order mark.

    Raises:
        InputError: the input is empty, binary, or in no encoding we can detect confidently.
    """
    if not data.strip():
        raise InputError(source, "the input is empty", hint="nothing to extract")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _printable(_strict(data, encoding, source), source)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        even = data[: len(data) - len(data) % 2]  # a last odd byte is half a character: cut off
        return _printable(_strict(even, utf16, source), source)
    if b"\x00" in data:
        raise InputError(
            source, "the input looks binary (NUL bytes), not text", hint="pass a text, HTML, JSON or JSONL file"
        )
    try:
        return _printable(data.decode("utf-8"), source)
    except UnicodeDecodeError as exc:
        if exc.end == len(data) and exc.reason == "unexpected end of data" and exc.start > len(data) - 4:
            log.warning("%s: the last character is cut off (truncated UTF-8); read without it", source)
            return _printable(_strict(data[: exc.start], "utf-8", source), source)
    mixed = _mixed_utf8(data)
    if mixed is not None:
        log.warning("%s: UTF-8 mixed with single bytes; read those as cp1252", source)
        return _printable(mixed, source)
    return _detect_legacy(data, source)


def _mixed_utf8(data: bytes) -> str | None:
    """UTF-8 with its stray bytes read as cp1252, when the UTF-8 is no accident; else None."""
    text = data.decode("utf-8", errors="surrogateescape")
    stray = len(_ESCAPED.findall(text))
    valid = len(_NON_ASCII.findall(text)) - stray
    if valid == 0 or stray > _STRAY_PER_VALID * valid:
        return None
    return _ESCAPED.sub(lambda m: _cp1252(ord(m.group()) - 0xDC00), text)


def _cp1252(byte: int) -> str:
    """One byte as cp1252; its five unassigned bytes as Latin-1 (the C1 control they name)."""
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(source, f"invalid {encoding} at byte {exc.start}", hint="re-save the file as UTF-8") from None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text in a Latin script has a NUL in (nearly) every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _detect_legacy(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes  # lazy: only legacy files pay for it

    best = from_bytes(data, cp_isolation=_LEGACY).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise InputError(source, "the encoding cannot be detected with confidence", hint="re-save the file as UTF-8")
    return _printable(str(best), source)


def _printable(text: str, source: str) -> str:
    """Decoded bytes that are more than 5 % control characters were binary after all.

    Binary data can be valid UTF-8 (or any single-byte encoding); text almost never holds control
    characters other than tabs and line breaks.
    """
    if len(_CONTROL.findall(text)) > _MAX_CONTROL * len(text):
        raise InputError(
            source,
            "the input looks binary (control characters), not text",
            hint="pass a text, HTML, JSON or JSONL file",
        )
    return text
