import type { CaptureEnvironment } from '@/utils/model/capture';

// The facts a court or an opposing expert asks about a capture: which browser, which build of
// the extension, which other extensions could have altered the page, where and at what scale.
// Page-side facts come from the content script; the rest from the background. APIs are passed
// in so this runs in node tests and in both extension contexts unchanged.

interface UaBrand {
  brand: string;
  version: string;
}
/** `navigator.userAgentData` (Chromium only; not in TypeScript's DOM library). */
interface UserAgentData {
  brands?: UaBrand[];
  platform?: string;
  getHighEntropyValues?: (hints: string[]) => Promise<{ fullVersionList?: UaBrand[]; platformVersion?: string; platform?: string }>;
}

export interface NavigatorLike {
  userAgent: string;
  language: string;
  userAgentData?: UserAgentData;
}

export type PageEnvironment = Omit<CaptureEnvironment, 'extensionVersion' | 'otherExtensions'>;

export interface ExtensionEnvironment {
  extensionVersion: string;
  otherExtensions?: CaptureEnvironment['otherExtensions'];
}

// Real brands first; "Not A;Brand"-style grease entries are skipped.
function pickBrand(brands: UaBrand[] | undefined): UaBrand | undefined {
  const real = (brands ?? []).filter((b) => !/not.?a.?brand/i.test(b.brand));
  return real.find((b) => !/^chromium$/i.test(b.brand)) ?? real[0];
}

/** Browser name and version from a UA string (Firefox, Edge, Chrome, Safari, else the UA). */
export function browserFromUserAgent(ua: string): string {
  const rules: [RegExp, string][] = [
    [/Firefox\/([\d.]+)/, 'Firefox'],
    [/Edg\/([\d.]+)/, 'Microsoft Edge'],
    [/OPR\/([\d.]+)/, 'Opera'],
    [/Chrome\/([\d.]+)/, 'Chrome'],
    [/Version\/([\d.]+).*Safari\//, 'Safari'],
  ];
  for (const [re, name] of rules) {
    const m = re.exec(ua);
    if (m) return `${name} ${m[1]}`;
  }
  return ua || 'unknown';
}

export function osFromUserAgent(ua: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/Windows NT ([\d.]+)/, (m) => `Windows NT ${m[1]}`],
    [/Mac OS X ([\d_.]+)/, (m) => `macOS ${(m[1] ?? '').replace(/_/g, '.')}`],
    [/Android ([\d.]+)/, (m) => `Android ${m[1]}`],
    [/CrOS/, () => 'ChromeOS'],
    [/Linux/, () => 'Linux'],
  ];
  for (const [re, f] of rules) {
    const m = re.exec(ua);
    if (m) return f(m);
  }
  return 'unknown';
}

export async function collectPageEnvironment(
  nav: NavigatorLike,
  win: Pick<Window, 'innerWidth' | 'innerHeight' | 'devicePixelRatio'>,
): Promise<PageEnvironment> {
  let browser = browserFromUserAgent(nav.userAgent);
  let os = osFromUserAgent(nav.userAgent);
  const uad = nav.userAgentData;
  if (uad) {
    // Client hints give the full version where the UA string is frozen ("Chrome/131.0.0.0").
    const high = await uad.getHighEntropyValues?.(['fullVersionList', 'platformVersion']).catch(() => undefined);
    const brand = pickBrand(high?.fullVersionList) ?? pickBrand(uad.brands);
    if (brand) browser = `${brand.brand} ${brand.version}`;
    const platform = high?.platform || uad.platform;
    if (platform) os = high?.platformVersion ? `${platform} ${high.platformVersion}` : platform;
  }
  return {
    userAgent: nav.userAgent,
    browser,
    os,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'unknown',
    language: nav.language,
    viewport: { width: win.innerWidth, height: win.innerHeight, devicePixelRatio: win.devicePixelRatio || 1 },
  };
}

interface ExtensionInfoLike {
  id: string;
  name: string;
  version: string;
  enabled: boolean;
  type?: string;
}

export interface ExtensionApis {
  getManifest(): { version: string };
  /** own id, to leave ourselves out of "other extensions" */
  ownId?: string;
  /** `browser.permissions.contains({ permissions: ['management'] })` */
  hasManagement?(): Promise<boolean>;
  /** `browser.management.getAll`, present only when the optional permission was granted */
  getAllExtensions?(): Promise<ExtensionInfoLike[]>;
}

/** Extension version and, when `management` is granted, the other enabled extensions; never throws. */
export async function collectExtensionEnvironment(apis: ExtensionApis): Promise<ExtensionEnvironment> {
  const extensionVersion = apis.getManifest().version;
  let otherExtensions: ExtensionEnvironment['otherExtensions'];
  try {
    const granted = apis.hasManagement ? await apis.hasManagement() : Boolean(apis.getAllExtensions);
    if (granted && apis.getAllExtensions) {
      const all = await apis.getAllExtensions();
      otherExtensions = all
        .filter((e) => e.enabled && e.id !== apis.ownId && (e.type === undefined || e.type === 'extension'))
        .map(({ id, name, version, enabled }) => ({ id, name, version, enabled }));
    }
  } catch {
    otherExtensions = undefined;
  }
  return otherExtensions ? { extensionVersion, otherExtensions } : { extensionVersion };
}

export function combineEnvironment(page: PageEnvironment, extension: ExtensionEnvironment): CaptureEnvironment {
  return { ...page, ...extension };
}
