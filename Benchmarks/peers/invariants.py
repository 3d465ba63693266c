#!/usr/bin/env python3
"""The peer a user would write instead of planlint: PyYAML's libyaml loader (CSafeLoader) plus
the plan invariants that the bundled rule pack checks (Docs/plan-format.md, "What the rules
check"), in plain Python.

Usage: invariants.py PLAN.yaml...   — prints one line per finding; exit 1 when there are any,
2 when a file cannot be read or parsed.

Checked, as the pack does:
- tallies: each row's counts add up to its total; the 合計 row is the sum of the other rows;
  the 個別事業 row equals the marks counted in the project list;
- counts: each field's stated_projects; stated_counts fields, items, projects; items and
  projects numbered 1, 2, 3 …;
- years: start ≤ end inside the plan period; a ※…年度で終了 / ※…年度事業開始 note agrees
  with end / start;
- active counts: the 個別事業 table's 事業数 per field and year equals the projects of that
  field active that year, its 合計 count is the sum of the rows, and stated_counts.years
  (projects, added, ended) agrees with the project list;
- budgets: each column of rows adds up to the 合計 row within rounding — a printed amount n
  is [n-0.5, n+0.5] (never below 0) and "＊" is [0, 1];
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
NOTE = re.compile(r"^※(?:平成|H|Ｈ)([0-9０-９]+)年度(で終了|事業開始)")


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

    # One pass over the project list.
    marks = {}
    field_active = {}  # field name → {fy: active projects}
    all_active, started, ended = {}, {}, {}
    items_total = projects_total = 0
    for f_index, field in enumerate(fields):
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
                note = p.get("note")
                if note:
                    mt = NOTE.match(note)
                    if mt:
                        year = int(mt.group(1).translate(WIDE_DIGITS)) + 1988
                        if mt.group(2) == "で終了" and e != year:
                            report(where + ".end", "the note says it ended in %d, but end is %d" % (year, e))
                        elif mt.group(2) == "事業開始" and s != year:
                            report(where + ".start", "the note says it started in %d, but start is %d" % (year, s))
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
    for y_index, year in enumerate(sc.get("years") or []):
        fy = year.get("fy")
        if year.get("projects") != all_active.get(fy, 0):
            report("stated_counts.years[%d].projects" % y_index,
                   "%r projects in %r, but %d are active" % (year.get("projects"), fy, all_active.get(fy, 0)))
        if "added" in year and year["added"] != started.get(fy, 0):
            report("stated_counts.years[%d].added" % y_index, "%r added, but %d start in %r" % (year["added"], started.get(fy, 0), fy))
        if "ended" in year and year["ended"] != ended.get(fy - 1, 0):
            report("stated_counts.years[%d].ended" % y_index, "%r ended, but %d end in %r" % (year["ended"], ended.get(fy - 1, 0), fy - 1))

    # Budget tables.
    def half_units(v):  # an amount as an interval in half units
        if v == STAR:
            return 0, 2
        return max(0, 2 * v - 1), 2 * v + 1

    for b_index, table in enumerate((plan.get("budgets") or {}).get("tables") or []):
        where = "budgets.tables[%d]" % b_index
        rows = table.get("rows") or []
        total_years = {c.get("fy"): c for c in ((table.get("total") or {}).get("years") or [])}
        is_projects = table.get("category") == PROJECTS
        sums = {}
        for r_index, row in enumerate(rows):
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
        for r_index, ratio in enumerate(table.get("ratio") or []):
            cell = total_years.get(ratio.get("fy"))
            percent = ratio.get("percent")
            if cell is None or percent is None:
                continue
            b_lo, b_hi = half_units(cell.get("budget", 0))
            a_lo, a_hi = half_units(cell.get("actual", 0))
            if b_lo == 0:
                continue
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
