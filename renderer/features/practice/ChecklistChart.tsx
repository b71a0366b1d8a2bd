import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { ChecklistTrend } from '../../../core/practice/checklist-trends.js';
import { checklistChartConfig } from './chart-config.js';

// Only the pieces a line chart needs, so the bundle stays small.
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

/** One checklist's score per attempt as a small line chart; `description` is its text alternative. */
export function ChecklistChart({ trend, description }: { readonly trend: ChecklistTrend; readonly description: string }) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, checklistChartConfig(trend));
    return () => chart.destroy();
  }, [trend]);
  return (
    <div className="checklist-chart">
      <canvas ref={canvas} role="img" aria-label={description} data-testid="checklist-chart" data-checklist={trend.checklist} />
    </div>
  );
}
