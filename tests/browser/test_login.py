"""Logging in through the real form, as staff would."""

import pytest
from playwright.sync_api import expect

from foreninger.tests.factories import PASSWORD  # the role fixtures' password

pytestmark = pytest.mark.django_db(transaction=True)


def fill_login_form(page, username, password):
    form = page.locator("main form")
    form.locator("input[name='username']").fill(username)
    form.locator("input[name='password']").fill(password)
    form.locator("button[type='submit']").click()


def test_staff_logs_in_and_reaches_the_administration(page, live_server, centre, staff_user):
    page.goto(live_server.url + "/konto/login/")

    fill_login_form(page, "staff", PASSWORD)

    page.wait_for_url(live_server.url + "/")
    admin_link = page.get_by_role("link", name="Administration")
    expect(admin_link).to_be_visible()
    admin_link.click()
    page.wait_for_url(live_server.url + "/admin/")
    # The centre's own admin index, with its "needs your attention" box, not a login form.
    expect(page.locator("#attention")).to_be_visible()
    expect(page.locator("input[name='password']")).to_have_count(0)


def test_wrong_password_shows_an_error_and_stays_on_the_login_page(
    page, live_server, centre, staff_user, assert_no_axe_violations
):
    page.goto(live_server.url + "/konto/login/")

    fill_login_form(page, "staff", "wrong-password")

    expect(page.locator("main .alert-danger")).to_contain_text("passer ikke sammen")
    assert page.url == live_server.url + "/konto/login/"
    expect(page.get_by_role("link", name="Administration")).to_have_count(0)
    # The form with its error message must be as accessible as the empty form.
    assert_no_axe_violations(page)


def test_english_login_error_is_in_english(page, live_server, centre, staff_user):
    page.goto(live_server.url + "/en/konto/login/")

    fill_login_form(page, "staff", "wrong-password")

    expect(page.locator("main .alert-danger")).to_contain_text("do not match")
    assert page.url == live_server.url + "/en/konto/login/"
