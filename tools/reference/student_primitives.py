#!/usr/bin/env python3
"""Reference vectors for dev.likelihood.runtime.StudentMath: log(1 + z^2/nu) and its partials.

Writes runtime/src/test/resources/reference/student_primitives.csv (function,x1,x2,x3,expected),
each value computed at 80 digits and checked against 120; inputs are exact doubles.
"""
import itertools
import math
import os
import sys

import mpmath as mp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from primitives import write_csv  # noqa: E402  (the schema every primitives test reads)

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "runtime", "src", "test", "resources",
                   "reference", "student_primitives.csv")


def exact(function, z, nu):
    z = mp.mpf(z)
    nu = mp.mpf(nu)
    if function == "log1pSquareRatio":
        return mp.log1p(z * z / nu)
    if function == "dLog1pSquareRatioDz":
        return 2 * z / (nu + z * z)
    return -z * z / (nu * (nu + z * z))


def rounded(function, z, nu):
    with mp.workdps(80):
        a = exact(function, z, nu)
    with mp.workdps(120):
        b = exact(function, z, nu)
    fa, fb = float(a), float(b)
    assert fa == fb, (function, z, nu, a, b)
    return fa


def main():
    zs = [0.0, 1e-300, 1e-20, 1e-8, 0.3, 1.0, -1.0, 2.5, -7.0, 1e4, 1e8, -1e8, 1e150, 1e200, 1e300, -1e300]
    nus = [1e-300, 1e-10, 1e-3, 0.5, 1.0, 4.0, 30.0, 1e6, 1e100, 1e300]
    rows = []
    for function, z, nu in itertools.product(
            ["log1pSquareRatio", "dLog1pSquareRatioDz", "dLog1pSquareRatioDnu"], zs, nus):
        value = rounded(function, z, nu)
        if math.isfinite(value):
            rows.append((function, (z, nu), value))
    write_csv(OUT, rows)


if __name__ == "__main__":
    main()
