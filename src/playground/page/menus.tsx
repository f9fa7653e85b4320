// Menus: the menu bar (Sheets' own menus, those the playground emulates live and the rest greyed, then the
// add-on's under Extensions and any custom menu onOpen added), and the right-click menu of rows, columns and
// cells. Both show the same kind of entries.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MenuEntry, MenuRecord } from '../emulator/ui';

export type PageMenuEntry =
  | { type: 'item'; caption: string; shortcut?: string; disabled?: boolean; run: () => void }
  | { type: 'separator' }
  | { type: 'submenu'; caption: string; disabled?: boolean; items: PageMenuEntry[] };

/** An add-on's menu (items naming functions) as page entries. */
export function addonEntries(items: MenuEntry[], run: (fn: string) => void): PageMenuEntry[] {
  return items.map((item) =>
    item.type === 'item'
      ? { type: 'item', caption: item.caption, run: () => run(item.functionName) }
      : item.type === 'submenu'
        ? { type: 'submenu', caption: item.caption, items: addonEntries(item.items, run) }
        : item,
  );
}

export function MenuList(props: { items: PageMenuEntry[]; onDone: () => void }) {
  return (
    <ul class="menu-list">
      {props.items.map((item, i) =>
        item.type === 'separator' ? (
          <li key={`sep${i}`} class="menu-separator" />
        ) : item.type === 'submenu' ? (
          <li key={item.caption} class={item.disabled ? '' : 'has-sub'}>
            <button type="button" class="menu-item" aria-haspopup="menu" disabled={item.disabled}>
              <span>{item.caption}</span>
              <span class="chevron">▸</span>
            </button>
            {!item.disabled && <MenuList items={item.items} onDone={props.onDone} />}
          </li>
        ) : (
          <li key={`${item.caption}${i}`}>
            <button
              type="button"
              class="menu-item"
              disabled={item.disabled}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                props.onDone();
                item.run();
              }}
            >
              <span>{item.caption}</span>
              {item.shortcut && <span class="shortcut">{item.shortcut}</span>}
            </button>
          </li>
        ),
      )}
    </ul>
  );
}

/** Closes a popup on a mouse press outside it or on Escape. */
function useDismiss(ref: { current: HTMLElement | null }, close: () => void, active: boolean) {
  useEffect(() => {
    if (!active) return;
    const down = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) close();
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('mousedown', down, true);
    document.addEventListener('keydown', key, true);
    return () => {
      document.removeEventListener('mousedown', down, true);
      document.removeEventListener('keydown', key, true);
    };
  }, [active, close, ref]);
}

/** Sheets' menus in their order; null: shown greyed (not part of the playground). */
export interface SheetsMenus {
  File: null;
  Edit: PageMenuEntry[];
  View: null;
  Insert: PageMenuEntry[];
  Format: null;
  Data: PageMenuEntry[];
  Tools: null;
}

export function MenuBar(props: {
  sheets: SheetsMenus;
  addonMenus: MenuRecord[];
  onRun: (fn: string) => void;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const close = () => setOpen(null);
  useDismiss(ref, close, open !== null);
  const addon = props.addonMenus.filter((m) => m.addon);
  const custom = props.addonMenus.filter((m) => !m.addon);
  const extensions: PageMenuEntry[] =
    addon.length === 0
      ? [
          {
            type: 'item',
            caption: 'No add-on menu (onOpen has not added one).',
            disabled: true,
            run: () => {},
          },
        ]
      : addon.map((m) => ({
          type: 'submenu',
          caption: m.caption,
          items: addonEntries(m.items, props.onRun),
        }));
  const menus: Array<[string, PageMenuEntry[] | null]> = [
    ...(Object.entries(props.sheets) as Array<[string, PageMenuEntry[] | null]>),
    ['Extensions', extensions],
    ['Help', null],
    ...custom.map((m): [string, PageMenuEntry[]] => [m.caption, addonEntries(m.items, props.onRun)]),
  ];
  return (
    <div class="menubar" ref={ref}>
      {menus.map(([name, items]) =>
        items === null ? (
          <span key={name} class="menubar-item inert" title="Not part of the playground">
            {name}
          </span>
        ) : (
          <div class="menubar-entry" key={name}>
            <button
              type="button"
              class={`menubar-item ${open === name ? 'open' : ''}`}
              aria-haspopup="menu"
              aria-expanded={open === name}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setOpen((o) => (o === name ? null : name))}
              onMouseEnter={() => setOpen((o) => (o === null ? null : name))}
            >
              {name}
            </button>
            {open === name && (
              <div class="menu-popup">
                <MenuList items={items} onDone={close} />
              </div>
            )}
          </div>
        ),
      )}
    </div>
  );
}

/** The right-click menu, at the pointer. */
export function ContextMenu(props: { x: number; y: number; items: PageMenuEntry[]; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, props.onClose, true);
  const [place, setPlace] = useState({ left: props.x, top: props.y });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Keep it on screen, as Sheets does near the bottom or right edge.
    const { width, height } = el.getBoundingClientRect();
    setPlace({
      left: Math.max(0, Math.min(props.x, window.innerWidth - width - 4)),
      top: Math.max(0, Math.min(props.y, window.innerHeight - height - 4)),
    });
  }, [props.x, props.y]);
  return (
    <div
      class="menu-popup context-menu"
      role="menu"
      ref={ref}
      style={{ left: `${place.left}px`, top: `${place.top}px` }}
      onContextMenu={(e) => e.preventDefault()}
    >
      <MenuList items={props.items} onDone={props.onClose} />
    </div>
  );
}
