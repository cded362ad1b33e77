"""`qarin`: with no command it opens the window; `qarin compare|import|list|...` run in the terminal.

The terminal commands never import Qt, so they run on a machine with no display.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from reader import __version__
from reader.commands import CliError

# command name -> module under reader.commands that defines it (imported only when used)
COMMANDS: dict[str, str] = {
    "compare": "reader.commands.compare",
    "import": "reader.commands.library",
    "list": "reader.commands.library",
    "search": "reader.commands.library",
    "show": "reader.commands.library",
    "edit": "reader.commands.library",
    "remove": "reader.commands.library",
    "repair": "reader.commands.library",
    "similar": "reader.commands.stories",
    "reindex": "reader.commands.stories",
    "stories": "reader.commands.stories",
    "story": "reader.commands.stories",
}


def fail(message: str) -> int:
    print(f"qarin: {message}", file=sys.stderr)
    return 2


def build_command_parser(name: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qarin", description="Compare Arabic news reports.")
    parser.add_argument("--version", action="version", version=f"qarin {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True)
    module = importlib.import_module(COMMANDS[name])
    module.add_parsers(subparsers)
    return parser


def run_command(argv: Sequence[str]) -> int:
    parser = build_command_parser(argv[0])
    args = parser.parse_args(list(argv))
    try:
        return int(args.run(args) or 0)
    except CliError as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return fail("interrupted")
    except BrokenPipeError:
        return 0
    except MemoryError:
        return fail("out of memory (the input is too large for this machine)")
    except Exception as error:  # noqa: BLE001 - a user never sees a traceback; the line says what broke
        return fail(f"unexpected error: {type(error).__name__}: {error}")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in COMMANDS:
        return run_command(argv)
    if argv and argv[0] == "--render-pdf":  # the child `qarin compare --format pdf` starts
        from reader.gui_launcher import render_pdf  # noqa: PLC0415 - Qt only in that child

        return render_pdf(argv[1:])
    if argv and argv[0] in ("--version", "-V"):
        print(f"qarin {__version__}")
        return 0
    if argv and argv[0] in ("-h", "--help") and "--screenshot" not in argv:
        print_overview()
        return 0
    from reader.gui_launcher import launch_gui  # noqa: PLC0415 - keeps Qt out of terminal commands

    return launch_gui(argv)


def print_overview() -> None:
    print(
        f"qarin {__version__}: compare Arabic news reports side by side.\n\n"
        "usage: qarin [--library PATH] [--left ID] [--right ID] [--screenshot FILE] [--self-test]\n"
        "       qarin compare A B [--format text|json] [--bidi auto|visual|logical]\n"
        "       qarin import PATH... | -\n"
        "       qarin list | search QUERY | show ID | edit ID | remove ID | repair\n"
        "       qarin similar ID | reindex | stories [--since DATE] | story ID\n\n"
        "With no command, qarin opens the window. `qarin COMMAND --help` describes a command."
    )


if __name__ == "__main__":
    sys.exit(main())
