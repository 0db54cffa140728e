"""The seeded ECHO dataset of the integration tests, built deterministically.

Every row has a short key (such as "c03") that expected/WORKED.md uses to
explain each expected figure. Ids are UUIDv5 values of those keys, so every
run seeds the same ids. Instants are UTC; the comments give the local time in
Europe/Amsterdam where the day matters.

Reference dates for as_of 2026-03-31T10:00:00Z in Europe/Amsterdam:
  period    2026-03-02 .. 2026-03-31 = [2026-03-01T23:00Z, 2026-03-31T22:00Z)
  previous  2026-01-31 .. 2026-03-01 = [2026-01-30T23:00Z, 2026-03-01T23:00Z)
Summer time starts on 2026-03-29 at 01:00Z (02:00 CET becomes 03:00 CEST).
Summer time ended on 2025-10-26 at 01:00Z (03:00 CEST became 02:00 CET), so
the local hour 02:00-02:59 of that day happened twice.

Rows without a timestamp: conversation c19 (created_at null) and message m22
(date_created null). They count in no period, only in the MISSING_TIMESTAMPS
note. Directus 11.1.2 declares directus_activity.timestamp NOT NULL, so no
login can lack a timestamp.

NOTE: Directus's typed columns cannot hold an unparsable timestamp or number,
so the UNPARSABLE_VALUES note is only checked to be 0.
"""

import uuid

NAMESPACE = uuid.UUID("6f1c1a52-6d0e-4c36-9a51-0d6f4f1f2b7e")

# Users. MAIN owns the hand-built projects, JANE owns nothing, BUSY owns 120
# conversations in the period, more than fit on one page of 25 rows.
MAIN = "main"
JANE = "jane"
BUSY = "busy"
EMAILS = {
    MAIN: "rd.q3@example.com",
    JANE: "jane.doe@example.com",
    BUSY: "pieter.paging@example.org",
}

_SEPARATORS = [" ", "  ", "\n", "\t ", " \r\n"]


def words(count):
    """Returns `count` tokens "w1", "w2", ... separated by assorted white
    space, so splitting on white space yields exactly `count` words."""
    text = ""
    for index in range(count):
        if index:
            text += _SEPARATORS[index % len(_SEPARATORS)]
        text += f"w{index + 1}"
    return text


def row_id(key):
    return str(uuid.uuid5(NAMESPACE, key))


def _user(key, first_name, last_name):
    return {
        "id": row_id("user/" + key),
        "email": EMAILS.get(key, key),
        "first_name": first_name,
        "last_name": last_name,
    }


def _users():
    return [
        _user(MAIN, "R&D <Q3>", '"draft" Zoë'),
        _user(JANE, "Jane", "Doe"),
        _user(BUSY, "Pieter", "Paging"),
        # Near misses for the search "jane doe": each matches one term only.
        _user("jane.smith@example.net", "Jane", "Smith"),
        _user("john.doe@example.net", "John", "Doe"),
        # Without names: the display name is the email.
        _user("no.name@example.org", None, None),
    ]


def _project(key, owner, name, created_at, allowed=True, deleted_at=None):
    return {
        "id": row_id("project/" + key),
        "directus_user_id": row_id("user/" + owner),
        "name": name,
        "created_at": created_at,
        "updated_at": created_at,
        "deleted_at": deleted_at,
        "is_conversation_allowed": allowed,
        "language": "en",
    }


def _projects():
    return [
        # pA: the main project, with tags, created long before the period.
        _project("pA", MAIN, 'R&D <Q3> "draft"', "2025-11-10T09:00:00.000Z"),
        # pB: created exactly at the period's first instant (2026-03-02 00:00
        # local), so it is created in the period and not in the previous one.
        _project("pB", MAIN, "Town hall", "2026-03-01T23:00:00.000Z"),
        # pC: paused, created in the previous period.
        _project("pC", MAIN, "Paused panel", "2026-02-10T12:00:00.000Z",
                 allowed=False),
        # pD: soft-deleted; everything inside it is out of scope.
        _project("pD", MAIN, "Old pilot", "2026-03-05T10:00:00.000Z",
                 deleted_at="2026-03-20T10:00:00.000Z"),
        _project("q1", BUSY, "Paging main", "2025-06-01T10:00:00.000Z"),
        _project("q2", BUSY, "Paging side", "2025-06-02T10:00:00.000Z"),
    ]


def _tags():
    tags = [("t1", "pA", "pilot", "2025-11-10T09:05:00.000Z"),
            ("t2", "pA", "zorg", "2025-11-10T09:06:00.000Z"),
            ("t3", "pD", "archived", "2026-03-05T10:05:00.000Z")]
    return [{
        "id": row_id("tag/" + key),
        "project_id": row_id("project/" + project),
        "text": text,
        "created_at": created_at,
    } for key, project, text, created_at in tags]


# Conversations of the main user: (key, project, created_at, duration,
# source, merged_transcript, chunk transcripts, deleted_at).
_MAIN_CONVERSATIONS = [
    # Period, project pA.
    ("c01", "pA", "2026-03-01T23:00:00.000Z", 600, None, None,
     ["hello there", "second chunk", "third chunk"], None),
    ("c02", "pA", "2026-03-03T09:00:00.000Z", 1200.5, "DASHBOARD_UPLOAD",
     None, ["uploaded audio", "more audio"], None),
    # Estimated by chunks: 4 x 30 s = 120 s beats 100 words = 40 s.
    ("c03", "pA", "2026-03-05T14:00:00.000Z", 0, "CLONE", words(100),
     [words(10)] * 4, None),
    # Estimated by words: 600 merged words = 240 s beats 2 x 30 s. The chunk
    # transcripts (100 words) would give only 60 s.
    ("c04", "pA", "2026-03-10T08:30:00.000Z", None, "DASHBOARD_UPLOAD",
     words(600), [words(50)] * 2, None),
    # merged_transcript null: the chunks give 200 + 100 + 150 = 450 words =
    # 180 s, which beats 3 x 30 s.
    ("c05", "pA", "2026-03-12T16:00:00.000Z", None, None, None,
     [words(200), words(100), words(150)], None),
    # Only blank chunks: empty, estimated 2 x 30 s = 60 s; an upload
    # without content counts as neither uploaded nor recorded.
    ("c06", "pA", "2026-03-15T10:00:00.000Z", 0, "DASHBOARD_UPLOAD", "",
     ["   ", "\n\t "], None),
    # No chunks at all: empty, estimated 0 s.
    ("c07", "pA", "2026-03-18T11:00:00.000Z", None, None, None, [], None),
    # Last millisecond of the period (2026-03-31 23:59:59.999 CEST), after
    # as_of: in the period, but not in the activity up to as_of.
    ("c08", "pA", "2026-03-31T21:59:59.999Z", 300,
     "STATELESS_TRANSCRIPTION", None, ["late"], None),
    # First instant after the period: counted nowhere.
    ("c09", "pA", "2026-03-31T22:00:00.000Z", 999, None, None, ["after"],
     None),
    # Soft-deleted, and later than every other activity before as_of.
    ("c10", "pA", "2026-03-31T08:00:00.000Z", 500, None, None, ["gone"],
     "2026-03-31T09:00:00.000Z"),
    # Previous period: the last millisecond of 2026-03-01 local.
    ("c11", "pA", "2026-03-01T22:59:59.999Z", 400, None, None, ["edge"],
     None),
    ("c12", "pA", "2026-02-15T10:00:00.000Z", 800, "DASHBOARD_UPLOAD", None,
     ["old upload", "old upload two"], None),
    # Before both periods: only the first conversation of the account.
    ("c18", "pA", "2025-11-12T10:00:00.000Z", 120, None, None, ["first"],
     None),
    # Without created_at: in no period, and not the first conversation.
    ("c19", "pA", None, 100, None, None, ["undated"], None),
    # Project pB, in the period. c14 is on the day summer time starts, at
    # 03:30 CEST.
    ("c13", "pB", "2026-03-25T09:00:00.000Z", 900, None, None,
     ["a", "b", "c"], None),
    ("c14", "pB", "2026-03-29T01:30:00.000Z", 60, "CLONE", None, ["dst"],
     None),
    # Project pC (paused), previous period.
    ("c15", "pC", "2026-02-11T10:00:00.000Z", 300, None, None, ["paused"],
     None),
    # Project pD (soft-deleted), in the period: excluded.
    ("c16", "pD", "2026-03-06T10:00:00.000Z", 700, None, None, ["x"], None),
    ("c17", "pD", "2026-03-07T10:00:00.000Z", 0, None, None, ["y", "z"],
     None),
]


def _busy_conversations():
    # Four conversations of 60 s on each UTC day from 2026-03-02 to
    # 2026-03-31, at 06:00, 07:00, 08:00 and 09:00 UTC: all inside the local
    # day of the same date and before as_of. Three go to q1, one to q2.
    rows = []
    for day in range(2, 32):
        for hour in (6, 7, 8, 9):
            project = "q2" if hour == 9 else "q1"
            created_at = f"2026-03-{day:02d}T{hour:02d}:00:00.000Z"
            rows.append((f"b{day:02d}{hour:02d}", project, created_at, 60,
                         None, None, ["busy hello"], None))
    return rows


def _conversations_and_chunks():
    conversations, chunks = [], []
    for (key, project, created_at, duration, source, merged, transcripts,
         deleted_at) in _MAIN_CONVERSATIONS + _busy_conversations():
        conversation_id = row_id("conversation/" + key)
        conversations.append({
            "id": conversation_id,
            "project_id": row_id("project/" + project),
            "created_at": created_at,
            "deleted_at": deleted_at,
            "duration": duration,
            "source": source,
            "merged_transcript": merged,
            "participant_name": key,
            "is_finished": True,
        })
        for index, transcript in enumerate(transcripts):
            chunks.append({
                "id": row_id(f"chunk/{key}/{index}"),
                "conversation_id": conversation_id,
                "created_at": created_at,
                "timestamp": created_at,
                "transcript": transcript,
            })
    return conversations, chunks


# Chats: (key, project, date_created, deleted_at).
_CHATS = [
    ("ch1", "pA", "2026-02-20T10:00:00.000Z", None),
    ("ch2", "pA", "2026-03-08T10:00:00.000Z", None),
    ("ch3", "pA", "2026-03-09T10:00:00.000Z", "2026-03-10T10:00:00.000Z"),
    ("ch4", "pA", "2026-03-20T10:00:00.000Z", None),
    ("ch5", "pC", "2026-01-15T10:00:00.000Z", None),
    ("ch6", "pD", "2026-03-06T11:00:00.000Z", None),
]

# Messages: (key, chat, date_created, message_from, tokens_count).
_MESSAGES = [
    ("m01", "ch1", "2026-02-20T10:01:00.000Z", "User", 10),
    ("m02", "ch1", "2026-02-20T10:02:00.000Z", "assistant", 100),
    ("m03", "ch1", "2026-03-01T22:59:59.999Z", "user", 7),
    ("m04", "ch1", "2026-03-01T23:00:00.000Z", "User", 3),
    ("m05", "ch1", "2026-03-04T09:00:00.000Z", "user", 5),
    ("m06", "ch1", "2026-03-04T09:01:00.000Z", "Dembrane", None),
    ("m07", "ch1", "2026-03-04T09:02:00.000Z", "User", None),
    ("m08", "ch1", "2026-03-04T09:03:00.000Z", "assistant", 200),
    ("m09", "ch2", "2026-03-08T10:01:00.000Z", "User", 12),
    ("m10", "ch2", "2026-03-08T10:02:00.000Z", "assistant", 150),
    ("m11", "ch2", "2026-03-08T10:03:00.000Z", "user", 8),
    ("m12", "ch2", "2026-03-08T10:04:00.000Z", "dembrane", 90),
    ("m13", "ch2", "2026-03-08T10:05:00.000Z", "User", None),
    ("m15", "ch3", "2026-03-09T10:01:00.000Z", "User", 50),
    ("m16", "ch3", "2026-03-09T10:02:00.000Z", "assistant", 500),
    # On the day summer time starts: 01:30 CET and 03:30 CEST.
    ("m17", "ch5", "2026-03-29T00:30:00.000Z", "user", 20),
    ("m18", "ch5", "2026-03-29T01:30:00.000Z", "assistant", 300),
    ("m19", "ch6", "2026-03-06T11:01:00.000Z", "User", 1),
    ("m20", "ch6", "2026-03-06T11:02:00.000Z", "assistant", 2),
    ("m21", "ch6", "2026-03-06T11:03:00.000Z", "user", 3),
    # Without date_created: in no period, so neither its tokens nor its
    # words count anywhere.
    ("m22", "ch2", None, "User", 4),
]

# Message texts for the query topics and the length bands. The user
# messages of the main user's period have these lengths in code points (UTF-8
# bytes): m04 58, m05 50 (51), m07 49 (53), m09 96, m11 200 (201), m13 8,
# m17 41 (42). Every other message reads "message <key>".
_MESSAGE_TEXTS = {
    "m04": "Overzicht van de zorg in de wijk: wachttijden en huisarts.",
    "m05": "Die Themen der Teilnehmer über Pflege, Wartezeiten",
    "m07": "Priorités pour l'équipe : santé, ÉCOLES, quartier",
    # An assistant message: its words are no query topics.
    "m08": "De wachttijden zijn het belangrijkste thema.",
    "m09": ("Summary of https://example.com/rapport-2026?lang=nl for the "
            "Zorg pilot, with the quartier notes."),
    "m11": ("De wachttijden in de zorg, de deelnemers, de huisarts, de "
            "wijkverpleging en de bereikbaarheid van de gemeente: een "
            "samenvatting met citaten uit de gesprekken van 2025 en 2026 "
            "voor het café in de wijk."),
    "m13": "Bedankt!",
    "m17": "¿Y los vecinos? Salud, escuelas y barrio.",
    "m22": "Zorg zonder datum",
}

# Reports: (project, date_created, status, deleted_at). Ids are assigned by
# PostgreSQL's sequence.
_REPORTS = [
    ("pA", "2026-03-10T10:00:00.000Z", "published", None),
    ("pA", "2026-03-11T10:00:00.000Z", "error", None),
    ("pA", "2026-03-12T10:00:00.000Z", "draft", None),
    ("pA", "2026-03-13T10:00:00.000Z", "published", None),
    ("pA", "2026-03-14T10:00:00.000Z", "published",
     "2026-03-15T10:00:00.000Z"),
    ("pA", "2026-02-15T10:00:00.000Z", "published", None),
    ("pD", "2026-03-06T12:00:00.000Z", "published", None),
]


def _chats():
    return [{
        "id": row_id("chat/" + key),
        "project_id": row_id("project/" + project),
        "name": key,
        "date_created": date_created,
        "deleted_at": deleted_at,
    } for key, project, date_created, deleted_at in _CHATS]


def _messages():
    return [{
        "id": row_id("message/" + key),
        "project_chat_id": row_id("chat/" + chat),
        "date_created": date_created,
        "message_from": message_from,
        "tokens_count": tokens,
        "text": _MESSAGE_TEXTS.get(key, f"message {key}"),
    } for key, chat, date_created, message_from, tokens in _MESSAGES]


def _reports():
    return [{
        "project_id": row_id("project/" + project),
        "date_created": date_created,
        "status": status,
        "deleted_at": deleted_at,
        "language": "en",
    } for project, date_created, status, deleted_at in _REPORTS]


def _logins():
    """Returns (user key, timestamp, action) rows for directus_activity."""
    main = [
        # 02:30 CEST and 02:30 CET on 2025-10-26, the day summer time ended:
        # the same local day and hour. The first is the first login.
        "2025-10-26T00:30:00.000Z",
        "2025-10-26T01:30:00.000Z",
        # Before both periods (2026-01-30 23:59:59 CET).
        "2026-01-30T22:59:59.000Z",
        # Previous period: local days 2026-01-31, 2026-02-20, 2026-03-01.
        "2026-01-30T23:00:00.000Z",
        "2026-02-20T09:00:00.000Z",
        "2026-03-01T22:59:59.999Z",
        # Period: two on local day 2026-03-02 (the first one is still
        # 2026-03-01 in UTC), three on 2026-03-10 (two of them in the local
        # hour 10:00-10:59 CET), one on 2026-03-29 (01:30 CET) and one on
        # 2026-03-30 (00:30 CEST, 2026-03-29 in UTC).
        "2026-03-01T23:00:00.000Z",
        "2026-03-02T08:00:00.000Z",
        "2026-03-10T09:00:00.000Z",
        "2026-03-10T09:40:00.000Z",
        "2026-03-10T15:00:00.000Z",
        "2026-03-29T00:30:00.000Z",
        "2026-03-29T22:30:00.000Z",
    ]
    rows = [(MAIN, at, "login") for at in main]
    # Not a login: must not count.
    rows.append((MAIN, "2026-03-15T10:00:00.000Z", "update"))
    rows.append((JANE, "2026-03-15T10:00:00.000Z", "login"))
    # One login per day at 05:00 UTC from 2026-03-02 to 2026-03-31.
    rows += [(BUSY, f"2026-03-{day:02d}T05:00:00.000Z", "login")
             for day in range(2, 32)]
    return rows


def build():
    """Returns the dataset: Directus rows per collection, and the logins."""
    conversations, chunks = _conversations_and_chunks()
    return {
        "users": _users(),
        "collections": {
            "project": _projects(),
            "project_tag": _tags(),
            "conversation": conversations,
            "conversation_chunk": chunks,
            "project_chat": _chats(),
            "project_chat_message": _messages(),
            "project_report": _reports(),
        },
        "logins": [{
            "user": row_id("user/" + user),
            "timestamp": timestamp,
            "action": action,
        } for user, timestamp, action in _logins()],
    }
