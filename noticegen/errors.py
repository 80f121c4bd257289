"""The exception hierarchy: every error noticegen raises on purpose derives from NoticegenError."""

from __future__ import annotations


class NoticegenError(Exception):
    """Base class; the CLI turns these into a message and exit code 2."""


class FactsError(NoticegenError):
    """A facts file (or roster) could not be read or failed validation.

    ``problems`` holds one line per problem, each already in the form
    ``FILE:LINE: field.path: message`` (the line is left out when unknown).
    """

    def __init__(self, problems: list[str] | tuple[str, ...]):
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


class PlanError(NoticegenError):
    """The facts are valid but no plan can be made from them."""


class TemplateError(NoticegenError):
    """A notice template is missing, unsafe or failed to render."""


class ReadError(NoticegenError):
    """A notice file (DOCX, HTML, Markdown, text) could not be read back."""


class CheckFailed(NoticegenError):
    """Built notices lack required elements; ``reports`` (CheckReport) say which."""

    def __init__(self, reports):
        self.reports = tuple(reports)
        names = ", ".join(f"{r.kind} ({r.locale})" for r in self.reports)
        super().__init__(f"not rendered: required content is missing from {names}")
