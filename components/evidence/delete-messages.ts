import { defineMessages } from '@/utils/i18n/locale';

export const deleteMessages = defineMessages({
  en: {
    deleteCapture: 'Delete…',
    deleteCase: 'Delete case…',
    titleCapture: 'Delete this capture',
    titleCase: 'Delete the case “{shop}” and its {n} captures',
    explain:
      'The files are removed from this browser. The custody log keeps a record of what was deleted (its hashes), by whom and why, and every later package carries it.',
    reason: 'Reason (required)',
    unexported: 'Never exported: {n} of these captures exist nowhere else. I confirm deleting them.',
    confirm: 'Delete',
    cancel: 'Cancel',
    failed: 'Not deleted: {error}',
    storage: '{size} stored',
    tombstones: 'Deleted evidence',
    tombstone: '{title} ({platform} · {itemId}), captured {capturedAt}; deleted {deletedAt} by {actor}: “{reason}” (custody entry #{seq})',
    nearlyFull: 'Storage is {pct}% full. Export older captures, then delete them here (Delete…) to make room for new ones.',
  },
  'zh-CN': {
    deleteCapture: '删除…',
    deleteCase: '删除案件…',
    titleCapture: '删除此取证记录',
    titleCase: '删除案件“{shop}”及其 {n} 条取证记录',
    explain: '文件将从本浏览器中删除。保管链日志会记录删除了什么（其哈希）、由谁删除及原因，之后导出的每个证据包都会带上这条记录。',
    reason: '删除原因（必填）',
    unexported: '从未导出：其中 {n} 条取证记录在别处没有副本。我确认删除。',
    confirm: '删除',
    cancel: '取消',
    failed: '未删除：{error}',
    storage: '占用 {size}',
    tombstones: '已删除的证据',
    tombstone: '{title}（{platform} · {itemId}），取证于 {capturedAt}；{deletedAt} 由 {actor} 删除，原因：“{reason}”（保管链第 {seq} 条）',
    nearlyFull: '存储已用 {pct}%。请先导出较早的取证记录，再在此处删除（删除…）以腾出空间。',
  },
});

export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
