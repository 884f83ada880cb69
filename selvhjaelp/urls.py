"""Public pages of the selvhjaelp app (namespace ``selvhjaelp``)."""

app_name = "selvhjaelp"

urlpatterns: list = []
