from rest_framework.permissions import BasePermission

from catalog.roles import is_merchant


class IsMerchant(BasePermission):
    message = "Only merchant accounts may manage listings."

    def has_permission(self, request, view) -> bool:
        return is_merchant(request.user)
