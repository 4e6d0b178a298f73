"""The ``tei`` command: a thin typer app that mounts one module per sub-command.

Sub-commands are imported only when invoked (or when help lists them): ``tei validate`` must
start fast in CI and should not pay for the encoder's or the renderer's imports. Adding a
command is one module under ``tei/cli`` and one row in :data:`COMMANDS`.

Exit codes: 0 success, 1 a file failed (or was invalid), 2 usage error, 3 internal error.
"""

from __future__ import annotations

import importlib
import signal
import sys

import typer
from typer.core import TyperGroup

from tei import __version__

#: command name → "module:function" of a typer command function
COMMANDS: dict[str, str] = {
    "convert": "tei.cli.convert:convert",
    "corpus": "tei.cli.corpus:corpus",
    "export": "tei.cli.export:export",
    "render": "tei.cli.render:render",
    "site": "tei.cli.site:site",
    "validate": "tei.cli.validate:validate",
}


class LazyGroup(TyperGroup):
    """A click group that imports a sub-command's module only when it is needed."""

    def list_commands(self, ctx: object) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: object, cmd_name: str) -> object | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, function_name = target.split(":")
        function = getattr(importlib.import_module(module_name), function_name)
        single = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
        single.command(name=cmd_name)(function)
        return typer.main.get_command(single)


app = typer.Typer(
    name="tei",
    cls=LazyGroup,
    help="Encode archival telegrams as TEI P5, validate TEI, and render it as HTML or text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        print(f"telegram-tei {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Encode archival telegrams as TEI P5, validate TEI, and render it as HTML or text."""


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM unwinds like Ctrl-C, so a file being written is removed, not left half-written.
    raise SystemExit(128 + signum)


def main() -> None:
    """Entry point of the ``tei`` script."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        app()
    except KeyboardInterrupt:
        print("tei: interrupted; files already written are complete", file=sys.stderr)
        raise SystemExit(130) from None
