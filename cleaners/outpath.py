"""Output and state paths named on the command line, checked before any work starts."""

from __future__ import annotations

import os
from pathlib import Path


def writable_file(path: str, what: str, command: str) -> None:
    """Exit with one line if `path` cannot be a file written here (a folder, a FIFO, no permission).

    Nothing is created: missing folders are made later, by whatever writes the file.
    """
    problem = _problem(Path(path))
    if problem:
        raise SystemExit(f"kaznews {command}: {what} {path} {problem}")


def _problem(target: Path) -> str:
    if target.is_dir():
        return "is a folder: name a file"
    if target.exists():
        if not target.is_file() and not target.is_char_device():
            return "is not a regular file"
        return "" if os.access(target, os.W_OK) else "is not writable"
    folder = next((p for p in target.absolute().parents if p.exists()), Path("/"))
    if not folder.is_dir():
        return f"cannot be created: {folder} is not a folder"
    return "" if os.access(folder, os.W_OK) else f"cannot be created: {folder} is not writable"
