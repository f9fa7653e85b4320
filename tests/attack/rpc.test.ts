// A short seeded slice of the RPC attacks (npm run attack runs the full counts), and the inputs that once got
// through: a refused call changes nothing and names the field.
import { describe, expect, it } from 'vitest';
import { type Addon, call, newAddon, values } from '../helpers/addon';
import { seedOkrs } from '../helpers/okrs';
import { SEED } from './harness';
import { FORMULA_ATTACK, RPC_ATTACK } from './rpc';

describe('every RPC under hostile input', () => {
  it.each([RPC_ATTACK, FORMULA_ATTACK].map((a) => [a.name, a] as const))(
    '%s',
    async (_name, attack) => {
      const outcome = await attack.run(attack.slice, SEED);
      expect(outcome.examples).toEqual([]);
      expect(outcome.tried).toBe(attack.slice);
    },
    120_000,
  );
});

describe('inputs that once got through', () => {
  let addon: Addon;
  const refused = (name: string, ...args: unknown[]) => {
    const before = JSON.stringify(addon.toState());
    const result = addon.rpc(name, args);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(addon.toState())).toBe(before);
    return 'error' in result ? result.error : '';
  };
  const keyResults = () => values(addon, '2027-Q1 Key Results');

  it('a type named like an Object.prototype member is refused, naming the field', () => {
    addon = newAddon();
    seedOkrs(addon);
    for (const type of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(refused('saveKeyResult', { objectiveId: 'O1', title: 'x', type })).toMatch(
        /^InputError: key result: type: ".+" is not one of "auto"/,
      );
    }
    expect(keyResults().flat().join(' ')).not.toMatch(/native code|function Object/);
  });

  it.each([
    ['-1e300%', '1e300%', -1e298, 1e298],
    ['-1.7e308', '1.7e308', -1.7e308, 1.7e308],
  ])(
    'numbers typed as %s to %s are read as the numbers they are, and score without #NUM!',
    (b, t, nb, nt) => {
      addon = newAddon();
      seedOkrs(addon);
      const { id } = call<{ id: string }>(addon, 'saveKeyResult', {
        objectiveId: 'O1',
        title: 'x',
        baseline: b,
        target: t,
        current: 0,
      });
      const [header, ...rows] = keyResults();
      const row = rows.find((r) => r[0] === id)!;
      const at = (name: string) => row[header!.indexOf(name)];
      expect(at('Baseline')).toBe(nb);
      expect(at('Target')).toBe(nt);
      expect(at('Score')).toBe(0.5);
    },
  );

  it('null for a number of the settings is refused, not silently kept', () => {
    addon = newAddon();
    seedOkrs(addon);
    expect(refused('updateSettings', { fiscalStartMonth: null })).toMatch(/settings: fiscalStartMonth: /);
    expect(refused('updateSettings', { scoring: { cap: null } })).toMatch(/settings: scoring\.cap: /);
  });

  it('an argument that is one value is named in its refusal, not called "value"', () => {
    addon = newAddon();
    seedOkrs(addon);
    expect(refused('deleteKeyResult', 'constructor')).toMatch(
      /^InputError: delete: id: "constructor" is not a key/,
    );
    expect(refused('deleteObjective', 42)).toMatch(/^InputError: delete: id: 42 is not an objective ID/);
    expect(refused('deleteObjective', 'O1', 'yes')).toMatch(/^InputError: delete: options: /);
    expect(refused('untagKpi', '')).toMatch(/^InputError: untag: kpiId: /);
  });

  it('new targets keyed by "constructor" or "__proto__" set no target', () => {
    addon = newAddon();
    seedOkrs(addon);
    expect(
      refused('startNewQuarter', { quarter: '2027-Q2', carry: 'all', targets: { constructor: 5 } }),
    ).toMatch(/targets: names "constructor", which is not a key result ID/);
  });
});
