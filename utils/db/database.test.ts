import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { ListingProofDatabase } from '@/utils/db/database';
import { SCHEMA_HISTORY } from '@/utils/db/schema-history';
import RELEASED from '@/utils/db/released-schemas.json';

// Each released version's stores, frozen when it shipped: the layout users' databases really have.
const released = RELEASED as Record<string, Record<string, string | null>>;

describe('schema history', () => {
  it('is append-only: versions count up from 1 without a gap', () => {
    SCHEMA_HISTORY.forEach((step, i) => expect(step.version).toBe(i + 1));
  });

  it('leaves every released version as it shipped (utils/db/released-schemas.json)', () => {
    for (const [version, stores] of Object.entries(released)) {
      const step = SCHEMA_HISTORY.find((s) => s.version === Number(version));
      expect(step, `released version ${version} is missing from the schema history`).toBeDefined();
      expect(step!.stores, `released version ${version} was edited in place: add a new version instead`).toEqual(stores);
    }
  });

  it('has every version frozen in released-schemas.json (add a new version there as it is released)', () => {
    expect(Object.keys(released).map(Number)).toEqual(SCHEMA_HISTORY.map((s) => s.version));
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

describe('upgrades from every released version', () => {
  // The migration-test pattern: a database as version N left it is opened by the current code
  // and keeps its rows. New versions add a migration file in utils/db/migrations/ and a test of
  // their own; this one keeps every earlier layout openable.
  it.each(SCHEMA_HISTORY.map((s) => [s.version] as const))('a database left at version %i opens at the latest with its rows', async (version) => {
    const name = `upgrade-${version}-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    for (const [v, stores] of Object.entries(released)) if (Number(v) <= version) old.version(Number(v)).stores(stores);
    await old.open();
    const id = crypto.randomUUID();
    await old.table('cases').add({ id, platform: 'tmall', shopKey: '100200300', shopName: 'Acme官方旗舰店', createdAt: '2026-11-01T08:00:00+08:00' });
    await old.table('meta').put({ key: 'authorizedListId', value: 'list-1' });
    old.close();

    const db = new ListingProofDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_HISTORY.at(-1)!.version);
    expect((await db.cases.get(id))?.shopName).toBe('Acme官方旗舰店');
    expect((await db.cases.where('[platform+shopKey]').equals(['tmall', '100200300']).first())?.id).toBe(id);
    expect((await db.meta.get('authorizedListId'))?.value).toBe('list-1');
    db.close();
  });
});
