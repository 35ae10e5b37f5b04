"""95% intervals for a latency and for the ratio of two latencies timed in paired rounds.

The method: the median with a distribution-free interval from order statistics (the sign test's
interval). For n values, the interval is [x_(k), x_(n+1-k)] of the sorted values, with k the largest
rank such that P(Binomial(n, 1/2) < k) <= 2.5%: the true median lies below x_(k) only when fewer than
k values fall below it. Why this one:
- latencies are skewed and heavy-tailed (a preempted call takes ten times the usual), so intervals
  that assume a normal distribution (mean ± t·s) are wrong exactly where it matters, and the median
  ignores the tail instead of being pulled by it;
- it is exact for any continuous distribution and deterministic: the same samples give the same
  interval, so tests have known answers (a bootstrap would need a seed and thousands of resamples);
- it costs one sort.
A ratio is timed in rounds: each round calls both sides back to back, so what slows the machine for
a moment (another job, a frequency change) slows both calls of a round alike and cancels in the
round's ratio. The speedup is exp(median of the rounds' log-ratios) with the same interval on those
log-ratios; it assumes rounds are independent, which interleaving makes closer to true than two
separate runs. Below 6 values no 95% interval exists (2 / 2^5 > 5%): the interval is then the range
of the values, and too few rounds always counts as noisy.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass

CONFIDENCE = 0.95
# Fewer paired rounds than this is too few to tell, whatever the interval says.
MIN_ROUNDS = 10
# A speedup whose interval reaches further than this from it (either side) is noisy: ±10%.
NOISE_BOUND = 0.10
# A side whose slowest tenth of calls (p90) takes this many times its fastest tenth (p10) is noisy:
# something else competed for the machine while it was timed.
SPREAD_BOUND = 2.0


# Up to this many values the ranks come from exact binomial sums (big integers grow with n); above
# it from the normal approximation, which is within one rank of them there, never narrower.
EXACT_UP_TO = 1000
Z_975 = 1.959963984540054


def median_ranks(n: int) -> tuple[int, int] | None:
    """0-based indices (lo, hi) into n sorted values bounding the median at 95%, or None below 6
    values. Exact binomial sums in integers (no rounding) up to EXACT_UP_TO values."""
    if n > EXACT_UP_TO:
        k = math.floor((n - Z_975 * math.sqrt(n)) / 2)
        return k - 1, n - k
    total = 2**n
    cumulative = 0  # sum of C(n, j) for j < k
    term = 1  # C(n, k)
    k = 0
    # The largest k with P(B < k) <= (1 - CONFIDENCE) / 2, i.e. 40 * sum_{j<k} C(n, j) <= 2^n.
    while k < n // 2 and 40 * (cumulative + term) <= total:
        cumulative += term
        term = term * (n - k) // (k + 1)
        k += 1
    if k == 0:
        return None
    return k - 1, n - k


def median_interval(values: list[float]) -> tuple[float, float]:
    """The 95% interval of the median of `values` (their range when there are fewer than 6)."""
    ordered = sorted(values)
    ranks = median_ranks(len(ordered))
    if ranks is None:
        return ordered[0], ordered[-1]
    return ordered[ranks[0]], ordered[ranks[1]]


@dataclass(frozen=True)
class Ratio:
    """numerator / denominator of paired rounds: the estimate and its 95% interval."""

    estimate: float
    low: float
    high: float
    rounds: int

    @property
    def clear(self) -> bool:
        """The interval excludes 1: the two sides differ beyond the noise."""
        return self.low > 1.0 or self.high < 1.0

    def wide(self) -> bool:
        """The interval reaches further than NOISE_BOUND from the estimate on either side."""
        return self.low < self.estimate * (1 - NOISE_BOUND) or self.high > self.estimate * (1 + NOISE_BOUND)


def paired_ratio(numerator: list[float], denominator: list[float]) -> Ratio:
    """The ratio numerator/denominator of rounds timed side by side (round i of each list was timed
    together), as exp(median log-ratio) with its 95% interval."""
    if len(numerator) != len(denominator) or not numerator:
        raise ValueError("paired rounds need the same number of values on both sides, at least one")
    logs = [math.log(a) - math.log(b) for a, b in zip(numerator, denominator, strict=True)]
    low, high = median_interval(logs)
    return Ratio(math.exp(statistics.median(logs)), math.exp(low), math.exp(high), len(logs))


def spread(p10: float, p90: float) -> float:
    """p90 / p10: how much slower the slowest tenth of calls is than the fastest tenth."""
    return p90 / p10 if p10 > 0 else math.inf
