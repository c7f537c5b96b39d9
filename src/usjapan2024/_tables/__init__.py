"""The relational view of a meeting and its writers: flat rows, tables, the Data Package, SQLite."""
