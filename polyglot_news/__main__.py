"""`python -m polyglot_news` is the same as the `polyglot-news` command."""

from .cli import main

main()
