// The LibreOffice cross-check helper itself: how Sheets formula text is prepared (no LibreOffice needed), and one
// LibreOffice run over the kinds of cells and functions our generated formulas use.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type CellInput,
  type CellValue,
  columnLetter,
  describeWithLibreOffice,
  FormulaError,
  findLibreOffice,
  prefixNewFunctions,
  type Results,
  recalculateInLibreOffice,
  toExcelSyntax,
  toFlatOds,
  whenMissing,
  XLFN_FUNCTIONS,
} from '../helpers/libreoffice';

const rows = (n: number) => () => n;

describe('Sheets formula text for LibreOffice', () => {
  it('turns an outer ARRAYFORMULA into an array formula over the same expression', () => {
    expect(toExcelSyntax('=ARRAYFORMULA(IF(A1:A3="","",A1:A3*2))', rows(3))).toEqual({
      expr: 'IF(A1:A3="","",A1:A3*2)',
      array: true,
    });
    expect(toExcelSyntax('=arrayformula( A1:A3 )', rows(3))).toEqual({ expr: 'A1:A3', array: true });
    expect(toExcelSyntax('=SUM(A1:A3)', rows(3))).toEqual({ expr: 'SUM(A1:A3)', array: false });
  });

  it('refuses ARRAYFORMULA anywhere but around the whole formula, instead of computing something else', () => {
    expect(() => toExcelSyntax('=ARRAYFORMULA(A1:A2)+ARRAYFORMULA(B1:B2)', rows(2))).toThrow(
      /only around the whole formula/,
    );
    expect(() => toExcelSyntax('=IF(TRUE,ARRAYFORMULA(A1:A2))', rows(2))).toThrow(
      /only around the whole formula/,
    );
    // text that merely mentions it is fine
    expect(toExcelSyntax('="ARRAYFORMULA(x"', rows(1)).expr).toBe('"ARRAYFORMULA(x"');
  });

  it('reads `;` between arguments as `,`, as Sheets does in en_US; rows of an array literal and text keep theirs', () => {
    expect(toExcelSyntax('=IF(A1="a;b";{1;2};SUM(1;2))', rows(1)).expr).toBe('IF(A1="a;b",{1;2},SUM(1,2))');
    expect(toExcelSyntax('=IF(A1,1,2)', rows(1)).expr).toBe('IF(A1,1,2)');
  });

  it('ends an open range (L2:L) at the last row of the sheet it names', () => {
    const heights: Record<string, number> = { Here: 7, "Bob's KRs": 12, KPIs: 4 };
    const at = (sheet: string | undefined) => heights[sheet ?? 'Here']!;
    expect(toExcelSyntax('=COUNTIF(L2:L,">0")', at).expr).toBe('COUNTIF(L2:L7,">0")');
    expect(toExcelSyntax("=SUM('Bob''s KRs'!$B$3:$B)", at).expr).toBe("SUM('Bob''s KRs'!$B$3:$B12)");
    expect(toExcelSyntax('=MAX(KPIs!AB2:AB)+MIN(A10:A)', at).expr).toBe('MAX(KPIs!AB2:AB4)+MIN(A10:A10)');
    // closed ranges, whole columns and text are left alone
    expect(toExcelSyntax('=SUM(A2:A5)+SUM(C:C)&"L2:L"', at).expr).toBe('SUM(A2:A5)+SUM(C:C)&"L2:L"');
  });

  it('gives functions newer than Excel 2007 the _xlfn. prefix Excel syntax needs, and no other function', () => {
    expect(prefixNewFunctions('IFERROR(TEXTJOIN(",",TRUE,A1:A3),"")&maxifs(B:B,C:C,">0")')).toBe(
      'IFERROR(_xlfn.TEXTJOIN(",",TRUE,A1:A3),"")&_xlfn.maxifs(B:B,C:C,">0")',
    );
    expect(prefixNewFunctions('"IFS(" & IFS2(1) & STDEV(A1:A2) & _xlfn.IFS(TRUE,1)')).toBe(
      '"IFS(" & IFS2(1) & STDEV(A1:A2) & _xlfn.IFS(TRUE,1)',
    );
  });

  it('refuses broken formulas that LibreOffice would quietly repair', () => {
    expect(() => toExcelSyntax('=SUM(A1:A3', rows(3))).toThrow(/missing \)/);
    expect(() => toExcelSyntax('=SUM(A1:A3))', rows(3))).toThrow(/unbalanced \)/);
    expect(() => toExcelSyntax('=IF(A1="x,1,2)', rows(3))).toThrow(/unterminated "/);
  });

  it('refuses a spill over data, as Sheets does (#REF!)', () => {
    expect(() => toFlatOds({ S: [['=ARRAYFORMULA(B1:B3)'], ['x'], [null]] })).toThrow(
      /S!A1: array result was not expanded because it would overwrite data in A2/,
    );
  });

  it('names columns as Sheets does', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });

  it('fails in CI when LibreOffice is missing, and only skips on a developer machine', () => {
    expect(whenMissing({ CI: 'true' })).toBe('fail');
    expect(whenMissing({ CI: '1' })).toBe('fail');
    expect(whenMissing({})).toBe('skip');
    expect(whenMissing({ CI: 'false' })).toBe('skip');
    expect(findLibreOffice({ LIBREOFFICE_BIN: '/nonexistent/soffice', PATH: '/usr/bin' })).toBeUndefined();
  });
});

const OTHER = "Bob's KRs";

/** Every function in XLFN_FUNCTIONS, used as Sheets text, on the column 1, 2, 3; with its result. */
const NEW_FUNCTIONS: Record<string, [string, CellValue]> = {
  CONCAT: ['=CONCAT(A1,A2)', '12'],
  DAYS: ['=DAYS(DATE(2027,3,1),DATE(2027,1,1))', 59],
  'FORECAST.LINEAR': ['=FORECAST.LINEAR(4,A1:A3,A1:A3)', 4],
  IFNA: ['=IFNA(NA(),"none")', 'none'],
  IFS: ['=IFS(A1>1,"big",TRUE,"small")', 'small'],
  ISOWEEKNUM: ['=ISOWEEKNUM(DATE(2027,1,1))', 53],
  MAXIFS: ['=MAXIFS(A1:A3,A1:A3,"<3")', 2],
  MINIFS: ['=MINIFS(A1:A3,A1:A3,">1")', 2],
  'PERCENTILE.INC': ['=PERCENTILE.INC(A1:A3,0.5)', 2],
  'RANK.EQ': ['=RANK.EQ(3,A1:A3)', 1],
  'STDEV.P': ['=ROUND(STDEV.P(A1:A3),6)', 0.816497],
  'STDEV.S': ['=STDEV.S(A1:A3)', 1],
  SWITCH: ['=SWITCH(A2,1,"one",2,"two","other")', 'two'],
  TEXTJOIN: ['=TEXTJOIN("-",TRUE,A1:A3)', '1-2-3'],
  'VAR.S': ['=VAR.S(A1:A3)', 1],
  XOR: ['=XOR(TRUE,FALSE)', true],
};

describeWithLibreOffice('recalculateInLibreOffice', () => {
  let out: Results;
  beforeAll(async () => {
    const main: CellInput[][] = [
      // A: inputs    B: formulas
      [0.25, '=A1*4'],
      ['  two  spaces', '=LEN(A2)'],
      [true, '=IF(A3,"yes","no")'],
      [null, '=ISTEXT(A2)'],
      ['#ERROR: x', '=MIN(1,MAX(0,A1*10))'],
      [null, '=DATE(2027,3,31)-DATE(2027,1,1)+1'],
      [null, '=DATE(2027,1,1)'],
      [null, `=COUNTIF('${OTHER.replace("'", "''")}'!A1:A,">=0.7")`],
      [null, '=1/0'],
      [null, '=IF(A4="","","x")'],
      [null, '=NOSUCHFUNCTION(1)'],
      [null, '=A1*"abc"'],
    ];
    const other: CellInput[][] = [[0.9], [0.5], [0.7], ['n/a'], [null]];
    const arrays: CellInput[][] = [
      [
        0.1,
        '=ARRAYFORMULA(IF(A1:A,IF(A1:A>=0.5,"high","low"),""))',
        { formula: '={1,1,1;1,1,1}', spill: { rows: 2, cols: 3 } },
      ],
      [0.9],
      [null],
      [0.5],
    ];
    const newer: CellInput[][] = Object.values(NEW_FUNCTIONS).map(([formula], i) => [
      i < 3 ? i + 1 : null,
      formula,
    ]);
    out = await recalculateInLibreOffice({ Main: main, [OTHER]: other, Arrays: arrays, Newer: newer });
  });

  it('computes formulas over numbers, text, booleans and blanks', () => {
    const b = out.Main!.map((r) => r[1]);
    expect(b.slice(0, 8)).toEqual([1, 13, 'yes', true, 1, 90, 46388, 2]);
    expect(out.Main![1]![0]).toBe('  two  spaces');
    expect(out.Main![4]![0]).toBe('#ERROR: x');
    expect(out.Main![3]![0]).toBe('');
  });

  it('reads a "" result as blank', () => {
    expect(out.Main![9]![1]).toBe('');
  });

  it('returns errors as FormulaError with the code LibreOffice shows', () => {
    const errors = [8, 10, 11].map((r) => out.Main![r]![1]);
    expect(errors.every((e) => e instanceof FormulaError)).toBe(true);
    expect(errors.map(String).map((s) => s.split(' ')[0])).toEqual(['#DIV/0!', '#NAME?', '#VALUE!']);
  });

  it('spills an ARRAYFORMULA down its column, and an explicit spill over rows and columns', () => {
    expect(out.Arrays!.map((r) => r[1])).toEqual(['low', 'high', '', 'high']);
    expect(out.Arrays!.map((r) => r.slice(2))).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('computes the functions newer than Excel 2007 written as in Sheets', () => {
    expect([...XLFN_FUNCTIONS].sort()).toEqual(Object.keys(NEW_FUNCTIONS).sort());
    expect(out.Newer!.map((r) => r[1])).toEqual(Object.values(NEW_FUNCTIONS).map(([, v]) => v));
  });
});
