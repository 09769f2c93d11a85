"""Django's admin, for administrators (superusers) managing accounts and roles.

Day-to-day work goes through the workspace, whose lists and actions pass the visibility
filter and the rules; the admin is limited to superusers for that reason.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from vinhdanh.organisations.models import (
    EmulationGroup,
    GroupMembership,
    Person,
    RoleAssignment,
    Unit,
    User,
)


class SuperuserOnly:
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    has_add_permission = has_change_permission = has_delete_permission = has_view_permission


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 1
    autocomplete_fields = ["unit", "group"]


@admin.register(User)
class UserAdmin(SuperuserOnly, BaseUserAdmin):
    inlines = [RoleInline]
    list_display = ["username", "full_name", "email", "is_active", "last_login"]
    search_fields = ["username", "full_name", "email"]
    fieldsets = BaseUserAdmin.fieldsets + ((_("Vinh Danh"), {"fields": ["full_name"]}),)


@admin.register(Unit)
class UnitAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["code", "name", "kind", "level", "parent"]
    search_fields = ["code", "name", "search_text"]
    list_filter = ["kind", "level"]
    autocomplete_fields = ["parent"]


@admin.register(Person)
class PersonAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["full_name", "unit", "position", "is_active"]
    search_fields = ["search_text", "citizen_id"]
    autocomplete_fields = ["unit"]


class MembershipInline(admin.TabularInline):
    model = GroupMembership
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(EmulationGroup)
class EmulationGroupAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["name", "kind", "year", "leader", "deputy"]
    list_filter = ["kind", "year"]
    search_fields = ["name", "code", "search_text"]
    inlines = [MembershipInline]
