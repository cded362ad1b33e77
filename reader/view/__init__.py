"""The window's model without Qt: what the panes show, where the differences are, the actions, and
the comparisons run in child processes. Built and tested without a display; `reader.ui` draws it
(napari keeps its models in `components/` and its Qt in `_qt/` the same way)."""
