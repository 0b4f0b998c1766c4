/**
 * A uPlot chart of one or two series over numbered points (days of a month, or months), sized to
 * its box. The canvas is hidden from screen readers: the caller puts the same figures in a table
 * beside it (the text alternative).
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
  /** 'accent' draws the main series; 'muted' the comparison. */
  tone: 'accent' | 'muted';
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

export function TimeChart(p: {
  kind: 'line' | 'bars';
  xs: number[];
  series: ChartSeries[];
  xLabel: (x: number) => string;
  yLabel: (v: number) => string;
  height?: number;
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const { kind, xs, series, xLabel, yLabel, testId } = p;
  const height = p.height ?? 200;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const accent = cssVar('--accent', '#0064d2');
    const muted = cssVar('--muted', '#5d6773');
    const grid = cssVar('--border', '#dde1e7');
    const text = cssVar('--muted', '#5d6773');
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '11px system-ui, sans-serif' };
    const bars = kind === 'bars' ? uPlot.paths.bars?.({ size: [0.6, 48] }) : undefined;
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false }, points: { show: kind === 'line' } },
      scales: { x: { time: false, ...(kind === 'bars' ? { range: (_u, min, max) => [min - 0.5, max + 0.5] as [number, number] } : {}) }, y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
      axes: [
        { ...axis, values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) && xs.includes(t) ? xLabel(t) : '')), space: kind === 'bars' ? 40 : 28 },
        { ...axis, values: (_u, ticks) => ticks.map((t) => yLabel(t)), size: 64 },
      ],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: s.tone === 'accent' ? accent : muted,
          width: s.tone === 'accent' ? 2 : 1.5,
          ...(s.tone === 'muted' && kind === 'line' ? { dash: [5, 4] } : {}),
          ...(kind === 'bars' ? { fill: s.tone === 'accent' ? accent + 'cc' : muted + '66', paths: bars, points: { show: false } } : { points: { show: false } }),
          spanGaps: false,
        })),
      ],
    };
    const data = [xs, ...series.map((s) => s.values)] as uPlot.AlignedData;
    const chart = new uPlot(opts, data, el);
    const ro = new ResizeObserver(() => chart.setSize({ width: Math.max(200, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.destroy();
    };
  }, [kind, xs, series, xLabel, yLabel, height]);

  return <div className="home-chart" ref={box} aria-hidden="true" data-testid={testId} />;
}
