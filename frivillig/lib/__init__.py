"""Shared building blocks that every app may import (see ../shared/DESIGN.md).

One module per block: forms (honeypot, posted, consent), mail (the outbox), cache
(generations and cached pages), csv, images, validators, text. Nothing here imports an app.

Also here: receipts (the receipt to a citizen and the notice to staff that a public form
sends), ratelimit (the public forms' limit per address), security (the client's address
behind our proxies, for django-ratelimit and django-axes) and models (the postal-address
fields as an abstract model). The architecture test checks that no block imports an app.
"""
