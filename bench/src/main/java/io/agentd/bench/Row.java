package io.agentd.bench;

import java.util.List;
import java.util.Locale;

/**
 * One line of the table: what agentd did, what the baseline did in the same run, their ratio, and the
 * target with whether it was met.
 *
 * @param higherIsBetter true for rates, false for times and sizes
 * @param met null when the figure has no target of its own
 */
record Row(String metric, double agentd, double baseline, String unit, boolean higherIsBetter, String target,
           Boolean met, String note) {

    static Row rate(String metric, double agentd, double baseline, String unit, double min, String note) {
        return new Row(metric, agentd, baseline, unit, true, min > 0 ? "≥ " + fmt(min) + " " + unit : "-",
                min > 0 ? agentd >= min : null, note);
    }

    static Row cost(String metric, double agentd, double baseline, String unit, double max, String note) {
        return new Row(metric, agentd, baseline, unit, false, max > 0 ? "≤ " + fmt(max) + " " + unit : "-",
                max > 0 ? agentd <= max : null, note);
    }

    static Row failed(String metric, String why) {
        return new Row(metric, Double.NaN, Double.NaN, "", true, "-", false, "FAILED: " + why);
    }

    String ratio() {
        if (Double.isNaN(agentd) || Double.isNaN(baseline) || baseline == 0) {
            return "-";
        }
        double r = agentd / baseline;
        return higherIsBetter ? String.format(Locale.ROOT, "%.0f %%", r * 100) : String.format(Locale.ROOT, "%.2fx", r);
    }

    static void print(List<Row> rows) {
        String head = "%-44s %14s %14s %-6s %8s  %-18s %-5s %s%n";
        System.out.printf(Locale.ROOT, head, "metric", "agentd", "baseline", "unit", "ratio", "target", "ok", "baseline is");
        System.out.println("-".repeat(150));
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, head, r.metric(), fmt(r.agentd()), fmt(r.baseline()), r.unit(), r.ratio(),
                    r.target(), r.met() == null ? "" : r.met() ? "yes" : "NO", r.note());
        }
        System.out.println("ratio: agentd / baseline, as % for rates (higher is better), as x for times and sizes (lower is better)");
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
