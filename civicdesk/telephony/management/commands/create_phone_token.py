"""Creates the API token a phone system reports calls with (POST /api/v1/telephony/events).

    manage.py create_phone_token --organisation skelleftea --by ske.admin

The token acts as the organisation's phone account, which may report calls and record talk
time and nothing else. It is printed once; only its hash is stored.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from civicdesk.core.errors import DomainError
from civicdesk.org.models import Organisation, User
from civicdesk.org.services import create_api_token
from civicdesk.telephony.services import phone_account


class Command(BaseCommand):
    help = "Creates an API token for an organisation's phone system."

    def add_arguments(self, parser):
        parser.add_argument("--organisation", required=True, help="the organisation's short name")
        parser.add_argument("--by", required=True, help="the administrator creating it")
        parser.add_argument("--name", default="Phone system")

    def handle(self, *args, **options):
        organisation = Organisation.objects.filter(slug=options["organisation"]).first()
        administrator = User.objects.filter(username=options["by"], is_active=True).first()
        if organisation is None or administrator is None:
            raise CommandError("Unknown organisation or administrator.")
        try:
            _token, secret = create_api_token(
                actor=administrator, user=phone_account(organisation), name=options["name"]
            )
        except DomainError as error:
            raise CommandError(str(error.message)) from None
        self.stdout.write(secret)
