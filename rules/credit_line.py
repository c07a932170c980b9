"""The article ends with one credit line in house format: „(erpe/dpa/AFP)“.

## What it does
Checks the credit line that names an article's sources: in parentheses, an optional editor's
abbreviation (Kürzel, a few lowercase letters), then the agencies separated by slashes, each in
its own casing — `(dpa)`, `(AFP/dpa)`, `(jk/dpa)`, `(erpe/dpa/AFP)`; dpa's regional services
and its consumer service follow it (`(dpa/lby)`, `(dpa/sn)`, `(dpa/tmn)`): a service is no agency
of its own, so a dateline „Dresden (dpa/sn) –“ agrees with the credit line „(dpa)“. The credit
line closes the last paragraph („… nach Lwiw. (dpa)“) or stands on the last line of its own.

It reports:

- no credit line, when one is required, the dateline does not carry the source („Berlin (dpa) –
  …“) and the article does not name its authors — no byline near the top („Von Katrin
  Wallner“), no author's initials ending it („… im Herbst. (mp)“), no interviewer at the end
  („Das Gespräch führte Christian Meding.“), no author in a Markdown file's front matter
  („author: Anna Gruber“): the newsroom's own article. An agency or
  a desk among them does not count („Von AFP-Korrespondentin Anna Gruber“, „author: dpa“,
  „Redaktion Politik“), nor does the author of a record in a content-management export, which
  names the editor who published agency copy too;
- a malformed one: a missing parenthesis („(ale/dpa/AFP“, „dpa/AFP)“), commas or spaces between
  the parts („(dpa, AFP)“, „(dpa / AFP)“), empty parts („(dpa//AFP)“);
- an agency in the wrong casing („(DPA)“, „(kna)“, „(dpa/afp)“), with the right form;
- an unknown agency, with the closest known one („(dap)“ → dpa);
- an agency named twice;
- a credit line that is not at the end of the article, or a second one;
- an editor's abbreviation that is not on the staff list, when one is configured.

The source in the dateline („Berlin (DPA) – …“) is checked in the same way. Ordinary parentheses
are left alone: a parenthesis counts as a credit line only at the end of a paragraph and when it
names an agency, or something one typing error away from one.

## Why is this bad?
The credit line tells readers and the legal department where the text comes from; agency
contracts require it in a fixed form. A misspelt agency, a stray parenthesis or a credit line in
the middle of the text looks careless in print and breaks the tools that count agency use.

## Example
```text
Russland und Nordkorea schließen Beistandspakt
Pjöngjang – Russland und Nordkorea haben einen Beistandspakt unterzeichnet.
Das teilte der Kreml am Mittwoch mit. (jk/DPA/AFP
```

## Use instead
```text
Russland und Nordkorea schließen Beistandspakt
Pjöngjang – Russland und Nordkorea haben einen Beistandspakt unterzeichnet.
Das teilte der Kreml am Mittwoch mit. (jk/dpa/AFP)
```

## Fix safety
- Safe: a malformed credit line rewritten in house format („(dpa, AFP“ → „(dpa/AFP)“), an
  agency named twice removed, an agency's casing („(DPA)“ → „(dpa)“) — when every part is a
  known agency or the editor's abbreviation.
- Unsafe: a misspelt agency replaced by the closest known one („(dap)“ → „(dpa)“), an
  abbreviation by the closest on the staff list, and the rewrite of a credit line with such a
  part.
- No fix: a missing or misplaced credit line, an unknown agency that nothing is close to, an
  abbreviation that is not first (adding or moving text is the writer's call).

## Options
- `required` (default `true`): report an article without a credit line, unless its dateline
  carries the source or a byline of names without an agency opens it („Von Katrin Wallner“,
  „Von Anna Gruber und Thomas Steiner, Wien“). Set it to `false` for archives or own reporting
  without agency material.
- `agencies` (default: dpa, AFP, AP, Reuters, KNA, epd, SID, dts, APA, Keystone-SDA, dpa-AFX,
  sda, KAP, Kathpress, idea, EFE, ANSA, Belga, ANP, PAP, TASS, Interfax, Xinhua, Kyodo, Yonhap,
  UPI, Bloomberg, ddp, dapd, awp): the agencies, each written in its own casing. Set the same list
  for `dateline`.
- `staff` (default: empty, any abbreviation): the editors' abbreviations (Kürzel) allowed in a
  credit line, e.g. `["erpe", "jk"]`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from newslint.engine.finding import Edit, Finding, Fix
from newslint.german.agencies import AGENCIES

if TYPE_CHECKING:
    from newslint.german.credits import Credit

ID = "credit-line"
SEVERITY = "warning"


@dataclass(frozen=True)
class Options:
    required: bool = True
    agencies: tuple[str, ...] = AGENCIES
    staff: tuple[str, ...] = ()


def check(article, options: Options) -> Iterator[Finding]:
    from newslint.german.credits import bylined, sourcing

    found = sourcing(article, options.agencies)
    dateline_source = found.dateline.source if found.dateline else None
    if dateline_source:
        yield from _judge(dateline_source, options)
    if found.credit:
        yield from _judge(found.credit, options)
    for credit in found.misplaced:
        if found.credit:
            message = (f"second credit line „{credit.text}“: an article has one credit line, "
                       f"at its end („{found.credit.text}“)")
        else:
            message = f"credit line „{credit.text}“ is not at the end of the article: move it there"
        yield Finding(credit.start, credit.end, message)
    if options.required and not found.credit and not found.misplaced and not dateline_source \
            and not bylined(article, options.agencies):
        yield _missing(article)


def _missing(article) -> Finding:
    blocks = [b for b in article.blocks if b.kind != "headline"] or list(article.blocks)
    if blocks:
        end = blocks[-1].start + len(blocks[-1].text.rstrip())
        start = end - 1
    else:
        start = end = len(article.text)
    return Finding(start, end, "no credit line: end the article with its sources, e.g. „(dpa)“")


def _judge(credit: Credit, options: Options) -> Iterator[Finding]:
    from newslint.german.credits import closest_name

    fixed = credit.fixed()
    # rewritten whole: safe when every part is a known agency or the editor's abbreviation;
    # a misspelt or unknown part would be a guess, or move
    rewrite = Fix("safe" if all(p.role != "unknown" for p in credit.parts) else "unsafe",
                  (Edit(credit.start, credit.end, fixed),))
    if not credit.well_formed:
        yield Finding(credit.start, credit.end,
                      f"credit line „{credit.text}“ {_flaw(credit)}: write „{fixed}“", fixed, rewrite)
    seen: set[str] = set()
    for number, part in enumerate(credit.parts):
        if part.role == "kuerzel":
            if options.staff and part.text not in options.staff:
                near = closest_name(part.text, options.staff)
                hint = f": did you mean „{near}“?" if near else " (see the `staff` option)"
                yield Finding(part.start, part.end, f"unknown editor abbreviation „{part.text}“{hint}", near,
                              Fix.unsafe(Edit(part.start, part.end, near)) if near else None)
            continue
        if part.role == "unknown":
            yield _unknown(credit, part, number)
        elif part.text != part.name:
            yield Finding(part.start, part.end, f"„{part.text}“: the agency writes itself „{part.name}“",
                          part.name, Fix.safe(Edit(part.start, part.end, part.name)))
        if part.name in seen:  # the repeat goes, with the separator before it
            start = credit.parts[number - 1].end
            yield Finding(start, part.end, f"„{part.name}“ is named twice in the credit line: write „{fixed}“",
                          fix=Fix(rewrite.applicability, (Edit(start, part.end, ""),)))
        elif part.name:
            seen.add(part.name)


def _unknown(credit: Credit, part, number: int) -> Finding:
    from newslint.german.credits import KUERZEL

    if part.name:
        return Finding(part.start, part.end, f"unknown agency „{part.text}“: did you mean „{part.name}“?",
                       part.name, Fix.unsafe(Edit(part.start, part.end, part.name)))
    if number > 0 and KUERZEL.fullmatch(part.text):
        others = [p.text for p in credit.parts if p is not part]
        moved = "(" + "/".join([part.text, *others]) + ")"
        return Finding(part.start, part.end,
                       f"„{part.text}“ is no known agency; an editor's abbreviation goes first: „{moved}“")
    return Finding(part.start, part.end,
                   f"unknown agency „{part.text}“ (add it to the `agencies` option if it is one)")


def _flaw(credit: Credit) -> str:
    if not credit.opened:
        return "lacks its opening parenthesis"
    if not credit.closed:
        return "lacks its closing parenthesis"
    inner = credit.separators[1:-1]
    if credit.separators[0].strip(" \t") or credit.separators[-1].strip(" \t") or any(
        sep.count("/") > 1 for sep in inner
    ):
        return "has an empty part"
    if any(sep.strip(" \t") in (",", ";") for sep in inner):
        return "separates its parts with commas"
    return "has spaces in it"
