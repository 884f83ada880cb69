"""The association guide in a real browser: a citizen searches, filters and opens a listing."""

import pytest
from playwright.sync_api import expect

from foreninger.models import Category, VolunteerOffer, VolunteerOpportunity
from foreninger.tests.factories import make_association, make_opportunity

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def guide(centre):
    social = Category.objects.get(slug="social")
    sport = Category.objects.get(slug="idraet")
    grief = make_association(
        "Sorggruppen Lysglimt",
        categories=[social],
        short_description="Et fællesskab for dig, der har mistet.",
        description="Vi mødes **hver tirsdag**.\n\n- kaffe\n- samtale",
        address="Stationsvej 12",
        postal_code="9999",
        city="Eksempelby",
        looking_for_volunteers=True,
    )
    make_association("Eksempelby Roklub", categories=[sport])
    make_opportunity(grief, title="Kaffevært tirsdag aften")
    return grief


PAGES = ["/foreninger/", "/foreninger/?q=sorg", "/foreninger/sorggruppen-lysglimt/",
         "/foreningsservice/", "/soeg/?q=sorg", "/frivillig/", "/frivillig/?q=kaffe",
         "/frivillig/{opportunity}/", "/opret-forening/", "/medlemmer/"]  # fmt: skip


def page_path(path: str) -> str:
    """Fill in the id of the guide fixture's volunteer opportunity."""
    if "{opportunity}" not in path:
        return path
    opportunity = VolunteerOpportunity.objects.get(title="Kaffevært tirsdag aften")
    return path.format(opportunity=opportunity.pk)


@pytest.mark.parametrize("prefix", ["", "/en"])
@pytest.mark.parametrize("path", PAGES)
def test_guide_pages_have_no_wcag_aa_violations(
    page, live_server, guide, assert_no_axe_violations, prefix, path
):
    response = page.goto(live_server.url + prefix + page_path(path))

    assert response.status == 200
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", PAGES)
def test_guide_pages_do_not_scroll_sideways_on_a_phone(page, live_server, guide, path):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + page_path(path))

    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1]


def test_citizen_searches_filters_opens_an_association_and_offers_to_help(
    page, live_server, guide, mailoutbox
):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Foreninger").first.click()

    page.get_by_label("Søg efter en forening").fill("sorg")
    page.get_by_role("button", name="Søg", exact=True).click()
    expect(page.locator("main")).to_contain_text("Sorggruppen Lysglimt")
    expect(page.locator("main")).not_to_contain_text("Eksempelby Roklub")

    page.get_by_label("Socialt").check()
    page.get_by_label("Søger frivillige").check()
    page.get_by_role("button", name="Vis foreninger").click()
    assert "kategori=social" in page.url
    assert "frivillige=1" in page.url
    expect(page.locator("main")).to_contain_text("1 forening")

    page.get_by_role("link", name="Sorggruppen Lysglimt").click()
    expect(page.locator("h1")).to_have_text("Sorggruppen Lysglimt")
    expect(page.locator("main strong")).to_contain_text("hver tirsdag")
    expect(page.locator("main")).to_contain_text("Kaffevært tirsdag aften")

    page.get_by_role("link", name="Jeg vil gerne hjælpe").first.click()
    expect(page.locator("h1")).to_have_text("Kaffevært tirsdag aften")
    page.get_by_label("Dit navn").fill("Mette Frivillig")
    page.get_by_label("Din e-mail").fill("mette@example.org")
    page.get_by_label("Besked til foreningen").fill("Jeg kan hjælpe tirsdage fra januar.")
    page.get_by_role("button", name="Send mit tilbud").click()
    expect(page.locator("main")).to_contain_text("behøver dit samtykke")  # consent is required
    assert not VolunteerOffer.objects.exists()

    page.get_by_label("Foreningen og centret må gemme").check()
    page.get_by_role("button", name="Send mit tilbud").click()
    expect(page.locator("h1")).to_have_text("Tak fordi du vil hjælpe")
    offer = VolunteerOffer.objects.get()
    assert offer.name == "Mette Frivillig"
    assert offer.opportunity.association == guide
    assert {tuple(mail.to) for mail in mailoutbox} >= {("mette@example.org",)}
