import type { ChartConfiguration, Plugin } from 'chart.js';
import type { ChecklistTrend } from '../../../core/practice/checklist-trends.js';
import { attemptAxisLabels, percent, shortDate } from './format.js';

/** Okabe-Ito blue for the line, vermillion for the personal best: told apart without colour vision too (a star, and the word "Best"). */
const LINE = '#0072B2';
const BEST = '#D55E00';

/** A filled five-pointed star, the personal best's mark (the same ★ as in the text beside the chart). */
function starImage(size: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const scale = window.devicePixelRatio || 1;
  canvas.width = canvas.height = Math.round(size * scale);
  canvas.style.width = canvas.style.height = `${size}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  ctx.scale(scale, scale);
  const c = size / 2;
  ctx.beginPath();
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? c : c * 0.45;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    ctx.lineTo(c + r * Math.cos(angle), c + r * Math.sin(angle));
  }
  ctx.closePath();
  ctx.fillStyle = BEST;
  ctx.fill();
  return canvas;
}

/** Writes "Best" over the personal best's point, so the mark is read, not only seen. */
function bestLabel(bestIndex: number): Plugin<'line'> {
  return {
    id: 'personal-best-label',
    afterDatasetsDraw(chart) {
      const point = chart.getDatasetMeta(0).data[bestIndex];
      if (!point) return;
      const { ctx, chartArea } = chart;
      ctx.save();
      ctx.font = '600 12px "DejaVu Sans", system-ui, sans-serif';
      ctx.fillStyle = BEST;
      // Keep the word inside the chart at either end of the axis.
      ctx.textAlign = point.x < chartArea.left + 24 ? 'left' : point.x > chartArea.right - 24 ? 'right' : 'center';
      ctx.textBaseline = 'bottom';
      ctx.fillText('Best', point.x, point.y - 9);
      ctx.restore();
    },
  };
}

/** One checklist's small line chart: its score (0-100%) per attempt, dated, the best one starred. */
export function checklistChartConfig(trend: ChecklistTrend): ChartConfiguration<'line', (number | null)[], string | string[]> {
  const { points, best } = trend;
  const bestIndex = best === null ? -1 : points.findIndex((p) => p.sessionId === best.sessionId);
  const isBest = (i: number) => i === bestIndex;
  const star = bestIndex < 0 ? null : starImage(20);
  return {
    type: 'line',
    data: {
      labels: attemptAxisLabels(points.map((p) => p.createdAt)),
      datasets: [
        {
          label: 'Score',
          data: points.map((p) => (p.score === null ? null : Math.round(p.score * 100))),
          borderColor: LINE,
          backgroundColor: points.map((_, i) => (isBest(i) ? BEST : LINE)),
          pointBorderColor: points.map((_, i) => (isBest(i) ? BEST : LINE)),
          pointStyle: points.map((_, i) => (isBest(i) && star ? star : 'circle')),
          pointRadius: points.map((_, i) => (isBest(i) ? 9 : 4)),
          pointBorderWidth: points.map((_, i) => (isBest(i) ? 3 : 1)),
          borderWidth: 2,
          // An attempt with nothing decided on this checklist is a gap the line steps over.
          spanGaps: true,
          clip: 12,
          tension: 0,
        },
      ],
    },
    options: {
      // Drawn at once: the chart is read, not watched (and screenshots are deterministic).
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      // Room over the top line for the word "Best", and beside the ends for the star.
      layout: { padding: { top: 26, left: 4, right: 12 } },
      scales: {
        y: { min: 0, max: 100, ticks: { stepSize: 50, callback: (v) => `${v}%` } },
        x: { ticks: { autoSkip: true, maxRotation: 0 } },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => {
              const p = points[items[0]?.dataIndex ?? -1];
              return p ? `${shortDate(p.createdAt)} · ${p.scenarioTitle}` : '';
            },
            label: (item) => {
              const p = points[item.dataIndex];
              if (!p) return '';
              return `${percent(p.score)} (${p.passed} of ${p.decided} passed)${isBest(item.dataIndex) ? ' · personal best' : ''}`;
            },
          },
        },
      },
    },
    plugins: bestIndex < 0 ? [] : [bestLabel(bestIndex)],
  };
}
