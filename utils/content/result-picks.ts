import type { Platform } from '@/utils/model/listing';

// Which flagged results the investigator ticked on this search page. Page state only: it is
// never stored, and a reload starts with none ticked (capture every flagged result).

export interface PickedItem {
  platform: Platform;
  itemId: string;
}

const keyOf = (item: PickedItem) => `${item.platform}:${item.itemId}`;

export class ResultPicks {
  private ticked = new Set<string>();

  /**
   * `trusted` decides whether a change event came from the person: a page script can click our
   * checkbox too, and must not narrow what gets captured.
   */
  constructor(
    private onChange: () => void,
    readonly trusted: (event: Event) => boolean = (event) => event.isTrusted,
  ) {}

  has(item: PickedItem): boolean {
    return this.ticked.has(keyOf(item));
  }

  set(item: PickedItem, ticked: boolean): void {
    const key = keyOf(item);
    if (ticked === this.ticked.has(key)) return;
    if (ticked) this.ticked.add(key);
    else this.ticked.delete(key);
    this.onChange();
  }

  /** The ticked ones among `flagged`, in page order (a result no longer flagged drops out). */
  among(flagged: readonly PickedItem[]): PickedItem[] {
    return this.ticked.size ? flagged.filter((item) => this.ticked.has(keyOf(item))) : [];
  }
}

/** What a capture-flagged run captures: the ticked results if any are ticked, else every flagged one. */
export function itemsToCapture<T extends PickedItem>(search: { flagged?: T[]; picked?: T[] } | undefined): T[] {
  return search?.picked?.length ? search.picked : (search?.flagged ?? []);
}
