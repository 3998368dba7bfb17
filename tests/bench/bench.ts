import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { machineLine, type Print } from '@/tests/bench/bench-utils';
import { benchExtraction } from '@/tests/bench/extraction-bench';
import { benchLoadOverhead } from '@/tests/bench/load-overhead-bench';
import { benchBadges } from '@/tests/bench/badge-bench';
import { benchCapture } from '@/tests/bench/capture-bench';
import { benchAuthorized } from '@/tests/bench/authorized-bench';
import { benchExport } from '@/tests/bench/export-bench';
import { benchTokens } from '@/tests/bench/token-bench';
import { benchStamp } from '@/tests/bench/stamp-bench';
import { benchVerify } from '@/tests/bench/verify-bench';
import { benchLocker } from '@/tests/bench/locker-bench';
import { benchDashboard } from '@/tests/bench/dashboard-bench';
import { benchRunner } from '@/tests/bench/runner-bench';

// `npm run bench [-- --only <part>] [-- --full]`: runs each part in turn, each printing its own
// table against a reference measured in the same run. A failing part prints its error and the
// others still run; the exit code is non-zero if any part failed. Browser parts need the built
// extension (`npm run bench` builds it first).

// The export part reads memory after a collection; expose gc without changing the npm script.
if (!(globalThis as { gc?: unknown }).gc) {
  setFlagsFromString('--expose-gc');
  (globalThis as { gc?: unknown }).gc = runInNewContext('gc');
}

interface Part {
  name: string;
  about: string;
  run(print: Print, full: boolean): Promise<void>;
}

const PARTS: Part[] = [
  { name: 'extraction', about: 'adapter extraction time per page, jsdom and Chromium, vs a querySelectorAll(*) pass', run: (p) => benchExtraction(p) },
  {
    name: 'load',
    about: "the content script's added load time and main-thread time vs the same pages without the extension",
    run: (p, full) => benchLoadOverhead(p, { runs: full ? 15 : 8 }),
  },
  {
    name: 'badges',
    about: 'time from 60 search results appearing to 60 final badges, 100,000-seller list, vs one frame',
    run: (p, full) => benchBadges(p, { rounds: full ? 12 : 6 }),
  },
  {
    name: 'capture',
    about: "click-to-stored capture of a 12-screen, 50-image page vs Chromium's own full-page screenshot",
    run: (p, full) => benchCapture(p, { rounds: full ? 5 : 3 }),
  },
  { name: 'authorized', about: '1M-seller authorized list: import, storage, memory, verdict latency vs Map.get', run: (p) => benchAuthorized(p) },
  { name: 'export', about: '200 captures of ~2 MB exported as a package vs reading + hashing every artifact', run: (p) => benchExport(p) },
  {
    name: 'stamp',
    about: "stored to stamped: a capture's RFC 3161 token from the local TSA vs the same request from node",
    run: (p, full) => benchStamp(p, { rounds: full ? 9 : 5 }),
  },
  { name: 'tokens', about: "verifying 200 captures' RFC 3161 tokens from the local TSA vs hashing the same bytes", run: (p) => benchTokens(p) },
  {
    name: 'verify',
    about: 'verifying a ~363 MB package: seconds and peak RSS vs the largest file, sha256sum and node hashing the zip',
    run: (p) => benchVerify(p),
  },
  {
    name: 'locker',
    about: '200 captures of ~2 MB into a real Ceph RGW: locker upload vs plain PUT (same client), the queue in Chromium and its memory',
    run: (p) => benchLocker(p),
  },
  {
    name: 'dashboard',
    about: 'the dashboard with 10,000 captures: captures view render, filters, scrolling, JS heap vs 500 plain rows',
    run: (p, full) => benchDashboard(p, { rounds: full ? 9 : 5 }),
  },
  {
    name: 'runner',
    about: 'capture-flagged runner, 20 flagged results at pace 0: per-listing time vs the same capture done directly, browser memory after 5, 10, 20',
    run: (p) => benchRunner(p),
  },
];

function parseArgs(argv: string[]): { only?: string; full: boolean } {
  const i = argv.indexOf('--only');
  return { only: i >= 0 ? argv[i + 1] : undefined, full: argv.includes('--full') };
}

async function main(): Promise<number> {
  const { only, full } = parseArgs(process.argv.slice(2));
  const parts = only ? PARTS.filter((p) => p.name === only) : PARTS;
  if (!parts.length) {
    console.error(`unknown part "${only}"; parts: ${PARTS.map((p) => p.name).join(', ')}`);
    return 2;
  }
  const print: Print = (line) => console.log(line);
  print(machineLine());
  print(`size: ${full ? 'full (--full)' : 'default (pass --full for more runs per browser part)'}`);
  const started = performance.now();
  const failed: string[] = [];
  for (const part of parts) {
    print('');
    print(`== ${part.name}: ${part.about}`);
    const t = performance.now();
    try {
      await part.run((line) => print(`  ${line}`), full);
    } catch (err) {
      failed.push(part.name);
      print(`  FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    print(`  (${part.name} took ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  }
  print('');
  print(`${machineLine()}`);
  print(
    `bench finished in ${((performance.now() - started) / 1000).toFixed(0)} s${failed.length ? `; FAILED parts: ${failed.join(', ')}` : '; every part ran'}`,
  );
  return failed.length ? 1 : 0;
}

process.exitCode = await main();
