"""The main job end to end on the built-in sample catalogue, then the site on localhost."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from catalog.importer import catalog_import
from catalog.roles import Role
from catalog.sample_catalog import write_sample_catalog
from catalog.services import user_create_or_update

DEMO_PASSWORD = "catalign-demo"


class Command(BaseCommand):
    help = "Run Catalign end to end on a generated sample catalogue, then serve the site."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000", help="where to serve the site")
        parser.add_argument("--no-serve", action="store_true", help="stop after the pipeline")
        parser.add_argument("--listings", type=int, default=240, help="size of the sample catalogue")

    def step(self, text: str) -> None:
        self.stdout.write(self.style.MIGRATE_HEADING(f"==> {text}"))

    def handle(self, *args, addr: str, no_serve: bool, listings: int, **options):
        self.step("Database: migrating (embedded PostgreSQL unless DATABASE_URL is set)")
        call_command("migrate", interactive=False, verbosity=0)

        self.step("Accounts")
        merchant = user_create_or_update(username="demo-merchant", role=Role.MERCHANT, password=DEMO_PASSWORD)
        moderator = user_create_or_update(username="demo-moderator", role=Role.MODERATOR, password=DEMO_PASSWORD)
        for account in (merchant, moderator):
            self.stdout.write(f"  {account.role.value:<9} {account.user.username} / {DEMO_PASSWORD}  "
                              f"(API token {account.token})")

        self.step(f"Sample catalogue: drawing {listings} listings")
        csv_path = write_sample_catalog(settings.VAR_DIR / "demo" / "sample", count=listings)
        report = catalog_import(merchant=merchant.merchant, csv_path=csv_path)
        self.stdout.write(f"  {csv_path}: {report.created} created, {report.updated} updated, "
                          f"{report.unchanged} unchanged, {len(report.rejected)} rejected")

        if no_serve:
            self.stdout.write(self.style.SUCCESS("Demo pipeline finished."))
            return
        self.step(f"Serving on http://{addr}/  (log in as demo-merchant; Ctrl-C stops)")
        call_command("runserver", addr, use_reloader=False)
