from django_tasks import task

from civicdesk.integrations import mail


@task()
def deliver_outbound_email(email_id: int) -> bool:
    return mail.deliver(email_id)
