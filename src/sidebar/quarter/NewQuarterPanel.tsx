// Start new quarter, first step: read the closing quarter's final scores and what would carry over
// (previewNewQuarter), then hand them to the review; if they cannot be read, say why and go back.
import { rpc } from '../rpc';
import { LoadFailed } from '../ui/LoadFailed';
import { Loading } from '../ui/Loading';
import { useRpc } from '../useRpc';
import { QuarterReview } from './QuarterReview';

export function NewQuarterPanel({ onDone }: { onDone: () => void }) {
  const preview = useRpc(() => rpc('previewNewQuarter', { carry: 'unfinished' }));
  if (preview.error) {
    return (
      <section aria-label="Start new quarter">
        <LoadFailed error={preview.error} onRetry={onDone} retryLabel="Back" />
      </section>
    );
  }
  if (!preview.value) return <Loading what="Reading final scores…" />;
  return <QuarterReview preview={preview.value} onDone={onDone} />;
}
