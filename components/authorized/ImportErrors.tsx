import type { ImportProblem } from '@/utils/model/authorized-list';
import { translate } from '@/utils/i18n/locale';
import { problemText } from '@/utils/authorized/problem-text';
import { am } from '@/components/authorized/authorized-messages';

/** One child per problem (contract §2); file-derived text is rendered as React text only. */
export function ImportErrors({ problems, error }: { problems: readonly ImportProblem[]; error?: string }) {
  return (
    <div>
      <strong>{translate(am, 'errorsTitle')}</strong>
      <ul data-testid="import-errors">
        {problems.map((p, i) => (
          <li key={i} data-row={p.row} data-field={p.field} data-code={p.code}>
            {[p.file, p.sheet, p.row > 0 ? translate(am, 'row', { row: p.row }) : undefined, p.field].filter(Boolean).join(' · ')}
            {' — '}
            {problemText(p)}
          </li>
        ))}
        {error && (
          <li data-row={0} data-field="" data-code="storage">
            {translate(am, 'storageError', { error })}
          </li>
        )}
      </ul>
    </div>
  );
}
