"""The comparison room: two reading panes, their highlighting, the link bands, rulers and find bar."""
