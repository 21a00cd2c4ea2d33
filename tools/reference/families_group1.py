#!/usr/bin/env python3
"""High-precision reference vectors for LAPLACE, STUDENT_T, LOG_NORMAL, EXPONENTIAL, GAMMA,
INVERSE_GAUSSIAN, HUBER, LOG_COSH and HINGE.

Writes samples/src/test/resources/reference/families/<family>.csv in the format that
FamilyVectorTest reads:

    case,record,inputs,nll,grads,scale,tag

`record` names a record of dev.likelihood.samples.families (declared in <Family>Records.java);
`inputs` are its annotated components in record order, `;`-separated (a @Param component holds
eta, a @Known one the natural value, booleans are true/false); `nll` is the exact full NLL and
`grads` the exact d NLL / d eta of every @Param component in record order, each rounded once to
the nearest double; `scale` is S = max(1, |y|, |theta| of every natural parameter, constants and
defaults included), the scale of SPEC's absolute tolerance 1e-14 S; `tag` is ordinary or
adversarial. Values beyond the double range are written Infinity / -Infinity. Where eta lies
outside the valid region of a link that can leave a positive parameter's domain (IDENTITY,
INVERSE, INVERSE_SQUARED with eta <= 0) the NLL is Infinity and `grads` is empty; `grads` is
also empty wherever one of the exact gradients lies beyond the double range.

The rigour is that of families.py (which this script imports its rounding helpers from):

- inputs are Python floats, i.e. exact doubles, converted to mpmath exactly;
- every row is computed at 200 and at 260 significant digits (plus twice the decimal exponent
  of the largest input) and must round to the same doubles;
- every finite gradient is compared with mpmath.diff of the NLL (except exactly at a kink, where
  SPEC fixes the value: LAPLACE at y = mu, HINGE at the margin);
- the closed forms avoid cancellation to zero (1 - z^2 as (sigma - |r|)(sigma + |r|)/sigma^2,
  m - y rather than 1 - y/m), so an exact zero is written as 0.0, not as working-precision noise;
- each density's formula is checked once per run by quadrature (it integrates to 1, its mean is
  the inference formula's, the mode formula is a stationary point).

A row is left out, and listed on stderr, when its exact value hinges on the last bit of a
rounding no double implementation can avoid: each inexact natural parameter (theta = exp(eta),
softplus(eta), 1/eta, 1/sqrt(eta)), the residual y - mu, and for LOG_NORMAL log y, are perturbed
by a relative 2^-52 (one or two ulps) and the row is dropped if the NLL or a gradient then moves
by more than a quarter of SPEC's tolerance max(1e-12 |exact|, 1e-14 S).

numpy and scipy are deliberately not used.

    python3 tools/reference/families_group1.py              # writes the nine CSVs
    python3 tools/reference/families_group1.py --out DIR    # writes them into DIR instead
    python3 tools/reference/families_group1.py --records DIR  # also writes <Family>Records.java.pending
"""

import argparse
import math
import os
import random
import sys
from collections import namedtuple

import mpmath
from mpmath import mp, mpf

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from families import fmt_input, r4, r6, sigmoid, softplus, to_double  # noqa: E402

DPS = 200
CHECK_DPS = 260
SEED = 20260202
DELTA = mpf(2) ** -52  # the relative perturbation of an unavoidable rounding
HEADER = "case,record,inputs,nll,grads,scale,tag"
# Where the two precisions disagree (a cancellation deeper than the inputs' exponents, such as
# lambda (y - m)^2 / (2 m^2 y) - 1/2 at m = 1e300, y = 1) both are raised by these many digits
# until they agree.
EXTRA_DIGITS = [0, 400, 1200]

# GLM links whose image can leave (0, inf): on a positive parameter eta must be > 0.
RESTRICTED_ON_POSITIVE = {"IDENTITY", "INVERSE", "INVERSE_SQUARED", "SQRT"}


class Invalid(Exception):
    """eta outside the valid region of a restricted link: the NLL is +Infinity, no gradient."""


# ---------------------------------------------------------------------------------------------
# Records: what the CSV's `record` column names, and what <Family>Records.java.pending declares.

Comp = namedtuple("Comp", "role name link jtype field java")
Record = namedtuple("Record", "name family comps constants link suppress doc")


def response(jtype="double", field="y"):
    return Comp("y", None, None, jtype, field, f"@Response {jtype} {field}")


def param(name, link, field, explicit_link=False, primary=False):
    args = []
    if not primary:
        args.append(f'value = "{name}"' if explicit_link else f'"{name}"')
    if explicit_link:
        args.append(f"link = Link.{link}")
    ann = "@Param" + (f"({', '.join(args)})" if args else "")
    return Comp("param", name, link, "double", field, f"{ann} double {field}")


def known(name, field):
    return Comp("known", name, None, "double", field, f'@Known("{name}") double {field}')


def record(name, family, comps, constants=None, link=None, suppress=False, doc=""):
    return Record(name, family, comps, constants or {}, link, suppress, doc)


Y = response()
RECORDS = [
    # LAPLACE
    record("LaplaceLogScale", "LAPLACE",
           [Y, param("mu", "IDENTITY", "mu", primary=True),
            param("scale", "LOG", "scale", explicit_link=True)],
           doc="LAPLACE, mu through IDENTITY, scale through LOG (the defaults)."),
    record("LaplaceSoftplusScale", "LAPLACE",
           [Y, param("mu", "IDENTITY", "mu", primary=True),
            param("scale", "SOFTPLUS", "scale", explicit_link=True)],
           doc="LAPLACE, scale through SOFTPLUS."),
    record("LaplaceIdentityScale", "LAPLACE",
           [Y, param("mu", "IDENTITY", "mu", primary=True),
            param("scale", "IDENTITY", "scale", explicit_link=True)],
           suppress=True,
           doc="LAPLACE, scale through IDENTITY: eta <= 0 gives +Infinity."),
    record("LaplaceDefaultScale", "LAPLACE",
           [Y, param("mu", "IDENTITY", "mu", primary=True)],
           doc="LAPLACE with the default scale 1."),
    record("LaplaceLogMu", "LAPLACE",
           [Y, param("mu", "LOG", "mu", primary=True), param("scale", "LOG", "scale")],
           link="LOG",
           doc="LAPLACE, mu through LOG (named on @Likelihood), scale through LOG."),
    record("LaplaceSoftplusMu", "LAPLACE",
           [Y, param("mu", "SOFTPLUS", "mu", explicit_link=True, primary=True),
            param("scale", "LOG", "scale")],
           doc="LAPLACE, mu through SOFTPLUS (named on @Param), scale through LOG."),
    # STUDENT_T
    record("StudentTNuParam", "STUDENT_T",
           [Y, param("mu", "IDENTITY", "mu", primary=True), param("sigma", "LOG", "sigma"),
            param("nu", "LOG", "nu")],
           doc="STUDENT_T, sigma and nu parameters through LOG (the defaults)."),
    record("StudentTNu4", "STUDENT_T",
           [Y, param("mu", "IDENTITY", "mu", primary=True), param("sigma", "LOG", "sigma")],
           constants={"nu": 4.0}, doc="STUDENT_T with nu = 4 baked in."),
    record("StudentTNu1e6", "STUDENT_T",
           [Y, param("mu", "IDENTITY", "mu", primary=True), param("sigma", "LOG", "sigma")],
           constants={"nu": 1e6}, doc="STUDENT_T with nu = 1e6 baked in (nearly NORMAL)."),
    record("StudentTCauchy", "STUDENT_T",
           [Y, param("mu", "IDENTITY", "mu", primary=True), param("sigma", "LOG", "sigma")],
           constants={"nu": 1.0}, doc="STUDENT_T with nu = 1 (Cauchy): no mean."),
    record("StudentTSoftplus", "STUDENT_T",
           [Y, param("mu", "IDENTITY", "mu", primary=True),
            param("sigma", "SOFTPLUS", "sigma", explicit_link=True),
            param("nu", "SOFTPLUS", "nu", explicit_link=True)],
           doc="STUDENT_T, sigma and nu through SOFTPLUS."),
    record("StudentTKnownSigma", "STUDENT_T",
           [Y, param("mu", "IDENTITY", "mu", primary=True), known("sigma", "sigma"),
            param("nu", "LOG", "nu")],
           doc="STUDENT_T, sigma known per sample, nu a parameter through LOG."),
    record("StudentTNu4DefaultSigma", "STUDENT_T",
           [Y, param("mu", "IDENTITY", "mu", primary=True)],
           constants={"nu": 4.0}, doc="STUDENT_T with nu = 4 and the default sigma 1."),
    # LOG_NORMAL
    record("LogNormalLogSigma", "LOG_NORMAL",
           [Y, param("mu", "IDENTITY", "mu", primary=True), param("sigma", "LOG", "sigma")],
           doc="LOG_NORMAL, sigma through LOG (the default)."),
    record("LogNormalSoftplusSigma", "LOG_NORMAL",
           [Y, param("mu", "IDENTITY", "mu", primary=True),
            param("sigma", "SOFTPLUS", "sigma", explicit_link=True)],
           doc="LOG_NORMAL, sigma through SOFTPLUS."),
    record("LogNormalDefaultSigma", "LOG_NORMAL",
           [Y, param("mu", "IDENTITY", "mu", primary=True)],
           doc="LOG_NORMAL with the default sigma 1."),
    record("LogNormalKnownSigma", "LOG_NORMAL",
           [Y, param("mu", "IDENTITY", "mu", primary=True), known("sigma", "sigma")],
           doc="LOG_NORMAL, sigma known per sample."),
    # EXPONENTIAL
    record("ExponentialLog", "EXPONENTIAL",
           [Y, param("rate", "LOG", "rate", primary=True)],
           doc="EXPONENTIAL, rate through LOG (the default)."),
    record("ExponentialSoftplus", "EXPONENTIAL",
           [Y, param("rate", "SOFTPLUS", "rate", primary=True)], link="SOFTPLUS",
           doc="EXPONENTIAL, rate through SOFTPLUS (named on @Likelihood)."),
    # GAMMA
    record("GammaLog", "GAMMA",
           [Y, param("mean", "LOG", "mean", primary=True), param("shape", "LOG", "shape")],
           doc="GAMMA, mean and shape through LOG (the defaults)."),
    record("GammaSoftplus", "GAMMA",
           [Y, param("mean", "SOFTPLUS", "mean", explicit_link=True, primary=True),
            param("shape", "SOFTPLUS", "shape", explicit_link=True)],
           doc="GAMMA, mean and shape through SOFTPLUS."),
    record("GammaIdentityMean", "GAMMA",
           [Y, param("mean", "IDENTITY", "mean", explicit_link=True, primary=True),
            param("shape", "LOG", "shape")],
           suppress=True, doc="GAMMA, mean through IDENTITY: eta <= 0 gives +Infinity."),
    record("GammaInverseMean", "GAMMA",
           [Y, param("mean", "INVERSE", "mean", explicit_link=True, primary=True),
            param("shape", "LOG", "shape")],
           suppress=True,
           doc="GAMMA, mean through INVERSE (the canonical GLM link): eta <= 0 gives +Infinity."),
    record("GammaShape3", "GAMMA",
           [Y, param("mean", "LOG", "mean", primary=True)],
           constants={"shape": 3.0}, doc="GAMMA with shape = 3 baked in."),
    # INVERSE_GAUSSIAN
    record("InverseGaussianLog", "INVERSE_GAUSSIAN",
           [Y, param("mean", "LOG", "mean", primary=True), param("shape", "LOG", "shape")],
           doc="INVERSE_GAUSSIAN, mean and shape through LOG (the defaults)."),
    record("InverseGaussianSoftplus", "INVERSE_GAUSSIAN",
           [Y, param("mean", "SOFTPLUS", "mean", explicit_link=True, primary=True),
            param("shape", "SOFTPLUS", "shape", explicit_link=True)],
           doc="INVERSE_GAUSSIAN, mean and shape through SOFTPLUS."),
    record("InverseGaussianInverseSquaredMean", "INVERSE_GAUSSIAN",
           [Y, param("mean", "INVERSE_SQUARED", "mean", explicit_link=True, primary=True),
            param("shape", "LOG", "shape")],
           suppress=True,
           doc="INVERSE_GAUSSIAN, mean through INVERSE_SQUARED (the canonical GLM link 1/mu^2):"
               " eta <= 0 gives +Infinity."),
    # HUBER
    record("HuberDefaultDelta", "HUBER", [Y, param("mu", "IDENTITY", "mu", primary=True)],
           doc="HUBER with the default delta = 1."),
    record("HuberDelta05", "HUBER", [Y, param("mu", "IDENTITY", "mu", primary=True)],
           constants={"delta": 0.5}, doc="HUBER with delta = 0.5."),
    record("HuberDelta3", "HUBER", [Y, param("mu", "IDENTITY", "mu", primary=True)],
           constants={"delta": 3.0}, doc="HUBER with delta = 3."),
    # LOG_COSH
    record("LogCosh", "LOG_COSH", [Y, param("mu", "IDENTITY", "mu", primary=True)],
           doc="LOG_COSH, mu through IDENTITY."),
    # HINGE
    record("HingeBoolean", "HINGE",
           [response("boolean"), param("score", "IDENTITY", "score", primary=True)],
           doc="HINGE with a boolean label (true means +1)."),
    record("HingeInt", "HINGE",
           [response("int"), param("score", "IDENTITY", "score", primary=True)],
           doc="HINGE with an int label in {-1, +1}."),
]
BY_NAME = {r.name: r for r in RECORDS}


# ---------------------------------------------------------------------------------------------
# Natural parameters


class Par:
    """One natural parameter: theta and the derived quantities the families use.

    `log` is log theta, `inv` 1/theta, `dtheta` d theta / d eta and `dlog` d log theta / d eta,
    each in a closed form of eta where that is exact (LOG: log theta = eta, 1/theta = exp(-eta);
    INVERSE: 1/theta = eta) so that an exact result is not blurred by an irrational detour.
    """

    def __init__(self, theta, log=None, inv=None, dtheta=None, dlog=None, link=None):
        self.theta = theta
        self.log = log if log is not None else (mpmath.log(theta) if theta > 0 else None)
        self.inv = inv if inv is not None else (1 / theta if theta != 0 else None)
        self.dtheta = dtheta
        self.dlog = dlog
        self.link = link


def fixed_par(value):
    return Par(mpf(value))


def is_double(v):
    try:
        return mpf(float(v)) == v
    except (OverflowError, ValueError):
        return False


def link_par(link, eta, positive, factor):
    """The parameter inverse-link(eta); `factor` (1 or 1 +- 2^-52) models the rounding of an
    inexact theta (it is ignored where theta is an exact double)."""
    if positive and link in RESTRICTED_ON_POSITIVE and not eta > 0:
        raise Invalid()
    if link == "IDENTITY":
        return Par(eta, dtheta=mpf(1), dlog=(1 / eta if eta != 0 else None), link=link)
    if link == "LOG":
        t = mpmath.exp(eta)
        if factor != 1 and not is_double(t):
            t = t * factor
            return Par(t, log=eta, inv=1 / t, dtheta=t, dlog=mpf(1), link=link)
        return Par(t, log=eta, inv=mpmath.exp(-eta), dtheta=t, dlog=mpf(1), link=link)
    if link == "SOFTPLUS":
        t = softplus(eta)
        t = t * factor  # softplus(eta) is never a double
        d = sigmoid(eta)
        return Par(t, dtheta=d, dlog=d / t, link=link)
    if link == "INVERSE":
        if eta == 0:
            raise Invalid()
        t = 1 / eta
        if factor != 1 and not is_double(t):
            t = t * factor
            return Par(t, inv=1 / t, dtheta=-t * t, dlog=-1 / eta, link=link)
        return Par(t, log=(-mpmath.log(eta) if eta > 0 else None), inv=eta,
                   dtheta=-1 / (eta * eta), dlog=-1 / eta, link=link)
    if link == "INVERSE_SQUARED":
        if not eta > 0:
            raise Invalid()
        s = mpmath.sqrt(eta)
        t = 1 / s
        if factor != 1 and not is_double(t):
            t = t * factor
            return Par(t, inv=1 / t, dtheta=-t / (2 * eta), dlog=-1 / (2 * eta), link=link)
        return Par(t, log=-mpmath.log(eta) / 2, inv=s, dtheta=-1 / (2 * eta * s),
                   dlog=-1 / (2 * eta), link=link)
    raise ValueError(link)


def factor_of(pert, key):
    if pert is not None and pert[0] == key:
        return 1 + pert[1] * DELTA
    return 1


def gmul(a, b):
    """a * b where an exact zero stays zero whatever b is."""
    return mpf(0) if a == 0 else a * b


# ---------------------------------------------------------------------------------------------
# Families. Each takes (y, p, pert) with p the natural parameters by name and returns
# (nll, grads, steps, kinks): grads d NLL / d eta of the @Param parameters by name; steps an
# upper bound for the mpmath.diff step in eta (the distance to a kink); kinks the parameters
# whose gradient sits exactly on a kink (no numerical check there).


def laplace(y, p, pert):
    mu, b = p["mu"], p["scale"]
    r = (y - mu.theta) * factor_of(pert, "r")
    a = abs(r)
    nll = mpmath.log(2) + b.log + a * b.inv
    grads, steps, kinks = {}, {}, set()
    if mu.dtheta is not None:
        if r == 0:
            grads["mu"] = mpf(0)
            kinks.add("mu")
        else:
            grads["mu"] = -mpmath.sign(r) * b.inv * mu.dtheta
            steps["mu"] = a / abs(mu.dtheta) / 4
    if b.dlog is not None:
        grads["scale"] = gmul(b.theta - a, b.inv * b.dlog)
    return nll, grads, steps, kinks


def student_t(y, p, pert):
    mu, s, nu_p = p["mu"], p["sigma"], p["nu"]
    nu = nu_p.theta
    r = (y - mu.theta) * factor_of(pert, "r")
    inv2 = s.inv * s.inv
    z2 = r * r * inv2
    q = z2 / nu
    nll = (-mpmath.loggamma((nu + 1) / 2) + mpmath.loggamma(nu / 2)
           + (nu_p.log + mpmath.log(mpmath.pi)) / 2 + s.log + (nu + 1) / 2 * mpmath.log1p(q))
    grads = {}
    if mu.dtheta is not None:
        grads["mu"] = gmul(r, -(nu + 1) * inv2 / (nu + z2) * mu.dtheta)
    if s.dlog is not None:
        a = abs(r)
        # d NLL / d log sigma = nu (1 - z^2) / (nu + z^2)
        grads["sigma"] = gmul(s.theta - a, (s.theta + a) * inv2 * nu / (nu + z2) * s.dlog)
    if nu_p.dtheta is not None:
        d = (mpmath.digamma(nu / 2) - mpmath.digamma((nu + 1) / 2) + 1 / nu
             + mpmath.log1p(q) - (nu + 1) * q / (nu + z2))
        grads["nu"] = d / 2 * nu_p.dtheta
    # the NLL varies in mu on the scale sigma min(1, sqrt(nu)): the diff step must be below it
    steps = {"mu": s.theta * min(1, mpmath.sqrt(nu)) / abs(mu.dtheta)}
    return nll, grads, steps, set()


def log_normal(y, p, pert):
    mu, s = p["mu"], p["sigma"]
    ly = mpmath.log(y) * factor_of(pert, "logy")
    r = (ly - mu.theta) * factor_of(pert, "r")
    inv2 = s.inv * s.inv
    z2 = r * r * inv2
    nll = ly + s.log + mpmath.log(2 * mpmath.pi) / 2 + z2 / 2
    grads = {}
    if mu.dtheta is not None:
        grads["mu"] = gmul(r, -inv2 * mu.dtheta)
    if s.dlog is not None:
        a = abs(r)
        grads["sigma"] = gmul(s.theta - a, (s.theta + a) * inv2 * s.dlog)
    return nll, grads, {}, set()


def exponential(y, p, pert):
    lam = p["rate"]
    nll = lam.theta * y - lam.log
    # d NLL / d rate = y - 1/rate
    grads = {} if lam.dlog is None else {"rate": (lam.theta * y - 1) * lam.dlog}
    return nll, grads, {}, set()


def gamma(y, p, pert):
    m, kp = p["mean"], p["shape"]
    k = kp.theta
    ymf = (y - m.theta) * factor_of(pert, "r")
    ratio = y * m.inv  # y / mean
    nll = (mpmath.loggamma(k) - k * kp.log + k * m.log - (k - 1) * mpmath.log(y)
           + k * ratio)
    grads = {}
    if m.dlog is not None:
        # d NLL / d log mean = k (1 - y/mean) = k (mean - y) / mean
        grads["mean"] = gmul(ymf, -k * m.inv * m.dlog)
    if kp.dtheta is not None:
        # d NLL / d k = psi(k) - log k + (y/m - 1 - log(y/m))
        d = mpmath.digamma(k) - kp.log + (ratio - 1 - mpmath.log(ratio))
        grads["shape"] = d * kp.dtheta
    return nll, grads, {}, set()


def inverse_gaussian(y, p, pert):
    m, lp = p["mean"], p["shape"]
    lam = lp.theta
    d = (y - m.theta) * factor_of(pert, "r")
    w = d * d * m.inv * m.inv / (2 * y)  # (y - m)^2 / (2 m^2 y)
    nll = (mpmath.log(2 * mpmath.pi) + 3 * mpmath.log(y) - lp.log) / 2 + lam * w
    grads = {}
    if m.dlog is not None:
        # d NLL / d log m = -lambda (y - m) / m^2
        grads["mean"] = gmul(d, -lam * m.inv * m.inv * m.dlog)
    if lp.dlog is not None:
        # d NLL / d log lambda = lambda w - 1/2
        grads["shape"] = (lam * w - mpf(1) / 2) * lp.dlog
    return nll, grads, {}, set()


def huber_log_z(delta):
    return mpmath.log(mpmath.sqrt(2 * mpmath.pi) * mpmath.erf(delta / mpmath.sqrt(2))
                      + 2 * mpmath.exp(-delta * delta / 2) / delta)


def huber(y, p, pert):
    mu, delta = p["mu"], p["delta"].theta
    r = (y - mu.theta) * factor_of(pert, "r")
    a = abs(r)
    if a <= delta:
        rho, psi = r * r / 2, r
    else:
        rho, psi = delta * (a - delta / 2), delta * mpmath.sign(r)
    nll = rho + huber_log_z(delta)
    return nll, {"mu": gmul(psi, -mu.dtheta)}, {}, set()


def log_cosh(y, p, pert):
    mu = p["mu"]
    r = (y - mu.theta) * factor_of(pert, "r")
    a = abs(r)
    tail = mpmath.log1p(mpmath.exp(-2 * a)) if a < 10 ** 7 else mpf(0)  # < 10^-8000000
    nll = a + tail - mpmath.log(2) + mpmath.log(mpmath.pi)
    if r == 0:
        t = mpf(0)
    elif a < 10 ** 7:
        t = mpmath.tanh(r)
    else:
        t = mpmath.sign(r) * (1 - 2 * mpmath.exp(-mpf(10) ** 7))  # rounds to +-1 anyway
    return nll, {"mu": gmul(t, -mu.dtheta)}, {}, set()


def hinge(y, p, pert):
    score = p["score"].theta
    s = 1 if y > 0 else -1
    margin = 1 - s * score
    if margin > 0:
        return margin, {"score": mpf(-s)}, {"score": margin / 4}, set()
    kinks = {"score"} if margin == 0 else set()
    steps = {"score": -margin / 4} if margin < 0 else {}
    return mpf(0), {"score": mpf(0)}, steps, kinks


Fam = namedtuple("Fam", "fn params positive defaults file perturb")
FAMILIES = {
    "LAPLACE": Fam(laplace, ["mu", "scale"], {"scale"}, {"scale": 1.0}, "laplace", ["r"]),
    "STUDENT_T": Fam(student_t, ["mu", "sigma", "nu"], {"sigma", "nu"}, {"sigma": 1.0},
                     "student_t", ["r"]),
    "LOG_NORMAL": Fam(log_normal, ["mu", "sigma"], {"sigma"}, {"sigma": 1.0}, "log_normal",
                      ["logy", "r"]),
    "EXPONENTIAL": Fam(exponential, ["rate"], {"rate"}, {}, "exponential", []),
    "GAMMA": Fam(gamma, ["mean", "shape"], {"mean", "shape"}, {}, "gamma", ["r"]),
    "INVERSE_GAUSSIAN": Fam(inverse_gaussian, ["mean", "shape"], {"mean", "shape"}, {},
                            "inverse_gaussian", ["r"]),
    "HUBER": Fam(huber, ["mu", "delta"], {"delta"}, {"delta": 1.0}, "huber", ["r"]),
    "LOG_COSH": Fam(log_cosh, ["mu"], set(), {}, "log_cosh", ["r"]),
    "HINGE": Fam(hinge, ["score"], set(), {}, "hinge", []),
}


# ---------------------------------------------------------------------------------------------
# Evaluation of one row


def response_value(comp, v):
    if comp.jtype == "boolean":
        return mpf(1) if v else mpf(-1)
    return mpf(v)


def build(rec, values, pert=None, override=None):
    """(y, params, inexact names) for a row; override = (component index, eta as mpf)."""
    fam = FAMILIES[rec.family]
    p, inexact, y = {}, [], None
    for i, (comp, v) in enumerate(zip(rec.comps, values)):
        if comp.role == "y":
            y = response_value(comp, v)
        elif comp.role == "known":
            p[comp.name] = fixed_par(v)
        else:
            eta = override[1] if override is not None and override[0] == i else mpf(v)
            par = link_par(comp.link, eta, comp.name in fam.positive,
                           factor_of(pert, comp.name))
            p[comp.name] = par
            if comp.link != "IDENTITY" and not is_double(par.theta):
                inexact.append(comp.name)
    for name, v in rec.constants.items():
        p[name] = fixed_par(v)
    for name in fam.params:
        if name not in p:
            p[name] = fixed_par(fam.defaults[name])
    return y, p, inexact


def param_names(rec):
    return [c.name for c in rec.comps if c.role == "param"]


def raw(rec, values, pert=None, override=None):
    y, p, inexact = build(rec, values, pert, override)
    nll, grads, steps, kinks = FAMILIES[rec.family].fn(y, p, pert)
    return nll, [grads[n] for n in param_names(rec)], steps, kinks, inexact


def scale_of(rec, values):
    """S = max(1, |y|, |theta| of every natural parameter that has a value)."""
    fam = FAMILIES[rec.family]
    s = mpf(1)
    for comp, v in zip(rec.comps, values):
        if comp.role == "y":
            s = max(s, abs(response_value(comp, v)))
        elif comp.role == "known":
            s = max(s, abs(mpf(v)))
        else:
            try:
                s = max(s, abs(link_par(comp.link, mpf(v), comp.name in fam.positive, 1).theta))
            except Invalid:
                pass
    for name, v in rec.constants.items():
        s = max(s, abs(mpf(v)))
    given = {c.name for c in rec.comps} | set(rec.constants)
    for name in fam.params:
        if name not in given:
            s = max(s, abs(mpf(fam.defaults[name])))
    return s


def evaluate(rec, values):
    """The formatted (nll, grads, scale) of one row at the current precision."""
    scale = to_double(scale_of(rec, values))
    try:
        nll, grads, _, _, _ = raw(rec, values)
    except Invalid:
        return ["Infinity", "", scale]
    g = [to_double(v) for v in grads]
    if any(v in ("Infinity", "-Infinity") for v in g):
        g = []
    return [to_double(nll), ";".join(g), scale]


def precision(rec, values, base):
    """Working digits: base plus twice the decimal exponent of the largest input (see
    families.py: an x^2 inside an exp then still carries `base` digits)."""
    nums = [1.0] + [abs(float(v)) for c, v in zip(rec.comps, values) if c.jtype == "double"]
    nums += [abs(v) for v in rec.constants.values()]
    biggest = max(nums)
    return base + 2 * int(mpmath.log10(biggest) + 1) + 10


def check_derivatives(rec, values, cols, extra):
    """Every finite closed-form gradient against mpmath.diff of the NLL in that eta."""
    if cols[1] == "":
        return
    expected = cols[1].split(";")
    fam = FAMILIES[rec.family]
    with mp.workdps(precision(rec, values, DPS) + extra):
        nll, grads, steps, kinks, _ = raw(rec, values)
        k = -1
        for i, comp in enumerate(rec.comps):
            if comp.role != "param":
                continue
            k += 1
            if comp.name in kinks:
                continue
            at = mpf(values[i])
            m = max(abs(at), mpf(1))
            singular = comp.link in ("INVERSE", "INVERSE_SQUARED") or (
                comp.name in fam.positive and comp.link in RESTRICTED_ON_POSITIVE)
            if singular and abs(at) < 1:
                m = abs(at)
            if comp.name in steps:
                m = min(m, steps[comp.name])
            h = mpmath.ldexp(m, -mp.prec - 20)
            numeric = mpmath.diff(lambda t: raw(rec, values, override=(i, t))[0], at, h=h)
            closed = grads[k]
            # diff's own error is about 10^-dps |nll| / m: a gradient far below that scale is
            # checked by the two-precision comparison alone
            scale = max(abs(closed), abs(nll) / m)
            close = abs(numeric - closed) <= mpf(10) ** -40 * scale
            same = to_double(numeric) == expected[k] or (
                to_double(numeric) in ("0.0", "-0.0") and expected[k] in ("0.0", "-0.0"))
            if not close and not same:
                raise AssertionError(
                    f"d/d {comp.field} of {rec.name} {values}: mpmath.diff "
                    f"{mpmath.nstr(numeric, 25)} vs closed form {mpmath.nstr(closed, 25)}")


def conditioning(rec, values, cols, extra):
    """None if the row is well conditioned, else why not.

    Perturbs every rounding a double implementation cannot avoid (inexact theta, y - mu, and
    LOG_NORMAL's log y) by a relative 2^-52 in both directions; the row is ill-conditioned when
    the NLL or a gradient then moves by more than a quarter of SPEC's tolerance.
    """
    if cols[0] == "Infinity" and cols[1] == "":
        return None
    fam = FAMILIES[rec.family]
    with mp.workdps(precision(rec, values, DPS) + extra):
        nll, grads, _, _, inexact = raw(rec, values)
        s = scale_of(rec, values)
        outs = [nll] + (grads if cols[1] else [])
        names = ["nll"] + [f"d/d {c.field}" for c in rec.comps if c.role == "param"]
        for key in inexact + fam.perturb:
            for sign in (1, -1):
                pn, pg, _, _, _ = raw(rec, values, pert=(key, sign))
                pouts = [pn] + (pg if cols[1] else [])
                for what, v, pv in zip(names, outs, pouts):
                    if to_double(v) in ("Infinity", "-Infinity"):
                        continue
                    tol = max(mpf(10) ** -12 * abs(v), mpf(10) ** -14 * s)
                    if abs(pv - v) > tol / 4:
                        return (f"{what} moves by {mpmath.nstr(abs(pv - v) / tol, 3)} x the "
                                f"tolerance when {key} is off by 2^-52")
    return None


# ---------------------------------------------------------------------------------------------
# Row sets


class Rows:
    def __init__(self):
        self.rows = []
        self.counters = {}

    def add(self, group, tag, rec, *values):
        rec_obj = BY_NAME[rec]
        assert len(values) == len(rec_obj.comps), (rec, values)
        n = self.counters.get(group, 0) + 1
        self.counters[group] = n
        vals = []
        for comp, v in zip(rec_obj.comps, values):
            if comp.jtype == "boolean":
                vals.append(bool(v))
            elif comp.jtype == "int":
                vals.append(int(v))
            else:
                vals.append(float(v))
        self.rows.append({"case": f"{group}-{n}", "record": rec, "values": vals, "tag": tag})


def eta_of(link, theta):
    """A double eta with inverse-link(eta) close to theta (for choosing grid points)."""
    with mp.workdps(40):
        theta = mpf(theta)
        if link == "IDENTITY":
            return float(theta)
        if link == "LOG":
            return float(mpmath.log(theta))
        if link == "SOFTPLUS":
            if theta > 50:
                return float(theta)
            return float(theta + mpmath.log(-mpmath.expm1(-theta)))
        if link == "INVERSE":
            return float(1 / theta)
        if link == "INVERSE_SQUARED":
            return float(1 / (theta * theta))
    raise ValueError(link)


def theta_of(link, eta):
    with mp.workdps(40):
        return float(link_par(link, mpf(eta), False, 1).theta)


ZS = [-2.2, -0.7, 0.6, 1.3, 3.1, -1.6, -4.0, 0.9, 0.15, -0.35]
MU_ETAS = {
    "IDENTITY": [-3.5, -0.75, 0.0, 1.25, 4.5],
    "LOG": [-2.0, -0.5, 0.0, 0.75, 2.0],
    "SOFTPLUS": [-3.0, -0.5, 0.0, 1.0, 4.0],
}
POS_ETAS = {
    "LOG": [-2.0, -0.5, 0.0, 0.75, 2.0],
    "SOFTPLUS": [-3.0, -0.5, 0.0, 1.0, 4.0],
    "IDENTITY": [0.2, 0.5, 1.0, 2.5, 5.0],
    "INVERSE": [0.2, 0.5, 1.0, 2.0, 4.0],
    "INVERSE_SQUARED": [0.1, 0.5, 1.0, 2.0, 5.0],
}
KNOWN = [0.3, 1.0, 2.5, 0.05, 7.0]
# eta giving a positive parameter near 1e-300, 1e-150, 1e150, 1e300 (where a double eta can)
EXTREME_POS_ETAS = {
    "LOG": [-690.0, -345.0, 345.0, 690.0],
    "SOFTPLUS": [-690.0, -345.0, 1e150, 1e300],
    "IDENTITY": [1e-300, 1e-150, 1e150, 1e300],
    "INVERSE": [1e300, 1e150, 1e-150, 1e-300],
    "INVERSE_SQUARED": [1e300, 1e250, 1e-250, 1e-300],
}
INVALID_ETAS = [0.0, -0.0, -1.0, -1e-300, -1e300]


def pick(values, k, rng):
    """The k-th grid value for k < len(values), a random value in their range afterwards."""
    if k < len(values):
        return values[(k * 3) % len(values)] if k % 2 else values[k % len(values)]
    return r4(rng.uniform(min(values), max(values)))


def comp_links(rec):
    return {c.name: c.link for c in rec.comps if c.role == "param"}


def location_scale_grid(rows, rng, rec_name, scale_name, n=24, tag="ordinary"):
    """y = mu + s z on a grid of mu and scale etas (LAPLACE, STUDENT_T, HUBER, LOG_COSH)."""
    rec = BY_NAME[rec_name]
    links = comp_links(rec)
    group = f"grid-{rec_name}"
    for k in range(n):
        values = []
        mu = sc = None
        for comp in rec.comps:
            if comp.role == "y":
                values.append(None)
            elif comp.role == "known":
                sc = KNOWN[k % 5] if k < 10 else r4(rng.uniform(0.05, 7))
                values.append(sc)
            elif comp.name == "mu":
                eta = pick(MU_ETAS[links["mu"]], k, rng)
                mu = theta_of(links["mu"], eta)
                values.append(eta)
            elif comp.name == scale_name:
                eta = pick(POS_ETAS[links[scale_name]], k + 1, rng)
                sc = theta_of(links[scale_name], eta)
                values.append(eta)
            elif comp.name == "nu":
                eta = pick([-1.0, 0.0, 0.7, 1.6, 3.4] if links["nu"] == "LOG"
                           else [-1.0, 0.0, 0.7, 2.0, 30.0], k + 2, rng)
                values.append(eta)
        if sc is None:
            sc = rec.constants.get(scale_name, FAMILIES[rec.family].defaults.get(scale_name, 1.0))
        z = ZS[k % len(ZS)] if k < 14 else r4(rng.uniform(-5, 5))
        values[0] = r6(mu + sc * z)
        rows.add(group, tag, rec_name, *values)


# --- LAPLACE ------------------------------------------------------------------------------------


def laplace_rows(rng):
    rows = Rows()
    for rec in ["LaplaceLogScale", "LaplaceSoftplusScale", "LaplaceIdentityScale",
                "LaplaceDefaultScale", "LaplaceLogMu", "LaplaceSoftplusMu"]:
        location_scale_grid(rows, rng, rec, "scale", n=22)
    # y == mu: the mu-gradient is 0 there (SPEC); exact mu only (IDENTITY, LOG at eta 0)
    for mu in [-3.5, 0.0, 1.25, 1e-300, 1e300]:
        for eta in [-1.0, 0.0, 2.0]:
            rows.add("kink", "ordinary" if abs(mu) < 10 and mu != 1e-300 else "adversarial",
                     "LaplaceLogScale", mu, mu, eta)
        rows.add("kink", "ordinary" if abs(mu) < 10 and mu != 1e-300 else "adversarial",
                 "LaplaceDefaultScale", mu, mu)
    rows.add("kink", "ordinary", "LaplaceLogMu", 1.0, 0.0, 0.5)
    rows.add("kink", "ordinary", "LaplaceIdentityScale", 2.0, 2.0, 0.5)
    rows.add("kink", "ordinary", "LaplaceSoftplusScale", -0.5, -0.5, 0.5)

    # scales from 1e-300 to 1e300 on each scale link, |y - mu| from 0 to past overflow
    for rec, link in [("LaplaceLogScale", "LOG"), ("LaplaceSoftplusScale", "SOFTPLUS"),
                      ("LaplaceIdentityScale", "IDENTITY")]:
        for eta in EXTREME_POS_ETAS[link]:
            sc = theta_of(link, eta)
            for off in [0.0, 1.0, -1e8, 1e150, r4(3 * sc), r4(-0.5 * sc)]:
                rows.add(f"scale-extreme-{link.lower()}", "adversarial", rec, off, 0.0, eta)
            rows.add(f"scale-extreme-{link.lower()}", "adversarial", rec, 0.5, 1.75, eta)
    for eta in INVALID_ETAS:
        rows.add("scale-invalid-identity", "adversarial", "LaplaceIdentityScale", 1.0, 0.5, eta)
    # y far from mu
    for rec in ["LaplaceLogScale", "LaplaceDefaultScale"]:
        for y, mu in [(1e8, 0.0), (-1e8, 1.5), (1e300, 0.0), (-1e300, 1e300), (1.7e308, -1e300),
                      (1e-300, -1e-300)]:
            rows.add("far", "adversarial", rec, y, mu, *([0.5] if rec == "LaplaceLogScale" else []))
    # extreme eta on the mu links
    for y, eta in [(0.0, 700.0), (1e300, 690.0), (1.0, -700.0), (0.0, -745.0), (3.0, 30.0),
                   (1e-300, -800.0), (2.0, 709.0)]:
        rows.add("mu-extreme-log", "adversarial", "LaplaceLogMu", y, eta, 0.25)
    for y, eta in [(0.0, 1e300), (-1.0, 1e300), (0.0, -800.0), (1.0, -800.0), (800.0, 800.0),
                   (801.5, 800.0), (1e-17, -40.0), (0.0, 1e150)]:
        rows.add("mu-extreme-softplus", "adversarial", "LaplaceSoftplusMu", y, eta, 0.25)
    return rows.rows


# --- STUDENT_T ----------------------------------------------------------------------------------

NU_VALUES = [1e-3, 0.1, 1.0, 2.5, 30.0, 1e4, 1e6, 1e8]


def student_t_rows(rng):
    rows = Rows()
    for rec in ["StudentTNuParam", "StudentTNu4", "StudentTNu1e6", "StudentTCauchy",
                "StudentTSoftplus", "StudentTKnownSigma", "StudentTNu4DefaultSigma"]:
        location_scale_grid(rows, rng, rec, "sigma", n=18)

    # y = 1e8 and mu far away, nu from 1e-3 to 1e8
    pairs = [(1e8, 0.0), (1e8, -1e8), (-1e8, 2.5), (1e8, 99999999.5), (1e8, 1e8)]
    for nu in NU_VALUES:
        eta_nu = eta_of("LOG", nu)
        for y, mu in pairs[:4]:
            rows.add("far-nu-log", "adversarial", "StudentTNuParam", y, mu, 0.0, eta_nu)
        rows.add("far-nu-log", "adversarial", "StudentTKnownSigma", 1e8, -1e8, 3.0, eta_nu)
    for rec in ["StudentTNu4", "StudentTNu1e6", "StudentTCauchy"]:
        for y, mu in pairs:
            rows.add("far-constant", "adversarial", rec, y, mu, 0.0)
        rows.add("far-constant", "adversarial", rec, 1e150, -1e150, 1.5)
    for y, mu in pairs:
        rows.add("far-constant", "adversarial", "StudentTNu4DefaultSigma", y, mu)
    # nu across its range at everyday z
    for nu in NU_VALUES:
        for z in [0.0, 0.3, -1.7, 40.0]:
            rows.add("nu-range-log", "adversarial", "StudentTNuParam", 0.25 + z, 0.25, 0.0,
                     eta_of("LOG", nu))
        for z in [-6.0]:
            rows.add("nu-range-softplus", "adversarial", "StudentTSoftplus", z, 0.0, 0.0,
                     eta_of("SOFTPLUS", nu))
    # sigma from 1e-300 to 1e300
    specs = [("StudentTNuParam", "LOG", [eta_of("LOG", 1.0), eta_of("LOG", 30.0)]),
             ("StudentTNu4", "LOG", []), ("StudentTNu1e6", "LOG", []),
             ("StudentTSoftplus", "SOFTPLUS", [eta_of("SOFTPLUS", 3.0)])]
    for rec, link, nus in specs:
        for eta in EXTREME_POS_ETAS[link]:
            sc = theta_of(link, eta)
            offsets = [0.0, 1.0, -1e8, 1e150, r4(3 * sc), r4(-0.5 * sc)]
            if rec in ("StudentTNu4", "StudentTNu1e6"):
                offsets = offsets[1::2]
            for off in offsets:
                for nu in nus or [None]:
                    extra = [nu] if nu is not None else []
                    rows.add(f"sigma-extreme-{rec}", "adversarial", rec, off, 0.0, eta, *extra)
    for sigma in [1e-300, 1e-150, 1e150, 1e300]:
        for off in [0.0, 1.0, 1e8, -1e150, 3 * sigma]:
            rows.add("sigma-extreme-known", "adversarial", "StudentTKnownSigma", off, 0.0, sigma,
                     eta_of("LOG", 4.0))
    return rows.rows


# --- LOG_NORMAL ---------------------------------------------------------------------------------


def log_normal_rows(rng):
    rows = Rows()
    for rec in ["LogNormalLogSigma", "LogNormalSoftplusSigma", "LogNormalDefaultSigma",
                "LogNormalKnownSigma"]:
        r = BY_NAME[rec]
        links = comp_links(r)
        for k in range(30):
            mu = pick([-3.0, -0.75, 0.0, 1.25, 4.0], k, rng)
            values = [None, mu]
            sc = 1.0
            if "sigma" in links:
                eta = pick(POS_ETAS[links["sigma"]], k + 1, rng)
                sc = theta_of(links["sigma"], eta)
                values.append(eta)
            elif len(r.comps) == 3:
                sc = KNOWN[k % 5] if k < 10 else r4(rng.uniform(0.05, 3))
                values.append(sc)
            z = ZS[k % len(ZS)] if k < 14 else r4(rng.uniform(-4, 4))
            values[0] = r6(math.exp(mu + sc * z))
            rows.add(f"grid-{rec}", "ordinary", rec, *values)

    # y = 1e-300 and y = 1e12, mu near log y and far from it
    for y in [1e-300, 1e12, 5e-324, 1e300, 1.7e308]:
        ly = math.log(y)
        for mu in [r4(ly), round(ly) + 0.5, 0.0, -ly]:
            for eta in [0.0, 1.5, -1.0, 6.0]:
                rows.add("y-extreme", "adversarial", "LogNormalLogSigma", y, mu, eta)
            rows.add("y-extreme", "adversarial", "LogNormalDefaultSigma", y, mu)
            rows.add("y-extreme", "adversarial", "LogNormalKnownSigma", y, mu, 2.0)
    # sigma from 1e-300 to 1e300 (y = 1 and 4: log y is 0 or close to the exact-friendly 1.386)
    for rec, link in [("LogNormalLogSigma", "LOG"), ("LogNormalSoftplusSigma", "SOFTPLUS")]:
        for eta in EXTREME_POS_ETAS[link]:
            sc = theta_of(link, eta)
            for y, mu in [(1.0, 0.0), (1.0, 1.0), (1.0, -1e8), (1.0, 1e150), (4.0, -2.5),
                          (1.0, r4(-3 * sc)), (1.0, r4(0.5 * sc))]:
                rows.add(f"sigma-extreme-{link.lower()}", "adversarial", rec, y, mu, eta)
    for sigma in [1e-300, 1e-150, 1e150, 1e300]:
        for y, mu in [(1.0, 0.0), (1.0, 1.0), (1e-300, 1e8), (1.0, -1e150), (1.0, 3 * sigma)]:
            rows.add("sigma-extreme-known", "adversarial", "LogNormalKnownSigma", y, mu, sigma)
    return rows.rows


# --- EXPONENTIAL --------------------------------------------------------------------------------


def exponential_rows(rng):
    rows = Rows()
    for rec, link in [("ExponentialLog", "LOG"), ("ExponentialSoftplus", "SOFTPLUS")]:
        for rate in [0.05, 0.4, 1.0, 2.5, 7.0, 30.0]:
            eta = r4(eta_of(link, rate))
            for y in [0.0, 0.125, 1.0, r4(1 / rate), r4(3.7 / rate), 12.0]:
                rows.add(f"grid-{rec}", "ordinary", rec, y, eta)
        for _ in range(25):
            eta = r4(eta_of(link, rng.uniform(0.02, 40)))
            rows.add(f"grid-{rec}", "ordinary", rec, r4(rng.expovariate(1.0) * 3), eta)
    # rates from 1e-300 to 1e300 with y = 0, tiny, 1 and huge
    ys = [0.0, 5e-324, 1e-300, 1.0, 1e8, 1e300, 1.7e308]
    for eta in [eta_of("LOG", 1e-300), eta_of("LOG", 1e300), -745.0, -700.0, 700.0, 709.0,
                -1e-300, 1e-300, 40.0, -40.0]:
        for y in ys:
            rows.add("rate-extreme-log", "adversarial", "ExponentialLog", y, eta)
        with mp.workdps(40):
            y = mpmath.exp(-mpf(eta))  # y near 1 / rate: the gradient rate y - 1 cancels
        if y < 1.7e308:
            rows.add("rate-extreme-log", "adversarial", "ExponentialLog", float(y), eta)
    for eta in [-690.0, -745.0, -800.0, 1e150, 1e300, 40.0, -40.0]:
        for y in ys:
            rows.add("rate-extreme-softplus", "adversarial", "ExponentialSoftplus", y, eta)
    return rows.rows


# --- GAMMA --------------------------------------------------------------------------------------


def gamma_rows(rng):
    rows = Rows()
    for rec in ["GammaLog", "GammaSoftplus", "GammaIdentityMean", "GammaInverseMean",
                "GammaShape3"]:
        links = comp_links(BY_NAME[rec])
        for k in range(22):
            eta_m = pick(POS_ETAS[links["mean"]], k, rng)
            m = theta_of(links["mean"], eta_m)
            values = [None, eta_m]
            if "shape" in links:
                values.append(pick(POS_ETAS[links["shape"]], k + 2, rng))
            factor = [0.1, 0.5, 0.9, 1.0, 1.3, 2.0, 4.0][k % 7] if k < 14 else rng.uniform(0.05, 5)
            values[0] = r6(m * factor)
            rows.add(f"grid-{rec}", "ordinary", rec, *values)
    # shape from 1e-3 to 1e10 with y near the mean (the cancellation case)
    for k in [1e-3, 0.1, 1.0, 10.0, 1e3, 1e6, 1e8, 1e10]:
        eta_k = eta_of("LOG", k)
        for eta_m in [0.0, 2.5]:
            m = theta_of("LOG", eta_m)
            ys = {m, math.nextafter(m, 2 * m), float(f"{m * (1 + 1 / math.sqrt(k)):.12g}"),
                  float(f"{m * (1 - 0.5 / math.sqrt(k + 1)):.12g}"), float(f"{m * 1.001:.12g}")}
            for y in sorted(ys):
                if y > 0:
                    rows.add("shape-range", "adversarial", "GammaLog", y, eta_m, eta_k)
        rows.add("shape-range", "adversarial", "GammaSoftplus", 2.0, eta_of("SOFTPLUS", 2.0),
                 eta_of("SOFTPLUS", k))
        rows.add("shape-range", "adversarial", "GammaIdentityMean", 2.0 + 1e-6, 2.0, eta_k)
        rows.add("shape-range", "adversarial", "GammaInverseMean", 0.5 - 1e-7, 2.0, eta_k)
    # y = 1e-300 and y = 1e12, mean near y and far from it
    for y in [1e-300, 1e12, 5e-324, 1e300]:
        for eta_m in [eta_of("LOG", y), 0.0]:
            for k in [1e-3, 1.0, 1e6]:
                rows.add("y-extreme", "adversarial", "GammaLog", y, eta_m, eta_of("LOG", k))
        rows.add("y-extreme", "adversarial", "GammaShape3", y, eta_of("LOG", y))
        rows.add("y-extreme", "adversarial", "GammaIdentityMean", y, y, 0.0)
        rows.add("y-extreme", "adversarial", "GammaInverseMean", y, 1 / y if y > 1e-300 else 1e300,
                 0.0)
    # means from 1e-300 to 1e300 on each mean link
    for rec, link in [("GammaLog", "LOG"), ("GammaSoftplus", "SOFTPLUS"),
                      ("GammaIdentityMean", "IDENTITY"), ("GammaInverseMean", "INVERSE")]:
        eta_k = 0.0 if link != "SOFTPLUS" else eta_of("SOFTPLUS", 1.0)
        for eta in EXTREME_POS_ETAS[link]:
            for y in [1e-300, 1.0, 1e300]:
                rows.add(f"mean-extreme-{link.lower()}", "adversarial", rec, y, eta, eta_k)
    for rec in ["GammaIdentityMean", "GammaInverseMean"]:
        for eta in INVALID_ETAS:
            rows.add("mean-invalid", "adversarial", rec, 1.5, eta, 0.5)
    return rows.rows


# --- INVERSE_GAUSSIAN ---------------------------------------------------------------------------


def inverse_gaussian_rows(rng):
    rows = Rows()
    for rec in ["InverseGaussianLog", "InverseGaussianSoftplus",
                "InverseGaussianInverseSquaredMean"]:
        links = comp_links(BY_NAME[rec])
        for k in range(30):
            eta_m = pick(POS_ETAS[links["mean"]], k, rng)
            m = theta_of(links["mean"], eta_m)
            eta_l = pick(POS_ETAS[links["shape"]], k + 2, rng)
            factor = [0.1, 0.5, 0.9, 1.0, 1.3, 2.0, 4.0][k % 7] if k < 14 else rng.uniform(0.05, 5)
            rows.add(f"grid-{rec}", "ordinary", rec, r6(m * factor), eta_m, eta_l)
    # y near the mean and far from it, shape from 1e-3 to 1e10
    for lam in [1e-3, 0.1, 1.0, 1e3, 1e6, 1e10]:
        eta_l = eta_of("LOG", lam)
        for eta_m in [0.0, 2.5, -4.0]:
            m = theta_of("LOG", eta_m)
            ys = {m, math.nextafter(m, 0), float(f"{m * (1 + 1e-8):.12g}"),
                  float(f"{m * (1 - 1e-4):.12g}"), 1e-300, 1e12, 1e-8, 1e8}
            for y in sorted(ys):
                rows.add("shape-range", "adversarial", "InverseGaussianLog", y, eta_m, eta_l)
        rows.add("shape-range", "adversarial", "InverseGaussianSoftplus", 2.0 + 1e-9,
                 eta_of("SOFTPLUS", 2.0), eta_of("SOFTPLUS", lam))
    # y = 1e-300 / 1e12 with the mean near y
    for y in [1e-300, 1e-100, 1e12, 1e100]:
        for lam in [1e-3, 1.0, 1e3]:
            rows.add("y-extreme", "adversarial", "InverseGaussianLog", y, eta_of("LOG", y),
                     eta_of("LOG", lam))
    # means from 1e-300 to 1e300
    for rec, link in [("InverseGaussianLog", "LOG"), ("InverseGaussianSoftplus", "SOFTPLUS"),
                      ("InverseGaussianInverseSquaredMean", "INVERSE_SQUARED")]:
        for eta in EXTREME_POS_ETAS[link]:
            m = theta_of(link, eta)
            for y in [1e-300, 1.0, 1e300, r6(m), r6(2 * m)]:
                if 0 < y < 1.7e308:
                    rows.add(f"mean-extreme-{link.lower()}", "adversarial", rec, y, eta, 0.0)
    for eta in EXTREME_POS_ETAS["LOG"]:
        for y in [1e-300, 1.0, 1e12]:
            rows.add("shape-extreme", "adversarial", "InverseGaussianLog", y, 0.0, eta)
    for eta in INVALID_ETAS:
        rows.add("mean-invalid", "adversarial", "InverseGaussianInverseSquaredMean", 1.5, eta,
                 0.5)
    return rows.rows


# --- HUBER --------------------------------------------------------------------------------------


def huber_rows(rng):
    rows = Rows()
    for rec, delta in [("HuberDefaultDelta", 1.0), ("HuberDelta05", 0.5), ("HuberDelta3", 3.0)]:
        for k in range(40):
            mu = pick(MU_ETAS["IDENTITY"], k, rng)
            rr = [-2.2, -0.7, 0.6, 1.3, 3.1, -1.6, -4.0, 0.9, 0.25, -0.4, 0.45, 2.9, -3.3][k % 13] \
                if k < 20 else r4(rng.uniform(-6, 6))
            rows.add(f"grid-{rec}", "ordinary", rec, r6(mu + rr), mu)
        # |r| = delta exactly (the quadratic and the linear piece meet) and its neighbours
        for mu in [0.0, 1.25, -3.5]:
            for sign in [1, -1]:
                y = mu + sign * delta
                rows.add(f"at-delta-{rec}", "adversarial", rec, y, mu)
                if mu == 0.0:
                    rows.add(f"at-delta-{rec}", "adversarial", rec, math.nextafter(y, 0), mu)
                    rows.add(f"at-delta-{rec}", "adversarial", rec, math.nextafter(y, 2 * y), mu)
        # huge residuals, overflow of the NLL with a finite gradient
        for y, mu in [(1e300, 0.0), (0.0, 1e300), (-1e300, 1e300), (1e308, 0.0), (-1e308, 0.0),
                      (1.7e308, -1.7e308), (1e8, -1e8), (1e300, 1e300), (1e-300, 0.0),
                      (5e-324, -5e-324)]:
            rows.add(f"far-{rec}", "adversarial", rec, y, mu)
    return rows.rows


# --- LOG_COSH -----------------------------------------------------------------------------------


def log_cosh_rows(rng):
    rows = Rows()
    for k in range(90):
        mu = pick(MU_ETAS["IDENTITY"], k, rng)
        rr = ZS[k % len(ZS)] if k < 20 else r4(rng.uniform(-8, 8) * rng.choice([0.1, 1, 3]))
        rows.add("grid", "ordinary", "LogCosh", r6(mu + rr), mu)
    for r in [1e4, 1e300, 20.0, 40.0, 355.0, 710.0, 1e8, 1e-8, 1e-300, 5e-324, 0.5, 1.7e308]:
        for sign in [1, -1]:
            rows.add("extreme", "adversarial", "LogCosh", sign * r, 0.0)
        rows.add("extreme", "adversarial", "LogCosh", 1.0, 1.0 - r)
    for y, mu in [(1e300, -1e300), (1e300, 1e300), (-1.7e308, 1e308), (1e8 + 1.0, 1e8),
                  (0.0, 1e4)]:
        rows.add("extreme", "adversarial", "LogCosh", y, mu)
    return rows.rows


# --- HINGE --------------------------------------------------------------------------------------


def hinge_rows(rng):
    rows = Rows()
    scores = [-3.0, -1.5, -1.25, -0.5, 0.0, 0.25, 0.999, 1.5, 2.5, 0.75]  # kinks: adversarial
    for rec, labels in [("HingeBoolean", [True, False]), ("HingeInt", [1, -1])]:
        for score in scores:
            for y in labels:
                rows.add(f"grid-{rec}", "ordinary", rec, y, score)
        for _ in range(30):
            rows.add(f"grid-{rec}", "ordinary", rec, rng.choice(labels), r4(rng.uniform(-4, 4)))
        for y in labels:
            s = 1 if y in (True, 1) else -1
            for score in [s * 1.0, math.nextafter(s * 1.0, 0), math.nextafter(s * 1.0, 2 * s),
                          1e300, -1e300, 1.7976931348623157e308, -1.7976931348623157e308,
                          1e-300, -0.0, 5e-324, s * (1 - 2 ** -53), s * (1 + 2 ** -52)]:
                rows.add(f"extreme-{rec}", "adversarial", rec, y, score)
    return rows.rows


BUILDERS = {
    "LAPLACE": laplace_rows, "STUDENT_T": student_t_rows, "LOG_NORMAL": log_normal_rows,
    "EXPONENTIAL": exponential_rows, "GAMMA": gamma_rows,
    "INVERSE_GAUSSIAN": inverse_gaussian_rows, "HUBER": huber_rows, "LOG_COSH": log_cosh_rows,
    "HINGE": hinge_rows,
}


# ---------------------------------------------------------------------------------------------
# The densities themselves, checked once by quadrature (30 digits)


def check_densities():
    """Each family's exp(-NLL) integrates to 1 over the support of y, its mean is the inference
    formula's and its mode formula is a stationary point; catches a wrong NLL formula, which the
    row checks (two precisions, mpmath.diff) cannot."""
    inf = mpmath.inf

    def par(v):
        return link_par("IDENTITY", mpf(v), False, 1)

    def ig_mode(m, lam):
        a = 3 * m / (2 * lam)
        return m * (mpmath.sqrt(1 + a * a) - a)

    # (family, parameters, integration breakpoints, mean, mode) with mean and mode the
    # inference formulas of the brief, as functions of the parameters
    cases = [
        ("LAPLACE", {"mu": 0.3, "scale": 1.7}, [-inf, 0.3, inf], lambda v: v["mu"], None),
        ("STUDENT_T", {"mu": -1.2, "sigma": 0.6, "nu": 5.5}, [-inf, -1.2, inf],
         lambda v: v["mu"], lambda v: v["mu"]),
        ("LOG_NORMAL", {"mu": 0.4, "sigma": 0.7}, [0, 1, inf],
         lambda v: mpmath.exp(v["mu"] + v["sigma"] ** 2 / 2),
         lambda v: mpmath.exp(v["mu"] - v["sigma"] ** 2)),
        ("EXPONENTIAL", {"rate": 2.5}, [0, 1, inf], lambda v: 1 / v["rate"], None),
        ("GAMMA", {"mean": 1.8, "shape": 3.5}, [0, 1.8, inf], lambda v: v["mean"],
         lambda v: v["mean"] * (v["shape"] - 1) / v["shape"]),
        ("GAMMA", {"mean": 1.8, "shape": 0.6}, [0, 1.8, inf], lambda v: v["mean"], None),
        ("INVERSE_GAUSSIAN", {"mean": 1.5, "shape": 2.2}, [0, 1.5, inf], lambda v: v["mean"],
         lambda v: ig_mode(v["mean"], v["shape"])),
        ("INVERSE_GAUSSIAN", {"mean": 3.0, "shape": 0.25}, [0, 0.01, 3.0, inf],
         lambda v: v["mean"], lambda v: ig_mode(v["mean"], v["shape"])),
        ("HUBER", {"mu": 0.5, "delta": 1.0}, [-inf, -0.5, 0.5, 1.5, inf], lambda v: v["mu"],
         lambda v: v["mu"]),
        ("HUBER", {"mu": 0.0, "delta": 0.5}, [-inf, -0.5, 0, 0.5, inf], lambda v: v["mu"],
         lambda v: v["mu"]),
        ("HUBER", {"mu": 0.0, "delta": 3.0}, [-inf, -3, 0, 3, inf], lambda v: v["mu"],
         lambda v: v["mu"]),
        ("LOG_COSH", {"mu": -0.7}, [-inf, -0.7, inf], lambda v: v["mu"], lambda v: v["mu"]),
    ]
    with mp.workdps(30):
        for family, params, pts, mean_of, mode_of in cases:
            fn = FAMILIES[family].fn
            p = {k: par(v) for k, v in params.items()}
            values = {k: q.theta for k, q in p.items()}

            def density(yv):
                return mpmath.exp(-fn(yv, p, None)[0])

            total = mpmath.quad(density, pts)
            first = mpmath.quad(lambda yv: yv * density(yv), pts)
            mean = mean_of(values)
            if abs(total - 1) > mpf(10) ** -20 or abs(first - mean) > mpf(10) ** -20:
                raise AssertionError(f"{family} {params}: integral {total}, mean {first} vs {mean}")
            if mode_of is not None:
                mode = mode_of(values)
                slope = mpmath.diff(lambda yv: -fn(yv, p, None)[0], mode)
                if abs(slope) > mpf(10) ** -20:
                    raise AssertionError(f"{family} {params}: slope {slope} at the mode {mode}")
    # EXPONENTIAL, GAMMA with shape < 1: the density decreases from y = 0 (mode 0)
    with mp.workdps(30):
        for family, params in [("EXPONENTIAL", {"rate": 2.5}), ("GAMMA", {"mean": 1.8, "shape": 0.6}),
                               ("GAMMA", {"mean": 1.8, "shape": 1.0})]:
            p = {k: par(v) for k, v in params.items()}
            fn = FAMILIES[family].fn
            for yv in [mpf("1e-9"), mpf("0.1"), mpf(1), mpf(5)]:
                if mpmath.diff(lambda t: -fn(t, p, None)[0], yv) >= 0:
                    raise AssertionError(f"{family} {params}: density not decreasing at {yv}")


# ---------------------------------------------------------------------------------------------


def format_inputs(rec, values):
    out = []
    for comp, v in zip(rec.comps, values):
        if comp.jtype == "boolean":
            out.append("true" if v else "false")
        elif comp.jtype == "int":
            out.append(str(int(v)))
        else:
            out.append(fmt_input(v))
    return ";".join(out)


def generate(rows, skipped):
    lines = [HEADER]
    seen = set()
    for row in rows:
        rec = BY_NAME[row["record"]]
        values = row["values"]
        inputs = format_inputs(rec, values)
        key = (rec.name, inputs)
        if key in seen:
            continue
        seen.add(key)
        for extra in EXTRA_DIGITS:
            with mp.workdps(precision(rec, values, DPS) + extra):
                cols = evaluate(rec, values)
            with mp.workdps(precision(rec, values, CHECK_DPS) + extra):
                again = evaluate(rec, values)
            if cols == again:
                break
        else:
            raise AssertionError(f"precision-dependent result for {rec.name} {inputs}: "
                                 f"{cols} vs {again}")
        check_derivatives(rec, values, cols, extra)
        why = conditioning(rec, values, cols, extra)
        if why is not None:
            skipped.append(f"{row['case']} [{rec.name}] {inputs}: {why}")
            continue
        lines.append(",".join([row["case"], rec.name, inputs, *cols, row["tag"]]))
    return lines


def java_records(family):
    recs = [r for r in RECORDS if r.family == family]
    imports = {"Family", "Likelihood", "Response", "Param"}
    for r in recs:
        if r.constants:
            imports.add("Constant")
        if r.link or any("Link." in c.java for c in r.comps):
            imports.add("Link")
        if any(c.role == "known" for c in r.comps):
            imports.add("Known")
    out = ["package dev.likelihood.samples.families;", ""]
    out += [f"import dev.likelihood.{name};" for name in sorted(imports)]
    out += ["", f"// Records of the {family} reference vectors ({FAMILIES[family].file}.csv), written",
            "// by tools/reference/families_group1.py --records; one per combination the CSV uses."]
    for r in recs:
        args = [f"family = Family.{family}"]
        if r.link:
            args.append(f"link = Link.{r.link}")
        if r.constants:
            cs = [f'@Constant(name = "{k}", value = {java_double(v)})' for k, v in r.constants.items()]
            args.append("constants = " + (cs[0] if len(cs) == 1 else "{" + ", ".join(cs) + "}"))
        out.append("")
        out.append(f"/** {r.doc} */")
        if r.suppress:
            out.append('@SuppressWarnings("likelihood") // the warn-only link is the point of this record')
        out.append(f"@Likelihood({', '.join(args)})")
        comps = ",\n    ".join(c.java for c in r.comps)
        out.append(f"record {r.name}(\n    {comps}) {{}}")
    return "\n".join(out) + "\n"


def java_double(v):
    if v == int(v) and abs(v) < 1e6:
        return str(int(v))
    exponent = round(math.log10(abs(v)))
    if v == 10.0 ** exponent:
        return f"1e{exponent}"
    return repr(v)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(here, "..", "..", "samples", "src", "test", "resources",
                               "reference", "families")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=default_out, help="output directory")
    parser.add_argument("--records", help="also write <Family>Records.java.pending into this directory")
    parser.add_argument("--only", help="comma-separated families (e.g. GAMMA,HINGE)")
    args = parser.parse_args()
    check_densities()
    os.makedirs(args.out, exist_ok=True)
    families = args.only.split(",") if args.only else list(BUILDERS)
    for family in families:
        rows = BUILDERS[family](random.Random(f"{SEED}-{family}"))
        skipped = []
        lines = generate(rows, skipped)
        path = os.path.join(args.out, f"{FAMILIES[family].file}.csv")
        with open(path, "w", newline="\n") as f:
            f.write("\n".join(lines) + "\n")
        tags = {}
        for line in lines[1:]:
            tag = line.rsplit(",", 1)[1]
            tags[tag] = tags.get(tag, 0) + 1
        print(f"{os.path.normpath(path)}: {len(lines) - 1} rows {tags}", file=sys.stderr)
        for s in skipped:
            print(f"  skipped (ill-conditioned) {s}", file=sys.stderr)
        if args.records:
            camel = "".join(w.capitalize() for w in family.split("_"))
            camel = {"StudentT": "StudentT"}.get(camel, camel)
            with open(os.path.join(args.records, f"{camel}Records.java.pending"), "w",
                      newline="\n") as f:
                f.write(java_records(family))


if __name__ == "__main__":
    main()
