// Tiny infusion dose calculator shared by every fixture suite.
#pragma once
#include <cstdio>
#include <stdexcept>
#include <string>

constexpr double kMaxRateMlPerH = 999.0;

inline double dose(double weight_kg, double mg_per_kg) {
  if (weight_kg < 0) throw std::invalid_argument("weight must not be negative");
  return weight_kg * mg_per_kg;
}

inline double cap_rate(double ml_per_h) { return ml_per_h > kMaxRateMlPerH ? kMaxRateMlPerH : ml_per_h; }

inline std::string format_display(double mg) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f mg", mg);
  return buf;
}

inline double load_pump_config(const std::string& path) {
  throw std::runtime_error("pump configuration not found: " + path);
}
