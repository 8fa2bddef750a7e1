"""The ``newsprobe`` command's entry point.

Importing the CLI takes seconds (it brings in the detector and the web service), and a
Ctrl-C in that time would otherwise print an import traceback instead of "interrupted".
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from newsprobe.cli import main as cli_main
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    cli_main()
