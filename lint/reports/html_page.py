"""What the HTML report and the audit dashboard share: the page around them, its base style and
escaping.

A page is one self-contained file: nothing is loaded from elsewhere, and its
Content-Security-Policy lets no script run but the page's own (identified by its hash), so nothing
that comes from an article can run code. Everything from an article or an archive goes through
`escape`.
"""

from __future__ import annotations

import base64
import hashlib
import html

BASE_STYLE = """
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2328; background: #f6f7f9; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #d8dde3; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
"""


def escape(value) -> str:
    """Text as HTML, quotes included (safe in element content and attribute values)."""
    return html.escape(str(value), quote=True)


def content_policy(script: str | None = None, connect: bool = False) -> str:
    """The Content-Security-Policy of a page with `script` (None: no script may run); `connect`: its
    script may talk to the page's own server (a page that a server serves)."""
    rules = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    if script is not None:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
        rules += f"; script-src 'sha256-{digest}'"
    if connect:
        rules += "; connect-src 'self'"
    return rules


def page(title: str, style: str, body: str, script: str | None = None, connect: bool = False) -> str:
    """A whole HTML document: the base style and `style`, `body`, and `script` if any (see `content_policy`)."""
    policy = content_policy(script, connect)
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        f"<title>{escape(title)}</title>\n<style>{BASE_STYLE}{style}</style>\n</head>\n<body>\n",
        body,
    ]
    if script is not None:
        parts += ["<script>", script, "</script>\n"]
    parts.append("</body>\n</html>\n")
    return "".join(parts)
