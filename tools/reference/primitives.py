#!/usr/bin/env python3
"""Reference values for dev.likelihood.runtime.StableMath, computed with mpmath.

Writes runtime/src/test/resources/reference/primitives.csv with the header
``function,x1,x2,x3,expected``. Every input is an exact double (a Python float, turned into
an mpf without rounding); every expected value is the exact result rounded once to the
nearest double (subnormals included), ``Infinity``/``-Infinity`` where it overflows.

Each value is computed twice, at DPS and at DPS + 40 digits, and the two roundings must agree;
that guards against a formula that silently loses digits to cancellation. The formulas are
mathematically exact but arranged so that mpmath never subtracts nearly equal numbers it
could not resolve (log1p/expm1, atan2, the normal tail series for |x| > 1e4).

Usage: python3 tools/reference/primitives.py [output.csv]
       python3 tools/reference/primitives.py --constants   (prints the Java constants)
numpy/scipy are deliberately not used: they are what is being checked against, not the truth.
"""

import math
import os
import random
import sys

from mpmath import mp, mpf

DPS = 60
CHECK_DPS = DPS + 40

# The adversarial magnitudes every real-line function is evaluated at (with both signs).
BASE = [1e-300, 1e-20, 1e-8, 0.1, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 37.0, 38.0, 40.0, 50.0,
        100.0, 700.0, 745.0, 800.0, 1e5, 1e10, 1e300]

# Beyond this |x| the normal tail uses its asymptotic series; mpmath's erfc is fine below it.
NORMAL_SERIES_FROM = 1e4


# ---------------------------------------------------------------------------------------------
# Rounding and formatting


def to_double(v):
    """The double nearest to v (ties to even), handling subnormals and overflow exactly."""
    if isinstance(v, float):  # a value stated exactly by the formula (e.g. -0.0)
        return v
    if mp.isinf(v):
        return math.inf if v > 0 else -math.inf
    if mp.isnan(v):
        raise ValueError("reference is NaN")
    if v == 0:
        return 0.0
    sign = -1.0 if v < 0 else 1.0
    a = abs(v)
    if a >= (2 - mpf(2) ** -53) * mpf(2) ** 1023:  # at or above MAX + ulp/2: rounds to inf
        return sign * math.inf
    if a < mpf(2) ** -1022:  # subnormal: round to a multiple of 2^-1074 directly
        n = int(mp.nint(a * mpf(2) ** 1074))
        return sign * math.ldexp(n, -1074)
    return sign * float(a)  # mpmath rounds to nearest in the normal range


def fmt(d):
    if math.isinf(d):
        return "Infinity" if d > 0 else "-Infinity"
    return repr(d)


# ---------------------------------------------------------------------------------------------
# Exact definitions (arguments are mpf; each may return a float for a stated exact rounding)


def softplus(x):
    return x + mp.log1p(mp.exp(-x)) if x > 0 else mp.log1p(mp.exp(x))


def sigmoid(x):
    if x >= 0:
        return 1 / (1 + mp.exp(-x))
    e = mp.exp(x)
    return e / (1 + e)


def log_sigmoid(x):
    return -softplus(-x)


def log_softplus(x):
    return mp.log(softplus(x))


def d_log_softplus(x):
    return sigmoid(x) / softplus(x)


def log1mexp(x):
    if x == 0:
        return mpf("-inf")
    if x <= mp.log(2):
        return mp.log(-mp.expm1(-x))
    return mp.log1p(-mp.exp(-x))


def log1mexp_of_exp(x):
    if x > 1000:  # -exp(-exp(x)) has magnitude below 10^-(10^433): rounds to -0.0
        return -0.0
    return log1mexp(mp.exp(x))


def d_log1mexp_of_exp(x):
    if x > 1000:  # exp(x - exp(x)) is far below the smallest subnormal
        return 0.0
    u = mp.exp(x)
    if u <= 1:
        return u / mp.expm1(u)
    return mp.exp(x - u) / -mp.expm1(-u)


def log_upper_tail(t):
    """log Q(t) = log(1 - Phi(t)) for t >= NORMAL_SERIES_FROM, by the asymptotic series
    Q(t) = phi(t)/t * sum_k (-1)^k (2k-1)!! / t^(2k); the terms fall by (2k+1)/t^2 <= 1e-7
    long before they would grow, and the first omitted term bounds the error."""
    t2 = t * t
    total, term, k = mpf(1), mpf(1), 0
    eps = mpf(10) ** (-(mp.dps + 10))
    while True:
        k += 1
        term = -term * (2 * k - 1) / t2
        total += term
        if abs(term) < eps:
            break
    return -t2 / 2 - mp.log(t) - mp.log(mp.sqrt(2 * mp.pi)) + mp.log(total), total


def upper_tail(t):
    """Q(t) = 1 - Phi(t) for t >= 0."""
    if t > NORMAL_SERIES_FROM:
        return mp.exp(log_upper_tail(t)[0])
    return mp.erfc(t / mp.sqrt(2)) / 2


def normal_pdf(x):
    return mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)


def ndtr(x):
    return upper_tail(-x) if x < 0 else 1 - upper_tail(x)


def log_ndtr(x):
    if x > 0:
        return mp.log1p(-upper_tail(x))
    if -x > NORMAL_SERIES_FROM:
        return log_upper_tail(-x)[0]
    return mp.log(upper_tail(-x))


def d_log_ndtr(x):
    if x >= 0:
        return normal_pdf(x) / (1 - upper_tail(x))
    t = -x
    if t > NORMAL_SERIES_FROM:  # phi(t)/Q(t) = t / series
        return t / log_upper_tail(t)[1]
    return normal_pdf(t) / upper_tail(t)


def cauchy_cdf(x):
    return mp.atan2(1, -x) / mp.pi


def log_cauchy_cdf(x):
    # the upper tail through its complement, which atan2 gives without subtracting from 1
    return mp.log1p(-cauchy_cdf(-x)) if x > 0 else mp.log(cauchy_cdf(x))


def d_log_cauchy_cdf(x):
    """The cauchit hazard 1/(pi (1 + x^2) F(x)); 1 + x^2 is exact in mpmath at any double x."""
    return 1 / (mp.pi * (1 + x * x) * cauchy_cdf(x))


def d2_log_cauchy_cdf(x):
    """-D (2x/(1 + x^2) + D), D the hazard: the bracket is -1/|x| + O(1/x^3) in the lower tail
    and changes sign once in (-1, 0), so the precision is raised by the decimal exponent of x."""
    with mp.workdps(mp.dps + 2 * int(math.log10(abs(float(x)) + 1)) + 10):
        d = d_log_cauchy_cdf(x)
        return -d * (2 * x / (1 + x * x) + d)


def lgamma(x):
    return mp.loggamma(x)


def bd0(y, mu):
    if y == 0:
        return mu
    return y * mp.log(y / mu) + mu - y


def bd0_log(y, log_mu):
    """bd0 with mu = exp(log_mu) exactly (log_mu is the exact input)."""
    mu = mp.exp(log_mu)
    if y == 0:
        return mu
    return y * (mp.log(y) - log_mu) + mu - y


def log_factorial_residual(y):
    if y == 0:
        return mpf(0)
    # y + 1 is formed exactly: a rounded y + 1 would lose all of a tiny y
    return mp.loggamma(mp.fadd(y, 1, exact=True)) - y * mp.log(y) + y


def d2_log_softplus(x):
    """d2/dx2 log(log(1 + exp(x))) = d ((1 - s) - d), s = sigmoid(x), d = s / softplus(x).
    The bracket is 1 - 1 + O(exp(x)) for x -> -inf: the digits it cancels are added; below
    x = -700 the value is -exp(x)/2 (1 - 5 exp(x)/3 + ...), whose correction is far below an ulp."""
    if x < -700:
        t = mp.exp(x)
        return -t / 2 * (1 - 5 * t / 3)
    with mp.workdps(mp.dps + (int(-x / 2.3) if x < 0 else 0) + 10):
        s = 1 / (1 + mp.exp(-x))
        d = s / mp.log1p(mp.exp(x))
        return d * ((1 - s) - d)


def d2_log1mexp_of_exp(x):
    """d2/dx2 log(1 - exp(-exp(x))) = -f (exp(-u) - 1 + u) / (1 - exp(-u)), u = exp(x),
    f = u / expm1(u); the numerator cancels to u^2/2 for x -> -inf (digits added); below x = -700
    it is -u/2 (1 - u/3 + ...)."""
    if x > 1000:
        return -0.0
    u = mp.exp(x)
    if x < -700:
        return -u / 2 * (1 - u / 3)
    with mp.workdps(mp.dps + (int(-2 * x / 2.3) if x < 0 else 0) + 10):
        u = mp.exp(x)
        f = u / mp.expm1(u)
        return -f * (mp.exp(-u) - 1 + u) / (1 - mp.exp(-u))


def d2_log_ndtr(x):
    """d2/dx2 log Phi(x) = -m (x + m), m = phi(x)/Phi(x); x + m tends to 0 like -1/x as
    x -> -inf, so twice the decimal exponent of x is added to the precision."""
    with mp.workdps(mp.dps + 2 * int(math.log10(abs(float(x)) + 1)) + 10):
        m = d_log_ndtr(x)
        return -m * (x + m)


def product_or_zero(a, b):
    if a == 0 or b == 0:
        return 0.0
    return a * b


def times_or_zero(a, b):
    if a == 0:
        return 0.0
    return a * b


# ---------------------------------------------------------------------------------------------
# Evaluation


def extra_digits(*args):
    """Digits lost to cancellation grow with the magnitude of y and mu (bd0, the residual)."""
    m = max([abs(float(a)) for a in args if not math.isinf(a)] + [1.0])
    return int(math.log10(m)) + 5


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


def nudged(values):
    """Each value with its two neighbouring doubles (thresholds are where branches meet)."""
    out = []
    for v in values:
        out += [math.nextafter(v, -math.inf), v, math.nextafter(v, math.inf)]
    return out


def real_line_points(rng):
    pts = [0.0] + BASE + [-b for b in BASE]
    # log-spaced over the whole range, denser near the scales that matter
    pts += [s * 10.0 ** (k / 4) for k in range(-1200, 1201, 13) for s in (1, -1)]
    pts += [s * 10.0 ** (k / 16) for k in range(-64, 65) for s in (1, -1)]
    pts += [k / 4 for k in range(-160, 161)]  # every quarter in [-40, 40]
    pts += [rng.uniform(-60, 60) for _ in range(200)]
    pts += [rng.choice((1, -1)) * 10.0 ** rng.uniform(-300, 300) for _ in range(100)]
    # branch thresholds of the Java code and of the functions themselves
    pts += nudged([-745.0, -37.0, -1.0, 0.3, 0.5413248546129181, 1.0, 2.0, 6.5, 7.0, 18.0,
                   33.3, 37.5, 38.5, 709.0, 709.78, math.log(2), -math.log(2)])
    pts += [math.nextafter(0.0, 1.0), -math.nextafter(0.0, 1.0), 2.2250738585072014e-308]
    return sorted(set(pts))


def cases(rng):
    """(function name, reference, list of argument tuples, extra digits) in CSV order."""
    line = [(x,) for x in real_line_points(rng)]
    nonneg = sorted({abs(x) for (x,) in line})
    positive = [x for x in nonneg if x > 0]
    near_one_two = [c + s * 10.0 ** -k for c in (1.0, 2.0) for s in (1, -1) for k in range(1, 17)]
    lgamma_points = sorted(set(positive + near_one_two + nudged([1.0, 2.0, 3.0])
                               + [0.5, 1.5, 2.5, 2.5e305, 2.6e305, 1e306]))
    yield "softplus", softplus, line, 0
    yield "sigmoid", sigmoid, line, 0
    yield "logSigmoid", log_sigmoid, line, 0
    yield "logSoftplus", log_softplus, line, 0
    yield "dLogSoftplus", d_log_softplus, line, 0
    yield "log1mexp", log1mexp, [(x,) for x in nonneg], 0
    yield "log1mexpOfExp", log1mexp_of_exp, line, 0
    yield "dLog1mexpOfExp", d_log1mexp_of_exp, line, 0
    yield "ndtr", ndtr, line, 0
    yield "logNdtr", log_ndtr, line, 0
    yield "dLogNdtr", d_log_ndtr, line, 0
    yield "cauchyCdf", cauchy_cdf, line, 0
    yield "lgamma", lgamma, [(x,) for x in lgamma_points], 0
    yield "bd0", None, bd0_cases(rng), 0
    yield "logFactorialResidual", log_factorial_residual, residual_cases(rng), None
    yield "poissonNll", None, poisson_nll_cases(rng), 0
    yield "binomialNllLogit", binomial_nll_logit, binomial_cases(rng), 0
    yield "timesOrZero", times_or_zero, [
        (0.0, math.inf), (0.0, -math.inf), (-0.0, math.inf), (0.0, 5.0), (0.0, -0.0),
        (2.0, 3.0), (0.1, 0.2), (-1.5, math.inf), (1e-300, 1e300), (1e200, 1e200),
        (1e-200, 1e-200), (0.5, -7.25)], 0
    yield "d2LogSoftplus", d2_log_softplus, line, 0
    yield "d2Log1mexpOfExp", d2_log1mexp_of_exp, line, 0
    yield "d2LogNdtr", d2_log_ndtr, line, 0
    yield "productOrZero", product_or_zero, [
        (0.0, math.inf), (math.inf, 0.0), (-0.0, -math.inf), (0.0, 5.0), (5.0, 0.0), (2.0, 3.0),
        (0.1, 0.2), (-1.5, math.inf), (1e-300, 1e300), (1e200, 1e200), (1e-200, 1e-200)], 0
    cauchit_line = line + [(x,) for x in nudged([-1.0, 1.0]) + [-1.7e308, 1.7e308, -1e307, 1e154, 1e155]]
    yield "logCauchyCdf", log_cauchy_cdf, cauchit_line, 0
    yield "dLogCauchyCdf", d_log_cauchy_cdf, cauchit_line, 0
    yield "d2LogCauchyCdf", d2_log_cauchy_cdf, cauchit_line, 0


def bd0_cases(rng):
    """((y, mu, logMu), reference, extra digits) rows. Near y = mu the function is a tiny
    difference of large terms. y / mu = 11/9 is where Loader's series would hand over to the
    direct form; StableMath hands over at y / mu = 2 and 1/2."""
    rows = []
    ys = [1.0, 10.0, 1e3, 1e6, 1e9, 1e15]
    offsets = [1e-8, 1e-4, 0.01, 0.5, 0.1, 0.2, 0.25, 1 / 3, 0.9, 1 - 1e-8]
    for y in ys:
        mus = {y, math.nextafter(y, 0), math.nextafter(y, math.inf), y * 1.1 / 0.9, y * 0.9 / 1.1,
               y * 1e-3, y * 1e3, y * 1e-300 if y * 1e-300 > 0 else 1e-300}
        mus |= {y * (1 + s * d) for d in offsets for s in (1, -1)}
        mus |= set(nudged([y * 11 / 9, y * 9 / 11, 2 * y, y / 2]))
        for mu in sorted(m for m in mus if m > 0):
            rows.append((y, mu))
    for _ in range(150):  # y and mu within a factor 10^4 of each other, over all scales
        y = 10.0 ** rng.uniform(-5, 15)
        rows.append((y, y * 10.0 ** rng.uniform(-4, 4)))
    for _ in range(300):  # y and mu within a factor 2 or so: the series and its boundary
        y = 10.0 ** rng.uniform(-5, 16)
        rows.append((y, y * (1 + rng.uniform(-0.6, 0.6))))
    rows += [(0.5, 0.7), (3.0, 2.5), (1e300, 1e300), (1e300, 1.1e300), (1.7e308, 1.6e308),
             (1e-300, 2e-300), (1e-5, 1e5)]
    rows += [(0.0, mu) for mu in (0.5, 3.0, 1e300)]  # y = 0: bd0 is mu itself
    out = []
    for y, mu in rows:  # mu is the exact input here; logMu is its correctly rounded log
        log_mu = evaluate(mp.log, (mu,))
        out.append(((y, mu, log_mu), lambda y_, mu_, l_: bd0(y_, mu_), extra_digits(y, mu)))
    # mu underflowing or near overflow: log_mu is the exact input, mu its rounding
    for log_mu in [-800.0, -745.0, -700.0, -300.0, -50.0, 50.0, 300.0, 700.0, 709.0, 709.7,
                   710.0, 800.0]:
        mu = evaluate(mp.exp, (log_mu,))
        for y in [0.0, 0.5, 1.0, 3.0, 1e3, 1e9, 1e300]:
            out.append(((y, mu, log_mu), lambda y_, mu_, l_: bd0_log(y_, l_),
                        extra_digits(y, mu)))
    return out


def poisson_nll(y, mu):
    """mu - y log(mu) + log(y!), the Poisson NLL of count y at rate mu."""
    if y == 0:
        return mu
    return mu - y * mp.log(mu) + mp.loggamma(y + 1)


def poisson_nll_log(y, log_mu):
    """The Poisson NLL with mu = exp(log_mu) exactly (log_mu is the exact input)."""
    if y == 0:
        return mp.exp(log_mu)
    return mp.exp(log_mu) - y * log_mu + mp.loggamma(y + 1)


def poisson_nll_cases(rng):
    """((y, mu, logMu), reference, extra digits) rows. StableMath.poissonNll takes the direct
    form for whole counts up to 15 and Loader's form elsewhere, so the rows cover every count
    up to 16, non-integer counts, the bd0 cases, rates at and near each count (the worst
    cancellation) and log rates that make exp underflow or overflow."""
    rows = []
    for k in range(0, 17):
        y = float(k)
        mus = {y, y * 1.1, y / 1.1, y + 0.5, 0.25, 1.0, 3.0, 100.0, 1e5, 1e-8, 1e-300, 1e300}
        mus |= set(nudged([max(y, 1.0)]))
        mus |= {max(y, 0.5) * (1 + rng.uniform(-0.3, 0.3)) for _ in range(12)}
        rows += [(y, mu) for mu in sorted(m for m in mus if m > 0)]
    for _ in range(60):  # non-integer and large counts: Loader's form
        y = rng.choice([rng.uniform(0, 16), 10.0 ** rng.uniform(-3, 12)])
        rows.append((y, y * (1 + rng.uniform(-0.5, 0.5))))
    out = []
    for y, mu in rows:  # mu is the exact input here; logMu is its correctly rounded log
        log_mu = evaluate(mp.log, (mu,))
        out.append(((y, mu, log_mu), lambda y_, mu_, l_: poisson_nll(y_, mu_), extra_digits(y, mu)))
    # the log link: log_mu is the exact input and mu its rounded exp, as generated code has them
    log_mus = [-800.0, -745.0, -50.0, -1.0, 0.0, 50.0, 709.0, 709.7, 710.0, 800.0]
    log_mus += [math.log(k) + d for k in range(1, 17) for d in (0.0, 1e-9, -0.01, 0.2)]
    log_mus += [rng.uniform(-2, 3) for _ in range(60)]
    for log_mu in log_mus:
        mu = evaluate(mp.exp, (log_mu,))
        for y in [0.0, 1.0, 2.0, 3.0, 7.0, 15.0, 16.0, 2.5, 1e3]:
            out.append(((y, mu, log_mu), lambda y_, mu_, l_: poisson_nll_log(y_, l_),
                        extra_digits(y, mu)))
    return out


def binomial_nll_logit(k, n, x):
    """-log C(n, k) - k log p - (n - k) log(1 - p) at p = sigmoid(x), exactly."""
    log_p = -mp.log1p(mp.exp(-x))
    log_q = -mp.log1p(mp.exp(x))
    log_choose = mp.loggamma(n + 1) - mp.loggamma(k + 1) - mp.loggamma(n - k + 1)
    return -log_choose - k * log_p - (n - k) * log_q


def binomial_cases(rng):
    """(k, n, x) with the logit x: StableMath.binomialNll takes the direct form for n up to 15
    and Loader's form above; x at, near and far from logit(k / n), the worst cancellation."""
    rows = []
    for n in list(range(1, 17)) + [20, 40, 100, 1000]:
        for k in sorted({0, 1, n // 3, n // 2, n - 1, n}):
            xs = {0.0, 0.3, -2.0, 5.0, -30.0, 40.0, -800.0, 800.0}
            if 0 < k < n:
                mode = math.log(k / (n - k))
                xs |= {mode, mode + 1e-8, mode - 0.05, mode + 0.2}
            xs |= {rng.uniform(-4, 4) for _ in range(4)}
            rows += [(float(k), float(n), x) for x in sorted(xs)]
    return rows


def residual_cases(rng):
    ys = {0.0, 0.5, 1.0, 2.0, 2.7, 10.0, 15.0, 15.5, 16.0, 100.0, 1e4, 1e9, 1e15, 1e300,
          1e-300, 1e-20, 1e-8, 1e-3, 0.1, 0.3, 0.49, 0.51, 0.9, 1.1, 14.9, 15.1, 35.5, 80.5, 500.5,
          1.7e308}
    ys |= {k / 2 for k in range(0, 41)}
    ys |= set(nudged([0.5, 1.0, 15.0, 35.0, 80.0, 500.0]))
    ys |= {rng.uniform(0, 40) for _ in range(300)}  # non-integer counts around the branches
    ys |= {10.0 ** rng.uniform(-300, 300) for _ in range(60)}
    ys |= {10.0 ** (k / 8) for k in range(-40, 161)}
    return sorted(ys)


def rows(rng):
    for name, ref, points, extra in cases(rng):
        if name in ("bd0", "poissonNll"):
            for args, f, digits in points:
                yield name, args, evaluate(f, args, digits)
            continue
        for p in points:
            args = p if isinstance(p, tuple) else (p,)
            digits = extra_digits(*args) if extra is None else extra
            yield name, args, evaluate(ref, args, digits)


def self_check():
    """The tail series and mpmath's erfc must agree where both are usable."""
    for t in (1e3, 3e3, NORMAL_SERIES_FROM):
        with mp.workdps(CHECK_DPS):
            series = log_upper_tail(mpf(t))[0]
            direct = mp.log(mp.erfc(mpf(t) / mp.sqrt(2)) / 2)
            assert abs(series / direct - 1) < mpf(10) ** -50, (t, series, direct)


def constants():
    with mp.workdps(60):
        x0 = mp.log(mp.e - 1)
        hi = float(x0)
        print("LN_SQRT_2PI      =", repr(float(mp.log(mp.sqrt(2 * mp.pi)))))
        print("INV_SQRT_2PI     =", repr(float(1 / mp.sqrt(2 * mp.pi))))
        print("SQRT_2_OVER_PI   =", repr(float(mp.sqrt(2 / mp.pi))))
        print("SQRT_HALF        =", repr(float(mp.sqrt(mpf(0.5)))))
        print("LOG_E_MINUS_1_HI =", repr(hi))
        print("LOG_E_MINUS_1_LO =", repr(float(x0 - hi)))
        print("ONE_MINUS_INV_E  =", repr(float(1 - 1 / mp.e)))
        print("TWO_MINUS_EULER  =", repr(float(2 - mp.euler)))
        print("residual at y = k/2, k = 0..30:")
        for k in range(31):
            y = mpf(k) / 2
            print(f"  {k:2d}: {to_double(log_factorial_residual(y))!r}")
        print("STIRLING: B(2k) / (2k (2k - 1)), k = 1..12:")
        for k in range(1, 13):
            print(f"  {k:2d}: {float(mp.bernoulli(2 * k) / (2 * k * (2 * k - 1)))!r}")
        print("LGAMMA1P_SERIES: (zeta(k) - 1) / k * (-1)^k, k = 2..20:")
        for k in range(2, 21):
            print(f"  {k:2d}: {float((mp.zeta(k) - 1) / k * (-1) ** k)!r}")


def main(argv):
    if argv[1:] == ["--constants"]:
        constants()
        return
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = argv[1] if len(argv) > 1 else os.path.join(
        root, "runtime", "src", "test", "resources", "reference", "primitives.csv")
    self_check()
    write_csv(out, rows(random.Random(20260101)))


def write_csv(out, rows):
    """Writes (function, args, expected) rows in the schema every primitives test reads."""
    lines = ["function,x1,x2,x3,expected"]
    for name, args, expected in rows:
        cols = [fmt(a) for a in args] + [""] * (3 - len(args))
        lines.append(",".join([name] + cols + [fmt(expected)]))
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines) - 1} rows to {out}")


if __name__ == "__main__":
    main(sys.argv)
