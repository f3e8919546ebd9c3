package io.github.camelgc.benchmarks;

import java.util.Locale;

/**
 * One line of the table: a figure of ours against a baseline measured in the same run.
 *
 * @param name          what is measured
 * @param unit          unit of both values
 * @param baselineLabel what the baseline is
 * @param baseline      the baseline's value
 * @param ours          our value
 * @param higherIsBetter whether the ratio is ours / baseline (throughput) or baseline / ours (cost)
 * @param target        the target, in words, or empty
 * @param met           whether the target is met ({@code null}: no target)
 */
record Figure(String name, String unit, String baselineLabel, double baseline, double ours, boolean higherIsBetter,
        String target, Boolean met) {

    /** How many times better ours is (> 1 better, < 1 worse). */
    double ratio() {
        if (baseline == 0 || ours == 0) {
            return higherIsBetter ? (baseline == 0 ? Double.NaN : ours / baseline) : (ours == 0 ? Double.NaN : baseline / ours);
        }
        return higherIsBetter ? ours / baseline : baseline / ours;
    }

    String line() {
        return String.format(Locale.ROOT, "%-48s baseline %12s %-8s | ours %12s %-8s | ratio %7s | %s%s", name,
                num(baseline), unit, num(ours), unit, ratioText(), target.isEmpty() ? "" : "target " + target,
                met == null ? "" : (met ? "  MET" : "  NOT MET"));
    }

    String ratioText() {
        double r = ratio();
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.2fx", r);
    }

    static String num(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 10 ? "%.1f" : "%.2f",
                value);
    }
}
