// The Objectives sheet's "Key results" column is a native formula (COUNTIF over the quarter's Key Results sheet,
// as an ARRAYFORMULA for the whole column). LibreOffice, an engine independent of Sheets and of HyperFormula,
// recalculates the generated formula: each objective must show the number of key results core reads for it.
import { beforeAll, expect, it } from 'vitest';
import { objectiveFormulas } from '../../src/core/formulas';
import { KEY_RESULTS, locateColumns, OBJECTIVES } from '../../src/core/layout';
import { readKeyResults } from '../../src/core/okr';
import { describeWithLibreOffice, type Results, recalculateInLibreOffice } from '../helpers/libreoffice';

const KR_SHEET = '2027-Q1 Key Results';
const krHeader = KEY_RESULTS.columns.map((c) => c.header);
const krCols = locateColumns(KEY_RESULTS, krHeader, KR_SHEET);
const objCols = locateColumns(
  OBJECTIVES,
  OBJECTIVES.columns.map((c) => c.header),
  'Objectives',
);
const days = { start: { year: 2027, month: 1, day: 1 }, end: { year: 2027, month: 3, day: 31 } };

// objectives with 0, 1, 2 and 5 key results, a blank row between them, and KR rows out of order
const objectiveIds = ['O1', 'O2', '', 'O3', 'O4', 'O10'];
const krRows: string[][] = [
  ['O2.1', 'O2'],
  ['O1.1', 'O1'],
  ['O4.1', 'O4'],
  ['O4.2', 'O4'],
  ['O1.2', 'O1'],
  ['O4.3', 'O4'],
  ['O4.4', 'O4'],
  ['O4.5', 'O4'],
  ['O1.10', 'O1'],
];

/** The generated formula, without the header-cell wrapper ({"Key results";…}), which LibreOffice lacks. */
function columnFormula(): string {
  const full = objectiveFormulas(objCols, krCols, KR_SHEET, days, { yellowFrom: 0.4, greenFrom: 0.7 })
    .keyResults!;
  const body = /^=\{"Key results";(.*)\}$/.exec(full)?.[1];
  if (!body) throw new Error(`unexpected Key results formula: ${full}`);
  return `=${body.replaceAll('A2:A', 'A1:A')}`;
}

describeWithLibreOffice('Key results count formula in LibreOffice agrees with core', () => {
  let results: Results;
  beforeAll(async () => {
    results = await recalculateInLibreOffice({
      // the formula sits in row 1 beside the IDs it counts (row 1 stands for the header formula's row 2)
      Objectives: objectiveIds.map((id, i) => [id || null, i === 0 ? columnFormula() : null]),
      [KR_SHEET]: [
        krHeader,
        ...krRows.map(([id, objective]) =>
          krHeader.map((_, c) => (c === 0 ? (id ?? null) : c === 1 ? (objective ?? null) : null)),
        ),
      ],
    });
  });

  it('counts each objective’s key results and leaves blank rows blank', () => {
    const values = [
      krHeader,
      ...krRows.map(([id, o]) => krHeader.map((_, c) => (c === 0 ? id : c === 1 ? o : ''))),
    ];
    const krs = readKeyResults(values, undefined, krCols);
    const expected = objectiveIds.map((id) => (id ? krs.filter((k) => k.objectiveId === id).length : ''));
    expect(expected).toEqual([3, 1, '', 0, 5, 0]);
    expect(results.Objectives!.slice(0, objectiveIds.length).map((r) => r[1])).toEqual(expected);
  });
});
