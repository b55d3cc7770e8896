"""ModernGov (Civica) committee sites, used by most English councils.

Pages: ``mgListCommittees.aspx`` (committees, ``mgCommitteeDetails.aspx?ID=`` links),
``ieListMeetings.aspx?CId=&Year=0`` (meetings, ``ieListDocuments.aspx?CId=&MId=`` links
whose text is the date), ``ieListDocuments.aspx?CId=&MId=`` (agenda items with their
documents: ``documents/s<id>/*.pdf`` reports, ``documents/g<id>/*.pdf`` packs, and
``mgConvert2PDF.aspx?ID=`` conversions). Where the site offers the
``mgWebService.asmx`` service (``GetMeetings``, ``GetMeeting`` by HTTP GET), it is used for
meetings and documents and the HTML pages are the fallback.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

from pipeline.http import HttpError, PoliteClient
from pipeline.sites.base import (
    Committee,
    DocumentLink,
    Meeting,
    SiteAdapter,
    child_text,
    children,
    is_document_url,
    link_title,
    parse_date,
    parse_html,
    parse_xml,
)

_MARKERS = re.compile(r"mgListCommittees\.aspx|ieListMeetings\.aspx|ieListDocuments\.aspx|"
                      r"mgCommitteeDetails\.aspx|mgCalendarMonthView\.aspx|mgWebService\.asmx", re.I)


def _query(url: str) -> dict[str, str]:
    return {k.lower(): v[0] for k, v in parse_qs(urlsplit(url).query).items()}


class ModernGovAdapter(SiteAdapter):
    kind = "moderngov"

    def __init__(self, url: str, client: PoliteClient, *, use_webservice: bool | None = None) -> None:
        super().__init__(url, client)
        parts = urlsplit(url)
        path = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
        self.base = f"{parts.scheme}://{parts.netloc}{path}"
        self.use_webservice = use_webservice  # None: try it once, then remember

    @classmethod
    def detect(cls, url: str, page: str | None) -> bool:
        return bool(_MARKERS.search(url) or (page and _MARKERS.search(page)))

    # -- committees ------------------------------------------------------------------------
    def committees(self) -> list[Committee]:
        q = _query(self.url)
        path = urlsplit(self.url).path.lower()
        if ("cid" in q or "committeeid" in q or ("id" in q and "mgcommitteedetails" in path)):
            cid = q.get("cid") or q.get("committeeid") or q["id"]
            listing = self._meetings_url(cid)
            page = parse_html(self.page(listing), listing)
            name = _committee_name(page.heading or page.title)
            return [Committee(name, listing, cid)]
        listing = urljoin(self.base, "mgListCommittees.aspx")
        page = parse_html(self.page(listing), listing)
        found: dict[str, Committee] = {}
        for link in page.links:
            lq, lpath = _query(link.url), urlsplit(link.url).path.lower()
            cid = None
            if lpath.endswith("mgcommitteedetails.aspx"):
                cid = lq.get("id")
            elif lpath.endswith("ielistmeetings.aspx"):
                cid = lq.get("cid") or lq.get("committeeid")
            if cid and link.text and cid not in found:
                found[cid] = Committee(link.text, self._meetings_url(cid), cid)
        return list(found.values())

    def _meetings_url(self, cid: str) -> str:
        return urljoin(self.base, "ieListMeetings.aspx?" + urlencode({"CId": cid, "Year": 0}))

    # -- meetings --------------------------------------------------------------------------
    def meetings(self, committee: Committee, since: date, until: date) -> list[Meeting]:
        if self.use_webservice is not False and committee.id:
            found = self._ws_meetings(committee, since, until)
            if found is not None:
                return found
        page = parse_html(self.page(committee.url), committee.url)
        out: dict[str, Meeting] = {}
        for link in page.links:
            if not urlsplit(link.url).path.lower().endswith("ielistdocuments.aspx"):
                continue
            mid = _query(link.url).get("mid")
            when = parse_date(link.text) or parse_date(link.title)
            if not mid or mid in out or when is None or not since <= when <= until:
                continue
            out[mid] = Meeting(committee, link.url, when, mid, link.text)
        return list(out.values())

    def _ws(self, operation: str, **params: str) -> ET.Element | None:
        url = urljoin(self.base, f"mgWebService.asmx/{operation}?" + urlencode(params))
        try:
            text = self.client.get(url, accept="text/xml,application/xml").text
        except HttpError as exc:
            if exc.transient:
                raise
            self.use_webservice = False
            return None
        root = parse_xml(text)
        if root is None:
            self.use_webservice = False
        else:
            self.use_webservice = True
        return root

    def _ws_meetings(self, committee: Committee, since: date, until: date) -> list[Meeting] | None:
        root = self._ws("GetMeetings", lCommitteeId=str(committee.id),
                        sFromDate=since.strftime("%d/%m/%Y"), sToDate=until.strftime("%d/%m/%Y"))
        if root is None:
            return None
        out = []
        for node in children(root, "meeting"):
            mid = child_text(node, "meetingid")
            when = parse_date(child_text(node, "meetingdate"))
            if not mid or when is None or not since <= when <= until:
                continue
            link = child_text(node, "linktomeeting") or urljoin(
                self.base, "ieListDocuments.aspx?" + urlencode({"CId": committee.id, "MId": mid}))
            out.append(Meeting(committee, link, when, mid, child_text(node, "meetingdate")))
        return out

    # -- documents -------------------------------------------------------------------------
    def documents(self, meeting: Meeting) -> list[DocumentLink]:
        if self.use_webservice and meeting.id:
            found = self._ws_documents(meeting)
            if found is not None:
                return found
        page = parse_html(self.page(meeting.url), meeting.url)
        return [DocumentLink(link.url, link_title(link), link.context)
                for link in page.links if is_document_url(link.url)]

    def _ws_documents(self, meeting: Meeting) -> list[DocumentLink] | None:
        root = self._ws("GetMeeting", lMeetingId=str(meeting.id))
        if root is None:
            return None
        out = []
        for item in children(root, "agendaitem"):
            item_title = child_text(item, "agendaitemtitle")
            for doc in children(item, "linkeddocument"):
                url = child_text(doc, "url")
                if url:
                    out.append(DocumentLink(urljoin(self.base, url), child_text(doc, "title") or "",
                                            item_title))
        for pack in children(root, "publisheddocument"):
            url = child_text(pack, "url")
            if url:
                out.append(DocumentLink(urljoin(self.base, url), child_text(pack, "title") or "", None))
        return out


def _committee_name(heading: str) -> str:
    """``Meetings of Scrutiny Committee`` / ``Browse meetings - X`` -> the committee's name."""
    name = re.sub(r"^(Browse meetings\s*[-:]\s*|Meetings of\s+|Committee details\s*[-:]\s*)", "",
                  heading, flags=re.I)
    return name.split(" - ")[0].strip() or heading
