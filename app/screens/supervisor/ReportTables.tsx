/** The report's tables, exactly those the exports write. */
import { For } from 'solid-js';
import type { ReportTable } from '../../stats/report-tables.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

export function ReportTables(props: { tables: ReportTable[] }) {
  return (
    <For each={props.tables}>
      {(table) => (
        <ScrollRegion label={table.title}>
          <table class="sup-table" data-testid={`report-table-${table.id}`}>
            <caption>{table.title}</caption>
            <thead>
              <tr>
                <For each={table.head}>{(h, i) => <th scope="col" classList={{ num: i() > 0 }}>{h}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={table.rows}>
                {(row) => (
                  <tr>
                    <For each={row}>{(cell, i) => (i() === 0 ? <th scope="row">{cell}</th> : <td class="num">{cell}</td>)}</For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </For>
  );
}
