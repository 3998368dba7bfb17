import { EXIT_CODES, formatResult } from '@/utils/cli/verify-format';
import { openFileSource } from '@/utils/cli/file-source';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { nodeSha256 } from '@/utils/cli/node-sha256';
import { verifyPackage } from '@/utils/export/verify-package';

// `npm run verify -- <package.zip>` (contract §5): one line per problem naming the file, then a
// summary. Exit 0 intact, 1 tampered, 2 not a readable package. The package is read from disk
// part by part (never whole), each entry checked by node's native SHA-256 and CRC-32 as it inflates.

async function main(args: string[]): Promise<number> {
  const path = args.find((a) => a !== '--');
  if (!path) {
    console.error('usage: npm run verify -- <package.zip>');
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
    const result = await verifyPackage(source, { sha256: nodeSha256, crc32: zlibCrc32 });
    for (const line of formatResult(path, result)) console.log(line);
    return EXIT_CODES[result.status];
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
