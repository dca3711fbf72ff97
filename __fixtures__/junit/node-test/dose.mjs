// Tiny infusion dose calculator shared by every fixture suite.
export const MAX_RATE_ML_PER_H = 999;

export function dose(weightKg, mgPerKg) {
  if (weightKg < 0) throw new RangeError('weight must not be negative');
  return weightKg * mgPerKg;
}

export const capRate = (mlPerH) => Math.min(mlPerH, MAX_RATE_ML_PER_H);
export const formatDisplay = (mg) => `${mg.toFixed(1)} mg`;

export function loadPumpConfig(path) {
  throw new Error(`pump configuration not found: ${path}`);
}
