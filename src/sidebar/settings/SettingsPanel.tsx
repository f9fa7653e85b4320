// Settings: waits for the shared State, then shows its form; a changed setting (saved here or elsewhere)
// starts the form afresh from it.
import { useApp } from '../store';
import { LoadFailed } from '../ui/LoadFailed';
import { Loading } from '../ui/Loading';
import { SettingsForm } from './SettingsForm';

export function SettingsPanel() {
  const app = useApp();
  const s = app.state?.settings;
  if (!s)
    return app.loadError ? (
      <LoadFailed error={app.loadError} onRetry={() => void app.reload()} />
    ) : (
      <Loading what="Reading settings…" />
    );
  return <SettingsForm key={JSON.stringify(s)} settings={s} />;
}
