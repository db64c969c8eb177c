"""Mail refused while the SMTP server was down goes out, once, when the server is back."""

from datetime import timedelta

import pytest
from django.utils import timezone

from civicdesk.integrations import mail
from civicdesk.integrations.models import OutboundEmail, OutboundEmailStatus
from civicdesk.jobs.models import JobRun
from civicdesk.jobs.scheduler import schedule_due_jobs

pytestmark = pytest.mark.django_db


def test_mail_refused_while_the_server_was_down_goes_out_by_the_periodic_job(
    smtp_server, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to(timezone.now(), tick=False)
    smtp_server.stop()
    with django_capture_on_commit_callbacks(execute=True):
        mail.queue_email(
            dedupe_key="test:periodic", to=["handler@example.org"], subject="Hi", body_text="x"
        )
    email = OutboundEmail.objects.get(dedupe_key="test:periodic")
    assert (email.status, email.attempts) == (OutboundEmailStatus.PENDING, 1)

    smtp_server.start()
    time_machine.shift(timedelta(minutes=2))  # past the first back-off
    # The scheduler fires the job; the test settings' immediate backend runs it at once.
    schedule_due_jobs()
    schedule_due_jobs()  # the same minute again: nothing more
    email.refresh_from_db()
    assert email.status == OutboundEmailStatus.SENT
    assert smtp_server.recipients() == ["handler@example.org"]
    assert JobRun.objects.filter(name="integrations.deliver_due_email").count() == 1
