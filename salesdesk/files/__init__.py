"""Adapters for files people bring and take away: spreadsheets in, spreadsheets and CSV out.

Services call these; they know nothing of the database, and the window never calls them
directly.
"""
