#!/usr/bin/env python3
"""Reference vectors for the von Mises normaliser in the log-concentration t = log kappa
(dev.likelihood.runtime.BesselMath.logI0eOfExp, dLogI0eOfExp, d2LogI0eOfExp), from mpmath.

Writes runtime/src/test/resources/reference/bessel_of_log_primitives.csv in the schema of
primitives.csv. With kappa = exp(t) (exact in mpmath for a double t) and A = I1/I0:
    logI0eOfExp(t)   = logI0e(kappa)
    dLogI0eOfExp(t)  = kappa (A - 1)
    d2LogI0eOfExp(t) = kappa^2 A'(kappa) + kappa (A - 1),  A' = 1 - A/kappa - A^2
The last sums terms of about 1/2 to 1/(8 kappa), and A' itself cancels to 1/(2 kappa^2): the
precision is raised by three times the decimal exponent of kappa. The Bessel values are those
of bessel_ubce_primitives.py (mpmath's besseli, the Hankel series beyond 1e4); every value is
computed at two precisions that must round alike.
"""
import math
import os
import sys

from mpmath import mp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bessel_ubce_primitives import (  # noqa: E402
    bessel_ratio, bessel_ratio_asymptotic, bessel_ratio_minus_one, evaluate_digits, log_i0e,
    nudged)
from primitives import write_csv  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "runtime", "src", "test", "resources",
                   "reference", "bessel_of_log_primitives.csv")


def log_i0e_of_exp(t):
    return log_i0e(mp.exp(t))


def d_log_i0e_of_exp(t):
    kappa = mp.exp(t)
    return kappa * bessel_ratio_minus_one(kappa)


def d2_log_i0e_of_exp(t):
    kappa = mp.exp(t)
    a = bessel_ratio(kappa)
    return kappa * kappa * (1 - a / kappa - a * a) + kappa * (a - 1)


def points():
    """t from -700 (kappa = 1e-304) to 800 (kappa overflows a double), dense where the Java
    code hands over (kappa = 2, 8, 25) and around kappa = exp(690)."""
    ts = [k / 4 for k in range(-80, 81)] + [float(k) for k in range(-700, 801, 25)]
    ts += [689.0, 690.0, 691.0, 700.0, 709.0, 709.7, 709.78, 709.8, 710.0, 1e3]
    ts += nudged([math.log(2.0), math.log(8.0), math.log(100.0)])
    ts += [math.log(10.0) * k / 8 for k in range(-16, 41)]
    ts += [math.log(k / 4) for k in range(40, 161)]  # kappa every quarter in [10, 40]
    ts += nudged([math.log(25.0)])
    return sorted(set(ts))


def extra_digits(t):
    return 3 * max(int(t / math.log(10)), 0) + 10


def d2_asymptotic(terms=36):
    """The coefficients e_j, j = 2..terms-1, of d2LogI0eOfExp ~ sum_j e_j kappa^(1 - j): with
    A ~ sum_j a_j kappa^-j, kappa^2 A' + kappa (A - 1) = sum_j (1 - j) a_j kappa^(1 - j), whose
    j = 1 term (the two halves) is exactly 0."""
    a = bessel_ratio_asymptotic(terms)
    return [(1 - j) * a[j] for j in range(2, terms)]


def main():
    if sys.argv[1:] == ["--constants"]:
        values = [repr(float(e)) for e in d2_asymptotic()]
        print("  private static final double[] D2_LOG_I0E_OF_EXP_ASYMPTOTIC = {")
        for i in range(0, len(values), 4):
            print("    " + ", ".join(values[i:i + 4]) + ",")
        print("  };")
        return
    rows = []
    for name, f in (("logI0eOfExp", log_i0e_of_exp),
                    ("dLogI0eOfExp", d_log_i0e_of_exp),
                    ("d2LogI0eOfExp", d2_log_i0e_of_exp)):
        for t in points():
            rows.append((name, (t,), evaluate_digits(f, t, extra_digits(t))))
    write_csv(OUT, rows)


if __name__ == "__main__":
    main()
