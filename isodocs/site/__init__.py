"""What the handbook site shows, as Markdown built from the repository model (no MkDocs here)."""
