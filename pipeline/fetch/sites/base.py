"""The one small interface every committee-site adapter implements, and the parsing they share.

An adapter walks a site as people do: committees -> meetings in a date window
-> the documents of each meeting. It only reads pages through the polite client
and returns plain records; choosing, downloading and ingesting is ``cspipe.pipeline.ingest.scrape``'s job.
HTML is parsed with the standard library's ``html.parser`` (tolerant of the
invalid markup council sites serve) and XML with ``xml.etree`` after refusing DTDs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from typing import ClassVar
from urllib.parse import unquote, urljoin, urlsplit

from cspipe.pipeline.fetch.http import PoliteClient


@dataclass(frozen=True)
class Committee:
    name: str
    url: str
    id: str | None = None
    expired: bool = False  # the site marks it expired (no longer meets); its past meetings still count


@dataclass(frozen=True)
class Meeting:
    committee: Committee
    url: str
    date: date | None = None
    id: str | None = None
    title: str | None = None
    status: str | None = None  # as the site says it ("Confirmed", "Cancelled", ...), when it says


@dataclass(frozen=True)
class DocumentLink:
    """A link to a document: its title as linked, and the agenda item or heading it sits under.

    ``doc_id`` is the site's own id of the paper (ModernGov attachment id, CMIS document
    id), so the same paper linked two ways is one; ``kind`` is ``pack`` for a compilation
    of a meeting's papers (agenda reports pack, supplement), else ``paper``.
    """

    url: str
    title: str
    context: str | None = None
    published: date | None = None
    doc_id: str | None = None
    kind: str = "paper"


def is_cancelled(*texts: str | None) -> bool:
    """Whether a meeting's status, link text or heading says it was cancelled."""
    return any(t and _CANCELLED.search(t) for t in texts)


_CANCELLED = re.compile(r"\bcancell?ed\b", re.I)


class SiteAdapter(ABC):
    """Committees, meetings, documents: all a scrape needs to know about one kind of site."""

    kind: ClassVar[str] = ""

    def __init__(self, url: str, client: PoliteClient) -> None:
        self.url = url
        self.client = client
        self._pages: dict[str, str] = {}  # pages read in this walk, so none is asked for twice

    @classmethod
    def detect(cls, url: str, page: str | None) -> bool:
        """Whether this adapter understands the site at ``url`` (``page``: its HTML, if fetched)."""
        return False

    def calendar(self, since: date, until: date, errors: list[str] | None = None) -> list[Meeting] | None:
        """Every meeting in the window at once, for sites whose way in is a calendar, not committees.

        None (the default) means: walk ``committees()`` then ``meetings()``.
        """
        return None

    @abstractmethod
    def committees(self) -> list[Committee]: ...

    @abstractmethod
    def meetings(self, committee: Committee, since: date, until: date) -> list[Meeting]: ...

    @abstractmethod
    def documents(self, meeting: Meeting) -> list[DocumentLink]: ...

    def page(self, url: str) -> str:
        if url not in self._pages:
            self._pages[url] = self.client.get(url, accept="text/html,application/xhtml+xml,*/*;q=0.5").text
        return self._pages[url]

    def seen_page(self, url: str, text: str) -> None:
        """A page already read (by detection), kept so the walk does not ask again."""
        self._pages[url] = text


# -- links -----------------------------------------------------------------------------------

@dataclass
class Link:
    url: str
    text: str
    title: str | None = None
    context: str | None = None  # the nearest heading or agenda-item title before the link
    tail: str = ""  # text right after the link in the same line ("- CANCELLED", "- Agenda, Minutes")


_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "caption", "legend"}
_HEADING_CLASS = re.compile(r"title|heading|itemhead|agendaitem", re.I)
#: Classes whose text a reader does not see, or that is furniture (file sizes): left out of texts.
_UNSEEN_CLASSES = frozenset({"mghide", "mgfilesize", "filesize", "sr-only", "visually-hidden",
                             "visuallyhidden"})
#: Tags that end the "tail" of a link (the rest of its line).
_LINE_TAGS = frozenset({"a", "li", "tr", "td", "th", "p", "div", "ul", "ol", "table", "br",
                        "h1", "h2", "h3", "h4", "h5", "h6"})
_ITEM_NUMBER = re.compile(r"^[\divxlc]+[a-z]?[.)]?$", re.I)
_SPACE = re.compile(r"\s+")
_SIZE_SUFFIX = re.compile(r"\s*\b(PDF|DOCX?|XLSX?)\s*[\d.,]+\s*[KMG]B\b.*$", re.I)


def clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


class _LinkParser(HTMLParser):
    """Links with their text, title, context heading and tail; text inside unseen elements dropped.

    ``headings`` (a class pattern) replaces the default notion of a heading, so an adapter
    can say which elements head a site's agenda items or calendar days; ``classes`` names
    classes (``cls`` or ``tag.cls``) whose elements' texts are collected (``ParsedPage.by_class``).
    """

    def __init__(self, base: str, headings: re.Pattern[str] | None = None,
                 classes: frozenset[str] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.links: list[Link] = []
        self.page_title = ""
        self.h1 = ""
        self.by_class: dict[str, list[str]] = {c: [] for c in classes}
        self._headings = headings
        self._classes = [(spec.rpartition(".")[0] or None, spec.rpartition(".")[2].lower(), spec)
                         for spec in classes]
        self._context: str | None = None
        self._heading: list[object] | None = None  # [tag, depth, parts, links inside]
        self._link: Link | None = None
        self._link_parts: list[str] = []
        self._tail: Link | None = None
        self._unseen: list[object] | None = None  # [tag, depth]
        self._collect: list[list[object]] = []  # [tag, depth, class, parts]
        self._in_title = False
        self._in_h1 = False

    def _is_heading(self, tag: str, cls: str) -> bool:
        if self._headings is not None:
            return tag != "a" and bool(cls) and bool(self._headings.search(cls))
        return tag in _HEADING_TAGS or (tag != "a" and bool(_HEADING_CLASS.search(cls)))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        cls = a.get("class", "")
        tokens = {t.lower() for t in cls.split()}
        if tag in _LINE_TAGS:
            self._tail = None
        if self._unseen is not None:
            if tag == self._unseen[0]:
                self._unseen[1] = int(self._unseen[1]) + 1  # type: ignore[call-overload]
        elif tokens & _UNSEEN_CLASSES:
            self._unseen = [tag, 1]
        for entry in self._collect:
            if tag == entry[0]:
                entry[1] = int(entry[1]) + 1  # type: ignore[call-overload]
        for want_tag, want_class, spec in self._classes:
            if want_class in tokens and want_tag in (None, tag):
                self._collect.append([tag, 1, spec, []])
        if tag == "base" and a.get("href"):
            self.base = urljoin(self.base, a["href"])
        if tag == "title":
            self._in_title = True
        if tag == "h1" and not self.h1:
            self._in_h1 = True
        if self._heading is not None:
            if tag == self._heading[0]:
                self._heading[1] = int(self._heading[1]) + 1  # type: ignore[call-overload]
        elif self._is_heading(tag, cls):
            self._heading = [tag, 1, [], []]
        if tag == "a" and a.get("href"):
            href = a["href"].strip()
            if href and not href.lower().startswith(("javascript:", "mailto:", "tel:", "#")):
                self._link = Link(urljoin(self.base, href), "", a.get("title") or None, self._context)
                self._link_parts = []

    def handle_endtag(self, tag: str) -> None:
        if tag in _LINE_TAGS and tag != "a":
            self._tail = None
        if self._unseen is not None and tag == self._unseen[0]:
            self._unseen[1] = int(self._unseen[1]) - 1  # type: ignore[call-overload]
            if self._unseen[1] == 0:
                self._unseen = None
        for entry in list(self._collect):
            if tag == entry[0]:
                entry[1] = int(entry[1]) - 1  # type: ignore[call-overload]
                if entry[1] == 0:
                    self._collect.remove(entry)
                    self.by_class[str(entry[2])].append(clean(" ".join(entry[3])))  # type: ignore[arg-type]
        if tag == "title":
            self._in_title = False
        if tag == "h1":
            self._in_h1 = False
        if tag == "a" and self._link is not None:
            self._link.text = clean(" ".join(self._link_parts))
            self.links.append(self._link)
            if self._heading is not None:
                self._heading[3].append(self._link)  # type: ignore[union-attr]
            self._tail = self._link
            self._link = None
        if self._heading is not None and tag == self._heading[0]:
            self._heading[1] = int(self._heading[1]) - 1  # type: ignore[call-overload]
            if self._heading[1] == 0:
                text = clean(" ".join(self._heading[2]))  # type: ignore[arg-type]
                if text and not _ITEM_NUMBER.match(text):  # "35." numbers an item; it does not name it
                    self._context = text
                    for link in self._heading[3]:  # type: ignore[union-attr]
                        link.context = text  # a link that is the heading sits under that heading
                self._heading = None

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.page_title += data
        if self._unseen is not None:
            return
        if self._in_h1:
            self.h1 += data
        for entry in self._collect:
            entry[3].append(data)  # type: ignore[union-attr]
        if self._link is not None:
            self._link_parts.append(data)
        elif self._tail is not None:
            self._tail.tail = clean(self._tail.tail + " " + data)
        if self._heading is not None:
            self._heading[2].append(data)  # type: ignore[union-attr]


@dataclass
class ParsedPage:
    links: list[Link] = field(default_factory=list)
    title: str = ""
    heading: str = ""
    by_class: dict[str, list[str]] = field(default_factory=dict)

    def first(self, cls: str) -> str:
        """The text of the first element with class ``cls`` (asked for when parsing), or ""."""
        return next((t for t in self.by_class.get(cls, []) if t), "")


def parse_html(html: str, base_url: str, *, headings: re.Pattern[str] | None = None,
               classes: tuple[str, ...] = ()) -> ParsedPage:
    """Every link on the page (absolute URL, text, title, context, tail), the page title and first h1.

    ``headings``: a class pattern for the elements that head sections (default: h1-h6 and
    title-like classes); ``classes``: classes whose elements' texts to collect.
    """
    parser = _LinkParser(base_url, headings, frozenset(classes))
    parser.feed(html)
    parser.close()
    return ParsedPage(parser.links, clean(parser.page_title), clean(parser.h1), parser.by_class)


def is_document_url(url: str) -> bool:
    """PDF and Word files and the known document endpoints (ModernGov conversion, CMIS
    Document.ashx). What a fetched body is, is then read from its bytes."""
    from cspipe.extractors.formats import SUFFIXES

    path = urlsplit(url).path.lower()
    return path.endswith(SUFFIXES) or path.endswith("/mgconvert2pdf.aspx") \
        or path.endswith("/document.ashx")


def link_title(link: Link) -> str:
    """The document's name as a person reads it: link text without "PDF 123 KB", else the file name."""
    text = _SIZE_SUFFIX.sub("", link.text).strip()
    if not text and link.title:
        text = re.sub(r"^Link to document\s*", "", link.title).strip(" '\"")
    if not text:
        name = unquote(urlsplit(link.url).path.rsplit("/", 1)[-1])
        text = re.sub(r"\.(?:pdf|docx?|odt|rtf)$", "", name, flags=re.I).replace("_", " ").replace("-", " ")
    return clean(text)


def same_site(url: str, other: str) -> bool:
    return urlsplit(url).netloc.lower() == urlsplit(other).netloc.lower()


# -- dates -----------------------------------------------------------------------------------

_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_DMY_WORDS = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9})\.?,?\s+(\d{4})\b")
_MDY_WORDS = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,\s+(\d{4})\b")
_DMY_NUM = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")


def _month(word: str) -> int | None:
    word = word.lower()
    if word[:3] not in _MONTHS:
        return None
    full = ["january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"][_MONTHS[word[:3]] - 1]
    return _MONTHS[word[:3]] if full.startswith(word) or word == "sept" else None


def parse_date(text: str | None) -> date | None:
    """The first date written in ``text``: ``20th July, 2023``, ``20 Jul 2023``, ``20/07/2023``, ISO."""
    if not text:
        return None
    candidates: list[tuple[int, date]] = []
    for m in _ISO.finditer(text):
        candidates.append((m.start(), _safe_date(int(m[1]), int(m[2]), int(m[3]))))
    for m in _DMY_WORDS.finditer(text):
        month = _month(m[2])
        if month:
            candidates.append((m.start(), _safe_date(int(m[3]), month, int(m[1]))))
    for m in _MDY_WORDS.finditer(text):
        month = _month(m[1])
        if month:
            candidates.append((m.start(), _safe_date(int(m[3]), month, int(m[2]))))
    for m in _DMY_NUM.finditer(text):  # UK order: day first
        candidates.append((m.start(), _safe_date(int(m[3]), int(m[2]), int(m[1]))))
    found = sorted((pos, d) for pos, d in candidates if d is not None)
    return found[0][1] if found else None


_DAY_MONTH = re.compile(r"^(?:[A-Za-z]+day,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?(?:,?\s+(\d{4}))?$")


def parse_day_month(text: str | None, year: int) -> date | None:
    """``Monday, 8 June`` (a calendar cell that leaves the year to its page) in ``year``.

    A year written in the text wins over the one given.
    """
    m = _DAY_MONTH.match(clean(text or ""))
    if not m:
        return None
    month = _month(m[2])
    return _safe_date(int(m[3] or year), month, int(m[1])) if month else None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# -- XML -------------------------------------------------------------------------------------

def parse_xml(text: str) -> ET.Element | None:
    """Parse XML from a web service; refuse DTDs (entity expansion) and unwrap ASMX ``<string>``."""
    if "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper():
        return None
    try:
        root = ET.fromstring(text.lstrip("\ufeff").strip().encode())
    except ET.ParseError:
        return None
    if local(root.tag) == "string" and root.text and "<" in root.text:
        return parse_xml(root.text)
    return root


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def children(node: ET.Element, name: str) -> list[ET.Element]:
    """Descendants named ``name`` whatever their namespace."""
    return [e for e in node.iter() if local(e.tag) == name]


def child_text(node: ET.Element, name: str) -> str | None:
    for e in node:
        if local(e.tag) == name:
            return clean(e.text or "") or None
    return None
