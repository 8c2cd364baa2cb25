"""Sums and the largest units of a cargo --timings HTML report (unit-seconds)."""
import json, re, sys
html = open(sys.argv[1]).read()
m = re.search(r"UNIT_DATA\s*=\s*(\[.*?\]);\s*\n", html, re.S)
units = json.loads(m.group(1))
total = sum(u["duration"] for u in units)
print(f"units {len(units)}, sum of unit durations {total:.1f} s")
agg = {}
for u in units:
    key = u["name"] + (" (build script)" if "build-script" in u.get("target", "") or "build script" in u.get("target", "") else "")
    agg[key] = agg.get(key, 0) + u["duration"]
for k, v in sorted(agg.items(), key=lambda kv: -kv[1])[:int(sys.argv[2]) if len(sys.argv) > 2 else 25]:
    print(f"{v:8.1f}  {k}")
m = re.search(r"Total time:</td><td>([^<]*)", html)
if m: print("cargo total time:", m.group(1))
