#!/usr/bin/env python3
"""Reference values for dev.likelihood.runtime.BesselMath and UncertainSigmoid, from mpmath.

Writes runtime/src/test/resources/reference/bessel_ubce_primitives.csv with the header
``function,x1,x2,x3,expected`` (the schema of primitives.csv). Every input is an exact double
(a Python float, turned into an mpf without rounding); every expected value is the exact result
rounded once to the nearest double (subnormals included).

BesselMath (von Mises): logI0e(k) = log(I0(k) exp(-k)), besselRatio(k) = I1(k) / I0(k) and
besselRatioMinusOne(k) = I1(k) / I0(k) - 1, for k from 0 to 1e300. Up to k = 1e4 mpmath's
besseli is used with log10(k) extra digits (the subtractions log I0 - k and I1/I0 - 1 cancel
that many); beyond, the Hankel asymptotic series, whose terms there fall by a factor k / 2 or
more each, summed until they are below the working precision (the exponentially small second
exponential, e^-2k relative, is far below it). The two are checked against each other at 1e3
and 1e4. Every value is computed at DPS and at DPS + 40 digits and must round to the same
double.

UncertainSigmoid (the uncertainty-aware Bernoulli): with z ~ N(0, 1),
    logMeanSigmoid(eta, u)      = log M,   M = E[sigmoid(eta + u z)]
    dLogMeanSigmoidDEta(eta, u) = E[sigmoid'(eta + u z)] / M
    dLogMeanSigmoidDU(eta, u)   = E[z sigmoid'(eta + u z)] / M
For eta > 0 they are formed from the mirror image eta' = -eta, where M' = 1 - M is small:
log M = log1p(-M'), and the derivative numerators are even (d/d eta) and odd (d/du) in eta,
so no value is ever obtained by subtracting from 1. Each of the three integrals
    M' = int phi(z) sigmoid(x) dz,  M'_eta = int phi(z) sigmoid'(x) dz,
    M'_u = int z phi(z) sigmoid'(x) dz,  x = eta' + u z,
is computed three ways, and all must round to the same doubles:
  1. mpmath.quad (tanh-sinh) at UBCE_DPS digits over the real line split at the modes of the
     integrands and at +-1, 2, 4, 8, 16 curvature scales around them, at z = 0, and at the kink
     z0 = -eta'/u of the sigmoid and z0 +- 1, 4, 16, 64 / u (its transition width is 1/u);
     M'_u, whose integrand changes sign, as u E[sigmoid''(x)] (Stein) folded about the kink,
     u int_0^inf |sigmoid''(u y)| phi(y - z0) (-expm1(-2 z0 y)) dy, a positive integrand;
  2. mpmath.quadgl (Gauss-Legendre) at UBCE_DPS + 15 digits with every one of those intervals
     halved again;
  3. the exact series of erfcx terms M' = Q(z0) + phi(z0) sum_k (-1)^(k+1) [m(ku - z0) -
     m(ku + z0)] (m = Mills ratio; the derivatives likewise) summed with the Cohen-Rodriguez
     Villegas-Zagier acceleration at 80 terms (error below 10^-60), at UBCE_DPS digits plus
     those that m(ku - z0) - m(ku + z0) cancels.
Each integrand is scaled to a maximum near 1 and each finite piece mapped onto [0, 1] before
integrating (quad's error control is absolute: an unscaled integrand of size 1e-348, or a piece
1e-300 wide, would be accepted far too early). At eta = 0 the u-derivative is 0 exactly (the
integrand is odd), and is written as such. The rows take about 30 minutes on two cores
(JOBS=n sets the number of processes).

Usage: python3 tools/reference/bessel_ubce_primitives.py [output.csv]
       python3 tools/reference/bessel_ubce_primitives.py --constants  (the Java tables)
numpy/scipy are not used for any value (numpy only seeds the Hermite nodes before mpmath
polishes them in --constants).
"""

import math
import os
import random
import sys
from multiprocessing import Pool

from mpmath import mp, mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from primitives import fmt, write_csv  # noqa: E402  (same format, same writer)

DPS = 50
CHECK_DPS = DPS + 40
UBCE_DPS = 30

# Where mpmath's besseli gives way to the asymptotic series in the reference.
BESSEL_ASYMPTOTIC_FROM = 1e4

# Split points of the Java code (hand-overs between formulations); tested with neighbours.
BESSEL_THRESHOLDS = [2.0, 8.0]
UBCE_U_THRESHOLD = 0.5


# ---------------------------------------------------------------------------------------------
# Rounding and formatting (as primitives.py)


def to_double(v):
    """The double nearest to v (ties to even), handling subnormals and overflow exactly."""
    if isinstance(v, float):
        return v
    if mp.isinf(v):
        return math.inf if v > 0 else -math.inf
    if mp.isnan(v):
        raise ValueError("reference is NaN")
    if v == 0:
        return 0.0
    sign = -1.0 if v < 0 else 1.0
    a = abs(v)
    if a >= (2 - mpf(2) ** -53) * mpf(2) ** 1023:
        return sign * math.inf
    if a < mpf(2) ** -1022:
        n = int(mp.nint(a * mpf(2) ** 1074))
        return sign * math.ldexp(n, -1074)
    return sign * float(a)


def nudged(values):
    out = []
    for v in values:
        out += [math.nextafter(v, -math.inf), v, math.nextafter(v, math.inf)]
    return out


# ---------------------------------------------------------------------------------------------
# Bessel functions


def hankel_sums(x):
    """(S0, D) with I0(x) = e^x / sqrt(2 pi x) * S0 and I0(x) - I1(x) = e^x / sqrt(2 pi x) * D,
    by the Hankel series (exponentially small terms dropped): S0 = sum_j b_j / x^j with
    b_j = ((2j-1)!!)^2 / (j! 8^j), and the I1 series 1 - sum_j c_j / x^j, c_j > 0, so that
    D = sum_{j>=1} (b_j + c_j) / x^j has only positive terms."""
    eps = mpf(10) ** (-(mp.dps + 5))
    s0, d = mpf(1), mpf(0)
    b, c = mpf(1), mpf(1)
    j = 0
    while True:
        j += 1
        b = b * (2 * j - 1) ** 2 / (8 * j * x)
        c = c * abs(4 - (2 * j - 1) ** 2) / (8 * j * x)
        s0 += b
        d += b + c
        if b + c < eps * d:
            return s0, d


def log_i0e(x):
    if x == 0:
        return mpf(0)
    if x > BESSEL_ASYMPTOTIC_FROM:
        s0, _ = hankel_sums(x)
        return -mp.log(2 * mp.pi * x) / 2 + mp.log(s0)
    return mp.log(mp.besseli(0, x)) - x


def bessel_ratio_minus_one(x):
    if x == 0:
        return mpf(-1)
    if x > BESSEL_ASYMPTOTIC_FROM:
        s0, d = hankel_sums(x)
        return -d / s0
    return mp.besseli(1, x) / mp.besseli(0, x) - 1


def bessel_ratio(x):
    if x == 0:
        return mpf(0)
    if x > BESSEL_ASYMPTOTIC_FROM:
        s0, d = hankel_sums(x)
        return 1 - d / s0
    return mp.besseli(1, x) / mp.besseli(0, x)


def d_bessel_ratio(x):
    """d/dx I1(x)/I0(x) = 1 - A/x - A^2 from the textbook ratio A at the working precision (the
    caller adds twice bessel_digits: the terms cancel to 1/(2 x^2)); 1/2 at 0."""
    if x == 0:
        return mpf(0.5)
    a = bessel_ratio(x)
    return 1 - a / x - a * a


def d_bessel_ratio_asymptotic():
    """The coefficients c_m, m = 2..14, of d/dx I1/I0 ~ sum c_m x^-m: the Hankel series of I1 and
    I0 divided in exact rationals, then differentiated (dBesselRatio's table)."""
    ratio = bessel_ratio_asymptotic(14)
    return [-n * ratio[n] for n in range(1, len(ratio))]


def bessel_ratio_asymptotic(terms):
    """The exact rationals a_j, j < terms, of I1(x)/I0(x) ~ sum_j a_j x^-j: the Hankel series of
    I1 and I0 divided term by term."""
    from fractions import Fraction

    def hankel(nu):
        out = []
        for k in range(terms):
            num = Fraction(1)
            for j in range(1, k + 1):
                num *= 4 * nu * nu - (2 * j - 1) ** 2
            out.append((-1) ** k * num / (math.factorial(k) * 8 ** k))
        return out
    i0, i1 = hankel(0), hankel(1)
    ratio = []
    for n in range(terms):
        ratio.append((i1[n] - sum(ratio[j] * i0[n - j] for j in range(n))) / i0[0])
    return ratio


def bessel_digits(x):
    """Digits that log I0 - x and I1/I0 - 1 cancel: about log10(x)."""
    return int(math.log10(max(x, 1.0))) + 5 if x <= BESSEL_ASYMPTOTIC_FROM else 5


def bessel_self_check():
    for x in (1e3, 3e3, 1e4):
        with mp.workdps(CHECK_DPS + 10):
            xm = mpf(x)
            s0, d = hankel_sums(xm)
            a = -mp.log(2 * mp.pi * xm) / 2 + mp.log(s0)
            b = mp.log(mp.besseli(0, xm)) - xm
            assert abs(a / b - 1) < mpf(10) ** -60, (x, a, b)
            a = -d / s0
            b = mp.besseli(1, xm) / mp.besseli(0, xm) - 1
            assert abs(a / b - 1) < mpf(10) ** -60, (x, a, b)


def bessel_points(rng):
    pts = {0.0, 1e-300, 1e-200, 1e-100, 1e-20, 1e-16, 1e-10, 1e-8, 1e-5, 1e-3, 0.01, 0.1,
           0.25, 0.5, 1.0, 1.5, 3.0, 5.0, 10.0, 20.0, 30.0, 50.0, 100.0, 700.0, 1000.0, 1e4,
           1e5, 1e6, 1e10, 1e15, 1e16, 1e17, 1e20, 1e50, 1e100, 1e200, 1e300,
           math.nextafter(0.0, 1.0), 2.2250738585072014e-308, 1.7976931348623157e308}
    pts |= {10.0 ** (k / 4) for k in range(-1200, 1201, 7)}
    pts |= {10.0 ** (k / 32) for k in range(-64, 161)}   # dense from 0.01 to 1e5
    pts |= {k / 4 for k in range(0, 161)}                # every quarter in [0, 40]
    pts |= set(nudged(BESSEL_THRESHOLDS))
    pts |= {rng.uniform(0, 40) for _ in range(300)}
    pts |= {10.0 ** rng.uniform(-300, 300) for _ in range(100)}
    return sorted(pts)


# ---------------------------------------------------------------------------------------------
# The uncertainty-aware Bernoulli: integrals over z


def sig(x):
    if x >= 0:
        return 1 / (1 + mp.exp(-x))
    e = mp.exp(x)
    return e / (1 + e)


def log_sig(x):
    return -mp.log1p(mp.exp(-x)) if x > 0 else x - mp.log1p(mp.exp(x))


def log_dsig(x):
    """log sigmoid'(x) = log(sigmoid(x) sigmoid(-x)) = -|x| - 2 log1p(exp(-|x|))."""
    a = abs(x)
    return -a - 2 * mp.log1p(mp.exp(-a))


def bisect(f, lo, hi):
    """The root of the decreasing f in [lo, hi]."""
    tol = mpf(10) ** (-mp.dps + 5)
    for _ in range(5000):
        mid = (lo + hi) / 2
        if f(mid) > 0:
            lo = mid
        else:
            hi = mid
        if hi - lo <= tol * max(abs(lo), abs(hi), mpf(10) ** -300):
            break
    return (lo + hi) / 2


def modes(eta, u):
    """Modes of phi(z) sigmoid(eta + u z) (in (0, u)) and of phi(z) sigmoid'(eta + u z) (in
    (-u, u)); both integrands are log-concave."""
    z1 = bisect(lambda z: -z + u * sig(-(eta + u * z)), mpf(0), u)
    z2 = bisect(lambda z: -z - u * mp.tanh((eta + u * z) / 2), -u, u)
    return z1, z2


def split_points(eta, u, z1, z2, refine):
    pts = {mpf(0), z1, z2}
    for zm in (z1, z2):
        x = eta + u * zm
        s = 1 / mp.sqrt(1 + u * u * sig(x) * sig(-x))
        for j in (1, 2, 4, 8, 16):
            pts |= {zm + j * s, zm - j * s}
    z0 = -eta / u
    for c in (0, 1, 4, 16, 64):
        pts |= {z0 + c / u, z0 - c / u}
    pts = sorted(p for p in pts if min(abs(p - z1), abs(p - z2)) < 60)
    if refine:
        pts = sorted(set(pts) | {(a + b) / 2 for a, b in zip(pts, pts[1:])})
    return [mpf("-inf")] + pts + [mpf("inf")]


def d2sig_abs(x):
    """|sigmoid''(x)| = sigmoid'(x) |tanh(x / 2)|."""
    return mp.exp(log_dsig(x)) * abs(mp.tanh(x / 2))


def ubce_quadrature(eta, u, gauss_legendre):
    """(M, M_eta, M_u) at eta <= 0 by quadrature.

    M and M_eta integrate phi(z) sigmoid(x) and phi(z) sigmoid'(x) over z, positive integrands.
    M_u = E[z sigmoid'(x)] = u E[sigmoid''(x)] (Stein's lemma) changes sign, so it is folded
    about the kink z0 = -eta/u, where sigmoid'' is odd: with z = z0 -+ y,
        M_u = u int_0^inf |sigmoid''(u y)| (phi(y - z0) - phi(y + z0)) dy
            = u int_0^inf |sigmoid''(u y)| phi(y - z0) (-expm1(-2 z0 y)) dy,
    a positive integrand (z0 >= 0), so no digits cancel however small eta or u is."""
    z1, z2 = modes(eta, u)
    z0 = -eta / u
    pts = split_points(eta, u, z1, z2, gauss_legendre)
    ys = {abs(p - z0) for p in pts[1:-1]} | {mpf(0)}
    ypts = [mpf(0)] + sorted(y for y in ys if y > 0) + [mpf("inf")]
    norm = 1 / mp.sqrt(2 * mp.pi)
    f0 = lambda z: norm * mp.exp(-z * z / 2 + log_sig(eta + u * z))
    f1 = lambda z: norm * mp.exp(-z * z / 2 + log_dsig(eta + u * z))
    f2 = lambda y: d2sig_abs(u * y) * norm * mp.exp(-(y - z0) ** 2 / 2) * -mp.expm1(-2 * z0 * y)
    quad = mp.quadgl if gauss_legendre else mp.quad

    def integral(f, pts):
        # quad's error control is absolute: the integrand is scaled to a maximum near 1 (its
        # largest value at the split points), and finite pieces are mapped onto [0, 1] (a piece
        # as narrow as the kink, 1/u wide, would otherwise pass at its first level).
        scale = max(abs(f(p)) for p in pts[1:-1] + [(a + b) / 2 for a, b in zip(pts[1:-2], pts[2:-1])])
        g = lambda v: f(v) / scale
        total = mpf(0)
        for a, b in zip(pts, pts[1:]):
            if mp.isinf(a) or mp.isinf(b):
                total += quad(g, [a, b])
            else:
                total += (b - a) * quad(lambda v: g(a + (b - a) * v), [0, 1])
        return total * scale

    m_u = u * integral(f2, ypts) if z0 != 0 else mpf(0)
    return integral(f0, pts), integral(f1, pts), m_u


def cvz_weights(n):
    """Cohen, Rodriguez Villegas, Zagier (2000), algorithm 1: sum_{k>=0} (-1)^k a_k is about
    sum_k w_k a_k (the signs are in w_k), with error below 2 / (3 + sqrt 8)^n relative when
    a_k are the moments of a positive measure on [0, 1]."""
    d = (3 + mp.sqrt(8)) ** n
    d = (d + 1 / d) / 2
    b, c = mpf(-1), -d
    w = []
    for k in range(n):
        c = b - c
        w.append(c / d)
        b = (k + n) * (k - n) * b / ((k + mpf(0.5)) * (k + 1))
    return w


def mills(t):
    """m(t) = Q(t) / phi(t) = sqrt(pi / 2) erfcx(t / sqrt 2) for t >= 0. Beyond t = 1e3 by
    its asymptotic series (1/t) sum_j (-1)^j (2j-1)!! / t^(2j), whose terms fall by at least
    1e-6 each until far below the precision (and e^(t^2/2) erfc would need t^2/2 more digits)."""
    if t > 1000:
        t2 = t * t
        total, term, j = mpf(1), mpf(1), 0
        eps = mpf(10) ** (-(mp.dps + 10))
        while abs(term) > eps:
            j += 1
            term = -term * (2 * j - 1) / t2
            total += term
        return total / t
    return mp.sqrt(mp.pi / 2) * mp.exp(t * t / 2) * mp.erfc(t / mp.sqrt(2))


def ncdf(x):
    """Phi(x); beyond |x| = 1e3 by way of the Mills ratio (mpmath's erfc overflows a float
    near |x| = 1e150)."""
    if abs(x) <= 1000:
        return mp.ncdf(x)
    tail = mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi) * mills(abs(x))
    return tail if x < 0 else 1 - tail


def ubce_series(eta, u, n=80):
    """(M, M_eta, M_u) at eta <= 0 from the erfcx series: z0 = -eta / u,
    M = Q(z0) + sum_k (-1)^(k+1) (A_k - B_k),
    M_eta = sum_k (-1)^(k+1) k (A_k + B_k)         (an Abel sum: its terms tend to 2 phi(z0) / u),
    M_u = sum_k (-1)^(k+1) k^2 u (A_k - B_k)       (Abel sum),
    A_k = E[e^(kx); x < 0] = e^(k eta + (ku)^2/2) Phi(z0 - ku) = phi(z0) m(ku - z0),
    B_k = E[e^(-kx); x > 0] = e^(-k eta + (ku)^2/2) Q(z0 + ku) = phi(z0) m(ku + z0),
    from sigmoid(x) = H(x) + sign(-x) sum_k (-1)^(k+1) e^(-k|x|) (x = eta + u z) and its
    derivatives (Stein's lemma for M_u). Each product is formed without an overflowing factor."""
    z0 = -eta / u
    phi0 = mp.exp(-z0 * z0 / 2) / mp.sqrt(2 * mp.pi)
    w = cvz_weights(n)
    s0 = s1 = s2 = mpf(0)
    for k in range(1, n + 1):
        t = k * u - z0
        if t <= 0:
            a = mp.exp(k * eta + (k * u) ** 2 / 2) * ncdf(-t)
        else:
            a = phi0 * mills(t)
        b = phi0 * mills(k * u + z0)
        s0 += w[k - 1] * (a - b)
        s1 += w[k - 1] * k * (a + b)
        s2 += w[k - 1] * k * k * u * (a - b)
    return ncdf(-z0) + s0, s1, s2


def ubce_outputs(eta, m, m_eta, m_u):
    """(log M, d/d eta, d/du) at the signed eta from the integrals at -|eta|."""
    if eta <= 0:
        return mp.log(m), m_eta / m, m_u / m
    return mp.log1p(-m), m_eta / (1 - m), -m_u / (1 - m)


def ubce_reference(eta, u):
    """The three rounded values at (eta, u), each confirmed by three methods."""
    results = []
    for method in ("quad", "quadgl", "series"):
        dps = UBCE_DPS + (15 if method == "quadgl" else 0)
        if method == "series" and eta != 0:
            # A_k - B_k = phi(z0) (m(ku - z0) - m(ku + z0)) cancels about log10(80 u^2 / |eta|)
            # digits when |eta| is small against u^2
            dps += max(0, int(mp.log10(80 * mpf(u) ** 2 / abs(mpf(eta))))) + 5
        with mp.workdps(dps):
            e, uu = -abs(mpf(eta)), mpf(u)
            if method == "series":
                ints = ubce_series(e, uu)
            else:
                ints = ubce_quadrature(e, uu, method == "quadgl")
            vals = [to_double(v) for v in ubce_outputs(mpf(eta), *ints)]
            if eta == 0:
                vals[2] = 0.0  # E[z sigmoid'(u z)] = 0: the integrand is odd
            results.append(vals)
    for other in results[1:]:
        if other != results[0]:
            raise AssertionError(f"UBCE({eta!r}, {u!r}): methods disagree {results}")
    return results[0]


def ubce_points(rng):
    etas = [0.0, 1e-12, 1e-8, 1e-3, 0.1, 0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 10.0, 20.0, 30.0,
            40.0, 100.0, 300.0, 745.0, 800.0]
    etas = sorted({s * e for e in etas for s in (1, -1)})
    us = [1e-20, 1e-8, 1e-6, 1e-4, 1e-2, 0.1, 0.25, 0.75, 1.0, 1.5, 2.0, 3.0, 5.0,
          10.0, 20.0, 30.0, 50.0, 100.0, 300.0, 1e3, 1e4]
    us += nudged([UBCE_U_THRESHOLD, 1.0])
    pts = [(e, u) for e in etas for u in sorted(set(us))]
    pts += [(e, u) for e in (-1e6, 1e6, -1e10) for u in (1e-8, 1.0, 1e4)]
    pts += [(e, u) for e in (-30.0, 0.5, 30.0) for u in (1e6, 1e10, 1e100, 1e300)]
    for _ in range(120):  # the stated domain: eta in [-800, 800], u in [1e-8, 1e4]
        pts.append((rng.uniform(-800, 800) * rng.choice((1, 1e-2, 1e-4)),
                    10.0 ** rng.uniform(-8, 4)))
    for _ in range(80):  # around the hand-over and the regime where the kink holds the mass
        u = rng.uniform(0.2, 40)
        pts.append((-rng.uniform(0, 2) * u * u * rng.choice((1, 0.1)), u))
    return pts


# ---------------------------------------------------------------------------------------------
# Output


def evaluate(f, x):
    return evaluate_digits(f, x, bessel_digits(x))


def evaluate_digits(f, x, extra):
    """f at the exact double x, rounded to a double; computed at two precisions, extra digits
    added to both, which must round alike."""
    results = []
    for dps in (DPS + extra, CHECK_DPS + extra):
        with mp.workdps(dps):
            results.append(to_double(f(mpf(x))))
    if results[0] != results[1]:
        raise AssertionError(f"{f.__name__}({x!r}): {results}")
    return results[1]


def ubce_row(point):
    return point, ubce_reference(*point)


def rows(rng):
    out = []
    pts = bessel_points(rng)
    for name, f in (("logI0e", log_i0e), ("besselRatioMinusOne", bessel_ratio_minus_one),
                    ("besselRatio", bessel_ratio)):
        for x in pts:
            out.append((name, (x,), evaluate(f, x)))
    for x in pts:
        # 1 - A/x - A^2 cancels to 1/(2 x^2): twice the decimal exponent of x, at any x
        extra = 2 * int(math.log10(max(x, 1.0))) + 10
        out.append(("dBesselRatio", (x,), evaluate_digits(d_bessel_ratio, x, extra)))
    upts = ubce_points(rng)
    with Pool(int(os.environ.get("JOBS", "2"))) as pool:
        done = pool.map(ubce_row, upts, chunksize=4)
    names = ("logMeanSigmoid", "dLogMeanSigmoidDEta", "dLogMeanSigmoidDU")
    for i, name in enumerate(names):
        for (eta, u), vals in done:
            out.append((name, (eta, u), vals[i]))
    return out


# ---------------------------------------------------------------------------------------------
# Constants for the Java code


def hermite_rule(n):
    """Gauss-Hermite nodes (weight e^-t^2), polished by Newton in mpmath from numpy's."""
    import numpy as np

    def hermite(x):
        h0, h1 = mpf(1), 2 * x
        for k in range(1, n):
            h0, h1 = h1, 2 * x * h1 - 2 * k * h0
        return h1, h0  # H_n, H_{n-1}

    nodes, weights = [], []
    for x0 in np.polynomial.hermite.hermgauss(n)[0]:
        if x0 <= 0:
            continue
        x = mpf(float(x0))
        for _ in range(200):
            hn, hn1 = hermite(x)
            dx = hn / (2 * n * hn1)
            x -= dx
            if abs(dx) < mpf(10) ** (-mp.dps + 5):
                break
        hn, hn1 = hermite(x)
        nodes.append(x)
        weights.append(mpf(2) ** (n - 1) * mp.factorial(n) * mp.sqrt(mp.pi) / (n * n * hn1 * hn1))
    total = 2 * sum(weights)
    assert abs(total / mp.sqrt(mp.pi) - 1) < mpf(10) ** -40, total
    return nodes, weights


def chebyshev(f, a, b, n):
    """Coefficients c_k of f(x) = sum' c_k T_k(w) on [a, b], w = (2x - a - b) / (b - a)
    (c_0 halved, Clenshaw's convention)."""
    m = n + 40
    vals = []
    for j in range(m):
        th = mp.pi * (j + mpf(0.5)) / m
        vals.append((f((b - a) / 2 * mp.cos(th) + (a + b) / 2), th))
    cs = [2 * sum(v * mp.cos(k * th) for v, th in vals) / m for k in range(n)]
    cs[0] /= 2
    return cs


def abs_d2sigmoid_rule(n):
    """Gauss rule for the weight |sigmoid''(x)| = sigmoid'(x) tanh(x/2) on [0, inf), from its
    moments mu_0 = 1/4, mu_1 = 1/2, mu_j = j! eta(j - 1) (eta = Dirichlet's; by parts from
    int x^(j-1) sigmoid'(x) dx), by Chebyshev's algorithm and Golub-Welsch at 250 digits (the
    moment map is ill-conditioned: it loses about 3 digits per node)."""
    with mp.workdps(250):
        mu = [mpf(1) / 4, mpf(1) / 2] + [mp.factorial(j) * mp.altzeta(j - 1)
                                          for j in range(2, 2 * n + 2)]
        big = 2 * n
        sig_prev, sig = [mpf(0)] * big, list(mu[:big])
        a, b = [mu[1] / mu[0]], [mu[0]]
        for k in range(1, n):
            new = [mpf(0)] * big
            for m in range(k, big - k):
                new[m] = sig[m + 1] - a[k - 1] * sig[m] - b[k - 1] * sig_prev[m]
            a.append(new[k + 1] / new[k] - sig[k] / sig[k - 1])
            b.append(new[k] / sig[k - 1])
            sig_prev, sig = sig, new
        jac = mp.matrix(n, n)
        for i in range(n):
            jac[i, i] = a[i]
            if i + 1 < n:
                jac[i, i + 1] = jac[i + 1, i] = mp.sqrt(b[i + 1])
        e, q = mp.eigsy(jac)
        rule = sorted((e[i], mu[0] * q[0, i] ** 2) for i in range(n))
        # check: the rule integrates x^j |sigmoid''| exactly for j < 2n
        for j in (0, 1, 5, 2 * n - 1):
            got = sum(w * x ** j for x, w in rule)
            assert abs(got / mu[j] - 1) < mpf(10) ** -100, (j, got, mu[j])
        return [x for x, _ in rule], [w for _, w in rule]


def java_array(name, values, per_line=3):
    print(f"  private static final double[] {name} = {{")
    for i in range(0, len(values), per_line):
        print("    " + ", ".join(repr(float(v)) for v in values[i:i + per_line]) + ",")
    print("  };")


def constants():
    with mp.workdps(60):
        print("LN_2PI =", repr(float(mp.log(2 * mp.pi))))
        print("LN_SQRT_PI =", repr(float(mp.log(mp.pi) / 2)))
        print("SQRT_HALF_PI =", repr(float(mp.sqrt(mp.pi / 2))))
        print("SQRT2 =", repr(float(mp.sqrt(2))))
        print("D_RATIO_ASYMPTOTIC =", [float(c) for c in d_bessel_ratio_asymptotic()])

        # g(x) = x (1 - I1/I0) on [2, 8] in x, and on [8, inf) in t = 8/x; h(x) = logI0e(x) +
        # log(2 pi x) / 2 on [8, inf) in t.
        def g(x):
            return x * (1 - mp.besseli(1, x) / mp.besseli(0, x))

        def g_t(t):
            if t == 0:
                return mpf(0.5)
            x = 8 / t
            if x > BESSEL_ASYMPTOTIC_FROM:
                s0, d = hankel_sums(x)
                return x * d / s0
            return g(x)

        def h_t(t):
            if t == 0:
                return mpf(0)
            x = 8 / t
            if x > BESSEL_ASYMPTOTIC_FROM:
                return mp.log(hankel_sums(x)[0])
            return mp.log(mp.besseli(0, x)) - x + mp.log(2 * mp.pi * x) / 2

        for name, f, a, b, n in (("RATIO_G_LOW", g, 2, 8, 34), ("RATIO_G_HIGH", g_t, 0, 1, 30),
                                 ("LOG_I0E_H_HIGH", h_t, 0, 1, 30)):
            cs = chebyshev(f, mpf(a), mpf(b), n + 8)
            tail = max(abs(c) for c in cs[n:])
            print(f"// {name}: {n} coefficients, first omitted below {float(tail):.1e}")
            java_array(name, cs[:n])

        nodes, weights = hermite_rule(32)
        print("// Gauss-Hermite, 32 nodes: positive nodes and w / sqrt(pi)")
        java_array("GH_NODES", nodes)
        java_array("GH_WEIGHTS", [w / mp.sqrt(mp.pi) for w in weights])
        xs, ws = abs_d2sigmoid_rule(32)
        print("// Gauss rule for the weight |sigmoid''(x)| on [0, inf), 32 nodes")
        java_array("KINK_NODES", xs)
        java_array("KINK_WEIGHTS", ws)
        w = cvz_weights(24)
        print("// CVZ weights, n = 24; bound 2 / (3 + sqrt 8)^24 =",
              float(2 / (3 + mp.sqrt(8)) ** 24))
        java_array("CVZ_WEIGHTS", w)


def main(argv):
    if argv[1:] == ["--constants"]:
        constants()
        return
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = argv[1] if len(argv) > 1 else os.path.join(
        root, "runtime", "src", "test", "resources", "reference", "bessel_ubce_primitives.csv")
    bessel_self_check()
    write_csv(out, rows(random.Random(20260102)))


if __name__ == "__main__":
    main(sys.argv)
