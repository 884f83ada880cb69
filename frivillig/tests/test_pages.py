import pytest
from django.urls import reverse

from frivillig.models import CentreProfile

PUBLIC_PAGES = ["/", "/om/", "/privatlivspolitik/", "/tilgaengelighed/", "/konto/login/"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_render_in_danish_with_the_centres_data(client, centre, path):
    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="da">' in html
    assert centre.name in html
    assert centre.address in html
    assert "Spring til indhold" in html


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_render_in_english_under_en(client, centre, path):
    response = client.get("/en" + path)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_pages_run_a_fixed_number_of_queries(
    client, centre, path, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        response = client.get(path)

    assert response.status_code == 200
    assert centre.name in response.content.decode()


def test_pages_work_before_staff_have_filled_in_the_centre(client, db):
    assert not CentreProfile.objects.exists()

    for path in PUBLIC_PAGES:
        assert client.get(path).status_code == 200


def test_english_texts_are_shown_on_english_pages_and_danish_otherwise(client, centre):
    danish = client.get("/om/").content.decode()
    english = client.get("/en/om/").content.decode()

    assert "et mødested for frivillighed" in danish
    assert "a meeting place for volunteering" in english


def test_english_page_falls_back_to_danish_text_when_no_english_is_written(client, centre):
    centre.about_text_en = ""
    centre.save()

    assert "et mødested for frivillighed" in client.get("/en/om/").content.decode()


def test_missing_privacy_policy_shows_contact_instead_of_an_empty_page(client, centre):
    centre.privacy_policy = ""
    centre.save()

    html = client.get("/privatlivspolitik/").content.decode()
    assert "har ikke offentliggjort" in html
    assert centre.email in html


def test_centre_text_is_escaped(client, centre):
    centre.about_text = "<script>alert(1)</script>"
    centre.save()

    html = client.get("/om/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_navigation_only_links_to_sections_that_exist(client, centre):
    html = client.get("/").content.decode()

    assert 'href="/om/"' in html
    assert 'href="/foreninger/"' in html  # the association guide exists (issue 4)
    for missing in ("/selvhjaelp/", "/arrangementer/", "/workshops/"):
        assert f'href="{missing}"' not in html


def test_language_switcher_links_to_the_same_page_in_the_other_language(client, centre):
    danish = client.get("/foreninger/?q=skak").content.decode()
    english = client.get("/en/privatlivspolitik/").content.decode()

    assert 'href="/en/foreninger/?q=skak" hreflang="en"' in danish
    assert 'href="/privatlivspolitik/" hreflang="da"' in english


def test_language_switcher_drops_parameters_the_page_does_not_read(client, centre):
    danish = client.get("/privatlivspolitik/?x=1").content.decode()

    assert 'href="/en/privatlivspolitik/" hreflang="en"' in danish


def test_not_found_page_is_ours_in_both_languages(client, centre):
    danish = client.get("/findes-ikke/")
    english = client.get("/en/findes-ikke/")

    assert danish.status_code == english.status_code == 404
    assert "Vi kan ikke finde siden" in danish.content.decode()
    assert "We cannot find that page" in english.content.decode()
    assert 'href="/en/findes-ikke/"' in danish.content.decode()


def test_server_error_page_renders_without_the_database(rf):
    from frivillig.views.errors import server_error

    response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert "Noget gik galt" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("da", "Du har ikke adgang til denne side"), ("en", "You do not have access to this page")],
)
def test_permission_denied_page_is_ours_in_both_languages(rf, centre, language, expected):
    from django.contrib.auth.models import AnonymousUser
    from django.core.exceptions import PermissionDenied
    from django.utils import translation
    from django.views.defaults import permission_denied

    request = rf.get("/")
    request.user = AnonymousUser()
    with translation.override(language):
        response = permission_denied(request, PermissionDenied())

    assert response.status_code == 403
    assert expected in response.content.decode()


def test_healthz_answers_ok_without_touching_the_database(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.content == b"ok"


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(client):
    body = client.get("/robots.txt").content.decode()

    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_pages_in_both_languages(client, db):
    body = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/om/</loc>" in body
    assert "<loc>http://testserver/en/om/</loc>" in body
    assert 'hreflang="en"' in body


def test_home_page_shows_contact_and_opening_hours(client, centre):
    html = client.get(reverse("frivillig:home")).content.decode()

    assert "Mandag-torsdag 10-16" in html
    assert 'href="tel:+4570203040"' in html
    assert 'href="mailto:kontakt@eksempelby.example"' in html


def test_public_pages_forbid_third_party_resources(client, centre):
    response = client.get("/")

    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_pages_link_no_third_party_assets(client, centre):
    import re

    html = client.get("/").content.decode()
    sources = re.findall(r'(?:src|href)="(https?://[^"]+)"', html)
    links = re.findall(r'<a [^>]*href="(https?://[^"]+)"', html)

    assert set(sources) == set(links), "only plain links may point off-site"
