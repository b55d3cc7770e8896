"""Corpus documents typeset three ways from one model: reportlab, Word via LibreOffice, HTML via Chromium.

Each module in ``src/renderings_data/`` (other than helpers) gives ``NAME``, ``model()`` (a
``corpus.doc.Document``) and ``gold()`` (the hand-checked content, without pages). Each is
written to ``corpus/renderings/`` as ``NAME.pdf`` (reportlab), ``NAME.lo.pdf`` (LibreOffice)
and ``NAME.cr.pdf`` (Chromium), each with its gold: the same content, its pages located in
that PDF (``corpus/locate.py``; an item not found stops the build).
``python corpus/build.py renderings [NAME ...]`` rebuilds them (soffice and chromium needed).

A module with ``HELDOUT = True`` is a held-out paper (``corpus/heldout/``): its renderings go to
``corpus/heldout/renderings/``, which ``benchmarks/heldout.py`` scores and no test or tuning
reads, so converting it to the model does not put it into the tuned set.
"""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path
from typing import Any

import render_docx
import render_html
import render_rl
from locate import paged

OUT_SUBDIR = "renderings"
DATA = Path(__file__).resolve().parent / "renderings_data"
RENDERINGS = {"reportlab": (".pdf", render_rl.render), "libreoffice": (".lo.pdf", render_docx.render),
              "chromium": (".cr.pdf", render_html.render)}
HELPERS = {"common"}
HELDOUT_SUBDIR = Path("heldout") / "renderings"


def documents(names: list[str]) -> list[Any]:
    found = sorted(p.stem for p in DATA.glob("*.py") if not p.stem.startswith("_") and p.stem not in HELPERS)
    mods = [importlib.import_module(f"src.renderings_data.{n}") for n in found]
    return [mod for mod in mods if not names or mod.NAME in names]


def write(path: Path, gold: dict[str, Any]) -> None:
    path.write_text(json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def folder(out_dir: Path, mod: Any) -> Path:
    """Where a document's renderings go: ``corpus/renderings/``, a held-out paper's its own folder."""
    return out_dir.parent / HELDOUT_SUBDIR if getattr(mod, "HELDOUT", False) else out_dir


def build(out_dir: Path) -> list[Path]:
    names = [n for n in os.environ.get("CORPUS_RENDERINGS", "").split(",") if n]
    out: list[Path] = []
    for mod in documents(names):
        model, content = mod.model(), mod.gold()
        where = folder(out_dir, mod)
        where.mkdir(parents=True, exist_ok=True)
        for rendering, (suffix, render) in RENDERINGS.items():
            pdf = where / f"{mod.NAME}{suffix}"
            typeset = model
            render(typeset, pdf)
            settle = getattr(mod, "page_references", None)
            for _ in range(3 if settle else 0):
                # a pack's agenda names the pages its papers start on, which each typesetter moves
                again = settle(typeset, pdf)
                if again is None:
                    break
                typeset = again
                render(typeset, pdf)
            gold = paged(content, pdf)
            gold = {"pdf": pdf.name, "rendering": rendering, "document_of": mod.NAME,
                    **{k: v for k, v in gold.items() if k not in ("pdf", "varies")}}
            path = where / pdf.name.replace(".pdf", ".gold.json")
            write(path, gold)
            out += [pdf, path]
    return out + readmes(out_dir)


def readmes(out_dir: Path) -> list[Path]:
    """Both READMEs' tables from the gold files on disk, so rebuilding some documents keeps the rest."""
    tables: dict[bool, list[str]] = {False: [], True: []}
    for mod in documents([]):
        where = folder(out_dir, mod)
        golds = [where / f"{mod.NAME}{suffix.replace('.pdf', '.gold.json')}" for suffix, _ in RENDERINGS.values()]
        if not all(g.exists() for g in golds):
            continue
        loaded = [json.loads(g.read_text(encoding="utf-8")) for g in golds]
        style = (mod.__doc__ or "").strip().splitlines()[0]
        pages = "/".join(str(g["document"]["pages"]) for g in loaded)
        tables[getattr(mod, "HELDOUT", False)].append(
            f"| `{mod.NAME}` | {style} | {pages} | {records(loaded[0])} |\n")
    out = []
    for readme, head, held in ((out_dir / "README.md", README_HEAD, False),
                               (out_dir.parent / HELDOUT_SUBDIR / "README.md", HELDOUT_HEAD, True)):
        readme.write_text(head + "".join(sorted(tables[held])), encoding="utf-8")
        out.append(readme)
    return out


README_HEAD = """# Renderings

Built by `corpus/src/renderings.py` (`python corpus/build.py renderings`); this file is written by it too.

Each document is written once in the document model (`corpus/doc.py`, content in
`corpus/src/renderings_data/<module>.py`) and typeset three ways: `NAME.pdf` by reportlab,
`NAME.lo.pdf` by LibreOffice from a Word file (python-docx: real merged cells, Word headers and
footers with a PAGE field, landscape sections, repeated header rows), `NAME.cr.pdf` by headless
Chromium from HTML (`@page` size and margin boxes, rowspan/colspan, `<thead>`). Each has its gold:
the same hand-checked content, `rendering` and `document_of` fields, and pages located in that
PDF by `corpus/locate.py`. The documents converted from the reportlab corpus (the four seed papers
of `corpus/` whole, the layout variants, and the papers of other councils) reuse the gold of their
original or variant (a variant keeps its layout in all three: no rules, a header on every page, no
merged cells, columns reordered, portrait, US Letter); the others are new, invented text about real
bodies. An agenda pack's front sheet gives each paper's page as that typesetting put it (typeset
again until they agree). The held-out papers are in `corpus/heldout/renderings/`.

| document | what it is | pages (rl/lo/cr) | records |
|---|---|---|---|
"""


HELDOUT_HEAD = """# Held-out renderings

Built by `corpus/src/renderings.py` (`python corpus/build.py renderings`); this file is written by it too.

The held-out papers of `corpus/heldout/` written in the document model (`corpus/doc.py`, content in
`corpus/src/renderings_data/heldout_*.py`, from the held-out builder's data in `corpus/src/heldout.py`)
and typeset three ways as in `corpus/renderings/`: `NAME.pdf` by reportlab, `NAME.lo.pdf` by
LibreOffice from a Word file, `NAME.cr.pdf` by headless Chromium, each with the held-out gold (pages
located in that PDF). `make heldout` scores them with the held-out originals and prints each document's
renderings side by side; nothing else reads them, so no test or extractor rule is tuned on them.

| document | what it is | pages (rl/lo/cr) | records |
|---|---|---|---|
"""


def records(gold: dict[str, Any]) -> str:
    return ", ".join(f"{len(gold.get(k, []))} {k}" for k in ("activities", "priorities", "kpis", "funding",
                                                              "organisations"))
