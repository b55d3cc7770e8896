"""The gazetteer's phrase keys kept between runs: the same matches, read back, never misused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cspipe.extractors import nlp
from cspipe.pipeline.ingest import parse, phrase_cache

NAMES = ("Nacro", "Catch22", "Anytown Refuge Project", "OPCC")
TEXT = "Nacro, with Catch22, ran it; the OPCC and Anytown Refuge Project paid. Zebra Crossing Project too."


@pytest.fixture(autouse=True)
def _clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No primed keys and no gazetteer before or after; a cache folder of the test's own."""
    monkeypatch.setenv("CSPIPE_CACHE_DIR", str(tmp_path / "cache"))
    nlp.prime_phrase_keys("", {})
    nlp.set_gazetteer(())
    yield
    nlp.prime_phrase_keys("", {})
    nlp.set_gazetteer(())


def _orgs(text: str = TEXT) -> list[str]:
    return [t for label, t, _s, _e in nlp.entities(text) if label == "ORG"]


def _build(names: tuple[str, ...]) -> tuple[str, dict[str, tuple[int, ...]]]:
    nlp.set_gazetteer(())
    nlp.get_nlp(names)
    return nlp.phrase_keys()


def test_primed_keys_give_the_matches_tokenizing_gives() -> None:
    fingerprint, keys = _build(NAMES)
    tokenized = _orgs()
    assert sorted(tokenized) == ["Anytown Refuge Project", "Catch22", "Nacro", "OPCC"]
    nlp._cached.cache_clear()
    nlp.prime_phrase_keys(fingerprint, keys)
    assert _build(NAMES) == (fingerprint, keys)
    assert _orgs() == tokenized


def test_primed_keys_are_used_only_from_the_same_tokenizer() -> None:
    fingerprint, keys = _build(NAMES)
    # a kept key that says "Anytown Refuge Project" is spelt "zebra crossing project": used ...
    zebra = _build(("Zebra Crossing Project",))[1]["Zebra Crossing Project"]
    nlp._cached.cache_clear()
    nlp.prime_phrase_keys(fingerprint, {**keys, "Anytown Refuge Project": zebra})
    _build(NAMES)
    assert "Zebra Crossing Project" in _orgs() and "Anytown Refuge Project" not in _orgs()
    # ... and passed over when another tokenizer made it: the names are tokenized again
    nlp._cached.cache_clear()
    nlp.prime_phrase_keys("another tokenizer", {**keys, "Anytown Refuge Project": zebra})
    _build(NAMES)
    assert "Anytown Refuge Project" in _orgs() and "Zebra Crossing Project" not in _orgs()


def test_cache_round_trip_and_bad_files(tmp_path: Path) -> None:
    keys = {"Nacro": (1, 2), "OPCC": (3,)}
    assert phrase_cache.load(NAMES) is None
    phrase_cache.save(NAMES, "fp", keys)
    assert phrase_cache.load(NAMES) == ("fp", keys)
    assert phrase_cache.load(NAMES[:2]) is None  # other names, another file ...
    phrase_cache.save(NAMES[:2], "fp", {"Nacro": (1, 2)})
    assert phrase_cache.load(NAMES[:2]) == ("fp", {"Nacro": (1, 2)})
    assert phrase_cache.load(NAMES) is None  # ... which replaces the older registry's
    phrase_cache.save(NAMES, "fp", keys)
    path = phrase_cache.path_for(NAMES)
    path.write_text("{not json")
    assert phrase_cache.load(NAMES) is None
    path.write_text(json.dumps({"format": phrase_cache.FORMAT + 1, "fingerprint": "fp", "keys": {}}))
    assert phrase_cache.load(NAMES) is None
    assert not list(path.parent.glob("*.tmp"))


def test_unwritable_cache_folder_is_passed_over(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("CSPIPE_CACHE_DIR", str(blocker / "cache"))
    phrase_cache.save(NAMES, "fp", {"OPCC": (3,)})  # no error
    assert phrase_cache.load(NAMES) is None


def test_worker_warm_up_leaves_the_keys_for_the_next() -> None:
    parse._pipeline.cache_clear()  # as in a new worker: this process may have built it already
    parse.warm_up()
    kept = phrase_cache.load(parse._gazetteer())
    assert kept is not None
    assert kept == nlp.phrase_keys()
    assert len(kept[1]) > 10_000  # the registry's names, aliases and abbreviations
