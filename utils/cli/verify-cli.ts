import { readFile } from 'node:fs/promises';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { exitCodeOf, formatResult } from '@/utils/cli/verify-format';
import { openFileSource } from '@/utils/cli/file-source';
import { nodeSha256 } from '@/utils/cli/node-sha256';
import { verifyPackage } from '@/utils/export/verify-package';
import { pemToDer } from '@/utils/trust/bytes';

// `npm run verify -- <package.zip> [--trust <root.pem>]... [--require-timestamps]` (contract §5,
// §6.6): one line per problem naming the file, then warnings, each capture's trusted time, the
// key id, and a summary. Exit 0 intact, 1 tampered (or incomplete with --require-timestamps),
// 2 not a readable package.
// The package is read from disk part by part (never whole), each entry checked by node's native
// SHA-256 and CRC-32 as it inflates.

const USAGE = 'usage: npm run verify -- <package.zip> [--trust <root.pem>]... [--require-timestamps]';

interface Args {
  path?: string;
  trust: string[];
  requireTimestamps: boolean;
  error?: string;
}

function parseArgs(args: string[]): Args {
  const out: Args = { trust: [], requireTimestamps: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') continue;
    if (a === '--require-timestamps') out.requireTimestamps = true;
    else if (a === '--trust' || a.startsWith('--trust=')) {
      const value = a === '--trust' ? args[++i] : a.slice('--trust='.length);
      if (!value) return { ...out, error: '--trust needs a PEM file' };
      out.trust.push(value);
    } else if (a.startsWith('--')) return { ...out, error: `unknown option ${a}` };
    else if (out.path) return { ...out, error: `one package at a time (${out.path}, ${a})` };
    else out.path = a;
  }
  return out;
}

async function readRoots(files: string[]): Promise<Uint8Array[] | string> {
  const roots: Uint8Array[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      return `--trust ${file}: cannot be read (${e instanceof Error ? e.message : String(e)})`;
    }
    const ders = pemToDer(text);
    if (!ders.length) return `--trust ${file}: no PEM certificate (-----BEGIN CERTIFICATE-----) in it`;
    roots.push(...ders);
  }
  return roots;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.error || !args.path) {
    console.error(args.error ? `${args.error}\n${USAGE}` : USAGE);
    return 2;
  }
  const path = args.path;
  const roots = await readRoots(args.trust);
  if (typeof roots === 'string') {
    console.error(roots);
    return 2;
  }
  let source;
  try {
    source = await openFileSource(path);
  } catch (e) {
    console.log(`✗ ${path}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
    console.log(`unreadable: ${path}: not a readable evidence package`);
    return 2;
  }
  try {
    const result = await verifyPackage(source, { sha256: nodeSha256, crc32: zlibCrc32, trustedRoots: roots });
    for (const line of formatResult(path, result, args.requireTimestamps)) console.log(line);
    return exitCodeOf(result, args.requireTimestamps);
  } finally {
    await source.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exit(2);
  },
);
