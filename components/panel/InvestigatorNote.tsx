import { useEffect, useState } from 'react';
import { defineMessages, translate } from '@/utils/i18n/locale';
import { loadSettings, watchSettings } from '@/utils/settings/settings';

const m = defineMessages({
  en: { missing: 'No investigator name or organisation is set in the dashboard: captures will not say who made them.' },
  'zh-CN': { missing: '控制台中未设置取证人姓名或机构：取证记录将无法说明由谁取证。' },
});

/** Says, before the click, that a capture would carry no investigator (it then carries a warning). */
export function InvestigatorNote() {
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    const check = (s: { investigator: string; investigatorOrg: string }) => setMissing(!s.investigator || !s.investigatorOrg);
    void loadSettings().then(check, () => undefined);
    return watchSettings(check);
  }, []);
  return missing ? (
    <p className="lp-note" data-testid="investigator-missing">
      {translate(m, 'missing')}
    </p>
  ) : null;
}
