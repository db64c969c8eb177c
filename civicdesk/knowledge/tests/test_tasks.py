"""The daily job and its command: reminders once a week, expired notices out of the index."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from civicdesk.core.search.models import SearchEntry
from civicdesk.integrations.models import OutboundEmail
from civicdesk.jobs.registry import registered_jobs
from civicdesk.knowledge.tasks import review_reminders
from civicdesk.org.choices import Role
from civicdesk.testing import factories

pytestmark = pytest.mark.django_db


def test_the_daily_job_is_registered_with_the_scheduler():
    assert "knowledge.review_reminders" in {job.name for job in registered_jobs()}


def test_the_job_reminds_owners_and_forgets_expired_notices(tenant_a):
    today = datetime.date.today()
    factories.ArticleFactory(
        organisation=tenant_a.organisation,
        owner=tenant_a.user(Role.DEPARTMENT_EXPERT),
        review_by=today - datetime.timedelta(days=2),
    )
    notice = factories.NoticeFactory(
        organisation=tenant_a.organisation,
        valid_from=today - datetime.timedelta(days=5),
        valid_until=today - datetime.timedelta(days=1),
    )
    assert SearchEntry.objects.filter(kind="notice", object_id=notice.pk).exists()
    assert review_reminders.call() == {"reminded": 1, "notices_forgotten": 1}
    assert not SearchEntry.objects.filter(kind="notice", object_id=notice.pk).exists()
    out = StringIO()
    call_command("remind_stale_articles", stdout=out)
    assert "Queued 0 review reminder(s)" in out.getvalue()
    assert OutboundEmail.objects.count() == 1
