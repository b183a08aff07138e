"""What several model families share: the text-span base of sentences, claims and suggestions, and the
constraint that keeps a choice field to its choices."""

from django.db import models
from django.db.models import F, Q


def valid_choice(field, choices):
    """The database's own check that `field` holds one of `choices` (a TextChoices), named
    <model>_<field>_valid."""
    return models.CheckConstraint(condition=Q(**{f"{field}__in": choices.values}), name=f"%(class)s_{field}_valid")


class TextSpan(models.Model):
    """A half-open range [start, end) of an article's text, never empty."""

    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        abstract = True
        ordering = ["article", "start", "id"]
        constraints = [models.CheckConstraint(condition=Q(start__lt=F("end")), name="%(class)s_start_before_end")]

    @property
    def text(self):
        return self.article.excerpt(self.start, self.end)
