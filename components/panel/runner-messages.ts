import { defineMessages } from '@/utils/i18n/locale';

export const runnerMessages = defineMessages({
  en: {
    'flagged-idle': 'Capture all {total} flagged results',
    'flagged-picked': 'Capture {total} ticked results',
    'flagged-none': 'No flagged results to capture',
    'flagged-running': 'Capturing flagged results: {done}/{total}',
    'flagged-paused': 'Paused at {done}/{total}',
    'flagged-blocked':
      'Paused at {done}/{total}: the marketplace asks for a login or verification in the tab brought forward. Solve it there; the run goes on by itself.',
    'flagged-done': 'Captured {done}/{total} flagged results',
    'flagged-failed': 'Finished with problems: {done}/{total} captured',
    pause: 'Pause',
    resume: 'Resume',
    cancel: 'Cancel',
    'start-failed': 'Could not start: {error}',
  },
  'zh-CN': {
    'flagged-idle': '批量取证全部 {total} 个异常结果',
    'flagged-picked': '取证勾选的 {total} 个结果',
    'flagged-none': '没有需要取证的异常结果',
    'flagged-running': '正在批量取证：{done}/{total}',
    'flagged-paused': '已暂停：{done}/{total}',
    'flagged-blocked': '已暂停 {done}/{total}：平台要求登录或验证，请在已切换到前台的标签页中完成，完成后自动继续。',
    'flagged-done': '已取证 {done}/{total} 个异常结果',
    'flagged-failed': '已结束，部分失败：已取证 {done}/{total}',
    pause: '暂停',
    resume: '继续',
    cancel: '取消',
    'start-failed': '无法开始：{error}',
  },
});
