from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.importing.metadata import ImportRefused, Metadata
from claims.importing.pipeline import FORMATS, import_and_suggest


def iso_date(value):
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--published must be a date as YYYY-MM-DD, not {value!r}.") from None


class Command(BaseCommand):
    help = (
        "Import an article file (text, Markdown, HTML or Word), or restore a Workbench JSON export with its "
        "claims and labels, and print the new article's id."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--format", default="auto", help=f"auto (default) or one of: {', '.join(FORMATS)}")
        parser.add_argument("--title", default="")
        parser.add_argument("--outlet", default="")
        parser.add_argument("--language", default="en")
        parser.add_argument("--url", default="")
        parser.add_argument("--published", default=None, help="YYYY-MM-DD")

    def handle(self, *args, **options):
        path = Path(options["path"])
        published = iso_date(options["published"]) if options["published"] else None
        try:
            data = path.read_bytes()
        except IsADirectoryError:
            raise CommandError(f"{path} is a directory, not a file.") from None
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        meta = Metadata(
            title=options["title"],
            outlet=options["outlet"],
            url=options["url"],
            published=published,
            language=options["language"],
        )
        try:
            article, suggested = import_and_suggest(data, filename=path.name, fmt=options["format"], meta=meta)
        except ImportRefused as refusal:
            raise CommandError(str(refusal)) from None
        count = article.sentences.count()
        self.stdout.write(
            f"Imported {article.title!r}: {count} sentences, {suggested} suggested attributions, "
            f"published {article.published or 'unknown'}."
        )
        self.stdout.write(str(article.pk))
