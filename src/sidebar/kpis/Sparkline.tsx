// A KPI's recent values as a small line: an inline SVG, no library; its label reads the first and last value.
import { formatValue } from '../format';

export function Sparkline({
  values,
  status,
  name,
  unit,
}: {
  values: number[];
  status: string;
  name: string;
  unit: string;
}) {
  if (values.length < 2) return null;
  const w = 96;
  const h = 28;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = values.map((v, i) => {
    const x = (i / (values.length - 1)) * (w - 4) + 2;
    const y = h - 3 - ((v - min) / span) * (h - 6);
    return [Number(x.toFixed(1)), Number(y.toFixed(1))] as const;
  });
  const last = points[points.length - 1]!;
  return (
    <svg
      class={`sparkline ${status}`}
      width={w}
      height={h}
      viewBox={`0 0 ${w} ${h}`}
      role="img"
      aria-label={`${name}, last ${values.length} values: ${formatValue(values[0], unit)} to ${formatValue(values[values.length - 1], unit)}`}
    >
      <polyline points={points.map((p) => p.join(',')).join(' ')} fill="none" stroke-width="1.5" />
      <circle cx={last[0]} cy={last[1]} r="2.2" />
    </svg>
  );
}
