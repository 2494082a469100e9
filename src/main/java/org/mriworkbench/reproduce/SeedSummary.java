package org.mriworkbench.reproduce;

import org.mriworkbench.core.SeedStatistics;
import org.mriworkbench.eval.BootstrapInterval;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One headline metric over the seeds of a reference config: each seed's estimate with its 95% interval, and their mean
 * and sample standard deviation. A single seed's figure mixes the recipe with the luck of one initialisation; the
 * spread across seeds says how much of a difference between two recipes is the seed, which no bootstrap over test
 * images can show.
 *
 * @param metric  the metric's name as tables show it
 * @param seeds   the seeds, in order
 * @param perSeed each seed's interval (null where the run did not give the metric)
 * @param mean    mean of the defined estimates
 * @param sd      sample standard deviation (n - 1) of the defined estimates; NaN with fewer than two
 */
public record SeedSummary(String metric, List<Long> seeds, List<BootstrapInterval> perSeed, double mean, double sd) {

    public SeedSummary {
        Objects.requireNonNull(metric, "metric");
        seeds = List.copyOf(seeds);
        perSeed = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(perSeed));
        if (seeds.size() != perSeed.size()) {
            throw new IllegalArgumentException(seeds.size() + " seeds but " + perSeed.size() + " intervals");
        }
    }

    /** The summary of {@code perSeed} (one interval per seed; null or NaN estimates are left out of mean and sd). */
    public static SeedSummary of(String metric, List<Long> seeds, List<BootstrapInterval> perSeed) {
        double[] v = perSeed.stream().filter(Objects::nonNull).mapToDouble(BootstrapInterval::estimate)
                .filter(Double::isFinite).toArray();
        return new SeedSummary(metric, seeds, perSeed, SeedStatistics.mean(v), SeedStatistics.sd(v));
    }

    /** Every defined per-seed estimate is at least {@code bar}. */
    public boolean everySeedAtLeast(double bar) {
        return perSeed.stream().allMatch(b -> b != null && b.estimate() >= bar);
    }

    /** {@code "0.9512 ± 0.0034"}, or the mean alone with one seed. */
    public String meanSd() {
        if (!Double.isFinite(mean)) {
            return "n/a";
        }
        return Double.isFinite(sd) ? String.format(Locale.ROOT, "%.4f ± %.4f", mean, sd)
                : String.format(Locale.ROOT, "%.4f (one seed)", mean);
    }
}
