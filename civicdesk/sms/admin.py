from django.contrib import admin

from civicdesk.core.admin import TenantModelAdmin
from civicdesk.jobs.admin import InstallationAdminOnly
from civicdesk.sms.models import OutboundSms, SmsNumber, WebhookRefusal


@admin.register(SmsNumber)
class SmsNumberAdmin(TenantModelAdmin):
    list_display = ["number", "default_case_type", "answer_group", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["number"]


@admin.register(OutboundSms)
class OutboundSmsAdmin(InstallationAdminOnly, admin.ModelAdmin):
    """The SMS queue for installation administrators: what waits, what failed and why."""

    list_display = ["created_at", "to", "status", "attempts", "next_attempt_at", "last_error"]
    list_filter = ["status"]
    search_fields = ["to", "gateway_id", "dedupe_key"]
    readonly_fields = [field.name for field in OutboundSms._meta.fields]


@admin.register(WebhookRefusal)
class WebhookRefusalAdmin(InstallationAdminOnly, admin.ModelAdmin):
    """Calls to the webhooks refused for their signature: a forger, or a gateway whose secret
    does not match ours."""

    list_display = ["day", "endpoint", "reason", "count", "last_at", "last_address"]
    list_filter = ["endpoint", "reason"]
