"""Users in the admin: Django's user admin, limited for staff who are not superusers."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class CentreUserAdmin(UserAdmin):
    """Django's user admin, without the keys to the kingdom for non-superusers.

    Staff manage people's roles and can deactivate a login; only a superuser can see or
    change superuser status and per-user permissions, or touch a superuser's account.
    """

    list_display = ["username", "email", "first_name", "last_name", "role_names", "is_active"]
    list_filter = ["groups", "is_active", "is_staff", "is_superuser"]

    staff_fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "email"]}),
        (_("Roles and access"), {"fields": ["is_active", "is_staff", "groups"]}),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    def get_fieldsets(self, request, obj=None):
        if obj is not None and not request.user.is_superuser:
            return self.staff_fieldsets
        return super().get_fieldsets(request, obj)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            readonly += ["last_login", "date_joined"]
        return readonly

    def get_list_filter(self, request):
        if request.user.is_superuser:
            return self.list_filter
        return ["groups", "is_active"]

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    @admin.display(description=_("roles"))
    def role_names(self, obj):
        return ", ".join(group.name for group in obj.groups.all())
