// The sidebar shows numbers in the spreadsheet's locale (State.locale, set by the store when the state loads),
// and fills its forms with text the server reads back in that locale.
import { afterEach, describe, expect, it } from 'vitest';
import { readQuantity } from '../../src/core/units';
import { editableValue, formatCount, formatValue, percent, showNumbersIn } from '../../src/sidebar/format';

afterEach(() => showNumbersIn('en_US'));

describe('numbers in the sidebar', () => {
  it.each([
    ['en_US', ['70%', '6.5%', '$165,000', '36\u00a0h', '1,234'], ['0.7', '6.5%', '$4.99']],
    [
      'de_DE',
      ['70\u00a0%', '6,5\u00a0%', '165.000\u00a0$', '36\u00a0h', '1.234'],
      ['0,7', '6,5\u00a0%', '4,99\u00a0$'],
    ],
    [
      'fr_FR',
      ['70\u00a0%', '6,5\u00a0%', '165\u202f000\u00a0$', '36\u00a0h', '1\u202f234'],
      ['0,7', '6,5\u00a0%', '4,99\u00a0$'],
    ],
  ])('in %s read %j and fill forms with %j', (locale, shown, filled) => {
    showNumbersIn(locale);
    expect([
      percent(0.7),
      formatValue(0.065, '%'),
      formatValue(165_000, '$'),
      formatValue(36, 'h'),
      formatCount(1234),
    ]).toEqual(shown);
    expect([editableValue(0.7), editableValue(0.065, '%'), editableValue(4.99, '$')]).toEqual(filled);
    // what a form shows, the server reads back as the same number in the same unit
    expect(filled.map((text) => readQuantity('', text, locale))).toEqual([
      { value: 0.7, unit: '' },
      { value: 0.065, unit: '%' },
      { value: 4.99, unit: '$' },
    ]);
  });

  it('shows en_US until the state has said otherwise, and an unknown locale as its language or en_US', () => {
    expect(percent(0.5)).toBe('50%');
    showNumbersIn('de_AT');
    expect(formatValue(0.5, '')).toBe('0,5');
    showNumbersIn('xx_YY');
    expect(formatValue(0.5, '')).toBe('0.5');
  });
});
