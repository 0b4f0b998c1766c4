/** A stacked bar chart in plain SVG: one bar per bucket, one colour per key. */
import type { ExpensesOutput } from '../../../shared/contract/rpc/balance';

export const PALETTE = ['#2f6fdb', '#2fa37a', '#e0902f', '#9b59b6', '#d9534f', '#17a2b8', '#8c8c3a', '#6c757d', '#e83e8c', '#20c997'];

export function colorOf(keys: readonly string[], key: string): string {
  const i = keys.indexOf(key);
  return PALETTE[(i < 0 ? keys.length : i) % PALETTE.length] ?? '#888';
}

export function StackedChart(p: {
  data: ExpensesOutput;
  keys: string[];
  label: (key: string) => string;
  bucketLabel: (bucket: string) => string;
  money: (minor: number) => string;
  title: string;
}) {
  const { data, keys } = p;
  const W = 900;
  const H = 220;
  const padL = 8;
  const padB = 22;
  const byBucket = new Map<string, { key: string; amountMinor: number }[]>();
  for (const s of data.series) {
    let a = byBucket.get(s.bucket);
    if (!a) byBucket.set(s.bucket, (a = []));
    a.push(s);
  }
  const totals = data.buckets.map((b) => (byBucket.get(b) ?? []).reduce((s, x) => s + x.amountMinor, 0));
  const max = Math.max(1, ...totals);
  const n = Math.max(1, data.buckets.length);
  const slot = (W - padL) / n;
  const bar = Math.max(1, slot * 0.7);
  const every = Math.ceil(n / 12);
  return (
    <svg className="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={p.title} data-testid="expenses-chart">
      <title>{p.title}</title>
      <line x1={padL} x2={W} y1={H - padB} y2={H - padB} className="chart-axis" />
      <line x1={padL} x2={W} y1={8} y2={8} className="chart-grid" />
      <text x={W - 2} y={20} className="chart-label" textAnchor="end" data-testid="chart-max">
        {p.money(max)}
      </text>
      {data.buckets.map((b, i) => {
        const x = padL + i * slot + (slot - bar) / 2;
        let y = H - padB;
        const parts = (byBucket.get(b) ?? []).slice().sort((a, c) => keys.indexOf(a.key) - keys.indexOf(c.key));
        return (
          <g key={b} data-testid="chart-bar">
            {parts.map((s) => {
              const h = ((H - padB - 8) * s.amountMinor) / max;
              y -= h;
              return (
                <rect key={s.key} x={x} y={y} width={bar} height={Math.max(0, h)} fill={colorOf(keys, s.key)}>
                  <title>{`${p.bucketLabel(b)} · ${p.label(s.key)}: ${p.money(s.amountMinor)}`}</title>
                </rect>
              );
            })}
            {i % every === 0 ? (
              <text x={x + bar / 2} y={H - 6} className="chart-label" textAnchor="middle">
                {p.bucketLabel(b)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
