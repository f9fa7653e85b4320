// The line a panel shows while its data is on the way: a spinner and what is being read.
export function Loading({ what }: { what: string }) {
  return (
    <p class="muted">
      <span class="spinner" aria-hidden="true" />
      {what}
    </p>
  );
}
