// Tiny infusion dose calculator shared by every fixture suite.
const MAX_RATE_ML_PER_H = 999;

function dose(weightKg, mgPerKg) {
  if (weightKg < 0) throw new RangeError('weight must not be negative');
  return weightKg * mgPerKg;
}

const capRate = (mlPerH) => Math.min(mlPerH, MAX_RATE_ML_PER_H);
const formatDisplay = (mg) => `${mg.toFixed(1)} mg`;

function loadPumpConfig(path) {
  throw new Error(`pump configuration not found: ${path}`);
}

module.exports = { MAX_RATE_ML_PER_H, dose, capRate, formatDisplay, loadPumpConfig };
