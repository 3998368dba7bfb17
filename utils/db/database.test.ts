import { describe, expect, it } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import { SCHEMA_HISTORY } from '@/utils/db/schema-history';

describe('schema history', () => {
  it('is append-only: versions strictly increase from 1', () => {
    SCHEMA_HISTORY.forEach((step, i) => expect(step.version).toBe(i + 1));
  });

  it('opens at the latest version and round-trips a row with a UUID key', async () => {
    const db = new ListingProofDatabase(`t-${crypto.randomUUID()}`);
    await db.open();
    expect(db.verno).toBe(SCHEMA_HISTORY.at(-1)!.version);
    const id = crypto.randomUUID();
    await db.meta.put({ key: id, value: 1 });
    expect((await db.meta.get(id))?.value).toBe(1);
    db.close();
  });
});
