// The sidebar's shared state: the server's State (quarter, OKRs, KPIs, settings) loaded once and replaced by the
// state every action answers with (one server execution per action; its locale is the one format.ts shows
// numbers in), the notice for what just happened
// (ui/NoticeLine shows it), and the panel on show.
// Panels read it through useApp().
import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { KpiView, State } from '../core/rpc';
import { showNumbersIn } from './format';
import { errorMessage, rpc } from './rpc';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export interface App {
  state?: State;
  loading: boolean;
  loadError?: string;
  reload: () => Promise<void>;
  notice?: Notice;
  say: (notice?: Notice) => void;
  /**
   * runs an action, which answers with the state after it, and shows that state; failures become the notice
   * and are rethrown for forms
   */
  act: <T extends { state: State }>(call: () => Promise<T>, success?: (value: T) => string) => Promise<T>;
  /** a red KPI to turn into an objective: the OKRs panel shows a pre-filled form for it */
  fixKpi?: KpiView;
  setFixKpi: (kpi?: KpiView) => void;
  /** the panel on show; panels may switch it (e.g. the KPIs panel to OKRs for a fix) */
  panel: string;
  setPanel: (panel: string) => void;
}

const AppContext = createContext<App | undefined>(undefined);

export function AppProvider({
  children,
  initialPanel,
}: {
  children: ComponentChildren;
  initialPanel: string;
}) {
  const [state, setState] = useState<State>();
  const [fixKpi, setFixKpi] = useState<KpiView>();
  const [panel, setPanel] = useState(initialPanel);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string>();
  const [notice, say] = useState<Notice>();

  const show = useCallback((next: State) => {
    showNumbersIn(next.locale);
    setState(next);
    setLoadError(undefined);
  }, []);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      show(await rpc('getState'));
    } catch (e) {
      setLoadError(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }, [show]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const act = useCallback(
    async <T extends { state: State }>(
      call: () => Promise<T>,
      success?: (value: T) => string,
    ): Promise<T> => {
      say(undefined);
      try {
        const value = await call();
        show(value.state);
        if (success) say({ kind: 'ok', text: success(value) });
        return value;
      } catch (e) {
        say({ kind: 'error', text: errorMessage(e) });
        throw e;
      }
    },
    [show],
  );

  const app = useMemo(
    () => ({ state, loading, loadError, reload, notice, say, act, fixKpi, setFixKpi, panel, setPanel }),
    [state, loading, loadError, reload, notice, act, fixKpi, panel],
  );
  return <AppContext.Provider value={app}>{children}</AppContext.Provider>;
}

export function useApp(): App {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside AppProvider');
  return app;
}
