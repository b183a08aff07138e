"""Workbench JSON: a full, versioned copy of an annotated article (docs/export-json.md) and its way
back in, kept together:

- schema.py: the schema's name and version;
- writer.py: render(), the export format "json";
- check.py: read(), which parses a file and checks every field before anything is written;
- save.py: restore(), which saves a checked file as a new article in one transaction (called by
  claims.importing.pipeline.import_article for fmt "json")."""
