import type { ContentScriptContext } from '#imports';
import { mountPanel } from '@/utils/content/mount-panel';
import type { MarketplaceAdapter } from '@/utils/marketplaces/adapter';
import { messaging } from '@/utils/messaging/protocol';
import { currentLocale } from '@/utils/i18n/locale';
import { EvidencePanel } from '@/components/panel/EvidencePanel';
import { initialView, type PanelView } from '@/utils/content/panel-view';
import { observePage } from '@/utils/content/observe-page';
import { ListingController } from '@/utils/content/listing-controller';
import { SearchSession } from '@/utils/content/search-session';
import { LocalVerdicts, SEARCH_RESULT_PLATFORMS } from '@/utils/content/local-verdicts';
import { registerTabHandlers } from '@/utils/content/tab-handlers';
import { pageSummary } from '@/utils/content/page-summary';
import { createPageChatSession } from '@/utils/content/page-chat-session';
import { registerChatTabHandlers } from '@/utils/content/chat-tab-handlers';
import { ChatSection } from '@/components/panel/ChatSection';
import { CaptureFlaggedButton } from '@/components/panel/CaptureFlaggedButton';
import { createFlaggedRun } from '@/utils/content/flagged-run';
import { ResultPicks } from '@/utils/content/result-picks';

/**
 * Everything a marketplace content script does: mount the panel, read the page with its adapter,
 * follow changes (late prices, infinite scroll, SPA navigation) and answer the background.
 */
export async function runContentScript(ctx: ContentScriptContext, adapter: MarketplaceAdapter): Promise<void> {
  const panel = await mountPanel(ctx);
  let view: PanelView = initialView();
  // A chat panel on any page of these hosts, picked by the user (contract §1).
  const chat = createPageChatSession(() => render());
  const render = () =>
    panel.render(
      <EvidencePanel
        view={view}
        onCapture={() => void listing.capture()}
        chat={<ChatSection view={chat.view} actions={chat} pickable />}
        flagged={
          view.search ? (
            <CaptureFlaggedButton
              search={view.search}
              run={view.run}
              error={flagged.error()}
              onStart={() => void flagged.start()}
              onControl={(c) => void flagged.control(c)}
            />
          ) : null
        }
      />,
    );
  const update = (patch: Partial<PanelView>) => {
    view = { ...view, ...patch };
    render();
  };
  const flagged = createFlaggedRun(() => view, update);
  render();

  const requestVerdicts = async (queries: Parameters<typeof messaging.sendMessage<'contentVerdicts'>>[1]['queries']) =>
    (await messaging.sendMessage('contentVerdicts', { queries })).verdicts;
  const listing = new ListingController(adapter, update, () => view, requestVerdicts);
  const local = new LocalVerdicts(SEARCH_RESULT_PLATFORMS[adapter.id], (platforms) => messaging.sendMessage('contentSellerDigest', { platforms }));
  // A tick or untick recounts what the capture-flagged button captures at once.
  const picks = new ResultPicks(() => {
    if (view.search) update({ search: { ...view.search, picked: picks.among(view.search.flagged ?? []) } });
  });
  const search = new SearchSession(adapter, { requestVerdicts, local, lang: currentLocale() === 'zh-CN' ? 'zh' : 'en', picks });

  let running = false;
  let again = false;
  const refresh = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const url = new URL(location.href);
      const kind = adapter.detectPage(document, url);
      if (kind === 'search') {
        const { blocked, ...summary } = await search.refresh(document, url);
        update({ kind: 'search', state: blocked ?? 'ready', platform: adapter.id, search: summary, listing: undefined });
        await messaging.sendMessage('contentBadgeCount', { unauthorized: summary.unauthorized, belowMin: summary.belowMin }).catch(() => {});
      } else if (kind === 'item') {
        await listing.refresh(document, url);
      } else {
        update({ kind: 'none', state: 'not-a-listing', platform: adapter.id, listing: undefined, search: undefined });
      }
    } catch (err) {
      update({ state: 'error', detail: String(err) });
    } finally {
      running = false;
      if (again) {
        again = false;
        void refresh();
      }
    }
  };

  registerChatTabHandlers(ctx, chat);
  registerTabHandlers(ctx, {
    onCapture: () => listing.capture(),
    onProgress: (p) => listing.onProgress(p),
    onListChanged: () => {
      search.reset();
      listing.resetVerdict();
      void refresh();
    },
    summary: () => pageSummary(view),
    runnerPage: () => listing.runnerPage(),
    onRunProgress: (p) => flagged.onProgress(p),
  });
  await refresh();
  if (view.kind === 'search') void flagged.restore();
  const stop = observePage(document.documentElement, () => void refresh());
  ctx.onInvalidated(stop);
  // SPA navigation between items without a page load.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    listing.resetForNavigation();
    void refresh();
  });
  // A page that never reaches its required fields must leave `loading` when the deadline passes.
  ctx.setTimeout(() => void refresh(), 10_500);
}
