"""noticegen's public API: load_facts, plan, build, check, render (loaded on first use)."""

from __future__ import annotations

from importlib import import_module

__all__ = ["load_facts", "plan", "build", "check", "render"]

_HOME = {
    "load_facts": "noticegen.facts",
    "plan": "noticegen.plan",
    "build": "noticegen.build",
    "check": "noticegen.check",
}

from .render import render  # noqa: E402  (the function shadows the subpackage's name, as intended)


def __getattr__(name: str):
    if name in _HOME:
        return getattr(import_module(_HOME[name]), name)
    raise AttributeError(f"module 'noticegen' has no attribute {name!r}")
