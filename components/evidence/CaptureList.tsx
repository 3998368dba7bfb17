import { memo, useMemo } from 'react';
import { translate } from '@/utils/i18n/locale';
import type { CaseWithCaptures } from '@/utils/evidence/capture-queries';
import { captureRows, type CaptureListRow, type CaptureSort, type CaptureSortKey } from '@/utils/evidence/capture-order';
import type { TimestampRecord } from '@/utils/model/trust';
import type { CaptureRecord } from '@/utils/model/capture';
import type { LockerFileState } from '@/utils/locker/queue-record';
import { CaptureRow } from '@/components/evidence/CaptureRow';
import { WindowedRows } from '@/components/evidence/WindowedRows';
import type { DeleteTarget } from '@/components/evidence/DeleteDialog';
import { deleteMessages as dm, formatBytes } from '@/components/evidence/delete-messages';
import { evidenceMessages as m } from '@/components/evidence/evidence-messages';
import { caseHref } from '@/components/cases/case-route';

/** Capture rows kept in the DOM before the list starts drawing only what is on screen (contract §6.2: at least 500). */
export const ROWS_ALWAYS_IN_DOM = 500;
const COLUMNS = 6;

interface Props {
  cases: readonly CaseWithCaptures[];
  /** changes when the person changes what is listed (a filter): the list then starts again from its top */
  listKey: string;
  sort: CaptureSort;
  onSort: (key: CaptureSortKey) => void;
  selected: ReadonlySet<string>;
  onSelect: (ids: readonly string[], on: boolean) => void;
  timestamps: ReadonlyMap<string, TimestampRecord>;
  lockerStateOf?: (captureId: string) => LockerFileState | undefined;
  actor: string;
  onDelete: (target: DeleteTarget) => void;
}

/** How many rows make up the first ROWS_ALWAYS_IN_DOM captures (case rows in between count too). */
function headLength(rows: readonly CaptureListRow[]): number {
  let captures = 0;
  for (let i = 0; i < rows.length; i++) if (rows[i]!.kind === 'capture' && ++captures === ROWS_ALWAYS_IN_DOM) return i + 1;
  return rows.length;
}

function SortHeader({ sort, by, label, onSort }: { sort: CaptureSort; by: CaptureSortKey; label: string; onSort: (key: CaptureSortKey) => void }) {
  const active = sort.key === by;
  return (
    <th aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" data-testid="capture-sort" data-sort-key={by} data-active={active} onClick={() => onSort(by)}>
        {label}
        {active && by !== 'case' ? (sort.dir === 'asc' ? ' ↑' : ' ↓') : ''}
      </button>
    </th>
  );
}

function CaseHeaderRow({ item, selected, onSelect, onDelete }: { item: CaseWithCaptures } & Pick<Props, 'selected' | 'onSelect' | 'onDelete'>) {
  const c = item.case;
  const bytes = item.captures.reduce((n, x) => n + x.artifacts.reduce((k, a) => k + a.bytes, 0), 0);
  const ids = item.captures.map((x) => x.id);
  // the group of search results pages (no case: nothing to open, each page is deleted on its own)
  const searchPages = c.id === '';
  return (
    <tr data-testid={searchPages ? 'search-pages' : 'case'} data-case-id={c.id}>
      <th colSpan={COLUMNS}>
        <label>
          <input
            type="checkbox"
            aria-label={translate(m, 'selectCase')}
            checked={ids.length > 0 && ids.every((id) => selected.has(id))}
            onChange={(e) => onSelect(ids, e.currentTarget.checked)}
          />{' '}
          {searchPages ? translate(m, 'searchPages') : <a href={caseHref(c.id)}>{translate(m, 'case', { shop: c.shopName, platform: c.platform })}</a>}
        </label>{' '}
        <span className="muted" data-testid="case-storage" data-bytes={bytes}>
          {translate(dm, 'storage', { size: formatBytes(bytes) })}
        </span>{' '}
        {searchPages ? null : (
          <button type="button" data-testid="case-delete" onClick={() => onDelete({ kind: 'case', caseId: c.id, shopName: c.shopName, captureIds: ids })}>
            {translate(dm, 'deleteCase')}
          </button>
        )}
      </th>
    </tr>
  );
}

type RowProps = { capture: CaptureRecord; timestamp?: TimestampRecord; lockerState?: LockerFileState; selected: boolean } & Pick<
  Props,
  'actor' | 'onSelect' | 'onDelete'
>;

// Memoised: adding the next chunk of rows, ticking one, or a new timestamp elsewhere leaves the
// others as they are. A stored capture never changes but for its notes, so a re-read record with
// the same id and notes is the same row.
function sameRow(a: RowProps, b: RowProps): boolean {
  return (
    a.capture.id === b.capture.id &&
    a.capture.notes === b.capture.notes &&
    a.timestamp?.status === b.timestamp?.status &&
    a.timestamp?.genTime === b.timestamp?.genTime &&
    a.timestamp?.lastError === b.timestamp?.lastError &&
    a.lockerState === b.lockerState &&
    a.selected === b.selected &&
    a.actor === b.actor &&
    a.onSelect === b.onSelect &&
    a.onDelete === b.onDelete
  );
}

const MemoCaptureRow = memo(function MemoCaptureRow({ capture, onSelect, onDelete, ...rest }: RowProps) {
  return (
    <CaptureRow
      capture={capture}
      {...rest}
      onSelect={(on) => onSelect([capture.id], on)}
      onDelete={() => onDelete({ kind: 'capture', captureId: capture.id })}
    />
  );
}, sameRow);

/** The captures as one table, grouped by case or sorted by a column, drawn a screenful at a time past the first 500. */
export function CaptureList(props: Props) {
  const { cases, listKey, sort, onSort, selected, onSelect, timestamps, lockerStateOf, actor, onDelete } = props;
  const rows = useMemo(() => captureRows(cases, sort), [cases, sort]);
  const renderRow = (row: CaptureListRow) =>
    row.kind === 'case' ? (
      <CaseHeaderRow key={`case-${row.item.case.id}`} item={row.item} selected={selected} onSelect={onSelect} onDelete={onDelete} />
    ) : (
      <MemoCaptureRow
        key={row.capture.id}
        capture={row.capture}
        timestamp={timestamps.get(row.capture.id)}
        actor={actor}
        lockerState={lockerStateOf?.(row.capture.id)}
        selected={selected.has(row.capture.id)}
        onSelect={onSelect}
        onDelete={onDelete}
      />
    );
  return (
    <table data-testid="capture-list" data-sort={`${sort.key}-${sort.dir}`} data-rows={rows.length}>
      <thead>
        <tr>
          <SortHeader sort={sort} by="case" label={translate(m, 'sortByCase')} onSort={onSort} />
          <SortHeader sort={sort} by="shop" label={translate(m, 'sortByShop')} onSort={onSort} />
          <SortHeader sort={sort} by="price" label={translate(m, 'price')} onSort={onSort} />
          <th>{translate(m, 'verdict')}</th>
          <SortHeader sort={sort} by="time" label={translate(m, 'capturedAt')} onSort={onSort} />
          <th />
        </tr>
      </thead>
      <WindowedRows items={rows} resetKey={`${listKey}|${sort.key}-${sort.dir}`} headCount={headLength(rows)} colSpan={COLUMNS} renderRow={renderRow} />
    </table>
  );
}
