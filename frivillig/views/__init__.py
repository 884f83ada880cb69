"""The centre's own pages, one module per feature; each view parses, calls a service, renders."""
