"""Creates the ECHO collections through Directus's own API.

The fields are those of ECHO's schema that usage-service reads. Timestamps
are plain `timestamp` fields (PostgreSQL `timestamp with time zone`) without
Directus's automatic values, so the seed can set every instant. `duration`
is a `float` field, which Directus stores as PostgreSQL `real`.
"""

# Field types in Directus's terms, per collection, in creation order.
# Foreign keys are listed here as uuid fields and become relations below.
COLLECTIONS = {
    "project": {
        "name": "string",
        "created_at": "timestamp",
        "updated_at": "timestamp",
        "deleted_at": "timestamp",
        "directus_user_id": "uuid",
        "is_conversation_allowed": "boolean",
        "context": "text",
        "default_conversation_title": "string",
        "default_conversation_description": "text",
        "default_conversation_transcript_prompt": "text",
        "language": "string",
    },
    "project_tag": {
        "project_id": "uuid",
        "text": "string",
        "created_at": "timestamp",
    },
    "conversation": {
        "project_id": "uuid",
        "created_at": "timestamp",
        "deleted_at": "timestamp",
        "duration": "float",
        "is_finished": "boolean",
        "participant_name": "string",
        "source": "string",
        "merged_transcript": "text",
        "summary": "text",
    },
    "conversation_chunk": {
        "conversation_id": "uuid",
        "created_at": "timestamp",
        "timestamp": "timestamp",
        "transcript": "text",
    },
    "project_chat": {
        "project_id": "uuid",
        "name": "string",
        "date_created": "timestamp",
        "deleted_at": "timestamp",
    },
    "project_chat_message": {
        "project_chat_id": "uuid",
        "message_from": "string",
        "text": "text",
        "tokens_count": "integer",
        "date_created": "timestamp",
    },
    "project_report": {
        "project_id": "uuid",
        "status": "string",
        "language": "string",
        "date_created": "timestamp",
        "deleted_at": "timestamp",
    },
}

# Many-to-one relations as (collection, field, related collection, alias of
# the one-to-many side or None).
RELATIONS = [
    ("project", "directus_user_id", "directus_users", None),
    ("project_tag", "project_id", "project", "tags"),
    ("conversation", "project_id", "project", "conversations"),
    ("conversation_chunk", "conversation_id", "conversation", "chunks"),
    ("project_chat", "project_id", "project", "project_chats"),
    ("project_chat_message", "project_chat_id", "project_chat",
     "project_chat_messages"),
    ("project_report", "project_id", "project", "project_reports"),
]

FOREIGN_KEYS = {(collection, field) for collection, field, _, _ in RELATIONS}


def _primary_key(collection):
    if collection == "project_report":
        return {
            "field": "id",
            "type": "bigInteger",
            "meta": {"hidden": True, "readonly": True},
            "schema": {"is_primary_key": True, "has_auto_increment": True},
        }
    return {
        "field": "id",
        "type": "uuid",
        "meta": {"hidden": True, "readonly": True, "special": ["uuid"]},
        "schema": {"is_primary_key": True, "length": 36},
    }


def _field(collection, name, field_type):
    field = {"field": name, "type": field_type, "schema": {}, "meta": {}}
    if (collection, name) in FOREIGN_KEYS:
        field["meta"] = {"special": ["m2o"]}
    return field


def _create_collection(client, collection, fields):
    body = {
        "collection": collection,
        "meta": {"icon": "box"},
        "schema": {},
        "fields": [_primary_key(collection)] + [
            _field(collection, name, field_type)
            for name, field_type in fields.items()
        ],
    }
    client.request("POST", "/collections", body)


def _create_relation(client, collection, field, related, alias):
    if alias:
        client.request("POST", f"/fields/{related}", {
            "field": alias,
            "type": "alias",
            "meta": {"special": ["o2m"], "interface": "list-o2m"},
        })
    client.request("POST", "/relations", {
        "collection": collection,
        "field": field,
        "related_collection": related,
        "meta": {"one_field": alias},
        "schema": {"on_delete": "SET NULL"},
    })


def create(client):
    """Creates every collection, field and relation; `client` is an admin."""
    for collection, fields in COLLECTIONS.items():
        _create_collection(client, collection, fields)
    for collection, field, related, alias in RELATIONS:
        _create_relation(client, collection, field, related, alias)
