from django.contrib import admin

from .models import (
    Article,
    Claim,
    HistoryEntry,
    Job,
    Label,
    PriorCheck,
    Publication,
    Sentence,
    Session,
    Source,
    SourceAlias,
    Suggestion,
)


class NotEditedHere(admin.ModelAdmin):
    """Rows the workbench writes itself (history, jobs, publications, prior checks, sessions): looked at,
    never added or changed here."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "outlet", "published", "language", "source_format", "imported_by", "created_at"]
    list_filter = ["language", "source_format"]
    search_fields = ["title", "outlet", "url"]
    list_select_related = ["imported_by"]
    date_hierarchy = "created_at"


@admin.register(Sentence)
class SentenceAdmin(admin.ModelAdmin):
    list_display = ["article", "number", "paragraph", "start", "end", "reviewed"]
    list_filter = ["reviewed"]
    search_fields = ["article__title"]
    list_select_related = ["article"]


class SourceAliasInline(admin.TabularInline):
    model = SourceAlias
    extra = 1


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "role", "affiliation", "merged_into", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__name", "role", "affiliation"]
    list_select_related = ["merged_into"]
    inlines = [SourceAliasInline]


@admin.register(SourceAlias)
class SourceAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "source"]
    search_fields = ["name", "source__name"]
    list_select_related = ["source"]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["id", "article", "start", "end", "source", "channel", "cue", "origin", "removed_at"]
    list_filter = ["origin"]
    search_fields = ["article__title", "source__name", "channel", "cue"]
    list_select_related = ["article", "source"]
    raw_id_fields = ["article", "sentence", "source"]


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = ["id", "claim", "verdict", "status", "proposed_by", "proposed_at", "reviewed_by", "reviewed_at"]
    list_filter = ["verdict", "status"]
    search_fields = ["rationale", "review_comment", "claim__article__title"]
    list_select_related = ["claim", "proposed_by", "reviewed_by"]
    raw_id_fields = ["claim"]


@admin.register(HistoryEntry)
class HistoryEntryAdmin(NotEditedHere):
    """Read-only: history is append-only, even for admins."""

    list_display = ["at", "actor", "action", "object_type", "object_id", "article"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_type", "actor__username", "article__title"]
    list_select_related = ["actor", "article"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["id", "article", "source_text", "cue", "channel", "status", "hedged", "nested", "decided_by"]
    list_filter = ["status", "source_kind", "hedged", "nested"]
    search_fields = ["source_text", "channel", "article__title"]
    list_select_related = ["article", "decided_by"]
    raw_id_fields = ["article", "sentence", "source", "claim"]


@admin.register(Job)
class JobAdmin(NotEditedHere):
    """Background work, to see what ran and why it failed; the work itself is not edited here."""

    list_display = ["title", "kind", "status", "started_by", "created_at", "attempts", "message"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "started_by__username"]
    list_select_related = ["started_by"]
    exclude = ["payload", "result"]


@admin.register(Publication)
class PublicationAdmin(NotEditedHere):
    """Public fact-check pages; reviewers publish and unpublish from the workspace, which keeps history."""

    list_display = ["slug", "article", "published_at", "published_by", "withdrawn_at"]
    search_fields = ["slug", "article__title"]
    list_select_related = ["article", "published_by"]


@admin.register(PriorCheck)
class PriorCheckAdmin(NotEditedHere):
    """What the background matching found (claims/prior_checks.py); read-only."""

    list_display = ["claim", "earlier", "label", "score", "found_at"]
    list_select_related = ["claim", "earlier", "label"]


@admin.register(Session)
class SessionAdmin(NotEditedHere):
    """Who is signed in, until when; deleting a session signs that browser out at its next request."""

    list_display = ["user", "expire_date"]
    search_fields = ["user__username"]
    list_select_related = ["user"]
    fields = ["user", "expire_date"]
