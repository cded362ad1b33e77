"""The window shell: the main window that holds the rooms, its settings, and its background work."""
