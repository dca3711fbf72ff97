<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

// Two levels: class Srs008BolusTest > method testLimits > named data sets.
final class Srs008BolusTest extends TestCase
{
    /**
     * @dataProvider rates
     */
    public function testLimits(float $requested, float $expected): void
    {
        $this->assertSame($expected, cap_rate($requested));
    }

    public function rates(): array
    {
        return [
            'caps at max' => [1500.0, MAX_RATE_ML_PER_H],
            'passes lower rates' => [500.0, 500.0],
        ];
    }
}
