import { useEffect, useRef, useState } from 'react';
import { translate } from '@/utils/i18n/locale';
import { loadSettings, saveSettings, type Settings } from '@/utils/settings/settings';
import { dashboardMessages as m } from '@/components/dashboard/dashboard-messages';
import { ScreenshotAccess } from '@/components/dashboard/ScreenshotAccess';
import { TrustSettings } from '@/components/dashboard/TrustSettings';
import { LockerSettings } from '@/components/locker/LockerSettings';
import { BrandKeySettings } from '@/components/team/BrandKeySettings';
import { RunnerPaceSetting } from '@/components/dashboard/RunnerPaceSetting';

export function SettingsSection() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [saved, setSaved] = useState(false);
  // one `settings-save` for the section (contract §6.2): the locker's fields are saved with it
  const lockerSave = useRef<(() => Promise<boolean>) | undefined>(undefined);
  const brandKeySave = useRef<(() => Promise<boolean>) | undefined>(undefined);
  useEffect(() => {
    void loadSettings().then(setSettings);
  }, []);
  if (!settings) return null;
  const change = async (patch: Partial<Settings>) => {
    setSettings(await saveSettings(patch));
    setSaved(true);
    // The language applies to every page: reload this one so it takes effect at once.
    if (patch.locale !== undefined) location.reload();
  };
  return (
    <section data-testid="settings">
      <h2>{translate(m, 'settings')}</h2>
      <TrustSettings
        alsoSave={async () => {
          const locker = (await lockerSave.current?.()) ?? true;
          const brandKey = (await brandKeySave.current?.()) ?? true;
          return locker && brandKey;
        }}
      />
      <LockerSettings ownSaveButton={false} registerSave={(save) => (lockerSave.current = save)} />
      <BrandKeySettings registerSave={(save) => (brandKeySave.current = save)} />
      <p>
        <label>
          {translate(m, 'language')}{' '}
          <select data-testid="language" value={settings.locale} onChange={(e) => void change({ locale: e.currentTarget.value as Settings['locale'] })}>
            <option value="">{translate(m, 'followBrowser')}</option>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </p>
      <p>
        <label>
          <input type="checkbox" checked={settings.stitchedCapture} onChange={(e) => void change({ stitchedCapture: e.currentTarget.checked })} />{' '}
          {translate(m, 'stitched')}
        </label>
      </p>
      <p>
        <label>
          <input type="checkbox" checked={settings.captureImages} onChange={(e) => void change({ captureImages: e.currentTarget.checked })} />{' '}
          {translate(m, 'captureImages')}
        </label>
      </p>
      <RunnerPaceSetting settings={settings} onChange={change} />
      {saved ? <p className="muted">{translate(m, 'saved')}</p> : null}
      <ScreenshotAccess />
    </section>
  );
}
