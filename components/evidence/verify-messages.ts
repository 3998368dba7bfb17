import { defineMessages } from '@/utils/i18n/locale';

export const verifyMessages = defineMessages({
  en: {
    heading: 'Verify an evidence package',
    choose: 'Choose a package (.zip)',
    dropHint: 'or drop it here',
    checking: 'Checking {name}…',
    intact: 'Intact: all {count} files match their SHA-256 in manifest.json and SHA256SUMS.',
    tampered: 'Not intact: {problems} problem(s), {files} file(s) failed.',
    unreadable: 'Not a readable evidence package.',
    problems: 'Problems, by file',
    files: 'Files checked',
    ok: 'matches',
    failed: 'does not match',
    digest: 'Manifest digest (what a signature or timestamp covers)',
    readError: 'The file could not be read: {message}',
  },
  'zh-CN': {
    heading: '校验证据包',
    choose: '选择证据包（.zip）',
    dropHint: '或拖放到此处',
    checking: '正在校验 {name}…',
    intact: '完好：全部 {count} 个文件与 manifest.json 和 SHA256SUMS 中的 SHA-256 一致。',
    tampered: '不完好：{problems} 个问题，{files} 个文件未通过。',
    unreadable: '不是可读取的证据包。',
    problems: '问题（按文件）',
    files: '已校验的文件',
    ok: '一致',
    failed: '不一致',
    digest: '清单摘要（签名或时间戳所覆盖的值）',
    readError: '无法读取文件：{message}',
  },
});
