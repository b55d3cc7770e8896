"""``cspipe inspect`` run as a user would, on a real paper of another council."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cspipe.cli.main import app

PAPER = Path(__file__).resolve().parent.parent.parent / "shared" / "realworld" / "pdfs" / \
    "lo-milton-keynes-delivery-plan.pdf"


@pytest.mark.skipif(not PAPER.exists(), reason=f"no real-world paper at {PAPER}")
def test_inspect_explains_the_columns_it_read() -> None:
    result = CliRunner().invoke(app, ["inspect", str(PAPER), "--page", "3"])
    assert result.exit_code == 0, result.output
    assert "Methods=activity" in " ".join(result.output.split())
    assert "leads the priority, not each action" in " ".join(result.output.split())
    as_json = CliRunner().invoke(app, ["inspect", str(PAPER), "--page", "3", "--json"])
    page = json.loads(as_json.output)[0]
    assert [c["role"] for c in page["tables"][0]["columns"]] == \
        ["priority", "unknown", "kpi", "activity", "lead"]
    assert len(page["records"]["activities"]) == 8


@pytest.mark.skipif(not PAPER.exists(), reason=f"no real-world paper at {PAPER}")
def test_inspect_from_the_database_draws_its_own_tables(tmp_path: Path) -> None:
    from PIL import Image

    from cspipe.pipeline.ingest.documents import ingest

    db = tmp_path / "mk.db"
    ingest([str(PAPER)], db)
    png = tmp_path / "p3.png"
    fast = CliRunner().invoke(app, ["inspect", str(PAPER), "--page", "3", "--db", str(db), "--json",
                                    "--png", str(png)])
    assert fast.exit_code == 0, fast.output
    slow = CliRunner().invoke(app, ["inspect", str(PAPER), "--page", "3", "--json",
                                    "--db", str(tmp_path / "none.db")])
    # the stored extraction gives the same records as reading the whole paper again
    assert json.loads(fast.output)[0]["records"] == \
        json.loads(slow.output)[0]["records"]
    box = json.loads(fast.output)[0]["tables"][0]["bbox"]
    image = Image.open(png).convert("RGB")
    scale = image.width / 842 if image.width > image.height else image.width / 595
    x, y = int(box[0] * scale), int((box[1] + box[3]) / 2 * scale)
    # the table's left edge is drawn in cspipe's first table colour (red), not the finder's
    reds = [image.getpixel((x + dx, y)) for dx in range(-2, 3)]
    assert any(r > 180 and g < 90 and b < 90 for r, g, b in reds), reds


def test_inspect_mistakes_are_one_line(tmp_path: Path) -> None:
    missing = CliRunner().invoke(app, ["inspect", str(tmp_path / "none.pdf")])
    assert missing.exit_code == 2 and "no such file" in missing.output
    (tmp_path / "bad.pdf").write_bytes(b"not a pdf at all")
    bad = CliRunner().invoke(app, ["inspect", str(tmp_path / "bad.pdf")])
    assert bad.exit_code == 2 and len(bad.output.strip().splitlines()) == 1
