// One executable, one check per argument; CTest runs each check as its own test.
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "dose.hpp"

static int check(bool ok, const char* what) {
  if (ok) return 0;
  std::fprintf(stderr, "check failed: %s\n", what);
  return 1;
}

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const char* c = argv[1];
  if (!std::strcmp(c, "computes-dose")) return check(dose(70, 0.5) == 35.0, "dose(70, 0.5) == 35");
  if (!std::strcmp(c, "rejects-negative")) {
    try {
      dose(-1, 0.5);
    } catch (const std::invalid_argument&) {
      return 0;
    }
    return check(false, "dose(-1, 0.5) throws");
  }
  // Deliberate failure: dose() does not round.
  if (!std::strcmp(c, "rounds")) return check(dose(3.33, 1.0) == 3.3, "dose must be rounded to 0.1 mg");
  // 77 is the suite's SKIP_RETURN_CODE.
  if (!std::strcmp(c, "occlusion")) {
    std::printf("occlusion sensor not simulated\n");
    return 77;
  }
  if (!std::strcmp(c, "display")) return check(format_display(35) == "35.0 mg", "format_display(35)");
  // Deliberate error: an uncaught exception aborts the process.
  if (!std::strcmp(c, "pump-config")) return check(load_pump_config("missing.cfg") == kMaxRateMlPerH, "config");
  if (!std::strcmp(c, "rate")) return check(kMaxRateMlPerH <= 1200.0, "max rate <= 1200");
  if (!std::strcmp(c, "escaping")) return check(format_display(0.5) == "0.5 mg", "format_display(0.5)");
  std::fprintf(stderr, "unknown check %s\n", c);
  return 2;
}
