#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <stdexcept>

#include "dose.hpp"

TEST_CASE("SRS-001: computes dose from weight", "[SRS-001]") { REQUIRE(dose(70, 0.5) == Approx(35.0)); }

TEST_CASE("SRS-002: rejects negative weight", "[SRS-002]") {
  REQUIRE_THROWS_AS(dose(-1, 0.5), std::invalid_argument);
}

// Deliberate failure: dose() does not round.
TEST_CASE("SRS-003: rounds dose to 0.1 mg", "[SRS-003]") {
  INFO("dose must be rounded to 0.1 mg");
  CHECK(dose(3.33, 1.0) == 3.3);
}

// Catch2 v2 has no runtime skip (SKIP() arrived in v3.3); the hidden tag [.] keeps a test from running,
// and a hidden test does not appear in the report at all.
TEST_CASE("SRS-004: alarms on occlusion", "[.][SRS-004]") { FAIL("occlusion sensor not simulated"); }

TEST_CASE("formats the display") { REQUIRE(format_display(35) == "35.0 mg"); }

// Deliberate error: an exception escapes the test case outside any assertion.
TEST_CASE("SRS-005: reads pump config", "[SRS-005]") {
  double max_rate = load_pump_config("missing.cfg");
  REQUIRE(max_rate == kMaxRateMlPerH);
}

TEST_CASE("SRS-006 SRS-007: limits the rate", "[SRS-006][SRS-007]") { REQUIRE(kMaxRateMlPerH <= 1200.0); }

// Two levels of sections below a test case that carries the ID.
TEST_CASE("SRS-008 bolus", "[SRS-008]") {
  SECTION("limits") {
    SECTION("caps at max") { REQUIRE(cap_rate(1500.0) == kMaxRateMlPerH); }
    SECTION("passes lower rates") { REQUIRE(cap_rate(500.0) == 500.0); }
  }
}

TEST_CASE("SRS-001: handles µg & \"quoted\" <b>|pipes|</b>", "[SRS-001]") {
  REQUIRE(format_display(0.5) == "0.5 mg");
}
