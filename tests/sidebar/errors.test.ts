// What a form shows when the server refuses an input: the failure handler's text, stripped of the exception's
// name, split into messages under the fields they name.
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../src/sidebar/form/fieldErrors';
import { errorMessage } from '../../src/sidebar/rpc';

describe('server errors in forms', () => {
  it.each([
    ['InputError: kpi: target: "abc" is not a number', 'kpi: target: "abc" is not a number'],
    ['Error: another KPI change is in progress', 'another KPI change is in progress'],
    ['Exception: Service Spreadsheets failed', 'Service Spreadsheets failed'],
    ['ScriptException: x', 'x'],
    ['plain text', 'plain text'],
  ])('%s → %s', (raw, shown) => {
    expect(errorMessage(new Error(raw))).toBe(shown);
  });

  it('puts each part under the field it names; the rest stays a form-level message', () => {
    const message = errorMessage(
      new Error(
        'InputError: kpi: target: "abc" is not a number; kpi: warnAt: "x" is not a number; kpi: colour: unknown',
      ),
    );
    expect(fieldErrors(message, ['target', 'warnAt'])).toEqual({
      byField: { target: '"abc" is not a number', warnAt: '"x" is not a number' },
      rest: ['kpi: colour: unknown'],
    });
  });
});
