#!/usr/bin/env python3
"""Experiments toward the forecaster's 3 % margin over exponential smoothing (issue 10), on the backtest's own windows.

Re-implements the backtest of `evaluate demand-backtest` (the same 26 origins a series, 14-day windows, RMSSE as
ForecastScores.Rmsse, exponential smoothing as DemandBaselines.ExponentialSmoothing: it prints the same 0.6320) and
scores level forecasts that use what the LSTM does not read: the M5 calendar's SNAP days and events, a smoothing
constant chosen for the 14-day horizon, moving averages, and their means; then weekday and SNAP indices (what the
served seasonal smoothing measures, here on the whole history), Christmas closure, a price rescaling, and two oracles
that know each window's mean units. Standard library only:

    python3 docs/experiments/m5-level-baselines.py [../shared/data]
"""
import collections, math, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from m5_replica import load, fit, rmsse
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared', 'data')
cal, price, S = load(DATA)
def factor(h,flags,window,k):
    h=h[-window:]; flags=flags[-window:]
    on=[x for x,f in zip(h,flags) if f]; off=[x for x,f in zip(h,flags) if not f]
    if not on or not off or sum(off)==0: return 1.0
    f=(sum(on)/len(on))/(sum(off)/len(off)); n=sum(on)
    return 1+(f-1)*n/(n+k)
def es_level(h,a):
    l=h[0]
    for x in h[1:]: l+=a*(x-l)
    return l
def fit_multi(h,H=14):
    # alpha minimising mean squared error of the flat forecast over the next H days, from each of the last 365 days
    best=(1e18,0.5)
    for st in range(1,100):
        a=st/100; l=h[0]; levels=[]
        for t in range(1,len(h)):
            levels.append(l); l+=a*(h[t]-l)
        levels.append(l)
        e=0; n=0
        start=max(1,len(h)-365)
        for t in range(start,len(h)-H):
            lv=levels[t]  # level after seeing h[:t]
            for j in range(H): e+=(h[t+j]-lv)**2
            n+=1
        if n and e<best[0]: best=(e,a)
    return best[1]
def profile(h,keys,window,k):
    # a multiplicative index per key over the last `window` days, moved from 1 toward its ratio by n / (n + k), n its units
    h=h[-window:]; keys=keys[-window:]; tot=sum(h)/len(h)
    f=collections.defaultdict(lambda:1.0)
    if tot==0: return f
    g=collections.defaultdict(list)
    for x,kk in zip(h,keys): g[kk].append(x)
    for kk,xs in g.items():
        n=sum(xs); f[kk]=1+((sum(xs)/len(xs))/tot-1)*n/(n+k)
    return f
res=collections.defaultdict(list)
for k,(ds,u) in sorted(S.items()):
    snap=[cal[d]['snap_CA']=='1' for d in ds]
    L=len(u); first=L-364
    for o in range(first,L-14+1,14):
        h=u[:o]; act=u[o:o+14]
        a,l=fit(h); es=[l]*14
        am=fit_multi(h); lm=es_level(h,am); esm=[lm]*14
        ma28=[sum(h[-28:])/28]*14; ma56=[sum(h[-56:])/56]*14
        f=factor(h,snap[:o],730,5)
        adj=[x/(f if s else 1) for x,s in zip(h,snap[:o])]
        a2,l2=fit(adj); sn=[l2*(f if snap[o+i] else 1) for i in range(14)]
        am2=fit_multi(adj); l3=es_level(adj,am2); snm=[l3*(f if snap[o+i] else 1) for i in range(14)]
        combos={'es':es,'es-multi':esm,'ma28':ma28,'ma56':ma56,'snap':sn,'snap-multi':snm,
          'mean(es,ma28,ma56)':[(x+y+z)/3 for x,y,z in zip(es,ma28,ma56)],
          'mean(snapmulti,ma28)':[(x+y)/2 for x,y in zip(snm,ma28)],
          'mean(es-multi,es)':[(x+y)/2 for x,y in zip(esm,es)]}
        wd=[cal[d]['wday'] for d in ds]; xmas=[d[5:]=='12-25' for d in ds]
        P=[price[k].get(cal[d]['wm_yr_wk']) for d in ds]
        for i in range(len(P)):
            P[i]=P[i] if P[i] is not None else (P[i-1] if i else next(p for p in P if p is not None))
        fw=profile(h,wd[:o],10**6,20); fs=profile(h,snap[:o],730,5)
        idx=[fw[wd[o+i]]*fs[snap[o+i]] for i in range(14)]
        adj3=[x/(fw[w]*fs[s]) for x,w,s in zip(h,wd[:o],snap[:o])]
        a3,l3=fit(adj3)
        closed=[0 if xmas[o+i] else 1 for i in range(14)]
        adj4=[x*(P[o-1]/p)**-3 for x,p in zip(adj3,P[:o])]
        a4,l4=fit(adj4)
        combos['weekday+snap indices']=[l3*x for x in idx]
        combos['weekday+snap+christmas']=[l3*x*c for x,c in zip(idx,closed)]
        combos['weekday+snap+christmas+price(-3)']=[l4*x*c for x,c in zip(idx,closed)]
        combos['oracle flat mean']=[sum(act)/14]*14
        g=[x*c for x,c in zip(idx,closed)]
        combos['oracle mean x indices']=[sum(act)/sum(g)*x for x in g]
        for name,fc in combos.items():
            r=rmsse(act,fc,h)
            if r is not None: res[name].append(r)
for n,v in res.items(): print(n, len(v), round(sum(v)/len(v),4))
