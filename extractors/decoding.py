"""Turn the bytes of an input into text, or say clearly why they are not text.

Order matters: a byte-order mark is proof, strict UTF-8 is near-proof (legacy single-byte text
almost never decodes as UTF-8 by accident), UTF-16 without a BOM shows as NUL bytes in every
other position, NUL bytes otherwise mean binary. Only then do we ask charset-normalizer to
*detect* a legacy encoding, and we refuse its answer when it is not confident, rather than
guess blindly.
"""

from __future__ import annotations

import codecs

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
            return _strict(data, encoding, source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _printable(_strict(data, utf16, source), source)
    if b"\x00" in data:
        raise InputError(source, "the input looks binary (NUL bytes), not text",
                         hint="pass a text, HTML, JSON or JSONL file")
    return _detect_legacy(data, source)


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(source, f"invalid {encoding} at byte {exc.start}",
                         hint="re-save the file as UTF-8") from None


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
        raise InputError(source, "the encoding cannot be detected with confidence",
                         hint="re-save the file as UTF-8")
    return _printable(str(best), source)


def _printable(text: str, source: str) -> str:
    """Decoded bytes that are mostly control characters were binary after all."""
    if sum(ch.isprintable() or ch.isspace() for ch in text) < 0.95 * len(text):
        raise InputError(source, "the input looks binary, not text",
                         hint="pass a text, HTML, JSON or JSONL file")
    return text
