// Everything a page supplied is hostile: report.html is a generated string, so every
// interpolation passes through here. Quotes are escaped too, so the result is safe in attributes.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Lone surrogates and C0 controls other than tab/LF/CR are replaced: they are not valid HTML text.
  return (
    String(value)
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
      .replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c)
  );
}
