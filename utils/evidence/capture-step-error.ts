// A capture fails as a whole when a required step fails; the message names the step so the
// panel and the investigator know what to retry (e.g. "full-page: canvas is tainted").

export const CAPTURE_STEPS = ['viewport', 'full-page', 'page-source', 'data', 'images', 'hashing', 'storing'] as const;
export type CaptureStep = (typeof CAPTURE_STEPS)[number];

export class CaptureStepError extends Error {
  override readonly name = 'CaptureStepError';
  constructor(
    readonly step: CaptureStep,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${step}: ${detail}`, options);
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
