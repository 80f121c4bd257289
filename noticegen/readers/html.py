"""HTML reader: our own pages and fragments (data-section, data-element, data-field, classes) and hand-made HTML, into a Notice.

Parsed with the standard library's html.parser into a small tree (nested at most MAX_DEPTH
elements deep, else ReadError). In our pages, sections are
the elements with ``data-section`` and Meta comes from the <article>'s data-* attributes, so
read(render(n)) == n. In hand-made HTML, sections open at every h2 and take their element
from noticegen.kinds.element_for_heading (a short all-bold paragraph counts as an h2, as in
the DOCX reader), inside the part of the page that holds the notice
(readers.html_page: the site's navigation, banners and footer dropped); Meta.title is the
<title> or the first h1. Read:
h1-h6, p, ul/ol/li, table, a, strong/b, em/i, br, address; other elements are containers
(block) or transparent (inline); script, style, template and the <head> are ignored.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from noticegen.errors import ReadError
from noticegen.kinds import element_for_heading
from noticegen.model import (
    AddressBlock, BulletList, Emphasis, Field, Heading, LineBreak, Link, Meta, Notice, Paragraph, Section,
    Signature, Strong, Table, Tagline, Text, plain,
)
from noticegen.readers.html_page import notice_root
from noticegen.readers.source import check_block, check_block_count, check_text_size
from noticegen.tidy import LANGUAGE_TAG, tidy_block, tidy_inlines, tidy_notice

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SKIP = {"script", "style", "template", "noscript", "head", "title", "svg", "math", "iframe", "object", "button",
         "select", "textarea"}
_BLOCK = {"address", "article", "aside", "blockquote", "body", "dd", "details", "dialog", "div", "dl", "dt",
          "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
          "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "tbody", "thead",
          "tfoot", "tr", "td", "th", "caption"}
_CLOSES_P = _BLOCK - {"li", "td", "th", "tr", "tbody", "thead", "tfoot", "dd", "dt", "caption", "body", "html"}
_WS = re.compile(r"[ \t\n\r\f]+")
MAX_DEPTH = 200  # real pages nest 20-40 deep; the reader recurses per level, so deeper input is refused
MAX_ELEMENTS = 100_000  # a saved page with its whole site has a few thousand


class _El:
    def __init__(self, tag: str, attrs: dict[str, str]):
        self.tag, self.attrs, self.children = tag, attrs, []

    def classes(self) -> set[str]:
        return {c.removeprefix("noticegen-") for c in self.attrs.get("class", "").split()}

    def iter(self):
        stack = [self]
        while stack:  # no recursion: nesting is capped at MAX_DEPTH, but a generator chain that deep is slow
            el = stack.pop()
            yield el
            stack.extend(reversed([c for c in el.children if isinstance(c, _El)]))

    def find(self, tag: str):
        return next((e for e in self.iter() if e.tag == tag), None)

    def text(self) -> str:
        out, stack = [], list(reversed(self.children))
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                out.append(item)
            else:
                stack.extend(reversed(item.children))
        return "".join(out)


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _El("#document", {})
        self.stack = [self.root]
        self.elements = 0

    def _close_until(self, tags: set[str], stop: set[str]) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in stop:
                return
            if tag in tags:
                del self.stack[i:]
                return

    def handle_starttag(self, tag, attrs):
        if tag in _CLOSES_P:
            self._close_until({"p"}, {"td", "th", "li", "div", "section", "article", "table"})
        if tag == "li":
            self._close_until({"li"}, {"ul", "ol"})
        elif tag in ("td", "th"):
            self._close_until({"td", "th"}, {"tr", "table"})
        elif tag == "tr":
            self._close_until({"tr"}, {"table"})
        elif tag in ("dd", "dt"):
            self._close_until({"dd", "dt"}, {"dl"})
        el = _El(tag, {k: v if v is not None else "" for k, v in attrs})
        self.elements += 1
        if self.elements > MAX_ELEMENTS:
            raise ReadError(f"HTML of more than {MAX_ELEMENTS:,} elements; is it a notice?")
        self.stack[-1].children.append(el)
        if tag not in _VOID:
            if len(self.stack) > MAX_DEPTH:
                raise ReadError(f"HTML nested deeper than {MAX_DEPTH} elements; is it a notice?")
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def _dials_itself(href: str, kids: list) -> bool:
    """True for a tel: link whose text is the number it dials: the link adds nothing to the text."""
    if not href.lower().startswith("tel:"):
        return False
    digits = lambda s: re.sub(r"\D", "", s).removeprefix("1")  # noqa: E731
    text = "".join(k.text for k in kids if isinstance(k, Text))
    return len(kids) == sum(isinstance(k, Text) for k in kids) and digits(text) == digits(href) != ""


def _inlines(el: _El, out: list) -> None:
    for child in el.children:
        if isinstance(child, str):
            out.append(Text(_WS.sub(" ", child)))
            continue
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag == "br":
            out.append(LineBreak())
        elif tag == "span" and "data-field" in child.attrs:
            out.append(Field(child.attrs["data-field"]))
        elif tag in ("strong", "b", "em", "i"):
            kids: list = []
            _inlines(child, kids)
            out.append(Strong(tuple(kids)) if tag in ("strong", "b") else Emphasis(tuple(kids)))
        elif tag == "a" and child.attrs.get("href"):
            kids = []
            _inlines(child, kids)
            if _dials_itself(child.attrs["href"], kids):  # the HTML writer's tel: link on a phone number
                out.extend(kids)
                continue
            out.append(Link(child.attrs["href"], tuple(kids)))
        elif tag == "img":
            out.append(Text(child.attrs.get("alt", "")))
        elif tag in _BLOCK:  # a block inside inline content (a list in a list item): a new line
            out.append(LineBreak())
            _inlines(child, out)
            out.append(LineBreak())
        else:
            _inlines(child, out)


def inlines(el: _El) -> tuple:
    out: list = []
    _inlines(el, out)
    check_block(sum(len(n.text) for n in out if isinstance(n, Text)))
    return tidy_inlines(out)


def _split_lines(nodes) -> tuple:
    lines: list[list] = [[]]
    for n in nodes:
        if isinstance(n, LineBreak):
            lines.append([])
        else:
            lines[-1].append(n)
    return tuple(tuple(line) for line in lines)


def _table(el: _El) -> Table:
    rows = [tr for tr in el.iter() if tr.tag == "tr"]
    cells = [[inlines(c) for c in tr.children if isinstance(c, _El) and c.tag in ("td", "th")] for tr in rows]
    cells = [row for row in cells if row] or [[()]]
    width = max(len(row) for row in cells)
    cells = [row + [()] * (width - len(row)) for row in cells]
    return Table(tuple(cells[0]), tuple(tuple(row) for row in cells[1:]))


def _bold_label(children: tuple) -> bool:
    """A short paragraph that is all bold and ends in no period: a heading on a page made in a CMS or Word."""
    text = plain(children).strip()
    return (len(children) == 1 and isinstance(children[0], Strong) and 0 < len(text) <= 80 and "\n" not in text
            and not text.endswith((".", ",", ";")))


class _Builder:
    def __init__(self, *, sectioned: bool, offset: int, ours: bool = True):
        self.sectioned, self.offset, self.ours = sectioned, offset, ours
        self.sections: list[list] = [[None, [], True]]
        self.run: list = []  # loose inline content waiting to become a paragraph
        self.count = 0
        self.draft = False

    def add(self, block) -> None:
        self.flush()
        self.count += 1
        check_block_count(self.count)
        block = tidy_block(block)
        if block is not None:
            self.sections[-1][1].append(block)

    def flush(self) -> None:
        if self.run:
            run, self.run = self.run, []
            holder = _El("p", {})
            holder.children = run
            self.add(Paragraph(inlines(holder)))

    def container(self, el: _El) -> None:
        for child in el.children:
            if isinstance(child, str) or child.tag not in _BLOCK | _SKIP:
                self.run.append(child)
            elif child.tag not in _SKIP:
                self.element(child)
        self.flush()

    def element(self, el: _El) -> None:
        tag, classes = el.tag, el.classes()
        if self.sectioned and "data-section" in el.attrs:
            self.flush()
            self.sections.append([el.attrs.get("data-element") or None, [], False])
            self.container(el)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = max(1, int(tag[1]) - self.offset)
            children = inlines(el)
            if not self.sectioned and level == 2:
                self.flush()
                self.sections.append([element_for_heading(plain(children)), [], False])
            self.add(Heading(level, children))
        elif tag == "nav" and "languages" in classes:
            pass  # the language switcher (links to the translations): the page's, not the notice's
        elif "letterhead" in classes or "notice-date" in classes or "noticegen-letterhead" in classes \
                or "noticegen-notice-date" in classes:
            pass  # shown for people; the <article>'s data-letterhead and data-date carry them
        elif tag == "p" and "draft" in classes and el.attrs.get("role") == "note":
            self.flush()
            self.draft = True
        elif (tag == "p" and "address" in classes) or tag == "address":
            self.add(AddressBlock(_split_lines(inlines(el))))
        elif tag == "p" and "signature" in classes:
            self.add(Signature(_split_lines(inlines(el))))
        elif tag == "p" and "tagline" in classes and LANGUAGE_TAG.match(el.attrs.get("lang", "").strip()) \
                and (el.attrs.get("dir") or "ltr").strip().lower() in ("ltr", "rtl"):
            self.add(Tagline(el.attrs["lang"].strip(), (el.attrs.get("dir") or "ltr").strip().lower(), inlines(el)))
        elif tag in ("p", "pre", "dt", "dd", "caption", "figcaption", "summary"):
            children = inlines(el)
            if tag == "p" and not self.ours and _bold_label(children):
                self.flush()
                self.sections.append([element_for_heading(plain(children)), [], False])
                self.add(Heading(2, children[0].children))
            else:
                self.add(Paragraph(children))
        elif tag in ("ul", "ol"):
            items = tuple(inlines(li) for li in el.children if isinstance(li, _El) and li.tag == "li")
            self.add(BulletList(items, tag == "ol"))
        elif tag == "table":
            self.add(_table(el))
        elif tag == "hr":
            self.flush()
        else:
            self.flush()
            self.container(el)


def read(text: str, *, kind: str = "unknown", locale: str | None = None) -> Notice:
    """A Notice from an HTML page or fragment (see the module docstring).

    ``kind``: "unknown" means take it from our article's data-kind. ``locale``: None means take
    it from the article's or the <html>'s lang ("es-US" -> "es_US"), else "und".
    """
    builder = _TreeBuilder()
    try:
        builder.feed(text)
        builder.close()
    except (AssertionError, ValueError) as exc:  # html.parser raises these on some malformed declarations
        raise ReadError(f"HTML: cannot parse: {exc}") from exc
    doc = builder.root
    article = next((e for e in doc.iter() if e.tag == "article" and "notice" in e.classes()), None)
    page = doc.find("html")
    if article is not None:
        root = article
    elif any("data-section" in e.attrs for e in doc.iter()):
        root = doc.find("main") or doc.find("body") or doc
    else:  # not one of ours: a saved page, with its site around the notice
        root = notice_root(doc)
    check_text_size(len(root.text()))
    attrs = article.attrs if article else {}
    lang = attrs.get("lang") or (page.attrs.get("lang") if page else None)
    offset = int(attrs.get("data-heading-offset", "0") or 0) if attrs.get("data-heading-offset", "0").isdigit() else 0
    sectioned = any("data-section" in e.attrs for e in root.iter())
    blocks = _Builder(sectioned=sectioned, offset=offset, ours=article is not None or sectioned)
    blocks.container(root)
    sections = [Section(element, tuple(items)) for element, items, implicit in blocks.sections
                if items or not implicit]
    if article is not None and "data-kind" in attrs:
        meta = Meta(title=attrs.get("data-title"), entity=attrs.get("data-entity"),
                    letterhead=tuple(attrs.get("data-letterhead", "").split("\n")) if attrs.get("data-letterhead")
                    else (), date=attrs.get("data-date"), subject=attrs.get("data-subject"),
                    channel=attrs.get("data-channel"), draft=blocks.draft)
        kind = attrs["data-kind"] if kind == "unknown" else kind
    else:
        title_el = doc.find("title")
        title = _WS.sub(" ", title_el.text()).strip() if title_el is not None else ""
        title = title or next((plain(b.children) for s in sections for b in s.blocks
                               if isinstance(b, Heading) and b.level == 1), None)
        meta = Meta(title=title or None, draft=blocks.draft)
    if locale is None:
        locale = lang.strip().replace("-", "_") if lang and lang.strip() else "und"
    return tidy_notice(Notice(kind=kind, locale=locale, meta=meta, sections=tuple(sections)))
