"""Command line: a thin shell over the library. Each `cli/<area>.py` registers its commands.

Command modules must not import heavy engines (argostranslate, torch) at top level.

`polyglot_news.cli.app` is the typer app with every command registered (imported on first
use). The `polyglot-news` entry point, `main()`, imports only the module of the command it
runs when argv names one, so `polyglot-news digest PAGE` does not pay for the other eight;
anything else (`--help`, no command, a misspelt one) gets the whole app.
"""

from __future__ import annotations

import gc
import importlib
import sys

# each module registers its commands on `app` when imported (one command or group, named as the
# module); keep this list in help order
COMMAND_MODULES = ["digest", "clean", "batch", "daily", "detect", "glossary", "translate", "models", "cache"]


_ONE_COMMAND = [False]  # set by `main`: this process ends when its command returns


def process_ends_with_command() -> bool:
    """True in the `polyglot-news` console script, whose process ends when its one command returns
    (not under a test runner or another caller of the typer app, which go on)."""
    return _ONE_COMMAND[0]


def load_commands(names: list[str] | None = None):
    """The typer app with the commands of `names` registered (default: all of them), in help order."""
    for name in COMMAND_MODULES if names is None else [n for n in COMMAND_MODULES if n in names]:
        importlib.import_module(f"{__name__}.{name}")
    typer_app = importlib.import_module(f"{__name__}.app").app
    if names is None:
        globals()["app"] = typer_app  # importing the submodule `app` bound that name to the module
    else:
        globals().pop("app", None)  # `cli.app` stays "every command": __getattr__ loads the rest
    return typer_app


def __getattr__(name: str):
    if name == "app":
        return load_commands()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Entry point of the `polyglot-news` console script."""
    first = sys.argv[1] if len(sys.argv) > 1 else ""
    # with one command registered typer would make it the whole program: it must stay a group
    typer_app = load_commands([first] if first in COMMAND_MODULES else None)
    if first in COMMAND_MODULES:
        typer_app.callback()(_no_options)
    _ONE_COMMAND[0] = True
    try:
        typer_app(prog_name="polyglot-news")
    finally:
        # the process ends here: the collection the interpreter makes at exit would rescan every
        # object the run's caches hold (0.3-0.4 CPU-s after a folder of 150 pages) to free nothing
        # that exiting does not free anyway
        gc.freeze()


def _no_options() -> None:
    """Offline English digests of scraped news in any language."""


__all__ = ["app", "load_commands", "main"]
