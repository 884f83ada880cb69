"""Min forening: a contact's offers to help, marking them answered; staff's admin list."""

import datetime

import pytest
from django.utils import timezone

from .factories import make_association, make_opportunity, make_user, make_volunteer_offer

DAY = datetime.timedelta(days=1)


@pytest.fixture
def association(centre, contact_user):
    return make_association("Skakklubben", contacts=[contact_user])


@pytest.fixture
def other_association(centre):
    other_user = make_user("anden")
    other = make_association("Anden forening", contacts=[other_user])
    other.contact = other_user
    return other


def inbox_url(association):
    return f"/min-forening/{association.slug}/henvendelser/"


def answer_url(association, offer):
    return f"/min-forening/{association.slug}/henvendelser/{offer.pk}/besvaret/"


# Who may see what


def test_anonymous_is_sent_to_log_in(client, association):
    offer = make_volunteer_offer(association=association)

    for response in (
        client.get(inbox_url(association)),
        client.post(answer_url(association, offer)),
    ):
        assert response.status_code == 302
        assert "/konto/login/" in response["Location"]
    offer.refresh_from_db()
    assert offer.answered_at is None


@pytest.mark.parametrize("role_user", ["facilitator_user", "board_user", "staff_user"])
def test_other_roles_get_404(client, association, request, role_user):
    offer = make_volunteer_offer(association=association)
    client.force_login(request.getfixturevalue(role_user))

    assert client.get(inbox_url(association)).status_code == 404
    assert client.post(answer_url(association, offer)).status_code == 404
    offer.refresh_from_db()
    assert offer.answered_at is None


def test_contact_of_another_association_gets_404(client, association, other_association):
    offer = make_volunteer_offer(association=association, name="Hemmelig Hanne")
    own_offer = make_volunteer_offer(association=other_association)
    client.force_login(other_association.contact)

    assert client.get(inbox_url(association)).status_code == 404
    assert client.post(answer_url(association, offer)).status_code == 404
    # Own slug, someone else's offer id.
    assert client.post(answer_url(other_association, offer)).status_code == 404
    assert "Hemmelig Hanne" not in client.get(inbox_url(other_association)).content.decode()
    offer.refresh_from_db()
    assert offer.answered_at is None
    own_offer.refresh_from_db()
    assert own_offer.answered_at is None


# The list


def test_contact_sees_unanswered_offers_first_with_their_age(client, association, contact_user):
    make_volunteer_offer(
        association=association, name="Besvaret Bo", age=DAY * 5, answered_at=timezone.now()
    )
    make_volunteer_offer(association=association, name="Ny Nina", age=DAY * 2)
    make_volunteer_offer(association=association, name="Gammel Gert", age=DAY * 9)
    client.force_login(contact_user)

    response = client.get(inbox_url(association))

    assert response.status_code == 200
    names = [offer.name for offer in response.context["offers"]]
    assert names == ["Gammel Gert", "Ny Nina", "Besvaret Bo"]
    overdue = {offer.name: offer.is_overdue for offer in response.context["offers"]}
    assert overdue == {"Gammel Gert": True, "Ny Nina": False, "Besvaret Bo": False}
    assert response.context["unanswered_count"] == 2
    html = response.content.decode()
    assert "karen@example.org" in html
    assert "border-danger" in html
    assert "9 days ago" in html or "9 dage" in html


def test_volunteers_words_are_escaped_in_the_inbox(client, association, contact_user):
    make_volunteer_offer(
        association=association, name="<script>alert(1)</script>", message="<b>hej</b>"
    )
    client.force_login(contact_user)

    html = client.get(inbox_url(association)).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;hej&lt;/b&gt;" in html


def test_inbox_is_paginated_in_a_fixed_number_of_queries(
    client, association, contact_user, django_assert_max_num_queries
):
    opportunity = make_opportunity(association)
    for number in range(25):
        make_volunteer_offer(opportunity, name=f"Person {number}")
    make_volunteer_offer(
        association=association,
        age=DAY,
        answered_at=timezone.now(),
        answered_by=contact_user,
        name="Besvaret",
    )
    client.force_login(contact_user)

    with django_assert_max_num_queries(9):
        first = client.get(inbox_url(association))
    second = client.get(inbox_url(association), {"page": 2})

    assert first.status_code == second.status_code == 200
    assert len(first.context["offers"]) == 20
    assert len(second.context["offers"]) == 6
    first_html, second_html = first.content.decode(), second.content.decode()
    assert "<h1>Skakklubben</h1>" in first_html
    assert first_html.count('<h3 class="h5 mb-1" id="offer-') == 20
    assert second_html.count('<h3 class="h5 mb-1" id="offer-') == 6
    assert "Person " in first_html
    assert "Besvaret</h3>" not in first_html  # the answered offer comes last
    assert "Besvaret</h3>" in second_html


def test_empty_inbox_says_so(client, association, contact_user):
    client.force_login(contact_user)

    response = client.get(inbox_url(association))

    assert response.status_code == 200
    assert list(response.context["offers"]) == []


# Marking answered


def test_contact_marks_an_offer_answered(client, association, contact_user):
    offer = make_volunteer_offer(association=association, age=DAY * 3)
    client.force_login(contact_user)

    response = client.post(answer_url(association, offer), follow=True)

    assert response.redirect_chain == [(inbox_url(association), 302)]
    assert response.status_code == 200
    offer.refresh_from_db()
    assert offer.answered_by == contact_user
    assert offer.answered_at is not None
    assert len(list(response.context["messages"])) == 1
    html = response.content.decode()
    assert "Tilbuddet fra Karen er markeret som besvaret." in html
    assert "Markeret som besvaret den" in html


def test_marking_answered_needs_post(client, association, contact_user):
    offer = make_volunteer_offer(association=association)
    client.force_login(contact_user)

    assert client.get(answer_url(association, offer)).status_code == 405
    offer.refresh_from_db()
    assert offer.answered_at is None


def test_marking_answered_twice_keeps_the_first_answer(client, association, contact_user):
    first_answer = timezone.now() - DAY
    offer = make_volunteer_offer(association=association, age=DAY * 2, answered_at=first_answer)
    client.force_login(contact_user)

    response = client.post(answer_url(association, offer))

    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.answered_at == first_answer
    assert offer.answered_by is None


# Staff in the admin


def test_staff_see_overdue_offers_in_the_admin(
    client, association, staff_user, django_assert_max_num_queries
):
    for number in range(10):
        make_volunteer_offer(association=association, name=f"Ventende {number}", age=DAY * 8)
    make_volunteer_offer(association=association, name="Frisk Frida", age=DAY * 2)
    make_volunteer_offer(
        association=association, name="Besvaret Bent", age=DAY * 9, answered_at=timezone.now()
    )
    client.force_login(staff_user)

    with django_assert_max_num_queries(15):
        response = client.get("/admin/foreninger/volunteeroffer/?answer=overdue")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Ventende 9" in html
    assert "Frisk Frida" not in html
    assert "Besvaret Bent" not in html
    assert "Skakklubben" in html

    unanswered = client.get("/admin/foreninger/volunteeroffer/?answer=unanswered").content
    assert "Frisk Frida" in unanswered.decode()
    answered = client.get("/admin/foreninger/volunteeroffer/?answer=answered").content.decode()
    assert "Besvaret Bent" in answered and "Frisk Frida" not in answered


def test_staff_search_offers_by_association_name(client, association, staff_user):
    make_volunteer_offer(association=association, name="Søgbar Søren")
    make_volunteer_offer(association=make_association("Helt anden"), name="Anden Anne")
    client.force_login(staff_user)

    html = client.get("/admin/foreninger/volunteeroffer/", {"q": "Skakklubben"}).content.decode()

    assert "Søgbar Søren" in html
    assert "Anden Anne" not in html


def test_staff_mark_offers_answered_with_the_admin_action(client, association, staff_user):
    offer = make_volunteer_offer(association=association, age=DAY * 8)
    client.force_login(staff_user)

    client.post(
        "/admin/foreninger/volunteeroffer/",
        {"action": "mark_answered", "_selected_action": [offer.pk]},
    )

    offer.refresh_from_db()
    assert offer.answered_by == staff_user
    assert offer.answered_at is not None


@pytest.mark.parametrize("role_user", ["board_user", "contact_user", "facilitator_user"])
def test_only_staff_see_offers_in_the_admin(client, association, request, role_user):
    make_volunteer_offer(association=association)
    client.force_login(request.getfixturevalue(role_user))

    response = client.get("/admin/foreninger/volunteeroffer/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
