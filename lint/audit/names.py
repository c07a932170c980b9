"""Names across the archive: the spelling-consistency analysis (`newslint.german.variants`) applied archive-wide.

The map step counts each article's name mentions (`name_counts`); the reduce step hands the
archive's counts to `newslint.german.variants.variant_groups`, which groups the spellings that differ and picks
the preferred one (house list, inner capitals, German transliteration, word frequency, majority). How names are found and when two
spellings are one name is decided there, not here.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain, repeat

RULE = "spelling-consistency"


def enabled(engine, active_rules) -> bool:
    """Whether the run looks at names: the rule is active (or, unregistered, not deselected)."""
    if RULE in engine.rules:
        return any(rule.id == RULE for rule in active_rules)
    return engine.options.select is None


def name_counts(article) -> tuple[Counter, Counter]:
    """(mentions per name form, mentions of it after an article or determiner) in an article."""
    forms: Counter = Counter()
    determined: Counter = Counter()
    for mention in article.mentions:
        forms[mention.text] += 1
        if mention.determined:
            determined[mention.text] += 1
    return forms, determined


def variant_groups(forms: Counter, determined: Counter, house=None) -> list:
    """The archive's names spelled more than one way, as `newslint.german.variants.VariantGroup`s.

    `house` is the rule's house list (`newslint.german.house_spellings.HouseList`, or None): its
    preferred spellings win their groups, and a listed variant ("Beijing") joins the group of its
    preferred spelling ("Peking") even though the two do not look alike.
    """
    from newslint.german.mentions import Mention
    from newslint.german.variants import Spelling, VariantGroup
    from newslint.german.variants import variant_groups as group

    preferred = {}
    if house is not None:
        preferred = {spelling: spelling for spelling in house.spellings if spelling not in house.variants}

    def mentions():
        for form in sorted(forms):  # the same order however the counts were merged
            count = forms[form]
            after = determined.get(form, 0)
            yield from chain(repeat(Mention(0, 0, form, True), after),
                             repeat(Mention(0, 0, form, False), count - after))

    groups = group(mentions(), preferred, per_article=False)  # an archive uses every spelling often
    listed = _house_spellings(forms, house)
    holder = {form: number for number, g in enumerate(groups) for s in g.spellings for form in s.forms}
    for name in sorted(listed):
        target = house.variants.get(name)
        variant = listed[name]
        if target is None or any(form in holder for form in variant):
            continue  # a preferred spelling, or a variant already grouped by its looks
        target_forms = listed.get(target) or {target: 0}
        number = next((holder[form] for form in target_forms if form in holder), None)
        if number is None:
            spelling = Spelling(target_forms, sum(target_forms.values()), 0.0)
            groups.append(VariantGroup((spelling,), spelling, "house"))
            number = len(groups) - 1
            holder.update(dict.fromkeys(target_forms, number))
        old = groups[number]
        extra = Spelling(variant, sum(variant.values()), 0.0)
        groups[number] = VariantGroup(old.spellings + (extra,), old.preferred, old.evidence)
        holder.update(dict.fromkeys(variant, number))
    return groups


def _house_spellings(forms: Counter, house) -> dict[str, dict[str, int]]:
    """The house list's spellings (preferred and variants) in the archive, with their forms."""
    found: dict[str, dict[str, int]] = {}
    if house is None or house.pattern is None:
        return found
    for form, count in forms.items():
        match = house.pattern.fullmatch(form)
        if match:
            found.setdefault(" ".join(match.group(1).split()), {})[form] = count
    return found


def house_list(engine, config):
    """The spelling-consistency rule's house list in this configuration, or None."""
    from newslint.german.house_spellings import house_list as build

    settings = config.rules.get(RULE)
    if RULE not in engine.rules or settings is None:
        return None
    return build(settings.options.preferred, settings.options.extend_preferred)
