/** % met per month and metric as an inline SVG line chart (no chart library: a few paths suffice). */
import type { TrendPointDto } from '@contract';
import { colors } from '../../shared/ui';

const W = 640;
const H = 180;
const PAD = { left: 36, right: 8, top: 10, bottom: 28 };
const SERIES = [colors.link, colors.textSuccess, colors.textWarning, colors.textDiscovery, colors.textDanger];

export function TrendChart({ points, months, names }: { points: TrendPointDto[]; months: string[]; names: Record<string, string> }) {
  const metrics = [...new Set(points.map((p) => p.metricKey))];
  const x = (i: number) => PAD.left + (months.length <= 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (months.length - 1));
  const y = (pct: number) => PAD.top + ((100 - pct) * (H - PAD.top - PAD.bottom)) / 100;
  return (
    <figure style={{ margin: 0 }}>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label="Percentage of cycles met per month" data-testid="trend-chart" style={{ maxWidth: `${W}px` }}>
        {[0, 50, 100].map((pct) => (
          <g key={pct}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(pct)} y2={y(pct)} stroke={colors.border} />
            <text x={PAD.left - 4} y={y(pct) + 4} textAnchor="end" fontSize="10" fill={colors.textSubtlest}>{pct}%</text>
          </g>
        ))}
        {months.map((m, i) => (i % Math.ceil(months.length / 6) === 0 ? <text key={m} x={x(i)} y={H - 8} textAnchor="middle" fontSize="10" fill={colors.textSubtlest}>{m}</text> : null))}
        {metrics.map((metric, s) => {
          const pts = months.flatMap((m, i) => {
            const p = points.find((q) => q.month === m && q.metricKey === metric);
            return p?.percentMet == null ? [] : [[x(i), y(p.percentMet)] as const];
          });
          const color = SERIES[s % SERIES.length];
          return (
            <g key={metric}>
              <polyline points={pts.map(([a, b]) => `${a},${b}`).join(' ')} fill="none" stroke={color} strokeWidth="2" />
              {pts.map(([a, b]) => <circle key={`${a}`} cx={a} cy={b} r="3" fill={color} />)}
            </g>
          );
        })}
      </svg>
      <figcaption style={{ display: 'flex', gap: '12px', fontSize: '12px', color: colors.textSubtle }}>
        {metrics.map((m, s) => <span key={m}><span aria-hidden style={{ color: SERIES[s % SERIES.length] }}>■</span> {names[m] ?? m}</span>)}
      </figcaption>
    </figure>
  );
}
