"""The report's two kinds of link: a figure to the rows behind it, a row to its page.

A figure links to ``#<tbody id>?<attr>=<value>``; the inline script shows only the rows of
that tbody whose ``data-<attr>`` matches. Charts, grids and tables all build their targets
here, so a link and the rows it names cannot drift apart. A row links to its document's
published URL at its page (the ``document_urls`` view), so the file works wherever it is
opened or sent; a document read from a local file gets a note, never a relative path.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import quote, urlsplit

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


#: Why a document read from a local file has no link (the report says it once).
LOCAL_NOTE = ("A document read from a local file has no known published URL, so it gets a note "
              "instead of a link: a path would only work on the machine that read it")
#: Shown beside such a document instead of a link.
LOCAL_ROW = "local file {name}: no published URL"

#: Document URLs that are not PDFs (no #page=N anchor).
_NOT_PDF = re.compile(r"\.(docx?|odt|rtf|html?|txt)$", re.I)


def page_href(url: str | None, page: int | None = None) -> str | None:
    """The published URL of a document, at ``page`` (``#page=N``, which PDF viewers follow);
    None when the document has no known URL (a local file): the page then shows a note."""
    if not url:
        return None
    if page and not _NOT_PDF.search(urlsplit(url).path):
        return f"{url.split('#', 1)[0]}#page={page}"
    return url


def local_note(source: str) -> str:
    """The note shown for a document that has no published URL."""
    return LOCAL_ROW.format(name=PurePath(source).name or source)
