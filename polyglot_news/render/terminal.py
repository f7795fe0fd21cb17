"""The terminal view (rich): title, source, site, languages, summary, glossary table, notes.

Article text goes in as `rich.text.Text`, never as markup, so brackets in a title stay
brackets. rich drops colour and control codes when stdout is not a terminal and honours
`NO_COLOR`; we keep that by letting rich decide unless a console is passed in.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from ..model import Digest
from .labels import display_title, languages_line, one_line, summary_heading


def digest_renderable(digest: Digest) -> Group:
    """The rich renderable for one digest (what `write_terminal` prints)."""
    a = digest.article
    parts: list = [Rule(Text(display_title(digest), style="bold"), align="left")]
    meta = Table.grid(padding=(0, 1))
    meta.add_column(style="dim", no_wrap=True)
    meta.add_column()
    meta.add_row("Source", Text(one_line(a.source)))
    if a.site:
        meta.add_row("Site", Text(one_line(a.site)))
    meta.add_row("Languages", Text(languages_line(digest)))
    parts += [meta, Text("")]
    parts.append(Text(summary_heading(digest), style="bold underline"))
    if digest.summary:
        items = Table.grid(padding=(0, 1, 0, 0))
        items.add_column(justify="right", style="bold", no_wrap=True)
        items.add_column()
        for i, s in enumerate(digest.summary, 1):
            items.add_row(f"{i}.", Text(one_line(s.text)))
        parts.append(Padding(items, (0, 0, 0, 1)))
    else:
        parts.append(Text("No summary: the article has no English text to summarise.", style="italic"))
    if digest.glossary:
        table = Table(title="Key terms", title_justify="left", title_style="bold underline", show_edge=False, pad_edge=False, box=box.SIMPLE_HEAD)
        with_original = any(t.original and t.original != t.term for t in digest.glossary)
        table.add_column("Term", style="bold")
        if with_original:
            table.add_column("Original")
        table.add_column("Kind", style="dim")
        table.add_column("Mentions", justify="right")
        for t in digest.glossary:
            original = [Text(one_line(t.original) if t.original and t.original != t.term else "")] if with_original else []
            table.add_row(Text(one_line(t.term)), *original, Text(t.kind), str(t.mentions))
        parts += [Text(""), table]
    if digest.notes:
        parts += [Text(""), Text("Notes", style="bold underline")]
        notes = Table.grid(padding=(0, 1, 0, 0))
        notes.add_column(no_wrap=True)
        notes.add_column(style="yellow")
        for n in digest.notes:
            notes.add_row("-", Text(one_line(n)))
        parts.append(Padding(notes, (0, 0, 0, 1)))
    return Group(*parts)


def write_terminal(digest: Digest, console: Console | None = None) -> None:
    """Print one digest on `console` (default: stdout, colour only on a terminal without NO_COLOR)."""
    console = console or Console(highlight=False)
    console.print(digest_renderable(digest))
    console.print()
