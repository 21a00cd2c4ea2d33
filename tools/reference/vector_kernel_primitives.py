#!/usr/bin/env python3
"""Reference vectors for dev.likelihood.runtime.PlackettLuce and CholeskyNormal, the vector kernels.

Writes runtime/src/test/resources/reference/vector_kernel_primitives.csv with the header
``kernel,case,tag,ranking,x1,x2,x3,nll,grad1,grad2``, vectors written as space-separated
numbers in a cell:

  plackettLuce    ranking = the int slots (-1 padded); x1 = the K scores; grad1 = d NLL / d s
  choleskyNormal  x1 = y, x2 = mu, x3 = scaleTril (packed row-major lower triangle, diagonal
                  entries eta = log L_ii); grad1 = d NLL / d mu, grad2 = d NLL / d scaleTril

``tag`` is ``ordinary`` or ``adversarial``. Inputs are exact doubles; every value is the exact
result rounded once to the nearest double (``Infinity`` where it overflows).

Each row is computed twice (Plackett-Luce at 150 and 200 digits, the normal at 1200 and 1500,
enough for terms of e^+-600 to cancel exactly) and must round identically. Every finite gradient
entry (all of them for K <= 10, about 25 spread over each K = 1000 row) is compared with
mpmath.diff of the NLL (the normal's at 250 digits plus twice the NLL's decimal exponent), the
Plackett-Luce gradient must sum to 0, and every normal row must have a finite NLL. The script
stops on any disagreement.

The formulas avoid cancellation by construction. Plackett-Luce works with E_j = sum_{k in R_j}
exp(s_k) itself (mpmath's exponent is unbounded, so exp(1e6) needs no shifting): the j-th term
is log1p(E_{j+1} exp(-s_{pi_j})) (E_n = the unranked items), a ranked item's own-stage gradient
expm1(-term), so a confident ranking's terms of e^-1000 and its top item's gradient keep their
digits; O(K) per row.

Usage: python3 tools/reference/vector_kernel_primitives.py   (about 2 minutes)
"""
import math
import os
import random
import sys

import mpmath as mp
from mpmath import mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from primitives import fmt, to_double  # noqa: E402  (exact rounding and formatting)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "runtime", "src", "test",
                   "resources", "reference", "vector_kernel_primitives.csv")

PL_DPS = (150, 200)
MVN_DPS = (1200, 1500)
MVN_DIFF_DPS = 250  # plus twice the NLL's decimal exponent (mvn_row)

# log(sqrt(2 pi)) rounded, as Java's StableMath.LN_SQRT_2PI: etas of minus this cancel the constant.
LN_SQRT_2PI = 0.9189385332046728


# ---------------------------------------------------------------------------------------------
# Plackett-Luce


def pl_exact(scores, ranking, wrt=None, x=None):
    """(nll, gradient) at the current precision; with wrt, the NLL with scores[wrt] = x only."""
    s = [mpf(v) for v in scores]
    if wrt is not None:
        s[wrt] = x
    ranked = []
    for r in ranking:
        if r == -1:
            break
        ranked.append(r)
    n = len(ranked)
    if n == 0:
        return (mpf(0), [mpf(0)] * len(s)) if wrt is None else mpf(0)
    e = [mp.exp(v) for v in s]
    in_ranking = set(ranked)
    unranked = mp.fsum(e[k] for k in range(len(s)) if k not in in_ranking)
    # E[j] = sum over R_j; E[n] = the unranked items alone.
    big_e = [None] * (n + 1)
    big_e[n] = unranked
    for j in range(n - 1, -1, -1):
        big_e[j] = big_e[j + 1] + e[ranked[j]]
    terms = [mp.log1p(big_e[j + 1] * mp.exp(-s[ranked[j]])) for j in range(n)]
    nll = mp.fsum(terms)
    if wrt is not None:
        return nll
    grad = [None] * len(s)
    cumulative = mpf(0)  # sum_{j < m} 1 / E_j
    for m in range(n):
        i = ranked[m]
        grad[i] = mp.expm1(-terms[m]) + e[i] * cumulative
        cumulative += 1 / big_e[m]
    for k in range(len(s)):
        if k not in in_ranking:
            grad[k] = e[k] * cumulative
    return nll, grad


def pl_row(case, tag, scores, ranking):
    values = []
    for dps in PL_DPS:
        with mp.workdps(dps):
            nll, grad = pl_exact(scores, ranking)
            values.append([to_double(nll)] + [to_double(g) for g in grad])
    assert values[0] == values[1], case
    with mp.workdps(PL_DPS[0]):
        nll, grad = pl_exact(scores, ranking)
        total = mp.fsum(grad)
        assert abs(total) <= mpf(10) ** -100 * (1 + mp.fsum(abs(g) for g in grad)), (case, total)
        coordinates = range(len(scores))
        if len(scores) > 10:
            coordinates = sorted(set(list(ranking[:12]) + list(range(0, len(scores), 83))) - {-1})
        for k in coordinates:
            if math.isinf(scores[k]):
                continue  # d/ds at -Infinity: the gradient is 0, checked exactly by the Java test
            numeric = mp.diff(lambda x, k=k: pl_exact(scores, ranking, k, x), mpf(scores[k]))
            assert abs(numeric - grad[k]) <= mpf(10) ** -40 * max(1, abs(grad[k])), (case, k)
    return ("plackettLuce", case, tag, ranking, [scores], values[0][0], [values[0][1:]])


def pl_rows(rng):
    rows = []
    inf = -math.inf

    def add(case, tag, scores, ranking):
        rows.append(pl_row(case, tag, [float(v) for v in scores], list(ranking)))

    # K = 1 and 2: every ranking shape, ordinary and extreme scores.
    add("k1-ranked", "ordinary", [0.7], [0])
    add("k1-empty", "ordinary", [0.7], [-1])
    add("k1-none", "ordinary", [0.7], [])
    pairs = [(0.3, -1.2), (5.0, 5.0), (1e3, 0.0), (0.0, 1e3), (-2.5, 40.0), (1e6, 1e6 - 1e3),
             (inf, 2.0), (2.0, inf), (-745.0, 745.0), (1e-300, -1e-300)]
    for p, sc in enumerate(pairs):
        tag = "ordinary" if p < 3 else "adversarial"
        for q, rk in enumerate([[0, 1], [1, 0], [0], [1], [0, -1], [1, -1], [-1, -1]]):
            if any(r != -1 and math.isinf(sc[r]) for r in rk):
                continue  # a ranked -Infinity score: NLL = +Infinity, not a reference value
            add(f"k2-{p}-{q}", tag, sc, rk)

    # K = 10: random scores, full rankings and top-n, padded and not.
    for c in range(8):
        scale = [1.0, 3.0, 0.01, 30.0, 1.0, 1.0, 100.0, 1.0][c]
        scores = [rng.gauss(0, scale) for _ in range(10)]
        perm = list(range(10))
        rng.shuffle(perm)
        add(f"k10-random-{c}-full", "ordinary", scores, perm)
        add(f"k10-random-{c}-top3", "ordinary", scores, perm[:3])
        add(f"k10-random-{c}-top4-padded", "ordinary", scores, perm[:4] + [-1] * 6)
        best = sorted(range(10), key=lambda k: -scores[k])
        add(f"k10-random-{c}-likely", "ordinary", scores, best)
        add(f"k10-random-{c}-unlikely", "ordinary", scores, best[::-1][:5])
    add("k10-equal-full", "adversarial", [0.7] * 10, rng.sample(range(10), 10))
    add("k10-equal-top3", "adversarial", [0.7] * 10, [4, 0, 9])
    add("k10-equal-zero-top9", "adversarial", [0.0] * 10, list(range(9)) + [-1])
    gaps = [1e3 * k for k in range(10)]
    add("k10-gap-confident", "adversarial", gaps, list(range(9, -1, -1)))
    add("k10-gap-reversed", "adversarial", gaps, list(range(10)))
    add("k10-gap-confident-top3", "adversarial", gaps, [9, 8, 7])
    add("k10-gap-shuffled", "adversarial", gaps, rng.sample(range(10), 10))
    add("k10-gap-second", "adversarial", gaps, [8, 9, 7, -1])
    near = [1e6 + rng.gauss(0, 1) for _ in range(10)]
    add("k10-offset-1e6", "adversarial", near, rng.sample(range(10), 6))
    add("k10-huge-offset", "adversarial", [1e15 + 8 * k for k in range(10)],
        rng.sample(range(10), 10))
    minus = [rng.gauss(0, 1) for _ in range(10)]
    for k in (1, 4, 5, 8):
        minus[k] = inf
    add("k10-neg-inf-unranked", "adversarial", minus, [0, 3, 9, -1, -1])
    add("k10-neg-inf-unranked-all-finite-ranked", "adversarial", minus, [7, 6, 2, 0, 3, 9])
    tiny = [rng.gauss(0, 1) * 1e-300 for _ in range(10)]
    add("k10-tiny-scores", "adversarial", tiny, rng.sample(range(10), 10))
    add("k10-extreme-mix", "adversarial",
        [-800.0, 800.0, 0.0, 1e-8, -1e-8, 745.0, -745.0, 36.0, -36.0, 1.0],
        [1, 5, 7, 9, 3, 2, 4, 8])

    # K = 1000: full rankings and top-10.
    k = 1000
    gap = [1e3 * i for i in range(k)]
    add("k1000-gap-confident", "adversarial", gap, list(range(k - 1, -1, -1)))
    add("k1000-gap-reversed", "adversarial", gap, list(range(k)))
    add("k1000-gap-shuffled", "adversarial", gap, rng.sample(range(k), k))
    add("k1000-gap-confident-top10", "adversarial", gap, list(range(k - 1, k - 11, -1)))
    normal = [rng.gauss(0, 3) for _ in range(k)]
    add("k1000-random-full", "adversarial", normal, rng.sample(range(k), k))
    add("k1000-random-likely", "adversarial", normal, sorted(range(k), key=lambda i: -normal[i]))
    add("k1000-random-top10", "adversarial", normal, rng.sample(range(k), 10))
    add("k1000-random-top10-padded", "adversarial", normal, rng.sample(range(k), 10) + [-1] * 20)
    add("k1000-equal-full", "adversarial", [0.25] * k, rng.sample(range(k), k))
    add("k1000-equal-top10", "adversarial", [0.25] * k, rng.sample(range(k), 10))
    sparse = [rng.gauss(0, 1) if i % 3 == 0 else inf for i in range(k)]
    add("k1000-neg-inf-top10", "adversarial", sparse, [3 * i for i in rng.sample(range(334), 10)])
    return rows


# ---------------------------------------------------------------------------------------------
# Multivariate normal with a packed Cholesky factor


def mvn_exact(y, mu, tril, wrt=None, x=None):
    """(nll, d/dmu, d/dtril); with wrt = ("mu" | "tril", index), the NLL with that input = x."""
    d = len(y)
    yv = [mpf(v) for v in y]
    mv = [mpf(v) for v in mu]
    tv = [mpf(v) for v in tril]
    if wrt is not None:
        (mv if wrt[0] == "mu" else tv)[wrt[1]] = x
    big_l = [[mpf(0)] * d for _ in range(d)]
    for i in range(d):
        for j in range(i + 1):
            v = tv[i * (i + 1) // 2 + j]
            big_l[i][j] = mp.exp(v) if i == j else v
    z = [mpf(0)] * d
    for i in range(d):
        z[i] = (yv[i] - mv[i] - mp.fsum(big_l[i][j] * z[j] for j in range(i))) / big_l[i][i]
    nll = (mp.fsum(tv[i * (i + 1) // 2 + i] for i in range(d)) + d * mp.log(2 * mp.pi) / 2
           + mp.fsum(v * v for v in z) / 2)
    if wrt is not None:
        return nll
    u = [mpf(0)] * d
    for i in range(d - 1, -1, -1):
        u[i] = (z[i] - mp.fsum(big_l[k][i] * u[k] for k in range(i + 1, d))) / big_l[i][i]
    grad_mu = [-v for v in u]
    grad_tril = [None] * len(tril)
    for i in range(d):
        for j in range(i):
            grad_tril[i * (i + 1) // 2 + j] = -u[i] * z[j]
        grad_tril[i * (i + 1) // 2 + i] = 1 - big_l[i][i] * u[i] * z[i]
    return nll, grad_mu, grad_tril


def mvn_row(case, tag, y, mu, tril):
    values = []
    for dps in MVN_DPS:
        with mp.workdps(dps):
            nll, gm, gt = mvn_exact(y, mu, tril)
            values.append((to_double(nll), [to_double(v) for v in gm], [to_double(v) for v in gt]))
    assert values[0] == values[1], case
    # mpmath.diff resolves the derivative to about half the digits, relative to the NLL itself:
    # an NLL of 1e520 (z = 1e260) needs 520 more digits to see a derivative of order 1.
    magnitude = max(0, int(mp.log10(abs(values[0][0]) + 1)) if math.isfinite(values[0][0])
                    else 1200)
    with mp.workdps(MVN_DIFF_DPS + 2 * magnitude):
        nll, gm, gt = mvn_exact(y, mu, tril)
        for kind, exact in (("mu", gm), ("tril", gt)):
            for idx, g in enumerate(exact):
                start = mpf((mu if kind == "mu" else tril)[idx])
                numeric = mp.diff(lambda x, w=(kind, idx): mvn_exact(y, mu, tril, w, x), start)
                assert abs(numeric - g) <= mpf(10) ** -80 * max(1, abs(g)), (case, kind, idx)
    nll, gm, gt = values[0]
    # An NLL beyond the double range says only that the point is outside what doubles can
    # evaluate: every row is one whose NLL is finite (single gradient entries may overflow).
    assert math.isfinite(nll), case
    return ("choleskyNormal", case, tag, [], [y, mu, tril], nll, [gm, gt])


def mvn_rows(rng):
    rows = []

    def add(case, tag, y, mu, tril):
        rows.append(mvn_row(case, tag, [float(v) for v in y], [float(v) for v in mu],
                            [float(v) for v in tril]))

    def packed(d, diag, off):
        return [diag(i) if i == j else off(i, j) for i in range(d) for j in range(i + 1)]

    # Ordinary: random factors with etas in [-1, 1] and off-diagonals ~ N(0, 1).
    for d in (1, 2, 5, 10):
        for c in range(4):
            y = [rng.gauss(0, 2) for _ in range(d)]
            mu = [rng.gauss(0, 2) for _ in range(d)]
            tril = packed(d, lambda i: rng.uniform(-1, 1), lambda i, j: rng.gauss(0, 1))
            add(f"d{d}-random-{c}", "ordinary", y, mu, tril)
        y = [rng.gauss(0, 1) for _ in range(d)]
        add(f"d{d}-identity", "ordinary", y, [0.0] * d, packed(d, lambda i: 0.0, lambda i, j: 0.0))

    # Adversarial: extreme etas, large off-diagonals, y = mu.
    for d in (1, 2, 5, 10):
        for eta in (300.0, -300.0, 600.0, -600.0):
            # eta = -600 scales z by e^600 and u by e^1200: residuals of 1e-250 keep both finite.
            small = 1e-250 if eta == -600.0 else 1.0
            y = [small * rng.gauss(0, 1) for _ in range(d)]
            mu = [small * rng.gauss(0, 1) for _ in range(d)]
            add(f"d{d}-diag-eta{eta:+.0f}", "adversarial", y, mu,
                packed(d, lambda i: eta, lambda i, j: 0.0))
            add(f"d{d}-y-eq-mu-eta{eta:+.0f}-off1e3", "adversarial", y, y,
                packed(d, lambda i: eta, lambda i, j: 1e3))
        add(f"d{d}-alternating-300-diag", "adversarial", [rng.gauss(0, 1) for _ in range(d)],
            [rng.gauss(0, 1) for _ in range(d)],
            packed(d, lambda i: 300.0 if i % 2 else -300.0, lambda i, j: 0.0))
        add(f"d{d}-alternating-600-diag", "adversarial",
            [rng.gauss(0, 1) * (1e-250 if i % 2 else 1.0) for i in range(d)], [0.0] * d,
            packed(d, lambda i: -600.0 if i % 2 else 600.0, lambda i, j: 0.0))
        add(f"d{d}-off1e3", "adversarial", [rng.gauss(0, 1) for _ in range(d)],
            [rng.gauss(0, 1) for _ in range(d)],
            packed(d, lambda i: rng.uniform(-1, 1), lambda i, j: 1e3 * rng.choice((-1, 1))))
        add(f"d{d}-off1e3-eta600", "adversarial", [rng.gauss(0, 1) for _ in range(d)],
            [rng.gauss(0, 1) for _ in range(d)],
            packed(d, lambda i: 600.0, lambda i, j: rng.uniform(-1e3, 1e3)))
        add(f"d{d}-y-eq-mu-random", "adversarial", [1.5] * d, [1.5] * d,
            packed(d, lambda i: rng.uniform(-3, 3), lambda i, j: rng.gauss(0, 1e3)))
        add(f"d{d}-etas-cancel", "adversarial", [rng.gauss(0, 1e-3) for _ in range(d)], [0.0] * d,
            packed(d, lambda i: -LN_SQRT_2PI, lambda i, j: 0.0))
    # eta -600 scales z up by e^600: off-diagonals then feed 1e260 forward, kept finite by small
    # residuals; eta +600 on the first rows shrinks z to 1e-261 before e^600 scales it back.
    add("d2-shrink-then-grow", "adversarial", [1.0, 0.0], [0.0, 0.0], [600.0, 1e3, -600.0])
    add("d3-grow-then-shrink", "adversarial", [1e-200, 0.5, -0.25], [0.0, 0.0, 0.0],
        [-600.0, 1e3, 600.0, -2.0, 3.0, 300.0])
    add("d5-small-residuals-eta-600", "adversarial", [1e-250 * rng.gauss(0, 1) for _ in range(5)],
        [0.0] * 5, packed(5, lambda i: -600.0, lambda i, j: 0.0))
    # |eta| beyond 709: exp(-eta) alone would overflow or underflow, the value does not.
    add("d1-eta-minus-800-tiny-residual", "adversarial", [1e-300], [0.0], [-800.0])
    add("d1-eta-plus-800", "adversarial", [1e300], [-1e300], [800.0])
    add("d2-eta-plus-800", "adversarial", [3.0, -1e300], [1.0, 1e300], [800.0, 0.5, 750.0])
    add("d1-y-eq-mu", "adversarial", [2.0], [2.0], [0.0])
    add("d5-large-residuals", "adversarial", [1e150 * rng.gauss(0, 1) for _ in range(5)], [0.0] * 5,
        packed(5, lambda i: 340.0, lambda i, j: rng.gauss(0, 1)))
    return rows


# ---------------------------------------------------------------------------------------------


def vector(values):
    return " ".join(fmt(v) if isinstance(v, float) else str(v) for v in values)


def main():
    rng = random.Random(20260214)
    rows = pl_rows(rng) + mvn_rows(rng)
    lines = ["kernel,case,tag,ranking,x1,x2,x3,nll,grad1,grad2"]
    for kernel, case, tag, ranking, xs, nll, grads in rows:
        xs = [vector(x) for x in xs] + [""] * (3 - len(xs))
        gs = [vector(g) for g in grads] + [""] * (2 - len(grads))
        lines.append(",".join([kernel, case, tag, vector(ranking)] + xs + [fmt(nll)] + gs))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines) - 1} rows to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
