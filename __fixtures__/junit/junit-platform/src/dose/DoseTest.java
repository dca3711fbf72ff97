package dose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

@DisplayName("Infusion dose calculator")
class DoseTest {
  @Test
  @DisplayName("SRS-001: computes dose from weight")
  void computesDoseFromWeight() {
    assertEquals(35.0, Dose.dose(70, 0.5), 1e-9);
  }

  @Test
  @DisplayName("SRS-002: rejects negative weight")
  void rejectsNegativeWeight() {
    assertThrows(IllegalArgumentException.class, () -> Dose.dose(-1, 0.5));
  }

  // Deliberate failure: dose() does not round.
  @Test
  @DisplayName("SRS-003: rounds dose to 0.1 mg")
  void roundsDoseToTenthMg() {
    assertEquals(3.3, Dose.dose(3.33, 1.0), "dose must be rounded to 0.1 mg");
  }

  @Test
  @Disabled("occlusion sensor not simulated")
  @DisplayName("SRS-004: alarms on occlusion")
  void alarmsOnOcclusion() {}

  @Test
  @DisplayName("formats the display")
  void formatsTheDisplay() {
    assertEquals("35.0 mg", Dose.formatDisplay(35));
  }

  // Deliberate error: an exception that is not an AssertionError.
  @Test
  @DisplayName("SRS-005: reads pump config")
  void readsPumpConfig() {
    double maxRate = Dose.loadPumpConfig("missing.cfg");
    assertEquals(Dose.MAX_RATE_ML_PER_H, maxRate);
  }

  // The IDs are given only as a report entry.
  @Test
  @DisplayName("limits the rate")
  void limitsTheRate(TestReporter reporter) {
    reporter.publishEntry("requirements", "SRS-006, SRS-007");
    assertTrue(Dose.MAX_RATE_ML_PER_H <= 1200.0);
  }

  @Test
  @DisplayName("SRS-001: handles µg & \"quoted\" <b>|pipes|</b>")
  void handlesSpecialCharacters() {
    assertEquals("0.5 mg", Dose.formatDisplay(0.5));
  }

  // Two levels: the ID is in the outer nested class (display name and class name) only.
  @Nested
  @DisplayName("SRS-008 bolus")
  class Srs008Bolus {
    @Nested
    @DisplayName("limits")
    class Limits {
      @Test
      @DisplayName("caps at max")
      void capsAtMax() {
        assertEquals(Dose.MAX_RATE_ML_PER_H, Dose.capRate(1500.0));
      }
    }
  }
}
