import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { extractSavedPage } from '@/utils/cli/extract-page';

// npm run extract -- --url <original-url> <saved-page.html>   (contract §5)
function main(): number {
  let args;
  try {
    args = parseArgs({ options: { url: { type: 'string' } }, allowPositionals: true });
  } catch (err) {
    console.error(String(err));
    return 2;
  }
  const file = args.positionals[0];
  const url = args.values.url;
  if (!file || !url) {
    console.error('usage: npm run extract -- --url <original-url> <saved-page.html>');
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    console.error(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  try {
    new URL(url);
  } catch {
    console.error(`not a URL: ${url}`);
    return 2;
  }
  console.log(JSON.stringify(extractSavedPage(bytes, url), null, 2));
  return 0;
}

process.exitCode = main();
