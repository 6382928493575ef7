package io.strata.query.function.timeseries;

/**
 * The natural cubic spline through distinct points: on each interval a cubic, with continuous first
 * and second derivatives at the inner points and zero second derivative at both ends. The second
 * derivatives come from the usual tridiagonal system solved by the Thomas algorithm in O(n). Time
 * is rescaled to [0, 1] over the observed range so nanosecond magnitudes do not hurt conditioning.
 */
final class NaturalCubicSpline {
    private final long start;
    private final double span;
    private final double[] x;
    private final double[] y;
    private final double[] secondDerivatives;
    private final long[] times;

    private NaturalCubicSpline(NumericPoints points) {
        this.times = points.times();
        int n = times.length;
        this.start = n == 0 ? 0 : times[0];
        this.span = n < 2 ? 1.0 : (double) (times[n - 1] - times[0]);
        this.x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (times[i] - start) / span;
        }
        this.y = points.values();
        this.secondDerivatives = solve(x, y);
    }

    static NaturalCubicSpline through(NumericPoints points) {
        return new NaturalCubicSpline(points);
    }

    private static double[] solve(double[] x, double[] y) {
        int n = x.length;
        double[] m = new double[n];
        if (n < 3) {
            return m;
        }
        // Unknowns m[1..n-2]; row i: h[i-1] m[i-1] + 2(h[i-1]+h[i]) m[i] + h[i] m[i+1] = rhs[i].
        double[] diagonal = new double[n];
        double[] rhs = new double[n];
        double[] upper = new double[n];
        for (int i = 1; i < n - 1; i++) {
            double left = x[i] - x[i - 1];
            double right = x[i + 1] - x[i];
            diagonal[i] = 2 * (left + right);
            upper[i] = right;
            rhs[i] = 6 * ((y[i + 1] - y[i]) / right - (y[i] - y[i - 1]) / left);
            if (i > 1) {
                double factor = left / diagonal[i - 1];
                diagonal[i] -= factor * upper[i - 1];
                rhs[i] -= factor * rhs[i - 1];
            }
        }
        for (int i = n - 2; i >= 1; i--) {
            m[i] = (rhs[i] - upper[i] * m[i + 1]) / diagonal[i];
        }
        return m;
    }

    /** The spline's value at {@code time}, or null outside [first, last] or for an empty series. */
    Double valueAt(long time) {
        int n = times.length;
        if (n == 0 || time < times[0] || time > times[n - 1]) {
            return null;
        }
        int index = java.util.Arrays.binarySearch(times, time);
        if (index >= 0) {
            return y[index];
        }
        int right = -index - 1;
        int left = right - 1;
        double position = (time - start) / span;
        double h = x[right] - x[left];
        double a = x[right] - position;
        double b = position - x[left];
        return secondDerivatives[left] * a * a * a / (6 * h)
                + secondDerivatives[right] * b * b * b / (6 * h)
                + (y[left] / h - secondDerivatives[left] * h / 6) * a
                + (y[right] / h - secondDerivatives[right] * h / 6) * b;
    }
}
