// Properties of the scoring contract that must hold for every input, not just the examples.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapCells } from '../../src/core/grid';
import { scoreOne } from '../../src/core/score';
import { type Cell, InputError } from '../../src/core/values';

const num = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const cell: fc.Arbitrary<Cell> = fc.oneof(
  num,
  fc.constantFrom('', null, 'abc', '45%', '1,000', ' 7 ', true, false),
  num.map((n) => String(n)),
);
const type = fc.constantFrom(
  'auto',
  'increase',
  'decrease',
  'at least',
  'at most',
  'yes/no',
  'milestone',
  '',
);

function outcome(b: Cell, t: Cell, c: Cell, ty: Cell, cap?: number): number | '' | 'error' {
  try {
    return scoreOne(b, t, c, ty, cap);
  } catch (e) {
    if (e instanceof InputError) return 'error';
    throw e;
  }
}

describe('scoreOne properties', () => {
  it('is always within [0, cap], blank, or an InputError: never NaN or another exception', () => {
    fc.assert(
      fc.property(cell, cell, cell, type, fc.constantFrom(1, 1.5, 2), (b, t, c, ty, cap) => {
        const s = outcome(b, t, c, ty, cap);
        if (typeof s === 'number') {
          expect(Number.isNaN(s)).toBe(false);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(cap);
        } else {
          expect(['', 'error']).toContain(s);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never decreases as current moves toward the target', () => {
    fc.assert(
      fc.property(num, num, num, num, (b, t, c1, c2) => {
        fc.pre(b !== t);
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const sLo = scoreOne(b, t, lo) as number;
        const sHi = scoreOne(b, t, hi) as number;
        if (t > b) expect(sHi).toBeGreaterThanOrEqual(sLo);
        else expect(sLo).toBeGreaterThanOrEqual(sHi);
      }),
      { numRuns: 2000 },
    );
  });

  it('mirrors: an increase scores like the negated decrease', () => {
    fc.assert(
      fc.property(num, num, num, (b, t, c) => {
        fc.pre(b < t);
        // negation is exact in floating point, so the two scores must be equal to the last digit we keep
        expect(scoreOne(b, t, c, 'increase')).toBe(scoreOne(-b, -t, -c, 'decrease'));
      }),
      { numRuns: 2000 },
    );
  });

  it('mirrors: walking from target back to baseline scores the distance left', () => {
    // whole numbers (as counts, NPS, hours are) keep b + t − c exact; with arbitrary floats the test's own
    // arithmetic would cancel catastrophically near ±1e6, which says nothing about scoreOne
    const whole = fc.integer({ min: -1_000_000, max: 1_000_000 });
    fc.assert(
      fc.property(whole, whole, whole, (b, t, c) => {
        fc.pre(b !== t);
        expect(scoreOne(b, t, c, 'auto')).toBeCloseTo(scoreOne(t, b, b + t - c, 'auto') as number, 9);
      }),
      { numRuns: 2000 },
    );
  });

  it('in column form equals the scalar form row by row, one bad row poisoning nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell, type), { minLength: 2, maxLength: 40 }), (rows) => {
        const col = (i: 0 | 1 | 2 | 3) => rows.map((r) => [r[i]]);
        const result = mapCells(
          'OKR_SCORE',
          [
            ['baseline', col(0)],
            ['target', col(1)],
            ['current', col(2)],
            ['type', col(3)],
          ] as const,
          (b, t, c, ty) => scoreOne(b, t, c, ty),
        ) as Cell[][];
        expect(result).toHaveLength(rows.length);
        rows.forEach(([b, t, c, ty], i) => {
          const s = outcome(b, t, c, ty);
          const got = result[i]?.[0];
          if (s === 'error') expect(String(got)).toMatch(/^#ERROR: /);
          else expect(got).toBe(s);
        });
      }),
      { numRuns: 500 },
    );
  });
});
