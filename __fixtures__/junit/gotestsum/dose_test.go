package dose

import "testing"

func TestSRS001ComputesDose(t *testing.T) {
	got, err := Dose(70, 0.5)
	if err != nil || got != 35 {
		t.Fatalf("Dose(70, 0.5) = %v, %v; want 35", got, err)
	}
}

func TestSRS002RejectsNegativeWeight(t *testing.T) {
	if _, err := Dose(-1, 0.5); err == nil {
		t.Fatal("Dose(-1, 0.5) returned no error")
	}
}

// Deliberate failure: Dose does not round.
func TestSRS003RoundsDose(t *testing.T) {
	if got, _ := Dose(3.33, 1.0); got != 3.3 {
		t.Errorf("dose must be rounded to 0.1 mg: got %v, want 3.3", got)
	}
}

func TestSRS004AlarmsOnOcclusion(t *testing.T) {
	t.Skip("occlusion sensor not simulated")
}

func TestFormatsTheDisplay(t *testing.T) {
	if got := FormatDisplay(35); got != "35.0 mg" {
		t.Errorf("FormatDisplay(35) = %q", got)
	}
}

func TestSRS006SRS007LimitsTheRate(t *testing.T) {
	if MaxRateMlPerH > 1200 {
		t.Errorf("max rate %v above 1200", MaxRateMlPerH)
	}
}

// Two levels of subtests below a test that carries the ID.
func TestSRS008Bolus(t *testing.T) {
	t.Run("limits", func(t *testing.T) {
		t.Run("caps at max", func(t *testing.T) {
			if got := CapRate(1500); got != MaxRateMlPerH {
				t.Errorf("CapRate(1500) = %v", got)
			}
		})
	})
}

func TestDisplay(t *testing.T) {
	t.Run(`SRS-001: handles µg & "quoted" <b>|pipes|</b>`, func(t *testing.T) {
		if got := FormatDisplay(0.5); got != "0.5 mg" {
			t.Errorf("FormatDisplay(0.5) = %q", got)
		}
	})
}

// Deliberate error: a nil pointer dereference panics. A panic ends the whole test binary,
// so this test is last in the file.
func TestSRS005ReadsPumpConfig(t *testing.T) {
	cfg := LoadPumpConfig("missing.cfg")
	if cfg.MaxRate != MaxRateMlPerH {
		t.Errorf("max rate %v", cfg.MaxRate)
	}
}
