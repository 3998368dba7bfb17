import { useSyncExternalStore } from 'react';

// The case view is addressed as `#case/<caseId>` in the dashboard, so a case can be linked to.

export const caseHref = (caseId: string) => `#case/${encodeURIComponent(caseId)}`;

function currentCaseId(): string | undefined {
  const m = /^#case\/(.+)$/.exec(location.hash);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return undefined; // a malformed escape is no case
  }
}

/** The case id in the URL hash, or undefined on every other view. */
export function useCaseRoute(): string | undefined {
  return useSyncExternalStore((l) => {
    addEventListener('hashchange', l);
    return () => removeEventListener('hashchange', l);
  }, currentCaseId);
}
