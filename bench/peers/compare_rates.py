"""Compares two files of per-neuron rates (Hz) per population, as written by
`examples/microcircuit.rs --rates FILE` and `bench/peers/nest_microcircuit.py --rates
FILE`: means, quartiles, and the two-sample Kolmogorov-Smirnov statistic D with the 5 %
critical value 1.358 * sqrt((n + m) / (n m)) (distributions differ if D exceeds it).

  python bench/peers/compare_rates.py ours.json nest.json [--published]
"""
import argparse
import bisect
import json
import math

# Potjans & Diesmann (2014) full scale, as the reference's network_params.py records them
# (one NEST run, 4 threads): L2/3E, L2/3I, L4E, L4I, L5E, L5I, L6E, L6I.
PUBLISHED = {"L23E": 0.903, "L23I": 2.965, "L4E": 4.414, "L4I": 5.876,
             "L5E": 7.569, "L5I": 8.633, "L6E": 1.105, "L6I": 7.829}


def ks(a, b):
    a, b = sorted(a), sorted(b)
    d = 0.0
    for x in sorted(set(a) | set(b)):
        fa = bisect.bisect_right(a, x) / len(a)
        fb = bisect.bisect_right(b, x) / len(b)
        d = max(d, abs(fa - fb))
    return d


def q(v, p):
    v = sorted(v)
    pos = p * (len(v) - 1)
    lo, hi = math.floor(pos), math.ceil(pos)
    return v[lo] + (v[hi] - v[lo]) * (pos - lo)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("ours")
    ap.add_argument("peer")
    ap.add_argument("--published", action="store_true", help="also list the published full-scale means")
    a = ap.parse_args()
    ours, peer = json.load(open(a.ours)), json.load(open(a.peer))
    head = "| population | n | ours mean | peer mean | ours q25/q50/q75 | peer q25/q50/q75 | KS D | 5 % critical |"
    if a.published:
        head += " published |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for pop in ours:
        x, y = ours[pop], peer[pop]
        n, m = len(x), len(y)
        crit = 1.358 * math.sqrt((n + m) / (n * m))
        row = (f"| {pop} | {n} | {sum(x) / n:.3f} | {sum(y) / m:.3f} | "
               f"{q(x, .25):.1f}/{q(x, .5):.1f}/{q(x, .75):.1f} | {q(y, .25):.1f}/{q(y, .5):.1f}/{q(y, .75):.1f} | "
               f"{ks(x, y):.3f} | {crit:.3f} |")
        if a.published:
            row += f" {PUBLISHED[pop]} |"
        print(row)


if __name__ == "__main__":
    main()
