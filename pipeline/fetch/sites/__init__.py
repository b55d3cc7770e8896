"""Site adapters: how to find committees, meetings and documents on each kind of council site."""

from __future__ import annotations

from cspipe.pipeline.fetch.http import HttpError, PoliteClient
from cspipe.pipeline.fetch.sites.base import Committee, DocumentLink, Meeting, SiteAdapter
from cspipe.pipeline.fetch.sites.cmis import CmisAdapter
from cspipe.pipeline.fetch.sites.generic import GenericAdapter
from cspipe.pipeline.fetch.sites.moderngov import ModernGovAdapter

ADAPTERS: dict[str, type[SiteAdapter]] = {
    "moderngov": ModernGovAdapter,
    "cmis": CmisAdapter,
    "generic": GenericAdapter,
}

__all__ = ["ADAPTERS", "Committee", "DocumentLink", "Meeting", "SiteAdapter", "adapter_for"]


def adapter_for(url: str, client: PoliteClient, kind: str = "auto",
                name: str | None = None) -> SiteAdapter:
    """The adapter for ``kind``, or the first whose markers the URL (then its page) shows.

    When the page cannot be read (a site that blocks its HTML), a ModernGov web service
    answering beside it still identifies the site.
    """
    if kind == "generic":
        return GenericAdapter(url, client, name=name)
    if kind != "auto":
        return ADAPTERS[kind](url, client)
    for cls in (ModernGovAdapter, CmisAdapter):
        if cls.detect(url, None):
            return cls(url, client)
    try:
        page = client.get(url, accept="text/html,application/xhtml+xml,*/*;q=0.5").text
    except HttpError as exc:
        if exc.transient:
            raise
        service = ModernGovAdapter.probe(url, client)
        if service is None:
            raise
        return service
    for cls in (ModernGovAdapter, CmisAdapter):
        if cls.detect(url, page):
            found: SiteAdapter = cls(url, client)
            found.seen_page(url, page)
            return found
    adapter = GenericAdapter(url, client, name=name)
    adapter._text = page
    return adapter
