#!/usr/bin/env python3
"""The spike cap of seasonal smoothing (issue 10): how it was chosen, and what it costs in bias.

Re-implements the served seasonal smoothing (`DemandBaselines.SeasonalSmoothing`: weekday and month-start indices over
the last 728 days, shrunk by n / (n + 20), exponential smoothing of the adjusted days with alpha by least squares) and
caps each adjusted day at mean + c * sqrt(max(mean, 0.25)) before the level is smoothed. The cap c is chosen on the
year of origins *before* the backtest's (every 14th day, 144 windows of 14 days) and then read on the backtest's own
182 windows; "+ excess" adds back the history's mean excess over the cap, which removes the cap's bias. RMSSE is
scaled by the whole history before each origin, as in `ForecastScores.Rmsse`; bias is actual minus forecast, units a
day. Standard library only:

    python3 docs/experiments/m5-spike-cap.py [../shared/data]
"""
import collections, math, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from m5_replica import load, fit, rmsse
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared', 'data')
cal, price, S = load(DATA)

def profile(h, keys, k):
    tot = sum(h) / len(h); f = collections.defaultdict(lambda: 1.0)
    if tot == 0: return f
    g = collections.defaultdict(list)
    for x, kk in zip(h, keys): g[kk].append(x)
    for kk, xs in g.items():
        n = sum(xs); f[kk] = 1 + ((sum(xs) / len(xs)) / tot - 1) * n / (n + k)
    return f

def run(o_start, o_end, guard):
    res = collections.defaultdict(list); bias = collections.defaultdict(list)
    for k, (ds, u) in sorted(S.items()):
        L = len(u)
        wd = [cal[d]['wday'] for d in ds]; ms = [int(d[8:]) <= 10 for d in ds]
        for o in range(L + o_start, L + o_end, 14):
            lo = max(0, o - 728); h = u[lo:o]; act = u[o:o + 14]; hfull = u[:o]
            if o < guard or len(act) < 14: continue
            def rec(name, fc):
                res[name].append(rmsse(act, fc, hfull)); bias[name].append(sum(act) / 14 - sum(fc) / 14)
            a, l = fit(h); rec('exponential smoothing', [l] * 14)
            fw = profile(h, wd[lo:o], 20); fm = profile(h, ms[lo:o], 20)
            idx = [fw[wd[o + i]] * fm[ms[o + i]] for i in range(14)]
            adj = [x / (fw[w] * fm[m]) for x, w, m in zip(h, wd[lo:o], ms[lo:o])]
            a3, l3 = fit(adj); rec('seasonal smoothing, no cap', [l3 * x for x in idx])
            mean = sum(adj) / len(adj)
            for c in (0.5, 1.0, 1.5, 2.0, 2.5, 3.0):
                cap = mean + c * math.sqrt(max(mean, 0.25))
                a5, l5 = fit([min(x, cap) for x in adj])
                rec(f'cap {c}', [l5 * x for x in idx])
                excess = sum(max(0, x - cap) for x in adj) / len(adj)
                rec(f'cap {c} + excess', [(l5 + excess) * x for x in idx])
    return res, bias

for name, (r, b) in (('the year before the backtest (choosing c)', run(-728, -377, 200)), ('the backtest year', run(-364, -13, 56))):
    base = sum(r['exponential smoothing']) / len(r['exponential smoothing'])
    print(f"{name}: {len(r['exponential smoothing'])} windows")
    for c in r:
        v = r[c]; m = sum(v) / len(v)
        print(f"  {c:28s} RMSSE {m:.4f} ({100 * (m / base - 1):+.2f} %)  bias {sum(b[c]) / len(b[c]):+.3f}")
