import { z } from 'zod';

// What a capture records of the run that made it (optional on the capture record): the search
// page it was flagged on, or the case a re-check visited it for.

export const captureSourceSchema = z.object({
  runId: z.string().max(64),
  kind: z.enum(['search', 'recheck']),
  itemKey: z.string().max(100),
  searchUrl: z.string().max(8000).optional(),
  keyword: z.string().max(500).optional(),
  caseId: z.string().max(64).optional(),
  /** `context`: this capture is the search results page itself, not one of its listings */
  role: z.literal('context').optional(),
  /** on a run's listing captures: the capture of the search page they were found on */
  contextCaptureId: z.string().max(64).optional(),
});
export type CaptureSource = z.infer<typeof captureSourceSchema>;
