"""Running headers and footers found by repetition across pages, numbers allowed to change."""

from __future__ import annotations

from cspipe.extractors.furniture import furniture_keys, without_furniture

H = 842.0


def _word(text: str, x0: float, top: float) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 6 * len(text), "top": top, "bottom": top + 9}


def _page(n: int, body: list[str]) -> list[dict]:
    words = [_word("East", 60, 20), _word("Anytown", 90, 20), _word("CSP", 140, 20),
             _word("Action", 170, 20), _word("Plan", 210, 20), _word("2023/24", 240, 20),
             _word("Page", 480, 20), _word(str(n), 510, 20)]
    words += [_word(t, 60, 200 + 14 * i) for i, t in enumerate(body)]
    words += [_word(str(n), 300, 810)]
    return words


def test_header_and_folio_recurring_on_every_page_are_furniture() -> None:
    pages = [_page(n, ["Deliver", "patrols"] if n % 2 else ["Review", "the", "order"])
             for n in (7, 8, 9)]
    keys = furniture_keys([(p, H) for p in pages])
    kept = [[w["text"] for w in without_furniture(p, H, keys)] for p in pages]
    assert kept == [["Deliver", "patrols"], ["Review", "the", "order"], ["Deliver", "patrols"]]


def test_a_line_on_one_page_only_stays() -> None:
    pages = [_page(1, ["A"]), [_word("Appendix", 60, 20), _word("A", 120, 20)], _page(3, ["B"])]
    keys = furniture_keys([(p, H) for p in pages])
    assert [w["text"] for w in without_furniture(pages[1], H, keys)] == ["Appendix", "A"]


def test_one_page_has_no_furniture() -> None:
    assert furniture_keys([(_page(1, ["A"]), H)]) == set()
