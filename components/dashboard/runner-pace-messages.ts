import { defineMessages } from '@/utils/i18n/locale';

export const runnerPaceMessages = defineMessages({
  en: {
    pace: 'Capture flagged results: one listing every',
    to: 'to',
    seconds: 'seconds (with jitter)',
    save: 'Save pace',
    bad: 'The pace must be whole seconds from 0 to 600, the first not above the second; nothing was saved.',
  },
  'zh-CN': {
    pace: '批量取证：每个商品间隔',
    to: '至',
    seconds: '秒（随机抖动）',
    save: '保存间隔',
    bad: '间隔须为 0 到 600 的整数秒，且前者不大于后者；未保存。',
  },
});
