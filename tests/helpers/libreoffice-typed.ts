// Formulas typed into LibreOffice Calc as a user of a locale types them: the second engine reading the add-on's
// formula text with a locale's decimal mark and separators, as Sheets reads a formula written into a spreadsheet
// of that locale (docs/LOCALES.md). LibreOffice's own parser follows the locale of its profile: in de-DE `;`
// separates arguments, `,` is the decimal mark, `=0.7` is an error and `=SUM(1,2)` is the one number 1.2 — what
// Sheets is reported to do in de_DE. (tests/helpers/libreoffice.ts is the other route: an ODS file, formulas in
// Excel's English grammar, matrix formulas for ARRAYFORMULA.)
//
// Route: the rows are written as a tab-separated file and imported with formulas evaluated (the CSV filter's
// "evaluate formulas" option), into a fresh profile whose locale is set, then converted to flat ODS and read
// back. A CSV import makes no matrix formulas, so an outer ARRAYFORMULA(expr) is written as `expr` in every row
// it would fill: each row's copy reads its own row of the ranges it names (implicit intersection), which is what
// the array formula computes row by row. Open ranges (`A1:A`) end at the last row given.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { quoted } from '../../src/core/formula-text';
import { localeRules } from '../../src/core/locale';
import {
  type CellValue,
  closeOpenRanges,
  findLibreOffice,
  mask,
  missingMessage,
  parseFlatOds,
  runLibreOffice,
} from './libreoffice';

/** The locales a typed workbook may have: LibreOffice's language tag, Windows' id for the CSV filter, ours. */
const LOCALES = {
  'en-US': { lcid: 1033, id: 'en_US' },
  'de-DE': { lcid: 1031, id: 'de_DE' },
  'fr-FR': { lcid: 1036, id: 'fr_FR' },
} as const;
export type TypedLocale = keyof typeof LOCALES;

/**
 * A typed cell: a number (written with the locale's decimal mark), text (entered as `="7%"`, so the import does
 * not read it as a number or a date), blank, or a formula (text starting `=`).
 */
export type TypedCell = number | string | null;

const profileSettings = (locale: TypedLocale) => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** `ARRAYFORMULA(expr)` → `expr`, and open ranges closed at `rows`; the formula is otherwise as given. */
export function asTypedFormula(formula: string, rows: number): string {
  let body = formula.slice(1).trim();
  const masked = mask(body);
  const outer = /^ARRAYFORMULA\s*\(/i.exec(masked);
  if (outer) {
    let depth = 0;
    let close = -1;
    for (let i = outer[0].length - 1; i < masked.length && close < 0; i++) {
      if (masked[i] === '(') depth++;
      else if (masked[i] === ')' && --depth === 0) close = i;
    }
    if (close === masked.length - 1) body = body.slice(outer[0].length, close);
  }
  if (/ARRAYFORMULA\s*\(/i.test(mask(body))) {
    throw new Error(`ARRAYFORMULA is supported only around the whole formula: ${formula}`);
  }
  return `=${closeOpenRanges(body, () => rows)}`;
}

const csvField = (text: string) => (/["\t\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * Types `rows` (one sheet) into LibreOffice in `locale` and returns the computed values, blanks as '' and
 * booleans as 1 and 0 (an imported cell has no boolean format, so LibreOffice shows TRUE as 1); a cell
 * LibreOffice cannot compute is a FormulaError with the formula as it parsed it (in OpenFormula: `of:=SUM(1.2)`
 * is what `=SUM(1,2)` became in de-DE). One call is one LibreOffice run.
 */
export async function recalculateTyped(
  rows: readonly (readonly TypedCell[])[],
  locale: TypedLocale,
  timeoutMs = 120_000,
): Promise<CellValue[][]> {
  const bin = findLibreOffice();
  if (!bin) throw new Error(missingMessage());
  const { lcid, id } = LOCALES[locale];
  const { decimal } = localeRules(id);
  const text = rows
    .map((row) =>
      row
        .map((cell) => {
          if (cell === null || cell === '') return '';
          if (typeof cell === 'number') return String(cell).replace('.', decimal).toUpperCase();
          return csvField(cell.startsWith('=') ? asTypedFormula(cell, rows.length) : `=${quoted(cell)}`);
        })
        .join('\t'),
    )
    .join('\n');
  const dir = mkdtempSync(path.join(tmpdir(), 'okr-lo-typed-'));
  try {
    const profile = path.join(dir, 'profile');
    mkdirSync(path.join(profile, 'user'), { recursive: true });
    writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), profileSettings(locale));
    mkdirSync(path.join(dir, 'in'));
    const input = path.join(dir, 'in', 'typed.csv');
    writeFileSync(input, `${text}\n`);
    const outDir = path.join(dir, 'out');
    // tab-separated, `"` quotes, UTF-8, from line 1, standard columns, the locale's language, quoted fields not
    // forced to text, special numbers detected, (3 export options), all sheets, formulas evaluated
    const filter = `Text - txt - csv (StarCalc):9,34,76,1,,${lcid},false,true,false,false,false,-1,true`;
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      `--infilter=${filter}`,
      '--convert-to',
      'fods:OpenDocument Spreadsheet Flat XML',
      '--outdir',
      outDir,
      input,
    ];
    const { code, output } = await runLibreOffice(bin, args, timeoutMs);
    const result = path.join(outDir, 'typed.fods');
    if (code !== 0 || !existsSync(result)) {
      throw new Error(`LibreOffice failed (exit ${code}): ${bin} ${args.join(' ')}\n${output}`);
    }
    const [grid = []] = Object.values(parseFlatOds(readFileSync(result, 'utf8')));
    const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
    return rows.map((_, r) => Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? ''));
  } finally {
    if (process.env.LIBREOFFICE_KEEP) console.warn(`LibreOffice files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
