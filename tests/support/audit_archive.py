"""A small archive for the audit tests: articles in a folder and a JSON Lines export, with the
counts the fake rules of `fake_reports` must give for it."""

from __future__ import annotations

import json

ARTICLES = {
    "desk/2024-06-a.md": "---\ntitle: Raketentest in Nordkorea\ndate: 2024-06-03\nauthor: Anna Berg\n---\n"
                         "Pjönjang – Die Rakete flog nach Angaben aus Seoul weit. (dpa)\n",
    "desk/2024-06-b.md": "---\ntitle: Start gemeldet\ndate: 2024-06-20\nauthor: Anna Berg\n---\n"
                         "Seoul - Die Armee meldet einen weiteren Start.\n",
    "desk/2024-07-c.md": "---\ntitle: Ruhiger Tag\ndate: 2024-07-01\nauthor: Ben Cohn\n---\n"
                         "In Pjöngjang blieb es am Montag ruhig. (dpa)\n",
    "desk/notiz.txt": "Notiz ohne Datum\nPjönjang - meldet etwas Neues aus der Hauptstadt.\n",
}

RECORDS = [
    {"id": "a-1", "title": "Pjönjang droht erneut", "teaser": "Die Drohung kam am Morgen.",
     "body": "Erster Absatz mit\nZeilenumbruch.\n\nZweiter Absatz - mit Strich. (dpa)",
     "date": "2024-07-15T08:00:00Z", "byline": "Ben Cohn"},
    '{"title": "kaputt"',
    "",
    {"title": "Ohne Text", "date": "2024-07-16"},
    {"title": "Datum", "body": "Text. (dpa)", "date": "16.07.2024"},
    {"title": "Alles gut", "body": "Alles gut. (dpa)", "date": "2024-08-01",
     "byline": ["Anna Berg", "Ben Cohn"]},
]
FIELDS = ("headline=title", "author=byline")

EXPECTED_SUMMARY = {
    "articles": 6, "errors": 3, "findings": 8, "articles_with_findings": 4,
    "share_with_findings": 0.6667, "without_date": 1, "without_author": 1,
}
EXPECTED_RULES = {"fake-spelling": (3, 3), "fake-dash": (3, 3), "fake-credit": (2, 2)}


def write_archive(root) -> list[str]:
    """Write the archive under `root`; the paths to audit."""
    for name, text in ARTICLES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    lines = [record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)
             for record in RECORDS]
    (root / "export.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(root / "desk"), str(root / "export.jsonl")]


def grow_archive(root, copies: int) -> list[str]:
    """Many articles (copies of the ones above, with their dates and authors) in one folder."""
    folder = root / "many"
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(copies):
        for name, text in ARTICLES.items():
            stem, _, suffix = name.rpartition("/")[2].rpartition(".")
            (folder / f"{number:04d}-{stem}.{suffix}").write_text(text, encoding="utf-8")
    return [str(folder)]
