"""The preview's speed machinery: what ``mkdocs serve`` remembers between rebuilds, which pages an edit
changed, the file watcher and the theme's file listing. Nothing here changes what a page says.
"""
