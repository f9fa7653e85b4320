// What a panel shows when its data could not be read: the error and one way on (try again, or back).
import { Alert } from './Alert';

export function LoadFailed({
  error,
  onRetry,
  retryLabel = 'Try again',
}: {
  error?: string;
  onRetry: () => void;
  retryLabel?: string;
}) {
  return (
    <div>
      <Alert>{error}</Alert>
      <button type="button" class="secondary" onClick={onRetry}>
        {retryLabel}
      </button>
    </div>
  );
}
