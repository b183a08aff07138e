"""The Workbench JSON schema's name and version, which the writer stamps on every file and the check
demands. docs/export-json.md describes every field; bump VERSION when a field changes meaning or
disappears (adding one does not)."""

SCHEMA = "workbench-article"
VERSION = 1
