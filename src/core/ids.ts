// IDs: what an objective, a key result and a KPI are called (`O1`, `O1.2`, `churn_rate`), the one place their
// patterns are written, and how new ones are issued: objective and key result IDs are never reused within a
// quarter (counters kept per quarter), a KPI's ID is a slug of its name fixed at its first tag.

const OBJECTIVE_ID = /^O(\d+)$/;
const KEY_RESULT_ID = /^(O\d+)\.(\d+)$/;
const KPI_ID = /^[a-z][a-z0-9_]{0,62}$/;

export function isObjectiveId(s: string): boolean {
  return OBJECTIVE_ID.test(s);
}

export function isKeyResultId(s: string): boolean {
  return KEY_RESULT_ID.test(s);
}

export function isKpiId(s: string): boolean {
  return KPI_ID.test(s);
}

/** Counters that make IDs never reused within a quarter, even after deletions. Stored per quarter. */
export interface IdCounters {
  objectives: number;
  keyResults: Record<string, number>;
}

export const NO_IDS: IdCounters = { objectives: 0, keyResults: {} };

/** The next objective ID: above every ID ever issued this quarter and every ID in the sheet. */
export function nextObjectiveId(
  counters: IdCounters,
  existing: readonly string[],
): { id: string; counters: IdCounters } {
  let n = counters.objectives;
  for (const id of existing) {
    const m = OBJECTIVE_ID.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  const next = n + 1;
  return { id: `O${next}`, counters: { ...counters, objectives: next } };
}

export function nextKeyResultId(
  counters: IdCounters,
  objectiveId: string,
  existing: readonly string[],
): { id: string; counters: IdCounters } {
  let n = counters.keyResults[objectiveId] ?? 0;
  for (const id of existing) {
    const m = KEY_RESULT_ID.exec(id);
    if (m && m[1] === objectiveId) n = Math.max(n, Number(m[2]));
  }
  const next = n + 1;
  return {
    id: `${objectiveId}.${next}`,
    counters: { ...counters, keyResults: { ...counters.keyResults, [objectiveId]: next } },
  };
}

export function readIdCounters(json: string | null | undefined): IdCounters {
  if (!json) return NO_IDS;
  try {
    const raw = JSON.parse(json) as Partial<IdCounters>;
    const objectives =
      typeof raw.objectives === 'number' && raw.objectives >= 0 ? Math.floor(raw.objectives) : 0;
    const keyResults: Record<string, number> = {};
    for (const [k, v] of Object.entries(raw.keyResults ?? {})) {
      if (OBJECTIVE_ID.test(k) && typeof v === 'number' && v >= 0) keyResults[k] = Math.floor(v);
    }
    return { objectives, keyResults };
  } catch {
    return NO_IDS;
  }
}

/** A KPI ID from its name: `Churn rate` → `churn_rate` (lowercase letters, digits, _; starts with a letter). */
export function slugOf(name: string): string {
  let s = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (s === '') s = 'kpi';
  if (!/^[a-z]/.test(s)) s = `kpi_${s}`;
  return s.slice(0, 40).replace(/_+$/, '');
}

/** The first of `slug`, `slug_2`, `slug_3` … that is not taken. */
export function uniqueId(slug: string, taken: (id: string) => boolean): string {
  if (!taken(slug)) return slug;
  for (let n = 2; ; n++) {
    const id = `${slug}_${n}`;
    if (!taken(id)) return id;
  }
}
