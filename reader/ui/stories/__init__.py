"""The story room: the stories window (list in story mode, one story's view, similar articles)."""
