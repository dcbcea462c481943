"""`speelveld opties` in the terminal: the options × years table at 80 columns, then for one year a
memo sentence per option, its state-aid checks with their rules, and the best mix."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from speelveld.report.labels import band_text, country_name, num, t, year_label

SHOWN_COUNTRY = "DE"


def _band(lang: str, triple, digits: int = 2) -> str:
    central, low, high = triple
    if central is None:
        return "–"
    if low is None or high is None or high - low < 10 ** -digits:
        return num(central, digits, lang)
    return f"{num(central, digits, lang)}\n({band_text(lang, low, high, digits)})"


def verdict_mark(r, lang: str) -> str:
    """✓ every part checked and none failed; ✗n n rules failed (or: no compatible framework)."""
    fails = [c for c in r.checks if c.status == "fail"]
    if r.verdict == "n/a":
        return t(lang, "op2_na") if r.option != "mix" else "✓"
    if not fails:
        return "✓"
    if any(c.rule == "sa_none" for c in fails) and len(fails) == 1:
        return t(lang, "op2_no_framework")
    return f"✗{len(fails)}"


def _gap_cell(lang: str, r, sector: str, country: str) -> str:
    before, after = r.shown.get((sector, country), ((None, None, None), (None, None, None)))
    if before[0] is None or after[0] is None:
        return "–"
    head = f"{num(before[0], 1, lang)}→{num(after[0], 1, lang)}"
    if after[1] is not None and after[2] is not None and after[2] - after[1] >= 0.5:
        head += f"\n({band_text(lang, after[1], after[2], 0)})"  # whole euros: the band spans tens of €/MWh
    return head


def options_tables(results: list, titles: dict[str, str], lang: str = "nl", detail_year: int | None = None, reference: str = "NL",
                   frameworks=None) -> list:
    options = list(dict.fromkeys(r.option for r in results))
    years = sorted({r.year for r in results})
    number = {name: str(i + 1) if name != "mix" else "mix" for i, name in enumerate(options)}
    cc = SHOWN_COUNTRY
    reading = results[0].reading if results else "netto"
    table = Table(
        title=t(lang, "op2_title", a=years[0], b=years[-1], ref=reference, cc=cc) if years[0] != years[-1] else t(lang, "op2_title_one", a=years[0], ref=reference, cc=cc),
        caption=t(lang, "op2_caption", ref=reference, cc=country_name(lang, cc), reading=t(lang, f"op2_reading_{reading}")),
        title_justify="left", caption_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True,
    )
    for name, justify in zip(t(lang, "op2_cols", ref=reference, cc=cc).split("|"), ("right", "left", "right", "right", "right", "right", "right", "left"), strict=True):
        table.add_column(name.replace("\\n", "\n"), justify=justify, no_wrap=True)
    seen_years: set[int] = set()
    for r in results:
        cost = _band(lang, (r.state_cost_meur, r.state_cost_low_meur, r.state_cost_high_meur), 0)
        if r.cost_partial:
            cost = "≥ " + cost
        # the headroom is the year's, the same for every option: once per year (its band below the table)
        headroom = "" if r.year in seen_years or r.headroom_meur[0] is None else num(r.headroom_meur[0], 0, lang)
        seen_years.add(r.year)
        useful = r.money_useful_pct.get(cc)
        table.add_row(number[r.option], f"{r.year}{'*' if r.projection else ''}", cost, headroom, _gap_cell(lang, r, "chemie", cc),
                      _gap_cell(lang, r, "staal", cc), "–" if useful is None else f"{num(useful, 0, lang)} %", verdict_mark(r, lang))
    legend = t(lang, "op_legend") + " " + "; ".join(f"{number[n]} {n}: {titles.get(n, n)}" for n in options if n != "mix")
    parts: list = [Text(legend), table]
    year = detail_year if detail_year in years else (2029 if 2029 in years else years[-1])
    rows = [r for r in results if r.year == year]
    if rows:
        first = rows[0]
        parts.append(Text(t(lang, "op2_headroom", year=year_label(lang, year, first.projection), envelope=_band(lang, (first.envelope_meur, first.envelope_low_meur, first.envelope_high_meur), 0).replace("\n", " "),
                            committed=_band(lang, first.committed_meur, 0).replace("\n", " "), headroom=_band(lang, first.headroom_meur, 0).replace("\n", " "),
                            reading=t(lang, f"op2_reading_{first.reading}")), style="bold"))
    for r in rows:
        parts.append(Text(memo_sentence(lang, r, titles, number[r.option])))
        for c in r.checks:
            if c.status in ("fail", "condition"):
                mark = "✗" if c.status == "fail" else "·"
                cite = frameworks[c.basis].citation.text(lang) if frameworks is not None and c.basis in frameworks else c.basis
                words = t(lang, c.rule, **{k: _field(lang, v) for k, v in c.fields.items()})
                parts.append(Text(f"    {mark} {words} [{cite}]", style="dim" if c.status == "condition" else ""))
        if r.left_out:
            parts.append(Text("    " + t(lang, "op2_left_out", sectors=", ".join(r.left_out)), style="dim"))
        if r.cost_partial:
            parts.append(Text("    " + t(lang, "op2_partial"), style="dim"))
        if r.stated_cost_meur is not None and r.state_cost_meur is not None and abs(r.stated_cost_meur - r.state_cost_meur) > 0.5:
            parts.append(Text("    " + t(lang, "op2_stated", stated=num(r.stated_cost_meur, 0, lang)), style="dim"))
        if r.mix is not None:
            parts += mix_lines(lang, r, number)
    return parts


def memo_sentence(lang: str, r, titles: dict[str, str], number: str) -> str:
    """One sentence for the minister's memo: what the option closes of the chemie and staal
    disadvantage against Germany, for how much of the headroom, and its state-aid verdict."""
    cc = SHOWN_COUNTRY
    parts = []
    for sector in ("chemie", "staal"):
        before, after = r.shown.get((sector, cc), ((None, None, None), (None, None, None)))
        if before[0] is None or after[0] is None:
            continue
        if before[0] <= 0:
            parts.append(t(lang, "op2_memo_no_gap", sector=sector))
            continue
        closed = min(max(before[0] - after[0], 0.0), before[0]) / before[0] * 100
        parts.append(t(lang, "op2_memo_sector", pct=num(closed, 0, lang), sector=sector, before=num(before[0], 1, lang), after=num(after[0], 1, lang)))
    cost = "?" if r.state_cost_meur is None else ("≥ " if r.cost_partial else "") + num(r.state_cost_meur, 0, lang)
    verdict = t(lang, "op2_verdict_" + ("pass" if r.verdict == "pass" else "fail" if r.verdict == "fail" else "na"))
    title = titles.get(r.option, r.option) if r.option != "mix" else t(lang, "op2_mix_name")
    sentence = t(lang, "op2_memo", n=number, title=title, year=r.year, closes=t(lang, "op2_and").join(parts) or "–", cc=country_name(lang, cc),
                 cost=cost, headroom="?" if r.headroom_meur[0] is None else num(r.headroom_meur[0], 0, lang), verdict=verdict)
    # a relief that excludes the IKC-ETS and moves neither chemie nor staal: their plants keep the
    # IKC-ETS, which pays them more (the trial could not tell why the option closed 0 %)
    unmoved = all(abs(r.shown[(s, cc)][0][0] - r.shown[(s, cc)][1][0]) < 0.05 for s in ("chemie", "staal")
                  if (s, cc) in r.shown and r.shown[(s, cc)][0][0] is not None and r.shown[(s, cc)][1][0] is not None)
    if unmoved and parts and any(c.rule == "sa_cisaf_cumulation" and c.status == "pass" for c in r.checks):
        sentence += " " + t(lang, "op2_memo_ikc_pays_more")
    return sentence


def mix_lines(lang: str, r, number: dict) -> list:
    m = r.mix
    out = [Text("    " + t(lang, "op2_mix_levels", items="; ".join(f"{number.get(n, n)} {n} × {num(x, 2, lang)}" for n, x in m.levels.items() if x > 1e-6) or "–",
                                cost=num(m.cost_meur, 0, lang)))]
    marginal = m.marginal_eur_per_mwh_per_100meur
    out.append(Text("    " + (t(lang, "op2_mix_marginal", x=num(marginal, 2, lang)) if marginal and marginal > 1e-9 else t(lang, "op2_mix_exhausted"))))
    chances = [f"{s} {country_name(lang, c, short=True)} {num(p * 100, 0, lang)} %" for (s, c), p in sorted(r.chance_closed.items()) if s in ("chemie", "staal") and p is not None]
    if chances:
        out.append(Text("    " + t(lang, "op2_mix_chance", items="; ".join(chances)), style="dim"))
    return out


def _field(lang: str, v):
    if hasattr(v, "text"):
        return v.text(lang)
    if isinstance(v, float):
        if abs(v - round(v)) < 1e-9:
            return num(v, 0, lang)  # a limit of 50 %, a year count: whole
        return num(v, 2, lang) if abs(v) < 10 else num(v, 1, lang)
    return "?" if v is None else v
