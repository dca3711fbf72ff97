package dose;

/** Tiny infusion dose calculator shared by every fixture suite. */
final class Dose {
  static final double MAX_RATE_ML_PER_H = 999.0;

  private Dose() {}

  static double dose(double weightKg, double mgPerKg) {
    if (weightKg < 0) throw new IllegalArgumentException("weight must not be negative");
    return weightKg * mgPerKg;
  }

  static double capRate(double mlPerH) {
    return Math.min(mlPerH, MAX_RATE_ML_PER_H);
  }

  static String formatDisplay(double mg) {
    return String.format(java.util.Locale.ROOT, "%.1f mg", mg);
  }

  static double loadPumpConfig(String path) {
    throw new IllegalStateException("pump configuration not found: " + path);
  }
}
