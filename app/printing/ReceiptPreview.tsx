/**
 * On-screen preview of what the thermal printer will print: the virtual printer's reading
 * of the very bytes we send, in the printer's columns, with QR codes drawn from their payload.
 */
import { For, Match, Switch } from 'solid-js';
import type { Printed } from './virtual-printer.ts';
import { qrMatrix } from './qr-matrix.ts';

function Qr(props: { data: string }) {
  const rows = () => qrMatrix(props.data);
  const path = () => {
    let d = '';
    rows().forEach((row, y) => row.forEach((dark, x) => dark && (d += `M${x + 2} ${y + 2}h1v1h-1z`)));
    return d;
  };
  const size = () => rows().length + 4;
  return (
    <svg class="qr" viewBox={`0 0 ${size()} ${size()}`} shape-rendering="crispEdges" role="img" aria-label={props.data} data-qr={props.data}>
      <rect width={size()} height={size()} fill="#fff" />
      <path d={path()} fill="#000" />
    </svg>
  );
}

export function ReceiptPreview(props: { items: Printed[]; columns: number }) {
  return (
    <div class="receipt-preview" data-testid="receipt-preview" data-columns={props.columns}>
      <For each={props.items}>
        {(item) => (
          <Switch>
            <Match when={item.kind === 'line' && item}>
              {(line) => (
                // Enlarged lines are centred by normal-size spaces on paper; here CSS centres them.
                <div classList={{ 'preview-line': true, center: line().width > 1, bold: line().bold, [`w${line().width}`]: true, [`h${line().height}`]: true }}>
                  {(line().width > 1 ? line().text.trim() : line().text) || '\u00A0'}
                </div>
              )}
            </Match>
            <Match when={item.kind === 'qr' && item}>{(qr) => <Qr data={qr().data} />}</Match>
            <Match when={item.kind === 'barcode' && item}>
              {(code) => (
                <div class="preview-barcode" data-barcode={code().data}>
                  <span aria-hidden="true">{'▌▍▋▌▎▍▌▋▍▌▎▌▍▋'}</span>
                  <span>{code().data}</span>
                </div>
              )}
            </Match>
            <Match when={item.kind === 'cut'}>
              <div class="preview-cut" aria-hidden="true" />
            </Match>
          </Switch>
        )}
      </For>
    </div>
  );
}
