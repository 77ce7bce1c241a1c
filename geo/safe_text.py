"""Text from data, made fit to show: the one place that decides what a shown string may contain.

Names, addresses, area names and case texts come from files and people Zicht does not control.
Wherever they are shown (screen, map, printed page, HTML export) they are text and nothing else:
control characters (NUL and friends) and bidi overrides (which make 'gpj.exe' read as 'exe.jpg')
are dropped, runs of whitespace become one space, and the length is capped so one absurd value
cannot swamp a page. `html_text` is for pages that are HTML only (Leaflet tooltips, the HTML
export); HTML that a Markdown renderer also reads needs more (ui.text.md_html). It also turns
'{' into an entity: folium renders a map's scripts and then compiles them as a Jinja template
again, so '{{', '{%' or '{#' from data would be template code run on the server.
"""

from __future__ import annotations

import html
import re

MAX_CHARS = 1000  # a name, an address, a message
LONG_CHARS = 10_000  # a case description or note
ELLIPSIS = "…"

_DROP = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0/C1 control characters (tab, LF, CR are spacing)
    "\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069"  # bidi and invisible marks
    "\ufeff\ufff9-\ufffb]")
_SPACE = re.compile(r"\s+")
_SPACE_IN_LINE = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def plain(value: object, limit: int = MAX_CHARS, lines: bool = False) -> str:
    """The value as plain text: no control or bidi characters, at most `limit` characters.
    With `lines`, line breaks stay (at most one empty line in a row); otherwise one line."""
    if value is None:
        return ""
    text = _DROP.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n"))
    if lines:
        text = "\n".join(_SPACE_IN_LINE.sub(" ", line).strip() for line in text.split("\n"))
        text = _BLANK_LINES.sub("\n\n", text).strip("\n")
    else:
        text = _SPACE.sub(" ", text).strip()
    return cut(text, limit)


def cut(text: str, limit: int) -> str:
    """At most `limit` characters, the last one '…' when something was cut off."""
    return text if len(text) <= limit else text[: max(limit - 1, 0)].rstrip() + ELLIPSIS


def html_text(value: object, limit: int = MAX_CHARS, lines: bool = False) -> str:
    """The value as HTML text for a page no Markdown renderer reads; line breaks as <br>."""
    text = no_template(html.escape(plain(value, limit, lines)))
    return text.replace("\n", "<br>") if lines else text


def no_template(text: str) -> str:
    """No Jinja syntax left: every '{' an HTML entity (for ids and HTML that go into folium)."""
    return text.replace("{", "&#123;")
