import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { PracticeProgress } from '../../../core/practice/progress.js';
import { attemptLabel } from './format.js';

// Only the pieces a line chart needs, so the bundle stays small.
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Colour-blind-safe (Okabe-Ito) line colours, one per checklist item. */
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];

/** One line per checklist item: its running pass rate (%) after each attempt. */
export function ProgressChart({ progress }: { progress: PracticeProgress }) {
  const canvas = useRef<HTMLCanvasElement | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels: progress.attempts.map(attemptLabel),
        datasets: progress.items.map((item, i) => ({
          label: item.title,
          data: item.passRate.map((r) => (r === null ? null : Math.round(r * 100))),
          borderColor: COLOURS[i % COLOURS.length],
          backgroundColor: COLOURS[i % COLOURS.length],
          borderDash: DASHES[Math.floor(i / COLOURS.length) % DASHES.length] ?? [],
          borderWidth: 2,
          pointRadius: 4,
          spanGaps: true,
          // Points at 0% and 100% sit on the chart's edges: draw them whole.
          clip: 6,
          tension: 0,
        })),
      },
      options: {
        // Drawn at once: the chart is read, not watched (and screenshots are deterministic).
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        layout: { padding: { top: 8 } },
        scales: {
          y: { min: 0, max: 100, ticks: { callback: (v) => `${v}%`, stepSize: 25 }, title: { display: true, text: 'Pass rate so far' } },
          x: { title: { display: true, text: 'Attempt' } },
        },
        plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${String(c.parsed.y)}%` } } },
      },
    });
    return () => chart.destroy();
  }, [progress]);

  return (
    <div className="progress-chart">
      <canvas ref={canvas} data-testid="progress-chart" role="img" aria-label="Pass rate of each checklist item across your attempts; the table below has the same data." />
    </div>
  );
}
