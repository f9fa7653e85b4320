// npm run attack: runs every attack of tests/attack at its full count and prints the table README's Safety
// section shows (`attack | tried | failed`), then the first failures of any attack that found some. `npm test`
// runs a short seeded slice of the same attacks. `-- --slice` runs the slices; `-- --seed N` picks the seed.
import { FUNCTION_ATTACKS } from '../tests/attack/functions';
import { type Attack, type Outcome, SEED, table } from '../tests/attack/harness';
import { HTML_ATTACK } from '../tests/attack/html';
import { PLAYGROUND_ATTACK } from '../tests/attack/playground';
import { FORMULA_ATTACK, RPC_ATTACK } from '../tests/attack/rpc';

const args = process.argv.slice(2);
const slice = args.includes('--slice');
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : SEED;

const attacks: Attack[] = [...FUNCTION_ATTACKS, RPC_ATTACK, FORMULA_ATTACK, HTML_ATTACK, PLAYGROUND_ATTACK];
const outcomes: Outcome[] = [];
for (const attack of attacks) {
  const t0 = performance.now();
  const outcome = await attack.run(slice ? attack.slice : attack.full, seed);
  outcomes.push(outcome);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  process.stderr.write(`${attack.name}: ${outcome.tried} tried, ${outcome.failed} failed (${seconds} s)\n`);
}
console.log(table(outcomes));
for (const o of outcomes.filter((x) => x.failed > 0)) {
  console.log(`\n${o.attack}:`);
  for (const e of o.examples) console.log(`  ${e}`);
}
process.exitCode = outcomes.some((o) => o.failed > 0) ? 1 : 0;
