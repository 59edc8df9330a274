/**
 * A grouped bar chart in plain SVG: the four report charts are all bars, so a chart library
 * would add tens of kB for what 60 lines draw; SVG is text (readable by tests, screen readers
 * through the table beside it, and printable) and follows the page's CSS.
 * The scale is computed once per data change (a memo), not once per bar: drawing is linear in
 * the bars.
 */
import { For, Show, createMemo } from 'solid-js';

export interface BarGroup {
  label: string;
  values: number[];
}

const W = 480;
const H = 220;
const PAD = { top: 16, right: 8, bottom: 36, left: 36 };

export function BarChart(props: { title: string; legend: string[]; groups: BarGroup[]; testId: string; unit?: string }) {
  const groups = createMemo(() => props.groups);
  const max = createMemo(() => groups().reduce((m, g) => g.values.reduce((a, v) => Math.max(a, v), m), 1));
  const slot = createMemo(() => (W - PAD.left - PAD.right) / Math.max(1, groups().length));
  const barWidth = createMemo(() => Math.max(2, (slot() * 0.8) / Math.max(1, props.legend.length)));
  const height = (v: number) => ((H - PAD.top - PAD.bottom) * v) / max();
  // Thin out the axis labels when bars are narrow (24 hours, 31 days).
  const every = createMemo(() => Math.ceil(groups().length / 12));
  return (
    <figure class="chart" data-testid={props.testId} data-unit={props.unit}>
      <figcaption>
        <strong>{props.title}</strong>
        <Show when={props.legend.length > 1}>
          {' '}
          <For each={props.legend}>
            {(name, i) => (
              <span class="legend">
                <span class={i() === 0 ? 'legend-swatch' : 'legend-swatch alt'} aria-hidden="true" />
                {name}
              </span>
            )}
          </For>
        </Show>
      </figcaption>
      <svg class="bar-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.title}>
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="currentColor" />
        <text x={PAD.left - 4} y={PAD.top + 4} text-anchor="end">{max()}</text>
        <text x={PAD.left - 4} y={H - PAD.bottom} text-anchor="end">0</text>
        <For each={groups()}>
          {(group, i) => (
            <g data-label={group.label} data-values={group.values.join(',')}>
              <For each={group.values}>
                {(value, s) => (
                  <rect
                    class={s() === 0 ? '' : 'alt'}
                    x={PAD.left + i() * slot() + slot() * 0.1 + s() * barWidth()}
                    y={H - PAD.bottom - height(value)}
                    width={barWidth()}
                    height={height(value)}
                  >
                    <title>{`${group.label} — ${props.legend[s()] ?? ''}: ${value}`}</title>
                  </rect>
                )}
              </For>
              <Show when={i() % every() === 0}>
                <text x={PAD.left + i() * slot() + slot() / 2} y={H - PAD.bottom + 14} text-anchor="middle">{group.label}</text>
              </Show>
            </g>
          )}
        </For>
      </svg>
    </figure>
  );
}
