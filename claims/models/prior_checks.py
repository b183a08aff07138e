"""Checked before: for a claim, the claims of other articles with an approved verdict that assert the same
thing (claims.matching.rank_similar), found in the background when the claim is marked or changed
(claims/prior_checks.py) and shown in the workspace panel with "Reuse this verdict"."""

from django.db import models

from .claims import Claim
from .labels import Label


class PriorCheck(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="prior_checks")
    earlier = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    label = models.ForeignKey(Label, on_delete=models.CASCADE, related_name="+")  # the earlier claim's approved one
    text = models.CharField(max_length=500)  # the earlier claim's words, when it was found
    score = models.FloatField()
    found_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-score", "pk"]
        constraints = [models.UniqueConstraint(fields=["claim", "earlier"], name="prior_check_once_per_pair")]

    def __str__(self):
        return f"{self.claim_id} ~ {self.earlier_id} ({self.score:.2f})"
