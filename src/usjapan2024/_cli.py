"""The command line: a summary of the bundled dataset (more subcommands to come)."""

from __future__ import annotations

import argparse
import sys

from usjapan2024._loading import load
from usjapan2024._summary import summary

__all__ = ["run"]


def _parser() -> argparse.ArgumentParser:
    from usjapan2024 import __version__  # noqa: PLC0415

    parser = argparse.ArgumentParser(
        prog="usjapan2024",
        description="The Japan-U.S. 2+2 communiqué of 28 July 2024 as typed data.",
        epilog="example: usjapan2024 summary",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "summary",
        help="print the meeting, its participants and record counts (the default)",
        description="Print the meeting, its participants, record counts and errata.",
        epilog="example: usjapan2024 summary",
    )
    return parser


def run(argv: list[str]) -> int:
    """Parse ``argv`` and run the chosen subcommand; return the exit status."""
    _parser().parse_args(argv)
    sys.stdout.write(summary(load()) + "\n")
    return 0
