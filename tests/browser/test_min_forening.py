"""An association keeps its own listing: a contact edits it and uploads a logo, staff approve."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from foreninger.models import AssociationRevision
from foreninger.tests.factories import (
    PASSWORD,
    category,
    make_association,
    make_membership,
    make_opportunity,
    make_user,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def roklub(centre, contact_user):
    association = make_association(
        "Eksempelby Roklub",
        categories=[category("idraet")],
        short_description="Roning for alle aldre.",
        email="roklub@example.org",
        contacts=[contact_user],
    )
    make_opportunity(association, title="Instruktør for nye roere")
    make_membership(association, year=2026, fee="300")
    return association


def log_in(page, live_server, username, prefix=""):
    page.goto(live_server.url + prefix + "/konto/login/")
    form = page.locator("main form")
    form.locator("input[name='username']").fill(username)
    form.locator("input[name='password']").fill(PASSWORD)
    form.locator("button[type='submit']").click()
    page.wait_for_load_state()


def png_logo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (20, 110, 120)).save(buffer, "PNG")
    return buffer.getvalue()


MY_PAGES = ["/min-forening/", "/min-forening/eksempelby-roklub/",
            "/min-forening/eksempelby-roklub/logo/", "/min-forening/eksempelby-roklub/frivillig/",
            "/min-forening/eksempelby-roklub/frivillig/ny/",
            "/min-forening/eksempelby-roklub/henvendelser/",
            "/min-forening/eksempelby-roklub/medlemskab/"]  # fmt: skip


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_my_association_pages_have_no_wcag_aa_violations(
    page, live_server, roklub, assert_no_axe_violations, prefix
):
    log_in(page, live_server, "contact", prefix)
    for path in MY_PAGES:
        response = page.goto(live_server.url + prefix + path)

        assert response.status == 200, path
        assert_no_axe_violations(page)


def test_my_association_pages_do_not_scroll_sideways_on_a_phone(page, live_server, roklub):
    page.set_viewport_size({"width": 360, "height": 740})
    log_in(page, live_server, "contact")
    for path in MY_PAGES:
        page.goto(live_server.url + path)

        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], path


def test_contact_edits_the_listing_and_uploads_a_logo_and_staff_approve_it(
    page, live_server, roklub, staff_user, tmp_path
):
    log_in(page, live_server, "contact")
    page.get_by_role("link", name="Min forening").first.click()
    expect(page.locator("main")).to_contain_text("Eksempelby Roklub")
    page.get_by_role("link", name="Ret opslag").first.click()

    page.get_by_label("Kort beskrivelse").fill("Roning og kajak for alle aldre, også begyndere.")
    page.get_by_role("button", name="Gem").click()
    expect(page.locator(".alert-success")).to_contain_text("godkender dine ændringer")

    logo = tmp_path / "logo.png"
    logo.write_bytes(png_logo())
    page.get_by_role("link", name="Logo").click()
    page.get_by_label("Nyt logo").set_input_files(str(logo))
    page.get_by_role("button", name="Upload").click()
    expect(page.locator(".alert-success")).to_contain_text("godkender det, før det bliver vist")

    # The public listing keeps the approved version until staff have looked.
    page.goto(live_server.url + "/foreninger/eksempelby-roklub/")
    expect(page.locator("main")).to_contain_text("Roning for alle aldre.")
    revision = AssociationRevision.objects.pending().get()
    assert revision.logo

    page.context.clear_cookies()
    log_in(page, live_server, "staff")
    page.goto(live_server.url + "/admin/")
    page.get_by_role("link", name="Ændrede opslag der venter på godkendelse").click()
    page.get_by_role("link", name="Eksempelby Roklub").first.click()
    expect(page.locator("#content")).to_contain_text("også begyndere")  # the diff
    page.get_by_role("button", name="Godkend og offentliggør").click()
    expect(page.locator(".messagelist")).to_contain_text("godkendt og offentliggjort")

    page.goto(live_server.url + "/foreninger/eksempelby-roklub/")
    expect(page.locator("main")).to_contain_text("også begyndere")
    roklub.refresh_from_db()
    assert roklub.logo.name.endswith(".webp")
    assert page.locator("main img").first.get_attribute("src").endswith(".webp")


def test_contact_of_another_association_gets_not_found(page, live_server, roklub):
    make_user("anden")

    log_in(page, live_server, "anden")
    response = page.goto(live_server.url + "/min-forening/eksempelby-roklub/")

    assert response.status == 404
