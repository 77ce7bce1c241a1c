"""Text that comes from data, made safe for a printed page: one line, bounded length.

matplotlib renders text literally here (the renderers switch off mathtext, so a '$' in a
company name is just a dollar sign); these helpers keep long or odd names from breaking the
layout: whitespace and control characters collapse, long labels are cut with an ellipsis.
"""

from __future__ import annotations

import textwrap

from matplotlib import patheffects

from geo.safe_text import LONG_CHARS, cut, plain


def clean(text) -> str:
    """One line of plain text: no control or bidi characters, runs of whitespace one space."""
    return plain(text, LONG_CHARS)


def short(text, limit: int) -> str:
    """At most `limit` characters, cut with '…'."""
    return cut(clean(text), max(limit, 2))


def wrap(text, width: int, max_lines: int) -> list[str]:
    """Wrapped lines of at most `width` characters; beyond `max_lines` the last ends in '…'.
    Words longer than a line are broken."""
    lines = textwrap.wrap(clean(text), width=width, break_long_words=True,
                          break_on_hyphens=False) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = short(lines[-1] + " …", width)
    return lines


def text_with_halo(ax, x, y, text: str, halo: float = 1.5, **style):
    """Text with a white outline behind it, readable over buildings and cells.

    The outline is a second, white copy drawn as a path underneath; the text itself stays real
    text in a PDF (searchable, extractable), which a path effect on it would not."""
    under = {k: v for k, v in style.items() if k not in ("color", "zorder")}
    ax.text(x, y, text, color="white", zorder=style.get("zorder", 6) - 0.01,
            path_effects=[patheffects.withStroke(linewidth=halo, foreground="white")], **under)
    return ax.text(x, y, text, **style)
