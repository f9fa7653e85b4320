// Latest/previous pairs on which the Trend formula is checked against kpiTrend, in HyperFormula and LibreOffice.
export const TREND_PAIRS: Array<[number | string, number | string]> = [
  [0.071, 0.07],
  [0.069, 0.07],
  [0.07, 0.07],
  [51_000, 50_000],
  [49_999.5, 50_000],
  [0, 0],
  [-1, 1],
  [42, ''],
  ['', 42],
  ['', ''],
  ['7%', 0.07],
  [0.07, 'n/a'],
  ['#ERROR: value "x" is not a number', 3],
  [1e-12, 0],
];
