// An error shown in place: a failed load, a refused form, a tab list that could not be read.
import type { ComponentChildren } from 'preact';

export function Alert({ children }: { children: ComponentChildren }) {
  return (
    <div class="error" role="alert">
      {children}
    </div>
  );
}
