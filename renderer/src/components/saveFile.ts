/** Saves text the page made (a CSV) through the browser's download, in Electron as in the web host. */
export const saveFile = (name: string, data: BlobPart, type: string): void => {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
};
