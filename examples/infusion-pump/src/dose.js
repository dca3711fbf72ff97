/** Dose in mg for a patient's weight in kg and a prescription in mg/kg, rounded to 0.1 mg. */
export function dose(weightKg, mgPerKg) {
  if (!(weightKg >= 0)) throw new RangeError('weight must be zero or more');
  return Math.round(weightKg * mgPerKg * 10) / 10;
}

/** Highest infusion rate the pump accepts, in mL/h. */
export const MAX_RATE_ML_PER_H = 999;

export function limitRate(rate) {
  return Math.min(rate, MAX_RATE_ML_PER_H);
}
