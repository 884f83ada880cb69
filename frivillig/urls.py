"""Root URLs. Danish paths unprefixed, English under /en/; admin and machine paths outside."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from .forms.accounts import LoginForm
from .lib.cache import cache_public_page
from .sitemaps import SITEMAPS
from .views import accounts, pages

urlpatterns = [
    path("healthz/", pages.healthz, name="healthz"),
    path("robots.txt", pages.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/", admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", include("frivillig.site_urls")),
    path(
        "konto/login/",
        # The same empty form for every visitor without a session (see lib/cache.py).
        cache_public_page("centre", params=["next"])(
            auth_views.LoginView.as_view(authentication_form=LoginForm)
        ),
        name="login",
    ),
    path(
        "konto/password_reset/",
        accounts.CentrePasswordResetView.as_view(),
        name="password_reset",
    ),
    path("konto/", include("django.contrib.auth.urls")),
    path("", include("foreninger.urls")),
    path("", include("selvhjaelp.urls")),
    path("", include("arrangementer.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler500 = "frivillig.views.errors.server_error"
