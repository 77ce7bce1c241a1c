"""ui.components.legend: class labels, LQ classes and escaping of the in-map legend."""

from ui.components.legend import Legenda, Rij, html_legenda, klasse_labels, klassen, lq_klassen


def test_klasse_labels():
    assert klasse_labels([]) == []
    assert klasse_labels([1, 5, 1234]) == ["1", "2–5", "6–1.234"]
    assert klasse_labels([0.5, 2.25], decimalen=1) == ["0,0–0,5", "0,6–2,2"]


def test_sequential_classes_show_zero_and_unknown_apart():
    teksten = [r.tekst for r in klassen([3, 9], nul=True, onbekend="inwoners onbekend")]
    assert teksten == ["0", "1–3", "4–9", "inwoners onbekend"]
    assert [r.tekst for r in klassen([3], nul=False)] == ["1–3"]


def test_lq_classes_explain_the_extremes():
    teksten = [r.tekst for r in lq_klassen("geen LQ")]
    assert teksten[0].startswith("minder dan 0,5") and "oververtegenwoordigd" in teksten[4]
    assert teksten[-1] == "geen LQ"


def test_every_text_is_escaped():
    html = html_legenda([Legenda("<b>kop</b>", [Rij("punt", "#fff", "<img src=x>")],
                                 ["a & b"])])
    assert "<img" not in html and "&lt;img src=x&gt;" in html
    assert "&lt;b&gt;kop&lt;/b&gt;" in html and "a &amp; b" in html


def test_empty_parts_are_left_out():
    assert html_legenda([Legenda("Niets")]) == ""
