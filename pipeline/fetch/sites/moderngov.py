"""ModernGov (Civica) committee sites, used by most English councils.

Two ways in, as real sites offer them:

- the ``mgWebService.asmx`` service (HTTP GET, XML): ``GetCommittees`` -> ``GetMeetings``
  (``lCommitteeId``, ``sFromDate``/``sToDate`` as dd/mm/yyyy) -> ``GetMeeting``
  (``lMeetingId``), whose agenda items list their papers as ``<linkeddoc>`` with an
  ``attachmentid`` and an ``mgConvert2PDF.aspx?ID=`` URL. Packs are not in the XML.
- the HTML pages: ``mgListCommittees.aspx`` (``mgCommitteeDetails.aspx?ID=`` links; a menu
  link ``ieListMeetings.aspx?CId=..&info=1`` is an information page, not a committee),
  ``ieListMeetings.aspx?CId=`` (meeting links whose text is the date, "- CANCELLED" after
  the link, "Earlier meetings" / "Later meetings" paging), ``ieListDocuments.aspx?CId=&MId=``
  (papers as ``documents/s<attachment id>/*.pdf`` or ``mgConvert2PDF.aspx?ID=``; packs as
  ``documents/g<meeting>/...pack...pdf`` and ``mgChooseDocPack.aspx?ID=`` pages).

The service is used when it answers; the HTML when it does not, and for a meeting the
service lists with no papers (the HTML may have some). A committee's name on its own pages
is in ``h2.mgSubTitleTxt`` (the ``h1`` is a page title such as "Browse meetings").
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

from cspipe.pipeline.fetch.http import HttpError, PoliteClient
from cspipe.pipeline.fetch.sites.base import (
    Committee,
    DocumentLink,
    Link,
    Meeting,
    SiteAdapter,
    child_text,
    children,
    clean,
    is_cancelled,
    is_document_url,
    link_title,
    parse_date,
    parse_html,
    parse_xml,
    same_site,
)

_MARKERS = re.compile(r"mgListCommittees\.aspx|ieListMeetings\.aspx|ieListDocuments\.aspx|"
                      r"mgCommitteeDetails\.aspx|mgCalendarMonthView\.aspx|mgWebService\.asmx", re.I)
_ITEM_HEADING = re.compile(r"\bmgAiTitleTxt\b")
_SUBTITLE = "h2.mgSubTitleTxt"
_ATTACHMENT_PATH = re.compile(r"/documents/s(\d+)/", re.I)
_PACK_PATH = re.compile(r"/documents/[gb]\d+/", re.I)
_PACK_WORDS = re.compile(r"\b(pack|supplement\w*)\b", re.I)
#: ``T=`` values ModernGov gives its compiled packs: 10 the public reports pack, 9 a supplement.
_PACK_T = {"9", "10"}
_MAX_LISTING_PAGES = 25  # "earlier meetings" pages followed at most, per committee and direction


def _query(url: str) -> dict[str, str]:
    return {k.lower(): v[0] for k, v in parse_qs(urlsplit(url).query, keep_blank_values=True).items()}


def _path(url: str) -> str:
    return urlsplit(url).path.lower()


def attachment_id(url: str) -> str | None:
    """The ModernGov attachment id a paper's URL carries (``documents/s123/``, ``mgConvert2PDF.aspx?ID=123``)."""
    m = _ATTACHMENT_PATH.search(urlsplit(url).path)
    if m:
        return m[1]
    if _path(url).endswith("/mgconvert2pdf.aspx"):
        value = _query(url).get("id", "")
        return value if value.isdigit() else None
    return None


def _is_pack(url: str, title: str) -> bool:
    if _path(url).endswith("/mgchoosedocpack.aspx"):
        return True
    if not _PACK_PATH.search(urlsplit(url).path):
        return False
    return _query(url).get("t") in _PACK_T or bool(_PACK_WORDS.search(title))


class ModernGovAdapter(SiteAdapter):
    kind = "moderngov"

    def __init__(self, url: str, client: PoliteClient, *, use_webservice: bool | None = None) -> None:
        super().__init__(url, client)
        parts = urlsplit(url)
        path = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
        self.base = f"{parts.scheme}://{parts.netloc}{path}"
        self.use_webservice = use_webservice  # None: try it once, then remember
        self._ws_committee_list: list[Committee] | None = None

    @classmethod
    def detect(cls, url: str, page: str | None) -> bool:
        return bool(_MARKERS.search(url) or (page and _MARKERS.search(page)))

    @classmethod
    def probe(cls, url: str, client: PoliteClient) -> ModernGovAdapter | None:
        """The adapter, if the site at ``url`` answers ``GetCommittees`` (its HTML may be blocked)."""
        adapter = cls(url, client)
        try:
            found = adapter._ws_committees()
        except HttpError:
            return None
        return adapter if found is not None else None

    # -- committees ------------------------------------------------------------------------
    def committees(self) -> list[Committee]:
        cid = self._own_committee_id()
        if cid:
            return [self._one_committee(cid)]
        if self.use_webservice is not False:
            found = self._ws_committees()
            if found is not None:
                return found
        listing = urljoin(self.base, "mgListCommittees.aspx")
        page = parse_html(self.page(listing), listing)
        out: dict[str, Committee] = {}
        for link in page.links:
            cid = _committee_link_id(link)
            if cid and link.text and cid not in out and same_site(link.url, listing):
                out[cid] = Committee(clean(link.text), self._meetings_url(cid), cid)
        return list(out.values())

    def _own_committee_id(self) -> str | None:
        q, path = _query(self.url), _path(self.url)
        if path.endswith("mgcommitteedetails.aspx"):
            return q.get("id") or None
        if path.endswith(("ielistmeetings.aspx", "ielistdocuments.aspx")) and q.get("info") != "1":
            return q.get("cid") or q.get("committeeid") or None
        return None

    def _one_committee(self, cid: str) -> Committee:
        """One committee, named from its own page's ``h2.mgSubTitleTxt`` (else the service)."""
        listing = self._meetings_url(cid)
        try:
            page = parse_html(self.page(listing), listing, classes=(_SUBTITLE,))
            name = page.first(_SUBTITLE) or _title_name(page.title)
        except HttpError as exc:
            if exc.transient:
                raise
            name = ""
        if not name:
            known = {c.id: c for c in self._ws_committees() or []}
            if cid in known:
                return known[cid]
        return Committee(name or f"committee {cid}", listing, cid)

    def _ws_committees(self) -> list[Committee] | None:
        if self._ws_committee_list is not None:
            return self._ws_committee_list
        root = self._ws("GetCommittees")
        if root is None or not _tag_is(root, "committees"):
            self.use_webservice = False
            return None
        out = []
        for node in children(root, "committee"):
            cid, name = child_text(node, "committeeid"), child_text(node, "committeetitle")
            if not cid or not name or (child_text(node, "committeedeleted") or "").lower() == "true":
                continue
            expired = (child_text(node, "committeeexpired") or "").lower() == "true"
            out.append(Committee(name, self._meetings_url(cid), cid, expired=expired))
        self._ws_committee_list = out
        return out

    def _meetings_url(self, cid: str) -> str:
        return urljoin(self.base, "ieListMeetings.aspx?" + urlencode({"CId": cid}))

    # -- meetings --------------------------------------------------------------------------
    def meetings(self, committee: Committee, since: date, until: date) -> list[Meeting]:
        """Meetings in the window, cancelled ones included with their status (callers skip them)."""
        if self.use_webservice is not False and committee.id:
            found = self._ws_meetings(committee, since, until)
            if found is not None:
                return found
        return self._html_meetings(committee, since, until)

    def _html_meetings(self, committee: Committee, since: date, until: date) -> list[Meeting]:
        """The committee's listing, then "Earlier" / "Later meetings" pages while the window goes on."""
        out: dict[str, Meeting] = {}
        seen: set[str] = set()
        queue: list[tuple[str, str | None]] = [(committee.url, None)]
        pages = {"earlier": 0, "later": 0}
        while queue:
            url, direction = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            page = parse_html(self.page(url), url)
            dates: list[date] = []
            paging: dict[str, str] = {}
            for link in page.links:
                act = _query(link.url).get("act", "").lower()
                if _path(link.url).endswith("ielistmeetings.aspx") and act in pages:
                    paging.setdefault(act, link.url)
                    continue
                meeting = self._listed_meeting(committee, link)
                if meeting is None or meeting.date is None:
                    continue
                dates.append(meeting.date)
                if meeting.id not in out and since <= meeting.date <= until:
                    out[str(meeting.id)] = meeting
            if not dates:
                continue
            for act, more in (("earlier", min(dates) > since), ("later", max(dates) < until)):
                if more and act in paging and direction in (None, act) and pages[act] < _MAX_LISTING_PAGES:
                    pages[act] += 1
                    queue.append((paging[act], act))
        return sorted(out.values(), key=lambda m: (m.date or date.min, m.id or ""))

    def _listed_meeting(self, committee: Committee, link: Link) -> Meeting | None:
        if not _path(link.url).endswith("ielistdocuments.aspx"):
            return None
        mid = _query(link.url).get("mid")
        when = parse_date(link.text) or parse_date(link.title)
        if not mid or when is None:
            return None
        status = "Cancelled" if is_cancelled(link.tail, link.text) else None
        return Meeting(committee, link.url, when, mid, clean(f"{link.text} {link.tail}"), status)

    def _ws(self, operation: str, **params: str) -> ET.Element | None:
        url = urljoin(self.base, f"mgWebService.asmx/{operation}" + ("?" + urlencode(params) if params else ""))
        try:
            text = self.client.get(url, accept="text/xml,application/xml").text
        except HttpError as exc:
            if exc.transient:
                raise
            self.use_webservice = False
            return None
        root = parse_xml(text)
        self.use_webservice = root is not None
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
            link = urljoin(self.base, "ieListDocuments.aspx?" + urlencode({"CId": committee.id, "MId": mid}))
            out.append(Meeting(committee, link, when, mid, child_text(node, "meetingdate"),
                               child_text(node, "meetingstatus")))
        return out

    # -- documents -------------------------------------------------------------------------
    def documents(self, meeting: Meeting) -> list[DocumentLink]:
        """The meeting's papers and packs; pack pages followed to the papers they list."""
        if self.use_webservice and meeting.id:
            found = self._ws_documents(meeting)
            if found:
                return found
            if found is not None:  # the service lists none: the agenda page may have some
                try:
                    return self._html_documents(meeting)
                except HttpError as exc:
                    if exc.transient:
                        raise
                    return []
        return self._html_documents(meeting)

    def _html_documents(self, meeting: Meeting) -> list[DocumentLink]:
        page = parse_html(self.page(meeting.url), meeting.url, headings=_ITEM_HEADING, classes=(_SUBTITLE,))
        out = [_document(link) for link in page.links if is_document_url(link.url)]
        for link in page.links:
            if _path(link.url).endswith("/mgchoosedocpack.aspx") and same_site(link.url, meeting.url):
                out.extend(self._pack_page(link))
        return out

    def _pack_page(self, link: Link) -> list[DocumentLink]:
        """A pack page (``mgChooseDocPack.aspx``): the pack PDFs and the papers it lists, as links."""
        page = parse_html(self.page(link.url), link.url, headings=_ITEM_HEADING)
        name = link_title(link)
        out = []
        for inner in page.links:
            if not is_document_url(inner.url):
                continue
            doc = _document(inner)
            if doc.kind == "pack" and not _PACK_WORDS.search(doc.title):
                doc = DocumentLink(doc.url, f"{name}: {doc.title}", doc.context, doc.published, doc.doc_id, "pack")
            out.append(doc)
        return out

    def _ws_documents(self, meeting: Meeting) -> list[DocumentLink] | None:
        root = self._ws("GetMeeting", lMeetingId=str(meeting.id))
        if root is None:
            return None
        out = []
        for item in children(root, "agendaitem"):
            item_title = child_text(item, "agendaitemtitle")
            for doc in children(item, "linkeddoc"):
                url = child_text(doc, "url")
                if not url or (child_text(doc, "isrestricted") or "").lower() == "true":
                    continue
                url = urljoin(self.base, url)
                out.append(DocumentLink(url, child_text(doc, "title") or "", item_title,
                                        parse_date(child_text(doc, "publicationdate")),
                                        child_text(doc, "attachmentid") or attachment_id(url)))
        return out


def _tag_is(node: ET.Element, name: str) -> bool:
    return node.tag.rsplit("}", 1)[-1].lower() == name


def _committee_link_id(link: Link) -> str | None:
    """A committee's id from a link to its details or meetings; information pages are not committees."""
    q, path = _query(link.url), _path(link.url)
    if path.endswith("mgcommitteedetails.aspx"):
        return q.get("id") or None
    if path.endswith("ielistmeetings.aspx") and q.get("info") != "1" and "act" not in q:
        return q.get("cid") or q.get("committeeid") or None
    return None


def _document(link: Link) -> DocumentLink:
    title = link_title(link)
    kind = "pack" if _is_pack(link.url, title) else "paper"
    return DocumentLink(link.url, title, link.context, None, attachment_id(link.url), kind)


def _title_name(title: str) -> str:
    """``Browse meetings - Scrutiny Committee | Council`` -> ``Scrutiny Committee`` (when no subtitle)."""
    name = title.split(" | ")[0]
    return re.sub(r"^(Browse meetings|Meetings of|Committee details)\s*[-:]?\s*", "", name, flags=re.I).strip()
