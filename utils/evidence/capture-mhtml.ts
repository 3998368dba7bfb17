import { errorMessage } from '@/utils/evidence/capture-step-error';

// `pageCapture.saveAsMHTML` saves the page as the browser holds it (HTML plus its resources).
// Its first call in a fresh profile can fail to read the page, so it is retried; Firefox has no
// pageCapture at all, and then the serialized DOM (page.html) is the page source.

export type SaveAsMhtml = (details: { tabId: number }) => Promise<Blob | undefined>;

export interface MhtmlOptions {
  attempts?: number;
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface MhtmlResult {
  blob?: Blob;
  warnings: string[];
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function captureMhtml(saveAsMHTML: SaveAsMhtml | undefined, tabId: number, options: MhtmlOptions = {}): Promise<MhtmlResult> {
  if (!saveAsMHTML) return { warnings: ['MHTML not saved: this browser has no pageCapture API; the serialized DOM is the page source'] };
  const attempts = options.attempts ?? 3;
  const sleep = options.sleep ?? realSleep;
  let last = 'no data';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const blob = await saveAsMHTML({ tabId });
      if (blob && blob.size > 0) {
        // Chromium backs this Blob with a temporary file that can vanish before it is read (seen
        // as NotFoundError, mostly on a profile's first capture): read it now, and retry if that fails.
        const bytes = new Uint8Array(await blob.arrayBuffer());
        const warnings = attempt > 1 ? [`MHTML saved on attempt ${attempt} of ${attempts}`] : [];
        return { blob: new Blob([bytes], { type: blob.type || 'multipart/related' }), warnings };
      }
      last = 'the browser returned no data';
    } catch (err) {
      last = errorMessage(err);
    }
    if (attempt < attempts) await sleep((options.delayMs ?? 400) * attempt);
  }
  return { warnings: [`MHTML not saved after ${attempts} attempts: ${last}`] };
}
