from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from civicdesk.catalog import selectors
from civicdesk.catalog.choices import RosaTier
from civicdesk.core import authz


@login_required
def catalogue(request):
    """Topics and the case types under them, with who handles each."""
    authz.require(request.user, "catalog.view_catalogue")
    query = request.GET.get("q", "").strip()
    tier = request.GET.get("tier", "")
    case_types = (
        selectors.search_case_types(request.user, query, limit=None)
        if query
        else selectors.case_types_for_actor(request.user)
    )
    if tier in RosaTier.values:
        case_types = case_types.filter(rosa_tier=tier)
    by_topic: dict = {}
    for case_type in case_types:
        by_topic.setdefault(case_type.topic, []).append(case_type)
    topics = sorted(
        by_topic.items(), key=lambda item: (item[0] is None, item[0].position if item[0] else 0)
    )
    context = {
        "topics": topics,
        "query": query,
        "tier": tier,
        "tiers": RosaTier.choices,
        "count": sum(len(items) for _topic, items in topics),
    }
    if request.htmx:
        return render(request, "catalog/catalogue.html#results", context)
    return render(request, "catalog/catalogue.html", context)


@login_required
def case_type_detail(request, case_type_id: int):
    case_type = selectors.get_case_type(request.user, case_type_id)
    return render(request, "catalog/case_type_detail.html", {"case_type": case_type})
