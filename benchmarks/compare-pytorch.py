#!/usr/bin/env python3
"""Compare the generated Likelihood losses with PyTorch on the same workloads, in one run.

What is compared: forward + backward of a MEAN-reduced negative log-likelihood in float64 on the
CPU, i.e. the loss and its gradient with respect to every model output eta.

  workload               PyTorch (autograd)                    ours: JMH benchmark method
  bernoulliLogit         binary_cross_entropy_with_logits      ScalarFamiliesBenchmark.
                                                                 bernoulliLogitGenerated
  poissonLog             exp(eta) - y eta + lgamma(y + 1),     ScalarFamiliesBenchmark.
                         written out (the exact NLL)             poissonLogGenerated
  normalHeteroscedastic  gaussian_nll_loss(full=True),         ScalarFamiliesBenchmark.
                         var = exp(2 log_sigma);                 normalHeteroscedasticGenerated
                         gradients w.r.t. mu and log_sigma
  categorical K=10/1000  cross_entropy on (n, K) logits,       VectorFamiliesBenchmark.
                         int64 labels                            categoricalLossAndGradient

Two variants are timed as extra rows against the same Java number: PyTorch's built-in
poisson_nll_loss(log_input=True, full=True) and the normal NLL written out as tensor ops.

Sizes: the scalar workloads use --rows rows (10^6) in one call. The categorical ones follow
VectorFamiliesBenchmark: a call covers 10^6 / K rows (100,000 rows for K = 10, 1,000 rows for
K = 1000, so about 10^6 logits per call) and one repetition makes as many calls as it takes to
cover 100,000 rows (1 call for K = 10, the same 1,000 rows 100 times for K = 1000).

PyTorch timing: time.perf_counter_ns around forward + backward (including zeroing the gradient and
autograd's allocations; the Java side writes into preallocated arrays), --warmup repetitions
discarded, then the median of --repeats, divided by the rows of a repetition. One intra-op thread
by default (--threads), because the Java benchmarks are single-threaded.

Ours: the script runs the JMH uber-jar (benchmarks/target/benchmarks.jar) with short settings and
reads the JSON result; the score is ns per row there, because every benchmark declares its rows
as @OperationsPerInvocation.

How to read the ratio: PyTorch ns/row divided by ours. Above 1 the generated Java code is faster
by that factor; below 1 PyTorch is faster. The machine's noise applies to both columns; treat the
ratios as rough factors, not precise figures.

Usage:  python3 benchmarks/compare-pytorch.py [--jar PATH] [--threads N] [--rows N] [--skip-java]
        (--verbose shows JMH's own output; --help lists the rest)
PyTorch: `apt-get install python3-torch` (Debian) or `pip install torch`.
"""

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_JAR = os.path.join(HERE, "target", "benchmarks.jar")
JMH_PREFIX = "dev.likelihood.benchmarks."
SCALAR = ["bernoulliLogit", "poissonLog", "normalHeteroscedastic"]
CLASSES = [10, 1000]
DOUBLES_PER_CALL = 1_000_000  # VectorFamiliesBenchmark.DOUBLES_PER_COLUMN
ROWS_PER_REPETITION = 100_000  # VectorFamiliesBenchmark.ROWS_PER_INVOCATION
SEED = 20260101


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--jar", default=DEFAULT_JAR, help="the JMH uber-jar (default: %(default)s)")
    p.add_argument("--threads", type=int, default=1, help="PyTorch intra-op threads (default 1)")
    p.add_argument("--rows", type=int, default=1_000_000,
                   help="rows of the scalar PyTorch workloads (ours: 10^6, fixed)")
    p.add_argument("--warmup", type=int, default=3, help="PyTorch warm-up repetitions")
    p.add_argument("--repeats", type=int, default=10, help="PyTorch measured repetitions")
    p.add_argument("--skip-java", action="store_true", help="time PyTorch only")
    p.add_argument("--verbose", action="store_true", help="show JMH's output as it runs")
    p.add_argument("--java", default=os.environ.get("JAVA", "java"), help="the java executable")
    p.add_argument("--jmh-options", default="-f 1 -wi 2 -w 1 -i 3 -r 1",
                   help="JMH settings (default: %(default)s)")
    return p.parse_args()


# ---------------------------------------------------------------- PyTorch side

SYSTEM_PYTHON = "/usr/bin/python3"


def import_torch():
    """The torch module, or None with the reason printed.

    Debian's python3-torch is visible to the system interpreter only: when this one (a pyenv or
    venv python, say) lacks torch but /usr/bin/python3 has it, the script restarts under that.
    """
    try:
        import torch  # noqa: PLC0415 (optional dependency)
    except ImportError:
        if system_python_has_torch():
            print(f"torch is not importable by {sys.executable}; restarting under {SYSTEM_PYTHON}",
                  file=sys.stderr)
            os.environ["COMPARE_PYTORCH_REEXEC"] = "1"
            os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(__file__), *sys.argv[1:]])
        print("PyTorch is not installed, so only our numbers are shown. Install it with\n"
              "  apt-get install python3-torch     (Debian/Ubuntu)   or   pip install torch")
        return None
    return torch


def system_python_has_torch():
    if os.environ.get("COMPARE_PYTORCH_REEXEC") or not os.path.isfile(SYSTEM_PYTHON):
        return False
    if os.path.realpath(sys.executable) == os.path.realpath(SYSTEM_PYTHON):
        return False
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import torch"], capture_output=True, check=False)
    return probe.returncode == 0


def scalar_workloads(torch, rows):
    """name -> (rows per repetition, calls per repetition, forward+backward closure)."""
    F = torch.nn.functional
    g = torch.Generator().manual_seed(SEED)
    f64 = torch.float64

    def leaf(t):
        return t.clone().requires_grad_(True)

    # the distributions of ScalarFamiliesBenchmark's states (LabelRows, CountRows, LocationRows)
    eta = leaf(1.5 * torch.randn(rows, generator=g, dtype=f64))
    label = torch.bernoulli(torch.sigmoid(eta.detach()), generator=g)

    def bernoulli():
        eta.grad = None
        F.binary_cross_entropy_with_logits(eta, label, reduction="mean").backward()

    log_rate = leaf(math.log(3) + 0.5 * torch.randn(rows, generator=g, dtype=f64))
    count = torch.poisson(torch.exp(log_rate.detach()), generator=g)

    def poisson_exact():  # the NLL our code computes; lgamma(y + 1) is evaluated per call too
        log_rate.grad = None
        loss = torch.exp(log_rate) - count * log_rate + torch.lgamma(count + 1)
        loss.mean().backward()

    # full=True adds Stirling's approximation y log y - y + log(2 pi y)/2 of log(y!) only where
    # y > 1 (0 for y in {0, 1}, which is exact there). It underestimates lgamma(y + 1) by about
    # 1/(12 y): 0.041 at y = 2, 0.008 at y = 10; on these data (rate about 3) the mean NLL is
    # 0.019 lower than ours (1.906 vs 1.925). The gradient is the same: the term has no eta.
    def poisson_builtin():
        log_rate.grad = None
        F.poisson_nll_loss(log_rate, count, log_input=True, full=True, reduction="mean").backward()

    mu = leaf(torch.randn(rows, generator=g, dtype=f64))
    log_sigma = leaf(0.5 * torch.randn(rows, generator=g, dtype=f64))
    y = mu.detach() + torch.exp(log_sigma.detach()) * torch.randn(rows, generator=g, dtype=f64)
    half_log_2pi = 0.5 * math.log(2 * math.pi)

    # gaussian_nll_loss clamps var at eps = 1e-6 (sigma >= 1e-3); otherwise it is our NLL:
    # log sigma + log(2 pi)/2 + ((y - mu)/sigma)^2/2 with sigma = exp(log_sigma).
    def normal_builtin():
        mu.grad = None
        log_sigma.grad = None
        var = torch.exp(2 * log_sigma)
        F.gaussian_nll_loss(mu, y, var, full=True, reduction="mean").backward()

    def normal_direct():
        mu.grad = None
        log_sigma.grad = None
        z = (y - mu) * torch.exp(-log_sigma)
        (log_sigma + half_log_2pi + 0.5 * z * z).mean().backward()

    return {
        "bernoulliLogit": (rows, 1, bernoulli),
        "poissonLog": (rows, 1, poisson_exact),
        "poissonLog (torch poisson_nll_loss, Stirling)": (rows, 1, poisson_builtin),
        "normalHeteroscedastic": (rows, 1, normal_builtin),
        "normalHeteroscedastic (written out)": (rows, 1, normal_direct),
    }


def categorical_workload(torch, k):
    """(rows per repetition, calls per repetition, closure) as VectorFamiliesBenchmark does it."""
    rows = DOUBLES_PER_CALL // k
    calls = ROWS_PER_REPETITION // rows
    g = torch.Generator().manual_seed(SEED + k)
    # as VectorFamiliesBenchmark.Rows: logits N(0, 3^2), uniform labels
    logits = (3 * torch.randn(rows, k, generator=g, dtype=torch.float64)).requires_grad_(True)
    label = torch.randint(0, k, (rows,), generator=g, dtype=torch.int64)
    F = torch.nn.functional

    def step():
        logits.grad = None
        F.cross_entropy(logits, label, reduction="mean").backward()

    return rows * calls, calls, step


def time_per_row(rows, calls, step, warmup, repeats):
    """Median ns per row of `calls` consecutive calls of step, after warm-up."""
    samples = []
    for r in range(warmup + repeats):
        start = time.perf_counter_ns()
        for _ in range(calls):
            step()
        elapsed = time.perf_counter_ns() - start
        if r >= warmup:
            samples.append(elapsed / rows)
    return statistics.median(samples)


def run_torch(torch, args):
    """workload name -> PyTorch ns/row."""
    torch.set_num_threads(args.threads)
    workloads = scalar_workloads(torch, args.rows)
    for k in CLASSES:
        workloads[f"categorical K={k}"] = categorical_workload(torch, k)
    results = {}
    for name, (rows, calls, step) in workloads.items():
        results[name] = time_per_row(rows, calls, step, args.warmup, args.repeats)
        print(f"  PyTorch {name}: {results[name]:.2f} ns/row", file=sys.stderr)
    return results


# ---------------------------------------------------------------- Java side

def jmh_pattern():
    scalar = "|".join(SCALAR)
    return (rf"ScalarFamiliesBenchmark\.({scalar})Generated$"
            rf"|VectorFamiliesBenchmark\.categoricalLossAndGradient$")


def run_jmh(args):
    """Runs our benchmarks; returns the parsed JMH JSON list, or None with the reason printed."""
    if not os.path.isfile(args.jar):
        print(f"No benchmarks jar at {args.jar}: build it with `mvn -q -DskipTests verify` at the"
              " repository root, or pass --jar.")
        return None
    if shutil.which(args.java) is None:
        print(f"No java executable '{args.java}' (pass --java or set JAVA).")
        return None
    fd, result_file = tempfile.mkstemp(prefix="jmh-", suffix=".json")
    os.close(fd)
    command = [args.java, "-jar", args.jar, jmh_pattern(), *args.jmh_options.split(),
               "-p", "k=" + ",".join(map(str, CLASSES)), "-rf", "json", "-rff", result_file]
    print("running: " + " ".join(command), file=sys.stderr)
    try:
        output = None if args.verbose else subprocess.PIPE
        completed = subprocess.run(command, stdout=output, stderr=subprocess.STDOUT, text=True,
                                   check=False)
        if completed.returncode != 0:
            print(f"JMH failed (exit {completed.returncode})"
                  + ("" if args.verbose else "; its last lines:\n"
                     + "\n".join(completed.stdout.splitlines()[-15:])))
            return None
        with open(result_file, encoding="utf-8") as f:
            return json.load(f)
    finally:
        os.remove(result_file)


def ours_per_workload(jmh_results):
    """workload name -> our ns/row, from JMH's JSON (missing benchmarks are simply absent)."""
    ours = {}
    for entry in jmh_results or []:
        method = entry["benchmark"].removeprefix(JMH_PREFIX)
        metric = entry["primaryMetric"]
        if metric["scoreUnit"] != "ns/op":
            raise ValueError(f"{method}: unexpected unit {metric['scoreUnit']}")
        params = entry.get("params") or {}
        if method.startswith("VectorFamiliesBenchmark."):
            name = f"categorical K={params['k']}"
        else:
            name = method.split(".")[-1].removesuffix("Generated")
            extra = {p: v for p, v in params.items() if p != "k"}
            if extra:  # a parameter we do not know about: keep the rows apart
                name += " [" + ", ".join(f"{p}={v}" for p, v in sorted(extra.items())) + "]"
        ours[name] = metric["score"]
    return ours


# ---------------------------------------------------------------- report

def java_reference(name):
    """The Java workload a PyTorch row is compared with: variants share their workload's."""
    return name.split(" (")[0]


def print_table(ours, theirs, threads):
    names = list(theirs) if theirs else SCALAR + [f"categorical K={k}" for k in CLASSES]
    names += [n for n in ours if n not in names]
    header = ("workload", "ours ns/row", "PyTorch ns/row", "ratio PyTorch/ours")
    rows = []
    for name in names:
        mine = ours.get(java_reference(name))
        other = theirs.get(name) if theirs else None
        ratio = other / mine if mine and other else None
        rows.append((name, fmt(mine), fmt(other), "n/a" if ratio is None else f"{ratio:.2f}"))
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |"
    print()
    torch_note = f"PyTorch threads = {threads}" if theirs else "PyTorch not installed"
    print(f"float64, CPU, MEAN reduction, forward + backward; {torch_note}")
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + r[0].ljust(widths[0]) + " | "
              + " | ".join(c.rjust(w) for c, w in zip(r[1:], widths[1:])) + " |")
    print("ratio > 1: the generated Java code is faster by that factor; < 1: PyTorch is faster.")


def fmt(value):
    return "n/a" if value is None else f"{value:.2f}"


def main():
    args = parse_args()
    torch = import_torch()
    theirs = None
    if torch is not None:
        print(f"PyTorch {torch.__version__}, {args.threads} thread(s)", file=sys.stderr)
        theirs = run_torch(torch, args)
    ours = {} if args.skip_java else ours_per_workload(run_jmh(args))
    if theirs is None and not ours:
        return 0
    print_table(ours, theirs, args.threads)
    return 0


if __name__ == "__main__":
    sys.exit(main())
