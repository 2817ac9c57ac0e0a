"""Does pinning both runs of a pair to one core tighten the pairs? (issue 28)

An A/A experiment, not part of any verdict: each round runs one pair in each
of three modes, in a shuffled order of modes and of the two runs within a pair:

  free   neither run pinned (what importgate does today)
  same   both runs of the pair on one core, alternating cores by round
  cross  the two runs on different cores

and prints, per mode, the median, the robust spread (1.4826 MAD) and the share
of pairs more than 20% apart of ln(second / first), as the engine's pairs are.
The workload is a CPU loop in a fresh interpreter, spawn to exit.

    python3 bench/pinning.py --python /path/to/python3 --turns 170000 --rounds 400

Linux only (os.sched_setaffinity in the child before exec).
"""

import argparse
import math
import os
import random
import statistics
import subprocess
import time

parser = argparse.ArgumentParser()
parser.add_argument("--python", required=True)
parser.add_argument("--turns", type=int, default=170_000, help="loop turns (~20 ms: 170000)")
parser.add_argument("--rounds", type=int, default=400)
parser.add_argument("--seed", type=int, default=28)
args = parser.parse_args()

CODE = f"n = 0\nfor i in range({args.turns}):\n    n += i\n"
CPUS = sorted(os.sched_getaffinity(0))[:2]
rng = random.Random(args.seed)


def run(cpu):
    pin = (lambda: os.sched_setaffinity(0, {cpu})) if cpu is not None else None
    started = time.perf_counter()
    subprocess.run([args.python, "-c", CODE], preexec_fn=pin, check=True)
    return time.perf_counter() - started


def pair(mode, i):
    cpu = CPUS[i % len(CPUS)]
    other = CPUS[(i + 1) % len(CPUS)]
    cores = {"free": (None, None), "same": (cpu, cpu), "cross": (cpu, other)}[mode]
    first, second = rng.sample([0, 1], 2)
    took = [0.0, 0.0]
    took[first] = run(cores[first])
    took[second] = run(cores[second])
    return math.log(took[1] / took[0])


ratios = {"free": [], "same": [], "cross": []}
for i in range(args.rounds):
    for mode in rng.sample(list(ratios), 3):
        ratios[mode].append(pair(mode, i))

for mode, xs in ratios.items():
    med = statistics.median(xs)
    robust = 1.4826 * statistics.median(abs(x - med) for x in xs)
    far = sum(abs(x) > 0.2 for x in xs) / len(xs)
    print(
        f"{mode:5}  pairs {len(xs)}  median {100 * med:+.2f}%  robust SD {100 * robust:.1f}%"
        f"  SD {100 * statistics.stdev(xs):.1f}%  beyond ±20%: {100 * far:.0f}%"
    )
