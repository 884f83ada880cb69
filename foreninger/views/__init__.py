"""The app's public pages, one module per feature; each view parses, calls a service, renders."""
