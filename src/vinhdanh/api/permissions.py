"""Permissions from organisations/rules.py.

Reading needs no rule here: every queryset is already ``visible_to(user)``, so objects
outside it are 404. Writing asks the rule of the action: without an object first (may
this user create at all?), then of the object or, for creation, of the target unit,
which the view checks once the input names it.
"""

from rest_framework.permissions import BasePermission


class ActionRules(BasePermission):
    """``view.action_perms[action]`` before the input is read (a rule asked without an
    object: "may add anywhere"), ``view.object_perms[action]`` of the object."""

    def has_permission(self, request, view):
        perm = getattr(view, "action_perms", {}).get(view.action)
        return perm is None or request.user.has_perm(perm)

    def has_object_permission(self, request, view, obj):
        perm = getattr(view, "object_perms", {}).get(view.action)
        return perm is None or request.user.has_perm(perm, obj)
