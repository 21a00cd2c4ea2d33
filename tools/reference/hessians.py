#!/usr/bin/env python3
"""High-precision reference Hessians (w.r.t. the @Param etas) and Fisher weights.

Writes samples/src/test/resources/reference/hessians/<family>.csv: for every row of the existing
NLL/gradient vectors of the scalar-@Param families (reference/{normal,bernoulli,poisson}.csv and
reference/families/<family>.csv, i.e. the same ordinary and adversarial inputs) the exact NLL,
gradient and Hessian d2 NLL / d eta_a d eta_b, and hessians/fisher.csv: the exact Fisher weight
E_y[(d NLL / d eta)^2] of the single-@Param records at ordinary and adversarial etas.

How a Hessian is made exact. The generators that wrote the existing vectors have closed-form
gradients, written without cancellation and checked by them against mpmath.diff of the NLL.
Column b of the Hessian is the central difference of that gradient vector in eta_b, taken with a
step h = m 2^-(prec + 20) (m = max(1, |eta_b|), less near a singular link or a kink) and with
the two gradients evaluated at twice the working precision: the truncation error is
O(h^2) relative and the rounding error O(2^-(2 prec) |g| / h), both far below the working
precision of 80 digits plus twice the decimal exponent of the largest input (plus the decimal
exponent of the smallest natural parameter; these terms rounded up to a multiple of 100). Every
row is then checked three ways, and the script stops on any disagreement:

- computed at 80 and at 110 digits (plus the magnitude term) it must round to the same doubles;
  where it does not (a Hessian entry far smaller than the gradient it is the slope of, e.g. the
  POISSON rate 1e-300 beside y - rate = 3), both are raised by 400, then 1200 digits;
- H[a][b] (from gradient a) and H[b][a] (from gradient b, a different closed form) must agree;
- every diagonal entry must agree with mpmath.diff(nll, n = 2), the second derivative of the NLL
  alone, which shares no derivative formula with the gradients.
The gradient written is recomputed and must equal the committed vectors' gradient.

Rows are left out (listed on stderr) where the Hessian is not defined (a kink: the one-sided
slopes of the gradient differ, as LAPLACE and HINGE at y = mu, HUBER at |y - mu| = delta), and,
for the families whose generators model the unavoidable roundings of a double code (group1 and
group2: inexact theta, y - mu, log y), where such a rounding of relative size 2^-52 moves a
Hessian entry by more than a quarter of the tolerance max(1e-12 |H|, 1e-14 S^2).
UNCERTAIN_BERNOULLI (gradients by quadrature) is not covered.

Fisher weights are computed without any Hessian or Fisher closed form: as the expectation over y
of the squared score, with the score from the generators' gradient, by exact summation over the
support (BERNOULLI, BINOMIAL, POISSON up to rate 1e5) or by mpmath.quad against the density
exp(-nll) (the continuous families, split at the kinks), each at two precisions; the discrete
ones also as E[d2 NLL / d eta^2] with the numerical Hessian above, and the two must agree; each
quadrature also integrates the density to 1. POISSON at rates above 1e5, where the sum has too
many terms, uses that the score is affine in y: E[(a + b y)^2] = (a + b rate)^2 + b^2 rate (the
Poisson mean and variance), a and b read off the generator's gradient at y = 0 and y = 1.

    python3 tools/reference/hessians.py               # writes the CSVs (timings: README)
    python3 tools/reference/hessians.py --only gamma  # one family
    python3 tools/reference/hessians.py --jobs 2      # families in parallel
"""

import argparse
import math
import os
import sys
import time

import mpmath
from mpmath import mp, mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import families as F  # noqa: E402
import families_group1 as G1  # noqa: E402
import families_group2 as G2  # noqa: E402
from families import to_double  # noqa: E402

DPS = 80
CHECK_DPS = 110
EXTRA_DIGITS = [0, 400, 1200]
HEADER = "case,record,inputs,nll,grads,hessian,scale,tag"
FISHER_HEADER = "case,record,inputs,fisher,tag"
QUARTER = mpf(1) / 4

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, "..", "..", "samples", "src", "test", "resources", "reference")
BASIC = ["normal", "bernoulli", "poisson"]
GROUP1 = ["laplace", "student_t", "log_normal", "exponential", "gamma", "inverse_gaussian",
          "huber", "log_cosh", "hinge"]
GROUP2 = ["beta", "von_mises", "binomial", "negative_binomial", "focal"]
INVALID = (F.Invalid, G1.Invalid)


class SpecialFunctions:
    """Memoizes mpmath.loggamma and mpmath.digamma by (exact argument, precision).

    The generators of BETA, STUDENT_T, GAMMA and NEGATIVE_BINOMIAL call them at every gradient
    evaluation, and at the raised precisions of the extreme rows one call takes seconds (digamma
    at 2000 digits: 6 s once mpmath's tables exist). A difference in a location eta, the
    rounding perturbations of ill_conditioned and the two-precision reruns evaluate them again at
    the same argument and precision: the value is a pure function of those, so the memo returns
    the identical mpf and changes no digit of any result."""

    def __init__(self):
        self.values = {}
        self.hits = self.misses = 0

    def install(self):
        for name in ("loggamma", "digamma"):
            setattr(mpmath, name, self.memoized(name, getattr(mpmath, name)))

    def memoized(self, name, fn):
        def call(x):
            # the exact argument (an mpf's tuple is never rounded here), and the precision
            key = (name, x._mpf_ if isinstance(x, mpf) else (type(x).__name__, x), mp.prec)
            if key in self.values:
                self.hits += 1
            else:
                self.misses += 1
                if len(self.values) > 20000:  # a family holds a few thousand; bound the memory
                    self.values.clear()
                self.values[key] = fn(x)
            return self.values[key]
        return call


SpecialFunctions().install()


class NotDefined(Exception):
    """The Hessian does not exist at this row (a kink of the gradient)."""


# ---------------------------------------------------------------------------------------------
# One row of an existing vector file, as a function of the etas of its @Param components


class Case:
    """What the Hessian of one row needs, whichever generator wrote the row.

    gradient(etas, pert) returns (nll, [d nll / d eta_a]) at the current precision; steps(etas)
    the largest safe difference step per eta; biggest the largest input magnitude; keys the
    perturbations of unavoidable roundings (empty where the generator has none).
    """

    def __init__(self, case, record, inputs, tag, scale, etas, links, positive, gradient,
                 biggest, keys=(), kink_steps=None, committed=None):
        self.case, self.record, self.inputs, self.tag = case, record, inputs, tag
        self.scale, self.etas, self.links, self.positive = scale, etas, links, positive
        self.gradient, self.biggest, self.keys = gradient, biggest, list(keys)
        self.kink_steps = kink_steps or (lambda etas: [None] * len(etas))
        self.committed = committed  # (nll, grads) strings of the existing vectors
        self.smallest = mpf(1)  # the smallest natural parameter or eta: the finest scale

    def finest(self, values):
        """Sets smallest from the non-zero magnitudes among values."""
        tiny = [abs(mpf(v)) for v in values if v is not None and v != 0 and not mpmath.isinf(v)]
        self.smallest = min(tiny + [mpf(1)])
        return self

    def steps(self, etas):
        """m per eta: the step is m 2^-(prec + 20)."""
        out = []
        bounds = self.kink_steps(etas)
        for eta, link, positive, bound in zip(etas, self.links, self.positive, bounds):
            m = max(abs(eta), mpf(1))
            singular = link in ("INVERSE", "INVERSE_SQUARED") or (
                positive and link in F.RESTRICTED_ON_POSITIVE)
            if singular and abs(eta) < 1:
                m = abs(eta)
            if bound is not None and bound > 0:
                m = min(m, bound)
            out.append(m)
        return out


def record_suffix(link):
    return "".join(part.capitalize() for part in link.split("_"))


def basic_cases(family):
    """Rows of families.py's vectors (NORMAL, BERNOULLI, POISSON): records of .reference."""
    path = os.path.join(RESOURCES, f"{family}.csv")
    cases = []
    with open(path) as f:
        header = f.readline().strip().split(",")
        for line in f:
            v = dict(zip(header, line.rstrip("\n").split(",")))
            row = {"case": v["case"], "link1": v["link1"], "link2": v["link2"],
                   "mode2": v["mode2"], "y": float(v["y"]), "eta1": float(v["eta1"]),
                   "eta2": float(v["eta2"]) if v["eta2"] else None}
            fn = F.FAMILIES[family]
            links, positive, inputs = [row["link1"]], [family == "poisson"], [v["y"], v["eta1"]]
            if family == "normal":
                mode = row["mode2"]
                sigma = {"param": record_suffix(row["link2"]), "known": "Known",
                         "default": "Default"}[mode]
                record = f"reference.Normal{record_suffix(row['link1'])}Mu{sigma}Sigma"
                if mode in ("param", "known"):
                    inputs.append(v["eta2"])
                if mode == "param":
                    links.append(row["link2"])
                    positive.append(True)
            else:
                record = f"reference.{family.capitalize()}{record_suffix(row['link1'])}"
            scale = max([1.0, abs(row["y"])] + [abs(float(v[k])) for k in ("theta1", "theta2")
                                                if v[k]])
            etas = [row["eta1"]] + ([row["eta2"]] if len(links) == 2 else [])

            def gradient(e, pert=None, row=row, fn=fn, n=len(links)):
                kw = {"eta1_override": e[0]}
                if n == 2:
                    kw["eta2_override"] = e[1]
                out = fn(row, **kw)
                return out[2], [out[3], out[4]][:n]

            cases.append(Case(v["case"], record, inputs, v["tag"], scale, etas, links, positive,
                              gradient, max(abs(row["y"]), abs(row["eta1"]),
                                            abs(row["eta2"] or 0.0), 1.0),
                              committed=(v["nll"], [v["grad1"], v["grad2"]][:len(links)]))
                         .finest(etas + [float(v[k]) for k in ("theta1", "theta2") if v[k]]))
    return cases


def group1_cases(family):
    cases = []
    for v in read_generic(family):
        rec = G1.BY_NAME[v["record"]]
        values = []
        for comp, text in zip(rec.comps, v["inputs"]):
            if comp.jtype == "boolean":
                values.append(text == "true")
            elif comp.jtype == "int":
                values.append(int(text))
            else:
                values.append(float(text))
        index = [i for i, c in enumerate(rec.comps) if c.role == "param"]
        fam = G1.FAMILIES[rec.family]

        def gradient(e, pert=None, rec=rec, values=values, index=index):
            vals = list(values)
            for i, eta in zip(index, e):
                vals[i] = eta
            nll, grads, _, _, _ = G1.raw(rec, vals, pert)
            return nll, grads

        def kink_steps(e, rec=rec, values=values, index=index):
            vals = list(values)
            for i, eta in zip(index, e):
                vals[i] = eta
            _, _, steps, _, _ = G1.raw(rec, vals)
            return [steps.get(rec.comps[i].name) for i in index]

        keys = []
        try:
            with mp.workdps(60):
                _, _, _, _, inexact = G1.raw(rec, values)
            keys = [(k, s) for k in inexact + fam.perturb for s in (1, -1)]
        except INVALID:
            pass
        nums = [abs(float(x)) for c, x in zip(rec.comps, values) if c.jtype == "double"]
        cases.append(Case(v["case"], "families." + v["record"], v["inputs"], v["tag"],
                          float(v["scale"]), [values[i] for i in index],
                          [rec.comps[i].link for i in index],
                          [rec.comps[i].name in fam.positive for i in index], gradient,
                          max(nums + [abs(c) for c in rec.constants.values()] + [1.0]), keys,
                          kink_steps, committed=(v["nll"], v["grads"]))
                     .finest([values[i] for i in index] + thetas_of_group1(rec, values)
                             + responses_of_group1(rec, values)))
    return cases


def responses_of_group1(rec, values):
    """|y| is a scale too: GAMMA at y = 1e-300, mean = 1 has d2 NLL / d eta_mean^2 = k y / mean
    = 1e-300 beside a gradient k (1 - y / mean) of 1, and the difference quotient resolves it
    only with 300 more digits (with fewer both gradients round to the same number and the
    quotient is an exact, wrong, 0 that the diagonal check rejects)."""
    return [v for c, v in zip(rec.comps, values) if c.role == "y" and isinstance(v, float)]


def group2_cases(family):
    cases = []
    for v in read_generic(family):
        rec = G2.RECORD_BY_NAME[v["record"]]
        values = []
        for comp, text in zip(rec.comps, v["inputs"]):
            if comp.jtype == "boolean":
                values.append(text == "true")
            elif comp.jtype in ("int", "long"):
                values.append(int(text))
            else:
                values.append(float(text))
        row = {"record": v["record"], "inputs": values}
        params = rec.params()

        def gradient(e, pert=None, row=row, params=params):
            nll, grads, _ = G2.compute(row, pert, {c.pname: x for c, x in zip(params, e)})
            return nll, grads

        etas = [G2.value_of(rec, row, c.pname) for c in params]
        # at eta = 0 a symmetric link's p = 1/2 is exact: no rounding to model (and the model,
        # which scales the smaller of p and 1 - p, would switch sides inside the step)
        exact_half = etas[0] == 0 and rec.resolved_link(params[0].pname) in (
            "LOGIT", "PROBIT", "CAUCHIT")
        keys = [({k: 1 + s * G2.DELTA}) for k in G2.perturbation_keys(rec, row)
                for s in (1, -1) if not (k == "p" and exact_half)]
        links = [rec.resolved_link(c.pname) for c in params]
        nums = [abs(float(x)) for x in values if not isinstance(x, bool)]
        cases.append(Case(v["case"], "families." + v["record"], v["inputs"], v["tag"],
                          float(v["scale"]), etas, links, [False] * len(params), gradient,
                          max(nums + [1.0]), keys, committed=(v["nll"], v["grads"]))
                     .finest(etas + thetas_of_group2(row)))
    return cases


def thetas_of_group1(rec, values):
    try:
        with mp.workdps(30):
            return [par.theta for par in G1.build(rec, values)[1].values()]
    except INVALID:
        return []


def thetas_of_group2(row):
    with mp.workdps(30):
        return list(G2.compute(row)[2])


def read_generic(family):
    rows = []
    with open(os.path.join(RESOURCES, "families", f"{family}.csv")) as f:
        assert f.readline().strip() == "case,record,inputs,nll,grads,scale,tag"
        for line in f:
            c = line.rstrip("\n").split(",")
            rows.append({"case": c[0], "record": c[1], "inputs": c[2].split(";"), "nll": c[3],
                         "grads": c[4].split(";") if c[4] else [], "scale": c[5], "tag": c[6]})
    return rows


def cases_of(family):
    if family in BASIC:
        return basic_cases(family)
    if family in GROUP1:
        return group1_cases(family)
    return group2_cases(family)


# ---------------------------------------------------------------------------------------------
# The Hessian of one case


PRECISION_GRID = 100  # digits; see precision()


def precision(case, base):
    # a step of m 2^-(prec + 20) must also be far below the finest scale of the row (sigma =
    # 1e-300 beside mu = 0: the gradient in mu changes on the scale sigma)
    # (capped: a probability of exp(-1e300) is no scale a step must resolve)
    fine = min(int(-mpmath.log10(case.smallest)) + 1, 400) if case.smallest < 1 else 0
    # The magnitude terms are rounded up to a multiple of PRECISION_GRID digits: never fewer
    # digits than the bound asks, and the rows then share a few precisions, so mpmath's
    # per-precision tables (Bernoulli numbers, loggamma's Taylor coefficients: 50 s to build at
    # 2000 digits) and SpecialFunctions' values are built once per precision, not once per row.
    # base and base + 30 (the two-precision check) stay 30 digits apart.
    magnitude = 2 * int(mpmath.log10(case.biggest) + 1) + fine + 10
    return base + -(-magnitude // PRECISION_GRID) * PRECISION_GRID


def difference_hessian(case, pert=None):
    """(nll, grads, H) at the current precision; H[a][b] = d grad_a / d eta_b."""
    etas = [mpf(e) for e in case.etas]
    nll, grads = case.gradient(etas, pert)
    n = len(etas)
    columns = []
    for b, m in enumerate(case.steps(etas)):
        h = mpmath.ldexp(m, -mp.prec - 20)
        with mp.workprec(2 * (mp.prec + 20)):
            up = list(etas)
            up[b] = etas[b] + h
            down = list(etas)
            down[b] = etas[b] - h
            gu = case.gradient(up, pert)[1]
            gd = case.gradient(down, pert)[1]
            columns.append([(u - d) / (2 * h) for u, d in zip(gu, gd)])
    return nll, grads, [[+columns[b][a] for b in range(n)] for a in range(n)]


def check_defined(case):
    """Raises NotDefined where a gradient has a kink at the row.

    The jump between the right and the left difference quotient is h g'' + O(h^3) where the
    gradient is smooth, so it shrinks with the step; at a kink it stays (a jump of g') or grows
    (a jump of g itself). Two steps 2^40 apart tell the two apart."""
    with mp.workdps(60):
        etas = [mpf(e) for e in case.etas]
        with mp.workprec(2 * mp.prec):
            _, g0 = case.gradient(etas)
        for b, m in enumerate(case.steps(etas)):
            jumps, slopes, h = [], [], None
            for h in (mpmath.ldexp(m, -mp.prec // 2), mpmath.ldexp(m, -mp.prec // 2 - 40)):
                with mp.workprec(2 * mp.prec):
                    up, down = list(etas), list(etas)
                    up[b] += h
                    down[b] -= h
                    gu, gd = case.gradient(up)[1], case.gradient(down)[1]
                    jumps.append([((u - g) - (g - d)) / h for u, g, d in zip(gu, g0, gd)])
                    slopes.append([(u - d) / (2 * h) for u, d in zip(gu, gd)])
            for a, (coarse, fine) in enumerate(zip(*slopes)):
                # a jump of the gradient itself: the central slope grows like 1/h
                if abs(fine) > mpmath.ldexp(abs(coarse), 20) + mpmath.ldexp(abs(g0[a]), -20):
                    raise NotDefined(f"grad{a + 1} jumps at eta{b + 1}")
            for a, (coarse, fine) in enumerate(zip(*jumps)):
                # the gradients' rounding at twice the precision, over the fine step
                floor = (abs(g0[a]) + 1) * mpmath.ldexp(1, 20 - 2 * mp.prec) / h
                if abs(fine) > floor and abs(fine) > mpmath.ldexp(abs(coarse), -20):
                    raise NotDefined(f"kink of grad{a + 1} in eta{b + 1}: the one-sided slopes "
                                     f"differ by {mpmath.nstr(fine, 8)}")


def formatted(nll, grads, hess, noise):
    """(nll, grads, Hessian entries) as doubles; an entry within its noise bound is '?'
    (unresolved: more digits are needed), or 0.0 where the bound itself rounds to zero."""
    g = [to_double(x) for x in grads]
    h = []
    for row, row_noise in zip(hess, noise):
        for x, bound in zip(row, row_noise):
            if x == 0:
                h.append("0.0")  # g(eta + h) == g(eta - h) exactly: a locally constant gradient
            elif abs(x) > bound:
                h.append(to_double(x))
            elif bound < mpmath.ldexp(1, -1080):
                h.append("0.0")  # |exact| <= 2 bound: it rounds to zero, whatever its sign
            else:
                h.append("?")
    if any(x in ("Infinity", "-Infinity") for x in g + h):
        h = []
    return to_double(nll), g, h


def noise_bounds(case, nll, grads):
    """Bound of the rounding error of each difference quotient H[a][b]: the gradient a (and
    the NLL, the size of terms that may cancel inside it) at 2^-(2 prec) relative, over the
    step m_b 2^-(prec + 20), with a margin of 2^40."""
    ms = case.steps([mpf(e) for e in case.etas])
    return [[max(abs(g), abs(nll)) / m * mpmath.ldexp(1, 60 - mp.prec) for m in ms]
            for g in grads]


def same_double(a, b):
    x, y = to_double(a), to_double(b)
    return x == y or (x in ("0.0", "-0.0") and y in ("0.0", "-0.0"))


def close(a, b, noise):
    """a and b agree to 30 digits, up to an absolute noise, or round to the same double."""
    return abs(a - b) <= mpf(10) ** -30 * max(abs(a), abs(b)) + noise or same_double(a, b)


def check_symmetry_and_diagonal(case, nll, grads, hess, dps, diagonal_dps):
    n = len(hess)
    with mp.workdps(dps):
        etas = [mpf(e) for e in case.etas]
        ms = case.steps(etas)
        for a in range(n):
            for b in range(a + 1, n):
                # a difference quotient's rounding: about |g| / m 2^-(prec + 20)
                noise = max(abs(grads[a]) / ms[b], abs(grads[b]) / ms[a]) * mpmath.ldexp(
                    1, 40 - mp.prec)
                if not close(hess[a][b], hess[b][a], noise):
                    raise AssertionError(f"{case.case}: H[{a}][{b}] {mpmath.nstr(hess[a][b], 20)}"
                                         f" vs H[{b}][{a}] {mpmath.nstr(hess[b][a], 20)}")
    with mp.workdps(diagonal_dps):
        etas = [mpf(e) for e in case.etas]
        for a in range(n):
            h = mpmath.ldexp(ms[a], -mp.prec - 20)

            def f(t, a=a):
                e = list(etas)
                e[a] = t
                return case.gradient(e)[0]

            second = mpmath.diff(f, etas[a], n=2, h=h)
            noise = abs(nll) / (ms[a] * ms[a]) * mpmath.ldexp(1, 40 - mp.prec)
            if not close(second, hess[a][a], noise):
                raise AssertionError(f"{case.case}: H[{a}][{a}] {mpmath.nstr(hess[a][a], 20)}"
                                     f" vs diff(nll, 2) {mpmath.nstr(second, 20)}")


def ill_conditioned(case, hess):
    """Why a 2^-52 rounding the double code cannot avoid moves an entry past 1/4 tolerance."""
    if not case.keys:
        return None
    s2 = mpf(case.scale) ** 2
    with mp.workdps(precision(case, 60)):
        for key in case.keys:
            _, _, moved = difference_hessian(case, key)
            for a, (row, prow) in enumerate(zip(hess, moved)):
                for b, (v, pv) in enumerate(zip(row, prow)):
                    if abs(v) > mpf(10) ** 308:
                        continue
                    tol = max(mpf(10) ** -12 * abs(v), mpf(10) ** -14 * s2)
                    if abs(pv - v) > QUARTER * tol:
                        return (f"H[{a}][{b}] moves {mpmath.nstr(abs(pv - v) / tol, 3)} x the "
                                f"tolerance under a 2^-52 rounding of {key}")
    return None


def hessian_line(case):
    """The CSV line of a case, or (None, reason)."""
    try:
        with mp.workdps(precision(case, DPS)):
            case.gradient([mpf(e) for e in case.etas])
    except INVALID:
        return ",".join([case.case, case.record, ";".join(case.inputs), "Infinity", "", "",
                         F.fmt_input(case.scale), case.tag]), None
    try:
        check_defined(case)
    except NotDefined as e:
        return None, str(e)
    for extra in EXTRA_DIGITS:
        dps = precision(case, DPS) + extra
        with mp.workdps(dps):
            nll, grads, hess = difference_hessian(case)
            cols = formatted(nll, grads, hess, noise_bounds(case, nll, grads))
        with mp.workdps(precision(case, CHECK_DPS) + extra):
            n2, g2, h2 = difference_hessian(case)
            again = formatted(n2, g2, h2, noise_bounds(case, n2, g2))
        if cols == again and "?" not in cols[2]:
            break
    else:
        raise AssertionError(f"{case.case} {case.record} {case.inputs}: precision-dependent "
                             f"Hessian {cols} vs {again}")
    committed_nll, committed_grads = case.committed
    if committed_grads and (cols[0] != committed_nll or cols[1] != committed_grads):
        # the source generators size their precision by the largest input only: at eta = -1e-300
        # exp(eta) y - 1 = -1e-300 needs 300 digits, and their 200 give 0.0. Ours counts the
        # smallest too; the difference is reported, and the recomputed value written.
        print(f"  note {case.case} [{case.record}] {';'.join(case.inputs)}: the source vectors "
              f"have {committed_nll} {committed_grads}, exact {cols[0]} {cols[1]}",
              file=sys.stderr)
    # the diagonal's check is noise-limited anyway: at the base precision, where it is cheap
    check_symmetry_and_diagonal(case, nll, grads, hess, dps, precision(case, DPS))
    reason = ill_conditioned(case, hess) if cols[2] else None
    if reason:
        return None, reason
    grads_text = ";".join(cols[1]) if committed_grads else ""
    return ",".join([case.case, case.record, ";".join(case.inputs), cols[0], grads_text,
                     ";".join(cols[2]), F.fmt_input(case.scale), case.tag]), None


def run_family(family):
    start = time.time()
    lines, skipped = [HEADER], []
    for case in cases_of(family):
        line, reason = hessian_line(case)
        if line is None:
            skipped.append(f"{case.case} [{case.record}] {';'.join(case.inputs)}: {reason}")
        else:
            lines.append(line)
    return family, lines, skipped, time.time() - start


def write(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.join(RESOURCES, "hessians"))
    parser.add_argument("--only", action="append", choices=BASIC + GROUP1 + GROUP2 + ["fisher"])
    parser.add_argument("--jobs", type=int, default=1, help="families in parallel")
    args = parser.parse_args()
    todo = args.only or BASIC + GROUP1 + GROUP2 + ["fisher"]
    start = time.time()
    families = [f for f in todo if f != "fisher"]
    if args.jobs > 1:
        import multiprocessing
        pool = multiprocessing.Pool(args.jobs)
        results = pool.imap_unordered(run_family, families)
    else:
        results = map(run_family, families)
    for family, lines, skipped, seconds in results:
        path = os.path.join(args.out, f"{family}.csv")
        write(path, lines)
        print(f"{os.path.normpath(path)}: {len(lines) - 1} rows, {len(skipped)} left out, "
              f"{seconds:.0f} s", file=sys.stderr, flush=True)
        for s in skipped:
            print(f"  left out {s}", file=sys.stderr)
    if "fisher" in todo:
        lines = fisher_lines()
        path = os.path.join(args.out, "fisher.csv")
        write(path, lines)
        print(f"{os.path.normpath(path)}: {len(lines) - 1} rows", file=sys.stderr)
    print(f"total {time.time() - start:.0f} s", file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# Fisher weights: E_y[(d nll / d eta)^2] of the single-@Param records, the score from the
# generators' gradient, the expectation by exact sums or quadrature against exp(-nll)

FISHER_DPS = 40
FISHER_CHECK_DPS = 60
POISSON_SUM_LIMIT = 1e5  # above this rate the sum has too many terms: moments instead


class Fisher:
    """One Fisher row. score(y, eta) returns (nll, d nll / d eta) at the current precision.

    Discrete: support(eta) lists the y with non-negligible mass, or moments(eta) gives (mean,
    variance) of y where the score is affine in y. Continuous: transform(eta) returns
    (breakpoints in t, y(t), dy/dt)."""

    def __init__(self, case, record, inputs, tag, eta, score, digits=0, support=None,
                 moments=None, transform=None):
        self.case, self.record, self.inputs, self.tag, self.eta = case, record, inputs, tag, eta
        self.score, self.digits = score, digits
        self.support, self.moments, self.transform = support, moments, transform


def slope(f, x):
    """f'(x) by a central difference at twice the working precision (see difference_hessian)."""
    # relative to |x| below 1: a step must not cross eta = 0 of a restricted link
    m = abs(x) if 0 < abs(x) < 1 else max(abs(x), mpf(1))
    h = mpmath.ldexp(m, -mp.prec - 20)
    with mp.workprec(2 * (mp.prec + 20)):
        return (f(x + h) - f(x - h)) / (2 * h)


def fisher_value(fc):
    """(E[score^2], E[d2 nll / d eta2] or None, total probability) at the current precision."""
    eta = mpf(fc.eta)
    if fc.moments is not None:
        mean, variance = fc.moments(eta)
        a = fc.score(mpf(0), eta)[1]
        b = fc.score(mpf(1), eta)[1] - a  # the score is a + b y
        return (a + b * mean) ** 2 + b * b * variance, None, mpf(1)
    if fc.support is not None:
        info = curvature = total = mpf(0)
        for y in fc.support(eta):
            y = mpf(y)
            nll, g = fc.score(y, eta)
            pmf = mpmath.exp(-nll)
            total += pmf
            info += pmf * g * g
            curvature += pmf * slope(lambda e: fc.score(y, e)[1], eta)
        return info, curvature, total
    points, y_of, dy_dt = fc.transform(eta)

    def density(t):
        return mpmath.exp(-fc.score(y_of(t), eta)[0]) * dy_dt(t)

    # quad's error control is absolute: a weight of 4e-300 would stop at its first level, so
    # the score is integrated in units of its size at t = 1
    unit = abs(fc.score(y_of(mpf(1)), eta)[1]) or mpf(1)

    def weighted(t):
        nll, g = fc.score(y_of(t), eta)
        return mpmath.exp(-nll) * dy_dt(t) * (g / unit) ** 2

    return mpmath.quad(weighted, points) * unit ** 2, None, mpmath.quad(density, points)


def fisher_line(fc):
    results = []
    for base in (FISHER_DPS, FISHER_CHECK_DPS):
        with mp.workdps(base + fc.digits):
            info, curvature, total = fisher_value(fc)
            if abs(total - 1) > mpf(10) ** (10 - base):
                raise AssertionError(f"{fc.case}: the probabilities sum to {total}")
            if curvature is not None:
                # E[H] = E[score^2] for a likelihood; H's difference quotient is noise-limited
                noise = mpmath.ldexp(1, 60 - mp.prec) * max(info, mpf(1))
                if abs(curvature - info) > mpf(10) ** (10 - base) * info + noise:
                    raise AssertionError(f"{fc.case}: E[H] {curvature} vs E[score^2] {info}")
            results.append(to_double(info))
    if results[0] != results[1]:
        raise AssertionError(f"{fc.case}: precision-dependent Fisher weight {results}")
    return ",".join([fc.case, fc.record, ";".join(fc.inputs), results[0], fc.tag])


FISHER_MAX_DIGITS = 60  # rows needing more (etas of 1e150 and beyond, sigma 1e-300) are left out


def fisher_lines():
    lines = [FISHER_HEADER]
    for fc in fisher_cases():
        if fc.digits > FISHER_MAX_DIGITS:
            print(f"  left out {fc.case} [{fc.record}] {';'.join(fc.inputs)}: needs "
                  f"{fc.digits} extra digits (too slow for now)", file=sys.stderr)
            continue
        lines.append(fisher_line(fc))
    return lines


def inputs_of(*values):
    return [repr(float(v)) if not isinstance(v, int) else str(v) for v in values]


def count_window(mean, sd):
    """The counts within 30 standard deviations (plus 40) of the mean: the rest weighs less
    than e^-400."""
    lo = max(0, int(mean - 30 * sd - 40))
    hi = int(mean + 30 * sd + 40)
    return range(lo, hi + 1)


def bernoulli_fisher(cases, link, eta, tag):
    def score(y, e):
        out = F.bernoulli({"y": y, "link1": link, "eta1": e}, eta1_override=e)
        return out[2], out[3]

    # CAUCHIT at eta = 1e-300 forms atan(1/eta): its variation needs digits below 1e-300 too
    tiny = int(-math.log10(abs(eta))) + 1 if 0 < abs(eta) < 1 else 0
    cases.append(Fisher(f"bernoulli-{link.lower()}-{len(cases)}",
                        f"reference.Bernoulli{record_suffix(link)}", inputs_of(eta), tag, eta,
                        score, digits=2 * int(math.log10(max(abs(eta), 1)) + 1) + tiny,
                        support=lambda e: [0, 1]))


def poisson_fisher(cases, link, eta, tag):
    def score(y, e):
        out = F.poisson({"y": y, "link1": link, "eta1": e}, eta1_override=e)
        return out[2], out[3]

    with mp.workdps(30):
        rate = F.inverse_link(link, mpf(eta))
    # the moments' b rate cancels against a: b needs the digits of rate^2 besides its own
    digits = 2 * int(math.log10(max(abs(eta), 1, rate)) + 1)
    name = f"reference.Poisson{record_suffix(link)}"
    case = f"poisson-{link.lower()}-{len(cases)}"
    if rate <= POISSON_SUM_LIMIT:
        cases.append(Fisher(case, name, inputs_of(eta), tag, eta, score, digits,
                            support=lambda e: count_window(rate, mpmath.sqrt(rate))))
    else:
        def moments(e):
            r = F.inverse_link(link, e)
            return r, r

        cases.append(Fisher(case, name, inputs_of(eta), tag, eta, score, digits,
                            moments=moments))


def binomial_fisher(cases, record, eta, trials, tag, known=True):
    rec = G2.RECORD_BY_NAME[record]

    def score(y, e):
        inputs = [int(y), float(eta)] + ([trials] if known else [])
        nll, grads, _ = G2.compute({"record": record, "inputs": inputs}, None, {"p": e})
        return nll, grads[0]

    link = rec.resolved_link("p")
    n = rec.constants.get("trials", trials)
    digits = 2 * int(math.log10(max(abs(eta), 1, n)) + 1)
    values = inputs_of(eta) + ([str(trials)] if known else [])
    case = f"binomial-{record}-{len(cases)}"
    if n <= 1000:
        cases.append(Fisher(case, "families." + record, values, tag, eta, score, digits,
                            support=lambda e: range(n + 1)))
    else:
        def moments(e):
            p, q = G2.probability_terms(link, e, {})[:2]
            return n * p, n * p * q

        cases.append(Fisher(case, "families." + record, values, tag, eta, score, digits,
                            moments=moments))


def normal_fisher(cases, link, eta, sigma, tag):
    """NORMAL with the default (sigma None) or a known sigma: y = mu + sigma t."""
    mode = "default" if sigma is None else "known"

    def score(y, e):
        row = {"y": y, "link1": link, "link2": "", "mode2": mode, "eta1": e, "eta2": sigma}
        out = F.normal(row, eta1_override=e)
        return out[2], out[3]

    def transform(e):
        mu, s = F.inverse_link(link, e), mpf(1 if sigma is None else sigma)
        return [-mpmath.inf, 0, mpmath.inf], lambda t: mu + s * t, lambda t: s

    with mp.workdps(30):
        mu = abs(F.inverse_link(link, mpf(eta)))
    # y = mu + sigma t must keep t's digits
    digits = max(0, int(mpmath.log10(max(mu, 1) / (1 if sigma is None else sigma)))) + \
        2 * int(math.log10(max(abs(eta), 1)) + 1)
    name = f"reference.Normal{record_suffix(link)}Mu{'Default' if sigma is None else 'Known'}Sigma"
    cases.append(Fisher(f"normal-{link.lower()}-{mode}-{len(cases)}", name,
                        inputs_of(eta) + ([] if sigma is None else inputs_of(sigma)), tag, eta,
                        score, digits, transform=transform))


def group1_fisher(cases, record, eta, tag, known=None):
    """A single-@Param record of families_group1.py; known is the @Known component's value."""
    rec = G1.BY_NAME[record]
    yi = [i for i, c in enumerate(rec.comps) if c.role == "y"][0]
    pi = [i for i, c in enumerate(rec.comps) if c.role == "param"][0]
    values = [known if c.role == "known" else 0.0 for c in rec.comps]

    def score(y, e):
        vals = list(values)
        vals[yi], vals[pi] = y, e
        nll, grads, _, _, _ = G1.raw(rec, vals)
        return nll, grads[0]

    link = rec.comps[pi].link
    scale = mpf(known if known is not None else 1)
    constants = {**G1.FAMILIES[rec.family].defaults, **rec.constants}

    def transform(e):
        theta = F.inverse_link(link, e)
        if rec.family == "EXPONENTIAL":
            return [0, 1, mpmath.inf], lambda t: t / theta, lambda t: 1 / theta
        if rec.family == "GAMMA":
            return [0, 1, mpmath.inf], lambda t: theta * t, lambda t: theta
        if rec.family == "LOG_NORMAL":
            return ([-mpmath.inf, 0, mpmath.inf], lambda t: mpmath.exp(theta + scale * t),
                    lambda t: scale * mpmath.exp(theta + scale * t))
        cuts = [-mpmath.inf, 0, mpmath.inf]
        if rec.family == "HUBER":
            d = mpf(constants["delta"])
            cuts = [-mpmath.inf, -d, 0, d, mpmath.inf]
        return cuts, lambda t: theta + t, lambda t: mpf(1)

    digits = 2 * int(math.log10(max(abs(eta), 1)) + 1)
    inputs = inputs_of(eta) + ([] if known is None else inputs_of(known))
    cases.append(Fisher(f"{rec.family.lower()}-{record}-{len(cases)}", "families." + record,
                        inputs, tag, eta, score, digits, transform=transform))


def fisher_cases():
    cases = []
    for link in F.PROBABILITY_LINKS:
        for eta in [-5.0, -1.5, -0.5, 0.0, 0.25, 1.0, 2.5, 5.0]:
            bernoulli_fisher(cases, link, eta, "ordinary")
        for eta in [-800.0, -40.0, -30.0, 30.0, 40.0, 800.0] + F.EXTRA_ETAS[link]:
            bernoulli_fisher(cases, link, eta, "adversarial")
    adversarial_rates = {
        "LOG": [-745.0, -700.0, -30.0, 20.0, 30.0, 700.0, 709.0],
        "SOFTPLUS": [-745.0, -700.0, -30.0, 30.0, 700.0, 1e300],
        "SQRT": [1e-150, 1e-5, 1e5, 1e150],
        "IDENTITY": [1e-300, 1e-5, 1e9, 1e300, 5e-324],
    }
    for link in F.POISSON_LINKS:
        for rate in [0.05, 0.4, 1.0, 2.5, 7.0, 30.0, 400.0]:
            poisson_fisher(cases, link, F.r4(F.inverse_of(link, rate)), "ordinary")
        for eta in adversarial_rates[link]:
            poisson_fisher(cases, link, eta, "adversarial")
    for link in F.PROBABILITY_LINKS:
        cap = "" if link == "LOGIT" else record_suffix(link)
        record = f"Binomial{cap}KnownTrials"
        for trials in [1, 7, 50]:
            for eta in [-2.0, -0.5, 0.0, 0.75, 3.0]:
                binomial_fisher(cases, record, eta, trials, "ordinary")
        for trials in [1, 100]:
            for eta in [-800.0, -40.0, 40.0, 800.0] + F.EXTRA_ETAS[link][:2]:
                binomial_fisher(cases, record, eta, trials, "adversarial")
    for record in ["BinomialTwenty", "BinomialProbitTwenty"]:
        for eta in [-3.0, 0.0, 1.5, -40.0, 40.0]:
            binomial_fisher(cases, record, eta, None, "ordinary" if abs(eta) < 5 else
                            "adversarial", known=False)
    for eta in [-30.0, -20.0, -5.0, 0.0, 1.0, 3.0]:
        binomial_fisher(cases, "BinomialCloglogTwoBillion", eta, None,
                        "ordinary" if abs(eta) < 5 else "adversarial", known=False)
    normal_etas = {  # ordinary, adversarial
        "IDENTITY": ([-3.5, 0.0, 4.5], [1e8, -1e8]),
        "LOG": ([-1.5, 0.0, 2.5], [-700.0, 30.0, -30.0]),
        "INVERSE": ([-2.5, 0.25, 4.0], [1e-10, 1e300, -40.0]),
        "SOFTPLUS": ([-1.25, 0.0, 5.0], [-800.0, -40.0, 40.0]),
        "SQRT": ([0.25, 1.25, 3.0], [1e-150, 3e7, -2.0]),
    }
    for link, (ordinary, adversarial) in normal_etas.items():
        for eta in ordinary:
            normal_fisher(cases, link, eta, None, "ordinary")
            normal_fisher(cases, link, eta, 2.5, "ordinary")
        for eta in adversarial:
            normal_fisher(cases, link, eta, None, "adversarial")
        normal_fisher(cases, link, ordinary[1], 1e-300, "adversarial")
        normal_fisher(cases, link, ordinary[1], 1e300, "adversarial")
    for eta in [-2.0, 0.0, 1.5]:
        group1_fisher(cases, "LogNormalDefaultSigma", eta, "ordinary")
        group1_fisher(cases, "LogNormalKnownSigma", eta, "ordinary", known=0.3)
    group1_fisher(cases, "LogNormalDefaultSigma", 700.0, "adversarial")
    # sigma = 1e-300 (y = exp(mu + sigma t)) needs 300 more digits than the quadrature gets
    for record in ["ExponentialLog", "ExponentialSoftplus", "GammaShape3"]:
        for eta in [-3.0, 0.0, 2.0]:
            group1_fisher(cases, record, eta, "ordinary")
        adversarial = [-745.0, -700.0, 700.0] + ([1e300] if "Softplus" in record else [709.0])
        for eta in adversarial:
            group1_fisher(cases, record, eta, "adversarial")
    for record in ["LaplaceDefaultScale", "StudentTNu4DefaultSigma", "HuberDefaultDelta",
                   "HuberDelta05", "HuberDelta3", "LogCosh"]:
        group1_fisher(cases, record, 0.0, "ordinary")
        group1_fisher(cases, record, 1.5, "ordinary")
        group1_fisher(cases, record, -1e8, "adversarial")
    return cases


if __name__ == "__main__":
    main()
