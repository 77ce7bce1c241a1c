"""Data is text, never markup: the one way text from data is shown (geo.safe_text, ui.text)
and the links Zicht makes itself (built from validated identifiers only)."""

from __future__ import annotations

import re
import string

import pytest

from geo.cards import bag_viewer
from geo.safe_text import MAX_CHARS, html_text, no_template, plain
from maps.layers import tooltip_html
from tests.security import markup_hostile as h
from ui.text import WORD_JOINER, md_escape, md_html

PAYLOADS = [*h.MARKUP, h.NUL, h.LONG, *h.FORMULAS, "a@b.example", "https://evil.example/x"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_from_data_has_every_punctuation_character_escaped(payload):
    unescaped = re.sub(r"\\.", "", md_escape(payload, lines=True), flags=re.S)
    assert not set(unescaped) & set(string.punctuation)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_inside_markdown_has_every_punctuation_character_as_an_entity(payload):
    bare = re.sub(r"&#\d+;|<br>", "", md_html(payload, lines=True))
    assert not set(bare) & set(string.punctuation)


def test_addresses_in_data_do_not_become_links():
    for text in ("http://evil.example/x", "HTTPS://evil.example", "www.evil.example", "a@b.example"):
        assert WORD_JOINER in md_escape(text) and WORD_JOINER in md_html(text)
    assert md_escape("Kapper Jansen") == "Kapper Jansen"


def test_invisible_and_control_characters_are_dropped():
    assert plain("a\x00b\u202ec\u2066d\u200be\x1bf") == "abcdef"
    assert plain("regel 1\r\nregel 2\n\n\n\nregel 3", lines=True) == "regel 1\nregel 2\n\nregel 3"
    assert plain("regel 1\nregel 2") == "regel 1 regel 2"


def test_length_is_capped_with_an_ellipsis():
    assert len(plain(h.LONG)) == MAX_CHARS and plain(h.LONG).endswith("…")
    assert len(md_escape(h.LONG)) <= 2 * MAX_CHARS
    assert plain("kort", 10) == "kort"


def test_html_text_escapes_and_leaves_no_template_syntax_for_folium():
    assert html_text('<img src=x onerror="a">') == "&lt;img src=x onerror=&quot;a&quot;&gt;"
    for payload in ("{{7*7}}", "{% raw %}", "{# x #}"):
        assert "{" not in html_text(payload) and "{" not in no_template(payload)
    assert "{" not in tooltip_html(h.TEMPLATE) and "<script>" not in tooltip_html(h.SCRIPT)


def test_bag_viewer_links_only_from_a_sixteen_digit_bag_id():
    assert bag_viewer("0637010000123456") == (
        "https://bagviewer.kadaster.nl/lvbag/bag-viewer/?objectId=0637010000123456")
    for bad in ("063701000012345", "06370100001234567", "0637010000123456&x=1",
                'javascript:alert(1)//0637010000123456', "０６３７０１００００１２３４５６", None, 637):
        assert bag_viewer(bad) is None
