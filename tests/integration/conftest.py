"""Real SQLite files in tmp_path, opened the way the program opens them: the fixtures (db_path,
database, uow, add_client) live in tests/conftest.py, shared with the window and reliability suites."""
