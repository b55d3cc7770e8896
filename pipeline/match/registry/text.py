"""Text helpers shared by the registry builder, the loader and the matcher.

One normalisation everywhere, so an alias written into the registry CSV and the
same words read from a PDF meet as the same key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Cyrillic and Greek letters OCR puts in place of Latin look-alikes ("ТВС" for "TBC").
_LOOKALIKES = str.maketrans(
    {
        "А": "A",
        "В": "B",
        "С": "C",
        "Е": "E",
        "Н": "H",
        "К": "K",
        "М": "M",
        "О": "O",
        "Р": "P",
        "Т": "T",
        "Х": "X",
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "у": "y",
        "х": "x",
        "Α": "A",
        "Β": "B",
        "Ε": "E",
        "Κ": "K",
        "Μ": "M",
        "Ο": "O",
        "Τ": "T",
    }
)
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "–": "-", "—": "-"})

#: County short forms the papers use ("East Cambs", "Northants").
PLACE_SHORT_FORMS: dict[str, str] = {
    "cambs": "cambridgeshire",
    "northants": "northamptonshire",
    "notts": "nottinghamshire",
    "lincs": "lincolnshire",
    "bucks": "buckinghamshire",
    "herts": "hertfordshire",
    "beds": "bedfordshire",
    "hants": "hampshire",
    "wilts": "wiltshire",
    "glos": "gloucestershire",
    "oxon": "oxfordshire",
    "leics": "leicestershire",
    "worcs": "worcestershire",
    "staffs": "staffordshire",
    "lancs": "lancashire",
    "derbys": "derbyshire",
}

#: Words dropped from the normalised key: they never tell two organisations apart.
_DROP = {"the", "ltd", "limited", "plc", "llp", "cic", "inc"}
#: Honorifics and titles in front of names ("Cllr Smith, Suffolk County Council").
_TITLES = {"cllr", "councillor", "mr", "mrs", "ms", "miss", "dr", "supt", "insp", "sgt", "pc"}

_NON_WORD = re.compile(r"[^a-z0-9]+")
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")


_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]+")
#: the ASCII characters the tables above rewrite ("`" to "'"): ASCII text without them folds to itself
_ASCII_REWRITTEN = re.compile(
    "[" + "".join(re.escape(chr(k)) for k in sorted({*_LOOKALIKES, *_QUOTES}) if k < 128) + "]")


def _fold_run(run: re.Match[str]) -> str:
    text = unicodedata.normalize("NFKD", run.group().translate(_LOOKALIKES).translate(_QUOTES))
    return text if text.isascii() else "".join(ch for ch in text if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Unicode-fold: look-alike letters, curly quotes, accents -> plain ASCII-ish text.

    A page's text is folded whole, so only the runs past ASCII are walked letter by letter
    (the tables and NFKD work letter by letter, so a run folds as it would in its text).
    """
    if _ASCII_REWRITTEN.search(text):
        text = text.translate(_LOOKALIKES).translate(_QUOTES)
    return text if text.isascii() else _BEYOND_ASCII.sub(_fold_run, text)


def slugify(name: str) -> str:
    """Registry id of an official name (docs/ARCHITECTURE.md): lower, & -> and, ' dropped."""
    text = fold(name).lower().replace("&", " and ")
    text = text.replace("'", "")
    return _NON_WORD.sub("-", text).strip("-")


@lru_cache(maxsize=200_000)
def normalise(text: str) -> str:
    """Matching key: case, punctuation, &/and, 'the', possessives, Ltd, titles, short forms."""
    text = fold(text).lower().replace("&", " and ").replace("+", " and ")
    text = _POSSESSIVE.sub("", text)
    text = text.replace("'", "")
    words = _NON_WORD.sub(" ", text).split()
    out: list[str] = []
    for word in words:
        if word in _DROP or word in _TITLES:
            continue
        out.append(PLACE_SHORT_FORMS.get(word, word))
    return " ".join(out)


_INITIAL_SKIP = {"of", "and", "the", "upon", "on", "in", "le", "with", "for", "&"}


def initialism(name: str) -> str:
    """Initial letters of a name, skipping joining words: 'Suffolk County Council' -> 'SCC'."""
    words = re.split(r"[\s/]+", fold(name).replace("'", ""))
    letters = [
        w[0].upper() for w in words if w and w.lower() not in _INITIAL_SKIP and w[0].isalnum()
    ]
    return "".join(letters)


@lru_cache(maxsize=65_536)
def looks_like_abbreviation(text: str) -> bool:
    """True for short upper-case tokens the papers use as initials ('SCC', 'OPCCN', 'MoJ')."""
    token = text.strip().strip(".").replace("&", "")
    if not token or " " in token or len(token) > 8 or len(token) < 2:
        return False
    upper = sum(1 for ch in token if ch.isupper())
    return upper >= 2 and upper >= len(token) - 2 and token.isalnum()
