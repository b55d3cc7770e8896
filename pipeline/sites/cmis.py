"""CMIS (Civica CMIS) committee sites, as many county councils' committee sites.

CMIS is a DotNetNuke application: pages are addressed by path segments, not query
strings. Committees: ``.../ctl/ViewCMIS_CommitteeDetails/mid/<m>/id/<committee>/Default.aspx``;
meetings: ``.../ctl/ViewMeetingPublic/mid/<m>/Meeting/<meeting>/Committee/<committee>/...``
(link text holds the date); a meeting's documents are ``Document.ashx?...`` links (PDFs
served without a ``.pdf`` name) under agenda-item headings, sometimes on the meeting's
``SelectedTab/Documents`` tab.
"""

from __future__ import annotations

import re
from datetime import date

from pipeline.sites.base import (
    Committee,
    DocumentLink,
    Meeting,
    SiteAdapter,
    is_document_url,
    link_title,
    parse_date,
    parse_html,
    same_site,
)

_COMMITTEE = re.compile(r"/ViewCMIS_CommitteeDetails/mid/\d+/id/(\d+)", re.I)
_MEETING = re.compile(r"/Meeting/(\d+)(?:/Committee/(\d+))?", re.I)
_MARKERS = re.compile(r"ViewCMIS_|ViewMeetingPublic|/tabid/\d+/|Document\.ashx|cmis", re.I)
_LISTING_TEXT = re.compile(r"\bmeetings\b|calendar", re.I)


class CmisAdapter(SiteAdapter):
    kind = "cmis"

    @classmethod
    def detect(cls, url: str, page: str | None) -> bool:
        return bool(_MARKERS.search(url) or (page and re.search(r"ViewCMIS_|ViewMeetingPublic", page)))

    def committees(self) -> list[Committee]:
        page = parse_html(self.page(self.url), self.url)
        own = _COMMITTEE.search(self.url)
        if own:
            return [Committee(page.heading or page.title, self.url, own[1])]
        found: dict[str, Committee] = {}
        for link in page.links:
            m = _COMMITTEE.search(link.url)
            if m and link.text and m[1] not in found and same_site(link.url, self.url):
                found[m[1]] = Committee(link.text, link.url, m[1])
        return list(found.values())

    def meetings(self, committee: Committee, since: date, until: date) -> list[Meeting]:
        """Meeting links on the committee page and on the meeting listings it links to."""
        page = parse_html(self.page(committee.url), committee.url)
        links = list(page.links)
        listings = {link.url for link in page.links
                    if _LISTING_TEXT.search(link.text) and not _MEETING.search(link.url)
                    and same_site(link.url, committee.url) and link.url != committee.url
                    and committee.id and re.search(rf"/(id|Committee)/{committee.id}\b", link.url, re.I)}
        for url in sorted(listings):
            links.extend(parse_html(self.page(url), url).links)
        out: dict[str, Meeting] = {}
        for link in links:
            m = _MEETING.search(link.url)
            if not m or "ViewMeetingPublic" not in link.url:
                continue
            if committee.id and m[2] and m[2] != committee.id:
                continue
            when = parse_date(link.text) or parse_date(link.title)
            if m[1] in out or when is None or not since <= when <= until:
                continue
            out[m[1]] = Meeting(committee, link.url, when, m[1], link.text)
        return list(out.values())

    def documents(self, meeting: Meeting) -> list[DocumentLink]:
        page = parse_html(self.page(meeting.url), meeting.url)
        links = list(page.links)
        tabs = {link.url for link in page.links
                if re.search(r"/SelectedTab/Documents/", link.url, re.I) and link.url != meeting.url}
        for url in sorted(tabs):
            links.extend(parse_html(self.page(url), url).links)
        return [DocumentLink(link.url, link_title(link), link.context)
                for link in links if is_document_url(link.url)]
