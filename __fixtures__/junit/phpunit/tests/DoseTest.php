<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

final class DoseTest extends TestCase
{
    public function testSrs001ComputesDoseFromWeight(): void
    {
        $this->assertEqualsWithDelta(35.0, dose(70, 0.5), 1e-9);
    }

    public function testSrs002RejectsNegativeWeight(): void
    {
        $this->expectException(InvalidArgumentException::class);
        dose(-1, 0.5);
    }

    // Deliberate failure: dose() does not round.
    public function testSrs003RoundsDoseToTenthMg(): void
    {
        $this->assertSame(3.3, dose(3.33, 1.0), 'dose must be rounded to 0.1 mg');
    }

    public function testSrs004AlarmsOnOcclusion(): void
    {
        $this->markTestSkipped('occlusion sensor not simulated');
    }

    public function testFormatsTheDisplay(): void
    {
        $this->assertSame('35.0 mg', format_display(35));
    }

    // Deliberate error: an exception outside any assertion.
    public function testSrs005ReadsPumpConfig(): void
    {
        $config = load_pump_config('missing.cfg');
        $this->assertSame(MAX_RATE_ML_PER_H, $config['max_rate']);
    }

    public function testSrs006Srs007LimitsTheRate(): void
    {
        $this->assertLessThanOrEqual(1200.0, MAX_RATE_ML_PER_H);
    }

    /**
     * @dataProvider labels
     */
    public function testDisplayLabel(string $label): void
    {
        $this->assertStringContainsString('µg', $label);
    }

    public function labels(): array
    {
        return ['SRS-001: handles µg & "quoted" <b>|pipes|</b>' => ['µg & "quoted" <b>|pipes|</b>']];
    }
}
