// What a custody log entry records. One list: the database type, the package's custody.json
// schema and the report's labels all follow it.
export const CUSTODY_EVENTS = ['capture', 'note', 'view', 'export', 'case-status', 'delete'] as const;
export type CustodyEventName = (typeof CUSTODY_EVENTS)[number];
