import * as pkijs from 'pkijs';

// pkijs keeps its WebCrypto engine in a global; in node it is keyed by process id and may be
// unset when another copy initialised first. Setting it explicitly from globalThis.crypto makes
// the same code run in the MV3 service worker, the dashboard and node (the CLI, tests).

let ready = false;

export function ensurePkijsEngine(): void {
  if (ready) return;
  pkijs.setEngine('webcrypto', new pkijs.CryptoEngine({ name: 'webcrypto', crypto: globalThis.crypto }));
  ready = true;
}
