"""Document numbers (征补〔2026〕第 15 号) and short verification codes printed on each page.

A verification code is an HMAC-SHA-256 over the number, the household (or scope), the
total and the issue time, keyed with a secret kept in the register file, cut to 50 bits
and written in Crockford base32 (no I, L, O, U: nothing to confuse when read aloud or
typed from paper). The register looks documents up by code; recomputing the code from the
stored row also shows whether that row was altered.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

__all__ = [
    "CODE_LENGTH",
    "format_code",
    "normalise_code",
    "number_text",
    "verification_code",
]

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10
_READ_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def number_text(series: str, year: int, seq: int) -> str:
    return f"{series}〔{year}〕第 {seq} 号"


def verification_code(key: bytes, number: str, subject: str, total_fen: int, issued_at: datetime) -> str:
    """10 Crockford base32 characters (50 bits) of the HMAC of what the document asserts."""
    message = "\x1f".join((number, subject, str(total_fen), issued_at.isoformat(timespec="microseconds")))
    digest = hmac.new(key, message.encode("utf-8"), hashlib.sha256).digest()
    value = int.from_bytes(digest[:8], "big") >> (64 - 5 * CODE_LENGTH)
    chars = []
    for _ in range(CODE_LENGTH):
        value, index = divmod(value, 32)
        chars.append(ALPHABET[index])
    return "".join(reversed(chars))


def format_code(code: str) -> str:
    """``ABCDE12345`` -> ``ABCDE-12345`` as printed."""
    return f"{code[:5]}-{code[5:]}" if len(code) == CODE_LENGTH else code


def normalise_code(text: str) -> str | None:
    """What a clerk typed from paper back to the stored form; None when it cannot be a code.

    Accepts lower case, spaces and hyphens, and the letters Crockford base32 reads as digits
    (O as 0, I and L as 1)."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -_\u3000").translate(_READ_AS)
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        return None
    return cleaned
