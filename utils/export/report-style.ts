// The report's only style sheet, inline (the CSP allows nothing else). The language toggle is a
// pair of radio buttons that precede the document: `:checked ~` hides the other language.

export const REPORT_CSS = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
body { margin: 0; color: #1a1a1a; background: #fff; }
.doc { max-width: 1100px; margin: 0 auto; padding: 24px; }
.lang-radio { position: absolute; opacity: 0; pointer-events: none; }
#lang-zh:checked ~ .doc .en, #lang-en:checked ~ .doc .zh { display: none; }
.toggle { float: right; display: flex; gap: 6px; }
.toggle label { border: 1px solid #888; border-radius: 4px; padding: 2px 8px; cursor: pointer; }
#lang-zh:checked ~ .doc label[for="lang-zh"], #lang-en:checked ~ .doc label[for="lang-en"] { background: #1a1a1a; color: #fff; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 2px solid #1a1a1a; } h3 { margin-top: 1.4rem; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: .9rem; }
th, td { border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; white-space: nowrap; }
td { overflow-wrap: anywhere; }
code, .hash { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .8rem; overflow-wrap: anywhere; }
.capture { page-break-before: always; }
figure { margin: 8px 0; border: 1px solid #ddd; padding: 6px; }
figure img { max-width: 100%; height: auto; display: block; }
figcaption { font-size: .8rem; color: #444; }
.warnings li { color: #8a4b00; }
pre { background: #f3f3f3; padding: 8px; overflow-x: auto; }
@media print { .toggle { display: none; } }
`;
