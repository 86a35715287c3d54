package dev.ec2inventory.bench;

import java.util.Arrays;
import java.util.List;

/** The median, minimum and maximum of a series of measurements, and how many there were. */
record Summary(double median, double min, double max, int count) {

    static Summary of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("nothing measured");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Summary(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    /** The nearest-rank percentile of {@code values}, 0 < p <= 100. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** "median (min–max)" in the given unit. */
    String describe(String format, String unit) {
        String withUnit = unit.isEmpty() ? "" : " " + unit;
        return String.format(format, median) + withUnit + " (" + String.format(format, min) + "–"
                + String.format(format, max) + ", n=" + count + ")";
    }
}
