"""What a person sees: notebook displays, summaries, terminal tables, quotes in context, links."""
