// The sidebar: a small Preact app. Panels are listed once in PANELS; each fetches its data through rpc().
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { OverviewPanel } from './panels/overview';
import './styles.css';

interface PanelDef {
  id: string;
  title: string;
  view: () => preact.JSX.Element;
}

const PANELS: PanelDef[] = [{ id: 'overview', title: 'Overview', view: () => <OverviewPanel /> }];

function App() {
  const [active, setActive] = useState(PANELS[0]!.id);
  const panel = PANELS.find((p) => p.id === active) ?? PANELS[0]!;
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = PANELS.findIndex((p) => p.id === active);
    const next = PANELS[(i + (e.key === 'ArrowRight' ? 1 : PANELS.length - 1)) % PANELS.length]!;
    setActive(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label="okr-sheets" onKeyDown={onKey}>
        {PANELS.map((p) => (
          <button
            key={p.id}
            id={`tab-${p.id}`}
            type="button"
            role="tab"
            aria-selected={p.id === active}
            aria-controls="panel"
            tabIndex={p.id === active ? 0 : -1}
            onClick={() => setActive(p.id)}
          >
            {p.title}
          </button>
        ))}
      </div>
      <main id="panel" role="tabpanel" aria-labelledby={`tab-${panel.id}`}>
        {panel.view()}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
