// The page's calls to the playground's HTTP API (README.md, Playground HTTP API), and the shapes it answers.
import type { AlertRecord, MenuRecord, PendingQuestion, ToastRecord } from '../emulator/ui';

export interface UiJson {
  menus: MenuRecord[];
  sidebar: { title: string; version: number } | null;
  dialogs: Array<{ id: number; title: string; width: number; height: number }>;
  toasts: ToastRecord[];
  alerts: AlertRecord[];
  history: { undo: number; redo: number };
}

export type ActionResult =
  | { ok: true }
  | { ok: false; error: string }
  | { ok: false; question: PendingQuestion }
  | { ok: false; warning: string };

/** One call; every change is sent as JSON, which the server requires of a POST. */
export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(
    url,
    method === 'GET'
      ? { method }
      : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) },
  );
  const data = (await res.json()) as T;
  if (!res.ok) throw new Error((data as { error?: string }).error ?? `HTTP ${res.status}`);
  return data;
}
