"""Fixed values of the demo and benchmark data, shared by the commands and the bench."""

# Every demo user, and the installation superuser `admin`, signs in with this password.
# It is printed by `manage.py load_demo`; never load demo data into a production database.
DEMO_PASSWORD = "civicdesk-demo"  # noqa: S105 (public on purpose)

ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@civicdesk.example"

# Organisations made by `generate_data` carry this slug prefix, so the customer step finds
# them again on a later run and never touches the hand-written demo organisations.
GENERATED_SLUG_PREFIX = "gen-"

# Paths printed after loading; joined to settings.SITE_URL.
DEMO_PATHS = (("the app", "/"), ("the admin", "/admin/"), ("the API docs", "/api/docs"))
