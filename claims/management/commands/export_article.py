from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.exporting import FORMATS, export_article
from claims.models import Article


class Command(BaseCommand):
    help = "Export an annotated article: html, md, csv, json, webannotation, claimreview or docx."

    def add_arguments(self, parser):
        parser.add_argument("article_id", type=int)
        parser.add_argument("--format", required=True, choices=sorted(FORMATS))
        parser.add_argument("-o", "--output", help="file to write; standard output when left out (text formats only)")
        parser.add_argument(
            "--labels",
            choices=["approved", "all"],
            help="approved labels only, or all claims with their state (default: approved for html and md)",
        )

    def handle(self, *args, **options):
        fmt = FORMATS[options["format"]]
        if fmt.binary and not options["output"]:
            raise CommandError(f"{fmt.label} is a binary format: give a file with -o.")
        if not Article.objects.filter(pk=options["article_id"]).exists():
            raise CommandError(f"There is no article with id {options['article_id']}.")
        approved_only = {"approved": True, "all": False}.get(options["labels"])
        content = export_article(options["article_id"], fmt.name, approved_only=approved_only)
        if options["output"]:
            try:
                Path(options["output"]).write_bytes(content)
            except OSError as error:
                raise CommandError(f"Cannot write {options['output']}: {error.strerror}.") from None
            self.stderr.write(f"Wrote {len(content):,} bytes to {options['output']}.")
        else:
            self.stdout.write(content.decode("utf-8"), ending="")
