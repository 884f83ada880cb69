"""The guide's pages for search engines (frivillig's sitemap.xml gathers every app's)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Association, VolunteerOpportunity


class _Bilingual(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class GuidePagesSitemap(_Bilingual):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return [
            "foreninger:list",
            "foreninger:opportunities",
            "foreninger:service",
            "foreninger:members",
            "foreninger:register",
        ]

    def location(self, item):
        return reverse(item)


class AssociationSitemap(_Bilingual):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Association.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, association):
        return association.updated_at


class OpportunitySitemap(_Bilingual):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return (
            VolunteerOpportunity.objects.open_to_the_public()
            .only("pk", "updated_at")
            .order_by("pk")
        )

    def lastmod(self, opportunity):
        return opportunity.updated_at


SITEMAPS = {
    "guide": GuidePagesSitemap,
    "associations": AssociationSitemap,
    "opportunities": OpportunitySitemap,
}
