from catalog.roles import is_merchant, is_moderator


def roles(request):
    user = request.user
    return {"is_merchant": is_merchant(user), "is_moderator": is_moderator(user)}
