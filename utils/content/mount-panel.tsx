import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { setLocaleOverride } from '@/utils/i18n/locale';
import { loadSettings, localeOf } from '@/utils/settings/settings';
import { PANEL_CSS } from '@/components/panel/panel-styles';
import { markOwnNode } from '@/utils/content/own-nodes';

/**
 * Mounts our one panel in an open shadow root (contract §1), in the language chosen in the
 * dashboard, and returns how to render into it. Shared by the listing and chat scripts.
 */
export async function mountPanel(ctx: ContentScriptContext): Promise<{ render(node: ReactNode): void }> {
  const settings = await loadSettings().catch(() => undefined);
  setLocaleOverride(settings ? localeOf(settings) : undefined);
  let root: Root | undefined;
  const ui = await createShadowRootUi(ctx, {
    name: 'listingproof-panel',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    css: PANEL_CSS,
    onMount(container, _shadow, host) {
      markOwnNode(host);
      root = createRoot(container);
      return root;
    },
    onRemove(r) {
      r?.unmount();
    },
  });
  ui.mount();
  return { render: (node) => root?.render(node) };
}
