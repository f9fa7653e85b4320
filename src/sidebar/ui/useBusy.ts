// A busy flag around one async step (a save, a set-up, a quarter start): true while the step runs, and a
// start while it is busy is ignored, so a double click does the thing once.
import { useState } from 'preact/hooks';

export function useBusy(): [busy: boolean, run: (step: () => Promise<void>) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const run = async (step: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await step();
    } finally {
      setBusy(false);
    }
  };
  return [busy, run];
}
