"""`zicht demo`: generate Demostad's raw files and register them as ordinary sources.

The demo goes through the same loaders as real data: that is the point of it. Before the
current sources are registered, a snapshot of Demostad one month earlier is built (see
demo/vorige.py), so "Wat is er veranderd" has something to compare with.
"""

from __future__ import annotations

from pathlib import Path

from loaders.errors import InvoerFout
from loaders.sources import Bron, checksum, read_register, write_register

DEMO_FOLDER = "demo-bronnen"


def generate_and_register(data_dir: Path, scale: float, seed: int, vervang: bool,
                          report=None, vorige: bool = True) -> list[Bron]:
    """Generate Demostad, build the earlier snapshot (unless `vorige` is False) and register
    the current sources; the caller builds the current snapshot."""
    from demo import generate  # heavy; only needed here

    own = [b for b in read_register(data_dir) if not b.opties.get("demo")]
    if own and not vervang:
        raise InvoerFout("bronnen.json", "er zijn al eigen bronnen geregistreerd ("
                         + ", ".join(b.bron for b in own) + "); kies een andere ZICHT_DATA_DIR "
                         "voor de demo of geef --vervang")
    out = data_dir / DEMO_FOLDER
    out.mkdir(parents=True, exist_ok=True)
    say = report or (lambda _m: None)
    say(f"Demostad genereren (schaal {scale}, seed {seed})…")
    manifest = generate(out, scale=scale, seed=seed,
                        progress=lambda step, frac: say(f"  {step} ({frac:.0%})"))
    say(f"Demostad: peildatum {manifest['peildatum']} (de gegevens beschrijven die dag)")
    if vorige:
        _build_previous(data_dir, out, manifest, say)
    bronnen = [_bron(out, item, manifest) for item in manifest["bronnen"]]
    write_register(data_dir, bronnen)
    return bronnen


def _build_previous(data_dir: Path, out: Path, manifest: dict, say) -> None:
    from demo import vorige
    from loaders.pipeline import build

    say(f"Vorige snapshot bouwen (Demostad op {vorige.PEILDATUM_VORIGE})…")
    items = vorige.derive(out, manifest)
    write_register(data_dir, [_bron(out, item, manifest) for item in items])
    build(data_dir, events=lambda e: say(f"  {e.tekst()}"))


def _bron(out: Path, item: dict, manifest: dict) -> Bron:
    opties = {**item.get("opties", {}), "demo": True}
    path = (out / item["pad"]).resolve()
    bron = Bron(bron=item["bron"], soort=item["soort"], pad=str(path),
                peildatum=item.get("peildatum", manifest["peildatum"]), opties=opties,
                checksum=checksum(path))
    if bron.rol == "bag":
        opties["gemeentenaam"] = manifest["gemeentenaam"]
    return bron
