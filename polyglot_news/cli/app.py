"""The typer app and the one rule every command follows: user errors are one line, not a traceback."""

from __future__ import annotations

import functools
import sys
from typing import Callable

import typer

from ..errors import PolyglotError
from .coercion import PlainFirstCommand, PlainFirstGroup

app = typer.Typer(
    cls=PlainFirstGroup,
    name="polyglot-news",
    help="Offline English digests of scraped news in any language.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def fail(message: str, code: int = 1) -> None:
    """Print `polyglot-news: error: message` on stderr and exit with `code`."""
    # messages name files, and a file name may hold newlines or terminal escapes
    safe = " ".join("".join(" " if ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 else ch for ch in message).split())
    print(f"polyglot-news: error: {safe}", file=sys.stderr)
    raise typer.Exit(code)


def cli_source(path: str):
    """What a path argument names: `-` for stdin, else always a file path (never text, whatever it holds)."""
    from pathlib import Path

    return "-" if path == "-" else Path(path)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush on the way out cannot fail again."""
    import os

    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def reports_errors(func: Callable) -> Callable:
    """Wrap a command so PolyglotError becomes one stderr line and its exit code."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except PolyglotError as e:
            fail(str(e), e.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except BrokenPipeError:
            raise typer.Exit(0)
        except OSError as e:  # the environment (a full disk under stdout or an output file), not our bug
            _silence_stdout()
            where = f"{e.filename}: " if e.filename else "cannot write the output: "
            fail(f"{where}{e.strerror or e}")

    return wrapper


def command(*args, **kwargs) -> Callable:
    """`@command()` registers a top-level command on `app` with `reports_errors` applied."""

    def register(func: Callable) -> Callable:
        kwargs.setdefault("cls", PlainFirstCommand)
        app.command(*args, **kwargs)(reports_errors(func))
        return func

    return register


def group(name: str, help: str) -> typer.Typer:
    """A sub-command group (`polyglot-news NAME ...`) registered on `app`."""
    sub = typer.Typer(cls=PlainFirstGroup, help=help, no_args_is_help=True, rich_markup_mode=None)
    app.add_typer(sub, name=name)
    return sub
