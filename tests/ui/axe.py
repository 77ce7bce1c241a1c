"""WCAG 2.1 AA checks with axe-core in the browser tests. axe-core comes from npm (pinned in
package.json) and is served by the app itself from static/vendor, like Leaflet: nothing is
fetched from elsewhere."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Frame, Page

AXE_PAD = "/app/static/vendor/axe-core/axe.min.js"
AXE_BESTAND = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ERNSTIG = {"serious", "critical"}

# Nodes Zicht cannot fix, each with why; never a whole rule. (Empty: every serious or critical
# violation axe found was Zicht's own and is fixed.)
UITGESLOTEN: list[list[str]] = []

_RUN = """async ([regels, uitgesloten]) => {
  const r = await axe.run({exclude: uitgesloten}, {
    runOnly: {type: 'tag', values: regels}, resultTypes: ['violations'], iframes: false});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ' ' + n.html.slice(0, 160))}));
}"""


def overtredingen(plek: Page | Frame, app: str) -> list[dict]:
    """The serious and critical WCAG 2.1 A/AA violations axe finds in this page or frame (an
    iframe such as the map is checked on its own: pass its Frame)."""
    if not plek.evaluate("typeof window.axe === 'object'"):
        plek.add_script_tag(url=f"{app}{AXE_PAD}")
    gevonden = plek.evaluate(_RUN, [WCAG_AA, UITGESLOTEN])
    return [v for v in gevonden if v["impact"] in ERNSTIG]


def rapport(naam: str, gevonden: list[dict]) -> str:
    regels = [f"{naam}: {len(gevonden)} ernstige of kritieke overtredingen"]
    for v in gevonden:
        regels.append(f"  {v['impact']} {v['id']}: {v['help']}")
        regels += [f"    {n}" for n in v["nodes"][:5]]
    return "\n".join(regels)
