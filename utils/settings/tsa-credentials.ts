import type { ListingProofDatabase } from '@/utils/db/database';

// HTTP basic credentials for a commercial TSA. Kept in the extension's IndexedDB, not with the
// other settings in extension storage: content scripts read those settings, and a password has
// no business in a script that runs beside a marketplace page.

export interface TsaCredentials {
  username: string;
  password: string;
}

const KEY = 'tsaCredentials';

export async function loadTsaCredentials(db: ListingProofDatabase): Promise<TsaCredentials> {
  const value = (await db.meta.get(KEY))?.value as Partial<TsaCredentials> | undefined;
  return { username: typeof value?.username === 'string' ? value.username : '', password: typeof value?.password === 'string' ? value.password : '' };
}

export async function saveTsaCredentials(db: ListingProofDatabase, credentials: TsaCredentials): Promise<void> {
  await db.meta.put({ key: KEY, value: { username: credentials.username, password: credentials.password } });
}
