import { describe, expect, it } from 'vitest';
import { columnFrom2, columnLetter, columnNumber, quoteSheet } from '../../src/core/a1';
import {
  asText,
  headers,
  KEY_RESULTS,
  KPIS,
  locateColumns,
  OBJECTIVES,
  sheetName,
} from '../../src/core/layout';

describe('layouts', () => {
  it('hold the columns DESIGN.md §4 names, in order', () => {
    expect(headers(OBJECTIVES)).toEqual([
      'ID',
      'Objective',
      'Owner',
      'Team',
      'Aligns to',
      'Key results',
      'Score',
      'Status',
      'Notes',
    ]);
    expect(headers(KEY_RESULTS)).toEqual([
      'ID',
      'Objective',
      'Key result',
      'Owner',
      'Type',
      'Baseline',
      'Target',
      'Current',
      'KPI',
      'Weight',
      'Confidence',
      'Score',
      'Status',
      'Last check-in',
      'Notes',
      'Unit',
    ]);
    expect(headers(KPIS)).toEqual([
      'ID',
      'Name',
      'Source tab',
      'Value column',
      'Date column',
      'Unit',
      'Better when',
      'Target',
      'Warn at',
      'Owner',
      'Cadence',
      'Latest',
      'Previous',
      'Trend',
      'Status',
    ]);
    expect(sheetName(KEY_RESULTS, '2027-Q1')).toBe('2027-Q1 Key Results');
  });

  it('finds columns by header text even after users move or add columns', () => {
    const row = [
      'Notes',
      'id',
      'My own column',
      ' objective ',
      'Owner',
      'Team',
      'Aligns  to',
      'Key results',
      'Score',
      'Status',
    ];
    const at = locateColumns(OBJECTIVES, row, '2027-Q1 Objectives');
    expect(at.id).toBe(1);
    expect(at.title).toBe(3);
    expect(at.alignsTo).toBe(6);
    expect(at.notes).toBe(0);
  });

  it('names the sheet and the missing headers', () => {
    expect(() => locateColumns(OBJECTIVES, ['ID', 'Objective'], '2027-Q1 Objectives')).toThrow(
      'the sheet "2027-Q1 Objectives" has no column "Owner", "Team", "Aligns to", "Key results", "Score", "Status", "Notes" in row 1',
    );
  });
});

describe('A1 helpers', () => {
  it('converts columns both ways', () => {
    for (let i = 1; i <= 800; i++) expect(columnNumber(columnLetter(i))).toBe(i);
    expect(columnLetter(28)).toBe('AB');
    expect(columnNumber('b')).toBe(2);
    expect(columnNumber('Churn')).toBeUndefined();
  });

  it('quotes sheet names in references', () => {
    expect(quoteSheet("Bob's KPIs")).toBe("'Bob''s KPIs'");
    expect(columnFrom2('2027-Q1 Key Results', 11)).toBe("'2027-Q1 Key Results'!L2:L");
    expect(columnFrom2(undefined, 0)).toBe('A2:A');
  });

  it('marks user text so Sheets keeps it verbatim', () => {
    expect(asText('=IMPORTRANGE("x","y")')).toBe('\'=IMPORTRANGE("x","y")');
    expect(asText('+1-2')).toBe("'+1-2");
    expect(asText('Reduce churn')).toBe("'Reduce churn");
    expect(asText('')).toBe('');
  });
});
