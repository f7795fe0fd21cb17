"""Options that several commands share (digest, batch, daily), declared once so they stay alike."""

from __future__ import annotations

import typer

SENTENCES = typer.Option(3, "--sentences", "-n", min=1, help="Summary length in sentences.")
WORDS = typer.Option(None, "--words", min=1, help="Summary length in words (instead of sentences).")
RATIO = typer.Option(None, "--ratio", min=0.01, max=1.0, help="Summary length as a share of the article's sentences.")
ALGORITHM = typer.Option(
    "news", "--algorithm", "-a",
    help="Summariser: news (ours), lead, lexrank, textrank, lsa, luhn, edmundson, kl, sumbasic, reduction.",
)
TRANSLATE = typer.Option(
    "summary", "--translate", metavar="summary|all|none",
    help="What goes to the translation model: summary (the title, the summary chosen in the article's own "
    "language, quoted UI strings, glossary terms), all (every title, body and UI line), none.",
)
NO_TRANSLATE = typer.Option(False, "--no-translate", help="Same as --translate none.")
CACHE = typer.Option(True, "--cache/--no-cache", help="Use the persistent translation cache.")
GLOSSARY = typer.Option([], "--glossary", help="Extra glossary folder (repeatable).")
GLOB = typer.Option([], "--glob", help="Take files matching this glob instead of the usual suffixes (repeatable).")
EXCLUDE = typer.Option([], "--exclude", help="Leave out files or folders matching this glob (repeatable).")
