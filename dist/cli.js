#!/usr/bin/env node
import { mkdir, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { relative, resolve, isAbsolute, join, delimiter, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { existsSync, statSync, readFileSync, accessSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Order statistics for one set of samples. Pure functions, no I/O.
/** Sorted copy, ascending. */
function sorted(values) {
    return [...values].sort((a, b) => a - b);
}
/** Quantile by linear interpolation between order statistics (type 7, as R and NumPy default). */
function quantile(values, p) {
    if (values.length === 0)
        return Number.NaN;
    const xs = sorted(values);
    const h = (xs.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    return xs[lo] + (h - lo) * (xs[hi] - xs[lo]);
}
function median(values) {
    return quantile(values, 0.5);
}
/** Median absolute deviation from the median (unscaled). */
function mad(values) {
    const m = median(values);
    return median(values.map((x) => Math.abs(x - m)));
}
/**
 * Distribution-free confidence interval for the median from order statistics
 * (normal approximation to the binomial). Null when there are too few samples
 * for any interval at that level.
 */
function medianInterval(values, confidence = 0.95) {
    const n = values.length;
    const z = normalQuantile(1 - (1 - confidence) / 2);
    const k = Math.floor((n - z * Math.sqrt(n)) / 2);
    if (k < 1)
        return null;
    const xs = sorted(values);
    return [xs[k - 1], xs[n - k]];
}
/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
function normalQuantile(p) {
    if (p <= 0 || p >= 1)
        throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
    const a = [
        -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
        2.506628277459239,
    ];
    const b = [
        -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972,
        -13.28068155288572,
    ];
    const c = [
        -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
        4.374664141464968, 2.938163982698783,
    ];
    const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
    const low = 0.02425;
    if (p < low) {
        const q = Math.sqrt(-2 * Math.log(p));
        return ((((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1));
    }
    if (p > 1 - low)
        return -normalQuantile(1 - p);
    const q = p - 0.5;
    const r = q * q;
    return (((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1));
}
function spread(values) {
    return {
        n: values.length,
        median: median(values),
        min: Math.min(...values),
        max: Math.max(...values),
        q1: quantile(values, 0.25),
        q3: quantile(values, 0.75),
        mad: mad(values),
        medianCi: medianInterval(values),
    };
}

// Wilcoxon signed-rank test and Hodges-Lehmann estimate for paired data.
// Pure functions. Timing differences are continuous (nanosecond clocks), so
// exact ties are rare; ranks are averaged when they occur and the exact null
// distribution is used anyway (as SciPy's method='exact' does).
/** Above this many pairs the normal approximation replaces the exact distribution. */
const EXACT_LIMIT = 600;
/**
 * P(W+ = w) for w = 0 … n(n+1)/2 under the null hypothesis: each of the ranks
 * 1…n is added with probability ½. Dynamic programming over probabilities
 * (not counts, which would overflow for large n).
 */
function signedRankDistribution(n) {
    const max = (n * (n + 1)) / 2;
    let dist = new Float64Array(max + 1);
    dist[0] = 1;
    let reach = 0;
    for (let rank = 1; rank <= n; rank++) {
        const next = new Float64Array(max + 1);
        for (let w = 0; w <= reach; w++) {
            const p = dist[w] / 2;
            next[w] = next[w] + p;
            next[w + rank] = next[w + rank] + p;
        }
        reach += rank;
        dist = next;
    }
    return dist;
}
/** Ranks of |values|, ties averaged, 1-based. */
function absoluteRanks(values) {
    const order = values.map((v, i) => [Math.abs(v), i]).sort((a, b) => a[0] - b[0]);
    const ranks = new Array(values.length);
    for (let i = 0; i < order.length;) {
        let j = i;
        while (j + 1 < order.length && order[j + 1][0] === order[i][0])
            j++;
        const rank = (i + j) / 2 + 1;
        for (let k = i; k <= j; k++)
            ranks[order[k][1]] = rank;
        i = j + 1;
    }
    return ranks;
}
/** Upper tail of the standard normal distribution, Q(z) = erfc(z/√2)/2. */
function normalUpperTail(z) {
    return erfc(z / Math.SQRT2) / 2;
}
/** erfc with relative error < 1.2e-7 everywhere (Numerical Recipes' erfcc, Chebyshev). */
function erfc(x) {
    const z = Math.abs(x);
    const t = 1 / (1 + 0.5 * z);
    const r = t *
        Math.exp(-z * z -
            1.26551223 +
            t *
                (1.00002368 +
                    t *
                        (0.37409196 +
                            t *
                                (0.09678418 +
                                    t *
                                        (-0.18628806 +
                                            t *
                                                (0.27886807 +
                                                    t *
                                                        (-1.13520398 +
                                                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
    return x >= 0 ? r : 2 - r;
}
function signedRankTest(differences) {
    const d = differences.filter((x) => x !== 0);
    const n = d.length;
    if (n === 0)
        return { n, wPlus: 0, pGreater: 1, pLess: 1 };
    const ranks = absoluteRanks(d);
    const wPlus = d.reduce((sum, x, i) => (x > 0 ? sum + ranks[i] : sum), 0);
    if (n <= EXACT_LIMIT) {
        const dist = signedRankDistribution(n);
        let atLeast = 0;
        let atMost = 0;
        // With averaged ranks W+ may be a half-integer; compare against it directly.
        for (let w = 0; w < dist.length; w++) {
            if (w >= wPlus - 1e-9)
                atLeast += dist[w];
            if (w <= wPlus + 1e-9)
                atMost += dist[w];
        }
        return { n, wPlus, pGreater: Math.min(1, atLeast), pLess: Math.min(1, atMost) };
    }
    const mean = (n * (n + 1)) / 4;
    const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24);
    return {
        n,
        wPlus,
        pGreater: normalUpperTail((wPlus - mean - 0.5) / sd),
        pLess: normalUpperTail((mean - wPlus - 0.5) / sd),
    };
}
/** All pairwise means (d_i + d_j)/2 for i ≤ j, sorted ascending. */
function walshAverages(d) {
    const out = new Float64Array((d.length * (d.length + 1)) / 2);
    let k = 0;
    for (let i = 0; i < d.length; i++)
        for (let j = i; j < d.length; j++)
            out[k++] = (d[i] + d[j]) / 2;
    return out.sort();
}
/** Hodges-Lehmann estimate of the location shift: the median of the Walsh averages. */
function hodgesLehmann(d) {
    return median(Array.from(walshAverages(d)));
}
/**
 * The smallest q with P(W+ ≤ q) ≥ p: R's qsignrank, from the exact
 * distribution (or the normal approximation past EXACT_LIMIT pairs).
 */
function signedRankQuantile(n, p) {
    if (n > EXACT_LIMIT) {
        const mean = (n * (n + 1)) / 4;
        const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24);
        return Math.max(0, Math.round(mean + normalQuantile(p) * sd));
    }
    const dist = signedRankDistribution(n);
    let cumulative = 0;
    for (let q = 0; q < dist.length; q++) {
        cumulative += dist[q];
        if (cumulative >= p * (1 - 1e-12))
            return q;
    }
    return dist.length - 1;
}
/**
 * Confidence interval for the location shift by inverting the signed-rank
 * test over the Walsh averages (as R's wilcox.test(conf.int = TRUE) does with
 * its exact distribution). Null when n is too small for an interval at that
 * level: R then widens it to the range of the Walsh averages, whose level is
 * lower (at 5 pairs, 94% for a requested 98%), and a null cannot be mistaken
 * for the level asked for.
 */
function hodgesLehmannInterval(d, confidence) {
    const n = d.length;
    if (n < 2)
        return null;
    const walsh = walshAverages(d);
    const m = walsh.length;
    const q = signedRankQuantile(n, (1 - confidence) / 2);
    if (q === 0)
        return null;
    // 1-based: lower = walsh[q], upper = walsh[m - q + 1].
    if (q > m - q + 1)
        return null;
    return [walsh[q - 1], walsh[m - q]];
}

// Base against head for one target, from samples taken in interleaved pairs.
// Pure. Works on log-ratios ln(head/base): a slowdown is a ratio whatever the
// import's size, and a pair shares whatever the machine was doing at the time.
const toPct = (log) => (Math.exp(log) - 1) * 100;
/**
 * Compares paired samples: base[i] and head[i] come from the same round. The
 * interval's level is 1 − 2α, so that it excludes zero when the one-sided test
 * at α rejects.
 */
function comparePairs(base, head, alpha) {
    const n = Math.min(base.length, head.length);
    const logs = Array.from({ length: n }, (_, i) => Math.log(head[i] / base[i]));
    const ciLevel = 1 - 2 * alpha;
    const logEstimate = n > 0 ? hodgesLehmann(logs) : 0;
    const logInterval = hodgesLehmannInterval(logs, ciLevel);
    const test = signedRankTest(logs);
    const baseMedianMs = median(base.slice(0, n));
    return {
        pairs: n,
        baseMedianMs,
        headMedianMs: median(head.slice(0, n)),
        logEstimate,
        logInterval,
        ciLevel,
        pSlower: test.pGreater,
        pFaster: test.pLess,
        pct: toPct(logEstimate),
        // Estimated directly on differences: a ratio times the base median drifts
        // from head − base when the ratio is large.
        ms: n > 0 ? hodgesLehmann(Array.from({ length: n }, (_, i) => head[i] - base[i])) : 0,
        ciPct: logInterval ? [toPct(logInterval[0]), toPct(logInterval[1])] : null,
    };
}
/**
 * A regression needs all three: significance, an effect above the relative
 * threshold, and above the absolute minimum. An improvement mirrors it.
 */
function classify(c, gate) {
    if (c.pSlower < gate.alpha && c.pct > gate.thresholdPct && c.ms > gate.minDeltaMs)
        return 'regression';
    if (c.pFaster < gate.alpha && c.pct < -gate.thresholdPct && c.ms < -gate.minDeltaMs)
        return 'improvement';
    return 'pass';
}
/**
 * True when more pairs could not change the outcome in any likely way: the
 * whole interval lies inside the no-effect band (a settled pass), or wholly
 * beyond it on one side (a settled regression or improvement).
 */
function isSettled(c, gate) {
    // No interval yet (too few pairs for its level, e.g. under 7 at 98%): a
    // "settled" regression there could not be significant.
    if (!c.logInterval || !(c.baseMedianMs > 0))
        return false;
    // The band is set by whichever of the two thresholds is larger for this import.
    const band = Math.max(gate.thresholdPct / 100, gate.minDeltaMs / c.baseMedianMs);
    const upper = Math.log(1 + band);
    const lower = band < 1 ? Math.log(1 - band) : Number.NEGATIVE_INFINITY;
    const [lo, hi] = c.logInterval;
    return (lo > lower && hi < upper) || lo > upper || hi < lower;
}

// What is measured. A target is a tagged union so that other kinds (a command's
// whole start-up) can join modules later without new paths through the code.
const SIDES = ['base', 'head'];
const DEFAULT_VARIANT = 'warm';
/** A stable string for maps and logs: "head:mypkg" (the variant shows once there are several). */
function armId(key) {
    const variant = key.variant === DEFAULT_VARIANT ? '' : `@${key.variant}`;
    return `${key.side}:${key.target}${variant}`;
}
/** The arms that stop together when one fails: a target's base and head under one variant. */
function groupId(key) {
    return key.variant === DEFAULT_VARIANT ? key.target : `${key.target}@${key.variant}`;
}

// The confirmation policy, in one place: which first-batch results need a fresh
// batch, how large it is, how much of the time budget is kept for it, and what
// the verdict is once it has run (or could not). Pure.
/**
 * How strongly the fresh batch must point the same way on its own. A false
 * alarm must get past three tests: the first batch (alpha and both thresholds),
 * this one, and all pairs together (alpha and both thresholds again), which a
 * fluke of the first batch fails once an equal, effect-free batch dilutes it.
 * At 0.05 the fresh batch was the weak link: in the benchmark runs that led to
 * bench/RESULTS.md, real +5% and +10% slowdowns flagged by the first batch
 * were dropped by it on a noisy 2-core machine, while none of 29 A/A runs got
 * as far as a first-batch flag.
 */
const CONFIRM_ALPHA = 0.2;
/**
 * A regression flagged by the first batch must be confirmed by a fresh,
 * independent interleaved batch (as large as the first, where time allows)
 * pointing the same way on its own (CONFIRM_ALPHA), and by all pairs together
 * still being a regression. Peeking at the data as sampling goes on (to stop
 * early) inflates false alarms; an independent batch brings them back down.
 * Improvements fail no check and are not confirmed.
 */
function targetVerdict(base, head, confirmation, gate) {
    const first = comparePairs(base, head, gate.alpha);
    const outcome = classify(first, gate);
    if (!needsConfirmation(outcome))
        return { outcome, comparison: first, confirmation: null };
    const pairs = confirmation ? Math.min(confirmation.base.length, confirmation.head.length) : 0;
    if (!confirmation || pairs < 2) {
        // Not enough time was left to confirm: report what was seen, and say so.
        return { outcome, comparison: first, confirmation: { pairs, p: 1, confirmed: null } };
    }
    const fresh = comparePairs(confirmation.base, confirmation.head, gate.alpha);
    const all = comparePairs([...base, ...confirmation.base.slice(0, pairs)], [...head, ...confirmation.head.slice(0, pairs)], gate.alpha);
    const confirmed = fresh.pSlower < CONFIRM_ALPHA && fresh.logEstimate > 0;
    return {
        outcome: confirmed && classify(all, gate) === 'regression' ? 'regression' : 'pass',
        comparison: all,
        confirmation: { pairs, p: fresh.pSlower, confirmed },
    };
}
/** Which first-batch outcomes a fresh batch must confirm before they are reported. */
function needsConfirmation(outcome) {
    return outcome === 'regression';
}
const NO_CONFIRMATION = {
    reserveMs: () => 0,
    plan: () => null,
};
const times$1 = (samples) => samples.map((s) => s.importMs);
/**
 * A flagged regression is confirmed by a fresh batch at least twice the
 * minimum (the fresh batch has a fixed size and no early stop, and at 20 pairs
 * noise on a 2-core runner sank real 10% slowdowns), as large as the first
 * batch where that is larger, never above maxPairs. At most 40% of what is
 * left after the profiles is kept for it.
 */
function regressionConfirmation(gate, minPairs, maxPairs) {
    const confirmPairs = Math.min(maxPairs, 2 * minPairs);
    return {
        reserveMs(remainingMs, roundMs) {
            const round = roundMs.length ? median(roundMs) : 0;
            return Math.min(remainingMs * 0.4, confirmPairs * round);
        },
        plan(arms) {
            const flagged = [];
            for (const head of arms) {
                if (head.key.side !== 'head')
                    continue;
                const group = groupId(head.key);
                const base = arms.find((a) => a.key.side === 'base' && groupId(a.key) === group);
                if (!base || base.failure || head.failure)
                    continue;
                const first = comparePairs(times$1(base.samples), times$1(head.samples), gate.alpha);
                if (!needsConfirmation(classify(first, gate)))
                    continue;
                flagged.push({ group, pairs: Math.min(base.samples.length, head.samples.length) });
            }
            if (flagged.length === 0)
                return null;
            const pairs = Math.min(maxPairs, Math.max(confirmPairs, ...flagged.map((f) => f.pairs)));
            return { groups: flagged.map((f) => f.group), pairs };
        },
    };
}

// Installed distributions that differ between base and head. Pure.
/** Names compare case-insensitively with - _ . equivalent (PEP 503). */
const normalise = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');
function diffDistributions(base, head) {
    const b = new Map(Object.entries(base).map(([n, v]) => [normalise(n), { n, v }]));
    const h = new Map(Object.entries(head).map(([n, v]) => [normalise(n), { n, v }]));
    const changes = [];
    for (const key of new Set([...b.keys(), ...h.keys()])) {
        const x = b.get(key);
        const y = h.get(key);
        if (x?.v === y?.v)
            continue;
        changes.push({ name: (y ?? x).n, base: x?.v ?? null, head: y?.v ?? null });
    }
    return changes.sort((a, z) => a.name.localeCompare(z.name));
}

// The metric table: what can be read from one sample, in which unit, and
// whether a change in it fails the check by default. Statistics, the gate and
// every report iterate over this table; a new metric is a new entry here.
const METRICS = {
    import_ms: {
        id: 'import_ms',
        label: 'import time',
        unit: 'ms',
        read: (s) => s.importMs,
        gatesByDefault: true,
        samplesField: 'samples_ms',
    },
    cpu_ms: {
        id: 'cpu_ms',
        label: 'CPU time',
        unit: 'ms',
        read: (s) => s.cpuMs,
        gatesByDefault: false,
        samplesField: 'cpu_samples_ms',
    },
};
const METRIC_IDS = Object.keys(METRICS);
/** The metric the headline, budgets and the stopping rule are about. */
const PRIMARY_METRIC = 'import_ms';
const isMetricId = (value) => value in METRICS;

// The verdicts a target or a whole run can get, and how several combine.
/** Most serious first: the documented precedence of verdicts. */
const PRECEDENCE = [
    'error',
    'forbidden',
    'budget',
    'regression',
    'improvement',
    'pass',
];
function mostSerious(verdicts) {
    return PRECEDENCE.find((v) => verdicts.includes(v)) ?? 'pass';
}

const under = (name, rule) => name === rule || name.startsWith(`${rule}.`);
/**
 * Forbidden modules among those importing a target loaded. "paramiko" forbids
 * paramiko.client too. One hit per rule: the rule's own module when it was
 * imported, else the first of its submodules by name.
 */
function forbiddenImports(loaded, costs, forbid) {
    const hits = [];
    for (const rule of forbid) {
        const matches = loaded.filter((name) => under(name, rule)).sort();
        if (matches.length === 0)
            continue;
        const name = matches.includes(rule) ? rule : matches[0];
        hits.push({ name, chain: costs.get(name)?.chain ?? [], rule, count: matches.length });
    }
    return hits;
}
function budgetStatus(medianMs, moduleCount, timeBudgetMs, maxModules) {
    return {
        time: timeBudgetMs === undefined || medianMs === null
            ? null
            : { limit: timeBudgetMs, actual: medianMs, ok: medianMs <= timeBudgetMs },
        modules: maxModules === null || moduleCount === null
            ? null
            : { limit: maxModules, actual: moduleCount, ok: moduleCount <= maxModules },
    };
}
function isBreached(status) {
    return status.time?.ok === false || status.modules?.ok === false;
}

function change(name, costs) {
    const cost = costs.get(name);
    return {
        name,
        // No -X importtime record: put in sys.modules directly (as importlib does
        // for importlib._bootstrap), so there is no import chain to show.
        chain: cost?.chain ?? [],
        selfMs: cost?.selfMs ?? 0,
        cumulativeMs: cost?.cumulativeMs ?? 0,
    };
}
/**
 * Modules that became eager or lazy as a group are listed under the module
 * that pulled them in too; sorting by cumulative time puts that one first.
 */
const costliest = (a, b) => b.cumulativeMs - a.cumulativeMs || a.name.localeCompare(b.name);
function diffModules(base, head, topChanges = 10) {
    const inBase = new Set(base.added);
    const inHead = new Set(head.added);
    const added = [...inHead].filter((m) => !inBase.has(m)).map((m) => change(m, head.costs));
    const removed = [...inBase].filter((m) => !inHead.has(m)).map((m) => change(m, base.costs));
    const names = new Set([...base.costs.keys(), ...head.costs.keys()]);
    const selfTimeChanges = [...names]
        .map((name) => {
        const b = base.costs.get(name)?.selfMs ?? null;
        const h = head.costs.get(name)?.selfMs ?? null;
        return { name, baseSelfMs: b, headSelfMs: h, deltaMs: (h ?? 0) - (b ?? 0) };
    })
        .filter((c) => c.deltaMs !== 0)
        .sort((a, b) => Math.abs(b.deltaMs) - Math.abs(a.deltaMs) || a.name.localeCompare(b.name))
        .slice(0, topChanges);
    return { added: added.sort(costliest), removed: removed.sort(costliest), selfTimeChanges };
}

/** The arm of `target` on `side`, if the plan had one. */
function armOf(arms, side, target, variant) {
    return (arms.find((a) => a.key.side === side && a.key.target === target && a.key.variant === variant) ??
        null);
}
/** Base and head arms of one target and variant, as pairs line up. */
function pairOf(arms, target, variant) {
    return { base: armOf(arms, 'base', target, variant), head: armOf(arms, 'head', target, variant) };
}

const withSide = (side, failure) => failure ? { side, ...failure } : null;
function errorOf(base, head) {
    return (withSide('base', base?.failure) ??
        withSide('head', head?.failure) ??
        withSide('base', base?.profile?.failure) ??
        withSide('head', head?.profile?.failure));
}
function side(arm) {
    const samples = arm ? [...arm.samples, ...(arm.confirmation ?? [])] : [];
    if (!arm || samples.length === 0)
        return null;
    const profile = arm.profile;
    return {
        samples,
        profile,
        medianMs: median(samples.map(METRICS[PRIMARY_METRIC].read)),
        moduleCount: profile?.moduleCount || samples[samples.length - 1].moduleCount,
    };
}
function metricFindings(base, head, spec) {
    return spec.metrics.map((id) => {
        const metric = METRICS[id];
        const read = (samples) => samples.map(metric.read);
        if (!base) {
            return {
                metric: id,
                gating: metric.gatesByDefault,
                outcome: 'pass',
                comparison: null,
                confirmation: null,
            };
        }
        const confirmation = base.confirmation && head.confirmation
            ? { base: read(base.confirmation), head: read(head.confirmation) }
            : null;
        if (metric.gatesByDefault) {
            const verdict = targetVerdict(read(base.samples), read(head.samples), confirmation, spec.gate);
            return { metric: id, gating: true, ...verdict };
        }
        // A metric that only informs gets the plain test over every pair it has.
        const comparison = comparePairs([...read(base.samples), ...(confirmation?.base ?? [])], [...read(head.samples), ...(confirmation?.head ?? [])], spec.gate.alpha);
        return {
            metric: id,
            gating: false,
            outcome: classify(comparison, spec.gate),
            comparison,
            confirmation: null,
        };
    });
}
function modulesOf(base, head) {
    const b = base?.profile;
    const h = head?.profile;
    if (!base || !b?.runs || !h?.runs)
        return null;
    return diffModules({ added: b.added, costs: b.costs }, { added: h.added, costs: h.costs });
}
function evaluateTarget(observations, target, spec) {
    const arms = pairOf(observations.arms, target.name, spec.variant);
    const base = target.isNew ? null : arms.base;
    const head = arms.head;
    const error = errorOf(base, head);
    const headSide = side(head);
    const measured = !error && !!head?.samples.length && (!base || base.samples.length > 0);
    const metrics = measured && head ? metricFindings(base, head, spec) : [];
    const gating = metrics.filter((m) => m.gating).map((m) => m.outcome);
    const statistical = error ? 'error' : mostSerious(gating);
    const headProfile = head?.profile;
    const forbidden = headProfile?.runs
        ? forbiddenImports(headProfile.added, headProfile.costs, spec.gate.forbid)
        : [];
    const budget = budgetStatus(headSide?.medianMs ?? null, headSide?.moduleCount ?? null, spec.gate.budgetsMs[target.name], spec.gate.maxModules);
    const findings = [statistical];
    if (forbidden.length)
        findings.push('forbidden');
    if (isBreached(budget))
        findings.push('budget');
    return {
        target: target.name,
        variant: spec.variant,
        isNew: target.isNew,
        base: side(base),
        head: headSide,
        metrics,
        modules: modulesOf(base, head),
        forbidden,
        budget,
        error,
        verdict: mostSerious(findings),
    };
}
function evaluate(observations, spec) {
    const targets = spec.targets.map((t) => evaluateTarget(observations, t, spec));
    return { targets, verdict: mostSerious(targets.map((t) => t.verdict)) };
}

// A small seeded generator, so a run's interleaving order can be reproduced
// from the seed recorded in its results.
/** mulberry32: 32-bit state, fast, good enough for shuffling run orders. */
function seededRandom(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
/** Fisher-Yates shuffle into a new array. */
function shuffled(items, random) {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
}

/** Sampling stops early once every target's median is known to within this fraction. */
const SETTLED_HALF_WIDTH = 0.01;
const times = (samples) => samples.map((s) => s.importMs);
/** measure: every arm's median known to within ±1% (95% interval). Failed arms are done. */
const medianSettled = (arms) => arms.every((arm) => {
    if (arm.failure)
        return true;
    const values = times(arm.samples);
    const interval = medianInterval(values);
    return (interval !== null && (interval[1] - interval[0]) / 2 <= SETTLED_HALF_WIDTH * median(values));
});
/** compare: every target's base/head comparison is settled (see isSettled). */
function comparisonSettled(gate) {
    return (arms) => arms.every((head) => {
        if (head.key.side !== 'head')
            return true;
        const base = arms.find((a) => a.key.side === 'base' && groupId(a.key) === groupId(head.key));
        if (!base)
            return true;
        if (base.failure || head.failure)
            return true;
        return isSettled(comparePairs(times(base.samples), times(head.samples), gate.alpha), gate);
    });
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function getLineColFromPtr(string, ptr) {
    let lines = string.slice(0, ptr).split(/\r?\n/);
    return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
    let lines = string.split(/\r?\n/);
    let codeblock = '';
    let numberLen = (Math.log10(line + 1) | 0) + 1;
    for (let i = line - 1; i <= line + 1; i++) {
        let l = lines[i - 1];
        if (!l)
            continue;
        codeblock += i.toString().padEnd(numberLen, ' ');
        codeblock += ':  ';
        codeblock += l;
        codeblock += '\n';
        if (i === line) {
            codeblock += ' '.repeat(numberLen + column + 2);
            codeblock += '^\n';
        }
    }
    return codeblock;
}
class TomlError extends Error {
    line;
    column;
    codeblock;
    constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}\n\n${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
    }
    /** @internal */
    static x(message, ctx, ptr) {
        throw new TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function parseString(ctx) {
    let startPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p++);
    let first = c;
    let isLiteral = c === 0x27; /* ' */
    let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
    if (isMultiline) {
        // Trim initial newline
        if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 0xa /* \n */)
            ctx.p++;
        else if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)
            ctx.p += 2;
    }
    // For the record: it is not worth it to use a fast-path for literal strings using `indexOf`.
    // Doing a char-by-char iteration ends up dispatching less instructions, for the same wall-clock runtime.
    let parsed = '';
    let sliceStart = ctx.p;
    // states:
    //   0 - decoding
    //   1 - decoding escape
    //   2 - whitespace escape (no newline encountered yet, must fail on non-whitespace)
    //   3 - whitespace escape (newline encountered, allowed to transition back to normal decode)
    let state = 0;
    for (; ctx.p < ctx.s.length; ctx.p++) {
        c = ctx.s.charCodeAt(ctx.p);
        // Deal with newlines first, since that simplifies control character checking and handling across all states
        if (isMultiline && (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */))) {
            state = state && 3;
        }
        // Control characters are banned in TOML, so we throw an error if we encounter them
        else if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in strings', ctx);
        }
        // The string might terminate while we're parsing through a newline escape.
        // It must have encountered a newline; otherwise, it'll simply fail in another branch.
        else if ((!state || state === 3) && c === first && (!isMultiline || (ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first))) {
            if (isMultiline) {
                // If the string ends with 4-5 quotes, then the first 1-2 are part of the string
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
            }
            // If we're in a newline escape still, then there's nothing to add.
            if (!state) {
                // Avoid a useless concat operation if the string can be used as-is.
                let s = ctx.s.slice(sliceStart, ctx.p);
                parsed = parsed ? parsed + s : s;
            }
            ctx.p += isMultiline ? 3 : 1;
            return parsed;
        }
        // Baseline state; keep moving forward unless an escape sequence starts
        else if (!state) {
            if (!isLiteral && c === 0x5c /* \ */) {
                parsed += ctx.s.slice(sliceStart, (sliceStart = ctx.p));
                state = 1;
            }
        }
        else if (state === 1) {
            if (c === 0x78 /* x */ || c === 0x75 /* u */ || c === 0x55 /* U */) { // Unicode escape
                let errPtr = ctx.p++ - 1;
                let value = 0;
                let len = c === 0x78 /* x */ ? 2 : c === 0x75 /* u */ ? 4 : 8;
                for (let j = 0; j < len; j++, ctx.p++) {
                    let hex = ctx.s.charCodeAt(ctx.p);
                    let digit = 
                    /* 0-9 */ hex >= 0x30 && hex <= 0x39 ? hex - 0x30 :
                        /* A-F */ hex >= 0x41 && hex <= 0x46 ? hex - 0x41 + 10 :
                            /* a-f */ hex >= 0x61 && hex <= 0x66 ? hex - 0x61 + 10 : -1;
                    if (digit < 0)
                        TomlError.x('invalid non-hex character in unicode escape', ctx);
                    value = (value << 4) | digit;
                }
                // Because JS does bitwise on signed 32bit integers, all 0xfzzzzzzz values are actually seen as negative
                if (value < 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
                    TomlError.x('invalid unicode escape', ctx, errPtr);
                }
                parsed += String.fromCodePoint(value);
                sliceStart = ctx.p--;
                state = 0;
            }
            // Newline escape sequence. We only need to care about spaces and tabs; newlines are dealt with earlier
            else if (isMultiline && (c === 0x20 || c === 0x9 /* \t */)) {
                state = 2;
            }
            // Basic escape sequence
            else {
                if (c === 0x62 /* b */)
                    parsed += '\b';
                else if (c === 0x74 /* t */)
                    parsed += '\t';
                else if (c === 0x6e /* n */)
                    parsed += '\n';
                else if (c === 0x66 /* f */)
                    parsed += '\f';
                else if (c === 0x72 /* r */)
                    parsed += '\r';
                else if (c === 0x65 /* e */)
                    parsed += '\x1b';
                else if (c === 0x22 /* " */)
                    parsed += '"';
                else if (c === 0x5c /* \ */)
                    parsed += '\\';
                else
                    TomlError.x('unrecognised escape sequence', ctx);
                sliceStart = ctx.p + 1;
                state = 0;
            }
        }
        // Newline escape continuation: keep moving forward until the first non-whitespace char
        else if (c !== 0x20 && c !== 0x9 /* \t */) {
            if (state === 2)
                TomlError.x('invalid escape: only line-ending whitespace may be escaped', ctx, sliceStart);
            // State cannot be zero, or we'd have branched earlier already.
            // If it's a backslash, immediately transition to the escape state so it can be processed.
            state = !isLiteral && c === 0x5c /* \ */ ? 1 : 0;
            sliceStart = ctx.p;
        }
    }
    TomlError.x('unfinished string', ctx, startPtr);
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
class TomlDate extends Date {
    #hasDate = false;
    #hasTime = false;
    #offset = null;
    constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = 'Z';
        let c;
        if (typeof date === 'string') {
            if (fasttype)
                prep: {
                    // Date-time
                    if (fasttype < 3) {
                        if (+date.slice(11, 13) > 23) {
                            date = '';
                            break prep;
                        }
                        // Local
                        if (fasttype === 2) {
                            offset = null;
                            date += 'Z';
                        }
                        // Offset; keep track of offset if not Z
                        else if ((c = date.charCodeAt(date.length - 1)) !== 0x5a /* Z */ && c !== 0x7a /* z */) {
                            offset = date.slice(date.length - 6);
                        }
                        if (unsafeDelim)
                            date = date.slice(0, 10) + 'T' + date.slice(11);
                    }
                    // Time
                    else if (fasttype === 4) {
                        date = +date.slice(0, 2) > 23 ? '' : `0000-01-01T${date}Z`;
                    }
                    hasDate = fasttype !== 4;
                    hasTime = fasttype !== 3;
                }
            else {
                let match = date.match(DATE_TIME_RE);
                if (match) {
                    if (!match[1]) {
                        hasDate = false;
                        date = `0000-01-01T${date}`;
                    }
                    hasTime = !!match[2];
                    // Make sure to use T instead of a space. Breaks in case of extreme values otherwise.
                    hasTime && date[10] === ' ' && (date = date.replace(' ', 'T'));
                    // Do not allow rollover hours.
                    if (match[2] && +match[2] > 23) {
                        date = '';
                    }
                    else {
                        offset = match[3] || null;
                        if (!offset && hasTime)
                            date += 'Z';
                    }
                }
                else {
                    date = '';
                }
            }
        }
        super(date);
        if (!isNaN(this.getTime())) {
            this.#hasDate = hasDate;
            this.#hasTime = hasTime;
            this.#offset = offset;
        }
    }
    isDateTime() {
        return this.#hasDate && this.#hasTime;
    }
    isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
    }
    isDate() {
        return this.#hasDate && !this.#hasTime;
    }
    isTime() {
        return this.#hasTime && !this.#hasDate;
    }
    isValid() {
        return this.#hasDate || this.#hasTime;
    }
    toISOString() {
        let iso = super.toISOString();
        // Local Date
        if (this.isDate())
            return iso.slice(0, 10);
        // Local Time
        if (this.isTime())
            return iso.slice(11, 23);
        // Local DateTime
        if (this.#offset === null)
            return iso.slice(0, -1);
        // Offset DateTime
        if (this.#offset === 'Z' || this.#offset === 'z')
            return iso;
        // This part is quite annoying: JS strips the original timezone from the ISO string representation
        // Instead of using a "modified" date and "Z", we restore the representation "as authored"
        let offset = (+(this.#offset.slice(1, 3)) * 60) + +(this.#offset.slice(4, 6));
        offset = this.#offset[0] === '-' ? offset : -offset;
        let offsetDate = new Date(this.getTime() - (offset * 60e3));
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
    }
    static wrapAsOffsetDateTime(jsDate, offset = 'Z') {
        let date = new TomlDate(jsDate);
        date.#offset = offset;
        return date;
    }
    static wrapAsLocalDateTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#offset = null;
        return date;
    }
    static wrapAsLocalDate(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
    }
    static wrapAsLocalTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function isDigit(char, base = 10) {
    return base === 16
        ? (char > 0x2f && char < 0x3a) || (char > 0x40 && char < 0x47) || (char > 0x60 && char < 0x67)
        : (char > 0x2f && char < 0x30 + base);
}
function isEndOfValue(char, delim) {
    // Whitespace -- we're permissive on `\r` for performance; it'll be dealt with later anyway
    return char === 0x20 || char === 0x9 /* \t */ || char === 0xa /* \n */ || char === 0xd /* \r */ ||
        // Structure end or next value delimiter
        (delim && (char === delim || char === 0x2c /* , */)) ||
        // Comment
        char === 0x23; /* # */
}
/** @internal */
function extractValue(ctx, end) {
    let errPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p);
    // Structs
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        ctx.d-- || TomlError.x('document contains excessively nested structures. aborting.', ctx);
        let value = c === 0x5b /* [ */
            ? parseArray(ctx)
            : parseInlineTable(ctx);
        ctx.d++;
        return value;
    }
    // Strings
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        return parseString(ctx);
    }
    // Booleans
    // We can fast-path because the first character is enough to know the only possible value
    if (c === 0x74 /* t */) { // Only possible valid value is `true`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x72 || ctx.s.charCodeAt(++ctx.p) !== 0x75 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, true;
    }
    if (c === 0x66 /* f */) { // Only possible valid value is `false`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6c || ctx.s.charCodeAt(++ctx.p) !== 0x73 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, false;
    }
    if (c === 0x2b /* + */ || c === 0x2d /* - */) {
        return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 0x2c - c, end);
    }
    // Rough heuristic, but `parseDate` falls back to number parsing if it's a false positive.
    // e.g.: `a = 1\n-------------- = 1` would match this heuristic, but gracefully fallback to numbers.
    if (ctx.s.charCodeAt(ctx.p + 4) === 0x2d /* - */ && ctx.s.charCodeAt(ctx.p + 7) === 0x2d /* - */) {
        return parseDate(ctx, c, end);
    }
    // Same logic as above; `parseTime` falls back to number parsing if it's a false positive.
    if (ctx.s.charCodeAt(ctx.p + 2) === 0x3a /* : */) {
        return parseTime(ctx, c, end);
    }
    return parseNumber(ctx, ctx.p, c, 0, end);
}
// State:
// 0: init
// 1: integer
// 2: fractional dot
// 3: fractional
// 4: exponent letter
// 5: exponent
// 6: exponent sign
// 7: exponent with sign
// >9: underscore; see below
//     -> 12: was integer
//     -> 14: was fractional
//     -> 16: was exponent
// states 2-5, 14, 16 are ONLY permitted iif base === 10
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
    let c = startChr;
    let state = 0;
    let hasUnderscores = false;
    // (+/-)inf
    if (c === 0x69 /* i */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x6e || ctx.s.charCodeAt(++ctx.p) !== 0x66)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, (sign || 1) / 0;
    }
    // (+/-)nan
    if (c === 0x6e /* n */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6e)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, NaN;
    }
    // Leading zero
    // Only allowed cases: `0<EOV>`, `0.(...)`, `0e(...)`, `0x(...)`, `0b(...)`, `0o(...)`
    // FWIW, `0e(...)` is a stupid case, but it's not banned per-se so we have to parse it
    if (c === 0x30 /* 0 */) {
        if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
            return ctx.bi === true ? 0n : 0; // note: conveniently deals with `-0`
        if (!sign) {
            if (c === 0x78 /* x */)
                return parseIntegerBaseN(ctx, startPtr, 16, endChr);
            else if (c === 0x62 /* b */)
                return parseIntegerBaseN(ctx, startPtr, 2, endChr);
            else if (c === 0x6f /* o */)
                return parseIntegerBaseN(ctx, startPtr, 8, endChr);
        }
        if (c === 0x2e /* . */)
            state = 2;
        else if (c === 0x65 /* e */ || c === 0x45 /* E */)
            state = 4;
        else
            TomlError.x('illegal leading zero', ctx, startPtr);
    }
    // If the 1st char is not a digit by now, then it's not a valid TOML value at all
    else if (!isDigit(c))
        TomlError.x('invalid value', ctx, startPtr);
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (!state)
            state = 1; // Detects single-digit numbers we can use a fast parse path for
        // The way the states are numbered is not random: underscores are always permitted in odd-numbered states and
        // never permitted in even-numbered ones.
        if (c === 0x5f /* _ */) {
            if (!(state & 1))
                TomlError.x('illegal underscore', ctx);
            state += 11; // 11 is a marker that makes the state even and greater than 9; see the numbering + rationale above
            hasUnderscores = true;
        }
        // Transition to fractional part.
        else if (state === 1 && c === 0x2e /* . */)
            state = 2;
        // Transition to exponent part.
        else if ((state === 1 || state === 3) && (c === 0x65 /* e */ || c === 0x45 /* E */))
            state = 4;
        // + and - are permitted in state 4 only (handled before entering the function for state 0)
        else if (state === 4 && (c === 0x2b /* + */ || c === 0x2d /* - */)) {
            state = 6;
        }
        // All special cases have been handled; only digits are allowed here
        else if (!isDigit(c))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear state flags
        else if (state > 9)
            state -= 11;
        else if (!(state & 1))
            state++;
    }
    // Single-char number; we can fast-path these very easily.
    if (!state) {
        let val = (startChr - 0x30 /* 0 */) * (sign || 1);
        return ctx.bi === true ? BigInt(val) : val;
    }
    // Even-numbered states absolutely require a digit next; not even end of value is permitted
    if (!(state & 1))
        TomlError.x('unfinished numeric value', ctx, startPtr);
    let str = ctx.s.slice(startPtr, ctx.p);
    if (hasUnderscores)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return state > 1
        ? parseFloat(str)
        : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
    let c, underscore = 1;
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (c === 0x5f /* _ */) {
            if (underscore & 1)
                TomlError.x('illegal underscore', ctx);
            underscore = 3;
        }
        // We only need to check if the number is a valid digit, nothing else is permitted
        else if (!isDigit(c, base))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear underscore flag
        else if (underscore & 1)
            underscore--;
    }
    // Trailing underscore is not allowed
    if (underscore & 1)
        TomlError.x('unfinished numeric value', ctx);
    let str = ctx.s.slice(startPtr + 2, ctx.p);
    if (underscore)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
    if (ctx.bi !== true)
        int: {
            let val = parseInt(str, base);
            if (!Number.isSafeInteger(val)) {
                if (ctx.bi)
                    break int;
                TomlError.x('integer value cannot be represented losslessly', ctx, startPtr);
            }
            return val;
        }
    return base === 10 ? BigInt(str) : BigInt((base === 2 ? '0b' : base === 8 ? '0o' : '0x') + str);
}
function parseDate(ctx, c, endChr) {
    let startPtr = ctx.p++, unsafeSeparator;
    if (!isDigit(c) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++))) {
        return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
    }
    ctx.p += 5;
    if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
        TomlError.x('invalid date-time: date part is malformed', ctx, startPtr);
    if (ctx.p >= ctx.s.length || (((c = ctx.s.charCodeAt(ctx.p)) !== 0x20 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 0x54 /* T */ && c !== 0x74 /* t */)) {
        let t = ctx.s.slice(startPtr, ctx.p);
        return readDate(ctx, t, 3, false, startPtr);
    }
    if (ctx.s.charCodeAt(ctx.p += 3) !== 0x3a /* : */)
        TomlError.x('invalid date-time: time part is malformed', ctx, startPtr);
    if (ctx.s.charCodeAt(ctx.p += 3) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    if (c = ctx.s.charCodeAt(ctx.p)) {
        if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
            let t = ctx.s.slice(startPtr, ++ctx.p);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, '[+00:00]');
        }
        if (c === 0x2b /* + */ || c === 0x2d /* - */) {
            // Temporal's ZonedDateTime is weird asf when it comes to dealing with traditional offsets...
            // It's 1.2x faster to allocate a new string to pass to ZDT than use Instant.toZonedDateTimeISO
            let t = ctx.s.slice(startPtr, ctx.p += 6);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, !ctx.ld && ('[' + ctx.s.slice(ctx.p - 6, ctx.p) + ']'));
        }
    }
    let t = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
    let start = ctx.p;
    if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
        return parseNumber(ctx, --ctx.p, c, 0, endChr);
    }
    if (ctx.s.charCodeAt(ctx.p += 4) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    let t = ctx.s.slice(start, ctx.p);
    return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
    if (ctx.ld) {
        let date = new TomlDate(str, type, unsafeDelim);
        if (!date.isValid())
            TomlError.x('invalid date', ctx, errPtr);
        return date;
    }
    try {
        if (temporalSuffix)
            str += temporalSuffix;
        switch (type) {
            case 1: return Temporal.ZonedDateTime.from(str);
            case 2: return Temporal.PlainDateTime.from(str);
            case 3: return Temporal.PlainDate.from(str);
            case 4: return Temporal.PlainTime.from(str);
        }
    }
    catch (e) {
        TomlError.x(e instanceof Error ? e.message : '' + e, ctx, errPtr);
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function skipComment(ctx) {
    for (; ctx.p < ctx.s.length; ctx.p++) {
        let c = ctx.s.charCodeAt(ctx.p);
        if (c === 0xa /* \n */)
            break;
        if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */) {
            ctx.p++;
            break;
        }
        if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in comments', ctx);
        }
    }
}
/** @internal */
function skipVoid(ctx, banNewLines, banComments) {
    let c;
    while (ctx.p < ctx.s.length) {
        while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 0x20 ||
            c === 0x9 /* \t */ ||
            (!banNewLines &&
                (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)))))
            ctx.p++;
        if (banComments || c !== 0x23 /* # */)
            break;
        skipComment(ctx);
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function parseKey(ctx, end = 0x3d /* = */) {
    // States:
    // 0: before first char
    // 1: parsing bare key
    // 2: after key component
    let startPtr;
    let state = 0;
    let parsed = [];
    let sliceStart;
    let c = ctx.s.charCodeAt(startPtr = ctx.p);
    do {
        // End of key
        if (c === end) {
            if (!state)
                TomlError.x('unexpected end of key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            return ctx.p++, parsed;
        }
        // Dotted key separator
        else if (c === 0x2e /* . */) {
            if (!state)
                TomlError.x('illegal empty bare key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            state = 0;
        }
        // Quoted key
        else if (!state && (c === 0x22 /* " */ || c === 0x27 /* ' */)) {
            if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
                TomlError.x('illegal quoted key: multiline strings are not allowed', ctx);
            parsed.push(parseString(ctx));
            state = 2;
            ctx.p--;
        }
        // Whitespace; no-op in state 0 and 2, end of bare key in state 1
        else if (c === 0x20 || c === 0x9 /* \t */) {
            if (state === 1) {
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
                state = 2;
            }
        }
        // If state is post-key, no character is allowed; otherwise ensure it's a bare-key component
        else if (state === 2 || (c < 0x30 && c !== 0x2d /* - */) || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61 && c !== 0x5f /* _ */) || c > 0x7a) {
            TomlError.x('illegal character in key', ctx);
        }
        // Illegal character
        else if (!state) {
            state = 1;
            sliceStart = ctx.p;
        }
    } while (c = ctx.s.charCodeAt(++ctx.p));
    TomlError.x('incomplete key-value: cannot find end of key', ctx, startPtr);
}
/** @internal */
function parseInlineTable(ctx) {
    let startPtr = ctx.p++;
    let res = Object.create(null);
    let seen = new Set();
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x7d /* } */) {
            ctx.p++;
            return res;
        }
        let k;
        let t = res;
        let hasOwn = false;
        let errPtr = ctx.p;
        let key = parseKey(ctx);
        for (let i = 0; i < key.length; i++) {
            if (i)
                t = hasOwn ? t[k] : (t[k] = Object.create(null));
            k = key[i];
            if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== 'object' || seen.has(t[k]))) {
                TomlError.x('trying to redefine an already defined value', ctx, errPtr);
            }
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor')) {
                t = ctx.uk !== 1 && TomlError.x('document contains an unsafe property', ctx, errPtr);
                break;
            }
            if (!hasOwn && unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
            }
        }
        if (hasOwn) {
            TomlError.x('trying to redefine an already defined value', ctx, errPtr);
        }
        skipVoid(ctx, true, true);
        let value = extractValue(ctx, 0x7d /* } */);
        if (t && typeof (t[k] = value) === 'object')
            seen.add(value);
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x7d /* } */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished table', ctx, startPtr);
}
/** @internal */
function parseArray(ctx) {
    let startPtr = ctx.p++;
    let res = [];
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x5d /* ] */) {
            ctx.p++;
            return res;
        }
        res.push(extractValue(ctx, 0x5d /* ] */));
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x5d /* ] */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished array', ctx, startPtr);
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function peekTable(ctx, key, table, meta, type) {
    let t = table;
    let m = meta;
    let k;
    let hasOwn = false;
    let state;
    for (let i = 0; i < key.length; i++) {
        if (i) {
            t = hasOwn ? t[k] : (t[k] = Object.create(null));
            m = (state = m[k]).c;
            if (type === 0 /* Type.DOTTED */ && (state.t === 1 /* Type.EXPLICIT */ || state.t === 2 /* Type.ARRAY */)) {
                return null;
            }
            if (state.t === 2 /* Type.ARRAY */) {
                let l = t.length - 1;
                t = t[l];
                m = m[l].c;
            }
        }
        k = key[i];
        if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 /* Type.DOTTED */ && m[k]?.d) {
            return null;
        }
        if (!hasOwn) {
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor'))
                return false;
            if (unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
                Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
            }
            m[k] = {
                t: i < key.length - 1 && type === 2 /* Type.ARRAY */
                    ? 3 /* Type.ARRAY_DOTTED */ : type,
                d: false,
                i: 0,
                c: Object.create(null),
            };
        }
    }
    state = m[k];
    if (state.t !== type && !(type === 1 /* Type.EXPLICIT */ && state.t === 3 /* Type.ARRAY_DOTTED */)) {
        // Bad key type!
        return null;
    }
    if (type === 2 /* Type.ARRAY */) {
        if (!state.d) {
            state.d = true;
            t[k] = [];
        }
        t[k].push(t = Object.create(null));
        state.c[state.i++] = (state = { t: 1 /* Type.EXPLICIT */, d: false, i: 0, c: Object.create(null) });
    }
    if (state.d) {
        // Redefining a table!
        return null;
    }
    state.d = true;
    if (type === 1 /* Type.EXPLICIT */) {
        t = hasOwn ? t[k] : (t[k] = Object.create(null));
    }
    else if (type === 0 /* Type.DOTTED */ && hasOwn) {
        return null;
    }
    return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
    if (peek === null || ctx.uk === 2)
        TomlError.x(peek === null
            ? 'trying to redefine an already defined table or value'
            : 'document contains an unsafe property', ctx, ptr);
}
function parse$1(toml, options = {}) {
    let ctx = {
        s: toml,
        p: 0,
        d: options.maxDepth ?? 1000,
        bi: options.integersAsBigInt ?? false,
        ld: options.useLegacyDate ?? true,
        uk: options.unsafeKeyBehaviour === 'throw' ? 2 : options.unsafeKeyBehaviour === 'drop' ? 1 : 0,
    };
    let res = Object.create(null);
    let meta = Object.create(null);
    let tmp;
    let skipping = false;
    let tbl = res;
    let m = meta;
    // BOM is allowed, skip.
    // JS is UTF-16, so we have to check for the UTF-16 BOM instead of the UTF-8 BOM sequence!
    if (toml.charCodeAt(0) === 0xfeff)
        ctx.p++;
    skipVoid(ctx);
    while (ctx.p < toml.length) {
        if (toml.charCodeAt(ctx.p) === 0x5b /* [ */) {
            let isTableArray = toml.charCodeAt(++ctx.p) === 0x5b; /* [ */
            tmp = ctx.p += +isTableArray;
            skipping = false;
            let k = parseKey(ctx, 0x5d /* ] */);
            if (isTableArray) {
                if (toml.charCodeAt(ctx.p) !== 0x5d /* ] */) {
                    TomlError.x('expected end of table array declaration', ctx);
                }
                ctx.p++;
            }
            let p = peekTable(ctx, k, res, meta, isTableArray ? 2 /* Type.ARRAY */ : 1 /* Type.EXPLICIT */);
            if (!p) {
                validateTablePeek(ctx, p, tmp);
                skipping = true;
            }
            else {
                m = p[2];
                tbl = p[1];
            }
        }
        else {
            tmp = ctx.p;
            let k = parseKey(ctx);
            let p = peekTable(ctx, k, tbl, m, 0 /* Type.DOTTED */);
            if (!p && !skipping)
                validateTablePeek(ctx, p, tmp);
            skipVoid(ctx, true, true);
            let v = extractValue(ctx, void 0);
            if (p && !skipping)
                p[1][p[0]] = v;
        }
        skipVoid(ctx, true);
        if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 0xa /* \n */ && (tmp !== 0xd /* \r */ || toml.charCodeAt(ctx.p + 1) !== 0xa /* \n */)) {
            TomlError.x('each key-value declaration must be followed by an end-of-line', ctx);
        }
        skipVoid(ctx);
    }
    return res;
}

// The project-wide error types. Each entry (CLI, action) turns them into a
// message and an exit status; anything else that escapes is a bug.
/**
 * Bad input from the user: a flag, an action input, a config key, a target
 * name. The message names the input as the user wrote it, the value, and what
 * would be accepted. Exit status 2.
 */
class UsageError extends Error {
    name = 'UsageError';
}
/** The environment cannot do what was asked (no interpreter, not a repository...). Exit status 2. */
class SetupError extends Error {
    name = 'SetupError';
}
/** The run was cancelled (Ctrl-C, the runner cancelling the job): stop, clean up, report nothing. */
class CancelledError extends SetupError {
    name = 'CancelledError';
    constructor(what = 'the run') {
        super(`${what} was cancelled`);
    }
}

/** The modes each command accepts: compare has no "current" (the worktrees have no environment). */
const INSTALL_MODES = {
    measure: ['none', 'current', 'auto', 'pip', 'uv'],
    compare: ['auto', 'none', 'pip', 'uv'],
};
const ALL_INSTALL_MODES = ['auto', 'none', 'current', 'pip', 'uv'];

// The install input: a strategy name, or the user's own shell command.
/**
 * Known names are strategies. Anything with a space, a slash or shell syntax is
 * a command; a lone unknown word is refused (a typo of "pip" should not be run
 * as a program). A one-word command can be written as "./install.sh" or
 * "sh -c make".
 */
function parseInstall(input, value, allowed) {
    const text = value.trim();
    if (allowed.includes(text))
        return { kind: text };
    if (/[\s/;&|$`<>()]/.test(text))
        return { kind: 'command', command: text };
    const why = ALL_INSTALL_MODES.includes(text) ? ' here' : '';
    throw new UsageError(`${input}: "${value}" is not an install mode${why}; use ${allowed.join(', ')}, or a shell command such as "pip install .[fast]"`);
}

// A target is a module name as `import` accepts it: dotted identifiers. It is
// passed to the interpreter as one argument (never through a shell), but a
// clear refusal here beats a ModuleNotFoundError after installing everything.
const KEYWORDS = new Set(('False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try ' +
    'while with yield').split(' '));
// Python identifiers (PEP 3131): XID_Start then XID_Continue; this is the
// Unicode-category approximation of those two properties.
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;
/** Why `name` is not a valid dotted module name, or null when it is. */
function moduleNameProblem(name) {
    if (name.trim() === '')
        return 'it is empty';
    if (name !== name.trim())
        return 'it has leading or trailing spaces';
    if (name.startsWith('.'))
        return 'relative names are not accepted; give the absolute module name';
    if (/[/\\]/.test(name) || name.endsWith('.py')) {
        return 'it looks like a file path; give the dotted module name (src/mypkg/cli.py → mypkg.cli)';
    }
    if (name.includes('-')) {
        return `module names have no hyphens (distribution names do); did you mean ${name.replaceAll('-', '_')}?`;
    }
    for (const part of name.split('.')) {
        if (part === '')
            return 'it has an empty part between dots';
        if (KEYWORDS.has(part))
            return `"${part}" is a Python keyword, which no importable module can be named`;
        if (!IDENTIFIER.test(part)) {
            return `"${part}" is not a Python identifier (letters, digits and underscores, not starting with a digit)`;
        }
    }
    return null;
}

function directory(input, path) {
    if (!existsSync(path) || !statSync(path).isDirectory()) {
        throw new UsageError(`${input}: ${path} is not a directory`);
    }
    return path;
}
/** --project-dir as a path inside the repository (it is looked up in each worktree). */
function projectSubdir(repoDir, value, input) {
    const sub = relative(repoDir, resolve(repoDir, value ?? '.'));
    if (sub.startsWith('..') || isAbsolute(sub)) {
        throw new UsageError(`${input}: "${value}" is outside the repository ${repoDir}; give a folder inside it`);
    }
    return sub;
}
function validateTargets(targets, source) {
    for (const target of targets) {
        const problem = moduleNameProblem(target);
        if (problem)
            throw new UsageError(`${source}: "${target}" is not a Python module name: ${problem}`);
    }
    return [...new Set(targets)];
}

// Numbers given as text: counts, durations, percentages. Each parser names the
// input and the value in its error, and says what would be accepted.
const DURATION = /^(\d+(?:\.\d+)?|\.\d+)\s*(ms|s|m)?$/;
/** A duration in milliseconds; a bare number is in `bareUnit`. */
function parseDuration(input, value, bareUnit) {
    const match = DURATION.exec(value.trim());
    if (!match) {
        throw new UsageError(`${input}: "${value}" is not a duration; use a number of ${bareUnit === 's' ? 'seconds' : 'milliseconds'} or one with a unit, such as 300ms, 0.3s or 2m`);
    }
    const amount = Number(match[1]);
    const unit = match[2] ?? bareUnit;
    return amount * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000);
}
/** A whole number ≥ min. */
function parseCount(input, value, min) {
    const text = value.trim();
    if (!/^\d+$/.test(text) || Number(text) < min) {
        throw new UsageError(`${input}: "${value}" is not a whole number of at least ${min}`);
    }
    return Number(text);
}
/** A percentage: "5%" or "5" both mean 5. */
function parsePercent(input, value) {
    const match = /^(\d+(?:\.\d+)?|\.\d+)\s*%?$/.exec(value.trim());
    if (!match)
        throw new UsageError(`${input}: "${value}" is not a percentage; use a number such as 5 or 5%`);
    return Number(match[1]);
}

// The inputs a run was given, as text, keyed by what they mean: the CLI's flags
// and the action's inputs both map onto these, and partialSettings() turns
// them into typed settings, naming each input the way its user wrote it.
function positive(input, value) {
    const ms = parseDuration(input, value, 's');
    if (ms <= 0)
        throw new UsageError(`${input}: "${value}" must be more than zero`);
    return ms;
}
/** "mypkg=300ms" → ["mypkg", 300]. */
function budget(value, input) {
    const at = value.indexOf('=');
    if (at < 1)
        throw new UsageError(`${input}: "${value}" should be TARGET=DURATION, such as mypkg=300ms`);
    const [target] = validateTargets([value.slice(0, at).trim()], input);
    return [target, parseDuration(input, value.slice(at + 1), 'ms')];
}
function parseMetrics(values, input) {
    for (const value of values) {
        if (!isMetricId(value))
            throw new UsageError(`${input}: "${value}" is not a metric; use ${METRIC_IDS.join(', ')}`);
    }
    return [...new Set(values)];
}
function partialSettings(values, rules, name) {
    const when = (value, parse) => value === undefined ? undefined : parse(value);
    const partial = {
        targets: values.target?.length ? validateTargets(values.target, name('target')) : undefined,
        install: when(values.install, (v) => parseInstall(name('install'), v, rules.installModes)),
        thresholdPct: when(values.threshold, (v) => parsePercent(name('threshold'), v)),
        minDeltaMs: when(values['min-delta'], (v) => parseDuration(name('min-delta'), v, 'ms')),
        maxModules: when(values['max-modules'], (v) => parseCount(name('max-modules'), v, 1)),
        forbid: values.forbid?.length ? validateTargets(values.forbid, name('forbid')) : undefined,
        budgetsMs: values.budget?.length
            ? Object.fromEntries(values.budget.map((b) => budget(b, name('budget'))))
            : undefined,
        metrics: values.metric?.length ? parseMetrics(values.metric, name('metric')) : undefined,
        minPairs: when(values['min-pairs'], (v) => parseCount(name('min-pairs'), v, 1)),
        maxPairs: when(values['max-pairs'], (v) => parseCount(name('max-pairs'), v, 1)),
        maxTimeMs: when(values['max-time'], (v) => positive(name('max-time'), v)),
        sampleTimeoutMs: when(values['sample-timeout'], (v) => positive(name('sample-timeout'), v)),
        warmups: when(values.warmup, (v) => parseCount(name('warmup'), v, 0)),
        profileRuns: when(values['profile-runs'], (v) => parseCount(name('profile-runs'), v, rules.minProfileRuns)),
        seed: when(values.seed, (v) => parseCount(name('seed'), v, 0)),
    };
    if (values.alpha !== undefined) {
        const a = Number(values.alpha);
        if (!(a > 0 && a < 0.5)) {
            throw new UsageError(`${name('alpha')}: "${values.alpha}" must be a number between 0 and 0.5, such as 0.01`);
        }
        partial.alpha = a;
    }
    return partial;
}

/** Edit distance (insertions, deletions, substitutions), for "did you mean" hints. */
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
/** The closest of `options` to `word`, if it is close enough to be a likely typo. */
function nearest(word, options) {
    let best = null;
    let distance = Infinity;
    for (const option of options) {
        const d = editDistance(word.toLowerCase(), option);
        if (d < distance)
            [best, distance] = [option, d];
    }
    return distance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

// [tool.importgate] in a project's pyproject.toml → PartialSettings. Every key is
// checked; an error names the file, the key, the value and what is accepted.
const show = (value) => JSON.stringify(value);
function text(value, where, accepted) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number')
        return String(value);
    throw new UsageError(`${where} = ${show(value)}: expected ${accepted}`);
}
function modules(value, where) {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        throw new UsageError(`${where} = ${show(value)}: expected a list of module names, such as ["mypkg", "mypkg.cli"]`);
    }
    for (const name of value) {
        const problem = moduleNameProblem(name);
        if (problem)
            throw new UsageError(`${where}: "${name}" is not a Python module name: ${problem}`);
    }
    return value;
}
const count = (min) => (value, where) => {
    if (typeof value !== 'number' && typeof value !== 'string') {
        throw new UsageError(`${where} = ${show(value)}: expected a whole number of at least ${min}`);
    }
    return parseCount(where, String(value), min);
};
const READERS = {
    targets: (v, w) => ({ targets: modules(v, w) }),
    forbid: (v, w) => ({ forbid: modules(v, w) }),
    threshold: (v, w) => ({ thresholdPct: parsePercent(w, text(v, w, 'a percentage such as "5%"')) }),
    'min-delta': (v, w) => ({
        minDeltaMs: parseDuration(w, text(v, w, 'a duration such as "2ms"'), 'ms'),
    }),
    alpha: (v, w) => {
        if (typeof v !== 'number' || !(v > 0 && v < 0.5)) {
            throw new UsageError(`${w} = ${show(v)}: expected a number between 0 and 0.5, such as 0.01`);
        }
        return { alpha: v };
    },
    'max-modules': (v, w) => ({ maxModules: count(1)(v, w) }),
    budgets: (v, w) => {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) {
            throw new UsageError(`${w} = ${show(v)}: expected a table of target = "duration", such as [tool.importgate.budgets] mypkg = "300ms"`);
        }
        const budgetsMs = {};
        for (const [target, limit] of Object.entries(v)) {
            const at = `${w}.${target.includes('.') ? `"${target}"` : target}`;
            const problem = moduleNameProblem(target);
            if (problem)
                throw new UsageError(`${at}: "${target}" is not a Python module name: ${problem}`);
            budgetsMs[target] = parseDuration(at, text(limit, at, 'a duration such as "300ms"'), 'ms');
        }
        return { budgetsMs };
    },
    'min-pairs': (v, w) => ({ minPairs: count(1)(v, w) }),
    'max-pairs': (v, w) => ({ maxPairs: count(1)(v, w) }),
    warmup: (v, w) => ({ warmups: count(0)(v, w) }),
    'profile-runs': (v, w) => ({ profileRuns: count(1)(v, w) }),
    'max-time': (v, w) => ({
        maxTimeMs: parseDuration(w, text(v, w, 'a duration such as "120s"'), 's'),
    }),
    metrics: (v, w) => {
        if (!Array.isArray(v) || !v.every((m) => typeof m === 'string')) {
            throw new UsageError(`${w} = ${show(v)}: expected a list of metrics, such as ["import_ms", "cpu_ms"]`);
        }
        return { metrics: parseMetrics(v, w) };
    },
    'sample-timeout': (v, w) => ({
        sampleTimeoutMs: parseDuration(w, text(v, w, 'a duration such as "60s"'), 's'),
    }),
    install: (v, w) => ({
        install: parseInstall(w, text(v, w, 'an install mode or a command'), INSTALL_MODES.compare),
    }),
};
const PYPROJECT_KEYS = Object.keys(READERS);
function table$1(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : null;
}
function readPyproject(projectDir) {
    const file = join(projectDir, 'pyproject.toml');
    if (!existsSync(file))
        return { file: null, settings: {}, raw: {} };
    let document;
    try {
        document = parse$1(readFileSync(file, 'utf8'));
    }
    catch (error) {
        const where = error instanceof TomlError ? ` (line ${error.line}, column ${error.column})` : '';
        const first = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new UsageError(`${file}: not valid TOML${where}: ${first}`);
    }
    const tool = table$1(document.tool)?.importgate;
    if (tool === undefined)
        return { file, settings: {}, raw: {} };
    const raw = table$1(tool);
    if (!raw)
        throw new UsageError(`${file}: tool.importgate = ${show(tool)}: expected a table, [tool.importgate]`);
    const settings = {};
    for (const [key, value] of Object.entries(raw)) {
        const reader = READERS[key];
        if (!reader) {
            const guess = nearest(key, PYPROJECT_KEYS);
            throw new UsageError(`${file}: [tool.importgate] has an unknown key "${key}"${guess ? `; did you mean "${guess}"?` : ''} Known keys: ${PYPROJECT_KEYS.join(', ')}`);
        }
        Object.assign(settings, reader(value, `${file}: [tool.importgate] ${key}`));
    }
    return { file, settings, raw };
}

/** Keeps the last `cap` bytes of a stream: the end of a log says most about a failure. */
class ByteSink {
    cap;
    chunks = [];
    size = 0;
    truncated = false;
    constructor(cap) {
        this.cap = cap;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.size > this.cap && this.chunks.length > 1) {
            this.size -= this.chunks.shift().length;
            this.truncated = true;
        }
    }
    bytes() {
        const all = Buffer.concat(this.chunks);
        if (all.length <= this.cap)
            return all;
        this.truncated = true;
        return all.subarray(all.length - this.cap);
    }
    text() {
        return this.bytes().toString('utf8');
    }
}

// Every child we start runs in a process group of its own, so that a timeout, a
// cancel or the end of a sample can take down everything it started (forks,
// daemons that keep our pipes), not just the process we spawned.
const liveGroups = new Set();
function trackGroup(pid) {
    if (pid !== undefined)
        liveGroups.add(pid);
}
function untrackGroup(pid) {
    if (pid !== undefined)
        liveGroups.delete(pid);
}
function killGroup(pid) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, 'SIGKILL');
    }
    catch {
        // ESRCH: the group is already gone, which is what we wanted.
    }
}
/** Kills every process group we started that is still running (on cancel). */
function killAllChildGroups() {
    for (const pid of liveGroups)
        killGroup(pid);
    liveGroups.clear();
}

// A helper command (git, venv creation, an installer): argument array, no
// shell, its own process group killed on timeout or abort, output captured.
//
// @actions/exec, which this product otherwise builds on, cannot stop a
// command: it takes no AbortSignal and no timeout, and does not expose the
// child. A hung `git fetch` or installer would hold the job until GitHub's
// 6-hour limit, so these commands go through this small layer instead.
/** Thrown when the command could not be started at all (not found, not executable). */
class SpawnError extends Error {
    name = 'SpawnError';
}
const LOG_BYTES = 256 * 1024;
const OUTPUT_BYTES = 64 * 1024 * 1024;
function runCommand(spec) {
    return new Promise((resolve, reject) => {
        const log = new ByteSink(LOG_BYTES);
        const stdout = new ByteSink(OUTPUT_BYTES);
        const stderr = new ByteSink(OUTPUT_BYTES);
        let timedOut = false;
        let aborted = false;
        const child = spawn(spec.command, spec.args, {
            cwd: spec.cwd,
            env: spec.env ?? process.env,
            stdio: ['ignore', 'pipe', 'pipe'],
            detached: true,
            shell: false,
            windowsHide: true,
        });
        const pid = child.pid;
        trackGroup(pid);
        const stop = () => killGroup(pid);
        const timer = setTimeout(() => {
            timedOut = true;
            stop();
        }, spec.timeoutMs);
        const onAbort = () => {
            aborted = true;
            stop();
        };
        spec.signal?.addEventListener('abort', onAbort, { once: true });
        if (spec.signal?.aborted)
            onAbort();
        child.stdout?.on('data', (chunk) => {
            stdout.push(chunk);
            log.push(chunk);
        });
        child.stderr?.on('data', (chunk) => {
            stderr.push(chunk);
            log.push(chunk);
        });
        // What the command left running (a build daemon holding our pipes) goes with it.
        child.on('exit', stop);
        const done = () => {
            clearTimeout(timer);
            spec.signal?.removeEventListener('abort', onAbort);
            untrackGroup(pid);
        };
        child.on('error', (error) => {
            done();
            const why = error.code === 'ENOENT' ? 'not found' : error.message;
            reject(new SpawnError(`cannot run ${JSON.stringify(spec.command)}: ${why}`));
        });
        child.on('close', (code, signal) => {
            done();
            resolve({
                code,
                signal,
                timedOut,
                aborted,
                stdout: stdout.text(),
                stderr: stderr.text(),
                log: log.text(),
            });
        });
    });
}

// The measured code is the pull request's own code: it must never see the
// token or other runner secrets. So the child environment is built up from an
// allow-list, never copied from ours and filtered.
/** Names passed through unchanged when the parent has them. */
const ALLOWED_NAMES = [
    'PATH',
    'HOME',
    'USER',
    'LOGNAME',
    'LANG',
    'LANGUAGE',
    'TZ',
    'TMPDIR',
    'TEMP',
    'TMP',
    'SYSTEMROOT', // Windows cannot start Python without it
];
/** Name prefixes passed through (locale settings). */
const ALLOWED_PREFIXES = ['LC_'];
function isAllowedName(name) {
    return ALLOWED_NAMES.includes(name) || ALLOWED_PREFIXES.some((prefix) => name.startsWith(prefix));
}
/**
 * The environment for a measured interpreter: the allowed part of `parent`
 * plus `extra` (what the install mode needs, such as PYTHONPATH). `extra` wins.
 */
function childEnv(parent, extra = {}) {
    const env = {};
    for (const [name, value] of Object.entries(parent)) {
        if (value !== undefined && isAllowedName(name))
            env[name] = value;
    }
    return { ...env, ...extra };
}
/**
 * What an installer needs on top of the allow-list: its own settings (PIP_*,
 * UV_*), proxies and CA bundles. The install step runs the project's build
 * code too, so tokens are still not on this list; an index URL with
 * credentials in PIP_INDEX_URL is passed because the user set it for installs.
 */
const INSTALLER_PREFIXES = ['PIP_', 'UV_'];
const INSTALLER_NAMES = [
    'HTTP_PROXY',
    'HTTPS_PROXY',
    'NO_PROXY',
    'ALL_PROXY',
    'http_proxy',
    'https_proxy',
    'no_proxy',
    'all_proxy',
    'SSL_CERT_FILE',
    'SSL_CERT_DIR',
    'REQUESTS_CA_BUNDLE',
    'CURL_CA_BUNDLE',
    'XDG_CACHE_HOME',
    'XDG_CONFIG_HOME',
];
function installerEnv(parent, extra = {}) {
    const env = childEnv(parent);
    for (const [name, value] of Object.entries(parent)) {
        if (value === undefined)
            continue;
        if (INSTALLER_NAMES.includes(name) || INSTALLER_PREFIXES.some((p) => name.startsWith(p)))
            env[name] = value;
    }
    return { ...env, ...extra };
}

/**
 * What PYTHONPATH is when nothing is installed: the project's src/ folder when
 * it has one (src layout), else the project folder itself.
 */
function importRoot(projectDir) {
    const src = join(projectDir, 'src');
    return existsSync(src) && statSync(src).isDirectory() ? src : projectDir;
}

// One measured interpreter, start to finish. It runs in a process group of its
// own so that a timeout, a cancel, or the end of the sample can take down
// everything the measured code started, not just the interpreter. This is our
// own spawn rather than @actions/exec because it needs what that package does
// not offer: a fourth descriptor for the probe's report, a process group to
// kill, a timeout, and stdout thrown away unread.
/** The fd the probe reports on; stdio[3] of the child. */
const REPORT_FD = 3;
const TAIL_BYTES = 64 * 1024;
const FULL_BYTES = 64 * 1024 * 1024;
function runMeasured(spec) {
    return new Promise((resolve, reject) => {
        const report = [];
        const stderr = new ByteSink(spec.stderr === 'full' ? FULL_BYTES : TAIL_BYTES);
        let timedOut = false;
        let exitNs = 0n;
        const spawnNs = process.hrtime.bigint();
        const child = spawn(spec.command, spec.args, {
            cwd: spec.cwd,
            env: spec.env,
            // stdin: EOF at once; stdout: discarded (measured code may print anything);
            // stderr: kept for -X importtime and error context; fd 3: the report.
            stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
            detached: true,
            shell: false,
            windowsHide: true,
        });
        const pid = child.pid;
        trackGroup(pid);
        const timer = setTimeout(() => {
            timedOut = true;
            killGroup(pid);
        }, spec.timeoutMs);
        child.stderr?.on('data', (chunk) => stderr.push(chunk));
        const channel = child.stdio[REPORT_FD];
        channel?.on('data', (chunk) => report.push(chunk));
        child.on('exit', () => {
            exitNs = process.hrtime.bigint();
            // Whatever the measured code left running (daemons, grandchildren that
            // still hold our pipes) goes with the sample.
            killGroup(pid);
        });
        child.on('error', (error) => {
            clearTimeout(timer);
            untrackGroup(pid);
            const why = error.code === 'ENOENT' ? 'not found' : error.message;
            reject(new SetupError(`cannot run the Python interpreter ${JSON.stringify(spec.command)}: ${why}`));
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            untrackGroup(pid);
            const bytes = stderr.bytes();
            resolve({
                report: Buffer.concat(report).toString('utf8'),
                stderr: bytes,
                stderrTruncated: stderr.truncated,
                code,
                signal,
                timedOut,
                spawnNs,
                exitNs: exitNs || process.hrtime.bigint(),
            });
        });
    });
}

/**
 * Where probe.py is. In the bundle it sits beside dist/cli.js and dist/index.js;
 * from source (tests, tsx) beside this file. Both resolve from import.meta.url.
 */
function probePath() {
    const path = fileURLToPath(new URL('./probe.py', import.meta.url));
    if (!existsSync(path)) {
        throw new Error(`importgate is incomplete: the probe is missing at ${path}; rebuild with npm run bundle`);
    }
    return path;
}
const COMPILE = 'import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)';
/**
 * The probe compiled by `python` into `dir`, ready to run as a script. A
 * script's source is compiled on every start (about 1.3 ms on 3.8, 1.9 ms on
 * 3.13 for the probe); a .pyc given as the script is not. Falls back to the
 * source when compiling fails: slower, equally correct.
 */
async function compiledProbe(python, env, dir) {
    const source = probePath();
    const target = join(dir, 'importgate_probe.pyc');
    const outcome = await runMeasured({
        command: python,
        args: ['-c', COMPILE, source, target],
        env,
        cwd: dir,
        timeoutMs: 60_000,
        stderr: 'tail',
    });
    return outcome.code === 0 && existsSync(target) ? target : source;
}

// What probe.py reports, and how a report that is not what it should be is
// turned into an error rather than trusted.
const BEGIN_MARK = 'importgate-probe: begin import';
const END_MARK = 'importgate-probe: end import';
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * The report channel held something that is not a probe report: measured code
 * wrote to the descriptor, or the probe was cut short. It fails the arm, not
 * the run.
 */
class BadReportError extends Error {
    name = 'BadReportError';
}
/** Parses the probe's report; throws BadReportError with the raw text when it is malformed. */
function parseProbeReport(raw) {
    let value;
    try {
        value = JSON.parse(raw);
    }
    catch {
        throw new BadReportError(`the probe's report is not JSON: ${JSON.stringify(raw.slice(0, 200))}`);
    }
    if (!isRecord(value) ||
        value.protocol !== 1 ||
        typeof value.ok !== 'boolean' ||
        typeof value.import_ns !== 'number' ||
        typeof value.modules_after !== 'number') {
        throw new BadReportError(`the probe's report has an unexpected shape: ${raw.slice(0, 200)}`);
    }
    return value;
}
function parseInterpreterInfo(raw) {
    const value = JSON.parse(raw);
    if (!isRecord(value) || value.mode !== 'info' || typeof value.version !== 'string') {
        throw new Error(`unexpected interpreter description: ${raw.slice(0, 200)}`);
    }
    return value;
}

// Finding the interpreter and asking it what it is.
function isExecutableFile(path) {
    try {
        accessSync(path, constants.X_OK);
        return statSync(path).isFile();
    }
    catch {
        return false;
    }
}
/** Resolves a name on PATH, or a path relative to `cwd`, to an executable file. */
function findExecutable(name, pathVar, cwd) {
    if (name.includes('/') || name.includes('\\') || isAbsolute(name)) {
        const path = resolve(cwd, name);
        return isExecutableFile(path) ? path : null;
    }
    for (const dir of pathVar.split(delimiter)) {
        if (!dir)
            continue;
        const candidate = join(dir, name);
        if (isExecutableFile(candidate))
            return candidate;
    }
    return null;
}
const MIN_PYTHON = [3, 8];
/**
 * Runs the probe's info mode. The interpreter it reports as sys.executable is
 * the one to sample: a launcher in front of it (a pyenv shim is a shell script)
 * would add its own start-up to every sample.
 */
async function describeInterpreter(python, env, cwd, 
/** The input that named the interpreter, as its user wrote it: --python, input "python". */
input = '--python') {
    const outcome = await runMeasured({
        command: python,
        args: [probePath(), 'info', String(REPORT_FD)],
        env,
        cwd,
        timeoutMs: 60_000,
        stderr: 'tail',
    });
    if (!outcome.report) {
        const tail = outcome.stderr.toString('utf8').trim().split('\n').slice(-10).join('\n');
        throw new SetupError(`${input}: ${python} did not start as a Python interpreter (exit status ${outcome.code}${outcome.signal ? `, ${outcome.signal}` : ''})${tail ? `:\n${tail}` : ''}`);
    }
    let info;
    try {
        info = parseInterpreterInfo(outcome.report);
    }
    catch (error) {
        throw new SetupError(`${input}: ${python} did not describe itself as a Python interpreter would: ${error.message}`);
    }
    const [major, minor] = info.version_info;
    if (info.implementation !== 'cpython') {
        // -X importtime and the start-up behaviour we rely on are CPython's.
        throw new SetupError(`${input}: ${python} is ${info.implementation}; importgate measures CPython 3.8 or newer`);
    }
    if (major < MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor < MIN_PYTHON[1])) {
        throw new SetupError(`${input}: ${python} is Python ${info.version_info.join('.')}; importgate needs 3.8 or newer`);
    }
    return info;
}

// One environment per side: where the measured code becomes importable.
const hasPackaging = (dir) => ['pyproject.toml', 'setup.py', 'setup.cfg'].some((f) => existsSync(join(dir, f)));
/** What `auto` means for this project: uv for a uv.lock project when uv is there, pip when it is packaged, else none. */
function autoStrategy(projectDir, pathVar) {
    if (existsSync(join(projectDir, 'uv.lock')) && findExecutable('uv', pathVar, projectDir))
        return 'uv';
    return hasPackaging(projectDir) ? 'pip' : 'none';
}
const DISTRIBUTIONS = [
    'import importlib.metadata as m, json, sys',
    'found = {d.metadata["Name"]: d.version for d in m.distributions() if d.metadata["Name"]}',
    'open(sys.argv[1], "w").write(json.dumps(found, sort_keys=True))',
].join('\n');
async function prepareEnvironment(request) {
    const { spec, projectDir, envDir } = request;
    await mkdir(request.tmpDir, { recursive: true });
    const temp = { TMPDIR: request.tmpDir, TMP: request.tmpDir, TEMP: request.tmpDir };
    const parentEnv = { ...request.parentEnv, ...temp };
    const pathVar = parentEnv.PATH ?? '';
    const kind = spec.kind === 'auto' ? autoStrategy(projectDir, pathVar) : spec.kind;
    if (kind === 'none') {
        return {
            strategy: 'none',
            python: request.python,
            env: childEnv(parentEnv, { PYTHONPATH: importRoot(projectDir) }),
            distributions: null,
            log: '',
        };
    }
    if (kind === 'current') {
        return {
            strategy: 'current',
            python: request.python,
            env: childEnv(parentEnv),
            distributions: null,
            log: '',
        };
    }
    const venvPython = join(envDir, 'bin', 'python');
    const installer = installerEnv(parentEnv);
    const logs = [];
    const step = async (what, command, args, env = installer, cwd = projectDir) => {
        let outcome;
        try {
            outcome = await runCommand({
                command,
                args,
                env,
                cwd,
                timeoutMs: request.timeoutMs,
                signal: request.signal,
            });
        }
        catch (error) {
            if (error instanceof SpawnError)
                throw new SetupError(`installing ${request.label} failed: ${error.message}`);
            throw error;
        }
        logs.push(`$ ${[command, ...args].join(' ')}\n${outcome.log}`);
        if (outcome.code === 0)
            return;
        if (outcome.aborted)
            throw new CancelledError(`installing ${request.label}`);
        const why = outcome.timedOut
            ? `timed out after ${request.timeoutMs / 1000} s`
            : `exited with status ${outcome.code ?? outcome.signal}`;
        const tail = outcome.log.trimEnd().split('\n').slice(-25).join('\n');
        throw new SetupError(`installing ${request.label} failed: ${what} ${why}.\n--- last lines of its output ---\n${tail}`);
    };
    const uv = () => {
        const path = findExecutable('uv', pathVar, projectDir);
        if (!path)
            throw new SetupError(`${request.installInput ?? '--install'} uv: uv is not on PATH; install it (pip install uv) or use pip`);
        return path;
    };
    let strategy = kind;
    if (kind === 'pip') {
        await step('python -m venv', request.python, ['-m', 'venv', envDir]);
        await step('pip install', venvPython, [
            '-m',
            'pip',
            'install',
            '--no-input',
            '--disable-pip-version-check',
            projectDir,
        ]);
    }
    else if (kind === 'uv') {
        const uvPath = uv();
        if (existsSync(join(projectDir, 'uv.lock'))) {
            // Locked versions, exactly as committed; non-editable, like pip's install.
            strategy = 'uv-sync';
            const env = { ...installer, UV_PROJECT_ENVIRONMENT: envDir };
            await step('uv sync', uvPath, ['sync', '--frozen', '--no-dev', '--no-editable', '--python', request.python], env);
        }
        else {
            await step('uv venv', uvPath, ['venv', '--quiet', '--python', request.python, envDir]);
            await step('uv pip install', uvPath, ['pip', 'install', '--python', venvPython, projectDir]);
        }
    }
    else {
        await step('python -m venv', request.python, ['-m', 'venv', envDir]);
        const env = {
            ...installer,
            ...request.commandEnv,
            VIRTUAL_ENV: envDir,
            PATH: `${join(envDir, 'bin')}:${pathVar}`,
        };
        // The user's own workflow text: the one place a shell is used, on purpose.
        await step(`the install command (${spec.kind === 'command' ? spec.command : ''})`, '/bin/sh', ['-c', spec.kind === 'command' ? spec.command : ''], env);
    }
    const listing = join(envDir, 'importgate-distributions.json');
    await step('listing installed distributions', venvPython, ['-c', DISTRIBUTIONS, listing]);
    const distributions = JSON.parse(readFileSync(listing, 'utf8'));
    return {
        strategy,
        python: venvPython,
        env: childEnv(parentEnv),
        distributions,
        log: logs.join('\n'),
    };
}

// The one way git is run: an argument array (a ref or path never reaches a
// shell), a timeout, cancellation, and a typed error that carries git's own
// words. Callers pass `--end-of-options` where a user's ref follows.
/** git exited with an error; `stderr` is what it said. */
class GitError extends SetupError {
    args;
    stderr;
    code;
    name = 'GitError';
    constructor(args, stderr, code) {
        super(`git ${args[0] ?? ''} failed${code === null ? '' : ` (exit status ${code})`}: ${stderr.trim().split('\n').slice(-3).join(' ')}`);
        this.args = args;
        this.stderr = stderr;
        this.code = code;
    }
}
const DEFAULT_TIMEOUT_MS = 10 * 60_000;
/** Runs git in `cwd` and returns its trimmed stdout. */
async function git(args, cwd, options = {}) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let outcome;
    try {
        outcome = await runCommand({ command: 'git', args, cwd, timeoutMs, signal: options.signal });
    }
    catch (error) {
        if (error instanceof SpawnError)
            throw new SetupError(`${error.message}; importgate needs git on PATH`);
        throw error;
    }
    if (outcome.aborted)
        throw new CancelledError(`git ${args[0] ?? ''}`);
    if (outcome.timedOut)
        throw new GitError(args, `timed out after ${timeoutMs / 1000} s`, outcome.code);
    if (outcome.code !== 0)
        throw new GitError(args, outcome.stderr, outcome.code);
    return outcome.stdout.trim();
}

// Any revision (branch, tag, SHA, HEAD~1) → a commit SHA, fetching what a
// shallow clone lacks. Every git call takes an argument array; a ref never
// reaches a shell, and --end-of-options keeps one from being read as an option.
/** Runs git; a git error (not a cancel) becomes `fallback`. */
async function attempt(run, fallback) {
    try {
        return await run();
    }
    catch (error) {
        if (error instanceof GitError)
            return fallback;
        throw error;
    }
}
const tryResolve = (repo, ref, options) => attempt(async () => (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], repo, options)) || null, null);
const isShallow = (repo, options) => attempt(async () => (await git(['rev-parse', '--is-shallow-repository'], repo, options)) === 'true', false);
/** How many commits behind its base a relative ref reaches: HEAD~3 → 3, main^^ → 2. */
function relativeDepth(ref) {
    const match = /^(.*?)((?:[~^]\d*)+)$/.exec(ref);
    if (!match || !match[1])
        return null;
    let depth = 0;
    for (const step of match[2].match(/[~^]\d*/g)) {
        const count = step.length > 1 ? Number(step.slice(1)) : 1;
        // ^N picks the Nth parent (one step back); ~N walks N first parents.
        depth += step[0] === '~' ? count : 1;
    }
    return { base: match[1], depth };
}
/** Fetches from origin; returns why it failed, or null. */
async function fetch(repo, args, options) {
    try {
        await git(['fetch', '--no-tags', '--quiet', ...args], repo, options);
        return null;
    }
    catch (error) {
        if (!(error instanceof GitError))
            throw error;
        return (error.stderr.trim() || error.message).split('\n').slice(-3).join(' ');
    }
}
const hasOrigin = (repo, options) => attempt(async () => (await git(['remote', 'get-url', 'origin'], repo, options), true), false);
/**
 * Resolves `ref` in `repo`. When it is missing: a relative ref (HEAD~1) in a
 * shallow clone deepens history by as many commits; any other ref is fetched
 * from origin at depth 1 (a PR's base SHA or branch in an actions/checkout clone).
 */
async function resolveCommit(repo, ref, input, options = {}) {
    if (ref.trim() === '' || ref.startsWith('-')) {
        throw new SetupError(`${input}: "${ref}" is not a git revision; give a branch, tag, SHA or HEAD~N`);
    }
    const found = await tryResolve(repo, ref, options);
    if (found)
        return found;
    const missing = `${input}: "${ref}" does not name a commit in ${repo}`;
    if (!(await hasOrigin(repo, options))) {
        throw new SetupError(`${missing}, and there is no origin remote to fetch it from`);
    }
    const relative = relativeDepth(ref);
    let failure = null;
    if (relative && (await isShallow(repo, options))) {
        failure = await fetch(repo, [`--deepen=${relative.depth}`, 'origin'], options);
    }
    else if (!relative) {
        failure = await fetch(repo, ['--depth=1', 'origin', ref], options);
        if (!failure) {
            const fetched = await tryResolve(repo, ref, options);
            if (fetched)
                return fetched;
            // A branch fetched by name lands in FETCH_HEAD only (single-branch clones).
            const head = await tryResolve(repo, 'FETCH_HEAD', options);
            if (head)
                return head;
        }
    }
    else {
        // A relative ref in a full clone: there is no more history to fetch.
        throw new SetupError(missing);
    }
    const after = await tryResolve(repo, ref, options);
    if (after)
        return after;
    throw new SetupError(failure
        ? `${missing}; fetching it from origin failed: ${failure}`
        : `${missing}, nor in what origin has`);
}

// Detached worktrees for the commits being compared. Always removed: callers
// use withWorktrees, whose finally runs on success, error and cancellation.
async function addWorktree(repo, path, sha, options = {}) {
    await git(['worktree', 'add', '--detach', '--quiet', '--end-of-options', path, sha], repo, options);
    return { path, sha };
}
async function removeWorktree(repo, path) {
    try {
        await git(['worktree', 'remove', '--force', '--force', path], repo);
    }
    catch {
        // Already gone, or never fully added: the folder and the admin entry are
        // cleaned below either way.
    }
    await rm(path, { recursive: true, force: true });
    try {
        await git(['worktree', 'prune'], repo);
    }
    catch {
        // Pruning is housekeeping; nothing depends on it.
    }
}
/** Adds one worktree per entry, runs `body`, and removes them all whatever happens. */
async function withWorktrees(repo, wanted, options, body) {
    const added = [];
    try {
        for (const { path, sha } of wanted)
            added.push(await addWorktree(repo, path, sha, options));
        return await body(added);
    }
    finally {
        // Not under the run's signal: cleaning up is what a cancelled run must still do.
        for (const tree of added.reverse())
            await removeWorktree(repo, tree.path);
    }
}

/** The settings as the results document records them. */
function settingsJson(settings, where) {
    const { gate: g, sampling: s } = settings;
    return {
        install: where.install,
        python: where.python,
        project_dir: where.projectDir,
        threshold_pct: g.thresholdPct,
        min_delta_ms: g.minDeltaMs,
        alpha: g.alpha,
        max_modules: g.maxModules,
        forbid: g.forbid,
        budgets_ms: g.budgetsMs,
        metrics: settings.metrics,
        warmups: s.warmups,
        min_pairs: s.minPairs,
        max_pairs: s.maxPairs,
        max_time_s: s.maxTimeMs / 1000,
        sample_timeout_s: s.sampleTimeoutMs / 1000,
        profile_runs: s.profileRuns,
        seed: s.seed,
    };
}

// Parses the output of `python -X importtime` into the import tree.
//
// CPython prints one line per module when its import finishes, so children come
// before their parent, and nests by indenting the name two spaces per level:
//
//   import time: self [us] | cumulative | imported package
//   import time:       885 |        885 |     asyncio.streams
//   import time:      1206 |      96636 |   asyncio
//   import time:       341 |      96976 | pkg.sub
//
// 3.7 to 3.13 share that format; 3.14's `-X importtime=2` adds lines whose two
// columns read `cached` for modules that were already loaded. The measured code
// writes to stderr too, so anything that is not such a line is ignored, and the
// line may be found after stray bytes the measured code left without a newline.
const LINE = /import time:\s+(\d+|cached) \|\s+(\d+|cached) \| ( *)(\S+)\s*$/;
function parseImportTimeLine(line) {
    const match = LINE.exec(line);
    if (!match)
        return null;
    const [, self, cumulative, indent, name] = match;
    const cached = self === 'cached' || cumulative === 'cached';
    return {
        name,
        selfUs: cached ? 0 : Number(self),
        cumulativeUs: cached ? 0 : Number(cumulative),
        depth: Math.floor(indent.length / 2),
        cached,
    };
}
/**
 * The lines strictly between the last `begin` marker and the first `end`
 * marker after it; all lines when there is no `begin` marker.
 */
function sliceBetweenMarkers(lines, begin, end) {
    let start = -1;
    for (let i = lines.length - 1; i >= 0; i--) {
        if (lines[i].includes(begin)) {
            start = i;
            break;
        }
    }
    if (start < 0)
        return lines;
    const stop = lines.findIndex((line, i) => i > start && line.includes(end));
    return lines.slice(start + 1, stop < 0 ? lines.length : stop);
}
function parseImportTime(text, options = {}) {
    let lines = text.split(/\r?\n/);
    if (options.markers)
        lines = sliceBetweenMarkers(lines, options.markers.begin, options.markers.end);
    // pending[d] holds finished nodes at depth d still waiting for their parent,
    // which is the next line at depth d - 1.
    const pending = new Map();
    const loaded = new Map();
    for (const line of lines) {
        const parsed = parseImportTimeLine(line);
        if (!parsed)
            continue;
        const node = { ...parsed, children: [], parent: null };
        const children = pending.get(node.depth + 1) ?? [];
        pending.delete(node.depth + 1);
        for (const child of children)
            child.parent = node;
        node.children = children;
        const siblings = pending.get(node.depth) ?? [];
        siblings.push(node);
        pending.set(node.depth, siblings);
        if (!node.cached && !loaded.has(node.name))
            loaded.set(node.name, node);
    }
    // What is left has no parent in the output: the top-level imports, plus any
    // orphans a garbled or multi-threaded log left behind, shallowest first.
    const roots = [...pending.entries()].sort(([a], [b]) => a - b).flatMap(([, nodes]) => nodes);
    return { roots, loaded };
}
/** The chain of imports that first loaded `name`: outermost importer first. */
function importChain(tree, name) {
    let node = tree.loaded.get(name) ?? null;
    if (!node)
        return null;
    let chain = [];
    for (; node; node = node.parent)
        chain.unshift(node.name);
    // Importing a.b logs a.b first and nests the import of its parent a under it;
    // if a's __init__ imports a.b, the real load sits inside: a.b → a → a.b → x.
    // The outer a.b was only the request, so the chain starts after it.
    for (;;) {
        const repeat = chain.findIndex((name, i) => chain.indexOf(name) < i);
        if (repeat < 0)
            return chain;
        chain = chain.slice(chain.indexOf(chain[repeat]) + 1);
    }
}

// Per-module costs from several -X importtime runs of the same import. Pure.
function moduleCosts(trees) {
    const selfUs = new Map();
    const cumulativeUs = new Map();
    const chains = new Map();
    for (const tree of trees) {
        for (const [name, node] of tree.loaded) {
            if (!selfUs.has(name)) {
                selfUs.set(name, []);
                cumulativeUs.set(name, []);
                chains.set(name, importChain(tree, name) ?? [name]);
            }
            selfUs.get(name).push(node.selfUs);
            cumulativeUs.get(name).push(node.cumulativeUs);
        }
    }
    const costs = new Map();
    for (const [name, selfs] of selfUs) {
        costs.set(name, {
            name,
            selfMs: median(selfs) / 1000,
            cumulativeMs: median(cumulativeUs.get(name)) / 1000,
            chain: chains.get(name),
        });
    }
    return costs;
}
/** The `count` modules with the largest self time, largest first; ties by name. */
function slowestBySelf(costs, count) {
    return [...costs.values()]
        .sort((a, b) => b.selfMs - a.selfMs || a.name.localeCompare(b.name))
        .slice(0, count);
}
/** Modules in the target's own top-level package (the target's first dotted part). */
function packageModules(target, modules) {
    const top = target.split('.')[0];
    return [...modules].filter((name) => name === top || name.startsWith(`${top}.`));
}

/** Milliseconds to microsecond precision: enough for any import, and compact. */
function ms(value) {
    return Math.round(value * 1000) / 1000;
}
/** Percentages to two decimals. */
const pct = (value) => Math.round(value * 100) / 100;
function costJson(cost) {
    return {
        name: cost.name,
        self_ms: ms(cost.selfMs),
        cumulative_ms: ms(cost.cumulativeMs),
        chain: cost.chain,
    };
}
function changeJson(c) {
    return { name: c.name, chain: c.chain, self_ms: ms(c.selfMs), cumulative_ms: ms(c.cumulativeMs) };
}
function sideResult(target, side, slowest = 15) {
    const { samples, profile } = side;
    const times = samples.map((s) => s.importMs);
    const stats = spread(times);
    const startups = samples.flatMap((s) => (s.startupMs === null ? [] : [s.startupMs]));
    const last = samples[samples.length - 1];
    const modules = profile?.added ?? [];
    return {
        median_ms: ms(stats.median),
        samples_ms: times.map(ms),
        module_count: side.moduleCount,
        modules_added: profile ? profile.added.length : (last?.modulesAdded ?? 0),
        package_module_count: packageModules(target, modules).length,
        min_ms: ms(stats.min),
        max_ms: ms(stats.max),
        q1_ms: ms(stats.q1),
        q3_ms: ms(stats.q3),
        mad_ms: ms(stats.mad),
        median_ci_ms: stats.medianCi ? [ms(stats.medianCi[0]), ms(stats.medianCi[1])] : null,
        cpu_samples_ms: samples.map((s) => ms(s.cpuMs)),
        wall_samples_ms: samples.map((s) => ms(s.wallMs)),
        startup_median_ms: startups.length ? ms(median(startups)) : null,
        profile: {
            runs: profile?.runs ?? 0,
            unstable_modules: profile?.unstableModules ?? false,
            slowest: profile ? slowestBySelf(profile.costs, slowest).map(costJson) : [],
        },
        modules,
    };
}

function deltaJson(m) {
    const c = m.comparison;
    if (!c)
        return null;
    return {
        ms: ms(c.ms),
        pct: pct(c.pct),
        ci_pct: c.ciPct ? [pct(c.ciPct[0]), pct(c.ciPct[1])] : null,
        ci_level: c.ciLevel,
        p: c.logEstimate >= 0 ? c.pSlower : c.pFaster,
        p_slower: c.pSlower,
        p_faster: c.pFaster,
        pairs: c.pairs,
        confirmation: m.confirmation,
    };
}
function metricJson(t, m) {
    const metric = METRICS[m.metric];
    const medianOf = (side) => side ? ms(median(side.samples.map(metric.read))) : null;
    return {
        metric: m.metric,
        variant: t.variant,
        unit: metric.unit,
        gating: m.gating,
        outcome: m.comparison ? m.outcome : null,
        base_median: medianOf(t.base),
        head_median: medianOf(t.head),
        delta: deltaJson(m),
    };
}
function targetResult(t) {
    const primary = t.metrics[0];
    const result = {
        name: t.target,
        verdict: t.verdict,
        base: t.base ? sideResult(t.target, t.base) : null,
        head: t.head ? sideResult(t.target, t.head) : null,
        delta: primary ? deltaJson(primary) : null,
        modules: t.modules && {
            added: t.modules.added.map(changeJson),
            removed: t.modules.removed.map(changeJson),
            self_time_changes: t.modules.selfTimeChanges.map((c) => ({
                name: c.name,
                base_self_ms: c.baseSelfMs === null ? null : ms(c.baseSelfMs),
                head_self_ms: c.headSelfMs === null ? null : ms(c.headSelfMs),
                delta_ms: ms(c.deltaMs),
            })),
        },
        forbidden: t.forbidden.map(({ name, chain, rule, count }) => ({ name, chain, rule, count })),
        budget: t.budget.time || t.budget.modules
            ? {
                time: t.budget.time && {
                    limit_ms: ms(t.budget.time.limit),
                    median_ms: ms(t.budget.time.actual),
                    ok: t.budget.time.ok,
                },
                modules: t.budget.modules && {
                    limit: t.budget.modules.limit,
                    count: t.budget.modules.actual,
                    ok: t.budget.modules.ok,
                },
            }
            : null,
        error: t.error,
        metrics: t.metrics.map((m) => metricJson(t, m)),
    };
    if (t.isNew)
        result.new = true;
    return result;
}

// Per-side steps of a comparison: installing both at once, and saving their logs.
/** Installs both sides at once; when one fails the other is stopped, and the first error is thrown. */
async function installBoth(install, outer) {
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    outer?.addEventListener('abort', onAbort, { once: true });
    try {
        const run = (side) => install(side, controller.signal).catch((error) => {
            controller.abort();
            throw error;
        });
        const [base, head] = await Promise.allSettled([run('base'), run('head')]);
        // Report the side that failed first on its own, not the one stopped because of it.
        for (const result of [base, head]) {
            if (result.status === 'rejected' && !(result.reason instanceof CancelledError))
                throw result.reason;
        }
        if (base.status === 'rejected')
            throw base.reason;
        if (head.status === 'rejected')
            throw head.reason;
        return { base: base.value, head: head.value };
    }
    finally {
        outer?.removeEventListener('abort', onAbort);
    }
}
/** Raw -X importtime output of every profile run, and each side's install output. */
async function saveLogs(dir, arms, envs) {
    await mkdir(join(dir, 'importtime'), { recursive: true });
    for (const side of SIDES) {
        if (envs[side].log)
            await writeFile(join(dir, `install-${side}.log`), envs[side].log);
        for (const arm of arms.filter((a) => a.key.side === side)) {
            for (const [i, log] of (arm.profile?.logs ?? []).entries()) {
                await writeFile(join(dir, 'importtime', `${side}-${arm.key.target}-${i + 1}.log`), log);
            }
        }
    }
}

// What a run is asked to do, wherever it was said: flags, action inputs or
// [tool.importgate]. Each source yields a PartialSettings; resolveSettings()
// merges them, first given wins, over the defaults. Pure: the seed for a run
// that names none is drawn by the caller.
const DEFAULTS = {
    // From bench/RESULTS.md: 3% and 0.5 ms catch 5% slowdowns without false
    // alarms in A/A runs on a noisy 2-core machine.
    thresholdPct: 3,
    minDeltaMs: 0.5,
    alpha: 0.01,
    warmups: 3,
    minPairs: 20,
    maxPairs: 200,
    maxTimeMs: 120_000,
    sampleTimeoutMs: 60_000,
    profileRuns: 3,
    metrics: [PRIMARY_METRIC],
};
/** Merges sources (earlier wins) over the defaults and checks what spans several settings. */
function resolveSettings(sources, seed) {
    const pick = (key) => sources.find((s) => s[key] !== undefined)?.[key];
    const minPairs = pick('minPairs') ?? DEFAULTS.minPairs;
    const maxPairs = pick('maxPairs') ?? Math.max(minPairs, DEFAULTS.maxPairs);
    // The two may come from different places (a flag and pyproject), so the
    // message names the setting, not one source.
    if (maxPairs < minPairs)
        throw new UsageError(`max-pairs ${maxPairs} is less than min-pairs ${minPairs}`);
    const chosen = pick('metrics') ?? DEFAULTS.metrics;
    // The primary metric is always measured: budgets and the stopping rule use it.
    const metrics = METRIC_IDS.filter((id) => id === PRIMARY_METRIC || chosen.includes(id));
    return {
        gate: {
            thresholdPct: pick('thresholdPct') ?? DEFAULTS.thresholdPct,
            minDeltaMs: pick('minDeltaMs') ?? DEFAULTS.minDeltaMs,
            alpha: pick('alpha') ?? DEFAULTS.alpha,
            maxModules: pick('maxModules') ?? null,
            forbid: pick('forbid') ?? [],
            budgetsMs: pick('budgetsMs') ?? {},
        },
        sampling: {
            warmups: pick('warmups') ?? DEFAULTS.warmups,
            minPairs,
            maxPairs,
            maxTimeMs: pick('maxTimeMs') ?? DEFAULTS.maxTimeMs,
            sampleTimeoutMs: pick('sampleTimeoutMs') ?? DEFAULTS.sampleTimeoutMs,
            profileRuns: pick('profileRuns') ?? DEFAULTS.profileRuns,
            seed: pick('seed') ?? seed,
        },
        install: pick('install'),
        metrics,
    };
}
/** A budget naming something that is not a target is a typo until proven otherwise. */
function checkBudgets(budgetsMs, targets, source) {
    for (const name of Object.keys(budgetsMs)) {
        if (!targets.includes(name)) {
            throw new UsageError(`${source}: budgets names "${name}", which is not a target; the targets are ${targets.map((t) => `"${t}"`).join(', ')}`);
        }
    }
}

class ArmStates {
    arms;
    onEvent;
    byId = new Map();
    constructor(arms, onEvent) {
        this.arms = arms;
        this.onEvent = onEvent;
        for (const arm of arms) {
            this.byId.set(armId(arm.key), {
                key: arm.key,
                samples: [],
                failure: null,
                profile: null,
                confirmation: null,
            });
        }
    }
    of(arm) {
        return this.byId.get(armId(arm.key));
    }
    fail(arm, failure) {
        const observation = this.of(arm);
        if (observation.failure)
            return;
        observation.failure = failure;
        this.onEvent?.({ phase: 'failed', key: arm.key, failure });
    }
    /** Arms of `among` whose group has no failed arm. */
    live(among = this.arms) {
        const failed = new Set(this.arms.filter((arm) => this.of(arm).failure).map((arm) => groupId(arm.key)));
        return among.filter((arm) => !failed.has(groupId(arm.key)));
    }
    setProfile(arm, profile) {
        this.of(arm).profile = profile;
    }
    observations() {
        return this.arms.map((arm) => this.of(arm));
    }
}

function probeRequest(arm, mode, plan) {
    return {
        python: arm.python,
        probe: arm.probe,
        target: arm.key.target,
        mode,
        env: arm.env,
        cwd: plan.cwd,
        timeoutMs: plan.sampleTimeoutMs,
    };
}
/** A completed timed run as a sample; the caller has checked that it reported. */
function toSample(run) {
    const report = run.report;
    return {
        importMs: report.import_ns / 1e6,
        cpuMs: report.import_cpu_ns / 1e6,
        wallMs: run.wallMs,
        startupMs: run.startupMs,
        moduleCount: report.modules_after,
        modulesAdded: report.modules_after - report.modules_before,
    };
}

// Untimed profile runs: the import under -X importtime, for attribution
// (which module's own time, through which chain) and the set of modules it
// loads. -X importtime slows the import, so these never feed the timings.
const emptyProfile = () => ({
    runs: 0,
    added: [],
    moduleCount: 0,
    unstableModules: false,
    costs: new Map(),
    logs: [],
    failure: null,
});
/**
 * `plan.profileRuns` rounds over the live arms, each run starting only if the
 * slowest profile run so far would end by the deadline. Returns how many runs
 * were done; every live arm gets a profile (with runs = 0 when none fitted).
 */
async function runProfiles(plan, states, deps) {
    const arms = states.live();
    const trees = new Map(arms.map((arm) => [arm, []]));
    for (const arm of arms)
        states.setProfile(arm, emptyProfile());
    let slowest = 0;
    let done = 0;
    let outOfTime = false;
    if (arms.length && plan.profileRuns > 0)
        deps.onEvent?.({ phase: 'profile', runs: plan.profileRuns });
    rounds: for (let round = 0; round < plan.profileRuns; round++) {
        for (const arm of shuffled(arms, plan.random)) {
            if (plan.signal?.aborted)
                break rounds;
            const profile = states.of(arm).profile;
            if (profile.failure)
                continue;
            if (deps.now() + slowest > plan.deadline) {
                outOfTime = true;
                break rounds;
            }
            const started = deps.now();
            const run = await deps.runProbe(probeRequest(arm, 'profile', plan));
            slowest = Math.max(slowest, deps.now() - started);
            done++;
            if (run.failure || !run.report) {
                profile.failure = run.failure;
                continue;
            }
            const added = [...(run.report.added ?? [])].sort();
            if (profile.runs === 0) {
                profile.added = added;
                profile.moduleCount = run.report.modules_after;
            }
            else if (added.join('\n') !== profile.added.join('\n')) {
                profile.unstableModules = true;
            }
            profile.runs++;
            profile.logs.push(run.stderr);
            trees
                .get(arm)
                .push(parseImportTime(run.stderr, { markers: { begin: BEGIN_MARK, end: END_MARK } }));
        }
    }
    for (const [arm, list] of trees)
        states.of(arm).profile.costs = moduleCosts(list);
    return { done, outOfTime };
}

// Interleaved rounds of timed samples. Each round runs every live arm once, in
// an order shuffled anew, so that drift of the machine (another job starting,
// thermal throttling, a cache going cold) lands on all arms alike, and a pair
// (base and head of one target in one round) shares whatever the machine was
// doing then.
async function runRounds(spec, plan, states, deps) {
    const roundMs = [];
    let rounds = 0;
    while (rounds < spec.maxRounds && !plan.signal?.aborted) {
        const live = states.live(spec.arms);
        if (live.length === 0)
            break;
        const expected = roundMs.length ? Math.max(...roundMs) : 0;
        if (deps.now() + expected > spec.deadline) {
            return { rounds, truncated: rounds < spec.minRounds };
        }
        const started = deps.now();
        rounds++;
        deps.onEvent?.({ phase: 'sample', round: rounds, batch: spec.batch });
        for (const arm of shuffled(live, plan.random)) {
            if (plan.signal?.aborted)
                break;
            // A partner failed earlier in this round: stop, so pairs stay aligned.
            if (!states.live([arm]).length)
                continue;
            const run = await deps.runProbe(probeRequest(arm, 'time', plan));
            if (run.failure || !run.report)
                states.fail(arm, run.failure ?? noReport());
            else
                spec.into(arm).push(toSample(run));
        }
        roundMs.push(deps.now() - started);
        if (rounds >= spec.minRounds && spec.stopping?.(states.observations()))
            break;
    }
    return { rounds, truncated: false };
}
function noReport() {
    return { kind: 'NoReport', message: 'the probe did not report', traceback: [] };
}

/**
 * Warm-up rounds: discarded, but they surface import errors early and write
 * .pyc files. Returns how long each round took.
 */
async function warmUp(plan, states, deps) {
    const durations = [];
    for (let round = 1; round <= plan.warmups; round++) {
        if (plan.signal?.aborted)
            break;
        const expected = durations.length ? Math.max(...durations) : 0;
        if (deps.now() + expected > plan.deadline) {
            deps.onEvent?.({ phase: 'out-of-time', step: 'warm-ups', done: round - 1 });
            break;
        }
        deps.onEvent?.({ phase: 'warmup', round, of: plan.warmups });
        const started = deps.now();
        for (const arm of shuffled(states.live(), plan.random)) {
            if (plan.signal?.aborted)
                break;
            const run = await deps.runProbe(probeRequest(arm, 'time', plan));
            if (run.failure)
                states.fail(arm, run.failure);
        }
        durations.push(deps.now() - started);
    }
    return durations;
}
async function runPlan(plan, deps) {
    const states = new ArmStates(plan.arms, deps.onEvent);
    const warmRounds = await warmUp(plan, states, deps);
    const profiles = await runProfiles(plan, states, deps);
    if (profiles.outOfTime)
        deps.onEvent?.({ phase: 'out-of-time', step: 'profile runs', done: profiles.done });
    const reserve = plan.confirmation.reserveMs(plan.deadline - deps.now(), warmRounds);
    const first = await runRounds({
        arms: plan.arms,
        minRounds: plan.minRounds,
        maxRounds: plan.maxRounds,
        deadline: plan.deadline - reserve,
        into: (arm) => states.of(arm).samples,
        stopping: plan.stopping,
        batch: 'first',
    }, plan, states, deps);
    const confirm = plan.signal?.aborted ? null : plan.confirmation.plan(states.observations());
    if (confirm) {
        deps.onEvent?.({ phase: 'confirm', groups: confirm.groups, pairs: confirm.pairs });
        const arms = states.live(plan.arms.filter((arm) => confirm.groups.includes(groupId(arm.key))));
        for (const arm of arms)
            states.of(arm).confirmation = [];
        await runRounds({
            arms,
            minRounds: confirm.pairs,
            maxRounds: confirm.pairs,
            deadline: plan.deadline,
            into: (arm) => states.of(arm).confirmation,
            batch: 'confirm',
        }, plan, states, deps);
    }
    return { arms: states.observations(), rounds: first.rounds, truncated: first.truncated };
}

// One probe run: builds the interpreter's argument list, runs it through the
// process layer and turns what came back into a report or a structured failure.
/** The interpreter's argument list for a probe run; exported for tests. */
function probeArgs(mode, target, probe = probePath()) {
    const flags = mode === 'profile' ? ['-X', 'importtime'] : [];
    return [...flags, probe, mode, String(REPORT_FD), target];
}
function lastLines(text, count) {
    return text.trimEnd().split(/\r?\n/).slice(-20).join('\n');
}
async function runProbe(request) {
    const outcome = await runMeasured({
        command: request.python,
        args: probeArgs(request.mode, request.target, request.probe),
        env: request.env,
        cwd: request.cwd,
        timeoutMs: request.timeoutMs,
        stderr: request.mode === 'profile' ? 'full' : 'tail',
    });
    return probeRunOf(request, outcome);
}
/**
 * What a finished process says about the import: the probe's report, or why
 * there is none. Never throws for anything the measured code can do.
 */
function probeRunOf(request, outcome) {
    // Measured code may write any bytes; invalid UTF-8 becomes U+FFFD here.
    const stderr = outcome.stderr.toString('utf8');
    const wallNs = outcome.exitNs - outcome.spawnNs;
    const wallMs = Number(wallNs) / 1e6;
    let report = null;
    let failure = null;
    if (outcome.report.length > 0 && !outcome.timedOut) {
        try {
            report = parseProbeReport(outcome.report);
            failure = report.error;
        }
        catch (error) {
            if (!(error instanceof BadReportError))
                throw error;
            failure = {
                kind: 'BadReport',
                message: `${error.message} (importing ${request.target}; something wrote to the probe's report descriptor)`,
                traceback: [],
                stderr_tail: lastLines(stderr),
            };
        }
    }
    else if (outcome.timedOut) {
        failure = {
            kind: 'Timeout',
            message: `importing ${request.target} did not finish within ${request.timeoutMs / 1000} s; its process group was killed`,
            traceback: [],
            stderr_tail: lastLines(stderr),
        };
    }
    else if (outcome.signal) {
        failure = {
            kind: 'Signal',
            message: `the interpreter was killed by ${outcome.signal} while importing ${request.target}`,
            traceback: [],
            stderr_tail: lastLines(stderr),
        };
    }
    else {
        failure = {
            kind: 'ProcessExit',
            message: `the interpreter exited with status ${outcome.code} while importing ${request.target}, before the probe could report (os._exit() or a crash in the imported code)`,
            traceback: [],
            exit_code: outcome.code,
            stderr_tail: lastLines(stderr),
        };
    }
    let startupMs = null;
    if (report) {
        const startup = BigInt(report.start_ns) - outcome.spawnNs;
        // Both clocks are CLOCK_MONOTONIC on Linux and macOS; elsewhere the figure
        // would be meaningless, and a value outside the run says so.
        if (startup >= 0n && startup <= wallNs)
            startupMs = Number(startup) / 1e6;
    }
    return { report, failure, wallMs, startupMs, stderr };
}

/** importgate's version; a unit test keeps it equal to package.json's. */
const VERSION = '0.1.0';

// The steps measure and compare share: finding the interpreter, the targets,
// the hint for a target that cannot be found, running the engine with progress
// lines, and the results' common header.
/** Installs of large projects take minutes; this only stops a hung one. */
const INSTALL_TIMEOUT_MS = 20 * 60_000;
/** A seed for the run order when none was given; recorded in the results to reproduce the run. */
function randomSeed() {
    return Math.floor(Math.random() * 2 ** 32);
}
/** The interpreter as given, resolved, and the real executable behind any launcher. */
async function findInterpreter(python, deps, cwd, name) {
    const found = findExecutable(python, deps.env.PATH ?? '', deps.cwd);
    if (!found) {
        throw new SetupError(`${name('python')}: "${python}" was not found (give a path, or a name on PATH)`);
    }
    const info = await describeInterpreter(found, childEnv(deps.env), cwd, name('python'));
    return { info, interpreter: info.executable || found };
}
function requireTargets(targets, where, name) {
    if (!targets?.length) {
        throw new UsageError(`no targets: give ${name('target')} MODULE, or set targets = ["mypkg"] under [tool.importgate] in ${where}`);
    }
    return targets;
}
/** A hint for the commonest setup mistake: the target is not importable the way it was set up. */
function notFoundHint(strategy, projectDir, name) {
    if (strategy === 'none') {
        return ` (with ${name('install')} none, PYTHONPATH is ${importRoot(projectDir)}; check the target's spelling and ${name('project-dir')}, or install the project with ${name('install')} auto)`;
    }
    if (strategy === 'current')
        return ` (with ${name('install')} current the target must be installed in the interpreter's environment)`;
    return ` (the project was installed with ${strategy}; does it package this module?)`;
}
/** Adds the not-found hint of each side's environment to a ModuleNotFoundError. */
function withHints(findings, hint) {
    for (const f of findings) {
        if (f.error?.kind === 'ModuleNotFoundError')
            f.error.message += hint(f.error.side);
    }
    return findings;
}
function progressLine(event, sides, name) {
    switch (event.phase) {
        case 'warmup':
            return `warming up (${event.round}/${event.of})`;
        case 'profile':
            return `profiling with -X importtime (${event.runs} run(s) per target${sides > 1 ? ' and side' : ''})`;
        case 'sample':
            return event.round === 1 && event.batch === 'first'
                ? `sampling interleaved ${sides > 1 ? 'pairs' : 'rounds'}`
                : null;
        case 'confirm':
            return `confirming a regression of ${event.groups.join(', ')} with a fresh batch of ${event.pairs} pairs`;
        case 'out-of-time':
            return `the time budget (${name('max-time')}) ran out after ${event.done} ${event.step}`;
        case 'failed':
            return `${armId(event.key)}: ${event.failure.kind}: ${event.failure.message}`;
    }
}
/** Runs the plan with the real probe runner, logging progress; throws when cancelled. */
async function measurePlan(plan, sides, deps, name) {
    const observations = await runPlan(plan, {
        runProbe,
        now: () => performance.now(),
        onEvent: (event) => {
            const line = progressLine(event, sides, name);
            if (line)
                deps.log(line);
        },
    });
    if (deps.signal?.aborted)
        throw new CancelledError();
    return observations;
}
function documentHeader(info) {
    return {
        schema: 1,
        tool: { name: 'importgate', version: VERSION },
        python: info.version,
        platform: `${info.platform} ${info.machine}`.trim(),
    };
}

/**
 * The gate and sampling come from base's [tool.importgate] (flags win); what
 * head changes there is reported. Targets are the flags', else the union of
 * both sides' lists.
 */
function compareSettings(given, base, head, seed, name) {
    const resolved = resolveSettings([given, base.settings], seed);
    const baseTargets = base.settings.targets ?? [];
    const headTargets = head.settings.targets ?? [];
    const targets = requireTargets(given.targets ?? [...new Set([...baseTargets, ...headTargets])], 'pyproject.toml', name);
    checkBudgets(resolved.gate.budgetsMs, targets, base.file ? `${base.file} [tool.importgate]` : name('budget'));
    const newTargets = given.targets ? [] : headTargets.filter((t) => !baseTargets.includes(t));
    const keys = [...new Set([...Object.keys(base.raw), ...Object.keys(head.raw)])].sort();
    const changes = keys
        .filter((key) => JSON.stringify(base.raw[key]) !== JSON.stringify(head.raw[key]))
        .map((key) => ({ key, base: base.raw[key] ?? null, head: head.raw[key] ?? null }));
    return { ...resolved, targets, newTargets, changes };
}

// `importgate compare <base> <head>`: two commits, each in its own worktree and
// environment, measured in interleaved pairs, compared, and explained.
async function compare(request, deps) {
    const started = new Date();
    const clockStart = performance.now();
    const { name } = request;
    const git = { signal: deps.signal };
    const ref = { base: request.baseRef, head: request.headRef };
    const sha = {
        base: await resolveCommit(request.repoDir, ref.base, name('base-ref'), git),
        head: await resolveCommit(request.repoDir, ref.head, name('head-ref'), git),
    };
    const scratch = await mkdtemp(join(deps.env.TMPDIR || tmpdir(), 'importgate-'));
    try {
        // An empty folder for the children's cwd: nothing in it can shadow a module.
        const run = join(scratch, 'run');
        await mkdir(run);
        const { info, interpreter } = await findInterpreter(request.python, deps, run, name);
        const trees = SIDES.map((side) => ({ path: join(scratch, side), sha: sha[side] }));
        return await withWorktrees(request.repoDir, trees, git, async () => {
            const projects = {
                base: join(scratch, 'base', request.projectSubdir),
                head: join(scratch, 'head', request.projectSubdir),
            };
            for (const side of SIDES) {
                if (!existsSync(projects[side])) {
                    throw new SetupError(`${name('project-dir')}: ${request.projectSubdir} does not exist in ${side} (${sha[side].slice(0, 10)})`);
                }
            }
            const settings = compareSettings(request.given, readPyproject(projects.base), readPyproject(projects.head), randomSeed(), name);
            const { targets, gate, sampling } = settings;
            const install = settings.install ?? { kind: 'auto' };
            if (settings.changes.length) {
                deps.log(`head changes [tool.importgate] (${settings.changes.map((c) => c.key).join(', ')}); the gate uses base's settings`);
            }
            deps.log(`installing base and head (${install.kind})`);
            const envs = await installBoth((side, signal) => prepareEnvironment({
                label: `${side} (${ref[side]} at ${sha[side].slice(0, 10)})`,
                spec: install,
                projectDir: projects[side],
                envDir: join(scratch, `${side}-venv`),
                tmpDir: join(scratch, `${side}-tmp`),
                python: interpreter,
                parentEnv: deps.env,
                timeoutMs: INSTALL_TIMEOUT_MS,
                signal,
                installInput: name('install'),
                commandEnv: { IMPORTGATE_SIDE: side, IMPORTGATE_SHA: sha[side] },
            }), deps.signal);
            const probe = await compiledProbe(envs.base.python, envs.base.env, run);
            const isNew = (target) => settings.newTargets.includes(target);
            const arms = targets.flatMap((target) => SIDES.filter((side) => side === 'head' || !isNew(target)).map((side) => ({
                key: { side, target, variant: DEFAULT_VARIANT },
                python: envs[side].python,
                probe,
                env: envs[side].env,
            })));
            deps.log(`measuring ${targets.join(', ')}: ${sampling.minPairs} to ${sampling.maxPairs} interleaved pairs, at most ${sampling.maxTimeMs / 1000} s`);
            const observations = await measurePlan({
                arms,
                cwd: run,
                warmups: sampling.warmups,
                minRounds: sampling.minPairs,
                maxRounds: sampling.maxPairs,
                profileRuns: sampling.profileRuns,
                sampleTimeoutMs: sampling.sampleTimeoutMs,
                deadline: performance.now() + sampling.maxTimeMs,
                random: seededRandom(sampling.seed),
                stopping: comparisonSettled(gate),
                confirmation: regressionConfirmation(gate, sampling.minPairs, sampling.maxPairs),
                signal: deps.signal,
            }, 2, deps, name);
            if (deps.logDir)
                await saveLogs(deps.logDir, observations.arms, envs);
            const evaluation = evaluate(observations, {
                targets: targets.map((target) => ({ name: target, isNew: isNew(target) })),
                variant: DEFAULT_VARIANT,
                gate,
                metrics: settings.metrics,
            });
            withHints(evaluation.targets, (side) => notFoundHint(envs[side].strategy, projects[side], name));
            const installed = envs.base.distributions && envs.head.distributions;
            return {
                ...documentHeader(info),
                command: 'compare',
                verdict: evaluation.verdict,
                base: { ref: ref.base, sha: sha.base },
                head: { ref: ref.head, sha: sha.head },
                settings: settingsJson(settings, {
                    install: install.kind === 'command' ? install.command : install.kind,
                    python: interpreter,
                    projectDir: request.projectSubdir || '.',
                }),
                config_changes: settings.changes,
                deps: installed
                    ? {
                        base_strategy: envs.base.strategy,
                        head_strategy: envs.head.strategy,
                        changed: diffDistributions(envs.base.distributions, envs.head.distributions),
                    }
                    : null,
                rounds: observations.rounds,
                truncated: observations.truncated,
                started_at: started.toISOString(),
                duration_s: ms((performance.now() - clockStart) / 1000),
                targets: evaluation.targets.map(targetResult),
            };
        });
    }
    finally {
        await rm(scratch, { recursive: true, force: true });
    }
}

/** What the working tree at `dir` is, for the results' `head` field. */
async function describeWorkingTree(dir) {
    try {
        const sha = await git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], dir);
        const status = await git(['status', '--porcelain', '--untracked-files=normal'], dir);
        return { sha: sha || null, dirty: status.length > 0 };
    }
    catch {
        return { sha: null, dirty: false };
    }
}

// `importgate measure`: the working tree as it is, one side, no comparison.
async function measure(request, deps) {
    const started = new Date();
    const clockStart = performance.now();
    const { name } = request;
    const pyproject = readPyproject(request.projectDir);
    const targets = requireTargets(request.given.targets ?? pyproject.settings.targets, `${request.projectDir}/pyproject.toml`, name);
    const settings = resolveSettings([request.given, pyproject.settings], randomSeed());
    checkBudgets(settings.gate.budgetsMs, targets, pyproject.file ? `${pyproject.file} [tool.importgate]` : name('budget'));
    const install = settings.install ?? { kind: 'none' };
    // Before anything runs: the warm-ups write __pycache__ into the tree.
    const tree = await describeWorkingTree(request.repoDir);
    // A neutral, empty cwd: nothing in it can shadow a module or add to the search.
    const scratch = await mkdtemp(join(deps.env.TMPDIR || tmpdir(), 'importgate-'));
    try {
        const { info, interpreter } = await findInterpreter(request.python, deps, scratch, name);
        if (install.kind !== 'none' && install.kind !== 'current') {
            deps.log(`installing the working tree (${install.kind})`);
        }
        const environment = await prepareEnvironment({
            label: 'the working tree',
            spec: install,
            projectDir: request.projectDir,
            envDir: join(scratch, 'venv'),
            tmpDir: join(scratch, 'tmp'),
            python: interpreter,
            parentEnv: deps.env,
            timeoutMs: INSTALL_TIMEOUT_MS,
            signal: deps.signal,
            installInput: name('install'),
        });
        const probe = await compiledProbe(environment.python, environment.env, scratch);
        const { sampling } = settings;
        deps.log(`Python ${info.version_info.join('.')} (${interpreter}), ${targets.length} target(s)`);
        deps.log(`measuring ${targets.join(', ')}: ${sampling.minPairs} to ${sampling.maxPairs} rounds, at most ${sampling.maxTimeMs / 1000} s in all`);
        const observations = await measurePlan({
            arms: targets.map((target) => ({
                key: { side: 'head', target, variant: DEFAULT_VARIANT },
                python: environment.python,
                probe,
                env: environment.env,
            })),
            cwd: scratch,
            warmups: sampling.warmups,
            minRounds: sampling.minPairs,
            maxRounds: sampling.maxPairs,
            profileRuns: sampling.profileRuns,
            sampleTimeoutMs: sampling.sampleTimeoutMs,
            deadline: performance.now() + sampling.maxTimeMs,
            random: seededRandom(sampling.seed),
            stopping: medianSettled,
            confirmation: NO_CONFIRMATION,
            signal: deps.signal,
        }, 1, deps, name);
        const evaluation = evaluate(observations, {
            targets: targets.map((target) => ({ name: target, isNew: false })),
            variant: DEFAULT_VARIANT,
            gate: settings.gate,
            metrics: settings.metrics,
        });
        withHints(evaluation.targets, () => notFoundHint(environment.strategy, request.projectDir, name));
        return {
            ...documentHeader(info),
            command: 'measure',
            verdict: evaluation.verdict,
            base: null,
            head: { ref: 'WORKTREE', sha: tree.sha, dirty: tree.dirty },
            settings: settingsJson(settings, {
                install: environment.strategy,
                python: environment.python,
                projectDir: request.projectDir,
            }),
            rounds: observations.rounds,
            truncated: observations.truncated,
            started_at: started.toISOString(),
            duration_s: ms((performance.now() - clockStart) / 1000),
            targets: evaluation.targets.map(targetResult),
        };
    }
    finally {
        await rm(scratch, { recursive: true, force: true });
    }
}

// The CLI's flags (or the action's inputs) → what a command is asked to do.
// Settings from [tool.importgate] are merged later, by the command, once the
// project (for compare: the base commit's checkout) is known.
/** How the CLI names its inputs in messages. */
const cliName = (input) => {
    if (input === 'target')
        return '-t/--target';
    if (input === 'repo')
        return '-C/--repo';
    if (input === 'base-ref')
        return 'base ref';
    if (input === 'head-ref')
        return 'head ref';
    return `--${input}`;
};
const COMMAND_RULES = {
    measure: { installModes: INSTALL_MODES.measure, minProfileRuns: 0 },
    compare: { installModes: INSTALL_MODES.compare, minProfileRuns: 1 },
};
function measureRequest(values, cwd, name = cliName) {
    const repoDir = directory(name('repo'), resolve(cwd, values.repo ?? '.'));
    return {
        repoDir,
        projectDir: directory(name('project-dir'), resolve(repoDir, values['project-dir'] ?? '.')),
        python: values.python ?? 'python3',
        given: partialSettings(values, COMMAND_RULES.measure, name),
        name,
    };
}
function compareRequest(values, revisions, cwd, name = cliName) {
    if (revisions.length !== 2) {
        throw new UsageError(`compare needs two revisions, base then head (e.g. importgate compare main HEAD); got ${revisions.length}: ${JSON.stringify(revisions)}`);
    }
    const [baseRef, headRef] = revisions;
    const repoDir = directory(name('repo'), resolve(cwd, values.repo ?? '.'));
    return {
        repoDir,
        projectSubdir: projectSubdir(repoDir, values['project-dir'], name('project-dir')),
        baseRef,
        headRef,
        python: values.python ?? 'python3',
        given: partialSettings(values, COMMAND_RULES.compare, name),
        name,
    };
}

// Number and chain formatting shared by the terminal and markdown reports.
/** 12.3 ms, 1.234 s, 850 µs: three significant figures or so. */
function formatMs(value) {
    if (!Number.isFinite(value))
        return '–';
    const abs = Math.abs(value);
    if (abs >= 1000)
        return `${(value / 1000).toFixed(abs >= 10_000 ? 1 : 2)} s`;
    if (abs >= 100)
        return `${value.toFixed(0)} ms`;
    if (abs >= 10)
        return `${value.toFixed(1)} ms`;
    if (abs >= 1)
        return `${value.toFixed(2)} ms`;
    return `${(value * 1000).toFixed(0)} µs`;
}
/** "a → b → c", keeping the two outermost and the three innermost links of a long chain. */
function formatChain(chain, arrow = ' → ') {
    if (chain.length <= 6)
        return chain.join(arrow);
    return [...chain.slice(0, 2), '…', ...chain.slice(-3)].join(arrow);
}
function signed(value, format) {
    return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${format(Math.abs(value))}`;
}
/** +12.3 ms, −850 µs, ±0 µs. */
const signedMs = (value) => signed(value, formatMs);
/** +12.3%, −0.85%, +8524%. */
function signedPct(value) {
    return signed(value, (x) => `${x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : 2)}%`);
}
/** "12% slower" for ordinary changes, "85× slower" once the ratio says more than a percentage. */
function howMuch(pct) {
    const ratio = 1 + pct / 100;
    if (pct >= 200)
        return `${ratio.toFixed(ratio >= 10 ? 0 : 1)}× slower`;
    if (pct > 0)
        return `${pct.toFixed(pct >= 10 ? 0 : 1)}% slower`;
    return `${Math.abs(pct).toFixed(Math.abs(pct) >= 10 ? 0 : 1)}% faster`;
}

// To do: next major: remove.
/**
 * @typedef {Options} MarkdownTableOptions
 *   Configuration.
 */

/**
 * @typedef Options
 *   Configuration.
 * @property {boolean | null | undefined} [alignDelimiters=true]
 *   Whether to align the delimiters (default: `true`);
 *   they are aligned by default:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   Pass `false` to make them staggered:
 *
 *   ```markdown
 *   | Alpha | B |
 *   | - | - |
 *   | C | Delta |
 *   ```
 * @property {ReadonlyArray<string | null | undefined> | string | null | undefined} [align]
 *   How to align columns (default: `''`);
 *   one style for all columns or styles for their respective columns;
 *   each style is either `'l'` (left), `'r'` (right), or `'c'` (center);
 *   other values are treated as `''`, which doesn’t place the colon in the
 *   alignment row but does align left;
 *   *only the lowercased first character is used, so `Right` is fine.*
 * @property {boolean | null | undefined} [delimiterEnd=true]
 *   Whether to end each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no ending delimiters:
 *
 *   ```markdown
 *   | Alpha | B
 *   | ----- | -----
 *   | C     | Delta
 *   ```
 * @property {boolean | null | undefined} [fillRows=true]
 *   Whether to fill rows with empty cells up to the most cells in a row
 *   (default: `true`).
 *
 *   When `true`, all rows have as many cells as the longest row:
 *
 *   ```markdown
 *   | Alpha | B    |   |
 *   | ----- | ---- | - |
 *   | C     |      |   |
 *   | D     | Echo | F |
 *   ```
 *
 *   When `false`, rows keep their cells,
 *   and the delimiter row has as many cells as the header row:
 *
 *   ```markdown
 *   | Alpha | B    |
 *   | ----- | ---- |
 *   | C     |
 *   | D     | Echo | F |
 *   ```
 * @property {boolean | null | undefined} [delimiterStart=true]
 *   Whether to begin each row with the delimiter (default: `true`).
 *
 *   > 👉 **Note**: please don’t use this: it could create fragile structures
 *   > that aren’t understandable to some markdown parsers.
 *
 *   When `true`, there are starting delimiters:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there are no starting delimiters:
 *
 *   ```markdown
 *   Alpha | B     |
 *   ----- | ----- |
 *   C     | Delta |
 *   ```
 * @property {boolean | null | undefined} [padding=true]
 *   Whether to add a space of padding between delimiters and cells
 *   (default: `true`).
 *
 *   When `true`, there is padding:
 *
 *   ```markdown
 *   | Alpha | B     |
 *   | ----- | ----- |
 *   | C     | Delta |
 *   ```
 *
 *   When `false`, there is no padding:
 *
 *   ```markdown
 *   |Alpha|B    |
 *   |-----|-----|
 *   |C    |Delta|
 *   ```
 * @property {((value: string) => number) | null | undefined} [stringLength]
 *   Function to detect the length of table cell content (optional);
 *   this is used when aligning the delimiters (`|`) between table cells;
 *   full-width characters and emoji mess up delimiter alignment when viewing
 *   the markdown source;
 *   to fix this, you can pass this function,
 *   which receives the cell content and returns its “visible” size;
 *   note that what is and isn’t visible depends on where the text is displayed.
 *
 *   Without such a function, the following:
 *
 *   ```js
 *   markdownTable([
 *     ['Alpha', 'Bravo'],
 *     ['中文', 'Charlie'],
 *     ['👩‍❤️‍👩', 'Delta']
 *   ])
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo |
 *   | - | - |
 *   | 中文 | Charlie |
 *   | 👩‍❤️‍👩 | Delta |
 *   ```
 *
 *   With [`string-width`](https://github.com/sindresorhus/string-width):
 *
 *   ```js
 *   import stringWidth from 'string-width'
 *
 *   markdownTable(
 *     [
 *       ['Alpha', 'Bravo'],
 *       ['中文', 'Charlie'],
 *       ['👩‍❤️‍👩', 'Delta']
 *     ],
 *     {stringLength: stringWidth}
 *   )
 *   ```
 *
 *   Yields:
 *
 *   ```markdown
 *   | Alpha | Bravo   |
 *   | ----- | ------- |
 *   | 中文  | Charlie |
 *   | 👩‍❤️‍👩    | Delta   |
 *   ```
 */

/**
 * Get the length of a cell.
 *
 * @param {string} value
 *   Cell value.
 * @returns {number}
 *   Cell size.
 */
function defaultStringLength(value) {
  return value.length
}

/**
 * Generate a markdown
 * ([GFM](https://docs.github.com/en/github/writing-on-github/working-with-advanced-formatting/organizing-information-with-tables))
 * table.
 *
 * @param {ReadonlyArray<ReadonlyArray<string | null | undefined>>} table
 *   Table data (matrix of strings).
 * @param {Readonly<Options> | null | undefined} [options]
 *   Configuration (optional).
 * @returns {string}
 *   Result.
 */
function markdownTable(table, options) {
  const settings = options || {};
  // To do: next major: change to spread.
  // eslint-disable-next-line unicorn/prefer-spread -- `align` can be a string.
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  /** @type {Array<number>} Character codes as symbols for alignment per column. */
  const alignments = [];
  /** @type {Array<Array<string>>} Cells per row. */
  const cellMatrix = [];
  /** @type {Array<Array<number>>} Sizes of each cell per row. */
  const sizeMatrix = [];
  /** @type {Array<number>} */
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;

  // This is a superfluous loop if we don’t align delimiters, but otherwise we’d
  // do superfluous work when aligning, so optimize for aligning.
  while (++rowIndex < table.length) {
    /** @type {Array<string>} */
    const row = [];
    /** @type {Array<number>} */
    const sizes = [];
    let columnIndex = -1;

    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }

    while (++columnIndex < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex]);

      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes[columnIndex] = size;

        if (
          longestCellByColumn[columnIndex] === undefined ||
          size > longestCellByColumn[columnIndex]
        ) {
          longestCellByColumn[columnIndex] = size;
        }
      }

      row.push(cell);
    }

    cellMatrix[rowIndex] = row;
    sizeMatrix[rowIndex] = sizes;
  }

  // Figure out which alignments to use.
  let columnIndex = -1;

  if (typeof align === 'object' && 'length' in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);

    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }

  // Inject the alignment row.
  columnIndex = -1;
  /** @type {Array<string>} */
  const row = [];
  /** @type {Array<number>} */
  const sizes = [];

  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = '';
    let after = '';

    if (code === 99 /* `c` */) {
      before = ':';
      after = ':';
    } else if (code === 108 /* `l` */) {
      before = ':';
    } else if (code === 114 /* `r` */) {
      after = ':';
    }

    // There *must* be at least one hyphen-minus in each alignment cell.
    let size =
      settings.alignDelimiters === false
        ? 1
        : Math.max(
            1,
            longestCellByColumn[columnIndex] - before.length - after.length
          );

    const cell = before + '-'.repeat(size) + after;

    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;

      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }

      sizes[columnIndex] = size;
    }

    row[columnIndex] = cell;
  }

  // Inject the alignment row.
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);

  rowIndex = -1;
  /** @type {Array<string>} */
  const lines = [];

  while (++rowIndex < cellMatrix.length) {
    const row = cellMatrix[rowIndex];
    const sizes = sizeMatrix[rowIndex];
    const cellsInRow =
      settings.fillRows === false
        ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length)
        : mostCellsPerRow;
    columnIndex = -1;
    /** @type {Array<string>} */
    const line = [];

    while (++columnIndex < cellsInRow) {
      const cell = row[columnIndex] || '';
      let before = '';
      let after = '';

      if (settings.alignDelimiters !== false) {
        const size =
          longestCellByColumn[columnIndex] - (sizes[columnIndex] || 0);
        const code = alignments[columnIndex];

        if (code === 114 /* `r` */) {
          before = ' '.repeat(size);
        } else if (code === 99 /* `c` */) {
          const half = size / 2;

          if (size % 2) {
            before = ' '.repeat(half + 0.5);
            after = ' '.repeat(half - 0.5);
          } else {
            before = ' '.repeat(half);
            after = before;
          }
        } else {
          after = ' '.repeat(size);
        }
      }

      if (settings.delimiterStart !== false && !columnIndex) {
        line.push('|');
      }

      if (
        settings.padding !== false &&
        // Don’t add the opening space if we’re not aligning and the cell is
        // empty: there will be a closing space.
        !(settings.alignDelimiters === false && cell === '') &&
        (settings.delimiterStart !== false || columnIndex)
      ) {
        line.push(' ');
      }

      if (settings.alignDelimiters !== false) {
        line.push(before);
      }

      line.push(cell);

      if (settings.alignDelimiters !== false) {
        line.push(after);
      }

      if (settings.padding !== false) {
        line.push(' ');
      }

      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push('|');
      }
    }

    lines.push(
      settings.delimiterEnd === false
        ? line.join('').replace(/ +$/, '')
        : line.join('')
    );
  }

  return lines.join('\n')
}

/**
 * Serialize a cell value.
 *
 * @param {string | null | undefined} [value]
 *   Value to serialize.
 * @returns {string}
 *   Result.
 */
function serialize(value) {
  return value === null || value === undefined ? '' : String(value)
}

/**
 * Get the alignment character code from a value.
 *
 * @param {string | null | undefined} value
 *   Value.
 * @returns {number}
 *   Alignment.
 */
function toAlignment(value) {
  const code = typeof value === 'string' ? value.codePointAt(0) : 0;

  return code === 67 /* `C` */ || code === 99 /* `c` */
    ? 99 /* `c` */
    : code === 76 /* `L` */ || code === 108 /* `l` */
      ? 108 /* `l` */
      : code === 82 /* `R` */ || code === 114 /* `r` */
        ? 114 /* `r` */
        : 0
}

// Small, safe building blocks for GitHub-flavoured markdown. Pure.
/** Inline code that survives backticks in the text (a longer fence than any run inside). */
function code(text) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${pad}${text}${pad}${fence}`;
}
/** Plain text that must not turn into HTML, a table cell break or emphasis. */
function plain(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\*_[\]|])/g, '\\$1')
        .replace(/\r?\n/g, ' ');
}
/** A table whose cells may hold anything: pipes and newlines are escaped. */
function table(header, rows, align) {
    const cell = (text) => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
    return markdownTable([header.map(cell), ...rows.map((row) => row.map(cell))], { align });
}
/** Rich text as markdown: code parts in code spans, the rest escaped. */
function rich(parts) {
    return parts.map((part) => (typeof part === 'string' ? plain(part) : code(part.code))).join('');
}
function chain(names) {
    return names.map(code).join(' → ');
}
const VERDICT_LABEL = {
    pass: '✅ pass',
    improvement: '🚀 improvement',
    regression: '❌ regression',
    budget: '💸 over budget',
    forbidden: '⛔ forbidden import',
    error: '⚠️ error',
};
/** The first `limit` items, and a line saying how many were left out. */
function capped(items, limit, render) {
    const lines = items.slice(0, limit).map(render);
    if (items.length > limit)
        lines.push(`- … and ${items.length - limit} more`);
    return lines;
}

// The sections of the markdown report about the gate: forbidden imports,
// budgets, configuration changes and errors. Pure.
function budgets(view) {
    const rows = view.budgets.map((b) => [
        code(b.target),
        b.on === 'time' ? 'import time' : 'modules',
        b.on === 'time' ? formatMs(b.limit) : String(b.limit),
        b.on === 'time' ? formatMs(b.actual) : String(b.actual),
        b.ok ? '✅ within' : '❌ over',
    ]);
    if (!rows.length)
        return [];
    return [
        '#### Budgets',
        '',
        table(['Target', 'Budget on', 'Limit', 'Head', 'Status'], rows, ['l', 'l', 'r', 'r', 'l']),
    ];
}
function forbidden(view, limit) {
    if (!view.forbidden.length)
        return [];
    const lines = capped(view.forbidden, limit, (h) => {
        const via = h.chain.length ? `, via ${chain(h.chain)}` : '';
        const count = h.count > 1 ? ` (${h.count} modules under ${code(h.rule)})` : '';
        return `- ⛔ ${code(h.name)} is imported by ${code(h.target)}${via}${count}`;
    });
    return ['#### Forbidden imports', '', ...lines];
}
function configChanges(view) {
    if (!view.configChanges.length)
        return [];
    const items = view.configChanges.map((c) => `${code(c.key)}: ${code(JSON.stringify(c.base))} → ${code(JSON.stringify(c.head))}`);
    return [
        `> [!WARNING]`,
        `> This pull request changes \`[tool.importgate]\`; the gate used the base branch's settings. ${items.join('; ')}`,
    ];
}
function errors(view) {
    if (!view.errors.length)
        return [];
    const out = ['#### Errors', ''];
    for (const { target, error: e } of view.errors) {
        out.push(`- ${code(target)} (${e.side}): **${plain(e.kind)}**: ${plain(e.message)}`);
        const detail = [...e.traceback, ...(e.stderr_tail ? ['', e.stderr_tail] : [])]
            .join('\n')
            .replace(/```/g, "'''");
        if (detail.trim())
            out.push('', '  ```', ...detail.split('\n').map((l) => `  ${l}`), '  ```');
    }
    return out;
}

// The sections of the markdown report about the measurements, each from the
// view model. Pure.
function headline(view) {
    return `### ${rich(view.headline)}`;
}
/** The row's target, with the metric named when it is not the primary one. */
const rowName = (r) => r.primary ? code(r.target) : `${code(r.target)} · ${r.label}`;
/** A gating row shows the target's verdict; a reported-only row what its statistics say. */
function verdictCell(r) {
    if (!r.gating) {
        const said = r.outcome === 'regression' ? 'slower' : r.outcome === 'improvement' ? 'faster' : 'no change';
        return `ℹ️ ${said} (not gating)`;
    }
    return VERDICT_LABEL[r.verdict] + (r.isNew ? ' (new target)' : '');
}
function deltaTable(view) {
    if (view.command === 'measure') {
        const rows = view.rows.map((r) => [
            rowName(r),
            r.head ? formatMs(r.head.median) : '–',
            r.head ? `${formatMs(r.head.q1)} – ${formatMs(r.head.q3)}` : '–',
            r.head ? String(r.head.moduleCount) : '–',
            verdictCell(r),
        ]);
        return table(['Target', 'Median', 'IQR', 'Modules', 'Verdict'], rows, ['l', 'r', 'r', 'r', 'l']);
    }
    const rows = view.rows.map((r) => {
        const d = r.delta;
        return [
            rowName(r),
            r.base ? formatMs(r.base.median) : '–',
            r.head ? formatMs(r.head.median) : '–',
            d ? signedMs(d.ms) : '–',
            d ? signedPct(d.pct) : '–',
            d?.ci_pct ? `${signedPct(d.ci_pct[0])} … ${signedPct(d.ci_pct[1])}` : '–',
            verdictCell(r),
        ];
    });
    const level = view.rows.find((r) => r.delta)?.delta?.ci_level ?? 0.98;
    return table(['Target', 'Base', 'Head', 'Δ ms', 'Δ %', `CI (${Math.round(level * 100)}%)`, 'Verdict'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'l']);
}
function lazyItems(view, limit) {
    const { target, eager } = view;
    const lines = capped(view.groups, limit, ({ lead, more }) => {
        const withMore = more ? `, with ${more} module${more > 1 ? 's' : ''} it imports` : '';
        return eager
            ? `- ${code(lead.name)} is now imported by ${code(target)} (${signedMs(lead.cumulative_ms)}), via ${chain(lead.chain)}${withMore}`
            : `- ${code(lead.name)} is no longer imported by ${code(target)} (${signedMs(-lead.cumulative_ms)})${withMore}`;
    });
    const n = view.aliases;
    if (n)
        lines.push(`- ${n} more module name${n > 1 ? 's' : ''} ${eager ? 'appear' : 'disappear'} in \`sys.modules\` without an import`);
    return lines;
}
function lazyLoading(view, limit) {
    const lines = view.lazy.flatMap((l) => lazyItems(l, limit));
    if (!lines.length)
        return [];
    return [
        '#### Lazy-loading changes',
        '',
        ...lines,
        '',
        '<sub>Times are cumulative `-X importtime` times of the module and what it imports.</sub>',
    ];
}
function whereTimeWent(view, limit) {
    const out = [];
    for (const { target, changes } of view.selfTime) {
        const ms = (x) => (x === null ? '–' : formatMs(x));
        const rows = changes
            .slice(0, limit)
            .map((c) => [code(c.name), ms(c.base_self_ms), ms(c.head_self_ms), signedMs(c.delta_ms)]);
        if (out.length)
            out.push('');
        out.push(`**${code(target)}**: own (self) time by module, largest changes first`, '', table(['Module', 'Base', 'Head', 'Δ'], rows, ['l', 'r', 'r', 'r']));
    }
    return out.length ? ['#### Where the time went', '', ...out] : [];
}
function slowest(view, limit) {
    const out = [];
    for (const { target, modules } of view.slowest) {
        const rows = modules
            .slice(0, limit)
            .map((m) => [
            code(m.name),
            formatMs(m.self_ms),
            formatMs(m.cumulative_ms),
            m.chain.length > 1 ? chain(m.chain.slice(0, -1)) : '(the target)',
        ]);
        if (out.length)
            out.push('');
        out.push(`**${code(target)}**`, '', table(['Module', 'Self', 'Cumulative', 'Imported through'], rows, ['l', 'r', 'r', 'l']));
    }
    if (!out.length)
        return [];
    return [
        '#### Slowest modules',
        '',
        ...out,
        '',
        '<sub>Median of untimed `-X importtime` runs, which run slower than the timed samples.</sub>',
    ];
}
function moduleCounts(view) {
    const rows = view.moduleCounts.map(({ target, base: b, head: h }) => {
        const delta = b ? h.module_count - b.module_count : null;
        return [
            code(target),
            b ? String(b.module_count) : '–',
            String(h.module_count),
            delta === null ? '–' : `${delta > 0 ? '+' : ''}${delta}`,
            b ? `${b.package_module_count} → ${h.package_module_count}` : String(h.package_module_count),
        ];
    });
    if (!rows.length)
        return [];
    if (view.command === 'measure') {
        const measured = rows.map((r) => [r[0], r[2], r[4]]);
        return [
            '#### Modules loaded',
            '',
            table(['Target', 'Modules', 'Own package'], measured, ['l', 'r', 'r']),
        ];
    }
    return [
        '#### Modules loaded',
        '',
        table(['Target', 'Base', 'Head', 'Δ', 'Own package'], rows, ['l', 'r', 'r', 'r', 'r']),
    ];
}
function dependencies(view, limit) {
    const changed = view.dependencies;
    if (!changed.length)
        return [];
    const rows = changed
        .slice(0, limit)
        .map((d) => [code(d.name), d.base ? code(d.base) : '–', d.head ? code(d.head) : '–']);
    const more = changed.length > limit ? [`… and ${changed.length - limit} more`] : [];
    return [
        '#### Dependency changes',
        '',
        table(['Package', 'Base', 'Head'], rows, ['l', 'l', 'l']),
        ...more,
    ];
}
function methodology(view) {
    const { run } = view;
    const s = run.settings;
    const sha = (x) => (x ? code(x.slice(0, 12)) : '–');
    const compare = view.command === 'compare';
    const lines = [
        `- ${run.rounds} interleaved round(s) after ${String(s.warmups)} warm-up round(s); every sample a fresh interpreter timing the import alone; ${compare ? 'base and head' : 'targets'} alternate in a random order each round (seed ${String(s.seed)}).`,
        compare
            ? `- A regression needs a one-sided Wilcoxon signed-rank p < ${String(s.alpha)} on paired log-ratios, a Hodges-Lehmann estimate above ${String(s.threshold_pct)}% and above ${String(s.min_delta_ms)} ms, and a fresh confirming batch.`
            : '- Spread is the interquartile range of the samples.',
        `- Python ${plain(run.python.split(' ')[0] ?? run.python)} on ${plain(run.platform)}; install: ${code(String(s.install))}.`,
        run.base
            ? `- Base ${code(run.base.ref)} at ${sha(run.base.sha)}, head ${code(run.head.ref)} at ${sha(run.head.sha)}.`
            : `- Working tree at ${sha(run.head.sha)}${run.head.dirty ? ' with uncommitted changes' : ''}.`,
        `- ${run.durationS.toFixed(1)} s in all; importgate ${run.version}.${run.truncated ? ' The time budget ended sampling before the minimum number of pairs.' : ''}`,
    ];
    return ['<details><summary>How this was measured</summary>', '', ...lines, '', '</details>'];
}

// A target's metric rows, from any schema-1 document: files written before
// `metrics` was added carry the primary metric in base, head and delta only.
function metricRows(t) {
    if (t.metrics)
        return t.metrics;
    if (!t.base && !t.head)
        return [];
    const metric = METRICS[PRIMARY_METRIC];
    return [
        {
            metric: PRIMARY_METRIC,
            variant: 'warm',
            unit: metric.unit,
            gating: metric.gatesByDefault,
            outcome: null,
            base_median: t.base?.median_ms ?? null,
            head_median: t.head?.median_ms ?? null,
            delta: t.delta,
        },
    ];
}

/**
 * Groups of modules: the one that pulled the others in, and how many it
 * brought. Modules with no import chain (aliases placed in sys.modules) are
 * left out of the groups and counted by the caller.
 */
function grouped(changes) {
    const names = new Set(changes.map((c) => c.name));
    const leads = changes.filter((c) => {
        if (c.chain.length === 0)
            return false;
        const importer = c.chain[c.chain.length - 2];
        return importer === undefined || !names.has(importer);
    });
    return leads.map((lead) => ({
        lead,
        more: changes.filter((c) => c !== lead && c.chain.includes(lead.name)).length,
    }));
}

// The one-line answer: the most serious finding, in parts that each report
// lays out its own way (code spans in markdown, plain text in a terminal).
/** Targets with the most serious verdict: the largest change first for regressions and improvements, else in config order. */
function worst(targets) {
    const verdict = mostSerious(targets.map((t) => t.verdict));
    const found = targets.filter((t) => t.verdict === verdict);
    if (verdict !== 'regression' && verdict !== 'improvement')
        return found;
    const size = (t) => Math.abs(t.delta?.pct ?? 0);
    return found.sort((a, b) => size(b) - size(a));
}
function headlineFor(t, count, command) {
    const name = { code: t.name };
    switch (t.verdict) {
        case 'error':
            return ['⚠️ importgate could not measure ', name, ` (${t.error.side}): ${t.error.kind}`];
        case 'forbidden':
            return ['⛔ ', name, ' imports forbidden module ', { code: t.forbidden[0].name }];
        case 'budget': {
            const b = t.budget;
            if (b.time && !b.time.ok)
                return [
                    '💸 ',
                    name,
                    ` takes ${formatMs(b.time.median_ms)} to import, over its ${formatMs(b.time.limit_ms)} budget`,
                ];
            return [
                '💸 ',
                name,
                ` loads ${b.modules.count} modules, over the budget of ${b.modules.limit}`,
            ];
        }
        case 'regression':
            return ['❌ ', name, ` imports ${howMuch(t.delta.pct)} (${signedMs(t.delta.ms)})`];
        case 'improvement':
            return ['🚀 ', name, ` imports ${howMuch(t.delta.pct)} (${signedMs(t.delta.ms)})`];
        default:
            if (command === 'measure')
                return ['📏 ', name, ` imports in ${formatMs(t.head?.median_ms ?? NaN)}`];
            return count > 1
                ? [`✅ No import-time regressions in ${count} targets`]
                : [
                    '✅ No import-time regression: ',
                    name,
                    ` ${t.delta ? signedPct(t.delta.pct) : 'measured'}`,
                ];
    }
}
function headlineOf(targets, command) {
    const [first, ...others] = worst(targets);
    if (!first)
        return ['✅ No targets measured'];
    const more = first.verdict !== 'pass' && others.length ? ` (and ${others.length} more)` : '';
    return [...headlineFor(first, targets.length, command), ...(more ? [more] : [])];
}
/** The headline as plain text: terminals, check-run titles, annotations. */
function plainText(rich) {
    return rich.map((part) => (typeof part === 'string' ? part : part.code)).join('');
}

// The one view model every report formats: the headline, the rows, the gate's
// items and the lazy-loading groups, built once from a results document.
// Markdown, the terminal and annotations only lay it out. Pure.
function figures(side, metric) {
    if (!side)
        return null;
    const samples = side[METRICS[metric].samplesField] ?? [];
    const at = (p) => quantile(samples, p);
    // The document's own figures for the primary metric (old files may hold no samples).
    const primary = metric === PRIMARY_METRIC;
    return {
        median: primary ? side.median_ms : at(0.5),
        q1: primary ? side.q1_ms : at(0.25),
        q3: primary ? side.q3_ms : at(0.75),
        min: primary ? side.min_ms : at(0),
        max: primary ? side.max_ms : at(1),
        n: samples.length,
        moduleCount: side.module_count,
        packageModuleCount: side.package_module_count,
    };
}
function rowsOf(t) {
    const rows = metricRows(t);
    // A target that could not be measured still gets its row, with its verdict.
    const list = rows.length
        ? rows
        : [{ metric: PRIMARY_METRIC, gating: true, outcome: null, delta: null }];
    return list.map((m) => ({
        target: t.name,
        metric: m.metric,
        label: METRICS[m.metric].label,
        primary: m.metric === PRIMARY_METRIC,
        gating: m.gating,
        verdict: m.gating ? t.verdict : (m.outcome ?? 'pass'),
        outcome: m.outcome,
        isNew: t.new === true,
        base: figures(t.base, m.metric),
        head: figures(t.head, m.metric),
        delta: m.delta,
    }));
}
function lazyOf(t) {
    const views = [];
    for (const [changes, eager] of [
        [t.modules?.added ?? [], true],
        [t.modules?.removed ?? [], false],
    ]) {
        if (!changes.length)
            continue;
        views.push({
            target: t.name,
            eager,
            groups: grouped([...changes]),
            aliases: changes.filter((c) => c.chain.length === 0).length,
        });
    }
    return views;
}
function buildView(doc) {
    const command = doc.command === 'measure' ? 'measure' : 'compare';
    const compare = doc.command === 'measure' ? null : doc;
    return {
        command,
        verdict: doc.verdict,
        headline: headlineOf(doc.targets, command),
        rows: doc.targets.flatMap(rowsOf),
        configChanges: compare?.config_changes ?? [],
        newTargets: doc.targets.filter((t) => t.new).map((t) => t.name),
        forbidden: doc.targets.flatMap((t) => t.forbidden.map((f) => ({ target: t.name, ...f }))),
        budgets: doc.targets.flatMap((t) => {
            const b = t.budget;
            const items = [];
            if (b?.time)
                items.push({
                    target: t.name,
                    on: 'time',
                    limit: b.time.limit_ms,
                    actual: b.time.median_ms,
                    ok: b.time.ok,
                });
            if (b?.modules)
                items.push({
                    target: t.name,
                    on: 'modules',
                    limit: b.modules.limit,
                    actual: b.modules.count,
                    ok: b.modules.ok,
                });
            return items;
        }),
        lazy: doc.targets.flatMap(lazyOf),
        errors: doc.targets.flatMap((t) => (t.error ? [{ target: t.name, error: t.error }] : [])),
        selfTime: doc.targets.flatMap((t) => t.delta && t.modules?.self_time_changes.length
            ? [{ target: t.name, changes: t.modules.self_time_changes }]
            : []),
        slowest: command === 'measure'
            ? doc.targets.flatMap((t) => t.head?.profile.slowest.length
                ? [
                    {
                        target: t.name,
                        runs: t.head.profile.runs,
                        unstable: t.head.profile.unstable_modules,
                        modules: t.head.profile.slowest,
                    },
                ]
                : [])
            : [],
        moduleCounts: doc.targets.flatMap((t) => t.head ? [{ target: t.name, base: t.base, head: t.head }] : []),
        dependencies: compare?.deps?.changed ?? [],
        run: {
            python: doc.python,
            platform: doc.platform,
            base: doc.base,
            head: doc.head,
            rounds: doc.rounds,
            truncated: doc.truncated,
            durationS: doc.duration_s,
            version: doc.tool?.version ?? '',
            settings: doc.settings,
        },
    };
}

// The markdown report: PR comment, job summary and --markdown. Pure.
/** GitHub refuses comments over 65,536 characters; the action adds its marker and footer. */
const MARKDOWN_LIMIT = 60_000;
/** List lengths tried in turn until the report fits. */
const CAPS = [30, 15, 8, 4, 2];
function render(doc, cap) {
    const parts = [
        [headline(doc)],
        configChanges(doc),
        [deltaTable(doc)],
        forbidden(doc, cap),
        budgets(doc),
        lazyLoading(doc, cap),
        whereTimeWent(doc, Math.min(cap, 10)),
        slowest(doc, Math.min(cap, 10)),
        moduleCounts(doc),
        dependencies(doc, cap),
        errors(doc),
        methodology(doc),
    ];
    return `${parts
        .filter((p) => p.length)
        .map((p) => p.join('\n'))
        .join('\n\n')}\n`;
}
/**
 * Renders the report, shortening lists until it fits under `limit`
 * characters; as a last resort it is cut, with a line saying so.
 */
function markdownReport(results, limit = MARKDOWN_LIMIT) {
    const doc = buildView(results);
    for (const cap of CAPS) {
        const text = render(doc, cap);
        if (text.length <= limit)
            return text;
    }
    const notice = '\n\n… (report cut to fit; the full results are in the uploaded JSON)\n';
    const text = render(doc, CAPS[CAPS.length - 1]);
    const cut = text.lastIndexOf('\n', limit - notice.length);
    return text.slice(0, cut > 0 ? cut : limit - notice.length) + notice;
}

// Terminal colour, only when a person is looking: a TTY, and NO_COLOR unset
// (https://no-color.org). FORCE_COLOR turns it on regardless.
const sgr = (open, close) => (text) => `\u001b[${open}m${text}\u001b[${close}m`;
const COLOR = {
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
};
const same = (text) => text;
const PLAIN = { bold: same, dim: same, red: same, green: same, yellow: same };
function useColor(isTTY, env) {
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0')
        return true;
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    return isTTY === true;
}
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
function visibleWidth(text) {
    return [...text.replace(ANSI, '')].length;
}
/** Lays rows out in columns; 'r' columns are right-aligned. Widths ignore colour codes. */
function columns(rows, align, gap = '  ') {
    const widths = [];
    for (const row of rows)
        row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleWidth(cell))));
    return rows.map((row) => row
        .map((cell, i) => {
        const pad = ' '.repeat(widths[i] - visibleWidth(cell));
        return align[i] === 'r' ? pad + cell : i === row.length - 1 ? cell : cell + pad;
    })
        .join(gap)
        .trimEnd());
}

function paint(verdict, style) {
    if (verdict === 'improvement')
        return style.green;
    if (verdict === 'pass')
        return (t) => t;
    return style.red;
}
/** Config changes, new targets, forbidden imports and budgets. */
function gateLines(view, style) {
    const out = [];
    for (const c of view.configChanges) {
        out.push(style.yellow(`head changes [tool.importgate] ${c.key}: ${JSON.stringify(c.base)} → ${JSON.stringify(c.head)} (the gate used base's)`));
    }
    const targets = [...new Set(view.rows.map((r) => r.target))];
    for (const target of targets) {
        if (view.newTargets.includes(target))
            out.push(style.dim(`${target} is new in head: measured on head only`));
        for (const f of view.forbidden.filter((x) => x.target === target)) {
            out.push(style.red(`forbidden: ${f.name} is imported by ${target}${f.chain.length ? ` via ${formatChain(f.chain)}` : ''}`));
        }
        for (const b of view.budgets.filter((x) => x.target === target)) {
            const tone = b.ok ? style.dim : style.red;
            const status = b.ok ? '(within)' : '(over)';
            out.push(tone(b.on === 'time'
                ? `budget: ${target} ${formatMs(b.actual)} of ${formatMs(b.limit)} ${status}`
                : `budget: ${target} loads ${b.actual} of ${b.limit} modules ${status}`));
        }
    }
    return out.length ? ['', ...out] : [];
}

function verdictText(r) {
    if (!r.gating) {
        const said = r.outcome === 'regression' ? 'slower' : r.outcome === 'improvement' ? 'faster' : 'no change';
        return `${said} (not gating)`;
    }
    const c = r.delta?.confirmation;
    if (r.verdict === 'regression' && c)
        return c.confirmed ? 'regression (confirmed)' : 'regression (unconfirmed)';
    if (r.verdict === 'pass' && c?.confirmed === false)
        return 'pass (not confirmed)';
    if (r.verdict === 'budget')
        return 'over budget';
    if (r.verdict === 'forbidden')
        return 'forbidden import';
    return r.isNew ? `${r.verdict} (new target)` : r.verdict;
}
function tableRows(view, style) {
    const rows = [['target', 'base', 'head', 'Δ ms', 'Δ %', 'CI', 'verdict'].map((h) => style.dim(h))];
    for (const r of view.rows) {
        const color = r.gating ? paint(r.verdict, style) : style.dim;
        const name = r.primary ? r.target : `${r.target} · ${r.label}`;
        const base = r.base ? formatMs(r.base.median) : '–';
        const head = r.head ? formatMs(r.head.median) : '–';
        const d = r.delta;
        if (!d) {
            rows.push([name, base, head, '', '', '', color(verdictText(r))]);
            continue;
        }
        const tone = d.pct > 0 ? style.red : d.pct < 0 ? style.green : (x) => x;
        rows.push([
            name,
            base,
            head,
            tone(signedMs(d.ms)),
            tone(signedPct(d.pct)),
            d.ci_pct ? `${signedPct(d.ci_pct[0])} … ${signedPct(d.ci_pct[1])}` : '–',
            color(verdictText(r)),
        ]);
    }
    return rows;
}
function lazyLines(l, style, limit) {
    const sign = l.eager ? 1 : -1;
    const title = l.eager
        ? 'now eager (imported in head, not in base)'
        : 'now lazy (imported in base, not in head)';
    const out = [`  ${style.bold(l.target)}: ${title}`];
    const rows = l.groups
        .slice(0, limit)
        .map(({ lead, more }) => [
        sign > 0 ? style.red(`+ ${lead.name}`) : style.green(`− ${lead.name}`),
        signedMs(sign * lead.cumulative_ms),
        style.dim(formatChain(lead.chain)),
        more ? style.dim(`(+${more} module${more > 1 ? 's' : ''} it imports)`) : '',
    ]);
    out.push(...columns(rows, ['l', 'r', 'l', 'l']).map((line) => `    ${line}`));
    if (l.groups.length > limit)
        out.push(style.dim(`    … and ${l.groups.length - limit} more`));
    if (l.aliases)
        out.push(style.dim(`    (and ${l.aliases} module name${l.aliases > 1 ? 's' : ''} set in sys.modules without an import)`));
    return out;
}
function compareReport(doc, style, limit = 8) {
    const view = buildView(doc);
    const { run } = view;
    const out = [];
    const sha = (s) => (s ? s.slice(0, 10) : '?');
    out.push(style.bold(`importgate compare · Python ${run.python.split(' ')[0]} · ${run.platform}`));
    out.push(paint(view.verdict, style)(plainText(view.headline)));
    out.push(style.dim(`base ${run.base?.ref} (${sha(run.base?.sha)}) → head ${run.head.ref} (${sha(run.head.sha)})`));
    out.push('');
    out.push(...columns(tableRows(view, style), ['l', 'r', 'r', 'r', 'r', 'r', 'l']).map((l) => `  ${l}`));
    out.push(...gateLines(view, style));
    const lazy = view.lazy.flatMap((l) => lazyLines(l, style, limit));
    if (lazy.length) {
        out.push('', style.bold('Lazy-loading changes') + style.dim(' (cumulative -X importtime time)'), ...lazy);
    }
    if (view.selfTime.length) {
        out.push('', style.bold('Where the time went') + style.dim(' (own -X importtime time, head − base)'));
        for (const { target, changes } of view.selfTime) {
            const top = changes.slice(0, 5);
            out.push(`  ${style.bold(target)}: ${top.map((c) => `${c.name} ${signedMs(c.delta_ms)}`).join(', ')}`);
        }
    }
    const counts = view.moduleCounts.filter((c) => c.base);
    if (counts.length) {
        const text = counts.map(({ target, base, head }) => {
            const d = head.module_count - base.module_count;
            return `${target} ${base.module_count} → ${head.module_count} (${d > 0 ? '+' : ''}${d}; own package ${base.package_module_count} → ${head.package_module_count})`;
        });
        out.push('', `${style.bold('Modules loaded')}: ${text.join(', ')}`);
    }
    if (view.dependencies.length) {
        const items = view.dependencies.map((d) => d.base === null
            ? `+ ${d.name} ${d.head}`
            : d.head === null
                ? `− ${d.name} ${d.base}`
                : `${d.name} ${d.base} → ${d.head}`);
        out.push('', `${style.bold('Dependencies')}: ${items.slice(0, 12).join(', ')}${items.length > 12 ? `, … and ${items.length - 12} more` : ''}`);
    }
    for (const { target, error: e } of view.errors) {
        out.push('', style.red(`${target} (${e.side}): ${e.kind}: ${e.message}`));
        for (const frame of e.traceback.slice(-3))
            out.push(style.dim(`    ${frame}`));
    }
    const s = run.settings;
    out.push('');
    out.push(style.dim(`${run.rounds} interleaved round(s) after ${String(s.warmups)} warm-up(s); a regression needs p < ${String(s.alpha)} and more than ${String(s.threshold_pct)}% and ${String(s.min_delta_ms)} ms, confirmed by a fresh batch; ${run.durationS.toFixed(1)} s in all`));
    if (run.truncated)
        out.push(style.yellow(`--max-time ended sampling before --min-pairs; figures are less certain`));
    return out.join('\n');
}

function errorLines(target, error, style) {
    const lines = [style.red(`${target}: ${error.kind}: ${error.message}`)];
    for (const frame of error.traceback.slice(-3))
        lines.push(style.dim(`    ${frame}`));
    if (error.stderr_tail) {
        lines.push(style.dim('    last lines of stderr:'));
        for (const line of error.stderr_tail.split('\n').slice(-5))
            lines.push(style.dim(`      ${line}`));
    }
    return lines;
}
function measureReport(doc, style, slowest = 8) {
    const view = buildView(doc);
    const { run } = view;
    const out = [];
    const head = run.head;
    const tree = head.sha
        ? `${head.sha.slice(0, 10)}${head.dirty ? ' + uncommitted changes' : ''}`
        : 'not a git commit';
    out.push(style.bold(`importgate measure · Python ${run.python.split(' ')[0]} · ${run.platform} · ${tree}`));
    out.push('');
    const rows = [
        ['target', 'median', 'IQR', 'range', 'n', 'modules', 'package'].map((h) => style.dim(h)),
    ];
    for (const r of view.rows) {
        const name = r.primary ? r.target : `${r.target} · ${r.label}`;
        const side = r.head;
        if (!side) {
            rows.push([name, style.red('error'), '', '', '', '', '']);
            continue;
        }
        rows.push([
            name,
            style.bold(formatMs(side.median)),
            `${formatMs(side.q1)} – ${formatMs(side.q3)}`,
            `${formatMs(side.min)} – ${formatMs(side.max)}`,
            String(side.n),
            String(side.moduleCount),
            String(side.packageModuleCount),
        ]);
    }
    out.push(...columns(rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r']).map((line) => `  ${line}`));
    out.push(...gateLines(view, style));
    if (run.truncated) {
        out.push('', style.yellow(`--max-time ended sampling after ${run.rounds} round(s), before --min-pairs; figures are less certain`));
    }
    const targets = [...new Set(view.rows.map((r) => r.target))];
    for (const target of targets) {
        const failed = view.errors.find((e) => e.target === target);
        if (failed) {
            out.push('', ...errorLines(target, failed.error, style));
            continue;
        }
        const profile = view.slowest.find((s) => s.target === target);
        if (!profile)
            continue;
        out.push('');
        out.push(`${style.bold(target)}: slowest modules by self time ${style.dim(`(median of ${profile.runs} -X importtime runs; these runs are slower than the timed ones)`)}`);
        const header = ['self', 'module', 'imported through'].map((h) => style.dim(h));
        const modRows = profile.modules
            .slice(0, slowest)
            .map((cost) => [
            formatMs(cost.self_ms),
            cost.name,
            style.dim(formatChain(cost.chain.slice(0, -1)) || '(the target itself)'),
        ]);
        out.push(...columns([header, ...modRows], ['r', 'l', 'l']).map((line) => `  ${line}`));
        if (profile.unstable) {
            out.push(style.yellow('  note: profile runs loaded different sets of modules (an import that depends on timing or environment)'));
        }
    }
    out.push('');
    out.push(style.dim(`${run.rounds} round(s) after ${String(run.settings.warmups)} warm-up(s), each sample a fresh interpreter; median of the import itself (perf_counter); ${run.durationS.toFixed(1)} s in all`));
    return out.join('\n');
}

const USAGE = `importgate: how long importing your Python package takes, measured properly

Usage:
  importgate compare <base-ref> <head-ref> [options]   is head slower to import than base, and why
  importgate measure [options]                         measure the working tree as it is
  importgate --help | --version

Common options:
  -t, --target MODULE     module to import; repeatable (default: [tool.importgate] targets
                          in pyproject.toml; for compare, those of base and head together)
  -C, --repo DIR          the git repository (default: the current directory)
      --project-dir DIR   the Python project inside the repository (default: its root)
      --python PATH       interpreter, the same for both sides (default: python3 on PATH)
      --install MODE      auto: uv sync for a uv.lock project when uv is on PATH, else
                                a venv and pip install . when packaged, else none
                                (compare's default)
                          none: nothing installed; PYTHONPATH is the project's src/ folder,
                                or the project folder (measure's default)
                          pip | uv: a venv per side, the project installed non-editable
                          current: measure only; the interpreter's environment as it is
                          "<command>": your own shell command, run in the checkout with a
                                fresh venv activated (IMPORTGATE_SIDE=base|head is set)
      --min-pairs N       at least N samples (measure) or pairs (compare) per target (20)
      --max-pairs N       at most N (200)
      --max-time SECONDS  time budget for warm-ups, profiles and samples; installs are
                          not counted (120)
      --sample-timeout SECONDS
                          one import taking longer is killed and reported (60)
      --warmup N          discarded rounds before sampling (3)
      --profile-runs N    untimed -X importtime runs per target and side (3)
      --seed N            seed for the run order, to reproduce a run
      --max-modules N     budget on modules loaded by importing any target
      --forbid MODULE     must not be imported by any target; repeatable
      --budget TARGET=DURATION
                          budget on a target's median import time; repeatable
      --json FILE         write the results document (schema 1) to FILE
      --markdown FILE     write the markdown report (the pull-request comment) to FILE
  -q, --quiet             no progress lines on stderr

Settings not given as flags come from [tool.importgate] in pyproject.toml (for compare,
from the base commit's), then the defaults shown.

Options for compare:
      --threshold PCT     relative change below which nothing fails (3%)
      --min-delta MS      absolute change below which nothing fails (0.5ms)
      --alpha P           one-sided significance level (0.01)

Exit status: 0 pass or improvement; 1 regression, budget breach or forbidden import;
             2 usage or setup error, or a target that could not be imported.
Colour: on when stdout is a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 on.`;

// The CLI as a function: arguments and streams in, exit status out.
const MEASURE_OPTIONS = {
    target: { type: 'string', short: 't', multiple: true },
    repo: { type: 'string', short: 'C' },
    'project-dir': { type: 'string' },
    python: { type: 'string' },
    install: { type: 'string' },
    'min-pairs': { type: 'string' },
    'max-pairs': { type: 'string' },
    'max-time': { type: 'string' },
    'sample-timeout': { type: 'string' },
    warmup: { type: 'string' },
    'profile-runs': { type: 'string' },
    seed: { type: 'string' },
    'max-modules': { type: 'string' },
    forbid: { type: 'string', multiple: true },
    budget: { type: 'string', multiple: true },
    metric: { type: 'string', multiple: true },
    json: { type: 'string' },
    markdown: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
};
const COMPARE_OPTIONS = {
    ...MEASURE_OPTIONS,
    threshold: { type: 'string' },
    'min-delta': { type: 'string' },
    alpha: { type: 'string' },
};
/** 0 pass or improvement; 1 a failing verdict; 2 an error. */
function exitStatus(doc) {
    if (doc.verdict === 'error')
        return 2;
    return doc.verdict === 'pass' || doc.verdict === 'improvement' ? 0 : 1;
}
function parse(args, options) {
    try {
        return parseArgs({ args, options, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw new UsageError(`${error.message}\nRun importgate --help for the options.`);
    }
}
/** Where --json and --markdown go; only the CLI writes them. */
function outputPaths(values, cwd) {
    return {
        jsonPath: values.json ? resolve(cwd, values.json) : null,
        markdownPath: values.markdown ? resolve(cwd, values.markdown) : null,
    };
}
function progress(values, io) {
    return values.quiet ? () => { } : (line) => io.stderr.write(`importgate: ${line}\n`);
}
async function runMeasure(args, io) {
    const { values, positionals } = parse(args, MEASURE_OPTIONS);
    if (positionals.length > 0) {
        throw new UsageError(`measure takes no positional arguments, got ${JSON.stringify(positionals)}; give targets with -t MODULE`);
    }
    const request = measureRequest(values, io.cwd);
    const log = progress(values, io);
    const doc = await measure(request, { env: io.env, cwd: io.cwd, log, signal: io.signal });
    return finish(doc, measureReport, outputPaths(values, io.cwd), io, log);
}
async function runCompare(args, io) {
    const { values, positionals } = parse(args, COMPARE_OPTIONS);
    const request = compareRequest(values, positionals, io.cwd);
    const log = progress(values, io);
    const doc = await compare(request, { env: io.env, cwd: io.cwd, log, signal: io.signal });
    return finish(doc, compareReport, outputPaths(values, io.cwd), io, log);
}
async function finish(doc, report, paths, io, log) {
    const style = useColor(io.stdout.isTTY, io.env) ? COLOR : PLAIN;
    io.stdout.write(`${report(doc, style)}\n`);
    const write = async (path, text, what) => {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, text);
        log(`${what} written to ${path}`);
    };
    if (paths.jsonPath)
        await write(paths.jsonPath, `${JSON.stringify(doc, null, 2)}\n`, 'results');
    if (paths.markdownPath)
        await write(paths.markdownPath, markdownReport(doc), 'markdown report');
    return exitStatus(doc);
}
async function runCli(argv, io) {
    const [command, ...rest] = argv;
    try {
        if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
            io.stdout.write(`${USAGE}\n`);
            return command === undefined ? 2 : 0;
        }
        if (command === '--version' || command === '-V') {
            io.stdout.write(`importgate ${VERSION}\n`);
            return 0;
        }
        if (rest.includes('--help') || rest.includes('-h')) {
            io.stdout.write(`${USAGE}\n`);
            return 0;
        }
        if (command === 'measure')
            return await runMeasure(rest, io);
        if (command === 'compare')
            return await runCompare(rest, io);
        throw new UsageError(`unknown command "${command}"; use measure or compare (importgate --help)`);
    }
    catch (error) {
        if (error instanceof UsageError || error instanceof SetupError) {
            io.stderr.write(`importgate: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
}

// CLI entry: wires the process (argv, streams, signals) into runCli.
const controller = new AbortController();
let interrupted = false;
for (const name of ['SIGINT', 'SIGTERM']) {
    process.on(name, () => {
        if (interrupted)
            process.exit(130); // a second signal: stop waiting for cleanup
        interrupted = true;
        process.stderr.write(`importgate: ${name}: stopping and cleaning up\n`);
        controller.abort();
        killAllChildGroups();
    });
}
runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
}).then((status) => {
    process.exitCode = interrupted ? 130 : status;
}, (error) => {
    process.stderr.write(`importgate: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
});
