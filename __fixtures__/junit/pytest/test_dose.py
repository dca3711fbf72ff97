import pytest

from dose import MAX_RATE_ML_PER_H, dose, format_display


def test_srs_001_computes_dose_from_weight():
    assert dose(70, 0.5) == 35


def test_srs_002_rejects_negative_weight():
    with pytest.raises(ValueError):
        dose(-1, 0.5)


def test_srs_003_rounds_dose_to_0_1_mg():
    # Deliberate failure: dose() does not round.
    assert dose(3.33, 1.0) == 3.3, "dose must be rounded to 0.1 mg"


@pytest.mark.skip(reason="occlusion sensor not simulated")
def test_srs_004_alarms_on_occlusion():
    pass


def test_formats_the_display():
    assert format_display(35) == "35.0 mg"


@pytest.fixture
def pump_config():
    # Deliberate error in setup: pytest reports it as <error>, not <failure>.
    raise RuntimeError("pump configuration not found")


def test_srs_005_reads_pump_config(pump_config):
    assert pump_config["max_rate"] == MAX_RATE_ML_PER_H


def test_limits_the_rate(record_property):
    record_property("requirements", "SRS-006, SRS-007")
    assert MAX_RATE_ML_PER_H <= 1200


class TestSRS008Bolus:
    class TestLimits:
        def test_caps_at_max(self):
            assert min(1500.0, MAX_RATE_ML_PER_H) == MAX_RATE_ML_PER_H


@pytest.mark.parametrize("label", ['SRS-001: handles µg & "quoted" <b>|pipes|</b>'], ids=lambda s: s)
def test_display_label(label):
    assert "µg" in label
