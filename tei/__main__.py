"""``python -m tei`` runs the ``tei`` command."""

from tei.cli.app import main

main()
