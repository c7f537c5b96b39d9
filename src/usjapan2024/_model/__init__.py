"""The model's own facts, read off the classes: their fields, kinds of record and filters.

Every other layer asks this one what a class holds rather than walking type hints itself.
"""
