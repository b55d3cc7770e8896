"""The spaCy pipeline the text extractors share: sentences plus rule-based entities.

No model is downloaded at run time. By default a blank English pipeline with a sentencizer
and an EntityRuler (MONEY, DATE, ORG, PERSON patterns) is used; when a trained pipeline is
installed and named in ``CSPIPE_SPACY_MODEL`` (e.g. ``en_core_web_sm``) it is loaded instead
and the ruler is added before its statistical NER so the rules win.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language

_MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]

_ORG_HEADS = [
    "council", "constabulary", "police", "partnership", "board", "service", "services",
    "trust", "office", "commissioner", "team", "network", "group", "panel", "agency",
    "department", "ministry", "authority", "authorities", "probation", "csp",
]

_TITLES = ["councillor", "cllr", "mr", "mrs", "ms", "miss", "dr"]


def _base_patterns() -> list[dict[str, Any]]:
    """Generic patterns: money, UK dates and financial years, "<Name> Council", "Cllr <Name>"."""
    patterns: list[dict[str, Any]] = [
        {"label": "MONEY", "pattern": [{"TEXT": "£"}, {"LIKE_NUM": True},
                                       {"LOWER": {"IN": ["k", "m", "million", "bn"]}, "OP": "?"}]},
        {"label": "MONEY", "pattern": [{"TEXT": {"REGEX": r"^£\d[\d,.]*[kmKM]?$"}}]},
        {"label": "DATE", "pattern": [{"TEXT": {"REGEX": r"^\d{1,2}$"}},
                                      {"LOWER": {"IN": _MONTHS}}, {"TEXT": {"REGEX": r"^\d{4}$"}}]},
        {"label": "DATE", "pattern": [{"LOWER": {"IN": _MONTHS}}, {"TEXT": {"REGEX": r"^\d{4}$"}}]},
        {"label": "DATE", "pattern": [{"TEXT": {"REGEX": r"^\d{1,2}/\d{1,2}/\d{2,4}$"}}]},
        {"label": "DATE", "pattern": [{"TEXT": {"REGEX": r"^(19|20)\d{2}[/-]\d{2,4}$"}}]},
        {"label": "DATE", "pattern": [{"TEXT": {"REGEX": r"^[Qq][1-4]$"}},
                                      {"TEXT": {"REGEX": r"^(19|20)\d{2}[/-]\d{2,4}$"}}]},
        {"label": "ORG", "pattern": [{"IS_TITLE": True, "OP": "+"},
                                     {"LOWER": {"IN": _ORG_HEADS}, "IS_TITLE": True}]},
        {"label": "ORG", "pattern": [{"TEXT": {"REGEX": r"^[A-Z]{2,}CSP$"}}]},
        {"label": "PERSON", "pattern": [{"LOWER": {"IN": _TITLES}}, {"TEXT": ".", "OP": "?"},
                                        {"IS_TITLE": True}, {"IS_TITLE": True, "OP": "?"}]},
    ]
    return patterns


def _load(model: str | None) -> Language:
    if model:
        try:
            nlp = spacy.load(model, exclude=["lemmatizer"])
        except OSError:
            nlp = spacy.blank("en")
    else:
        nlp = spacy.blank("en")
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer")
    return nlp


@lru_cache(maxsize=8)
def _cached(model: str | None, org_patterns: tuple[str, ...]) -> Language:
    nlp = _load(model)
    config = {"overwrite_ents": True, "phrase_matcher_attr": "LOWER"}
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config=config)
    else:
        ruler = nlp.add_pipe("entity_ruler", config=config)
    patterns = _base_patterns()
    patterns += [{"label": "ORG", "pattern": p} for p in org_patterns if p.strip()]
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


def get_nlp(extra_org_patterns: Iterable[str] = ()) -> Language:
    """The shared pipeline (cached); ``extra_org_patterns`` are phrases to tag as ORG (aliases)."""
    model = os.environ.get("CSPIPE_SPACY_MODEL") or None
    return _cached(model, tuple(sorted(set(extra_org_patterns))))


_BLOCK_SPLIT = re.compile(r"\n\s*\n|\n(?=\s*(?:[-•▪●◦*]|\(?[a-z]\)|\(?[ivx]{1,4}\)|\d+(?:\.\d+)+)\s)")


def blocks(text: str) -> list[str]:
    """Paragraphs and list items of ``text``, each with its wrapped lines joined."""
    out = []
    for block in _BLOCK_SPLIT.split(text):
        joined = " ".join(block.split())
        if joined:
            out.append(joined)
    return out


def sentences(text: str) -> Iterator[str]:
    """Sentences of ``text``: paragraphs and bullets first, then spaCy's sentencizer inside each."""
    parts = blocks(text)
    if not parts:
        return
    nlp = get_nlp()
    with nlp.select_pipes(enable=[n for n in nlp.pipe_names if n in ("sentencizer", "senter",
                                                                      "parser")]):
        for doc in nlp.pipe(parts):
            for sent in doc.sents:
                s = sent.text.strip()
                if s:
                    yield s
