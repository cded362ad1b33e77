"""The library room: the article list, importing (menus, drops, paste), removed lines, text loading."""
