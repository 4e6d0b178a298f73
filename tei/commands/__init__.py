"""One module per ``tei`` sub-command (typer's own pattern); :mod:`tei.cli` mounts them."""
