import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaptureRecord } from '@/utils/model/capture';
import { sha256Bytes } from '@/utils/export/digest';
import { blobSink, type ZipSink } from '@/utils/export/zip-writer';
import { writePackage, type BuildPackageInput } from '@/utils/export/build-package';
import { makeCapture } from '@/tests/helpers/make-capture';

// Export throughput and memory: 200 captures of ~2 MB (mostly incompressible PNG-like bytes plus
// page source text). Compared with the least any export must do in the same run: read every
// artifact and SHA-256 it. Memory is sampled during the run; peak minus the baseline taken just
// before is reported as a ratio of the package size. Targets: > 50 MB/s, < 1.5x.

const CAPTURES = 200;
const MB = 1024 * 1024;

interface Peak {
  rss: number;
  arrayBuffers: number;
}

function sampler(): { stop: () => Peak; baseline: Peak } {
  const now = (): Peak => {
    const m = process.memoryUsage();
    return { rss: m.rss, arrayBuffers: m.arrayBuffers };
  };
  const baseline = now();
  const peak = { ...baseline };
  const sample = () => {
    const m = now();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
  };
  const timer = setInterval(sample, 10);
  return {
    baseline,
    stop: () => {
      clearInterval(timer);
      sample();
      return { rss: peak.rss - baseline.rss, arrayBuffers: peak.arrayBuffers - baseline.arrayBuffers };
    },
  };
}

async function settle(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((r) => setTimeout(r, 200));
}

/** Writes in 1 MiB batches (a write per 16 KiB chunk would measure syscalls, not the export). */
async function fileSink(path: string): Promise<{ sink: ZipSink; close: () => Promise<void> }> {
  const fh = await open(path, 'w');
  let batch: Uint8Array[] = [];
  let size = 0;
  const flush = async () => {
    const data = Buffer.concat(batch);
    batch = [];
    size = 0;
    await fh.write(data);
  };
  return {
    sink: (chunk) => {
      batch.push(chunk);
      size += chunk.byteLength;
      return size >= MB ? flush() : undefined;
    },
    close: async () => {
      await flush();
      await fh.close();
    },
  };
}

export async function benchExport(print: (line: string) => void): Promise<void> {
  const gcNote = (globalThis as { gc?: unknown }).gc ? 'with --expose-gc' : 'without --expose-gc (baseline may include garbage)';
  print(`export bench: generating ${CAPTURES} captures of ~2 MB (${gcNote})`);
  const captures: CaptureRecord[] = [];
  const blobs = new Map<string, Blob>();
  for (let i = 0; i < CAPTURES; i++) {
    const made = await makeCapture({ pngBytes: 1_100_000, fullPngBytes: 800_000, mhtmlBytes: 150_000 });
    captures.push(made.record);
    // Node keeps Blob bytes outside the JS heap, as the browser keeps IndexedDB blobs out of the page.
    for (const [path, data] of made.bytes) blobs.set(`${made.record.id}/${path}`, new Blob([data as Uint8Array<ArrayBuffer>]));
  }
  const inputBytes = captures.reduce((n, c) => n + c.artifacts.reduce((s, a) => s + a.bytes, 0), 0);
  const input: BuildPackageInput = {
    captures,
    readArtifact: async (id, path) => blobs.get(`${id}/${path}`),
    custody: [],
    softwareVersion: 'bench',
    locale: 'en',
  };

  await settle();
  let t = performance.now();
  for (const blob of blobs.values()) await sha256Bytes(new Uint8Array(await blob.arrayBuffer()));
  const refSeconds = (performance.now() - t) / 1000;
  print(
    `reference (read + SHA-256 every artifact): ${(inputBytes / MB).toFixed(0)} MB in ${refSeconds.toFixed(2)} s, ${(inputBytes / MB / refSeconds).toFixed(0)} MB/s`,
  );

  const run = async (label: string, make: () => Promise<{ sink: ZipSink; done: () => Promise<number | void> }>) => {
    await settle();
    const out = await make();
    const mem = sampler();
    t = performance.now();
    const result = await writePackage(input, out.sink);
    await out.done();
    const seconds = (performance.now() - t) / 1000;
    const peak = mem.stop();
    const size = result.bytes;
    print(
      `${label}: ${(size / MB).toFixed(0)} MB package in ${seconds.toFixed(2)} s = ${(size / MB / seconds).toFixed(0)} MB/s (${(seconds / refSeconds).toFixed(2)}x the reference time); ` +
        `peak memory over baseline: rss ${(peak.rss / MB).toFixed(0)} MB = ${(peak.rss / size).toFixed(2)}x the package, arrayBuffers ${(peak.arrayBuffers / MB).toFixed(0)} MB = ${(peak.arrayBuffers / size).toFixed(2)}x`,
    );
  };

  let kept: Blob | undefined;
  await run('export to a Blob (the browser download path)', async () => {
    const out = blobSink();
    return { sink: out.sink, done: async () => void (kept = out.finish()) };
  });
  print(`  (the Blob holds ${((kept?.size ?? 0) / MB).toFixed(0)} MB: in node its bytes count in rss; a browser moves large Blobs out of the page's process)`);
  kept = undefined;

  const path = join(tmpdir(), `listingproof-bench-${process.pid}.zip`);
  try {
    await run('export streamed to a file (node)', async () => {
      const out = await fileSink(path);
      return { sink: out.sink, done: out.close };
    });
  } finally {
    await rm(path, { force: true });
  }
}
