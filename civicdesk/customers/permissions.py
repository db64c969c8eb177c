import rules

from civicdesk.core.authz import add_model_permissions, same_organisation
from civicdesk.org.permissions import is_administrator


@rules.predicate
def serves_customers(user, obj=None) -> bool:
    return user.serves_customers and same_organisation(user, obj)


may_open_register = serves_customers | is_administrator

rules.add_perm("customers.view_customer", may_open_register)
rules.add_perm("customers.add_customer", may_open_register)
rules.add_perm("customers.change_customer", may_open_register)
rules.add_perm("customers.view_access_log", is_administrator)
add_model_permissions(rules, "customers", ["customer"], ("delete",), is_administrator)
add_model_permissions(
    rules, "customers", ["customercontact"], ("view", "add", "change", "delete"), may_open_register
)
add_model_permissions(rules, "customers", ["personaldataaccess"], ("view",), is_administrator)
