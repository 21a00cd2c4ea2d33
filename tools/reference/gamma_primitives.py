#!/usr/bin/env python3
"""Reference values for dev.likelihood.runtime.GammaMath, computed with mpmath.

Writes runtime/src/test/resources/reference/gamma_primitives.csv with the header
``function,x1,x2,x3,expected`` (the schema of primitives.csv). Every input is an exact double
(a Python float, turned into an mpf without rounding); every expected value is the exact
result rounded once to the nearest double (subnormals included), ``Infinity``/``-Infinity``
where it overflows. Rounding and formatting are primitives.py's.

Each value is computed twice, at DPS and at DPS + 40 digits, and the two roundings must agree.
The definitions are the textbook ones (digamma(x + 1/2) - digamma(x), loggamma(exp(t)), ...);
where they cancel, extra digits pay for it: the decimal exponent of x for the differences that
cancel at large x, that of 1/|t| for loggamma(exp(t)) near t = 0. Nothing here shares a formula
with the Java code; the points include every branch threshold of GammaMath with its neighbouring
doubles and the doubles next to every root.

Usage: python3 tools/reference/gamma_primitives.py [output.csv]
       python3 tools/reference/gamma_primitives.py --constants
           (prints GammaMath's constants and tables as Java declarations, each series with the
           number of terms its range needs for omitted terms below 2^-64)
numpy/scipy are deliberately not used: they are what is being checked against, not the truth.
"""

import math
import os
import random
import sys

from mpmath import mp, mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from primitives import fmt, nudged, to_double, write_csv  # noqa: E402  (same rounding, same format)

DPS = 60
CHECK_DPS = DPS + 40
INF = mpf("inf")

# The adversarial magnitudes (both signs where the domain allows).
BASE = [1e-300, 1e-20, 1e-10, 1e-8, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 37.0, 40.0,
        50.0, 100.0, 700.0, 745.0, 800.0, 1e5, 1e9, 1e10, 1e15, 1e300]

# Where GammaMath switches formulas on x > 0 (its branch thresholds), and where Commons
# Numbers' Digamma and Trigamma do (1e-5, 49: the class comment quotes their errors there);
# each is probed with its neighbouring doubles.
THRESHOLDS = [1.0, 2.0, 3.0, 10.0, 2.0 ** -60, 1e-5, 49.0]


# ---------------------------------------------------------------------------------------------
# Exact definitions (arguments are mpf; each may return a float for a stated exact rounding)


def digamma(x):
    if x == 0:
        return -INF
    return mp.digamma(x)


def trigamma(x):
    if x == 0:
        return INF
    return mp.psi(1, x)


def d_log_factorial_residual(x):
    """d/dx [lgamma(x + 1) - x log x + x] = digamma(x + 1) - log(x)."""
    if x == 0:
        return INF
    return mp.digamma(mp.fadd(x, 1, exact=True)) - mp.log(x)


def d2_log_factorial_residual(x):
    """d2/dx2 [lgamma(x + 1) - x log x + x] = trigamma(x + 1) - 1/x, ~ -1/(2 x^2) for large x:
    the two terms cancel twice the decimal exponent of x (twice_magnitude_digits)."""
    if x == 0:
        return -INF
    return mp.psi(1, mp.fadd(x, 1, exact=True)) - 1 / x


def d2_lgamma_of_exp(t):
    """d2/dt2 lgamma(exp(t)) = a digamma(a) + a^2 trigamma(a), a = exp(t): -1 + 1 - euler a + ...
    for t -> -inf, so the decimal exponent of 1/a is added; below t = -700 it is -euler a
    (1 + O(a)) and above 720 it overflows."""
    if t < -700:
        return -mp.euler * mp.exp(t)
    if t > 720:
        return INF
    with mp.workdps(mp.dps + (int(-t / 2.3) if t < 0 else 0) + 10):
        a = mp.exp(t)
        return a * mp.digamma(a) + a * a * mp.psi(1, a)


def trigamma_half_step(x):
    """trigamma(x + 1/2) - trigamma(x) ~ -1/(2 x^2): twice the decimal exponent of x cancels."""
    if x == 0:
        return -INF
    return mp.psi(1, mp.fadd(x, 0.5, exact=True)) - mp.psi(1, x)


def lgamma_half_step(x):
    if x == 0:
        return -INF
    return mp.loggamma(mp.fadd(x, 0.5, exact=True)) - mp.loggamma(x)


def digamma_half_step(x):
    if x == 0:
        return INF
    return mp.digamma(mp.fadd(x, 0.5, exact=True)) - mp.digamma(x)


def lgamma_of_exp(t):
    if t < -1000:
        # -t - euler e^t + ...: the correction is below 1e-434 |t|, far under half an ulp of -t
        return float(-t)
    if t > 720:  # exp(t) (t - 1) is beyond 1e310
        return INF
    return mp.loggamma(mp.exp(t))


def d_lgamma_of_exp(t):
    if t < -1000:
        return -1.0  # -1 - euler e^t: the correction is far under half an ulp of 1
    if t > 720:
        return INF
    a = mp.exp(t)
    return a * mp.digamma(a)


def log_add_exp(a, b):
    if a < b:
        a, b = b, a
    if b == -INF:
        return a
    if a == INF:
        return INF
    # exp(a) + exp(b) = exp(a) (1 + exp(b - a)), with b - a formed exactly
    return a + mp.log1p(mp.exp(mp.fsub(b, a, exact=True)))


def huber(r, delta):
    ar = abs(r)
    if ar <= delta:
        return mp.fmul(r, r, exact=True) / 2  # halving is exact
    return mp.fmul(delta, mp.fsub(ar, delta / 2, exact=True), exact=True)


def huber_derivative(r, delta):
    return float(min(max(r, -delta), delta))  # exact


def log_huber_normalizer(delta):
    """log of the integral of exp(-huber(r, delta)) over the real line: sqrt(2 pi) (2 Phi(delta)
    - 1) for the quadratic middle plus 2 exp(-delta^2 / 2) / delta for the two linear tails."""
    z = mp.sqrt(2 * mp.pi) * mp.erf(delta / mp.sqrt(2)) + 2 * mp.exp(-delta * delta / 2) / delta
    return mp.log(z)


def huber_information(delta):
    """The location information of the normalised Huber density, E[psi'(r)] = P(|r| < delta)
    (= E[psi(r)^2], by parts): the quadratic middle's mass over Z."""
    middle = mp.sqrt(2 * mp.pi) * mp.erf(delta / mp.sqrt(2))
    return middle / (middle + 2 * mp.exp(-delta * delta / 2) / delta)


def log_cosh(x):
    ax = abs(x)
    if ax < 1:  # cosh(x) - 1 = 2 sinh(x/2)^2: no 1 + tiny to round away
        return mp.log1p(2 * mp.sinh(ax / 2) ** 2)
    return ax - mp.log(2) + mp.log1p(mp.exp(-2 * ax))


# ---------------------------------------------------------------------------------------------
# Evaluation


def magnitude_digits(*args):
    """The differences at large x cancel about log10(x) digits (digamma(x + 1) - log x ~ 1/2x)."""
    m = max([abs(float(a)) for a in args if not math.isinf(a)] + [1.0])
    return int(math.log10(m)) + 5


def twice_magnitude_digits(*args):
    """trigamma(x + 1) - 1/x ~ -1/(2 x^2): about 2 log10(x) digits cancel."""
    return 2 * magnitude_digits(*args)


def smallness_digits(t):
    """lgamma(exp(t)) ~ -euler t near t = 0, where exp(t) = 1 + t would round t away."""
    return max(0, int(-math.log10(abs(t)))) + 5 if 0 < abs(t) < 1 else 0


def evaluate(f, args, extra=0):
    """f at the exact doubles args, rounded to a double; computed at two precisions."""
    results = []
    for dps in (DPS + extra, CHECK_DPS + extra):
        with mp.workdps(dps):
            results.append(to_double(f(*[mpf(a) for a in args])))
    lo, hi = results
    if not (lo == hi or (math.isnan(lo) and math.isnan(hi))):
        raise AssertionError(f"{f.__name__}{args}: {lo!r} at {DPS} digits, {hi!r} at more")
    return hi


# ---------------------------------------------------------------------------------------------
# Points


def roots():
    """The roots the functions (or their ingredients) pass through, at 60 digits."""
    with mp.workdps(60):
        x0 = mp.findroot(mp.digamma, mpf("1.4616321449683623"))
        x1 = mp.findroot(lambda x: mp.loggamma(x + mpf(1) / 2) - mp.loggamma(x),
                         mpf("1.2211793494923750"))
    return x0, x1


def around(c):
    """A root c (mpf): the doubles next to it and at relative distances 10^-k."""
    d = float(c)
    pts = [d]
    for k in range(1, 5):
        pts += [math.nextafter(pts[-1], math.inf)]
    lo = d
    for k in range(1, 5):
        lo = math.nextafter(lo, -math.inf)
        pts.append(lo)
    pts += [d * (1 + s * 10.0 ** -k) for k in range(1, 16) for s in (1, -1)]
    return pts


def positive_points(rng):
    pts = [b for b in BASE]
    pts += [10.0 ** (k / 4) for k in range(-1200, 1201, 13)]
    pts += [10.0 ** (k / 16) for k in range(-64, 65)]
    pts += [k / 4 for k in range(1, 161)]  # every quarter in (0, 40]
    pts += [rng.uniform(0, 12) for _ in range(200)]  # where the recurrences run
    pts += [10.0 ** rng.uniform(-300, 300) for _ in range(100)]
    pts += nudged(THRESHOLDS)
    pts += [5e-324, 2.2250738585072014e-308, 1.7976931348623157e308]
    return pts


def real_points(rng):
    pts = [0.0] + BASE + [-b for b in BASE]
    pts += [s * 10.0 ** (k / 4) for k in range(-1200, 1201, 13) for s in (1, -1)]
    pts += [s * 10.0 ** (k / 16) for k in range(-64, 65) for s in (1, -1)]
    pts += [k / 4 for k in range(-160, 161)]
    pts += [rng.uniform(-40, 40) for _ in range(200)]
    pts += [rng.choice((1, -1)) * 10.0 ** rng.uniform(-300, 300) for _ in range(100)]
    pts += [5e-324, -5e-324]
    return pts


def log_points(rng, x0):
    """t for lgammaOfExp and its derivative: exp(t) runs through the roots of lgamma (1, 2),
    the root of digamma and the overflow of lgamma (t near 703.2) and of exp (709.78)."""
    pts = real_points(rng)
    pts += [s * 10.0 ** -k for k in range(1, 18) for s in (1, -1)]  # exp(t) near 1
    pts += around(mp.log(2)) + around(mp.log(x0))
    pts += [math.log(a) for a in (0.5, 1.5, 1.75, 2.25, 2.5, 3.0, 3.5, 4.0, 8.0, 10.0)]
    pts += nudged([0.0, math.log(0.75), math.log(2), math.log(3), math.log(8), math.log(10)])
    pts += [rng.uniform(-1, 3) for _ in range(200)]
    pts += [703.0, 703.2, 703.25, 703.3, 703.5, 709.0, 709.78, 709.79, 710.0, 745.0, -745.0,
            -745.2, -746.0, 1e5, -1e5]
    return pts


def pair_points(rng):
    """(a, b) for logAddExp: infinities, equal and near-equal arguments, all scales, and sums
    near exp(a) + exp(b) = 1 (where the result is near 0)."""
    vals = [0.0, -1.0, 1.0, -0.5, 2.0, -37.0, 40.0, -745.0, 745.0, -800.0, 800.0, 1e-300,
            -1e10, 1e10, 1e300, -1e300, -math.inf, math.inf]
    pairs = [(a, b) for a in vals for b in vals if not (a == math.inf and b == -math.inf)
             and not (a == -math.inf and b == math.inf)]
    for _ in range(200):
        a = rng.uniform(-50, 50)
        pairs.append((a, a + rng.uniform(-40, 40)))
    for _ in range(60):
        s = rng.choice((1, -1)) * 10.0 ** rng.uniform(-5, 300)
        pairs.append((s, s * (1 + rng.uniform(-1e-3, 1e-3))))
    for _ in range(40):  # exp(a) + exp(b) near 1 but not at it: result of order 1e-3 .. 0.3
        p = rng.uniform(0.05, 0.95)
        q = (1 - p) * (1 + rng.choice((1, -1)) * 10.0 ** rng.uniform(-3, -0.5))
        pairs.append((math.log(p), math.log(q)))
    return pairs


def huber_points(rng):
    rs = [0.0, 1e-300, 1e-160, 1e-10, 0.3, 1.0, 1.5, 2.0, 10.0, 1e5, 1e154, 1e155, 1e300,
          1.7976931348623157e308]
    deltas = [1e-300, 1e-10, 0.5, 1.0, 1.345, 2.0, 1e10, 1e300]
    pairs = [(s * r, d) for r in rs for d in deltas for s in (1, -1)]
    pairs += [(s * r, d) for d in deltas for r in nudged([d]) for s in (1, -1)]
    for _ in range(200):
        d = 10.0 ** rng.uniform(-3, 3)
        pairs.append((rng.choice((1, -1)) * d * 10.0 ** rng.uniform(-2, 2), d))
    return pairs


def cases(rng):
    x0, x1 = roots()
    pos = positive_points(rng)
    digamma_pts = pos + around(x0) + [0.0]
    half_pts = pos + around(x1) + [0.0]
    line = real_points(rng) + nudged([1.0, -1.0])
    logs = log_points(rng, x0)
    nonneg = pos + [0.0] + [k / 2 for k in range(0, 61)]
    deltas = [10.0 ** (k / 8) for k in range(-80, 81)] + [1e-300, 1e-200, 1e-100, 1e-50, 1e50,
                                                         1e100, 1e300, 5e-324]
    deltas += [rng.uniform(0, 10) for _ in range(200)]
    deltas += nudged([1e-300, 1e-4, 0.5, 1.0, 2.0, 8.0, 40.0])
    # (name, reference, points, extra digits: a number, or a function of the arguments)
    yield "digamma", digamma, digamma_pts, 0
    yield "trigamma", trigamma, pos + [0.0], 0
    yield "dLogFactorialResidual", d_log_factorial_residual, nonneg, magnitude_digits
    yield "lgammaHalfStep", lgamma_half_step, half_pts, magnitude_digits
    yield "digammaHalfStep", digamma_half_step, pos + [0.0], magnitude_digits
    yield "lgammaOfExp", lgamma_of_exp, logs, smallness_digits
    yield "dLgammaOfExp", d_lgamma_of_exp, logs, 0
    yield "logAddExp", log_add_exp, pair_points(rng), 0
    yield "huber", huber, huber_points(rng), 0
    yield "huberDerivative", huber_derivative, huber_points(rng), 0
    yield "logHuberNormalizer", log_huber_normalizer, deltas, 0
    yield "logCosh", log_cosh, line, 0
    yield "tanh", mp.tanh, line, 0
    yield "d2LogFactorialResidual", d2_log_factorial_residual, nonneg, twice_magnitude_digits
    yield "d2LgammaOfExp", d2_lgamma_of_exp, logs, 0
    yield "trigammaHalfStep", trigamma_half_step, pos + [0.0], twice_magnitude_digits
    yield "huberInformation", huber_information, deltas + nudged([1e-8]), 0


def rows(rng):
    for name, ref, points, extra in cases(rng):
        seen = set()
        for p in points:
            args = p if isinstance(p, tuple) else (p,)
            if args in seen:
                continue
            seen.add(args)
            digits = extra(*args) if callable(extra) else extra
            yield name, args, evaluate(ref, args, digits)


# ---------------------------------------------------------------------------------------------
# Constants for GammaMath.java


def java_array(name, values, per_line=3):
    out = [f"  private static final double[] {name} = {{"]
    line = "   "
    for v in values:
        item = f" {float(v)!r},"
        if len(line) + len(item) > 98:
            out.append(line)
            line = "   "
        line += item
    out.append(line)
    out.append("  };")
    return "\n".join(out)


def terms_needed(coeffs, t_max, scale, bound):
    """Fewest terms with |c_k| t_max^k < bound * scale for every omitted k (k from 0)."""
    for n in range(len(coeffs)):
        if all(abs(c) * t_max ** k < bound * scale for k, c in enumerate(coeffs) if k >= n):
            return n
    raise AssertionError("series too short")


def constants():
    with mp.workdps(80):
        x0, x1 = roots()
        x0 = mp.findroot(mp.digamma, x0)
        x1 = mp.findroot(lambda x: mp.loggamma(x + mpf(1) / 2) - mp.loggamma(x), x1)

        def scalar(name, v):
            print(f"  private static final double {name} = {float(v)!r};")

        def split(name, v):  # v = NAME_HI + NAME_LO to about 107 bits
            hi = float(v)
            scalar(name + "_HI", hi)
            scalar(name + "_LO", v - mpf(hi))

        scalar("LN_2", mp.log(2))
        scalar("LN_2_LO", mp.log(2) - mpf(float(mp.log(2))))
        scalar("SQRT_HALF", mp.sqrt(mpf(1) / 2))
        scalar("SQRT_2PI", mp.sqrt(2 * mp.pi))
        scalar("SQRT_2_OVER_PI", mp.sqrt(2 / mp.pi))
        scalar("SQRT_HALF_PI", mp.sqrt(mp.pi / 2))
        split("X0", x0)  # the root of digamma
        scalar("INV_X0", 1 / x0)
        scalar("INV_X0_LO", 1 / x0 - mpf(float(1 / x0)))
        scalar("INV_X0_PLUS_1", 1 / (x0 + 1))
        scalar("INV_X0_PLUS_1_LO", 1 / (x0 + 1) - mpf(float(1 / (x0 + 1))))
        split("LN_X0", mp.log(x0))
        split("X1", x1)  # the root of lgamma(x + 1/2) - lgamma(x)
        cc = (x1 + 0.5) * (x1 + 1.5)
        scalar("HALF_STEP_A_OVER_C", (x1 ** 2 + 1.5 * x1 + 0.75) / cc)
        scalar("HALF_STEP_B_OVER_C", (x1 + 0.75) / cc)
        scalar("LN_3_4THS", mp.log(mpf(3) / 4))
        scalar("LN_8", mp.log(8))
        scalar("LN_10", mp.log(10))

        # digamma about its root: psi(x) = t [1/(x x0) + 1/((x+1)(x0+1)) + G(t)], t = x - x0,
        # G(t) = (psi(x0 + 2 + t) - psi(x0 + 2)) / t = sum_k psi^(k)(x0 + 2) / k! t^(k-1).
        # Used for x in [1, 2]: |t| <= 2 - x0 = 0.54; the bracket is at least 0.6.
        g = [mp.polygamma(k, x0 + 2) / mp.factorial(k) for k in range(1, 60)]
        n = terms_needed(g, 2 - x0, mpf("0.6"), mpf(2) ** -64)
        print(f"DIGAMMA_ROOT_SERIES: {n} terms")
        print(java_array("DIGAMMA_ROOT_SERIES", g[:n]))

        # lgamma(x + 1/2) - lgamma(x) about its root x1, for x in [1, 2] (t in [-0.23, 0.78]):
        # L(x) = t H(t) - log1p(-t (A + B t) / (x (x + 1) C)), H(t) = (L(x1 + 2 + t) - L(x1 +
        # 2)) / t = sum_k L^(k)(x1 + 2) / k! t^(k-1), L^(k) = psi^(k-1)(. + 1/2) - psi^(k-1)(.).
        c = x1 + 2
        h = [(mp.polygamma(k - 1, c + mpf(1) / 2) - mp.polygamma(k - 1, c)) / mp.factorial(k)
             for k in range(1, 60)]
        n = terms_needed(h, 2 - x1, mpf("0.3"), mpf(2) ** -64)
        print(f"HALF_STEP_ROOT_SERIES: {n} terms")
        print(java_array("HALF_STEP_ROOT_SERIES", h[:n]))

        # Asymptotic series at x >= 10 (their terms fall below 2^-64 of the sum by then).
        b = [mp.bernoulli(2 * k) for k in range(1, 16)]
        xa = 10

        def asymptotic(name, coeffs, power, scale):
            """coeffs[k-1] multiplies x^-(2k + power); count terms at x = xa."""
            m = terms_needed([c * mpf(xa) ** -(2 * k + power) for k, c in
                              enumerate(coeffs, 1)], 1, scale, mpf(2) ** -64)
            print(f"{name}: {m} terms at x >= {xa}")
            print(java_array(name, coeffs[:m]))

        # digamma: log x - 1/(2x) - sum B2k / (2k) x^-2k (10 terms would do); the same table
        # serves digamma(x + 1) - log x = (1/x) [1/2 - sum B2k / (2k) x^(1-2k)], which needs 12
        asymptotic("DIGAMMA_ASYMPTOTIC", [b[k - 1] / (2 * k) for k in range(1, 16)], -1,
                   mpf(1) / 2)
        # trigamma: (1/x) [1 + 1/(2x) + sum B2k x^-2k]
        asymptotic("TRIGAMMA_ASYMPTOTIC", b, 0, 1)
        # lgamma(x + 1/2) - lgamma(x): log(x)/2 + sum (2^(1-2k) - 2) B2k / (2k (2k-1)) x^(1-2k)
        lh = [(mpf(2) ** (1 - 2 * k) - 2) * b[k - 1] / (2 * k * (2 * k - 1)) for k in range(1, 16)]
        asymptotic("HALF_STEP_ASYMPTOTIC", lh, -1, mp.log(xa) / 2)
        # digamma(x + 1/2) - digamma(x): (1/x) [1/2 - sum (2k - 1) lh_k x^(1-2k)]
        asymptotic("DIGAMMA_HALF_STEP_ASYMPTOTIC",
                   [-(2 * k - 1) * lh[k - 1] for k in range(1, 16)], -1, mpf(1) / 2)

        # lgamma(exp(t)) = t (t - log 2) R(t) for exp(t) in [3/4, 8]: R is analytic in the strip
        # |Im t| < pi (exp(t) reaches a pole of Gamma only at t = log n + i pi), so its Taylor
        # series about t = 7/8 converges for |t - 7/8| < pi.
        lo, hi, c = mp.log(mpf(3) / 4), mp.log(8), mpf(7) / 8
        r = lgamma_of_exp_quotient_series(c, 70)
        ts = [lo + (hi - lo) * k / 400 for k in range(401)]
        for n in range(10, 70):
            worst = max(abs(sum(r[k] * (t - c) ** k for k in range(n))
                            / (mp.loggamma(mp.exp(t)) / (t * (t - mp.log(2)))) - 1)
                        for t in ts if abs(t) > 1e-9 and abs(t - mp.log(2)) > 1e-9)
            if worst < mpf(2) ** -64:
                break
        print(f"LGAMMA_OF_EXP_SERIES: {n} terms about t = 7/8, worst truncation "
              f"{mp.nstr(worst, 3)} over [log 3/4, log 8]")
        print(java_array("LGAMMA_OF_EXP_SERIES", r[:n]))


def lgamma_of_exp_quotient_series(c, n):
    """Taylor coefficients about c of lgamma(exp(t)) / (t (t - log 2)), by composing
    lgamma(A + delta) = sum_k psi^(k-1)(A) / k! delta^k (A = e^c) with delta = A (e^s - 1),
    s = t - c, and dividing the power series by (c + s) and (c - log 2 + s); at 120 digits the
    divisions (which amplify by |c|^-k and |c - log 2|^-k) lose fewer than 40."""
    with mp.workdps(120):
        a = mp.exp(c)
        lg = [mp.loggamma(a)] + [mp.polygamma(k - 1, a) / mp.factorial(k) for k in range(1, n)]
        delta = [mpf(0)] + [a / mp.factorial(j) for j in range(1, n)]
        f = [mpf(0)] * n
        power = [mpf(1)] + [mpf(0)] * (n - 1)  # delta^k
        for k in range(n):
            for i in range(n):
                f[i] += lg[k] * power[i]
            nxt = [mpf(0)] * n
            for i in range(n):
                if power[i]:
                    for j in range(1, n - i):
                        nxt[i + j] += power[i] * delta[j]
            power = nxt
        for alpha in (c, c - mp.log(2)):
            q, prev = [], mpf(0)
            for fk in f:
                prev = (fk - prev) / alpha
                q.append(prev)
            f = q
        return f


def main(argv):
    if argv[1:] == ["--constants"]:
        constants()
        return
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = argv[1] if len(argv) > 1 else os.path.join(
        root, "runtime", "src", "test", "resources", "reference", "gamma_primitives.csv")
    write_csv(out, rows(random.Random(20260102)))


if __name__ == "__main__":
    main(sys.argv)
