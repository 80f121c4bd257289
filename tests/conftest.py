"""Puts the tests folder on sys.path so tests can import the shared notice_factory helper."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
