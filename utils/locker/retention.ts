// Object Lock retention: COMPLIANCE until at least capturedAt + the team's retention days.

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 36500;
const DAY_MS = 86_400_000;
/** S3 refuses a retain-until date in the past; an old capture gets at least this from now. */
const MIN_FUTURE_MS = DAY_MS;

export function isRetentionDays(days: number): boolean {
  return Number.isInteger(days) && days >= MIN_RETENTION_DAYS && days <= MAX_RETENTION_DAYS;
}

/**
 * The retain-until date for a capture, ISO 8601 UTC. `capturedAt` carries its own offset, so the
 * instant is exact; when capturedAt + days has already passed (a capture older than the retention,
 * uploaded late) the date is a day from now, which still satisfies "at least capturedAt + days".
 */
export function retainUntil(capturedAt: string, days: number, now: Date = new Date()): string {
  if (!isRetentionDays(days)) throw new RangeError(`retention days must be a whole number from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}, not ${days}`);
  const captured = Date.parse(capturedAt);
  if (Number.isNaN(captured)) throw new RangeError(`capturedAt is not an ISO 8601 time: ${capturedAt}`);
  const until = Math.max(captured + days * DAY_MS, now.getTime() + MIN_FUTURE_MS);
  // whole seconds, rounded up: some S3 servers drop fractions, never below the minimum
  return new Date(Math.ceil(until / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
