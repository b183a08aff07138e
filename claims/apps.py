from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Claims and verification"

    def ready(self):
        from .permissions import ensure_roles

        post_migrate.connect(ensure_roles, sender=self)
