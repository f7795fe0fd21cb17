"""`daily`: one email-ready file for a day's articles, the same story told once.

    day = daily_digest("scraped/", date(2026, 11, 27))
    Path("today.txt").write_text(render_day(day, "text"))
"""

from .dates import article_date, date_in_path, parse_day
from .day import daily_digest, day_eml, day_from_digests, day_glossary, render_day
from .stories import similarity, story_groups

__all__ = ["daily_digest", "day_eml", "day_from_digests", "day_glossary", "render_day", "article_date",
           "date_in_path", "parse_day", "similarity", "story_groups"]
