"""Inserts the dataset of dataset.py into the running stack.

Users and ECHO rows go through Directus's API. Login events go into
`directus_activity` with SQL, because Directus writes those rows only for
real logins, at the current time, and the dataset needs them in the past.
"""

import dataset

BATCH_SIZE = 100
LOGIN_USER_AGENT = "integration-seed"
LOGIN_ORIGIN = "http://127.0.0.1"


def _insert(client, path, rows):
    for start in range(0, len(rows), BATCH_SIZE):
        client.request("POST", path, rows[start:start + BATCH_SIZE])


def _sql_text(value):
    return "'" + str(value).replace("'", "''") + "'"


def _login_sql(logins):
    values = ",\n".join(
        f"({_sql_text(row['action'])}, {_sql_text(row['user'])}::uuid, "
        f"{_sql_text(row['timestamp'])}::timestamptz, '127.0.0.1', "
        f"{_sql_text(LOGIN_USER_AGENT)}, {_sql_text(LOGIN_ORIGIN)}, "
        f"'directus_users', {_sql_text(row['user'])})" for row in logins)
    return ("INSERT INTO directus_activity "
            '(action, "user", timestamp, ip, user_agent, origin, collection, '
            f"item) VALUES\n{values};\n")


def load(client, cluster, database):
    """Seeds through `client` (an admin) and `cluster` (PostgreSQL).

    Returns the ids of the users by email.
    """
    data = dataset.build()
    _insert(client, "/users", data["users"])
    for collection, rows in data["collections"].items():
        _insert(client, f"/items/{collection}", rows)
    cluster.psql(_login_sql(data["logins"]), database=database)
    return {user["email"]: user["id"] for user in data["users"]}
