// The coach's rules for KPIs (core/coach.ts runs them): too many for one owner, a red one nothing in the quarter
// works on (an OKR is the intervention), one nothing refers to. Whether an objective or key result refers to a
// KPI (its KPI cell, or words naming it) is worked out here once for all of them.
import type { CoachRuleId } from './coach';
import { at, type CoachContext, type Found, quoted } from './coach-rules';
import { mentions, searchable, wordsOf } from './coach-text';
import type { KeyOf, KPIS } from './layout';
import { textKey } from './values';

/** KPIs one owner can watch closely (3–5 is the healthy range). */
export const KPIS_PER_OWNER = 5;

type KpiField = KeyOf<typeof KPIS>;

/** Who refers to a KPI: an objective or key result (a key result's KPI cell, or words naming it), the strategy. */
export interface KpiReferences {
  followed: boolean;
  inStrategy: boolean;
}

/** Every KPI's references, reading each text once however many KPIs there are. */
export function kpiReferences(ctx: CoachContext): KpiReferences[] {
  const words = (text: string) => wordsOf(text, ctx.language);
  const okrTexts = ctx.objectives.flatMap((o) => [
    ...[o.title, o.alignsTo, o.notes].map(words),
    ...o.keyResults.flatMap((kr) => [kr.title, kr.notes].map(words)),
  ]);
  const linked = new Set(ctx.objectives.flatMap((o) => o.keyResults.map((kr) => kr.kpiId.trim())));
  const okr = searchable(okrTexts);
  const strategy = searchable(ctx.strategy.map(words));
  return ctx.kpis.map((k) => {
    const id = k.id.trim();
    const names = [words(k.name), words(id)].filter((n) => n.length > 0);
    return {
      followed: (id !== '' && linked.has(id)) || names.some((n) => mentions(okr, n)),
      inStrategy: names.some((n) => mentions(strategy, n)),
    };
  });
}

type KpiCheck = (ctx: CoachContext, refs: readonly KpiReferences[]) => Map<number, Found>;

const kpiCount: KpiCheck = (ctx) => {
  const byOwner = new Map<string, number[]>();
  ctx.kpis.forEach((k, i) => {
    const key = textKey(k.owner);
    if (key) byOwner.set(key, [...(byOwner.get(key) ?? []), i]);
  });
  const out = new Map<number, Found>();
  for (const members of byOwner.values()) {
    const first = members[KPIS_PER_OWNER];
    if (first === undefined) continue;
    const owner = ctx.kpis[first]!.owner.trim();
    const field: KpiField = 'owner';
    out.set(
      first,
      at(
        field,
        `${quoted(owner)} owns ${members.length} KPIs: 3 to 5 is the healthy range, beyond it none is watched closely; hand some over or stop tracking the ones nobody acts on.`,
      ),
    );
  }
  return out;
};

/** A red KPI nothing in the quarter works on: with no owner (`orphan`), or with one. */
const red =
  (orphan: boolean): KpiCheck =>
  (ctx, refs) => {
    const out = new Map<number, Found>();
    ctx.kpis.forEach((k, i) => {
      if (k.status !== 'red' || (k.owner.trim() === '') !== orphan || refs[i]!.followed) return;
      const field: KpiField = orphan ? 'owner' : 'status';
      const message = orphan
        ? 'This KPI is red and nobody owns it or works on it: give it an owner, and start an OKR to bring it back, since a red KPI is what OKRs are for.'
        : 'This KPI is red and no objective works on it: when a KPI turns red, an OKR is the intervention.';
      out.set(i, at(field, message, { kind: 'create-objective-for-kpi' }));
    });
    return out;
  };

const unreferenced: KpiCheck = (ctx, refs) => {
  const out = new Map<number, Found>();
  if (ctx.objectives.length === 0 && ctx.strategy.length === 0) return out;
  ctx.kpis.forEach((k, i) => {
    // a red KPI nothing follows is told so by the rules above
    if (k.status === 'red' || refs[i]!.followed || refs[i]!.inStrategy) return;
    const field: KpiField = 'name';
    out.set(
      i,
      at(
        field,
        'No objective or strategy refers to this KPI: say what it keeps healthy in an objective\'s "Aligns to", or ask whether it is worth watching.',
      ),
    );
  });
  return out;
};

/** KPI checks in rule order, each over all KPIs at once (counting needs them all). */
export const KPI_RULES: ReadonlyArray<[CoachRuleId, KpiCheck]> = [
  ['kpi-count', kpiCount],
  ['kpi-red-orphan', red(true)],
  ['kpi-red-no-okr', red(false)],
  ['kpi-unreferenced', unreferenced],
];
