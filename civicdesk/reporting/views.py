from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from civicdesk.reporting import selectors


@login_required
def digests(request):
    return render(
        request,
        "reporting/digests.html",
        {"digests": selectors.digests_for_actor(request.user)[:200]},
    )


@login_required
def digest(request, digest_id: int):
    found = selectors.get_digest(request.user, digest_id)
    return render(request, f"reporting/{found.kind}.html", {"digest": found, "data": found.data})
