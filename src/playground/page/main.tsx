// The playground page: the workbook as a spreadsheet grid (tabs, headers, frozen rows, formats, colours,
// formula bar, typing with recalculation), the add-on's menu as onOpen built it, the real sidebar and dialogs
// in iframes, toasts and alerts. Everything goes through the HTTP API documented in README.md.
import { render } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { columnLetter, columnNumber } from '../../core/a1';
import type { AlertRecord, MenuEntry, MenuRecord, PendingQuestion, ToastRecord } from '../emulator/ui';
import type { CellView, WorkbookView } from '../emulator/view';
import { LocaleSetting } from './locale';
import './styles.css';

interface UiJson {
  menus: MenuRecord[];
  sidebar: { title: string; version: number } | null;
  dialogs: Array<{ id: number; title: string; width: number; height: number }>;
  toasts: ToastRecord[];
  alerts: AlertRecord[];
}

type ActionResult = { ok: true } | { ok: false; error: string } | { ok: false; question: PendingQuestion };

const ROW_HEIGHT = 21;
const HEADER_HEIGHT = 24;
const ROW_HEADER_WIDTH = 46;
const DEFAULT_COLUMN_WIDTH = 100;
const OVERSCAN = 10;

const a1 = (row: number, column: number) => `${columnLetter(column)}${row}`;

async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = (await res.json()) as T;
  if (!res.ok) throw new Error((data as { error?: string }).error ?? `HTTP ${res.status}`);
  return data;
}

// ---- menus -------------------------------------------------------------------------------------------------

const GOOGLE_MENUS = ['File', 'Edit', 'View', 'Insert', 'Format', 'Data', 'Tools'];

function MenuItems(props: { items: MenuEntry[]; onRun: (fn: string) => void }) {
  return (
    <ul class="menu-list">
      {props.items.map((item, i) =>
        item.type === 'separator' ? (
          <li key={`sep${i}`} class="menu-separator" />
        ) : item.type === 'submenu' ? (
          <li key={item.caption} class="has-sub">
            <button type="button" class="menu-item" aria-haspopup="menu">
              <span>{item.caption}</span>
              <span class="chevron">▸</span>
            </button>
            <MenuItems items={item.items} onRun={props.onRun} />
          </li>
        ) : (
          <li key={item.caption}>
            <button type="button" class="menu-item" onClick={() => props.onRun(item.functionName)}>
              {item.caption}
            </button>
          </li>
        ),
      )}
    </ul>
  );
}

function MenuBar(props: { menus: MenuRecord[]; onRun: (fn: string) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(null);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);
  const addonMenus = props.menus.filter((m) => m.addon);
  const customMenus = props.menus.filter((m) => !m.addon);
  const run = (fn: string) => {
    setOpen(null);
    props.onRun(fn);
  };
  const toggle = (name: string) => setOpen((o) => (o === name ? null : name));
  return (
    <div class="menubar" ref={ref}>
      {GOOGLE_MENUS.map((name) => (
        <span key={name} class="menubar-item inert" title="Not part of the playground">
          {name}
        </span>
      ))}
      <div class="menubar-entry">
        <button
          type="button"
          class={`menubar-item ${open === 'Extensions' ? 'open' : ''}`}
          aria-haspopup="menu"
          aria-expanded={open === 'Extensions'}
          onClick={() => toggle('Extensions')}
        >
          Extensions
        </button>
        {open === 'Extensions' && (
          <div class="menu-popup">
            {addonMenus.length === 0 ? (
              <p class="menu-empty">No add-on menu (onOpen has not added one).</p>
            ) : (
              <ul class="menu-list">
                {addonMenus.map((m) => (
                  <li key={m.caption} class="has-sub">
                    <button type="button" class="menu-item" aria-haspopup="menu">
                      <span>{m.caption}</span>
                      <span class="chevron">▸</span>
                    </button>
                    <MenuItems items={m.items} onRun={run} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <span class="menubar-item inert" title="Not part of the playground">
        Help
      </span>
      {customMenus.map((m) => (
        <div class="menubar-entry" key={m.caption}>
          <button
            type="button"
            class={`menubar-item ${open === m.caption ? 'open' : ''}`}
            onClick={() => toggle(m.caption)}
          >
            {m.caption}
          </button>
          {open === m.caption && (
            <div class="menu-popup">
              <MenuItems items={m.items} onRun={run} />
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

// ---- grid ----------------------------------------------------------------------------------------------------

interface Selection {
  row: number;
  column: number;
}

interface GridProps {
  view: WorkbookView;
  selection: Selection;
  editing: string | null;
  onSelect: (s: Selection) => void;
  onStartEdit: (initial: string | null) => void;
  onEditChange: (value: string) => void;
  onCommit: (value: string, move: 'down' | 'right' | 'none') => void;
  onCancel: () => void;
  onClear: () => void;
}

function cellStyle(cell: CellView | undefined, width: number): Record<string, string> {
  const style: Record<string, string> = { width: `${width}px` };
  if (!cell) return style;
  if (cell.background) style.background = cell.background;
  if (cell.color) style.color = cell.color;
  if (cell.bold) style.fontWeight = 'bold';
  const align =
    cell.align ??
    (cell.kind === 'number' ? 'right' : cell.kind === 'boolean' || cell.kind === 'error' ? 'center' : 'left');
  style.textAlign = align;
  if (cell.wrap) style.whiteSpace = 'normal';
  return style;
}

function Grid(props: GridProps) {
  const { view, selection } = props;
  const sheet = view.sheet;
  const scroller = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 800 });
  const [dropdown, setDropdown] = useState(false);
  const widths = useMemo(
    () =>
      Array.from({ length: sheet.maxColumns }, (_, i) => sheet.columnWidths[i + 1] ?? DEFAULT_COLUMN_WIDTH),
    [sheet],
  );
  const lefts = useMemo(() => {
    const out: number[] = [];
    let x = ROW_HEADER_WIDTH;
    for (const w of widths) {
      out.push(x);
      x += w;
    }
    return out;
  }, [widths]);
  const totalWidth = ROW_HEADER_WIDTH + widths.reduce((a, b) => a + b, 0);
  const frozen = Math.min(sheet.frozenRows, sheet.maxRows);
  const bodyRows = sheet.maxRows - frozen;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setScroll({ top: el.scrollTop, height: el.clientHeight });
    update();
    el.addEventListener('scroll', update);
    window.addEventListener('resize', update);
    return () => {
      el.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, []);

  useEffect(() => setDropdown(false), [selection.row, selection.column, sheet.name]);

  // Keep the selected cell in view.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const top = HEADER_HEIGHT + (selection.row - 1) * ROW_HEIGHT;
    const stickyHeight = HEADER_HEIGHT + frozen * ROW_HEIGHT;
    if (selection.row > frozen) {
      if (top - frozen * ROW_HEIGHT < el.scrollTop + HEADER_HEIGHT) el.scrollTop = top - stickyHeight;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
        el.scrollTop = top + ROW_HEIGHT - el.clientHeight + 2;
    }
    const left = lefts[selection.column - 1] ?? 0;
    const w = widths[selection.column - 1] ?? DEFAULT_COLUMN_WIDTH;
    if (left - ROW_HEADER_WIDTH < el.scrollLeft) el.scrollLeft = left - ROW_HEADER_WIDTH;
    else if (left + w > el.scrollLeft + el.clientWidth) el.scrollLeft = left + w - el.clientWidth + 2;
  }, [selection.row, selection.column]);

  const firstBody = Math.max(frozen + 1, frozen + 1 + Math.floor(scroll.top / ROW_HEIGHT) - OVERSCAN);
  const lastBody = Math.min(
    sheet.maxRows,
    frozen + Math.ceil((scroll.top + scroll.height) / ROW_HEIGHT) + OVERSCAN,
  );

  const renderRow = (row: number, top: number | undefined) => (
    <div
      key={row}
      class={`grid-row ${row === frozen ? 'frozen-last' : ''}`}
      style={top === undefined ? { width: `${totalWidth}px` } : { top: `${top}px`, width: `${totalWidth}px` }}
    >
      <div
        class={`row-header ${row === selection.row ? 'selected' : ''}`}
        style={{ width: `${ROW_HEADER_WIDTH}px` }}
      >
        {row}
      </div>
      {widths.map((w, i) => {
        const column = i + 1;
        const key = a1(row, column);
        const cell = sheet.cells[key];
        const selected = row === selection.row && column === selection.column;
        return (
          // biome-ignore lint/a11y/useSemanticElements: cells of a virtualised div grid (see the grid's note)
          <div
            key={key}
            role="gridcell"
            tabIndex={-1}
            aria-selected={selected}
            class={`cell ${selected ? 'selected' : ''} ${cell?.kind === 'error' ? 'error' : ''}`}
            style={cellStyle(cell, w)}
            title={cell?.error ?? cell?.help}
            data-cell={key}
            onMouseDown={(e) => {
              e.preventDefault();
              props.onSelect({ row, column });
              editor.current?.focus();
            }}
            onDblClick={() => props.onStartEdit(null)}
          >
            {cell?.text}
            {cell?.choices && selected && (
              <button
                type="button"
                class="dropdown-toggle"
                aria-label="Show choices"
                onMouseDown={(e) => {
                  e.stopPropagation();
                  e.preventDefault();
                  setDropdown((d) => !d);
                }}
              >
                ▾
              </button>
            )}
          </div>
        );
      })}
    </div>
  );

  const selectedCell = sheet.cells[a1(selection.row, selection.column)];
  const selTop =
    selection.row <= frozen
      ? HEADER_HEIGHT + (selection.row - 1) * ROW_HEIGHT + scroll.top
      : HEADER_HEIGHT + (selection.row - 1) * ROW_HEIGHT;
  const selLeft = lefts[selection.column - 1] ?? ROW_HEADER_WIDTH;
  const selWidth = widths[selection.column - 1] ?? DEFAULT_COLUMN_WIDTH;

  // One input, always at the selected cell and focused while the grid is in use (as Sheets does): hidden
  // until the user types, so no keystroke is lost between "start editing" and the editor appearing.
  const editor = useRef<HTMLInputElement>(null);
  const editingNow = props.editing !== null;
  const onKeyDown = (e: KeyboardEvent) => {
    const input = e.target as HTMLInputElement;
    if (editingNow) {
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        props.onCommit(input.value, e.key === 'Enter' ? 'down' : 'right');
      } else if (e.key === 'Escape') {
        e.preventDefault();
        props.onCancel();
      }
      return;
    }
    const move = (dr: number, dc: number) => {
      e.preventDefault();
      props.onSelect({
        row: Math.min(sheet.maxRows, Math.max(1, selection.row + dr)),
        column: Math.min(sheet.maxColumns, Math.max(1, selection.column + dc)),
      });
    };
    if (e.key === 'ArrowDown') return move(1, 0);
    if (e.key === 'ArrowUp') return move(-1, 0);
    if (e.key === 'ArrowRight' || (e.key === 'Tab' && !e.shiftKey)) return move(0, 1);
    if (e.key === 'ArrowLeft' || (e.key === 'Tab' && e.shiftKey)) return move(0, -1);
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      return props.onStartEdit(null);
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      return props.onClear();
    }
    // Printable keys fall through: the input receives them and onInput starts editing.
  };
  useEffect(() => {
    const el = editor.current;
    if (!el) return;
    if (editingNow) el.setSelectionRange(el.value.length, el.value.length);
  }, [editingNow]);

  return (
    // biome-ignore lint/a11y/useSemanticElements: a virtualised grid of divs; a <table> cannot keep sticky frozen rows and windowed rendering
    <div
      class="grid-scroller"
      ref={scroller}
      role="grid"
      aria-label={`Sheet ${sheet.name}`}
      aria-rowcount={sheet.maxRows}
      aria-colcount={sheet.maxColumns}
      onMouseDown={() => setTimeout(() => editor.current?.focus(), 0)}
    >
      <div
        class="grid-canvas"
        style={{ width: `${totalWidth}px`, height: `${HEADER_HEIGHT + sheet.maxRows * ROW_HEIGHT}px` }}
      >
        <div class="column-headers" style={{ width: `${totalWidth}px`, height: `${HEADER_HEIGHT}px` }}>
          <div class="corner" style={{ width: `${ROW_HEADER_WIDTH}px` }} />
          {widths.map((w, i) => (
            <div
              key={i}
              class={`column-header ${i + 1 === selection.column ? 'selected' : ''}`}
              style={{ width: `${w}px` }}
            >
              {columnLetter(i + 1)}
            </div>
          ))}
        </div>
        {frozen > 0 && (
          <div class="frozen-rows" style={{ top: `${HEADER_HEIGHT}px`, width: `${totalWidth}px` }}>
            {Array.from({ length: frozen }, (_, i) => renderRow(i + 1, undefined))}
          </div>
        )}
        <div class="grid-body" style={{ height: `${bodyRows * ROW_HEIGHT}px`, width: `${totalWidth}px` }}>
          {Array.from({ length: Math.max(0, lastBody - firstBody + 1) }, (_, i) => {
            const row = firstBody + i;
            return renderRow(row, (row - frozen - 1) * ROW_HEIGHT);
          })}
        </div>
        <input
          ref={editor}
          class={`cell-editor ${editingNow ? '' : 'idle'}`}
          data-grid-input=""
          aria-label={`Cell ${a1(selection.row, selection.column)}`}
          autocomplete="off"
          spellcheck={false}
          style={{
            top: `${selTop}px`,
            left: `${selLeft}px`,
            minWidth: `${selWidth}px`,
            height: `${ROW_HEIGHT}px`,
          }}
          value={props.editing ?? ''}
          onInput={(e) => props.onEditChange((e.target as HTMLInputElement).value)}
          onKeyDown={onKeyDown}
        />
        {dropdown && selectedCell?.choices && (
          <ul
            class="dropdown"
            style={{ top: `${selTop + ROW_HEIGHT}px`, left: `${selLeft}px`, minWidth: `${selWidth}px` }}
          >
            {selectedCell.choices.map((c) => (
              <li key={c}>
                <button
                  type="button"
                  aria-pressed={c === selectedCell.text}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    setDropdown(false);
                    props.onCommit(c, 'none');
                  }}
                >
                  {c}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

// ---- dialogs, toasts ---------------------------------------------------------------------------------------

interface Modal {
  title: string;
  message: string;
  buttons: string[];
  onAnswer: (button: string, text: string) => void;
  prompt?: boolean;
}

const BUTTONS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['CANCEL', 'OK'],
  YES_NO: ['NO', 'YES'],
  YES_NO_CANCEL: ['CANCEL', 'NO', 'YES'],
};
const LABEL: Record<string, string> = { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No' };

function ModalView(props: { modal: Modal }) {
  const { modal } = props;
  const [text, setText] = useState('');
  return (
    <div class="overlay" role="presentation">
      <div class="modal" role="alertdialog" aria-modal="true" aria-label={modal.title || 'Message'}>
        {modal.title && <h2>{modal.title}</h2>}
        <p class="modal-message">{modal.message}</p>
        {modal.prompt && (
          <input
            class="modal-input"
            aria-label="Answer"
            value={text}
            onInput={(e) => setText((e.target as HTMLInputElement).value)}
          />
        )}
        <div class="modal-buttons">
          {modal.buttons.map((b, i) => (
            <button
              type="button"
              key={b}
              class={i === modal.buttons.length - 1 ? 'primary' : 'secondary'}
              onClick={() => modal.onAnswer(b, text)}
            >
              {LABEL[b] ?? b}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}

/** Toasts sit at the bottom right of the grid, clear of an open sidebar, as in Sheets. */
function Toasts(props: { toasts: ToastRecord[]; onDismiss: (id: number) => void; besideSidebar: boolean }) {
  return (
    <div class={props.besideSidebar ? 'toasts beside-sidebar' : 'toasts'} aria-live="polite">
      {props.toasts.map((t) => (
        <div class="toast" key={t.id} role="status">
          <div>
            {t.title && <strong>{t.title}</strong>}
            <span>{t.message}</span>
          </div>
          <button type="button" aria-label="Close" onClick={() => props.onDismiss(t.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

// ---- the app -------------------------------------------------------------------------------------------------

/** A cell reference (B54) as a selection; undefined when it is not one. */
function parseCell(ref: string): Selection | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  const column = m ? columnNumber(m[1]!) : undefined;
  return m && column !== undefined ? { row: Number(m[2]), column } : undefined;
}

/** The name box: shows the selected cell; typing a reference (B54) and Enter jumps there, as in Sheets. */
function NameBox(props: { value: string; onGo: (ref: string) => void }) {
  const [text, setText] = useState<string | null>(null);
  return (
    <input
      class="name-box"
      aria-label="Name box"
      value={text ?? props.value}
      onFocus={(e) => {
        setText(props.value);
        (e.target as HTMLInputElement).select();
      }}
      onBlur={() => setText(null)}
      onInput={(e) => setText((e.target as HTMLInputElement).value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          const ref = (e.target as HTMLInputElement).value;
          setText(null);
          props.onGo(ref);
        } else if (e.key === 'Escape') setText(null);
      }}
    />
  );
}

function App() {
  const [view, setView] = useState<WorkbookView | null>(null);
  const [ui, setUi] = useState<UiJson | null>(null);
  const [sheetName, setSheetName] = useState<string | undefined>(undefined);
  const [selection, setSelection] = useState<Selection>({ row: 1, column: 1 });
  const [editing, setEditing] = useState<string | null>(null);
  const [modals, setModals] = useState<Modal[]>([]);
  const [toasts, setToasts] = useState<ToastRecord[]>([]);
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const seen = useRef<{ toast: number; alert: number } | null>(null);

  const refresh = useCallback(async (name?: string) => {
    const [v, u] = await Promise.all([
      api<WorkbookView>('GET', `/api/view${name ? `?sheet=${encodeURIComponent(name)}` : ''}`),
      api<UiJson>('GET', '/api/ui'),
    ]);
    setView(v);
    setUi(u);
    const maxToast = Math.max(0, ...u.toasts.map((t) => t.id));
    const maxAlert = Math.max(0, ...u.alerts.map((a) => a.id));
    if (seen.current === null) {
      seen.current = { toast: maxToast, alert: maxAlert };
      setSelection(parseCell(v.active.a1) ?? { row: 1, column: 1 });
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
      if (data.type === 'changed') refresh(sheetName).catch(() => {});
      if (data.type === 'close' && data.target) {
        const url =
          data.target.kind === 'sidebar' ? '/api/sidebar/close' : `/api/dialog/${data.target.id}/close`;
        api('POST', url)
          .then(() => refresh(sheetName))
          .catch(() => {});
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [refresh, sheetName]);

  const runMenu = async (fn: string, answers?: Array<string | { button: string; text: string }>) => {
    setBusy(true);
    setBanner(null);
    try {
      const r = await api<ActionResult>(
        'POST',
        `/api/menu/${encodeURIComponent(fn)}`,
        answers ? { answers } : {},
      );
      await refresh(sheetName);
      if (!r.ok && 'question' in r) {
        const q = r.question;
        setModals((ms) => [
          ...ms,
          {
            title: q.title,
            message: q.prompt,
            buttons: BUTTONS[q.buttons] ?? ['OK'],
            prompt: q.kind === 'prompt',
            onAnswer: (button, text) => {
              setModals((m2) => m2.slice(1));
              const answer = q.kind === 'prompt' ? { button, text } : button;
              runMenu(fn, [...(answers ?? []), answer]);
            },
          },
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

  const select = (s: Selection) => {
    setSelection(s);
    setEditing(null);
    if (view) api('POST', '/api/active', { sheet: view.sheet.name, a1: a1(s.row, s.column) }).catch(() => {});
  };

  const commit = async (value: string, move: 'down' | 'right' | 'none') => {
    if (!view) return;
    setEditing(null);
    const target = a1(selection.row, selection.column);
    // Move at once, as Sheets does, not when the server answers.
    if (move === 'down') select({ ...selection, row: Math.min(view.sheet.maxRows, selection.row + 1) });
    if (move === 'right')
      select({ ...selection, column: Math.min(view.sheet.maxColumns, selection.column + 1) });
    const r = await api<ActionResult>('POST', '/api/cell', {
      sheet: view.sheet.name,
      a1: target,
      input: value,
    });
    if (!r.ok && 'error' in r) {
      setModals((ms) => [
        ...ms,
        {
          title: 'There was a problem',
          message: r.error.replace(/^There was a problem: /, ''),
          buttons: ['OK'],
          onAnswer: () => setModals((m2) => m2.slice(1)),
        },
      ]);
    }
    await refresh(view.sheet.name);
  };

  const openSheet = async (name: string) => {
    setEditing(null);
    setSheetName(name);
    await api('POST', '/api/active', { sheet: name });
    const v = await refresh(name);
    setSelection(parseCell(v.active.a1) ?? { row: 1, column: 1 });
  };

  if (!view || !ui) {
    return <p class="boot">{banner ?? 'Loading the playground…'}</p>;
  }
  const cell = view.sheet.cells[a1(selection.row, selection.column)];
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
          <MenuBar menus={ui.menus} onRun={(fn) => runMenu(fn)} />
        </div>
        <LocaleSetting
          locale={view.locale}
          onChanged={(error) => (error ? setBanner(error) : refresh(sheetName).then(() => undefined))}
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
          value={a1(selection.row, selection.column)}
          onGo={(ref) => {
            const target = parseCell(ref.trim().toUpperCase());
            if (target && target.row <= view.sheet.maxRows && target.column <= view.sheet.maxColumns) {
              select(target);
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
            view={view}
            selection={selection}
            editing={editing}
            onSelect={select}
            onStartEdit={(initial) => setEditing(initial ?? cell?.input ?? '')}
            onEditChange={setEditing}
            onCommit={commit}
            onCancel={() => setEditing(null)}
            onClear={() => commit('', 'none')}
          />
          <nav class="tabs" aria-label="Sheets">
            {view.tabs
              .filter((t) => !t.hidden)
              .map((t) => (
                <button
                  type="button"
                  key={t.id}
                  class={`tab ${t.name === view.sheet.name ? 'active' : ''}`}
                  style={t.color ? { borderBottomColor: t.color } : undefined}
                  aria-current={t.name === view.sheet.name ? 'page' : undefined}
                  onClick={() => openSheet(t.name)}
                >
                  {t.name}
                </button>
              ))}
          </nav>
        </div>
        {ui.sidebar && (
          <aside class="sidebar" aria-label={ui.sidebar.title || 'Add-on sidebar'}>
            <div class="sidebar-header">
              <h2>{ui.sidebar.title}</h2>
              <button
                type="button"
                aria-label="Close sidebar"
                onClick={() => api('POST', '/api/sidebar/close').then(() => refresh(sheetName))}
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
                onClick={() => api('POST', `/api/dialog/${dialog.id}/close`).then(() => refresh(sheetName))}
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
