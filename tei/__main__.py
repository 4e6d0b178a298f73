"""``python -m tei`` runs the ``tei`` command."""

from tei.cli import main

main()
