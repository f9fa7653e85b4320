// Exact arithmetic for the attack suite's oracles: every finite double is a fraction of two integers, so
// (current − baseline) / (target − baseline) or a weighted average can be computed without overflow or
// rounding, then compared with what the add-on's floating-point code returned.

export interface Fraction {
  n: bigint;
  d: bigint;
}

/** A finite double as an exact fraction (the denominator a power of two). */
export function exact(x: number): Fraction {
  if (!Number.isFinite(x)) throw new Error(`not finite: ${x}`);
  let k = 0;
  let scaled = x;
  // doubling is exact, and a double is an integer after at most 1074 doublings
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    k++;
  }
  return { n: BigInt(scaled), d: 1n << BigInt(k) };
}

export const sub = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
export const add = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const mul = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.n, d: a.d * b.d });

/** a / b (b ≠ 0), sign kept in the numerator. */
export function div(a: Fraction, b: Fraction): Fraction {
  const n = a.n * b.d;
  const d = a.d * b.n;
  return d < 0n ? { n: -n, d: -d } : { n, d };
}

export function compare(a: Fraction, b: Fraction): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const isZero = (a: Fraction) => a.n === 0n;

/** The nearest double to a fraction whose value lies within a few orders of magnitude of 1 (a score). */
export function toNumber(a: Fraction): number {
  const SCALE = 1n << 64n;
  const q = (a.n * SCALE) / a.d;
  return Number(q) / 2 ** 64;
}

/** The double a fraction of any size is near: exact to about 15 significant digits. */
export function approx(a: Fraction): number {
  if (a.n === 0n) return 0;
  const sign = a.n < 0n ? -1 : 1;
  const n = a.n < 0n ? -a.n : a.n;
  // bring n/d into [2^62, 2^64) by a power of two, divide as integers, scale back
  const shift = BigInt(n.toString(2).length - a.d.toString(2).length - 63);
  const q = shift >= 0n ? n / (a.d << shift) : (n << -shift) / a.d;
  return sign * Number(q) * 2 ** Number(shift);
}

/** Whether a double is within `tolerance` of an exact value, relatively for large values. */
export function near(got: number, want: Fraction, tolerance = 1e-9): boolean {
  const w = approx(want);
  return Math.abs(got - w) <= tolerance * Math.max(1, Math.abs(w));
}
