// What a name inside an evidence package may be (contract §3: ASCII, relative, no climbing out).
// Names are judged on their raw bytes, before any decoding could turn them into something else.

/** The name as printable text for a problem line: bytes outside printable ASCII shown as \xNN. */
export function displayName(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x20 && b < 0x7f && b !== 0x5c ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return out;
}

/** Why the name is not allowed, or undefined. `folder`: the entry is a folder (trailing `/` allowed). */
export function nameProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'the name is empty';
  for (const b of bytes) if (b < 0x20 || b >= 0x7f) return 'the name is not printable ASCII';
  const name = String.fromCharCode(...bytes);
  if (name.includes('\\')) return 'the name contains a backslash (\\), which some tools read as a folder separator';
  if (name.startsWith('/')) return 'the name is absolute (starts with /)';
  if (/^[A-Za-z]:/.test(name)) return 'the name starts with a drive letter';
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.includes('..')) return 'the name climbs out of the package (..)';
  if (segments.some((s) => s === '' || s === '.')) return 'the name has an empty or "." segment';
  return undefined;
}
