"""Write a fuzz corpus to a folder: every hostile builder, then mutations of seed PDFs."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from tests.hostile import pdfs

ROOT = Path(__file__).resolve().parents[2]


@lru_cache(maxsize=1)
def _bomb() -> bytes:
    return pdfs.decompression_bomb()


def small_seeds() -> list[bytes]:
    """Small, fast seeds: hand-written pages and a reportlab paper with a contact line."""
    from tests.fixtures.sites.server import make_pdf

    return [
        pdfs.one_page(pdfs.text_lines(pdfs.PLAIN_TEXT)),
        pdfs.one_page(pdfs.text_lines(pdfs.PLAIN_TEXT), flate=True),
        make_pdf("Community Safety Partnership action plan",
                 ["Priority 1: Anti-social behaviour.", "Lead: Police. Timescale: Q1 2024/25.",
                  "Contact: 01234 567890"]),
    ]


def corpus_seeds() -> list[bytes]:
    """The committed corpus papers (slower to parse: real tables)."""
    return [p.read_bytes() for p in sorted((ROOT / "corpus").glob("*.pdf"))]


def build(folder: Path, n: int, *, seed: int = 0, real: bool = False) -> list[Path]:
    """At least ``n`` files in ``folder``: every hostile builder once, the rest mutations."""
    folder.mkdir(parents=True, exist_ok=True)
    out: list[Path] = []
    for name, make in pdfs.HOSTILE.items():
        path = folder / f"hostile-{name}.pdf"
        path.write_bytes(_bomb() if name == "bomb-1gib" else make())
        out.append(path)
    seeds = small_seeds() + (corpus_seeds() if real else [])
    seeds += [p.read_bytes() for p in sorted((ROOT / "corpus" / "bad").glob("*.pdf"))
              if p.stat().st_size > 64]
    left = max(0, n - len(out))
    per = -(-left // len(seeds))
    for s, data in enumerate(seeds):
        for name, mutated in pdfs.mutations(data, per, seed=seed * 1000 + s):
            path = folder / f"mut-{s}-{name}.pdf"
            path.write_bytes(mutated)
            out.append(path)
    return out
