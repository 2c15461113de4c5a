/**
 * Accessible tabs (WAI-ARIA tabs pattern): arrow keys move between tabs, Home/End jump, and only
 * the selected tab is in the tab order. By default the children are the selected tab's panel; with
 * `ownPanels` they are `TabPanel`s, one per tab, so unselected panels can stay mounted but hidden.
 */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { colors, space } from './colors';

export interface TabDef { id: string; label: string }

export interface TabsProps {
  tabs: TabDef[];
  selected: string;
  onSelect: (id: string) => void;
  label: string;
  /** The children render a `TabPanel` for each tab themselves. */
  ownPanels?: boolean;
  children: ReactNode;
}

export function Tabs({ tabs, selected, onSelect, label, ownPanels, children }: TabsProps) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const move = (e: KeyboardEvent, index: number) => {
    const next = keyTarget(e.key, index, tabs.length);
    if (next === null) return;
    e.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    refs.current[tab.id]?.focus();
  };
  return (
    <div>
      <div role="tablist" aria-label={label} style={{ display: 'flex', gap: space.s050, borderBottom: `2px solid ${colors.border}`, marginBottom: space.s200 }}>
        {tabs.map((t, i) => (
          <button
            key={t.id}
            ref={(el) => { refs.current[t.id] = el; }}
            role="tab"
            type="button"
            className="sc-tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === selected}
            aria-controls={`panel-${t.id}`}
            tabIndex={t.id === selected ? 0 : -1}
            data-testid={`tab-${t.id}`}
            onClick={() => onSelect(t.id)}
            onKeyDown={(e) => move(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {ownPanels ? children : <TabPanel id={selected} selected>{children}</TabPanel>}
    </div>
  );
}

/** The panel of tab `id`; an unselected panel is `hidden` (out of view and of the accessibility tree). */
export function TabPanel({ id, selected, children }: { id: string; selected: boolean; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} hidden={!selected}>
      {children}
    </div>
  );
}

function keyTarget(key: string, index: number, count: number): number | null {
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
