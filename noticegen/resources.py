"""Where the bundled templates/ and locales/ folders are, in a wheel or in a checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The bundled folder ``name`` (``templates`` or ``locales``).

    A wheel carries it as ``noticegen/_data/<name>``; a checkout or an editable
    install finds it at the top of the repository.
    """
    for candidate in (_HERE / "_data" / name, _HERE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"noticegen's bundled {name}/ folder is missing from the installation")
