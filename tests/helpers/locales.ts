// The locales the end-to-end flows run in, and numbers as each one's users type them into the sidebar and see
// them in a cell, written out (not computed by the code under test), keyed by how en_US writes them.
import { NBSP, NNBSP } from '../../src/core/locale';

export const TEST_LOCALES = ['en_US', 'de_DE', 'fr_FR'] as const;
export type TestLocale = (typeof TEST_LOCALES)[number];

type ByLocale = Record<TestLocale, string>;
const same = (text: string): ByLocale => ({ en_US: text, de_DE: text, fr_FR: text });

/** What a user types, by what an en_US user types. */
const TYPED: Record<string, ByLocale> = {
  '6.5%': { en_US: '6.5%', de_DE: '6,5 %', fr_FR: '6,5 %' },
  '5.5%': { en_US: '5.5%', de_DE: '5,5 %', fr_FR: '5,5 %' },
  '1.5': { en_US: '1.5', de_DE: '1,5', fr_FR: '1,5' },
  '30%': { en_US: '30%', de_DE: '30 %', fr_FR: '30 %' },
  '60%': { en_US: '60%', de_DE: '60 %', fr_FR: '60 %' },
  '$165,000': { en_US: '$165,000', de_DE: '165.000 $', fr_FR: '165 000 $' },
  '$180,000': { en_US: '$180,000', de_DE: '180.000 $', fr_FR: `180${NNBSP}000${NBSP}$` },
  '$200,000': { en_US: '$200,000', de_DE: '200.000 $', fr_FR: '200 000 $' },
  '$60,000': { en_US: '$60,000', de_DE: '60.000 $', fr_FR: '60 000 $' },
  '$50,000': { en_US: '$50,000', de_DE: '50.000 $', fr_FR: '50 000 $' },
  '€12.50': { en_US: '€12.50', de_DE: '12,50 €', fr_FR: '12,50 €' },
  '€15': same('€15'),
  '36 h': same('36 h'),
  '24 h': same('24 h'),
  '8%': same('8%'),
  '5%': same('5%'),
  '6%': same('6%'),
  '12%': same('12%'),
  $5: same('$5'),
};

/** A number as a user of `locale` types it, for what an en_US user types as `en`. */
export function typed(locale: TestLocale, en: string): string {
  const t = TYPED[en];
  if (!t) throw new Error(`no typed form of ${JSON.stringify(en)} in the test table`);
  return t[locale];
}

/** What a cell shows (its format's pattern with the locale's marks), by what it shows in en_US. */
const SHOWN: Record<string, ByLocale> = {
  '$165,000': { en_US: '$165,000', de_DE: '$165.000', fr_FR: `$165${NNBSP}000` },
  '$159,000': { en_US: '$159,000', de_DE: '$159.000', fr_FR: `$159${NNBSP}000` },
  '$180,000': { en_US: '$180,000', de_DE: '$180.000', fr_FR: `$180${NNBSP}000` },
  '$200,000': { en_US: '$200,000', de_DE: '$200.000', fr_FR: `$200${NNBSP}000` },
  '€12.50': { en_US: '€12.50', de_DE: '€12,50', fr_FR: '€12,50' },
  '€15.00': { en_US: '€15.00', de_DE: '€15,00', fr_FR: '€15,00' },
  '8.0%': { en_US: '8.0%', de_DE: '8,0%', fr_FR: '8,0%' },
  '5.0%': { en_US: '5.0%', de_DE: '5,0%', fr_FR: '5,0%' },
  '60.0%': { en_US: '60.0%', de_DE: '60,0%', fr_FR: '60,0%' },
  '6.5%': { en_US: '6.5%', de_DE: '6,5%', fr_FR: '6,5%' },
  '90.0%': { en_US: '90.0%', de_DE: '90,0%', fr_FR: '90,0%' },
  '36 h': same('36 h'),
  '24 h': same('24 h'),
  '45': same('45'),
  '55': same('55'),
};

/** What a cell shows in `locale`, for what it shows in en_US. */
export function shown(locale: TestLocale, en: string): string {
  const t = SHOWN[en];
  if (!t) throw new Error(`no shown form of ${JSON.stringify(en)} in the test table`);
  return t[locale];
}

/** A formula as getFormula shows it: `,` between arguments in en_US, `;` in the decimal-comma locales. */
export function formulaIn(locale: TestLocale, forms: { en: string; comma: string }): string {
  return locale === 'en_US' ? forms.en : forms.comma;
}
