"""The repository model: documents, configuration, catalogs, findings, dates."""
