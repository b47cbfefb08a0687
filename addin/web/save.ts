/** Hand bytes to the browser as a download (an .xlsx the user keeps). */
export function saveFile(name: string, bytes: Uint8Array, type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started by now; free the bytes a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "花名册.xlsx" → "花名册（已检查）.xlsx": the original stays as it was. */
export function checkedName(fileName: string, suffix: string): string {
  const dot = fileName.lastIndexOf(".");
  const stem = dot > 0 ? fileName.slice(0, dot) : fileName;
  return `${stem}${suffix}.xlsx`;
}
