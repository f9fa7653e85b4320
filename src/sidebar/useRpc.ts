// Loading / error / value state for one RPC, with a reload function.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { errorMessage } from './rpc';

export interface Loaded<T> {
  value?: T;
  error?: string;
  loading: boolean;
  reload: () => void;
}

export function useRpc<T>(load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<{ value?: T; error?: string; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (value) => live && setState({ value, loading: false }),
      (e: unknown) => live && setState({ error: errorMessage(e), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [tick]);
  return { ...state, reload };
}
