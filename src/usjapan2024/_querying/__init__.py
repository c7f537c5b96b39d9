"""Answering questions of a loaded meeting: indexes, typed results, and the diff of two files."""
