"""Shared building blocks that every app may import (see ../shared/DESIGN.md).

One module per block: forms (honeypot, posted, consent), mail (the outbox), cache
(generations and cached pages), csv, images, validators, text. Nothing here imports an app.
"""
