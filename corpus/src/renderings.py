"""Corpus documents typeset three ways from one model: reportlab, Word via LibreOffice, HTML via Chromium.

Each module in ``src/renderings_data/`` (other than helpers) gives ``NAME``, ``model()`` (a
``corpus.doc.Document``) and ``gold()`` (the hand-checked content, without pages). Each is
written to ``corpus/renderings/`` as ``NAME.pdf`` (reportlab), ``NAME.lo.pdf`` (LibreOffice)
and ``NAME.cr.pdf`` (Chromium), each with its gold: the same content, its pages located in
that PDF (``corpus/locate.py``; an item not found stops the build).
``python corpus/build.py renderings [NAME ...]`` rebuilds them (soffice and chromium needed).
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


def documents(names: list[str]) -> list[Any]:
    found = sorted(p.stem for p in DATA.glob("*.py") if not p.stem.startswith("_") and p.stem not in HELPERS)
    mods = [importlib.import_module(f"src.renderings_data.{n}") for n in found]
    return [mod for mod in mods if not names or mod.NAME in names]


def write(path: Path, gold: dict[str, Any]) -> None:
    path.write_text(json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def build(out_dir: Path) -> list[Path]:
    names = [n for n in os.environ.get("CORPUS_RENDERINGS", "").split(",") if n]
    out: list[Path] = []
    rows: dict[str, list[Any]] = {}
    for mod in documents(names):
        model, content = mod.model(), mod.gold()
        for rendering, (suffix, render) in RENDERINGS.items():
            pdf = out_dir / f"{mod.NAME}{suffix}"
            render(model, pdf)
            gold = paged(content, pdf)
            gold = {"pdf": pdf.name, "rendering": rendering, "document_of": mod.NAME,
                    **{k: v for k, v in gold.items() if k not in ("pdf", "varies")}}
            path = out_dir / pdf.name.replace(".pdf", ".gold.json")
            write(path, gold)
            out += [pdf, path]
            rows.setdefault(mod.NAME, [(mod.__doc__ or "").strip().splitlines()[0], gold])
            rows[mod.NAME].append(gold["document"]["pages"])
    if not names:
        readme = out_dir / "README.md"
        readme.write_text(README_HEAD + "".join(
            f"| `{name}` | {style} | {'/'.join(str(p) for p in pages)} | {records(gold)} |\n"
            for name, (style, gold, *pages) in sorted(rows.items())), encoding="utf-8")
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
PDF by `corpus/locate.py`. The five converted documents reuse the gold of their reportlab
original or variant; the others are new, invented text about real bodies.

| document | what it is | pages (rl/lo/cr) | records |
|---|---|---|---|
"""


def records(gold: dict[str, Any]) -> str:
    return ", ".join(f"{len(gold.get(k, []))} {k}" for k in ("activities", "priorities", "kpis", "funding",
                                                              "organisations"))
