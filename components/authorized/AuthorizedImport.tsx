import type { ChangeEvent } from 'react';
import { translate } from '@/utils/i18n/locale';
import { am } from '@/components/authorized/authorized-messages';

/** The contract's file input: choosing files imports them at once (no separate button). */
export function AuthorizedImport({ onFiles, busy }: { onFiles: (files: File[]) => void; busy?: boolean }) {
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(e.currentTarget.files ?? []);
    // cleared so that choosing the same file again (after fixing it) fires a change
    e.currentTarget.value = '';
    if (files.length) onFiles(files);
  };
  return (
    <label>
      <span>{translate(am, busy ? 'importing' : 'importLabel')} </span>
      <input type="file" multiple data-testid="authorized-import" accept=".json,.csv,.xlsx" onChange={onChange} aria-busy={busy} />
    </label>
  );
}
