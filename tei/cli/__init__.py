"""The ``tei`` command: options → API → messages. One module per sub-command, mounted lazily."""

from tei.cli.app import app, main

__all__ = ["app", "main"]
