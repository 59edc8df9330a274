/**
 * The browser outputs for when no USB printer answers: the print dialog with an 80 mm page,
 * or a PDF download. jsPDF is loaded only when a PDF is asked for.
 */
import './print.css';
import type { Receipt } from './receipt-model.ts';
import type { FallbackOutput } from './printer-settings.ts';
import { receiptHtml } from './html.ts';

function printDialog(receipt: Receipt): void {
  const sheet = document.createElement('div');
  sheet.className = 'fo-receipt';
  sheet.innerHTML = receiptHtml(receipt);
  document.body.append(sheet);
  document.body.classList.add('fo-printing');
  const done = () => {
    sheet.remove();
    document.body.classList.remove('fo-printing');
  };
  window.addEventListener('afterprint', done, { once: true });
  // Chrome returns from print() once the dialog is closed; others fire afterprint.
  window.print();
  done();
}

export async function printFallback(receipt: Receipt, output: FallbackOutput): Promise<void> {
  if (output === 'pdf') {
    const { receiptPdf, pdfFileName } = await import('./pdf.ts');
    receiptPdf(receipt).save(pdfFileName(receipt));
    return;
  }
  printDialog(receipt);
}
