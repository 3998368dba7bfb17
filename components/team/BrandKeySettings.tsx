import { useEffect, useState } from 'react';
import { defineMessages, translate } from '@/utils/i18n/locale';
import { loadBrandKey, parseBrandKey, saveBrandKey, type BrandKeyProblem } from '@/utils/authorized/brand-key';

// The brand's public key that a synced authorized list must be signed with (`<list>.sig`),
// pinned here or by the company's managed storage (then read-only). Saved with `settings-save`.

const m = defineMessages({
  en: {
    title: 'Brand public key (signed authorized list)',
    about:
      'Paste the brand’s public key (PEM “PUBLIC KEY” or base64 SPKI). Once set, a synced list is only taken when its signature (<list URL>.sig) was made with this key; otherwise the list in force stays.',
    managed: 'Set by your organisation; it cannot be changed here.',
    fingerprint: 'Key fingerprint (SHA-256 of the SPKI)',
    none: 'No key pinned: synced lists are taken unsigned.',
    'problem-not-base64': 'Brand public key: not a PEM public key or base64 text',
    'problem-not-p256': 'Brand public key: not an ECDSA P-256 public key (SubjectPublicKeyInfo)',
  },
  'zh-CN': {
    title: '品牌公钥（签名授权名单）',
    about: '粘贴品牌方公钥（PEM“PUBLIC KEY”或 base64 SPKI）。设置后，只有签名文件（<名单地址>.sig）由该密钥签名的同步名单才会被采用，否则保留现行名单。',
    managed: '由您的组织设置，此处不能修改。',
    fingerprint: '密钥指纹（SPKI 的 SHA-256）',
    none: '未设置公钥：同步名单无需签名。',
    'problem-not-base64': '品牌公钥：不是 PEM 公钥或 base64 文本',
    'problem-not-p256': '品牌公钥：不是 ECDSA P-256 公钥（SubjectPublicKeyInfo）',
  },
});

interface Props {
  registerSave: (save: () => Promise<boolean>) => void;
}

export function BrandKeySettings({ registerSave }: Props) {
  const [text, setText] = useState<string | undefined>();
  const [managed, setManaged] = useState(false);
  const [keyId, setKeyId] = useState('');
  const [problem, setProblem] = useState<BrandKeyProblem | undefined>();
  useEffect(() => {
    void loadBrandKey().then((k) => {
      setText(k.text);
      setManaged(k.managed);
      setKeyId(k.key?.keyId ?? '');
      setProblem(k.problem);
    });
  }, []);

  registerSave(async () => {
    if (managed || text === undefined) return true;
    const found = await saveBrandKey(text);
    setProblem(found);
    if (found) return false;
    const parsed = await parseBrandKey(text);
    setKeyId(parsed.ok ? (parsed.key?.keyId ?? '') : '');
    return true;
  });

  if (text === undefined) return null;
  return (
    <section data-testid="brand-key-settings">
      <h2>{translate(m, 'title')}</h2>
      <p className="muted">{translate(m, managed ? 'managed' : 'about')}</p>
      <textarea
        data-testid="brand-public-key"
        rows={4}
        cols={70}
        value={text}
        readOnly={managed}
        spellCheck={false}
        aria-invalid={problem !== undefined}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {problem ? (
        <p className="bad" data-testid="brand-key-problem" data-problem={problem}>
          {translate(m, `problem-${problem}`)}
        </p>
      ) : null}
      <p data-testid="brand-key-fingerprint" data-value={keyId}>
        {keyId ? (
          <>
            {translate(m, 'fingerprint')}: <code>{keyId}</code>
          </>
        ) : (
          translate(m, 'none')
        )}
      </p>
    </section>
  );
}
