// The sheet tabs at the bottom, as in Sheets: an All Sheets button listing every sheet (hidden ones greyed), the
// tabs in a strip that scrolls sideways when they do not fit (arrows at the right end, or the mouse wheel), and
// the active tab kept in view.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface TabInfo {
  name: string;
  id: number;
  hidden: boolean;
  color: string | null;
}

export function TabBar(props: { tabs: TabInfo[]; active: string; onOpen: (name: string) => void }) {
  const strip = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [ends, setEnds] = useState({ left: false, right: false });
  const [listOpen, setListOpen] = useState(false);

  const measure = useCallback(() => {
    const el = strip.current;
    if (!el) return;
    setEnds({
      left: el.scrollLeft > 0,
      right: el.scrollLeft + el.clientWidth < el.scrollWidth - 1,
    });
  }, []);

  useLayoutEffect(() => {
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [measure]);

  const overflowing = ends.left || ends.right;
  // The active tab is always in view (opened from the list, or added by the add-on), also once the arrows
  // appearing have narrowed the strip.
  useLayoutEffect(() => {
    const el = strip.current?.querySelector<HTMLElement>('.tab.active');
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    measure();
  }, [props.active, props.tabs.length, overflowing, measure]);

  useEffect(() => {
    if (!listOpen) return;
    const close = (e: MouseEvent) => {
      if (list.current && !list.current.contains(e.target as Node)) setListOpen(false);
    };
    document.addEventListener('mousedown', close, true);
    return () => document.removeEventListener('mousedown', close, true);
  }, [listOpen]);

  const scrollBy = (dx: number) => {
    strip.current?.scrollBy({ left: dx });
    measure();
  };
  const visible = props.tabs.filter((t) => !t.hidden);

  return (
    <nav class="tabs" aria-label="Sheets">
      <div class="all-sheets" ref={list}>
        <button
          type="button"
          class="tab-tool"
          aria-label="All Sheets"
          title="All Sheets"
          aria-expanded={listOpen}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => setListOpen((o) => !o)}
        >
          ☰
        </button>
        {listOpen && (
          <div class="menu-popup all-sheets-list" role="listbox" aria-label="All Sheets">
            {props.tabs.map((t) => (
              <button
                type="button"
                key={t.id}
                role="option"
                class="menu-item"
                aria-selected={t.name === props.active}
                disabled={t.hidden}
                title={t.hidden ? 'Hidden sheet' : undefined}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => {
                  setListOpen(false);
                  props.onOpen(t.name);
                }}
              >
                <span class="check">{t.name === props.active ? '✓' : ''}</span>
                <span class="all-sheets-name">{t.name}</span>
                {t.hidden && <span class="shortcut">hidden</span>}
              </button>
            ))}
          </div>
        )}
      </div>
      <div
        class="tab-strip"
        ref={strip}
        onScroll={measure}
        onWheel={(e) => {
          if (e.deltaY !== 0 && strip.current) {
            strip.current.scrollLeft += e.deltaY;
            measure();
          }
        }}
      >
        {visible.map((t) => (
          <button
            type="button"
            key={t.id}
            class={`tab ${t.name === props.active ? 'active' : ''}`}
            style={t.color ? { borderBottomColor: t.color } : undefined}
            aria-current={t.name === props.active ? 'page' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => props.onOpen(t.name)}
          >
            {t.name}
          </button>
        ))}
      </div>
      {overflowing && (
        <div class="tab-arrows">
          <button
            type="button"
            class="tab-tool"
            aria-label="Scroll tabs left"
            disabled={!ends.left}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => scrollBy(-160)}
          >
            ‹
          </button>
          <button
            type="button"
            class="tab-tool"
            aria-label="Scroll tabs right"
            disabled={!ends.right}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => scrollBy(160)}
          >
            ›
          </button>
        </div>
      )}
    </nav>
  );
}
