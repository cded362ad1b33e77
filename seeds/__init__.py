"""The five sample articles loaded into an empty library (read with importlib.resources)."""
