"""Public pages of the foreninger app (namespace ``foreninger``)."""

app_name = "foreninger"

urlpatterns: list = []
