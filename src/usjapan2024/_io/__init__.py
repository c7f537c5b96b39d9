"""Bytes in and out: the source text (reading, digests, locating quotes) and safe writes."""
