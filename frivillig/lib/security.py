"""Small security helpers shared by the project's views and by django-axes."""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The client's address, trusting X-Forwarded-For only as far as our own proxies.

    Each proxy appends the address it received the request from, so with N proxies the
    client is the N-th address from the right; anything further left is client-supplied
    and could be forged. Returns None when no valid address is known (a request built in
    code, or a malformed header), never a string that is not an IP address: the login
    throttle stores it in an ``inet`` column on PostgreSQL.
    """
    remote = _valid_ip(request.META.get("REMOTE_ADDR", ""))
    proxies = getattr(settings, "FRIVILLIG_PROXY_COUNT", 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote
    hops = [hop for hop in forwarded.split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote
    return _valid_ip(hops[-proxies]) or remote


def ratelimit_ip(request: HttpRequest) -> str:
    """The address django-ratelimit counts by; requests with no known address share one."""
    return client_ip(request) or "0.0.0.0"  # noqa: S104  (a bucket name, not a bind address)
