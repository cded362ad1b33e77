"""Bundled data: fonts, icons, translations (read with importlib.resources)."""
