"""Reading and writing the user's files: YAML, fences, front matter, schemas, edits, atomic writes."""
