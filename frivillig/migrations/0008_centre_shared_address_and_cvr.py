"""The centre's profile uses the shared building blocks (frivillig/lib/).

- Its street address becomes the shared ``address`` field of ``PostalAddress``. Only the
  field's name in Python changes: the column stays ``street_address`` and the label stays
  "street address", so the database is not touched (state only).
- Its CVR number is checked with the one CVR rule (modulus 11) instead of "8 digits".
  Validators live in Python only: no SQL either. A stored number that fails the new rule
  stays as it is until staff next save the profile.
"""

from django.db import migrations, models

import frivillig.lib.validators


class Migration(migrations.Migration):
    dependencies = [
        ("frivillig", "0007_outbox"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RenameField(
                    model_name="centreprofile", old_name="street_address", new_name="address"
                ),
                migrations.AlterField(
                    model_name="centreprofile",
                    name="address",
                    field=models.CharField(
                        blank=True,
                        db_column="street_address",
                        max_length=200,
                        verbose_name="street address",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterField(
            model_name="centreprofile",
            name="cvr",
            field=models.CharField(
                blank=True,
                max_length=8,
                validators=[frivillig.lib.validators.validate_cvr],
                verbose_name="CVR number",
            ),
        ),
    ]
