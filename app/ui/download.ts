/** Hands a file made in the page (PDF, CSV) to the browser as a download. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click starts the download asynchronously: release the URL once it surely has.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
