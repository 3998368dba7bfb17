import { translate } from '@/utils/i18n/locale';
import type { Tombstone } from '@/utils/evidence/tombstones';
import { deleteMessages as m } from '@/components/evidence/delete-messages';

/** What was deleted, by whom and why: one `evidence-tombstone` per deleted capture. */
export function Tombstones({ tombstones }: { tombstones: Tombstone[] }) {
  if (tombstones.length === 0) return null;
  return (
    <div data-testid="evidence-tombstones">
      <h3>
        {translate(m, 'tombstones')} ({tombstones.length})
      </h3>
      <ul>
        {tombstones.map((t) => (
          <li key={t.captureId} className="muted" data-testid="evidence-tombstone" data-evidence-id={t.captureId} data-custody-seq={t.custodySeq}>
            {translate(m, 'tombstone', {
              title: t.title || t.url,
              platform: t.platform,
              itemId: t.itemId,
              capturedAt: t.capturedAt,
              deletedAt: t.deletedAt,
              actor: t.actor,
              reason: t.reason,
              seq: t.custodySeq,
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
