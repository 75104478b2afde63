"""One module per outlet, one spider class per language edition (see scrapers/base.py)."""
