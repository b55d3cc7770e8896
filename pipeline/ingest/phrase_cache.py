"""The gazetteer's phrase-matcher keys, kept on disk between runs: a worker starts in less time.

Every ingest worker gives the NLP pipeline the registry's 14,000 names as ORG phrases, and
tokenizing them was a third of its start-up CPU (0.28 of 1.0 s). The keys they tokenize to
depend only on the names and on spaCy's tokenizer, so they are kept in the user's cache
folder (``CSPIPE_CACHE_DIR``, else the platform's, e.g. ``~/.cache/cspipe``), in a file
named by the names' hash and holding the tokenizer's fingerprint: a new registry or
another spaCy makes a new file, and keys from another tokenizer are never used
(``nlp.prime_phrase_keys`` checks); the file of an older registry is removed when a new one
is written. A missing, unreadable or corrupt file costs only the tokenizing; a cache folder
that cannot be written is passed over.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from platformdirs import user_cache_dir

Keys = dict[str, tuple[int, ...]]
#: bumped when the file's layout changes
FORMAT = 1


def cache_dir() -> Path:
    return Path(os.environ.get("CSPIPE_CACHE_DIR") or user_cache_dir("cspipe"))


def path_for(names: tuple[str, ...]) -> Path:
    digest = hashlib.sha256("\n".join(names).encode()).hexdigest()[:24]
    return cache_dir() / f"gazetteer-keys-{digest}.json"


def load(names: tuple[str, ...]) -> tuple[str, Keys] | None:
    """(tokenizer fingerprint, keys) kept for these names, or None."""
    try:
        data = json.loads(path_for(names).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        return str(data["fingerprint"]), {k: tuple(v) for k, v in data["keys"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def save(names: tuple[str, ...], fingerprint: str, keys: Keys) -> None:
    """Write the keys atomically (a temporary file renamed), or not at all."""
    target = path_for(names)
    body = json.dumps({"format": FORMAT, "fingerprint": fingerprint, "keys": keys},
                      separators=(",", ":"))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=target.name, suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(body)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        for stale in target.parent.glob("gazetteer-keys-*.json"):
            if stale != target:  # another registry's (aliases added since): one file is kept
                stale.unlink(missing_ok=True)
    except OSError:
        return
