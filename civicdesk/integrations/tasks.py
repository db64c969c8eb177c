from django_tasks import task

from civicdesk.integrations import mail
from civicdesk.jobs import periodic


@task()
def deliver_outbound_email(email_id: int) -> bool:
    return mail.deliver(email_id)


# Mail the server refused stays pending with a back-off (mail.deliver); this sends what is due,
# so messages queued while the SMTP server was down go out within a minute of its return.
@periodic("integrations.deliver_due_email", cron="* * * * *")
@task()
def deliver_due_email() -> int:
    return mail.deliver_due()
