"""CPU seconds (user + sys) per compiled crate from cpuwrap.sh's log, cold build only."""
import sys
rows = [l.split() for l in open(sys.argv[1]) if len(l.split()) == 5]
agg = {}
for name, opt, u, s, w in rows:
    key = f"{name} ({opt})"
    agg[key] = agg.get(key, 0.0) + float(u) + float(s)
total = sum(agg.values())
print(f"rustc CPU (user+sys) over {len(rows)} runs: {total:.1f} s")
for k, v in sorted(agg.items(), key=lambda kv: -kv[1])[:30]:
    print(f"{v:7.1f}  {k}")
