"""Straightforward numpy + Python loop: close-only P&F columns (traditional scale, 3-box reversal) and the
double-top/bottom signal state for every member of a wide CSV. Times the compute only (not the CSV load) and
prints JSON: {"ms", "checksum" (sum of daily states), "buys", "sells" (last-day states)}.
Usage: python3 bench/pnf_numpy.py FILE [DROP_DATE]"""
import csv
import json
import sys
import time

import numpy as np

EPS = 1e-9
# post-2022 traditional table, in ticks of 1/16
BANDS = [(0, 0.0625), (0.25, 0.125), (1, 0.25), (5, 0.5), (20, 1), (100, 2), (200, 4), (500, 5),
         (1000, 10), (2500, 50), (25000, 500)]
LOW = np.array([b[0] * 16 for b in BANDS], dtype=float)
STEP = np.array([b[1] * 16 for b in BANDS], dtype=float)
START = np.concatenate([[0], np.cumsum((LOW[1:] - LOW[:-1]) / STEP[:-1])])


def load(path, drop):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    body = [r for r in rows[1:] if r and r[0] != drop]
    data = np.array([[float(x) if x else np.nan for x in r[1:]] for r in body], dtype=float)
    return rows[0][1:], data


def box_indexes(v):
    """floor (X side) and ceil (O side) ladder indexes of every value; -1e9 marks a missing value."""
    x = v * 16
    ok = np.isfinite(x) & (x > 0)
    xs = np.where(ok, x, 1.0)
    bf = np.searchsorted(LOW, xs, side="right") - 1
    bc = np.maximum(np.searchsorted(LOW, xs, side="left") - 1, 0)
    fi = START[bf] + np.floor((xs - LOW[bf]) / STEP[bf] + EPS)
    ci = START[bc] + np.ceil((xs - LOW[bc]) / STEP[bc] - EPS)
    fi = np.where(ok, fi, -1e9).astype(np.int64)
    ci = np.where(ok, ci, -1e9).astype(np.int64)
    return fi, ci


def states(fi, ci, R=3):
    out = np.zeros(len(fi), dtype=np.int8)
    phase = 0
    top = bot = 0
    last_x = 10**12
    last_o = -10**12
    state = 0
    for d, (f, c) in enumerate(zip(fi.tolist(), ci.tolist())):
        if f == -1000000000:
            out[d] = state
            continue
        if phase == 2:
            if f > top:
                top = f
                if top > last_x:
                    state = 1
            elif c <= top - R:
                last_x = top
                bot = min(c, top - R)
                phase = 3
                if bot < last_o:
                    state = -1
        elif phase == 3:
            if c < bot:
                bot = c
                if bot < last_o:
                    state = -1
            elif f >= bot + R:
                last_o = bot
                top = max(f, bot + R)
                phase = 2
                if top > last_x:
                    state = 1
        elif phase == 0:
            top, bot, phase = f, c, 1
        elif f > top:
            top, phase = f, 2
        elif c < bot:
            bot, phase = c, 3
        out[d] = state
    return out


def main():
    path = sys.argv[1]
    drop = sys.argv[2] if len(sys.argv) > 2 else ""
    _, data = load(path, drop)
    t0 = time.perf_counter()
    checksum = buys = sells = 0
    for m in range(data.shape[1]):
        fi, ci = box_indexes(data[:, m])
        s = states(fi, ci)
        checksum += int(s.sum(dtype=np.int64))
        buys += int(s[-1] == 1)
        sells += int(s[-1] == -1)
    ms = (time.perf_counter() - t0) * 1000
    print(json.dumps({"ms": ms, "checksum": checksum, "buys": buys, "sells": sells}))


if __name__ == "__main__":
    main()
