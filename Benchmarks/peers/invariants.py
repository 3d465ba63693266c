#!/usr/bin/env python3
"""The peer a user would write instead of planlint: PyYAML's libyaml loader (CSafeLoader) plus
the plan invariants that the bundled rule pack checks (Docs/plan-format.md, "What the rules
check"), in plain Python.

Usage: invariants.py PLAN.yaml...   — prints one line per finding; exit 1 when there are any,
2 when a file cannot be read or parsed.

Checked, as the pack does:
- tallies: each row's counts add up to its total; the 合計 row is the sum of the other rows;
  the 個別事業 row equals the marks counted in the project list;
- counts: each field's stated_projects; stated_counts fields, items, projects, priority
  goals; fields, items and projects numbered 1, 2, 3 …;
- years: start ≤ end inside the plan period; a ※ note with 終了 / 開始 agrees with end /
  start (平成 + 1988, 令和 + 2018); a project shorter than the period has a note saying so;
- active counts: the 個別事業 table's 事業数 per field and year equals the projects of that
  field active that year, each 合計 count is the sum of the rows, and stated_counts.years
  (projects, added = active this year but not the last, ended = the reverse) agrees with
  the project list;
- budgets: each column of rows adds up to the 合計 row within rounding — a printed amount n
  is [n-0.5, n+0.5] and "＊" is [0, 1]; rows and 合計 have the table's fiscal years in
  order; each row names a listed field; ratio years are the table's, once each;
- ratios: the printed percent equals actual ÷ budget of the 合計 row, both within rounding,
  rounded to the printed decimals.

It is written the way a careful user would write it — one pass over the projects, integer
arithmetic in half units, exact fractions only for the few ratio cells — so that it is a fair
peer, not a straw man.
"""
import re
import sys
from fractions import Fraction

import yaml

try:
    Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml: say so rather than measure the slow one
    sys.exit("invariants.py: PyYAML has no libyaml (CSafeLoader); install libyaml-dev and reinstall pyyaml")

STAR = "＊"
TOTAL = "合計"
PROJECTS = "個別事業"
WIDE_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
ERA = re.compile(r"(平成|令和|H|Ｈ|R|Ｒ)\s*([0-9０-９]+|元)")
ERA_BASE = {"平成": 1988, "H": 1988, "Ｈ": 1988, "令和": 2018, "R": 2018, "Ｒ": 2018}


def fiscal_year(note):
    """The first era year of a note as a Western fiscal year (平成 + 1988, 令和 + 2018)."""
    m = ERA.search(note)
    if not m:
        return None
    year = 1 if m.group(2) == "元" else int(m.group(2).translate(WIDE_DIGITS))
    return ERA_BASE[m.group(1)] + year


def findings_for(path, plan):
    out = []

    def report(where, message):
        out.append("%s: %s: %s" % (path, where, message))

    if not isinstance(plan, dict):
        report("(root)", "not a mapping")
        return out
    fields = plan.get("fields") or []
    period = (plan.get("plan") or {}).get("period") or {}
    p_start, p_end = period.get("start"), period.get("end")

    goals = (plan.get("plan") or {}).get("priority_goals")
    # One pass over the project list.
    marks = {}
    field_active = {}  # field name → {fy: active projects}
    all_active, started, ended = {}, {}, {}
    items_total = projects_total = 0
    for f_index, field in enumerate(fields):
        if field.get("number") != f_index + 1:
            report("fields[%d].number" % f_index, "field %d is numbered %r" % (f_index + 1, field.get("number")))
        items = field.get("items") or []
        items_total += len(items)
        listed = 0
        active = field_active.setdefault(field.get("name"), {})
        for i_index, item in enumerate(items):
            if item.get("number") != i_index + 1:
                report("fields[%d].items[%d].number" % (f_index, i_index),
                       "item %d is numbered %r" % (i_index + 1, item.get("number")))
            projects = item.get("projects") or []
            listed += len(projects)
            for j, p in enumerate(projects):
                where = "fields[%d].items[%d].projects[%d]" % (f_index, i_index, j)
                if p.get("number") != j + 1:
                    report(where + ".number", "project %d is numbered %r" % (j + 1, p.get("number")))
                m = p.get("mark")
                marks[m] = marks.get(m, 0) + 1
                s, e = p.get("start"), p.get("end")
                if not (isinstance(s, int) and isinstance(e, int)):
                    continue
                if s > e:
                    report(where, "start %d is after end %d" % (s, e))
                if p_start is not None and p_end is not None and (s < p_start or e > p_end):
                    report(where, "years %d–%d lie outside the plan period %d–%d" % (s, e, p_start, p_end))
                note = p.get("note") or ""
                ends, starts = "終了" in note, "開始" in note
                if ends != starts:
                    year = fiscal_year(note)
                    if year is not None and year != (e if ends else s):
                        report(where + (".end" if ends else ".start"), "the note %s says %d, but %s is %d"
                               % (note, year, "end" if ends else "start", e if ends else s))
                if p_start is not None and p_end is not None and ((s > p_start and not starts) or (e < p_end and not ends)):
                    report(where, "runs %d–%d, shorter than the period, without a note saying so" % (s, e))
                for y in range(s, e + 1):
                    active[y] = active.get(y, 0) + 1
                    all_active[y] = all_active.get(y, 0) + 1
                started[s] = started.get(s, 0) + 1
                ended[e] = ended.get(e, 0) + 1
        projects_total += listed
        stated = field.get("stated_projects")
        if stated is not None and stated != listed:
            report("fields[%d].stated_projects" % f_index,
                   "field %r states %d projects, but lists %d" % (field.get("number"), stated, listed))

    # Tallies.
    tally = (plan.get("evaluation") or {}).get("tally") or []
    for t_index, row in enumerate(tally):
        counts = row.get("counts") or {}
        if sum(counts.values()) != row.get("total"):
            report("evaluation.tally[%d].total" % t_index,
                   "total %r, but the counts add up to %d" % (row.get("total"), sum(counts.values())))
        if row.get("category") == TOTAL:
            for key, value in counts.items():
                added = sum((r.get("counts") or {}).get(key, 0) for r in tally if r.get("category") != TOTAL)
                if value != added:
                    report("evaluation.tally[%d].counts.%s" % (t_index, key),
                           "合計 %d, but the rows add up to %d" % (value, added))
        elif row.get("category") == PROJECTS:
            for key, value in counts.items():
                if value != marks.get(key, 0):
                    report("evaluation.tally[%d].counts.%s" % (t_index, key),
                           "%d projects marked %s are stated, %d are listed" % (value, key, marks.get(key, 0)))

    # Stated counts.
    sc = plan.get("stated_counts") or {}
    for key, listed in (("fields", len(fields)), ("items", items_total), ("projects", projects_total)):
        if key in sc and sc[key] != listed:
            report("stated_counts." + key, "states %r %s, but lists %d" % (sc[key], key, listed))
    if "priority_goals" in sc and sc["priority_goals"] != len(goals or []):
        report("stated_counts.priority_goals", "states %r priority goals, but lists %d" % (sc["priority_goals"], len(goals or [])))
    for y_index, year in enumerate(sc.get("years") or []):
        fy = year.get("fy")
        if year.get("projects") != all_active.get(fy, 0):
            report("stated_counts.years[%d].projects" % y_index,
                   "%r projects in %r, but %d are active" % (year.get("projects"), fy, all_active.get(fy, 0)))
        # Active this year but not the last: started this year; the reverse: ended last year.
        if "added" in year and year["added"] != started.get(fy, 0):
            report("stated_counts.years[%d].added" % y_index, "%r added, but %d start in %r" % (year["added"], started.get(fy, 0), fy))
        if "ended" in year and year["ended"] != ended.get(fy - 1, 0):
            report("stated_counts.years[%d].ended" % y_index, "%r ended, but %d end in %r" % (year["ended"], ended.get(fy - 1, 0), fy - 1))

    # Budget tables.
    def half_units(v):  # an amount as an interval in half units
        if v == STAR:
            return 0, 2
        return 2 * v - 1, 2 * v + 1

    for b_index, table in enumerate((plan.get("budgets") or {}).get("tables") or []):
        where = "budgets.tables[%d]" % b_index
        rows = table.get("rows") or []
        fiscal_years = table.get("fiscal_years") or []
        if [c.get("fy") for c in ((table.get("total") or {}).get("years") or [])] != fiscal_years:
            report(where + ".total.years", "the 合計 row's years are not the table's %r" % (fiscal_years,))
        total_years = {c.get("fy"): c for c in ((table.get("total") or {}).get("years") or [])}
        is_projects = table.get("category") == PROJECTS
        sums = {}
        for r_index, row in enumerate(rows):
            if row.get("field") not in field_active:
                report("%s.rows[%d].field" % (where, r_index), "%r names no listed field" % row.get("field"))
            if [c.get("fy") for c in row.get("years") or []] != fiscal_years:
                report("%s.rows[%d].years" % (where, r_index), "the row's years are not the table's %r" % (fiscal_years,))
            active = field_active.get(row.get("field"), {}) if is_projects else None
            for cell in row.get("years") or []:
                fy = cell.get("fy")
                acc = sums.setdefault(fy, [0, 0, 0, 0, 0])
                acc[0] += cell.get("count", 0)
                for k, key in ((1, "budget"), (3, "actual")):
                    lo, hi = half_units(cell.get(key, 0))
                    acc[k] += lo
                    acc[k + 1] += hi
                if active is not None and cell.get("count") != active.get(fy, 0):
                    report("%s.rows[%d] %r" % (where, r_index, fy),
                           "事業数 %r, but %d projects of %s are active" % (cell.get("count"), active.get(fy, 0), row.get("field")))
        for fy, acc in sums.items():
            cell = total_years.get(fy)
            if cell is None:
                continue
            if cell.get("count") != acc[0]:
                report("%s.total %r.count" % (where, fy), "合計 %r, but the rows add up to %d" % (cell.get("count"), acc[0]))
            for k, key in ((1, "budget"), (3, "actual")):
                lo, hi = half_units(cell.get(key, 0))
                if hi < acc[k] or lo > acc[k + 1]:
                    report("%s.total %r.%s" % (where, fy, key),
                           "合計 %r is outside the sum of the rows, %s to %s" % (cell.get(key), acc[k] / 2, acc[k + 1] / 2))
        seen_years = set()
        for r_index, ratio in enumerate(table.get("ratio") or []):
            if ratio.get("fy") not in fiscal_years or ratio.get("fy") in seen_years:
                report("%s.ratio[%d].fy" % (where, r_index), "%r is not one of the table's years, once" % ratio.get("fy"))
            seen_years.add(ratio.get("fy"))
            cell = total_years.get(ratio.get("fy"))
            percent = ratio.get("percent")
            if cell is None or percent is None:
                continue
            b_lo, b_hi = half_units(cell.get("budget", 0))
            a_lo, a_hi = half_units(cell.get("actual", 0))
            if b_lo <= 0:
                continue  # the divisor's interval reaches 0: the pack reports an error, not a ratio
            text = repr(percent)
            decimals = len(text.split(".")[1]) if "." in text else 0
            p = Fraction(text)
            half = Fraction(1, 2 * 10 ** decimals)
            lo, hi = 100 * Fraction(a_lo, b_hi), 100 * Fraction(a_hi, b_lo)
            if hi < p - half or lo > p + half:
                report("%s.ratio[%d].percent" % (where, r_index),
                       "%s%% is not actual ÷ budget (%.1f%% to %.1f%%)" % (text, float(lo), float(hi)))
    return out


def main():
    status = 0
    for path in sys.argv[1:]:
        try:
            with open(path, "rb") as f:
                plan = yaml.load(f, Loader=Loader)
        except (OSError, yaml.YAMLError) as error:
            print("%s: %s" % (path, error))
            status = 2
            continue
        lines = findings_for(path, plan)
        if lines:
            print("\n".join(lines))
            status = max(status, 1)
    sys.exit(status)


if __name__ == "__main__":
    main()
