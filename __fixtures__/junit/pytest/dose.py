"""Tiny infusion dose calculator shared by every fixture suite."""

MAX_RATE_ML_PER_H = 999.0


def dose(weight_kg, mg_per_kg):
    if weight_kg < 0:
        raise ValueError("weight must not be negative")
    return weight_kg * mg_per_kg


def format_display(mg):
    return f"{mg:.1f} mg"
