"""Find the notice inside a saved web page: a landmark (<main>, [role=main], <article>) or the container holding most of the page's prose, with the site's navigation, banners and sidebars dropped.

A hospital's posting saved from the browser carries its site around it: the header and menu,
breadcrumbs, a cookie banner, a sidebar of news, share buttons, "related posts", the footer.
``notice_root`` picks the part that is the notice and prunes what is plainly not part of it:

1. the root: the first <main> (or [role=main]); else the <article> with the most text; else the
   deepest container that still holds at least 80% of the page's prose (text outside links, as
   menus and footers are mostly links);
2. inside it, drop nav, aside and footer (and, outside a landmark, header) whatever they hold; and
   forms, hidden elements, ARIA navigation / banner / complementary / contentinfo / search regions,
   and elements whose id or class names a cookie or consent banner, navigation, a menu, a footer, a
   sidebar, share buttons, breadcrumbs, related posts or a skip link, unless one holds most of the
   root's text (a wrapper's class can say "has-sidebar"; ASP.NET wraps a whole page in a <form>);
3. the page's one title (h1) outside the root comes along when the root has none: headings are evidence.
"""

from __future__ import annotations

import re

_DROP_TAGS = {"nav", "aside", "footer", "dialog", "menu"}  # dropped whatever they hold
_GUARDED_TAGS = {"form"}  # ASP.NET pages wrap the whole page in a <form>
_DROP_ROLES = {"navigation", "banner", "complementary", "contentinfo", "search", "dialog", "alertdialog", "menu",
               "menubar"}
_BOILERPLATE = re.compile(r"(?<![a-z])(?:cookie|consent|gdpr|banner|nav|menu|footer|sidebar|share|sharing|social|"
                          r"breadcrumb|related|skip|comment|newsletter|subscribe|popup|modal)")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
_CONTAINERS = {"body", "main", "article", "section", "div", "td", "blockquote"}
_KEEP = 0.5    # an element holding more than this share of the root's prose is never dropped
_MOST = 0.8    # without a landmark, the deepest container holding this share of the prose


def _boilerplate(el) -> bool:
    attrs = el.attrs
    if el.tag in _GUARDED_TAGS or "hidden" in attrs or attrs.get("aria-hidden", "").lower() == "true":
        return True
    if attrs.get("role", "").lower() in _DROP_ROLES or _HIDDEN_STYLE.search(attrs.get("style", "").lower()):
        return True
    names = f"{attrs.get('id', '')} {attrs.get('class', '')}".lower()
    return bool(_BOILERPLATE.search(names))


def _prose(root) -> dict[int, int]:
    """id(element) -> characters of text in it outside links, for every element under ``root``."""
    sizes: dict[int, int] = {}
    stack = [(root, False)]
    while stack:
        el, done = stack.pop()
        kids = [c for c in el.children if not isinstance(c, str)]
        if not done:
            stack.append((el, True))
            stack.extend((c, False) for c in kids)
            continue
        own = 0 if el.tag == "a" else sum(len(c.strip()) for c in el.children if isinstance(c, str))
        sizes[id(el)] = own + (0 if el.tag == "a" else sum(sizes[id(c)] for c in kids))
    return sizes


def _walk(root):
    """Every element under ``root`` (itself included), depth first, without recursion."""
    stack = [root]
    while stack:
        el = stack.pop()
        yield el
        stack.extend(reversed([c for c in el.children if not isinstance(c, str)]))


def _prune(root, *, headers: bool) -> None:
    """Drop the boilerplate under ``root``; ``headers``: <header> too (a site's header, outside any landmark;
    inside an <article> a header holds the title)."""
    sizes = _prose(root)
    total = sizes[id(root)] or 1
    stack = [root]
    while stack:
        el = stack.pop()
        kept = []
        for child in el.children:
            if not isinstance(child, str):
                always = child.tag in _DROP_TAGS or (headers and child.tag == "header")
                if always or (_boilerplate(child) and sizes[id(child)] <= _KEEP * total):
                    continue
                stack.append(child)
            kept.append(child)
        el.children = kept


def _deepest_with_most(body):
    sizes = _prose(body)
    if not sizes[id(body)]:
        return body
    need = _MOST * sizes[id(body)]
    best = body
    for el in _walk(body):
        if el.tag in _CONTAINERS and sizes[id(el)] >= need:
            best = el  # depth-first order: a later match inside the current best is deeper
    return best


def notice_root(doc):
    """The element of a page that holds the notice, pruned of the site around it (see the module docstring).
    ``doc`` is the html reader's tree; it is changed in place."""
    body = next((e for e in _walk(doc) if e.tag == "body"), doc)
    titles = [e for e in _walk(body) if e.tag == "h1"]
    landmark = next((e for e in _walk(body) if e.tag == "main" or e.attrs.get("role", "").lower() == "main"), None)
    if landmark is None:
        articles = [e for e in _walk(body) if e.tag == "article"]
        if articles:
            sizes = _prose(body)
            landmark = max(articles, key=lambda e: sizes[id(e)])
    if landmark is None:
        _prune(body, headers=True)
        root = _deepest_with_most(body)
    else:
        root = landmark
        _prune(root, headers=False)
    if len(titles) == 1 and not any(e.tag == "h1" for e in _walk(root)):
        root.children.insert(0, titles[0])
    return root
