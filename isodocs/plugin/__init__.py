"""The MkDocs plugin `isodocs`: a thin shell that publishes the repository model as a handbook."""
