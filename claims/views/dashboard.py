"""The dashboard: every article's progress, the review queue's size and age, who did what lately,
and a chart of daily activity."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from ..charts import bar_chart
from ..models import Article, Backlog, HistoryEntry

CHART_DAYS = 30


@require_GET
def dashboard(request):
    now = timezone.now()
    days = HistoryEntry.objects.per_day(today=timezone.localdate(now), days=CHART_DAYS)
    return render(
        request,
        "claims/dashboard.html",
        {
            "articles": Article.objects.with_review_counts().only("pk", "title", "outlet"),
            "backlog": Backlog.measure(),
            "people": list(HistoryEntry.objects.activity_by_actor(now=now)),
            "chart": bar_chart(days, title=f"Recorded changes per day over the last {CHART_DAYS} days", unit="change"),
            "chart_total": sum(count for _, count in days),
            "chart_days": CHART_DAYS,
        },
    )
