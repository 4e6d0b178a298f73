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
import traceback
from typing import Any

import typer
from typer._click import exceptions as click_exceptions
from typer.core import TyperGroup

from tei import __version__
from tei.errors import EXIT_FAILED, EXIT_INTERNAL, format_message

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
    """A click group that imports a sub-command's module only when it is needed, and that
    reports a wrong command line in one line like every other message (not in a framed box)."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        code = None
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click_exceptions.NoArgsIsHelpError as error:
            error.show()
            code = error.exit_code
        except click_exceptions.ClickException as error:
            print(usage_line(error), file=sys.stderr)
            code = error.exit_code
        except typer.Abort:
            print("tei: aborted", file=sys.stderr)
            code = EXIT_FAILED
        except (KeyboardInterrupt, SystemExit, BrokenPipeError):
            raise
        except Exception as exc:  # a bug outside any file's work: one line, exit 3
            if "--debug" in sys.argv:
                traceback.print_exc(file=sys.stderr)
            print(internal_line(exc), file=sys.stderr)
            code = EXIT_INTERNAL
        if standalone_mode:
            sys.exit(code or 0)
        return code

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


def usage_line(error: click_exceptions.ClickException) -> str:
    """``tei convert: error: No such option: --bogus — see tei convert --help``."""
    context = getattr(error, "ctx", None)
    command = context.command_path if context is not None else "tei"
    return format_message(
        command, None, None, "error", error.format_message(), f"see {command} --help"
    )


def internal_line(exc: BaseException) -> str:
    """``tei: error: internal error: ValueError: … — please report this …``."""
    hint = "please report this with the command you ran"
    if "--debug" not in sys.argv:
        hint += " (run with --debug for the traceback)"
    return format_message(
        "tei", None, None, "error", f"internal error: {type(exc).__name__}: {exc}", hint
    )


def _terminate(signum: int, frame: object) -> None:
    # SIGTERM unwinds like Ctrl-C, so a file being written is removed, not left half-written.
    raise SystemExit(128 + signum)


def main() -> None:
    """Entry point of the ``tei`` script."""
    signal.signal(signal.SIGTERM, _terminate)
    code: int | str | None = 0
    try:
        app()
    except KeyboardInterrupt:
        print("tei: interrupted; files already written are complete", file=sys.stderr)
        code = 130
    except SystemExit as done:
        code = done.code
    except BrokenPipeError:
        code = EXIT_FAILED
    finally:
        writing = sys.modules.get("tei.io.writing")
        if writing is not None:  # a signal may have cut a write short: no temporary stays
            writing.remove_pending()
    raise SystemExit(_flushed(code))


def _flushed(code: int | str | None) -> int | str | None:
    """The exit code, made non-zero when standard output could not take what was written
    (a closed pipe, a full disk): one line says so, and Python's exit is kept from adding a
    traceback of its own."""
    from tei.cli.common import write_stdout
    from tei.errors import TeiError

    try:
        write_stdout(b"")
    except TeiError as error:
        print(str(error), file=sys.stderr)
        return code or EXIT_FAILED
    return code
