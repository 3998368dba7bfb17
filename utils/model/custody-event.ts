// What a custody log entry records (`uploaded`: files stored in the team locker; its detail lists
// each object's key, version id and ETag). One list: the database type, the package's custody.json
// schema and the report's labels all follow it.
export const CUSTODY_EVENTS = ['capture', 'note', 'view', 'export', 'case-status', 'delete', 'uploaded'] as const;
export type CustodyEventName = (typeof CUSTODY_EVENTS)[number];
