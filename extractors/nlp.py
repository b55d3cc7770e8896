"""The spaCy pipeline the text extractors share: sentences plus rule-based entities.

No model is downloaded at run time. By default a blank English pipeline with a sentencizer
and an EntityRuler (MONEY, DATE, ORG, PERSON patterns) is used; when a trained pipeline is
installed and named in ``CSPIPE_SPACY_MODEL`` (e.g. ``en_core_web_sm``) it is loaded instead
and the ruler is added before its statistical NER so the rules win (a name that is not
installed falls back to the blank pipeline).

Registry names given once (``get_nlp(names)`` or ``set_gazetteer``) stay in the ruler for
the rest of the process, so every later ``entities`` call tags them as ORG.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import spacy
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language

_MONTHS = [
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]

_ORG_HEADS = [
    "council", "constabulary", "police", "partnership", "board", "service", "services",
    "trust", "office", "commissioner", "team", "network", "group", "panel", "agency",
    "department", "ministry", "authority", "authorities", "probation", "csp", "government",
    "commission", "executive", "unit", "forum", "alliance",
]
_CONNECTORS = ["and", "&", "of", "for"]

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
        {"label": "ORG", "pattern": [{"IS_TITLE": True, "LOWER": {"NOT_IN": ["the"]}, "OP": "+"},
                                     {"LOWER": {"IN": _ORG_HEADS}, "IS_TITLE": True}]},
        # "Police and Crime Commissioner", "Devon & Cornwall Police"
        {"label": "ORG", "pattern": [{"IS_TITLE": True, "LOWER": {"NOT_IN": ["the"]}, "OP": "+"}, {"LOWER": {"IN": ["and", "&"]}},
                                     {"IS_TITLE": True, "OP": "+"},
                                     {"LOWER": {"IN": _ORG_HEADS}, "IS_TITLE": True}]},
        # "Ministry of Justice", "Department for Education", "Council for Voluntary Service"
        {"label": "ORG", "pattern": [{"LOWER": {"IN": _ORG_HEADS}, "IS_TITLE": True},
                                     {"LOWER": {"IN": ["of", "for"]}}, {"LOWER": "the", "OP": "?"},
                                     {"IS_TITLE": True, "OP": "+"}]},
        {"label": "ORG", "pattern": [{"TEXT": {"REGEX": r"^[A-Z]{2,}CSP$"}}]},
        {"label": "PERSON", "pattern": [{"LOWER": {"IN": _TITLES}}, {"TEXT": ".", "OP": "?"},
                                        {"IS_TITLE": True}, {"IS_TITLE": True, "OP": "?"}]},
    ]
    return patterns


def _load(model: str | None) -> Language:
    """The named trained pipeline when installed, else a blank English one."""
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


@dataclass(frozen=True, eq=False)
class _Names:
    """The gazetteer's names, keyed by identity: the caches below take it at every call, and
    hashing 14,000 names each time cost more than the lookup saved."""

    names: tuple[str, ...] = ()


#: the token attribute the gazetteer's phrases match on (case-insensitive)
_PHRASE_ATTR = "LOWER"


@lru_cache(maxsize=8)
def _cached(model: str | None, gazetteer: _Names) -> Language:
    nlp = _load(model)
    config = {"overwrite_ents": True, "phrase_matcher_attr": _PHRASE_ATTR}
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config=config)
    else:
        ruler = nlp.add_pipe("entity_ruler", config=config)
    ruler.add_patterns(_base_patterns())  # type: ignore[attr-defined]
    _add_phrases(ruler, "ORG", gazetteer.names, nlp)
    return nlp


#: registry names tokenized at a time while the gazetteer is built
_PHRASE_CHUNK = 500

#: phrase-matcher keys a caller kept from an earlier run (``prime_phrase_keys``), and the
#: keys of the last gazetteer built, each with the fingerprint of the tokenizer they came from
_primed: tuple[str, dict[str, tuple[int, ...]]] = ("", {})
_built: tuple[str, dict[str, tuple[int, ...]]] = ("", {})


def tokenizer_fingerprint(nlp: Language) -> str:
    """What a phrase's matcher key depends on: spaCy's version, the attribute matched on and
    the tokenizer's rules."""
    digest = hashlib.sha256(f"{spacy.__version__}\0{_PHRASE_ATTR}\0".encode()
                            + nlp.tokenizer.to_bytes())
    return digest.hexdigest()


def prime_phrase_keys(fingerprint: str, keys: dict[str, tuple[int, ...]]) -> None:
    """Keys kept from an earlier build (``phrase_keys``): used when the tokenizer is the same."""
    global _primed
    _primed = (fingerprint, keys)


def phrase_keys() -> tuple[str, dict[str, tuple[int, ...]]]:
    """(tokenizer fingerprint, each gazetteer name's matcher key) of the last pipeline built."""
    return _built


def _add_phrases(ruler: Any, label: str, phrases: tuple[str, ...], nlp: Language) -> None:
    """Phrases straight into the ruler's PhraseMatcher, a chunk of docs at a time.

    ``add_patterns`` would run the whole pipeline over every phrase and keep each phrase's
    Doc for the life of the process (about 85 MB for the registry's 14,000 names); the
    matcher alone keeps a fraction of that. The ruler matches them as its own phrase
    patterns (same label, same longest-match choice); they are missing only from
    ``ruler.patterns``, which nothing here serializes.

    A phrase's key is its tokens' ``_PHRASE_ATTR`` values, what the matcher makes of its Doc.
    Tokenizing 14,000 names is most of a worker's start-up, so keys primed from an earlier
    run by the same tokenizer are added as they are (the matcher takes keys as well as
    Docs: it is how it unpickles), and only new names are tokenized.
    """
    global _built
    fingerprint = tokenizer_fingerprint(nlp)
    primed = _primed[1] if _primed[0] == fingerprint else {}
    keys = {p: primed[p] for p in phrases if p in primed}
    if keys:
        ruler.phrase_matcher.add(label, list(keys.values()))
    todo = [p for p in phrases if p not in keys]
    for i in range(0, len(todo), _PHRASE_CHUNK):
        chunk = todo[i:i + _PHRASE_CHUNK]
        docs = list(nlp.tokenizer.pipe(chunk))
        ruler.phrase_matcher.add(label, docs)
        keys.update((p, tuple(doc.to_array(_PHRASE_ATTR).tolist()))
                    for p, doc in zip(chunk, docs, strict=True))
    _built = (fingerprint, keys)


def _usable(name: str) -> bool:
    """A registry form safe to match case-insensitively: not an everyday word ("All")."""
    name = " ".join(name.split())
    return len(name) >= 3 and name.lower() not in STOP_WORDS


_gazetteer = _Names()


_given: object = None


def set_gazetteer(names: Iterable[str]) -> None:
    """Organisation names later calls to ``get_nlp()`` / ``entities`` tag as ORG (``()`` clears)."""
    global _gazetteer, _given
    if isinstance(names, tuple) and names is _given:
        return  # the same cached tuple given again for the next document: nothing to redo
    _given = names if isinstance(names, tuple) else None
    kept = tuple(sorted({" ".join(n.split()) for n in names if _usable(n)}))
    if kept != _gazetteer.names:
        _gazetteer = _Names(kept)


def get_nlp(extra_org_patterns: Iterable[str] = ()) -> Language:
    """The shared pipeline (cached); ``extra_org_patterns`` are phrases to tag as ORG.

    Non-empty ``extra_org_patterns`` (the registry's names and aliases) become the
    gazetteer every later call uses, so a caller gives them once per process.
    """
    extra = extra_org_patterns if isinstance(extra_org_patterns, tuple) else tuple(
        extra_org_patterns)
    if extra:
        set_gazetteer(extra)
    model = os.environ.get("CSPIPE_SPACY_MODEL") or None
    return _cached(model, _gazetteer)


@lru_cache(maxsize=4096)
def _entities(text: str, model: str | None, gazetteer: _Names) -> tuple[
        tuple[str, str, int, int], ...]:
    nlp = _cached(model, gazetteer)
    skip = [n for n in nlp.pipe_names if n in ("sentencizer", "senter", "parser", "lemmatizer")]
    with nlp.select_pipes(disable=skip):
        doc = nlp(text)
    return tuple((e.label_, e.text, e.start_char, e.end_char) for e in doc.ents)


def entities(text: str) -> list[tuple[str, str, int, int]]:
    """Entities of ``text`` as (label, text, start char, end char): MONEY, DATE, ORG, PERSON..."""
    if not text.strip():
        return []
    model = os.environ.get("CSPIPE_SPACY_MODEL") or None
    return list(_entities(text, model, _gazetteer))


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
    """Sentences of ``text``: paragraphs and bullets first, then spaCy's sentencizer inside each.

    A block with no sentence-ending mark before its last character is one sentence as the
    sentencizer would find it (it splits only after such a mark), so it is not run there:
    most bullets, table cells and headings.
    """
    parts = blocks(text)
    if not parts:
        return
    nlp = get_nlp()
    ends = _sentence_ends(nlp)
    split = [i for i, p in enumerate(parts) if ends is None or ends.search(p, 0, len(p) - 1)]
    docs: dict[int, Any] = {}
    if split:
        with nlp.select_pipes(enable=[n for n in nlp.pipe_names if n in ("sentencizer", "senter",
                                                                          "parser")]):
            docs = dict(zip(split, nlp.pipe(parts[i] for i in split), strict=True))
    for i, part in enumerate(parts):
        if i not in docs:
            yield part
            continue
        for sent in docs[i].sents:
            s = sent.text.strip()
            if s:
                yield s


@lru_cache(maxsize=8)
def _sentence_ends(nlp: Language) -> re.Pattern[str] | None:
    """A pattern of the marks the rule-based sentencizer splits after; None for a trained
    parser or senter (cached per pipeline: ``sentences`` asks at every call)."""
    if "sentencizer" not in nlp.pipe_names or {"parser", "senter"} & set(nlp.pipe_names):
        return None
    marks = sorted(nlp.get_pipe("sentencizer").punct_chars)  # type: ignore[attr-defined]
    return re.compile("[" + "".join(re.escape(m) for m in marks) + "]")
