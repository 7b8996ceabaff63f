package br.com.healthmed.directory;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A doctor's rating totals: how many ratings and the sum of their stars. The average is kept as the
 * exact fraction {@code sum / count}, so filters and sorting never depend on rounding.
 */
public record Rating(long count, long sum) {

    public static final Rating NONE = new Rating(0, 0);

    public Rating {
        if (count < 0 || sum < count || sum > 5 * count) {
            throw new IllegalArgumentException("not a possible rating total");
        }
    }

    public Rating plus(int stars) {
        return new Rating(count + 1, sum + stars);
    }

    /** The average number of stars; empty before the first rating. */
    public Optional<Double> average() {
        return count == 0 ? Optional.empty() : Optional.of((double) sum / count);
    }

    /** True when there is at least one rating and the exact average is at least {@code minimum}. */
    public boolean atLeast(BigDecimal minimum) {
        return count > 0 && BigDecimal.valueOf(sum).compareTo(minimum.multiply(BigDecimal.valueOf(count))) >= 0;
    }

    /** Compares exact averages (cross-multiplied); unrated totals come below every rated one. */
    public static int compareAverages(Rating a, Rating b) {
        if (a.count == 0 || b.count == 0) {
            return Boolean.compare(a.count != 0, b.count != 0);
        }
        return Long.compare(a.sum * b.count, b.sum * a.count);
    }
}
