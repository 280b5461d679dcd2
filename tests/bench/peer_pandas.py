#!/usr/bin/env python3
"""The pandas peer of the libkpi benchmark.

    python3 peer_pandas.py STRUCTURE.csv PROGRESS.csv --as-of 2017-09-30 --out RATINGS

Computes, with pandas and numpy, the ratings libkpi's kpi_evaluate() gives
with the default policy (thresholds 1.10 / 0.95, tolerance 1e-9, the
KPI_ROLLUP_CRITERIA roll-up, assessments used), by the rules of
docs/evaluation.md, for every target, every goal and the plan, and writes
one line `code,rating` each: `ahead`, `on_track`, `behind`,
`not_progressed`, or `unrated:REASON` (QUALITATIVE, INCOMPLETE, INVALID,
NO_DATA, NOT_DUE, NO_RATED_CHILDREN).

It reads what kpi-gen writes: UTF-8, the English column names, ISO dates
(and `FYyyyy` for the plan's period), plain numbers. It is written as an
analyst who knows pandas would write it: vectorised, reading only the
progress columns the ratings need, nothing in a Python loop over rows.
"""
import argparse
import sys

import numpy as np
import pandas as pd

TOLERANCE = 1e-9
AHEAD, ON_TRACK = 1.10, 0.95

RATINGS = {"◎": 4, "ahead": 4, "○": 3, "on_track": 3, "△": 2, "behind": 2,
           "×": 1, "not_progressed": 1}
NAMES = np.array(["", "not_progressed", "behind", "on_track", "ahead"], dtype=object)
REASONS = np.array(["", "unrated:QUALITATIVE", "unrated:INCOMPLETE", "unrated:INVALID",
                    "unrated:NO_DATA", "unrated:NOT_DUE", "unrated:NO_RATED_CHILDREN"],
                   dtype=object)
KINDS = {"": 0, "numeric": 0, "数値": 0, "milestone": 1, "達成": 1, "qualitative": 2,
         "定性": 2}
DIRECTIONS = {"": 0, "increase": 0, ">=": 0, "以上": 0, "decrease": 1, "<=": 1, "以下": 1}
SCHEDULES = {"": 0, "linear": 1, "step": 2, "level": 3}
ACCUMULATES = {"": 0, "latest": 0, "sum": 1}
EPOCH = np.datetime64("1970-01-01", "D")


def day(text):
    """Days since 1970-01-01 of an ISO date."""
    return int((np.datetime64(text, "D") - EPOCH).astype(np.int64))


def period_day(text, last):
    """A plan period cell: ISO, or FYyyyy (April 1 .. March 31)."""
    if text.upper().startswith("FY"):
        year = int(text[2:])
        return day(f"{year + 1}-03-31") if last else day(f"{year}-04-01")
    return day(text)


def days(column):
    """An ISO date column as days since 1970 (NaN when empty)."""
    parsed = pd.to_datetime(column.where(column != ""), format="%Y-%m-%d")
    out = (parsed.values.astype("datetime64[D]") - EPOCH).astype(np.int64).astype(float)
    out[parsed.isna().values] = np.nan
    return out


def latest_by_code(frame, value):
    """Per code, `value` of the row with the greatest date; of equal dates
    the one further down the file (a stable sort keeps file order)."""
    ordered = frame.sort_values("day", kind="stable")
    last = ordered.drop_duplicates("code", keep="last")
    return pd.Series(last[value].values, index=last["code"].values)


def rate(structure_path, progress_path, as_of_text):
    as_of = day(as_of_text)
    s = pd.read_csv(structure_path, dtype=str, keep_default_na=False)
    kind_of_row = s["type"].str.lower()
    plan = s[kind_of_row == "plan"].iloc[0]
    plan_id = plan["code"]
    if plan["start"] and plan["due"]:
        plan_start, plan_end = period_day(plan["start"], False), period_day(plan["due"], True)
    else:
        year = int(as_of_text[:4]) - (1 if int(as_of_text[5:7]) < 4 else 0)
        plan_start, plan_end = day(f"{year}-04-01"), day(f"{year + 1}-03-31")

    t = s[kind_of_row == "target"]
    goals = s[kind_of_row == "goal"][["code", "parent"]].reset_index(drop=True)

    # --- one target (docs/evaluation.md, "One target") ---
    kind = t["kind"].str.lower().map(KINDS).values
    direction = t["direction"].str.lower().map(DIRECTIONS).values
    schedule = t["schedule"].str.lower().map(SCHEDULES).values
    accumulate = t["accumulate"].str.lower().map(ACCUMULATES).values
    number = {c: pd.to_numeric(t[c], errors="coerce").values.astype(float)
              for c in ("value", "start_value", "reference", "change_pct")}
    increase = direction == 0
    sign = np.where(increase, 1.0, -1.0)
    with np.errstate(all="ignore"):
        relative = number["reference"] * (1.0 + sign * number["change_pct"] / 100.0)
    T = np.where(kind == 1, 1.0,
                 np.where(np.isnan(number["change_pct"]), number["value"], relative))
    S = np.where(~np.isnan(number["start_value"]), number["start_value"],
                 np.where(increase, 0.0, np.nan))
    d0 = days(t["start"])
    d1 = days(t["due"])
    d0 = np.where(np.isnan(d0), plan_start, d0)
    d1 = np.where(np.isnan(d1), plan_end, d1)

    p = pd.read_csv(progress_path, usecols=["code", "date", "value", "rating"],
                    dtype={"code": str, "date": str, "rating": str, "value": float},
                    keep_default_na=False, na_values={"value": [""]})
    p["day"] = days(p["date"])
    known = p["day"].values <= as_of
    has_value = ~np.isnan(p["value"].values)
    measured = p[known & has_value]
    latest = latest_by_code(measured, "value")
    total = measured.groupby("code", sort=False)["value"].sum()
    assessed = p[known & ~has_value & (p["rating"].values != "")].copy()
    assessed["r"] = assessed["rating"].str.strip().map(RATINGS)
    assessment = latest_by_code(assessed, "r")

    codes = t["code"]
    sums = codes.map(total).values.astype(float)
    A = np.where(accumulate == 1, S + sums, codes.map(latest).values.astype(float))

    with np.errstate(all="ignore"):
        valid_period = d1 >= d0
        f = np.clip((as_of - d0 + 1) / (d1 - d0 + 1), 0.0, 1.0)
        f = np.where(valid_period, f, np.nan)
        effective = np.where(schedule != 0, schedule, np.where(kind == 1, 2, 1))
        E = np.where(effective == 2, np.where(as_of >= d1, T, S),
                     np.where(effective == 3, T, S + (T - S) * f))

        def gain(x):
            return np.where(increase, x - S, S - x)

        gT, gA, gE = gain(T), gain(A), gain(E)
        reason = np.select(
            [kind == 2, np.isnan(T) | np.isnan(S),
             (gT <= 0) | ~np.isfinite(gT) | ~valid_period, np.isnan(A)],
            [1, 2, 3, 4], 0)
        pace = gA / gE
        by_pace = np.select([pace >= AHEAD - TOLERANCE, pace >= ON_TRACK - TOLERANCE,
                             pace > TOLERANCE], [4, 3, 2], 1)
        nothing_expected = np.select([gA >= gT - TOLERANCE, gA > 0], [4, 3], 0)
    computed = np.where(reason != 0, 0, np.where(gE <= 0, nothing_expected, by_pace))
    reason = np.where((reason == 0) & (computed == 0), 5, reason)
    person = codes.map(assessment).values
    has_person = ~pd.isna(person)
    t_rating = np.where(has_person, np.nan_to_num(person.astype(float)), computed).astype(int)
    t_reason = np.where(has_person, 0, reason)

    # --- goals and the plan: the CRITERIA roll-up, deepest goals first ---
    g_count = len(goals)
    index_of = pd.Series(np.arange(g_count), index=goals["code"].values)
    top = (goals["parent"] == "") | (goals["parent"] == plan_id)
    parent_index = goals["parent"].map(index_of).values
    parent_index = np.where(top.values, -1, parent_index).astype(float)
    depth = np.where(top.values, 1, 0)
    for _ in range(32):
        pending = depth == 0
        if not pending.any():
            break
        parents = parent_index[pending].astype(int)
        depth[pending] = np.where(depth[parents] > 0, depth[parents] + 1, 0)

    # counts[k][goal] = direct children with effective rating k (1..4)
    counts = np.zeros((5, g_count + 1), dtype=np.int64)  # the last column: the plan
    t_parent = t["parent"].map(index_of).values.astype(int)
    for k in range(1, 5):
        counts[k, :g_count] += np.bincount(t_parent[t_rating == k], minlength=g_count)
    g_assessment = goals["code"].map(assessment).values
    g_rating = np.zeros(g_count, dtype=int)
    g_reason = np.zeros(g_count, dtype=int)

    def rollup(c):
        rated = c[1] + c[2] + c[3] + c[4]
        r = np.select([c[1] == rated, c[1] + c[2] > 0, c[4] == rated], [1, 2, 4], 3)
        return np.where(rated == 0, 0, r)

    for level in range(int(depth.max()), 0, -1):
        at = np.nonzero(depth == level)[0]
        r = rollup(counts[:, at])
        person = g_assessment[at]
        has = ~pd.isna(person)
        g_rating[at] = np.where(has, np.nan_to_num(person.astype(float)), r).astype(int)
        g_reason[at] = np.where(g_rating[at] == 0, 6, 0)
        parents = np.where(parent_index[at] < 0, g_count, parent_index[at]).astype(int)
        for k in range(1, 5):
            np.add.at(counts[k], parents[g_rating[at] == k], 1)
    plan_rating = int(rollup(counts[:, g_count:])[0])

    labels = np.concatenate([
        np.where(t_rating > 0, NAMES[t_rating], REASONS[t_reason]),
        np.where(g_rating > 0, NAMES[g_rating], REASONS[g_reason]),
        [NAMES[plan_rating] if plan_rating else REASONS[6]]])
    out = pd.DataFrame({"code": np.concatenate([codes.values, goals["code"].values,
                                                [plan_id]]),
                        "rating": labels})
    return out, len(t), g_count, int(has_value.sum())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("structure")
    parser.add_argument("progress")
    parser.add_argument("--as-of", required=True, help="YYYY-MM-DD")
    parser.add_argument("--out", required=True, help="the ratings file to write")
    args = parser.parse_args()
    out, targets, goals, measurements = rate(args.structure, args.progress, args.as_of)
    out.to_csv(args.out, header=False, index=False)
    print(f"version=pandas {pd.__version__}, numpy {np.__version__}, "
          f"Python {sys.version.split()[0]}")
    print(f"rated={targets} targets, {goals} goals, {measurements} measurements "
          f"as of {args.as_of}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
