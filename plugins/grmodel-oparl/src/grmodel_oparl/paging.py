"""OParl external lists in pages (OParl 1.1, 2.5.2 "Paginierung").

A list at ``{list}`` holds its first page; page *n* > 1 is at ``{list}/page/n``,
so a static web server can serve the export directory as it is. Each page has
``pagination`` (``totalElements``, ``elementsPerPage``, ``currentPage``,
``totalPages``) and ``links`` (``first``, ``prev``, ``next``, ``last``); a reader
follows ``links.next`` to the end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["DEFAULT_PAGE_SIZE", "iter_list", "page_url", "pages"]

DEFAULT_PAGE_SIZE = 100
"""Objects per page unless ``-O page_size=N`` says otherwise."""


def page_url(list_url: str, number: int) -> str:
    """The URL of page ``number`` (1-based) of the list at ``list_url``."""
    return list_url if number == 1 else f"{list_url}/page/{number}"


def pages(list_url: str, objects: list[Any], size: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """The pages of a list: ``(page URL, page object)``, first to last (one empty
    page for an empty list)."""
    total = max(1, -(-len(objects) // size))
    for number in range(1, total + 1):
        links = {"first": list_url, "last": page_url(list_url, total)}
        if number > 1:
            links["prev"] = page_url(list_url, number - 1)
        if number < total:
            links["next"] = page_url(list_url, number + 1)
        yield (
            page_url(list_url, number),
            {
                "data": objects[(number - 1) * size : number * size],
                "pagination": {
                    "totalElements": len(objects),
                    "elementsPerPage": size,
                    "currentPage": number,
                    "totalPages": total,
                },
                "links": links,
            },
        )


def iter_list(load: Callable[[str], Any], list_url: str) -> Iterator[Any]:
    """Every object of an external list, following ``links.next`` (each page once).

    :param load: fetches the page at a URL.
    """
    seen: set[str] = set()
    url: str | None = list_url
    while url is not None and url not in seen:
        seen.add(url)
        page = load(url)
        yield from page.get("data", [])
        url = page.get("links", {}).get("next")
