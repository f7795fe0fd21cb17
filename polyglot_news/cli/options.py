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
TRANSLATE = typer.Option(True, "--translate/--no-translate", help="Translate non-English text with installed Argos models.")
CACHE = typer.Option(True, "--cache/--no-cache", help="Use the persistent translation cache.")
GLOSSARY = typer.Option([], "--glossary", help="Extra glossary folder (repeatable).")
GLOB = typer.Option([], "--glob", help="Take files matching this glob instead of the usual suffixes (repeatable).")
EXCLUDE = typer.Option([], "--exclude", help="Leave out files or folders matching this glob (repeatable).")
