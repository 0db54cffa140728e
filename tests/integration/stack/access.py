"""Static tokens for usage-service: the admin's, and a restricted reader's.

The restricted reader's policy grants read access to every collection the
service reads except `project_report`, so a report request fails with
PERMISSION_DENIED on that collection. `project_report` is a leaf: no other
query of the service filters through it, so the forbidden collection is always
the same one.
"""

import secrets

RESTRICTED_EMAIL = "restricted.reader@example.com"
FORBIDDEN_COLLECTION = "project_report"
READABLE_COLLECTIONS = [
    "directus_users",
    "directus_activity",
    "project",
    "project_tag",
    "conversation",
    "conversation_chunk",
    "project_chat",
    "project_chat_message",
]


def set_admin_token(client):
    """Gives the logged-in admin a new static token and returns it."""
    token = secrets.token_urlsafe(32)
    client.request("PATCH", "/users/me", {"token": token})
    return token


def create_restricted_reader(client):
    """Creates a user without access to `project_report`; returns its token."""
    policy = client.request("POST", "/policies", {
        "name": "usage reader without reports",
        "admin_access": False,
        "app_access": False,
    })
    for collection in READABLE_COLLECTIONS:
        client.request("POST", "/permissions", {
            "policy": policy["id"],
            "collection": collection,
            "action": "read",
            "fields": ["*"],
            "permissions": {},
        })
    token = secrets.token_urlsafe(32)
    client.request("POST", "/users", {
        "email": RESTRICTED_EMAIL,
        "first_name": "Restricted",
        "last_name": "Reader",
        "token": token,
        "policies": {"create": [{"policy": policy["id"]}]},
    })
    return token

