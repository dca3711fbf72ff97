// Package dose is a tiny infusion dose calculator shared by every fixture suite.
package dose

import (
	"errors"
	"fmt"
)

// MaxRateMlPerH is the highest rate the pump delivers.
const MaxRateMlPerH = 999.0

// Dose returns the dose in mg for a weight in kg.
func Dose(weightKg, mgPerKg float64) (float64, error) {
	if weightKg < 0 {
		return 0, errors.New("weight must not be negative")
	}
	return weightKg * mgPerKg, nil
}

// CapRate limits a requested rate to MaxRateMlPerH.
func CapRate(mlPerH float64) float64 {
	if mlPerH > MaxRateMlPerH {
		return MaxRateMlPerH
	}
	return mlPerH
}

// FormatDisplay renders a dose for the pump display.
func FormatDisplay(mg float64) string { return fmt.Sprintf("%.1f mg", mg) }

// PumpConfig is the pump's configuration; nil until loaded.
type PumpConfig struct{ MaxRate float64 }

// LoadPumpConfig fails: there is no configuration in the test environment.
func LoadPumpConfig(path string) *PumpConfig { return nil }
