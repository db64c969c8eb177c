"""What the channels rely on: a channel's account, unassigned registration, attachments."""

import pytest
from django.urls import reverse

from civicdesk.cases import selectors, services
from civicdesk.cases.choices import Channel
from civicdesk.core.errors import DomainError
from civicdesk.org.services import channel_service_user
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db


def test_channel_account_registers_an_unassigned_case_in_the_group(settings):
    organisation = factories.OrganisationFactory()
    case_type = factories.CaseTypeFactory(organisation=organisation, confidential_by_default=True)
    group = factories.AnswerGroupFactory(organisation=organisation)
    account = channel_service_user(organisation, "email")
    assert channel_service_user(organisation, "email") == account
    assert account.is_channel_account and not account.has_usable_password()

    case = services.register_contact(
        actor=account,
        organisation=organisation,
        channel=Channel.EMAIL,
        case_type=case_type,
        subject="Bygglov",
        answer_group=group,
        assign_to_actor=False,
    )
    assert case.handler is None and case.answer_group == group
    # A confidential case is out of the account's sight, yet the citizen's next mail joins it.
    services.append_contact(actor=account, case=case, channel=Channel.EMAIL, summary="Again")
    services.attach_file(
        actor=account,
        case=case,
        filename="../a.pdf",
        content_type="application/pdf",
        content=b"%PDF",
    )
    assert case.attachments.get().filename == "a.pdf"


def test_registration_refuses_a_group_of_another_organisation():
    organisation = factories.OrganisationFactory()
    case_type = factories.CaseTypeFactory(organisation=organisation)
    account = channel_service_user(organisation, "web")
    with pytest.raises(DomainError) as error:
        services.register_contact(
            actor=account,
            organisation=organisation,
            channel=Channel.WEB_FORM,
            case_type=case_type,
            answer_group=factories.AnswerGroupFactory(),
            assign_to_actor=False,
        )
    assert error.value.field == "answer_group"


def test_attachment_limits_and_download(client, settings):
    settings.CIVICDESK_ATTACHMENT_MAX_BYTES = 10
    agent = factories.UserFactory(roles=["general_agent"])
    case = services.register_contact(
        actor=agent,
        organisation=agent.organisation,
        channel=Channel.PHONE,
        case_type=factories.CaseTypeFactory(organisation=agent.organisation),
    )
    with pytest.raises(DomainError) as too_large:
        services.attach_file(
            actor=agent,
            case=case,
            filename="x.pdf",
            content_type="application/pdf",
            content=b"x" * 11,
        )
    assert too_large.value.code == "attachment_too_large"
    with pytest.raises(DomainError) as wrong_type:
        services.attach_file(
            actor=agent,
            case=case,
            filename="x.exe",
            content_type="application/x-msdownload",
            content=b"MZ",
        )
    assert wrong_type.value.code == "attachment_type"
    item = services.attach_file(
        actor=agent,
        case=case,
        filename="note.txt",
        content_type="text/plain; charset=utf-8",
        content=b"hej",
    )
    client.force_login(agent)
    response = client.get(reverse("cases:attachment", args=[case.pk, item.pk]))
    assert response.content == b"hej"
    assert response["Content-Disposition"].startswith("attachment")
    outsider = factories.UserFactory(roles=["general_agent"])
    client.force_login(outsider)
    assert client.get(reverse("cases:attachment", args=[case.pk, item.pk])).status_code == 404


def test_incoming_work_list_holds_untaken_channel_cases():
    organisation = factories.OrganisationFactory()
    agent = factories.UserFactory(organisation=organisation, roles=["general_agent"])
    case_type = factories.CaseTypeFactory(organisation=organisation)
    account = channel_service_user(organisation, "email")
    case = services.register_contact(
        actor=account,
        organisation=organisation,
        channel=Channel.EMAIL,
        case_type=case_type,
        assign_to_actor=False,
    )
    assert list(selectors.work_list(agent, "incoming")) == [case]
    assert selectors.work_list_counts(agent)["incoming"] == 1
