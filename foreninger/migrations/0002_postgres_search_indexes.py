"""Full-text and typo-tolerant search indexes, on PostgreSQL only.

SQLite (development) searches with a simpler fallback and needs none of this; Django's
index classes cannot be made conditional, so the SQL is run here by hand.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS association_search_vector_gin "
    "ON foreninger_association USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS association_name_trgm "
    "ON foreninger_association USING gin (name gin_trgm_ops)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS association_name_trgm",
    "DROP INDEX IF EXISTS association_search_vector_gin",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements:
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("foreninger", "0001_initial")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
