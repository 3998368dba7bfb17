import { readFile } from 'node:fs/promises';
import { EXIT_CODES, formatResult } from '@/utils/cli/verify-format';
import { verifyPackage } from '@/utils/export/verify-package';

// `npm run verify -- <package.zip>` (contract §5): one line per problem naming the file, then a
// summary. Exit 0 intact, 1 tampered, 2 not a readable package.

async function main(args: string[]): Promise<number> {
  const path = args.find((a) => a !== '--');
  if (!path) {
    console.error('usage: npm run verify -- <package.zip>');
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    console.log(`✗ ${path}: cannot be read (${e instanceof Error ? e.message : String(e)})`);
    console.log(`unreadable: ${path}: not a readable evidence package`);
    return 2;
  }
  const result = await verifyPackage(bytes);
  for (const line of formatResult(path, result)) console.log(line);
  return EXIT_CODES[result.status];
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack : String(e));
    process.exit(2);
  },
);
