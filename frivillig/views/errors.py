"""Error pages that need a view of their own: the 500 page and the rate limit's 429."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request):
    """The 500 page, rendered without context processors: the database may be what failed."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request_path": request.path}))


def rate_limited(request, exception):
    """A public form was sent too often from one address (django-ratelimit)."""
    return render(request, "429.html", {}, status=429)
