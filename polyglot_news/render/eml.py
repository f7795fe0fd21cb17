"""An RFC 5322 e-mail message with text/plain and text/html alternatives (stdlib `email`).

Header values are made one line (newlines and control characters become spaces) before
the stdlib's own checks, so text taken from articles cannot start a header of its own;
article text only ever reaches the bodies, which are MIME parts, not headers.
"""

from __future__ import annotations

from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from ..errors import ConfigError
from .labels import one_line

DEFAULT_SENDER = "polyglot-news <polyglot-news@localhost>"


def _address(value: str, option: str) -> str:
    """A From/To value on one line; ConfigError if the stdlib cannot parse it as addresses."""
    value = one_line(value)
    probe = EmailMessage(policy=SMTP)
    try:
        probe[option] = value
        if not probe[option].addresses or any(not isinstance(a, Address) or not a.addr_spec or "@" not in a.addr_spec for a in probe[option].addresses):
            raise ValueError(value)
    except (ValueError, TypeError, IndexError):
        raise ConfigError(f"{option} {value!r}: not an e-mail address") from None
    return value


def eml_message(
    subject: str,
    text: str,
    html: str,
    *,
    sender: str = DEFAULT_SENDER,
    to: str | None = None,
    when: datetime | None = None,
) -> bytes:
    """The message as bytes (CRLF line ends): From, To, Subject, Date, Message-ID, and two alternatives."""
    msg = EmailMessage(policy=SMTP)
    msg["From"] = _address(sender, "From")
    if to:
        msg["To"] = _address(to, "To")
    msg["Subject"] = one_line(subject)
    msg["Date"] = format_datetime((when or datetime.now()).astimezone())
    msg["Message-ID"] = make_msgid("polyglot-news", domain="localhost")
    # 8bit keeps the plain part readable in the .eml itself; only safe while every line is short
    short = all(len(line.encode("utf-8")) <= 990 for line in text.splitlines())
    msg.set_content(text, subtype="plain", charset="utf-8", cte="8bit" if short else None)
    msg.add_alternative(html, subtype="html", charset="utf-8")
    return msg.as_bytes()
