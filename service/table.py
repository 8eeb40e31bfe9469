"""Readable terminal output of a result, with rich."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

COLOURS = {"supported": "green", "refuted": "red", "partially_supported": "yellow", "outdated": "magenta",
           "unverifiable": "bright_black"}


def print_table(result: dict, console: Console | None = None) -> None:
    """Print each claim with its verdict and explanation, then the summary."""
    console = console or Console()
    table = Table(title=f"claimcheck: reference {result['reference_version']}", show_lines=True)
    for col in ("#", "type", "claim", "verdict", "explanation"):
        table.add_column(col, overflow="fold")
    for c in result["claims"]:
        label = c["verdict"]["label"]
        table.add_row(c["id"], c["type"], c["text"], f"[{COLOURS.get(label, 'white')}]{label}[/]",
                      c["verdict"]["explanation"])
    console.print(table)
    summary = ", ".join(f"{k}: {v}" for k, v in result["summary"].items() if v)
    console.print(f"{len(result['claims'])} claims" + (f" ({summary})" if summary else ""))
    for w in result.get("warnings", []):
        console.print(f"[yellow]warning:[/] {w}")
