const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The saved copy's name: the opened file's name with `-kehu.xlsx`, so the original is never replaced. */
export function resultFileName(opened: string): string {
  const base = opened.replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, '') || 'workbook';
  return `${base}-kehu.xlsx`;
}

/** Hands `bytes` to the browser as a download. */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The browser has taken the URL once click() returns; revoking later keeps slow browsers safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
