import pytest

from foreninger.models import AdviceRequest
from foreninger.tests.factories import make_advice_request

URL = "/foreningsservice/"


def valid_request(**overrides):
    return {
        "name": "Karen Hansen",
        "email": "karen@example.org",
        "phone": "",
        "association_name": "Eksempelby Skakklub",
        "topic": "funding",
        "message": "Hvilke fonde kan vi søge til nye skakure?",
        "consent": "on",
        "website": "",
        **overrides,
    }


def test_service_page_lists_what_the_centre_helps_with_in_both_languages(client, centre):
    danish = client.get(URL).content.decode()
    english = client.get("/en" + URL).content.decode()

    assert "Fondsansøgninger" in danish
    assert "Funding applications" in english
    assert 'name="csrfmiddlewaretoken"' in danish


def test_service_is_in_the_main_navigation(client, centre):
    assert f'href="{URL}"' in client.get("/").content.decode()


def test_advice_request_becomes_a_case_and_sends_receipt_and_notice(client, centre, mailoutbox):
    response = client.post(URL, valid_request())

    assert response.status_code == 302
    assert response["Location"] == "/foreningsservice/tak/"
    advice = AdviceRequest.objects.get()
    assert advice.status == AdviceRequest.Status.NEW
    assert advice.topic == "funding"
    receipt, notice = mailoutbox
    assert receipt.to == ["karen@example.org"]
    assert receipt.subject == "Dit spørgsmål til Frivilligcenter Eksempelby"
    # The receipt does not repeat the message: the form must not mail anyone's text to
    # any address it is given.
    assert "skakure" not in receipt.body
    assert notice.to == [centre.email]
    assert f"/admin/foreninger/advicerequest/{advice.pk}/change/" in notice.body


def test_english_request_gets_an_english_receipt(client, centre, mailoutbox):
    client.post("/en" + URL, valid_request())

    assert mailoutbox[0].subject == "Your question to Frivilligcenter Eksempelby"
    assert AdviceRequest.objects.get().language == "en"
    # Staff read the notice in Danish, the topic too.
    assert mailoutbox[1].subject == "Ny henvendelse om rådgivning: Fondsansøgninger"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"name": ""}, "Dette felt er påkrævet."),
        ({"email": "ikke-en-adresse"}, "Indtast en gyldig e-mail-adresse."),
        ({"message": "x" * 3001}, "højst have 3000 tegn"),
        ({"name": "x" * 151}, "højst have 150 tegn"),
        ({"topic": "hacking"}, "Marker en gyldig valgmulighed."),
        ({"phone": "<script>"}, "Skriv telefonnummeret med cifre"),
        ({"consent": ""}, "Vi skal have dit samtykke for at kunne svare dig."),
    ],
)
def test_bad_input_is_refused_with_a_danish_message_and_nothing_stored(
    client, centre, mailoutbox, overrides, message
):
    response = client.post(URL, valid_request(**overrides))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AdviceRequest.objects.exists()
    assert mailoutbox == []


def test_script_tags_are_kept_as_text_and_escaped_on_the_page(client, centre):
    response = client.post(URL, valid_request(email="bad", name="<script>alert(1)</script>"))

    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_filled_honeypot_pretends_success_but_stores_nothing(client, centre, mailoutbox):
    response = client.post(URL, valid_request(website="http://spam.example"))

    assert response.status_code == 302
    assert not AdviceRequest.objects.exists()
    assert mailoutbox == []


def test_many_requests_from_one_address_are_refused_for_a_while(client, centre):
    for _attempt in range(5):
        assert client.post(URL, valid_request()).status_code == 302

    response = client.post(URL, valid_request())

    assert response.status_code == 429
    assert "For mange henvendelser" in response.content.decode()
    assert AdviceRequest.objects.count() == 5


def test_form_needs_csrf(centre):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL, valid_request())

    assert response.status_code == 403
    assert not AdviceRequest.objects.exists()


def test_page_runs_a_fixed_number_of_queries(client, centre, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Foreningsservice</h1>" in html
    assert 'action="#advice-form"' in html


@pytest.mark.parametrize("role_user", ["board_user", "contact_user", "facilitator_user"])
def test_only_staff_see_advice_requests_in_the_admin(client, centre, request, role_user):
    make_advice_request()
    client.force_login(request.getfixturevalue(role_user))

    response = client.get("/admin/foreninger/advicerequest/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_list_filter_and_open_advice_requests(
    client, centre, staff_user, django_assert_max_num_queries
):
    for number in range(30):
        make_advice_request(name=f"Person {number}")
    make_advice_request(name="Lukket Lis", status=AdviceRequest.Status.CLOSED)
    client.force_login(staff_user)

    with django_assert_max_num_queries(12):
        response = client.get("/admin/foreninger/advicerequest/?status__exact=new")

    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 30
    html = response.content.decode()
    assert "Person 0" in html and "Person 29" in html
    assert "Lukket Lis" not in html


def test_staff_assign_a_request_to_themselves_and_close_it(client, centre, staff_user):
    advice = make_advice_request()
    client.force_login(staff_user)
    url = "/admin/foreninger/advicerequest/"

    client.post(url, {"action": "assign_to_me", "_selected_action": [advice.pk]})
    advice.refresh_from_db()
    assert advice.owner == staff_user
    assert advice.status == AdviceRequest.Status.IN_PROGRESS

    client.post(url, {"action": "close", "_selected_action": [advice.pk]})
    advice.refresh_from_db()
    assert advice.status == AdviceRequest.Status.CLOSED
    assert advice.closed_at is not None


def test_staff_cannot_alter_what_the_asker_wrote(client, centre, staff_user):
    advice = make_advice_request()
    client.force_login(staff_user)

    client.post(
        f"/admin/foreninger/advicerequest/{advice.pk}/change/",
        {"status": "closed", "notes": "Ringet op", "message": "ændret", "owner": ""},
    )

    advice.refresh_from_db()
    assert advice.message == "Må vi gemme medlemmernes fødselsdage?"
    assert advice.notes == "Ringet op"
    assert advice.closed_at is not None
