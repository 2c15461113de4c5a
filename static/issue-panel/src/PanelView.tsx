/** The panel's content for one successful response: not-configured notice, empty state or one card per metric. */
import type { CalendarSpec } from '@core/browser';
import type { AgentPanelData } from '@contract';
import { Button, EmptyState, Notice, space } from '../../shared/ui';
import type { CalendarCompiler } from './engine';
import { useCalendars } from './useCalendars';
import { ActionFailures } from './ActionFailures';
import { MetricCard } from './MetricCard';

export type PanelData = AgentPanelData;

export interface PanelViewProps {
  data: PanelData;
  now: number;
  viewerZone: string;
  onOpenSettings: () => void;
  compile?: CalendarCompiler;
}

export function PanelView({ data, now, viewerZone, onOpenSettings, compile }: PanelViewProps) {
  const calendars = useCalendars(data.calendars, compile);
  if (!data.configured) return <NotConfigured onOpenSettings={onOpenSettings} />;
  const snapshot = data.snapshot;
  const metrics = snapshot?.metrics ?? [];
  if (!snapshot || metrics.length === 0) {
    return <EmptyState title="No SLAs for this issue yet" testId="sla-empty">The project's SLA policy has no metric that applies here, or the issue is still being evaluated.</EmptyState>;
  }
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: space.s100 }}>
      {snapshot.problems.length > 0 && (
        <Notice tone="warning" testId="sla-history-problems">
          Part of this issue's history could not be read ({snapshot.problems.length} {snapshot.problems.length === 1 ? 'entry' : 'entries'} skipped), so these figures may be approximate.
        </Notice>
      )}
      <ActionFailures failures={data.actionFailures} metrics={metrics} zone={viewerZone} />
      {metrics.map((m) => {
        const calendarId = m.calendarId ?? m.current?.calendarId ?? null;
        return (
          <MetricCard
            key={m.key}
            metric={m}
            evaluatedAt={snapshot.evaluatedAt}
            now={now}
            cal={calendarId ? calendars.get(calendarId) ?? null : null}
            calendarSpec={findSpec(data.calendars, calendarId)}
            warnings={data.warnings[m.key] ?? []}
            viewerZone={viewerZone}
          />
        );
      })}
    </div>
  );
}

function NotConfigured({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <EmptyState title="SLA Clock is not set up for this project" testId="sla-not-configured">
      <p style={{ margin: `0 0 ${space.s100}` }}>
        No SLA policy has been saved for this project, so no clocks run on its issues. A project admin can set up
        business hours and goals in Project settings → Apps → SLA Clock.
      </p>
      <Button appearance="primary" onClick={onOpenSettings} data-testid="sla-open-settings">Open SLA settings</Button>
    </EmptyState>
  );
}

function findSpec(specs: CalendarSpec[], id: string | null): CalendarSpec | null {
  return id === null ? null : specs.find((s) => s.id === id) ?? null;
}

