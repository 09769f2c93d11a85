"""The folded ``search_text`` of decisions for the public decision search: the column, its
value for the decisions issued before it existed, and on PostgreSQL a trigram index."""

from django.db import migrations, models

from vinhdanh.decisions.services.search import search_text_of

TABLE = "decisions_decision"


def fill(apps, schema_editor):
    Decision = apps.get_model("decisions", "Decision")
    issued = (Decision.objects.using(schema_editor.connection.alias)
              .filter(state="issued").select_related("issuer"))
    for decision in issued.iterator(chunk_size=500):
        lines = list(decision.entries.order_by("position", "id")
                     .values_list("recipient_name", "honor__name"))
        decision.search_text = search_text_of(
            subject=decision.subject,
            reference=f"{decision.number}/QĐ-{decision.issuer.abbreviation}",
            authority=decision.issuer.authority, lines=lines)
        decision.save(update_fields=["search_text"])


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_search_trgm "
                          f"ON {TABLE} USING gin (search_text gin_trgm_ops)")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TABLE}_search_trgm")


class Migration(migrations.Migration):

    dependencies = [
        ("decisions", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="decision",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(add_index, drop_index, elidable=False),
    ]
