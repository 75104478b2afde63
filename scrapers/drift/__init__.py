"""Layout drift repair: induce a `Layout` from a few pages of one outlet (`kaznews profile suggest|new`).

The cleaners library stays pure; this tooling package reads pages, aligns what the generic path and
the page metadata find with DOM nodes, keeps the selectors that hold on every page, and renders the
result as profile source (docs/drift-repair.md).
"""
