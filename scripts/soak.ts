// The season simulation, longer and randomised: plays tests/season/season.ts with many seeds and the test
// locales, printing what each season tried, and fails on the first broken invariant (naming seed and step, so
// `playSeason({ seed })` replays it). Usage: npm run soak [-- <seasons> [<first seed>]]
import { playSeason } from '../tests/season/season';

const seasons = Number(process.argv[2] ?? 5);
const first = Number(process.argv[3] ?? Date.now() % 100_000);
const locales = ['en_US', 'de_DE', 'fr_FR'];
let failed = false;
for (let i = 0; i < seasons; i++) {
  const seed = first + i;
  const locale = locales[i % locales.length]!;
  const started = Date.now();
  try {
    const r = playSeason({ seed, locale });
    const tried = new Map<string, number>();
    for (const t of r.tried) {
      const kind = t
        .replace(/^week \d+: /, '')
        .replace(/O\d+\.\d+/g, 'KR')
        .replace(/checks in .*/, 'checks in');
      tried.set(kind, (tried.get(kind) ?? 0) + 1);
    }
    console.log(
      `seed ${seed} (${locale}): ${r.steps} steps, ${r.checkIns} check-ins, ${r.invariantChecks} invariant checks, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const [kind, n] of tried) console.log(`  ${n} × ${kind}`);
  } catch (e) {
    failed = true;
    console.error(`FAILED ${(e as Error).message}`);
    break;
  }
}
process.exit(failed ? 1 : 0);
