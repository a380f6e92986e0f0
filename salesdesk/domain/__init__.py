"""Plain-Python core: entities, requisites and phone rules, completeness, reminders.

Nothing here imports Qt or SQLAlchemy, so every face (window, command line, import) and every
store (SQLite, PostgreSQL) shares the same rules.
"""
