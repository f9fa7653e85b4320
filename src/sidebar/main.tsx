// The sidebar: a small Preact app. Panels are listed once in PANELS; they share the server State through
// AppProvider. A menu item may open the sidebar on a given panel: the server writes it into #app's
// data-panel attribute (see server/sidebar.ts).
import { render } from 'preact';
import { useState } from 'preact/hooks';
import type { SidebarIntent } from '../core/rpc';
import { KpisPanel } from './kpis/KpisPanel';
import { OkrsPanel } from './okrs/OkrsPanel';
import { OverviewPanel } from './overview/OverviewPanel';
import { NewQuarterPanel } from './quarter/NewQuarterPanel';
import { SettingsPanel } from './settings/SettingsPanel';
import { AppProvider, useApp } from './store';
import { NoticeLine } from './ui/NoticeLine';
import './styles.css';

type PanelId = 'okrs' | 'kpis' | 'overview' | 'settings';

interface PanelDef {
  id: PanelId;
  title: string;
}

const PANELS: PanelDef[] = [
  { id: 'okrs', title: 'OKRs' },
  { id: 'kpis', title: 'KPIs' },
  { id: 'overview', title: 'Workbook' },
  { id: 'settings', title: 'Settings' },
];

function initialPanel(intent: SidebarIntent): PanelId {
  return PANELS.some((p) => p.id === intent.panel) ? (intent.panel as PanelId) : 'okrs';
}

function App({ intent }: { intent: SidebarIntent }) {
  const app = useApp();
  const active = (PANELS.some((p) => p.id === app.panel) ? app.panel : 'okrs') as PanelId;
  const [newQuarter, setNewQuarter] = useState(intent.panel === 'quarter');
  // the review opens for the quarter it was asked for; once that quarter is closed (the page reloaded after
  // starting the next), the OKRs show instead
  const reviewAsked =
    newQuarter && (!intent.quarter || app.state?.settings.currentQuarter === intent.quarter);
  // "Tag this tab as KPI…" opens the KPIs panel on a tab once; moving between panels forgets it
  const [kpiSheet, setKpiSheet] = useState(intent.panel === 'kpis' ? intent.sheet : undefined);
  const panel = PANELS.find((p) => p.id === active) ?? PANELS[0]!;
  const choose = (id: PanelId) => {
    app.setPanel(id);
    setNewQuarter(false);
    setKpiSheet(undefined);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = PANELS.findIndex((p) => p.id === active);
    const next = PANELS[(i + (e.key === 'ArrowRight' ? 1 : PANELS.length - 1)) % PANELS.length]!;
    choose(next.id);
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
            onClick={() => choose(p.id)}
          >
            {p.title}
          </button>
        ))}
      </div>
      <main id="panel" role="tabpanel" aria-labelledby={`tab-${panel.id}`}>
        <NoticeLine />
        {active === 'okrs' &&
          (reviewAsked ? (
            <NewQuarterPanel onDone={() => setNewQuarter(false)} />
          ) : (
            <OkrsPanel onStartNewQuarter={() => setNewQuarter(true)} />
          ))}
        {active === 'kpis' && <KpisPanel sheet={kpiSheet} />}
        {active === 'overview' && <OverviewPanel />}
        {active === 'settings' && <SettingsPanel />}
      </main>
    </>
  );
}

const root = document.getElementById('app');
if (root) {
  const intent: SidebarIntent = {
    ...(root.dataset.panel ? { panel: root.dataset.panel as SidebarIntent['panel'] } : {}),
    ...(root.dataset.sheet ? { sheet: root.dataset.sheet } : {}),
    ...(root.dataset.quarter ? { quarter: root.dataset.quarter } : {}),
  };
  root.textContent = '';
  render(
    <AppProvider initialPanel={initialPanel(intent)}>
      <App intent={intent} />
    </AppProvider>,
    root,
  );
}
