"""Build the corpus PDFs and their gold files: ``python corpus/build.py [NAME ...]``.

Each module in ``corpus/src/`` (and ``corpus/src/variants/``) exposes
``build(out_dir: Path) -> list[Path]``, writing its PDF(s) and gold JSON
into ``out_dir``. The output is committed, so users and CI never need
reportlab; rebuilding must give the same text and layout.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from reportlab import rl_config

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# Same bytes on every rebuild (no timestamps or random ids), so a document's sha256 is stable.
rl_config.invariant = 1


def modules(names: list[str]) -> list[str]:
    found = sorted(p.stem for p in (HERE / "src").glob("*.py") if not p.stem.startswith("_"))
    return [n for n in found if not names or n in names]


def main(argv: list[str]) -> int:
    for name in modules(argv):
        module = importlib.import_module(f"src.{name}")
        out = HERE / getattr(module, "OUT_SUBDIR", "")
        out.mkdir(parents=True, exist_ok=True)
        for path in module.build(out):
            print(f"{name}: {path.relative_to(HERE)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
