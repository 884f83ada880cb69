"""The public-form rate limit: a few POSTs an hour from one address, GETs never counted."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django_ratelimit.exceptions import Ratelimited

from frivillig.lib.ratelimit import PUBLIC_FORM_RATE, public_form_ratelimit

# The counters live in the "ratelimit" cache: a database table unless Redis holds them.
pytestmark = pytest.mark.django_db


@public_form_ratelimit
def form_view(request):
    return HttpResponse("ok")


def post_from(address):
    return RequestFactory().post("/form/", {"name": "x"}, REMOTE_ADDR=address)


def test_the_sixth_post_in_an_hour_from_one_address_is_refused():
    assert PUBLIC_FORM_RATE == "5/h"
    for _attempt in range(5):
        assert form_view(post_from("192.0.2.1")).status_code == 200

    with pytest.raises(Ratelimited):
        form_view(post_from("192.0.2.1"))
    assert form_view(post_from("192.0.2.2")).status_code == 200


def test_reading_the_form_is_never_limited():
    for _attempt in range(10):
        request = RequestFactory().get("/form/", REMOTE_ADDR="192.0.2.3")
        assert form_view(request).status_code == 200
