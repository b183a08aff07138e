"""The import pipeline, one module per step:

- metadata.py: what the importer is told besides the file, ImportRefused, and the language-code and
  http(s) address checks;
- conversion/: bytes -> text, title and date (format sniffing, charset decoding, sanitised HTML,
  the HTML cost guard, Markdown, Word);
- canonical.py and scraped_headers.py: the one canonical text form, minus a scraper's header;
- pipeline.py: import_article() saves the article and its sentences in one transaction, and
  import_and_suggest() adds the attribution suggestions: the call the web form and commands make.

A Workbench JSON export is checked and saved by claims/exporting/workbench_json/, beside its writer.
This module imports nothing, so that the restore code can use metadata.py without a cycle."""
