from django_tasks import task

from civicdesk.jobs import periodic
from civicdesk.sms import delivery


@task()
def deliver_outbound_sms(sms_id: int) -> bool:
    return delivery.deliver(sms_id)


# A message the gateway could not take stays pending with a back-off (delivery.deliver); this
# sends what is due, so messages queued while the gateway was down go out once it is back.
@periodic("sms.deliver_due_sms", cron="* * * * *")
@task()
def deliver_due_sms() -> int:
    return delivery.deliver_due()
