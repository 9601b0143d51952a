"""Who a user is to Catalign: a merchant (owns listings) or a moderator (decides flags)."""

from enum import StrEnum

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


class Role(StrEnum):
    MERCHANT = "merchant"
    MODERATOR = "moderator"


def has_role(user: AbstractBaseUser | AnonymousUser, role: Role) -> bool:
    if not user.is_authenticated:
        return False
    return user.groups.filter(name=role.value).exists()


def is_moderator(user: AbstractBaseUser | AnonymousUser) -> bool:
    return has_role(user, Role.MODERATOR)


def is_merchant(user: AbstractBaseUser | AnonymousUser) -> bool:
    return user.is_authenticated and hasattr(user, "merchant") and has_role(user, Role.MERCHANT)
