"""What changes rows, sends mail or enforces a rule, one module per feature (called by views,
admin actions, receivers and management commands)."""
