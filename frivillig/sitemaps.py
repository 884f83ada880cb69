from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from foreninger.sitemaps import SITEMAPS as GUIDE_SITEMAPS


class CentrePagesSitemap(Sitemap):
    """The centre's own pages, in Danish and English with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return ["frivillig:home", "frivillig:about", "frivillig:privacy", "frivillig:accessibility"]

    def location(self, item):
        return reverse(item)

    def priority(self, item):
        return 1.0 if item == "frivillig:home" else 0.5


SITEMAPS = {"centre": CentrePagesSitemap, **GUIDE_SITEMAPS}
