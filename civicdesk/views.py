"""The agent's start page: look a caller up, see one's groups and organisation."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from civicdesk.cases import selectors as case_selectors
from civicdesk.core import authz
from civicdesk.customers.models import AccessPurpose
from civicdesk.org import selectors as org_selectors


@login_required
def home(request):
    actor = request.user
    return render(
        request,
        "home.html",
        {
            "my_groups": org_selectors.answer_groups_for_actor(actor).filter(
                pk__in=actor.group_ids
            ),
            "can_look_up_customers": authz.can(actor, "customers.view_customer"),
            "work_counts": case_selectors.work_list_counts(actor),
            "purposes": AccessPurpose.choices,
        },
    )
