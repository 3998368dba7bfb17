import { translate } from '@/utils/i18n/locale';
import type { CaptureView } from '@/utils/content/panel-view';
import { panelMessages as m } from '@/components/panel/panel-messages';

export function CaptureButton({ capture, onCapture }: { capture: CaptureView; onCapture: () => void }) {
  const label =
    capture.state === 'running'
      ? translate(m, 'capture-running', { step: capture.step ?? '' })
      : capture.state === 'done'
        ? translate(m, 'capture-done')
        : capture.state === 'failed'
          ? translate(m, 'capture-failed', { error: capture.error ?? '' })
          : translate(m, 'capture');
  return (
    <button
      type="button"
      className="lp-primary"
      data-testid="capture-button"
      data-capture-state={capture.state}
      {...(capture.evidenceId ? { 'data-evidence-id': capture.evidenceId } : {})}
      disabled={capture.state === 'running'}
      onClick={onCapture}
    >
      {label}
    </button>
  );
}
