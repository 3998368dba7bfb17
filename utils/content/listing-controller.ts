import type { MarketplaceAdapter } from '@/utils/marketplaces/adapter';
import { messaging } from '@/utils/messaging/protocol';
import type { CaptureProgress, ContentStartCapture, VerdictQuery } from '@/utils/messaging/schemas';
import type { Verdict } from '@/utils/model/capture';
import type { PanelState, PanelView } from '@/utils/content/panel-view';
import { snapshot, takedownListing, toQuery, verdictKey } from '@/utils/content/listing-session';

/** Item-page logic of the content script: extraction -> panel view -> verdict -> capture. */
export class ListingController {
  private startedAt = performance.now();
  private lastVerdictKey = '';
  private verdictSeq = 0;
  private readonly requestedUrl = location.href;

  constructor(
    private adapter: MarketplaceAdapter,
    private update: (patch: Partial<PanelView>) => void,
    private view: () => PanelView,
    private requestVerdicts: (queries: VerdictQuery[]) => Promise<Verdict[]>,
  ) {}

  resetForNavigation(): void {
    this.startedAt = performance.now();
    this.lastVerdictKey = '';
    this.update({ state: 'loading', listing: undefined, verdict: undefined, capture: { state: 'idle' } });
  }

  resetVerdict(): void {
    this.lastVerdictKey = '';
  }

  async refresh(doc: Document, url: URL): Promise<void> {
    const snap = snapshot(this.adapter, doc, url, performance.now() - this.startedAt);
    this.update({
      kind: 'item',
      state: snap.state,
      platform: snap.removed?.platform ?? this.adapter.id,
      listing: snap.listing,
      removed: snap.removed,
      search: undefined,
      detail: snap.detail,
    });
    if (!snap.result.ok) return;
    const query = toQuery(snap.result.listing);
    const key = verdictKey(query);
    if (key === this.lastVerdictKey) return;
    this.lastVerdictKey = key;
    const seq = ++this.verdictSeq;
    try {
      const [verdict] = await this.requestVerdicts([query]);
      if (seq === this.verdictSeq && verdict) {
        this.update({ verdict });
        // The toolbar icon counts findings on this tab (here: this one listing).
        const unauthorized = verdict.seller === 'unauthorized' || verdict.seller === 'expired' ? 1 : 0;
        void messaging.sendMessage('contentBadgeCount', { unauthorized, belowMin: verdict.price === 'below-min' ? 1 : 0 }).catch(() => {});
      }
    } catch {
      this.lastVerdictKey = ''; // background asleep or restarting: ask again on the next change
    }
  }

  onProgress(p: CaptureProgress): void {
    if (p.state === 'running') this.update({ capture: { state: 'running', step: p.step } });
  }

  /**
   * What a capture of this page sends: the page read again now. A removed page is captured with
   * what is known, as proof of the takedown; undefined while there is nothing to capture.
   */
  capturePayload(): ContentStartCapture | undefined {
    const current = this.view();
    const capturable = current.state === 'ready' || current.state === 'removed';
    if (!capturable || current.kind !== 'item') return undefined;
    const url = new URL(location.href);
    const snap = snapshot(this.adapter, document, url, 0);
    const listing = snap.result.ok ? snap.result.listing : snap.removed && takedownListing(snap.removed, url, document.title);
    if (!listing) return undefined;
    return {
      extraction: {
        listing,
        sources: snap.result.ok ? (snap.result.sources as Record<string, 'state' | 'dom' | 'url'>) : { itemId: 'url' },
        warnings: snap.result.warnings.slice(0, 200).map((w) => w.slice(0, 2000)),
        extractorVersion: this.adapter.extractorVersion,
      },
      pageTitle: document.title.slice(0, 2000),
      requestedUrl: this.requestedUrl,
    };
  }

  /** The runner's view of this tab (utils/background/runner-service.ts): the state, and what to capture once there is something. */
  runnerPage(): { state: PanelState; capture?: ContentStartCapture } {
    const capture = this.capturePayload();
    return capture ? { state: this.view().state, capture } : { state: this.view().state };
  }

  async capture(): Promise<{ started: boolean }> {
    if (this.view().capture.state === 'running') return { started: false };
    const payload = this.capturePayload();
    if (!payload) return { started: false };
    this.update({ capture: { state: 'running', step: 'start' } });
    try {
      const { evidenceId } = await messaging.sendMessage('contentStartCapture', payload);
      this.update({ capture: { state: 'done', evidenceId } });
    } catch (err) {
      this.update({ capture: { state: 'failed', error: err instanceof Error ? err.message : String(err) } });
    }
    return { started: true };
  }
}
