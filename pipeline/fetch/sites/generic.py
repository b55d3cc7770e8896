"""Any page or RSS / Atom feed that lists PDF links (a CSP's own site, a council's papers page).

A page is one pseudo-meeting holding every document link on it. A feed's entries
carry dates, so the scrape window applies to them; an entry whose link is an HTML
page (not a PDF) is followed one level to the PDFs it links, each judged by its own
title and heading there (the entry's title would let every PDF on the page through).
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urljoin

from cspipe.extractors.formats import kind_of_content_type
from cspipe.pipeline.fetch.http import HttpError, PoliteClient
from cspipe.pipeline.fetch.sites.base import (
    Committee,
    DocumentLink,
    Meeting,
    SiteAdapter,
    child_text,
    children,
    clean,
    is_document_url,
    link_title,
    local,
    parse_date,
    parse_html,
    parse_xml,
    same_site,
)


def _is_feed(text: str) -> bool:
    head = text.lstrip("\ufeff \r\n\t")[:500].lower()
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf" in head) or \
        head.startswith(("<rss", "<feed"))


class GenericAdapter(SiteAdapter):
    kind = "generic"

    def __init__(self, url: str, client: PoliteClient, *, name: str | None = None) -> None:
        super().__init__(url, client)
        self.name = name
        self._text: str | None = None

    @classmethod
    def detect(cls, url: str, page: str | None) -> bool:
        return True

    def _body(self) -> str:
        if self._text is None:
            self._text = self.page(self.url)
        return self._text

    def committees(self) -> list[Committee]:
        body = self._body()
        if _is_feed(body):
            root = parse_xml(body)
            title = child_text(root, "title") if root is not None else None
            channel = children(root, "channel") if root is not None else []
            if channel:
                title = child_text(channel[0], "title") or title
            return [Committee(self.name or title or self.url, self.url)]
        page = parse_html(body, self.url)
        return [Committee(self.name or page.heading or page.title or self.url, self.url)]

    def meetings(self, committee: Committee, since: date, until: date) -> list[Meeting]:
        return [Meeting(committee, self.url, None, None, committee.name)]

    def documents(self, meeting: Meeting) -> list[DocumentLink]:
        body = self._body()
        if _is_feed(body):
            return self._feed_documents(body)
        page = parse_html(body, self.url)
        return [DocumentLink(link.url, link_title(link), link.context)
                for link in page.links if is_document_url(link.url)]

    def _feed_documents(self, body: str) -> list[DocumentLink]:
        root = parse_xml(body)
        if root is None:
            return []
        out: list[DocumentLink] = []
        for entry in [e for e in root.iter() if local(e.tag) in ("item", "entry")]:
            title = child_text(entry, "title") or ""
            when = parse_date(child_text(entry, "pubdate") or child_text(entry, "updated")
                              or child_text(entry, "published") or child_text(entry, "date"))
            urls: list[str] = []
            for e in entry:
                name = local(e.tag)
                if name == "link":
                    href = e.get("href") or clean(e.text or "")
                    if href:
                        urls.append(urljoin(self.url, href))
                elif name == "enclosure" and e.get("url"):
                    kind = (e.get("type") or "").lower()
                    if "pdf" in kind or kind_of_content_type(kind) or is_document_url(e.get("url") or ""):
                        urls.insert(0, urljoin(self.url, e.get("url") or ""))
            docs = [u for u in urls if is_document_url(u)]
            if docs:
                out.extend(DocumentLink(u, title, title, when) for u in docs)
                continue
            for page_url in urls[:1]:  # follow the entry's page to the PDFs it links
                if not same_site(page_url, self.url):
                    continue
                try:
                    page = parse_html(self.page(page_url), page_url)
                except HttpError:
                    continue
                out.extend(DocumentLink(link.url, link_title(link), link.context, when)
                           for link in page.links if is_document_url(link.url))
        return out
