"""``python -m noticegen``: the same CLI as the ``noticegen`` command."""

from .cli import main

main()
