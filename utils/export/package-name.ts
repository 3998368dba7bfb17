// Download names are ASCII only (zip tools and mail gateways mangle the rest).

function slug(label: string): string {
  return label
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `listingproof-<case or selection>-<YYYYMMDD-HHmm>.zip` in the local time of `date`. */
export function packageFileName(label: string, date: Date): string {
  const stamp = `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}`;
  return `listingproof-${slug(label) || 'selection'}-${stamp}.zip`;
}
