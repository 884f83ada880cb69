"""How often one address may send a public form (django-ratelimit, counted per address).

Five an hour lets a person correct and resend a form a few times and stops a script from
filling the staff's queues. A refusal shows the "too many requests" page (settings.RATELIMIT_VIEW).
"""

from django_ratelimit.decorators import ratelimit

PUBLIC_FORM_RATE = "5/h"

#: For the view of a form anyone can send without logging in; only POSTs are counted.
public_form_ratelimit = ratelimit(key="ip", rate=PUBLIC_FORM_RATE, method="POST", block=True)
