"""From a file to checked records, and back.

The cattrs converter, the document-level checks, loading and dumping, the consistency
and type checks, and the JSON Schema of the format.
"""
