import { database } from '@/utils/db/database';
import { loadSettings } from '@/utils/settings/settings';
import { ensureKey } from '@/utils/trust/investigator-key';

// The `<keyId>` of the locker path (contract §6.5): the hex SHA-256 of the investigator's public
// key (SPKI DER), the same id that seals and signs this profile's captures.

export async function lockerKeyId(): Promise<string> {
  return (await ensureKey(database(), (await loadSettings()).investigator)).keyId;
}
