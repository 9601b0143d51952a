import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from catalog.importer import CatalogFileError, catalog_import
from catalog.services import merchant_get_or_create


class Command(BaseCommand):
    help = "Import a catalogue CSV (sku,title,image,...) for a merchant; idempotent on (merchant, sku)."

    def add_arguments(self, parser):
        parser.add_argument("csv", type=Path)
        parser.add_argument("--merchant", required=True, help="merchant name (created if missing)")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print one JSON object")

    def handle(self, *args, csv: Path, merchant: str, as_json: bool, **options):
        seller = merchant_get_or_create(name=merchant)
        bar = tqdm(desc=f"Importing {csv.name}", unit="row", disable=as_json or None, file=self.stderr._out)
        try:
            report = catalog_import(merchant=seller, csv_path=csv, progress=bar.update,
                                    on_total=lambda total: bar.reset(total=total))
        except CatalogFileError as exc:
            raise CommandError(f"{csv}: {exc}") from None
        finally:
            bar.close()
        if as_json:
            self.stdout.write(json.dumps(report.as_dict()))
            return
        self.stdout.write(
            f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged, "
            f"{len(report.rejected)} rejected"
        )
        for row in report.rejected:
            self.stdout.write(f"  line {row.line} (sku {row.sku or '?'}): {row.reason}")
