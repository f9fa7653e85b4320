// One objective of the running quarter as a card: its head (or its form while edited), the coach's hint, its
// key results (each a row, or the form or confirmation open on it), and the objective's own actions.
import { plural } from '../../core/plural';
import type { ObjectiveView, State } from '../../core/rpc';
import { CheckInForm } from './CheckInForm';
import { CoachHint } from './CoachHint';
import { ConfirmDelete } from './ConfirmDelete';
import type { Editing } from './editing';
import { KeyResultForm } from './KeyResultForm';
import { KeyResultRow } from './KeyResultRow';
import { ObjectiveForm } from './ObjectiveForm';
import { ScoreBadge } from './ScoreBadge';

export function ObjectiveCard({
  state,
  objective: o,
  editing,
  onEdit,
  onDone,
}: {
  state: State;
  objective: ObjectiveView;
  editing?: Editing;
  onEdit: (e: Editing) => void;
  onDone: () => void;
}) {
  const bands = state.settings.scoring;
  return (
    <article class="objective card" data-id={o.id} tabIndex={-1} aria-label={`${o.id} ${o.title}`}>
      {editing?.kind === 'objective' && editing.objective?.id === o.id ? (
        <ObjectiveForm state={state} objective={o} onDone={onDone} />
      ) : (
        <header class="objective-head">
          <div>
            <div class="id">{o.id}</div>
            <div class="title">{o.title}</div>
            <div class="muted small">
              {[o.owner, o.team, o.alignsTo && `aligns to ${o.alignsTo}`].filter(Boolean).join(' · ')}
            </div>
          </div>
          <ScoreBadge score={o.score} error={o.scoreError} bands={bands} status={o.status} />
        </header>
      )}
      {o.keyResultCount !== undefined && (o.counted ?? 0) < o.keyResultCount && (
        <p class="muted small counted">
          {o.counted} of {plural(o.keyResultCount, 'key result')} scored:{' '}
          {o.keyResultCount - (o.counted ?? 0) === 1
            ? 'one has no target yet and is left out until it has one.'
            : `${o.keyResultCount - (o.counted ?? 0)} have no target yet and are left out until they have one.`}
        </p>
      )}
      <CoachHint objective={o} />
      <ul class="krs">
        {o.keyResults.map((kr) => (
          <li key={kr.noId ? `row-${kr.title}` : kr.id} class="kr">
            {editing?.kind === 'keyResult' && editing.keyResult?.id === kr.id ? (
              <KeyResultForm state={state} objectiveId={o.id} keyResult={kr} onDone={onDone} />
            ) : editing?.kind === 'checkIn' && editing.keyResult.id === kr.id ? (
              <CheckInForm keyResult={kr} kpis={state.kpis} onDone={onDone} />
            ) : editing?.kind === 'delete' && editing.keyResult?.id === kr.id ? (
              <ConfirmDelete keyResult={kr} onDone={onDone} />
            ) : (
              <KeyResultRow kr={kr} kpis={state.kpis} bands={bands} onEdit={onEdit} />
            )}
          </li>
        ))}
      </ul>
      {editing?.kind === 'keyResult' && !editing.keyResult && editing.objectiveId === o.id && (
        <KeyResultForm state={state} objectiveId={o.id} onDone={onDone} />
      )}
      {editing?.kind === 'delete' && editing.objective?.id === o.id && (
        <ConfirmDelete objective={o} onDone={onDone} />
      )}
      <div class="row-actions">
        <button type="button" class="link" onClick={() => onEdit({ kind: 'keyResult', objectiveId: o.id })}>
          + Key result
        </button>
        <button type="button" class="link" onClick={() => onEdit({ kind: 'objective', objective: o })}>
          Edit
        </button>
        <button
          type="button"
          class="link danger-link"
          onClick={() => onEdit({ kind: 'delete', objective: o })}
        >
          Delete
        </button>
      </div>
    </article>
  );
}
