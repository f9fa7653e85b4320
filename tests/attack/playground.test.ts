// A short seeded slice of the playground HTTP attack (npm run attack runs the full count).
import { expect, it } from 'vitest';
import { SEED } from './harness';
import { PLAYGROUND_ATTACK } from './playground';

it(PLAYGROUND_ATTACK.name, async () => {
  const outcome = await PLAYGROUND_ATTACK.run(PLAYGROUND_ATTACK.slice, SEED);
  expect(outcome.examples).toEqual([]);
  expect(outcome.tried).toBe(PLAYGROUND_ATTACK.slice);
}, 120_000);
