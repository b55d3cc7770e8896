"""Scoring a database against the corpus gold files, as a researcher would judge it.

Activities are paired with gold activities by fuzzy description (one to one,
best first); leads, KPIs and funding are then compared within the pairs or by
value. Every figure is an F1 over the corpus (micro-averaged), also per document.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SIMILAR = 85  # rapidfuzz score above which two descriptions are the same item


def norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\u2019", "'")).strip().lower()


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Count) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def f1(self) -> float:
        if self.tp == 0:
            return 1.0 if self.fp == 0 and self.fn == 0 else 0.0
        p = self.tp / (self.tp + self.fp)
        r = self.tp / (self.tp + self.fn)
        return 2 * p * r / (p + r)


@dataclass
class DocScore:
    name: str
    counts: dict[str, Count] = field(default_factory=dict)
    metadata_right: int = 0
    metadata_total: int = 0
    misses: dict[str, list[str]] = field(default_factory=dict)


def pair(gold: list[str], got: list[str], threshold: float = SIMILAR) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, got index), most similar first, above ``threshold``."""
    scored = []
    for i, g in enumerate(gold):
        for j, x in enumerate(got):
            # token_set_ratio forgives extra words, but a run-on blob holding a whole table
            # must not pass for each item inside it: lengths must be comparable
            comparable = min(len(g), len(x)) > 20 and max(len(g), len(x)) <= 2.5 * min(len(g), len(x))
            s = max(fuzz.ratio(g, x), fuzz.token_set_ratio(g, x) if comparable else 0)
            if s >= threshold:
                scored.append((s, i, j))
    scored.sort(reverse=True)
    used_g, used_x, out = set(), set(), []
    for _s, i, j in scored:
        if i not in used_g and j not in used_x:
            used_g.add(i)
            used_x.add(j)
            out.append((i, j))
    return out


def count_pairs(
    gold: list[str], got: list[str], threshold: float = SIMILAR
) -> tuple[Count, list[tuple[int, int]]]:
    pairs = pair(gold, got, threshold)
    return Count(len(pairs), len(got) - len(pairs), len(gold) - len(pairs)), pairs


def _multiset(gold: Iterable[str], got: Iterable[str]) -> Count:
    remaining, found = list(gold), list(got)
    tp = 0
    for item in found:
        if item in remaining:
            remaining.remove(item)
            tp += 1
    return Count(tp, len(found) - tp, len(remaining))


def score_document(conn: sqlite3.Connection, gold: dict) -> DocScore:
    name = gold["pdf"]
    row = conn.execute(
        "SELECT * FROM documents WHERE source LIKE ? ORDER BY rowid DESC LIMIT 1", [f"%{name}"]
    ).fetchone()
    out = DocScore(name)
    if row is None:
        raise AssertionError(f"{name} not in the database")
    doc = dict(row)
    doc_id = doc["id"]
    for key, want in gold["document"].items():
        out.metadata_total += 1
        out.metadata_right += int(norm(str(doc.get(key))) == norm(str(want)))

    gacts = gold.get("activities", [])
    acts, pairs = _score_activities(conn, doc_id, gacts, out)
    _score_leads(conn, doc_id, gacts, acts, pairs, out)
    _score_kpis(conn, doc_id, gold, gacts, out)
    _score_funding(conn, doc_id, gold, out)
    _score_priorities(conn, doc_id, gold, out)
    _score_organisations(conn, doc_id, gold, out)
    return out


def _score_activities(conn: sqlite3.Connection, doc_id: str, gacts: list[dict], out: DocScore
                      ) -> tuple[list[dict], list[tuple[int, int]]]:
    # activities
    acts = [
        dict(r) for r in conn.execute("SELECT * FROM activities WHERE document_id = ?", [doc_id])
    ]
    c_act, pairs = count_pairs(
        [norm(a["description"]) for a in gacts], [norm(a["description"]) for a in acts]
    )
    out.counts["activities"] = c_act
    out.misses["activities"] = [
        gacts[i]["description"][:70] for i in set(range(len(gacts))) - {i for i, _ in pairs}
    ]

    return acts, pairs


def _score_leads(conn: sqlite3.Connection, doc_id: str, gacts: list[dict], acts: list[dict],
                 pairs: list[tuple[int, int]], out: DocScore) -> None:
    # lead organisations: compared within paired activities; unpaired ones count fully against
    lead_rows: dict[int, list[str]] = {}
    for r in conn.execute(
        "SELECT l.activity_id, o.name FROM activity_leads l JOIN activities a ON a.id = l.activity_id "
        "LEFT JOIN organisations o ON o.id = l.organisation_id WHERE a.document_id = ?",
        [doc_id],
    ):
        if r[1]:
            lead_rows.setdefault(r[0], []).append(norm(r[1]))
    c_lead = Count()
    paired_got = {j: i for i, j in pairs}
    for j, a in enumerate(acts):
        got = lead_rows.get(a["id"], [])
        want = (
            [
                norm(lead.get("organisation"))
                for lead in gacts[paired_got[j]].get("leads", [])
                if lead.get("organisation")
            ]
            if j in paired_got
            else []
        )
        c_lead.add(_multiset(want, got))
    for i, g in enumerate(gacts):
        if i not in {i for i, _ in pairs}:
            c_lead.fn += len([lead for lead in g.get("leads", []) if lead.get("organisation")])
    out.counts["lead_organisations"] = c_lead



def _score_kpis(conn: sqlite3.Connection, doc_id: str, gold: dict, gacts: list[dict],
                out: DocScore) -> None:
    # KPIs: attached and standalone, by fuzzy description
    kpis = [
        norm(r[0])
        for r in conn.execute("SELECT description FROM kpis WHERE document_id = ?", [doc_id])
    ]
    gkpis = [norm(k["description"]) for a in gacts for k in a.get("kpis", [])]
    gkpis += [norm(k["description"]) for k in gold.get("kpis", [])]
    out.counts["kpis"], kp = count_pairs(gkpis, kpis, 80)
    out.misses["kpis"] = [gkpis[i][:70] for i in set(range(len(gkpis))) - {i for i, _ in kp}]



def _score_funding(conn: sqlite3.Connection, doc_id: str, gold: dict, out: DocScore) -> None:
    # funding: same amount, then the closest description
    fund = [dict(r) for r in conn.execute("SELECT * FROM funding WHERE document_id = ?", [doc_id])]
    gfund = gold.get("funding", [])
    c_f = Count()
    used: set[int] = set()
    for g in gfund:
        best, best_s = None, -1.0
        for j, f in enumerate(fund):
            if j in used or abs(f["amount_gbp"] - float(g["amount_gbp"])) > 0.5:
                continue
            s = fuzz.token_set_ratio(norm(g["description"]), norm(f["description"]))
            if s > best_s:
                best, best_s = j, s
        if best is None:
            c_f.fn += 1
            out.misses.setdefault("funding", []).append(
                f"£{g['amount_gbp']:,.0f} {g['description'][:50]}"
            )
        else:
            used.add(best)
            c_f.tp += 1
    c_f.fp = len(fund) - len(used)
    out.counts["funding"] = c_f



def _score_priorities(conn: sqlite3.Connection, doc_id: str, gold: dict, out: DocScore) -> None:
    # priorities: by label, then theme must agree
    pri = [
        dict(r)
        for r in conn.execute("SELECT label, theme FROM priorities WHERE document_id = ?", [doc_id])
    ]
    gpri = gold.get("priorities", [])
    c_p, pp = count_pairs([norm(p["label"]) for p in gpri], [norm(p["label"]) for p in pri], 80)
    wrong_theme = sum(1 for i, j in pp if gpri[i]["theme"] != pri[j]["theme"])
    out.counts["priorities"] = Count(
        c_p.tp - wrong_theme, c_p.fp + wrong_theme, c_p.fn + wrong_theme
    )
    out.misses["priorities"] = [
        gpri[i]["label"] for i in set(range(len(gpri))) - {i for i, _ in pp}
    ]



def _score_organisations(conn: sqlite3.Connection, doc_id: str, gold: dict, out: DocScore) -> None:
    # organisations named anywhere
    orgs = {
        norm(r[0])
        for r in conn.execute(
            "SELECT o.name FROM org_mentions m JOIN organisations o ON o.id = m.organisation_id "
            "WHERE m.document_id = ?",
            [doc_id],
        )
    }
    gorgs = {norm(o) for o in gold.get("organisations", [])}
    out.counts["organisations"] = Count(len(orgs & gorgs), len(orgs - gorgs), len(gorgs - orgs))
    out.misses["organisations"] = sorted(gorgs - orgs)


def gold_files(root: Path = CORPUS) -> list[Path]:
    return sorted(root.glob("*.gold.json")) + sorted((root / "variants").glob("*.gold.json"))


def rendering_gold_files(root: Path = CORPUS) -> list[Path]:
    """Gold files of ``corpus/renderings/``: one per rendering (reportlab, LibreOffice, Chromium)."""
    return sorted((root / "renderings").glob("*.gold.json"))


FIGURES = ("activities", "lead_organisations", "kpis", "funding", "priorities", "organisations")


def overall(counts: dict[str, Count]) -> float:
    """The mean of the six F1 figures (as ``shared/realworld/score.py`` reports "overall F1")."""
    return sum(counts[k].f1 for k in FIGURES) / len(FIGURES)


def score_database(db_path: Path, golds: list[Path]) -> tuple[dict[str, Count], list[DocScore]]:
    conn = sqlite3.connect(str(db_path))
    conn.row_factory = sqlite3.Row
    total: dict[str, Count] = {}
    docs = []
    try:
        for path in golds:
            ds = score_document(conn, json.loads(path.read_text(encoding="utf-8")))
            docs.append(ds)
            for k, c in ds.counts.items():
                total.setdefault(k, Count()).add(c)
    finally:
        conn.close()
    return total, docs


def format_scores(total: dict[str, Count], docs: list[DocScore]) -> str:
    keys = list(total)
    lines = ["document".ljust(52) + "".join(k[:12].rjust(13) for k in keys) + "   metadata"]
    for d in docs:
        lines.append(
            d.name[:52].ljust(52)
            + "".join(f"{d.counts[k].f1:13.3f}" for k in keys)
            + f"   {d.metadata_right}/{d.metadata_total}"
        )
    lines.append("ALL".ljust(52) + "".join(f"{total[k].f1:13.3f}" for k in keys))
    return "\n".join(lines)
