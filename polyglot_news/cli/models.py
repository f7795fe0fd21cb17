"""`polyglot-news models list|install|remove`: the Argos Translate packages translation uses."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ..errors import ModelError
from ..text.languages import language_name
from .app import group, reports_errors

models_app = group("models", "List, install and remove translation models (Argos Translate packages).")

DIR_HELP = "Packages folder (default: $ARGOS_PACKAGES_DIR, else ~/.local/share/argos-translate/packages)."


@models_app.command("list")
@reports_errors
def list_command(
    dir: Optional[Path] = typer.Option(None, "--dir", help=DIR_HELP),
    available: bool = typer.Option(False, "--available", help="Also ask the Argos index what can be installed (network, 5 s timeout)."),
) -> None:
    """Show the installed translation packages (and, with --available, the index).

    Example: polyglot-news models list --available
    """
    from ..translate import models

    root = models.packages_dir(dir)
    packages = models.installed_packages(dir, include_broken=True)
    typer.echo(f"installed in {root}:")
    if not packages:
        typer.echo("  (none)")
    for p in packages:
        state = f"  BROKEN: {p.problem}" if p.problem else ""
        pair = p.pair if p.from_code else "?"
        typer.echo(f"  {pair:<8} {language_name(p.from_code):<22} {p.version:<6} {p.path.name}{state}")
    if available:
        entries = models.index_packages()
        typer.echo("available from the Argos index (to English):")
        for e in sorted(entries, key=lambda e: e.get("from_code", "")):
            if e.get("to_code") == "en":
                typer.echo(f"  {e.get('from_code')}->en   {e.get('from_name', '')}  {e.get('package_version', '')}")


@models_app.command("install")
@reports_errors
def install_command(
    langs: list[str] = typer.Argument(None, help="Language codes to install X->en models for (network)."),
    file: list[Path] = typer.Option([], "--file", help="Install from a local .argosmodel file (offline; repeatable)."),
    dir: Optional[Path] = typer.Option(None, "--dir", help=DIR_HELP),
) -> None:
    """Install translation models from the Argos index (online) or from .argosmodel files.

    Example: polyglot-news models install ru uk
    Example: polyglot-news models install --file translate-ru_en-1_9.argosmodel
    """
    from ..translate import models

    langs = langs or []
    if not langs and not file:
        raise ModelError("name a language (polyglot-news models install ru) or a file (--file X.argosmodel)")
    codes = [models.check_language(code) for code in langs]
    for path in file:
        pkg = models.install_file(path, dir)
        typer.echo(f"installed {pkg.pair} from {path} into {pkg.path}")
    for code in codes:
        from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

        with Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(),
                      TransferSpeedColumn(), transient=True) as progress:
            task = progress.add_task(f"downloading {code}->en", total=None)
            pkg = models.install_from_index(code, dir, lambda done, total: progress.update(task, completed=done, total=total))
        typer.echo(f"installed {pkg.pair} into {pkg.path}")


@models_app.command("remove")
@reports_errors
def remove_command(
    lang: str = typer.Argument(..., help="Language code whose X->... packages to remove."),
    dir: Optional[Path] = typer.Option(None, "--dir", help=DIR_HELP),
) -> None:
    """Remove the installed packages that translate from a language.

    Example: polyglot-news models remove ru
    """
    from ..translate import models

    for pkg in models.remove(lang, dir):
        typer.echo(f"removed {pkg.pair} ({pkg.path})")
