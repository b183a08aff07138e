"""The data model, one module per family, in layers: errors, base, history, articles, sources, claims, labels,
prior_checks, publications, suggestions, jobs, sessions. A module imports only those before it in that list; a
method that needs a model from a later one reaches it through a relation or apps.get_model()."""

from .articles import Article, ImportFormat, Progress, Sentence
from .claims import Claim, ClaimOrigin
from .errors import AlreadyDecided, EditRefused, StaleEdit
from .history import HistoryEntry, HistoryIsAppendOnly
from .jobs import Job, JobKind, JobStatus
from .labels import Backlog, Label, LabelStatus, Verdict
from .prior_checks import PriorCheck
from .publications import Publication
from .sessions import Session
from .sources import Source, SourceAlias, SourceKind, active_named
from .suggestions import Suggestion, SuggestionStatus

__all__ = [
    "AlreadyDecided",
    "EditRefused",
    "StaleEdit",
    "HistoryEntry",
    "HistoryIsAppendOnly",
    "Article",
    "ImportFormat",
    "Progress",
    "Sentence",
    "Source",
    "SourceAlias",
    "SourceKind",
    "active_named",
    "Claim",
    "ClaimOrigin",
    "Backlog",
    "Label",
    "LabelStatus",
    "Verdict",
    "Publication",
    "PriorCheck",
    "Suggestion",
    "SuggestionStatus",
    "Job",
    "JobKind",
    "JobStatus",
    "Session",
]
