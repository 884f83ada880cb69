"""Public pages of the arrangementer app (namespace ``arrangementer``)."""

app_name = "arrangementer"

urlpatterns: list = []
