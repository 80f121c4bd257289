"""Template selection (a user's folder wins over the bundled one) and the sandboxed Jinja2 environment.

Templates write Markdown (see model.py for the conventions). Every value a template prints is
escaped for Markdown unless it is ``Markup`` made by this module (fields, element markers, translated
sentences whose variables were escaped one by one). Facts are never evaluated as templates: they are
values in the context, and a value that looks like ``{{ 7*7 }}`` is printed as those characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateNotFound
from jinja2.exceptions import TemplateError as JinjaTemplateError
from jinja2.exceptions import UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from .errors import TemplateError
from .lang import Catalog
from .render.markdown import escape as md_escape
from .tidy import clean_text
from .resources import data_dir

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def bundled_dir() -> Path:
    return data_dir("templates")


@dataclass
class Translator:
    """The ``_`` that templates call: translates, escapes, and records what the catalog lacks.

    ``missing`` collects (element, msgid) for every msgid the locale's catalog does not translate,
    so the checker can refuse a Spanish letter with English inside.
    """

    catalog: Catalog
    element: str | None = None
    missing: list[tuple[str | None, str]] = field(default_factory=list)

    def __call__(self, msgid: str, **variables: Any) -> Markup:
        if not self.catalog.has(msgid):
            self.missing.append((self.element, msgid))
        text = self.catalog.gettext(msgid)
        out: list[str] = []
        pos = 0
        for match in _PLACEHOLDER.finditer(text):
            out.append(md_escape(text[pos:match.start()], line_start=not out))
            name = match.group(1)
            if name not in variables:
                raise TemplateError(f"translation of {msgid!r} uses %({name})s, which the template does not pass")
            out.append(_value(variables[name]))
            pos = match.end()
        out.append(md_escape(text[pos:], line_start=not out))
        return Markup("".join(out))


def _text(value: Any) -> str:
    """A fact as one line of literal Markdown: characters no format carries (controls, bidi overrides)
    dropped, whitespace runs (newlines too) made one space."""
    return md_escape(" ".join(clean_text(str(value)).split()), line_start=True)


def _value(value: Any) -> str:
    if isinstance(value, Markup):
        return str(value)
    return _text(value)


def _finalize(value: Any) -> Markup:
    """Runs on every printed value before Jinja's autoescape: Markdown-escaped text, marked safe.

    autoescape is on only so that macro calls and ``_`` results come back as Markup and are not
    escaped twice; the escaping itself is Markdown's, done here.
    """
    if isinstance(value, Markup):
        return value
    if value is None:
        raise TemplateError("a template printed a value that is not set (None); guard it with {% if %}")
    return Markup(_text(value))


def field_marker(name: str) -> Markup:
    """``[[name]]``: a per-recipient slot filled by merge."""
    if not _FIELD_NAME.match(name):
        raise TemplateError(f"field name {name!r} must be lowercase letters, digits and underscores")
    return Markup(f"[[{name}]]")


def strong(value: Any) -> Markup:
    return Markup(f"**{_value(value)}**")


def link(url: str, text: Any | None = None) -> Markup:
    """A Markdown link; only http(s) and mailto URLs become links, anything else prints as text."""
    label = _value(text if text is not None else url)
    if not re.match(r"^(https?://|mailto:)[^\s<>()]+$", url):
        return Markup(label)
    return Markup(f"[{label}](<{url}>)")


class _Environment(ImmutableSandboxedEnvironment):
    pass


@lru_cache(maxsize=8)
def environment(*, override: Path | None = None) -> _Environment:
    """The Jinja2 environment: sandboxed, StrictUndefined, i18n extension, Markdown finalize.

    ``override`` is a user's template folder whose files win over the bundled ones. Environments are
    cached per folder, so each template compiles once per process (Jinja re-reads a file that changed).
    """
    loaders = [FileSystemLoader(str(override))] if override else []
    loaders.append(FileSystemLoader(str(bundled_dir())))
    env = _Environment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        finalize=_finalize,
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(field=field_marker, strong=strong, link=link)
    return env


def render_template(
    kind: str, context: dict[str, Any], *, translator: Translator, override: Path | None = None
) -> str:
    """Render ``<kind>.md.j2`` to Markdown with ``context``; raise TemplateError with the template's line."""
    env = environment(override=override)
    name = f"{kind}.md.j2"

    def element(element_id: str) -> Markup:
        translator.element = element_id or None
        return Markup(f"<!-- element: {element_id} -->" if element_id else "<!-- element -->")

    try:
        template = env.get_template(name)
        return template.render({**context, "_": translator, "gettext": translator, "element": element})
    except TemplateNotFound:
        raise TemplateError(f"no template {name} in {override or bundled_dir()}") from None
    except UndefinedError as exc:
        raise TemplateError(f"{name}: {exc.message}; the facts do not provide it (check the template)") from None
    except JinjaTemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f"{name}:{line}" if line else name
        raise TemplateError(f"{where}: {exc}") from None
    except TemplateError:
        raise
    except Exception as exc:  # a sandbox SecurityError, or a bug in a user's template
        raise TemplateError(f"{name}: {type(exc).__name__}: {exc}") from None
