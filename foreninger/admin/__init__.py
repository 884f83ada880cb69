"""The foreninger app in the admin, one module per feature.

Django's autodiscovery imports only this package; importing the modules registers them.
"""

from . import advice, associations, membership, offers, revisions  # noqa: F401
