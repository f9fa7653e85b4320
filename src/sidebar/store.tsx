// The sidebar's shared state: the server's State (quarter, OKRs, KPIs, settings) loaded once and replaced by the
// state every action answers with (one server execution per action; its locale is the one format.ts shows
// numbers in), the notice for what just happened (ui/NoticeLine shows it), and the panel on show. The state is
// read again when the user comes back to the sidebar (it regains focus or becomes visible) after typing in the
// sheet: one getState, at most every few seconds, never while a read or an action is under way.
// Panels read it through useApp().
import { type ComponentChildren, createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
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

/** Coming back to the sidebar re-reads the state unless it was read this recently. */
const REFRESH_AFTER_MS = 3000;

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
  const [panel, showPanel] = useState(initialPanel);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string>();
  const [notice, say] = useState<Notice>();

  const inFlight = useRef(0);
  const lastRead = useRef(0);
  const show = useCallback((next: State) => {
    showNumbersIn(next.locale);
    setState(next);
    setLoadError(undefined);
    lastRead.current = Date.now(); // an action's answer is as fresh as a read
  }, []);

  const reload = useCallback(async () => {
    setLoading(true);
    inFlight.current++;
    lastRead.current = Date.now();
    try {
      show(await rpc('getState'));
    } catch (e) {
      setLoadError(errorMessage(e));
    } finally {
      inFlight.current--;
      setLoading(false);
    }
  }, [show]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    const cameBack = () => {
      if (document.visibilityState === 'hidden') return;
      if (inFlight.current > 0 || Date.now() - lastRead.current < REFRESH_AFTER_MS) return;
      void reload();
    };
    window.addEventListener('focus', cameBack);
    document.addEventListener('visibilitychange', cameBack);
    return () => {
      window.removeEventListener('focus', cameBack);
      document.removeEventListener('visibilitychange', cameBack);
    };
  }, [reload]);

  const act = useCallback(
    async <T extends { state: State }>(
      call: () => Promise<T>,
      success?: (value: T) => string,
    ): Promise<T> => {
      say(undefined);
      inFlight.current++;
      try {
        const value = await call();
        show(value.state);
        if (success) say({ kind: 'ok', text: success(value) });
        return value;
      } catch (e) {
        say({ kind: 'error', text: errorMessage(e) });
        throw e;
      } finally {
        inFlight.current--;
      }
    },
    [show],
  );

  // a message belongs to the panel it came from
  const setPanel = useCallback((next: string) => {
    say(undefined);
    showPanel(next);
  }, []);

  const app = useMemo(
    () => ({ state, loading, loadError, reload, notice, say, act, fixKpi, setFixKpi, panel, setPanel }),
    [state, loading, loadError, reload, notice, act, fixKpi, panel, setPanel],
  );
  return <AppContext.Provider value={app}>{children}</AppContext.Provider>;
}

export function useApp(): App {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside AppProvider');
  return app;
}
