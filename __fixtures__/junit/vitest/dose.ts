// Tiny infusion dose calculator shared by every fixture suite.
export const MAX_RATE_ML_PER_H = 999;

export function dose(weightKg: number, mgPerKg: number): number {
  if (weightKg < 0) throw new RangeError('weight must not be negative');
  return weightKg * mgPerKg;
}

export const capRate = (mlPerH: number): number => Math.min(mlPerH, MAX_RATE_ML_PER_H);
export const formatDisplay = (mg: number): string => `${mg.toFixed(1)} mg`;

export function loadPumpConfig(path: string): { maxRate: number } {
  throw new Error(`pump configuration not found: ${path}`);
}
