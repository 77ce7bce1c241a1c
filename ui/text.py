"""The one way the UI shows text from data: as text, never as Markdown or HTML.

Streamlit reads Markdown in st.markdown, st.caption, alerts, labels of expanders, buttons,
tabs, metrics and radio options, and page links; a company name there must not become a link,
an image from another host (which tells that host who looked at the card), a heading or an
icon. `md_escape` is for those calls, `md_html` for HTML the UI writes into st.markdown
(unsafe_allow_html: Markdown is still read around and inside that HTML), `html_text` for HTML
only a browser reads (Leaflet controls and tooltips), `plain` for places that show text
literally anyway (st.text, dataframe cells, selectbox options). All of them drop control and
bidi characters and cap the length (geo.safe_text decides what a shown string may contain).
"""

from __future__ import annotations

import re

from geo.safe_text import LONG_CHARS, MAX_CHARS, html_text, plain

__all__ = ["LONG_CHARS", "MAX_CHARS", "html_text", "md_escape", "md_html", "plain"]

WORD_JOINER = "\u2060"
# GitHub-flavoured Markdown turns http://…, www.… and name@host into links after parsing, on the
# decoded text, so no escape stops it; an invisible word joiner in the middle does.
_AUTOLINK = re.compile(r"(?i)\b(?:https?|ftp|mailto)(?=:)|\bwww(?=\.)|(?=@)")
_MD_SPECIAL = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")  # all ASCII punctuation (CommonMark)


def md_escape(value: object, limit: int = MAX_CHARS, lines: bool = False) -> str:
    """Text from data made inert for Markdown: every ASCII punctuation character is
    backslash-escaped, so no link, image, emphasis, heading, list, HTML, LaTeX, colour or icon
    directive can start in it, and addresses get a word joiner so they are no autolinks. With
    `lines`, its line breaks show as line breaks."""
    text = "".join(f"\\{c}" if c in _MD_SPECIAL else c for c in _shown(value, limit, lines))
    return text.replace("\n", "  \n") if lines else text


def md_html(value: object, limit: int = MAX_CHARS, lines: bool = False) -> str:
    """Text from data for HTML inside st.markdown: every ASCII punctuation character becomes a
    numeric entity, so neither the HTML nor the Markdown read around it finds markup, a link or
    an image. Line breaks as <br>."""
    text = "".join(f"&#{ord(c)};" if c in _MD_SPECIAL else c for c in _shown(value, limit, lines))
    return text.replace("\n", "<br>") if lines else text


def _shown(value: object, limit: int, lines: bool) -> str:
    return _AUTOLINK.sub(lambda m: m.group(0) + WORD_JOINER, plain(value, limit, lines))
