import { describe, expect, it } from 'vitest';
import { ListingProofDatabase } from '@/utils/db/database';
import { appealDeadline, daysLeft, setCaseStatus, statusOf } from '@/utils/cases/case-status';
import { readCustody, verifyCustodyChain } from '@/utils/evidence/custody';

async function withCase() {
  const db = new ListingProofDatabase(`cases-${crypto.randomUUID()}`);
  await db.cases.put({ id: 'case-1', platform: 'tmall', shopKey: '100200300', shopName: 'Acme授权专卖店', createdAt: '2026-12-01T08:00:00.000Z' });
  return db;
}

describe('case status', () => {
  it('reads a case from before statuses as found', () => {
    expect(statusOf({})).toBe('found');
  });

  it('records each change on the case and in the custody chain', async () => {
    const db = await withCase();
    await setCaseStatus(db, 'case-1', { status: 'warned', actor: '王调查' }, new Date('2026-12-02T01:00:00Z'));
    const after = await setCaseStatus(
      db,
      'case-1',
      { status: 'complained', channel: 'alibaba', complaintNo: ' IPP-2026-001 ', actor: '王调查' },
      new Date('2026-12-03T01:00:00Z'),
    );
    expect(after.status).toBe('complained');
    expect(after.statusHistory?.map((h) => h.status)).toEqual(['warned', 'complained']);
    expect(after.statusHistory?.[1]).toMatchObject({ complaintNo: 'IPP-2026-001', channel: 'alibaba', at: '2026-12-03T01:00:00.000Z' });
    const log = await readCustody(db);
    expect(log.map((e) => e.event)).toEqual(['case-status', 'case-status']);
    expect(JSON.parse(log[1]!.detail)).toMatchObject({ caseId: 'case-1', from: 'warned', status: 'complained', complaintNo: 'IPP-2026-001' });
    expect(log[1]!.actor).toBe('王调查');
    expect(await verifyCustodyChain(log)).toEqual([]);
    db.close();
  });

  it('refuses an unknown case or status and writes nothing', async () => {
    const db = await withCase();
    await expect(setCaseStatus(db, 'nope', { status: 'closed', actor: 'a' })).rejects.toThrow('no case nope');
    await expect(setCaseStatus(db, 'case-1', { status: 'archived' as never, actor: 'a' })).rejects.toThrow();
    expect(await readCustody(db)).toEqual([]);
    expect(statusOf((await db.cases.get('case-1'))!)).toBe('found');
    db.close();
  });

  it('counts down the 15 days after an appeal, and stops once the case moves on', async () => {
    const db = await withCase();
    const appealed = await setCaseStatus(db, 'case-1', { status: 'appealed', actor: 'a' }, new Date('2026-12-04T00:00:00Z'));
    const deadline = appealDeadline(appealed)!;
    expect(deadline.toISOString()).toBe('2026-12-19T00:00:00.000Z');
    expect(daysLeft(deadline, new Date('2026-12-04T00:00:00Z'))).toBe(15);
    expect(daysLeft(deadline, new Date('2026-12-18T12:00:00Z'))).toBe(1);
    expect(daysLeft(deadline, new Date('2026-12-20T00:00:00Z'))).toBe(-1);
    const removed = await setCaseStatus(db, 'case-1', { status: 'removed', actor: 'a' }, new Date('2026-12-10T00:00:00Z'));
    expect(appealDeadline(removed)).toBeUndefined();
    db.close();
  });
});

describe('repeat offenders', () => {
  it('flags a closed case whose shop is captured again, and leaves its status alone', async () => {
    const { findOrCreateCase } = await import('@/utils/evidence/store-capture');
    const db = await withCase();
    const shop = { name: 'Acme授权专卖店', id: '100200300', sellerId: '' };
    expect((await findOrCreateCase(db, { platform: 'tmall', shop }, '2026-12-04T00:00:00Z', () => 'new')).repeatOffender).toBeUndefined();
    await setCaseStatus(db, 'case-1', { status: 'closed', actor: 'a' });
    const again = await findOrCreateCase(db, { platform: 'tmall', shop }, '2026-12-05T00:00:00Z', () => 'new');
    expect(again).toMatchObject({ id: 'case-1', status: 'closed', repeatOffender: true });
    expect((await db.cases.get('case-1'))?.repeatOffender).toBe(true);
    db.close();
  });
});
