import { storage } from '#imports';

// The `<keyId>` of the locker path (contract §6.5): the hex SHA-256 of the investigator's public
// key (SPKI DER). Until the investigator key exists in this build, a stable random id per browser
// profile stands in, so each investigator's captures still land under one prefix of their own.

const item = storage.defineItem<string>('local:lockerProfileKeyId', { fallback: '' });

export async function lockerKeyId(): Promise<string> {
  const existing = await item.getValue();
  if (/^[0-9a-f]{64}$/.test(existing)) return existing;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const id = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  await item.setValue(id);
  return id;
}
