#include <gtest/gtest.h>

#include <stdexcept>

#include "dose.hpp"

TEST(DoseTest, SRS_001_ComputesDoseFromWeight) { EXPECT_DOUBLE_EQ(dose(70, 0.5), 35.0); }

TEST(DoseTest, SRS_002_RejectsNegativeWeight) { EXPECT_THROW(dose(-1, 0.5), std::invalid_argument); }

// Deliberate failure: dose() does not round.
TEST(DoseTest, SRS_003_RoundsDoseTo0_1Mg) {
  EXPECT_DOUBLE_EQ(dose(3.33, 1.0), 3.3) << "dose must be rounded to 0.1 mg";
}

TEST(DoseTest, SRS_004_AlarmsOnOcclusion) { GTEST_SKIP() << "occlusion sensor not simulated"; }

// Disabled with the DISABLED_ prefix: never runs.
TEST(DoseTest, DISABLED_SRS_004_SilencesAlarm) { FAIL() << "not reached"; }

TEST(DoseTest, FormatsTheDisplay) { EXPECT_EQ(format_display(35), "35.0 mg"); }

// Deliberate error: an exception escapes the test body (googletest reports it as a failure).
TEST(DoseTest, SRS_005_ReadsPumpConfig) { EXPECT_EQ(load_pump_config("missing.cfg"), kMaxRateMlPerH); }

TEST(DoseTest, LimitsTheRate) {
  RecordProperty("requirements", "SRS-006, SRS-007");
  EXPECT_LE(kMaxRateMlPerH, 1200.0);
}

// Two levels: instantiation prefix SRS_008 > suite BolusLimits > test CapsAtMax/<n>.
class BolusLimits : public ::testing::TestWithParam<double> {};

TEST_P(BolusLimits, CapsAtMax) { EXPECT_LE(cap_rate(GetParam()), kMaxRateMlPerH); }

INSTANTIATE_TEST_SUITE_P(SRS_008, BolusLimits, ::testing::Values(500.0, 1500.0));
