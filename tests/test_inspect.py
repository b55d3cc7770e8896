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
