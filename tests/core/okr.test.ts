import { describe, expect, it } from 'vitest';
import { headerFormula, headerOfFormula } from '../../src/core/formula-text';
import { keyResultFormulas, objectiveFormulas } from '../../src/core/formulas';
import { nextKeyResultId, nextObjectiveId, readIdCounters } from '../../src/core/ids';
import { latestFormulaRange } from '../../src/core/kpi-registry';
import { contiguousRuns, KEY_RESULTS, locateColumns, OBJECTIVES } from '../../src/core/layout';
import { carriedKeyResultRows, planNextQuarter } from '../../src/core/next-quarter';
import { type KeyResult, readKeyResults, readObjectives } from '../../src/core/okr';
import { keyResultRow, objectiveRow } from '../helpers/rows';

const krCols = locateColumns(
  KEY_RESULTS,
  KEY_RESULTS.columns.map((c) => c.header),
  'KR',
);
const objCols = locateColumns(
  OBJECTIVES,
  OBJECTIVES.columns.map((c) => c.header),
  'O',
);
const days = { start: { year: 2027, month: 1, day: 1 }, end: { year: 2027, month: 3, day: 31 } };
const scoring = { cap: 1, yellowFrom: 0.4, greenFrom: 0.7 };

describe('IDs', () => {
  it('are never reused within a quarter, even after a deletion', () => {
    let c = readIdCounters(null);
    const a = nextObjectiveId(c, []);
    expect(a.id).toBe('O1');
    const b = nextObjectiveId(a.counters, ['O1']);
    expect(b.id).toBe('O2');
    // O2 deleted from the sheet: the counter still moves on
    const d = nextObjectiveId(b.counters, ['O1']);
    expect(d.id).toBe('O3');
    c = d.counters;
    const k1 = nextKeyResultId(c, 'O1', []);
    const k2 = nextKeyResultId(k1.counters, 'O1', ['O1.1']);
    const k3 = nextKeyResultId(k2.counters, 'O2', ['O1.1', 'O1.2']);
    expect([k1.id, k2.id, k3.id]).toEqual(['O1.1', 'O1.2', 'O2.1']);
    expect(readIdCounters(JSON.stringify(k3.counters))).toEqual(k3.counters);
  });

  it('respect IDs typed into the sheet by hand', () => {
    expect(nextObjectiveId(readIdCounters(null), ['O7', 'x', 'O2']).id).toBe('O8');
    expect(nextKeyResultId(readIdCounters(null), 'O1', ['O1.4', 'O2.9']).id).toBe('O1.5');
    expect(readIdCounters('{garbage')).toEqual({ objectives: 0, keyResults: {} });
  });
});

describe('reading rows', () => {
  it('reads objectives and key results with their computed scores and errors', () => {
    const o = readObjectives(
      [
        ['ID', 'Objective', 'Owner', 'Team', 'Aligns to', 'Key results', 'Score', 'Status', 'Notes'],
        ['O1', 'Build a product customers love', 'Ana', 'Product', '', 2, 0.6667, 'On track', ''],
        ['', '', '', '', '', '', '', '', ''],
        ['O2', 'Grow', '', '', 'O1', 1, '#ERROR: key result O2.1 has an error (x)', 'Error', ''],
      ],
      objCols,
    );
    expect(o.map((x) => [x.id, x.row, x.score, x.scoreError, x.status])).toEqual([
      ['O1', 2, 0.6667, undefined, 'On track'],
      ['O2', 4, '', 'key result O2.1 has an error (x)', 'Error'],
    ]);
    const header = KEY_RESULTS.columns.map((c) => c.header);
    const row = [
      'O1.1',
      'O1',
      'Reduce churn',
      'Ana',
      'decrease',
      0.08,
      0.05,
      0.071,
      'churn',
      '',
      7,
      0.3,
      'At risk',
      '',
      '',
    ];
    const formulas = header.map(() => '');
    formulas[7] = '=OKR_KPI_LATEST(KPI_churn)';
    const kr = readKeyResults([header, row], [header.map(() => ''), formulas], krCols);
    expect(kr[0]).toMatchObject({
      id: 'O1.1',
      type: 'decrease',
      current: 0.071,
      currentFormula: '=OKR_KPI_LATEST(KPI_churn)',
      score: 0.3,
    });
    expect(latestFormulaRange(kr[0]!.currentFormula)).toBe('KPI_churn');
    // as getFormula may return it: the older name, other letter case, spaces; anything more is not a KPI's Latest
    expect(latestFormulaRange('=KPI_LATEST(KPI_churn)')).toBe('KPI_churn');
    expect(latestFormulaRange(' =okr_kpi_latest( KPI_churn ) ')).toBe('KPI_churn');
    expect(latestFormulaRange('=OKR_KPI_LATEST(KPI_churn)*100')).toBeUndefined();
    expect(latestFormulaRange('=OKR_KPI_LATEST(Churn!B2:B)')).toBeUndefined();
    // with its dates and series, as en_US and de_DE show it
    expect(latestFormulaRange("=OKR_KPI_LATEST(KPI_churn,'Churn, weekly'!A2:A)")).toBe('KPI_churn');
    expect(latestFormulaRange('=OKR_KPI_LATEST(KPI_ewr;\'T\'!B2:C;"year+month";\'T\'!A2:A;"E;W")')).toBe(
      'KPI_ewr',
    );
  });
});

describe('formulas', () => {
  it('live in the header cell and name their header', () => {
    const f = keyResultFormulas(krCols, days, scoring);
    expect(f.score).toBe('={"Score";OKR_SCORE(F2:F;G2:G;H2:H;E2:E;1)}');
    expect(headerOfFormula(f.score!)).toBe('Score');
    expect(f.status).toMatch(/^=\{"Status";ARRAYFORMULA\(IF\(L2:L="";""/);
    const o = objectiveFormulas(objCols, krCols, '2027-Q1 Key Results', days, scoring);
    expect(o.score).toBe(
      "={\"Score\";OKR_ROLLUP(A2:A;'2027-Q1 Key Results'!B2:B;'2027-Q1 Key Results'!L2:L;'2027-Q1 Key Results'!J2:J;'2027-Q1 Key Results'!A2:A)}",
    );
    expect(headerFormula('Say "hi"', '=1')).toBe('={"Say ""hi""";1}');
    expect(headerOfFormula('={"Say ""hi""";1}')).toBe('Say "hi"');
  });
});

describe('contiguousRuns', () => {
  it('writes editable columns around the computed ones', () => {
    const runs = contiguousRuns(
      { id: 'O1.1', objective: 'O1', title: "'x", notes: "'n", lastCheckIn: '' },
      krCols,
    );
    expect(runs).toEqual([
      { start: 0, values: ['O1.1', 'O1', "'x"] },
      { start: 13, values: ['', "'n"] },
    ]);
  });
});

describe('planNextQuarter', () => {
  const o = (id: string) => objectiveRow(id);
  const kr = (id: string, score: number | '', current: number | string, extra: Partial<KeyResult> = {}) =>
    keyResultRow(id, { score, current, ...extra });
  const objectives = [o('O1'), o('O2'), o('O3')];
  const krs = [kr('O1.1', 1, 10), kr('O1.2', 0.5, 5), kr('O2.1', 1, 12), kr('O3.1', '', '')];

  it('carries unfinished KRs with their last value as the new baseline', () => {
    const plan = planNextQuarter(objectives, krs, 'unfinished');
    expect(plan.carriedKeyResults.map((c) => [c.from.id, c.baseline, c.target])).toEqual([
      ['O1.2', 5, 10],
      ['O3.1', 0, 10],
    ]);
    expect(plan.carriedObjectives.map((x) => x.id)).toEqual(['O1', 'O3']);
    expect(plan.history).toHaveLength(4);
  });

  it('carries all, none, or a chosen list, with edited targets', () => {
    expect(planNextQuarter(objectives, krs, 'all').carriedKeyResults).toHaveLength(4);
    expect(planNextQuarter(objectives, krs, 'none').carriedObjectives).toEqual([]);
    const plan = planNextQuarter(objectives, krs, ['O2.1', 'O1'], { 'O2.1': 20 });
    expect(plan.carriedKeyResults.map((c) => [c.from.id, c.baseline, c.target])).toEqual([
      ['O1.2', 5, 10],
      ['O2.1', 12, 20],
    ]);
    expect(() => planNextQuarter(objectives, krs, ['O9'])).toThrow('carry: "O9" is not in this quarter');
    expect(() => planNextQuarter(objectives, krs, 'all', { 'O9.1': 3 })).toThrow(
      'targets: "O9.1" is not a key result',
    );
  });

  it("carries a KPI-following Current as a live formula under the function's name, also one made under the old name", () => {
    const following = [
      kr('O1.1', 0.5, 5, { kpiId: 'churn', currentFormula: '=KPI_LATEST(KPI_churn)' }),
      kr('O1.2', 0.5, 5, { kpiId: 'mrr', currentFormula: '=OKR_KPI_LATEST(KPI_mrr)' }),
      kr('O1.3', 0.5, 5, { currentFormula: '=SUM(A1:A3)' }),
    ];
    const plan = planNextQuarter([o('O1')], following, 'all');
    const width = KEY_RESULTS.columns.length;
    expect(carriedKeyResultRows(plan, krCols, width).map((row) => row[krCols.current])).toEqual([
      '=OKR_KPI_LATEST(KPI_churn)',
      '=OKR_KPI_LATEST(KPI_mrr)',
      '',
    ]);
  });
});
