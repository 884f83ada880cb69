"""The public pages in a real browser: WCAG 2.1 AA (axe), keyboard, languages, small screens."""

import pytest

# The live server runs in another thread, so the tests must commit their data. The flush
# after each test takes the role groups too; they come back by themselves (post_migrate).
pytestmark = pytest.mark.django_db(transaction=True)

# (Danish path, expected HTTP status); English lives under /en/ with the same slugs.
PAGES = [
    ("/", 200),
    ("/om/", 200),
    ("/privatlivspolitik/", 200),
    ("/tilgaengelighed/", 200),
    ("/konto/login/", 200),
    ("/findes-ikke/", 404),
]
LANGUAGES = [("da", ""), ("en", "/en")]
SKIP_LINK_TEXT = {"da": "Spring til indhold", "en": "Skip to content"}


def page_cases(pages=PAGES):
    return [
        pytest.param(prefix + path, status, code, id=f"{code}:{path}")
        for code, prefix in LANGUAGES
        for path, status in pages
    ]


@pytest.mark.parametrize(("path", "status", "language"), page_cases())
def test_page_has_no_wcag_aa_violations_and_declares_its_language(
    page, live_server, centre, assert_no_axe_violations, path, status, language
):
    response = page.goto(live_server.url + path)

    assert response.status == status
    assert page.locator("html").get_attribute("lang") == language
    assert_no_axe_violations(page)


@pytest.mark.parametrize(("path", "status", "language"), page_cases())
def test_first_tab_reaches_the_skip_link_and_enter_moves_focus_to_main(
    page, live_server, centre, path, status, language
):
    page.goto(live_server.url + path)

    page.keyboard.press("Tab")
    skip_link = page.locator("a[href='#main']")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#main"
    assert skip_link.inner_text().strip() == SKIP_LINK_TEXT[language]
    assert skip_link.is_visible()  # visually-hidden-focusable shows it once focused
    box = skip_link.bounding_box()
    assert box and box["width"] > 1 and box["height"] > 1

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize(("path", "status", "language"), page_cases())
def test_no_horizontal_scrolling_on_a_360px_wide_screen(
    page, live_server, centre, path, status, language
):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + path)

    widths = page.evaluate(
        "({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
    )
    assert widths["scroll"] <= widths["inner"], f"{path} scrolls sideways at 360 px: {widths}"


def test_language_switcher_goes_to_the_same_page_in_english(page, live_server, centre):
    page.goto(live_server.url + "/om/")

    page.locator("a[hreflang='en']").click()

    page.wait_for_url(live_server.url + "/en/om/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "a meeting place for volunteering" in page.locator("main").inner_text()


def test_language_switcher_goes_back_to_the_same_page_in_danish(page, live_server, centre):
    page.goto(live_server.url + "/en/privatlivspolitik/")

    page.locator("a[hreflang='da']").click()

    page.wait_for_url(live_server.url + "/privatlivspolitik/")
    assert page.locator("html").get_attribute("lang") == "da"
