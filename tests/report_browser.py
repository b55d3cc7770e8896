"""The report as a reader sees it: headless Chromium screenshots of its sections.

``tests/test_report.py`` takes them of a fixture report (and checks they are real pictures);
``make screenshots`` takes them of the seed corpus for docs/report-*.png:

    python -m tests.report_browser REPORT.html OUT_DIR [PARTNERSHIP_ID]
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: screenshot name -> the element it shows
SHOTS = {
    "report-comparators.png": "#peers",
    "report-over-time.png": "#over-time",
    "report-documents.png": "#documents",
}


def chromium_path() -> str | None:
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


def shoot(report: Path, out_dir: Path, open_partnership: str | None = None,
          binary: str | None = None) -> tuple[list[Path], list[str]]:
    """Screenshots of the comparator, over-time and documents sections, and the page's errors.

    ``open_partnership`` is the partnership whose comparator groups are shown open (the
    others folded, as a reader would leave them)."""
    from playwright.sync_api import sync_playwright

    out_dir.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=binary or chromium_path(), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(report.resolve().as_uri())
            page.wait_for_selector("body[data-ready='1']")
            page.add_style_tag(content="nav { position: static !important; }")
            if open_partnership:
                page.evaluate(
                    """id => document.querySelectorAll('details.peers').forEach(
                        d => { d.open = d.id === 'peers-' + id; })""", open_partnership)
            for name, selector in SHOTS.items():
                target = out_dir / name
                page.locator(selector).screenshot(path=str(target))
                written.append(target)
        finally:
            browser.close()
    return written, errors


if __name__ == "__main__":  # pragma: no cover - make screenshots
    shots, problems = shoot(Path(sys.argv[1]), Path(sys.argv[2]),
                            sys.argv[3] if len(sys.argv) > 3 else None)
    for shot in shots:
        print(shot)
    if problems:
        sys.exit(f"page errors: {problems}")
