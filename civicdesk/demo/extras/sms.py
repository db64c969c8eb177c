"""SMS demo for Skellefteå: the municipality's SMS number, and one conversation told through
the channel's own services: Elsa Lindgren texts about the refuse collection (a new case in
the front line), an agent answers from the case, and her reply joins the same case.

The number is from the range Sweden's PTS keeps for fiction (070-174 06 05 to 070-174 06 99).
Idempotent: the number is found by itself, the citizen's messages by their gateway ids and the
agent's answer by its form token, so a second load adds nothing.
"""

from __future__ import annotations

from civicdesk.catalog.models import CaseType
from civicdesk.org.models import Organisation, User
from civicdesk.sms import services as sms_services
from civicdesk.sms.models import InboundSms, SmsNumber

SLUG = "skelleftea"
NUMBER = "+46701740605"
CITIZEN = "+46701740612"  # Elsa Lindgren's phone in the demo register


def load(*, spec: dict, report) -> None:
    if spec["slug"] != SLUG:
        return
    organisation = Organisation.objects.get(slug=SLUG)
    number, created = SmsNumber.objects.get_or_create(
        number=NUMBER,
        defaults={
            "organisation": organisation,
            "default_case_type": CaseType.objects.filter(
                organisation=organisation, is_active=True, confidential_by_default=False
            )
            .order_by("code")
            .first(),
        },
    )
    report.count(SmsNumber, created=created)
    question, created = sms_services.receive_inbound_sms(
        gateway_id="demo-skelleftea-1",
        from_number=CITIZEN,
        to_number=number.number,
        text="Hej! Soptunnan har inte tömts på två veckor. Vilken dag kommer de till Morö Backe?",
    )
    report.count(InboundSms, created=created)
    agent = User.objects.get(username=f"{spec['username_prefix']}.agent")
    if question.case.is_open:
        sms_services.send_sms_from_case(
            actor=agent,
            case=question.case,
            to=CITIZEN,
            text="Hej Elsa! Morö Backe töms på torsdagar. Vi har meddelat entreprenören att "
            "din tunna missades. Mvh Kundtjänst Skellefteå kommun",
            submission_id="demo-1",
        )
    _reply, created = sms_services.receive_inbound_sms(
        gateway_id="demo-skelleftea-2",
        from_number=CITIZEN,
        to_number=number.number,
        text="Tack för snabbt svar!",
    )
    report.count(InboundSms, created=created)
