// The panel's CSS lives in its shadow root, so page styles cannot reach it nor it the page.
// Bottom-left, compact and collapsible: marketplace buy boxes sit top/right of the fold.
export const PANEL_CSS = `
:host { all: initial; }
.lp-panel { position: fixed; left: 12px; bottom: 12px; z-index: 2147483646; width: 300px; max-height: 60vh; overflow: auto;
  font: 12px/1.45 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; color: #1f2328;
  background: #fff; border: 1px solid #d0d7de; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.18); }
.lp-panel.lp-collapsed { width: auto; max-height: none; }
.lp-panel.lp-collapsed .lp-body { display: none; }
.lp-head { display: flex; align-items: center; gap: 6px; padding: 6px 8px; border-bottom: 1px solid #eaeef2; }
.lp-head strong { flex: 1; font-size: 12px; }
.lp-dot { width: 10px; height: 10px; border-radius: 50%; background: #8c959f; }
.lp-dot.bad { background: #cf222e; } .lp-dot.good { background: #1a7f37; } .lp-dot.warn { background: #bf8700; }
.lp-body { padding: 8px; }
.lp-row { display: flex; gap: 6px; margin: 2px 0; }
.lp-row > span:first-child { color: #59636e; flex: 0 0 76px; }
.lp-row > span:last-child { word-break: break-all; }
.lp-verdict { margin-top: 6px; padding: 6px; border-radius: 6px; background: #f6f8fa; }
.lp-verdict .bad { color: #cf222e; font-weight: 600; } .lp-verdict .good { color: #1a7f37; }
.lp-note { color: #59636e; margin: 4px 0; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid #d0d7de; background: #f6f8fa; padding: 3px 8px; }
button.lp-primary { background: #1f6feb; color: #fff; border-color: #1f6feb; width: 100%; margin-top: 8px; padding: 6px; }
button:disabled { opacity: .6; cursor: default; }
`;
