#!/usr/bin/env python3
"""Turns a JMH JSON result file (java -jar benchmarks.jar ... -prof gc -rf json -rff FILE) into the
Markdown tables of benchmarks/README.md: for ScalarFamiliesBenchmark one row per case with ns/row
of each variant, the ratios generated/expert and generated/naive, and bytes per row; for the
other benchmarks one row per benchmark and parameter.

Usage: python3 benchmarks/ratios.py FILE.json [FILE.json ...]
"""
import json
import re
import sys
from collections import defaultdict

VARIANTS = ("Generated", "Expert", "Naive", "Commons", "PerSample")


def load(paths):
    results = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            results.extend(json.load(f))
    return results


def bytes_per_row(result):
    metrics = result.get("secondaryMetrics", {})
    gc = metrics.get("gc.alloc.rate.norm") or metrics.get("·gc.alloc.rate.norm")  # JMH < 1.37: "·"
    return None if gc is None else gc["score"]


def split_scalar(name):
    """'...ScalarFamiliesBenchmark.poissonLogExpert' -> ('poissonLog', 'Expert')."""
    method = name.rsplit(".", 1)[1]
    for variant in VARIANTS:
        if method.endswith(variant):
            return method[: -len(variant)], variant
    return method, ""


def number(x, digits=1):
    if x is None:
        return "n/a"
    return f"{x:,.{digits}f}" if x < 100 else f"{x:,.0f}"


def scalar_table(results):
    cases = defaultdict(dict)
    for r in results:
        if ".ScalarFamiliesBenchmark." in r["benchmark"]:
            case, variant = split_scalar(r["benchmark"])
            cases[case][variant] = r
    if not cases:
        return ""
    lines = [
        "| case | generated | expert | naive | Commons | generated / expert | generated / naive | B/row (generated) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for case, variants in cases.items():
        score = {v: r["primaryMetric"]["score"] for v, r in variants.items()}
        gen = score.get("Generated")
        ratio = lambda other: "n/a" if gen is None or other not in score else f"{gen / score[other]:.2f}"
        alloc = bytes_per_row(variants["Generated"]) if "Generated" in variants else None
        lines.append(
            f"| {case} | {number(gen)} | {number(score.get('Expert'))} | {number(score.get('Naive'))}"
            f" | {number(score.get('Commons'))} | {ratio('Expert')} | {ratio('Naive')}"
            f" | {'n/a' if alloc is None else f'{alloc:.3f}'} |"
        )
    per_sample = [(c, v["PerSample"]) for c, v in cases.items() if "PerSample" in v]
    for case, r in per_sample:
        lines.append(
            f"| {case} (per-sample nllAndGradient) | {number(r['primaryMetric']['score'])} | | | | | |"
            f" {bytes_per_row(r) or 0:.3f} |"
        )
    return "\n".join(lines)


def other_table(results):
    lines = [
        "| benchmark | parameters | ns/row (score ± error) | B/row |",
        "| --- | --- | ---: | ---: |",
    ]
    rows = 0
    for r in results:
        if ".ScalarFamiliesBenchmark." in r["benchmark"]:
            continue
        name = re.sub(r"^.*\.benchmarks\.", "", r["benchmark"])
        params = ", ".join(f"{k} = {v}" for k, v in (r.get("params") or {}).items())
        m = r["primaryMetric"]
        alloc = bytes_per_row(r)
        lines.append(
            f"| {name} | {params} | {number(m['score'])} ± {number(m['scoreError'])}"
            f" | {'n/a' if alloc is None else f'{alloc:.3f}'} |"
        )
        rows += 1
    return "\n".join(lines) if rows else ""


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    results = load(sys.argv[1:])
    for table in (scalar_table(results), other_table(results)):
        if table:
            print(table)
            print()


if __name__ == "__main__":
    main()
