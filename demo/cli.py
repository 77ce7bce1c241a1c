"""`zicht demo`: generate Demostad, register its files as ordinary sources and build a snapshot."""

from __future__ import annotations

from demo import sources
from geo.db import data_dir
from loaders import cli as loaders_cli


def add_parser(sub) -> None:
    demo = sub.add_parser("demo", help="maak de fictieve demogemeente Demostad en bouw een snapshot")
    demo.add_argument("--scale", type=float, default=1.0, help="1 = ca. 60.000 adressen")
    demo.add_argument("--seed", type=int, default=42)
    demo.add_argument("--vervang", action="store_true",
                      help="vervang eigen geregistreerde bronnen door de demo")
    demo.set_defaults(func=_demo)


def _demo(args) -> None:
    sources.generate_and_register(data_dir(), args.scale, args.seed, args.vervang,
                                  report=loaders_cli.say)
    loaders_cli.build(args)
