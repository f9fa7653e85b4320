// The playground page: the workbook as Sheets shows it (menu bar, name box and formula bar, the grid, the sheet
// tabs), the add-on's menu as onOpen built it, the real sidebar and dialogs in iframes, toasts and alerts. This
// file is the app: what the page holds (the sheet shown, each sheet's selection, what is being typed) and what
// the user's clicks and keys do to the workbook, each through the HTTP API documented in README.md. The pieces
// it is drawn with are the files beside it; what Sheets' menus offer is sheets-menus.ts.
import { render } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ToastRecord } from '../emulator/ui';
import type { WorkbookView } from '../emulator/view';
import { type ActionResult, api, type UiJson } from './api';
import { formatClipboard, parseClipboard } from './clipboard';
import { BUTTONS, type Modal, ModalView, Toasts } from './dialogs';
import { Grid, type MenuTarget, type Move } from './grid';
import { LocaleSetting } from './locale';
import { ContextMenu, MenuBar } from './menus';
import { NameBox } from './name-box';
import { a1, type Cell, isSingle, parseRange, rangeA1, type Selection, single, span } from './selection';
import { contextMenu, type GridCommands, sheetsMenus } from './sheets-menus';
import { type SortChoice, SortDialog } from './sort-dialog';
import { TabBar } from './tabs';
import './styles.css';

/** Sheets' checkbox under the protected-range warning: the warning is not shown again for five minutes. */
const QUIET_MINUTES = 5;
const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

function App() {
  const [view, setView] = useState<WorkbookView | null>(null);
  const [ui, setUi] = useState<UiJson | null>(null);
  const [selection, setSelection] = useState<Selection>(single({ row: 1, column: 1 }));
  const [reveal, setReveal] = useState<{ cell: Cell } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [modals, setModals] = useState<Modal[]>([]);
  const [toasts, setToasts] = useState<ToastRecord[]>([]);
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [menu, setMenu] = useState<MenuTarget | null>(null);
  const [sorting, setSorting] = useState(false);
  const seen = useRef<{ toast: number; alert: number } | null>(null);
  /** Each sheet's selection and scroll position, by sheet id, while the page is open. */
  const selections = useRef(new Map<number, Selection>());
  const scrolls = useRef(new Map<number, { top: number; left: number }>());
  /** What this page last copied, to paste it as cells (formulas and formats) rather than as text. */
  const copied = useRef<{ text: string; from: string } | null>(null);
  const quietUntil = useRef(0);
  const shown = useRef<{ view: WorkbookView | null; selection: Selection }>({ view: null, selection });
  shown.current.selection = selection;

  /**
   * Shows the workbook as it is now, on its active sheet, as Sheets does: the sheet the user opened, or the one
   * the add-on activated. Another sheet than before comes back with its own selection, or at A1.
   */
  const refresh = useCallback(async () => {
    const [v, u] = await Promise.all([api<WorkbookView>('GET', '/api/view'), api<UiJson>('GET', '/api/ui')]);
    const before = shown.current.view;
    if (!before || before.sheet.id !== v.sheet.id) {
      if (before) selections.current.set(before.sheet.id, shown.current.selection);
      setSelection(
        selections.current.get(v.sheet.id) ?? parseRange(v.active.a1) ?? single({ row: 1, column: 1 }),
      );
      setEditing(null);
    }
    shown.current.view = v;
    setView(v);
    setUi(u);
    const maxToast = Math.max(0, ...u.toasts.map((t) => t.id));
    const maxAlert = Math.max(0, ...u.alerts.map((a) => a.id));
    if (seen.current === null) {
      seen.current = { toast: maxToast, alert: maxAlert };
      return v;
    }
    const newToasts = u.toasts.filter((t) => t.id > seen.current!.toast);
    const newAlerts = u.alerts.filter((a) => a.id > seen.current!.alert);
    seen.current = { toast: maxToast, alert: maxAlert };
    if (newToasts.length > 0) {
      setToasts((ts) => [...ts, ...newToasts]);
      for (const t of newToasts) {
        const seconds = t.timeoutSeconds === null ? 5 : t.timeoutSeconds;
        if (seconds >= 0)
          setTimeout(() => setToasts((ts) => ts.filter((x) => x.id !== t.id)), seconds * 1000);
      }
    }
    // Alerts with only OK were answered by themselves: show them now, as Sheets showed them. (Questions were
    // put to the user before the action ran.)
    for (const a of newAlerts.filter((x) => x.kind === 'alert' && x.buttons === 'OK')) {
      setModals((ms) => [
        ...ms,
        {
          title: a.title,
          message: a.prompt,
          buttons: ['OK'],
          onAnswer: () => setModals((m2) => m2.slice(1)),
        },
      ]);
    }
    return v;
  }, []);

  useEffect(() => {
    refresh().catch((e: unknown) => setBanner(String(e)));
  }, [refresh]);

  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      const data = e.data as { source?: string; type?: string; target?: { kind: string; id?: number } };
      if (data?.source !== 'okr-playground') return;
      if (data.type === 'changed') refresh().catch(() => {});
      if (data.type === 'close' && data.target) {
        const url =
          data.target.kind === 'sidebar' ? '/api/sidebar/close' : `/api/dialog/${data.target.id}/close`;
        api('POST', url)
          .then(() => refresh())
          .catch(() => {});
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [refresh]);

  /** Puts a message in front of the grid and waits for the user's answer. */
  const ask = (modal: Omit<Modal, 'onAnswer'>) =>
    new Promise<{ button: string; text: string; checked: boolean }>((resolve) => {
      setModals((ms) => [
        ...ms,
        {
          ...modal,
          onAnswer: (button, answer) => {
            setModals((m2) => m2.slice(1));
            // Back to the grid, as Sheets returns to it when a dialog closes.
            setTimeout(() => document.querySelector<HTMLElement>('[data-grid-input]')?.focus(), 0);
            resolve({ button, ...answer });
          },
        },
      ]);
    });

  const runMenu = async (fn: string, answers?: Array<string | { button: string; text: string }>) => {
    setBusy(true);
    setBanner(null);
    try {
      const r = await api<ActionResult>(
        'POST',
        `/api/menu/${encodeURIComponent(fn)}`,
        answers ? { answers } : {},
      );
      await refresh();
      if (!r.ok && 'question' in r) {
        const q = r.question;
        const answer = await ask({
          title: q.title,
          message: q.prompt,
          buttons: BUTTONS[q.buttons] ?? ['OK'],
          prompt: q.kind === 'prompt',
        });
        await runMenu(fn, [
          ...(answers ?? []),
          q.kind === 'prompt' ? { button: answer.button, text: answer.text } : answer.button,
        ]);
      } else if (!r.ok && 'error' in r) {
        setBanner(r.error);
      }
    } catch (e) {
      setBanner(String(e));
    } finally {
      setBusy(false);
    }
  };

  const select = (s: Selection, revealCell?: Cell) => {
    setSelection(s);
    setEditing(null);
    if (revealCell) setReveal({ cell: revealCell });
    if (view) api('POST', '/api/active', { sheet: view.sheet.name, a1: rangeA1(s) }).catch(() => {});
  };

  /**
   * One of the user's edits. A warning-only protection (a closed quarter) first shows Sheets' warning: OK
   * sends it again confirmed, Cancel leaves everything as it was. A refusal is shown as Sheets shows it; either
   * way the selection goes back to `stay` (a refused entry keeps its cell selected).
   */
  const userEdit = async (url: string, body: Record<string, unknown>, stay?: Selection): Promise<boolean> => {
    const send = (confirmed: boolean) =>
      api<ActionResult>('POST', url, confirmed ? { ...body, confirmed: true } : body);
    try {
      let r = await send(Date.now() < quietUntil.current);
      if (!r.ok && 'warning' in r) {
        const answer = await ask({
          title: '',
          message: r.warning,
          buttons: ['CANCEL', 'OK'],
          checkbox: `Don't show this again for ${QUIET_MINUTES} minutes`,
        });
        if (answer.button !== 'OK') {
          if (stay) select(stay, stay.active);
          await refresh();
          return false;
        }
        if (answer.checked) quietUntil.current = Date.now() + QUIET_MINUTES * 60_000;
        r = await send(true);
      }
      if (!r.ok && 'error' in r) {
        if (stay) select(stay, stay.active);
        await refresh();
        await ask({
          title: 'There was a problem',
          message: r.error.replace(/^There was a problem: /, ''),
          buttons: ['OK'],
        });
        return false;
      }
      await refresh();
      return r.ok;
    } catch (e) {
      setBanner(String(e));
      return false;
    }
  };

  const moved = (c: Cell, move: Move): Cell => {
    if (!view) return c;
    const { maxRows, maxColumns } = view.sheet;
    const d = { down: [1, 0], up: [-1, 0], right: [0, 1], left: [0, -1], none: [0, 0] }[move];
    return {
      row: Math.min(maxRows, Math.max(1, c.row + d[0]!)),
      column: Math.min(maxColumns, Math.max(1, c.column + d[1]!)),
    };
  };

  const commit = async (value: string, move: Move) => {
    if (!view) return;
    setEditing(null);
    const target = selection.active;
    // Move at once, as Sheets does, not when the server answers; a refusal brings the selection back.
    if (move !== 'none') {
      const to = moved(target, move);
      select(single(to), to);
    }
    await userEdit('/api/cell', { sheet: view.sheet.name, a1: a1(target), input: value }, single(target));
  };

  /** Delete: empties the selected cells (formats stay), one step to undo. */
  const clear = async () => {
    if (!view) return;
    const r = span(selection);
    if (isSingle(selection)) return commit('', 'none');
    const rows = Array.from({ length: r.bottom - r.top + 1 }, () =>
      new Array<string>(r.right - r.left + 1).fill(''),
    );
    await userEdit('/api/paste', { sheet: view.sheet.name, a1: rangeA1(selection), rows }, selection);
  };

  const copy = (): string => {
    if (!view) return '';
    const r = span(selection);
    const rows: string[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const cells: string[] = [];
      for (let column = r.left; column <= r.right; column++)
        cells.push(view.sheet.cells[a1({ row, column })]?.text ?? '');
      rows.push(cells);
    }
    const text = formatClipboard(rows);
    copied.current = { text, from: `${quoteSheet(view.sheet.name)}!${rangeA1(selection)}` };
    return text;
  };

  const paste = async (text: string) => {
    if (!view || text === '') return;
    const { top, left } = span(selection);
    const mine = copied.current && copied.current.text === text.replace(/\r\n?/g, '\n');
    const rows = mine ? undefined : parseClipboard(text);
    const from = mine ? parseRange(copied.current!.from.replace(/^.*!/, '')) : undefined;
    const height = rows ? rows.length : from ? span(from).bottom - span(from).top + 1 : 1;
    const width = rows
      ? Math.max(1, ...rows.map((r) => r.length))
      : from
        ? span(from).right - span(from).left + 1
        : 1;
    const body = mine ? { from: copied.current!.from } : { rows };
    if (
      await userEdit(
        '/api/paste',
        { sheet: view.sheet.name, a1: a1({ row: top, column: left }), ...body },
        selection,
      )
    ) {
      // The pasted cells are selected, as in Sheets.
      setSelection({
        active: { row: top, column: left },
        extent: { row: top + height - 1, column: left + width - 1 },
      });
    }
  };

  /** After undo or redo: the sheet and cell where the change was, as Sheets shows them. */
  const history = async (which: 'undo' | 'redo') => {
    setEditing(null);
    const r = await api<ActionResult>('POST', `/api/${which}`);
    if (!r.ok) return;
    const v = await refresh();
    const at = parseRange(v.active.a1) ?? single({ row: 1, column: 1 });
    setSelection(at);
    setReveal({ cell: at.active });
  };

  const openSheet = async (name: string) => {
    if (!view || name === view.sheet.name) return;
    setEditing(null);
    const tab = view.tabs.find((t) => t.name === name);
    const kept = tab ? selections.current.get(tab.id) : undefined;
    await api('POST', '/api/active', { sheet: name, ...(kept ? { a1: rangeA1(kept) } : {}) });
    await refresh();
  };

  // Undo and redo also when the grid's input does not have the focus (after a menu, in the name box's absence).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = document.activeElement;
      if (el && el !== document.body) return;
      const k = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && k === 'z') {
        e.preventDefault();
        history(e.shiftKey ? 'redo' : 'undo');
      } else if ((e.ctrlKey || e.metaKey) && k === 'y') {
        e.preventDefault();
        history('redo');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!view || !ui) {
    return <p class="boot">{banner ?? 'Loading the playground…'}</p>;
  }

  const sheet = view.sheet;
  const r = span(selection);
  const rowCount = r.bottom - r.top + 1;
  const sortRange = (choice: SortChoice) =>
    userEdit('/api/sort', { sheet: sheet.name, a1: rangeA1(selection), ...choice }, selection);
  const commands: GridCommands = {
    undo: () => history('undo'),
    redo: () => history('redo'),
    insertRows: (above) =>
      userEdit('/api/rows/insert', { sheet: sheet.name, at: above ? r.top : r.bottom + 1, count: rowCount }),
    deleteRows: () =>
      userEdit('/api/rows/delete', { sheet: sheet.name, row: r.top, count: rowCount }, selection),
    sortSheet: (ascending) =>
      userEdit('/api/sort', { sheet: sheet.name, column: selection.active.column, ascending }),
    sortRange,
    sortRangeDialog: () => setSorting(true),
  };

  const cell = sheet.cells[a1(selection.active)];
  const dialog = ui.dialogs.at(-1);
  return (
    <div class={`app ${busy ? 'busy' : ''}`}>
      <header class="topbar">
        <div class="doc-icon" aria-hidden="true">
          <span />
        </div>
        <div class="doc-titles">
          <div class="doc-title">
            {view.name}
            <span class="badge" title="Everything runs locally on an emulator of Google Sheets">
              local playground
            </span>
          </div>
          <MenuBar
            sheets={sheetsMenus(selection, ui.history, commands)}
            addonMenus={ui.menus}
            onRun={(fn) => runMenu(fn)}
          />
        </div>
        <LocaleSetting
          locale={view.locale}
          onChanged={(error) => (error ? setBanner(error) : refresh().then(() => undefined))}
        />
      </header>
      {banner && (
        <div class="banner" role="alert">
          <span>{banner}</span>
          <button type="button" aria-label="Dismiss" onClick={() => setBanner(null)}>
            ×
          </button>
        </div>
      )}
      <div class="formula-bar">
        <NameBox
          value={rangeA1(selection)}
          onGo={(ref) => {
            const target = parseRange(ref.trim().toUpperCase());
            const r2 = target && span(target);
            if (target && r2 && r2.bottom <= sheet.maxRows && r2.right <= sheet.maxColumns) {
              select(target, target.active);
              setTimeout(() => document.querySelector<HTMLElement>('[data-grid-input]')?.focus(), 0);
            }
          }}
        />
        <div class="fx" aria-hidden="true">
          fx
        </div>
        <input
          class={`formula-input ${cell?.spilled ? 'spilled' : ''}`}
          aria-label="Formula bar"
          value={editing ?? cell?.input ?? ''}
          onFocus={() => {
            if (editing === null) setEditing(cell?.input ?? '');
          }}
          onInput={(e) => setEditing((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit((e.target as HTMLInputElement).value, 'down');
              (e.target as HTMLInputElement).blur();
            } else if (e.key === 'Escape') {
              setEditing(null);
              (e.target as HTMLInputElement).blur();
            }
          }}
        />
      </div>
      <div class="workspace">
        <div class="sheet-area">
          <Grid
            sheet={sheet}
            selection={selection}
            reveal={reveal}
            editing={editing}
            scrolls={scrolls.current}
            onSelect={select}
            onStartEdit={(initial) => setEditing(initial ?? cell?.input ?? '')}
            onEditChange={setEditing}
            onCommit={commit}
            onCancel={() => setEditing(null)}
            onClear={clear}
            onUndo={() => history('undo')}
            onRedo={() => history('redo')}
            onCopy={copy}
            onPaste={paste}
            onMenu={setMenu}
          />
          <TabBar tabs={view.tabs} active={sheet.name} onOpen={openSheet} />
        </div>
        {ui.sidebar && (
          <aside class="sidebar" aria-label={ui.sidebar.title || 'Add-on sidebar'}>
            <div class="sidebar-header">
              <h2>{ui.sidebar.title}</h2>
              <button
                type="button"
                aria-label="Close sidebar"
                onClick={() => api('POST', '/api/sidebar/close').then(() => refresh())}
              >
                ×
              </button>
            </div>
            <iframe
              key={ui.sidebar.version}
              title={ui.sidebar.title || 'Sidebar'}
              src={`/sidebar?v=${ui.sidebar.version}`}
            />
          </aside>
        )}
      </div>
      {menu && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          items={contextMenu(menu, selection, commands)}
          onClose={() => setMenu(null)}
        />
      )}
      {sorting && (
        <SortDialog
          range={r}
          headerText={(c) => sheet.cells[a1({ row: r.top, column: c })]?.text ?? ''}
          onCancel={() => setSorting(false)}
          onSort={(choice) => {
            setSorting(false);
            sortRange(choice);
          }}
        />
      )}
      {dialog && (
        <div class="overlay">
          <div
            class="dialog"
            role="dialog"
            aria-label={dialog.title}
            style={{ width: `${dialog.width || 600}px` }}
          >
            <div class="dialog-header">
              <h2>{dialog.title}</h2>
              <button
                type="button"
                aria-label="Close dialog"
                onClick={() => api('POST', `/api/dialog/${dialog.id}/close`).then(() => refresh())}
              >
                ×
              </button>
            </div>
            <iframe
              title={dialog.title}
              src={`/dialog/${dialog.id}`}
              style={{ height: `${dialog.height || 400}px` }}
            />
          </div>
        </div>
      )}
      {modals[0] && <ModalView key={modals.length} modal={modals[0]} />}
      <Toasts
        toasts={toasts}
        besideSidebar={Boolean(ui.sidebar)}
        onDismiss={(id) => setToasts((ts) => ts.filter((t) => t.id !== id))}
      />
    </div>
  );
}

const root = document.getElementById('root');
if (root) {
  root.textContent = '';
  render(<App />, root);
}
