#!/usr/bin/env python3
"""High-precision reference vectors for the vector families CATEGORICAL, GAUSSIAN_MIXTURE,
MULTIVARIATE_NORMAL and PLACKETT_LUCE.

Writes samples/src/test/resources/reference/families/{categorical,gaussian_mixture,
multivariate_normal,plackett_luce}.csv in the format FamilyVectorTest reads:

    case,record,inputs,nll,grads,scale,tag

`record` names a record of dev.likelihood.samples.families (RECORDS below lists them with their
components, links and constants); `inputs` are its annotated components in record order,
';'-separated: an int as an integer, a double as Python's repr (Double.parseDouble reads it
exactly; Infinity and -Infinity spelled so), a vector (double[] or int[]) as `[v1 v2 v3]`,
single spaces. `nll` is the
exact full NLL and `grads` the exact d NLL / d eta of every @Param component in record order, a
vector contributing all its elements in order, each rounded once to the nearest double (ties to
even; `Infinity` beyond the double range). `grads` is empty where the NLL is written as
`Infinity` (an infinite NLL, such as a masked class that carries target weight, or a finite one
beyond the double range): the gradient is not checked there.

Semantics (K = number of classes, components or items; D = dimension):
- CATEGORICAL, p = softmax(logits). A hard label y has the target t = e_y; a soft target t is
  given. With the label smoothing e (a @Constant, 0 by default) t'_k = (1 - e) t_k + e/K (the
  smoothing of PyTorch's cross_entropy) and NLL = -sum_k t'_k log p_k, a term with t'_k = 0
  being 0 even where p_k = 0. d NLL / d logit_j = (sum_k t'_k) p_j - t'_j (the target sum is
  the exact sum of the given doubles, 1 up to their rounding). A logit of -Infinity masks its
  class: p_k = 0 and its gradient entry is exactly 0; if a masked class has t'_k > 0 the NLL is
  +Infinity. The form used: log p_k = -log(sum_j exp(l_j - l_k)); for the class holding more
  than half the mass it is -log1p(sum_{j != k} ...) and its gradient
  sum_{j != k} t'_j - T sum_{j != k} p_j, so a gap of 1e4 or 800 loses nothing.
- GAUSSIAN_MIXTURE, w = softmax(weights), sigma = exp(eta) (LOG) or log1p(exp(eta)) (SOFTPLUS),
  NLL = -log sum_k w_k N(y; mu_k, sigma_k), in log space: L_k = log w_k - log sigma_k -
  log(2 pi)/2 - z_k^2/2 with z_k = (y - mu_k)/sigma_k, NLL = -logsumexp(L). With the
  responsibilities r_k = exp(L_k + NLL): d/d weights_k = w_k - r_k (for the component holding
  more than half of w or r: sum_{j != k} r_j - sum_{j != k} w_j), d/d mu_k = -r_k z_k/sigma_k,
  d/d eta_k = r_k (1 - z_k^2) (LOG) or r_k (1 - z_k^2) sigmoid(eta_k)/sigma_k (SOFTPLUS).
  A weight logit of -Infinity masks its component: its three gradient entries are exactly 0.
- MULTIVARIATE_NORMAL. Diagonal (sigma = exp(eta); MvnUnit: sigma = 1):
  NLL = sum_d [log sigma_d + log(2 pi)/2 + z_d^2/2], d/d mu_d = -z_d/sigma_d,
  d/d eta_d = 1 - z_d^2. Cholesky: scaleTril holds the lower triangle of L row-major (index
  i(i+1)/2 + j for j <= i), L_ii = exp(eta), L_ij = eta off the diagonal; z solves L z = y - mu
  (forward substitution), u = L^-T z; NLL = sum_i eta_ii + D log(2 pi)/2 + |z|^2/2,
  d/d mu = -u, d/d L_ij = -u_i z_j off the diagonal, d/d eta_ii = 1 - L_ii u_i z_i.
- PLACKETT_LUCE: ranking = item indices best first, n <= K of them, optionally padded with
  trailing -1 to length K (the rows use both spellings). R_j = all K items minus pi_0..pi_{j-1}
  (unranked items stay in every denominator), Z_j = sum_{k in R_j} exp(s_k),
  NLL = sum_j log(Z_j / exp(s_{pi_j})) = sum_j log1p(Z_{j+1} / exp(s_{pi_j})) (each term >= 0,
  no cancellation). d/d s_k = exp(s_k) P_q - Z_{q+1}/Z_q for the item ranked at q, with
  P_q = sum_{j<q} 1/Z_j (suffix and prefix sums, linear in K), and exp(s_k) P_n if unranked.
- A @Weight w multiplies the NLL and every gradient entry.

scale S = max(1, |y| entries, |theta| entries of every natural parameter), theta =
inverse-link(eta) rounded to double, infinite (masked) entries left out: CATEGORICAL |target|
and p (both <= 1) and ALSO |logits| (the logits are the scale of the terms that cancel in
logsumexp(l) - l_y, which no double code forms more exactly than to an ulp of the largest logit);
GAUSSIAN_MIXTURE |y|, w, |mu|, sigma; MULTIVARIATE_NORMAL |y|, |mu|, sigma (MvnUnit 1) or the
entries of L (exp of the diagonal etas, the off-diagonal etas themselves); PLACKETT_LUCE the
scores. Indices (a class label, a ranking) are not magnitudes and are left out. A weighted row
multiplies S by max(1, w): the absolute part of the tolerance scales with the weight as the
errors of a correct code do.

Rigour, as in families.py and families_group2.py (exact_sum and to_double are imported from
families.py):
- inputs are exact doubles (or ints), converted to mpmath exactly;
- work precision is 200 significant digits plus a margin: twice the decimal exponent (either
  sign) of the largest and smallest finite input and of every scale parameter (sigma, the
  diagonal of L), plus 10. The formulas avoid structural cancellation (above);
- every row is computed at two precisions (200 and 260 digits plus the margin) that must round
  to the same doubles; where they do not (an ill-conditioned triangular solve), or where a value
  at the working precision lies exactly halfway between two doubles (a target sum of 2/3 + 2^-54
  minus a term e^-700 too small for the working precision: the tie rule would round it the
  wrong way), the margin grows by 400 digits and both are recomputed, at most 11 times; then a
  disagreement stops the script, and a value still on a midpoint 4,400 digits further is taken
  as an exact tie and rounded to even (the rows are listed on stderr; all are gradients
  mu - y where sigma = 1 (MvnUnit, a one-component mixture), exact differences of doubles
  that need 54 bits);
- every finite gradient entry is compared with mpmath.diff of the NLL with respect to that
  element (central differences at twice the working precision), for 1000-item rows on 6 random
  elements (always including the first and last); the script stops on a disagreement.

Skipped rows (listed on stderr): the intermediates a double code cannot help rounding are
perturbed, and a row is dropped when that moves the NLL or a gradient entry by more than a
quarter of SPEC's tolerance max(1e-12 |exact|, 1e-14 S). The intermediates: the shifted logits,
weight logits and scores d_k = x_k - max(x), moved by 2^-52 max(|d_k|, 1) (the rounding of the
subtraction and of exp); the smoothed targets t'_k (relative 2^-52, where e > 0); the
standardised residuals z_k = (y - mu_k)/sigma_k of GAUSSIAN_MIXTURE and the diagonal
MULTIVARIATE_NORMAL (relative 2^-52, where y - mu or the division is inexact), SOFTPLUS sigma
(relative); for the Cholesky form every entry of L (relative 2^-52: forward substitution is
backward stable, its roundings equal such a perturbation of L) and every inexact y_i - mu_i.
Each intermediate is moved alone (both signs), and all of them together under 6 fixed
pseudo-random sign patterns (all +, all -, 4 random); rows of more than 100 items use only the
joint patterns.

    python3 tools/reference/families_vector.py                  # writes the four CSVs
    python3 tools/reference/families_vector.py --out DIR        # into DIR instead
    python3 tools/reference/families_vector.py --only categorical   # one family (repeatable)

numpy and scipy are deliberately not used. The output is deterministic (fixed seed). A full
run takes about 3.5 minutes, most of it the 1000-item rows and the 1e300-scale mixtures.
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

SEED = 20260303
HEADER = "case,record,inputs,nll,grads,scale,tag"
DELTA = mpf(2) ** -52          # relative perturbation of a rounded intermediate
SKIP_FRACTION = mpf(1) / 4     # ... may move an output by at most this share of the tolerance
BIG_ROW = 100                  # rows with more elements than this: joint perturbations only
INF = float("inf")
TIES = []                      # rows holding a value that is exactly a double midpoint


# ---------------------------------------------------------------------------------------------
# Records


class Comp:
    def __init__(self, role, jtype, jname, pname=None, link=None):
        self.role, self.jtype, self.jname, self.pname, self.link = role, jtype, jname, pname, link


class Rec:
    def __init__(self, name, family, comps, constants=None):
        self.name, self.family, self.comps = name, family, comps
        self.constants = constants or {}


def y(jtype):
    return Comp("y", jtype, "y")


RECORDS = {
    "categorical": [
        Rec("CategoricalLabel", "CATEGORICAL",
            [Comp("y", "int", "label"), Comp("param", "double[]", "logits", "logits", "SOFTMAX")]),
        Rec("CategoricalSmoothed", "CATEGORICAL",
            [Comp("y", "int", "label"), Comp("param", "double[]", "logits", "logits", "SOFTMAX")],
            constants={"labelSmoothing": 0.1}),
        Rec("CategoricalSoft", "CATEGORICAL",
            [Comp("y", "double[]", "target"),
             Comp("param", "double[]", "logits", "logits", "SOFTMAX")]),
        Rec("CategoricalSoftSmoothed", "CATEGORICAL",
            [Comp("y", "double[]", "target"),
             Comp("param", "double[]", "logits", "logits", "SOFTMAX")],
            constants={"labelSmoothing": 0.25}),
        Rec("CategoricalWeighted", "CATEGORICAL",
            [Comp("y", "int", "label"), Comp("param", "double[]", "logits", "logits", "SOFTMAX"),
             Comp("weight", "double", "weight")]),
    ],
    "gaussian_mixture": [
        Rec("Mixture", "GAUSSIAN_MIXTURE",
            [y("double"), Comp("param", "double[]", "weights", "weights", "SOFTMAX"),
             Comp("param", "double[]", "mu", "mu", "IDENTITY"),
             Comp("param", "double[]", "sigma", "sigma", "LOG")]),
        Rec("MixtureSoftplus", "GAUSSIAN_MIXTURE",
            [y("double"), Comp("param", "double[]", "weights", "weights", "SOFTMAX"),
             Comp("param", "double[]", "mu", "mu", "IDENTITY"),
             Comp("param", "double[]", "sigma", "sigma", "SOFTPLUS")]),
    ],
    "multivariate_normal": [
        Rec("MvnDiagonal", "MULTIVARIATE_NORMAL",
            [y("double[]"), Comp("param", "double[]", "mu", "mu", "IDENTITY"),
             Comp("param", "double[]", "sigma", "sigma", "LOG")]),
        Rec("MvnUnit", "MULTIVARIATE_NORMAL",
            [y("double[]"), Comp("param", "double[]", "mu", "mu", "IDENTITY")]),
        Rec("MvnCholesky", "MULTIVARIATE_NORMAL",
            [y("double[]"), Comp("param", "double[]", "mu", "mu", "IDENTITY"),
             Comp("param", "double[]", "scaleTril", "scaleTril", "LOG")]),
    ],
    "plackett_luce": [
        Rec("Ranking", "PLACKETT_LUCE",
            [Comp("y", "int[]", "ranking"),
             Comp("param", "double[]", "scores", "scores", "IDENTITY")]),
    ],
}
RECORD_BY_NAME = {r.name: r for recs in RECORDS.values() for r in recs}


# ---------------------------------------------------------------------------------------------
# Perturbations: pert maps a key to a sign (+1 / -1); absent keys are not moved


def shifted(d, pert, key):
    s = pert.get(key)
    return d + s * DELTA * max(abs(d), 1) if s else d


def scaled(x, pert, key):
    s = pert.get(key)
    return x * (1 + s * DELTA) if s else x


def is_minus_inf(x):
    return mpmath.isinf(x) and x < 0


def exact_difference(a, b):
    """Whether the double subtraction a - b is exact."""
    return Fraction(a) - Fraction(b) == Fraction(a - b)


# ---------------------------------------------------------------------------------------------
# Families: f(rec, values, pert) -> (nll, [grads flattened] or None, [thetas for S])


def softmax_parts(logits, pert, key):
    """Shifted logits d_k (None where masked), exp(d_k), and the total Z."""
    finite = [x for x in logits if not is_minus_inf(x)]
    m = max(finite)
    d = [None if is_minus_inf(x) else shifted(x - m, pert, (key, k)) for k, x in enumerate(logits)]
    e = [None if v is None else mpmath.exp(v) for v in d]
    z = mpmath.fsum(v for v in e if v is not None)
    return d, e, z


def categorical(rec, values, pert):
    eps = mpf(rec.constants.get("labelSmoothing", 0.0))
    yv, logits = values[0], values[1]
    weight = values[2] if len(values) > 2 else None
    kk = len(logits)
    if isinstance(yv, list):
        t = list(yv)
    else:
        t = [mpf(1) if k == yv else mpf(0) for k in range(kk)]
    tp = [(1 - eps) * tk + eps / kk for tk in t] if eps else t
    if eps:
        tp = [scaled(v, pert, ("t", k)) if v else v for k, v in enumerate(tp)]
    thetas = [abs(tk) for tk in t] + [abs(x) for x in logits if not is_minus_inf(x)]
    if any(tp[k] > 0 and is_minus_inf(logits[k]) for k in range(kk)):
        return mpf("inf"), None, thetas
    d, e, z = softmax_parts(logits, pert, "d")
    total = mpmath.fsum(tp)
    nll_terms, grads = [], []
    log_z = mpmath.log(z)
    for k in range(kk):
        if d[k] is None:
            grads.append(mpf(0))
            continue
        p = e[k] / z
        thetas.append(p)
        if 2 * e[k] > z:  # the dominant class: its remainder, never 1 - p
            rest = mpmath.fsum(e[j] for j in range(kk) if j != k and e[j] is not None)
            neg_log_p = mpmath.log1p(rest / e[k])
            g = exact_sum([mpmath.fsum(tp[j] for j in range(kk) if j != k), -total * rest / z])
        else:
            neg_log_p = log_z - d[k]
            g = exact_sum([total * p, -tp[k]])
        if tp[k]:
            nll_terms.append(tp[k] * neg_log_p)
        grads.append(g)
    nll = mpmath.fsum(nll_terms)
    if weight is not None:
        nll, grads = weight * nll, [weight * g for g in grads]
    return nll, grads, thetas


def positive(link, eta):
    """(sigma, log sigma, d log sigma / d eta)."""
    if link == "LOG":
        return mpmath.exp(eta), eta, mpf(1)
    if eta > 4 * mp.prec:
        # exp(-eta) < 2^-(4 prec): softplus(eta) and sigmoid(eta) round to eta and 1 at this
        # precision, which is what the general forms return, after forming exp(-1e300)
        s, slope = +eta, mpf(1)
    else:
        s, slope = softplus(eta), sigmoid(eta)
    return s, mpmath.log(s), slope / s


def mixture(rec, values, pert):
    yv, a, mu, eta = values
    link = rec.comps[3].link
    kk = len(a)
    half_log_2pi = mpmath.log(2 * mpmath.pi) / 2
    d, e, zw = softmax_parts(a, pert, "d")
    log_zw = mpmath.log(zw)
    thetas = [abs(yv)]
    big_l, z, sig, dls = [], [], [], []
    for k in range(kk):
        s, ls, dl = positive(link, eta[k])
        if link != "LOG" and pert.get(("sigma", k)):
            s = scaled(s, pert, ("sigma", k))
            ls = mpmath.log(s)
        zk = scaled((yv - mu[k]) / s, pert, ("z", k))
        sig.append(s)
        dls.append(dl)
        z.append(zk)
        thetas += [abs(mu[k]), s]
        if d[k] is None:
            big_l.append(None)
        else:
            thetas.append(e[k] / zw)
            big_l.append(d[k] - log_zw - ls - half_log_2pi - zk * zk / 2)
    lmax = max(v for v in big_l if v is not None)
    ex = [None if v is None else mpmath.exp(v - lmax) for v in big_l]
    total = mpmath.fsum(v for v in ex if v is not None)
    nll = -(lmax + mpmath.log(total))
    gw, gm, gs = [], [], []
    for k in range(kk):
        if big_l[k] is None:
            gw.append(mpf(0))
            gm.append(mpf(0))
            gs.append(mpf(0))
            continue
        r = ex[k] / total
        w = e[k] / zw
        if 2 * ex[k] > total or 2 * e[k] > zw:
            r_rest = mpmath.fsum(ex[j] for j in range(kk) if j != k and ex[j] is not None) / total
            w_rest = mpmath.fsum(e[j] for j in range(kk) if j != k and e[j] is not None) / zw
            gw.append(exact_sum([r_rest, -w_rest]))
        else:
            gw.append(exact_sum([w, -r]))
        gm.append(-r * z[k] / sig[k])
        gs.append(r * exact_sum([mpf(1), -z[k] * z[k]]) * dls[k])
    return nll, gw + gm + gs, thetas


def mvn_diagonal(rec, values, pert):
    yv, mu = values[0], values[1]
    eta = values[2] if len(values) > 2 else None
    half_log_2pi = mpmath.log(2 * mpmath.pi) / 2
    thetas = [abs(v) for v in yv] + [abs(v) for v in mu]
    terms, gm, gs = [], [], []
    for i in range(len(yv)):
        s = mpmath.exp(eta[i]) if eta is not None else mpf(1)
        z = scaled((yv[i] - mu[i]) / s, pert, ("z", i))
        thetas.append(s)
        terms += [eta[i] if eta is not None else mpf(0), half_log_2pi, z * z / 2]
        gm.append(-z / s)
        gs.append(exact_sum([mpf(1), -z * z]))
    return mpmath.fsum(terms), gm + (gs if eta is not None else []), thetas


def tril_index(i, j):
    return i * (i + 1) // 2 + j


def mvn_cholesky(rec, values, pert):
    yv, mu, packed = values
    dd = len(yv)
    half_log_2pi = mpmath.log(2 * mpmath.pi) / 2
    lmat = [[mpf(0)] * dd for _ in range(dd)]
    for i in range(dd):
        for j in range(i + 1):
            v = packed[tril_index(i, j)]
            lmat[i][j] = scaled(mpmath.exp(v) if i == j else v, pert, ("L", tril_index(i, j)))
    r = [scaled(yv[i] - mu[i], pert, ("r", i)) for i in range(dd)]
    z = []
    for i in range(dd):
        acc = mpmath.fsum([r[i]] + [-lmat[i][j] * z[j] for j in range(i)])
        z.append(acc / lmat[i][i])
    u = [mpf(0)] * dd
    for i in reversed(range(dd)):
        acc = mpmath.fsum([z[i]] + [-lmat[j][i] * u[j] for j in range(i + 1, dd)])
        u[i] = acc / lmat[i][i]
    nll = mpmath.fsum([packed[tril_index(i, i)] for i in range(dd)]
                      + [dd * half_log_2pi] + [zi * zi / 2 for zi in z])
    g_mu = [-ui for ui in u]
    g_l = []
    for i in range(dd):
        for j in range(i + 1):
            if i == j:
                g_l.append(exact_sum([mpf(1), -lmat[i][i] * u[i] * z[i]]))
            else:
                g_l.append(-u[i] * z[j])
    thetas = ([abs(v) for v in yv] + [abs(v) for v in mu]
              + [abs(lmat[i][j]) for i in range(dd) for j in range(i + 1)])
    return nll, g_mu + g_l, thetas


def ranking_items(ranking):
    items = list(ranking)
    while items and items[-1] == -1:
        items.pop()
    return items


def plackett_luce(rec, values, pert):
    ranking, s = values
    kk = len(s)
    items = ranking_items(ranking)
    n = len(items)
    d, e, _ = softmax_parts(s, pert, "d")
    ranked = set(items)
    tail = mpmath.fsum(e[k] for k in range(kk) if k not in ranked)
    zs = [mpf(0)] * (n + 1)  # Z_j, j = 0..n
    zs[n] = tail
    for j in reversed(range(n)):
        zs[j] = zs[j + 1] + e[items[j]]
    nll = mpmath.fsum(mpmath.log1p(zs[j + 1] / e[items[j]]) for j in range(n))
    prefix = [mpf(0)] * (n + 1)  # P_q = sum_{j < q} 1/Z_j
    for j in range(n):
        prefix[j + 1] = prefix[j] + 1 / zs[j]
    position = {k: q for q, k in enumerate(items)}
    grads = []
    for k in range(kk):
        if k in position:
            q = position[k]
            grads.append(exact_sum([e[k] * prefix[q], -zs[q + 1] / zs[q]]))
        else:
            grads.append(e[k] * prefix[n])
    return nll, grads, [abs(v) for v in s]


FAMILY_FUNCTIONS = {
    "CATEGORICAL": categorical, "GAUSSIAN_MIXTURE": mixture,
}


def family_function(rec):
    if rec.family == "MULTIVARIATE_NORMAL":
        return mvn_cholesky if rec.name == "MvnCholesky" else mvn_diagonal
    if rec.family == "PLACKETT_LUCE":
        return plackett_luce
    return FAMILY_FUNCTIONS[rec.family]


# ---------------------------------------------------------------------------------------------
# Evaluating a row


def to_mp(v, jtype):
    if jtype in ("int", "int[]"):
        return v
    if isinstance(v, list):
        return [mpf(x) for x in v]
    return mpf(v)


def compute(row, pert=None, override=None):
    """(nll, grads or None, thetas) at the current precision; override {(comp, elem): value}."""
    rec = RECORD_BY_NAME[row["record"]]
    values = [to_mp(v, c.jtype) for c, v in zip(rec.comps, row["inputs"])]
    for (ci, ei), v in (override or {}).items():
        values[ci][ei] = v
    return family_function(rec)(rec, values, pert or {})


def flat_doubles(row):
    rec = RECORD_BY_NAME[row["record"]]
    out = []
    for c, v in zip(rec.comps, row["inputs"]):
        if c.jtype in ("int", "int[]"):
            continue
        out += v if isinstance(v, list) else [v]
    return out


def margin_of(row):
    """Twice the decimal exponent (either sign) of inputs and scale parameters, plus 10."""
    rec = RECORD_BY_NAME[row["record"]]
    exps = [0.0]
    for x in flat_doubles(row):
        if x != 0 and math.isfinite(x):
            exps.append(abs(math.log10(abs(x))))
    scale_etas = []
    if rec.family in ("GAUSSIAN_MIXTURE",) or rec.name == "MvnDiagonal":
        scale_etas = row["inputs"][-1]
        if rec.family == "GAUSSIAN_MIXTURE" and rec.comps[3].link == "SOFTPLUS":
            scale_etas = [min(v, 0.0) for v in scale_etas]  # softplus(eta) ~ eta above 0
    if rec.name == "MvnCholesky":
        dd = len(row["inputs"][0])
        scale_etas = [row["inputs"][2][tril_index(i, i)] for i in range(dd)]
    for v in scale_etas:
        exps.append(abs(v) / math.log(10))
    return 2 * int(max(exps) + 1) + 10


def tolerance(exact, scale):
    return max(mpf("1e-12") * abs(exact), mpf("1e-14") * scale)


def scale_of(row, thetas):
    s = 1.0
    for t in thetas:
        if mpmath.isinf(t):
            continue
        s = max(s, float(to_double(abs(t))))
    rec = RECORD_BY_NAME[row["record"]]
    w = None
    for c, v in zip(rec.comps, row["inputs"]):
        if c.role == "weight":
            w = v
    if w is not None:
        s *= max(1.0, w)
    return s


def formatted(values):
    nll, grads, _ = values
    first = to_double(nll)
    if first == "Infinity" or grads is None:
        return [first, []]
    return [first, [to_double(g) for g in grads]]


def is_midpoint(v):
    """Whether v (at the working precision) lies exactly halfway between two doubles.

    Such a value rounds by the tie rule, while the exact value it stands for may sit a term
    below the working precision to either side of the midpoint (2/3 - e^-700 computed as 2/3):
    the row is then recomputed with more digits.
    """
    if v is None or v == 0 or mpmath.isinf(v) or mpmath.mag(v) > 1100 or mpmath.mag(v) < -1200:
        return False
    sign, man, exp, _ = v._mpf_
    exact = Fraction(-int(man) if sign else int(man)) * (Fraction(2) ** int(exp))
    try:
        d = float(exact)
    except OverflowError:
        return False
    if Fraction(d) == exact:
        return False
    other = math.nextafter(d, math.inf if exact > Fraction(d) else -math.inf)
    if math.isinf(other):
        return False
    return (Fraction(d) + Fraction(other)) / 2 == exact


def element_count(row):
    return max(len(v) for v in row["inputs"] if isinstance(v, list))


def perturbation_keys(row):
    rec = RECORD_BY_NAME[row["record"]]
    ins = row["inputs"]
    keys = []
    if rec.family in ("CATEGORICAL", "PLACKETT_LUCE"):
        xs = ins[1]
        keys += [("d", k) for k, x in enumerate(xs) if x != -INF]
        if rec.constants.get("labelSmoothing"):
            keys += [("t", k) for k in range(len(xs))]
    elif rec.family == "GAUSSIAN_MIXTURE":
        yv, a, mu, eta = ins
        keys += [("d", k) for k, x in enumerate(a) if x != -INF]
        for k in range(len(a)):
            if not (yv == mu[k] or (eta[k] == 0.0 and rec.comps[3].link == "LOG"
                                    and exact_difference(yv, mu[k]))):
                keys.append(("z", k))
            if rec.comps[3].link == "SOFTPLUS":
                keys.append(("sigma", k))
    elif rec.name == "MvnCholesky":
        yv, mu, packed = ins
        keys += [("L", k) for k in range(len(packed))]
        keys += [("r", i) for i in range(len(yv)) if not exact_difference(yv[i], mu[i])]
    else:
        yv, mu = ins[0], ins[1]
        for i in range(len(yv)):
            unit = rec.name == "MvnUnit" or ins[2][i] == 0.0
            if not (yv[i] == mu[i] or (unit and exact_difference(yv[i], mu[i]))):
                keys.append(("z", i))
    return keys


def patterns(row, keys):
    """Single moves (small rows) and joint sign patterns."""
    out = []
    if element_count(row) <= BIG_ROW:
        for key in keys:
            out += [{key: 1}, {key: -1}]
    if keys:
        rng = random.Random(f"{SEED}-{row['case']}")
        out.append({k: 1 for k in keys})
        out.append({k: -1 for k in keys})
        for _ in range(4):
            out.append({k: rng.choice((1, -1)) for k in keys})
    return out


def ill_conditioned(row, exact, scale, margin):
    keys = perturbation_keys(row)
    with mp.workdps(60 + margin):
        for pert in patterns(row, keys):
            nll, grads, _ = compute(row, pert=pert)
            got = [nll] + (grads or [])
            names = ["nll"] + [f"grad{i + 1}" for i in range(len(grads or []))]
            for what, g, ref in zip(names, got, exact):
                if mpmath.isinf(ref) or abs(ref) > mpf(10) ** 308:
                    continue
                if abs(g - ref) > SKIP_FRACTION * tolerance(ref, scale):
                    rel = abs(g - ref) / tolerance(ref, scale)
                    moved = ", ".join(f"{k[0]}{k[1]}" for k in list(pert)[:3])
                    if len(pert) > 3:
                        moved = f"all {len(pert)} intermediates"
                    return f"{what} moves {mpmath.nstr(rel, 3)} x tolerance under a 2^-52 " \
                           f"rounding of {moved}"
    return None


def param_elements(row):
    """(comp index, element index, flat gradient index) of every @Param element."""
    rec = RECORD_BY_NAME[row["record"]]
    out = []
    flat = 0
    for ci, c in enumerate(rec.comps):
        if c.role != "param":
            continue
        for ei in range(len(row["inputs"][ci])):
            out.append((ci, ei, flat))
            flat += 1
    return out


def check_derivatives(row, exact, cols, margin):
    elems = param_elements(row)
    if element_count(row) > BIG_ROW:
        rng = random.Random(f"{SEED}-diff-{row['case']}")
        chosen = {0, len(elems) - 1} | set(rng.sample(range(len(elems)), 4))
        elems = [elems[i] for i in sorted(chosen)]
    for ci, ei, flat in elems:
        expected = cols[1][flat]
        at = row["inputs"][ci][ei]
        if expected in ("Infinity", "-Infinity") or not math.isfinite(at):
            continue
        with mp.workdps(200 + margin):
            at = mpf(at)
            m = max(abs(at), mpf(1))
            h = mpmath.ldexp(m, -mp.prec - 20)

            def fn(t):
                return compute(row, override={(ci, ei): t})[0]

            nll_here = fn(at)
            if mpmath.isinf(nll_here):
                continue
            numeric = mpmath.diff(fn, at, h=h)
            closed = exact[1][flat]
            scale = max(abs(closed), abs(nll_here) / m)
            close = abs(numeric - closed) <= mpf(10) ** -40 * scale
        same = to_double(numeric) == expected or (
            to_double(numeric) in ("0.0", "-0.0") and expected in ("0.0", "-0.0"))
        if not close and not same:
            raise AssertionError(f"grad {flat} of {row['case']}: mpmath.diff "
                                 f"{mpmath.nstr(numeric, 25)} vs closed form "
                                 f"{mpmath.nstr(closed, 25)}")


def fmt_double(v):
    if v != v:
        raise ValueError("NaN input")
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return repr(float(v))


def fmt_value(v, jtype):
    if jtype == "int":
        return str(int(v))
    if jtype == "int[]":
        return "[" + " ".join(str(int(x)) for x in v) + "]"
    if jtype == "double[]":
        return "[" + " ".join(fmt_double(x) for x in v) + "]"
    return fmt_double(v)


def evaluate(row):
    """The CSV line of a row, or (None, reason) when it is skipped."""
    rec = RECORD_BY_NAME[row["record"]]
    margin = margin_of(row)
    for _ in range(12):
        with mp.workdps(200 + margin):
            exact = compute(row)
            cols = formatted(exact)
        with mp.workdps(260 + margin):
            again = formatted(compute(row))
        tie = cols[1] != [] and any(is_midpoint(v) for v in [exact[0]] + exact[1]) \
            or is_midpoint(exact[0])
        if cols == again and not tie:
            break
        margin += 400
    else:
        if cols != again:
            raise AssertionError(f"precision-dependent result for {row['case']}: "
                                 f"{cols} vs {again}")
        # still on the midpoint 4,400 digits further: an exact tie (such as mu - y, a difference
        # of doubles that needs 54 bits), rounded to even as IEEE rounds it; listed on stderr
        TIES.append(f"{row['case']} [{row['record']}]")
    scale = scale_of(row, exact[2])
    if cols[1]:
        reason = ill_conditioned(row, [exact[0]] + exact[1], scale, margin)
        if reason:
            return None, reason
        check_derivatives(row, exact, cols, margin)
    inputs = ";".join(fmt_value(v, c.jtype) for c, v in zip(rec.comps, row["inputs"]))
    line = ",".join([row["case"], row["record"], inputs, cols[0], ";".join(cols[1]),
                     repr(scale), row["tag"]])
    return line, None


# ---------------------------------------------------------------------------------------------
# Row sets


def r4(x):
    return float(f"{x:.4g}")


class Rows:
    def __init__(self):
        self.rows = []
        self.counters = {}

    def add(self, group, tag, record, *inputs):
        rec = RECORD_BY_NAME[record]
        assert len(inputs) == len(rec.comps), (record, inputs)
        typed = []
        for c, v in zip(rec.comps, inputs):
            if c.jtype == "int":
                typed.append(int(v))
            elif c.jtype == "int[]":
                typed.append([int(x) for x in v])
            elif c.jtype == "double[]":
                typed.append([float(x) for x in v])
            else:
                typed.append(float(v))
        self.validate(rec, typed)
        n = self.counters.get(group, 0) + 1
        self.counters[group] = n
        self.rows.append({"case": f"{group}-{n}", "record": record, "inputs": typed, "tag": tag})

    @staticmethod
    def validate(rec, ins):
        if rec.family == "CATEGORICAL":
            kk = len(ins[1])
            assert kk >= 1 and any(x != -INF for x in ins[1])
            assert all(x == x and x != INF for x in ins[1])
            if rec.comps[0].jtype == "int":
                assert 0 <= ins[0] < kk
            else:
                assert len(ins[0]) == kk and all(0 <= t <= 1 for t in ins[0])
            if len(ins) > 2:
                assert ins[2] >= 0
        elif rec.family == "GAUSSIAN_MIXTURE":
            assert len(ins[1]) == len(ins[2]) == len(ins[3])
            assert any(x != -INF for x in ins[1])
            assert all(math.isfinite(x) for x in ins[2] + ins[3] + [ins[0]])
        elif rec.family == "MULTIVARIATE_NORMAL":
            dd = len(ins[0])
            assert len(ins[1]) == dd
            if len(ins) > 2:
                want = dd * (dd + 1) // 2 if rec.name == "MvnCholesky" else dd
                assert len(ins[2]) == want
            assert all(math.isfinite(x) for v in ins for x in v)
        elif rec.family == "PLACKETT_LUCE":
            kk = len(ins[1])
            items = ranking_items(ins[0])
            assert 1 <= len(items) <= kk and len(set(items)) == len(items)
            assert all(0 <= k < kk for k in items)
            assert all(k == -1 for k in ins[0][len(items):])


def composition(rng, kk, total):
    """A random target distribution: integer counts summing to total, divided by it."""
    cuts = sorted(rng.randint(0, total) for _ in range(kk - 1))
    counts = [b - a for a, b in zip([0] + cuts, cuts + [total])]
    return [c / total for c in counts]


# --- CATEGORICAL ------------------------------------------------------------------------------


def categorical_rows(rng):
    rows = Rows()
    per_k = {"CategoricalLabel": 5, "CategoricalSmoothed": 4, "CategoricalSoft": 5,
             "CategoricalSoftSmoothed": 3, "CategoricalWeighted": 3}
    for name, n in per_k.items():
        for kk in [2, 3, 5, 10]:
            for _ in range(n):
                logits = [r4(rng.uniform(-4, 4)) for _ in range(kk)]
                if name in ("CategoricalSoft", "CategoricalSoftSmoothed"):
                    target = composition(rng, kk, rng.choice([8, 10, 100, 7, 1000]))
                    rows.add(f"grid-{name}", "ordinary", name, target, logits)
                elif name == "CategoricalWeighted":
                    rows.add(f"grid-{name}", "ordinary", name, rng.randrange(kk), logits,
                             r4(rng.uniform(0.1, 3)))
                else:
                    rows.add(f"grid-{name}", "ordinary", name, rng.randrange(kk), logits)

    def all_records(group, logits, extra=()):
        """Every label; smoothing, soft targets and a weight at the top and bottom class."""
        kk = len(logits)
        top = max(range(kk), key=lambda k: logits[k])
        bottom = min(range(kk), key=lambda k: logits[k])

        def onehot(k):
            return [1.0 if j == k else 0.0 for j in range(kk)]

        for lab in range(kk):
            rows.add(group, "adversarial", "CategoricalLabel", lab, logits)
        for lab in sorted({top, bottom}):
            rows.add(group, "adversarial", "CategoricalSmoothed", lab, logits)
        rows.add(group, "adversarial", "CategoricalSoft", onehot(bottom), logits)
        rows.add(group, "adversarial", "CategoricalSoftSmoothed", onehot(top), logits)
        for t in extra:
            rows.add(group, "adversarial", "CategoricalSoft", t, logits)
            rows.add(group, "adversarial", "CategoricalSoftSmoothed", t, logits)
        rows.add(group, "adversarial", "CategoricalWeighted", bottom, logits, 2.5)

    # logit gaps of 1e4, labels at the top and not
    for logits in [[1e4, 0.0, -3.0], [-3.0, 0.0, 1e4], [1e4, -1e4], [1e4, 9999.0, 0.0],
                   [1e4, 1e4, -1e4], [-1e4, 0.0, 0.5, 1.5]]:
        kk = len(logits)
        all_records("gap", logits, extra=[[0.5, 0.5] + [0.0] * (kk - 2), [1.0 / kk] * kk])
    # logits of +-800
    for logits in [[800.0, -800.0], [800.0, -800.0, 0.0], [-800.0, -800.0, -800.0],
                   [800.0, 799.5, -800.0], [-800.0, 800.0, 799.0, 0.25, -3.0]]:
        kk = len(logits)
        all_records("pm800", logits,
                    extra=[[0.25, 0.25, 0.5] + [0.0] * (kk - 3)] if kk >= 3 else [[0.3, 0.7]])
    # huge logits
    for logits in [[1e300, 0.0, -1e300], [1e15, -1e15, 0.5]]:
        all_records("huge", logits)
    # -Infinity masks (finite where no target weight lands on a masked class)
    masks = [[-INF, 1.5, 0.3], [2.0, -INF, -INF, 0.5], [-INF, -INF, 7.0],
             [0.1, -INF, 800.0, -INF, -800.0], [-INF, 1e4, 0.0]]
    for logits in masks:
        kk = len(logits)
        open_ = [k for k in range(kk) if logits[k] != -INF]
        shut = [k for k in range(kk) if logits[k] == -INF]
        for lab in open_:
            rows.add("mask", "adversarial", "CategoricalLabel", lab, logits)
        rows.add("mask", "adversarial", "CategoricalWeighted", open_[0], logits, 0.75)
        rows.add("mask", "adversarial", "CategoricalLabel", shut[0], logits)  # +Infinity
        rows.add("mask", "adversarial", "CategoricalSmoothed", open_[0], logits)  # +Infinity
        spread = [0.0] * kk
        for j, k in enumerate(open_):
            spread[k] = 1.0 / len(open_) if j < len(open_) - 1 else 0.0
        spread[open_[-1]] = 1.0 - sum(spread)
        rows.add("mask", "adversarial", "CategoricalSoft", spread, logits)
        one = [0.0] * kk
        one[open_[-1]] = 1.0
        rows.add("mask", "adversarial", "CategoricalSoft", one, logits)
        leak = list(spread)
        leak[shut[0]], leak[open_[0]] = 0.25, max(leak[open_[0]] - 0.25, 0.0)
        rows.add("mask", "adversarial", "CategoricalSoft", leak, logits)  # +Infinity
        rows.add("mask", "adversarial", "CategoricalSoftSmoothed", spread, logits)  # +Infinity
    # targets with exact 0 and 1 at everyday logits
    for logits in [[-5.0, 5.0], [0.3, -1.2, 2.5]]:
        kk = len(logits)
        for k in range(kk):
            t = [0.0] * kk
            t[k] = 1.0
            rows.add("zero-one", "adversarial", "CategoricalSoft", t, logits)
        rows.add("zero-one", "adversarial", "CategoricalSoftSmoothed", t, logits)
        rows.add("zero-one", "adversarial", "CategoricalSoft", [0.0] * (kk - 2) + [0.5, 0.5],
                 logits)
    # K = 1: the NLL is 0
    for logits in [[3.7], [-800.0], [1e300]]:
        rows.add("single", "adversarial", "CategoricalLabel", 0, logits)
        rows.add("single", "adversarial", "CategoricalSmoothed", 0, logits)
        rows.add("single", "adversarial", "CategoricalSoft", [1.0], logits)
        rows.add("single", "adversarial", "CategoricalSoftSmoothed", [1.0], logits)
    rows.add("single", "adversarial", "CategoricalWeighted", 0, [3.7], 3.0)
    # weights 0, tiny, huge
    for w in [0.0, 1e-300, 1e6]:
        for logits, lab in [([0.3, -1.2, 2.5], 1), ([1e4, 0.0, -3.0], 1), ([800.0, -800.0], 0)]:
            rows.add("weight", "adversarial", "CategoricalWeighted", lab, logits, w)
    # wide: K = 1000 and 100
    for kk, spread in [(1000, 4.0), (1000, 800.0), (100, 30.0)]:
        logits = [r4(rng.uniform(-spread, spread)) for _ in range(kk)]
        lab = rng.randrange(kk)
        top = max(range(kk), key=lambda k: logits[k])
        rows.add("wide", "adversarial", "CategoricalLabel", lab, logits)
        rows.add("wide", "adversarial", "CategoricalLabel", top, logits)
        rows.add("wide", "adversarial", "CategoricalSmoothed", lab, logits)
        rows.add("wide", "adversarial", "CategoricalSoft", composition(rng, kk, 1000), logits)
    return rows.rows


# --- GAUSSIAN_MIXTURE -------------------------------------------------------------------------


def softplus_inverse(theta):
    with mp.workdps(50):
        t = mpf(theta)
        return float(t + mpmath.log(-mpmath.expm1(-t)))


def mixture_rows(rng):
    rows = Rows()
    for name, n in [("Mixture", 14), ("MixtureSoftplus", 8)]:
        for kk in [2, 3, 5, 10]:
            for _ in range(n):
                yv = r4(rng.uniform(-6, 6))
                a = [r4(rng.uniform(-2, 2)) for _ in range(kk)]
                mu = [r4(rng.uniform(-5, 5)) for _ in range(kk)]
                if name == "Mixture":
                    eta = [r4(rng.uniform(-1.5, 1.5)) for _ in range(kk)]
                else:
                    eta = [r4(rng.uniform(-2.5, 2.5)) for _ in range(kk)]
                rows.add(f"grid-{name}", "ordinary", name, yv, a, mu, eta)

    for name in ["Mixture", "MixtureSoftplus"]:
        def eta_of(sigma):
            if name == "Mixture":
                return math.log(sigma)
            return softplus_inverse(sigma)

        tiny, huge = eta_of(1e-300), eta_of(1e300)
        one = eta_of(1.0)
        cases = [
            # sigma 1e-300 at, near and far from y
            ("tiny", 0.5, [0.0, 0.0], [0.5, 0.0], [tiny, one]),
            ("tiny", 1e-300, [0.0, 0.0], [0.0, 0.0], [tiny, one]),
            ("tiny", 3e-300, [0.0, 0.0], [0.0, 0.0], [tiny, one]),
            ("tiny", -2e-300, [1.5, -0.5], [0.0, 2.0], [tiny, one]),
            ("tiny", 0.5, [0.0, 0.0], [0.0, 0.0], [tiny, one]),
            ("tiny", 0.5, [2.0, -1.0, 0.0], [0.0, 0.5, 3.0], [tiny, tiny, one]),
            ("tiny", 0.5, [0.0, 0.0], [0.0, 1.0], [tiny, tiny]),          # +Infinity
            ("tiny", 1e-290, [0.0, 0.0], [0.0, 3e-290], [tiny, tiny]),    # z = 1e10, -2e10
            ("tiny", 1e-290, [0.0, 0.0], [0.0, 5.0], [tiny, one]),
            ("tiny", 0.0, [0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [tiny, one, huge]),
            # sigma 1e300
            ("huge", 0.5, [0.0, 0.0], [0.0, 1e300], [huge, one]),
            ("huge", 1e300, [0.0, 0.0], [0.0, -1e300], [huge, huge]),
            ("huge", 3.0, [0.3, -0.3], [1.0, -1.0], [huge, huge]),
            ("huge", 1e300, [0.0, 1.0], [0.0, 0.0], [huge, one]),
            # masked components
            ("mask", 0.7, [-INF, 0.3, 1.2], [0.0, 1.0, -1.0], [one, one, one]),
            ("mask", 0.7, [-INF, 0.0], [0.7, 5.0], [one, one]),
            ("mask", 0.7, [0.0, -INF, -INF], [0.7, 5.0, 0.7], [tiny, one, tiny]),
            ("mask", 0.5, [-INF, 0.0, 1e4], [0.5, 0.0, 1.0], [tiny, huge, one]),
            # y far from every component: |y - mu| / sigma = 1e10
            ("far", 1e10, [0.0, 0.0, 0.0], [0.0, 1.0, -2.0], [one, one, one]),
            ("far", -1e10, [0.5, -0.5], [0.0, 3.0], [one, eta_of(2.0)]),
            ("far", 1e11, [0.0, 0.0], [1e10, -1e10], [eta_of(10.0), eta_of(2.0)]),
            ("far", 0.0, [0.0, 0.0], [1e-140, -1e-140], [eta_of(1e-150), eta_of(1e-150)]),
            # weight logits with gaps
            ("gap", 1.5, [1e4, 0.0, -3.0], [0.0, 1.0, 2.0], [one, one, one]),
            ("gap", 1.5, [0.0, 1e4, -3.0], [0.0, 1.0, 2.0], [one, one, one]),
            ("gap", 1.5, [800.0, -800.0], [0.0, 1.5], [one, one]),
            ("gap", 1.5, [-800.0, 800.0, 799.0], [1.5, 40.0, -3.0], [one, one, one]),
            # identical components, K = 1
            ("same", 0.3, [0.0, 0.0, 0.0], [1.0, 1.0, 1.0], [one, one, one]),
            ("same", 0.3, [0.2, -1.0, 0.7], [1.0, 1.0, 1.0], [one, one, one]),
            ("single", 0.3, [0.0], [1.0], [one]),
            ("single", 0.3, [5.0], [1.0], [eta_of(3.0)]),
            ("single", 1e-300, [0.0], [0.0], [tiny]),
        ]
        if name == "MixtureSoftplus":
            cases += [
                ("softplus", 0.25, [0.0, 0.0, 0.0], [0.25, 0.0, 1.0], [-700.0, 40.0, 1e300]),
                ("softplus", 1e-304, [0.0, 1.0], [0.0, 0.0], [-700.0, -2.0]),
                ("softplus", 3.0, [0.0, 0.0], [1.0, 1e299], [1e300, 1e300]),
                ("softplus", -1.0, [1.0, 0.0], [0.0, 1.0], [40.0, -40.0]),
            ]
        for group, yv, a, mu, eta in cases:
            rows.add(f"{group}-{name}", "adversarial", name, yv, a, mu, eta)
        # K = 5 and 10 mixing sigma 1e-300, 1e300 and everyday ones, components on y and off
        for kk in [5, 10]:
            for i in range(4):
                yv = r4(rng.uniform(-2, 2))
                eta = [rng.choice([tiny, huge, one, eta_of(math.exp(r4(rng.uniform(-3, 3))))])
                       for _ in range(kk)]
                mu = [rng.choice([yv, r4(rng.uniform(-5, 5)), r4(yv + rng.uniform(-0.1, 0.1))])
                      for _ in range(kk)]
                a = [r4(rng.uniform(-3, 3)) for _ in range(kk)]
                if i % 2:
                    a[rng.randrange(kk)] = -INF
                rows.add(f"mixed-{name}", "adversarial", name, yv, a, mu, eta)
    return rows.rows


# --- MULTIVARIATE_NORMAL ----------------------------------------------------------------------


def mvn_rows(rng):
    rows = Rows()
    for dd in [1, 2, 3, 5]:
        for _ in range(10):
            yv = [r4(rng.uniform(-5, 5)) for _ in range(dd)]
            mu = [r4(rng.uniform(-5, 5)) for _ in range(dd)]
            eta = [r4(rng.uniform(-1.5, 1.5)) for _ in range(dd)]
            rows.add("grid-MvnDiagonal", "ordinary", "MvnDiagonal", yv, mu, eta)
        for _ in range(6):
            yv = [r4(rng.uniform(-5, 5)) for _ in range(dd)]
            mu = [r4(rng.uniform(-5, 5)) for _ in range(dd)]
            rows.add("grid-MvnUnit", "ordinary", "MvnUnit", yv, mu)
    for dd in [1, 2, 3, 5, 10]:
        for _ in range(10 if dd < 10 else 5):
            yv = [r4(rng.uniform(-4, 4)) for _ in range(dd)]
            mu = [r4(rng.uniform(-4, 4)) for _ in range(dd)]
            packed = [r4(rng.uniform(-1, 1)) for _ in range(dd * (dd + 1) // 2)]
            rows.add("grid-MvnCholesky", "ordinary", "MvnCholesky", yv, mu, packed)

    # diagonal sigma from 1e-150 to 1e150
    for s in [1e-150, 1e-100, 1e-10, 1e10, 1e100, 1e150]:
        e = math.log(s)
        for r in [0.0, s, 3 * s, 1.0, 1e10]:
            rows.add("sigma-extreme", "adversarial", "MvnDiagonal", [r, 0.5, -2.0],
                     [0.0, 0.25, 1.0], [e, 0.1, -0.2])
    spread = [math.log(10.0 ** k) for k in [-150, -120, -60, -1, 0, 1, 30, 90, 120, 150]]
    rows.add("sigma-extreme", "adversarial", "MvnDiagonal", [0.0] * 10, [0.0] * 10, spread)
    rows.add("sigma-extreme", "adversarial", "MvnDiagonal",
             [10.0 ** k for k in [-150, -120, -60, -1, 0, 1, 30, 90, 120, 150]], [0.0] * 10,
             spread)
    rows.add("sigma-extreme", "adversarial", "MvnDiagonal",
             [2.0 * 10.0 ** k for k in [-150, -120, -60, -1, 0, 1, 30, 90, 120, 150]],
             [0.5] * 10, spread)
    rows.add("sigma-extreme", "adversarial", "MvnDiagonal", [1.0] * 3, [0.0] * 3,
             [math.log(1e-150)] * 3)   # z = 1e150: NLL 1.5e300
    rows.add("sigma-extreme", "adversarial", "MvnDiagonal", [1e10, 0.0], [0.0, 0.0],
             [math.log(1e-150), 0.0])  # z = 1e160: NLL beyond the double range
    # unit: large residuals
    for r in [1e150, 1e154, 1e155, 1e-300, 3.0]:
        rows.add("residual", "adversarial", "MvnUnit", [r, 0.0], [0.0, 0.5])
    rows.add("residual", "adversarial", "MvnUnit", [1e300, -1e300], [1e300, -1e300])
    rows.add("residual", "adversarial", "MvnUnit", [1e16, 1e16 + 2], [1e16 + 2, 1e16])
    rows.add("residual", "adversarial", "MvnUnit", [r4(rng.uniform(-9, 9)) for _ in range(10)],
             [r4(rng.uniform(-9, 9)) for _ in range(10)])
    rows.add("residual", "adversarial", "MvnDiagonal", [1e16, 1e16 + 2], [1e16 + 2, 1e16],
             [0.0, math.log(1e16)])

    # Cholesky: diagonals far from 1, large off-diagonals, D = 10
    def packed_of(diag, off):
        dd = len(diag)
        out = []
        for i in range(dd):
            for j in range(i + 1):
                out.append(diag[i] if i == j else off(i, j))
        return out

    for dd in [2, 3, 5, 10]:
        for d_eta in [300.0, -300.0, 600.0, -600.0]:
            for off_scale in [0.0, 1.0, 1e3, 1e5, 1e8]:
                diag = [d_eta if i % 2 == 0 else r4(rng.uniform(-1, 1)) for i in range(dd)]
                packed = packed_of(diag, lambda i, j: r4(off_scale * rng.uniform(-1, 1)) + 0.0)
                yv = [r4(rng.uniform(-3, 3)) for _ in range(dd)]
                mu = [r4(rng.uniform(-3, 3)) for _ in range(dd)]
                rows.add("cholesky-extreme", "adversarial", "MvnCholesky", yv, mu, packed)
        # every diagonal extreme
        for d_eta in [300.0, -300.0, 600.0, -600.0]:
            packed = packed_of([d_eta] * dd, lambda i, j: 0.0)
            rows.add("cholesky-extreme", "adversarial", "MvnCholesky", [0.5] * dd, [0.0] * dd,
                     packed)
            rows.add("cholesky-extreme", "adversarial", "MvnCholesky", [0.0] * dd, [0.0] * dd,
                     packed)
    # a tiny diagonal with residuals on its scale
    tiny = math.exp(-600.0)
    rows.add("cholesky-extreme", "adversarial", "MvnCholesky", [tiny, 2 * tiny, 0.0],
             [0.0, 0.0, 0.0], [-600.0, 0.0, -600.0, 0.0, 0.0, -600.0])
    rows.add("cholesky-extreme", "adversarial", "MvnCholesky", [1e-260, 0.0], [0.0, 1e-260],
             [-600.0, 1.0, -600.0])
    # y - mu = L z (in doubles) for a moderate z: the solve cancels what the product added
    for dd, off_scale in [(3, 3.0), (5, 3.0), (10, 2.0), (3, 1e3), (10, 1e3), (3, 1e8)]:
        packed = packed_of([r4(rng.uniform(-1, 1)) for _ in range(dd)],
                           lambda i, j: r4(off_scale * rng.uniform(-1, 1)))
        zt = [r4(rng.uniform(-2, 2)) for _ in range(dd)]
        yv = []
        for i in range(dd):
            acc = 0.0
            for j in range(i + 1):
                v = packed[tril_index(i, j)]
                acc += (math.exp(v) if i == j else v) * zt[j]
            yv.append(acc)
        rows.add("cholesky-cancel", "adversarial", "MvnCholesky", yv, [0.0] * dd, packed)
    # D = 10 with everyday diagonals and large off-diagonals
    for off_scale in [10.0, 1e3]:
        for _ in range(3):
            packed = packed_of([r4(rng.uniform(-1, 1)) for _ in range(10)],
                               lambda i, j: r4(off_scale * rng.uniform(-1, 1)))
            rows.add("cholesky-wide", "adversarial", "MvnCholesky",
                     [r4(rng.uniform(-3, 3)) for _ in range(10)],
                     [r4(rng.uniform(-3, 3)) for _ in range(10)], packed)
    return rows.rows


# --- PLACKETT_LUCE ----------------------------------------------------------------------------


def plackett_luce_rows(rng):
    rows = Rows()
    for kk in [2, 3, 5, 10]:
        for i in range(15):
            scores = [r4(rng.uniform(-3, 3)) for _ in range(kk)]
            perm = list(range(kk))
            rng.shuffle(perm)
            n = kk if i % 3 == 0 else rng.randint(1, kk)
            ranking = perm[:n]
            if n < kk and i % 2:
                ranking = ranking + [-1] * (kk - n)
            rows.add("grid", "ordinary", "Ranking", ranking, scores)

    def by_score(scores):
        return sorted(range(len(scores)), key=lambda k: -scores[k])

    # 1000 items: moderate spread and gaps of 1e3; full and top-10
    for group, scores in [
        ("big-moderate", [r4(rng.uniform(-3, 3)) for _ in range(1000)]),
        ("big-gap", [r4(rng.uniform(-3, 3) + 1e3 * rng.randint(-2, 2)) for _ in range(1000)]),
    ]:
        perm = list(range(1000))
        rng.shuffle(perm)
        best = by_score(scores)
        rows.add(group, "adversarial", "Ranking", perm, scores)
        rows.add(group, "adversarial", "Ranking", best, scores)
        rows.add(group, "adversarial", "Ranking", perm[:10], scores)
        rows.add(group, "adversarial", "Ranking", perm[:10] + [-1] * 990, scores)
        rows.add(group, "adversarial", "Ranking", best[:10], scores)
        rows.add(group, "adversarial", "Ranking", list(reversed(best))[:10], scores)
    rows.add("big-equal", "adversarial", "Ranking", list(range(1000)), [0.0] * 1000)
    rows.add("big-equal", "adversarial", "Ranking", list(range(10)), [0.5] * 1000)
    # gaps of 1e3, 1e4, +-800 in small sets
    for scores in [[0.0, 1e3, 2e3, -1e3], [800.0, -800.0, 0.0], [1e4, 0.0, -3.0],
                   [1e300, 0.0, -1e300], [2e3, 2e3, 0.0, 1e3, 1e3]]:
        kk = len(scores)
        best = by_score(scores)
        for ranking in [best, list(reversed(best)), best[:1], list(reversed(best))[:1],
                        best[:2] + [-1] * (kk - 2)]:
            rows.add("gap", "adversarial", "Ranking", ranking, scores)
    # equal scores
    for value in [0.0, 7.25, -800.0]:
        for kk in [2, 5, 10]:
            scores = [value] * kk
            rows.add("equal", "adversarial", "Ranking", list(range(kk)), scores)
            rows.add("equal", "adversarial", "Ranking", [kk - 1, 0] + [-1] * (kk - 2), scores)
            rows.add("equal", "adversarial", "Ranking", [kk // 2], scores)
    # one item
    rows.add("single", "adversarial", "Ranking", [0], [3.5])
    rows.add("single", "adversarial", "Ranking", [0], [-800.0])
    return rows.rows


BUILDERS = {
    "categorical": categorical_rows, "gaussian_mixture": mixture_rows,
    "multivariate_normal": mvn_rows, "plackett_luce": plackett_luce_rows,
}


# ---------------------------------------------------------------------------------------------


def self_test():
    """The closed forms against direct definitions at a few points."""
    with mp.workdps(60):
        # categorical with smoothing: direct -sum t' log softmax
        rec = RECORD_BY_NAME["CategoricalSmoothed"]
        logits = [mpf("0.3"), mpf(-1), mpf(2)]
        z = mpmath.fsum(mpmath.exp(x) for x in logits)
        eps = mpf(0.1)
        direct = -mpmath.fsum(((1 - eps) * (k == 1) + eps / 3) * (logits[k] - mpmath.log(z))
                              for k in range(3))
        got = categorical(rec, [1, list(logits)], {})[0]
        assert abs(got - direct) < mpf(10) ** -50, (got, direct)
        # Plackett-Luce: direct sum over stages
        s = [mpf(1), mpf("-0.5"), mpf(2), mpf(0)]
        ranking = [2, 0]
        direct = mpf(0)
        rest = set(range(4))
        for k in ranking:
            direct += mpmath.log(mpmath.fsum(mpmath.exp(s[j]) for j in rest)) - s[k]
            rest.remove(k)
        got = plackett_luce(RECORD_BY_NAME["Ranking"], [ranking, list(s)], {})[0]
        assert abs(got - direct) < mpf(10) ** -50, (got, direct)
        # Cholesky against the dense log-density
        rec = RECORD_BY_NAME["MvnCholesky"]
        yv, mu = [mpf(1), mpf(-2), mpf("0.5")], [mpf(0), mpf(1), mpf(-1)]
        packed = [mpf("0.2"), mpf("0.7"), mpf("-0.3"), mpf("-1.1"), mpf("0.4"), mpf("0.1")]
        lm = mpmath.zeros(3, 3)
        for i in range(3):
            for j in range(i + 1):
                v = packed[tril_index(i, j)]
                lm[i, j] = mpmath.exp(v) if i == j else v
        cov = lm * lm.T
        r = mpmath.matrix([yv[i] - mu[i] for i in range(3)])
        direct = (mpmath.log(mpmath.det(cov)) / 2 + 3 * mpmath.log(2 * mpmath.pi) / 2
                  + (r.T * mpmath.inverse(cov) * r)[0] / 2)
        got = mvn_cholesky(rec, [yv, mu, packed], {})[0]
        assert abs(got - direct) < mpf(10) ** -50, (got, direct)
        # mixture against the direct density sum
        rec = RECORD_BY_NAME["MixtureSoftplus"]
        yv, a, mu, eta = mpf("0.4"), [mpf(0), mpf(1)], [mpf(0), mpf(2)], [mpf("-0.5"), mpf(1)]
        za = mpmath.fsum(mpmath.exp(x) for x in a)
        dens = mpmath.fsum(mpmath.exp(a[k]) / za * mpmath.npdf(yv, mu[k], softplus(eta[k]))
                           for k in range(2))
        got = mixture(rec, [yv, a, mu, eta], {})[0]
        assert abs(got + mpmath.log(dens)) < mpf(10) ** -50, (got, dens)


def generate(rows):
    lines = [HEADER]
    skipped = []
    seen = set()
    for row in rows:
        rec = RECORD_BY_NAME[row["record"]]
        key = (row["record"],
               tuple(fmt_value(v, c.jtype) for c, v in zip(rec.comps, row["inputs"])))
        if key in seen:
            continue
        seen.add(key)
        line, reason = evaluate(row)
        if line is None:
            short = ";".join(key[1])
            if len(short) > 200:
                short = short[:200] + "..."
            skipped.append(f"{row['case']} [{row['record']}] {short}: {reason}")
            continue
        lines.append(line)
    return lines, skipped


def run_family(args):
    family, out = args
    rows = BUILDERS[family](random.Random(f"{SEED}-{family}"))
    del TIES[:]
    lines, skipped = generate(rows)
    path = os.path.join(out, f"{family}.csv")
    with open(path, "w", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    tags = {}
    for line in lines[1:]:
        tag = line.rsplit(",", 1)[1]
        tags[tag] = tags.get(tag, 0) + 1
    return path, len(lines) - 1, tags, skipped, list(TIES)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(here, "..", "..", "samples", "src", "test", "resources",
                               "reference", "families")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=default_out, help="output directory")
    parser.add_argument("--only", action="append", choices=sorted(BUILDERS), help="one family")
    parser.add_argument("--jobs", type=int, default=1, help="families in parallel")
    args = parser.parse_args()
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
    for path, count, tags, skipped, ties in results:
        print(f"{os.path.normpath(path)}: {count} rows {tags}", file=sys.stderr)
        for s in skipped:
            print(f"  skipped {s}", file=sys.stderr)
        for t in ties:
            print(f"  exact tie, rounded to even: {t}", file=sys.stderr)


if __name__ == "__main__":
    main()
