"""Qarin (قارِن): compare Arabic news reports side by side."""

__version__ = "0.1.0"
