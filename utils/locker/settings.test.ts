import { describe, expect, it } from 'vitest';
import { lockerSettingsProblems, managedLockerSettings, needsHostPermission, type LockerSettings } from '@/utils/locker/settings';

const good: LockerSettings = {
  endpoint: 'https://s3.example.com',
  region: 'us-east-1',
  bucket: 'brand-evidence',
  accessKey: 'AKIA1',
  secretKey: 's',
  retentionDays: 3650,
};

describe('locker settings', () => {
  it('accepts a complete setting and an empty endpoint (locker off)', () => {
    expect(lockerSettingsProblems(good)).toEqual([]);
    expect(lockerSettingsProblems({ ...good, endpoint: '', bucket: '' })).toEqual([]);
  });

  it('names each field that is wrong', () => {
    expect(lockerSettingsProblems({ ...good, endpoint: 'ftp://x' }).map((p) => p.code)).toEqual(['endpoint-url']);
    expect(lockerSettingsProblems({ ...good, endpoint: 'https://s3.example.com/bucket' }).map((p) => p.code)).toEqual(['endpoint-path']);
    expect(lockerSettingsProblems({ ...good, bucket: 'Brand_Evidence' }).map((p) => p.field)).toEqual(['bucket']);
    expect(lockerSettingsProblems({ ...good, accessKey: ' ', secretKey: '' }).map((p) => p.field)).toEqual(['accessKey', 'secretKey']);
    for (const days of [0, 36501, 2.5]) expect(lockerSettingsProblems({ ...good, retentionDays: days }).map((p) => p.field)).toEqual(['retentionDays']);
    expect(lockerSettingsProblems({ ...good, retentionDays: 36500 })).toEqual([]);
  });

  it('reads a company policy (managed storage) only when it sets an endpoint', () => {
    expect(managedLockerSettings({})).toBeUndefined();
    expect(
      managedLockerSettings({
        lockerEndpoint: ' https://rgw.corp:8443 ',
        lockerBucket: 'ev',
        lockerAccessKey: 'a',
        lockerSecretKey: 'b',
        lockerRetentionDays: 730,
      }),
    ).toEqual({
      endpoint: 'https://rgw.corp:8443',
      region: 'us-east-1',
      bucket: 'ev',
      accessKey: 'a',
      secretKey: 'b',
      retentionDays: 730,
    });
  });

  it('needs no host permission for a loopback locker', () => {
    expect(needsHostPermission({ ...good, endpoint: 'http://127.0.0.1:7480' })).toBe(false);
    expect(needsHostPermission({ ...good, endpoint: 'http://localhost:7480' })).toBe(false);
    expect(needsHostPermission(good)).toBe(true);
  });
});
