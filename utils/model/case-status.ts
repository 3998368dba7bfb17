import { z } from 'zod';

// Where a case (one shop) stands in the complaint workflow (contract §6.2 `case-status`):
// found → warned (警告) → complained (投诉) → appealed (申诉) → removed / restored → closed.

export const CASE_STATUSES = ['found', 'warned', 'complained', 'appealed', 'removed', 'restored', 'closed'] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** 电子商务法 §43: after an appeal the right holder has 15 days to act, or the listing returns. */
export const APPEAL_RESPONSE_DAYS = 15;

export const caseStatusChangeSchema = z.object({
  status: caseStatusSchema,
  /** when it changed, ISO 8601 */
  at: z.string(),
  /** the portal's complaint number, when complained */
  complaintNo: z.string().max(200).optional(),
  channel: z.enum(['alibaba', 'jd', 'pdd']).optional(),
  note: z.string().max(4000).optional(),
});
export type CaseStatusChange = z.infer<typeof caseStatusChangeSchema>;

/** A case from before statuses existed reads as `found`. */
export function statusOf(c: { status?: CaseStatus }): CaseStatus {
  return c.status ?? 'found';
}
