"""The backtest replica the M5 experiments share (issue 10): the sample and its calendar, read as m5-level-baselines.py
reads them (days without sales filled with 0), exponential smoothing fitted as DemandBaselines.FitSmoothing, RMSSE as
ForecastScores.Rmsse, and a shrunk multiplicative index per key. Standard library only.

    from m5_replica import load, fit, rmsse, profile
"""
import csv, collections, math, os


def load(data):
    """(cal, price, S): the calendar by date, each item's price by week, and each item's (dates, units) from its first sale."""
    cal={r['date']:r for r in csv.DictReader(open(os.path.join(data, 'm5-sample', 'calendar.csv')))}
    raw=collections.defaultdict(dict); price=collections.defaultdict(dict)
    for r in csv.DictReader(open(os.path.join(data, 'm5-sample', 'm5-foods3-ca1.csv'))):
        raw[r['item_id']][r['date']]=float(r['sales']); price[r['item_id']][r['wm_yr_wk']]=float(r['sell_price'])
    alld=sorted(cal); lastdate=max(max(v) for v in raw.values())
    S={}
    for k,v in raw.items():
        first=min(v); ds=[d for d in alld if first<=d<=lastdate]
        S[k]=(ds,[v.get(d,0.0) for d in ds])
    return cal, price, S


def fit(h):
    best=(1e18,0.5,h[-1])
    for st in range(1,100):
        a=st/100; l=h[0]; e=0
        for t in range(1,len(h)):
            e+=(h[t]-l)**2; l+=a*(h[t]-l)
        if e<best[0]: best=(e,a,l)
    return best[1],best[2]
def rmsse(act,fc,h):
    e=sum((a-f)**2 for a,f in zip(act,fc))/len(act)
    n=sum((h[t]-h[t-1])**2 for t in range(1,len(h)))/(len(h)-1)
    return math.sqrt(e/n) if n>0 else None
def profile(h,keys,window,k):
    h=h[-window:]; keys=keys[-window:]; tot=sum(h)/len(h)
    f=collections.defaultdict(lambda:1.0)
    if tot==0: return f
    g=collections.defaultdict(list)
    for x,kk in zip(h,keys): g[kk].append(x)
    for kk,xs in g.items():
        n=sum(xs); f[kk]=1+((sum(xs)/len(xs))/tot-1)*n/(n+k)
    return f
