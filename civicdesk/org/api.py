from ninja import Router
from ninja.pagination import paginate

from civicdesk.core.api import actor_of, error_responses
from civicdesk.core.pagination import Pagination
from civicdesk.org import selectors, services
from civicdesk.org.schemas import (
    AnswerGroupOut,
    DepartmentOut,
    LanguageIn,
    MemberIn,
    MeOut,
    ServicePointOut,
    UserOut,
)

router = Router(tags=["organisation"])


@router.get("/me", response=MeOut, summary="The signed-in user or the token's service user")
def me(request):
    return actor_of(request)


@router.put(
    "/me/language",
    response={200: MeOut, **error_responses(400)},
    summary="Choose the language of your own interface",
)
def set_my_language(request, payload: LanguageIn):
    return services.set_ui_language(actor=actor_of(request), language=payload.language)


@router.get("/departments", response=list[DepartmentOut])
@paginate(Pagination)
def list_departments(request):
    return selectors.departments_for_actor(actor_of(request))


@router.get("/departments/{department_id}", response={200: DepartmentOut, **error_responses(404)})
def get_department(request, department_id: int):
    return selectors.get_department(actor_of(request), department_id)


@router.get("/service-points", response=list[ServicePointOut])
@paginate(Pagination)
def list_service_points(request):
    return selectors.service_points_for_actor(actor_of(request))


@router.get(
    "/service-points/{service_point_id}", response={200: ServicePointOut, **error_responses(404)}
)
def get_service_point(request, service_point_id: int):
    return selectors.get_service_point(actor_of(request), service_point_id)


@router.get("/groups", response=list[AnswerGroupOut])
@paginate(Pagination)
def list_groups(request):
    return selectors.answer_groups_for_actor(actor_of(request))


@router.get("/groups/{group_id}", response={200: AnswerGroupOut, **error_responses(404)})
def get_group(request, group_id: int):
    return selectors.get_answer_group(actor_of(request), group_id)


@router.post(
    "/groups/{group_id}/members",
    response={200: AnswerGroupOut, **error_responses(400, 403, 404)},
    summary="Add a user to an answer group",
)
def add_member(request, group_id: int, payload: MemberIn):
    actor = actor_of(request)
    group = selectors.get_answer_group(actor, group_id)
    user = selectors.get_user(actor, payload.user_id)
    services.add_group_member(actor=actor, group=group, user=user)
    return selectors.get_answer_group(actor, group_id)


@router.delete(
    "/groups/{group_id}/members/{user_id}",
    response={200: AnswerGroupOut, **error_responses(403, 404)},
    summary="Remove a user from an answer group",
)
def remove_member(request, group_id: int, user_id: int):
    actor = actor_of(request)
    group = selectors.get_answer_group(actor, group_id)
    user = selectors.get_user(actor, user_id)
    services.remove_group_member(actor=actor, group=group, user=user)
    return selectors.get_answer_group(actor, group_id)


@router.get("/users", response=list[UserOut])
@paginate(Pagination)
def list_users(request):
    return selectors.users_for_actor(actor_of(request)).order_by("username")


@router.get("/users/{user_id}", response={200: UserOut, **error_responses(404)})
def get_user(request, user_id: int):
    return selectors.get_user(actor_of(request), user_id)
