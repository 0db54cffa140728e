#!/usr/bin/env python3
"""Writes the demo snapshot: the ECHO collections as JSON files.

The data is made up but shaped like real use: a few customer accounts with
projects, recorded and uploaded conversations, chat sessions, reports and
logins over the twelve months before 30 November 2026. The output is the
same on every run, so the committed snapshot only changes when this script
does.

Usage: generate.py [OUTPUT_DIR]   (default: snapshot/ beside this script)
"""

import datetime as dt
import json
import pathlib
import random
import sys
import uuid

END = dt.datetime(2026, 11, 30, 18, 0, tzinfo=dt.timezone.utc)
START = END - dt.timedelta(days=365)

USERS = [
    # id seed, email, first name, last name, activity level, languages
    ("anna", "anna.devries@utrecht.example", "Anna", "de Vries", 1.0, "nl"),
    ("jonas", "jonas.weber@stadtwerk.example", "Jonas", "Weber", 0.6, "de"),
    ("sophie", "sophie.martin@civiclab.example", "Sophie", "Martin", 0.3,
     "fr"),
    ("wei", "li.wei@harbour-institute.example", "伟", "李", 0.5, "en"),
    ("rnd", "rnd@northwind.example", "R&D <Q3>", "\"draft\" Zoë", 0.2, "en"),
    ("admin", "ops@echo-internal.example", None, None, 0.0, "en"),
]

PROJECT_NAMES = {
    "nl": ["Wijkgesprekken Noord", "Toekomst van het stationsplein",
           "Jongerenpanel 2026", "Klimaatdialoog"],
    "de": ["Bürgerdialog Energiewende", "Mobilität im Quartier",
           "Mitarbeiterbefragung"],
    "fr": ["Concertation quartier Est", "Atelier mobilité"],
    "en": ["Harbour community sessions", "Staff listening tour",
           "Research interviews & follow-ups"],
}

SENTENCES = {
    "nl": ["we willen meer groen in de wijk",
           "de bus rijdt te weinig in het weekend",
           "het plein moet veiliger worden voor fietsers"],
    "de": ["wir brauchen mehr sichere radwege",
           "die energiepreise belasten viele familien",
           "das quartier soll lebendiger werden"],
    "fr": ["les habitants veulent plus d'espaces verts",
           "la circulation est trop dense le matin"],
    "en": ["people asked for longer opening hours",
           "the harbour walk needs better lighting",
           "participants value being heard early"],
}

QUERIES = {
    "nl": ["Wat zijn de belangrijkste thema's over mobiliteit?",
           "Vat de zorgen over veiligheid samen",
           "Welke ideeën kwamen er over groen?"],
    "de": ["Welche Themen nennen die Teilnehmenden zur Energiewende?",
           "Fasse die Kritik am Radverkehr zusammen"],
    "fr": ["Quels sont les thèmes principaux sur la mobilité ?",
           "Résume les propositions des habitants"],
    "en": ["What are the main themes about lighting?",
           "Summarise the concerns raised about opening hours",
           "Which quotes show trust in the process?"],
}


def stable_id(*parts):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "echo-demo/" + "/".join(parts)))


def stamp(moment):
    return moment.astimezone(dt.timezone.utc).strftime(
        "%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def working_time(rng, day):
    """Returns a time on `day` between 08:00 and 19:00 UTC."""
    return day.replace(hour=rng.randint(8, 18), minute=rng.randint(0, 59),
                       second=rng.randint(0, 59))


def build(rng):
    data = {name: [] for name in [
        "directus_users", "project", "project_tag", "conversation",
        "conversation_chunk", "project_chat", "project_chat_message",
        "project_report", "directus_activity"]}
    report_id = 1000

    for key, email, first, last, level, language in USERS:
        user_id = stable_id("user", key)
        data["directus_users"].append({
            "id": user_id, "email": email, "first_name": first,
            "last_name": last})
        if level == 0:
            continue

        # Logins: a few a week for active accounts, fading for light ones.
        for day_offset in range(365):
            day = START + dt.timedelta(days=day_offset)
            fade = 1.0 if level >= 0.5 else max(0.1, 1 - day_offset / 365)
            if rng.random() < 0.35 * level * fade:
                for _ in range(rng.choice([1, 1, 1, 2])):
                    data["directus_activity"].append({
                        "id": len(data["directus_activity"]) + 1,
                        "action": "login", "user": user_id,
                        "timestamp": stamp(working_time(rng, day)),
                        "ip": "192.0.2.10", "user_agent": "demo",
                        "origin": "https://echo.example"})

        names = PROJECT_NAMES[language]
        for index, name in enumerate(names[:max(1, round(len(names) * level
                                                         + 0.4))]):
            project_id = stable_id("project", key, str(index))
            created = START + dt.timedelta(days=rng.randint(0, 200))
            deleted = (stamp(created + dt.timedelta(days=40))
                       if key == "jonas" and index == 2 else None)
            data["project"].append({
                "id": project_id, "name": name,
                "created_at": stamp(created), "updated_at": stamp(created),
                "deleted_at": deleted, "directus_user_id": user_id,
                "is_conversation_allowed": index != 1 or level < 0.5,
                "language": language})
            for tag_index, tag in enumerate(["pilot", "public", "internal"]):
                if rng.random() < 0.4:
                    data["project_tag"].append({
                        "id": stable_id("tag", project_id, tag),
                        "project_id": project_id, "text": tag,
                        "created_at": stamp(created + dt.timedelta(
                            minutes=tag_index))})

            add_conversations(rng, data, project_id, created, level,
                              language)
            report_id = add_chats_and_reports(rng, data, project_id,
                                              created, level, language,
                                              report_id)
    return data


def add_conversations(rng, data, project_id, created, level, language):
    count = int(rng.randint(8, 40) * level) + 1
    for index in range(count):
        moment = created + dt.timedelta(
            seconds=rng.randint(0, int((END - created).total_seconds())))
        conversation_id = stable_id("conversation", project_id, str(index))
        source = rng.choice(["DASHBOARD_UPLOAD", None, None, "CLONE"])
        chunks = rng.randint(0, 12) if index % 9 else 0
        words = []
        for chunk_index in range(chunks):
            text = " ".join(rng.choice(SENTENCES[language])
                            for _ in range(rng.randint(1, 6)))
            if chunk_index == 0 and index % 13 == 5:
                text = "   "
            words.append(text)
            data["conversation_chunk"].append({
                "id": stable_id("chunk", conversation_id, str(chunk_index)),
                "conversation_id": conversation_id,
                "created_at": stamp(moment + dt.timedelta(
                    seconds=30 * chunk_index)),
                "timestamp": stamp(moment + dt.timedelta(
                    seconds=30 * chunk_index)),
                "transcript": text})
        recorded = chunks > 0 and index % 5 != 3
        duration = (round(30 * chunks + rng.uniform(0, 29), 3)
                    if recorded else rng.choice([None, 0]))
        data["conversation"].append({
            "id": conversation_id, "project_id": project_id,
            "created_at": stamp(moment), "deleted_at": None,
            "duration": duration, "is_finished": True,
            "participant_name": f"Participant {index + 1}",
            "source": source,
            "merged_transcript": " ".join(words) if index % 2 else None,
            "summary": None})


def add_chats_and_reports(rng, data, project_id, created, level, language,
                          report_id):
    for index in range(int(rng.randint(1, 8) * level)):
        moment = created + dt.timedelta(
            seconds=rng.randint(0, int((END - created).total_seconds())))
        chat_id = stable_id("chat", project_id, str(index))
        data["project_chat"].append({
            "id": chat_id, "project_id": project_id,
            "name": f"Analysis {index + 1}", "date_created": stamp(moment),
            "deleted_at": None})
        for turn in range(rng.randint(1, 6)):
            at = moment + dt.timedelta(minutes=2 * turn)
            if at >= END:
                break
            for author, text in (("User", rng.choice(QUERIES[language])),
                                 ("assistant", "Here is a summary of the "
                                  "themes that participants raised.")):
                data["project_chat_message"].append({
                    "id": stable_id("message", chat_id, str(turn), author),
                    "project_chat_id": chat_id, "message_from": author,
                    "text": text,
                    "tokens_count": rng.randint(40, 900)
                    if author == "assistant" else None,
                    "date_created": stamp(at)})
    for index in range(int(rng.randint(0, 4) * level)):
        moment = created + dt.timedelta(
            seconds=rng.randint(0, int((END - created).total_seconds())))
        report_id += 1
        data["project_report"].append({
            "id": str(report_id), "project_id": project_id,
            "status": rng.choice(["published", "published", "error",
                                  "draft"]),
            "language": language, "date_created": stamp(moment),
            "deleted_at": None})
    return report_id


def main():
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else (
        pathlib.Path(__file__).resolve().parent / "snapshot")
    out.mkdir(parents=True, exist_ok=True)
    data = build(random.Random(20261130))
    for name, rows in data.items():
        with open(out / f"{name}.json", "w", encoding="utf-8") as file:
            json.dump(rows, file, ensure_ascii=False, indent=1)
            file.write("\n")
    print(f"wrote {sum(len(rows) for rows in data.values())} rows to {out}")


if __name__ == "__main__":
    main()
