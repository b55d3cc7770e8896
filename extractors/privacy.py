"""Removing contact details (phone numbers, e-mail addresses) from text the database keeps.

Cover sheets and progress notes name officers with their direct lines and e-mails; the
database is for research on partnerships, so these are dropped unless a caller keeps them.
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
#: UK numbers: 01284 769000, 07766 998074, +44 (0)1284 769000, 0300 123 4567, 020 7946 0000
_PHONE = re.compile(
    r"(?<![\w/£.,])(?:\+44\s?\(0\)\s?|\+44\s?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w/])"
)
_LABEL = re.compile(r"\b(?:Tel(?:ephone)?|Mob(?:ile)?|Phone|E-?mail)\s*(?:no\.?)?\s*:?\s*(?=$|[\s,;.])",
                    re.IGNORECASE)


def redact(text: str | None, *, keep_contacts: bool = False) -> str | None:
    """``text`` without e-mail addresses and phone numbers (and their now empty labels)."""
    if text is None or keep_contacts:
        return text
    out = _EMAIL.sub("", text) if "@" in text else text
    # every number the pattern knows holds a 0 ("01284", "(0)") or starts "+44"
    out = _PHONE.sub("", out) if "0" in out or "+44" in out else out
    if out != text:
        out = _LABEL.sub("", out)
        out = re.sub(r"[ \t]{2,}", " ", out)
        out = re.sub(r"\s+([,.;])", r"\1", out)
    return out.strip()
