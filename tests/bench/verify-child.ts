import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { openFileSource } from '@/utils/cli/file-source';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { nodeSha256 } from '@/utils/cli/node-sha256';
import { jsSha256 } from '@/utils/export/incremental-sha256';
import { verifyPackage } from '@/utils/export/verify-package';

// Runs one verification (or a reference) in its own process so its peak RSS (maxRSS) is its own:
// `node --import tsx tests/bench/verify-child.ts <mode> <package.zip>`; prints one JSON line.
//   verify-node: what `npm run verify` does;  verify-js: the dashboard's path (pure-JS SHA-256);
//   hash-file: node streaming SHA-256 of the zip;  idle: node with the verifier loaded, nothing run.

async function run(mode: string, path: string): Promise<Record<string, unknown>> {
  const started = performance.now();
  if (mode === 'hash-file') {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
    return { result: hash.digest('hex'), seconds: (performance.now() - started) / 1000 };
  }
  if (mode === 'idle') return { result: 'idle', seconds: 0 };
  const source = await openFileSource(path);
  try {
    const result = await verifyPackage(source, mode === 'verify-js' ? { sha256: jsSha256 } : { sha256: nodeSha256, crc32: zlibCrc32 });
    return { result: result.status, problems: result.problems.slice(0, 3), files: result.files.length, seconds: (performance.now() - started) / 1000 };
  } finally {
    await source.close();
  }
}

const [mode = 'verify-node', path = ''] = process.argv.slice(2);
const out = await run(mode, path);
console.log(JSON.stringify({ ...out, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
