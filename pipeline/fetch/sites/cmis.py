"""CMIS (Civica CMIS) committee sites, as many county and city councils' committee sites.

CMIS is a DotNetNuke application. Its meetings calendar module (``dnn$ctr<mid>$MeetingCalendarPublic...``
on the base page, e.g. ``.../Meetings.aspx``) serves plain views that need no script:

- the list view, ``<base>?ctl=MeetingCalendarListView&mid=<mid>``: the current month's meetings,
  link text ``9 Jul 2026 11:00 - Planning Committee``;
- month views in DNN's path form, ``<prefix>/tabid/<t>/ctl/MeetingCalendarPublicNoJava/mid/<mid>/Date/<yyyy-mm-dd>/Default.aspx``
  (``tabid`` and ``mid`` lifted from a meeting link): a day cell ``Monday, 8 June`` (no
  year: it is the requested month's) beside a cell of links ``10:00 Licensing Sub-Committee A``.

Meetings are ``.../ViewMeetingPublic/mid/<m>/Meeting/<meeting>/Committee/<committee>/...``; a
meeting's papers are ``Document.ashx?...`` links (PDFs with no ``.pdf`` name). Sites that
publish committee pages (``ViewCMIS_CommitteeDetails/mid/<m>/id/<committee>``) can also be
entered there: the committee's meetings are then the meeting links on it and on its listings.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qsl, urljoin, urlsplit

from cspipe.pipeline.fetch.http import HttpError
from cspipe.pipeline.fetch.sites.base import (
    Committee,
    DocumentLink,
    Link,
    Meeting,
    SiteAdapter,
    clean,
    is_cancelled,
    is_document_url,
    link_title,
    parse_date,
    parse_day_month,
    parse_html,
    same_site,
)

_COMMITTEE = re.compile(r"/ViewCMIS_CommitteeDetails/mid/\d+/id/(\d+)", re.I)
_MEETING = re.compile(r"/Meeting/(\d+)(?:/Committee/(\d+))?", re.I)
_URL_MARKERS = re.compile(r"ViewCMIS_|ViewMeetingPublic|MeetingCalendar|/tabid/\d+/|Document\.ashx", re.I)
_PAGE_MARKERS = re.compile(r"ViewCMIS_|ViewMeetingPublic|MeetingCalendarPublic|CmisDocumentList|ModCMIS", re.I)
_MODULE = re.compile(r"dnn[$_]ctr(\d+)[$_]MeetingCalendarPublic\w*[$_]", re.I)
_VIEW_PREFIX = re.compile(r"^(?P<prefix>.*?/tabid/\d+)/ctl/\w+/mid/(?P<mid>\d+)/", re.I)
_LISTING_TEXT = re.compile(r"\bmeetings\b|calendar", re.I)
_DAY_CELL = re.compile(r"\bSimpleCalendarDate\b")
#: "9 Jul 2026 11:00 - Planning Committee" (list view) / "10:00 Licensing Sub-Committee A" (month view)
_LIST_ENTRY = re.compile(r"^\d{1,2}\s+\w+\s+\d{4}(?:\s+\d{1,2}[:.]\d{2})?\s+-\s+(?P<name>.+)$")
_DAY_ENTRY = re.compile(r"^(?:\d{1,2}[:.]\d{2}\s+)?(?P<name>.+)$")


def document_id(url: str) -> str | None:
    """A CMIS paper's id: ``Document.ashx?id=..`` or, when the query is opaque, its first pair."""
    parts = urlsplit(url)
    if not parts.path.lower().endswith("/document.ashx") or not parts.query:
        return None
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    for key, value in pairs:
        if key.lower() == "id" and value:
            return value
    return parts.query.split("&")[0] or None


def _months(since: date, until: date) -> list[date]:
    out, month = [], since.replace(day=1)
    while month <= until:
        out.append(month)
        month = month.replace(year=month.year + 1, month=1) if month.month == 12 else month.replace(month=month.month + 1)
    return out


class CmisAdapter(SiteAdapter):
    kind = "cmis"

    @classmethod
    def detect(cls, url: str, page: str | None) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return bool(".cmis." in f".{host}" or _URL_MARKERS.search(urlsplit(url).path)
                    or (page and _PAGE_MARKERS.search(page)))

    # -- calendar: the way in from a base page ----------------------------------------------
    def calendar(self, since: date, until: date, errors: list[str] | None = None) -> list[Meeting] | None:
        """Meetings in the window from the calendar module's list and month views.

        None when the page at the site URL has no calendar module (a committees page, say).
        A month view that fails is noted in ``errors``; the list view still counts.
        """
        if _COMMITTEE.search(self.url):
            return None
        base_page = self.page(self.url)
        module = _MODULE.search(base_page)
        if not module:
            return None
        mid = module[1]
        base = self.url.split("#")[0]
        list_url = f"{base}{'&' if '?' in base else '?'}ctl=MeetingCalendarListView&mid={mid}"
        listing = parse_html(self.page(list_url), list_url)
        found: dict[str, Meeting] = {}
        for link in listing.links:
            m = _LIST_ENTRY.match(link.text)
            meeting = self._meeting(link, parse_date(link.text), m["name"] if m else None)
            if meeting is not None:
                found.setdefault(str(meeting.id), meeting)
        prefix = next((p for p in (_VIEW_PREFIX.match(link.url) for link in listing.links
                                   if _MEETING.search(link.url)) if p), None)
        if prefix is not None:
            for month in _months(since, until):
                url = (f"{prefix['prefix']}/ctl/MeetingCalendarPublicNoJava/mid/{prefix['mid']}"
                       f"/Date/{month.isoformat()}/Default.aspx")
                try:
                    page = parse_html(self.page(url), url, headings=_DAY_CELL)
                except HttpError as exc:  # one month missing leaves the others (and the list view)
                    if errors is not None:
                        errors.append(f"calendar {month:%Y-%m}: {exc}")
                    continue
                for link in page.links:
                    when = parse_day_month(link.context, month.year)
                    m = _DAY_ENTRY.match(link.text)
                    meeting = self._meeting(link, when, m["name"] if m else None)
                    if meeting is not None:
                        found.setdefault(str(meeting.id), meeting)
        return sorted((m for m in found.values() if m.date and since <= m.date <= until),
                      key=lambda m: (m.date or date.min, m.id or ""))

    def _meeting(self, link: Link, when: date | None, name: str | None) -> Meeting | None:
        m = _MEETING.search(link.url)
        if not m or "viewmeetingpublic" not in link.url.lower() or when is None or not name:
            return None
        committee = Committee(clean(name), link.url, m[2])
        status = "Cancelled" if is_cancelled(link.text, link.title, link.tail) else None
        return Meeting(committee, link.url, when, m[1], link.text, status)

    # -- committee pages: the way in from a committees page ----------------------------------
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
            status = "Cancelled" if is_cancelled(link.text, link.title, link.tail) else None
            out[m[1]] = Meeting(committee, link.url, when, m[1], link.text, status)
        return list(out.values())

    # -- documents ------------------------------------------------------------------------
    def documents(self, meeting: Meeting) -> list[DocumentLink]:
        """``Document.ashx`` links on the meeting page and on its Documents tab."""
        page = parse_html(self.page(meeting.url), meeting.url)
        links = list(page.links)
        tabs = {link.url for link in page.links
                if re.search(r"/SelectedTab/Documents/", link.url, re.I) and link.url != meeting.url
                and _same_meeting(link.url, meeting)}
        for url in sorted(tabs):
            links.extend(parse_html(self.page(url), url).links)
        out: dict[str, DocumentLink] = {}
        for link in links:
            if is_document_url(link.url) and link.url not in out:
                out[link.url] = DocumentLink(link.url, link_title(link), link.context,
                                             doc_id=document_id(urljoin(meeting.url, link.url)))
        return list(out.values())


def _same_meeting(url: str, meeting: Meeting) -> bool:
    m = _MEETING.search(url)
    return bool(m) and m[1] == meeting.id
