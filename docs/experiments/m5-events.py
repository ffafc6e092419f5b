#!/usr/bin/env python3
"""Issue 10, tried on 2026-12-07 and not served: calendar events and a fixed price elasticity on top of the weekday and
SNAP indices of seasonal smoothing, on the backtest's 182 windows (the replica of m5-level-baselines.py; its exponential
smoothing prints 0.632). Event indices by M5 event type, by event name, and by name with the day before each event, each
a multiplicative index over the whole history shrunk by n / (n + k) for k = 5, 20, 50; a level mixed with the 365-day or
28-day mean; the history rescaled to the origin's price by a fixed elasticity. Standard library only:

    python3 docs/experiments/m5-events.py [../shared/data]
"""
import collections, math, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from m5_replica import load, fit, rmsse, profile
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared', 'data')
cal, price, S = load(DATA)
W=[0.0,0.1,0.2,0.3]
res=collections.defaultdict(list)
for k,(ds,u) in sorted(S.items()):
    snap=[cal[d]['snap_CA']=='1' for d in ds]
    wd=[cal[d]['wday'] for d in ds]
    ev=[cal[d]['event_type_1'] or '' for d in ds]
    evn=[cal[d]['event_name_1'] or '' for d in ds]
    # the day after an event, and the day before
    evpre=[(ev[i+1] if i+1<len(ev) else '') for i in range(len(ev))]
    P=[price[k].get(cal[d]['wm_yr_wk']) for d in ds]
    for i in range(len(P)):
        P[i]=P[i] if P[i] is not None else (P[i-1] if i else next(p for p in P if p is not None))
    L=len(u); first=L-364
    for o in range(first,L-14+1,14):
        h=u[:o]; act=u[o:o+14]
        a,l=fit(h); res['es'].append(rmsse(act,[l]*14,h))
        fw=profile(h,wd[:o],10**6,20); fs=profile(h,snap[:o],730,5)
        idx=[fw[wd[o+i]]*fs[snap[o+i]] for i in range(14)]
        adj=[x/(fw[w]*fs[s]) for x,w,s in zip(h,wd[:o],snap[:o])]
        a3,l3=fit(adj)
        res['wd+snap'].append(rmsse(act,[l3*x for x in idx],h))
        for kk,label in ((20,'20'),(5,'5'),(50,'50')):
            fe=profile(adj,ev[:o],10**6,kk)
            adjE=[x/fe[e] for x,e in zip(adj,ev[:o])]
            aE,lE=fit(adjE)
            res['+event type k'+label].append(rmsse(act,[lE*x*fe[ev[o+i]] for i,x in enumerate(idx)],h))
            fn=profile(adj,evn[:o],10**6,kk)
            adjN=[x/fn[e] for x,e in zip(adj,evn[:o])]
            aN,lN=fit(adjN)
            res['+event name k'+label].append(rmsse(act,[lN*x*fn[evn[o+i]] for i,x in enumerate(idx)],h))
            # name with pre-event day
            keys=[n if n else ('pre-'+p if p else '') for n,p in zip(evn,[cal[ds[i+1]]['event_name_1'] if i+1<len(ds) else '' for i in range(len(ds))])]
            fp=profile(adj,keys[:o],10**6,kk)
            adjP=[x/fp[e] for x,e in zip(adj,keys[:o])]
            aP,lP=fit(adjP)
            res['+event name+eve k'+label].append(rmsse(act,[lP*x*fp[keys[o+i]] for i,x in enumerate(idx)],h))
        # long-run shrink of the level
        m365=sum(adj[-365:])/len(adj[-365:])
        for w in W:
            res['level shrink to 365 mean w%.1f'%w].append(rmsse(act,[((1-w)*l3+w*m365)*x for x in idx],h))
        m28=sum(adj[-28:])/28
        for w in W:
            res['level mix 28 mean w%.1f'%w].append(rmsse(act,[((1-w)*l3+w*m28)*x for x in idx],h))
        # price: own elasticity on weekly log-log, shrunk
        for b in (-1,-2,-3):
            adjB=[x*(P[o-1]/p)**b for x,p in zip(adj,P[:o])]
            aB,lB=fit(adjB)
            res['price fixed %d'%b].append(rmsse(act,[lB*x for x in idx],h))
for n,v in res.items(): print('%-36s'%n, len(v), round(sum(v)/len(v),4))
