import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from claims.forms import SourceMergeForm
from claims.models import Claim, EditRefused, HistoryEntry, Label, Source, SourceAlias, StaleEdit, active_named
from tests.factories import create_article, create_claim, create_label, create_source


def list_url():
    return reverse("claims:source_list")


def detail_url(source):
    return reverse("claims:source_detail", args=[source.pk])


def edit_url(source):
    return reverse("claims:source_edit", args=[source.pk])


def merge_url(source):
    return reverse("claims:source_merge", args=[source.pk])


def search_url():
    return reverse("claims:source_search")


def edit_data(source, **fields):
    data = {
        "name": source.name,
        "kind": source.kind,
        "role": source.role,
        "affiliation": source.affiliation,
        "notes": source.notes,
        "aliases": "\n".join(a.name for a in source.aliases.all()),
        "version": source.version,
    }
    data.update(fields)
    return data


def approve(label, by):
    Label.objects.filter(pk=label.pk).update(status="approved", reviewed_by=by, reviewed_at=timezone.now())


def claims_by(source, *, count, article=None, by=None):
    """`count` claims by `source`, one per sentence of an article made for them."""
    article = article or create_article(sentences=count, title=f"About {source.name}")
    return [create_claim(sentence=s, source=source, by=by) for s in article.sentences.all()[:count]]


@pytest.fixture
def yusov(db):
    source = create_source(name="Andrii Yusov", role="spokesperson", affiliation="Ukrainian military intelligence")
    SourceAlias.objects.create(source=source, name="Yusov")
    SourceAlias.objects.create(source=source, name="the intelligence official")
    return source


# Model: search, record


def test_search_matches_name_or_alias_ignoring_case_and_accents(yusov):
    peskov = create_source(name="Dmitry Peskov")
    SourceAlias.objects.create(source=peskov, name="Пєсков")
    create_source(name="José Martí")
    assert list(Source.objects.search("yUsOv")) == [yusov]  # name and alias both match: one row
    assert list(Source.objects.search("INTELLIGENCE OFF")) == [yusov]
    assert list(Source.objects.search("пєсков")) == [peskov]  # SQLite's own LIKE folds ASCII only
    assert list(Source.objects.search("jose marti")) == [Source.objects.get(name="José Martí")]
    assert Source.objects.search("").count() == 3


def test_search_puts_names_starting_with_the_query_first(db):
    later = create_source(name="Aaron Petrov")
    first = create_source(name="Petro Poroshenko")
    assert list(Source.objects.search("petr")) == [first, later]


def test_named_finds_a_source_by_exact_name_or_alias(yusov):
    assert list(Source.objects.named("YUSOV")) == [yusov]
    assert list(Source.objects.named(" andrii  YÚSOV ")) == [yusov]
    assert list(Source.objects.named("Yus")) == []
    # The compiled lookup a Save makes answers alike, for the name and for an alias.
    assert active_named("YUSOV") == [yusov] and active_named(" andrii  YÚSOV ") == [yusov]
    assert active_named("Yus") == []


def test_record_counts_active_claims_by_their_approved_verdict(yusov, editor, reviewer):
    confirmed, denied, pending, removed, unverified = claims_by(yusov, count=5)
    for claim, verdict in [
        (confirmed, "confirmed"),
        (denied, "denied"),
        (removed, "confirmed"),
        (unverified, "unverified"),
    ]:
        approve(create_label(claim=claim, by=editor, verdict=verdict), reviewer)
    create_label(claim=pending, by=editor, verdict="denied")  # proposed only: not in the record
    Claim.objects.filter(pk=removed.pk).update(removed_at=timezone.now())
    source = Source.objects.with_record().get(pk=yusov.pk)
    assert (source.claim_count, source.confirmed_count, source.denied_count, source.unverified_count) == (4, 1, 1, 1)


def test_record_uses_the_newest_approved_label(yusov, editor, reviewer):
    [claim] = claims_by(yusov, count=1)
    old = create_label(claim=claim, by=editor, verdict="unverified")
    approve(old, reviewer)
    Label.objects.filter(pk=old.pk).update(reviewed_at=timezone.now() - timezone.timedelta(days=1))
    approve(create_label(claim=claim, by=editor, verdict="denied"), reviewer)
    source = Source.objects.with_record().get(pk=yusov.pk)
    assert (source.claim_count, source.denied_count, source.unverified_count) == (1, 1, 0)


# Model: update_record


def test_update_record_bumps_version_replaces_aliases_and_writes_history(yusov, editor):
    changed = yusov.update_record(by=editor, version=1, role="spokesman", aliases=["Yusov", "Andriy Yusov"])
    yusov.refresh_from_db()
    assert changed and yusov.version == 2 and yusov.role == "spokesman"
    assert sorted(yusov.aliases.values_list("name", flat=True)) == ["Andriy Yusov", "Yusov"]
    entry = HistoryEntry.objects.get(source=yusov)
    assert entry.action == "updated" and entry.actor == editor
    assert entry.before == {"role": "spokesperson", "aliases": ["the intelligence official", "Yusov"]}
    assert entry.after == {"role": "spokesman", "aliases": ["Yusov", "Andriy Yusov"]}


def test_update_record_keeps_the_search_name_in_step(yusov, editor):
    yusov.update_record(by=editor, version=1, name="Andriy Yusov")
    assert list(Source.objects.search("andriy")) == [yusov]


def test_update_record_refuses_a_stale_version_and_writes_nothing(yusov, editor, second_editor):
    yusov.update_record(by=second_editor, version=1, role="spokesman")
    with pytest.raises(StaleEdit):
        yusov.update_record(by=editor, version=1, role="press officer")
    yusov.refresh_from_db()
    assert yusov.role == "spokesman" and yusov.version == 2
    assert HistoryEntry.objects.filter(source=yusov).count() == 1


def test_update_record_without_changes_writes_nothing(yusov, editor):
    assert yusov.update_record(by=editor, version=1, role="spokesperson") is False
    yusov.refresh_from_db()
    assert yusov.version == 1 and not HistoryEntry.objects.exists()


# Model: merge_into


def test_merge_moves_claims_copies_names_and_writes_history(yusov, editor):
    duplicate = create_source(name="Andriy Yusov")
    SourceAlias.objects.create(source=duplicate, name="YUSOV")  # already an alias of the target: skipped
    SourceAlias.objects.create(source=duplicate, name="Military intelligence spokesman")
    moved = claims_by(duplicate, count=3)
    untouched = claims_by(yusov, count=1)

    assert duplicate.merge_into(yusov, by=editor) == 3

    duplicate.refresh_from_db()
    yusov.refresh_from_db()
    assert duplicate.merged_into == yusov and duplicate.version == 2 and yusov.version == 2
    assert sorted(yusov.aliases.values_list("name", flat=True), key=str.casefold) == [
        "Andriy Yusov",
        "Military intelligence spokesman",
        "the intelligence official",
        "Yusov",
    ]
    assert set(yusov.claims.values_list("pk", flat=True)) == {c.pk for c in moved + untouched}
    assert set(Claim.objects.filter(pk__in=[c.pk for c in moved]).values_list("version", flat=True)) == {2}
    assert Claim.objects.get(pk=untouched[0].pk).version == 1

    [merged_entry] = HistoryEntry.objects.filter(source=duplicate)
    [target_entry] = HistoryEntry.objects.filter(source=yusov)
    assert merged_entry.action == target_entry.action == "merged"
    assert merged_entry.after["merged_into"] == yusov.pk
    assert target_entry.after["merged"] == duplicate.pk and len(target_entry.after["aliases"]) == 4
    claim_entries = HistoryEntry.objects.filter(claim__in=moved)
    assert claim_entries.count() == 3
    assert {(e.action, e.object_type, e.article_id) for e in claim_entries} == {
        ("updated", "claim", moved[0].article_id)
    }
    assert all(e.before == {"source": duplicate.pk} and e.after == {"source": yusov.pk} for e in claim_entries)


def test_merge_points_earlier_merges_at_the_new_target(yusov, editor):
    middle, first = create_source(name="A. Yusov"), create_source(name="Yusov A.")
    first.merge_into(middle, by=editor)
    middle.merge_into(yusov, by=editor)
    assert Source.objects.get(pk=first.pk).merged_into == yusov


@pytest.mark.parametrize("count", [2, 200])
def test_merge_query_count_does_not_grow_with_claims(yusov, editor, django_assert_max_num_queries, count):
    duplicate = create_source(name="Andriy Yusov")
    claims_by(duplicate, count=count)
    # SQLite takes 999 parameters a query, so bulk_create writes 99 history rows an INSERT (200 claims: 3);
    # PostgreSQL writes them in one.
    with django_assert_max_num_queries(16):
        duplicate.merge_into(yusov, by=editor)
    assert HistoryEntry.objects.filter(claim__isnull=False).count() == count


def test_merge_refuses_itself_a_merged_target_and_a_merged_source(yusov, editor):
    other, merged = create_source(name="Other"), create_source(name="Gone")
    merged.merge_into(other, by=editor)
    with pytest.raises(EditRefused, match="itself"):
        yusov.merge_into(yusov, by=editor)
    with pytest.raises(EditRefused, match="has itself been merged"):
        yusov.merge_into(Source.objects.get(pk=merged.pk), by=editor)
    with pytest.raises(ValueError, match="already been merged"):
        Source.objects.get(pk=merged.pk).merge_into(yusov, by=editor)
    assert Source.objects.get(pk=yusov.pk).merged_into is None


# Source list


def test_source_list_shows_active_sources_with_aliases_and_record(client, outsider, yusov, editor, reviewer):
    gone = create_source(name="Gone Duplicate")
    gone.merge_into(yusov, by=editor)
    [claim] = claims_by(yusov, count=1)
    approve(create_label(claim=claim, by=editor, verdict="denied"), reviewer)
    client.force_login(outsider)
    response = client.get(list_url())
    body = response.content.decode()
    assert "Andrii Yusov" in body and "the intelligence official" in body and "Gone Duplicate" in body  # now an alias
    assert [s.name for s in response.context["page"].object_list] == ["Andrii Yusov"]
    assert "1 denied" in body
    assert "New source" not in body  # outsiders may look, not add


def test_source_list_offers_new_source_to_editors(client, editor):
    client.force_login(editor)
    assert reverse("claims:source_create") in client.get(list_url()).content.decode()


def test_source_list_searches_by_alias(client, editor, yusov):
    create_source(name="Dmitry Peskov")
    client.force_login(editor)
    response = client.get(list_url(), {"q": "INTELLIGENCE official"})
    assert [s.name for s in response.context["page"].object_list] == ["Andrii Yusov"]


def test_source_list_htmx_search_returns_the_results_fragment(client, editor, yusov):
    client.force_login(editor)
    response = client.get(list_url(), {"q": "yusov"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body and 'id="source-results"' in body and "Andrii Yusov" in body
    assert "HX-Request" in response["Vary"]


def test_source_list_paginates_by_fifty(client, editor):
    Source.objects.bulk_create([Source(name=f"Source {n:03}", name_folded=f"source {n:03}") for n in range(60)])
    client.force_login(editor)
    response = client.get(list_url(), {"page": 2})
    assert len(response.context["page"].object_list) == 10 and "Page 2 of 2" in response.content.decode()


@pytest.mark.parametrize("count", [5, 500])
def test_source_list_query_count_does_not_grow(client, editor, django_assert_max_num_queries, count):
    sources = Source.objects.bulk_create(
        [Source(name=f"Source {n:03}", name_folded=f"source {n:03}") for n in range(count)]
    )
    SourceAlias.objects.bulk_create(
        [SourceAlias(source=s, name=f"alias {s.pk}", name_folded=f"alias {s.pk}") for s in sources]
    )
    claims_by(sources[0], count=3)
    client.force_login(editor)
    with django_assert_max_num_queries(7):
        response = client.get(list_url())
    assert response.status_code == 200 and len(response.context["page"].object_list) == min(count, 50)


def test_source_list_is_read_only(client, editor):
    client.force_login(editor)
    assert client.post(list_url()).status_code == 405


# Type-ahead


def test_type_ahead_lists_matches_by_name_or_alias(client, editor, yusov):
    peskov = create_source(name="Dmitry Peskov", kind=Source.Kind.PERSON, role="Kremlin spokesman")
    client.force_login(editor)
    body = client.get(search_url(), {"q": "official"}, headers={"HX-Request": "true"}).content.decode()
    assert '<div id="source-options" class="source-options">' in body and "<html" not in body
    assert '<ul aria-label="Matching sources">' in body and "data-new-kind" not in body
    assert f'data-source-id="{yusov.pk}" data-source-name="Andrii Yusov"' in body
    assert "Person · spokesperson, Ukrainian military intelligence" in body
    assert str(peskov.pk) not in body


def test_type_ahead_skips_merged_sources_and_says_when_nothing_matches(client, editor, yusov):
    create_source(name="Yusov Duplicate").merge_into(yusov, by=editor)
    client.force_login(editor)
    body = client.get(search_url(), {"q": "duplicate"}).content.decode()  # now an alias of yusov
    assert body.count('class="source-option"') == 1 and "Andrii Yusov" in body
    body = client.get(search_url(), {"q": "Nobody"}).content.decode()
    assert "No source matches “Nobody”." in body and "Create" not in body


def test_type_ahead_for_a_speaker_offers_a_new_source_of_each_kind(client, editor, yusov):
    client.force_login(editor)
    body = client.get(search_url(), {"q": " Olena  Petrenko ", "new": "1"}).content.decode()
    assert "No source is called “Olena Petrenko” yet." in body and 'aria-label="Matching sources"' not in body
    assert '<ul aria-label="New source" class="source-options__new">' in body
    for kind, label in [("person", "person"), ("organisation", "organisation"), ("anonymous", "anonymous source")]:
        assert (
            f'data-new-kind="{kind}" data-source-name="Olena Petrenko">Create “Olena Petrenko” as a new {label}<'
            in body
        )


def test_type_ahead_offers_a_namesake_after_the_matches(client, editor, yusov):
    client.force_login(editor)
    body = client.get(search_url(), {"q": "Andrii Yusov", "new": "1"}).content.decode()
    assert body.index(f'data-source-id="{yusov.pk}"') < body.index("Create “Andrii Yusov” as a new person")
    assert "No source is called" not in body
    assert "data-new-kind" not in client.get(search_url(), {"q": "", "new": "1"}).content.decode()


@pytest.mark.parametrize("count", [3, 300])
def test_type_ahead_query_count_and_limit(client, editor, django_assert_max_num_queries, count):
    Source.objects.bulk_create([Source(name=f"Kyiv office {n}", name_folded=f"kyiv office {n}") for n in range(count)])
    client.force_login(editor)
    with django_assert_max_num_queries(3):
        body = client.get(search_url(), {"q": "kyiv"}).content.decode()
    assert body.count('class="source-option"') == min(count, 10)


# Source page


def test_source_page_shows_record_claims_and_history(client, outsider, yusov, editor, reviewer):
    article = create_article(text="Yusov said the raid was over. Others disagreed.", title="Raid report")
    first = article.sentences.first()
    claim = create_claim(sentence=first, start=first.start + 11, end=first.end - 1, source=yusov, channel="Suspilne")
    approve(create_label(claim=claim, by=editor, verdict="confirmed"), reviewer)
    yusov.update_record(by=editor, version=1, role="spokesman")
    client.force_login(outsider)
    response = client.get(detail_url(yusov))
    body = response.content.decode()
    assert "Raid report" in body and reverse("claims:article_detail", args=[article.pk]) in body
    assert '<q class="source-quote">the raid was over</q>' in body and "Suspilne" in body
    assert "the intelligence official" in body and "1 confirmed" not in body  # the aside uses a list
    assert response.context["source"].confirmed_count == 1
    assert "spokesperson</del> → <ins>spokesman" in body
    assert "Merge" not in body and "Edit</a>" not in body  # no controls for outsiders


def test_source_page_record_names_each_verdict_by_symbol_and_word(client, outsider, yusov, editor, reviewer):
    first = create_article(text="Yusov said the raid was over. Others disagreed.").sentences.first()
    approve(create_label(claim=create_claim(sentence=first, source=yusov), by=editor, verdict="denied"), reviewer)
    client.force_login(outsider)
    body = client.get(detail_url(yusov)).content.decode()
    for verdict, symbol, word, count in [
        ("confirmed", "✓", "Confirmed", 0),
        ("denied", "✗", "Denied", 1),
        ("unverified", "?", "Unverified", 0),
    ]:
        expected = f'<div class="source-stats--{verdict}"><dt><span aria-hidden="true">{symbol}</span> {word}</dt>'
        assert f"{expected}<dd>{count}</dd></div>" in body


def test_merged_source_page_links_to_the_target(client, editor, yusov):
    duplicate = create_source(name="Andriy Yusov")
    duplicate.merge_into(yusov, by=editor)
    client.force_login(editor)
    body = client.get(detail_url(duplicate)).content.decode()
    assert "Merged into" in body and detail_url(yusov) in body
    assert merge_url(duplicate) not in body


def test_source_page_404_for_missing_source(client, editor):
    client.force_login(editor)
    assert client.get(reverse("claims:source_detail", args=[999])).status_code == 404


def test_source_page_is_read_only(client, editor, yusov):
    client.force_login(editor)
    assert client.post(detail_url(yusov)).status_code == 405


@pytest.mark.parametrize("count", [3, 300])
def test_source_page_query_count_does_not_grow(client, editor, reviewer, django_assert_max_num_queries, yusov, count):
    articles = [create_article(sentences=count, title=f"Article {n}") for n in range(3)]
    claims = [create_claim(sentence=s, source=yusov) for a in articles for s in a.sentences.all()[: count // 3 or 1]]
    for claim in claims[::2]:
        create_label(claim=claim, by=editor, verdict="denied")
    create_source(name="Another").merge_into(yusov, by=editor)
    client.force_login(editor)
    with django_assert_max_num_queries(10):
        response = client.get(detail_url(yusov))
    assert len(response.context["claims"]) == len(claims)


def test_source_page_never_loads_article_texts(client, editor, yusov):
    claims_by(yusov, count=2)
    client.force_login(editor)
    [claim, _] = client.get(detail_url(yusov)).context["claims"]
    assert "text" in claim.article.get_deferred_fields()


# Create


def test_editor_creates_a_source_with_normalised_aliases(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("claims:source_create"),
        {
            "name": "  Russian   Volunteer Corps ",
            "kind": "organisation",
            "role": "",
            "affiliation": "",
            "notes": "",
            "aliases": "RDK\n\n  rdk \nRussian volunteer corps\n the group \nRDK",
        },
    )
    source = Source.objects.get()
    assert response.status_code == 302 and response["Location"] == detail_url(source)
    assert source.name == "Russian Volunteer Corps" and source.created_by == editor
    assert sorted(source.aliases.values_list("name", flat=True)) == ["RDK", "the group"]
    assert HistoryEntry.objects.get(source=source).action == "created"


def test_alias_longer_than_200_characters_is_refused(client, editor):
    client.force_login(editor)
    response = client.post(reverse("claims:source_create"), {"name": "X", "kind": "person", "aliases": "y" * 201})
    assert response.status_code == 200 and response.context["form"].errors["aliases"]
    assert not Source.objects.exists()


def test_htmx_create_redirects_the_client(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("claims:source_create"), {"name": "New", "kind": "person"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and response["HX-Redirect"] == detail_url(Source.objects.get())


def test_user_without_role_cannot_create_a_source(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("claims:source_create")).status_code == 403
    assert client.post(reverse("claims:source_create"), {"name": "New", "kind": "person"}).status_code == 403
    assert not Source.objects.exists()


def test_create_enforces_csrf(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(reverse("claims:source_create"), {"name": "New", "kind": "person"}).status_code == 403


# Edit


def test_edit_page_carries_the_version(client, editor, yusov):
    client.force_login(editor)
    body = client.get(edit_url(yusov)).content.decode()
    assert '<input type="hidden" name="version" value="1"' in body
    assert "the intelligence official" in body.split('name="aliases"')[1].split("</textarea>")[0]


def test_editor_edits_a_source_and_is_redirected(client, editor, yusov):
    client.force_login(editor)
    response = client.post(
        edit_url(yusov), edit_data(yusov, affiliation="HUR", aliases="Yusov\nAndriy Yusov\nandrii yusov")
    )
    assert response.status_code == 302 and response["Location"] == detail_url(yusov)
    yusov.refresh_from_db()
    assert yusov.affiliation == "HUR" and yusov.version == 2
    assert sorted(yusov.aliases.values_list("name", flat=True)) == ["Andriy Yusov", "Yusov"]  # the name itself dropped


def test_htmx_edit_returns_the_updated_fragment(client, editor, yusov):
    client.force_login(editor)
    response = client.post(edit_url(yusov), edit_data(yusov, role="spokesman"), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body and 'id="source-form"' in body
    assert "Saved." in body and 'name="version" value="2"' in body and 'value="spokesman"' in body


def test_invalid_edit_rerenders_the_fragment_with_status_200(client, editor, yusov):
    client.force_login(editor)
    response = client.post(edit_url(yusov), edit_data(yusov, name="  "), headers={"HX-Request": "true"})
    assert response.status_code == 200 and 'id="id_name_errors"' in response.content.decode()
    assert Source.objects.get(pk=yusov.pk).version == 1


def test_stale_edit_is_refused_with_a_conflict_message(client, editor, second_editor, yusov):
    client.force_login(editor)
    form_version = yusov.version
    yusov.update_record(by=second_editor, version=form_version, role="spokesman")
    response = client.post(edit_url(yusov), edit_data(yusov, role="press officer", version=form_version))
    body = response.content.decode()
    assert response.status_code == 200 and "Someone else changed this source" in body
    assert 'value="spokesman"' in body and 'name="version" value="2"' in body  # their version, to redo the change
    assert Source.objects.get(pk=yusov.pk).role == "spokesman"


def test_edit_of_a_merged_source_goes_to_the_target(client, editor, yusov):
    duplicate = create_source(name="Andriy Yusov")
    duplicate.merge_into(yusov, by=editor)
    client.force_login(editor)
    assert client.get(edit_url(duplicate))["Location"] == detail_url(yusov)


def test_user_without_role_cannot_edit(client, outsider, yusov):
    client.force_login(outsider)
    assert client.get(edit_url(yusov)).status_code == 403
    assert client.post(edit_url(yusov), edit_data(yusov, role="x")).status_code == 403
    assert Source.objects.get(pk=yusov.pk).role == "spokesperson"


def test_edit_404_for_missing_source(client, editor):
    client.force_login(editor)
    assert client.get(reverse("claims:source_edit", args=[999])).status_code == 404


def test_edit_enforces_csrf(editor, yusov):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(edit_url(yusov), edit_data(yusov, role="x")).status_code == 403


def test_edit_rejects_other_methods(client, editor, yusov):
    client.force_login(editor)
    assert client.put(edit_url(yusov)).status_code == 405


@pytest.mark.parametrize("count", [1, 100])
def test_edit_query_count_does_not_grow_with_aliases(client, editor, django_assert_max_num_queries, yusov, count):
    SourceAlias.objects.bulk_create(
        [SourceAlias(source=yusov, name=f"a{n}", name_folded=f"a{n}") for n in range(count)]
    )
    client.force_login(editor)
    data = edit_data(yusov, aliases="\n".join(f"b{n}" for n in range(count)))
    with django_assert_max_num_queries(20):  # savepoints included: the form checks model constraints
        assert client.post(edit_url(yusov), data).status_code == 302


# Merge


def test_reviewer_merges_a_duplicate_and_sees_the_target(client, reviewer, yusov):
    duplicate = create_source(name="Andriy Yusov")
    moved = claims_by(duplicate, count=2)
    client.force_login(reviewer)
    response = client.post(merge_url(duplicate), {"target": yusov.pk})
    assert response.status_code == 302 and response["Location"] == detail_url(yusov)
    assert set(yusov.claims.values_list("pk", flat=True)) == {c.pk for c in moved}
    assert HistoryEntry.objects.filter(source=duplicate, action="merged", actor=reviewer).exists()
    assert "2 claims moved" in client.get(response["Location"]).content.decode()


def test_htmx_merge_redirects_the_client(client, editor, yusov):
    duplicate = create_source(name="Andriy Yusov")
    client.force_login(editor)
    response = client.post(merge_url(duplicate), {"target": yusov.pk}, headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == detail_url(yusov)


@pytest.mark.parametrize("target", ["self", "merged", "missing", "blank"])
def test_merge_form_refusals_change_nothing(client, editor, yusov, target):
    merged = create_source(name="Gone")
    merged.merge_into(create_source(name="Elsewhere"), by=editor)
    pick = {"self": yusov.pk, "merged": merged.pk, "missing": 999, "blank": ""}[target]
    client.force_login(editor)
    response = client.post(merge_url(yusov), {"target": pick}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200 and 'id="source-merge"' in body and "<html" not in body
    assert 'id="id_target_errors"' in body
    assert Source.objects.get(pk=yusov.pk).merged_into is None


def test_plain_merge_refusal_rerenders_the_source_page(client, editor, yusov):
    client.force_login(editor)
    response = client.post(merge_url(yusov), {"target": yusov.pk})
    assert response.status_code == 200 and "<html" in response.content.decode()
    assert "cannot be merged into itself" in response.content.decode()


def test_user_without_role_cannot_merge(client, outsider, yusov):
    duplicate = create_source(name="Andriy Yusov")
    client.force_login(outsider)
    assert client.post(merge_url(duplicate), {"target": yusov.pk}).status_code == 403
    assert Source.objects.get(pk=duplicate.pk).merged_into is None


def test_merge_404_for_missing_source(client, editor, yusov):
    client.force_login(editor)
    assert client.post(reverse("claims:source_merge", args=[999]), {"target": yusov.pk}).status_code == 404


def test_merge_needs_post(client, editor, yusov):
    client.force_login(editor)
    assert client.get(merge_url(yusov)).status_code == 405


def test_merge_enforces_csrf(editor, yusov):
    duplicate = create_source(name="Andriy Yusov")
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(merge_url(duplicate), {"target": yusov.pk}).status_code == 403
    assert Source.objects.get(pk=duplicate.pk).merged_into is None


@pytest.mark.parametrize("typed", ["Andrii Yusov", " andrii  YUSOV ", "the intelligence official"])
def test_merge_target_typed_by_name_or_alias_works_without_javascript(client, editor, yusov, typed):
    duplicate = create_source(name="Andriy Yusov")
    client.force_login(editor)
    response = client.post(merge_url(duplicate), {"target": typed})
    assert response.status_code == 302 and response["Location"] == detail_url(yusov)
    assert Source.objects.get(pk=duplicate.pk).merged_into == yusov


def test_merge_target_typed_by_the_duplicates_own_name_is_the_other_source(client, editor, yusov):
    # Duplicates often carry the very same name; the source being merged is never its own target.
    duplicate = create_source(name="Andrii Yusov")
    client.force_login(editor)
    assert client.post(merge_url(duplicate), {"target": "Andrii Yusov"}).status_code == 302
    assert Source.objects.get(pk=duplicate.pk).merged_into == yusov


def test_merge_target_picked_from_the_type_ahead_wins_over_the_typed_text(client, editor, yusov):
    namesake = create_source(name="Andrii Yusov", role="footballer")
    duplicate = create_source(name="A. Yusov")
    client.force_login(editor)
    response = client.post(merge_url(duplicate), {"target": "Andrii Yusov", "target_id": namesake.pk})
    assert response.status_code == 302 and Source.objects.get(pk=duplicate.pk).merged_into == namesake


@pytest.mark.parametrize(
    "typed, message",
    [
        ("Nobody Known", "No source is called “Nobody Known”"),
        ("Andrii Yusov", "Several sources are called “Andrii Yusov”"),
    ],
)
def test_merge_target_typed_must_name_exactly_one_source(client, editor, yusov, typed, message):
    create_source(name="Andrii Yusov", role="footballer")
    duplicate = create_source(name="A. Yusov")
    client.force_login(editor)
    response = client.post(merge_url(duplicate), {"target": typed}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and message in response.content.decode()
    assert Source.objects.get(pk=duplicate.pk).merged_into is None


def test_merge_form_is_a_type_ahead_field_not_a_list_of_sources(client, editor, yusov):
    duplicate = create_source(name="Andriy Yusov")
    create_source(name="Dmitry Peskov")
    client.force_login(editor)
    body = client.get(detail_url(duplicate)).content.decode()
    assert '<label for="id_target">Merge into <span class="required" aria-hidden="true">*</span></label>' in body
    assert f'data-search-url="{search_url()}"' in body and 'name="target_id"' in body
    assert "<select" not in body and "Dmitry Peskov" not in body


@pytest.mark.parametrize("registry", [5, 500])
def test_merge_form_cost_does_not_grow_with_the_registry(
    client, editor, yusov, registry, django_assert_max_num_queries
):
    Source.objects.bulk_create([Source(name=f"Speaker {n}", name_folded=f"speaker {n}") for n in range(registry)])
    duplicate = create_source(name="Andriy Yusov")
    client.force_login(editor)
    with django_assert_max_num_queries(8):
        page = client.get(detail_url(duplicate))
    assert "Speaker 1" not in page.content.decode()  # no list of the registry in the page
    with django_assert_max_num_queries(1):  # finding the target: one query, by name or by id
        assert SourceMergeForm({"target": "Speaker 3"}, source=duplicate).is_valid()
    with django_assert_max_num_queries(1):
        assert SourceMergeForm({"target": "x", "target_id": yusov.pk}, source=duplicate).is_valid()


def test_nav_marks_sources_as_current(client, editor, yusov):
    client.force_login(editor)
    body = client.get(detail_url(yusov)).content.decode()
    assert f'href="{list_url()}" aria-current="page">Sources' in body
