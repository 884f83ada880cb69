"""Turning an association's data into safe HTML: Markdown descriptions, JSON-LD, links."""

from __future__ import annotations

import json
import re
from urllib.parse import quote_plus

import markdown
import nh3
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "h2", "h3", "h4", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener"
DESCRIPTION_CACHE_SECONDS = 3600

# The description sits under the page's h1 and its own h2: its headings become h3 and h4.
_HEADING_SHIFT = {"h1": "h3", "h2": "h3", "h3": "h4", "h5": "h4", "h6": "h4"}
_HEADING_TAG = re.compile(r"<(/?)(h[12356])\b", re.IGNORECASE)


def render_markdown(text: str) -> SafeString:
    """Markdown to HTML with only a few harmless tags left (see ALLOWED_TAGS)."""
    html = markdown.markdown(text or "", output_format="html")
    html = _HEADING_TAG.sub(lambda m: f"<{m.group(1)}{_HEADING_SHIFT[m.group(2).lower()]}", html)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above


def description_html(association) -> SafeString:
    """The association's description as HTML, cached until the association changes."""
    stamp = association.updated_at.timestamp() if association.updated_at else 0
    key = f"foreninger:description:{association.pk}:{stamp}"
    html = cache.get(key)
    if html is None:
        html = str(render_markdown(association.description))
        cache.set(key, html, DESCRIPTION_CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 - stored after sanitising


_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> SafeString:
    """A schema.org block; <, > and & escaped so no value can close the script element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(
        _JSON_SCRIPT_ESCAPES
    )
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def postal_address(association) -> str:
    return ", ".join(association.address_lines)


def openstreetmap_url(association) -> str:
    address = postal_address(association)
    if not address:
        return ""
    return f"https://www.openstreetmap.org/search?query={quote_plus(address + ', Danmark')}"


def tel_href(phone: str) -> str:
    digits = re.sub(r"[^\d+]", "", phone or "")
    if not digits:
        return ""
    if not digits.startswith("+") and len(digits) == 8:
        digits = "+45" + digits  # a Danish number
    return f"tel:{digits}"


def association_json_ld(association, *, page_url: str, logo_url: str = "") -> dict:
    """schema.org NGO for an association's page (only public fields)."""
    data = {
        "@context": "https://schema.org",
        "@type": "NGO",
        "name": association.name,
        "description": association.short_description,
        "url": association.website or page_url,
        "mainEntityOfPage": page_url,
    }
    if association.address or association.city:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": association.address,
            "postalCode": association.postal_code,
            "addressLocality": association.city,
            "addressCountry": "DK",
        }
    if association.email:
        data["email"] = association.email
    if association.phone:
        data["telephone"] = association.phone
    if logo_url:
        data["logo"] = logo_url
    if association.founded_year:
        data["foundingDate"] = str(association.founded_year)
    if association.cvr:
        data["taxID"] = association.cvr
    same_as = [url for url in (association.facebook_url, association.instagram_url) if url]
    if association.website and association.website != data["url"]:
        same_as.insert(0, association.website)
    if same_as:
        data["sameAs"] = same_as
    return data


def initials(name: str) -> str:
    """Up to two letters for a logo placeholder: "Herlev Skakklub" -> "HS"."""
    words = [word for word in re.findall(r"\w+", name or "") if word[:1].isalpha()]
    return "".join(word[0] for word in words[:2]).upper() or "?"
