import pytest
from django.test import Client
from django.urls import reverse

from claims.models import Article, HistoryEntry, Suggestion
from tests.factories import create_article

SEED_LIKE = "The mayor said the bridge would reopen.\n\nCritics disagreed. They cited the budget."


def import_url():
    return reverse("claims:article_import")


def post_import(client, **fields):
    data = {
        "text": SEED_LIKE,
        "format": "auto",
        "language": "en",
        "title": "",
        "outlet": "",
        "url": "",
        "published": "",
    }
    data.update(fields)
    return client.post(import_url(), data)


# Article list


def test_article_list_shows_counts_and_import_form(client, editor):
    create_article(sentences=7, title="Bridge report", outlet="Daily Planet")
    client.force_login(editor)
    response = client.get(reverse("claims:article_list"))
    body = response.content.decode()
    assert "Bridge report" in body and "Daily Planet" in body
    assert response.context["articles"][0].sentence_count == 7
    assert 'action="/articles/import/"' in body


def test_article_list_hides_import_form_from_users_without_role(client, outsider):
    create_article(title="Visible to all")
    client.force_login(outsider)
    body = client.get(reverse("claims:article_list")).content.decode()
    assert "Visible to all" in body and "Import an article" not in body


@pytest.mark.parametrize("sentences", [20, 2000])
def test_article_list_query_count_does_not_grow(client, editor, django_assert_max_num_queries, sentences):
    for n in range(3):
        create_article(sentences=sentences, title=f"Article {n}")
    client.force_login(editor)
    with django_assert_max_num_queries(6):
        client.get(reverse("claims:article_list"))


# Import


def test_editor_imports_pasted_text(client, editor):
    client.force_login(editor)
    response = post_import(client, title="Bridge", outlet="Gazette", published="2024-02-01")
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("claims:article_detail", args=[article.pk])
    assert (article.title, article.outlet, str(article.published)) == ("Bridge", "Gazette", "2024-02-01")
    assert [article.text[s.start : s.end] for s in article.sentences.all()] == [
        "The mayor said the bridge would reopen.",
        "Critics disagreed.",
        "They cited the budget.",
    ]
    assert [s.paragraph for s in article.sentences.all()] == [1, 2, 2]
    assert article.imported_by == editor
    assert HistoryEntry.objects.filter(article=article, action="imported", actor=editor).exists()


def test_editor_imports_uploaded_file(client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(editor)
    upload = SimpleUploadedFile(
        "report.html", b"<html><head><title>Bridge</title></head><body><p>One. Two.</p></body></html>"
    )
    response = client.post(import_url(), {"file": upload, "format": "auto", "language": "en"})
    article = Article.objects.get()
    assert response.status_code == 302
    assert article.title == "Bridge" and article.source_format == "html"
    assert article.sentences.count() == 2


def test_import_refusal_is_shown_next_to_the_field_and_saves_nothing(client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(editor)
    png = SimpleUploadedFile("page.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    response = client.post(import_url(), {"file": png, "format": "auto", "language": "en"})
    assert response.status_code == 200
    assert "PNG" in " ".join(response.context["form"].errors["file"])
    assert 'id="id_file_errors"' in response.content.decode()
    assert Article.objects.count() == 0 and HistoryEntry.objects.count() == 0


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"text": "   \n  "}, "text"),
        ({"published": "2023-02-30"}, "published"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"language": "English!"}, "language"),
    ],
)
def test_invalid_import_form_changes_nothing(client, editor, fields, field):
    client.force_login(editor)
    response = post_import(client, **fields)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert Article.objects.count() == 0


def test_import_refuses_text_and_file_together(client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(editor)
    response = client.post(
        import_url(), {"text": "One.", "file": SimpleUploadedFile("a.txt", b"Two."), "format": "auto", "language": "en"}
    )
    assert response.context["form"].errors["file"] and Article.objects.count() == 0


def test_import_page_renders_the_form(client, editor):
    client.force_login(editor)
    response = client.get(import_url())
    assert response.status_code == 200 and 'name="file"' in response.content.decode()


def test_user_without_editor_role_cannot_import(client, outsider):
    client.force_login(outsider)
    assert post_import(client).status_code == 403
    assert client.get(import_url()).status_code == 403
    assert Article.objects.count() == 0


def test_import_enforces_csrf(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert post_import(client).status_code == 403
    assert Article.objects.count() == 0


def test_import_rejects_other_methods(client, editor):
    client.force_login(editor)
    assert client.put(import_url()).status_code == 405


def test_importing_the_seed_makes_suggestions_once(client, editor):
    from claims.suggesting import suggest_claims
    from tests.export_fixtures import SEED

    client.force_login(editor)
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.post(
        reverse("claims:article_import"),
        {"file": SimpleUploadedFile(SEED.name, SEED.read_bytes()), "format": "auto", "language": "en"},
    )
    suggestions = Suggestion.objects.all()
    assert suggestions.count() >= 10
    yusov = suggestions.filter(source_text="Andrii Yusov")
    assert yusov.count() == 3
    assert suggest_claims(suggestions.first().article) == 0


def test_only_an_admin_may_restore_workbench_json_from_the_web(client, editor, admin_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from claims.exporting import export_article

    article = create_article(title="Original")
    document = export_article(article.pk, "json")
    client.force_login(editor)
    response = client.post(
        import_url(), {"file": SimpleUploadedFile("a.json", document), "format": "auto", "language": "en"}
    )
    assert "only an admin may restore" in " ".join(response.context["form"].errors["file"])
    assert Article.objects.count() == 1
    client.force_login(admin_user)
    response = client.post(
        import_url(), {"file": SimpleUploadedFile("a.json", document), "format": "auto", "language": "en"}
    )
    assert response.status_code == 302 and Article.objects.count() == 2


def test_login_page_names_the_demo_accounts_only_in_debug(client, settings):
    from django.urls import reverse as url

    settings.DEBUG = False
    assert "workbench-demo" not in client.get(url("login")).content.decode()
    settings.DEBUG = True
    assert "password <strong>workbench-demo</strong>" in client.get(url("login")).content.decode()
