"""The command's entry point, kept apart from cli.py so that Ctrl-C is answered from the first instant:
while typer, rich and pydantic are still being imported, an interrupt ends the run with one line and 130."""

import os
import sys

EXIT_INTERRUPTED = 130  # as in cli.py, which cannot be imported yet when this is needed


def main() -> None:
    try:
        from claimtrack.cli import main as run_command
    except KeyboardInterrupt:
        sys.stderr.write("Error: interrupted while starting; nothing was read and no output file was written\n")
        sys.stderr.flush()
        os._exit(EXIT_INTERRUPTED)
    run_command()
