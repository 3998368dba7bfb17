import type { SearchResult } from '@/utils/model/search-result';
import type { PickedItem, ResultPicks } from '@/utils/content/result-picks';

// The tick box inside a flagged result's badge: "capture only the ticked ones". Built with
// createElement only (never page content as HTML); it lives inside our badge, so it is ours too.

const LABEL: Record<'zh' | 'en', string> = { zh: '只取证勾选的', en: 'capture this one' };
const STYLE = 'margin:0 0 0 4px;vertical-align:middle;cursor:pointer;width:12px;height:12px;';

const boxOf = new WeakMap<HTMLElement, HTMLInputElement>();
// The item and picks a box stands for now: a re-placed badge may show another result.
const targetOf = new WeakMap<HTMLInputElement, { item: PickedItem; picks: ResultPicks }>();

function newBox(doc: Document, lang: 'zh' | 'en'): HTMLInputElement {
  const box = doc.createElement('input');
  box.type = 'checkbox';
  box.dataset.testid = 'result-pick';
  box.setAttribute('aria-label', LABEL[lang]);
  box.title = LABEL[lang];
  box.style.cssText = STYLE;
  // The result card around the badge is often a link or has the page's own click handlers.
  box.addEventListener('click', (event) => event.stopPropagation());
  box.addEventListener('change', (event) => {
    const target = targetOf.get(box);
    if (!target) return;
    // Only the person may tick: a page script's change is undone.
    if (!target.picks.trusted(event)) box.checked = target.picks.has(target.item);
    else target.picks.set(target.item, box.checked);
  });
  return box;
}

/** Gives the badge a tick box in step with `picks`, or takes it away when there are none. */
export function syncPick(badge: HTMLElement, result: SearchResult, lang: 'zh' | 'en', picks: ResultPicks | undefined): void {
  const known = boxOf.get(badge);
  const box = known?.parentElement === badge ? known : undefined;
  if (!picks) {
    box?.remove();
    return;
  }
  const item: PickedItem = { platform: result.platform, itemId: result.itemId };
  const current = box ?? newBox(badge.ownerDocument, lang);
  targetOf.set(current, { item, picks });
  const checked = picks.has(item);
  if (current.checked !== checked) current.checked = checked;
  if (!box) {
    boxOf.set(badge, current);
    badge.append(current);
  }
}
