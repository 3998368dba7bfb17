import { ownUiElements } from '@/utils/evidence/hide-own-ui';
import { localIsoString } from '@/utils/evidence/local-time';

// The DOM as the page has it now (after scripts ran), as a second page source beside MHTML.
// Our own UI is detached for the instant of serialisation and put back in the same task: no
// clone of a large page, and nothing is painted in between.

function doctypeOf(doc: Document): string {
  const dt = doc.doctype;
  if (!dt) return '';
  const pub = dt.publicId ? ` PUBLIC "${dt.publicId}"` : '';
  const sys = dt.systemId ? `${dt.publicId ? '' : ' SYSTEM'} "${dt.systemId}"` : '';
  return `<!DOCTYPE ${dt.name}${pub}${sys}>\n`;
}

/** A comment must not contain `--` nor end the comment early. */
function commentSafe(text: string): string {
  return text.replace(/-{2,}/g, (m) => '%2D'.repeat(m.length)).replace(/>/g, '%3E');
}

// The string is stored as UTF-8; a page declaring GBK/GB18030 would be mis-decoded when opened.
const META_CHARSET = /(<meta\b[^>]*?\bcharset\s*=\s*["']?)([\w-]+)/gi;

/** Doctype + a "saved by" comment + the serialized document element, our UI left out. */
export function serializeDom(doc: Document, url: string, at: string = localIsoString(new Date())): string {
  const detached: { el: Element; parent: Node; next: Node | null }[] = [];
  for (const el of ownUiElements(doc)) {
    // Nested markers go with their ancestor.
    if (detached.some((d) => d.el.contains(el)) || !el.parentNode) continue;
    detached.push({ el, parent: el.parentNode, next: el.nextSibling });
  }
  let markup: string;
  try {
    for (const d of detached) d.el.remove();
    markup = new XMLSerializer().serializeToString(doc.documentElement);
  } finally {
    for (const d of detached.reverse()) d.parent.insertBefore(d.el, d.next);
  }
  let declared: string | undefined;
  markup = markup.replace(META_CHARSET, (_m, head: string, charset: string) => {
    if (charset.toLowerCase() !== 'utf-8') declared = charset;
    return `${head}utf-8`;
  });
  const note = declared ? `; re-encoded as UTF-8 (the page declared ${declared})` : '';
  const comment = `<!-- saved by ListingProof from ${commentSafe(url)} at ${commentSafe(at)}${commentSafe(note)} -->\n`;
  return doctypeOf(doc) + comment + markup;
}
