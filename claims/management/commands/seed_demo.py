from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from claims.importing.metadata import ImportRefused, Metadata
from claims.importing.pipeline import import_and_suggest
from claims.permissions import ADMIN, EDITOR, REVIEWER, ensure_roles

SEEDS_DIR = Path(settings.BASE_DIR) / "seeds"
DEMO_PASSWORD = "workbench-demo"
# Seed file name -> what the file itself does not say.
SEED_METADATA = {
    "000_3ebd80acff131b37.txt": Metadata(title="Armed Russian groups start combat operation in Belgorod Oblast")
}


class Command(BaseCommand):
    help = "Load every article in seeds/ (once) and the demo accounts editor, reviewer and admin."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo creates accounts with a known password; it is refused when DEBUG is off.")
        with transaction.atomic():
            ensure_roles()
            accounts = self.create_accounts()
            loaded = [self.load(path, by=accounts["editor"]) for path in sorted(SEEDS_DIR.glob("*.*"))]
        new = sum(1 for article in loaded if article)
        self.stdout.write(
            f"Demo accounts: editor, reviewer, admin (password {DEMO_PASSWORD}); {new} new seed articles."
        )

    def create_accounts(self):
        User = get_user_model()
        accounts = {}
        roles = [("editor", EDITOR, False), ("reviewer", REVIEWER, False), ("admin", ADMIN, True)]
        for username, group, is_admin in roles:
            user, created = User.objects.get_or_create(username=username)
            if created:
                user.set_password(DEMO_PASSWORD)
            user.is_staff = user.is_superuser = is_admin
            user.save()
            user.groups.add(Group.objects.get(name=group))
            accounts[username] = user
        return accounts

    def load(self, path, *, by):
        """Import one seed file unless an article with the same text exists already."""
        meta = SEED_METADATA.get(path.name, Metadata())
        try:
            article, _ = import_and_suggest(
                path.read_bytes(), filename=path.name, meta=meta, by=by, skip_known_text=True
            )
        except ImportRefused as refusal:
            raise CommandError(f"{path.name}: {refusal}") from None
        return article
