// What "+ Tag a KPI" (or a tab's "Tag…", or the menu's "Tag this tab as KPI…") opens: the tag form on the tab
// asked for (else the first taggable one), or why there is nothing to tag, while the tabs are read.
import type { TabView } from '../../core/rpc';
import { Acknowledge } from '../ui/Acknowledge';
import { Alert } from '../ui/Alert';
import { Loading } from '../ui/Loading';
import type { Loaded } from '../useRpc';
import { TagForm } from './TagForm';

export function TagStart({
  tabs,
  asked,
  onDone,
  onCancel,
}: {
  tabs: Loaded<TabView[]>;
  /** the tab the user asked for, if any */
  asked?: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  if (!tabs.value) return tabs.error ? <Alert>{tabs.error}</Alert> : <Loading what="Reading your tabs…" />;
  const taggable = tabs.value.filter((t) => !t.problem);
  const askedOwn = asked !== undefined && !tabs.value.some((t) => t.name === asked);
  if (askedOwn || taggable.length === 0) {
    return (
      <Acknowledge onOk={onCancel}>
        {askedOwn
          ? `"${asked}" is a sheet okr-sheets keeps, not a KPI tab. Choose one of your tabs below.`
          : 'None of your tabs holds a column of numbers yet: a KPI tab has dates and values, one row per period.'}
      </Acknowledge>
    );
  }
  return (
    <TagForm
      key={asked ?? ''}
      tabs={taggable}
      sheet={asked && taggable.some((t) => t.name === asked) ? asked : taggable[0]!.name}
      onDone={onDone}
      onCancel={onCancel}
    />
  );
}
