#!/usr/bin/env python3
"""High-precision reference vectors for BETA, VON_MISES, BINOMIAL, NEGATIVE_BINOMIAL, FOCAL and
UNCERTAIN_BERNOULLI.

Writes samples/src/test/resources/reference/families/{beta,von_mises,binomial,
negative_binomial,focal,uncertain_bernoulli}.csv in the format FamilyVectorTest reads:

    case,record,inputs,nll,grads,scale,tag

`record` names a record of dev.likelihood.samples.families (declared in <Family>Records.java);
`inputs` are its annotated components in record order, ';'-separated (booleans true/false, int and
long counts as integers, doubles as Python's repr, which Double.parseDouble reads exactly);
`nll` is the exact full NLL and `grads` the exact d NLL / d eta of every @Param component in record
order, each rounded once to the nearest double (Infinity where the exact value is beyond the
double range); `scale` is S = max(1, |y|, |theta| of every natural parameter, constants and trials
included), theta rounded to double; `tag` is ordinary or adversarial.

The rigour is that of families.py (exact_sum, sigmoid, softplus and to_double are imported from
there; probability_terms is its per-link function, extended by the perturbations below):
- inputs are exact doubles (or ints), converted to mpmath exactly;
- work precision is 200 significant digits plus twice the decimal exponent of the largest input
  (UNCERTAIN_BERNOULLI, whose values are integrals: 50 digits plus the same margin);
- formulas avoid cancellation by construction: p and 1 - p of each probability link are formed
  separately, with per-link closed forms for p'/p and p'/(1 - p) (exact at logits of +-800);
  BETA works with a psi(a) and b psi(b) (a psi(a) -> -1 as a = precision * Phi(-800) -> 0), the
  log-gamma terms are evaluated at the exact, astronomically small a (mpmath's exponent range is
  unbounded); VON_MISES uses log(I0(k) e^-k) + 2 k sin^2(r/2) and, for k >= 600, its own
  asymptotic series for I0 e^-k and (I1 - I0) e^-k (term-wise differences, so 1 - I1/I0 ~ 1/(2k)
  does not cancel; mpmath.besseli is wrong at k = 1e300), cross-checked against mpmath.besseli
  where both work; NEGATIVE_BINOMIAL uses log1p(mean/size) and log1p(size/mean);
- every row is computed at two precisions (200 and 260 digits plus the margin; 50 and 70 for
  UNCERTAIN_BERNOULLI) and must round to the same doubles; every finite gradient is compared
  with mpmath.diff of the NLL (for UNCERTAIN_BERNOULLI at 25 digits, to 1e-15 relative);
- UNCERTAIN_BERNOULLI: P(y = 1) = E[sigmoid(eta_p + u z)], z ~ N(0, 1). With x = +-eta_p
  (the sign of the label) and x' = -|x|, three integrals are computed: F = E[s(x' + u z)]
  (the smaller of P(y), 1 - P(y), so -log P(y) is -log F or -log1p(-F), never a difference
  near 1), D = E[s'(x' + u z)] (d P / d eta_p up to sign) and G = E[s'(x' + u z) z] (d P / d u
  up to sign). Each integrand is strictly log-concave with curvature >= 1 (times z for G), so
  it is integrated over [m - 40, m + 40] around its mode m (found by bisection) with relative
  truncation below e^-800, normalised by its value at the mode, and split at the mode, at 0 and
  at the sigmoid's centre -x'/u +- k/u (width 1/u, down to 1e-4 here). Two quadratures
  (tanh-sinh on one set of split points, Gauss-Legendre on a denser, different set) must agree
  to half the working digits. eta_p = 0 gives F = 1/2 and G = 0 exactly (symmetry).

Rows that no double implementation can be held to are skipped and listed on stderr: for each
row, every intermediate a double code must round (a natural parameter theta = inverse-link(eta);
of LOGIT, PROBIT, CAUCHIT the smaller of p and 1 - p, the other following; exp(+-eta) of CLOGLOG
and LOGLOG, from which p and 1 - p follow; y - mu of VON_MISES where that difference is not a
double) is perturbed by a relative +-2^-52 (one or two roundings), the family's parameters
staying consistent (BETA's a + b = precision, as in a stable log-Beta form); a row is dropped
when that moves the NLL or a gradient by more than a quarter of SPEC's tolerance
max(1e-12 |exact|, 1e-14 S).

    python3 tools/reference/families_group2.py                 # writes the six CSVs
    python3 tools/reference/families_group2.py --out DIR       # into DIR instead
    python3 tools/reference/families_group2.py --only beta     # one family (repeatable)
    python3 tools/reference/families_group2.py --java          # prints the record declarations
    python3 tools/reference/families_group2.py --inference     # prints the UNCERTAIN_BERNOULLI
                                                               # means InferenceGroup2Test uses

numpy and scipy are deliberately not used. The output is deterministic. A full run takes about
30 minutes, 25 of them UNCERTAIN_BERNOULLI's quadratures (--jobs 2 runs families in parallel).
"""

import argparse
import math
import os
import random
import sys
from fractions import Fraction

import mpmath
from mpmath import mp, mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from families import exact_sum, sigmoid, softplus, to_double  # noqa: E402

SEED = 20260202
HEADER = "case,record,inputs,nll,grads,scale,tag"
PROBABILITY_LINKS = ["LOGIT", "PROBIT", "CLOGLOG", "LOGLOG", "CAUCHIT"]
DELTA = mpf(2) ** -52          # relative perturbation of a rounded intermediate
SKIP_FRACTION = mpf(1) / 4     # ... may move an output by at most this share of the tolerance


# ---------------------------------------------------------------------------------------------
# Records: the Java declarations and what their components mean


class Comp:
    """One annotated record component: role y, param or known."""

    def __init__(self, role, jtype, jname, pname=None, link=None):
        self.role, self.jtype, self.jname, self.pname, self.link = role, jtype, jname, pname, link


class Rec:
    def __init__(self, name, family, comps, link=None, constants=None, doc=""):
        self.name, self.family, self.comps = name, family, comps
        self.link = link  # @Likelihood(link = ...) of the primary parameter, or None
        self.constants = constants or {}  # name -> Python number, as in @Constant
        self.doc = doc

    def params(self):
        return [c for c in self.comps if c.role == "param"]

    def resolved_link(self, pname):
        spec = FAMILY_PARAMS[self.family]
        for c in self.params():
            if c.pname == pname:
                if c.link:
                    return c.link
                if pname == spec[0][0] and self.link:
                    return self.link
        for name, default in spec:
            if name == pname:
                return default
        raise KeyError(pname)

    def java(self):
        args = []
        if self.link:
            args.append(f"link = Link.{self.link}")
        if self.constants:
            cs = [f"@Constant(name = \"{k}\", value = {java_number(v)})"
                  for k, v in self.constants.items()]
            args.append("constants = " + (cs[0] if len(cs) == 1 else "{" + ", ".join(cs) + "}"))
        head = f"@Likelihood(family = Family.{self.family}" + "".join(", " + a for a in args) + ")"
        comps = []
        primary = FAMILY_PARAMS[self.family][0][0]
        for c in self.comps:
            if c.role == "y":
                ann = "@Response"
            elif c.role == "known":
                ann = f"@Known(\"{c.pname}\")"
            else:
                inner = []
                if c.pname != primary:
                    inner.append(f"\"{c.pname}\"" if not c.link else f"value = \"{c.pname}\"")
                if c.link:
                    inner.append(f"link = Link.{c.link}")
                ann = "@Param" + ("(" + ", ".join(inner) + ")" if inner else "")
            comps.append(f"{ann} {c.jtype} {c.jname}")
        return (f"/** {self.doc} */\n{head}\nrecord {self.name}(" + ", ".join(comps) + ") {}\n")


def java_number(v):
    if isinstance(v, int) or float(v).is_integer():
        return str(int(v))
    return repr(float(v))


FAMILY_PARAMS = {  # parameter name, default link
    "BETA": [("mean", "LOGIT"), ("precision", "LOG")],
    "VON_MISES": [("mu", "IDENTITY"), ("kappa", "LOG")],
    "BINOMIAL": [("p", "LOGIT"), ("trials", None)],
    "NEGATIVE_BINOMIAL": [("mean", "LOG"), ("size", "LOG")],
    "FOCAL": [("p", "LOGIT"), ("gamma", None), ("alpha", None)],
    "UNCERTAIN_BERNOULLI": [("p", "LOGIT"), ("uncertainty", "SOFTPLUS")],
}


def y(jtype="double"):
    return Comp("y", jtype, "y")


def param(jname, pname, link=None):
    return Comp("param", "double", jname, pname, link)


def beta_records():
    recs = []
    for link in PROBABILITY_LINKS:
        name = "Beta" + link.capitalize()
        recs.append(Rec(name, "BETA", [y(), param("mean", "mean"), param("precision", "precision")],
                        link=None if link == "LOGIT" else link,
                        doc=f"BETA, mean through {link}, precision through LOG."))
    recs.append(Rec("BetaSoftplusPrecision", "BETA",
                    [y(), param("mean", "mean"), param("precision", "precision", "SOFTPLUS")],
                    doc="BETA, mean through LOGIT, precision through SOFTPLUS."))
    return recs


def von_mises_records():
    return [
        Rec("VonMises", "VON_MISES", [y(), param("mu", "mu"), param("kappa", "kappa")],
            doc="VON_MISES, mu through IDENTITY, kappa through LOG."),
        Rec("VonMisesSoftplusKappa", "VON_MISES",
            [y(), param("mu", "mu"), param("kappa", "kappa", "SOFTPLUS")],
            doc="VON_MISES, kappa through SOFTPLUS."),
    ]


def binomial_records():
    recs = []
    for link in PROBABILITY_LINKS:
        cap = "" if link == "LOGIT" else link.capitalize()
        recs.append(Rec(f"Binomial{cap}KnownTrials", "BINOMIAL",
                        [y("int"), param("eta", "p"), Comp("known", "int", "trials", "trials")],
                        link=None if link == "LOGIT" else link,
                        doc=f"BINOMIAL through {link}, trials per sample."))
    recs.append(Rec("BinomialTwenty", "BINOMIAL", [y("int"), param("eta", "p")],
                    constants={"trials": 20}, doc="BINOMIAL through LOGIT, 20 trials."))
    recs.append(Rec("BinomialProbitTwenty", "BINOMIAL", [y("int"), param("eta", "p")],
                    link="PROBIT", constants={"trials": 20},
                    doc="BINOMIAL through PROBIT, 20 trials."))
    recs.append(Rec("BinomialCloglogTwoBillion", "BINOMIAL", [y("int"), param("eta", "p")],
                    link="CLOGLOG", constants={"trials": 2_000_000_000},
                    doc="BINOMIAL through CLOGLOG, 2e9 trials."))
    return recs


def negative_binomial_records():
    return [
        Rec("NegativeBinomial", "NEGATIVE_BINOMIAL",
            [y("int"), param("mean", "mean"), param("size", "size")],
            doc="NEGATIVE_BINOMIAL (NB2), int counts, LOG links."),
        Rec("NegativeBinomialLong", "NEGATIVE_BINOMIAL",
            [y("long"), param("mean", "mean"), param("size", "size")],
            doc="NEGATIVE_BINOMIAL, long counts, LOG links."),
        Rec("NegativeBinomialSoftplus", "NEGATIVE_BINOMIAL",
            [y("int"), param("mean", "mean"), param("size", "size", "SOFTPLUS")],
            link="SOFTPLUS", doc="NEGATIVE_BINOMIAL, mean and size through SOFTPLUS."),
        Rec("NegativeBinomialSizeFirst", "NEGATIVE_BINOMIAL",
            [param("size", "size"), y("long"), param("mean", "mean")],
            doc="NEGATIVE_BINOMIAL with the components in another order: grads follow it."),
    ]


def focal_records():
    return [
        Rec("Focal", "FOCAL", [y("boolean"), param("eta", "p")],
            doc="FOCAL with the defaults gamma = 2, alpha = -1 (off)."),
        Rec("FocalInt", "FOCAL", [y("int"), param("eta", "p")],
            doc="FOCAL with the defaults, an int label."),
        Rec("FocalGammaZero", "FOCAL", [y("boolean"), param("eta", "p")],
            constants={"gamma": 0}, doc="FOCAL with gamma = 0, alpha off: the Bernoulli NLL."),
        Rec("FocalAlphaQuarter", "FOCAL", [y("int"), param("eta", "p")],
            constants={"gamma": 2, "alpha": 0.25}, doc="FOCAL with gamma = 2, alpha = 0.25."),
        Rec("FocalHalfGamma", "FOCAL", [y("boolean"), param("eta", "p")],
            constants={"gamma": 0.5, "alpha": 0.75}, doc="FOCAL with gamma = 0.5, alpha = 0.75."),
        Rec("FocalProbit", "FOCAL", [y("boolean"), param("eta", "p")], link="PROBIT",
            doc="FOCAL through PROBIT, the defaults."),
    ]


def uncertain_bernoulli_records():
    return [
        Rec("UncertainBernoulli", "UNCERTAIN_BERNOULLI",
            [y("boolean"), param("eta", "p"), param("uncertainty", "uncertainty")],
            doc="UNCERTAIN_BERNOULLI, p through LOGIT, uncertainty through SOFTPLUS."),
        Rec("UncertainBernoulliInt", "UNCERTAIN_BERNOULLI",
            [y("int"), param("eta", "p"), param("uncertainty", "uncertainty")],
            doc="UNCERTAIN_BERNOULLI, an int label."),
        Rec("UncertainBernoulliLogUncertainty", "UNCERTAIN_BERNOULLI",
            [y("boolean"), param("eta", "p"), param("uncertainty", "uncertainty", "LOG")],
            doc="UNCERTAIN_BERNOULLI, uncertainty through LOG."),
    ]


RECORDS = {
    "beta": beta_records(), "von_mises": von_mises_records(), "binomial": binomial_records(),
    "negative_binomial": negative_binomial_records(), "focal": focal_records(),
    "uncertain_bernoulli": uncertain_bernoulli_records(),
}
RECORD_BY_NAME = {r.name: r for recs in RECORDS.values() for r in recs}


# ---------------------------------------------------------------------------------------------
# Links, with optional perturbation of the intermediates a double code rounds


def probability_terms(link, eta, pert):
    """(p, q, log p, log q, p'/p, p'/q) with q = 1 - p formed directly.

    pert may scale the smaller of p and q (LOGIT, PROBIT, CAUCHIT; the other stays 1 minus it)
    or exp(+-eta) (CLOGLOG, LOGLOG) by a factor close to 1: the rounding a double code cannot
    avoid. The ratios then follow the perturbed values as a double code's would.
    """
    fp, fe = pert.get("p"), pert.get("e")
    if link == "LOGIT":
        p, q = sigmoid(eta), sigmoid(-eta)
        lp, lq = -softplus(-eta), -softplus(eta)
    elif link == "PROBIT":
        p, q = mpmath.ncdf(eta), mpmath.ncdf(-eta)
        lp = mpmath.log(p) if p <= q else mpmath.log1p(-q)
        lq = mpmath.log(q) if q <= p else mpmath.log1p(-p)
        density = mpmath.npdf(eta)
    elif link == "CAUCHIT":
        if eta == 0:
            p = q = mpf(1) / 2
        elif eta > 0:
            q = mpmath.atan(1 / eta) / mpmath.pi
            p = 1 - q
        else:
            p = mpmath.atan(-1 / eta) / mpmath.pi
            q = 1 - p
        lp = mpmath.log(p) if p <= q else mpmath.log1p(-q)
        lq = mpmath.log(q) if q <= p else mpmath.log1p(-p)
        density = 1 / (mpmath.pi * (1 + eta * eta))
    elif link == "CLOGLOG":
        e = mpmath.exp(eta) * (fe or 1)
        p, q = -mpmath.expm1(-e), mpmath.exp(-e)
        lq = -e
        lp = mpmath.log(p) if p <= q else mpmath.log1p(-q)
        return p, q, lp, lq, e / mpmath.expm1(e), e
    elif link == "LOGLOG":
        e = mpmath.exp(-eta) * (fe or 1)
        p, q = mpmath.exp(-e), -mpmath.expm1(-e)
        lp = -e
        lq = mpmath.log(q) if q <= p else mpmath.log1p(-p)
        return p, q, lp, lq, e, e / mpmath.expm1(e)
    else:
        raise ValueError(link)
    if fp:
        if p <= q:
            p, q = p * fp, q - p * (fp - 1)
            lp, lq = lp + mpmath.log(fp), mpmath.log1p(-p)
        else:
            p, q = p - q * (fp - 1), q * fp
            lp, lq = mpmath.log1p(-q), lq + mpmath.log(fp)
    if link == "LOGIT":
        return p, q, lp, lq, q, p
    return p, q, lp, lq, density / p, density / q


def positive_link(link, eta, factor=None):
    """(theta, d theta / d eta / theta) of a positive parameter."""
    if link == "LOG":
        theta, dlog = mpmath.exp(eta), mpf(1)
    elif link == "SOFTPLUS":
        theta = softplus(eta)
        dlog = sigmoid(eta) / theta
    else:
        raise ValueError(link)
    if factor:
        theta *= factor
    return theta, dlog


def perturbation_keys(rec, row):
    keys = []
    for c in rec.params():
        link = rec.resolved_link(c.pname)
        if link in ("LOGIT", "PROBIT", "CAUCHIT"):
            if rec.family != "UNCERTAIN_BERNOULLI":
                keys.append("p")
        elif link in ("CLOGLOG", "LOGLOG"):
            keys.append("e")
        elif link in ("LOG", "SOFTPLUS"):
            keys.append(c.pname)
    if rec.family == "VON_MISES":
        yv, mu = value_of(rec, row, "y"), value_of(rec, row, "mu")
        if Fraction(yv) - Fraction(mu) != Fraction(yv - mu):
            keys.append("r")
    return keys


# ---------------------------------------------------------------------------------------------
# Families: f(y, eta, fixed, links, pert) -> (nll, {param: grad}, [theta...])


def beta(yv, eta, fixed, links, pert):
    yv = mpf(yv)
    p, q, lp, lq, dpp, dpq = probability_terms(links["mean"], eta["mean"], pert)
    phi, dlog_phi = positive_link(links["precision"], eta["precision"], pert.get("precision"))
    a, b = p * phi, q * phi
    ly, l1y = mpmath.log(yv), mpmath.log1p(-yv)
    nll = (mpmath.loggamma(a) + mpmath.loggamma(b) - mpmath.loggamma(phi)
           - (a - 1) * ly - (b - 1) * l1y)
    apsi, bpsi = a * mpmath.digamma(a), b * mpmath.digamma(b)
    # d/d eta_m = phi p' (psi(a) - psi(b) - log y + log(1 - y)), phi p' = a p'/p = b p'/q
    g_mean = exact_sum([dpp * (apsi - a * ly), -dpq * (bpsi - b * l1y)])
    # d/d eta_phi = phi'/phi (a psi(a) + b psi(b) - phi psi(phi) - a log y - b log(1 - y))
    g_prec = dlog_phi * exact_sum([apsi, bpsi, -phi * mpmath.digamma(phi), -a * ly, -b * l1y])
    return nll, {"mean": g_mean, "precision": g_prec}, [yv, p, phi]


VM_SERIES_FROM = 600


def bessel_scaled(kappa):
    """(log(I0(k) e^-k), (I1(k) - I0(k)) / I0(k)) without cancellation."""
    if kappa < VM_SERIES_FROM:
        i0, i1 = mpmath.besseli(0, kappa), mpmath.besseli(1, kappa)
        return mpmath.log(i0) - kappa, (i1 - i0) / i0
    # I_nu(k) e^-k sqrt(2 pi k) ~ sum_j t_j(nu) / k^j, t_j = t_{j-1} ((2j-1)^2 - 4 nu^2) / (8 j)
    s0, d = mpf(1), mpf(0)
    t0 = t1 = mpf(1)
    eps = mpf(10) ** (-mp.dps - 10)
    j = 0
    while True:
        j += 1
        t0 = t0 * (2 * j - 1) ** 2 / (8 * j * kappa)
        t1 = t1 * ((2 * j - 1) ** 2 - 4) / (8 * j * kappa)
        s0 += t0
        d += t1 - t0
        if abs(t0) < eps * s0 and abs(t1 - t0) < eps * abs(d):
            break
        if j > 4 * kappa:
            raise AssertionError("von Mises series does not converge")
    return mpmath.log(s0) - mpmath.log(2 * mpmath.pi * kappa) / 2, d / s0


def von_mises(yv, eta, fixed, links, pert):
    yv = mpf(yv)
    mu = eta["mu"]
    kappa, dlog_k = positive_link(links["kappa"], eta["kappa"], pert.get("kappa"))
    r = (yv - mu) * (pert.get("r") or 1)
    s2 = 2 * mpmath.sin(r / 2) ** 2  # 1 - cos r
    log_i0e, a_minus_1 = bessel_scaled(kappa)
    nll = mpmath.log(2 * mpmath.pi) + log_i0e + kappa * s2
    g_mu = -kappa * mpmath.sin(r)
    g_kappa = dlog_k * kappa * exact_sum([a_minus_1, s2])  # kappa (I1/I0 - cos r)
    return nll, {"mu": g_mu, "kappa": g_kappa}, [yv, mu, kappa]


def binomial(yv, eta, fixed, links, pert):
    n, k = mpf(fixed["trials"]), mpf(yv)
    p, q, lp, lq, dpp, dpq = probability_terms(links["p"], eta["p"], pert)
    nll = -(mpmath.loggamma(n + 1) - mpmath.loggamma(k + 1) - mpmath.loggamma(n - k + 1))
    terms = []
    if k != 0:
        nll -= k * lp
        terms.append(-k * dpp)
    if k != n:
        nll -= (n - k) * lq
        terms.append((n - k) * dpq)
    return nll, {"p": exact_sum(terms)}, [k, p, n]


def negative_binomial(yv, eta, fixed, links, pert):
    k = mpf(yv)
    mean, dlog_m = positive_link(links["mean"], eta["mean"], pert.get("mean"))
    r, dlog_r = positive_link(links["size"], eta["size"], pert.get("size"))
    nll = (-mpmath.loggamma(k + r) + mpmath.loggamma(r) + mpmath.loggamma(k + 1)
           + r * mpmath.log1p(mean / r))
    if k != 0:
        nll += k * mpmath.log1p(r / mean)
    g_mean = dlog_m * r * (mean - k) / (r + mean)
    psi_terms = [] if k == 0 else [mpmath.digamma(r), -mpmath.digamma(k + r)]
    g_size = dlog_r * r * exact_sum(psi_terms + [mpmath.log1p(mean / r), (k - mean) / (r + mean)])
    return nll, {"mean": g_mean, "size": g_size}, [k, mean, r]


def focal(yv, eta, fixed, links, pert):
    gamma, alpha = mpf(fixed["gamma"]), mpf(fixed["alpha"])
    p, q, lp, lq, dpp, dpq = probability_terms(links["p"], eta["p"], pert)
    if yv:
        pt, ct, lpt, rt = p, q, lp, dpp  # rt = (d p_t / d eta) / p_t
        at = alpha if alpha >= 0 else mpf(1)
    else:
        pt, ct, lpt, rt = q, p, lq, -dpq
        at = 1 - alpha if alpha >= 0 else mpf(1)
    if gamma == 0:
        nll = -at * lpt
        grad = -at * rt
    else:
        nll = -at * ct ** gamma * lpt
        # d/d eta [-(1 - p_t)^g log p_t] = r_t c_t^(g-1) (g p_t log p_t - c_t): no cancellation
        grad = at * rt * ct ** (gamma - 1) * (gamma * pt * lpt - ct)
    return nll, {"p": grad}, [mpf(1 if yv else 0), p, gamma, abs(alpha)]


# --- UNCERTAIN_BERNOULLI ------------------------------------------------------------------------

UB_WINDOW = 40


def log_sigmoid(t):
    return -softplus(-t)


def _mode(dlog, lo, hi):
    """The root of a decreasing function on [lo, hi] (the integrand's mode), to 25 digits."""
    with mp.workdps(40):
        lo, hi = mpf(lo), mpf(hi)
        assert dlog(lo) >= 0 >= dlog(hi)
        for _ in range(400):
            mid = (lo + hi) / 2
            if dlog(mid) > 0:
                lo = mid
            else:
                hi = mid
            if hi - lo <= mpf(10) ** -25 * max(1, abs(mid)):
                break
        return +((lo + hi) / 2)


def _points(m, u, xneg, dense, with_zero):
    z0 = -xneg / u
    lo, hi = m - UB_WINDOW, m + UB_WINDOW
    pts = {lo, hi, m}
    if dense:
        steps = [mpf(k) / 2 for k in (1, 2, 4, 6, 10, 16, 26, 40, 60)]
        centre = [mpf(0)] + [mpf(2) ** j for j in range(-2, 40)]
    else:
        steps = [mpf(1), mpf(4), mpf(12)]
        centre = [mpf(0), mpf(2), mpf(10), mpf(40)]
    for s in steps:
        pts |= {m - s, m + s}
    for c in centre:
        pts |= {z0 - c / u, z0 + c / u}
    if with_zero:
        pts.add(mpf(0))
    return sorted(z for z in pts if lo <= z <= hi)


def ub_integrals(xneg, u, method):
    """(F, D, G) at x' = xneg <= 0: E[s(x'+uz)], E[s'(x'+uz)], E[s'(x'+uz) z]."""
    root2pi = mpmath.sqrt(2 * mpmath.pi)
    dense = method == "gauss-legendre"
    if xneg == 0:
        f_val = mpf(1) / 2
    else:
        m = _mode(lambda z: u * sigmoid(-(xneg + u * z)) - z, 0, u + 1)
        g_m = log_sigmoid(xneg + u * m) - m * m / 2
        f_int = mpmath.quad(lambda z: mpmath.exp(log_sigmoid(xneg + u * z) - z * z / 2 - g_m),
                            _points(m, u, xneg, dense, False), method=method)
        f_val = mpmath.exp(g_m) * f_int / root2pi

    def log_ds(t):
        return -softplus(-t) - softplus(t)

    m = _mode(lambda z: u * mpmath.tanh(-(xneg + u * z) / 2) - z, 0, u + 1)
    g_m = log_ds(xneg + u * m) - m * m / 2
    pts = _points(m, u, xneg, dense, True)
    d_int = mpmath.quad(lambda z: mpmath.exp(log_ds(xneg + u * z) - z * z / 2 - g_m), pts,
                        method=method)
    d_val = mpmath.exp(g_m) * d_int / root2pi
    if xneg == 0:
        g_val = mpf(0)
    else:
        g_int = mpmath.quad(lambda z: z * mpmath.exp(log_ds(xneg + u * z) - z * z / 2 - g_m), pts,
                            method=method)
        g_val = mpmath.exp(g_m) * g_int / root2pi
    return f_val, d_val, g_val


def ub_checked_integrals(xneg, u):
    """ub_integrals by two quadratures, which must agree to half the working digits."""
    first = ub_integrals(xneg, u, "tanh-sinh")
    second = ub_integrals(xneg, u, "gauss-legendre")
    tol = mpf(10) ** -(mp.dps // 2)
    for name, a, b in zip("FDG", first, second):
        if abs(a - b) > tol * abs(a):
            raise AssertionError(f"quadratures disagree on {name} at x'={xneg}, u={u}: "
                                 f"{mpmath.nstr(a, 30)} vs {mpmath.nstr(b, 30)}")
    return first


UB_QUADRATURE = {"checked": True}


def uncertain_bernoulli(yv, eta, fixed, links, pert):
    u, dlog_u = positive_link(links["uncertainty"], eta["uncertainty"], pert.get("uncertainty"))
    sign = 1 if yv else -1
    x = sign * eta["p"]
    xneg = -abs(x)
    if UB_QUADRATURE["checked"]:
        f_val, d_val, g_val = ub_checked_integrals(xneg, u)
    else:
        f_val, d_val, g_val = ub_integrals(xneg, u, "tanh-sinh")
    if x <= 0:
        prob, nll, f_u = f_val, -mpmath.log(f_val), g_val
    else:
        prob, nll, f_u = 1 - f_val, -mpmath.log1p(-f_val), -g_val
    g_p = -sign * d_val / prob
    g_u = -(f_u / prob) * u * dlog_u
    return nll, {"p": g_p, "uncertainty": g_u}, [mpf(1 if yv else 0), sigmoid(eta["p"]), u]


def ub_probability(eta_p, u):
    """P(y = 1) = E[sigmoid(eta_p + u z)] (for InferenceGroup2Test)."""
    eta_p, u = mpf(eta_p), mpf(u)
    f_val = ub_checked_integrals(-abs(eta_p), u)[0]
    return f_val if eta_p <= 0 else 1 - f_val


FAMILY_FUNCTIONS = {
    "BETA": beta, "VON_MISES": von_mises, "BINOMIAL": binomial,
    "NEGATIVE_BINOMIAL": negative_binomial, "FOCAL": focal,
    "UNCERTAIN_BERNOULLI": uncertain_bernoulli,
}
FOCAL_DEFAULTS = {"gamma": 2, "alpha": -1}
BASE_DPS = {"UNCERTAIN_BERNOULLI": (50, 70)}


# ---------------------------------------------------------------------------------------------
# Evaluating a row


def value_of(rec, row, pname):
    for c, v in zip(rec.comps, row["inputs"]):
        if (pname == "y" and c.role == "y") or c.pname == pname:
            return v
    raise KeyError(pname)


def compute(row, pert=None, override=None):
    """(nll, [grads in record order], [thetas]) as mpf at the current precision."""
    rec = RECORD_BY_NAME[row["record"]]
    etas, fixed, links = {}, {}, {}
    yv = None
    for c, v in zip(rec.comps, row["inputs"]):
        if c.role == "y":
            yv = v
        elif c.role == "known":
            fixed[c.pname] = v
        else:
            etas[c.pname] = mpf(v)
            links[c.pname] = rec.resolved_link(c.pname)
    if rec.family == "FOCAL":
        fixed = {**FOCAL_DEFAULTS, **fixed}
    fixed.update(rec.constants)
    if override:
        etas.update(override)
    nll, grads, thetas = FAMILY_FUNCTIONS[rec.family](yv, etas, fixed, links, pert or {})
    return nll, [grads[c.pname] for c in rec.params()], thetas


def precision(row, base):
    biggest = max([abs(float(v)) for v in row["inputs"] if not isinstance(v, bool)] + [1.0])
    return base + 2 * int(mpmath.log10(biggest) + 1) + 10


def base_dps(row):
    return BASE_DPS.get(RECORD_BY_NAME[row["record"]].family, (200, 260))


def formatted(values):
    nll, grads, thetas = values
    return [to_double(nll), [to_double(g) for g in grads], thetas]


def scale_of(thetas):
    s = 1.0
    for t in thetas:
        d = float(to_double(abs(t)))
        s = max(s, d)
    return s


def tolerance(exact, scale):
    return max(mpf("1e-12") * abs(exact), mpf("1e-14") * scale)


def ill_conditioned(row, exact, scale):
    """The first (intermediate, output) whose rounding moves that output past the tolerance."""
    rec = RECORD_BY_NAME[row["record"]]
    keys = perturbation_keys(rec, row)
    if not keys:
        return None
    base = 30 if rec.family == "UNCERTAIN_BERNOULLI" else 60
    saved = UB_QUADRATURE["checked"]
    UB_QUADRATURE["checked"] = False
    try:
        with mp.workdps(precision(row, base)):
            for key in keys:
                for sign in (1, -1):
                    nll, grads, _ = compute(row, pert={key: 1 + sign * DELTA})
                    for what, got, ref in zip(["nll"] + [f"grad{i + 1}" for i in range(len(grads))],
                                              [nll] + grads, exact):
                        if mpmath.isinf(ref) or abs(ref) > mpf(10) ** 308:
                            continue
                        if abs(got - ref) > SKIP_FRACTION * tolerance(ref, scale):
                            rel = abs(got - ref) / tolerance(ref, scale)
                            return f"{what} moves {mpmath.nstr(rel, 3)} x tolerance under a " \
                                   f"2^-52 rounding of {key}"
    finally:
        UB_QUADRATURE["checked"] = saved
    return None


def check_derivatives(row, exact, cols):
    """Each closed-form gradient against mpmath.diff of the NLL w.r.t. that eta."""
    rec = RECORD_BY_NAME[row["record"]]
    ub = rec.family == "UNCERTAIN_BERNOULLI"
    for i, c in enumerate(rec.params()):
        expected = cols[1][i]
        if expected in ("Infinity", "-Infinity"):
            continue
        at = mpf(value_of(rec, row, c.pname))
        saved = UB_QUADRATURE["checked"]
        UB_QUADRATURE["checked"] = False
        try:
            with mp.workdps(25 if ub else precision(row, base_dps(row)[0])):
                m = max(abs(at), mpf(1))
                h = mpmath.ldexp(m, -mp.prec - 20)

                def fn(t, name=c.pname):
                    return compute(row, override={name: t})[0]

                nll_here = fn(at)
                if mpmath.isinf(nll_here):
                    continue
                numeric = mpmath.diff(fn, at, h=h)
                closed = exact[1][i]
                scale = max(abs(closed), abs(nll_here) / m)
                close = abs(numeric - closed) <= mpf(10) ** (-15 if ub else -40) * scale
        finally:
            UB_QUADRATURE["checked"] = saved
        same = to_double(numeric) == expected or (
            to_double(numeric) in ("0.0", "-0.0") and expected in ("0.0", "-0.0"))
        if not close and not same:
            raise AssertionError(f"grad {c.pname} of {row}: mpmath.diff "
                                 f"{mpmath.nstr(numeric, 25)} vs closed form "
                                 f"{mpmath.nstr(closed, 25)}")


def fmt_value(v, jtype):
    if jtype == "boolean":
        return "true" if v else "false"
    if jtype in ("int", "long"):
        assert v == int(v)
        return str(int(v))
    if v != v:
        raise ValueError("NaN input")
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(float(v))


def evaluate(row):
    """The CSV line of a row, or (None, reason) when it is skipped."""
    rec = RECORD_BY_NAME[row["record"]]
    dps, check_dps = base_dps(row)
    with mp.workdps(precision(row, dps)):
        exact = compute(row)
        cols = formatted(exact)
    with mp.workdps(precision(row, check_dps)):
        again = formatted(compute(row))
    if cols[:2] != again[:2]:
        raise AssertionError(f"precision-dependent result for {row}: {cols[:2]} vs {again[:2]}")
    scale = scale_of(exact[2])
    reason = ill_conditioned(row, [exact[0]] + exact[1], scale)
    if reason:
        return None, reason
    check_derivatives(row, exact, cols)
    inputs = ";".join(fmt_value(v, c.jtype) for c, v in zip(rec.comps, row["inputs"]))
    return ",".join([row["case"], row["record"], inputs, cols[0], ";".join(cols[1]),
                     repr(scale), row["tag"]]), None


# ---------------------------------------------------------------------------------------------
# Row sets


def r4(x):
    return float(f"{x:.4g}")


def r6(x):
    return float(f"{x:.6g}")


class Rows:
    def __init__(self):
        self.rows = []
        self.counters = {}

    def add(self, group, tag, record, *inputs):
        rec = RECORD_BY_NAME[record]
        assert len(inputs) == len(rec.comps), (record, inputs)
        typed = []
        for c, v in zip(rec.comps, inputs):
            if c.jtype == "boolean":
                typed.append(bool(v))
            elif c.jtype in ("int", "long"):
                assert float(v).is_integer(), (record, v)
                iv = int(v)
                assert c.jtype == "long" or -2 ** 31 <= iv < 2 ** 31, (record, v)
                typed.append(iv)
            else:
                typed.append(float(v))
        n = self.counters.get(group, 0) + 1
        self.counters[group] = n
        self.rows.append({"case": f"{group}-{n}", "record": record, "inputs": typed, "tag": tag})


def probability_eta(link, p):
    """A double eta with inverse-link(eta) close to p."""
    p = mpf(p)
    with mp.workdps(50):
        if link == "LOGIT":
            return float(mpmath.log(p / (1 - p)))
        if link == "PROBIT":
            return float(mpmath.sqrt(2) * mpmath.erfinv(2 * p - 1))
        if link == "CLOGLOG":
            return float(mpmath.log(-mpmath.log1p(-p)))
        if link == "LOGLOG":
            return float(-mpmath.log(-mpmath.log(p)))
        if link == "CAUCHIT":
            return float(mpmath.tan(mpmath.pi * (p - mpf(1) / 2)))
    raise ValueError(link)


def softplus_inverse(theta):
    with mp.workdps(50):
        t = mpf(theta)
        return float(t + mpmath.log(-mpmath.expm1(-t)))


EXTREME_PROBABILITY_ETAS = {
    "LOGIT": [-800.0, -40.0, 40.0, 800.0],
    "PROBIT": [-800.0, -38.5, 38.5, 800.0],
    "CLOGLOG": [-800.0, -40.0, 3.6, 800.0],
    "LOGLOG": [-800.0, -3.6, 40.0, 800.0],
    "CAUCHIT": [-1e300, -1e10, -800.0, 800.0, 1e300],
}


# --- BETA -------------------------------------------------------------------------------------


def beta_rows(rng):
    rows = Rows()
    ys = [0.05, 0.2, 0.5, 0.73, 0.95, 0.31, 0.88]
    for rec in beta_records():
        link = rec.resolved_link("mean")
        plink = rec.resolved_link("precision")
        group = f"grid-{rec.name}"
        means = [0.08, 0.25, 0.5, 0.6, 0.85, 0.97]
        precs = [0.4, 1.5, 4.0, 12.0, 60.0]
        n = 14 if plink == "LOG" else 12
        for k in range(n):
            m = means[k % 6] if k < 12 else rng.uniform(0.02, 0.98)
            phi = precs[(k * 2) % 5] if k < 12 else math.exp(rng.uniform(-1.5, 5))
            eta_m = r4(probability_eta(link, m))
            eta_phi = r4(math.log(phi) if plink == "LOG" else softplus_inverse(phi))
            yv = ys[k % 7] if k % 3 else r4(min(max(m + rng.uniform(-0.1, 0.1), 0.01), 0.99))
            rows.add(group, "ordinary", rec.name, yv, eta_m, eta_phi)
        adv = f"extreme-{rec.name}"
        if plink == "SOFTPLUS":
            for eta_phi in [-690.0, -7.0, 1e4, 1e8]:
                for yv in [1e-12, 0.4]:
                    rows.add(adv, "adversarial", rec.name, yv, 0.3, eta_phi)
            continue
        # the mean at the edges of its link: a = precision * p underflows, the NLL is finite
        near_one = 1 - 1e-12
        for eta_m in EXTREME_PROBABILITY_ETAS[link]:
            for yv, eta_phi in [(0.5, 0.0), (1e-12, 2.3), (near_one, -6.9), (0.3, 18.4)]:
                rows.add(adv, "adversarial", rec.name, yv, eta_m, eta_phi)
        # y within 1e-12 of 0 and 1
        for yv in [1e-12, 5e-13, near_one, 1 - 2 ** -40]:
            for eta_m, eta_phi in [(-1.0, 0.5), (1.5, 3.0)] if yv != 5e-13 else [(0.25, -6.9)]:
                rows.add(adv, "adversarial", rec.name, yv, eta_m, eta_phi)
        # precision from 1e-3 to 1e8 (eta = log precision), y at and away from the mean
        for phi in [1e-3, 0.1, 1e4, 1e8]:
            eta_phi = math.log(phi)
            for m, yv in [(0.3, 0.3), (0.7, 0.71), (0.2, 0.9)]:
                rows.add(adv, "adversarial", rec.name, yv, r6(probability_eta(link, m)), eta_phi)
    return rows.rows


# --- VON_MISES --------------------------------------------------------------------------------


def von_mises_rows(rng):
    rows = Rows()
    for rec in von_mises_records():
        klink = rec.resolved_link("kappa")
        group = f"grid-{rec.name}"
        mus = [-2.0, -0.5, 0.0, 1.0, 3.0, 0.3]
        kappas = [0.05, 0.7, 2.0, 8.0, 40.0, 300.0, 1500.0]
        offs = [-2.9, -1.1, -0.2, 0.4, 1.7, 3.1, 0.05]
        for k in range(22 if klink == "LOG" else 10):
            mu = mus[k % 6] if k < 12 else r4(rng.uniform(-4, 4))
            kap = kappas[(k * 3) % 7] if k < 12 else math.exp(rng.uniform(-3, 6))
            eta_k = r4(math.log(kap) if klink == "LOG" else softplus_inverse(kap))
            yv = r6(mu + (offs[k % 7] if k < 12 else rng.uniform(-3.5, 3.5)))
            rows.add(group, "ordinary", rec.name, yv, mu, eta_k)
        adv = f"extreme-{rec.name}"
        pi_d = 3.141592653589793
        if klink == "LOG":
            etas = [-690.0, -300.0, -40.0, 5.0, 20.0, 40.0, 300.0, 690.0]
        else:
            etas = [-690.0, -40.0, 40.0, 1e8, 1e300]
        # kappa from 1e-300 to 1e300; y - mu = 0, tiny, moderate, near pi, beyond pi
        for eta_k in etas:
            for yv in [0.0, 1e-8, 0.5, pi_d, 3.0, -2.5, 2 * pi_d]:
                rows.add(adv, "adversarial", rec.name, yv, 0.0, eta_k)
        # large y: exact y - mu (Sterbenz, or a short mu), at 0, near pi and large
        for yv, mu in [(1e5, 1e5), (1e5, 0.0), (1e5, 1e5 - pi_d), (1e5, 99999.5),
                       (1e5, 1e5 - 1e-6), (-1e5, -1e5 + 3.0), (1e5, 0.25), (1e5 + 0.5, 1e5)]:
            assert Fraction(yv) - Fraction(mu) == Fraction(yv - mu), (yv, mu)
            for eta_k in ([-5.0, 0.0, 3.0, 20.0, 690.0] if klink == "LOG" else [0.0, 1e300]):
                rows.add(adv, "adversarial", rec.name, yv, mu, eta_k)
        if klink == "SOFTPLUS":
            # kappa = 1.7e308: the NLL is finite for small r, beyond the double range at
            # r = 2.5 (+Infinity) while its gradients stay finite
            for yv in [0.0, 1e-200, 0.5, 2.5]:
                rows.add(adv, "adversarial", rec.name, yv, 0.0, 1.7e308)
    return rows.rows


# --- BINOMIAL ---------------------------------------------------------------------------------


def binomial_rows(rng):
    rows = Rows()
    big = 2_000_000_000
    for rec in binomial_records():
        link = rec.resolved_link("p")
        const = rec.constants.get("trials")
        known = const is None
        group = f"grid-{rec.name}"

        def add(group, tag, yv, eta, n):
            if known:
                rows.add(group, tag, rec.name, yv, eta, n)
            else:
                assert n == const
                rows.add(group, tag, rec.name, yv, eta)

        ps = [0.03, 0.2, 0.45, 0.5, 0.7, 0.93]
        ns = [1, 5, 20, 100, 7, 1000] if known else [const] * 6
        for k in range(12 if known else 10):
            n = ns[k % 6]
            p = ps[k % 6] if k < 6 else rng.uniform(0.02, 0.98)
            if n == big:
                continue
            yv = [0, n, round(n * p), min(n, round(n * p) + 1), rng.randint(0, n)][k % 5]
            add(group, "ordinary", yv, r4(probability_eta(link, p)), n)
        if known or const == big:
            nbig = [big]
            adv = f"mode-{rec.name}"
            # counts of 1e9 near the mode: y = n p, eta = link^-1(y/n) + small shifts
            for n in nbig:
                for p in [0.3, 0.5, 0.97] if not known else [0.3, 0.97]:
                    yv = round(n * p)
                    base = probability_eta(link, mpf(yv) / n)
                    for d in [0.0, 1e-9, -1e-6, 1e-3]:
                        add(adv, "adversarial", yv, base + d, n)
            # a tiny p with n p ~ 10 (Poisson regime)
            for n in nbig:
                base = probability_eta(link, 10 / n)
                for yv in [0, 10, 25]:
                    add(adv, "adversarial", yv, base, n)
        adv = f"extreme-{rec.name}"
        ns = [1, 20, big] if known else [const]
        for n in ns:
            for eta in EXTREME_PROBABILITY_ETAS[link]:
                for yv in [0, n] + ([1] if n == 20 else []):
                    add(adv, "adversarial", yv, eta, n)
    return rows.rows


# --- NEGATIVE_BINOMIAL ------------------------------------------------------------------------


def negative_binomial_rows(rng):
    rows = Rows()
    for rec in negative_binomial_records():
        mlink, slink = rec.resolved_link("mean"), rec.resolved_link("size")
        first_size = rec.comps[0].pname == "size"

        def add(group, tag, yv, eta_m, eta_s):
            if first_size:
                rows.add(group, tag, rec.name, eta_s, yv, eta_m)
            else:
                rows.add(group, tag, rec.name, yv, eta_m, eta_s)

        def eta_of(link, theta):
            return math.log(theta) if link == "LOG" else softplus_inverse(theta)

        group = f"grid-{rec.name}"
        means = [0.3, 2.0, 7.5, 40.0, 1.1, 150.0]
        sizes = [0.5, 2.0, 10.0, 100.0, 0.05]
        for k in range(18):
            mean = means[k % 6] if k < 10 else math.exp(rng.uniform(-2, 6))
            size = sizes[(k * 2) % 5] if k < 10 else math.exp(rng.uniform(-3, 6))
            yv = [0, 1, round(mean), round(mean * 1.7) + 2, rng.randint(0, 60)][k % 5]
            add(group, "ordinary", yv, r4(eta_of(mlink, mean)), r4(eta_of(slink, size)))
        adv = f"extreme-{rec.name}"
        long_y = rec.comps[0 if not first_size else 1].jtype == "long"
        # counts of 1e9 near the mode (long y), and 2^31 - 1 for the int ones
        count = 1e9 if long_y else 2147483647
        base = eta_of(mlink, count)
        shifts = [0.0, 1e-9, -1e-9, 1e-6, -1e-3] if mlink == "LOG" else [0.0]
        for d in shifts:
            for size in [1e-3, 1.0, 1e3, 1e10]:
                add(adv, "adversarial", count, base + d, eta_of(slink, size))
        # size from 1e-3 to 1e10 at everyday means: the Poisson limit
        for size in [1e-3, 1e6, 1e10]:
            for mean, yv in [(3.0, 0), (3.0, 5), (40.0, 40), (0.2, 1)]:
                add(adv, "adversarial", yv, r6(eta_of(mlink, mean)), eta_of(slink, size))
        # y = 0 (and small) with a huge mean, and with a tiny one
        big_etas = [300.0, 700.0] if mlink == "LOG" else [1e10, 1e300]
        for eta_m in big_etas + ([-700.0] if mlink == "LOG" else [-700.0]):
            for size in [1e-3, 1.0, 1e10]:
                for yv in [0, 3]:
                    add(adv, "adversarial", yv, eta_m, eta_of(slink, size))
    return rows.rows


# --- FOCAL --------------------------------------------------------------------------------------


def focal_rows(rng):
    rows = Rows()
    for rec in focal_records():
        group = f"grid-{rec.name}"
        for eta in [-5.0, -2.5, -0.75, 0.0, 0.3, 1.25, 4.0]:
            for yv in [0, 1]:
                rows.add(group, "ordinary", rec.name, yv, eta)
        for _ in range(4):
            rows.add(group, "ordinary", rec.name, rng.randint(0, 1), r4(rng.uniform(-6, 6)))
        adv = f"extreme-{rec.name}"
        huge = 1e150 if rec.resolved_link("p") == "PROBIT" else 1e300  # erfc(1e300) is out of reach
        for eta in [-800.0, -745.5, -40.0, -30.0, 30.0, 40.0, 710.0, 800.0, -huge, huge]:
            for yv in [0, 1]:
                rows.add(adv, "adversarial", rec.name, yv, eta)
    return rows.rows


# --- UNCERTAIN_BERNOULLI ------------------------------------------------------------------------


def uncertain_bernoulli_rows(rng):
    rows = Rows()
    for rec in uncertain_bernoulli_records():
        ulink = rec.resolved_link("uncertainty")

        def eta_u(u):
            return math.log(u) if ulink == "LOG" else softplus_inverse(u)

        group = f"grid-{rec.name}"
        etas = [-4.0, -1.5, -0.3, 0.0, 0.8, 2.5]
        us = [0.1, 0.5, 1.0, 2.5, 6.0]
        n = 16 if rec.name == "UncertainBernoulli" else 6
        for k in range(n):
            e = etas[k % 6] if k < 12 else r4(rng.uniform(-5, 5))
            u = us[(k * 2) % 5] if k < 12 else math.exp(rng.uniform(-2, 2))
            rows.add(group, "ordinary", rec.name, k % 2, e, r4(eta_u(u)))
        adv = f"extreme-{rec.name}"
        if rec.name != "UncertainBernoulli":
            for e, u in [(-800.0, 1e-8), (-30.0, 20.0), (30.0, 1e4), (5.0, 1e-3)]:
                for yv in [0, 1]:
                    rows.add(adv, "adversarial", rec.name, yv, e, eta_u(u))
            continue
        for e in [-800.0, -30.0, 0.0, 30.0, 800.0]:
            for u in [1e-8, 1e-3, 1.0, 20.0, 1e4]:
                for yv in [0, 1]:
                    rows.add(adv, "adversarial", rec.name, yv, e, eta_u(u))
        # corners: eta_p = -800 with small u, eta_p = -30 with u = 20, u -> 0
        for e, u in [(-800.0, 0.1), (-800.0, 3.0), (-30.0, 19.0), (-30.0, 21.0), (-3.0, 1e-8),
                     (2.0, 1e-6), (-10.0, 200.0), (12.0, 6.0)]:
            for yv in [0, 1]:
                rows.add(adv, "adversarial", rec.name, yv, e, eta_u(u))
    return rows.rows


BUILDERS = {
    "beta": beta_rows, "von_mises": von_mises_rows, "binomial": binomial_rows,
    "negative_binomial": negative_binomial_rows, "focal": focal_rows,
    "uncertain_bernoulli": uncertain_bernoulli_rows,
}


# ---------------------------------------------------------------------------------------------


def self_test():
    """The von Mises series against mpmath.besseli where both are right."""
    with mp.workdps(230):
        for kappa in [mpf(600), mpf(1000), mpf(12345.5), mpf(10) ** 5]:
            series = bessel_scaled(kappa)
            i0, i1 = mpmath.besseli(0, kappa), mpmath.besseli(1, kappa)
            direct = (mpmath.log(i0) - kappa, (i1 - i0) / i0)
            for a, b in zip(series, direct):
                if abs(a - b) > mpf(10) ** -200 * abs(b):
                    raise AssertionError(f"von Mises series at {kappa}: {a} vs {b}")


def generate(family, rows):
    lines = [HEADER]
    skipped = []
    seen = set()
    for row in rows:
        rec = RECORD_BY_NAME[row["record"]]
        key = (row["record"], tuple(fmt_value(v, c.jtype) for c, v in zip(rec.comps, row["inputs"])))
        if key in seen:
            continue
        seen.add(key)
        line, reason = evaluate(row)
        if line is None:
            skipped.append(f"{row['case']} [{row['record']}] {';'.join(key[1])}: {reason}")
            continue
        lines.append(line)
    return lines, skipped


def run_family(args):
    family, out = args
    rows = BUILDERS[family](random.Random(f"{SEED}-{family}"))
    lines, skipped = generate(family, rows)
    path = os.path.join(out, f"{family}.csv")
    with open(path, "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    tags = {}
    for line in lines[1:]:
        tag = line.rsplit(",", 1)[1]
        tags[tag] = tags.get(tag, 0) + 1
    return path, len(lines) - 1, tags, skipped


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(here, "..", "..", "samples", "src", "test", "resources",
                               "reference", "families")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=default_out, help="output directory")
    parser.add_argument("--only", action="append", choices=sorted(BUILDERS), help="one family")
    parser.add_argument("--jobs", type=int, default=1, help="families in parallel")
    parser.add_argument("--java", action="store_true", help="print the record declarations")
    parser.add_argument("--inference", action="store_true",
                        help="print UNCERTAIN_BERNOULLI P(y = 1) for InferenceGroup2Test")
    args = parser.parse_args()
    if args.java:
        for family, recs in RECORDS.items():
            print(f"// {family}")
            for rec in recs:
                print(rec.java())
        return
    if args.inference:
        for link in ["SOFTPLUS", "LOG"]:
            for eta_p, eta_u in [(0.0, 0.0), (1.5, -1.0), (-2.0, 1.0), (4.0, 2.5), (-0.5, -8.0),
                                 (30.0, 3.0), (-12.0, 2.0)]:
                with mp.workdps(60):
                    u = positive_link(link, mpf(eta_u))[0]
                    p = to_double(ub_probability(eta_p, u))
                print(f"{link} eta_p {eta_p!r}, eta_u {eta_u!r}: P(y = 1) = {p}")
        return
    self_test()
    os.makedirs(args.out, exist_ok=True)
    families = args.only or list(BUILDERS)
    jobs = [(f, args.out) for f in families]
    if args.jobs > 1:
        import multiprocessing
        with multiprocessing.Pool(args.jobs) as pool:
            results = pool.map(run_family, jobs, chunksize=1)
    else:
        results = map(run_family, jobs)
    for path, count, tags, skipped in results:
        print(f"{os.path.normpath(path)}: {count} rows {tags}", file=sys.stderr)
        for s in skipped:
            print(f"  skipped {s}", file=sys.stderr)


if __name__ == "__main__":
    main()
