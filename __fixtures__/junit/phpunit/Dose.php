<?php
// Tiny infusion dose calculator shared by every fixture suite.
declare(strict_types=1);

const MAX_RATE_ML_PER_H = 999.0;

function dose(float $weightKg, float $mgPerKg): float
{
    if ($weightKg < 0) {
        throw new InvalidArgumentException('weight must not be negative');
    }
    return $weightKg * $mgPerKg;
}

function cap_rate(float $mlPerH): float
{
    return min($mlPerH, MAX_RATE_ML_PER_H);
}

function format_display(float $mg): string
{
    return sprintf('%.1f mg', $mg);
}

function load_pump_config(string $path): array
{
    throw new RuntimeException("pump configuration not found: $path");
}
