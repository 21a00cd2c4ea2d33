#!/usr/bin/env python3
"""Reference vectors for dev.likelihood.runtime.Kernels: the Student-t kernel, its partials and the
pieces of its second partials (the share t/(1 + t), its complement, d2/dr2), and the inverse
Gaussian kernel.

Writes runtime/src/test/resources/reference/kernel_primitives.csv (function,x1,x2,x3,expected;
the Student-t rows carry (r, logSigma, nu): Java passes sigma = exp(logSigma) rounded, as the
generated code does, and the exact value uses logSigma itself). Values at 80 digits, checked at 120.
"""
import itertools
import math
import os
import sys

import mpmath as mp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from primitives import write_csv  # noqa: E402  (the schema every primitives test reads)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "runtime", "src", "test",
                   "resources", "reference", "kernel_primitives.csv")


def exact(function, a, b, c):
    if function == "inverseGaussian":
        y, m = mp.mpf(a), mp.mpf(b)
        return (y - m) ** 2 / (m * m * y)
    r, ls, nu = mp.mpf(a), mp.mpf(b), mp.mpf(c)
    t = (r / mp.exp(ls)) ** 2 / nu
    if function == "studentT":
        return mp.log1p(t)
    if function == "studentTDr":
        return 2 * r / (nu * mp.exp(2 * ls) + r * r)
    if function == "studentTDlogSigma":
        return -2 * t / (1 + t)
    if function == "studentTShare":
        return t / (1 + t)
    if function == "studentTComplement":
        return 1 / (1 + t)
    if function == "studentTDrDr":  # d2/dr2 log(1 + r^2/(nu sigma^2)), the textbook form
        a = nu * mp.exp(2 * ls)
        return 2 * (a - r * r) / (a + r * r) ** 2
    return -t / (nu * (1 + t))


def rounded(function, a, b, c):
    with mp.workdps(80):
        x = exact(function, a, b, c)
    with mp.workdps(120):
        y = exact(function, a, b, c)
    assert float(x) == float(y), (function, a, b, c)
    return float(x)


def main():
    rows = []
    rs = [0.0, 1e-300, 1e-8, 0.5, -1.0, 3.0, -1e4, 1e8, 1e150, -1e300]
    log_sigmas = [-690.0, -20.0, -1.0, 0.0, 2.5, 40.0, 690.0]
    nus = [1e-3, 1.0, 4.0, 1e6, 1e100]
    for function, r, ls, nu in itertools.product(
            ["studentT", "studentTDr", "studentTDlogSigma", "studentTDnu", "studentTShare",
             "studentTComplement", "studentTDrDr"], rs, log_sigmas, nus):
        if function == "studentTDr" and r == 0:
            continue
        value = rounded(function, r, ls, nu)
        if math.isfinite(value):
            rows.append((function, (r, ls, nu), value))
    for y, m in itertools.product([1e-300, 1e-8, 0.3, 1.0, 2.0, 1e8, 1e300],
                                  [1e-150, 1e-3, 0.3, 1.0, 1.7, 1e4, 1e150]):
        value = rounded("inverseGaussian", y, m, None)
        if math.isfinite(value):
            rows.append(("inverseGaussian", (y, m), value))
    write_csv(OUT, rows)


if __name__ == "__main__":
    main()
