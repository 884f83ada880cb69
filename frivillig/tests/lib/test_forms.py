"""posted(), the honeypot and the consent box that every public form shares."""

from django import forms
from django.test import RequestFactory

from frivillig.lib.forms import ConsentField, HoneypotMixin, posted


class ExampleForm(HoneypotMixin, forms.Form):
    name = forms.CharField()
    consent = ConsentField(label="You may keep my name.", refusal="We need your consent.")


def test_posted_is_none_on_get_so_the_form_is_unbound():
    assert posted(RequestFactory().get("/")) is None


def test_an_empty_post_still_binds_the_form_and_shows_its_errors():
    form = ExampleForm(posted(RequestFactory().post("/", {})))

    assert form.is_bound
    assert not form.is_valid()
    assert "name" in form.errors


def test_a_filled_honeypot_is_spam_and_an_empty_one_is_not():
    person = ExampleForm({"name": "Karen", "consent": "on", "website": ""})
    bot = ExampleForm({"name": "Karen", "consent": "on", "website": "https://spam.example"})

    assert person.is_valid() and not person.is_spam()
    assert bot.is_valid() and bot.is_spam()


def test_consent_must_be_given_and_says_why():
    form = ExampleForm({"name": "Karen"})

    assert not form.is_valid()
    assert form.errors["consent"] == ["We need your consent."]
    assert form.fields["consent"].label == "You may keep my name."
