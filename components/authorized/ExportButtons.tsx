import { translate } from '@/utils/i18n/locale';
import { listToCsv, listToJson } from '@/utils/authorized/export-list';
import { loadList } from '@/utils/authorized/list-store';
import type { ListingProofDatabase } from '@/utils/db/database';
import { database } from '@/utils/db/database';
import { am } from '@/components/authorized/authorized-messages';
import { downloadText } from '@/components/authorized/download';

export type Saver = (name: string, text: string, type: string) => void;

/** Exports the list in force as canonical JSON or as the CSV pair (formula cells escaped). */
export function ExportButtons({ disabled, db = database(), save = downloadText }: { disabled?: boolean; db?: ListingProofDatabase; save?: Saver }) {
  const exportAs = async (form: 'json' | 'csv') => {
    const stored = await loadList(db);
    if (!stored) return;
    const stem = `authorized-list-${stored.record.updatedAt.slice(0, 10) || 'export'}`;
    if (form === 'json') return save(`${stem}.json`, listToJson(stored.list), 'application/json');
    const csv = listToCsv(stored.list);
    save(`${stem}-sellers.csv`, csv.sellers, 'text/csv;charset=utf-8');
    save(`${stem}-products.csv`, csv.products, 'text/csv;charset=utf-8');
  };
  return (
    <span>
      <button type="button" data-testid="authorized-export-json" disabled={disabled} onClick={() => void exportAs('json')}>
        {translate(am, 'exportJson')}
      </button>{' '}
      <button type="button" data-testid="authorized-export-csv" disabled={disabled} onClick={() => void exportAs('csv')}>
        {translate(am, 'exportCsv')}
      </button>
    </span>
  );
}
