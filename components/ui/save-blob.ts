// A download started by the extension page itself: every browser and the E2E harness see it
// (downloads started by the service worker do not raise Playwright's download event).
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
