"""Publishing: a reviewer puts an article's approved verdicts on a public page for readers (views/public.py)
at /fact-checks/<slug>/, and can take it down again. The slug is chosen at the first publication and kept,
so the links aggregators hold keep working; the first publication's date is the one corrections are
counted from."""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.text import slugify

from .articles import Article
from .errors import EditRefused
from .history import HistoryEntry

USER = settings.AUTH_USER_MODEL
SLUG_WORDS = 60  # characters of the title in the slug; the article id after it keeps it unique


class Publication(models.Model):
    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="publication")
    slug = models.SlugField(max_length=80, unique=True)
    published_at = models.DateTimeField()  # the first publication
    published_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    withdrawn_at = models.DateTimeField(null=True, blank=True)  # unpublished since then

    def __str__(self):
        return self.slug

    @property
    def is_live(self):
        return self.withdrawn_at is None

    def history_about(self):
        return {"article_id": self.article_id}

    @staticmethod
    def slug_for(article):
        return f"{slugify(article.title)[:SLUG_WORDS].strip('-') or 'article'}-{article.pk}"

    @classmethod
    def publish(cls, article, *, by):
        """Put the article's public page up (again); EditRefused when it is up already."""
        with transaction.atomic():
            publication = cls.objects.select_for_update().filter(article=article).first()
            if publication is not None and publication.is_live:
                raise EditRefused("This article is published already.")
            if publication is None:
                publication = cls.objects.create(
                    article=article, slug=cls.slug_for(article), published_at=timezone.now(), published_by=by
                )
            else:
                publication.withdrawn_at = None
                publication.save(update_fields=["withdrawn_at"])
            HistoryEntry.record(actor=by, action=HistoryEntry.Action.PUBLISHED, obj=publication)
        return publication

    def unpublish(self, *, by):
        """Take the public page down (it answers 404); EditRefused when it is down already."""
        with transaction.atomic():
            live = Publication.objects.filter(pk=self.pk, withdrawn_at__isnull=True)
            if not live.update(withdrawn_at=timezone.now()):
                raise EditRefused("This article is not published.")
            HistoryEntry.record(actor=by, action=HistoryEntry.Action.UNPUBLISHED, obj=self)
