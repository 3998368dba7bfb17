// Follows a page that keeps changing (late prices, infinite scroll, SPA re-renders) with one
// debounced MutationObserver; changes inside our own UI are ignored so we never loop on ourselves.

export const OWN_UI_ATTRIBUTE = 'data-listingproof-ui';

function isOwn(node: Node | null): boolean {
  const el = node instanceof Element ? node : node?.parentElement;
  return !!el?.closest(`[${OWN_UI_ATTRIBUTE}]`);
}

export function observePage(root: Node, onChange: () => void, debounceMs = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    if (records.every((r) => isOwn(r.target))) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => {
    clearTimeout(timer);
    observer.disconnect();
  };
}
