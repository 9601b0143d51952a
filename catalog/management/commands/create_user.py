import json

from django.core.management.base import BaseCommand

from catalog.roles import Role
from catalog.services import user_create_or_update


class Command(BaseCommand):
    help = "Create or update a merchant or moderator account and print its API token."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=[role.value for role in Role])
        parser.add_argument("--password", help="set a password for the web pages (optional)")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args, username, role, password, **options):
        account = user_create_or_update(username=username, role=Role(role), password=password)
        if options["json"]:
            self.stdout.write(json.dumps({"username": username, "role": role, "token": account.token}))
        else:
            self.stdout.write(f"{role} {username!r} ready; API token: {account.token}")

