// What a form shows when the server refuses an input: the failure handler's text, stripped of the exception's
// name, split into messages under the fields they name.
import { describe, expect, it } from 'vitest';
import { fieldErrors, userMessage } from '../../src/sidebar/form/fieldErrors';
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

  it('keeps one message whole, "; " and all: the coaching advice stays under its field', () => {
    const message =
      'key result: target: baseline and target are both 400: that is a KPI to maintain, not a key result; use type "at least" or "at most"';
    expect(fieldErrors(message, ['target'])).toEqual({
      byField: {
        target:
          'baseline and target are both 400: that is a KPI to maintain, not a key result; use type "at least" or "at most"',
      },
      rest: [],
    });
  });

  it("speaks the user's words away from the field: no internal prefixes", () => {
    expect(userMessage('check-in: value: "abc" is not a number')).toBe('Value: "abc" is not a number');
    expect(userMessage('kpi: target: "x" is not a number; kpi: warnAt: "y" is not a number')).toBe(
      'Target: "x" is not a number Warn at: "y" is not a number',
    );
    expect(userMessage('another KPI change is in progress')).toBe('another KPI change is in progress');
  });
});
