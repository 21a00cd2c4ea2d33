#!/usr/bin/env python3
"""High-precision reference vectors for the NORMAL, BERNOULLI and POISSON families.

Writes samples/src/test/resources/reference/{normal,bernoulli,poisson}.csv: for every input row
(an observation y and the model outputs eta1, eta2) the exact negative log-likelihood and its
gradient with respect to eta, rounded once to the nearest double.

The reference is mpmath at 200 significant digits plus twice the decimal exponent of the largest
input (so that x^2 inside an exp keeps 200 digits), with closed-form derivatives written in terms
that do not cancel: p and 1 - p of every probability link are formed separately (1 - p never by a
subtraction), and p'/p, p'/(1 - p), 1/sigma^2 and d log(sigma)/d eta have per-link closed forms.
Two independent checks guard every row: it is recomputed at 260 (plus) digits and must round to
the same doubles, and every finite gradient is compared with mpmath.diff of the NLL, so a wrong or
cancelling derivative formula stops the script instead of landing in a CSV.
numpy and scipy are deliberately not used here.

Inputs are Python floats, i.e. exact doubles; mpf(x) converts them exactly. The output is
deterministic (a fixed seed drives the few randomised grid points).

    python3 tools/reference/families.py            # writes the three CSVs
    python3 tools/reference/families.py --out DIR  # writes them into DIR instead
"""

import argparse
import os
import random
import sys
from fractions import Fraction

import mpmath
from mpmath import mp, mpf

DPS = 200
CHECK_DPS = 260
SEED = 20260101

HEADER = "case,link1,link2,mode2,y,eta1,eta2,theta1,theta2,nll,grad1,grad2,tag"

PROBABILITY_LINKS = ["LOGIT", "PROBIT", "CLOGLOG", "LOGLOG", "CAUCHIT"]
NORMAL_MU_LINKS = ["IDENTITY", "LOG", "INVERSE", "SOFTPLUS", "SQRT"]
NORMAL_SIGMA_LINKS = ["LOG", "SOFTPLUS", "IDENTITY", "INVERSE", "SQRT", "INVERSE_SQUARED"]
POISSON_LINKS = ["LOG", "SOFTPLUS", "SQRT", "IDENTITY"]
# GLM links whose image can leave (0, inf): on sigma or rate they need eta > 0 (R's valideta),
# and the generated code returns +Infinity elsewhere.
RESTRICTED_ON_POSITIVE = {"IDENTITY", "INVERSE", "INVERSE_SQUARED", "SQRT"}


class Invalid(Exception):
    """eta outside the valid region of a restricted link: the NLL is +Infinity, no gradient."""


# ---------------------------------------------------------------------------------------------
# Exact arithmetic helpers


def softplus(x):
    """log(1 + exp(x)) without forming exp of a huge argument."""
    if x > 0:
        return x + mpmath.log1p(mpmath.exp(-x))
    return mpmath.log1p(mpmath.exp(x))


def sigmoid(x):
    if x >= 0:
        return 1 / (1 + mpmath.exp(-x))
    e = mpmath.exp(x)
    return e / (1 + e)


def exact_sum(terms):
    """The sum of terms, exactly 0 when it cancels to working precision.

    With double inputs a sum cancels to 180 digits only when it is exactly zero (a soft label y
    equal to a p that happens to be a double, such as CAUCHIT at eta = 1 and y = 0.75); without
    this the rounding noise of the working precision would be written out as a tiny gradient.
    """
    total = mpmath.fsum(terms)
    biggest = max((abs(t) for t in terms), default=mpf(0))
    if abs(total) <= biggest * mpf(10) ** (20 - mp.dps):
        return mpf(0)
    return total


def to_double(v):
    """The double nearest to v (ties to even), as Java's Double.parseDouble reads it back."""
    if v is None:
        return ""
    if mpmath.isnan(v):
        raise ValueError("NaN reference value")
    if mpmath.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    if v == 0:
        return "0.0"
    magnitude = mpmath.mag(v)  # |v| < 2**magnitude
    if magnitude > 1100:
        return "Infinity" if v > 0 else "-Infinity"
    if magnitude < -1200:
        return "0.0" if v > 0 else "-0.0"
    sign, man, exp, _ = v._mpf_  # man_exp would drop the sign
    exact = Fraction(-int(man) if sign else int(man)) * (Fraction(2) ** int(exp))
    try:
        d = float(exact)  # int / int true division: correctly rounded, subnormals included
    except OverflowError:
        return "Infinity" if v > 0 else "-Infinity"
    if d == 0.0 and v < 0:
        return "-0.0"
    return repr(d)


def fmt_input(x):
    if x is None:
        return ""
    if x != x:
        raise ValueError("NaN input")
    if x == float("inf"):
        return "Infinity"
    if x == float("-inf"):
        return "-Infinity"
    return repr(float(x))


# ---------------------------------------------------------------------------------------------
# Links on real or positive parameters: theta, log theta and d theta / d eta


def check_valid(link, eta, positive):
    if positive and link in RESTRICTED_ON_POSITIVE and not eta > 0:
        raise Invalid()
    if link == "INVERSE" and eta == 0:
        raise Invalid()
    if link == "INVERSE_SQUARED" and not eta > 0:
        raise Invalid()


def inverse_link(link, eta):
    if link == "IDENTITY":
        return eta
    if link == "LOG":
        return mpmath.exp(eta)
    if link == "SOFTPLUS":
        return softplus(eta)
    if link == "INVERSE":
        return 1 / eta
    if link == "INVERSE_SQUARED":
        return 1 / mpmath.sqrt(eta)
    if link == "SQRT":
        return eta * eta
    raise ValueError(link)


def log_inverse_link(link, eta):
    """log theta for a positive theta, exact for the LOG link."""
    if link == "LOG":
        return eta
    if link == "SQRT":
        return 2 * mpmath.log(abs(eta))
    if link == "INVERSE_SQUARED":
        return -mpmath.log(eta) / 2
    if link == "INVERSE":
        return -mpmath.log(eta)
    return mpmath.log(inverse_link(link, eta))


def d_inverse_link(link, eta):
    if link == "IDENTITY":
        return mpf(1)
    if link == "LOG":
        return mpmath.exp(eta)
    if link == "SOFTPLUS":
        return sigmoid(eta)
    if link == "INVERSE":
        return -1 / (eta * eta)
    if link == "INVERSE_SQUARED":
        return -1 / (2 * eta * mpmath.sqrt(eta))
    if link == "SQRT":
        return 2 * eta
    raise ValueError(link)


# ---------------------------------------------------------------------------------------------
# Probability links: p, log p, log(1 - p), p'/p and p'/(1 - p), each without cancellation


def probability_terms(link, eta):
    """Returns (p, log p, log(1-p), (dp/deta)/p, (dp/deta)/(1-p)).

    Both p and q = 1 - p are formed directly (the smaller one never as 1 minus the larger), and
    the log of the one near 1 is log1p(-other), so nothing cancels even for p within 1e-300 of 1.
    The two ratios are written per link in closed forms that stay exact where p' and p are both
    astronomically small (CLOGLOG at eta = 800: p'/q = exp(eta)); a difference of logs there
    would cancel to nothing at any fixed precision.
    """
    log_p = log_q = None
    if link == "LOGIT":
        log_p = -softplus(-eta)
        log_q = -softplus(eta)
        p, q = sigmoid(eta), sigmoid(-eta)
        dp_p, dp_q = q, p
    elif link == "PROBIT":
        # erfc(|eta|/sqrt 2) magnifies the rounding of its argument by eta^2; precision() has
        # added digits for that.
        p, q = mpmath.ncdf(eta), mpmath.ncdf(-eta)
        density = mpmath.npdf(eta)
        dp_p, dp_q = density / p, density / q
    elif link == "CLOGLOG":
        e = mpmath.exp(eta)
        log_q = -e
        p, q = -mpmath.expm1(-e), mpmath.exp(-e)
        dp_p, dp_q = e / mpmath.expm1(e), e  # p' = e exp(-e)
    elif link == "LOGLOG":
        e = mpmath.exp(-eta)
        log_p = -e
        p, q = mpmath.exp(-e), -mpmath.expm1(-e)
        dp_p, dp_q = e, e / mpmath.expm1(e)  # p' = e exp(-e)
    elif link == "CAUCHIT":
        # p = 1/2 + atan(eta)/pi; the smaller of p, 1 - p is atan(1/|eta|)/pi exactly.
        if eta == 0:
            p = q = mpf(1) / 2
        elif eta > 0:
            q = mpmath.atan(1 / eta) / mpmath.pi
            p = 1 - q
        else:
            p = mpmath.atan(-1 / eta) / mpmath.pi
            q = 1 - p
        density = 1 / (mpmath.pi * (1 + eta * eta))
        dp_p, dp_q = density / p, density / q
    else:
        raise ValueError(link)
    if log_p is None:
        log_p = mpmath.log(p) if p <= q else mpmath.log1p(-q)
    if log_q is None:
        log_q = mpmath.log(q) if q <= p else mpmath.log1p(-p)
    return p, log_p, log_q, dp_p, dp_q


# ---------------------------------------------------------------------------------------------
# Families. Each returns (theta1, theta2, nll, grad1, grad2) as mpf (or None where absent).


def bernoulli(row, eta1_override=None):
    y = mpf(row["y"])
    eta = mpf(row["eta1"]) if eta1_override is None else eta1_override
    p, log_p, log_q, dp_p, dp_q = probability_terms(row["link1"], eta)
    nll = mpf(0)
    grad_terms = []
    if y != 0:
        nll -= y * log_p
        grad_terms.append(-y * dp_p)
    if y != 1:
        nll -= (1 - y) * log_q
        grad_terms.append((1 - y) * dp_q)
    return p, None, nll, exact_sum(grad_terms), None


def poisson(row, eta1_override=None):
    y = mpf(row["y"])
    link = row["link1"]
    eta = mpf(row["eta1"]) if eta1_override is None else eta1_override
    check_valid(link, eta, positive=True)
    rate = inverse_link(link, eta)
    nll = rate + mpmath.loggamma(y + 1)
    if y != 0:
        nll -= y * log_inverse_link(link, eta)
    if link == "LOG":
        grad = rate - y
    else:
        grad = (1 - y / rate) * d_inverse_link(link, eta)
    return rate, None, nll, grad, None


def normal(row, eta1_override=None, eta2_override=None):
    y = mpf(row["y"])
    link1, link2, mode2 = row["link1"], row["link2"], row["mode2"]
    eta1 = mpf(row["eta1"]) if eta1_override is None else eta1_override
    check_valid(link1, eta1, positive=False)
    mu = inverse_link(link1, eta1)
    if mode2 == "param":
        eta2 = mpf(row["eta2"]) if eta2_override is None else eta2_override
        check_valid(link2, eta2, positive=True)
        sigma = inverse_link(link2, eta2)
        log_sigma = log_inverse_link(link2, eta2)
    elif mode2 == "known":
        sigma = mpf(row["eta2"])
        log_sigma = mpmath.log(sigma)
    elif mode2 == "default":
        sigma = mpf(1)
        log_sigma = mpf(0)
    else:
        raise ValueError(mode2)
    # 1/sigma^2 and d log(sigma)/d eta2 in forms that are exact wherever the value is a
    # rational in eta2: an exact value that is a tie between two doubles must not be rounded
    # by the noise of an irrational intermediate such as 1/sqrt(eta2).
    r = y - mu
    if mode2 == "param":
        inv_var = inverse_variance(link2, eta2, sigma)
    else:
        inv_var = 1 / (sigma * sigma)
    z2 = r * r * inv_var
    nll = log_sigma + mpmath.log(2 * mpmath.pi) / 2 + z2 / 2
    grad1 = -(r * inv_var) * d_inverse_link(link1, eta1)
    grad2 = None
    if mode2 == "param":
        grad2 = (1 - z2) * d_log_sigma(link2, eta2, sigma)
    theta2 = sigma if mode2 != "default" else None
    return mu, theta2, nll, grad1, grad2


def inverse_variance(link, eta, sigma):
    if link == "LOG":
        return mpmath.exp(-2 * eta)
    if link == "IDENTITY":
        return 1 / (eta * eta)
    if link == "INVERSE":
        return eta * eta
    if link == "SQRT":
        return 1 / (eta * eta * eta * eta)
    if link == "INVERSE_SQUARED":
        return eta
    return 1 / (sigma * sigma)


def d_log_sigma(link, eta, sigma):
    """d log(sigma) / d eta."""
    if link == "LOG":
        return mpf(1)
    if link == "IDENTITY":
        return 1 / eta
    if link == "INVERSE":
        return -1 / eta
    if link == "SQRT":
        return 2 / eta
    if link == "INVERSE_SQUARED":
        return -1 / (2 * eta)
    return d_inverse_link(link, eta) / sigma


FAMILIES = {"normal": normal, "bernoulli": bernoulli, "poisson": poisson}


def evaluate(family, row):
    """The formatted output columns of one row at the current precision."""
    try:
        theta1, theta2, nll, grad1, grad2 = FAMILIES[family](row)
    except Invalid:
        theta1 = theta2 = None
        # the parameter that is valid still has a natural value; keep it for the scale S
        if family == "normal":
            try:
                theta1 = inverse_link(row["link1"], mpf(row["eta1"]))
            except (ZeroDivisionError, ValueError):
                theta1 = None
        return [to_double(theta1), to_double(theta2) if theta2 is not None else "",
                "Infinity", "", ""]
    return [to_double(theta1), to_double(theta2) if theta2 is not None else "", to_double(nll),
            to_double(grad1), to_double(grad2)]


def precision(row, base):
    """Working digits for a row: base plus what the magnitude of the inputs can cancel.

    A rounding of relative size 10^-d in an intermediate like eta/sqrt(2) or y - mu becomes an
    absolute error of 10^-d x^2 in terms like x^2/2 inside exp; twice the decimal exponent of the
    largest input (plus a margin) keeps every reference digit meaningful.
    """
    biggest = max(abs(v) for v in (row["y"], row["eta1"], row["eta2"] or 0.0, 1.0))
    return base + 2 * int(mpmath.log10(biggest) + 1) + 10


def check_derivatives(family, row, cols):
    """Compares the closed-form gradients with mpmath.diff of the NLL (as a function of eta).

    The NLL goes through log p, log(1 - p), log sigma, ...; the closed forms through their own
    ratios, so this catches a wrong or cancelling derivative formula. Values are compared after
    rounding to double (astronomically small ones both become 0).
    """
    if cols[2] == "Infinity" and cols[3] == "":
        return
    fn = FAMILIES[family]
    checks = [("grad1", 3, "eta1_override", "eta1")]
    if family == "normal" and row["mode2"] == "param":
        checks.append(("grad2", 4, "eta2_override", "eta2"))
    for what, index, override, column in checks:
        expected = cols[index]
        if expected in ("Infinity", "-Infinity"):
            continue
        at = mpf(row[column])
        with mp.workdps(precision(row, DPS)):
            # the step is relative to max(|eta|, 1), or to |eta| where a step of that size
            # could cross the edge of a link's valid region (eta = 0 for INVERSE and friends)
            link = row["link2"] if column == "eta2" else row["link1"]
            m = max(abs(at), mpf(1))
            positive = column == "eta2" or family == "poisson"
            singular = link in ("INVERSE", "INVERSE_SQUARED") or (
                positive and link in RESTRICTED_ON_POSITIVE)
            if singular and abs(at) < 1:
                m = abs(at)
            h = mpmath.ldexp(m, -mp.prec - 20)
            numeric = mpmath.diff(lambda t: fn(row, **{override: t})[2], at, h=h)
            values = fn(row)
            closed = values[index]
            # diff's own error is about 10^-dps |nll| / m: a gradient far below that scale is
            # checked by the two-precision comparison alone
            scale = max(abs(closed), abs(values[2]) / m)
            close = abs(numeric - closed) <= mpf(10) ** -40 * scale
        same_double = to_double(numeric) == expected or (
            to_double(numeric) in ("0.0", "-0.0") and expected in ("0.0", "-0.0"))
        if not close and not same_double:
            raise AssertionError(
                f"{what} of {row}: mpmath.diff {mpmath.nstr(numeric, 25)} vs closed form "
                f"{mpmath.nstr(closed, 25)}")


# ---------------------------------------------------------------------------------------------
# Row sets


def r4(x):
    """A readable exact double near x."""
    return float(f"{x:.4g}")


def r6(x):
    return float(f"{x:.6g}")


class Rows:
    def __init__(self, family):
        self.family = family
        self.rows = []
        self.counters = {}

    def add(self, group, tag, link1, y, eta1, link2="", mode2="none", eta2=None):
        n = self.counters.get(group, 0) + 1
        self.counters[group] = n
        self.rows.append({
            "case": f"{group}-{n}", "link1": link1, "link2": link2, "mode2": mode2,
            "y": float(y), "eta1": float(eta1), "eta2": None if eta2 is None else float(eta2),
            "tag": tag,
        })


def inverse_of(link, theta):
    """A double eta with inverse-link(eta) close to theta (for choosing grid points)."""
    theta = float(theta)
    if link == "IDENTITY":
        return theta
    if link == "LOG":
        return float(mpmath.log(theta))
    if link == "SOFTPLUS":
        return float(theta + mpmath.log(-mpmath.expm1(-mpf(theta))))
    if link == "INVERSE":
        return 1 / theta
    if link == "INVERSE_SQUARED":
        return float(1 / (mpf(theta) * theta))
    if link == "SQRT":
        return float(mpmath.sqrt(theta))
    raise ValueError(link)


# --- NORMAL -------------------------------------------------------------------------------------

ORDINARY_MU_ETAS = {
    "IDENTITY": [-3.5, -0.75, 0.0, 1.25, 4.5],
    "LOG": [-5.0, -1.5, 0.0, 0.75, 2.5],
    "INVERSE": [-2.5, -0.5, 0.25, 1.5, 4.0],
    "SOFTPLUS": [-5.0, -1.25, 0.0, 1.75, 5.0],
    "SQRT": [0.25, 0.8, 1.25, 2.0, 3.0],
}
ORDINARY_SIGMA_ETAS = {
    "LOG": [-2.0, -0.5, 0.0, 0.75, 2.0],
    "SOFTPLUS": [-3.0, -0.5, 0.0, 1.0, 4.0],
    "IDENTITY": [0.2, 0.5, 1.0, 2.5, 5.0],
    "INVERSE": [0.2, 0.5, 1.0, 2.0, 4.0],
    "SQRT": [0.3, 0.7, 1.0, 1.5, 2.5],
    "INVERSE_SQUARED": [0.1, 0.5, 1.0, 2.0, 5.0],
}
KNOWN_SIGMAS = [0.3, 1.0, 2.5, 0.05, 7.0]
ORDINARY_ZS = [-2.2, -0.7, 0.6, 1.3, 3.1, -1.6, -4.0, 0.9]


def sigma_specs():
    """(mode2, link2) for every way the NORMAL sigma is given."""
    return [("param", l) for l in NORMAL_SIGMA_LINKS] + [("known", ""), ("default", "")]


def sigma_of(mode2, link2, eta2):
    if mode2 == "default":
        return 1.0
    if mode2 == "known":
        return eta2
    return float(inverse_link(link2, mpf(eta2)))


# eta2 giving sigma near 1e-300, 1e-150, 1e150, 1e300 (where a double eta can), per link
EXTREME_SIGMA_ETAS = {
    "LOG": [-690.0, -345.0, 345.0, 690.0],
    "SOFTPLUS": [-690.0, -345.0, 1e150, 1e300],
    "IDENTITY": [1e-300, 1e-150, 1e150, 1e300],
    "INVERSE": [1e300, 1e150, 1e-150, 1e-300],
    "SQRT": [1e-150, 1e-75, 1e75, 1e150],
    "INVERSE_SQUARED": [1e300, 1e250, 1e-250, 1e-300],
}
INVALID_SIGMA_ETAS = [0.0, -0.0, -1.0, -1e-300]


def normal_rows(rng):
    rows = Rows("normal")
    # Ordinary: every (mu link, sigma mode/link) pair on a small grid, y a few sigmas from mu.
    for link1 in NORMAL_MU_LINKS:
        for mode2, link2 in sigma_specs():
            group = f"grid-{link1.lower()}-{(link2 or mode2).lower()}"
            etas1 = ORDINARY_MU_ETAS[link1]
            etas2 = ORDINARY_SIGMA_ETAS.get(link2, KNOWN_SIGMAS)
            for k in range(8):
                eta1 = etas1[k % 5] if k < 5 else r4(rng.uniform(*_range(etas1)))
                eta2 = None
                if mode2 == "param":
                    eta2 = etas2[(k * 3) % 5] if k < 5 else r4(rng.uniform(*_range(etas2)))
                elif mode2 == "known":
                    eta2 = KNOWN_SIGMAS[k % 5]
                mu = float(inverse_link(link1, mpf(eta1)))
                sigma = sigma_of(mode2, link2, eta2)
                # |z| >= 0.6 unless mu is exact: with an inexact mu (any link but IDENTITY)
                # y within a rounding of mu would make the exact gradient depend on the last
                # bit of mu, which no double implementation can be held to.
                z = 0.0 if (k == 5 and link1 == "IDENTITY") else ORDINARY_ZS[k]
                y = r6(mu + sigma * z) if z != 0 else mu
                rows.add(group, "ordinary", link1, y, eta1, link2, mode2, eta2)

    # Adversarial 1: sigma from 1e-300 to 1e300 for every sigma link, y near and far from mu.
    for link2 in NORMAL_SIGMA_LINKS:
        for eta2 in EXTREME_SIGMA_ETAS[link2]:
            sigma = sigma_of("param", link2, eta2)
            offsets = [0.0, 1.0, -1e8, 1e150]
            if sigma < 1e-100:
                offsets.append(r4(3 * sigma))  # z near 3 although sigma^2 underflows
            if sigma > 1e100:
                offsets.append(r4(-2 * sigma))
            # mu = 0, so y - mu = off exactly. No |z| near 1: there d NLL/d eta2 is
            # (1 - z^2) d log(sigma)/d eta2, and with an inexact sigma and a huge
            # d log(sigma)/d eta2 (INVERSE_SQUARED at eta2 = 1e-300) the exact value hinges on
            # the last bits of sigma.
            offsets = [off for off in offsets if not 0.9 <= abs(off) / sigma <= 1.1]
            for off in offsets:
                rows.add(f"sigma-extreme-{link2.lower()}", "adversarial", "IDENTITY", off, 0.0,
                         link2, "param", eta2)
            rows.add(f"sigma-extreme-{link2.lower()}", "adversarial", "IDENTITY", 0.5, 0.5,
                     link2, "param", eta2)
    # the same scales with the other mu links (sigma on its default link)
    for link1 in NORMAL_MU_LINKS[1:]:
        for eta2 in [-690.0, 690.0]:
            for eta1, y in [(ORDINARY_MU_ETAS[link1][2], 1e8), (ORDINARY_MU_ETAS[link1][3], -1e150)]:
                rows.add(f"sigma-extreme-mu-{link1.lower()}", "adversarial", link1, y, eta1,
                         "LOG", "param", eta2)
    # known sigma at the extremes
    for sigma in [1e-300, 1e-150, 1e150, 1e300]:
        for off in [0.0, 1.0, 1e8, -1e150, 3 * sigma]:
            rows.add("sigma-extreme-known", "adversarial", "IDENTITY", off, 0.0, "", "known", sigma)

    # Adversarial 2: y far from mu, |y - mu| = 1e8 and 1e150, and past overflow of z^2/2.
    for mode2, link2 in sigma_specs():
        eta2 = {"param": ORDINARY_SIGMA_ETAS.get(link2, [0] * 5)[3], "known": 2.5}.get(mode2)
        for eta1, y in [(0.0, 1e8), (1.5, 1.5 - 1e8), (0.0, 1e150), (-2.0, -1e150),
                        (0.0, 1e155)]:
            rows.add(f"far-{(link2 or mode2).lower()}", "adversarial", "IDENTITY", y, eta1,
                     link2, mode2, eta2)

    # Adversarial 3: extreme eta on the mu links.
    # (eta1, y) pairs. y never lies within a few roundings of an inexact mu at a large scale:
    # there the exact value would hinge on the last bit of mu (and be +Infinity through
    # r = ulp(mu)), which no double implementation can be held to.
    mu_extremes = {
        "LOG": [(-700.0, 1.0), (-700.0, 0.0), (700.0, 1.1e304), (700.0, 0.0),
                (-800.0, 1e-300), (30.0, 1e13), (-745.5, 0.5)],
        "INVERSE": [(1e-300, 2e300), (1e300, 1e-300), (1e300, 1.0), (-1e-300, 0.0),
                    (1e-10, 1.001e10), (-40.0, 0.0)],
        "SOFTPLUS": [(-800.0, 0.0), (-800.0, 1.0), (800.0, 800.0), (800.0, 801.5),
                     (1e300, 1e300), (-40.0, 1e-17), (40.0, 40.0)],
        "SQRT": [(1e150, 0.0), (1e-150, 1e-300), (1e-150, 1.0), (3e7, 9e14), (-2.0, 4.0),
                 (-1e5, 1.1e10), (-1e150, -1.0)],
        "IDENTITY": [(1e300, 1e300), (-1e300, 1e300), (1e-300, -1e-300)],
    }
    for link1, pairs in mu_extremes.items():
        for mode2, link2 in [("param", "LOG"), ("default", ""), ("param", "SOFTPLUS")]:
            eta2 = 0.25 if mode2 == "param" else None
            for eta1, y in pairs:
                rows.add(f"mu-extreme-{link1.lower()}-{(link2 or mode2).lower()}",
                         "adversarial", link1, y, eta1, link2, mode2, eta2)

    # Adversarial 4: eta of sigma outside the valid region of a restricted link: +Infinity.
    for link2 in sorted(RESTRICTED_ON_POSITIVE):
        for eta2 in INVALID_SIGMA_ETAS:
            rows.add(f"sigma-invalid-{link2.lower()}", "adversarial", "IDENTITY", 1.0, 0.5,
                     link2, "param", eta2)
    return rows.rows


def _range(values):
    return min(values), max(values)


# --- BERNOULLI ----------------------------------------------------------------------------------

ORDINARY_LOGITS = [-5.0, -3.0, -1.5, -0.5, 0.0, 0.25, 1.0, 2.5, 5.0]
SOFT_LABELS = [0.3, 0.75, 0.5]
ADVERSARIAL_ETAS = [-800.0, -40.0, -30.0, 30.0, 40.0, 800.0]
ADVERSARIAL_LABELS = [0.0, 1.0, 0.3, 1e-10, 1 - 1e-10, 0.5]
EXTRA_ETAS = {
    "LOGIT": [-1e300, -745.5, -37.5, 36.7, 710.0, 1e300],
    "PROBIT": [-1e150, -1e5, -38.5, -8.3, 8.3, 38.5, 1e5, 1e150],
    "CLOGLOG": [-745.5, -36.8, 3.6, 6.6, 709.0, 710.0],
    "LOGLOG": [-710.0, -709.0, -6.6, -3.6, 36.8, 745.5],
    "CAUCHIT": [-1e300, -1e10, 1e10, 1e300, -1e-300, 1e-300],
}


def bernoulli_rows(rng):
    rows = Rows("bernoulli")
    for link in PROBABILITY_LINKS:
        group = f"grid-{link.lower()}"
        for eta in ORDINARY_LOGITS:
            for y in [0.0, 1.0]:
                rows.add(group, "ordinary", link, y, eta)
            rows.add(group, "ordinary", link, SOFT_LABELS[int(eta * 4) % 3], eta)
        for _ in range(13):
            rows.add(group, "ordinary", link, rng.choice([0.0, 1.0, r4(rng.random())]),
                     r4(rng.uniform(-5, 5)))
        for eta in ADVERSARIAL_ETAS:
            for y in ADVERSARIAL_LABELS:
                rows.add(f"extreme-{link.lower()}", "adversarial", link, y, eta)
        for eta in EXTRA_ETAS[link]:
            # no soft label where the NLL is (1 - y) exp(710) and the like: finite only because
            # the factor pulls an overflowing exp back, which is beyond a reasonable demand
            edge = abs(eta) == 710.0 and link in ("CLOGLOG", "LOGLOG")
            labels = [0.0, 1.0] if edge else [0.0, 1.0, 0.3]
            for y in labels:
                rows.add(f"extreme-{link.lower()}", "adversarial", link, y, eta)
    return rows.rows


# --- POISSON ------------------------------------------------------------------------------------

ORDINARY_COUNTS = [0.0, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0, 40.0, 0.5, 2.75]


def poisson_rows(rng):
    rows = Rows("poisson")
    for link in POISSON_LINKS:
        group = f"grid-{link.lower()}"
        for rate in [0.05, 0.4, 1.0, 2.5, 7.0, 30.0]:
            eta = r4(inverse_of(link, rate))
            for y in [0.0, 1.0, float(round(rate)) + 1, r4(rate * 1.7) + 0.5 if rate > 1 else 4.0]:
                rows.add(group, "ordinary", link, y, eta)
        for _ in range(12):
            rate = rng.uniform(0.02, 50)
            rows.add(group, "ordinary", link, rng.choice(ORDINARY_COUNTS),
                     r4(inverse_of(link, rate)))

        # counts of 1e9 (and 1e15) at and near the mode rate = y
        adv = f"mode-{link.lower()}"
        for count in [1e9, 1e15]:
            base = inverse_of(link, count)
            rel = [0.0, 1e-9, -1e-9, 1e-6, -1e-6, 1e-3, -1e-3] if count == 1e9 else [0.0, 1e-6, -1e-3]
            for d in rel:
                eta = link_shift(link, base, d)
                for y in [count, count + 1, count + 0.5] if d == 0 else [count]:
                    rows.add(adv, "adversarial", link, y, eta)
        # nearest doubles around eta at the mode
        base = inverse_of(link, 1e9)
        for steps in [-2, -1, 1, 2]:
            eta = base
            for _ in range(abs(steps)):
                eta = next_double(eta, steps > 0)
            rows.add(adv, "adversarial", link, 1e9, eta)

        # y = 0 (and small y) with huge and tiny rates; y huge with rate 1
        ext = f"rate-extreme-{link.lower()}"
        extremes = {
            "LOG": [700.0, 709.0, 710.0, -700.0, -745.0, -800.0],
            "SOFTPLUS": [1e300, 700.0, 710.0, -700.0, -745.0, -800.0],
            "SQRT": [1e150, 1.3e154, 1e-150, 1e-162, 1e-200],
            "IDENTITY": [1e300, 1.7e308, 1e-300, 1e-320, 5e-324],
        }[link]
        for eta in extremes:
            for y in [0.0, 1.0, 3.0]:
                rows.add(ext, "adversarial", link, y, eta)
        for y in [1e15, 1e9 + 0.5, 1e100]:
            rows.add(ext, "adversarial", link, y, inverse_of(link, 1.0))
        rows.add(ext, "adversarial", link, 1e100, inverse_of(link, 1e100))

        if link in RESTRICTED_ON_POSITIVE:
            for eta in [0.0, -0.0, -1.0, -1e-300, -1e9]:
                for y in [0.0, 3.0]:
                    rows.add(f"rate-invalid-{link.lower()}", "adversarial", link, y, eta)
    return rows.rows


def link_shift(link, base, d):
    """eta whose rate is (about) the base rate times (1 + d)."""
    if d == 0:
        return base
    if link == "LOG":
        return base + d
    if link == "SQRT":
        return base * (1 + d / 2)
    return base * (1 + d)  # IDENTITY, and SOFTPLUS (which is the identity up there)


def next_double(x, up):
    import math
    return math.nextafter(x, float("inf") if up else float("-inf"))


# ---------------------------------------------------------------------------------------------


def generate(family, rows):
    lines = [HEADER]
    seen = set()
    for row in rows:
        key = (row["link1"], row["link2"], row["mode2"], fmt_input(row["y"]),
               fmt_input(row["eta1"]), fmt_input(row["eta2"]))  # strings keep -0.0 apart from 0.0
        if key in seen:
            continue
        seen.add(key)
        with mp.workdps(precision(row, DPS)):
            cols = evaluate(family, row)
        with mp.workdps(precision(row, CHECK_DPS)):
            again = evaluate(family, row)
        if cols != again:
            raise AssertionError(f"precision-dependent result for {row}: {cols} vs {again}")
        check_derivatives(family, row, cols)
        lines.append(",".join([
            row["case"], row["link1"], row["link2"], row["mode2"], fmt_input(row["y"]),
            fmt_input(row["eta1"]), fmt_input(row["eta2"]), *cols, row["tag"]]))
    return lines


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(here, "..", "..", "samples", "src", "test", "resources", "reference")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=default_out, help="output directory")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    builders = {"normal": normal_rows, "bernoulli": bernoulli_rows, "poisson": poisson_rows}
    for family, build in builders.items():
        rows = build(random.Random(f"{SEED}-{family}"))
        lines = generate(family, rows)
        path = os.path.join(args.out, f"{family}.csv")
        with open(path, "w", newline="\n") as f:
            f.write("\n".join(lines) + "\n")
        tags = {}
        for line in lines[1:]:
            tag = line.rsplit(",", 1)[1]
            tags[tag] = tags.get(tag, 0) + 1
        print(f"{os.path.normpath(path)}: {len(lines) - 1} rows {tags}", file=sys.stderr)


if __name__ == "__main__":
    main()
