import { defineMessages } from '@/utils/i18n/locale';

// The chat part of the in-page panel, in both languages.

export const chatPanelMessages = defineMessages({
  en: {
    title: 'Chat evidence',
    pick: 'Capture conversation…',
    pickAgain: 'Pick another chat list',
    picking: 'Click the chat’s message list (Esc cancels)',
    pickHint: 'ListingProof: click the chat’s message list — Esc cancels',
    looking: 'Looking for the message list…',
    'no-list': 'No message list found here. Pick it with “Capture conversation”.',
    messages: 'Messages',
    capture: 'Capture conversation',
    reading: 'Loading history…',
    'step-screens': 'Screenshots {done}/{total}…',
    'step-other': 'Storing: {step}…',
    done: 'Conversation stored',
    failed: 'Capture failed: {error}',
    stop: 'Stop loading',
  },
  'zh-CN': {
    title: '聊天取证',
    pick: '取证聊天记录…',
    pickAgain: '重新选择聊天列表',
    picking: '请点击聊天的消息列表（Esc 取消）',
    pickHint: 'ListingProof：请点击聊天的消息列表，按 Esc 取消',
    looking: '正在查找消息列表…',
    'no-list': '未找到消息列表，请用“取证聊天记录”手动选择。',
    messages: '消息数',
    capture: '聊天记录取证',
    reading: '正在加载历史消息…',
    'step-screens': '截图 {done}/{total}…',
    'step-other': '保存中：{step}…',
    done: '聊天证据已保存',
    failed: '取证失败：{error}',
    stop: '停止加载',
  },
});
