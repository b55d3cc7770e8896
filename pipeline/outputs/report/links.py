"""The report's two kinds of link: a figure to the rows behind it, a row to its page.

A figure links to ``#<tbody id>?<attr>=<value>``; the inline script shows only the rows of
that tbody whose ``data-<attr>`` matches. Charts, grids and tables all build their targets
here, so a link and the rows it names cannot drift apart.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote

#: Profile measure -> the row attribute the profile bars filter on.
MEASURE_FLAGS = {
    "share_kpi": "kpi",
    "share_target": "target",
    "share_lead_org": "lead_org",
    "share_all_partners": "all_partners",
    "share_any_lead": "lead",
    "share_due_date": "due",
    "share_status_stated": "status_stated",
}


def anchor(*parts: str) -> str:
    """An id made of ``parts``: lower case, anything but letters, digits, _ and - as '-'."""
    return "-".join(re.sub(r"[^a-z0-9_-]+", "-", p.lower()) for p in parts)


def rows_link(prefix: str, partnership_id: str, **filters: str) -> str:
    """``#<prefix>-<partnership>?k=v``: the rows of one partnership's group, filtered."""
    query = "&".join(f"{k}={quote(str(v), safe='')}" for k, v in filters.items())
    return "#" + anchor(prefix, partnership_id) + (f"?{query}" if query else "")


def source_href(source: str, out_dir: Path, page: int | None = None) -> str:
    """Link to a document (and page): URLs as they are, local files relative to the report."""
    if re.match(r"^https?://", source, re.I):
        base = source
    else:
        path = Path(source)
        if not path.is_absolute():
            path = Path.cwd() / path
        if path.exists():
            try:
                base = quote(Path(os.path.relpath(path, out_dir)).as_posix())
            except ValueError:  # another drive
                base = path.as_uri()
        else:
            base = path.as_uri() if path.is_absolute() else quote(source)
    return f"{base}#page={page}" if page else base
