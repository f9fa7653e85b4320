// The contract between the sidebar and the server: every RPC the sidebar may call through google.script.run,
// with its argument and result types. src/server/index.ts implements it (checked by the compiler there);
// src/sidebar/rpc.ts calls it. Inputs are still parsed with zod on the server: the sidebar is never trusted.
// Values crossing google.script.run must be JSON-like: no Date (a Date anywhere makes the client get null), so
// days travel as `YYYY-MM-DD` text. The compiler holds every result to that (JsonSafe, at the end).
import type { KeyResult, Objective } from './okr';
import type { Band } from './score';

export interface TabSummary {
  name: string;
  rows: number;
  columns: number;
}

export interface Overview {
  spreadsheetName: string;
  tabs: TabSummary[];
}

export interface SettingsView {
  fiscalStartMonth: number;
  currentQuarter?: string;
  scoring: { cap: number; yellowFrom: number; greenFrom: number };
}

/** A key result as the sidebar sees it: the row as core reads it, with its last check-in as `YYYY-MM-DD`. */
export type KeyResultView = Omit<KeyResult, 'row' | 'currentFormula' | 'lastCheckIn'> & {
  lastCheckIn: string;
};

/** An objective as the sidebar sees it, with its key results. */
export type ObjectiveView = Omit<Objective, 'row'> & { keyResults: KeyResultView[] };

export interface QuarterView {
  label: string;
  /** YYYY-MM-DD */
  start: string;
  end: string;
  /** share of the quarter elapsed today, 0–1 */
  elapsed: number;
  objectivesSheet: string;
  keyResultsSheet: string;
}

export interface KpiView {
  id: string;
  name: string;
  /** the tab the KPI lives in, as it is named now */
  sourceTab: string;
  /** the value column's header text ("" when it has none) and letter, as they are now */
  valueColumn: string;
  valueLetter: string;
  /** a row KPI of a wide scorecard: its sheet row (valueColumn is then its label) */
  row?: number;
  /** the stacked series it follows, when its tab holds several */
  series?: string;
  dateColumn: string;
  dateLetter: string;
  /** the named range over the value column: `=OKR_KPI_LATEST(KPI_churn)` reads it anywhere */
  namedRange: string;
  /** the registry's Unit cell: one of the KPI form's units (core/units.ts reads it) */
  unit: string;
  betterWhen: 'higher' | 'lower';
  target: number | '';
  warnAt: number | '';
  owner: string;
  cadence: string;
  latest: number | string | '';
  previous: number | string | '';
  trend: '↑' | '↓' | '→' | '';
  status: Band | '';
  /** the most recent values, oldest first, for a sparkline */
  recent: number[];
  /** what is wrong, e.g. the value column was deleted */
  problem?: string;
}

/** A column of a tab as tagging sees it, with what okr-sheets proposes for a column of numbers. */
export interface TabColumnView {
  letter: string;
  header: string;
  kind: 'date' | 'number' | 'text' | 'empty';
  /** numbers that label rows (week numbers, years) */
  period?: boolean;
  name?: string;
  /** the unit's kind as the form offers it, and the unit as a cell holds it (`€`, `h`, `MWh`) */
  unit?: string;
  unitText?: string;
  /** absent when the header does not tell: the form asks */
  betterWhen?: 'higher' | 'lower';
}

/** A row of a wide scorecard (one metric per row, periods across the header row) that can be tagged as a KPI. */
export interface TabRowView {
  /** 1-based sheet row */
  row: number;
  label: string;
  name: string;
  unit: string;
  unitText?: string;
  betterWhen?: 'higher' | 'lower';
  /** its latest value and the period it is under */
  latest?: number;
  latestPeriod?: string;
}

/** One of the user's tabs: what detection found and the KPIs tagged in it. */
export interface TabView {
  name: string;
  /** 0 when the tab has no header row */
  headerRow: number;
  /** entries below the header */
  rows: number;
  columns: TabColumnView[];
  /** letters: the detected date column, and the columns of numbers, likeliest KPI first */
  dateColumn?: string;
  valueColumns: string[];
  cadence?: string;
  /** the dates run newest first (okr-sheets reads the newest date as the latest, whatever the order) */
  newestFirst?: boolean;
  /** a wide scorecard: one KPI per row, periods across header row `headerRow` */
  orientation: 'long' | 'wide';
  kpiRows?: TabRowView[];
  /** series stacked in one table: the columns telling them apart, and the series seen */
  series?: { columns: string[]; keys: string[] };
  /** what okr-sheets found that the user should know before tagging, and what to do */
  notes: string[];
  kpis: Array<{ id: string; name: string; valueLetter: string; row?: number }>;
  /** why the tab cannot be tagged, e.g. it has no column of numbers */
  problem?: string;
}

export interface TagKpiInput {
  sheetName: string;
  /** a header text or a column letter; blank for a row KPI */
  valueColumn?: string;
  /** a row KPI of a wide scorecard: its sheet row */
  row?: number | string;
  /** the stacked series the KPI follows (one of TabView.series.keys) */
  series?: string;
  /** a header text or a letter; absent: the detected date column; "" : none */
  dateColumn?: string;
  name: string;
  /** absent or "": the detected unit */
  unit?: string;
  /** "" (not chosen yet) is refused, naming the field */
  betterWhen: 'higher' | 'lower' | '';
  target?: number | string;
  warnAt?: number | string;
  owner?: string;
  /** absent: the cadence the dates suggest; "": none */
  cadence?: string;
}

export interface State {
  /** YYYY-MM-DD in the spreadsheet's time zone */
  today: string;
  /**
   * the spreadsheet's locale, as core/locale.ts names it (`de_DE`): the sidebar shows numbers in it and fills
   * its forms in it, and the server reads what comes back in it
   */
  locale: string;
  settings: SettingsView;
  /** the running quarter, if one is set up */
  quarter?: QuarterView;
  /** the quarter "Set up OKRs" would create: today's quarter under the fiscal start month */
  suggestedQuarter: string;
  objectives: ObjectiveView[];
  kpis: KpiView[];
  /** the name this user checks in under, once given ("" until then) */
  checkInName?: string;
}

/**
 * What an action answers: its own result and the state after it, so the sidebar shows the change without a
 * second server execution (each loads the whole bundle and reads the workbook again).
 */
export type WithState<T> = T & { state: State };

export interface SaveObjectiveInput {
  id?: string;
  title: string;
  owner?: string;
  team?: string;
  alignsTo?: string;
  notes?: string;
}

export interface SaveKeyResultInput {
  id?: string;
  objectiveId: string;
  title: string;
  type?: string;
  baseline?: number | string;
  target?: number | string;
  current?: number | string;
  kpiId?: string;
  owner?: string;
  weight?: number | string;
  notes?: string;
}

/** "Create an objective to fix this": a new objective and its first key result, which follows a KPI. */
export interface CreateObjectiveForKpiInput {
  objective: Omit<SaveObjectiveInput, 'id'>;
  keyResult: Omit<SaveKeyResultInput, 'id' | 'objectiveId'> & { kpiId: string };
}

export interface CheckInInput {
  krId: string;
  value?: number | string;
  confidence?: number | string;
  note?: string;
  /** the name the check-in is logged under; remembered for this user */
  author?: string;
}

export interface NewQuarterInput {
  quarter?: string;
  /**
   * the quarter this call closes, as reviewed: a repeated call (a double click, a retry) is refused once it is
   * no longer current; starting needs this or `quarter`
   */
  closes?: string;
  carry: 'unfinished' | 'none' | 'all' | string[];
  /** new targets for carried key results, by KR ID */
  targets?: Record<string, number | string>;
  /** new titles for carried key results, by KR ID */
  titles?: Record<string, string>;
}

export interface NewQuarterPreview {
  from: string;
  to: string;
  /** days of the closing quarter still to come after today (0 on its last day or later) */
  daysLeft: number;
  /** YYYY-MM-DD: the closing quarter's last day */
  endsOn: string;
  objectives: Array<{
    id: string;
    title: string;
    score: number | '';
    carried: boolean;
    keyResults: Array<{
      id: string;
      title: string;
      score: number | '';
      finished: boolean;
      carried: boolean;
      /** for a carried KR: where it starts next quarter ("" for a milestone or yes/no key result: none) */
      newBaseline: number | '';
      type: string;
      target: number | '';
      kpiId: string;
      /** what its numbers are: `%`, `$`, `h`… or "" (core/units.ts) */
      unit: string;
    }>;
  }>;
  historyRows: number;
}

export interface NewQuarterResult {
  quarter: string;
  carriedObjectives: number;
  carriedKeyResults: number;
  historyRows: number;
}

export interface SettingsUpdateInput {
  fiscalStartMonth?: number | string;
  scoring?: { cap?: number | string; yellowFrom?: number | string; greenFrom?: number | string };
}

/** Every RPC; the compiler checks src/server/index.ts against it, and each result against JsonSafe. */
export interface RpcApi {
  getOverview(): Overview;
  getState(): State;
  /** answers with the new state itself */
  setUpQuarter(input?: { quarter?: string }): State;
  saveObjective(input: SaveObjectiveInput): WithState<{ id: string }>;
  saveKeyResult(input: SaveKeyResultInput): WithState<{ id: string }>;
  createObjectiveForKpi(
    input: CreateObjectiveForKpiInput,
  ): WithState<{ objectiveId: string; keyResultId: string }>;
  deleteObjective(id: string, options?: { cascade?: boolean }): WithState<{ deleted: string[] }>;
  deleteKeyResult(id: string): WithState<{ deleted: string[] }>;
  checkIn(input: CheckInInput): WithState<{ krId: string }>;
  previewNewQuarter(input: NewQuarterInput): NewQuarterPreview;
  startNewQuarter(input: NewQuarterInput): WithState<NewQuarterResult>;
  updateSettings(input: SettingsUpdateInput): WithState<SettingsView>;
  listTabs(): TabView[];
  tagKpi(input: TagKpiInput): WithState<KpiView>;
  untagKpi(kpiId: string): WithState<{ untagged: string }>;
  listKpiViews(): KpiView[];
}

/** Which panel a menu item opens the sidebar on: written into the served HTML as data attributes. */
export interface SidebarIntent {
  panel?: 'overview' | 'okrs' | 'kpis' | 'quarter' | 'settings';
  /** e.g. the tab "Tag this tab as KPI…" was chosen on */
  sheet?: string;
  /**
   * the quarter whose close was asked for ("Start new quarter…"): once it is closed, reopening the page shows
   * the OKRs, never the review of the quarter that just started
   */
  quarter?: string;
}

// ---- The payload rule ---------------------------------------------------------------------------------------

/**
 * A type as google.script.run carries it: strings, numbers, booleans, null, and arrays and plain objects of
 * them. A Date becomes null on the client and a function is dropped, so they map to `never`, and a result type
 * holding one is no longer assignable to its JsonSafe self.
 */
export type JsonSafe<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends Date | bigint | symbol | ((...args: never[]) => unknown)
    ? never
    : T extends readonly (infer U)[]
      ? JsonSafe<U>[]
      : { [K in keyof T]: JsonSafe<T[K]> };

/** An API whose every method returns a JsonSafe result; anything else fails to compile where it is named. */
export type JsonRpc<
  A extends {
    [K in keyof A]: A[K] extends (...args: infer P) => infer R ? (...args: P) => JsonSafe<R> : never;
  },
> = A;

/** The rule applied to the contract: a Date (or a function) in any RPC result is a compile error here. */
export type CheckedRpcApi = JsonRpc<RpcApi>;
