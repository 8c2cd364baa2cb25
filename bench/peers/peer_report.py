"""What the peer scripts of bench/peers report alike, in the JSON of examples/hpc_benchmark.rs,
coba.rs and cuba.rs: per-population rate summaries (mean, sd, quartiles), spike count,
delivered synaptic events (each spike times its population's mean out-degree), CPU time.
"""
import json
import math
import os
import resource
import sys


def cpu_s():
    """CPU time (s, user + system, all threads) of this process so far."""
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def quantile(srt, q):
    if not srt:
        return float("nan")
    pos = q * (len(srt) - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    return srt[lo] + (srt[hi] - srt[lo]) * (pos - lo)


def rates(senders, first_id, n, seconds):
    """Per-neuron rates (Hz) of the neurons first_id .. first_id + n - 1."""
    counts = [0] * n
    for s in senders:
        i = int(s) - first_id
        if 0 <= i < n:
            counts[i] += 1
    return [c / seconds for c in counts]


def summary(r):
    n = max(len(r), 1)
    mean = sum(r) / n
    std = math.sqrt(sum((x - mean) ** 2 for x in r) / n)
    srt = sorted(r)
    return {"n": len(r), "mean": mean, "std": std, "q25": quantile(srt, 0.25),
            "median": quantile(srt, 0.5), "q75": quantile(srt, 0.75)}


def report(out, pops, out_synapses, rates_file=None, as_json=True):
    """pops: {name: per-neuron rates}; out_synapses: {name: synapses out of that population}.
    Adds rates_hz, spikes, events_delivered and ns_per_event_sim to out and prints it."""
    seconds = out["simtime_ms"] / 1000.0
    spikes = {k: round(sum(v) * seconds) for k, v in pops.items()}
    events = sum(spikes[k] * out_synapses[k] / len(pops[k]) for k in pops)
    out.update({
        "spikes": sum(spikes.values()),
        "rates_hz": {k: summary(v) for k, v in pops.items()},
        "events_delivered": round(events),
        "ns_per_event_sim": out["sim_s"] / events * 1e9 if events else None,
    })
    out.setdefault("vmrss_mb", {"peak": peak_rss_mb()})
    if rates_file:
        with open(rates_file, "w") as f:
            json.dump(pops, f)
    if as_json:
        sys.stdout.write(json.dumps(out) + "\n")
    else:
        print(f"{out['simulator']} {out['model']}, scale {out['scale']}: {out['neurons']} neurons")
        for k, s in out["rates_hz"].items():
            print(f"  {k:3} {s['mean']:8.3f} Hz mean, quartiles {s['q25']:.2f} / {s['median']:.2f} / {s['q75']:.2f}")
        print(f"build {out['build_s']:.3f} s, simulation {out['sim_s']:.3f} s")
    sys.stdout.flush()
