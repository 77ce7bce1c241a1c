"""The `zicht` command: mounts the commands of demo/, loaders/ and cases/. Nothing else.

`zicht` (the console script) and `python -m cli` both run `main`.
"""

from __future__ import annotations

import argparse
import sys

from cases import cli as cases_cli
from demo import cli as demo_cli
from loaders import cli as loaders_cli


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="zicht", description="BAG en KVK op één kaart.")
    sub = p.add_subparsers(dest="command", required=True)
    demo_cli.add_parser(sub)
    loaders_cli.add_parsers(sub)
    cases_cli.add_parsers(sub)  # retentie, audit, gebruiker toevoegen
    return p


def main(argv: list[str] | None = None) -> int:
    return loaders_cli.run(parser().parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
