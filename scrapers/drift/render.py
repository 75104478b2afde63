"""Profile source from the dataclasses themselves: only non-default fields, so new fields need no change here."""

from __future__ import annotations

import importlib.util
import re
from dataclasses import MISSING, Field, fields, is_dataclass
from pathlib import Path
from typing import Any

from cleaners.profiles import Layout, SiteProfile

from .errors import SuggestError

INDENT = 4
WIDTH = 110  # a value longer than this is split over lines
_LAYOUTS = re.compile(r"^([ \t]*)layouts=\([ \t]*\n", re.MULTILINE)


def _string(text: str) -> str:
    """A double-quoted literal, as the profile files write them (single quotes when the text has `"`)."""
    literal = repr(text)
    if literal.startswith("'") and '"' not in text:
        literal = '"' + literal[1:-1].replace("\\'", "'") + '"'
    return literal


def _is_default(spec: Field[Any], value: object) -> bool:
    if spec.default is not MISSING:
        return value == spec.default
    if spec.default_factory is not MISSING:
        return value == spec.default_factory()
    return False


def render(value: object, indent: int = 0) -> str:
    """Python source of a value: dataclasses (non-default fields only), tuples, dicts, strings, numbers."""
    pad, inner = " " * indent, " " * (indent + INDENT)
    if is_dataclass(value) and not isinstance(value, type):
        items = [(f.name, getattr(value, f.name)) for f in fields(value) if not _is_default(f, getattr(value, f.name))]
        name = type(value).__name__
        flat = f"{name}({', '.join(f'{k}={render(v)}' for k, v in items)})"
        if len(flat) + indent <= WIDTH and "\n" not in flat:
            return flat
        body = "".join(f"{inner}{k}={render(v, indent + INDENT)},\n" for k, v in items)
        return f"{name}(\n{body}{pad})"
    if isinstance(value, tuple):
        parts = [render(v, indent + INDENT) for v in value]
        flat = "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
        if len(flat) + indent <= WIDTH and "\n" not in flat:
            return flat
        return "(\n" + "".join(f"{inner}{p},\n" for p in parts) + f"{pad})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{render(k)}: {render(v)}" for k, v in value.items()) + "}"
    if isinstance(value, str):
        return _string(value)
    return repr(value)


def _imports(profile_source: str) -> str:
    names = [n for n in ("Edition", "Layout", "SiteProfile") if f"{n}(" in profile_source]
    lines = [f"from cleaners.profiles import {', '.join(names)}"]
    if "FilterRules(" in profile_source:
        lines.append("from cleaners.textfilters import FilterRules")
    return "\n".join(lines)


def load_profile(path: Path) -> SiteProfile:
    """The PROFILE a profile file defines (imported from the file itself, not from the registry)."""
    spec = importlib.util.spec_from_file_location(f"kaznews_profile_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise SuggestError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # noqa: BLE001 - any failure of the written file is reported, and undone
        raise SuggestError(f"{path} does not load after the edit: {type(exc).__name__}: {exc}") from exc
    profile = getattr(module, "PROFILE", None)
    if not isinstance(profile, SiteProfile):
        raise SuggestError(f"{path} defines no PROFILE")
    return profile


def with_new_layout(source: str, layout: Layout) -> str:
    """The profile file's text with `layout` first in its `layouts=(` tuple."""
    found = _LAYOUTS.search(source)
    if found is None:
        raise SuggestError("the profile file has no `layouts=(` line to add the layout under")
    indent = len(found[1].expandtabs()) + INDENT
    block = " " * indent + render(layout, indent) + ",\n"
    return source[: found.end()] + block + source[found.end() :]


def write_layout(path: Path, layout: Layout) -> None:
    """Add `layout` as the newest layout of the profile file; undone unless the file then loads with it."""
    before = path.read_text(encoding="utf-8")
    path.write_text(with_new_layout(before, layout), encoding="utf-8")
    try:
        loaded = load_profile(path)
        if loaded.layouts[0] != layout:
            raise SuggestError(f"{path}: the written layout does not read back as the suggested one")
    except SuggestError:
        path.write_text(before, encoding="utf-8")
        raise


def profile_file(profile: SiteProfile, doc: str) -> str:
    """A complete profile module: docstring, imports and PROFILE."""
    source = render(profile)
    return f'"""{doc}"""\n{_imports(source)}\n\nPROFILE = {source}\n'
