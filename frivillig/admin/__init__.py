"""The centre's part of the admin, one module per feature.

Django's autodiscovery imports only this package; importing the modules registers them.
attention.py holds the front page's queues; the site class is ``frivillig/admin_site.py``,
outside this package (its docstring says why).
"""

from . import centre, invitations, outbox, users  # noqa: F401
