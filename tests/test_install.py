"""``pip install .`` puts one name into a user's environment: ``cspipe`` (the design card's folders
are its subpackages), with every subpackage and every data file the code reads.

Built offline from a copy of the sources (no build isolation, nothing fetched, the checkout left
untouched); the installed copy is then imported from a fresh process.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = {"cli": "cli", "models": "models", "extractors": "extractors", "pipeline": "pipeline",
           "flows": "flows"}


def tracked(folder: str) -> list[Path]:
    out = subprocess.run(["git", "ls-files", folder], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip("not a git checkout")
    return [Path(p) for p in out.stdout.split()]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for folder in FOLDERS:
        for rel in tracked(folder):
            (src / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / rel, src / rel)
    target = tmp_path_factory.mktemp("site")
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                           "--no-build-isolation", "--no-index", "--target", str(target), str(src)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return target


def test_one_top_level_name(site: Path) -> None:
    top = {p.name for p in site.iterdir() if not p.name.endswith(".dist-info") and p.name != "bin"}
    assert top == {"cspipe"}
    assert not {"models", "pipeline", "flows", "extractors", "cli"} & top


def test_every_package_and_data_file_installed(site: Path) -> None:
    missing = []
    for folder in FOLDERS:
        for rel in tracked(folder):
            if rel.suffix == ".md":
                continue  # notes for developers, not read by the code
            installed = site / "cspipe" / rel
            if not installed.exists():
                missing.append(str(rel))
    assert not missing, missing


def test_the_installed_copy_runs(site: Path, tmp_path: Path) -> None:
    code = ("import cspipe.cli.main, cspipe.pipeline.match.registry as r, cspipe.extractors.columns;"
            "print(cspipe.cli.main.__file__); print(len(r.Registry.load().organisations))")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                          env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    where, count = proc.stdout.split()
    assert where.startswith(str(site))
    assert int(count) > 2000
